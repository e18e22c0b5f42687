"""The rule engine: typed frames from text, every rule (the core's and every plugin's) compiled into
one pandera schema and run lazily over all files at once, and the rows with an error set aside.

We do the setting-aside ourselves from ``failure_cases`` (never ``drop_invalid_rows``) so that for
every file read = used + set aside, and we map pandera's 0-based positions to the spreadsheet's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.io import urai
from mcsp_rules.io.bacaan import KOLOM_BARIS, KOLOM_FILE, BacaanFile
from mcsp_rules.plugin.kit import Aturan
from mcsp_rules.plugin.registri import Registri
from mcsp_rules.validasi.konstanta import FORMAT, INTI, POS, TINGKAT_GALAT, TINGKAT_PERINGATAN
from mcsp_rules.wilayah import daftar_wilayah


@dataclass(frozen=True)
class Cek:
    """A rule bound to the rows it applies to: all rows (core) or those of some (tahun, area) pairs."""

    nama: str  # unique pandera check name
    aturan: Aturan
    sumber: str
    berlaku: tuple[tuple[int, str], ...] | None = None

    def ekspresi(self) -> pl.Expr:
        ok = self.aturan.syarat.fill_null(True)
        if self.berlaku is None:
            return ok
        cocok = pl.lit(False)
        for tahun, area in self.berlaku:
            cocok = cocok | ((pl.col("tahun") == tahun) & (pl.col("area") == area))
        return ~cocok.fill_null(False) | ok


def cek_inti(aturan: Iterable[Aturan]) -> list[Cek]:
    return [Cek(f"{INTI}.{a.kode}", a, INTI) for a in aturan]


def cek_plugin(registri: Registri, pasangan: Iterable[tuple[int, str]]) -> list[Cek]:
    """Plugin rules for the (tahun, area) pairs present in the data, each rule once with all the
    pairs it applies to. A rule whose expression does not compile switches its plugin off."""
    kelompok: dict[tuple, tuple[str, Aturan, list]] = {}
    for tahun, area in sorted(set(pasangan)):
        at = registri.get(tahun, area)
        if at is None:
            continue
        for sumber, a in at.aturan:
            kunci = (sumber, a.kode, str(a.syarat), a.pesan, a.tingkat)
            kelompok.setdefault(kunci, (sumber, a, []))[2].append((tahun, area))
    hasil = []
    for i, (sumber, a, berlaku) in enumerate(kelompok.values()):
        hasil.append(Cek(f"{sumber}:{a.kode}#{i}", a, sumber, tuple(berlaku)))
    return hasil


def uji_ekspresi(cek: list[Cek], contoh: pl.LazyFrame, registri: Registri) -> list[Cek]:
    """Compile every rule against an empty frame of the real schema; a plugin whose rule fails is switched off."""
    kosong = contoh.head(0)
    rusak: dict[str, str] = {}
    for c in cek:
        try:
            kosong.select(c.ekspresi().alias("ok")).collect()
        except Exception as e:  # noqa: BLE001 — any error of plugin code
            if c.sumber == INTI:
                raise
            rusak.setdefault(c.sumber, f"aturan {c.aturan.kode} tidak dapat dijalankan: {type(e).__name__}: {e}")
    for plugin, alasan in rusak.items():
        registri.matikan(plugin, alasan)
    return [c for c in cek if c.sumber not in rusak]


def skema_pandera(cek: list[Cek]):
    """The rules as what users of this stack expect to read: a pandera DataFrameSchema whose checks
    are the rules' Polars expressions (one ``pa.Check`` per rule, named like the rule)."""
    import pandera.polars as pa  # heavy; only validation needs it

    return pa.DataFrameSchema(
        checks=[pa.Check(lambda data, e=c.ekspresi(): data.lazyframe.select(e.alias("ok")), name=c.nama) for c in cek],
        name="mcsp_rules",
    )


def jalankan(frame: pl.DataFrame, cek: list[Cek]) -> pl.DataFrame:
    """Run every rule over every row in ONE lazy Polars pass; return (_pos, _cek) of every failure.

    Why not ``schema.validate(lazy=True)``: pandera's Polars backend collects each check on its own
    (one pass over the data per rule: ~60 rules on a 364,000-row national year) and then builds its
    failure-case report row by row in Python objects (seconds, and memory, when many rows fail). The
    schema (``skema_pandera``) stays the declaration; its checks are evaluated here together, and the
    failures are gathered in Polars, one filter per rule that has failures."""
    if not cek or frame.height == 0:
        return pl.DataFrame(schema={POS: pl.Int64, "_cek": pl.String})
    nama = [f"_ok{i}" for i in range(len(cek))]
    try:
        hasil = frame.lazy().select(pl.col(POS), *[c.ekspresi().alias(n) for c, n in zip(cek, nama)]).collect()
        gagal_per_cek = hasil.select([(~pl.col(n)).sum() for n in nama]).row(0)
    except Exception as e:  # noqa: BLE001 — Polars raises its own errors on a rule it cannot run
        raise MCSPError(
            f"validasi gagal dijalankan ({type(e).__name__}: {e}); laporkan ke pengembang.",
            f"validation could not run ({type(e).__name__}: {e}); please report it.",
        ) from e
    bagian = [
        hasil.filter(~pl.col(n)).select(pl.col(POS), pl.lit(c.nama).alias("_cek"))
        for c, n, jumlah in zip(cek, nama, gagal_per_cek) if jumlah
    ]
    if not bagian:
        return pl.DataFrame(schema={POS: pl.Int64, "_cek": pl.String})
    return pl.concat(bagian).with_columns(pl.col(POS).cast(pl.Int64))


