"""Gaps ("celah"): every item not yet scoring 100, with what closing it is worth.

The index is linear in item scores: index = Σ_area w_a/W × Σ_item bobot_i/B_a × skor_i. So closing one
gap (the item becomes ``diterima`` with nilai 100) raises the index by exactly
    kenaikan_i = w_a/W × bobot_i/B_a × (100 − skor_i)
independently of the other gaps. The profile page sorts by it, and the planner optimises over it.

Who acts (``pihak``): a document in ``proses verifikasi`` waits on KPK's verifier, not on the pemda;
every other gap (upload, fix) is the pemda's own work. Gap lists put the pemda's own gaps first, and
the planner plans only those (saying separately how much waits on verification).
"""

from __future__ import annotations

from typing import Mapping

import polars as pl

from mcsp_rules.hitung.skor import KOLOM_BOBOT_3, KUNCI_PEMDA, area_wajib, skor_item, tabel_bobot, tanpa_bobot_kosong

STATUS_MENUNGGU_KPK = frozenset({"proses verifikasi"})  # statuses only KPK's verifier can move
PIHAK = ("pemda", "kpk")  # who acts on a gap, in the order gap lists show them


def pihak_expr(kolom: str = "status") -> pl.Expr:
    """"kpk" for a gap that waits on KPK's verifier, "pemda" for one the pemda closes itself."""
    return (pl.when(pl.col(kolom).is_in(list(STATUS_MENUNGGU_KPK))).then(pl.lit("kpk"))
            .otherwise(pl.lit("pemda")).alias("pihak"))


def isi_nama_sub(frame: pl.DataFrame, registri) -> pl.DataFrame:
    """Fill ``nama_sub_indikator`` an export left out (national exports do) from the plugins'
    catalogue, by (tahun, area, sub_indikator); a name the export gives is kept."""
    if frame.is_empty() or "sub_indikator" not in frame.columns:
        return frame
    katalog = registri.katalog_sub() if registri is not None and registri.area_tahun else None
    if katalog is None or katalog.is_empty():
        return frame
    k = katalog.select(pl.col("tahun").cast(frame.schema.get("tahun", pl.Int32)), "area", "sub_indikator",
                       pl.col("nama_sub_indikator").alias("_nama_katalog")).unique(
        ["tahun", "area", "sub_indikator"], keep="first")
    if "nama_sub_indikator" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("nama_sub_indikator"))
    return (frame.join(k, on=["tahun", "area", "sub_indikator"], how="left", maintain_order="left")
            .with_columns(pl.coalesce("nama_sub_indikator", "_nama_katalog").alias("nama_sub_indikator"))
            .drop("_nama_katalog"))


def celah(data, bobot: Mapping[tuple[int, str], float] | None = None, *, semua: bool = False) -> pl.DataFrame:
    """One row per item of the detail data scoring under 100 (``semua=True``: every item), with
    ``skor_item``, ``kenaikan_area`` (area-score gain), ``kenaikan`` (index gain; null when the
    pemda's index is incomplete), ``usaha`` (the plugin's effort for its status) and ``pihak`` (who
    acts: "pemda" or "kpk"); item names come from the catalogue when the export has none.

    Only the areas the pemda's year and kind require count (2019–2023: a kota has no DESA area);
    with KPK's three weight levels in the rows, kenaikan_area = bobot_indikator/100 ×
    bobot_subindikator/100 × (100 − skor_item) and the file's bobot_area_intervensi is w_a."""
    registri = data.registri
    tabel = tabel_bobot(registri, bobot)
    usaha = pl.DataFrame(
        [{"tahun": t, "area": a, "status": s, "usaha": float(u)}
         for (t, a), at in registri.area_tahun.items() for s, u in at.usaha.items()],
        schema={"tahun": pl.Int32, "area": pl.String, "status": pl.String, "usaha": pl.Float64},
    ).with_columns(pl.col("status").cast(data.rincian.schema["status"]))  # pl.Enum(STATUS) as validation types it
    lf = tanpa_bobot_kosong(data.rincian).lazy().with_columns(skor_item(registri).alias("skor_item"))
    tiga = set(KOLOM_BOBOT_3) <= set(lf.collect_schema().names())
    lf = lf.with_columns(pl.col("bobot").sum().over(*KUNCI_PEMDA, "area").alias("_B"))
    koef = pl.col("bobot") / pl.col("_B")
    if tiga:
        punya3 = pl.all_horizontal([pl.col(k).is_not_null() for k in KOLOM_BOBOT_3]).all().over(*KUNCI_PEMDA, "area")
        koef = pl.when(punya3).then(pl.col("bobot_indikator") * pl.col("bobot_subindikator") / 10000.0).otherwise(koef)
    # The areas each pemda must have, with their weights (the file's area weight wins where given).
    wajib = area_wajib(lf.select(*KUNCI_PEMDA, "jenis_pemda"), tabel)
    if tiga:
        dari_file = lf.group_by(*KUNCI_PEMDA, "area").agg(pl.col("bobot_area_intervensi").drop_nulls().first().alias("_wf"))
        wajib = wajib.join(dari_file, on=[*KUNCI_PEMDA, "area"], how="left").with_columns(
            pl.coalesce("_wf", "bobot").alias("bobot")).drop("_wf")
    hadir = lf.select(*KUNCI_PEMDA, "area").unique()
    per_pemda = (
        wajib.join(hadir.with_columns(pl.lit(True).alias("_ada")), on=[*KUNCI_PEMDA, "area"], how="left")
        .group_by(KUNCI_PEMDA)
        .agg(pl.col("bobot").sum().alias("_W"), pl.col("_ada").fill_null(False).all().alias("_lengkap"))
    )
    lf = (
        lf.join(wajib.select(*KUNCI_PEMDA, "area", pl.col("bobot").alias("_w")), on=[*KUNCI_PEMDA, "area"], how="left")
        .join(per_pemda, on=list(KUNCI_PEMDA), how="left")
        .join(usaha.lazy(), on=["tahun", "area", "status"], how="left")
        .with_columns((koef * (100.0 - pl.col("skor_item"))).alias("kenaikan_area"))
        .with_columns(
            pl.when(pl.col("_lengkap") & pl.col("_w").is_not_null())
            .then(pl.col("_w") / pl.col("_W") * pl.col("kenaikan_area")).alias("kenaikan"),
        )
    )
    if not semua:
        lf = lf.filter(pl.col("skor_item") < 100.0)
    hasil = (
        lf.drop("_B", "_w", "_W", "_lengkap")
        .with_columns(pihak_expr())
        .sort(["tahun", "kode_wilayah", "kenaikan"], descending=[False, False, True], nulls_last=True)
        .collect()
    )
    return isi_nama_sub(hasil, registri)
