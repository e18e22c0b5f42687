"""Building blocks for area plugins: declarations (Area, Indikator, SubIndikator, Aturan, Bobot)
and ``AreaPlugin``, a ready implementation of every hook from a list of declared areas.

A plugin does not have to use ``AreaPlugin``; any object or module with ``@hookimpl`` functions
works (see ``hookspecs.py``). This module imports no area by name: areas live in plugins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import pluggy
import polars as pl

from mcsp_rules.model import STATUS, STATUS_DITERIMA, USAHA_STANDAR  # noqa: F401 — part of the plugin kit

hookimpl = pluggy.HookimplMarker("mcsp_rules")



@dataclass(frozen=True)
class SubIndikator:
    kode: str
    nama: str
    bobot: float = 1.0


@dataclass(frozen=True)
class Indikator:
    kode: str
    nama: str
    sub: tuple[SubIndikator, ...] = ()


@dataclass(frozen=True)
class Area:
    """One intervention area as KPK defines it for the years in ``tahun``."""

    kode: str
    nama: str  # Indonesian name, as the portal writes it
    name: str  # English name
    tahun: tuple[int, ...]
    alias: tuple[str, ...] = ()  # other spellings seen in exports (matched case- and space-insensitively)
    indikator: tuple[Indikator, ...] = ()

    @property
    def sub_indikator(self) -> tuple[SubIndikator, ...]:
        return tuple(s for i in self.indikator for s in i.sub)


@dataclass(frozen=True)
class Bobot:
    """The weight of an area in the index, with where it comes from (shown next to every result)."""

    nilai: float
    sumber: str
    asumsi: bool = False  # True when the weight is not an official KPK figure


@dataclass(frozen=True)
class Aturan:
    """One validation rule, a vectorised Polars condition that is True for a good row.

    The core compiles every rule of every plugin into a single pandera schema, applied only to the
    rows of the (tahun, area) the rule was declared for. ``syarat`` sees the typed columns of the
    detail export (tahun, kode_wilayah, area, indikator, sub_indikator, bobot, status, nilai,
    tanggal_unggah, tanggal_verifikasi, ...). Rules over groups use window expressions, e.g.
    ``pl.col("bobot").sum().over("tahun", "kode_wilayah", "area")`` (that one is precomputed as
    the column ``bobot_area_pemda``).

    tingkat "galat" sets the row aside; "peringatan" keeps it and flags it.
    Messages may use {nilai} (the cell's value) and {kolom}.
    """

    kode: str
    syarat: pl.Expr
    pesan: str
    message: str
    saran: str = ""
    fix: str = ""
    kolom: str | None = None
    tingkat: str = "galat"

    def __post_init__(self) -> None:
        if self.tingkat not in ("galat", "peringatan", "catatan"):
            raise ValueError(f"Aturan {self.kode}: tingkat harus 'galat', 'peringatan' atau 'catatan', bukan {self.tingkat!r}")


@dataclass(frozen=True)
class Contoh:
    """Example rows a plugin ships: ``valid`` rows must pass its rules, ``tidak_valid`` rows must not."""

    valid: tuple[dict, ...]
    tidak_valid: tuple[dict, ...] = ()


def skor_item_standar() -> pl.Expr:
    """design.md §2: an accepted item scores its nilai (100 when empty); every other status scores 0."""
    return (
        pl.when(pl.col("status") == STATUS_DITERIMA)
        .then(pl.col("nilai").fill_null(100.0))
        .otherwise(0.0)
    )


def aturan_katalog(area: Area, tahun: Iterable[int]) -> list[Aturan]:
    """Warnings a catalogue gives for free: unknown sub-indicator codes, and area weights that do not
    add up to the catalogue's total for a pemda (a sign of missing or duplicated rows)."""
    kode_sub = [s.kode for s in area.sub_indikator]
    if not kode_sub:
        return []
    total = sum(s.bobot for s in area.sub_indikator)
    thn = ", ".join(str(t) for t in tahun)
    return [
        Aturan(
            kode=f"{area.kode}.sub_tidak_dikenal",
            kolom="sub_indikator",
            syarat=pl.col("sub_indikator").is_in(kode_sub),
            pesan=f"Sub-indikator {{nilai}} tidak ada di katalog area {area.nama} ({thn}); katalog ini rekonstruksi, "
                  "bukan daftar resmi KPK.",
            message=f"Sub-indicator {{nilai}} is not in the catalogue of area {area.name} ({thn}); the catalogue is a "
                    "reconstruction, not KPK's official list.",
            saran="Baris tetap dihitung; jika kode ini resmi, perbarui katalog plugin.",
            fix="The row is still scored; if the code is official, update the plugin's catalogue.",
            # a note, not a warning: against a catalogue that is not KPK's official list, an unknown code
            # says more about the catalogue than about the export (grouped per file and area in the report)
            tingkat="catatan",
        ),
        Aturan(
            kode=f"{area.kode}.jumlah_bobot",
            kolom="bobot",
            # within the rounding the export shows (validasi computes _toleransi_bobot_area from the decimals written)
            syarat=(pl.col("bobot_area_pemda") - total).abs() <= pl.col("_toleransi_bobot_area") + 1e-6,
            pesan=f"Jumlah bobot sub-indikator area {area.nama} untuk wilayah ini tidak sama dengan {total:g}.",
            message=f"The sub-indicator weights of area {area.name} for this region do not add up to {total:g}.",
            saran="Cek apakah ada sub-indikator yang hilang atau ganda di ekspor.",
            fix="Check the export for missing or duplicated sub-indicators.",
            tingkat="peringatan",
        ),
    ]


@dataclass(eq=False)  # identity, not field equality: pluggy refuses a second plugin equal to the first
class AreaPlugin:
    """Implements every hook for a set of declared areas.

    ``bobot`` is the area weight (equal by default and labelled as an assumption, since KPK does not
    publish its weights); ``usaha`` the effort of closing a gap per status.
    """

    areas: Sequence[Area]
    bobot: dict[str, float] = field(default_factory=dict)  # per area code; missing → 1.0
    sumber_bobot: str = "bobot sama rata (asumsi: bobot resmi KPK tidak dipublikasikan)"
    usaha: dict[str, float] = field(default_factory=lambda: dict(USAHA_STANDAR))
    aturan_tambahan: dict[str, list[Aturan]] = field(default_factory=dict)  # per area code
    contoh: dict[str, Contoh] = field(default_factory=dict)  # per area code

    def _area(self, tahun: int, area: str) -> Area | None:
        for a in self.areas:
            if a.kode == area and tahun in a.tahun:
                return a
        return None

    @hookimpl
    def mcsp_tahun(self) -> list[int]:
        return sorted({t for a in self.areas for t in a.tahun})

    @hookimpl
    def mcsp_area(self, tahun: int) -> list[Area]:
        return [a for a in self.areas if tahun in a.tahun]

    @hookimpl
    def mcsp_bobot_area(self, tahun: int, area: str) -> Bobot | None:
        if self._area(tahun, area) is None:
            return None
        resmi = area in self.bobot
        return Bobot(self.bobot.get(area, 1.0), self.sumber_bobot, asumsi=not resmi)

    @hookimpl
    def mcsp_skor_item(self, tahun: int, area: str) -> pl.Expr | None:
        return skor_item_standar() if self._area(tahun, area) else None

    @hookimpl
    def mcsp_aturan(self, tahun: int, area: str) -> list[Aturan] | None:
        a = self._area(tahun, area)
        if a is None:
            return None
        return aturan_katalog(a, a.tahun) + list(self.aturan_tambahan.get(area, []))

    @hookimpl
    def mcsp_usaha(self, tahun: int, area: str) -> dict[str, float] | None:
        return dict(self.usaha) if self._area(tahun, area) else None

    @hookimpl
    def mcsp_contoh(self, tahun: int, area: str) -> Contoh | None:
        if self._area(tahun, area) is None:
            return None
        return self.contoh.get(area) or contoh_dari_katalog(self._area(tahun, area), tahun)


def contoh_dari_katalog(area: Area, tahun: int) -> Contoh:
    """Rows of a fictional pemda (Provinsi Aceh, code 11) that fill the area's catalogue: all valid,
    plus two invalid rows (nilai out of range, unknown status)."""
    valid = []
    for i, ind in enumerate(area.indikator):
        for j, s in enumerate(ind.sub):
            valid.append(
                {
                    "tahun": str(tahun), "kode_wilayah": "11", "area": area.kode, "indikator": ind.kode,
                    "sub_indikator": s.kode, "bobot": str(s.bobot),
                    "status": STATUS[(i + j) % 4], "nilai": "80" if (i + j) % 4 == 3 else "",
                }
            )
    if not valid:
        return Contoh(valid=())
    salah_nilai = dict(valid[0], status="diterima", nilai="150")
    salah_status = dict(valid[0], status="diterimah")
    return Contoh(valid=tuple(valid), tidak_valid=(salah_nilai, salah_status))
