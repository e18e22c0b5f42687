"""Validation: text frames → typed frames + a report in which nothing is lost.

``validasi(bacaan, registri)`` sorts the files by kind (detail, long or wide summary), validates each
kind in one pass over all its files (``rincian``, ``ringkasan``), and gathers one report
(``laporan.Laporan``). The rules are ``kit.Aturan``: the core's (``aturan_inti``) and every plugin's;
``mesin`` compiles and runs them.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from mcsp_rules.io.bacaan import KOLOM_FILE, KOLOM_RINCIAN_WAJIB, KOLOM_RINGKASAN_WAJIB, BacaanFile
from mcsp_rules.plugin.registri import Registri
from mcsp_rules.validasi.konstanta import TINGKAT_GALAT, TINGKAT_PERINGATAN
from mcsp_rules.validasi.laporan import Laporan, sisih_file, sisih_kosong, temuan_file
from mcsp_rules.validasi.mesin import kolom_area
from mcsp_rules.validasi.rincian import kosong_rincian, validasi_rincian
from mcsp_rules.validasi.ringkasan import validasi_ringkasan


@dataclass
class HasilValidasi:
    rincian: pl.DataFrame
    ringkasan: pl.DataFrame  # long: tahun, kode_wilayah, area, skor (+ region columns)
    ringkasan_baris: pl.DataFrame  # one row per summary row: reported totals and document counts
    laporan: Laporan


def jenis_file(b: BacaanFile, kunci_area: set[str]) -> str | None:
    kolom = set(b.frame.columns)
    if {"sub_indikator", "status"} & kolom and not {"skor"} & kolom:
        return "rincian"
    if {"area", "skor"} <= kolom:
        return "ringkasan_panjang"
    if {"tahun", "kode_wilayah"} <= kolom and kolom_area(b, kunci_area):
        return "ringkasan_lebar"
    return None



def validasi(bacaan: list[BacaanFile], registri: Registri, gagal: list[dict] | None = None) -> HasilValidasi:
    """Validate every read file at once; ``gagal`` lists files that could not be read at all."""
    gagal = list(gagal or [])
    kunci_area = set(registri.tabel_alias()["kunci"].to_list())
    temuan: list = []  # frames and compact parts (laporan.BagianTemuan), in order
    disisihkan: list[pl.DataFrame] = []
    per_file: list[dict] = []
    rincian_b, panjang_b, lebar_b = [], [], []
    for b in bacaan:
        for pesan, message in b.catatan:
            temuan.append(temuan_file(b.nama, pesan, message, TINGKAT_PERINGATAN))
        jenis = jenis_file(b, kunci_area)
        wajib = {"rincian": KOLOM_RINCIAN_WAJIB, "ringkasan_panjang": KOLOM_RINGKASAN_WAJIB,
                 "ringkasan_lebar": ("tahun", "kode_wilayah")}.get(jenis, ())
        hilang = [k for k in wajib if k not in b.frame.columns]
        if jenis is None or hilang:
            if jenis is None:
                pesan = ("jenis file tidak dikenali: file rincian butuh kolom " + ", ".join(KOLOM_RINCIAN_WAJIB)
                         + "; file ringkasan butuh tahun, kode_wilayah, dan area+skor atau satu kolom per area.")
                message = ("unrecognised file: a detail export needs columns " + ", ".join(KOLOM_RINCIAN_WAJIB)
                           + "; a summary export needs tahun, kode_wilayah and area+skor or one column per area.")
            else:
                pesan = f"kolom wajib tidak ada: {', '.join(hilang)}. Kolom yang ada: {', '.join(b.kolom_asli.values())}."
                message = f"required columns are missing: {', '.join(hilang)}. Columns found: {', '.join(b.kolom_asli.values())}."
            temuan.append(temuan_file(b.nama, pesan, message, TINGKAT_GALAT))
            disisihkan.append(sisih_file(b.frame.with_columns(pl.lit(b.nama).alias(KOLOM_FILE)), pesan, message))
            per_file.append({"file": b.nama, "format": b.format, "jenis": jenis or "tidak dikenali",
                             "dibaca": b.frame.height, "dipakai": 0, "disisihkan": b.frame.height, "berperingatan": 0})
            continue
        {"rincian": rincian_b, "ringkasan_panjang": panjang_b, "ringkasan_lebar": lebar_b}[jenis].append(b)

    rincian = kosong_rincian()
    if rincian_b:
        rincian, t, s, pf = validasi_rincian(rincian_b, registri)
        if t is not None:
            temuan.append(t)
        disisihkan.append(s), per_file.extend(pf)
    ringkasan, ringkasan_baris = kosong_ringkasan(), pl.DataFrame()
    if panjang_b or lebar_b:

        ringkasan, ringkasan_baris, t, s, pf = validasi_ringkasan(panjang_b, lebar_b, registri, kunci_area)
        temuan.extend(t), disisihkan.append(s), per_file.extend(pf)
    for g in gagal:
        temuan.append(temuan_file(g["file"], g["pesan"], g["message"], TINGKAT_GALAT))
    laporan = Laporan(
        bagian=temuan,
        per_file=pl.DataFrame(per_file, schema={"file": pl.String, "format": pl.String, "jenis": pl.String,
                                                "dibaca": pl.Int64, "dipakai": pl.Int64, "disisihkan": pl.Int64,
                                                "berperingatan": pl.Int64}),
        disisihkan=pl.concat([sisih_kosong(), *disisihkan], how="diagonal_relaxed"),
        file_gagal=gagal,
    )
    return HasilValidasi(rincian, ringkasan, ringkasan_baris, laporan)


def kosong_ringkasan() -> pl.DataFrame:
    return pl.DataFrame(schema={
        "tahun": pl.Int32, "kode_wilayah": pl.String, "nama_wilayah": pl.String, "kode_provinsi": pl.String,
        "provinsi": pl.String, "jenis_pemda": pl.String, "area": pl.String, "skor": pl.Float64,
        "file": pl.String, "baris": pl.Int64,
    })
