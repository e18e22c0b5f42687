"""The hostile-input corpus: bad, broken and malicious exports, each with the answer it must get.

Every file is generated here, deterministically, at test time (nothing binary is committed; the
XLSX bomb and the oversized files only ever exist in a tmp dir). A case says what ``mcsp validate``
must exit with (0 clean or warnings only, 1 findings, 2 unreadable), which message fragments the
report must contain, and, for row-level problems, which finding (spreadsheet row, column, value,
rule) must be reported.

    python tests/jahat/korpus.py OUT_DIR     # write the corpus to look at it by hand
"""

from __future__ import annotations

import io
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

HEADER = ("tahun", "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator", "nama_sub_indikator",
          "bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi")


# ------------------------------------------------------------------------------- valid base data
@lru_cache(maxsize=None)
def _katalog(tahun: int) -> tuple[tuple[str, str, str, str, float], ...]:
    """(area, indikator, sub, nama sub, bobot) of every built-in sub-indicator of ``tahun``."""
    import mcsp_rules

    hasil = []
    for at in mcsp_rules.registri_bawaan().areas(tahun):
        for ind in at.area.indikator:
            for s in ind.sub:
                hasil.append((at.kode, ind.kode, s.kode, s.nama, s.bobot))
    return tuple(hasil)


def rincian(tahun: int = 2024, kode: str = "62", nama: str = "Provinsi Kalimantan Tengah") -> list[dict[str, str]]:
    """One pemda's full detail export for ``tahun`` (every sub-indicator of the built-in catalogue)."""
    rows = []
    for i, (area, ind, sub, nama_sub, bobot) in enumerate(_katalog(tahun)):
        rows.append({
            "tahun": str(tahun), "kode_wilayah": kode, "nama_wilayah": nama, "area": area, "indikator": ind,
            "sub_indikator": sub, "nama_sub_indikator": nama_sub, "bobot": f"{bobot:g}",
            "status": ("diterima", "perlu perbaikan", "proses verifikasi", "belum diunggah")[i % 4],
            "nilai": "90" if i % 4 == 0 else "", "tanggal_unggah": f"{tahun}-03-{1 + i % 28:02d}",
            "tanggal_verifikasi": f"{tahun}-04-{1 + i % 28:02d}" if i % 4 < 3 else "",
        })
    return rows


def baris_ke(i: int) -> int:
    """The spreadsheet row of data row ``i`` (0-based) in a file whose header is row 1."""
    return i + 2


def ke_csv(rows: list[dict[str, str]] | list[list[str]], header=HEADER, sep: str = ",", akhir: str = "\n",
           dengan_header: bool = True) -> str:
    """CSV as a spreadsheet writes it: cells quoted only when they hold the separator, a quote or a line break."""
    def sel(v: str) -> str:
        v = "" if v is None else str(v)
        return '"' + v.replace('"', '""') + '"' if (sep in v or '"' in v or "\n" in v or "\r" in v) else v

    baris = [sep.join(sel(v) for v in header)] if dengan_header else []
    for r in rows:
        nilai = [r.get(k, "") for k in header] if isinstance(r, dict) else r
        baris.append(sep.join(sel(v) for v in nilai))
    return akhir.join(baris) + akhir


def csv_dasar(**ubah) -> str:
    return ke_csv(rincian(**ubah))


