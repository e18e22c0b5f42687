"""The score cache: per stored content (``isi_id``) and fingerprint of the plugins' item rules and area
weights (``sidik``), the area scores and the per-pemda index the trend reads. Scores are never stored
as truth: another plugin set gives another fingerprint, hence a fresh computation.

A cache fill writes under the store's writer slot and only for content that a snapshot still holds
(checked inside that transaction), so it never leaves rows of a deleted snapshot behind, never races a
delete into a deadlock, and two fills of the same content never collide on the cache's key.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import polars as pl

from mcsp_rules.riwayat.isi import baca_item
from mcsp_rules.riwayat.koneksi import tulis
from mcsp_rules.riwayat.skema import SKEMA_CACHE, SKEMA_CACHE_WILAYAH, SKEMA_SKOR_RINGKASAN

if TYPE_CHECKING:  # pragma: no cover
    from mcsp_rules.plugin.registri import Registri
    from mcsp_rules.riwayat.koneksi import Kon

VERSI_CACHE = 1  # bump when the cached columns or their computation change
SIDIK_DISIMPAN = 4  # cache generations kept (older plugin fingerprints are pruned)


def _sekarang() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def sidik_registri(registri: "Registri") -> str:
    """Fingerprint of what the cached results depend on: every (tahun, area)'s plugin, item-scoring rule
    and area weight. Another plugin set or weight gives another fingerprint, hence a fresh computation."""
    h = hashlib.sha256(f"mcsp-cache-v{VERSI_CACHE}\n".encode())
    for (tahun, area), at in sorted(registri.area_tahun.items()):
        h.update(f"{tahun}|{area}|{at.plugin}|{at.skor_item}|{at.bobot.nilai!r}\n".encode())
    return h.hexdigest()[:24]


def hitung_cache(item: pl.DataFrame, skor_ringkasan: pl.DataFrame,
                 registri: "Registri") -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per snapshot, by the engine's own functions run once over all snapshots given:
    (area scores and document counts per (snapshot_id, tahun, kode_wilayah, area) — skor.skor_area,
    skor.hitung_dokumen; index, completeness and document counts per (snapshot_id, tahun, kode_wilayah)
    with the plugins' area weights — skor.indeks_dari_area, skor.hitung_dokumen)."""
    from mcsp_rules.hitung import skor
    from mcsp_rules.wilayah import daftar_wilayah

    kunci = (pl.col("snapshot_id").cast(pl.String) + "|" + pl.col("kode_wilayah")).alias("kode_wilayah")
    wilayah = daftar_wilayah().drop("nama_wilayah")
    rinc = item.join(wilayah, on="kode_wilayah", how="left").with_columns(kunci).drop("snapshot_id")
    ring = skor_ringkasan.with_columns(kunci).drop("snapshot_id")
    area = skor.skor_area(rinc, ring, registri).collect()
    dok_area = skor.hitung_dokumen(rinc.lazy(), per=("tahun", "kode_wilayah", "area"))
    dok_pemda = skor.hitung_dokumen(rinc.lazy(), per=("tahun", "kode_wilayah"))
    indeks = skor.indeks_dari_area(area.lazy(), skor.tabel_bobot(registri))

    def pisah(f: pl.LazyFrame) -> pl.LazyFrame:
        return (f.with_columns(pl.col("kode_wilayah").str.split_exact("|", 1).alias("_k"))
                .with_columns(pl.col("_k").struct.field("field_0").cast(pl.Int64).alias("snapshot_id"),
                              pl.col("_k").struct.field("field_1").alias("kode_wilayah"))
                .with_columns(pl.col("kode_wilayah").str.split(".").list.first().alias("kode_provinsi")))

    per_area = pisah(area.lazy().join(dok_area, on=["tahun", "kode_wilayah", "area"], how="left")).collect()
    per_pemda = pisah(
        indeks.join(dok_pemda, on=["tahun", "kode_wilayah"], how="left")
        .with_columns(pl.col("lengkap").cast(pl.Int32), pl.col("area_hilang").list.join(","))
    ).collect()
    # sorted so that a province's rows of one snapshot lie together on disk: a province's trend then reads a
    # few pages per snapshot (PostgreSQL read ~45 scattered pages per snapshot for Jawa Tengah before)
    urut = ("snapshot_id", "kode_provinsi", "kode_wilayah")
    return (per_area.select("snapshot_id", *[pl.col(k).cast(t) for k, t in SKEMA_CACHE.items()]).sort(*urut, "area"),
            per_pemda.select("snapshot_id", *[pl.col(k).cast(t) for k, t in SKEMA_CACHE_WILAYAH.items()]).sort(*urut))


