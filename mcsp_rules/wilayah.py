"""The region list (Kemendagri codes, ODbL; see mcsp_rules/data/wilayah/SOURCE.md): province and kind of
every pemda come from its code, never from what an export claims."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import polars as pl

from mcsp_rules.model import JENIS_PEMDA  # noqa: F401 — the kinds this list assigns

# Package data, read through importlib.resources so an installed wheel finds it as the checkout does.
DATA_WILAYAH = resources.files("mcsp_rules") / "data" / "wilayah"


def _rapikan(nama: pl.Expr) -> pl.Expr:
    """'KABUPATEN ACEH SELATAN' → 'Kabupaten Aceh Selatan'; 'DKI JAKARTA' keeps its acronym."""
    return nama.str.to_titlecase().str.replace(r"^Dki ", "DKI ").str.replace(r"^Di ", "DI ")


@lru_cache(maxsize=1)
def daftar_wilayah() -> pl.DataFrame:
    """kode_wilayah, nama_wilayah, kode_provinsi, provinsi, jenis_pemda for all 552 pemda."""
    prov = pl.read_csv((DATA_WILAYAH / "provinces.csv").read_bytes(), schema={"code": pl.String, "name": pl.String})
    kab = pl.read_csv(
        (DATA_WILAYAH / "regencies.csv").read_bytes(),
        schema={"code": pl.String, "province_code": pl.String, "name": pl.String},
    )
    provinsi = prov.select(
        pl.col("code").alias("kode_wilayah"),
        ("Provinsi " + _rapikan(pl.col("name"))).alias("nama_wilayah"),
        pl.col("code").alias("kode_provinsi"),
        _rapikan(pl.col("name")).alias("provinsi"),
        pl.lit("provinsi").alias("jenis_pemda"),
    )
    kabkota = kab.join(prov, left_on="province_code", right_on="code", suffix="_prov").select(
        pl.col("code").alias("kode_wilayah"),
        _rapikan(pl.col("name")).alias("nama_wilayah"),
        pl.col("province_code").alias("kode_provinsi"),
        _rapikan(pl.col("name_prov")).alias("provinsi"),
        pl.when(pl.col("name").str.starts_with("KOTA ")).then(pl.lit("kota")).otherwise(pl.lit("kabupaten"))
        .alias("jenis_pemda"),
    )
    return pl.concat([provinsi, kabkota]).sort("kode_wilayah")
