"""Detail exports ("rincian", design.md §1a): typed, checked with the core's and the plugins' rules."""

from __future__ import annotations

import polars as pl

from mcsp_rules.io import urai
from mcsp_rules.io.bacaan import KOLOM_BARIS, KOLOM_FILE, BacaanFile
from mcsp_rules.model import STATUS
from mcsp_rules.plugin.registri import Registri
from mcsp_rules.validasi.aturan_inti import aturan_rincian
from mcsp_rules.validasi.konstanta import POS, TINGKAT_GALAT
from mcsp_rules.validasi.laporan import bagian_temuan
from mcsp_rules.validasi.mesin import (
    cek_inti,
    cek_plugin,
    gabung,
    jalankan,
    ketik_umum,
    per_nilai_unik,
    pisahkan,
    uji_ekspresi,
)

KOLOM_RINCIAN = ("tahun", "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator",
                 "nama_sub_indikator", "bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi", "dokumen")
# KPK's three weight levels (design.md §1a, optional): typed here, scored by hitung/skor.py (design.md §2).
# (The reader takes KPK's `nilai_verifikasi` as `nilai`, and `bobot_subindikator` as `bobot` when that is absent.)
KOLOM_BOBOT_3 = ("bobot_area_intervensi", "bobot_indikator", "bobot_subindikator")


def ketik_rincian(frame: pl.DataFrame, registri: Registri) -> pl.DataFrame:
    df = ketik_umum(frame, registri)
    df = df.rename({k: f"_teks_{k}" for k in KOLOM_BOBOT_3})
    for k in KOLOM_BOBOT_3:
        df = per_nilai_unik(df, f"_teks_{k}", {k: urai.angka(f"_teks_{k}"), f"_setengah_{k}": urai.setengah_satuan(f"_teks_{k}")})
    teks = ["bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi", "sub_indikator"]
    df = df.rename({k: f"_teks_{k}" for k in teks}).with_columns(pl.col("_teks_sub_indikator").alias("sub_indikator"))
    df = per_nilai_unik(df, "_teks_bobot", {"bobot": urai.angka("_teks_bobot"),
                                             "_setengah_satuan": urai.setengah_satuan("_teks_bobot")})
    df = per_nilai_unik(df, "_teks_nilai", {"nilai": urai.angka("_teks_nilai")})
    df = per_nilai_unik(df, "_teks_status", {"status": urai.status("_teks_status")})
    for k in ("tanggal_unggah", "tanggal_verifikasi"):
        df = per_nilai_unik(df, f"_teks_{k}", {k: urai.tanggal(f"_teks_{k}")})
    # Shared by the catalogue rules of every area plugin; computed once instead of once per rule. The
    # tolerance of a weight sum is the rounding the export itself shows: half a unit of the last decimal
    # written, added up over the rows (33,33 × 3 = 99,99 is within 0,015 of 100).
    # Whether the area is assessed for this kind of pemda in this year (2019-2023: DESA for kabupaten only).
    jenis = registri.tabel_area().select("tahun", "area", pl.col("jenis").str.split(", ").alias("_jenis_area"))
    df = df.join(jenis, on=["tahun", "area"], how="left", maintain_order="left").with_columns(
        (pl.col("_jenis_area").list.contains(pl.col("jenis_pemda")) | pl.col("_jenis_area").is_null()
         | pl.col("jenis_pemda").is_null()).alias("_area_berlaku")).drop("_jenis_area")
    per_area = ("tahun", "kode_wilayah", "area")
    return df.with_columns(pl.col("bobot").sum().over(per_area).alias("bobot_area_pemda"),
                           pl.col("_setengah_satuan").sum().over(per_area).alias("_toleransi_bobot_area"),
                           *_jumlah_tiga_tingkat(df))


