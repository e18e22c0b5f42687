"""Numbers as Indonesians write them (76,15; 1.234) and as English readers do (76.15; 1,234)."""

from __future__ import annotations

import math


def angka(x: float | int | None, bahasa: str = "id", desimal: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    teks = f"{x:,.{desimal}f}"
    if bahasa == "id":
        teks = teks.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return teks


def bulat(x: int | None, bahasa: str = "id") -> str:
    return angka(x, bahasa, 0)


def format_d3(bahasa: str = "id", desimal: int = 2) -> str:
    """A d3 format string for Altair axes/tooltips; the locale decides the separators."""
    return f",.{desimal}f"


LOKAL_D3 = {  # d3-format locale for Vega-Lite charts in the Indonesian interface
    "id": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
