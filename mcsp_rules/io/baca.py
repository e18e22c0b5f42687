"""Tolerant reading of CSV/XLSX exports into all-text frames that remember each row's spreadsheet number.

Everything is read as text: types are decided later by the validation rules, so a value that does
not parse becomes a finding with its row number rather than a silent null. Limits (limits.py) are
checked before the data is parsed, and the content decides the format, not the file name.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import polars as pl

from mcsp_rules.batas import BATAS, Batas
from mcsp_rules.galat import FileTidakTerbaca

KOLOM_BARIS = "_baris"  # the row number as the spreadsheet shows it (header = row 1 in a plain CSV)
KOLOM_FILE = "_file"
KOLOM_LEBAR = "_jumlah_sel"  # cells a CSV row really had (ragged rows are set aside, never padded)

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
    "value": "nilai", "nilai_verifikasi": "nilai", "score_item": "nilai",
    "score": "skor", "nilai_area": "skor", "skor_area": "skor",
    "total": "skor_total", "ipkd": "skor_total", "indeks": "skor_total", "total_score": "skor_total",
    "nilai_total": "skor_total", "skor_ipkd": "skor_total",
    "upload_date": "tanggal_unggah", "tgl_unggah": "tanggal_unggah",
    "verification_date": "tanggal_verifikasi", "tgl_verifikasi": "tanggal_verifikasi",
}

KOLOM_RINCIAN_WAJIB = ("tahun", "kode_wilayah", "area", "sub_indikator", "bobot", "status")
KOLOM_RINGKASAN_WAJIB = ("tahun", "kode_wilayah", "area", "skor")


@dataclass
class BacaanFile:
    """One file (or sheet) as text: ``frame`` has one String column per header plus ``_baris``."""

    nama: str
    format: str  # "csv" | "xlsx"
    frame: pl.DataFrame
    kolom_asli: dict[str, str]  # normalised name → header as written
    catatan: list[tuple[str, str]] = field(default_factory=list)  # (pesan id, message en) about the file


def normalkan_header(nama: str) -> str:
    teks = (nama or "").replace("\ufeff", "").strip().lower()
    teks = re.sub(r"[\s\-/.]+", "_", teks).strip("_")
    return ALIAS_KOLOM.get(teks, teks)


# ---------------------------------------------------------------------------------------- sniffing
def _ribuan(n: int) -> str:
    """1234567 → '1.234.567' (Indonesian thousands)."""
    return f"{n:,}".replace(",", ".")


_MAGIC = ((b"\x89PNG", "gambar PNG"), (b"\xff\xd8\xff", "gambar JPEG"), (b"GIF8", "gambar GIF"), (b"%PDF", "dokumen PDF"),
          (b"\x1f\x8b", "arsip gzip"), (b"Rar!", "arsip RAR"), (b"7z\xbc\xaf", "arsip 7z"), (b"BZh", "arsip bzip2"),
          (b"\xfd7zXZ", "arsip xz"), (b"RIFF", "file media"), (b"\x00\x00\x01\x00", "ikon"), (b"\x7fELF", "program"),
          (b"MZ", "program Windows"), (b"{\\rtf", "dokumen RTF"))
_KONTROL = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"


def _jenis_isi(data: bytes) -> str:
    """What the bytes are, whatever the file is called."""
    kepala = data[:8]
    if kepala.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if b"application/vnd.oasis.opendocument" in data[:200]:
            return "ods"
        return "zip"
    if kepala.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if kepala.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf16"
    if kepala.startswith(b"\xef\xbb\xbf\xff\xfe") or kepala.startswith(b"\xef\xbb\xbf\xfe\xff"):
        return "biner"
    for magic, nama in _MAGIC:
        if kepala.startswith(magic):
            return nama
    awal = data[:65536]
    if b"\x00" in awal:
        genap, ganjil = awal[0:4096:2], awal[1:4096:2]
        # UTF-16 without a BOM: ASCII text with a NUL beside every character
        if len(ganjil) >= 8 and ganjil.count(0) >= 0.9 * len(ganjil) and genap.count(0) < 0.1 * len(genap):
            return "utf16-le"
        if len(genap) >= 8 and genap.count(0) >= 0.9 * len(genap) and ganjil.count(0) < 0.1 * len(ganjil):
            return "utf16-be"
        tanpa_nul = awal.replace(b"\x00", b"")
        if len(tanpa_nul) >= 0.5 * len(awal) and len(tanpa_nul.translate(None, _KONTROL)) >= 0.99 * len(tanpa_nul):
            return "teks"  # text with NULs in it (a copy cut short, padded with zeros): said so precisely later
        return "biner"
    if len(awal) - len(awal.translate(None, _KONTROL)) > 0.01 * len(awal):
        return "biner"
    mulai = awal[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if mulai.startswith((b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta")):
        return "halaman HTML"
    if mulai[:1] in (b"{", b"[") and data[-4096:].rstrip()[-1:] in (b"}", b"]"):
        return "dokumen JSON"
    if mulai.startswith(b"<?xml"):
        return "XML Spreadsheet 2003" if b"urn:schemas-microsoft-com:office:spreadsheet" in awal else "dokumen XML"
    return "teks"


def baca(sumber: str | Path | tuple[str, bytes], *, sheet: str | int | None = None, batas: Batas = BATAS) -> BacaanFile:
    """Read one export. ``sumber`` is a path or (file name, bytes) as an upload gives it."""
    if isinstance(sumber, tuple):
        nama, data = sumber
        if len(data) > batas.ukuran_byte:
            raise _terlalu_besar(nama, len(data), batas)
    else:
        path = Path(sumber)
        nama = path.name
        try:
            ukuran = path.stat().st_size
            if ukuran > batas.ukuran_byte:
                raise _terlalu_besar(nama, ukuran, batas)
            if not path.is_file():
                raise IsADirectoryError(21, "bukan file")
            data = path.read_bytes()
        except OSError as e:
            raise FileTidakTerbaca(f"file tidak dapat dibuka ({e.strerror}).", f"the file cannot be opened ({e.strerror}).", file=nama) from None
        if len(data) > batas.ukuran_byte:  # it grew between stat and read
            raise _terlalu_besar(nama, len(data), batas)
    if not data.strip(b" \t\r\n\x00"):
        raise FileTidakTerbaca("file kosong.", "the file is empty.", file=nama)
    jenis = _jenis_isi(data)
    if jenis == "zip":
        return _baca_xlsx(nama, data, sheet, batas)
    if jenis == "ole":
        raise _ole(nama, data)
    if jenis == "ods":
        raise FileTidakTerbaca(
            "file ini berformat OpenDocument (.ods, LibreOffice), bukan XLSX; simpan sebagai .xlsx atau CSV lalu unggah lagi.",
            "this is an OpenDocument spreadsheet (.ods, LibreOffice), not XLSX; save it as .xlsx or CSV and upload it again.",
            file=nama,
        )
    if jenis in ("teks", "utf16", "utf16-le", "utf16-be"):
        bacaan = _baca_csv(nama, data, batas, utf16={"utf16": "utf-16", "utf16-le": "utf-16-le", "utf16-be": "utf-16-be"}.get(jenis))
        if jenis in ("utf16-le", "utf16-be"):
            bacaan.catatan.append(("file ini UTF-16 tanpa penanda (BOM); dibaca sebagai UTF-16. Simpan sebagai CSV UTF-8 bila bisa.",
                                   "this file is UTF-16 without a byte-order mark; read as UTF-16. Save it as UTF-8 CSV if you can."))
        if nama.lower().endswith((".xlsx", ".xls", ".xlsm")):
            bacaan.catatan.append((f"nama file berakhiran {Path(nama).suffix} tetapi isinya teks CSV; dibaca sebagai CSV.",
                                   f"the file is named {Path(nama).suffix} but holds CSV text; read as CSV."))
        return bacaan
    raise FileTidakTerbaca(
        f"ini bukan file CSV atau XLSX (isinya tampak seperti {jenis}); simpan datanya sebagai .xlsx atau CSV lalu unggah lagi.",
        f"this is not a CSV or XLSX file (its content looks like {_EN.get(jenis, jenis)}); save the data as .xlsx or CSV and upload it again.",
        file=nama,
    )


_EN = {"gambar PNG": "a PNG image", "gambar JPEG": "a JPEG image", "gambar GIF": "a GIF image", "dokumen PDF": "a PDF document",
       "arsip gzip": "a gzip archive", "arsip RAR": "a RAR archive", "arsip 7z": "a 7z archive", "biner": "binary data",
       "arsip bzip2": "a bzip2 archive", "arsip xz": "an xz archive", "file media": "a media file", "ikon": "an icon",
       "program": "a program", "program Windows": "a Windows program", "dokumen RTF": "an RTF document",
       "halaman HTML": "an HTML page", "dokumen JSON": "a JSON document", "XML Spreadsheet 2003": "an XML Spreadsheet 2003", "dokumen XML": "an XML document"}


def _ole(nama: str, data: bytes) -> FileTidakTerbaca:
    """An OLE compound file: Excel writes one for a password-protected .xlsx (streams EncryptedPackage
    and EncryptionInfo) and for an old .xls (stream Workbook, or Book in Excel 5). Stream names sit
    in the file's directory as UTF-16LE, so a byte search tells them apart without an OLE parser."""
    def ada(*nama_stream: str) -> bool:
        return any((n + "\x00").encode("utf-16-le") in data for n in nama_stream)

    if ada("EncryptedPackage", "EncryptionInfo"):
        return FileTidakTerbaca(
            "file dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja), "
            "lalu simpan ulang sebagai .xlsx.",
            "the file is password-protected (encrypted); open it in Excel, remove the password (File › Info › Protect "
            "Workbook) and save it again as .xlsx.", file=nama)
    if ada("Workbook", "Book"):
        return FileTidakTerbaca(
            "file ini berformat Excel lama (.xls, Excel 97–2003), yang tidak dibaca; buka di Excel lalu simpan sebagai .xlsx atau CSV.",
            "this is an old Excel file (.xls, Excel 97–2003), which is not read; open it in Excel and save it as .xlsx or CSV.",
            file=nama)
    if ada("WordDocument", "PowerPoint Document"):
        return FileTidakTerbaca(
            "ini dokumen Office lama (Word atau PowerPoint), bukan lembar kerja; simpan datanya sebagai .xlsx atau CSV.",
            "this is an old Office document (Word or PowerPoint), not a spreadsheet; save the data as .xlsx or CSV.", file=nama)
    return FileTidakTerbaca(
        "file dilindungi kata sandi atau berformat Office lama (.xls); buka di Excel, hapus kata sandinya, lalu simpan sebagai .xlsx atau CSV.",
        "the file is password-protected or an old Office (.xls) file; open it in Excel, remove the password and save it as .xlsx or CSV.",
        file=nama)


