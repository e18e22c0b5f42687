"""XLSX reading with calamine after the guard has measured the workbook: the sheet that holds the
table, every cell as text, Excel error cells named."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

import polars as pl

from mcsp_rules.batas import Batas
from mcsp_rules.galat import FileTidakTerbaca
from mcsp_rules.io.bacaan import KOLOM_BARIS, BacaanFile
from mcsp_rules.io.header import _KOLOM_DIKENAL, dengan_header, normalkan_header
from mcsp_rules.io.penjaga_xlsx import Ukur, _gabung_ukur, periksa_zip, peta_lembar, terlalu_luas


def baca_xlsx(nama: str, data: bytes, sheet: str | int | None, batas: Batas) -> BacaanFile:
    z, ukuran = periksa_zip(nama, data, batas)
    try:
        lembar = peta_lembar(z)
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
        u = Ukur()
        for v in ukuran.values():
            _gabung_ukur(u, v)
    if salah := terlalu_luas(nama, lembar[idx][0], u, batas):
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
    return dengan_header(nama, "xlsx", frame, batas)


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
