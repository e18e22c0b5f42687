"""Upload limits, in one place. Every limit is checked before the data is fully read, and a file over
a limit is refused (exit 2 in ``mcsp validate``, a line under "File yang tidak dapat dibaca" in the
dashboard) with a message that names the limit. Override with the environment variable of each
limit (read once, at import), or pass ``Batas(...)`` to ``mcsp_rules.load(..., batas=...)``.

| limit | default | environment variable | checked | message (Indonesian / English) |
|---|---|---|---|---|
| ukuran_mb: size of one file | 100 MB | MCSP_BATAS_UKURAN_MB | before the file is read (stat, or the upload's length) | "melebihi batas unggah 100 MB" / "over the upload limit of 100 MB" |
| baris: data rows of one file or sheet | 500 000 | MCSP_BATAS_BARIS | CSV: line count before parsing; XLSX: furthest row in the sheet XML, before calamine | "lebih dari 500.000 baris data, melebihi batas" / "more than 500,000 data rows, over the limit" |
| xlsx_terurai_mb: an XLSX's decompressed size | 200 MB | MCSP_BATAS_XLSX_TERURAI_MB | while inflating, in 1 MB steps (zip bombs stop at the cap) | "terurai melebihi batas 200 MB (kemungkinan 'zip bomb')" / "decompresses to more than the 200 MB limit" |
| sel_karakter: characters in one cell | 10 000 | MCSP_BATAS_SEL_KARAKTER | CSV: csv field limit / after splitting; XLSX: text runs over 10× the limit refused while inflating, others after reading with their row | "melebihi batas 10.000 karakter per sel" / "over the limit of 10,000 per cell" |
| kolom: columns of one file or sheet | 200 | MCSP_BATAS_KOLOM | CSV: widest line before parsing; XLSX: furthest column in the XML | "melebihi batas 200 kolom" / "over the limit of 200" |
| sel: cells of a sheet's rectangle (rows × columns) | 8 000 000 | MCSP_BATAS_SEL | before parsing (what calamine would allocate) | "melebihi batas 8.000.000 sel" / "over the limit of 8,000,000 cells" |

The dashboard's upload widget uses the same size (``tampilan/komponen/umum.batas_mb`` reads ``BATAS.ukuran_mb``);
Streamlit's own cap, ``server.maxUploadSize`` in ``.streamlit/config.toml``, is set to 100 to match: change
both together. An unparsable value in an environment variable falls back to the default."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env(nama: str, bawaan: int) -> int:
    try:
        return int(os.environ.get(nama, bawaan))
    except ValueError:
        return bawaan


@dataclass(frozen=True)
class Batas:
    # size of one uploaded file: a real-scale national year (one row per required document, ~362k rows) is 29 MB
    # as bare codes and 52 MB with region and sub-indicator names, ~70 MB with document names: 100 fits it
    ukuran_mb: int = _env("MCSP_BATAS_UKURAN_MB", 100)
    # data rows of one file: a real-scale national year is ~364k (552 pemda × ~660 documents); three years
    # (~1.1 M) need MCSP_BATAS_BARIS raised
    baris: int = _env("MCSP_BATAS_BARIS", 500_000)
    xlsx_terurai_mb: int = _env("MCSP_BATAS_XLSX_TERURAI_MB", 200)  # an XLSX's decompressed size
    sel_karakter: int = _env("MCSP_BATAS_SEL_KARAKTER", 10_000)  # characters in one cell
    kolom: int = _env("MCSP_BATAS_KOLOM", 200)  # columns of one sheet
    # cells of one sheet's rectangle (rows × columns): what a parser allocates, whatever the file's size
    sel: int = _env("MCSP_BATAS_SEL", 8_000_000)

    @property
    def ukuran_byte(self) -> int:
        return self.ukuran_mb * 1024 * 1024


BATAS = Batas()
