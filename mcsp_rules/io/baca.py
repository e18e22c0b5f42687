"""Tolerant reading of CSV/XLSX exports into all-text frames that remember each row's spreadsheet number.

Everything is read as text: types are decided later by the validation rules, so a value that does
not parse becomes a finding with its row number rather than a silent null. Limits (batas.py) are
checked before the data is parsed, and the content decides the format, not the file name."""

from __future__ import annotations

from pathlib import Path

from mcsp_rules.batas import BATAS, Batas
from mcsp_rules.galat import FileTidakTerbaca
from mcsp_rules.io.baca_csv import baca_csv
from mcsp_rules.io.baca_xlsx import baca_xlsx
from mcsp_rules.io.bacaan import BacaanFile
from mcsp_rules.io.deteksi import NAMA_EN, galat_ole, jenis_isi, terlalu_besar


def baca(sumber: str | Path | tuple[str, bytes], *, sheet: str | int | None = None, batas: Batas = BATAS) -> BacaanFile:
    """Read one export. ``sumber`` is a path or (file name, bytes) as an upload gives it."""
    if isinstance(sumber, tuple):
        nama, data = sumber
        if len(data) > batas.ukuran_byte:
            raise terlalu_besar(nama, len(data), batas)
    else:
        path = Path(sumber)
        nama = path.name
        try:
            ukuran = path.stat().st_size
            if ukuran > batas.ukuran_byte:
                raise terlalu_besar(nama, ukuran, batas)
            if not path.is_file():
                raise IsADirectoryError(21, "bukan file")
            data = path.read_bytes()
        except OSError as e:
            raise FileTidakTerbaca(f"file tidak dapat dibuka ({e.strerror}).", f"the file cannot be opened ({e.strerror}).", file=nama) from None
        if len(data) > batas.ukuran_byte:  # it grew between stat and read
            raise terlalu_besar(nama, len(data), batas)
    if not data.strip(b" \t\r\n\x00"):
        raise FileTidakTerbaca("file kosong.", "the file is empty.", file=nama)
    jenis = jenis_isi(data)
    if jenis == "zip":
        return baca_xlsx(nama, data, sheet, batas)
    if jenis == "ole":
        raise galat_ole(nama, data)
    if jenis == "ods":
        raise FileTidakTerbaca(
            "file ini berformat OpenDocument (.ods, LibreOffice), bukan XLSX; simpan sebagai .xlsx atau CSV lalu unggah lagi.",
            "this is an OpenDocument spreadsheet (.ods, LibreOffice), not XLSX; save it as .xlsx or CSV and upload it again.",
            file=nama,
        )
    if jenis in ("teks", "utf16", "utf16-le", "utf16-be"):
        bacaan = baca_csv(nama, data, batas, utf16={"utf16": "utf-16", "utf16-le": "utf-16-le", "utf16-be": "utf-16-be"}.get(jenis))
        if jenis in ("utf16-le", "utf16-be"):
            bacaan.catatan.append(("file ini UTF-16 tanpa penanda (BOM); dibaca sebagai UTF-16. Simpan sebagai CSV UTF-8 bila bisa.",
                                   "this file is UTF-16 without a byte-order mark; read as UTF-16. Save it as UTF-8 CSV if you can."))
        if nama.lower().endswith((".xlsx", ".xls", ".xlsm")):
            bacaan.catatan.append((f"nama file berakhiran {Path(nama).suffix} tetapi isinya teks CSV; dibaca sebagai CSV.",
                                   f"the file is named {Path(nama).suffix} but holds CSV text; read as CSV."))
        return bacaan
    raise FileTidakTerbaca(
        f"ini bukan file CSV atau XLSX (isinya tampak seperti {jenis}); simpan datanya sebagai .xlsx atau CSV lalu unggah lagi.",
        f"this is not a CSV or XLSX file (its content looks like {NAMA_EN.get(jenis, jenis)}); save the data as .xlsx or CSV and upload it again.",
        file=nama,
    )
