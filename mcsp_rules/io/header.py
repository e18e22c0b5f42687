"""Finding the header row (portals put a title block above it) and normalising column names:
any case, spaces for underscores, English aliases."""

from __future__ import annotations

import re

import polars as pl

from mcsp_rules.batas import Batas
from mcsp_rules.galat import FileTidakTerbaca
from mcsp_rules.io.bacaan import KOLOM_BARIS, KOLOM_FILE, KOLOM_LEBAR, BacaanFile
from mcsp_rules.io.deteksi import ribuan, terlalu_banyak_baris

# Header aliases, after normalisation (lower case, spaces/dashes → underscores).
ALIAS_KOLOM = {
    "year": "tahun", "thn": "tahun",
    "region_code": "kode_wilayah", "kode": "kode_wilayah", "kode_pemda": "kode_wilayah",
    "kode_daerah": "kode_wilayah", "kd_wilayah": "kode_wilayah", "code": "kode_wilayah",
    "region_name": "nama_wilayah", "region": "nama_wilayah", "nama_pemda": "nama_wilayah",
    "pemda": "nama_wilayah", "nama_daerah": "nama_wilayah", "wilayah": "nama_wilayah",
    "area_intervensi": "area", "intervention_area": "area", "kode_area": "area",
    "indicator": "indikator", "kode_indikator": "indikator",
    "sub_indicator": "sub_indikator", "subindikator": "sub_indikator", "kode_sub_indikator": "sub_indikator",
    "subindicator": "sub_indikator",
    "sub_indicator_name": "nama_sub_indikator", "nama_subindikator": "nama_sub_indikator",
    "weight": "bobot", "status_dokumen": "status", "document_status": "status",
    "value": "nilai", "score_item": "nilai",
    # KPK's own MCP data set (design.md §1a): three weight levels and the verified score, kept as they are
    # (an export with both `nilai` and `nilai_verifikasi` is scored on `nilai_verifikasi`).
    "verified_score": "nilai_verifikasi", "nilai_verifikasi_kpk": "nilai_verifikasi",
    "bobot_area": "bobot_area_intervensi", "area_weight": "bobot_area_intervensi",
    "bobot_area_intervensi_persen": "bobot_area_intervensi",
    "indicator_weight": "bobot_indikator", "bobot_indikator_persen": "bobot_indikator",
    "bobot_sub_indikator": "bobot_subindikator", "sub_indicator_weight": "bobot_subindikator",
    "bobot_subindikator_persen": "bobot_subindikator",
    "score": "skor", "nilai_area": "skor", "skor_area": "skor",
    "total": "skor_total", "ipkd": "skor_total", "indeks": "skor_total", "total_score": "skor_total",
    "nilai_total": "skor_total", "skor_ipkd": "skor_total",
    "upload_date": "tanggal_unggah", "tgl_unggah": "tanggal_unggah",
    "verification_date": "tanggal_verifikasi", "tgl_verifikasi": "tanggal_verifikasi",
}


def normalkan_header(nama: str) -> str:
    teks = (nama or "").replace("\ufeff", "").strip().lower()
    teks = re.sub(r"[\s\-/.]+", "_", teks).strip("_")
    return ALIAS_KOLOM.get(teks, teks)


# Header names the reader knows (canonical names and aliases), to find the header below title rows.
_KOLOM_DIKENAL = {
    "tahun", "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator", "nama_sub_indikator", "bobot",
    "status", "nilai", "tanggal_unggah", "tanggal_verifikasi", "skor", "skor_total", "dokumen_wajib",
    "dokumen_diunggah", "belum_diunggah", "diterima", "perlu_perbaikan", "proses_verifikasi", "provinsi",
    *ALIAS_KOLOM.values(),
}


_DARI_DAFTAR_WILAYAH = ("provinsi", "kode_provinsi", "jenis_pemda", "nama_resmi")


_CARI_HEADER = 20  # non-blank rows searched for the header (portals put a title block above it)


_TAK_TERLIHAT = "\ufeff\u200b\u200c\u200d\u2060"  # BOM and zero-width characters pasted from web pages
# what is stripped from both ends of a cell: Unicode whitespace and those invisible characters
_PINGGIR = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _TAK_TERLIHAT


