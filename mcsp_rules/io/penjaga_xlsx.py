"""The XLSX guard: measures every sheet from its XML while inflating it with a cap, before calamine
allocates anything (zip bombs, huge sheet rectangles, DTDs, over-long cells)."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

import polars as pl

from mcsp_rules.batas import Batas
from mcsp_rules.galat import FileTidakTerbaca
from mcsp_rules.io.deteksi import ribuan

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
class Ukur:
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


def _gabung_ukur(u: Ukur, v: Ukur) -> None:
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


def _ukur_cepat(seg: bytes, u: Ukur, k: int, batas: Batas) -> None:
    if batas.kolom < 26:  # single-letter columns could break the limit: the fast path's bound is too coarse
        raise _PerluTepat
    teks = pl.Series([seg.decode("utf-8", "replace")])
    if teks.str.contains(_ANEH).item():
        raise _PerluTepat
    if b"<c " in seg or b":c " in seg:
        u.atas_baris, u.atas_kolom = max(u.atas_baris, 10 ** (k - 1) - 1), max(u.atas_kolom, _kolom_dekat(seg))
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


_REF_TANPA_HURUF = re.compile(rb'c r="(?![A-Z])')


def _kolom_dekat(seg: bytes) -> int:
    """The furthest column a near reference (one letter, fewer digits than the threshold) can place a cell in:
    the last letter that starts a cell reference in the piece. Without it a real-scale year (362 000 rows of 11
    columns) was bounded as 362 000 × 26 cells and refused under the 8 000 000-cell limit. On the fast path every
    cell tag is ``<c r="[A-Z0-9]*"`` (anything else is _ANEH); a reference without a letter (sequential
    placement) keeps the coarse bound of 26."""
    if _REF_TANPA_HURUF.search(seg):
        return 26
    for i in range(25, -1, -1):
        if b'c r="%c' % (65 + i) in seg:
            return i + 1
    return 26


def _ukur_tepat(seg: bytes, u: Ukur) -> None:
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


def _ukur_dimensi(seg: bytes, u: Ukur) -> None:
    if m := _DIMENSI.search(seg[:65536]):
        akhir = m.group(1).split(b":")[-1]
        if isi := _ISI_REF.match(akhir):
            u.catat(_angka(isi.group(2)), _nomor_kolom(isi.group(1)) if isi.group(1) else 0,
                    akhir.decode("ascii", "replace").strip())


def periksa_zip(nama: str, data: bytes, batas: Batas) -> tuple[zipfile.ZipFile, dict[str, Ukur]]:
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
            f"isi XLSX terurai melebihi batas {ribuan(batas.xlsx_terurai_mb)} MB (kemungkinan 'zip bomb'); file ditolak.",
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
    ukuran: dict[str, Ukur] = {}
    for info in anggota:
        u = Ukur()
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
                        u, total = Ukur(*dimensi), sebelum
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
        f"file XLSX berisi teks sel sepanjang lebih dari {ribuan(panjang)} byte ({anggota}), melebihi batas "
        f"{ribuan(batas.sel_karakter)} karakter per sel; file ditolak sebelum dibaca. Periksa sel yang sangat panjang.",
        f"the XLSX holds cell text longer than {panjang:,} bytes ({anggota}), over the limit of {batas.sel_karakter:,} "
        "characters per cell; refused before reading. Check the very long cell.", file=nama)


def _dtd(nama: str, anggota: str) -> FileTidakTerbaca:
    return FileTidakTerbaca(
        f"file XLSX berisi deklarasi DTD/entitas XML ({anggota}), yang tidak pernah ditulis Excel dan dipakai untuk serangan "
        "(entitas berantai, 'billion laughs', atau pembacaan file server); file ditolak. Simpan ulang dari Excel.",
        f"the XLSX holds an XML DTD/entity declaration ({anggota}), which Excel never writes and attacks use (entity expansion, "
        "'billion laughs', or reading server files); refused. Save it again from Excel.", file=nama)


def peta_lembar(z: zipfile.ZipFile) -> list[tuple[str, str]]:
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


def terlalu_luas(nama: str, lembar: str, u: Ukur, batas: Batas) -> FileTidakTerbaca | None:
    """A sheet whose cell rectangle is over a limit, named with the reference that reaches furthest."""
    di = f" (sel terjauh: {u.ref})" if u.ref else ""
    at = f" (furthest cell: {u.ref})" if u.ref else ""
    atas_baris, atas_kolom = u.batas_atas()
    if atas_baris > batas.baris + 1:
        return FileTidakTerbaca(
            f"lembar '{lembar}' terlalu besar: ada sel sampai baris ke-{ribuan(u.max_baris)}{di}, melebihi batas "
            f"{ribuan(batas.baris)} baris data; hapus isi/format sel di bawah data, atau pecah per provinsi atau per tahun.",
            f"sheet '{lembar}' is too large: a cell reaches row {u.max_baris:,}{at}, over the limit of {batas.baris:,} data rows; "
            "clear the cells below the data, or split it by province or year.", file=nama)
    if atas_kolom > batas.kolom:
        return FileTidakTerbaca(
            f"lembar '{lembar}' terlalu besar: ada sel sampai kolom ke-{ribuan(u.max_kolom)}{di}, melebihi batas "
            f"{ribuan(batas.kolom)} kolom; hapus isi/format sel di kanan data.",
            f"sheet '{lembar}' is too large: a cell reaches column {u.max_kolom:,}{at}, over the limit of {batas.kolom:,} columns; "
            "clear the cells to the right of the data.", file=nama)
    if atas_baris * atas_kolom > batas.sel:
        return FileTidakTerbaca(
            f"lembar '{lembar}' terlalu besar: {ribuan(u.max_baris)} baris × {ribuan(u.max_kolom)} kolom = "
            f"{ribuan(u.max_baris * u.max_kolom)} sel{di}, melebihi batas {ribuan(batas.sel)} sel; hapus isi/format sel di luar "
            "data, atau pecah per provinsi.",
            f"sheet '{lembar}' is too large: {u.max_baris:,} rows × {u.max_kolom:,} columns = {u.max_baris * u.max_kolom:,} cells{at}, "
            f"over the limit of {batas.sel:,} cells; clear the cells outside the data, or split it by province.", file=nama)
    return None
