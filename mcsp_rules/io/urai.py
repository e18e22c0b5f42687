"""Text → typed values as Polars expressions, tolerant of how Indonesian exports write things.

Every parser returns null for text it does not understand; the validation rules compare the typed
column with its text (``_teks_<kolom>``) to report exactly which cells failed, so nothing becomes a
silent null.
"""

from __future__ import annotations

import difflib

import polars as pl

from mcsp_rules.model import STATUS

_SPASI = r"[\s\u00a0]"

# Spellings of the four statuses seen in portals and spreadsheets (after lower-casing and folding
# underscores, dashes and repeated spaces into one space).
ALIAS_STATUS = {
    **{s: s for s in STATUS},
    "belum unggah": "belum diunggah", "belum upload": "belum diunggah", "belum di unggah": "belum diunggah",
    "belum diupload": "belum diunggah", "tidak diunggah": "belum diunggah", "not uploaded": "belum diunggah",
    "missing": "belum diunggah", "belum": "belum diunggah",
    "proses": "proses verifikasi", "verifikasi": "proses verifikasi", "sedang diverifikasi": "proses verifikasi",
    "dalam verifikasi": "proses verifikasi", "menunggu verifikasi": "proses verifikasi",
    "dalam proses verifikasi": "proses verifikasi", "in verification": "proses verifikasi",
    "pending": "proses verifikasi", "under review": "proses verifikasi", "diunggah": "proses verifikasi",
    "perbaikan": "perlu perbaikan", "perlu diperbaiki": "perlu perbaikan", "dikembalikan": "perlu perbaikan",
    "revisi": "perlu perbaikan", "ditolak": "perlu perbaikan", "needs revision": "perlu perbaikan",
    "returned": "perlu perbaikan", "revision": "perlu perbaikan",
    "terima": "diterima", "disetujui": "diterima", "sesuai": "diterima", "accepted": "diterima",
    "verified": "diterima", "approved": "diterima", "terverifikasi": "diterima",
}


def angka(kolom: str) -> pl.Expr:
    """'87,5' → 87.5, '1.234,56' → 1234.56, '87.5' → 87.5, '1,234.5' → 1234.5; anything else → null.

    With both separators the last one is the decimal mark; a lone comma is a decimal comma (the
    Indonesian habit), a lone dot a decimal point unless it groups thousands twice ('1.234.567').
    """
    s = pl.col(kolom).str.replace_all(_SPASI, "")
    dua = s.str.contains(r"^[-+]?\d{1,3}(\.\d{3})+,\d+$")  # 1.234,56
    dua_en = s.str.contains(r"^[-+]?\d{1,3}(,\d{3})+\.\d+$")  # 1,234.56
    koma = s.str.contains(r"^[-+]?\d*,\d+$")  # 87,5
    ribuan = s.str.contains(r"^[-+]?\d{1,3}(\.\d{3}){2,}$")  # 1.234.567
    biasa = s.str.contains(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
    teks = (
        pl.when(dua).then(s.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .when(dua_en).then(s.str.replace_all(",", "", literal=True))
        .when(koma).then(s.str.replace(",", ".", literal=True))
        .when(ribuan).then(s.str.replace_all(".", "", literal=True))
        .when(biasa).then(s)
    )
    return teks.cast(pl.Float64, strict=False)


def setengah_satuan(kolom: str) -> pl.Expr:
    """Half a unit of the last decimal a number is written with: '33,33' → 0.005, '12.5' → 0.05,
    '20' → 0 (a whole number is taken as exact), '1.234,5' → 0.05. The rounding a weight may carry."""
    s = pl.col(kolom).str.replace_all(_SPASI, "")
    desimal = s.str.extract(r"[.,](\d+)$").str.len_chars()
    ribuan = s.str.contains(r"^[-+]?\d{1,3}(\.\d{3})+$")  # 1.234.567 groups thousands: whole
    return pl.when(desimal.is_null() | ribuan).then(0.0).otherwise(0.5 * pl.lit(10.0).pow(-desimal.cast(pl.Float64)))


def tahun(kolom: str) -> pl.Expr:
    """'2024' or '2024.0' (Excel) → 2024."""
    s = pl.col(kolom).str.replace_all(_SPASI, "")
    return pl.when(s.str.contains(r"^\d{4}(\.0+)?$")).then(s.str.slice(0, 4)).cast(pl.Int32, strict=False)


def tanggal(kolom: str) -> pl.Expr:
    """ISO (with or without time), DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, or an Excel serial day number."""
    s = pl.col(kolom).str.strip_chars()
    serial = (
        pl.when(s.str.contains(r"^\d{5}(\.\d+)?$"))
        .then(pl.lit(-25569).cast(pl.Int32) + s.str.extract(r"^(\d{5})").cast(pl.Int32, strict=False))
        .cast(pl.Date)  # days since 1970-01-01; Excel counts from 1899-12-30
    )
    return pl.coalesce(
        s.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False),
        s.str.to_date("%d/%m/%Y", strict=False),
        s.str.to_date("%d-%m-%Y", strict=False),
        s.str.to_date("%d.%m.%Y", strict=False),
        s.str.slice(0, 10).str.to_date("%Y/%m/%d", strict=False),
        serial,
    )


def kunci_status(kolom: str) -> pl.Expr:
    return (
        pl.col(kolom).str.to_lowercase().str.replace_all(r"[_\-\s\u00a0]+", " ").str.strip_chars()
    )


def status(kolom: str) -> pl.Expr:
    """Any known spelling → one of the four canonical statuses; unknown → null."""
    return kunci_status(kolom).replace_strict(ALIAS_STATUS, default=None, return_dtype=pl.Enum(STATUS))


def saran_status(teks: str) -> str | None:
    """The closest valid status for a typo ('diterimah' → 'diterima'), for the report's hint."""
    kunci = " ".join(teks.lower().replace("_", " ").replace("-", " ").split())
    cocok = difflib.get_close_matches(kunci, list(ALIAS_STATUS), n=1, cutoff=0.6)
    return ALIAS_STATUS[cocok[0]] if cocok else None


def kode_wilayah(kolom: str) -> pl.Expr:
    """Kemendagri codes as exports mangle them: '62.3' (Excel dropped the zero) → '62.30',
    '6203' → '62.03', ' 62 ' → '62'. A kabupaten/kota code always has two digits after the dot."""
    s = pl.col(kolom).str.replace_all(_SPASI, "")
    return (
        pl.when(s.str.contains(r"^\d{2}\.\d$")).then(s + "0")
        .when(s.str.contains(r"^\d{4}$")).then(s.str.slice(0, 2) + "." + s.str.slice(2, 2))
        .when(s.str.contains(r"^\d{2}(\.0+)?$")).then(s.str.slice(0, 2))
        .otherwise(s)
    )


def kunci_nama(teks: pl.Expr) -> pl.Expr:
    """How area names and codes are compared: case, spaces, underscores, dashes and slashes do not matter."""
    return teks.str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]", "")
