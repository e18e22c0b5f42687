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

from mcsp_rules.model import KOLOM_DOKUMEN
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
    """Per snapshot (``snapshot_id``), by the engine's own functions: (area scores and document counts per
    (snapshot_id, tahun, kode_wilayah, area) — skor.skor_area, skor.hitung_dokumen; index, completeness and
    document counts per (snapshot_id, tahun, kode_wilayah) with the plugins' area weights —
    skor.indeks_dari_area, and the area counts summed). One snapshot at a time: a real-scale one has ~362,000
    rows, and a composite snapshot|pemda key over all of them cost more than the scoring."""
    from mcsp_rules.hitung import skor
    from mcsp_rules.wilayah import daftar_wilayah

    wilayah = daftar_wilayah().drop("nama_wilayah")  # what a plugin's item rule may read besides the row
    bobot = skor.tabel_bobot(registri)
    item_per = item.partition_by("snapshot_id", as_dict=True, include_key=False)
    ring_per = skor_ringkasan.partition_by("snapshot_id", as_dict=True, include_key=False)
    kosong_item = item.drop("snapshot_id").clear()
    kosong_ring = skor_ringkasan.drop("snapshot_id").clear()
    semua_area, semua_pemda = [], []
    for (sid,) in sorted(set(item_per) | set(ring_per)):
        rinc = item_per.get((sid,), kosong_item).join(wilayah, on="kode_wilayah", how="left")
        area = skor.skor_area(rinc, ring_per.get((sid,), kosong_ring), registri).collect()
        dok_area = skor.hitung_dokumen(rinc.lazy(), per=("tahun", "kode_wilayah", "area")).collect()
        dok_pemda = dok_area.group_by("tahun", "kode_wilayah").agg(pl.col(list(KOLOM_DOKUMEN)).sum())
        tanda = [pl.lit(sid, pl.Int64).alias("snapshot_id"),
                 pl.col("kode_wilayah").str.split(".").list.first().alias("kode_provinsi")]
        semua_area.append(area.join(dok_area, on=["tahun", "kode_wilayah", "area"], how="left").with_columns(tanda))
        semua_pemda.append(
            skor.indeks_dari_area(area.lazy(), bobot).collect()
            .join(dok_pemda, on=["tahun", "kode_wilayah"], how="left")
            .with_columns(pl.col("lengkap").cast(pl.Int32), pl.col("area_hilang").list.join(","), *tanda))

    def satukan(frames: list[pl.DataFrame], skema: dict, urut: tuple[str, ...]) -> pl.DataFrame:
        # sorted so that a province's rows of one snapshot lie together on disk: a province's trend then reads
        # a few pages per snapshot (PostgreSQL read ~45 scattered pages per snapshot for Jawa Tengah before)
        f = pl.concat(frames) if frames else pl.DataFrame(schema={"snapshot_id": pl.Int64, **skema})
        return f.select("snapshot_id", *[pl.col(k).cast(t) for k, t in skema.items()]).sort(
            "snapshot_id", "kode_provinsi", "kode_wilayah", *urut)

    return satukan(semua_area, SKEMA_CACHE, ("area",)), satukan(semua_pemda, SKEMA_CACHE_WILAYAH, ())


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
