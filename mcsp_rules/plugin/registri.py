"""The plugin manager: finds area plugins, isolates broken ones, and answers the engine's questions.

Plugins come, in this order of registration, from
1. the built-in area plugins (``mcsp_rules.area.PLUGIN_BAWAAN``, shipped inside the package);
2. ``*.py`` modules in the local add-on folders: ``plugins/`` of the working directory and any folder
   in ``MCSP_PLUGINS_DIR``;
3. the ``mcsp_rules`` entry-point group of installed packages;
4. objects passed directly (``tambahan``; tests and notebooks).
pluggy asks the plugin registered last first, so every later source can override the built-ins.

Hooks are called through pluggy (``pm.hook.<name>``), so ``firstresult``, ``tryfirst``/``trylast``
and wrappers mean what pluggy documents. Isolation is added around each implementation, not instead
of pluggy's call: every hook implementation is registered wrapped (``_terisolasi``) so that an
exception inside it surfaces as ``_PluginRusak`` naming its plugin. That plugin is switched off and
reported, and the registry asks every question again without it; the rest keep working.

Every hook is asked once per (tahun, area) when the registry is built, so the engine works from plain,
immutable answers (``AreaTahun``) afterwards and a plugin cannot fail halfway through a scoring run.
"""

from __future__ import annotations

import contextvars
import functools
import importlib
import importlib.util
import inspect
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Iterable

import pluggy
import polars as pl

from mcsp_rules.area import PLUGIN_BAWAAN
from mcsp_rules.io.urai import kunci_nama
from mcsp_rules.model import USAHA_STANDAR
from mcsp_rules.plugin import hookspecs
from mcsp_rules.plugin.kit import PITA_BAWAAN, Area, AreaPlugin, Aturan, Bobot, Contoh, Pita, skor_item_standar

GRUP_ENTRY_POINT = "mcsp_rules"
TAHUN_BERLAKU = range(2019, 2031)  # design.md §1a: tahun 2019–2030; years a plugin names outside are ignored
FOLDER_LOKAL = "plugins"  # local add-ons: this folder of the working directory


def folder_lokal() -> list[Path]:
    """Local add-on folders: ``plugins/`` of the working directory (when it exists) and every folder
    in ``MCSP_PLUGINS_DIR`` (separated by the OS path separator)."""
    folder = [Path.cwd() / FOLDER_LOKAL] if (Path.cwd() / FOLDER_LOKAL).is_dir() else []
    return folder + [Path(p) for p in os.environ.get("MCSP_PLUGINS_DIR", "").split(os.pathsep) if p]


@dataclass
class InfoPlugin:
    nama: str
    sumber: str  # "bawaan" | "folder" | "entry point" | "langsung"
    lokasi: str
    aktif: bool = True
    alasan: str = ""  # why it was switched off
    tahun_area: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class AreaTahun:
    """Everything the engine needs about one area in one year, as the plugins answered."""

    tahun: int
    area: Area
    plugin: str
    bobot: Bobot
    skor_item: pl.Expr
    aturan: tuple[tuple[str, Aturan], ...]  # (plugin name, rule)
    usaha: dict[str, float]
    contoh: tuple[Contoh, ...]

    @property
    def kode(self) -> str:
        return self.area.kode


class _PluginRusak(Exception):
    def __init__(self, plugin: str, alasan: str):
        super().__init__(f"{plugin}: {alasan}")
        self.plugin, self.alasan = plugin, alasan


# Which plugin gave which answer in the current hook call: (plugin name, result) in call order.
# pluggy's result carries no names; the isolation wrappers record them here.
_JAWABAN: contextvars.ContextVar[list[tuple[str, Any]] | None] = contextvars.ContextVar("_jawaban", default=None)