def dengan_header(nama: str, fmt: str, frame: pl.DataFrame, batas: Batas) -> BacaanFile:
    """The header is the first non-blank row naming at least two known columns (else the first
    non-blank row); non-blank rows above it are a title block, noted; blank rows are dropped (they
    are not data)."""
    kolom_data = [c for c in frame.columns if c not in (KOLOM_BARIS, KOLOM_LEBAR)]
    # Cells longer than the limit, header included: refuse the file (a 2 MB cell is not an export,
    # it is an attack or a mistake). Measured as read, before the cleaning below copies every column.
    # bytes first (free to read); characters are counted only when some cell has more bytes than the limit
    terpanjang = frame.select(pl.max_horizontal(pl.col(kolom_data).str.len_bytes().max())).item() if kolom_data else None
    if terpanjang and terpanjang > batas.sel_karakter:
        terpanjang = frame.select(pl.max_horizontal(pl.col(kolom_data).str.len_chars().max())).item()
    if terpanjang and terpanjang > batas.sel_karakter:
        letak = frame.select(pl.max_horizontal(pl.col(kolom_data).str.len_chars()).alias("n"), KOLOM_BARIS).filter(
            pl.col("n") == terpanjang)[KOLOM_BARIS][0]
        raise FileTidakTerbaca(
            f"sel di baris {ribuan(letak)} berisi {ribuan(terpanjang)} karakter, melebihi batas {ribuan(batas.sel_karakter)} "
            "karakter per sel; periksa isi sel itu.",
            f"a cell on row {letak:,} holds {terpanjang:,} characters, over the limit of {batas.sel_karakter:,} per cell; "
            "check that cell.",
            file=nama,
        )
    # one strip over whitespace and invisible characters together (a pass per column, not three)
    # and an empty cell becomes null in the same expression (one new copy of each column, not two)
    frame = frame.with_columns(pl.col(kolom_data).str.strip_chars(_PINGGIR).replace("", None))
    kosong = pl.all_horizontal(pl.col(kolom_data).is_null())
    if frame.select(kosong.any()).item():  # blank lines are rare in exports: copy the frame only for them
        frame = frame.filter(~kosong)
    if frame.height == 0:
        raise FileTidakTerbaca("file tidak berisi data (semua sel kosong).", "the file holds no data (every cell is empty).", file=nama)
    idx_header = 0
    awal = frame.head(_CARI_HEADER).select(kolom_data).rows()
    for i, r in enumerate(awal):
        if sum(1 for v in r if v is not None and normalkan_header(v) in _KOLOM_DIKENAL) >= 2:
            idx_header = i
            break
    catatan: list[tuple[str, str]] = []
    if idx_header:
        judul = frame.head(idx_header)
        isi = " / ".join(" ".join(v for v in r if v) for r in judul.select(kolom_data).rows())[:120]
        dari, sampai = judul[KOLOM_BARIS][0], judul[KOLOM_BARIS][-1]
        letak = f"baris {dari}" if dari == sampai else f"baris {dari}–{sampai}"
        letak_en = f"row {dari}" if dari == sampai else f"rows {dari}–{sampai}"
        catatan.append((f"{letak} di atas header dilewati karena bukan data (judul: '{isi}').",
                        f"{letak_en} above the header skipped, not data (title: '{isi}')."))
    header = frame.row(idx_header, named=True)
    frame = frame.slice(idx_header + 1)
    if frame.height > batas.baris:
        raise terlalu_banyak_baris(nama, batas)
    if frame.height == 0:
        raise FileTidakTerbaca(
            f"file hanya berisi header (baris {header[KOLOM_BARIS]}), tanpa baris data.",
            f"the file holds only a header (row {header[KOLOM_BARIS]}) and no data rows.", file=nama)
    nama_baru: dict[str, str] = {}
    asli: dict[str, str] = {}
    for c in kolom_data:
        judul = header[c]
        if judul is None:
            if frame.get_column(c).null_count() < frame.height:
                catatan.append((f"kolom ke-{int(c[1:]) + 1} tidak berjudul dan diabaikan.",
                                f"column {int(c[1:]) + 1} has no header and is ignored."))
            continue
        normal = normalkan_header(judul)
        if normal in _DARI_DAFTAR_WILAYAH:  # province and kind come from the code and the region list, never the file
            normal = f"{normal}_file"
        if normal in asli or normal in (KOLOM_BARIS, KOLOM_LEBAR, KOLOM_FILE) or normal.startswith("_"):
            pendek = judul if len(judul) <= 60 else judul[:57] + "..."
            if normal in asli:
                catatan.append((f"kolom '{pendek}' muncul dua kali; yang pertama dipakai.",
                                f"column '{pendek}' appears twice; the first one is used."))
            else:
                catatan.append((f"kolom '{pendek}' diabaikan (nama berawalan '_' dicadangkan).",
                                f"column '{pendek}' is ignored (names starting with '_' are reserved)."))
            continue
        nama_baru[c], asli[normal] = normal, judul
    frame = frame.select([pl.col(c).alias(n) for c, n in nama_baru.items()] + [KOLOM_BARIS] +
                         ([pl.col(KOLOM_LEBAR)] if KOLOM_LEBAR in frame.columns else []))
    if "bobot" not in asli and "bobot_subindikator" in asli:  # KPK's layout: the sub-indicator weight is the row's
        frame = frame.with_columns(pl.col("bobot_subindikator").alias("bobot"))
        asli["bobot"] = asli["bobot_subindikator"]
    if "nilai_verifikasi" in asli:  # KPK's layout: the verified score is the score; `nilai` is the pemda's own claim
        if "nilai" in asli:
            frame = frame.rename({"nilai": "nilai_pemda"})
            asli["nilai_pemda"] = asli.pop("nilai")
        frame = frame.rename({"nilai_verifikasi": "nilai"})
        asli["nilai"] = asli.pop("nilai_verifikasi")
    # Cells a row has beyond (+) or short of (−) its header; XLSX rows are never ragged.
    lebar_header = header.get(KOLOM_LEBAR)
    selisih = (pl.col(KOLOM_LEBAR) - lebar_header) if lebar_header is not None else pl.lit(0)
    frame = frame.with_columns(selisih.cast(pl.Int32).alias("_selisih_sel"))
    if KOLOM_LEBAR in frame.columns:
        frame = frame.drop(KOLOM_LEBAR)
    return BacaanFile(nama, fmt, frame, asli, catatan)