def pisahkan(frame, gagal, cek, temuan, file: dict[str, tuple[str, str]], rapikan):
    """Rows with an error are set aside (listed with all their reasons); the rest are used."""
    tingkat = {c.nama: c.aturan.tingkat for c in cek}
    gagal = gagal.with_columns(pl.col("_cek").replace_strict(tingkat, return_dtype=pl.String).alias("tingkat"))
    pos_galat = gagal.filter(pl.col("tingkat") == TINGKAT_GALAT)[POS].unique()
    pos_peringatan = gagal.filter(pl.col("tingkat") == TINGKAT_PERINGATAN)[POS].unique()  # notes flag nothing
    dipakai = frame.filter(~pl.col(POS).is_in(pos_galat.implode()))
    # the messages of the errors only (the rows set aside); ``temuan`` (laporan.BagianTemuan) stays compact
    alasan = pl.DataFrame(schema={"file": pl.String, "baris": pl.Int64, "pesan": pl.String, "message": pl.String})
    if temuan is not None:
        alasan = (
            temuan.semua(pl.col("tingkat") == TINGKAT_GALAT)
            .group_by(pl.col("file").cast(pl.String), "baris", maintain_order=True)
            .agg(pl.col("pesan").cast(pl.String).str.join(" "), pl.col("message").cast(pl.String).str.join(" "))
        )
    kolom_teks = [c for c in frame.columns if c.startswith("_teks_")]
    sisih = (
        frame.filter(pl.col(POS).is_in(pos_galat.implode()))
        .select(pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"),
                *[pl.col(c).alias(c.removeprefix("_teks_")) for c in kolom_teks])
        .join(alasan.rename({"pesan": "alasan", "message": "reason"}), on=["file", "baris"], how="left",
              maintain_order="left")
    )
    hitung = frame.group_by(KOLOM_FILE).agg(
        pl.len().alias("dibaca"),
        pl.col(POS).is_in(pos_galat.implode()).sum().alias("disisihkan"),
        (pl.col(POS).is_in(pos_peringatan.implode()) & ~pl.col(POS).is_in(pos_galat.implode())).sum().alias("berperingatan"),
    )
    per_file = []
    for nama, (fmt, jenis) in file.items():
        h = hitung.filter(pl.col(KOLOM_FILE) == nama)
        dibaca = int(h["dibaca"].sum())
        sisih_n = int(h["disisihkan"].sum())
        per_file.append({"file": nama, "format": fmt, "jenis": jenis,
                         "dibaca": dibaca, "dipakai": dibaca - sisih_n, "disisihkan": sisih_n,
                         "berperingatan": int(h["berperingatan"].sum())})
    sisih = sisih.select("file", "baris", "alasan", "reason", pl.exclude("file", "baris", "alasan", "reason"))
    return rapikan(dipakai), temuan, sisih, per_file


def gabung(bacaan: list[BacaanFile], kolom: Iterable[str]) -> pl.DataFrame:
    frames = [b.frame.with_columns(pl.lit(b.nama).alias(KOLOM_FILE), pl.lit(b.format).alias(FORMAT)) for b in bacaan]
    gabung = pl.concat(frames, how="diagonal_relaxed")
    tambah = [pl.lit(None, dtype=pl.String).alias(k) for k in kolom if k not in gabung.columns]
    return gabung.with_columns(tambah).with_row_index(POS).with_columns(pl.col(POS).cast(pl.Int64))


def per_nilai_unik(df: pl.DataFrame, teks: str, hasil: dict[str, pl.Expr]) -> pl.DataFrame:
    """Parse a text column once per distinct value and join the result back: exports repeat the
    same few weights, statuses and dates thousands of times, so this is several times faster than
    running the regexes on every row. (Eager on purpose: a lazy self-join re-runs the upstream plan.)"""
    unik = df.select(pl.col(teks).unique()).with_columns(**hasil)
    if unik.height == 1:  # one value in every row (a year, an absent column): no join needed
        return df.with_columns(pl.lit(unik[k][0], dtype=unik.schema[k]).alias(k) for k in hasil)
    return df.join(unik, on=teks, how="left", maintain_order="left", nulls_equal=True)


def ketik_umum(df: pl.DataFrame, registri: Registri) -> pl.DataFrame:
    """tahun, kode_wilayah, area typed (keeping their text as _teks_*), plus province and kind."""
    df = df.rename({"tahun": "_teks_tahun", "kode_wilayah": "_teks_kode_wilayah", "area": "_teks_area"})
    df = per_nilai_unik(df, "_teks_tahun", {"tahun": urai.tahun("_teks_tahun")})
    df = per_nilai_unik(df, "_teks_kode_wilayah", {"kode_wilayah": urai.kode_wilayah("_teks_kode_wilayah")})
    df = per_nilai_unik(df, "_teks_area", {"_kunci_area": urai.kunci_nama(pl.col("_teks_area"))})
    alias = registri.tabel_alias().rename({"kunci": "_kunci_area"})
    wilayah = daftar_wilayah().rename({"nama_wilayah": "_nama_resmi"})
    return (
        df.join(alias, on=["tahun", "_kunci_area"], how="left", maintain_order="left")
        .join(wilayah, on="kode_wilayah", how="left", maintain_order="left")
        .drop("_kunci_area")
    )

def kolom_area(b: BacaanFile, kunci_area: set[str]) -> list[str]:
    kunci = pl.Series(b.frame.columns).to_frame("k").select(urai.kunci_nama(pl.col("k")))["k"].to_list()
    return [c for c, k in zip(b.frame.columns, kunci) if k in kunci_area]