def _terisolasi(nama_plugin: str, nama_hook: str, fungsi):
    """``fungsi`` wrapped so that any exception names its plugin, and its answer is recorded."""

    def rusak(e: Exception) -> _PluginRusak:
        return _PluginRusak(nama_plugin, f"error di hook {nama_hook}: {type(e).__name__}: {e}")

    if inspect.isgeneratorfunction(fungsi):  # a hook wrapper (wrapper=True / hookwrapper=True)
        @functools.wraps(fungsi)
        def pembungkus_gen(*a, **k):
            try:
                return (yield from fungsi(*a, **k))
            except (_PluginRusak, GeneratorExit):
                raise
            except Exception as e:  # noqa: BLE001 — any failure of plugin code switches it off
                raise rusak(e) from e
        return pembungkus_gen

    @functools.wraps(fungsi)
    def pembungkus(*a, **k):
        try:
            hasil = fungsi(*a, **k)
        except _PluginRusak:
            raise
        except Exception as e:  # noqa: BLE001
            raise rusak(e) from e
        jejak = _JAWABAN.get()
        if jejak is not None and hasil is not None:
            jejak.append((nama_plugin, hasil))
        return hasil
    return pembungkus


class _Proksi:
    """What is registered with pluggy in place of a plugin: its hook implementations, isolated."""

    def __init__(self, asli: Any, nama: str, pm: pluggy.PluginManager):
        self.asli = asli
        for attr in dir(asli):
            if attr.startswith("_"):
                continue
            try:
                nilai = getattr(asli, attr)
            except Exception:  # noqa: BLE001 — a property that raises is not a hook
                continue
            if pm.parse_hookimpl_opts(asli, attr) is not None:
                setattr(self, attr, _terisolasi(nama, attr, nilai))


