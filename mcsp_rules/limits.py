"""Upload limits, in one place. Every limit is checked before the data is fully read, and a file over
a limit gets a message that names it. Override with environment variables of the same name
(for example ``MCSP_BATAS_UKURAN_MB=50``)."""

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
    ukuran_mb: int = _env("MCSP_BATAS_UKURAN_MB", 50)  # size of one uploaded file
    baris: int = _env("MCSP_BATAS_BARIS", 500_000)  # data rows of one file (national detail ≈ 28k a year)
    xlsx_terurai_mb: int = _env("MCSP_BATAS_XLSX_TERURAI_MB", 200)  # an XLSX's decompressed size
    sel_karakter: int = _env("MCSP_BATAS_SEL_KARAKTER", 10_000)  # characters in one cell
    kolom: int = _env("MCSP_BATAS_KOLOM", 200)  # columns of one sheet
    # cells of one sheet's rectangle (rows × columns): what a parser allocates, whatever the file's size
    sel: int = _env("MCSP_BATAS_SEL", 8_000_000)

    @property
    def ukuran_byte(self) -> int:
        return self.ukuran_mb * 1024 * 1024


BATAS = Batas()
