"""Summary exports ("ringkasan"): area scores per pemda and year, long or wide (design.md §1b).

A wide row holds one cell per area; its cells are validated like long rows, and a row with any
error is set aside whole (so per file: read = used + set aside, counted in rows as the file has
them). Reported totals (skor_total, document counts) are checked against the area scores and
against each other, never trusted.
"""

from __future__ import annotations

import polars as pl

from mcsp_rules.hitung.skor import indeks_dari_area, tabel_bobot
from mcsp_rules.io import urai
from mcsp_rules.io.bacaan import KOLOM_BARIS, KOLOM_FILE, BacaanFile
from mcsp_rules.model import KOLOM_DOKUMEN
from mcsp_rules.plugin.registri import Registri
from mcsp_rules.validasi.aturan_inti import aturan_baris_ringkasan, aturan_ringkasan
from mcsp_rules.validasi.konstanta import POS
from mcsp_rules.validasi.laporan import temuan_dari_gagal
from mcsp_rules.validasi.mesin import cek_inti, jalankan, ketik_umum, kolom_area

_BARIS_LEBAR = "_id_baris"  # a wide row's identity: (file, spreadsheet row)


def _sel_lebar(b: BacaanFile, kunci_area: set[str]) -> pl.DataFrame:
    """Wide → long: one row per non-empty area cell, remembering the header it came from."""
    kolom = kolom_area(b, kunci_area)
    tetap = [k for k in ("tahun", "kode_wilayah", "nama_wilayah", "_selisih_sel", KOLOM_BARIS) if k in b.frame.columns]
    panjang = (
        b.frame.select(*tetap, *kolom)
        .unpivot(index=tetap, on=kolom, variable_name="area", value_name="skor")
        .filter(pl.col("skor").is_not_null())
        .with_columns(pl.col("area").replace_strict({k: b.kolom_asli.get(k, k) for k in kolom}).alias("_kolom_sel"),
                      pl.col("area").replace_strict({k: b.kolom_asli.get(k, k) for k in kolom}).alias("area"))
    )
    return panjang


def validasi_ringkasan(panjang_b: list[BacaanFile], lebar_b: list[BacaanFile], registri: Registri,
                       kunci_area: set[str]):
    frames = [b.frame.with_columns(pl.lit(b.nama).alias(KOLOM_FILE), pl.lit(None, dtype=pl.String).alias("_kolom_sel"))
              for b in panjang_b]
    frames += [_sel_lebar(b, kunci_area).with_columns(pl.lit(b.nama).alias(KOLOM_FILE)) for b in lebar_b]
    sel = pl.concat(frames, how="diagonal_relaxed").with_row_index(POS).with_columns(pl.col(POS).cast(pl.Int64))
    if "nama_wilayah" not in sel.columns:
        sel = sel.with_columns(pl.lit(None, dtype=pl.String).alias("nama_wilayah"))
    typed = ketik_umum(sel, registri).rename({"skor": "_teks_skor"}).with_columns(urai.angka("_teks_skor").alias("skor"))
    cek = cek_inti(aturan_ringkasan(registri))
    gagal = jalankan(typed, cek)
    temuan = [temuan_dari_gagal(typed, gagal, cek)]
    # A wide row with any error is set aside whole: widen the failures to every cell of that row.
    galat = {c.nama for c in cek if c.aturan.tingkat == "galat"}
    baris_gagal = (
        typed.join(gagal.filter(pl.col("_cek").is_in(list(galat))), on=POS, how="semi")
        .select(KOLOM_FILE, KOLOM_BARIS).unique()
    )
    per_baris = typed.join(baris_gagal.with_columns(pl.lit(True).alias("_galat")), on=[KOLOM_FILE, KOLOM_BARIS],
                           how="left", maintain_order="left").with_columns(pl.col("_galat").fill_null(False))
    dipakai = per_baris.filter(~pl.col("_galat"))
    sisih, per_file = _sisih_per_baris(typed, per_baris, temuan[0], panjang_b, lebar_b)
    ringkasan = dipakai.select(
        "tahun", "kode_wilayah", pl.col("_nama_resmi").alias("nama_wilayah"), "kode_provinsi", "provinsi",
        "jenis_pemda", "area", "skor", pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"),
    )
    baris_ringkasan, t = _periksa_total(lebar_b, ringkasan, registri, baris_gagal)
    temuan.extend(t)
    return ringkasan, baris_ringkasan, temuan, sisih, per_file