class Registri:
    """The loaded plugins and their answers for every (tahun, area)."""

    def __init__(self, plugin: list[InfoPlugin], pm: pluggy.PluginManager):
        self.plugin = plugin
        self.pm = pm
        self.area_tahun: dict[tuple[int, str], AreaTahun] = {}
        self.pita_tahun: dict[int, tuple[str, Pita]] = {}  # year → (plugin that answered, bands)
        self.konflik: list[str] = []
        self._bangun()

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def muat(
        cls,
        folder: Iterable[Path | str] | None = None,
        pakai_entry_point: bool = True,
        tambahan: Iterable[tuple[str, Any]] = (),
        bawaan: bool = True,
    ) -> "Registri":
        """Load the built-in plugins (``bawaan``), plugins from folders (default: ``folder_lokal()``),
        the entry-point group, and ``tambahan`` (name, object) pairs registered directly."""
        pm = pluggy.PluginManager(GRUP_ENTRY_POINT)
        pm.add_hookspecs(hookspecs)
        info: list[InfoPlugin] = []

        def daftar(nama: str, sumber: str, lokasi: str, muat_objek) -> None:
            i = InfoPlugin(nama, sumber, lokasi)
            info.append(i)
            try:
                _daftarkan(pm, i, muat_objek())
            except Exception as e:  # noqa: BLE001 — any failure of plugin code switches it off
                _matikan(pm, i, f"gagal dimuat: {type(e).__name__}: {e}")

        if bawaan:
            for modul in PLUGIN_BAWAAN:
                daftar(modul.rsplit(".", 1)[-1], "bawaan", modul, lambda m=modul: _objek(importlib.import_module(m)))
        for f in folder_lokal() if folder is None else folder:
            for path in sorted([*Path(f).glob("*.py"), *Path(f).glob("*.toml")]):
                if path.name.startswith("_"):
                    continue
                if path.suffix == ".toml":  # a plugin as data (AreaPlugin.dari_file): no code runs
                    daftar(path.stem, "folder", str(path), lambda p=path: AreaPlugin.dari_file(p))
                else:
                    daftar(path.stem, "folder", str(path), lambda p=path: _objek(_impor_file(p)))
        if pakai_entry_point:
            for ep in entry_points(group=GRUP_ENTRY_POINT):
                daftar(ep.name, "entry point", ep.value, ep.load)
        for nama, obj in tambahan:
            daftar(nama, "langsung", type(obj).__name__, lambda o=obj: o)
        return cls(info, pm)

    def _bangun(self) -> None:
        # A plugin that raises while answering is switched off and every answer is asked again, so no
        # half-answer of a broken plugin stays in the catalogue.
        while True:
            try:
                self.area_tahun, self.konflik = self._tanya_semua()
                self.pita_tahun = self._tanya_pita()
                return
            except _PluginRusak as rusak:
                self._matikan_nama(rusak.plugin, rusak.alasan)

    def _matikan_nama(self, nama: str, alasan: str) -> None:
        info = next((p for p in self.plugin if p.nama == nama), None)
        if info is None or not info.aktif:  # cannot happen unless pluggy itself failed; do not loop
            raise RuntimeError(f"plugin {nama}: {alasan}")
        _matikan(self.pm, info, alasan)

    def panggil(self, hook: str, **kw) -> list[tuple[str, Any]]:
        """Call ``hook`` through pluggy; returns [(plugin name, answer)] in pluggy's order (one entry
        for a ``firstresult`` hook that got an answer). Answers a wrapper substituted are named
        "(wrapper)"."""
        token = _JAWABAN.set([])
        try:
            hasil = getattr(self.pm.hook, hook)(**kw)
            jejak = _JAWABAN.get()
        finally:
            _JAWABAN.reset(token)
        if hasil is None:
            return []
        if getattr(self.pm.hook, hook).spec.opts.get("firstresult"):
            return [next(((n, h) for n, h in jejak if h is hasil), ("(wrapper)", hasil))]
        sisa = list(jejak)
        keluar = []
        for h in hasil:
            cocok = next((i for i, (_, j) in enumerate(sisa) if j is h), None)
            keluar.append((sisa.pop(cocok)[0], h) if cocok is not None else ("(wrapper)", h))
        return keluar

    def _pertama(self, hook: str, **kw):
        jawaban = self.panggil(hook, **kw)
        return jawaban[0] if jawaban else (None, None)

    def bobot_per_plugin(self, tahun: int) -> dict[str, dict[str, float]]:
        """Every plugin's own answer to ``mcsp_bobot_area`` for the areas of ``tahun``, not only the
        first one's: {plugin: {area: weight}}. The sensitivity page offers each as an alternative
        weighting. This asks each implementation on its own on purpose (it is a question about each
        plugin, not the hook's result); a plugin that raises here was already switched off."""
        hasil: dict[str, dict[str, float]] = {}
        for th, area in sorted(self.area_tahun):
            if th != tahun:
                continue
            for impl in reversed(self.pm.hook.mcsp_bobot_area.get_hookimpls()):
                if impl.hookwrapper or impl.wrapper:
                    continue
                try:
                    b = impl.function(**{a: {"tahun": tahun, "area": area}[a] for a in impl.argnames})
                    nilai = float(b.nilai if isinstance(b, Bobot) else b) if b is not None else None
                except (_PluginRusak, TypeError, ValueError):
                    continue
                if nilai is not None and nilai > 0:
                    hasil.setdefault(impl.plugin_name, {})[area] = nilai
        return hasil

    def _tahun_plugin(self) -> list[int]:
        """The years the plugins say they cover (``mcsp_tahun``), within design.md's 2019–2030."""
        tahun: set[int] = set()
        for nama, daftar in self.panggil("mcsp_tahun"):
            try:
                tahun |= {int(t) for t in daftar}
            except (TypeError, ValueError):
                raise _PluginRusak(nama, f"mcsp_tahun harus memberi daftar tahun, bukan {daftar!r}") from None
        return sorted(t for t in tahun if t in TAHUN_BERLAKU)

    def _tanya_semua(self):
        hasil: dict[tuple[int, str], AreaTahun] = {}
        konflik: list[str] = []
        for p in self.plugin:
            p.tahun_area = []
        for tahun in self._tahun_plugin():
            for nama, areas in self.panggil("mcsp_area", tahun=tahun):
                if not isinstance(areas, (list, tuple)) or not all(isinstance(a, Area) for a in areas):
                    raise _PluginRusak(nama, "mcsp_area harus mengembalikan daftar kit.Area")
                for area in areas:
                    if (tahun, area.kode) in hasil:
                        konflik.append(
                            f"{tahun} {area.kode}: dideklarasikan oleh {hasil[(tahun, area.kode)].plugin} dan {nama}; "
                            f"yang dipakai: {hasil[(tahun, area.kode)].plugin}"
                        )
                        continue
                    hasil[(tahun, area.kode)] = self._area_tahun(tahun, area, nama)
                    info = next((p for p in self.plugin if p.nama == nama), None)
                    if info is not None:
                        info.tahun_area.append((tahun, area.kode))
        return hasil, konflik

    def _tanya_pita(self) -> dict[int, tuple[str, Pita]]:
        hasil = {}
        for tahun in sorted({t for t, _ in self.area_tahun}):
            sumber, pita = self._pertama("mcsp_pita", tahun=tahun)
            if pita is None:
                continue
            if not isinstance(pita, Pita):
                raise _PluginRusak(sumber, f"mcsp_pita harus mengembalikan kit.Pita, bukan {type(pita).__name__}")
            hasil[tahun] = (sumber, pita)
        return hasil

    def _area_tahun(self, tahun: int, area: Area, plugin: str) -> AreaTahun:
        kw = {"tahun": tahun, "area": area.kode}
        sumber, bobot = self._pertama("mcsp_bobot_area", **kw)
        if bobot is None:
            bobot = Bobot(1.0, "bobot sama rata (asumsi: tidak ada plugin yang memberi bobot)", asumsi=True)
        elif not isinstance(bobot, Bobot):
            try:
                bobot = Bobot(float(bobot), f"plugin {sumber}")
            except (TypeError, ValueError):
                raise _PluginRusak(sumber, f"mcsp_bobot_area memberi {bobot!r}, bukan angka") from None
        if not bobot.nilai > 0:
            raise _PluginRusak(sumber, f"bobot area {area.kode} {tahun} harus > 0, bukan {bobot.nilai}")
        sumber, skor = self._pertama("mcsp_skor_item", **kw)
        if skor is None:
            skor = skor_item_standar()
        elif not isinstance(skor, pl.Expr):
            raise _PluginRusak(sumber, "mcsp_skor_item harus mengembalikan ekspresi Polars")
        aturan = []
        for nama, daftar in self.panggil("mcsp_aturan", **kw):
            if not isinstance(daftar, (list, tuple)) or not all(isinstance(a, Aturan) for a in daftar):
                raise _PluginRusak(nama, "mcsp_aturan harus mengembalikan daftar kit.Aturan")
            aturan.extend((nama, a) for a in daftar)
        sumber, usaha = self._pertama("mcsp_usaha", **kw)
        usaha = dict(USAHA_STANDAR) | dict(usaha or {})
        if not all(isinstance(v, (int, float)) and v > 0 for v in usaha.values()):
            raise _PluginRusak(sumber, f"mcsp_usaha harus memberi angka > 0, bukan {usaha!r}")
        contoh = tuple(c for _, c in self.panggil("mcsp_contoh", **kw))
        return AreaTahun(tahun, area, plugin, bobot, skor, tuple(aturan), usaha, contoh)

    def matikan(self, nama_plugin: str, alasan: str) -> None:
        """Switch a plugin off after the fact (e.g. a rule of it failed to compile) and rebuild."""
        self._matikan_nama(nama_plugin, alasan)
        self._bangun()

    # -- questions ------------------------------------------------------------------------------
    def tahun(self) -> list[int]:
        return sorted({t for t, _ in self.area_tahun})

    def areas(self, tahun: int) -> list[AreaTahun]:
        return [at for (t, _), at in sorted(self.area_tahun.items()) if t == tahun]

    def get(self, tahun: int, area: str) -> AreaTahun | None:
        return self.area_tahun.get((tahun, area))

    def pita(self, tahun: int) -> Pita:
        """The bands of ``tahun``: the first plugin's answer to ``mcsp_pita``, else the labelled default."""
        return self.pita_tahun.get(int(tahun), ("", PITA_BAWAAN))[1]

    def tabel_area(self) -> pl.DataFrame:
        """One row per (tahun, area): names, the kinds of pemda it applies to, weight and its source,
        the year's bands and their source, catalogue size and whether it is official; what `mcsp plugins`
        and the Aturan page show."""
        rows = []
        for at in self.area_tahun.values():
            pita = self.pita(at.tahun)
            rows.append({
                "tahun": at.tahun, "area": at.kode, "nama": at.area.nama, "name": at.area.name,
                "jenis": ", ".join(at.area.jenis),
                "bobot": at.bobot.nilai, "sumber_bobot": at.bobot.sumber, "bobot_asumsi": at.bobot.asumsi,
                "plugin": at.plugin, "jumlah_indikator": len(at.area.indikator),
                "jumlah_sub_indikator": len(at.area.sub_indikator), "jumlah_aturan": len(at.aturan),
                "katalog_resmi": at.area.katalog_resmi, "sumber_katalog": at.area.sumber_katalog,
                "pita": pita.teks(), "sumber_pita": pita.sumber, "pita_bawaan": pita.bawaan,
            })
        skema = {"tahun": pl.Int32, "area": pl.String, "nama": pl.String, "name": pl.String, "jenis": pl.String,
                 "bobot": pl.Float64, "sumber_bobot": pl.String, "bobot_asumsi": pl.Boolean, "plugin": pl.String,
                 "jumlah_indikator": pl.Int64, "jumlah_sub_indikator": pl.Int64, "jumlah_aturan": pl.Int64,
                 "katalog_resmi": pl.Boolean, "sumber_katalog": pl.String, "pita": pl.String,
                 "sumber_pita": pl.String, "pita_bawaan": pl.Boolean}
        return pl.DataFrame(rows, schema=skema).sort("tahun", "area")

    def tabel_tahun(self) -> pl.DataFrame:
        """One row per year: how many areas each kind of pemda has, the weights' and the bands' sources,
        catalogue size and whether it is official (all its areas' catalogues are KPK's)."""
        area = self.tabel_area()
        jenis = self.tabel_jenis().group_by("tahun").agg(
            *[(pl.col("jenis_pemda") == j).sum().cast(pl.Int64).alias(f"area_{j}") for j in ("provinsi", "kabupaten", "kota")])
        return (
            area.group_by("tahun")
            .agg(
                pl.col("sumber_bobot").unique().sort().str.join("; "),
                pl.col("bobot_asumsi").any().alias("bobot_asumsi"),
                pl.col("pita").first(), pl.col("sumber_pita").first(), pl.col("pita_bawaan").first(),
                pl.col("jumlah_indikator").sum(), pl.col("jumlah_sub_indikator").sum(),
                pl.col("katalog_resmi").all(),
                pl.col("sumber_katalog").filter(pl.col("sumber_katalog") != "").unique().sort().str.join("; "),
            )
            .join(jenis, on="tahun", how="left")
            .select("tahun", "area_provinsi", "area_kabupaten", "area_kota", "sumber_bobot", "bobot_asumsi", "pita",
                    "sumber_pita", "pita_bawaan", "jumlah_indikator", "jumlah_sub_indikator", "katalog_resmi",
                    "sumber_katalog")
            .sort("tahun")
        )

    def tabel_jenis(self) -> pl.DataFrame:
        """(tahun, jenis_pemda, area): which areas a year requires of each kind of pemda."""
        from mcsp_rules.model import JENIS_PEMDA

        rows = [{"tahun": t, "jenis_pemda": j, "area": a}
                for (t, a), at in self.area_tahun.items() for j in JENIS_PEMDA if j in at.area.jenis]
        return pl.DataFrame(rows, schema={"tahun": pl.Int32, "jenis_pemda": pl.String, "area": pl.String}).sort(
            "tahun", "jenis_pemda", "area")

    def tabel_alias(self) -> pl.DataFrame:
        """(tahun, kunci, area): every spelling of an area an export may use, keyed by
        ``parse.kunci_nama``; joined against the data so name resolution stays vectorised."""
        rows = [
            {"tahun": tahun, "nama": nama, "area": kode}
            for (tahun, kode), at in self.area_tahun.items()
            for nama in (kode, at.area.nama, at.area.name, *at.area.alias)
        ]
        tabel = pl.DataFrame(rows, schema={"tahun": pl.Int32, "nama": pl.String, "area": pl.String})
        return tabel.select("tahun", kunci_nama(pl.col("nama")).alias("kunci"), "area").unique(
            ["tahun", "kunci"], keep="first", maintain_order=True
        )

    def katalog_sub(self) -> pl.DataFrame:
        """(tahun, area, indikator, nama_indikator, sub_indikator, nama_sub_indikator, bobot_katalog)."""
        rows = [
            {"tahun": at.tahun, "area": at.kode, "indikator": i.kode, "nama_indikator": i.nama,
             "sub_indikator": s.kode, "nama_sub_indikator": s.nama, "bobot_katalog": s.bobot}
            for at in self.area_tahun.values() for i in at.area.indikator for s in i.sub
        ]
        return pl.DataFrame(rows, schema={"tahun": pl.Int32, "area": pl.String, "indikator": pl.String,
                                          "nama_indikator": pl.String, "sub_indikator": pl.String,
                                          "nama_sub_indikator": pl.String, "bobot_katalog": pl.Float64})

    def nonaktif(self) -> list[InfoPlugin]:
        return [p for p in self.plugin if not p.aktif]


