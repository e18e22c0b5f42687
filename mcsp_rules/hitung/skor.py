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
from mcsp_rules.plugin.kit import PITA_BAWAAN, Pita
from mcsp_rules.plugin.registri import Registri

# KPK's three weight levels (design.md §2), when an export carries them.
KOLOM_BOBOT_3 = ("bobot_area_intervensi", "bobot_indikator", "bobot_subindikator")
SUMBER_BOBOT_FILE = "bobot dari file (3 tingkat)"


def kategori(indeks: pl.Expr, registri: Registri | None = None, tahun: pl.Expr | str = "tahun") -> pl.Expr:
    """The band of an index with the bands of its year (``mcsp_pita``; the labelled default when no
    plugin says otherwise, or without ``registri``); null stays null (an incomplete index has no band)."""
    if registri is None:
        return PITA_BAWAAN.ekspresi(indeks)
    tahun = pl.col(tahun) if isinstance(tahun, str) else tahun
    per_pita: dict[int, tuple[Pita, list[int]]] = {}
    for th in registri.tahun():
        pita = registri.pita(th)
        per_pita.setdefault(id(pita), (pita, []))[1].append(th)
    lain = [(p, th) for p, th in per_pita.values() if p is not PITA_BAWAAN]
    if not lain:
        return PITA_BAWAAN.ekspresi(indeks)
    hasil = None
    for pita, th in lain:
        hasil = (pl.when(tahun.is_in(th)) if hasil is None else hasil.when(tahun.is_in(th))).then(pita.ekspresi(indeks))
    return hasil.otherwise(PITA_BAWAAN.ekspresi(indeks))


def pita_dipakai(registri: Registri, tahun: list[int] | None = None) -> pl.DataFrame:
    """The bands a result uses, per year: tahun, pita (one line), nama, batas, warna, sumber_pita, pita_bawaan."""
    rows = []
    for th in tahun if tahun is not None else registri.tahun():
        p = registri.pita(th)
        rows.append({"tahun": int(th), "pita": p.teks(), "nama": list(p.nama), "batas": list(p.batas),
                     "warna": list(p.warna), "sumber_pita": p.sumber, "pita_bawaan": p.bawaan})
    return pl.DataFrame(rows, schema={"tahun": pl.Int32, "pita": pl.String, "nama": pl.List(pl.String),
                                      "batas": pl.List(pl.Float64), "warna": pl.List(pl.String),
                                      "sumber_pita": pl.String, "pita_bawaan": pl.Boolean})


# ------------------------------------------------------------------------------------- weights
def tabel_bobot(registri: Registri, bobot: Mapping[tuple[int, str], float] | None = None,
                sumber: str = "pengguna") -> pl.DataFrame:
    """(tahun, area, bobot, sumber_bobot, bobot_asumsi, jenis) for every area a plugin declares, ``jenis``
    being the kinds of pemda the area applies to ("provinsi, kabupaten, kota"); ``bobot`` overrides
    single entries (a weights file, the sensitivity sliders)."""
    tabel = registri.tabel_area().select("tahun", "area", "bobot", "sumber_bobot", "bobot_asumsi", "jenis")
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
    """area score = sum(bobot × item score) / sum(bobot), per (tahun, kode_wilayah, area).

    When the rows of a (pemda, area) carry KPK's three weight levels (``bobot_area_intervensi``,
    ``bobot_indikator``, ``bobot_subindikator``; design.md §2), the area score is
    Σ_indicator bobot_indikator / 100 × Σ_sub bobot_subindikator × item score / 100, and the file's
    ``bobot_area_intervensi`` comes along as ``bobot_area`` (it wins over the plugin's weight)."""
    lf = rincian.with_columns(skor_item(registri).alias("skor_item"))
    standar = (pl.col("bobot") * pl.col("skor_item")).sum() / pl.col("bobot").sum()
    if not set(KOLOM_BOBOT_3) <= set(lf.collect_schema().names()):
        return lf.group_by(*KUNCI_PEMDA, "area").agg(standar.alias("skor"))
    tiga = pl.all_horizontal([pl.col(k).is_not_null() for k in KOLOM_BOBOT_3]).all()
    nilai = (pl.col("bobot_indikator") / 100.0 * pl.col("bobot_subindikator") * pl.col("skor_item") / 100.0).sum()
    return lf.group_by(*KUNCI_PEMDA, "area").agg(
        pl.when(tiga).then(nilai).otherwise(standar).alias("skor"),
        pl.when(tiga).then(pl.col("bobot_area_intervensi").drop_nulls().first()).alias("bobot_area"),
    )


