"""Building blocks for area plugins: declarations (Area, Indikator, SubIndikator, Aturan, Bobot)
and ``AreaPlugin``, a ready implementation of every hook from a list of declared areas.

A plugin does not have to use ``AreaPlugin``; any object or module with ``@hookimpl`` functions
works (see ``hookspecs.py``). This module imports no area by name: areas live in plugins.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

import pluggy
import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.model import (  # noqa: F401 — part of the plugin kit
    BATAS_KATEGORI,
    JENIS_PEMDA,
    KATEGORI,
    STATUS,
    STATUS_DITERIMA,
    USAHA_STANDAR,
)

hookimpl = pluggy.HookimplMarker("mcsp_rules")


@dataclass(frozen=True)
class SubIndikator:
    kode: str
    nama: str
    bobot: float = 1.0
    dokumen: tuple[str, ...] = ()  # the required documents, when the catalogue lists them


@dataclass(frozen=True)
class Indikator:
    kode: str
    nama: str
    sub: tuple[SubIndikator, ...] = ()
    bobot: float | None = None  # the indicator's weight in its area (KPK's bobot_indikator), when known


@dataclass(frozen=True)
class Area:
    """One intervention area as KPK defines it for the years in ``tahun``, for the kinds of pemda in
    ``jenis`` (2019–2023: the village-finance area is assessed for kabupaten only)."""

    kode: str
    nama: str  # Indonesian name, as the portal writes it
    name: str  # English name
    tahun: tuple[int, ...]
    alias: tuple[str, ...] = ()  # other spellings seen in exports (matched case- and space-insensitively)
    indikator: tuple[Indikator, ...] = ()
    jenis: tuple[str, ...] = JENIS_PEMDA  # kinds of pemda this area applies to
    katalog_resmi: bool = False  # is the indicator catalogue KPK's official list?
    sumber_katalog: str = ""  # where the catalogue comes from (file and label)

    def __post_init__(self) -> None:
        salah = [j for j in self.jenis if j not in JENIS_PEMDA]
        if salah or not self.jenis:
            raise ValueError(f"Area {self.kode}: jenis harus dari {', '.join(JENIS_PEMDA)}, bukan {list(self.jenis)!r}")

    @property
    def sub_indikator(self) -> tuple[SubIndikator, ...]:
        return tuple(s for i in self.indikator for s in i.sub)

    def berlaku_untuk(self, jenis_pemda: str | None) -> bool:
        """Does this area apply to a pemda of this kind? (Unknown kind: yes.)"""
        return jenis_pemda is None or jenis_pemda in self.jenis


# ------------------------------------------------------------------------------------ bands
@dataclass(frozen=True)
class Pita:
    """The bands ("pita", zones) an index is read in for one year: ``batas`` are the lower limits of
    every band but the first (a value equal to a limit belongs to the higher band), ``nama`` the band
    names from lowest to highest (one more than ``batas``), ``warna`` their colours (hex; optional:
    presentation, the dashboard has defaults), ``name`` English names (optional), ``sumber`` where the
    bands come from. ``bawaan`` marks the project's labelled default."""

    batas: tuple[float, ...]
    nama: tuple[str, ...]
    sumber: str
    warna: tuple[str, ...] = ()
    name: tuple[str, ...] = ()
    bawaan: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "batas", tuple(float(b) for b in self.batas))
        object.__setattr__(self, "nama", tuple(self.nama))
        object.__setattr__(self, "warna", tuple(self.warna))
        object.__setattr__(self, "name", tuple(self.name))
        if len(self.nama) != len(self.batas) + 1:
            raise ValueError(f"Pita: {len(self.batas)} batas butuh {len(self.batas) + 1} nama, bukan {len(self.nama)}")
        if any(b <= a for a, b in zip(self.batas, self.batas[1:])) or any(not 0 < b < 100 for b in self.batas):
            raise ValueError(f"Pita: batas harus naik dan di antara 0 dan 100, bukan {list(self.batas)}")
        for nama, isi in (("warna", self.warna), ("name", self.name)):
            if isi and len(isi) != len(self.nama):
                raise ValueError(f"Pita: {nama} harus {len(self.nama)} buah, satu per pita")
        if len(set(self.nama)) != len(self.nama):
            raise ValueError("Pita: nama pita harus berbeda")

    def kategori(self, indeks: float | None) -> str | None:
        """The band of one value (None stays None)."""
        if indeks is None:
            return None
        for batas, nama in zip(self.batas, self.nama):
            if indeks < batas:
                return nama
        return self.nama[-1]

    def ekspresi(self, indeks: pl.Expr) -> pl.Expr:
        """The band of an index column; null stays null (an incomplete index has no band)."""
        hasil = pl.when(indeks.is_null()).then(pl.lit(None, dtype=pl.String))
        for batas, nama in zip(self.batas, self.nama):
            hasil = hasil.when(indeks < batas).then(pl.lit(nama))
        return hasil.otherwise(pl.lit(self.nama[-1]))

    def batas_bawah(self) -> dict[str, float]:
        """Each band's lower limit: {name: limit} (the first band starts at 0)."""
        return dict(zip(self.nama, (0.0, *self.batas)))

    def teks(self) -> str:
        """'Merah < 25 ≤ Kuning < 50 ≤ Biru < 75 ≤ Hijau' — the bands in one line."""
        bagian = [self.nama[0]]
        for b, n in zip(self.batas, self.nama[1:]):
            bagian.append(f"< {b:g} ≤ {n}")
        return " ".join(bagian)


