"""Scoring (design.md §2): item → area → index, bands, province aggregates, document counts.

Plain functions over Polars frames. Every rule that can differ per year or area (item scoring, area
weights) comes from the plugin registry; nothing here names an area.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.model import (  # noqa: F401
    BATAS_KATEGORI,
    KATEGORI,
    KOLOM_LEVEL,
    KUNCI_PEMDA,
    LEVEL,
    STATUS,
)
from mcsp_rules.plugin.registri import Registri


def kategori(indeks: pl.Expr) -> pl.Expr:
    """The colour band of an index; null stays null (an incomplete index has no band)."""
    return (
        pl.when(indeks.is_null()).then(None)
        .when(indeks < BATAS_KATEGORI[0]).then(pl.lit(KATEGORI[0]))
        .when(indeks < BATAS_KATEGORI[1]).then(pl.lit(KATEGORI[1]))
        .when(indeks < BATAS_KATEGORI[2]).then(pl.lit(KATEGORI[2]))
        .otherwise(pl.lit(KATEGORI[3]))
    )


# ------------------------------------------------------------------------------------- weights
def tabel_bobot(registri: Registri, bobot: Mapping[tuple[int, str], float] | None = None,
                sumber: str = "pengguna") -> pl.DataFrame:
    """(tahun, area, bobot, sumber_bobot, bobot_asumsi) for every area a plugin declares; ``bobot``
    overrides single entries (a weights file, the sensitivity sliders)."""
    tabel = registri.tabel_area().select("tahun", "area", "bobot", "sumber_bobot", "bobot_asumsi")
    if bobot:
        ganti = pl.DataFrame(
            [{"tahun": int(t), "area": a, "_b": float(w)} for (t, a), w in bobot.items()],
            schema={"tahun": pl.Int32, "area": pl.String, "_b": pl.Float64},
        )
        tabel = tabel.join(ganti, on=["tahun", "area"], how="left", maintain_order="left").with_columns(
            pl.coalesce("_b", "bobot").alias("bobot"),
            pl.when(pl.col("_b").is_not_null()).then(pl.lit(sumber)).otherwise("sumber_bobot").alias("sumber_bobot"),
            pl.when(pl.col("_b").is_not_null()).then(False).otherwise("bobot_asumsi").alias("bobot_asumsi"),
        ).drop("_b")
    return tabel


def baca_file_bobot(path: str | Path) -> dict[tuple[int, str], float]:
    """A weights file: CSV with columns tahun, area, bobot (decimal comma allowed)."""
    from mcsp_rules.io import urai
    from mcsp_rules.io.baca import baca

    try:
        frame = baca(path).frame
    except MCSPError:
        raise
    hilang = {"tahun", "area", "bobot"} - set(frame.columns)
    if hilang:
        raise MCSPError(f"file bobot {Path(path).name} harus punya kolom tahun, area, bobot (tidak ada: {', '.join(sorted(hilang))}).",
                        f"weights file {Path(path).name} needs columns tahun, area, bobot (missing: {', '.join(sorted(hilang))}).")
    typed = frame.select(urai.tahun("tahun").alias("t"), pl.col("area").str.strip_chars().alias("a"),
                         urai.angka("bobot").alias("b"), pl.col("_baris"))
    salah = typed.filter(pl.col("t").is_null() | pl.col("b").is_null() | (pl.col("b") <= 0))
    if salah.height:
        raise MCSPError(f"file bobot {Path(path).name} baris {salah['_baris'][0]}: tahun atau bobot tidak valid (bobot harus angka > 0).",
                        f"weights file {Path(path).name} row {salah['_baris'][0]}: invalid year or weight (a weight must be a number > 0).")
    return {(t, a): b for t, a, b in typed.select("t", "a", "b").iter_rows()}


# --------------------------------------------------------------------------------------- items
def skor_item(registri: Registri) -> pl.Expr:
    """One expression giving every row its item score by its own (tahun, area) rule."""
    per_aturan: dict[str, tuple[pl.Expr, list[tuple[int, str]]]] = {}
    for (tahun, area), at in registri.area_tahun.items():
        per_aturan.setdefault(str(at.skor_item), (at.skor_item, []))[1].append((tahun, area))
    if len(per_aturan) == 1:
        return next(iter(per_aturan.values()))[0].cast(pl.Float64)
    hasil = None
    for expr, pasangan in per_aturan.values():
        cocok = pl.lit(False)
        for t, a in pasangan:
            cocok = cocok | ((pl.col("tahun") == t) & (pl.col("area") == a))
        hasil = pl.when(cocok).then(expr) if hasil is None else hasil.when(cocok).then(expr)
    return hasil.otherwise(None).cast(pl.Float64)


def skor_area_rincian(rincian: pl.LazyFrame, registri: Registri) -> pl.LazyFrame:
    """area score = sum(bobot × item score) / sum(bobot), per (tahun, kode_wilayah, area)."""
    return (
        rincian.with_columns(skor_item(registri).alias("skor_item"))
        .group_by(*KUNCI_PEMDA, "area")
        .agg(((pl.col("bobot") * pl.col("skor_item")).sum() / pl.col("bobot").sum()).alias("skor"))
    )


# --------------------------------------------------------------------------------------- index
def indeks_dari_area(area: pl.LazyFrame, bobot: pl.DataFrame) -> pl.LazyFrame:
    """index = sum(w × area score) / sum(w) over the year's areas. A pemda missing an area its year
    requires gets no index (null, lengkap = False) and ``area_hilang`` names what is missing."""
    wajib = bobot.lazy().select("tahun", "area", "bobot")
    pemda = area.select(KUNCI_PEMDA).unique()
    lengkap = (
        pemda.join(wajib, on="tahun", how="inner")
        .join(area.select(*KUNCI_PEMDA, "area", "skor"), on=[*KUNCI_PEMDA, "area"], how="left")
        .group_by(KUNCI_PEMDA)
        .agg(
            ((pl.col("bobot") * pl.col("skor")).sum() / pl.col("bobot").filter(pl.col("skor").is_not_null()).sum())
            .alias("_indeks"),
            pl.col("area").filter(pl.col("skor").is_null()).sort().alias("area_hilang"),
        )
        .with_columns(pl.col("area_hilang").list.len().eq(0).alias("lengkap"))
    )
    # pemda whose year has no declared areas at all still appear (lengkap False, no index)
    return (
        pemda.join(lengkap, on=KUNCI_PEMDA, how="left")
        .with_columns(
            pl.col("lengkap").fill_null(False),
            pl.col("area_hilang").fill_null(pl.lit([], dtype=pl.List(pl.String))),
        )
        .with_columns(pl.when(pl.col("lengkap")).then(pl.col("_indeks")).alias("indeks"))
        .drop("_indeks")
    )


def skor_area(rincian: pl.DataFrame, ringkasan: pl.DataFrame, registri: Registri) -> pl.LazyFrame:
    """Area scores from detail rows, plus those given by summary exports for (tahun, pemda, area)
    that no detail row covers."""
    dari_rincian = skor_area_rincian(rincian.lazy(), registri).with_columns(pl.lit("rincian").alias("sumber"))
    dari_ringkasan = ringkasan.lazy().select(*KUNCI_PEMDA, "area", "skor", pl.lit("ringkasan").alias("sumber"))
    return pl.concat([dari_rincian, dari_ringkasan.join(dari_rincian, on=[*KUNCI_PEMDA, "area"], how="anti")])


def tabel_wilayah(area: pl.LazyFrame, bobot: pl.DataFrame) -> pl.LazyFrame:
    from mcsp_rules.wilayah import daftar_wilayah

    return (
        indeks_dari_area(area, bobot)
        .join(daftar_wilayah().lazy(), on="kode_wilayah", how="left")
        .with_columns(kategori(pl.col("indeks")).alias("kategori"))
    )


def tabel_provinsi(wilayah: pl.LazyFrame) -> pl.LazyFrame:
    """A province's aggregate is the mean index of its pemda (the provincial government and its
    kabupaten/kota) that have a complete index; the counts say how many that was."""
    return (
        wilayah.group_by("tahun", "kode_provinsi", "provinsi")
        .agg(
            pl.col("indeks").mean().alias("indeks"),
            pl.col("indeks").is_not_null().sum().cast(pl.Int64).alias("jumlah_pemda"),
            (~pl.col("lengkap")).sum().cast(pl.Int64).alias("jumlah_tidak_lengkap"),
        )
        .with_columns(kategori(pl.col("indeks")).alias("kategori"))
    )


def hitung_dokumen(rincian: pl.LazyFrame, per: tuple[str, ...] = KUNCI_PEMDA) -> pl.LazyFrame:
    """Required documents by status, as provinces report them: wajib, diunggah and the four statuses."""
    kolom = {s: s.replace(" ", "_") for s in STATUS}
    return (
        rincian.group_by(*per)
        .agg(
            pl.len().cast(pl.Int64).alias("dokumen_wajib"),
            (pl.col("status") != "belum diunggah").sum().cast(pl.Int64).alias("dokumen_diunggah"),
            *[(pl.col("status") == s).sum().cast(pl.Int64).alias(k) for s, k in kolom.items()],
        )
        .sort(*per)
    )


def tambah_peringkat(wilayah: pl.DataFrame) -> pl.DataFrame:
    """National rank and rank in the province (1 = highest index; ties share the best rank)."""
    punya = pl.col("indeks").is_not_null()
    return wilayah.with_columns(
        pl.col("indeks").rank("min", descending=True).over("tahun").cast(pl.Int64).alias("peringkat_nasional"),
        punya.sum().over("tahun").cast(pl.Int64).alias("jumlah_nasional"),
        pl.col("indeks").rank("min", descending=True).over("tahun", "kode_provinsi").cast(pl.Int64)
        .alias("peringkat_provinsi"),
        punya.sum().over("tahun", "kode_provinsi").cast(pl.Int64).alias("jumlah_provinsi"),
    )


def skor_tingkat(data, level: str = "wilayah",
                 bobot: Mapping[tuple[int, str], float] | str | Path | None = None) -> pl.DataFrame:
    """What ``mcsp_rules.score`` returns: scores at ``level`` with design.md §4's columns."""
    if level not in LEVEL:
        raise MCSPError(f"level harus salah satu dari {', '.join(LEVEL)}, bukan '{level}'.",
                        f"level must be one of {', '.join(LEVEL)}, not '{level}'.")
    if isinstance(bobot, (str, Path)):
        bobot = baca_file_bobot(bobot)
    area = skor_area(data.rincian, data.ringkasan, data.registri)
    if level == "area":
        return area.select(KOLOM_LEVEL["area"]).sort("tahun", "kode_wilayah", "area").collect()
    wilayah = tabel_wilayah(area, tabel_bobot(data.registri, bobot))
    if level == "wilayah":
        return wilayah.select(KOLOM_LEVEL["wilayah"]).sort("tahun", "kode_wilayah").collect()
    return tabel_provinsi(wilayah).select(KOLOM_LEVEL["provinsi"]).sort("tahun", "provinsi").collect()


def bobot_dipakai(data, bobot: Mapping[tuple[int, str], float] | None = None) -> pl.DataFrame:
    """The area weights a result uses, with their source and whether they are an assumption."""
    return tabel_bobot(data.registri, bobot).filter(pl.col("tahun").is_in(data.tahun))