def tanpa_bobot_kosong(rincian: pl.DataFrame) -> pl.DataFrame:
    """``rincian`` without KPK's weight columns when no row fills them (the common case), so scoring
    takes the one-level path at its speed."""
    ada = [k for k in KOLOM_BOBOT_3 if k in rincian.columns]
    if ada and rincian.select(pl.all_horizontal([pl.col(k).is_null() for k in ada]).all()).item():
        return rincian.drop(ada)
    return rincian


# --------------------------------------------------------------------------------------- index
def dengan_jenis(pemda: pl.LazyFrame) -> pl.LazyFrame:
    """``pemda`` with its ``jenis_pemda``: kept when the frame carries it, else joined from the region
    list by code (a composite key ``prefix|kode``, as the history uses, is joined by its last part)."""
    if "jenis_pemda" in pemda.collect_schema().names():
        return pemda
    from mcsp_rules.wilayah import daftar_wilayah

    kunci = pl.col("kode_wilayah").str.split("|").list.last().alias("_kode")
    return (pemda.with_columns(kunci)
            .join(daftar_wilayah().lazy().select(pl.col("kode_wilayah").alias("_kode"), "jenis_pemda"),
                  on="_kode", how="left")
            .drop("_kode"))


def area_wajib(pemda: pl.LazyFrame, bobot: pl.DataFrame) -> pl.LazyFrame:
    """(tahun, kode_wilayah, area, bobot, sumber_bobot): the areas each pemda's year and kind require,
    with their weights. ``pemda`` has tahun, kode_wilayah and (or can join) jenis_pemda; a weights
    table without ``jenis`` (or a pemda of unknown kind) requires every area of the year."""
    w = bobot.lazy().select("tahun", "area", "bobot",
                            *[k for k in ("sumber_bobot", "jenis") if k in bobot.columns])
    if "sumber_bobot" not in bobot.columns:
        w = w.with_columns(pl.lit(None, dtype=pl.String).alias("sumber_bobot"))
    ada_jenis = "jenis_pemda" in pemda.collect_schema().names()
    pemda = dengan_jenis(pemda.select(*KUNCI_PEMDA, *(["jenis_pemda"] if ada_jenis else [])).unique())
    kolom = (*KUNCI_PEMDA, "area", "bobot", "sumber_bobot")
    if "jenis" not in bobot.columns:
        return pemda.join(w, on="tahun", how="inner").select(kolom)
    per_jenis = (w.with_columns(pl.col("jenis").str.split(",")).explode("jenis")
                 .with_columns(pl.col("jenis").str.strip_chars().alias("jenis_pemda")).drop("jenis"))
    dikenal = pemda.filter(pl.col("jenis_pemda").is_not_null()).join(per_jenis, on=["tahun", "jenis_pemda"], how="inner")
    asing = pemda.filter(pl.col("jenis_pemda").is_null()).join(w.drop("jenis"), on="tahun", how="inner")
    return pl.concat([dikenal.select(kolom), asing.select(kolom)])