def _terlalu_besar(nama: str, ukuran: int, batas: Batas) -> FileTidakTerbaca:
    mb = ukuran / 1024 / 1024
    return FileTidakTerbaca(
        f"file berukuran {mb:.1f} MB melebihi batas unggah {batas.ukuran_mb} MB; pecah per provinsi.".replace(".", ",", 1),
        f"the file is {mb:.1f} MB, over the upload limit of {batas.ukuran_mb} MB; split it by province.",
        file=nama,
    )


# --------------------------------------------------------------------------------------------- CSV
def _dekode(nama: str, data: bytes, utf16: str | None) -> str:
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            raise FileTidakTerbaca("file UTF-16 ini rusak dan tidak dapat dibaca.", "this UTF-16 file is corrupt.", file=nama) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")  # what Excel on Windows writes for "CSV"
    except UnicodeDecodeError:
        return data.decode("latin-1")  # every byte decodes; cp1252 leaves five undefined


def _pemisah(baris_header: str) -> str:
    tanpa_kutip = re.sub(r'"[^"]*"', "", baris_header)
    hitung = {p: tanpa_kutip.count(p) for p in (";", ",", "\t", "|")}
    pemisah = max(hitung, key=hitung.get)
    return pemisah if hitung[pemisah] else ","


_SEP_EXCEL = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)
_BATCH = 50_000  # rows turned into a frame at a time (bounds the Python objects of a quoted CSV)