# design.md §2: the four bands published for Papua 2023 (KPK, lelemuku.id, Nov 2023), the labelled default.
PITA_BAWAAN = Pita(
    batas=BATAS_KATEGORI,
    nama=KATEGORI,
    name=("Red", "Yellow", "Blue", "Green"),
    warna=(),  # presentation: the dashboard colours the default bands (tampilan/komponen/grafik.py)
    sumber="bawaan: empat pita yang dipublikasikan KPK (Papua 2023: Merah 0–25, Kuning 25–50, Biru 50–75, Hijau 75–100)",
    bawaan=True,
)


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
    resmi = area.katalog_resmi
    return [
        Aturan(
            kode=f"{area.kode}.sub_tidak_dikenal",
            kolom="sub_indikator",
            syarat=pl.col("sub_indikator").is_in(kode_sub),
            pesan=f"Sub-indikator {{nilai}} tidak ada di katalog area {area.nama} ({thn})"
                  + ("." if resmi else "; katalog ini rekonstruksi, bukan daftar resmi KPK."),
            message=f"Sub-indicator {{nilai}} is not in the catalogue of area {area.name} ({thn})"
                    + ("." if resmi else "; the catalogue is a reconstruction, not KPK's official list."),
            saran="Periksa kode sub-indikator; baris tetap dihitung." if resmi else
                  "Baris tetap dihitung; jika kode ini resmi, perbarui katalog plugin.",
            fix="Check the sub-indicator code; the row is still scored." if resmi else
                "The row is still scored; if the code is official, update the plugin's catalogue.",
            # Against KPK's official list an unknown code is a warning; against a catalogue that is not
            # official it says more about the catalogue than about the export: a note (the report groups
            # it per file and area).
            tingkat="peringatan" if resmi else "catatan",
        ),
        Aturan(
            kode=f"{area.kode}.jumlah_bobot",
            kolom="bobot",
            # within the rounding the export shows (validasi computes _toleransi_bobot_area from the decimals
            # written); rows with KPK's three weight levels sum per indicator, not per area (design.md §2)
            syarat=((pl.col("bobot_area_pemda") - total).abs() <= pl.col("_toleransi_bobot_area") + 1e-6)
            | pl.col("bobot_indikator").is_not_null(),
            pesan=f"Jumlah bobot sub-indikator area {area.nama} untuk wilayah ini tidak sama dengan {total:g}.",
            message=f"The sub-indicator weights of area {area.name} for this region do not add up to {total:g}.",
            saran="Cek apakah ada sub-indikator yang hilang atau ganda di ekspor.",
            fix="Check the export for missing or duplicated sub-indicators.",
            tingkat="peringatan",
        ),
    ]


# -------------------------------------------------------------------------------- catalogues
class KatalogTidakValid(MCSPError):
    """A catalogue or plugin file that cannot be used; the message names the file and the row."""

    def __str__(self) -> str:
        return self.teks("id")


KOLOM_KATALOG = ("area", "indikator", "nama_indikator", "sub_indikator", "nama_sub_indikator", "bobot",
                 "bobot_indikator", "dokumen")
