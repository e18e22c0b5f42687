"""Detail rows kept compactly (schema version 3): each content's rows as Parquet parts (zstd; codes
dictionary-encoded by the format) in ``mcsp_item_blok``, at most ``BARIS_PER_BAGIAN`` rows a part. A real-scale
national year at document level (~362,000 rows) is ~0.8 MB, against ~43 MB as one PostgreSQL row per item.

Imports nothing of the store, so the migration that moves rows here (skema) and the code that stores and
reads them (isi, cache, store) can all use it."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:  # pragma: no cover
    from mcsp_rules.riwayat.koneksi import Kon

BARIS_PER_BAGIAN = 500_000  # detail rows per stored Parquet part


def tulis_item(kon: "Kon", snapshot_id: int, item: pl.DataFrame) -> None:
    """Store a content's detail rows (already cast to their stored types) as Parquet parts."""
    for bagian, awal in enumerate(range(0, item.height, BARIS_PER_BAGIAN)):
        potong = item.slice(awal, BARIS_PER_BAGIAN)
        buf = io.BytesIO()
        potong.write_parquet(buf, compression="zstd", compression_level=3, statistics=False)
        kon.eksekusi("INSERT INTO mcsp_item_blok (snapshot_id, bagian, jumlah_baris, parquet) VALUES (?, ?, ?, ?)",
                     [int(snapshot_id), bagian, potong.height, buf.getvalue()])


def baca_bagian(kon: "Kon", snapshot_id: list[int]) -> list[tuple[int, pl.DataFrame]]:
    """(content id, rows of one part) for every part of these contents, in stored order."""
    if not snapshot_id:
        return []
    tanda = ", ".join("?" * len(snapshot_id))
    return [(int(sid), pl.read_parquet(io.BytesIO(bytes(isi)))) for sid, isi in kon.eksekusi(
        f"SELECT snapshot_id, parquet FROM mcsp_item_blok WHERE snapshot_id IN ({tanda}) ORDER BY snapshot_id, bagian",
        [int(i) for i in snapshot_id])]