def _baca_csv(nama: str, data: bytes, batas: Batas, utf16: str | None) -> BacaanFile:
    teks = _dekode(nama, data, utf16).replace("\r\n", "\n").replace("\r", "\n")
    del data
    if "\x00" in teks:
        baris_nul = teks.count("\n", 0, teks.index("\x00")) + 1
        raise FileTidakTerbaca(
            f"file berisi karakter NUL (data biner) mulai baris {_ribuan(baris_nul)}; file mungkin terpotong saat disalin. "
            "Ekspor ulang atau simpan ulang sebagai CSV UTF-8.",
            f"the file contains NUL characters (binary data) from row {baris_nul:,}; it may have been cut short while copying. "
            "Export it again or save it as UTF-8 CSV.", file=nama)
    teks = teks.lstrip("\ufeff")
    # Skip leading blank lines but keep counting them, so row numbers match what a spreadsheet shows.
    lompat = len(teks) - len(teks.lstrip("\n"))
    teks = teks[lompat:]
    baris_pertama = teks.split("\n", 1)[0]
    pemisah = None
    if m := _SEP_EXCEL.match(baris_pertama):  # Excel's "sep=;" hint line
        pemisah = m.group(1)
        teks = teks[len(baris_pertama) + 1:]
        lompat += 1
        baris_pertama = teks.split("\n", 1)[0]
    if not teks.strip():  # only a byte-order mark, a "sep=" line or blank space once decoded
        raise FileTidakTerbaca("file kosong.", "the file is empty.", file=nama)
    n_baris = teks.count("\n") + (0 if teks.endswith("\n") else 1)
    if n_baris > batas.baris + 1 + 20:  # header + a few title lines
        raise _terlalu_banyak_baris(nama, batas)
    pemisah = pemisah or _pemisah(baris_pertama)
    if '"' in teks:
        frame = _csv_berkutip(nama, teks, pemisah, lompat, n_baris, batas)
    else:
        baris = pl.Series("l", teks.split("\n"))
        if baris.len() and baris[-1] == "":
            baris = baris.head(-1)
        jumlah_sel = baris.str.count_matches(pemisah, literal=True) + 1
        lebar = int(jumlah_sel.max())
        if lebar > batas.kolom:
            raise _terlalu_banyak_kolom(nama, lebar, batas)
        if lebar * baris.len() > batas.sel:
            raise _terlalu_banyak_sel(nama, baris.len(), lebar, batas)
        frame = pl.read_csv(
            io.BytesIO(teks.encode("utf-8")), separator=pemisah, has_header=False,
            infer_schema=False, quote_char=None, truncate_ragged_lines=True, missing_columns="insert",
            schema={f"c{i}": pl.String for i in range(lebar)},
        )
        frame = frame.with_columns(
            pl.Series(KOLOM_LEBAR, jumlah_sel.cast(pl.Int32)).fill_null(0),
            pl.Series(KOLOM_BARIS, range(lompat + 1, lompat + 1 + frame.height), dtype=pl.Int64),
        )
        # An empty line is one "cell" by the count above; it is dropped as blank below anyway.
    bacaan = _dengan_header(nama, "csv", frame, batas)
    bacaan.catatan.extend(_pemisah_lain(bacaan, pemisah))
    return bacaan


def _rentang(baris: list[int]) -> str:
    """[12, 13, 14, 20] → '12–14, 20' (at most five ranges, then '…')."""
    bagian, awal, akhir = [], baris[0], baris[0]
    for b in baris[1:] + [None]:
        if b is not None and b == akhir + 1:
            akhir = b
            continue
        bagian.append(str(awal) if awal == akhir else f"{awal}–{akhir}")
        if b is not None:
            awal = akhir = b
    return ", ".join(bagian[:5]) + (", …" if len(bagian) > 5 else "")


def _pemisah_lain(b: BacaanFile, pemisah: str) -> list[tuple[str, str]]:
    """Rows that came out as one cell but hold a whole row with another separator (files glued
    together from two exports): said once for the file, with the rows."""
    kolom = [c for c in b.frame.columns if not c.startswith("_")]
    if len(kolom) < 3 or "_selisih_sel" not in b.frame.columns:
        return []
    pertama = kolom[0]
    catatan = []
    for lain in (p for p in (";", ",", "\t", "|") if p != pemisah):
        cocok = b.frame.filter(
            (pl.col("_selisih_sel") == 1 - len(kolom)) & (pl.col(pertama).str.count_matches(lain, literal=True) >= len(kolom) - 2)
        )[KOLOM_BARIS].to_list()
        if cocok:
            tampil = {"\t": "tab"}.get(lain, lain)
            utama = {"\t": "tab"}.get(pemisah, pemisah)
            catatan.append((
                f"baris {_rentang(cocok)} memakai pemisah '{tampil}', sedangkan header memakai '{utama}'; isinya terbaca "
                "sebagai satu sel. Simpan ulang file dengan satu jenis pemisah.",
                f"rows {_rentang(cocok)} use the separator '{tampil}' while the header uses '{utama}'; they read as one cell. "
                "Save the file again with one separator."))
    return catatan


