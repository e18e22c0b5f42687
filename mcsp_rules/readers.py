"""Tolerant reading of CSV/XLSX exports into all-text frames that remember each row's spreadsheet number.

Everything is read as text: types are decided later by the validation rules, so a value that does
not parse becomes a finding with its row number rather than a silent null. Limits (limits.py) are
checked before the data is parsed, and the content decides the format, not the file name.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import polars as pl

from .errors import FileTidakTerbaca
from .limits import BATAS, Batas

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
        raise FileTidakTerbaca(
            "file dilindungi kata sandi atau berformat Excel lama (.xls); buka di Excel, hapus kata sandinya, lalu simpan sebagai .xlsx atau CSV.",
            "the file is password-protected or an old Excel (.xls) file; open it in Excel, remove the password and save it as .xlsx or CSV.",
            file=nama,
        )
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
       "halaman HTML": "an HTML page", "XML Spreadsheet 2003": "an XML Spreadsheet 2003", "dokumen XML": "an XML document"}


def _terlalu_besar(nama: str, ukuran: int, batas: Batas) -> FileTidakTerbaca:
    mb = ukuran / 1024 / 1024
    return FileTidakTerbaca(
        f"file berukuran {mb:.1f} MB melebihi batas unggah {batas.ukuran_mb} MB; pecah per provinsi.".replace(".", ",", 1),
        f"the file is {mb:.1f} MB, over the upload limit of {batas.ukuran_mb} MB; split it by province.",
        file=nama,
    )


# --------------------------------------------------------------------------------------------- CSV
def _dekode(nama: str, data: bytes, utf16: bool) -> str:
    if utf16:
        try:
            return data.decode("utf-16")
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


def _baca_csv(nama: str, data: bytes, batas: Batas, utf16: bool) -> BacaanFile:
    teks = _dekode(nama, data, utf16).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in teks:
        raise FileTidakTerbaca("file berisi karakter NUL (data biner); simpan ulang sebagai CSV UTF-8.",
                               "the file contains NUL characters (binary data); save it again as UTF-8 CSV.", file=nama)
    teks = teks.lstrip("\ufeff")
    # Skip leading blank lines but keep counting them, so row numbers match what a spreadsheet shows.
    lompat = len(teks) - len(teks.lstrip("\n"))
    teks = teks[lompat:]
    if teks.count("\n") > batas.baris + 1:
        raise _terlalu_banyak_baris(nama, batas)
    pemisah = _pemisah(teks.split("\n", 1)[0])
    if '"' in teks:
        # Quoted fields may hold separators and line breaks: count cells with the csv module.
        rows = list(csv.reader(io.StringIO(teks), delimiter=pemisah))
        if not rows:
            raise FileTidakTerbaca("file kosong.", "the file is empty.", file=nama)
        lebar = max(len(r) for r in rows)
        if lebar > batas.kolom:
            raise _terlalu_banyak_kolom(nama, lebar, batas)
        frame = pl.DataFrame(
            [r + [None] * (lebar - len(r)) for r in rows], schema=[f"c{i}" for i in range(lebar)], orient="row"
        ).with_columns(pl.Series(KOLOM_LEBAR, [len(r) for r in rows], dtype=pl.Int32))
        # Blank lines inside a quoted field shift line numbers; csv.reader gives record numbers,
        # which is what a spreadsheet shows after import.
        frame = frame.with_columns(pl.Series(KOLOM_BARIS, range(lompat + 1, lompat + 1 + len(rows)), dtype=pl.Int64))
    else:
        baris = pl.Series("l", teks.split("\n"))
        if baris.len() and baris[-1] == "":
            baris = baris.head(-1)
        jumlah_sel = baris.str.count_matches(pemisah, literal=True) + 1
        lebar = int(jumlah_sel.max())
        if lebar > batas.kolom:
            raise _terlalu_banyak_kolom(nama, lebar, batas)
        frame = pl.read_csv(
            io.BytesIO(teks.encode("utf-8")), separator=pemisah, has_header=False, infer_schema=False,
            quote_char=None, truncate_ragged_lines=True, schema={f"c{i}": pl.String for i in range(lebar)},
        )
        frame = frame.with_columns(
            pl.Series(KOLOM_LEBAR, jumlah_sel.cast(pl.Int32)).fill_null(0),
            pl.Series(KOLOM_BARIS, range(lompat + 1, lompat + 1 + frame.height), dtype=pl.Int64),
        )
        # An empty line is one "cell" by the count above; it is dropped as blank below anyway.
    return _dengan_header(nama, "csv", frame, batas)


def _terlalu_banyak_baris(nama: str, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file memiliki lebih dari {batas.baris:,} baris data, melebihi batas; pecah per provinsi atau per tahun.".replace(",", "."),
        f"the file has more than {batas.baris:,} data rows, over the limit; split it by province or year.",
        file=nama,
    )


def _terlalu_banyak_kolom(nama: str, lebar: int, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file memiliki {lebar} kolom, melebihi batas {batas.kolom} kolom; apakah pemisahnya benar?",
        f"the file has {lebar} columns, over the limit of {batas.kolom}; is the separator right?",
        file=nama,
    )


def _dengan_header(nama: str, fmt: str, frame: pl.DataFrame, batas: Batas) -> BacaanFile:
    """First non-blank row is the header; blank rows are dropped (they are not data)."""
    kolom_data = [c for c in frame.columns if c not in (KOLOM_BARIS, KOLOM_LEBAR)]
    frame = frame.with_columns(pl.col(kolom_data).str.strip_chars().replace("", None))
    frame = frame.filter(~pl.all_horizontal(pl.col(kolom_data).is_null()))
    if frame.height == 0:
        raise FileTidakTerbaca("file tidak berisi data.", "the file holds no data.", file=nama)
    header = frame.row(0, named=True)
    frame = frame.slice(1)
    if frame.height > batas.baris:
        raise _terlalu_banyak_baris(nama, batas)
    # Cells longer than the limit: refuse the file (a 2 MB cell is not an export, it is an attack or a mistake).
    if frame.height:
        terpanjang = frame.select(pl.max_horizontal(pl.col(kolom_data).str.len_chars().max())).item()
        if terpanjang and terpanjang > batas.sel_karakter:
            raise FileTidakTerbaca(
                f"ada sel berisi {terpanjang:,} karakter, melebihi batas {batas.sel_karakter:,} karakter per sel.".replace(",", "."),
                f"a cell holds {terpanjang:,} characters, over the limit of {batas.sel_karakter:,} per cell.",
                file=nama,
            )
    catatan: list[tuple[str, str]] = []
    nama_baru: dict[str, str] = {}
    asli: dict[str, str] = {}
    for c in kolom_data:
        judul = header[c]
        if judul is None:
            if frame.height and frame.get_column(c).null_count() < frame.height:
                catatan.append((f"kolom ke-{int(c[1:]) + 1} tidak berjudul dan diabaikan.",
                                f"column {int(c[1:]) + 1} has no header and is ignored."))
            continue
        normal = normalkan_header(judul)
        if normal in asli:
            catatan.append((f"kolom '{judul}' muncul dua kali; yang pertama dipakai.",
                            f"column '{judul}' appears twice; the first one is used."))
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
# Extent of a sheet without visiting every cell: one match per <row>, plus only the cell references
# that could stretch the rectangle (columns of two or more letters, rows of six or more digits).
# Rows are stored in order, so the first and last <row> give the height; references that could
# stretch the rectangle anyway (two- or three-letter columns, six- or seven-digit rows, on a cell or
# a row, in any order) are rare in a real export and all of them are looked at.
_REF_BARIS = re.compile(rb'<row\s[^>]*?r="([0-9]{1,7})"')
_REF_JAUH = re.compile(rb'r="(?:([A-Z]{2,3})[0-9]{1,7}|[A-Z]{0,3}([0-9]{6,7}))"')
_DIMENSI = re.compile(rb'<dimension ref="(?:[A-Z]{1,3}[0-9]{1,7}:)?([A-Z]{1,3})([0-9]{1,7})"')


def _nomor_kolom(huruf: bytes) -> int:
    n = 0
    for b in huruf:
        n = n * 26 + (b - 64)
    return n


@dataclass
class _Ukur:
    max_baris: int = 0
    max_kolom: int = 0
    min_baris: int = 0


def _periksa_zip(nama: str, data: bytes, batas: Batas) -> tuple[zipfile.ZipFile, dict[str, _Ukur]]:
    """Inflate every member as a stream with a cap (calamine has none), and measure each worksheet's
    real extent from its cell references (calamine allocates the whole rectangle)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        anggota = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise FileTidakTerbaca("file XLSX rusak (arsip zip tidak utuh); simpan ulang dari Excel.",
                               "the XLSX file is corrupt (broken zip archive); save it again from Excel.", file=nama) from None
    if not any(i.filename == "xl/workbook.xml" for i in anggota):
        raise FileTidakTerbaca("file zip ini bukan XLSX (tidak ada xl/workbook.xml).",
                               "this zip file is not an XLSX workbook (no xl/workbook.xml).", file=nama)
    if any(i.flag_bits & 0x1 for i in anggota):
        raise FileTidakTerbaca("file dilindungi kata sandi; hapus kata sandinya di Excel lalu simpan ulang.",
                               "the file is password-protected; remove the password in Excel and save it again.", file=nama)
    cap = batas.xlsx_terurai_mb * 1024 * 1024
    total = 0
    ukuran: dict[str, _Ukur] = {}
    for info in anggota:
        lembar = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
        u = _Ukur()
        ekor = b""
        try:
            with z.open(info) as f:
                while chunk := f.read(1 << 20):
                    total += len(chunk)
                    if total > cap:
                        raise FileTidakTerbaca(
                            f"isi XLSX terurai melebihi batas {batas.xlsx_terurai_mb} MB (kemungkinan 'zip bomb'); file ditolak.",
                            f"the XLSX decompresses to more than the {batas.xlsx_terurai_mb} MB limit (a likely zip bomb); refused.",
                            file=nama,
                        )
                    if lembar:
                        potong = ekor + chunk
                        for m in _DIMENSI.finditer(potong[:4096]) if not u.max_baris else ():
                            u.max_kolom, u.max_baris = _nomor_kolom(m.group(1)), int(m.group(2))
                        if not u.min_baris and (m := _REF_BARIS.search(potong)):
                            u.min_baris = int(m.group(1))
                        akhir = potong.rfind(b"<row")
                        if akhir >= 0 and (m := _REF_BARIS.match(potong, akhir)):
                            u.max_baris = max(u.max_baris, int(m.group(1)))
                        for m in _REF_JAUH.finditer(potong):
                            if m.group(1):
                                u.max_kolom = max(u.max_kolom, _nomor_kolom(m.group(1)))
                            else:
                                u.max_baris = max(u.max_baris, int(m.group(2)))
                        ekor = chunk[-128:]
        except FileTidakTerbaca:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as e:
            raise FileTidakTerbaca(f"file XLSX rusak ({info.filename}: {e}).", f"the XLSX file is corrupt ({info.filename}: {e}).", file=nama) from None
        if lembar:
            ukuran[info.filename] = u
    return z, ukuran


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
        t = target.get(s.get(f"{{{ns['r']}}}id"), f"worksheets/sheet{i + 1}.xml").lstrip("/")
        hasil.append((s.get("name"), t if t.startswith("xl/") else f"xl/{t}"))
    return hasil


