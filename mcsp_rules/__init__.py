"""mcsp_rules — read, validate and score KPK MCP/MCSP exports, with area rules as pluggy plugins.

    import mcsp_rules
    data = mcsp_rules.load(["jateng.csv", "kalteng.xlsx"])   # frames plus the validation report
    mcsp_rules.score(data, level="wilayah")                  # one row per pemda and year
    mcsp_rules.simulate(data, "skenario.json").tabel()       # a what-if, as `mcsp simulate` prints it
    mcsp_rules.plan(data, "62.03", target=75).tabel()        # the least-effort checklist, as `mcsp plan`

The dashboard, the ``mcsp`` command and notebooks all go through these functions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import polars as pl

from .errors import FileTidakTerbaca, MCSPError
from .limits import BATAS, Batas
from .plugins import Registri, registri_bawaan

__all__ = ["Data", "MCSPError", "FileTidakTerbaca", "load", "score", "simulate", "plan", "bobot_dipakai", "Registri",
           "registri_bawaan"]

LEVEL = ("wilayah", "area", "provinsi")
KOLOM_LEVEL = {
    "wilayah": ["tahun", "kode_wilayah", "nama_wilayah", "provinsi", "jenis_pemda", "indeks", "kategori", "lengkap"],
    "area": ["tahun", "kode_wilayah", "area", "skor"],
    "provinsi": ["tahun", "provinsi", "indeks", "jumlah_pemda"],
}

Sumber = "str | Path | tuple[str, bytes]"


@dataclass
class Data:
    """What ``load`` returns: the rows in use, typed, and the report of what was set aside and why."""

    rincian: pl.DataFrame  # detail rows in use (one per pemda, year, sub-indicator), with province and kind
    ringkasan: pl.DataFrame  # area scores from summary exports (long), with province and kind
    ringkasan_baris: pl.DataFrame  # reported totals and document counts of summary rows
    laporan: "validate.Laporan"  # noqa: F821
    registri: Registri

    @property
    def tahun(self) -> list[int]:
        return sorted(set(self.rincian["tahun"].to_list()) | set(self.ringkasan["tahun"].to_list()))


def load(
    sumber: "Sumber | Iterable[Sumber]",
    *,
    registri: Registri | None = None,
    sheet: str | int | None = None,
    batas: Batas = BATAS,
) -> Data:
    """Read and validate one or more exports (paths, or (file name, bytes) pairs from an upload).

    A file that cannot be read at all does not stop the others: it is listed in
    ``data.laporan.file_gagal`` with one clear sentence.
    """
    from .readers import baca
    from .validate import validasi

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
            hasil_baca = list(pool.map(baca_satu, sumber))
    else:
        hasil_baca = [baca_satu(s) for s in sumber]
    gagal = [h for h in hasil_baca if isinstance(h, dict)]
    bacaan = [h for h in hasil_baca if not isinstance(h, dict)]
    jumlah: dict[str, int] = {}
    for b in bacaan:  # two uploads with one name stay apart in the report
        jumlah[b.nama] = jumlah.get(b.nama, 0) + 1
        if jumlah[b.nama] > 1:
            b.nama = f"{b.nama} ({jumlah[b.nama]})"
    hasil = validasi(bacaan, registri, gagal)
    return Data(hasil.rincian, hasil.ringkasan, hasil.ringkasan_baris, hasil.laporan, registri)


def bobot_dipakai(data: Data, bobot: Mapping[tuple[int, str], float] | None = None) -> pl.DataFrame:
    """The area weights a result uses, with their source and whether they are an assumption."""
    from .skor import tabel_bobot

    tabel = tabel_bobot(data.registri, bobot)
    return tabel.filter(pl.col("tahun").is_in(data.tahun))


def score(
    data: Data,
    level: str = "wilayah",
    bobot: Mapping[tuple[int, str], float] | str | Path | None = None,
) -> pl.DataFrame:
    """Scores at ``level`` "wilayah" (one row per pemda and year), "area" or "provinsi", with the
    columns of the CLI (design.md §4). ``bobot`` overrides area weights: {(tahun, area): w} or a
    CSV file with columns tahun, area, bobot."""
    from . import skor

    if level not in LEVEL:
        raise MCSPError(f"level harus salah satu dari {', '.join(LEVEL)}, bukan '{level}'.",
                        f"level must be one of {', '.join(LEVEL)}, not '{level}'.")
    if isinstance(bobot, (str, Path)):
        bobot = skor.baca_file_bobot(bobot)
    area = skor.skor_area(data.rincian, data.ringkasan, data.registri)
    if level == "area":
        return area.select(KOLOM_LEVEL["area"]).sort("tahun", "kode_wilayah", "area").collect()
    wilayah = skor.tabel_wilayah(area, skor.tabel_bobot(data.registri, bobot))
    if level == "wilayah":
        return wilayah.select(KOLOM_LEVEL["wilayah"]).sort("tahun", "kode_wilayah").collect()
    return skor.tabel_provinsi(wilayah).select(KOLOM_LEVEL["provinsi"]).sort("tahun", "provinsi").collect()


def simulate(data: Data, skenario) -> "simulasi.HasilSimulasi":  # noqa: F821
    """Run a what-if scenario: a ``simulasi.Skenario``, its JSON text or dict, or the path of a scenario
    file (docs/skenario.md). ``.tabel()`` of the result is what ``mcsp simulate`` prints."""
    from .simulasi import Skenario, baca_skenario, simulasi

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
    from .rencana import rencana

    return rencana(data, kode_wilayah, **kw)