def _csv_berkutip(nama: str, teks: str, pemisah: str, lompat: int, n_baris: int, batas: Batas) -> pl.DataFrame:
    """Quoted fields may hold separators and line breaks: count cells with the csv module, in batches.

    A quote that is opened and never closed would swallow the rest of the file into one cell (the
    csv module says nothing): that is refused with the row where it was opened, so no row vanishes."""
    reader = csv.reader(io.StringIO(teks), delimiter=pemisah, strict=False)
    potongan: list[pl.DataFrame] = []
    kumpul: list[list[str]] = []
    lebar_semua = 0
    jumlah = 0
    ada_baris_baru = False

    def simpan():
        nonlocal kumpul
        if kumpul:
            lebar = max(len(r) for r in kumpul)
            potongan.append(pl.DataFrame(
                {**{f"c{i}": [r[i] if i < len(r) else None for r in kumpul] for i in range(lebar)},
                 KOLOM_LEBAR: [len(r) for r in kumpul]},
                schema={**{f"c{i}": pl.String for i in range(lebar)}, KOLOM_LEBAR: pl.Int32},
            ))
            kumpul = []

    lebar_header = 0
    try:
        for r in reader:
            jumlah += 1
            if len(r) > lebar_semua:
                lebar_semua = len(r)
                if lebar_semua > batas.kolom:
                    raise _terlalu_banyak_kolom(nama, lebar_semua, batas)
            if jumlah > batas.baris + 1 + 20:
                raise _terlalu_banyak_baris(nama, batas)
            if lebar_semua * max(jumlah, n_baris) > batas.sel:
                raise _terlalu_banyak_sel(nama, max(jumlah, n_baris), lebar_semua, batas)
            if not lebar_header and any(r):
                lebar_header = len(r)
            if any("\n" in v for v in r):
                ada_baris_baru = True
                _periksa_sel_berbaris(nama, r, pemisah, lebar_header, lompat + jumlah)
            kumpul.append(r)
            if len(kumpul) >= _BATCH:
                simpan()
    except csv.Error as e:
        baris = lompat + jumlah + 1
        if "field larger than field limit" in str(e):
            raise FileTidakTerbaca(
                f"sel di baris {_ribuan(baris)} berisi lebih dari {_ribuan(csv.field_size_limit())} karakter, melebihi batas "
                f"{_ribuan(batas.sel_karakter)} karakter per sel; periksa isi sel itu (atau tanda kutip yang tidak ditutup).",
                f"a cell on row {baris:,} holds more than {csv.field_size_limit():,} characters, over the limit of "
                f"{batas.sel_karakter:,} per cell; check that cell (or an unclosed quote).", file=nama) from None
        raise FileTidakTerbaca(f"CSV rusak di baris {_ribuan(baris)} ({e}); simpan ulang sebagai CSV.",
                               f"the CSV is broken on row {baris:,} ({e}); save it again as CSV.", file=nama) from None
    simpan()
    if not potongan:
        raise FileTidakTerbaca("file kosong.", "the file is empty.", file=nama)
    if ada_baris_baru:
        _periksa_kutip(nama, teks, pemisah, lompat)
    frame = pl.concat(potongan, how="diagonal")
    kolom = [f"c{i}" for i in range(lebar_semua)]
    # Blank lines inside a quoted field shift line numbers; csv.reader gives record numbers,
    # which is what a spreadsheet shows after import.
    return frame.select(*kolom, KOLOM_LEBAR).with_columns(
        pl.Series(KOLOM_BARIS, range(lompat + 1, lompat + 1 + frame.height), dtype=pl.Int64))


def _periksa_sel_berbaris(nama: str, r: list[str], pemisah: str, lebar_header: int, baris: int) -> None:
    """A cell holding line breaks is fine (Alt+Enter in Excel) unless its lines look like whole rows
    of the file: then a quote was opened and not closed, and those rows would vanish into one cell."""
    perlu = max(3, lebar_header - 1)
    for v in r:
        if "\n" not in v:
            continue
        mirip = sum(1 for b in v.split("\n") if b.count(pemisah) + 1 >= perlu)
        if mirip:
            raise FileTidakTerbaca(
                f'tanda kutip (") di baris {_ribuan(baris)} tampaknya tidak ditutup: satu sel di baris itu memuat {mirip} '
                "baris lain file ini, yang akan hilang; tutup atau hapus tanda kutip itu lalu simpan ulang.",
                f'a quote (") on row {baris:,} seems never closed: one cell on that row swallows {mirip} other rows of the '
                "file, which would be lost; close or remove that quote and save again.", file=nama)


def _periksa_kutip(nama: str, teks: str, pemisah: str, lompat: int) -> None:
    """Only when some cell holds a line break: was it a quote never closed?"""
    reader = csv.reader(io.StringIO(teks), delimiter=pemisah, strict=True)
    rekaman = 0
    try:
        for _ in reader:
            rekaman += 1
    except csv.Error as e:
        if "unexpected end of data" not in str(e):
            return  # another strictness complaint (e.g. text after a closing quote): the lenient reading stands
        baris = lompat + rekaman + 1
        raise FileTidakTerbaca(
            f'tanda kutip (") yang dibuka di baris {_ribuan(baris)} tidak pernah ditutup, sehingga sisa file terbaca sebagai '
            "satu sel; tutup tanda kutip di baris itu (atau hapus) lalu simpan ulang.",
            f'a quote (") opened on row {baris:,} is never closed, so the rest of the file would read as one cell; '
            "close (or remove) the quote on that row and save again.", file=nama) from None


def _terlalu_banyak_baris(nama: str, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file memiliki lebih dari {_ribuan(batas.baris)} baris data, melebihi batas; pecah per provinsi atau per tahun.",
        f"the file has more than {batas.baris:,} data rows, over the limit; split it by province or year.",
        file=nama,
    )


def _terlalu_banyak_kolom(nama: str, lebar: int, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file memiliki {_ribuan(lebar)} kolom, melebihi batas {_ribuan(batas.kolom)} kolom; apakah pemisahnya benar?",
        f"the file has {lebar:,} columns, over the limit of {batas.kolom:,}; is the separator right?",
        file=nama,
    )


def _terlalu_banyak_sel(nama: str, baris: int, lebar: int, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file terlalu besar: {_ribuan(baris)} baris × {_ribuan(lebar)} kolom = {_ribuan(baris * lebar)} sel, melebihi batas "
        f"{_ribuan(batas.sel)} sel; hapus kolom kosong atau pecah per provinsi.",
        f"the file is too large: {baris:,} rows × {lebar:,} columns = {baris * lebar:,} cells, over the limit of "
        f"{batas.sel:,} cells; remove empty columns or split it by province.",
        file=nama,
    )


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


