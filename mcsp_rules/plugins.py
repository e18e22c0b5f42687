"""The plugin manager: finds area plugins, isolates broken ones, and answers the engine's questions.

Plugins come from ``*.py`` modules in the plugin folders (the project's ``plugins/`` and any folder
in ``MCSP_PLUGINS_DIR``) and from the ``mcsp_rules`` entry-point group of installed packages.
Each is loaded, registered and asked its answers in its own ``try``: a plugin that fails to import,
has a misspelt hook, returns nonsense or raises is switched off and reported; the rest go on.

Every hook is called once per (tahun, area) when the registry is built, so the engine works from
a plain, immutable ``Katalog`` afterwards and a plugin cannot fail halfway through a scoring run.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Iterable

import pluggy
import polars as pl

from . import hookspecs
from .parse import kunci_nama
from .kit import USAHA_STANDAR, Area, Aturan, Bobot, Contoh, skor_item_standar

GRUP_ENTRY_POINT = "mcsp_rules"
TAHUN_DIPERIKSA = range(2019, 2031)  # design.md §1a: tahun 2019–2030
FOLDER_BAWAAN = Path(__file__).resolve().parent.parent / "plugins"


@dataclass
class InfoPlugin:
    nama: str
    sumber: str  # "folder" | "entry point" | "langsung"
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


class Registri:
    """The loaded plugins and their answers for every (tahun, area)."""

    def __init__(self, plugin: list[InfoPlugin], pm: pluggy.PluginManager):
        self.plugin = plugin
        self.pm = pm
        self.area_tahun: dict[tuple[int, str], AreaTahun] = {}
        self.konflik: list[str] = []
        self._bangun()

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def muat(
        cls,
        folder: Iterable[Path | str] | None = None,
        pakai_entry_point: bool = True,
        tambahan: Iterable[tuple[str, Any]] = (),
    ) -> "Registri":
        """Load plugins from folders (default: the project's ``plugins/`` and ``MCSP_PLUGINS_DIR``),
        the entry-point group, and ``tambahan`` (name, object) pairs registered directly."""
        pm = pluggy.PluginManager(GRUP_ENTRY_POINT)
        pm.add_hookspecs(hookspecs)
        info: list[InfoPlugin] = []
        if folder is None:
            folder = [FOLDER_BAWAAN] + [Path(p) for p in os.environ.get("MCSP_PLUGINS_DIR", "").split(os.pathsep) if p]
        for f in folder:
            for path in sorted(Path(f).glob("*.py")):
                if path.name.startswith("_"):
                    continue
                nama = path.stem
                i = InfoPlugin(nama, "folder", str(path))
                info.append(i)
                try:
                    spec = importlib.util.spec_from_file_location(f"mcsp_plugins.{nama}", path)
                    modul = importlib.util.module_from_spec(spec)
                    sys.modules[spec.name] = modul
                    spec.loader.exec_module(modul)
                    _daftarkan(pm, i, getattr(modul, "plugin", modul))
                except Exception as e:  # noqa: BLE001 — any failure of plugin code switches it off
                    _matikan(pm, i, f"gagal dimuat: {type(e).__name__}: {e}")
        if pakai_entry_point:
            for ep in entry_points(group=GRUP_ENTRY_POINT):
                i = InfoPlugin(ep.name, "entry point", ep.value)
                info.append(i)
                try:
                    _daftarkan(pm, i, ep.load())
                except Exception as e:  # noqa: BLE001
                    _matikan(pm, i, f"gagal dimuat: {type(e).__name__}: {e}")
        for nama, obj in tambahan:
            i = InfoPlugin(nama, "langsung", type(obj).__name__)
            info.append(i)
            try:
                _daftarkan(pm, i, obj)
            except Exception as e:  # noqa: BLE001
                _matikan(pm, i, f"gagal didaftarkan: {type(e).__name__}: {e}")
        return cls(info, pm)

    def _bangun(self) -> None:
        # A plugin that raises while answering is switched off and every answer is asked again, so no
        # half-answer of a broken plugin stays in the catalogue.
        while True:
            try:
                self.area_tahun, self.konflik = self._tanya_semua()
                return
            except _PluginRusak as rusak:
                info = next(p for p in self.plugin if p.nama == rusak.plugin)
                _matikan(self.pm, info, rusak.alasan)

    def _impls(self, hook: str) -> list:
        # pluggy's call order: the last in get_hookimpls() is called first.
        return [i for i in reversed(getattr(self.pm.hook, hook).get_hookimpls()) if not i.hookwrapper and not i.wrapper]

    def _panggil(self, impl, hook: str, **kw):
        try:
            return impl.function(**{a: kw[a] for a in impl.argnames})
        except Exception as e:  # noqa: BLE001
            raise _PluginRusak(impl.plugin_name, f"error di hook {hook}: {type(e).__name__}: {e}") from e

    def _pertama(self, hook: str, **kw):
        for impl in self._impls(hook):
            hasil = self._panggil(impl, hook, **kw)
            if hasil is not None:
                return impl.plugin_name, hasil
        return None, None

    def bobot_per_plugin(self, tahun: int) -> dict[str, dict[str, float]]:
        """Every plugin's own answer to ``mcsp_bobot_area`` for the areas of ``tahun``, not only the
        first one's: {plugin: {area: weight}}. The sensitivity page offers each as an alternative
        weighting. A plugin that raises here was already switched off when the registry was built."""
        hasil: dict[str, dict[str, float]] = {}
        for th, area in sorted(self.area_tahun):
            if th != tahun:
                continue
            for impl in self._impls("mcsp_bobot_area"):
                try:
                    b = self._panggil(impl, "mcsp_bobot_area", tahun=tahun, area=area)
                    nilai = float(b.nilai if isinstance(b, Bobot) else b) if b is not None else None
                except (_PluginRusak, TypeError, ValueError):
                    continue
                if nilai is not None and nilai > 0:
                    hasil.setdefault(impl.plugin_name, {})[area] = nilai
        return hasil

    def _semua(self, hook: str, **kw):
        for impl in self._impls(hook):
            hasil = self._panggil(impl, hook, **kw)
            if hasil is not None:
                yield impl.plugin_name, hasil

    def _tanya_semua(self):
        hasil: dict[tuple[int, str], AreaTahun] = {}
        konflik: list[str] = []
        for p in self.plugin:
            p.tahun_area = []
        for tahun in TAHUN_DIPERIKSA:
            for nama, areas in self._semua("mcsp_area", tahun=tahun):
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
                    next(p for p in self.plugin if p.nama == nama).tahun_area.append((tahun, area.kode))
        return hasil, konflik

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
        for nama, daftar in self._semua("mcsp_aturan", **kw):
            if not all(isinstance(a, Aturan) for a in daftar):
                raise _PluginRusak(nama, "mcsp_aturan harus mengembalikan daftar kit.Aturan")
            aturan.extend((nama, a) for a in daftar)
        sumber, usaha = self._pertama("mcsp_usaha", **kw)
        usaha = dict(USAHA_STANDAR) | dict(usaha or {})
        if not all(isinstance(v, (int, float)) and v > 0 for v in usaha.values()):
            raise _PluginRusak(sumber, f"mcsp_usaha harus memberi angka > 0, bukan {usaha!r}")
        contoh = tuple(c for _, c in self._semua("mcsp_contoh", **kw))
        return AreaTahun(tahun, area, plugin, bobot, skor, tuple(aturan), usaha, contoh)

    def matikan(self, nama_plugin: str, alasan: str) -> None:
        """Switch a plugin off after the fact (e.g. a rule of it failed to compile) and rebuild."""
        info = next(p for p in self.plugin if p.nama == nama_plugin)
        _matikan(self.pm, info, alasan)
        self._bangun()

    # -- questions ------------------------------------------------------------------------------
    def tahun(self) -> list[int]:
        return sorted({t for t, _ in self.area_tahun})

    def areas(self, tahun: int) -> list[AreaTahun]:
        return [at for (t, _), at in sorted(self.area_tahun.items()) if t == tahun]

    def get(self, tahun: int, area: str) -> AreaTahun | None:
        return self.area_tahun.get((tahun, area))

    def tabel_area(self) -> pl.DataFrame:
        """One row per (tahun, area): names and weight; what `mcsp plugins` and the Aturan page show."""
        rows = [
            {
                "tahun": at.tahun, "area": at.kode, "nama": at.area.nama, "name": at.area.name,
                "bobot": at.bobot.nilai, "sumber_bobot": at.bobot.sumber, "bobot_asumsi": at.bobot.asumsi,
                "plugin": at.plugin, "jumlah_indikator": len(at.area.indikator),
                "jumlah_sub_indikator": len(at.area.sub_indikator), "jumlah_aturan": len(at.aturan),
            }
            for at in self.area_tahun.values()
        ]
        skema = {"tahun": pl.Int32, "area": pl.String, "nama": pl.String, "name": pl.String, "bobot": pl.Float64,
                 "sumber_bobot": pl.String, "bobot_asumsi": pl.Boolean, "plugin": pl.String,
                 "jumlah_indikator": pl.Int64, "jumlah_sub_indikator": pl.Int64, "jumlah_aturan": pl.Int64}
        return pl.DataFrame(rows, schema=skema).sort("tahun", "area")

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


def _daftarkan(pm: pluggy.PluginManager, info: InfoPlugin, obj: Any) -> None:
    pm.register(obj, name=info.nama)
    # Misspelt hook names are registered silently by pluggy; name them (like pm.check_pending()).
    for nama_hook in dir(pm.hook):
        caller = getattr(pm.hook, nama_hook)
        if isinstance(caller, pluggy.HookCaller) and not caller.has_spec():
            if any(impl.plugin_name == info.nama for impl in caller.get_hookimpls()):
                raise ValueError(f"hook tidak dikenal: {nama_hook} (salah ketik? lihat mcsp_rules/hookspecs.py)")


def _matikan(pm: pluggy.PluginManager, info: InfoPlugin, alasan: str) -> None:
    info.aktif, info.alasan, info.tahun_area = False, alasan, []
    plugin = pm.get_plugin(info.nama)
    if plugin is not None:
        pm.unregister(plugin, name=info.nama)


@lru_cache(maxsize=1)
def registri_bawaan() -> Registri:
    """The registry of the installed and ``plugins/`` plugins, loaded once per process (plugins are
    code, not user data, so sharing them between sessions is safe)."""
    return Registri.muat()