_KOLOM_KATALOG_WAJIB = ("area", "indikator", "sub_indikator", "bobot")
LABEL_REKONSTRUKSI = "rekonstruksi proyek ini (bukan daftar resmi KPK)"


@dataclass(frozen=True, eq=False)
class Katalog:
    """The indicators and sub-indicators of one or more areas, read from a file a coordinator can
    replace (``baca_katalog``). ``resmi`` says whether it is KPK's official list."""

    indikator: dict[str, tuple[Indikator, ...]]  # per area code
    resmi: bool
    sumber: str  # a label, e.g. "rekonstruksi proyek ini" or "Daftar indikator MCP 2023 (KPK)"
    file: str = ""

    @property
    def label(self) -> str:
        status = "resmi" if self.resmi else "tidak resmi"
        return f"{self.sumber} [{status}; {Path(self.file).name}]" if self.file else f"{self.sumber} [{status}]"

    def pasang(self, areas: Iterable[Area]) -> tuple[Area, ...]:
        """The areas with this catalogue's indicators (an area it does not list keeps its own)."""
        return tuple(
            replace(a, indikator=self.indikator[a.kode], katalog_resmi=self.resmi, sumber_katalog=self.label)
            if a.kode in self.indikator else a
            for a in areas
        )


def _angka(teks: str) -> float:
    teks = str(teks).strip().replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", teks):  # 1.234,5
        teks = teks.replace(".", "")
    return float(teks.replace(",", "."))


def _baris_katalog(baris: list[dict], file: str, nomor: list[int]) -> dict[str, tuple[Indikator, ...]]:
    """Rows (dicts keyed by KOLOM_KATALOG) → {area: indicators}, with errors naming file and row."""
    def salah(i: int, pesan: str, message: str):
        return KatalogTidakValid(f"baris {nomor[i]}: {pesan}", f"row {nomor[i]}: {message}", file=file)

    if not baris:
        raise KatalogTidakValid("katalog kosong: tidak ada baris sub-indikator.", "empty catalogue: no sub-indicator rows.",
                                file=file)
    hilang = [k for k in _KOLOM_KATALOG_WAJIB if k not in baris[0]]
    if hilang:
        raise KatalogTidakValid(
            f"kolom wajib tidak ada: {', '.join(hilang)} (kolom katalog: {', '.join(KOLOM_KATALOG)}).",
            f"required columns missing: {', '.join(hilang)} (catalogue columns: {', '.join(KOLOM_KATALOG)}).", file=file)
    area: dict[str, dict[str, dict]] = {}  # area → indikator → {nama, bobot, sub: {kode: {...}}}
    sub_milik: dict[tuple[str, str], str] = {}
    for i, b in enumerate(baris):
        isi = {k: ("" if b.get(k) is None else str(b.get(k)).strip()) for k in KOLOM_KATALOG}
        for k in _KOLOM_KATALOG_WAJIB:
            if not isi[k]:
                raise salah(i, f"kolom {k} kosong.", f"column {k} is empty.")
        try:
            bobot = _angka(isi["bobot"])
        except ValueError:
            raise salah(i, f"bobot '{isi['bobot']}' bukan angka.", f"weight '{isi['bobot']}' is not a number.") from None
        if not bobot > 0:
            raise salah(i, f"bobot harus > 0, bukan {isi['bobot']}.", f"the weight must be > 0, not {isi['bobot']}.")
        bobot_ind = None
        if isi["bobot_indikator"]:
            try:
                bobot_ind = _angka(isi["bobot_indikator"])
            except ValueError:
                raise salah(i, f"bobot_indikator '{isi['bobot_indikator']}' bukan angka.",
                            f"bobot_indikator '{isi['bobot_indikator']}' is not a number.") from None
        kunci = (isi["area"], isi["sub_indikator"])
        if sub_milik.setdefault(kunci, isi["indikator"]) != isi["indikator"]:
            raise salah(i, f"sub-indikator {isi['sub_indikator']} sudah ada di indikator {sub_milik[kunci]}.",
                        f"sub-indicator {isi['sub_indikator']} already belongs to indicator {sub_milik[kunci]}.")
        ind = area.setdefault(isi["area"], {}).setdefault(
            isi["indikator"], {"nama": isi["nama_indikator"] or isi["indikator"], "bobot": bobot_ind, "sub": {}})
        if bobot_ind is not None and ind["bobot"] not in (None, bobot_ind):
            raise salah(i, f"bobot_indikator {isi['indikator']} berbeda dengan baris sebelumnya ({ind['bobot']:g}).",
                        f"bobot_indikator of {isi['indikator']} differs from an earlier row ({ind['bobot']:g}).")
        ind["bobot"] = ind["bobot"] if bobot_ind is None else bobot_ind
        sub = ind["sub"].get(isi["sub_indikator"])
        if sub is None:
            ind["sub"][isi["sub_indikator"]] = {"nama": isi["nama_sub_indikator"] or isi["sub_indikator"],
                                                "bobot": bobot, "dokumen": [isi["dokumen"]] if isi["dokumen"] else []}
            continue
        if not isi["dokumen"] or not sub["dokumen"]:
            raise salah(i, f"sub-indikator {isi['sub_indikator']} ganda (tanpa kolom dokumen yang membedakan).",
                        f"duplicate sub-indicator {isi['sub_indikator']} (no dokumen column tells the rows apart).")
        if sub["bobot"] != bobot:
            raise salah(i, f"bobot sub-indikator {isi['sub_indikator']} berbeda antar-dokumen ({sub['bobot']:g} dan {bobot:g}).",
                        f"the weight of sub-indicator {isi['sub_indikator']} differs between its documents.")
        if isi["dokumen"] in sub["dokumen"]:
            raise salah(i, f"dokumen '{isi['dokumen']}' ganda di sub-indikator {isi['sub_indikator']}.",
                        f"duplicate document '{isi['dokumen']}' in sub-indicator {isi['sub_indikator']}.")
        sub["dokumen"].append(isi["dokumen"])
    return {
        a: tuple(
            Indikator(k, d["nama"], tuple(SubIndikator(sk, sd["nama"], sd["bobot"], tuple(sd["dokumen"]))
                                          for sk, sd in d["sub"].items()), d["bobot"])
            for k, d in ind.items()
        )
        for a, ind in area.items()
    }


