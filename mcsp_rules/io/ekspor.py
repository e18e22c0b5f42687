"""Exports people open in Excel: text cells that a spreadsheet would run as a formula are neutralised
(OWASP CSV injection: cells starting with = + - @ tab CR NUL get a leading apostrophe); numbers stay
numbers. XLSX is written with strings_to_formulas off, so no cell becomes a formula."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Mapping

import polars as pl

_PEMICU = r"^[=+\-@\t\r\x00]"
_PEMICU_AWAL = ("=", "+", "-", "@", "\t", "\r", "\x00")


def _datar(df: pl.DataFrame) -> pl.DataFrame:
    """Lists as 'a; b', structs as JSON, categoricals as text: what a spreadsheet cell can hold."""
    return df.with_columns(
        pl.col(pl.List).list.eval(pl.element().cast(pl.String)).list.join("; "),
        pl.col(pl.Struct).struct.json_encode(),
        pl.col(pl.Categorical, pl.Enum).cast(pl.String),
    )


def netralkan(df: pl.DataFrame) -> pl.DataFrame:
    """Text cells and column names that a spreadsheet would run as a formula get a leading apostrophe."""
    df = _datar(df)
    teks = [c for c, t in df.schema.items() if t == pl.String]
    df = df.with_columns(
        [pl.when(pl.col(c).str.contains(_PEMICU)).then("'" + pl.col(c)).otherwise(pl.col(c)).alias(c) for c in teks]
    )
    ganti = {c: "'" + c for c in df.columns if c.startswith(_PEMICU_AWAL)}
    return df.rename(ganti) if ganti else df


def ke_csv(df: pl.DataFrame, tujuan: str | Path | io.IOBase | None = None, pemisah: str = ",") -> str | None:
    """CSV with '.' decimals and full precision (for machines); text cells neutralised."""
    aman = netralkan(df)
    return aman.write_csv(tujuan, separator=pemisah)


def ke_xlsx(lembar: Mapping[str, pl.DataFrame] | pl.DataFrame, tujuan: str | Path | io.BytesIO | None = None) -> bytes | None:
    """One sheet per frame; returns the bytes when no destination is given."""
    import xlsxwriter

    if isinstance(lembar, pl.DataFrame):
        lembar = {"Data": lembar}
    buf = io.BytesIO() if tujuan is None else tujuan
    wb = xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_urls": False, "nan_inf_to_errors": True})
    try:
        for nama, df in lembar.items():
            df = netralkan(df)
            df.write_excel(wb, worksheet=nama[:31], autofit=True, float_precision=2)
    finally:
        wb.close()
    return buf.getvalue() if tujuan is None else None
