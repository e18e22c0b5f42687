"""The shared vocabulary of the engine: the ``Data`` that ``load`` returns and the constants every
layer agrees on. Everything imports from here; this module imports nothing of the project, so it can
never be part of an import cycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from mcsp_rules.plugin.registri import Registri
    from mcsp_rules.validasi.laporan import Laporan

# The four document states, canonical spelling (lower case, single spaces), in the order of the
# document's life: not uploaded → in verification → returned for revision → accepted.
STATUS = ("belum diunggah", "proses verifikasi", "perlu perbaikan", "diterima")
STATUS_DITERIMA = "diterima"
# The order reports and charts list them in (what is done first, what is missing last).
STATUS_URUT = ("diterima", "perlu perbaikan", "proses verifikasi", "belum diunggah")
# Column names of document counts, as provinces report them (and as summary exports carry them).
KOLOM_STATUS = {s: s.replace(" ", "_") for s in STATUS_URUT}
KOLOM_DOKUMEN = ("dokumen_wajib", "dokumen_diunggah", "belum_diunggah", "proses_verifikasi", "perlu_perbaikan",
                 "diterima")

# Effort of closing one gap, per status, when a plugin says nothing else (the planner's default).
USAHA_STANDAR: dict[str, float] = {"proses verifikasi": 1.0, "perlu perbaikan": 2.0, "belum diunggah": 3.0}

JENIS_PEMDA = ("provinsi", "kabupaten", "kota")
KUNCI_PEMDA = ("tahun", "kode_wilayah")  # one pemda in one year

# The default colour bands of the index (design.md §2), labelled as the default wherever shown.
KATEGORI = ("Merah", "Kuning", "Biru", "Hijau")
BATAS_KATEGORI = (25.0, 50.0, 75.0)  # Merah [0,25), Kuning [25,50), Biru [50,75), Hijau [75,100]
TIDAK_LENGKAP = "Tidak lengkap"  # the label of a pemda whose index is incomplete (no band)

# The levels of `score` / `mcsp score --level` and their columns (design.md §4).
LEVEL = ("wilayah", "area", "provinsi")
KOLOM_LEVEL = {
    # sumber_bobot: the area weights the index used ("bobot dari file (3 tingkat)" or the plugin's label)
    "wilayah": ["tahun", "kode_wilayah", "nama_wilayah", "provinsi", "jenis_pemda", "indeks", "kategori", "lengkap",
                "sumber_bobot"],
    "area": ["tahun", "kode_wilayah", "area", "skor"],
    "provinsi": ["tahun", "provinsi", "indeks", "jumlah_pemda"],
}


@dataclass
class Data:
    """What ``load`` returns: the rows in use, typed, and the report of what was set aside and why."""

    rincian: pl.DataFrame  # detail rows in use (one per pemda, year, sub-indicator), with province and kind
    ringkasan: pl.DataFrame  # area scores from summary exports (long), with province and kind
    ringkasan_baris: pl.DataFrame  # reported totals and document counts of summary rows
    laporan: Laporan
    registri: Registri

    @property
    def tahun(self) -> list[int]:
        return sorted(set(self.rincian["tahun"].to_list()) | set(self.ringkasan["tahun"].to_list()))