def indeks_dari_area(area: pl.LazyFrame, bobot: pl.DataFrame) -> pl.LazyFrame:
    """index = sum(w × area score) / sum(w) over the areas the pemda's year and kind require
    (2019–2023: no village-finance area for provinces and kota). A pemda missing one gets no index
    (null, lengkap = False) and ``area_hilang`` names what is missing; an area the pemda's kind does
    not require is not in its index. w is the file's ``bobot_area`` (KPK's bobot_area_intervensi) where
    the area frame carries one, else the plugin's; ``sumber_bobot`` names the weights used."""
    kolom = area.collect_schema().names()
    pemda = area.select(*KUNCI_PEMDA, *(["jenis_pemda"] if "jenis_pemda" in kolom else [])).unique()
    wajib = area_wajib(pemda, bobot)
    skor = area.select(*KUNCI_PEMDA, "area", "skor", *(["bobot_area"] if "bobot_area" in kolom else []))
    gabung = wajib.join(skor, on=[*KUNCI_PEMDA, "area"], how="left")
    if "bobot_area" in kolom:
        gabung = gabung.with_columns(
            pl.coalesce("bobot_area", "bobot").alias("bobot"),
            pl.when(pl.col("bobot_area").is_not_null()).then(pl.lit(SUMBER_BOBOT_FILE))
            .otherwise(pl.col("sumber_bobot")).alias("sumber_bobot"),
        )
    lengkap = (
        gabung.group_by(KUNCI_PEMDA)
        .agg(
            ((pl.col("bobot") * pl.col("skor")).sum() / pl.col("bobot").filter(pl.col("skor").is_not_null()).sum())
            .alias("_indeks"),
            pl.col("area").filter(pl.col("skor").is_null()).sort().alias("area_hilang"),
            pl.col("sumber_bobot").drop_nulls().unique().sort().str.join("; ").alias("sumber_bobot"),
        )
        .with_columns(pl.col("area_hilang").list.len().eq(0).alias("lengkap"))
    )
    # pemda whose year has no declared areas at all still appear (lengkap False, no index)
    return (
        pemda.select(KUNCI_PEMDA).unique().join(lengkap, on=KUNCI_PEMDA, how="left")
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
    dari_rincian = skor_area_rincian(tanpa_bobot_kosong(rincian).lazy(), registri).with_columns(
        pl.lit("rincian").alias("sumber"))
    dari_ringkasan = ringkasan.lazy().select(*KUNCI_PEMDA, "area", "skor", pl.lit("ringkasan").alias("sumber"))
    return pl.concat([dari_rincian, dari_ringkasan.join(dari_rincian, on=[*KUNCI_PEMDA, "area"], how="anti")],
                     how="diagonal_relaxed")


def tabel_wilayah(area: pl.LazyFrame, bobot: pl.DataFrame, registri: Registri | None = None) -> pl.LazyFrame:
    """The index of every pemda with its names, kind and band (the bands of its year with ``registri``)."""
    from mcsp_rules.wilayah import daftar_wilayah

    return (
        indeks_dari_area(area, bobot)
        .join(daftar_wilayah().lazy(), on="kode_wilayah", how="left")
        .with_columns(kategori(pl.col("indeks"), registri).alias("kategori"))
    )


def tabel_provinsi(wilayah: pl.LazyFrame, registri: Registri | None = None) -> pl.LazyFrame:
    """A province's aggregate is the mean index of its pemda (the provincial government and its
    kabupaten/kota) that have a complete index; the counts say how many that was."""
    return (
        wilayah.group_by("tahun", "kode_provinsi", "provinsi")
        .agg(
            pl.col("indeks").mean().alias("indeks"),
            pl.col("indeks").is_not_null().sum().cast(pl.Int64).alias("jumlah_pemda"),
            (~pl.col("lengkap")).sum().cast(pl.Int64).alias("jumlah_tidak_lengkap"),
        )
        .with_columns(kategori(pl.col("indeks"), registri).alias("kategori"))
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
    wilayah = tabel_wilayah(area, tabel_bobot(data.registri, bobot), data.registri)
    if level == "wilayah":
        return wilayah.select(KOLOM_LEVEL["wilayah"]).sort("tahun", "kode_wilayah").collect()
    return tabel_provinsi(wilayah, data.registri).select(KOLOM_LEVEL["provinsi"]).sort("tahun", "provinsi").collect()


def bobot_dipakai(data, bobot: Mapping[tuple[int, str], float] | None = None) -> pl.DataFrame:
    """The area weights a result uses, with their source and whether they are an assumption."""
    return tabel_bobot(data.registri, bobot).filter(pl.col("tahun").is_in(data.tahun))