def _baca_xlsx(nama: str, data: bytes, sheet: str | int | None, batas: Batas) -> BacaanFile:
    z, ukuran = _periksa_zip(nama, data, batas)
    try:
        lembar = _peta_lembar(z)
    except (ElementTree.ParseError, KeyError):
        raise FileTidakTerbaca("struktur workbook XLSX rusak.", "the XLSX workbook structure is corrupt.", file=nama) from None
    if not lembar:
        raise FileTidakTerbaca("workbook tidak memiliki lembar kerja.", "the workbook has no sheets.", file=nama)
    if sheet is None:
        idx = 0
    elif isinstance(sheet, int):
        idx = sheet
    else:
        nama_lembar = [n for n, _ in lembar]
        if sheet not in nama_lembar:
            raise FileTidakTerbaca(f"lembar '{sheet}' tidak ada; lembar yang ada: {', '.join(nama_lembar)}.",
                                   f"sheet '{sheet}' does not exist; the sheets are: {', '.join(nama_lembar)}.", file=nama)
        idx = nama_lembar.index(sheet)
    u = ukuran.get(lembar[idx][1], _Ukur())
    if u.max_baris > batas.baris + 1:
        raise _terlalu_banyak_baris(nama, batas)
    if u.max_kolom > batas.kolom:
        raise FileTidakTerbaca(
            f"lembar '{lembar[idx][0]}' terlalu besar: selnya sampai kolom ke-{u.max_kolom}, melebihi batas {batas.kolom} kolom.",
            f"sheet '{lembar[idx][0]}' is too large: it reaches column {u.max_kolom}, over the limit of {batas.kolom}.",
            file=nama,
        )
    import fastexcel  # only XLSX needs it

    try:
        frame = fastexcel.read_excel(data).load_sheet(idx, header_row=None, dtypes="string").to_polars()
    except Exception as e:  # noqa: BLE001 — calamine raises its own types for every kind of corruption
        raise FileTidakTerbaca(f"file XLSX tidak dapat dibaca ({type(e).__name__}).",
                               f"the XLSX file cannot be read ({type(e).__name__}).", file=nama) from None
    frame = frame.rename({c: f"c{i}" for i, c in enumerate(frame.columns)})
    awal = u.min_baris or 1  # calamine starts at the first used row
    frame = frame.with_columns(pl.Series(KOLOM_BARIS, range(awal, awal + frame.height), dtype=pl.Int64))
    bacaan = _dengan_header(nama, "xlsx", frame, batas)
    if sheet is None and len(lembar) > 1:
        bacaan.catatan.append((f"workbook punya {len(lembar)} lembar; yang dibaca lembar pertama '{lembar[0][0]}'.",
                               f"the workbook has {len(lembar)} sheets; the first one, '{lembar[0][0]}', was read."))
    return bacaan