def _objek(modul) -> Any:
    """A module registers through its module-level ``plugin`` object, or else its own @hookimpl functions."""
    return getattr(modul, "plugin", modul)


def _impor_file(path: Path):
    spec = importlib.util.spec_from_file_location(f"mcsp_plugins.{path.stem}", path)
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul
    spec.loader.exec_module(modul)
    return modul


def _daftarkan(pm: pluggy.PluginManager, info: InfoPlugin, obj: Any) -> None:
    # A hook name that no spec declares (a typo such as ``mcsp_bobot``) is registered silently by
    # pluggy; refuse the plugin instead (what ``pm.check_pending()`` reports).
    for attr in dir(obj):
        if attr.startswith("mcsp_") and not hasattr(hookspecs, attr):
            try:
                ditandai = pm.parse_hookimpl_opts(obj, attr) is not None
            except Exception:  # noqa: BLE001
                ditandai = False
            if ditandai:
                raise ValueError(f"hook tidak dikenal: {attr} (salah ketik? lihat mcsp_rules/plugin/hookspecs.py)")
    # pluggy validates the implementations against the specs (argument names) while registering.
    pm.register(_Proksi(obj, info.nama, pm), name=info.nama)


def _matikan(pm: pluggy.PluginManager, info: InfoPlugin, alasan: str) -> None:
    info.aktif, info.alasan, info.tahun_area = False, alasan, []
    plugin = pm.get_plugin(info.nama)
    if plugin is not None:
        pm.unregister(plugin, name=info.nama)


@lru_cache(maxsize=1)
def registri_bawaan() -> Registri:
    """The registry of the built-in, local and installed plugins, loaded once per process (plugins
    are code, not user data, so sharing them between sessions is safe)."""
    return Registri.muat()