def tulis_cache(kon: "Kon", ids: list[int], sidik: str, area: pl.DataFrame, wilayah: pl.DataFrame) -> None:
    kon.sisipkan("mcsp_cache", pl.DataFrame({"snapshot_id": ids, "sidik": [sidik] * len(ids),
                                             "dibuat": [_sekarang()] * len(ids)},
                                            schema={"snapshot_id": pl.Int64, "sidik": pl.String, "dibuat": pl.Datetime("us")}))
    kon.sisipkan("mcsp_cache_area", area.select("snapshot_id", pl.lit(sidik).alias("sidik"), *SKEMA_CACHE))
    kon.sisipkan("mcsp_cache_wilayah", wilayah.select("snapshot_id", pl.lit(sidik).alias("sidik"), *SKEMA_CACHE_WILAYAH))


def _kurang(kon: "Kon", sidik: str) -> list[int]:
    """Contents held by a live snapshot that have no cache for ``sidik`` yet."""
    return [r[0] for r in kon.eksekusi(
        "SELECT DISTINCT isi_id FROM mcsp_snapshot WHERE dihapus IS NULL AND isi_id NOT IN "
        "(SELECT snapshot_id FROM mcsp_cache WHERE sidik = ?) ORDER BY isi_id", [sidik])]


def _kelompok(kon: "Kon", ids: list[int], per_batch: int, baris_per_batch: int) -> list[list[int]]:
    """``ids`` in batches of at most ``per_batch`` contents and, past the first, ``baris_per_batch`` detail rows
    (a real-scale content has ~362,000: sixteen at once would hold ~6 million rows in memory)."""
    tanda = ", ".join("?" * len(ids))
    baris = dict(kon.eksekusi(f"SELECT snapshot_id, SUM(jumlah_baris) FROM mcsp_item_blok WHERE snapshot_id IN ({tanda}) "
                              "GROUP BY snapshot_id", ids)) if ids else {}
    hasil: list[list[int]] = []
    n = 0
    for i in ids:
        b = int(baris.get(i) or 0)
        if not hasil or len(hasil[-1]) >= per_batch or (hasil[-1] and n + b > baris_per_batch):
            hasil.append([])
            n = 0
        hasil[-1].append(i)
        n += b
    return hasil


def lengkapi_cache(url: str, kon: "Kon", registri: "Registri", sidik: str, per_batch: int = 16,
                   baris_per_batch: int = 1_000_000) -> int:
    """Score the contents that have no cache for ``sidik`` yet (after a plugin change or an import by
    another plugin set). The scoring runs outside any transaction; the write re-checks, under the writer
    slot, which of them still need it and still exist."""
    kurang = _kurang(kon, sidik)
    for ids in _kelompok(kon, kurang, per_batch, baris_per_batch):
        tanda = ", ".join("?" * len(ids))
        item = baca_item(kon, ids, dengan_id=True)
        skor = kon.frame(
            f"SELECT snapshot_id, {', '.join(SKEMA_SKOR_RINGKASAN)} FROM mcsp_skor_ringkasan WHERE snapshot_id IN ({tanda})",
            ids, {"snapshot_id": pl.Int64, **SKEMA_SKOR_RINGKASAN})
        area, wilayah = hitung_cache(item, skor, registri)

        def tulis_batch(k: "Kon", ids=ids, area=area, wilayah=wilayah) -> None:
            masih = set(_kurang(k, sidik)) & set(ids)
            if not masih:
                return
            pilih = pl.col("snapshot_id").is_in(sorted(masih))
            tulis_cache(k, sorted(masih), sidik, area.filter(pilih), wilayah.filter(pilih))

        tulis(url, tulis_batch)
    if kurang:
        tulis(url, pangkas_cache)
    return len(kurang)


def pangkas_cache(kon: "Kon") -> None:
    """Inside a write transaction: drop the cache of old fingerprints (beyond ``SIDIK_DISIMPAN``)."""
    lama = [r[0] for r in kon.eksekusi(
        "SELECT sidik FROM mcsp_cache GROUP BY sidik ORDER BY MAX(dibuat) DESC")][SIDIK_DISIMPAN:]
    for s in lama:
        kon.eksekusi("DELETE FROM mcsp_cache_area WHERE sidik = ?", [s])
        kon.eksekusi("DELETE FROM mcsp_cache_wilayah WHERE sidik = ?", [s])
        kon.eksekusi("DELETE FROM mcsp_cache WHERE sidik = ?", [s])