def _sisih_per_baris(typed, per_baris, temuan, panjang_b, lebar_b):
    alasan = (
        temuan.filter(pl.col("tingkat") == "galat").group_by(pl.col("file").cast(pl.String), "baris", maintain_order=True)
        .agg(pl.col("pesan").cast(pl.String).str.join(" ").alias("alasan"),
             pl.col("message").cast(pl.String).str.join(" ").alias("reason"))
    )
    sisih_kunci = per_baris.filter(pl.col("_galat")).select(pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris")).unique(maintain_order=True)
    sisih = sisih_kunci.join(alasan, on=["file", "baris"], how="left")
    per_file = []
    for b in [*panjang_b, *lebar_b]:
        dibaca = b.frame.height
        n_sisih = sisih_kunci.filter(pl.col("file") == b.nama).height
        peringatan = temuan.filter((pl.col("file") == b.nama) & (pl.col("tingkat") == "peringatan"))["baris"].n_unique()
        per_file.append({"file": b.nama, "format": b.format,
                         "jenis": "ringkasan (panjang)" if b in panjang_b else "ringkasan (lebar)",
                         "dibaca": dibaca, "dipakai": dibaca - n_sisih, "disisihkan": n_sisih,
                         "berperingatan": peringatan})
    # attach the row's cells as written
    isi = pl.concat([b.frame.with_columns(pl.lit(b.nama).alias("file")).rename({KOLOM_BARIS: "baris"})
                     for b in [*panjang_b, *lebar_b]], how="diagonal_relaxed")
    isi = isi.select(pl.exclude("_selisih_sel"))
    sisih = sisih.join(isi, on=["file", "baris"], how="left")
    return sisih, per_file


def _periksa_total(lebar_b: list[BacaanFile], ringkasan: pl.DataFrame, registri: Registri, baris_gagal: pl.DataFrame):
    """Reported totals and document counts of wide rows, checked as warnings."""
    kolom_cek = ("skor_total", *KOLOM_DOKUMEN)
    dengan_total = [b for b in lebar_b if set(kolom_cek) & set(b.frame.columns)]
    if not dengan_total:
        return pl.DataFrame(), []
    baris = pl.concat(
        [b.frame.with_columns(pl.lit(b.nama).alias(KOLOM_FILE)) for b in dengan_total], how="diagonal_relaxed"
    )
    for k in ("tahun", "kode_wilayah", *kolom_cek):
        if k not in baris.columns:
            baris = baris.with_columns(pl.lit(None, dtype=pl.String).alias(k))
    baris = baris.join(baris_gagal, on=[KOLOM_FILE, KOLOM_BARIS], how="anti")
    baris = baris.with_row_index(POS).with_columns(
        pl.col(POS).cast(pl.Int64), urai.tahun("tahun").alias("tahun"), urai.kode_wilayah("kode_wilayah").alias("kode_wilayah"),
        *[pl.col(k).alias(f"_teks_{k}") for k in kolom_cek],
    ).with_columns(urai.angka("skor_total").alias("skor_total"), *[urai.angka(k).alias(k) for k in KOLOM_DOKUMEN])
    dari_file = ringkasan.lazy().join(
        pl.LazyFrame(baris.select(pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"))),
        on=["file", "baris"], how="semi",
    )
    indeks = indeks_dari_area(dari_file.select("tahun", "kode_wilayah", "area", "skor"), tabel_bobot(registri)).collect()
    baris = baris.join(indeks.select("tahun", "kode_wilayah", pl.col("indeks").alias("_indeks_hitung")),
                       on=["tahun", "kode_wilayah"], how="left", maintain_order="left").with_columns(
        (pl.col("diterima") + pl.col("perlu_perbaikan") + pl.col("proses_verifikasi")).alias("_jumlah_status")
    )
    cek = cek_inti(aturan_baris_ringkasan())
    gagal = jalankan(baris, cek)
    temuan = temuan_dari_gagal(baris, gagal, cek)
    hasil = baris.select("tahun", "kode_wilayah", "skor_total", "_indeks_hitung", *KOLOM_DOKUMEN,
                         pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"))
    return hasil, [temuan]