def _normal(kolom: str) -> str:
    return re.sub(r"[\s\-/.]+", "_", (kolom or "").replace("\ufeff", "").strip().lower()).strip("_")


def _baca_csv_katalog(path: Path) -> tuple[list[dict], list[int]]:
    data = path.read_bytes()
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        teks = data.decode("cp1252")
    baris_pertama = next((b for b in teks.splitlines() if b.strip()), "")
    pemisah = ";" if baris_pertama.count(";") >= baris_pertama.count(",") and ";" in baris_pertama else ","
    pembaca = csv.reader(io.StringIO(teks), delimiter=pemisah)
    header: list[str] | None = None
    baris, nomor = [], []
    for n, sel in enumerate(pembaca, start=1):
        if not any(c.strip() for c in sel):
            continue
        if header is None:
            header = [_normal(c) for c in sel]
            continue
        baris.append(dict(zip(header, sel)))
        nomor.append(n)
    if header is None:
        raise KatalogTidakValid("file katalog kosong.", "the catalogue file is empty.", file=str(path))
    hilang = [k for k in _KOLOM_KATALOG_WAJIB if k not in header]
    if hilang:
        raise KatalogTidakValid(
            f"baris 1 (header): kolom wajib tidak ada: {', '.join(hilang)} (kolom katalog: {', '.join(KOLOM_KATALOG)}).",
            f"row 1 (header): required columns missing: {', '.join(hilang)} (catalogue columns: {', '.join(KOLOM_KATALOG)}).",
            file=str(path))
    return baris, nomor