def _jumlah_tiga_tingkat(df: pl.DataFrame) -> list[pl.Expr]:
    """KPK's three weight levels (design.md §2) as sums the core rules check: the sub-indicator weights of
    an indicator and the indicator weights of an area each add up to 100, within the rounding the export
    writes. Each sub-indicator and indicator counts once, however many document rows repeat its weight."""
    if df.get_column("bobot_indikator").null_count() == df.height:
        return [pl.lit(None, pl.Float64).alias(k) for k in ("_jumlah_bobot_sub", "_toleransi_bobot_sub",
                                                             "_jumlah_bobot_indikator", "_toleransi_bobot_indikator")]
    per_indikator = ("tahun", "kode_wilayah", "area", "indikator")
    sekali_sub = pl.struct(*per_indikator, "sub_indikator").is_first_distinct()
    sekali_ind = pl.struct(*per_indikator).is_first_distinct()
    per_area = ("tahun", "kode_wilayah", "area")
    return [
        pl.col("bobot_subindikator").filter(sekali_sub).sum().over(per_indikator).alias("_jumlah_bobot_sub"),
        pl.col("_setengah_bobot_subindikator").filter(sekali_sub).sum().over(per_indikator).alias("_toleransi_bobot_sub"),
        pl.col("bobot_indikator").filter(sekali_ind).sum().over(per_area).alias("_jumlah_bobot_indikator"),
        pl.col("_setengah_bobot_indikator").filter(sekali_ind).sum().over(per_area).alias("_toleransi_bobot_indikator"),
    ]


def validasi_rincian(bacaan: list[BacaanFile], registri: Registri):
    frame = ketik_rincian(gabung(bacaan, (*KOLOM_RINCIAN, *KOLOM_BOBOT_3)), registri)
    pasangan = frame.select("tahun", "area").drop_nulls().unique().rows()
    semua = cek_inti(aturan_rincian(registri)) + cek_plugin(registri, pasangan)
    semua = uji_ekspresi(semua, frame.lazy(), registri)
    ganda = [c for c in semua if c.aturan.kode in ("sub_indikator_ganda", "dokumen_ganda")]
    cek = [c for c in semua if c not in ganda]
    gagal = jalankan(frame, cek)
    # Duplicates are judged among the rows that are otherwise fine, so a broken first copy does
    # not push out a good second one.
    galat = {c.nama for c in cek if c.aturan.tingkat == TINGKAT_GALAT}
    sehat = frame.filter(~pl.col(POS).is_in(gagal.filter(pl.col("_cek").is_in(list(galat)))[POS].implode()))
    gagal = pl.concat([gagal, jalankan(sehat, ganda)])
    temuan = bagian_temuan(frame, gagal, semua)  # compact: messages are written when someone reads them
    return pisahkan(frame, gagal, semua, temuan, {b.nama: (b.format, "rincian") for b in bacaan}, rapikan_rincian)


def rapikan_rincian(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(
        "tahun", "kode_wilayah",
        pl.col("_nama_resmi").alias("nama_wilayah"), "kode_provinsi", "provinsi", "jenis_pemda",
        "area", pl.col("indikator"), "sub_indikator", pl.col("nama_sub_indikator"),
        "bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi", "dokumen",
        pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"), *KOLOM_BOBOT_3,
    )


def kosong_rincian() -> pl.DataFrame:
    return pl.DataFrame(schema={
        "tahun": pl.Int32, "kode_wilayah": pl.String, "nama_wilayah": pl.String, "kode_provinsi": pl.String,
        "provinsi": pl.String, "jenis_pemda": pl.String, "area": pl.String, "indikator": pl.String,
        "sub_indikator": pl.String, "nama_sub_indikator": pl.String, "bobot": pl.Float64, "status": pl.Enum(STATUS),
        "nilai": pl.Float64, "tanggal_unggah": pl.Date, "tanggal_verifikasi": pl.Date, "dokumen": pl.String,
        "file": pl.String, "baris": pl.Int64, **{k: pl.Float64 for k in KOLOM_BOBOT_3},
    })
