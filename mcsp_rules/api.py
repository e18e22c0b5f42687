"""The public API (design.md §4): ``load``, ``score``, ``simulate``, ``plan``. The dashboard, the
``mcsp`` command and notebooks share this one path; ``mcsp_rules`` re-exports it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Mapping

import polars as pl

from mcsp_rules.batas import BATAS, Batas
from mcsp_rules.galat import FileTidakTerbaca
from mcsp_rules.model import Data
from mcsp_rules.plugin.registri import Registri, registri_bawaan

Sumber = "str | Path | tuple[str, bytes]"


def load(
    sumber: "Sumber | Iterable[Sumber]",
    *,
    registri: Registri | None = None,
    sheet: str | int | None = None,
    batas: Batas = BATAS,
    kemajuan: "Callable[..., None] | None" = None,
) -> Data:
    """Read and validate one or more exports (paths, or (file name, bytes) pairs from an upload).

    A file that cannot be read at all does not stop the others: it is listed in
    ``data.laporan.file_gagal`` with one clear sentence.

    ``kemajuan`` (optional) is told when each stage is done, always from the calling thread, for a
    progress display: ``kemajuan("dibaca", file=name, baris=rows or None)`` once per file in order
    (``baris`` None when the file could not be read), then ``kemajuan("divalidasi", baris=rows used)`` once.
    """
    from mcsp_rules.io.baca import baca
    from mcsp_rules.validasi import validasi

    if isinstance(sumber, (str, Path, tuple)):
        sumber = [sumber]
    registri = registri or registri_bawaan()
    sumber = list(sumber)

    def baca_satu(s):
        try:
            return baca(s, sheet=sheet, batas=batas)
        except FileTidakTerbaca as e:
            return {"file": e.file or str(s), "pesan": e.pesan, "message": e.message}

    # Several files (one per province, say) are read side by side: the parsers release the GIL.
    if len(sumber) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=min(len(sumber), os.cpu_count() or 1)) as pool:
            hasil_baca = [_lapor(kemajuan, h) for h in pool.map(baca_satu, sumber)]
    else:
        hasil_baca = [_lapor(kemajuan, baca_satu(s)) for s in sumber]
    gagal = [h for h in hasil_baca if isinstance(h, dict)]
    bacaan = [h for h in hasil_baca if not isinstance(h, dict)]
    jumlah: dict[str, int] = {}
    for b in bacaan:  # two uploads with one name stay apart in the report
        jumlah[b.nama] = jumlah.get(b.nama, 0) + 1
        if jumlah[b.nama] > 1:
            b.nama = f"{b.nama} ({jumlah[b.nama]})"
    hasil = validasi(bacaan, registri, gagal)
    if kemajuan is not None:
        kemajuan("divalidasi", baris=hasil.laporan.dipakai)
    return Data(hasil.rincian, hasil.ringkasan, hasil.ringkasan_baris, hasil.laporan, registri)


def _lapor(kemajuan, h):
    """Tell ``kemajuan`` that one file has been read (see ``load``); returns the read result unchanged."""
    if kemajuan is not None:
        if isinstance(h, dict):
            kemajuan("dibaca", file=h["file"], baris=None)
        else:
            kemajuan("dibaca", file=h.nama, baris=h.frame.height)
    return h


def bobot_dipakai(data: Data, bobot: Mapping[tuple[int, str], float] | None = None) -> pl.DataFrame:
    """The area weights a result uses, with their source and whether they are an assumption."""
    from mcsp_rules.hitung.skor import bobot_dipakai as dipakai

    return dipakai(data, bobot)


def pita_dipakai(data: Data) -> pl.DataFrame:
    """The bands each year of ``data`` is read in (``mcsp_pita``; the default four, labelled, when no plugin
    says otherwise): tahun, pita, nama, batas, warna, sumber_pita, pita_bawaan."""
    from mcsp_rules.hitung.skor import pita_dipakai as dipakai

    return dipakai(data.registri, data.tahun)


def score(
    data: Data,
    level: str = "wilayah",
    bobot: Mapping[tuple[int, str], float] | str | Path | None = None,
) -> pl.DataFrame:
    """Scores at ``level`` "wilayah" (one row per pemda and year), "area" or "provinsi", with the
    columns of the CLI (design.md §4). ``bobot`` overrides area weights: {(tahun, area): w} or a
    CSV file with columns tahun, area, bobot."""
    from mcsp_rules.hitung.skor import skor_tingkat

    return skor_tingkat(data, level, bobot)


def simulate(data: Data, skenario) -> "simulasi.HasilSimulasi":  # noqa: F821
    """Run a what-if scenario: a ``perencanaan.skenario.Skenario``, its JSON text or dict, or the path of a scenario
    file (docs/skenario.md). ``.tabel()`` of the result is what ``mcsp simulate`` prints."""
    from mcsp_rules.perencanaan.simulasi import simulasi
    from mcsp_rules.perencanaan.skenario import Skenario, baca_skenario

    if isinstance(skenario, Path) or (isinstance(skenario, str) and not skenario.lstrip().startswith("{")):
        skenario = baca_skenario(skenario)
    elif isinstance(skenario, (str, bytes)):
        skenario = Skenario.dari_json(skenario)
    elif isinstance(skenario, Mapping):
        skenario = Skenario.dari_dict(skenario)
    return simulasi(data, skenario)


def plan(data: Data, kode_wilayah: str | None = None, **kw) -> "rencana.Rencana":  # noqa: F821
    """The exact least-effort plan (an integer programme): ``plan(data, "62.03", target=75)`` or
    ``target="Hijau"``, or ``anggaran=10`` for the best index within an effort budget; also
    ``kode_provinsi``, ``tahun``, ``usaha`` ({status: effort}) and ``bobot``. ``.tabel()`` is what
    ``mcsp plan`` writes, ``.item`` the checklist with names, ``.ringkasan`` the per-pemda summary."""
    from mcsp_rules.perencanaan.rencana import rencana

    return rencana(data, kode_wilayah, **kw)