def _dengan_header(nama: str, fmt: str, frame: pl.DataFrame, batas: Batas) -> BacaanFile:
    """The header is the first non-blank row naming at least two known columns (else the first
    non-blank row); non-blank rows above it are a title block, noted; blank rows are dropped (they
    are not data)."""
    kolom_data = [c for c in frame.columns if c not in (KOLOM_BARIS, KOLOM_LEBAR)]
    # Cells longer than the limit, header included: refuse the file (a 2 MB cell is not an export,
    # it is an attack or a mistake). Measured as read, before the cleaning below copies every column.
    terpanjang = frame.select(pl.max_horizontal(pl.col(kolom_data).str.len_chars().max())).item() if kolom_data else None
    if terpanjang and terpanjang > batas.sel_karakter:
        letak = frame.select(pl.max_horizontal(pl.col(kolom_data).str.len_chars()).alias("n"), KOLOM_BARIS).filter(
            pl.col("n") == terpanjang)[KOLOM_BARIS][0]
        raise FileTidakTerbaca(
            f"sel di baris {_ribuan(letak)} berisi {_ribuan(terpanjang)} karakter, melebihi batas {_ribuan(batas.sel_karakter)} "
            "karakter per sel; periksa isi sel itu.",
            f"a cell on row {letak:,} holds {terpanjang:,} characters, over the limit of {batas.sel_karakter:,} per cell; "
            "check that cell.",
            file=nama,
        )
    frame = frame.with_columns(
        pl.col(kolom_data).str.strip_chars().str.strip_chars(_TAK_TERLIHAT).str.strip_chars().replace("", None)
    )
    frame = frame.filter(~pl.all_horizontal(pl.col(kolom_data).is_null()))
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
        raise _terlalu_banyak_baris(nama, batas)
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
    # Cells a row has beyond (+) or short of (−) its header; XLSX rows are never ragged.
    lebar_header = header.get(KOLOM_LEBAR)
    selisih = (pl.col(KOLOM_LEBAR) - lebar_header) if lebar_header is not None else pl.lit(0)
    frame = frame.with_columns(selisih.cast(pl.Int32).alias("_selisih_sel"))
    if KOLOM_LEBAR in frame.columns:
        frame = frame.drop(KOLOM_LEBAR)
    return BacaanFile(nama, fmt, frame, asli, catatan)


# -------------------------------------------------------------------------------------------- XLSX
# calamine allocates a sheet's whole rectangle (first to last used cell) before reading a value, so
# the rectangle is measured first, from the XML, the way calamine places cells: by local element name
# (any prefix), by the r="..." reference wherever it stands and in either quotes, and, for a cell or
# row without a reference, right after the previous one.
#
# Fast path (every file Excel, LibreOffice or xlsxwriter writes): each <c>/<row> tag starts with
# r="<A-Z…><0-9…>" in double quotes. Then only "far" references can break a limit (two or more
# column letters, or K or more row digits), and one Rust-regex pass per megabyte finds them. Any other
# shape sends the whole member to an exact tag-by-tag walk (slower, only for unusual writers).
_ANEH = (r'<(?:[A-Za-z_][\w.\-]*:)?(?:c|row)(?:[\t\n\r/>]| [^r]| r[^=]| r=[^"]| r="[^"]*[^A-Z0-9"])'
         r'|[\s"\'][rR]\s+=|[\s"\'][rR]=\s|[\s"\'][rR]=\'|[\s"\']R=|"r="|<!\[CDATA\[')
_JAUH = r'[^\w.:\-]r="([A-Z]{{2,}}[0-9]*|[A-Z]*[0-9]{{{k},}})"'
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(c|row)(?=[\s/>])([^>]*)>")
_ATR_R = re.compile(rb"(?:^|\s)[rR]\s*=\s*(\"[^\"]*\"|'[^']*')")
_ISI_REF = re.compile(rb"^\s*([A-Za-z]*)\s*([0-9]*)\s*$")
_DIMENSI = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?dimension\s[^>]*?ref\s*=\s*[\"']([^\"']*)[\"']")
_SANGAT_BESAR = 10**12


def _nomor_kolom(huruf: bytes | str) -> int:
    if isinstance(huruf, str):
        huruf = huruf.encode()
    if len(huruf) > 7:
        return _SANGAT_BESAR
    n = 0
    for b in huruf.upper():
        n = n * 26 + (b - 64)
    return n


def _angka(digit: bytes | str) -> int:
    return int(digit) if 0 < len(digit) <= 12 else (_SANGAT_BESAR if digit else 0)


class _PerluTepat(Exception):
    """The fast path cannot vouch for this member: walk it tag by tag."""


@dataclass
class _Ukur:
    max_baris: int = 0
    max_kolom: int = 0
    ref: str = ""  # the reference that reaches furthest, as written (for the message)
    baris_kini: int = 0  # exact walk: where a cell or row without a reference goes
    kolom_kini: int = 0
    ada_galat: bool = False  # error cells (#DIV/0!, #N/A...): fastexcel would turn them into empty cells
    # upper bounds used for the limits: the fast path does not look at "near" references one by one,
    # it knows they stay below 10^(k-1) rows and 26 columns
    atas_baris: int = 0
    atas_kolom: int = 0

    def batas_atas(self) -> tuple[int, int]:
        return max(self.atas_baris, self.max_baris), max(self.atas_kolom, self.max_kolom)

    def catat(self, baris: int, kolom: int, ref: str = "") -> None:
        if (baris, kolom) > (self.max_baris, self.max_kolom) or baris > self.max_baris or kolom > self.max_kolom:
            if ref:
                self.ref = ref
        self.max_baris = max(self.max_baris, baris)
        self.max_kolom = max(self.max_kolom, kolom)


def _gabung_ukur(u: _Ukur, v: _Ukur) -> None:
    u.catat(v.max_baris, v.max_kolom, v.ref)
    u.atas_baris, u.atas_kolom = max(u.atas_baris, v.atas_baris), max(u.atas_kolom, v.atas_kolom)
    u.ada_galat = u.ada_galat or v.ada_galat


