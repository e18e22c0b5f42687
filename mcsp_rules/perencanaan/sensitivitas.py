"""Sensitivity of ranks and bands to the area weights (for KPK coordinators).

KPK's official area weights are not public, so every ranking rests on an assumption. This compares
each pemda's index, band and rank under the default weights (the plugins', or ``bobot_bawaan``)
with those under alternative weights, using the engine's own arithmetic (``skor.skor_area`` once,
``skor.indeks_dari_area`` per set of weights), and names the pemda whose rank moves most.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import polars as pl

from mcsp_rules.hitung.skor import indeks_dari_area, kategori, skor_area, tabel_bobot

Bobot = Mapping[tuple[int, str], float]


@dataclass
class HasilSensitivitas:
    tahun: int
    kode_provinsi: str | None  # ranks are within this province, or national when None
    tabel: pl.DataFrame  # one row per pemda, most sensitive first
    bobot: pl.DataFrame  # per area: bobot_bawaan, bobot_alternatif

    @property
    def paling_sensitif(self) -> dict | None:
        """The pemda whose rank moves most (then whose index moves most, then by code)."""
        ada = self.tabel.filter(pl.col("geser_peringkat").is_not_null())
        return ada.row(0, named=True) if ada.height else None


def sensitivitas(data, bobot_alternatif: Bobot, *, tahun: int | None = None, kode_provinsi: str | None = None,
                 bobot_bawaan: Bobot | None = None) -> HasilSensitivitas:
    """Ranks and bands under default vs alternative area weights ({(tahun, area): w}; areas not
    named keep their default weight). Ranks are national, or within ``kode_provinsi``; 1 is the
    highest index and ties share the best rank. ``geser_peringkat`` = rank before − rank after, so
    a positive shift means the pemda moves up under the alternative weights."""
    from mcsp_rules.perencanaan.simulasi import tahun_data
    from mcsp_rules.wilayah import daftar_wilayah

    area = skor_area(data.rincian, data.ringkasan, data.registri).collect()
    tahun = tahun_data(area.select("tahun"), tahun)
    area = area.filter(pl.col("tahun") == tahun)
    if kode_provinsi:
        kode = daftar_wilayah().filter(pl.col("kode_provinsi") == kode_provinsi)["kode_wilayah"]
        area = area.filter(pl.col("kode_wilayah").is_in(kode.to_list()))
    bawaan = tabel_bobot(data.registri, bobot_bawaan)
    alternatif = tabel_bobot(data.registri, {**dict(bobot_bawaan or {}), **dict(bobot_alternatif)}, sumber="alternatif")

    def hitung(bobot: pl.DataFrame, akhiran: str) -> pl.LazyFrame:
        return indeks_dari_area(area.lazy(), bobot).select(
            "kode_wilayah",
            pl.col("indeks").alias(f"indeks_{akhiran}"),
            kategori(pl.col("indeks"), data.registri).alias(f"kategori_{akhiran}"),
            pl.col("indeks").rank("min", descending=True).cast(pl.Int64).alias(f"peringkat_{akhiran}"),
        )

    tabel = (
        hitung(bawaan, "bawaan").join(hitung(alternatif, "alternatif"), on="kode_wilayah", how="left")
        .join(daftar_wilayah().lazy(), on="kode_wilayah", how="left")
        .with_columns(
            pl.lit(tahun, dtype=pl.Int32).alias("tahun"),
            (pl.col("indeks_alternatif") - pl.col("indeks_bawaan")).alias("selisih_indeks"),
            (pl.col("peringkat_bawaan") - pl.col("peringkat_alternatif")).alias("geser_peringkat"),
            pl.col("kategori_bawaan").ne_missing(pl.col("kategori_alternatif")).alias("kategori_berubah"),
        )
        .select("tahun", "kode_wilayah", "nama_wilayah", "kode_provinsi", "provinsi", "jenis_pemda",
                "indeks_bawaan", "indeks_alternatif", "selisih_indeks", "kategori_bawaan", "kategori_alternatif",
                "kategori_berubah", "peringkat_bawaan", "peringkat_alternatif", "geser_peringkat")
        .sort([pl.col("geser_peringkat").abs(), pl.col("selisih_indeks").abs(), pl.col("kode_wilayah")],
              descending=[True, True, False], nulls_last=True)
        .collect()
    )
    bobot = (
        bawaan.filter(pl.col("tahun") == tahun).select("area", pl.col("bobot").alias("bobot_bawaan"))
        .join(alternatif.filter(pl.col("tahun") == tahun).select("area", pl.col("bobot").alias("bobot_alternatif")),
              on="area", how="left")
        .sort("area")
    )
    return HasilSensitivitas(tahun, kode_provinsi, tabel, bobot)
