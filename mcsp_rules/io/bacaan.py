"""What reading one file gives: an all-text frame that remembers each row's spreadsheet number."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

KOLOM_BARIS = "_baris"  # the row number as the spreadsheet shows it (header = row 1 in a plain CSV)


KOLOM_FILE = "_file"


KOLOM_LEBAR = "_jumlah_sel"  # cells a CSV row really had (ragged rows are set aside, never padded)


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
