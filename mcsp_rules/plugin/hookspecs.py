"""The plugin contract: every hook an area plugin may implement.

Plugins are found in the ``mcsp_rules`` entry-point group of installed packages and as ``*.py``
modules in the ``plugins/`` folder (plus folders named in ``MCSP_PLUGINS_DIR``). A module that
defines a module-level ``plugin`` object is registered through that object; otherwise the module's
own ``@hookimpl`` functions are. ``mcsp_rules.plugin.kit.AreaPlugin`` implements all hooks from a list of
declared areas, which is what the built-in plugins use.

Hooks are called per (tahun, area). Where a hook says "first result wins", pluggy calls the
implementations newest-registered first (``tryfirst=True`` moves one to the front), and the first
that returns something other than ``None`` decides; so a small plugin can override the weights or
scoring of one year without touching the plugin that declares the areas. Hooks that "collect"
return the results of every plugin.

Every hook should answer ``None`` for years or areas it does not cover.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click
    import polars as pl

    from mcsp_rules.plugin.kit import Area, Aturan, Bobot, Contoh, Pita

hookspec = pluggy.HookspecMarker("mcsp_rules")


@hookspec
def mcsp_tahun() -> "list[int] | None":
    """The years this plugin covers.

    Receives: nothing. Returns: a list of years (2019–2030) or None. Collects: the registry asks
    ``mcsp_area`` for the union of every plugin's years, so a plugin that declares areas must say
    which years it covers here (``kit.AreaPlugin`` does, from its areas). Years outside 2019–2030
    are ignored.
    """


@hookspec
def mcsp_area(tahun: int) -> "list[Area] | None":
    """The areas this plugin provides for year ``tahun``.

    Receives: the year (int). Returns: a list of ``kit.Area`` (code, Indonesian and English names,
    years, aliases, the kinds of pemda it applies to (``jenis``: provinsi, kabupaten, kota; default
    all), the indicator/sub-indicator catalogue and whether it is official) or None. Collects: results of every
    plugin are joined; when two plugins declare the same area code for a year, the one called first
    (the newest registered, or ``tryfirst``) keeps it, and the conflict is reported.
    """


@hookspec(firstresult=True)
def mcsp_pita(tahun: int) -> "Pita | None":
    """The bands (zones) the index of year ``tahun`` is read in.

    Receives: the year (int). Returns: a ``kit.Pita`` (lower limits of every band but the first,
    band names from lowest to highest, optional colours and English names, and its source) or
    None. First result wins. A year nobody answers for uses ``kit.PITA_BAWAAN`` (Merah [0, 25),
    Kuning [25, 50), Biru [50, 75), Hijau [75, 100]), labelled as the default. Every ``kategori``
    of that year (CLI, exports, pages, charts) uses these bands.
    """


@hookspec(firstresult=True)
def mcsp_bobot_area(tahun: int, area: str) -> "Bobot | float | None":
    """The weight of ``area`` in the index of year ``tahun``.

    Receives: year and area code. Returns: a ``kit.Bobot`` (value, source label, whether it is an
    assumption) or a bare positive float (labelled with the plugin's name). First result wins.
    An area nobody weighs gets 1.0, labelled as an assumption.
    """


@hookspec(firstresult=True)
def mcsp_skor_item(tahun: int, area: str) -> "pl.Expr | None":
    """How one sub-indicator row of ``area`` scores, 0–100.

    Receives: year and area code. Returns: a Polars expression over the typed detail columns
    (``status``, ``nilai``, ``bobot``, dates...) giving the item score. First result wins. The area
    score is sum(bobot × item score) / sum(bobot); the default (``kit.skor_item_standar``) scores
    an accepted item its nilai, 100 when empty, and anything else 0.
    """


@hookspec
def mcsp_aturan(tahun: int, area: str) -> "list[Aturan] | None":
    """Validation rules for the rows of ``area`` in ``tahun``, on top of the core's own.

    Receives: year and area code. Returns: a list of ``kit.Aturan`` (a Polars condition that is
    True for a good row, its level "galat" or "peringatan", messages in Indonesian and English).
    Collects: all rules of all plugins apply. Rules over a whole area or pemda are window
    expressions (``.over("tahun", "kode_wilayah", "area")``). They are compiled into one pandera
    schema, so keep them vectorised.
    """


@hookspec(firstresult=True)
def mcsp_usaha(tahun: int, area: str) -> "dict[str, float] | None":
    """The effort of closing one gap of ``area`` in ``tahun``, per current status.

    Receives: year and area code. Returns: a mapping from status (``proses verifikasi``,
    ``perlu perbaikan``, ``belum diunggah``) to a positive effort, used by the planner. First
    result wins; default 1, 2 and 3.
    """


@hookspec
def mcsp_contoh(tahun: int, area: str) -> "Contoh | None":
    """Example rows for the contract test that runs for every plugin.

    Receives: year and area code. Returns: a ``kit.Contoh`` with rows (dicts of text cells, as an
    export has them) that must validate cleanly and rows that must be set aside. Collects.
    """


@hookspec
def mcsp_perintah(cli: "click.Group") -> None:
    """Add commands to the ``mcsp`` command line.

    Receives: the ``click.Group`` of ``mcsp``. Returns: nothing; call ``cli.add_command(...)`` or
    decorate with ``@cli.command()``. Collects: every plugin is called. A plugin that raises here is
    switched off and reported on stderr; the built-in commands keep working. A command whose optional
    dependency is missing should import it inside the command and let ``mcsp`` say what is missing.
    """