def _ambang_digit(batas: Batas) -> int:
    """Rows with fewer digits than this cannot break the row limit, nor (with at most 26 columns,
    which is what single-letter references give) the rectangle limit."""
    return len(str(max(1, min(batas.baris + 1, batas.sel // 26))))


def _segmen(f, hitung):
    """A member in 1 MB pieces cut at the last '<', so every tag is seen whole by one piece."""
    ekor = b""
    while chunk := f.read(1 << 20):
        hitung(len(chunk))
        buf = ekor + chunk
        potong = buf.rfind(b"<")
        if potong >= 0 and buf.find(b">", potong) < 0:
            seg, ekor = buf[:potong], buf[potong:]
            if len(ekor) > (1 << 20):
                raise ValueError("an XML tag longer than 1 MB")
        else:
            seg, ekor = buf, b""
        if seg:
            yield seg
    if ekor:
        yield ekor


def _ukur_cepat(seg: bytes, u: _Ukur, k: int, batas: Batas) -> None:
    if batas.kolom < 26:  # single-letter columns could break the limit: the fast path's bound is too coarse
        raise _PerluTepat
    teks = pl.Series([seg.decode("utf-8", "replace")])
    if teks.str.contains(_ANEH).item():
        raise _PerluTepat
    if b"<c " in seg or b":c " in seg:
        u.atas_baris, u.atas_kolom = max(u.atas_baris, 10 ** (k - 1) - 1), max(u.atas_kolom, 26)
    jauh = teks.str.extract_all(_JAUH.format(k=k)).explode().drop_nulls()
    if jauh.len():
        ref = jauh.str.extract(r'r="([A-Z]*[0-9]*)"', 1)
        huruf, digit = ref.str.extract(r"^([A-Z]*)", 1), ref.str.extract(r"([0-9]*)$", 1)
        kolom = max(_nomor_kolom(h) for h in huruf.unique().to_list()[:10_000])
        panjang = digit.str.len_chars()
        terpanjang = digit.filter(panjang == panjang.max())
        maks = terpanjang.max() or ""
        contoh = ref.filter((digit == maks) & (huruf != ""))  # name a cell (XFD1048576), not its row (1048576)
        u.catat(_angka(maks), kolom, (contoh if contoh.len() else ref.filter(digit == maks)).first() or "")
        if u.max_kolom > 26 and (10 ** (k - 1) - 1) * u.max_kolom > batas.sel:
            raise _PerluTepat  # rows under the threshold now matter for the rectangle: count exactly


def _ukur_tepat(seg: bytes, u: _Ukur) -> None:
    """Exact walk over every <row>/<c> tag, as calamine places cells."""
    for m in _TAG.finditer(seg):
        r = _ATR_R.search(m.group(2))
        isi = _ISI_REF.match(r.group(1)[1:-1]) if r else None
        if m.group(1) == b"row":
            u.baris_kini = _angka(isi.group(2)) if isi and isi.group(2) else u.baris_kini + 1
            u.kolom_kini = 0
            continue
        if isi and isi.group(1):
            u.kolom_kini = _nomor_kolom(isi.group(1))
        else:
            u.kolom_kini += 1
        baris = _angka(isi.group(2)) if isi and isi.group(2) else max(u.baris_kini, 1)
        u.catat(baris, u.kolom_kini, r.group(1)[1:-1].decode("ascii", "replace").strip() if r else "")


def _ukur_dimensi(seg: bytes, u: _Ukur) -> None:
    if m := _DIMENSI.search(seg[:65536]):
        akhir = m.group(1).split(b":")[-1]
        if isi := _ISI_REF.match(akhir):
            u.catat(_angka(isi.group(2)), _nomor_kolom(isi.group(1)) if isi.group(1) else 0,
                    akhir.decode("ascii", "replace").strip())


def _periksa_zip(nama: str, data: bytes, batas: Batas) -> tuple[zipfile.ZipFile, dict[str, _Ukur]]:
    """Inflate every member as a stream with a cap (calamine has none), and measure every XML
    member's extent the way calamine will place its cells (calamine allocates the whole rectangle)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        anggota = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise FileTidakTerbaca("file XLSX rusak (arsip zip tidak utuh); simpan ulang dari Excel.",
                               "the XLSX file is corrupt (broken zip archive); save it again from Excel.", file=nama) from None
    if not any(i.filename == "xl/workbook.xml" for i in anggota):
        raise FileTidakTerbaca("file zip ini bukan XLSX (tidak ada xl/workbook.xml); simpan datanya sebagai .xlsx atau CSV.",
                               "this zip file is not an XLSX workbook (no xl/workbook.xml); save the data as .xlsx or CSV.", file=nama)
    if any(i.flag_bits & 0x1 for i in anggota):
        raise FileTidakTerbaca("file dilindungi kata sandi; hapus kata sandinya di Excel lalu simpan ulang.",
                               "the file is password-protected; remove the password in Excel and save it again.", file=nama)
    cap = batas.xlsx_terurai_mb * 1024 * 1024
    total = 0

    def bom() -> FileTidakTerbaca:
        return FileTidakTerbaca(
            f"isi XLSX terurai melebihi batas {_ribuan(batas.xlsx_terurai_mb)} MB (kemungkinan 'zip bomb'); file ditolak.",
            f"the XLSX decompresses to more than the {batas.xlsx_terurai_mb:,} MB limit (a likely zip bomb); refused.",
            file=nama,
        )

    def hitung(n: int) -> None:
        nonlocal total
        total += n
        if total > cap:
            raise bom()

    if sum(i.file_size for i in anggota) > cap:  # stated sizes can lie low, never usefully high
        raise bom()
    k = _ambang_digit(batas)
    ukuran: dict[str, _Ukur] = {}
    for info in anggota:
        u = _Ukur()
        sebelum = total
        try:
            with z.open(info) as f:
                if not info.filename.lower().endswith(".xml"):
                    while chunk := f.read(1 << 20):
                        hitung(len(chunk))
                else:
                    try:
                        lari = 0
                        for i, seg in enumerate(_segmen(f, hitung)):
                            lari = _periksa_segmen(nama, info.filename, seg, lari, batas)
                            if i == 0:
                                _ukur_dimensi(seg, u)
                            _ukur_cepat(seg, u, k, batas)
                            u.ada_galat = u.ada_galat or b't="e"' in seg or b"t='e'" in seg
                    except _PerluTepat:
                        dimensi = (u.max_baris, u.max_kolom, u.ref)
                        u, total = _Ukur(*dimensi), sebelum
                        with z.open(info) as f2:
                            lari = 0
                            for seg in _segmen(f2, hitung):
                                lari = _periksa_segmen(nama, info.filename, seg, lari, batas)
                                _ukur_tepat(seg, u)
                                u.ada_galat = u.ada_galat or re.search(rb"\st\s*=\s*[\"']e[\"']", seg) is not None
        except FileTidakTerbaca:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zlib.error) as e:
            raise FileTidakTerbaca(f"file XLSX rusak ({info.filename}: {e}); simpan ulang dari Excel.",
                                   f"the XLSX file is corrupt ({info.filename}: {e}); save it again from Excel.", file=nama) from None
        if info.filename in ukuran:  # two members with one name: whichever calamine picks, both were measured
            _gabung_ukur(u, ukuran[info.filename])
        ukuran[info.filename] = u
    return z, ukuran


def _ambang_teks(batas: Batas) -> int:
    """Bytes of XML text (no '<') that surely hold a cell over the per-cell limit: one character is at
    most 10 bytes as XML writes it ('&#128512;'). Shorter runs go to calamine, and a cell over the limit
    among them is refused after reading, with its row."""
    return max(10 * batas.sel_karakter, 1 << 16)


def _periksa_segmen(nama: str, anggota: str, seg: bytes, lari: int, batas: Batas) -> int:
    """Refuse, while inflating, what Excel never writes and what would cost gigabytes once parsed:
    a DTD (entity expansion, external entities), or one text run long enough to be a cell over the
    limit (calamine, then Arrow, then Polars each hold a copy: a 190 MB cell took 1.9 GB). ``lari`` is
    the run carried over from the previous segment; the one carried into the next is returned."""
    if b"<!DOCTYPE" in seg or b"<!ENTITY" in seg:
        raise _dtd(nama, anggota)
    ambang = _ambang_teks(batas)
    pertama = seg.find(b"<")
    if pertama < 0:
        lari += len(seg)
        if lari >= ambang:
            raise _teks_panjang(nama, anggota, lari, batas)
        return lari
    if lari + pertama >= ambang:
        raise _teks_panjang(nama, anggota, lari + pertama, batas)
    # a run of at least ``ambang`` bytes covers a whole window of ambang/2 bytes aligned from the
    # first '<': test one window per step (bytes.find stops at the first '<', a few bytes in XML)
    langkah = ambang // 2
    for w in range(pertama, len(seg) - langkah + 1, langkah):
        if seg.find(b"<", w, w + langkah) < 0:
            kiri = seg.rfind(b"<", 0, w) + 1
            kanan = seg.find(b"<", w)
            panjang = (kanan if kanan >= 0 else len(seg)) - kiri
            if panjang >= ambang:
                raise _teks_panjang(nama, anggota, panjang, batas)
    return len(seg) - seg.rfind(b"<") - 1


def _teks_panjang(nama: str, anggota: str, panjang: int, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file XLSX berisi teks sel sepanjang lebih dari {_ribuan(panjang)} byte ({anggota}), melebihi batas "
        f"{_ribuan(batas.sel_karakter)} karakter per sel; file ditolak sebelum dibaca. Periksa sel yang sangat panjang.",
        f"the XLSX holds cell text longer than {panjang:,} bytes ({anggota}), over the limit of {batas.sel_karakter:,} "
        "characters per cell; refused before reading. Check the very long cell.", file=nama)


def _dtd(nama: str, anggota: str) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file XLSX berisi deklarasi DTD/entitas XML ({anggota}), yang tidak pernah ditulis Excel dan dipakai untuk serangan "
        "(entitas berantai, 'billion laughs', atau pembacaan file server); file ditolak. Simpan ulang dari Excel.",
        f"the XLSX holds an XML DTD/entity declaration ({anggota}), which Excel never writes and attacks use (entity expansion, "
        "'billion laughs', or reading server files); refused. Save it again from Excel.", file=nama)


def _peta_lembar(z: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, worksheet path) in workbook order."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    wb = ElementTree.fromstring(z.read("xl/workbook.xml"))
    try:
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
    except KeyError:
        target = {}
    hasil = []
    for i, s in enumerate(wb.iterfind("m:sheets/m:sheet", ns)):
        t = target.get(s.get(f"{{{ns['r']}}}id")) or f"worksheets/sheet{i + 1}.xml"
        t = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
        hasil.append((s.get("name") or f"Sheet{i + 1}", t))
    return hasil


def _terlalu_luas(nama: str, lembar: str, u: _Ukur, batas: Batas) -> FileTidakTerbaca | None:
    """A sheet whose cell rectangle is over a limit, named with the reference that reaches furthest."""
    di = f" (sel terjauh: {u.ref})" if u.ref else ""
    at = f" (furthest cell: {u.ref})" if u.ref else ""
    atas_baris, atas_kolom = u.batas_atas()
    if atas_baris > batas.baris + 1:
        return FileTidakTerbaca(
            f"lembar '{lembar}' terlalu besar: ada sel sampai baris ke-{_ribuan(u.max_baris)}{di}, melebihi batas "
            f"{_ribuan(batas.baris)} baris data; hapus isi/format sel di bawah data, atau pecah per provinsi atau per tahun.",
            f"sheet '{lembar}' is too large: a cell reaches row {u.max_baris:,}{at}, over the limit of {batas.baris:,} data rows; "
            "clear the cells below the data, or split it by province or year.", file=nama)
    if atas_kolom > batas.kolom:
        return FileTidakTerbaca(
            f"lembar '{lembar}' terlalu besar: ada sel sampai kolom ke-{_ribuan(u.max_kolom)}{di}, melebihi batas "
            f"{_ribuan(batas.kolom)} kolom; hapus isi/format sel di kanan data.",
            f"sheet '{lembar}' is too large: a cell reaches column {u.max_kolom:,}{at}, over the limit of {batas.kolom:,} columns; "
            "clear the cells to the right of the data.", file=nama)
    if atas_baris * atas_kolom > batas.sel:
        return FileTidakTerbaca(
            f"lembar '{lembar}' terlalu besar: {_ribuan(u.max_baris)} baris × {_ribuan(u.max_kolom)} kolom = "
            f"{_ribuan(u.max_baris * u.max_kolom)} sel{di}, melebihi batas {_ribuan(batas.sel)} sel; hapus isi/format sel di luar "
            "data, atau pecah per provinsi.",
            f"sheet '{lembar}' is too large: {u.max_baris:,} rows × {u.max_kolom:,} columns = {u.max_baris * u.max_kolom:,} cells{at}, "
            f"over the limit of {batas.sel:,} cells; clear the cells outside the data, or split it by province.", file=nama)
    return None


def _baca_xlsx(nama: str, data: bytes, sheet: str | int | None, batas: Batas) -> BacaanFile:
    z, ukuran = _periksa_zip(nama, data, batas)
    try:
        lembar = _peta_lembar(z)
    except (ElementTree.ParseError, KeyError, ValueError, zipfile.BadZipFile):
        raise FileTidakTerbaca("struktur workbook XLSX rusak; simpan ulang dari Excel.",
                               "the XLSX workbook structure is corrupt; save it again from Excel.", file=nama) from None
    if not lembar:
        raise FileTidakTerbaca("workbook tidak memiliki lembar kerja.", "the workbook has no sheets.", file=nama)
    nama_lembar = [n for n, _ in lembar]
    if sheet is None:
        idx = 0
    elif isinstance(sheet, int) and not isinstance(sheet, bool):
        if not 0 <= sheet < len(lembar):
            raise FileTidakTerbaca(f"lembar ke-{sheet + 1} tidak ada; lembar yang ada: {', '.join(nama_lembar)}.",
                                   f"there is no sheet {sheet + 1}; the sheets are: {', '.join(nama_lembar)}.", file=nama)
        idx = sheet
    else:
        if sheet not in nama_lembar:
            raise FileTidakTerbaca(f"lembar '{sheet}' tidak ada; lembar yang ada: {', '.join(nama_lembar)}.",
                                   f"sheet '{sheet}' does not exist; the sheets are: {', '.join(nama_lembar)}.", file=nama)
        idx = nama_lembar.index(sheet)
    if sheet is not None:
        return _baca_lembar(nama, data, idx, lembar, ukuran, batas)
    # No sheet named: the first one, unless it holds no data table and a later one does (a cover or
    # instructions sheet before the data is common in exported workbooks); then read that one and say so.
    try:
        pertama, galat_pertama = _baca_lembar(nama, data, 0, lembar, ukuran, batas), None
    except FileTidakTerbaca as e:
        pertama, galat_pertama = None, e
    if len(lembar) > 1 and not (pertama is not None and _ada_tabel(pertama)):
        for i in range(1, len(lembar)):
            try:
                bacaan = _baca_lembar(nama, data, i, lembar, ukuran, batas)
            except FileTidakTerbaca:
                continue
            if _ada_tabel(bacaan):
                bacaan.catatan.append((
                    f"lembar pertama '{lembar[0][0]}' tidak berisi tabel data; yang dibaca lembar '{lembar[i][0]}'.",
                    f"the first sheet, '{lembar[0][0]}', holds no data table; sheet '{lembar[i][0]}' was read."))
                return bacaan
    if galat_pertama is not None:
        if len(lembar) < 2:
            raise galat_pertama
        lain = ", ".join(f"'{n}'" for n in nama_lembar[1:])
        raise FileTidakTerbaca(
            f"lembar pertama '{lembar[0][0]}': {galat_pertama.pesan} Lembar lain ({lain}) juga tidak berisi tabel data.",
            f"first sheet '{lembar[0][0]}': {galat_pertama.message} The other sheets ({lain}) hold no data table either.",
            file=nama) from None
    if len(lembar) > 1:
        pertama.catatan.append((f"workbook punya {len(lembar)} lembar; yang dibaca lembar pertama '{lembar[0][0]}'.",
                                f"the workbook has {len(lembar)} sheets; the first one, '{lembar[0][0]}', was read."))
    return pertama


def _ada_tabel(bacaan: BacaanFile) -> bool:
    """Whether a sheet's header names at least two columns an export has (the header test above)."""
    return sum(1 for c in bacaan.frame.columns if normalkan_header(c) in _KOLOM_DIKENAL) >= 2


def _baca_lembar(nama: str, data: bytes, idx: int, lembar: list[tuple[str, str]], ukuran: dict, batas: Batas) -> BacaanFile:
    """One sheet of a checked workbook, as text with its spreadsheet row numbers."""
    # The sheet's own extent; if the workbook points somewhere we did not measure (calamine may resolve
    # paths differently), every member's extent counts, so nothing unmeasured reaches calamine.
    u = ukuran.get(lembar[idx][1])
    if u is None:
        u = _Ukur()
        for v in ukuran.values():
            _gabung_ukur(u, v)
    if salah := _terlalu_luas(nama, lembar[idx][0], u, batas):
        raise salah
    import fastexcel  # only XLSX needs it

    try:
        # skip_rows=0: start at sheet row 1 (not at the first used row), so row numbers are the sheet's.
        lembar_fx = fastexcel.read_excel(data).load_sheet(idx, header_row=None, skip_rows=0, dtypes="string")
        if u.ada_galat:
            tabel, galat = lembar_fx.to_arrow_with_errors()
            frame = pl.from_arrow(tabel)
        else:
            frame, galat = lembar_fx.to_polars(), None
    except Exception as e:  # noqa: BLE001 — calamine raises its own types for every kind of corruption
        raise FileTidakTerbaca(f"file XLSX tidak dapat dibaca ({type(e).__name__}); simpan ulang dari Excel.",
                               f"the XLSX file cannot be read ({type(e).__name__}); save it again from Excel.", file=nama) from None
    frame = frame.rename({c: f"c{i}" for i, c in enumerate(frame.columns)})
    if galat is not None and galat.errors:
        frame = _isi_sel_galat(frame, galat.errors)
    frame = frame.with_columns(pl.Series(KOLOM_BARIS, range(1, 1 + frame.height), dtype=pl.Int64))
    return _dengan_header(nama, "xlsx", frame, batas)


_GALAT_EXCEL = {"Div0": "#DIV/0!", "NA": "#N/A", "Name": "#NAME?", "Null": "#NULL!", "Num": "#NUM!", "Ref": "#REF!",
                "Value": "#VALUE!", "GettingData": "#GETTING_DATA"}


def _isi_sel_galat(frame: pl.DataFrame, galat) -> pl.DataFrame:
    """Error cells keep their Excel text ('#DIV/0!'), so validation reports them instead of reading
    them as empty (an empty nilai on an accepted item would score 100)."""
    per_kolom: dict[int, tuple[list[int], list[str]]] = {}
    for g in galat:
        baris, kolom = g.position
        m = re.search(r"Error\((\w+)\)", g.detail or "")
        teks = _GALAT_EXCEL.get(m.group(1), f"#{m.group(1).upper()}") if m else "#GALAT"
        if 0 <= kolom < frame.width and 0 <= baris < frame.height:
            per_kolom.setdefault(kolom, ([], []))
            per_kolom[kolom][0].append(baris)
            per_kolom[kolom][1].append(teks)
    kolom_baru = []
    for kolom, (baris, teks) in per_kolom.items():
        seri = frame.to_series(kolom).cast(pl.String).clone()
        seri.scatter(baris, teks)
        kolom_baru.append(seri)
    return frame.with_columns(kolom_baru) if kolom_baru else frame