def ke_xlsx(rows: list[dict[str, str]], header=HEADER, sheet: str = "Rincian", angka=("bobot", "nilai"),
            sebelum: Callable | None = None) -> bytes:
    """An XLSX as Excel writes it (numbers as numbers); ``sebelum(workbook)`` may add sheets first."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False})
    if sebelum:
        sebelum(wb)
    ws = wb.add_worksheet(sheet)
    for j, k in enumerate(header):
        ws.write_string(0, j, k)
    for i, r in enumerate(rows, start=1):
        for j, k in enumerate(header):
            v = r.get(k, "")
            if k in angka and v not in ("", None):
                try:
                    ws.write_number(i, j, float(v))
                    continue
                except ValueError:
                    pass
            if v not in ("", None):
                ws.write_string(i, j, v)
    wb.close()
    return buf.getvalue()


# ----------------------------------------------------------------------------- raw XLSX (by hand)
_CT = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       b'<Default Extension="xml" ContentType="application/xml"/>'
       b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       b'</Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         b'</Relationships>')
_WB = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       b'<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="TARGET"/>'
            b'</Relationships>')
_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def lembar_xml(isi: bytes, dimensi: bytes | None = None) -> bytes:
    dim = b'<dimension ref="' + dimensi + b'"/>' if dimensi else b""
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + _NS + b">" + dim + \
        b"<sheetData>" + isi + b"</sheetData></worksheet>"


def sel_teks(ref: str, teks: str) -> bytes:
    esc = teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{esc}</t></is></c>'.encode()


def xlsx_mentah(lembar: bytes, target: str = "worksheets/sheet1.xml", lembar_path: str = "xl/worksheets/sheet1.xml",
                tambahan: dict[str, bytes] | None = None) -> bytes:
    """A minimal valid XLSX around one worksheet's XML, written by hand (for hostile XML)."""
    anggota = {"[Content_Types].xml": _CT, "_rels/.rels": _RELS, "xl/workbook.xml": _WB,
               "xl/_rels/workbook.xml.rels": _WB_RELS.replace(b"TARGET", target.encode()), lembar_path: lembar}
    anggota.update(tambahan or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in anggota.items():
            z.writestr(nama, isi)
    return buf.getvalue()


def _zip_dari_deflate(anggota: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written byte by byte from already-deflated members (name, raw deflate, crc32, size)."""
    out, pusat = io.BytesIO(), io.BytesIO()
    for nama, data, crc, ukuran in anggota:
        n = nama.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), ukuran, len(n), 0) + n)
        out.write(data)
        pusat.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), ukuran,
                                len(n), 0, 0, 0, 0, 0, offset) + n)
    cd = pusat.getvalue()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(anggota), len(anggota), len(cd), out.tell() - len(cd), 0))
    return out.getvalue()


def _deflate(data: bytes) -> tuple[bytes, int, int]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data), len(data)


@lru_cache(maxsize=2)
def bom_xlsx(mb: int = 500) -> bytes:
    """A decompression bomb: a valid XLSX whose one cell inflates to ``mb`` MB (the zip is ~0.5 MB).

    Built from one deflated 1 MB block repeated (full flushes make each block independent), so
    making it costs a CRC pass, not 500 MB of compression."""
    awal = (b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ' + _NS + b'><sheetData><row r="1">'
            b'<c r="A1" t="inlineStr"><is><t>')
    akhir = b"</t></is></c></row></sheetData></worksheet>"
    blok = b"A" * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    kepala = c.compress(awal) + c.flush(zlib.Z_FULL_FLUSH)
    tengah = c.compress(blok) + c.flush(zlib.Z_FULL_FLUSH)
    ekor = c.compress(akhir) + c.flush()
    crc = zlib.crc32(awal)
    for _ in range(mb):
        crc = zlib.crc32(blok, crc)
    crc = zlib.crc32(akhir, crc)
    lembar = (kepala + tengah * mb + ekor, crc & 0xFFFFFFFF, len(awal) + mb * len(blok) + len(akhir))
    anggota = [(n, *_deflate(d)) for n, d in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS),
                                               ("xl/workbook.xml", _WB),
                                               ("xl/_rels/workbook.xml.rels", _WB_RELS.replace(b"TARGET", b"worksheets/sheet1.xml")))]
    return _zip_dari_deflate([*anggota, ("xl/worksheets/sheet1.xml", *lembar)])


# ------------------------------------------------------------------------------------ the cases
@dataclass(frozen=True)
class Temuan:
    """A finding that must be in the report (kolom as the report names it, nilai as written)."""

    baris: int | None
    kolom: str | None
    nilai: str | None
    kode: str
    tingkat: str = "galat"


@dataclass(frozen=True)
class Kasus:
    nama: str  # test id
    file: str  # file name as uploaded
    buat: Callable[[], bytes]
    keluar: int  # mcsp validate exit code: 0 clean/warnings, 1 findings, 2 unreadable
    pesan: tuple[str, ...]  # fragments the Indonesian report/stderr must contain
    temuan: tuple[Temuan, ...] = ()
    sheet: str | None = None
    besar: bool = False  # costly to make (bomb, >50 MB): generated once, skipped by the hypothesis seeds
    # without the reader's guard, calamine would try to allocate gigabytes and abort the process:
    # in-process tests leave these to subprocesses (with a memory cap) so a regression cannot kill pytest
    berbahaya: bool = False
    catatan: str = ""

    def isi(self) -> bytes:
        return _isi(self.nama)


_ISI: dict[str, bytes] = {}


def _isi(nama: str) -> bytes:
    if nama not in _ISI:
        _ISI[nama] = KASUS[nama].buat()
    return _ISI[nama]


def _ubah(i: int, **kolom) -> Callable[[], bytes]:
    def buat():
        rows = rincian()
        rows[i].update(kolom)
        return ke_csv(rows).encode()
    return buat


def _acak(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _png() -> bytes:
    import struct as s
    ihdr = s.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    def chunk(t, d):
        return s.pack(">I", len(d)) + t + d + s.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def _ole() -> bytes:
    """The first bytes of an encrypted Office file (a Compound File Binary, as Excel writes with a password)."""
    kepala = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return kepala + b"\x00" * (4096 - len(kepala)) + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 4096


def _zip_rusak() -> bytes:
    baik = ke_xlsx(rincian())
    return baik[:30] + _acak(2000, 7) + baik[-200:]


def _xlsx_terpotong() -> bytes:
    baik = ke_xlsx(rincian())
    return baik[: len(baik) // 2]


def _zip_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _ods() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def _baris_berlebih() -> bytes:
    # 500 001 data rows of a few bytes: over the default row limit (500 000), 4 MB on disk.
    return b"tahun,kode_wilayah\n" + b"2024,62\n" * 500_001


def _terlalu_besar() -> bytes:
    # 1 MB over the default size limit (100 MB); a real-looking CSV so only the size can refuse it.
    from mcsp_rules.batas import Batas

    baris = ke_csv(rincian(), dengan_header=False).encode()
    kepala = ke_csv([]).encode()
    n = ((Batas.ukuran_mb + 1) * 1024 * 1024) // len(baris) + 1
    return kepala + baris * n


def _sel_2mb() -> bytes:
    rows = rincian()
    rows[3]["nama_sub_indikator"] = "x" * (2 * 1024 * 1024)
    return ke_csv(rows).encode()


def _nul_awal() -> bytes:
    return csv_dasar().encode() + b"\x00" * 4096  # a copy cut short and padded with NULs


def _nul_tengah() -> bytes:
    teks = csv_dasar().encode()
    return teks * 20 + b"2024,62,\x00\x00\x00,PBJ\n" + teks[teks.index(b"\n") + 1:]  # past the first 64 KB


def _utf16() -> bytes:
    return ke_csv(rincian(), sep="\t").encode("utf-16")


def _utf16_tanpa_bom() -> bytes:
    return ke_csv(rincian(), sep="\t").encode("utf-16-le")


def _pemisah_campur() -> bytes:
    rows = rincian()
    teks = ke_csv(rows[:10], sep=";") + ke_csv(rows[10:], sep=",", dengan_header=False)
    return teks.encode()


def _sel_berlebih() -> bytes:
    baris = ke_csv(rincian()).split("\n")
    baris[5] = baris[5] + ",ekstra"  # data row 4 → spreadsheet row 6
    return "\n".join(baris).encode()


def _sel_kurang() -> bytes:
    baris = ke_csv(rincian()).split("\n")
    baris[7] = baris[7].rsplit(",", 1)[0]  # drops tanggal_verifikasi: row 8 has one cell too few
    return "\n".join(baris).encode()


def _koma_desimal_tanpa_kutip() -> bytes:
    baris = ke_csv(rincian()).split("\n")
    baris[1] = baris[1].replace(",90,", ",87,5,")  # '87,5' written unquoted in a comma CSV → 13 cells
    return "\n".join(baris).encode()


def _kolom_hilang() -> bytes:
    header = tuple(k for k in HEADER if k not in ("bobot", "status"))
    return ke_csv(rincian(), header=header).encode()


def _sub_ganda() -> bytes:
    rows = rincian()
    return ke_csv(rows + [dict(rows[0])]).encode()  # the first row again, at the end


def _bobot_tidak_100() -> bytes:
    rows = rincian()
    rows[0]["bobot"] = "30"
    return ke_csv(rows).encode()


def _tanggal_salah() -> bytes:
    rows = rincian()
    rows[0]["tanggal_unggah"] = "31/02/2024"
    rows[1]["tanggal_verifikasi"] = "kemarin"
    return ke_csv(rows).encode()


def _status_typo() -> bytes:
    rows = rincian()
    rows[0]["status"] = "diterimah"
    rows[1]["status"] = "Perlu Perbaikn"
    return ke_csv(rows).encode()


def _ringkasan_lebar(baris: list[list[str]]) -> bytes:
    header = ["tahun", "kode_wilayah", "nama_wilayah", "Perencanaan", "Penganggaran", "Pengadaan Barang dan Jasa",
              "Pelayanan Publik", "Pengawasan APIP", "Manajemen ASN", "Pengelolaan Barang Milik Daerah",
              "Optimalisasi Pajak Daerah", "skor_total", "dokumen_wajib", "dokumen_diunggah", "belum_diunggah",
              "diterima", "perlu_perbaikan", "proses_verifikasi"]
    return ke_csv(baris, header=header, sep=";").encode("utf-8-sig")


def _total_tidak_cocok() -> bytes:
    return _ringkasan_lebar([
        ["2025", "62", "Provinsi Kalimantan Tengah", "49,5", "0", "68,62", "58,24", "55", "48,12", "59,62", "15",
         "44,26", "660", "446", "214", "301", "49", "98"],
    ])


def _skor_ringkasan_salah() -> bytes:
    return _ringkasan_lebar([
        ["2025", "62", "Provinsi Kalimantan Tengah", "49,5", "150", "68,62", "58,24", "55", "48,12", "59,62", "15",
         "", "", "", "", "", "", ""],
        ["2025", "62.01", "Kabupaten Kotawaringin Barat", "12", "20", "lima belas", "0", "0", "0", "43,88", "0",
         "", "", "", "", "", "", ""],
    ])


def _rumus_csv() -> bytes:
    rows = rincian()
    rows[0]["nama_sub_indikator"] = "=1+1"
    rows[1]["nama_sub_indikator"] = "+62 811 000"
    rows[2]["nama_sub_indikator"] = "-cmd|' /C calc'!A0"
    rows[3]["nama_sub_indikator"] = "@SUM(1,2)"
    rows[4]["nama_wilayah"] = '=HYPERLINK("http://contoh.invalid","klik")'
    rows[5]["nilai"] = "=1+1"
    return ke_csv(rows).encode()


def _script() -> bytes:
    rows = rincian()
    rows[0]["nama_sub_indikator"] = "<script>alert('x')</script>"
    rows[1]["nama_wilayah"] = "<img src=x onerror=alert(1)>"
    rows[2]["area"] = "<script>alert(1)</script>"
    return ke_csv(rows).encode()


def _cp1252() -> bytes:
    rows = rincian()
    rows[0]["nama_sub_indikator"] = "Pengelolaan Aset – Tanah “bersertifikat” é"
    return ke_csv(rows, sep=";").encode("cp1252")


def _bom_tengah() -> bytes:
    # two exports glued together: the second one's BOM and header end up in the middle
    a = rincian()[:5]
    b = rincian(kode="62.01", nama="Kabupaten Kotawaringin Barat")[:5]
    return ("\ufeff" + ke_csv(a) + "\ufeff" + ke_csv(b)).encode("utf-8")


def _header_ganda() -> bytes:
    header = HEADER + ("nilai",)
    rows = [dict(r) for r in rincian()]
    return ke_csv([[r.get(k, "") for k in HEADER] + ["99"] for r in rows], header=header).encode()


def _header_panjang() -> bytes:
    header = HEADER + ("keterangan " * 800,)  # an 8 800-character header over an empty column
    return ke_csv(rincian(), header=header).encode()


def _header_raksasa() -> bytes:
    header = HEADER + ("k" * 20_000,)  # one header cell over the cell limit
    return ke_csv(rincian(), header=header).encode()


def _banyak_kolom() -> bytes:
    header = HEADER + tuple(f"ekstra_{i}" for i in range(300))
    return ke_csv(rincian()[:3], header=header).encode()


def _hanya_pemisah() -> bytes:
    return (";" * 11 + "\n") * 50


def _kutip_terbuka() -> bytes:
    baris = ke_csv(rincian()).split("\n")
    baris[3] = baris[3].replace(",Provinsi Kalimantan Tengah,", ',"Provinsi Kalimantan Tengah,', 1)
    return "\n".join(baris).encode()


def _sep_excel() -> bytes:
    return ("sep=;\n" + ke_csv(rincian(), sep=";")).encode()


def _judul_di_atas() -> bytes:
    rows = rincian()
    rows[2]["nilai"] = "150"  # data row 3 → sheet row 3 + 3 title lines = row 7
    return ("Laporan Monitoring Centre for Prevention;;;\nPemda: Provinsi Kalimantan Tengah;;;\n;;;\n"
            + ke_csv(rows, sep=";")).encode()


def _html_xls() -> bytes:
    return ("<html><head><meta charset='utf-8'></head><body><table><tr><td>tahun</td><td>kode_wilayah</td></tr>"
            "<tr><td>2024</td><td>62</td></tr></table></body></html>").encode()


def _xml_2003() -> bytes:
    return ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Data"/></Workbook>').encode()


def _json() -> bytes:
    return b'[{"tahun": 2024, "kode_wilayah": "62", "area": "PBJ"}]\n'


def _gzip() -> bytes:
    import gzip
    return gzip.compress(csv_dasar().encode(), mtime=0)


def _a1_xfd() -> bytes:
    return xlsx_mentah(lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b'</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))


def _atribut_terbalik() -> bytes:
    # the same extent with the r attribute second, in single quotes: a regex on '<c r="' misses it
    return xlsx_mentah(lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") +
                                  b"</row><row r='1048576'><c t=\"n\" r='XFD1048576'><v>1</v></c></row>"))


def _baris_tanpa_ref() -> bytes:
    # cells without references: calamine places them by the row's r (or by counting)
    return xlsx_mentah(lembar_xml(b'<row r="1"><c t="inlineStr"><is><t>tahun</t></is></c></row>'
                                  b'<row r="900000"><c><v>1</v></c></row>'))


def _kolom_tanpa_ref() -> bytes:
    # one row with 300 cells and no references at all: 300 columns
    return xlsx_mentah(lembar_xml(b"<row>" + b"<c><v>1</v></c>" * 300 + b"</row><row><c><v>2</v></c></row>"))


def _persegi_besar() -> bytes:
    # within the row limit and the column limit, but the rectangle is 499 999 × 200 = 100 M cells
    return xlsx_mentah(lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b'</row>'
                                  b'<row r="499999"><c r="GR499999"><v>1</v></c></row>'))


def _prefiks_namespace() -> bytes:
    # calamine matches elements by local name: <x:c> is a cell whatever namespace x is bound to
    return xlsx_mentah(lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b'</row>'
                                  b'<x:row xmlns:x="urn:lain" r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'))


def _ref_huruf_kecil() -> bytes:
    return xlsx_mentah(lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b'</row>'
                                  b'<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>'))


def _nama_ganda() -> bytes:
    """Two zip members with the sheet's name: one harmless, one reaching XFD1048576. Zip readers differ
    on which one they take; the guard must measure both."""
    import warnings

    jahat = lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b'</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    baik = lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b"</row>")
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for nama, isi in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WB),
                              ("xl/_rels/workbook.xml.rels", _WB_RELS.replace(b"TARGET", b"worksheets/sheet1.xml")),
                              ("xl/worksheets/sheet1.xml", jahat), ("xl/worksheets/sheet1.xml", baik)):
                z.writestr(nama, isi)
    return buf.getvalue()


def _dimensi_palsu() -> bytes:
    return xlsx_mentah(lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b"</row>", dimensi=b"A1:XFD1048576"))


def _target_relatif() -> bytes:
    # the workbook points at the sheet by an unusual path ('../xl/...'); its extent must still be checked
    return xlsx_mentah(lembar_xml(b'<row r="1">' + sel_teks("A1", "tahun") + b'</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
                       target="../xl/worksheets/sheet1.xml")


def _xlsx_hanya_header() -> bytes:
    return ke_xlsx([])


def _xlsx_baris_salah() -> bytes:
    rows = rincian()
    rows[4]["nilai"] = "-3"
    rows[6]["status"] = "diterimah"
    return ke_xlsx(rows)


def _xlsx_baris_salah_judul() -> bytes:
    """Formatted but empty cells above a header at C4 (Excel keeps them): row numbers must still match."""
    import xlsxwriter

    rows = rincian()
    rows[1]["nilai"] = "150"
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Rincian")
    tebal = wb.add_format({"bold": True, "bg_color": "#FFFF00"})
    ws.write_blank(0, 0, None, tebal)  # A1: formatted, no value
    ws.write_blank(1, 5, None, tebal)
    for j, k in enumerate(HEADER):
        ws.write_string(3, 2 + j, k)
    for i, r in enumerate(rows, start=4):
        for j, k in enumerate(HEADER):
            if r[k]:
                ws.write_string(i, 2 + j, r[k])
    wb.close()
    return buf.getvalue()


def _xlsx_rumus() -> bytes:
    """Formula cells: bobot as =10+5 with its cached 15, a name as a formula giving text, one without a
    cached value. The cached values are what Excel shows, so they are what counts."""
    import xlsxwriter

    rows = rincian()
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Rincian")
    for j, k in enumerate(HEADER):
        ws.write_string(0, j, k)
    for i, r in enumerate(rows, start=1):
        for j, k in enumerate(HEADER):
            if r[k]:
                ws.write_string(i, j, r[k])
    kol = HEADER.index("bobot")
    bobot = float(rows[0]["bobot"])
    ws.write_formula(1, kol, f"=10+{bobot - 10:g}", None, bobot)
    ws.write_formula(2, HEADER.index("nama_sub_indikator"), '="Nama "&"dari rumus"', None, "Nama dari rumus")
    ws.write_formula(3, HEADER.index("nilai"), "=1/0", None, "#DIV/0!")
    wb.close()
    return buf.getvalue()


def _xlsx_teks_rumus() -> bytes:
    rows = rincian()
    rows[0]["nama_sub_indikator"] = "=1+1"
    rows[1]["nama_sub_indikator"] = "@SUM(A1)"
    return ke_xlsx(rows)


def _xlsx_dua_lembar() -> bytes:
    return ke_xlsx(rincian(), sheet="Rincian", sebelum=lambda wb: wb.add_worksheet("Petunjuk").write(0, 0, "Baca saya"))


def _xlsx_tanpa_tabel() -> bytes:
    """A workbook of notes only: a cover sheet and a chart-data sheet, no export table anywhere."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.add_worksheet("Sampul").write(0, 0, "Laporan MCSP")
    catatan = wb.add_worksheet("Catatan")
    for i, teks in enumerate(("Disusun oleh Inspektorat", "Sumber: portal MCSP", "Status per Oktober")):
        catatan.write(i, 0, teks)
    wb.close()
    return buf.getvalue()


def _xlsx_sel_panjang() -> bytes:
    rows = rincian()
    rows[2]["nama_sub_indikator"] = "y" * 50_000  # more than Excel allows (32 767), as a hostile writer can
    return xlsx_mentah(lembar_xml(b"".join(
        f'<row r="{i + 1}">'.encode() + b"".join(sel_teks(f"{chr(65 + j)}{i + 1}", v) for j, v in enumerate(r)) + b"</row>"
        for i, r in enumerate([list(HEADER), *[[x[k] for k in HEADER] for x in rows]]))))


def _wilayah_asing() -> Callable[[], bytes]:
    return _ubah(2, kode_wilayah="99.99")


def _tahun_2023_area_2024() -> bytes:
    rows = rincian()
    rows[42]["tahun"] = "2023"  # PERENCANAAN is a 2024 area; 2023 has PERENCANAAN_PENGANGGARAN
    return ke_csv(rows).encode()


def _kolom_provinsi() -> bytes:
    """Real exports carry the province (and more) as columns; they must not clash with the region list."""
    header = ("provinsi", "kode_provinsi", "jenis_pemda", *HEADER)
    rows = [{"provinsi": "KALIMANTAN TENGAH", "kode_provinsi": "62", "jenis_pemda": "Provinsi", **r} for r in rincian()]
    return ke_csv(rows, header=header).encode()


def _xlsx_galat_diterima() -> bytes:
    """#N/A in nilai of an accepted item: read as empty it would score 100; it must be reported."""
    import xlsxwriter

    rows = rincian()
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Rincian")
    for j, k in enumerate(HEADER):
        ws.write_string(2, 1 + j, k)  # header at B3
    for i, r in enumerate(rows, start=3):
        for j, k in enumerate(HEADER):
            if r[k]:
                ws.write_string(i, 1 + j, r[k])
    ws.write_formula(3 + 12, 1 + HEADER.index("nilai"), "=NA()", None, "#N/A")  # data row 12 (BMD.1.1, diterima) → row 16
    wb.close()
    return buf.getvalue()


def _cr_saja() -> bytes:
    return ke_csv(rincian(), akhir="\r").encode()


def _crlf_baris_kosong() -> bytes:
    return ("\r\n\r\n" + ke_csv(rincian(), akhir="\r\n") + "\r\n,,,,,,,,,,,\r\n\r\n").encode()


def _tab_dan_cr_di_sel() -> bytes:
    rows = rincian()
    rows[0]["nama_sub_indikator"] = "\tdiawali tab"
    rows[1]["nama_sub_indikator"] = "baris\rbaru"
    return ke_csv(rows).encode()


def _kode_teks_aneh() -> bytes:
    rows = rincian()
    rows[0]["kode_wilayah"] = "\u200b62"  # a zero-width space pasted from a web page
    rows[1]["tahun"] = "\ufeff2024"
    return ke_csv(rows).encode()



# ---- more of what real exports (and hostile writers) do
def _xls_biff() -> bytes:
    """An old .xls (BIFF8): an OLE compound file whose directory names a 'Workbook' stream."""
    kepala = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    bof = b"\x09\x08\x10\x00\x00\x06\x05\x00"  # a BIFF8 BOF record, as the Workbook stream starts
    arah = "Root Entry".encode("utf-16-le") + b"\x00" * 2 + b"\x00" * 106 + "Workbook".encode("utf-16-le") + b"\x00" * 2
    return kepala + b"\x00" * (512 - len(kepala)) + bof + b"\x00" * 504 + arah + b"\x00" * 2048


def _doc_lama() -> bytes:
    kepala = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return kepala + b"\x00" * (512 - len(kepala)) + "WordDocument".encode("utf-16-le") + b"\x00" * 2050


def _zip_terenkripsi() -> bytes:
    """An XLSX whose zip members carry the 'encrypted' flag (zip-level password, as 7-Zip or WinRAR
    writes it when someone 'protects' the file)."""
    data = bytearray(ke_xlsx(rincian()))
    for tanda, geser in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(tanda)
        while i >= 0:
            data[i + geser] |= 0x01
            i = data.find(tanda, i + 4)
    return bytes(data)


_LOL = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10))
        + b"]>")


