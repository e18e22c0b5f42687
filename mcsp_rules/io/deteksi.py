"""Sniffing: what a file really is (its bytes, not its name), and the one-sentence refusals of files
over a limit or of a kind that cannot be read."""

from __future__ import annotations

from mcsp_rules.batas import Batas
from mcsp_rules.galat import FileTidakTerbaca


# ---------------------------------------------------------------------------------------- sniffing
def ribuan(n: int) -> str:
    """1234567 → '1.234.567' (Indonesian thousands)."""
    return f"{n:,}".replace(",", ".")


_MAGIC = ((b"\x89PNG", "gambar PNG"), (b"\xff\xd8\xff", "gambar JPEG"), (b"GIF8", "gambar GIF"), (b"%PDF", "dokumen PDF"),
          (b"\x1f\x8b", "arsip gzip"), (b"Rar!", "arsip RAR"), (b"7z\xbc\xaf", "arsip 7z"), (b"BZh", "arsip bzip2"),
          (b"\xfd7zXZ", "arsip xz"), (b"RIFF", "file media"), (b"\x00\x00\x01\x00", "ikon"), (b"\x7fELF", "program"),
          (b"MZ", "program Windows"), (b"{\\rtf", "dokumen RTF"))


KONTROL = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"


def jenis_isi(data: bytes) -> str:
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
        if len(tanpa_nul) >= 0.5 * len(awal) and len(tanpa_nul.translate(None, KONTROL)) >= 0.99 * len(tanpa_nul):
            return "teks"  # text with NULs in it (a copy cut short, padded with zeros): said so precisely later
        return "biner"
    if len(awal) - len(awal.translate(None, KONTROL)) > 0.01 * len(awal):
        return "biner"
    mulai = awal[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if mulai.startswith((b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta")):
        return "halaman HTML"
    if mulai[:1] in (b"{", b"[") and data[-4096:].rstrip()[-1:] in (b"}", b"]"):
        return "dokumen JSON"
    if mulai.startswith(b"<?xml"):
        return "XML Spreadsheet 2003" if b"urn:schemas-microsoft-com:office:spreadsheet" in awal else "dokumen XML"
    return "teks"


NAMA_EN = {"gambar PNG": "a PNG image", "gambar JPEG": "a JPEG image", "gambar GIF": "a GIF image", "dokumen PDF": "a PDF document",
       "arsip gzip": "a gzip archive", "arsip RAR": "a RAR archive", "arsip 7z": "a 7z archive", "biner": "binary data",
       "arsip bzip2": "a bzip2 archive", "arsip xz": "an xz archive", "file media": "a media file", "ikon": "an icon",
       "program": "a program", "program Windows": "a Windows program", "dokumen RTF": "an RTF document",
       "halaman HTML": "an HTML page", "dokumen JSON": "a JSON document", "XML Spreadsheet 2003": "an XML Spreadsheet 2003", "dokumen XML": "an XML document"}


def galat_ole(nama: str, data: bytes) -> FileTidakTerbaca:
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


def terlalu_besar(nama: str, ukuran: int, batas: Batas) -> FileTidakTerbaca:
    mb = ukuran / 1024 / 1024
    return FileTidakTerbaca(
        f"file berukuran {mb:.1f} MB melebihi batas unggah {batas.ukuran_mb} MB; pecah per provinsi.".replace(".", ",", 1),
        f"the file is {mb:.1f} MB, over the upload limit of {batas.ukuran_mb} MB; split it by province.",
        file=nama,
    )


def terlalu_banyak_baris(nama: str, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file memiliki lebih dari {ribuan(batas.baris)} baris data, melebihi batas; pecah per provinsi atau per tahun.",
        f"the file has more than {batas.baris:,} data rows, over the limit; split it by province or year.",
        file=nama,
    )


def terlalu_banyak_kolom(nama: str, lebar: int, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file memiliki {ribuan(lebar)} kolom, melebihi batas {ribuan(batas.kolom)} kolom; apakah pemisahnya benar?",
        f"the file has {lebar:,} columns, over the limit of {batas.kolom:,}; is the separator right?",
        file=nama,
    )


def terlalu_banyak_sel(nama: str, baris: int, lebar: int, batas: Batas) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file terlalu besar: {ribuan(baris)} baris × {ribuan(lebar)} kolom = {ribuan(baris * lebar)} sel, melebihi batas "
        f"{ribuan(batas.sel)} sel; hapus kolom kosong atau pecah per provinsi.",
        f"the file is too large: {baris:,} rows × {lebar:,} columns = {baris * lebar:,} cells, over the limit of "
        f"{batas.sel:,} cells; remove empty columns or split it by province.",
        file=nama,
    )
