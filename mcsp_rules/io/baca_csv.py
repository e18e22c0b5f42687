"""Tolerant CSV reading: encodings (UTF-8 with or without BOM, cp1252, UTF-16), `,` or `;`, quoted
fields, ragged rows kept with their true width, limits checked before parsing."""

from __future__ import annotations

import csv
import io
import re

import polars as pl

from mcsp_rules.batas import Batas
from mcsp_rules.galat import FileTidakTerbaca
from mcsp_rules.io.bacaan import KOLOM_BARIS, KOLOM_LEBAR, BacaanFile
from mcsp_rules.io.deteksi import ribuan, terlalu_banyak_baris, terlalu_banyak_kolom, terlalu_banyak_sel
from mcsp_rules.io.header import dengan_header


# --------------------------------------------------------------------------------------------- CSV
def _dekode(nama: str, data: bytes, utf16: str | None) -> tuple[str, bool]:
    """The text, and whether ``data`` is that text's UTF-8 (without a byte-order mark) as it stands."""
    if utf16:
        try:
            return data.decode(utf16), False
        except UnicodeDecodeError:
            raise FileTidakTerbaca("file UTF-16 ini rusak dan tidak dapat dibaca.", "this UTF-16 file is corrupt.", file=nama) from None
    try:
        return data.decode("utf-8-sig"), not data.startswith(b"\xef\xbb\xbf")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), False  # what Excel on Windows writes for "CSV"
    except UnicodeDecodeError:
        return data.decode("latin-1"), False  # every byte decodes; cp1252 leaves five undefined


def _pemisah(baris_header: str) -> str:
    tanpa_kutip = re.sub(r'"[^"]*"', "", baris_header)
    hitung = {p: tanpa_kutip.count(p) for p in (";", ",", "\t", "|")}
    pemisah = max(hitung, key=hitung.get)
    return pemisah if hitung[pemisah] else ","


_SEP_EXCEL = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)


_BATCH = 50_000  # rows turned into a frame at a time (bounds the Python objects of a quoted CSV)


def baca_csv(nama: str, data: bytes, batas: Batas, utf16: str | None) -> BacaanFile:
    teks, utf8_asli = _dekode(nama, data, utf16)
    # The bytes Polars parses are the file's own when they are the text as it stands (a UTF-8 export
    # with "\n" line ends, the usual case): the 30 MB of a national year are then neither re-encoded
    # nor split into Python strings.
    if "\r" in teks:
        teks = teks.replace("\r\n", "\n").replace("\r", "\n")
        utf8_asli = False
    if "\x00" in teks:
        baris_nul = teks.count("\n", 0, teks.index("\x00")) + 1
        raise FileTidakTerbaca(
            f"file berisi karakter NUL (data biner) mulai baris {ribuan(baris_nul)}; file mungkin terpotong saat disalin. "
            "Ekspor ulang atau simpan ulang sebagai CSV UTF-8.",
            f"the file contains NUL characters (binary data) from row {baris_nul:,}; it may have been cut short while copying. "
            "Export it again or save it as UTF-8 CSV.", file=nama)
    awal = teks
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
        raise terlalu_banyak_baris(nama, batas)
    pemisah = pemisah or _pemisah(baris_pertama)
    frame = None
    if '"' not in teks:
        # the bytes Polars parses: the file's own, past what was cut off the front (stray BOMs, blank
        # lines, a "sep=" line), when they are the text as it stands; the decoded text goes before
        # Polars reads (a national year: 30 MB less at the peak) and is decoded again if it is needed
        if utf8_asli:
            potong = len(awal[:len(awal) - len(teks)].encode("utf-8"))
            mentah = data[potong:] if potong else data
        else:
            mentah = teks.encode("utf-8")
        del awal, teks, data
        frame = _csv_polos(mentah, pemisah, lompat, n_baris, batas, nama)
        if frame is None:
            teks = mentah.decode("utf-8")
        del mentah
    if frame is None:
        frame = _csv_berkutip(nama, teks, pemisah, lompat, n_baris, batas)
    bacaan = dengan_header(nama, "csv", frame, batas)
    bacaan.catatan.extend(pemisah_lain(bacaan, pemisah))
    return bacaan