def _xlsx_billion_laughs() -> bytes:
    lembar = _LOL + b"<worksheet " + _NS + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>' \
        b"</row></sheetData></worksheet>"
    return xlsx_mentah(lembar)


def _xlsx_xxe() -> bytes:
    lembar = (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet ' + _NS +
              b'><sheetData><row r="1">' + sel_teks("A1", "tahun") + b'<c r="B1" t="inlineStr"><is><t>&xxe;</t></is></c>'
              b"</row></sheetData></worksheet>")
    return xlsx_mentah(lembar)


def _xlsx_string_bersama_2mb() -> bytes:
    """Shared strings, as Excel stores text: one of them 2 MB long (row 5 uses it)."""
    rows = [list(HEADER), *[[x[k] for k in HEADER] for x in rincian()]]
    rows[4][HEADER.index("nama_sub_indikator")] = "z" * (2 * 1024 * 1024)
    teks: dict[str, int] = {}
    xml_baris = []
    for i, r in enumerate(rows, start=1):
        sel = []
        for j, v in enumerate(r):
            if v:
                sel.append(f'<c r="{chr(65 + j)}{i}" t="s"><v>{teks.setdefault(v, len(teks))}</v></c>')
        xml_baris.append(f'<row r="{i}">{"".join(sel)}</row>')
    sst = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst " + _NS.decode() +
           f' count="{len(teks)}" uniqueCount="{len(teks)}">' +
           "".join(f"<si><t>{v.replace('&', '&amp;').replace('<', '&lt;')}</t></si>" for v in teks) + "</sst>").encode()
    rels = _WB_RELS.replace(b"TARGET", b"worksheets/sheet1.xml").replace(
        b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    ct = _CT.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    return xlsx_mentah(lembar_xml("".join(xml_baris).encode()),
                       tambahan={"xl/sharedStrings.xml": sst, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": ct})


def _xlsx_galat_ref() -> bytes:
    """#REF! in bobot (a formula whose source sheet was deleted): reported, the row set aside."""
    import xlsxwriter

    rows = rincian()
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Rincian")
    for j, k in enumerate(HEADER):
        ws.write_string(0, j, k)
    for i, r in enumerate(rows, start=1):
        for j, k in enumerate(HEADER):
            if r[k]:
                ws.write_string(i, j, r[k])
    ws.write_formula(5, HEADER.index("bobot"), "=#REF!*2", None, "#REF!")  # data row 5 → sheet row 6
    wb.close()
    return buf.getvalue()


def _tanda_portal_di_nilai() -> bytes:
    """What portals and people put in a score cell instead of a number: '-', '85%', 'N/A'. None of them
    may become an empty cell (an accepted item with an empty nilai scores 100)."""
    rows = rincian()
    rows[0]["nilai"] = "-"
    rows[4]["nilai"] = "85%"
    rows[8]["nilai"] = "N/A"
    return ke_csv(rows).encode()


def _ribuan_di_nilai() -> bytes:
    rows = rincian()
    rows[0]["nilai"] = "1.234,5"  # thousands dot and decimal comma: 1234.5, out of range (never 1.2345)
    return ke_csv(rows, sep=";").encode()


def _bobot_titik_ambigu() -> bytes:
    """'1.500' in a CSV: a decimal point (1,5) or an Indonesian thousands dot (1500)? Read as 1,5 and flagged."""
    rows = rincian()
    rows[1]["bobot"] = "1.500"
    return ke_csv(rows).encode()


def _kolom_kosong_di_ujung() -> bytes:
    """Excel saves the used range: empty columns right of the data (empty headers too) and empty rows under it."""
    rows = rincian()
    teks = ke_csv([[r[k] for k in HEADER] + ["", "", ""] for r in rows], header=HEADER + ("", "", ""), sep=";")
    return (teks + (";" * 14 + "\n") * 4).encode()


def _bom_dan_sep() -> bytes:
    return ("\ufeffsep=;\r\n" + ke_csv(rincian(), sep=";", akhir="\r\n")).encode()


def _xlsx_header_bergabung() -> bytes:
    """A portal layout: a merged title row, a merged group-header row ('Wilayah', 'Dokumen'), then the
    real header on row 3; one bad score on data row 2 → sheet row 5."""
    import xlsxwriter

    rows = rincian()
    rows[1]["nilai"] = "150"
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Rincian")
    fmt = wb.add_format({"bold": True, "align": "center"})
    ws.merge_range(0, 0, 0, len(HEADER) - 1, "Rincian Monitoring Centre for Prevention 2024", fmt)
    ws.merge_range(1, 1, 1, 2, "Wilayah", fmt)
    ws.merge_range(1, 7, 1, 9, "Dokumen", fmt)
    for j, k in enumerate(HEADER):
        ws.write_string(2, j, k)
    for i, r in enumerate(rows, start=3):
        for j, k in enumerate(HEADER):
            if r[k]:
                ws.write_string(i, j, r[k])
    wb.close()
    return buf.getvalue()


def _sel_berbaris_crlf() -> bytes:
    """A quoted cell with a line break (Alt+Enter in Excel) in a CRLF file: row numbers count records."""
    rows = rincian()
    rows[1]["nama_sub_indikator"] = "Dokumen\r\nRKPD"
    rows[5]["nilai"] = "150"  # data row 6 → spreadsheet row 7, whatever the line count says
    return ke_csv(rows, akhir="\r\n").encode()


def _status_kapital() -> bytes:
    rows = rincian()
    rows[0]["status"] = " DITERIMA "
    rows[1]["status"] = "Perlu_Perbaikan"
    rows[2]["status"] = "PROSES  VERIFIKASI"
    return ke_csv(rows).encode()


def _hanya_judul() -> bytes:
    return b"Laporan MCP 2024\nTidak ada data untuk filter ini\n"


def _xlsx_lembar_kosong() -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    wb.add_worksheet("Kosong")
    wb.close()
    return buf.getvalue()


_K = [
    # ---- unreadable files: exit 2, one sentence
    Kasus("kosong", "kosong.csv", lambda: b"", 2, ("file kosong",)),
    Kasus("hanya_spasi", "spasi.csv", lambda: b"\r\n   \n\t\n\n", 2, ("file kosong",)),
    Kasus("sampah_biner", "sampah.csv", lambda: b"\x01\x02" + _acak(5000, 1), 2, ("bukan file CSV atau XLSX",)),
    Kasus("gambar_png_csv", "foto.csv", _png, 2, ("gambar PNG",)),
    Kasus("gambar_jpeg_xlsx", "foto.xlsx", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + _acak(3000, 2), 2, ("gambar JPEG",)),
    Kasus("pdf_csv", "laporan.csv", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", 2, ("dokumen PDF",)),
    Kasus("gzip_csv", "rincian.csv", _gzip, 2, ("arsip gzip",)),
    Kasus("zip_rusak", "rusak.xlsx", _zip_rusak, 2, ("rusak",)),
    Kasus("xlsx_terpotong", "terpotong.xlsx", _xlsx_terpotong, 2, ("rusak",)),
    Kasus("zip_docx", "surat.xlsx", _zip_docx, 2, ("bukan XLSX",)),
    Kasus("ods", "rincian.ods", _ods, 2, ("OpenDocument",)),
    Kasus("kata_sandi_ole", "terkunci.xlsx", _ole, 2, ("kata sandi",)),
    Kasus("bom_xlsx", "bom.xlsx", bom_xlsx, 2, ("zip bomb", "200 MB"), besar=True),
    Kasus("a1_xfd1048576", "luas.xlsx", _a1_xfd, 2, ("terlalu besar", "XFD1048576"), berbahaya=True),
    Kasus("a1_xfd_atribut_terbalik", "luas2.xlsx", _atribut_terbalik, 2, ("terlalu besar", "XFD1048576"), berbahaya=True),
    Kasus("xlsx_baris_tanpa_ref", "tanpa_ref.xlsx", _baris_tanpa_ref, 2, ("terlalu besar", "baris ke-900.000"), berbahaya=True),
    Kasus("xlsx_kolom_tanpa_ref", "lebar.xlsx", _kolom_tanpa_ref, 2, ("terlalu besar", "kolom ke-300")),
    Kasus("xlsx_persegi_100jt_sel", "persegi.xlsx", _persegi_besar, 2, ("terlalu besar", "sel"), berbahaya=True),
    Kasus("xlsx_prefiks_namespace", "prefiks.xlsx", _prefiks_namespace, 2, ("terlalu besar", "XFD1048576"), berbahaya=True),
    Kasus("xlsx_ref_huruf_kecil", "kecil.xlsx", _ref_huruf_kecil, 2, ("terlalu besar", "xfd1048576"), berbahaya=True),
    Kasus("xlsx_nama_anggota_ganda", "ganda.xlsx", _nama_ganda, 2, ("terlalu besar", "XFD1048576"), berbahaya=True),
    Kasus("xlsx_dimensi_palsu", "dimensi.xlsx", _dimensi_palsu, 2, ("terlalu besar",)),
    Kasus("xlsx_target_relatif", "relatif.xlsx", _target_relatif, 2, ("terlalu besar",), berbahaya=True),
    Kasus("lembar_tidak_ada", "dua_lembar.xlsx", _xlsx_dua_lembar, 2, ("lembar 'Data2023' tidak ada", "Petunjuk, Rincian"),
          sheet="Data2023"),
    Kasus("baris_berlebih", "baris_berlebih.csv", _baris_berlebih, 2, ("lebih dari 500.000 baris", "melebihi batas")),
    Kasus("terlalu_besar", "besar.csv", _terlalu_besar, 2, ("melebihi batas unggah 100 MB",), besar=True),
    Kasus("sel_2mb", "sel_besar.csv", _sel_2mb, 2, ("sel di baris 5", "batas 10.000 karakter per sel")),
    Kasus("xlsx_sel_50rb", "sel_besar.xlsx", _xlsx_sel_panjang, 2, ("sel di baris 4 berisi 50.000 karakter", "batas 10.000")),
    Kasus("header_raksasa", "header_raksasa.csv", _header_raksasa, 2, ("sel di baris 1 berisi 20.000 karakter",)),
    Kasus("nul_padding", "terpotong_nul.csv", _nul_awal, 2, ("karakter NUL",)),
    Kasus("nul_tengah", "nul_tengah.csv", _nul_tengah, 2, ("karakter NUL",)),
    Kasus("banyak_kolom_300", "banyak_kolom.csv", _banyak_kolom, 2, ("312 kolom", "batas 200 kolom")),
    Kasus("hanya_pemisah", "pemisah.csv", lambda: _hanya_pemisah().encode(), 2, ("tidak berisi data",)),
    Kasus("kutip_tidak_ditutup", "kutip.csv", _kutip_terbuka, 2, ("tanda kutip", "di baris 4", "tidak ditutup")),
    Kasus("html_bernama_xls", "ekspor_portal.xls", _html_xls, 2, ("halaman HTML",)),
    Kasus("xml_spreadsheet_2003", "ekspor.xls", _xml_2003, 2, ("XML",)),
    # ---- readable, with file-level findings
    Kasus("hanya_header", "header.csv", lambda: ke_csv([]).encode(), 2, ("hanya berisi header (baris 1)",)),
    Kasus("xlsx_hanya_header", "header.xlsx", _xlsx_hanya_header, 2, ("hanya berisi header",)),
    Kasus("json_bernama_csv", "data.csv", _json, 2, ("dokumen JSON",)),
    Kasus("kolom_wajib_hilang", "kurang_kolom.csv", _kolom_hilang, 1, ("kolom wajib tidak ada: bobot, status",)),
    Kasus("kolom_provinsi_tambahan", "dengan_provinsi.csv", _kolom_provinsi, 0, ()),
    # ---- readable, row-level findings (exit 1) or warnings only (exit 0)
    Kasus("teks_bernama_xlsx", "sebenarnya_csv.xlsx", lambda: csv_dasar().encode(), 0, ("isinya teks CSV",)),
    Kasus("utf16_bom", "utf16.csv", _utf16, 0, ()),
    Kasus("utf16_tanpa_bom", "utf16le.csv", _utf16_tanpa_bom, 0, ("UTF-16",)),
    Kasus("cp1252", "windows.csv", _cp1252, 0, ()),
    Kasus("cr_saja", "mac.csv", _cr_saja, 0, ()),
    Kasus("crlf_baris_kosong", "kosong_di_ujung.csv", _crlf_baris_kosong, 0, ()),
    Kasus("sep_excel", "sep.csv", _sep_excel, 0, ()),
    Kasus("judul_di_atas_header", "judul.csv", _judul_di_atas, 1, ("di atas header",),
          (Temuan(7, "nilai", "150", "nilai_rentang"),)),
    Kasus("pemisah_campur", "campur.csv", _pemisah_campur, 1, ("baris 12–49 memakai pemisah ','", "header memakai ';'"),
          (Temuan(12, "tahun", None, "tahun_format"), Temuan(12, None, None, "sel_kurang", "peringatan"))),
    Kasus("sel_berlebih", "lebih.csv", _sel_berlebih, 1, ("lebih banyak sel daripada header",),
          (Temuan(6, None, None, "sel_berlebih"),)),
    Kasus("sel_kurang", "kurang.csv", _sel_kurang, 0, ("lebih sedikit sel",),
          (Temuan(8, None, None, "sel_kurang", "peringatan"),)),
    Kasus("koma_desimal_tanpa_kutip", "koma.csv", _koma_desimal_tanpa_kutip, 1, ("lebih banyak sel",),
          (Temuan(2, None, None, "sel_berlebih"),)),
    Kasus("area_asing", "area.csv", _ubah(1, area="KEUANGAN"), 1, ("Area 'KEUANGAN' tidak dikenal untuk tahun 2024",),
          (Temuan(3, "area", "KEUANGAN", "area_dikenal"),)),
    Kasus("wilayah_asing", "wilayah.csv", _wilayah_asing(), 1, ("Kode wilayah '99.99' tidak ada",),
          (Temuan(4, "kode_wilayah", "99.99", "kode_wilayah_dikenal"),)),
    Kasus("tahun_kata", "tahun_kata.csv", _ubah(0, tahun="dua ribu"), 1, ("'dua ribu' bukan tahun yang valid",),
          (Temuan(2, "tahun", "dua ribu", "tahun_format"),)),
    Kasus("tahun_2026_tanpa_plugin", "2026.csv", _ubah(0, tahun="2026"), 1, ("Tidak ada plugin area yang aktif untuk tahun 2026",),
          (Temuan(2, "tahun", "2026", "tahun_tanpa_plugin"),)),
    Kasus("tahun_2035", "2035.csv", _ubah(5, tahun="2035"), 1, ("Tahun 2035 di luar rentang",),
          (Temuan(7, "tahun", "2035", "tahun_rentang"),)),
    Kasus("area_2024_di_tahun_2023", "campur_tahun.csv", _tahun_2023_area_2024, 1,
          ("Area 'PERENCANAAN' tidak dikenal untuk tahun 2023",), (Temuan(44, "area", "PERENCANAAN", "area_dikenal"),)),
    Kasus("sub_indikator_ganda", "ganda.csv", _sub_ganda, 1, ("sudah ada untuk wilayah dan tahun ini",),
          (Temuan(50, "sub_indikator", None, "sub_indikator_ganda"),)),
    Kasus("nilai_150", "n150.csv", _ubah(0, nilai="150"), 1, ("Nilai 150 di luar rentang 0–100",),
          (Temuan(2, "nilai", "150", "nilai_rentang"),)),
    Kasus("nilai_minus_3", "nmin.csv", _ubah(4, nilai="-3"), 1, ("Nilai -3 di luar rentang",),
          (Temuan(6, "nilai", "-3", "nilai_rentang"),)),
    Kasus("nilai_kata", "nkata.csv", _ubah(8, nilai="delapan puluh"), 1, ("'delapan puluh' bukan angka",),
          (Temuan(10, "nilai", "delapan puluh", "nilai_format"),)),
    Kasus("bobot_nol", "b0.csv", _ubah(0, bobot="0"), 1, ("Bobot 0 harus lebih dari 0",),
          (Temuan(2, "bobot", "0", "bobot_positif"),)),
    Kasus("bobot_kosong", "bkosong.csv", _ubah(3, bobot=""), 1, ("Bobot kosong",),
          (Temuan(5, "bobot", None, "bobot_kosong"),)),
    Kasus("bobot_tidak_100", "b30.csv", _bobot_tidak_100, 0, ("tidak sama dengan 100",),
          (Temuan(2, "bobot", "30", "APIP.jumlah_bobot", "peringatan"),)),
    Kasus("tanggal_salah", "tgl.csv", _tanggal_salah, 0, ("Tanggal unggah '31/02/2024' tidak dikenali", "'kemarin'"),
          (Temuan(2, "tanggal_unggah", "31/02/2024", "tanggal_unggah_format", "peringatan"),
           Temuan(3, "tanggal_verifikasi", "kemarin", "tanggal_verifikasi_format", "peringatan"))),
    Kasus("status_typo", "typo.csv", _status_typo, 1, ("Maksud Anda 'diterima'?", "Maksud Anda 'perlu perbaikan'?"),
          (Temuan(2, "status", "diterimah", "status_dikenal"), Temuan(3, "status", "Perlu Perbaikn", "status_dikenal"))),
    Kasus("total_dokumen_tidak_cocok", "ringkasan.csv", _total_tidak_cocok, 0,
          ("301 + perlu perbaikan 49 + proses verifikasi 98 = 448", "446"),
          (Temuan(2, "dokumen_diunggah", "446", "dokumen_status_cocok", "peringatan"),)),
    Kasus("ringkasan_skor_salah", "ringkasan_salah.csv", _skor_ringkasan_salah, 1, ("Skor 150 di luar rentang", "'lima belas' bukan angka"),
          (Temuan(2, "Penganggaran", "150", "skor_rentang"), Temuan(3, "Pengadaan Barang dan Jasa", "lima belas", "skor_format"))),
    Kasus("rumus_di_csv", "rumus.csv", _rumus_csv, 1, ("'=1+1' bukan angka",), (Temuan(7, "nilai", "=1+1", "nilai_format"),)),
    Kasus("script_di_nama", "script.csv", _script, 1, ("Area '<script>alert(1)</script>' tidak dikenal",),
          (Temuan(4, "area", "<script>alert(1)</script>", "area_dikenal"),)),
    Kasus("bom_di_tengah", "gabungan.csv", _bom_tengah, 1, ("'tahun' bukan tahun yang valid",),
          (Temuan(7, "tahun", "tahun", "tahun_format"),)),
    Kasus("spasi_lebar_nol", "zwsp.csv", _kode_teks_aneh, 0, ()),
    Kasus("header_ganda", "header_ganda.csv", _header_ganda, 0, ("muncul dua kali",)),
    Kasus("header_sangat_panjang", "header_panjang.csv", _header_panjang, 0, ()),
    Kasus("tab_dan_cr_di_sel", "tab.csv", _tab_dan_cr_di_sel, 0, ()),
    Kasus("xlsx_baris_salah", "salah.xlsx", _xlsx_baris_salah, 1, ("Nilai -3 di luar rentang", "Maksud Anda 'diterima'?"),
          (Temuan(6, "nilai", "-3", "nilai_rentang"), Temuan(8, "status", "diterimah", "status_dikenal"))),
    Kasus("xlsx_sel_berformat_di_atas", "format.xlsx", _xlsx_baris_salah_judul, 1, ("Nilai 150",),
          (Temuan(6, "nilai", "150", "nilai_rentang"),)),
    Kasus("xlsx_rumus", "rumus.xlsx", _xlsx_rumus, 1, ("'#DIV/0!' bukan angka",), (Temuan(4, "nilai", "#DIV/0!", "nilai_format"),)),
    Kasus("xlsx_galat_di_nilai_diterima", "na.xlsx", _xlsx_galat_diterima, 1, ("'#N/A' bukan angka",),
          (Temuan(16, "nilai", "#N/A", "nilai_format"),)),
    Kasus("xlsx_teks_seperti_rumus", "teks_rumus.xlsx", _xlsx_teks_rumus, 0, ()),
    Kasus("xlsx_tanpa_tabel", "catatan.xlsx", _xlsx_tanpa_tabel, 2,
          ("lembar pertama 'Sampul'", "Lembar lain ('Catatan') juga tidak berisi tabel data")),
    Kasus("xlsx_dua_lembar_pertama", "dua.xlsx", _xlsx_dua_lembar, 0, ("lembar pertama 'Petunjuk' tidak berisi tabel data; yang dibaca lembar 'Rincian'",)),
    # ---- more of what real exports and hostile writers do
    Kasus("xls_lama_biff", "rekap.xls", _xls_biff, 2, ("Excel lama (.xls", "simpan sebagai .xlsx")),
    Kasus("doc_bernama_csv", "surat.csv", _doc_lama, 2, ("dokumen Office lama",)),
    Kasus("zip_terenkripsi", "dikunci.xlsx", _zip_terenkripsi, 2, ("dilindungi kata sandi",)),
    Kasus("xlsx_billion_laughs", "lol.xlsx", _xlsx_billion_laughs, 2, ("deklarasi DTD", "billion laughs")),
    Kasus("xlsx_xxe", "xxe.xlsx", _xlsx_xxe, 2, ("deklarasi DTD",)),
    Kasus("xlsx_string_bersama_2mb", "sst_besar.xlsx", _xlsx_string_bersama_2mb, 2,
          ("teks sel sepanjang lebih dari", "xl/sharedStrings.xml", "batas 10.000 karakter per sel", "ditolak sebelum dibaca")),
    # under the 200 MB decompression limit, but one cell of 190 MB: before the streaming text check,
    # calamine, Arrow and Polars each held a copy (1.9 GB peak for a 0.2 MB upload)
    Kasus("bom_xlsx_190mb_satu_sel", "bom190.xlsx", lambda: bom_xlsx(190), 2,
          ("teks sel sepanjang lebih dari", "batas 10.000 karakter per sel", "ditolak sebelum dibaca"), besar=True),
    Kasus("xlsx_lembar_kosong", "kosong.xlsx", _xlsx_lembar_kosong, 2, ("tidak berisi data",)),
    Kasus("hanya_judul_tanpa_header", "judul_saja.csv", _hanya_judul, 1, ("jenis file tidak dikenali",)),
    Kasus("xlsx_galat_ref_di_bobot", "ref.xlsx", _xlsx_galat_ref, 1, ("'#REF!' bukan angka",),
          (Temuan(6, "bobot", "#REF!", "bobot_format"),)),
    Kasus("tanda_portal_di_nilai", "tanda.csv", _tanda_portal_di_nilai, 1, ("'-' bukan angka", "'85%' bukan angka", "'N/A' bukan angka"),
          (Temuan(2, "nilai", "-", "nilai_format"), Temuan(6, "nilai", "85%", "nilai_format"), Temuan(10, "nilai", "N/A", "nilai_format"))),
    Kasus("ribuan_di_nilai", "ribuan.csv", _ribuan_di_nilai, 1, ("Nilai 1.234,5 di luar rentang 0–100",),
          (Temuan(2, "nilai", "1.234,5", "nilai_rentang"),)),
    Kasus("bobot_titik_ambigu", "bobot_titik.csv", _bobot_titik_ambigu, 0, ("Bobot '1.500' dibaca dengan titik",),
          (Temuan(3, "bobot", "1.500", "bobot_titik_ambigu", "peringatan"),)),
    Kasus("kolom_dan_baris_kosong_di_ujung", "ujung.csv", _kolom_kosong_di_ujung, 0, ()),
    Kasus("bom_dan_sep", "bom_sep.csv", _bom_dan_sep, 0, ()),
    Kasus("xlsx_header_bergabung", "bergabung.xlsx", _xlsx_header_bergabung, 1, ("di atas header dilewati", "Nilai 150"),
          (Temuan(5, "nilai", "150", "nilai_rentang"),)),
    Kasus("sel_berbaris_crlf", "alt_enter.csv", _sel_berbaris_crlf, 1, ("Nilai 150",), (Temuan(7, "nilai", "150", "nilai_rentang"),)),
    Kasus("status_kapital_dan_garis_bawah", "kapital.csv", _status_kapital, 0, ()),
]

KASUS: dict[str, Kasus] = {k.nama: k for k in _K}
assert len(KASUS) == len(_K), "duplicate case names"


def tulis_semua(folder: Path, termasuk_besar: bool = True) -> dict[str, Path]:
    """Write every case into ``folder`` (one sub-folder per case, so names may repeat)."""
    hasil = {}
    for k in _K:
        if k.besar and not termasuk_besar:
            continue
        p = folder / k.nama / k.file
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(k.isi())
        hasil[k.nama] = p
    return hasil


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile_corpus")
    for nama, p in tulis_semua(out).items():
        print(f"{nama:32} {p.stat().st_size:>12,} {p}")