def _baca_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as e:
        raise KatalogTidakValid(f"TOML tidak valid: {e}.", f"invalid TOML: {e}.", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise KatalogTidakValid(f"file tidak terbaca: {e}.", f"cannot read the file: {e}.", file=str(path)) from None


def baca_katalog(path: str | Path, *, resmi: bool | None = None, sumber: str | None = None) -> Katalog:
    """A catalogue file: CSV (``,`` or ``;``, decimal comma allowed) with columns ``area, indikator,
    nama_indikator, sub_indikator, nama_sub_indikator, bobot`` and optional ``bobot_indikator`` and
    ``dokumen`` (one row per document, the sub-indicator's weight repeated); or TOML with ``resmi``,
    ``sumber`` and either ``katalog = "file.csv"`` (relative to the TOML) or ``[[baris]]`` tables with
    the same keys. A CSV alone is labelled not official unless ``resmi=True`` is passed."""
    path = Path(path)
    if not path.is_file():
        raise KatalogTidakValid("file katalog tidak ada.", "the catalogue file does not exist.", file=str(path))
    if path.suffix.lower() == ".toml":
        isi = _baca_toml(path)
        resmi = bool(isi.get("resmi", False)) if resmi is None else resmi
        sumber = sumber or str(isi.get("sumber", "") or LABEL_REKONSTRUKSI)
        if "katalog" in isi:
            return baca_katalog(path.parent / str(isi["katalog"]), resmi=resmi, sumber=sumber)
        baris = [{_normal(k): v for k, v in b.items()} for b in isi.get("baris", [])]
        nomor = list(range(1, len(baris) + 1))
        return Katalog(_baris_katalog(baris, str(path), nomor), resmi, sumber, str(path))
    baris, nomor = _baca_csv_katalog(path)
    return Katalog(_baris_katalog(baris, str(path), nomor), bool(resmi),
                   sumber or LABEL_REKONSTRUKSI, str(path))


def _pita_dari(isi: dict, file: str) -> Pita:
    try:
        return Pita(batas=tuple(isi["batas"]), nama=tuple(isi["nama"]), sumber=str(isi.get("sumber", file)),
                    warna=tuple(isi.get("warna", ())), name=tuple(isi.get("name", ())))
    except (KeyError, TypeError, ValueError) as e:
        raise KatalogTidakValid(f"[pita] tidak valid: {e}.", f"invalid [pita]: {e}.", file=file) from None


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
    pita: Pita | None = None  # the bands of its years (None: say nothing, the default applies)

    @classmethod
    def dari_file(cls, path: str | Path) -> "AreaPlugin":
        """A whole area plugin from a TOML file, no Python needed (docs/plugins.md):

        ``tahun`` (years), ``resmi`` and ``sumber`` (the catalogue's status and label), ``katalog``
        (a CSV beside it; or ``[[baris]]`` tables), ``[[area]]`` tables (``kode``, ``nama``, ``name``,
        optional ``alias``, ``jenis``, ``tahun``), optional ``[bobot]`` (area weights, with ``sumber``)
        and ``[pita]`` (``batas``, ``nama``, ``warna``, ``name``, ``sumber``)."""
        path = Path(path)
        isi = _baca_toml(path)
        katalog = baca_katalog(path)
        tahun = tuple(int(t) for t in isi.get("tahun", ()))
        areas = []
        for n, a in enumerate(isi.get("area", []), start=1):
            try:
                areas.append(Area(
                    kode=str(a["kode"]), nama=str(a.get("nama", a["kode"])), name=str(a.get("name", a.get("nama", a["kode"]))),
                    tahun=tuple(int(t) for t in a.get("tahun", tahun)), alias=tuple(a.get("alias", ())),
                    jenis=tuple(a.get("jenis", JENIS_PEMDA)),
                ))
            except (KeyError, TypeError, ValueError) as e:
                raise KatalogTidakValid(f"[[area]] ke-{n} tidak valid: {e}.", f"[[area]] number {n} is invalid: {e}.",
                                        file=str(path)) from None
            if not areas[-1].tahun:
                raise KatalogTidakValid(f"[[area]] {areas[-1].kode}: tidak ada tahun (isi 'tahun').",
                                        f"[[area]] {areas[-1].kode}: no years (set 'tahun').", file=str(path))
        if not areas:
            raise KatalogTidakValid("tidak ada [[area]].", "no [[area]] tables.", file=str(path))
        tanpa = [a.kode for a in areas if a.kode not in katalog.indikator]
        if tanpa:
            raise KatalogTidakValid(f"katalog tidak punya baris untuk area {', '.join(tanpa)}.",
                                    f"the catalogue has no rows for area {', '.join(tanpa)}.", file=str(path))
        bobot = {k: float(v) for k, v in isi.get("bobot", {}).items() if k != "sumber"}
        ekstra = {}
        if bobot:
            ekstra["sumber_bobot"] = str(isi["bobot"].get("sumber", f"file {path.name}"))
        pita = _pita_dari(isi["pita"], str(path)) if "pita" in isi else None
        return cls(katalog.pasang(areas), bobot=bobot, pita=pita, **ekstra)

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
    def mcsp_pita(self, tahun: int) -> Pita | None:
        return self.pita if self.pita is not None and tahun in self.mcsp_tahun() else None

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