def _csv_polos(mentah: bytes, pemisah: str, lompat: int, n_baris: int, batas: Batas, nama: str) -> pl.DataFrame | None:
    """A CSV without quotes (``mentah``: its UTF-8 bytes), parsed by Polars. None when Polars sees another
    number of lines than Python does (``n_baris``; e.g. a lone byte-order mark on a line): the csv module
    reads it then."""
    # One line per row, read by Polars (a separator no line holds), to count each row's cells:
    # a blank line reads as null and is one empty cell, as it is in a spreadsheet.
    tak_terpakai = next((c for c in ("\x1f", "\x1e", "\x1d", "\x1c", "\x01") if c.encode() not in mentah), None)
    if tak_terpakai is None:
        return None
    baris = pl.read_csv(mentah, separator=tak_terpakai, has_header=False, quote_char=None,
                        schema={"l": pl.String}).to_series()
    if baris.len() != n_baris:
        return None
    jumlah_sel = (baris.str.count_matches(pemisah, literal=True) + 1).fill_null(1).cast(pl.Int32)
    del baris
    lebar = int(jumlah_sel.max())
    if lebar > batas.kolom:
        raise terlalu_banyak_kolom(nama, lebar, batas)
    if lebar * jumlah_sel.len() > batas.sel:
        raise terlalu_banyak_sel(nama, jumlah_sel.len(), lebar, batas)
    frame = pl.read_csv(
        mentah, separator=pemisah, has_header=False,
        infer_schema=False, quote_char=None, truncate_ragged_lines=True, missing_columns="insert",
        schema={f"c{i}": pl.String for i in range(lebar)},
    )
    if frame.height != jumlah_sel.len():
        return None
    return frame.with_columns(
        pl.Series(KOLOM_LEBAR, jumlah_sel),
        pl.Series(KOLOM_BARIS, range(lompat + 1, lompat + 1 + frame.height), dtype=pl.Int64),
    )


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


def pemisah_lain(b: BacaanFile, pemisah: str) -> list[tuple[str, str]]:
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
                    raise terlalu_banyak_kolom(nama, lebar_semua, batas)
            if jumlah > batas.baris + 1 + 20:
                raise terlalu_banyak_baris(nama, batas)
            if lebar_semua * max(jumlah, n_baris) > batas.sel:
                raise terlalu_banyak_sel(nama, max(jumlah, n_baris), lebar_semua, batas)
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
                f"sel di baris {ribuan(baris)} berisi lebih dari {ribuan(csv.field_size_limit())} karakter, melebihi batas "
                f"{ribuan(batas.sel_karakter)} karakter per sel; periksa isi sel itu (atau tanda kutip yang tidak ditutup).",
                f"a cell on row {baris:,} holds more than {csv.field_size_limit():,} characters, over the limit of "
                f"{batas.sel_karakter:,} per cell; check that cell (or an unclosed quote).", file=nama) from None
        raise FileTidakTerbaca(f"CSV rusak di baris {ribuan(baris)} ({e}); simpan ulang sebagai CSV.",
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
                f'tanda kutip (") di baris {ribuan(baris)} tampaknya tidak ditutup: satu sel di baris itu memuat {mirip} '
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
            f'tanda kutip (") yang dibuka di baris {ribuan(baris)} tidak pernah ditutup, sehingga sisa file terbaca sebagai '
            "satu sel; tutup tanda kutip di baris itu (atau hapus) lalu simpan ulang.",
            f'a quote (") opened on row {baris:,} is never closed, so the rest of the file would read as one cell; '
            "close (or remove) the quote on that row and save again.", file=nama) from None
