"""Dated snapshots of exports, kept in an embedded DuckDB file (default) or in PostgreSQL (by URL): the API.

    from mcsp_rules.riwayat.store import Store
    store = Store()                                          # MCSP_DATABASE_URL, or ~/.local/share/mcsp/mcsp.duckdb
    hasil = store.impor(["nasional.csv"], tanggal="2025-10-14")
    store.daftar()                                           # one row per snapshot
    riw = store.riwayat("62")                                # a province's history → mcsp_rules.riwayat.tren

The store keeps what the exports said (detail rows, summary area scores, reported document counts),
never a computed index as truth: a trend re-scores every snapshot with the plugins and weights in use
(mcsp_rules.riwayat.cache).

Every observation is kept: the same content on a new date is a new snapshot (a new point of the trend)
that shares the rows already stored; the same content on the same date is recognised as a duplicate.
Deletes are soft: a deleted snapshot leaves the trend at once and can be restored by an admin for
``MCSP_MASA_HAPUS_HARI`` days (default 30), after which it is removed for good. Every change is
written to the audit trail (mcsp_rules.riwayat.audit) in its own transaction, with the user given as
``Store(url, pengguna=…)`` (the logged-in e-mail) or, by default, the OS user.

Modules: url (URLs, masking), isi (rows kept, content hash, snapshot date), blok (detail rows as Parquet parts), koneksi (connections, writer slot, conflicts), skema (tables as versioned
migrations), cache (score cache), audit (trail), store (this API). Every write is one transaction: an
interrupted import leaves no half snapshot.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.riwayat import audit
from mcsp_rules.riwayat.cache import hitung_cache, lengkapi_cache, sidik_registri, tulis_cache
from mcsp_rules.riwayat.isi import (  # noqa: F401
    baca_item,
    baca_tanggal,
    frame_simpan,
    hash_isi,
    tanggal_otomatis,
    tulis_item,
)
from mcsp_rules.riwayat.koneksi import Kon, Konflik, tutup_semua  # noqa: F401
from mcsp_rules.riwayat.koneksi import buka as _buka
from mcsp_rules.riwayat.koneksi import tulis as _tulis
from mcsp_rules.riwayat.skema import (
    SKEMA_CACHE,
    SKEMA_CACHE_WILAYAH,
    SKEMA_DOKUMEN_RINGKASAN,
    SKEMA_SKENARIO,
    SKEMA_SKOR_RINGKASAN,
    SKEMA_SNAPSHOT,
    TABEL_PER_ISI,
    VERSI_SKEMA,  # noqa: F401 — re-exported for callers of the store API
)
from mcsp_rules.riwayat.url import ENV_URL, dialek, salah_url, samarkan, url_bawaan  # noqa: F401

if TYPE_CHECKING:  # pragma: no cover
    from mcsp_rules.model import Data
    from mcsp_rules.plugin.registri import Registri
    from mcsp_rules.riwayat.tren import Riwayat

BATAS_SKENARIO_BYTE = 1_000_000
ENV_MASA_HAPUS = "MCSP_MASA_HAPUS_HARI"
_KOLOM_SNAPSHOT = ", ".join(SKEMA_SNAPSHOT)


def masa_hapus() -> timedelta:
    """How long a deleted snapshot can be restored (``MCSP_MASA_HAPUS_HARI``, default 30 days; 0 = at once)."""
    try:
        return timedelta(days=max(float(os.environ.get(ENV_MASA_HAPUS, "30")), 0.0))
    except ValueError:
        return timedelta(days=30)


# ----------------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Snapshot:
    id: int
    tanggal: date
    label: str | None
    nama_file: tuple[str, ...]
    hash_isi: str
    dibuat: datetime
    baris_rincian: int
    baris_skor_ringkasan: int
    baris_dokumen_ringkasan: int
    jumlah_pemda: int
    tahun_data: str
    isi_id: int | None = None  # the snapshot whose stored rows this one shares (itself when it stored them)
    oleh: str | None = None
    dihapus: datetime | None = None
    dihapus_oleh: str | None = None


@dataclass(frozen=True)
class HasilImpor:
    """What an import did: ``baru`` False means the same content with the same date was already stored as
    ``snapshot``. ``isi_sama`` is the earlier snapshot whose content this new one repeats (a week without
    change: a new point of the trend, no rows copied); ``tanggal_sama`` the other live snapshots of that date holding some of the same pemda."""

    snapshot: Snapshot
    baru: bool
    dibaca: int = 0  # rows read from the files
    disisihkan: int = 0  # rows set aside by validation (not stored)
    isi_sama: int | None = None
    tanggal_sama: tuple[int, ...] = field(default_factory=tuple)

    def teks(self, bahasa: str = "id") -> str:
        s = self.snapshot
        en = bahasa != "id"
        if not self.baru:
            return (f"The same content dated {s.tanggal} is already stored as snapshot #{s.id}; not stored again."
                    if en else
                    f"Isi yang sama dengan tanggal {s.tanggal} sudah tersimpan sebagai snapshot #{s.id}; tidak disimpan ulang.")
        teks = (f"Snapshot #{s.id} dated {s.tanggal} stored: {s.baris_rincian} detail rows, "
                f"{s.baris_skor_ringkasan} summary scores, {s.jumlah_pemda} pemda." if en else
                f"Snapshot #{s.id} tanggal {s.tanggal} disimpan: {s.baris_rincian} baris rincian, "
                f"{s.baris_skor_ringkasan} skor ringkasan, {s.jumlah_pemda} pemda.")
        if self.isi_sama is not None:
            teks += (f" Its content equals snapshot #{self.isi_sama}: no change since then (kept as a point of the trend)."
                     if en else
                     f" Isinya sama dengan snapshot #{self.isi_sama}: tidak ada perubahan sejak itu (tetap dicatat sebagai titik tren).")
        return teks

    def peringatan(self, bahasa: str = "id") -> str | None:
        """A second snapshot of the same date is never saved silently."""
        if not self.baru or not self.tanggal_sama:
            return None
        ids = ", ".join(f"#{i}" for i in self.tanggal_sama)
        return (f"Warning: snapshot {ids} of the same date {self.snapshot.tanggal} already holds some of these pemda; "
                "their trend now has two points on that date. If this is a correction, delete the older snapshot."
                if bahasa != "id" else
                f"Perhatian: snapshot {ids} dengan tanggal yang sama ({self.snapshot.tanggal}) sudah memuat sebagian pemda "
                "ini; trennya kini punya dua titik pada tanggal itu. Bila ini koreksi, hapus snapshot yang lama.")


def _jeda_uji() -> None:
    """Test hook: with MCSP_TEST_JEDA_IMPOR=<file> (honoured only under pytest), an import writes that
    file once its transaction holds the snapshot's rows, then sleeps, so a test can kill it there."""
    penanda = os.environ.get("MCSP_TEST_JEDA_IMPOR")
    if penanda and os.environ.get("PYTEST_CURRENT_TEST"):
        Path(penanda).write_text(str(os.getpid()))
        time.sleep(float(os.environ.get("MCSP_TEST_JEDA_DETIK", "60")))


def _sekarang() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _snapshot(baris: dict) -> Snapshot:
    baris = {k: v for k, v in baris.items() if k in Snapshot.__dataclass_fields__}
    nama = baris["nama_file"]
    try:
        nama = tuple(json.loads(nama))
    except (TypeError, ValueError):
        nama = (nama,) if nama else ()
    return Snapshot(**{**baris, "nama_file": nama})


# ------------------------------------------------------------------------------------------ store
class Store:
    """Snapshots, saved scenarios and the audit trail in one database. Each method opens its own short
    connection, so a DuckDB file can be shared by the dashboard and the ``mcsp`` command (one writer at a
    time). ``pengguna`` names who acts, for the audit trail (default: the OS user, ``os:<name>``)."""

    def __init__(self, url: str | None = None, pengguna: str | None = None):
        self.url = url or url_bawaan()
        self.dialek = dialek(self.url)
        self.pengguna = pengguna or audit.pengguna_os()

    def __repr__(self) -> str:
        return f"Store({samarkan(self.url)!r})"

    @property
    def lokasi(self) -> str:
        """The store's location with every credential masked (show it to admins only)."""
        return samarkan(self.url)

    @contextmanager
    def koneksi(self) -> Iterator[Kon]:
        with _buka(self.url) as kon:
            yield kon

    def _tulis(self, kerja):
        return _tulis(self.url, kerja)

    # -- snapshots -------------------------------------------------------------------------------
    def impor(self, sumber, tanggal: str | date | None = None, label: str | None = None, *,
              registri: "Registri | None" = None, sheet: str | int | None = None) -> HasilImpor:
        """Read, validate and store one or more files as one snapshot. A file that cannot be read stops
        the import (a snapshot missing a province would mislead); rows set aside by validation are
        not stored and are counted in the result."""
        import mcsp_rules

        if isinstance(sumber, (str, Path, tuple)):
            sumber = [sumber]
        sumber = list(sumber)
        if tanggal is not None:
            tanggal = baca_tanggal(tanggal)  # a wrong date fails before the files are read
        data = mcsp_rules.load(sumber, registri=registri, sheet=sheet)
        if data.laporan.file_gagal:
            g = data.laporan.file_gagal[0]
            raise MCSPError(g["pesan"], g["message"], file=g["file"])
        nama = [s[0] if isinstance(s, tuple) else Path(s).name for s in sumber]
        if tanggal is None:
            otomatis = tanggal_otomatis(nama, data)
            if otomatis is None:
                raise MCSPError("tanggal snapshot tidak dapat ditentukan dari file; beri --tanggal YYYY-MM-DD.",
                                "the snapshot date cannot be taken from the file; give --tanggal YYYY-MM-DD.")
            tanggal = otomatis[0]
        hasil = self.simpan(data, tanggal, label, nama_file=nama)
        return replace(hasil, dibaca=data.laporan.dibaca, disisihkan=data.laporan.jumlah_disisihkan)

    def simpan(self, data: "Data", tanggal: str | date, label: str | None = None, *,
               nama_file: Iterable[str] | None = None, izinkan_tanggal_sama: bool = True) -> HasilImpor:
        """Store already loaded data as a snapshot dated ``tanggal``, in one transaction. Content already
        stored (by a live or a restorable snapshot) is not copied again: the new snapshot shares its rows.
        Another content for pemda that a snapshot of the same date holds is stored with a warning
        (``HasilImpor.peringatan``), or refused when ``izinkan_tanggal_sama`` is False."""
        tanggal = baca_tanggal(tanggal)
        label = (label or "").strip()[:200] or None
        if nama_file is None:
            nama_file = sorted(set(data.rincian["file"].to_list() if "file" in data.rincian.columns else [])
                               | set(data.ringkasan["file"].to_list() if "file" in data.ringkasan.columns else []))
        nama_file = [str(n) for n in nama_file]
        item, skor, dok = frame_simpan(data)
        if item.is_empty() and skor.is_empty() and dok.is_empty():
            raise MCSPError("tidak ada baris yang dapat disimpan (semua baris disisihkan atau file kosong).",
                            "there are no rows to store (every row was set aside or the file is empty).")
        hash_ = hash_isi(item, skor, dok)
        kunci = f"{hash_}|{tanggal.isoformat()}"
        ada = self._cari_kunci(kunci)
        if ada is not None:
            return HasilImpor(ada, False)
        pemda = pl.concat([item.select("kode_wilayah"), skor.select("kode_wilayah"), dok.select("kode_wilayah")])
        kode_pemda = pemda["kode_wilayah"].unique().sort().to_list()
        tanggal_sama = self.tanggal_bertumpuk(tanggal, kode_pemda)
        if tanggal_sama and not izinkan_tanggal_sama:
            ids = ", ".join(f"#{i}" for i in tanggal_sama)
            raise MCSPError(f"snapshot {ids} dengan tanggal {tanggal} sudah memuat sebagian pemda ini; "
                            "setujui penyimpanan snapshot kedua pada tanggal itu, atau pilih tanggal lain.",
                            f"snapshot {ids} dated {tanggal} already holds some of these pemda; confirm saving a "
                            "second snapshot on that date, or choose another date.")
        sidik = sidik_registri(data.registri)
        cache: list = []

        def hitung() -> None:  # outside the transaction when possible, which then stays short
            if not cache:
                cache.extend(hitung_cache(item.with_columns(pl.lit(0, pl.Int64).alias("snapshot_id")),
                                          skor.with_columns(pl.lit(0, pl.Int64).alias("snapshot_id")), data.registri))

        with self.koneksi() as kon:
            if kon.skalar("SELECT isi_id FROM mcsp_snapshot WHERE hash_isi = ? LIMIT 1", [hash_]) is None:
                hitung()
        tahun = sorted(set(item["tahun"].to_list()) | set(skor["tahun"].to_list()) | set(dok["tahun"].to_list()))
        baris = {
            "tanggal": tanggal, "label": label, "nama_file": json.dumps(nama_file, ensure_ascii=False),
            "hash_isi": hash_, "dibuat": _sekarang(), "baris_rincian": item.height,
            "baris_skor_ringkasan": skor.height, "baris_dokumen_ringkasan": dok.height,
            "jumlah_pemda": len(kode_pemda), "tahun_data": ", ".join(map(str, tahun)),
        }

        def kerja(kon: Kon) -> HasilImpor:
            ada = self._cari_kunci(kunci, kon)
            if ada is not None:
                return HasilImpor(ada, False)
            sid = int(kon.skalar("SELECT nextval('mcsp_snapshot_id')"))
            isi = kon.skalar("SELECT MIN(isi_id) FROM mcsp_snapshot WHERE hash_isi = ?", [hash_])
            isi_sama = None
            if isi is not None:
                isi_sama = kon.skalar("SELECT MAX(id) FROM mcsp_snapshot WHERE isi_id = ? AND dihapus IS NULL", [isi])
            lengkap = {**baris, "isi_id": int(isi) if isi is not None else sid, "oleh": self.pengguna,
                       "dihapus": None, "dihapus_oleh": None}
            kolom = ["id", *lengkap, "kunci"]
            kon.eksekusi(f"INSERT INTO mcsp_snapshot ({', '.join(kolom)}) VALUES ({', '.join('?' * len(kolom))})",
                         [sid, *lengkap.values(), kunci])
            if isi is None:
                hitung()
                idk = pl.lit(sid, pl.Int64).alias("snapshot_id")
                tulis_item(kon, sid, item)
                _jeda_uji()
                kon.sisipkan("mcsp_skor_ringkasan", skor.select(idk, *skor.columns))
                kon.sisipkan("mcsp_dokumen_ringkasan", dok.select(idk, *dok.columns))
                tulis_cache(kon, [sid], sidik, *(c.with_columns(idk) for c in cache))
            audit.catat(kon, self.pengguna, "impor", f"snapshot #{sid}",
                        {"tanggal": tanggal, "file": nama_file, "label": label, "hash_isi": hash_[:16],
                         "isi_sama": isi_sama, "baris_rincian": item.height})
            self._bersihkan(kon)
            return HasilImpor(Snapshot(id=sid, **{**lengkap, "nama_file": tuple(nama_file)}), True,
                              isi_sama=None if isi_sama is None else int(isi_sama), tanggal_sama=tanggal_sama)

        return self._tulis(kerja)

    def tanggal_bertumpuk(self, tanggal: str | date, kode_wilayah: list[str]) -> tuple[int, ...]:
        """Live snapshots dated ``tanggal`` that hold any of these pemda (a second snapshot of a date for
        the same pemda is ambiguous; separate provinces on one date are not)."""
        tanggal = baca_tanggal(tanggal)
        if not kode_wilayah:
            return ()
        with self.koneksi() as kon:
            ids = [r[0] for r in kon.eksekusi(
                "SELECT id, isi_id FROM mcsp_snapshot WHERE tanggal = ? AND dihapus IS NULL ORDER BY id", [tanggal])]
            if not ids:
                return ()
            kode = pl.DataFrame({"kode_wilayah": kode_wilayah})
            hasil = []
            for sid in ids:
                isi = kon.skalar("SELECT isi_id FROM mcsp_snapshot WHERE id = ?", [sid])
                milik = kon.frame(
                    # the small per-pemda tables, never the item rows (this runs on each rerun of the Tren page)
                    "SELECT DISTINCT kode_wilayah FROM mcsp_cache_wilayah WHERE snapshot_id = ? UNION "
                    "SELECT DISTINCT kode_wilayah FROM mcsp_skor_ringkasan WHERE snapshot_id = ? UNION "
                    "SELECT DISTINCT kode_wilayah FROM mcsp_dokumen_ringkasan WHERE snapshot_id = ?",
                    [isi, isi, isi], {"kode_wilayah": pl.String})
                if milik.join(kode, on="kode_wilayah", how="inner").height:
                    hasil.append(int(sid))
        return tuple(hasil)

    def _cari_kunci(self, kunci: str, kon: Kon | None = None) -> Snapshot | None:
        if kon is None:
            with self.koneksi() as kon:
                return self._cari_kunci(kunci, kon)
        f = kon.frame(f"SELECT {_KOLOM_SNAPSHOT} FROM mcsp_snapshot WHERE kunci = ?", [kunci], SKEMA_SNAPSHOT)
        return _snapshot(f.row(0, named=True)) if f.height else None

    def daftar(self, *, dihapus: bool = False) -> pl.DataFrame:
        """Every live snapshot (id, tanggal, label, nama_file, hash_isi, dibuat, row counts, jumlah_pemda,
        tahun_data, isi_id, oleh), oldest date first; ``dihapus=True``: the deleted ones still restorable."""
        syarat = "dihapus IS NOT NULL" if dihapus else "dihapus IS NULL"
        with self.koneksi() as kon:
            f = kon.frame(f"SELECT {_KOLOM_SNAPSHOT} FROM mcsp_snapshot WHERE {syarat} ORDER BY tanggal, id", [],
                          SKEMA_SNAPSHOT)
        f = f.with_columns(pl.col("nama_file").map_batches(_gabung_nama_file, return_dtype=pl.String))
        return f if dihapus else f.drop("dihapus", "dihapus_oleh")

    def kode_tersimpan(self) -> pl.DataFrame:
        """Every (tahun, kode_wilayah) some live snapshot holds, for choosing what a trend shows. Read from
        the small per-pemda tables (cache and reported counts), never from the item rows."""
        hidup = "SELECT isi_id FROM mcsp_snapshot WHERE dihapus IS NULL"
        with self.koneksi() as kon:
            return kon.frame(
                f"SELECT DISTINCT tahun, kode_wilayah FROM mcsp_cache_wilayah WHERE snapshot_id IN ({hidup}) "
                f"UNION SELECT DISTINCT tahun, kode_wilayah FROM mcsp_skor_ringkasan WHERE snapshot_id IN ({hidup}) "
                f"UNION SELECT DISTINCT tahun, kode_wilayah FROM mcsp_dokumen_ringkasan WHERE snapshot_id IN ({hidup}) "
                "ORDER BY 1, 2", [], {"tahun": pl.Int32, "kode_wilayah": pl.String})

    def snapshot(self, id: int) -> Snapshot | None:
        """A live or still restorable snapshot."""
        with self.koneksi() as kon:
            f = kon.frame(f"SELECT {_KOLOM_SNAPSHOT} FROM mcsp_snapshot WHERE id = ?", [int(id)], SKEMA_SNAPSHOT)
        return _snapshot(f.row(0, named=True)) if f.height else None

    def hapus(self, id: int, *, final: bool = False) -> Snapshot:
        """Delete a snapshot: it leaves the trend at once and stays restorable (``pulihkan``) for
        ``masa_hapus()``; ``final=True`` removes it for good now (with its rows, unless another snapshot
        shares them). Two people deleting the same snapshot: the second is told it is already deleted."""

        def kerja(kon: Kon) -> Snapshot:
            s = self._ambil(kon, id)
            if s.dihapus is not None and not final:
                raise MCSPError(f"snapshot #{id} sudah dihapus (oleh {s.dihapus_oleh}); muat ulang halaman.",
                                f"snapshot #{id} is already deleted (by {s.dihapus_oleh}); reload.")
            if final:
                self._buang(kon, s)
                audit.catat(kon, self.pengguna, "hapus_final", f"snapshot #{s.id}", {"tanggal": s.tanggal})
                return s
            kon.eksekusi("UPDATE mcsp_snapshot SET dihapus = ?, dihapus_oleh = ?, kunci = NULL WHERE id = ?",
                         [_sekarang(), self.pengguna, int(id)])
            self._buang_cache_tanpa_pemilik(kon, s.isi_id)
            audit.catat(kon, self.pengguna, "hapus", f"snapshot #{s.id}",
                        {"tanggal": s.tanggal, "file": list(s.nama_file), "dapat_dipulihkan_hari": masa_hapus().days})
            self._bersihkan(kon)
            return s

        return self._tulis(kerja)

    def pulihkan(self, id: int) -> Snapshot:
        """Bring a deleted snapshot back into the trend (within the grace period)."""

        def kerja(kon: Kon) -> Snapshot:
            s = self._ambil(kon, id)
            if s.dihapus is None:
                raise MCSPError(f"snapshot #{id} tidak dihapus.", f"snapshot #{id} is not deleted.")
            kunci = f"{s.hash_isi}|{s.tanggal.isoformat()}"
            lain = kon.skalar("SELECT id FROM mcsp_snapshot WHERE kunci = ?", [kunci])
            if lain is not None:
                raise MCSPError(f"isi yang sama dengan tanggal yang sama sudah ada sebagai snapshot #{lain}.",
                                f"the same content with the same date exists as snapshot #{lain}.")
            kon.eksekusi("UPDATE mcsp_snapshot SET dihapus = NULL, dihapus_oleh = NULL, kunci = ? WHERE id = ?",
                         [kunci, int(id)])
            audit.catat(kon, self.pengguna, "pulihkan", f"snapshot #{s.id}", {"tanggal": s.tanggal})
            return s

        return self._tulis(kerja)

    def _ambil(self, kon: Kon, id: int) -> Snapshot:
        f = kon.frame(f"SELECT {_KOLOM_SNAPSHOT} FROM mcsp_snapshot WHERE id = ?", [int(id)], SKEMA_SNAPSHOT)
        if not f.height:
            raise MCSPError(f"snapshot #{id} tidak ada; lihat `mcsp history list`.",
                            f"snapshot #{id} does not exist; see `mcsp history list`.")
        return _snapshot(f.row(0, named=True))

    @staticmethod
    def _buang_cache_tanpa_pemilik(kon: Kon, isi_id: int) -> None:
        """The cache never keeps the scores of content no live snapshot holds (recomputed on restore)."""
        if kon.skalar("SELECT COUNT(*) FROM mcsp_snapshot WHERE isi_id = ? AND dihapus IS NULL", [isi_id]):
            return
        for tabel in ("mcsp_cache_area", "mcsp_cache_wilayah", "mcsp_cache"):
            kon.eksekusi(f"DELETE FROM {tabel} WHERE snapshot_id = ?", [isi_id])

    @staticmethod
    def _buang(kon: Kon, s: Snapshot) -> None:
        """Remove a snapshot for good; its rows go with it unless another snapshot shares them."""
        kon.eksekusi("DELETE FROM mcsp_snapshot WHERE id = ?", [s.id])
        if not kon.skalar("SELECT COUNT(*) FROM mcsp_snapshot WHERE isi_id = ?", [s.isi_id]):
            for tabel in TABEL_PER_ISI:
                kon.eksekusi(f"DELETE FROM {tabel} WHERE snapshot_id = ?", [s.isi_id])

    def _bersihkan(self, kon: Kon) -> None:
        """Inside a write: remove for good the snapshots deleted longer ago than the grace period."""
        batas = _sekarang() - masa_hapus()
        f = kon.frame(f"SELECT {_KOLOM_SNAPSHOT} FROM mcsp_snapshot WHERE dihapus IS NOT NULL AND dihapus <= ?",
                      [batas], SKEMA_SNAPSHOT)
        for r in f.iter_rows(named=True):
            s = _snapshot(r)
            self._buang(kon, s)
            audit.catat(kon, self.pengguna, "hapus_final", f"snapshot #{s.id}",
                        {"tanggal": s.tanggal, "sebab": "masa pemulihan habis"})

    def bersihkan(self) -> int:
        """Remove for good every snapshot whose grace period is over; returns how many."""

        def kerja(kon: Kon) -> int:
            n = kon.skalar("SELECT COUNT(*) FROM mcsp_snapshot WHERE dihapus IS NOT NULL AND dihapus <= ?",
                           [_sekarang() - masa_hapus()])
            self._bersihkan(kon)
            return int(n or 0)

        return self._tulis(kerja)

    def baris(self, id: int) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
        """The stored rows of one snapshot: (detail items, summary area scores, reported document counts);
        empty once it is removed for good. Detail rows have SKEMA_ITEM's columns, then the document code
        and KPK's weight levels when the file filled them (isi.KOLOM_ITEM_TAMBAHAN)."""
        with self.koneksi() as kon:
            isi = kon.skalar("SELECT isi_id FROM mcsp_snapshot WHERE id = ?", [int(id)])
            isi = -1 if isi is None else int(isi)
            return (
                baca_item(kon, [isi]),
                kon.frame(f"SELECT {', '.join(SKEMA_SKOR_RINGKASAN)} FROM mcsp_skor_ringkasan WHERE snapshot_id = ?",
                          [isi], SKEMA_SKOR_RINGKASAN),
                kon.frame(f"SELECT {', '.join(SKEMA_DOKUMEN_RINGKASAN)} FROM mcsp_dokumen_ringkasan WHERE snapshot_id = ?",
                          [isi], SKEMA_DOKUMEN_RINGKASAN),
            )

    def audit(self, batas: int | None = None) -> pl.DataFrame:
        """The audit trail, newest first: id, waktu (UTC), pengguna, aksi, objek, rincian."""
        with self.koneksi() as kon:
            return audit.daftar(kon, batas)

    # -- history -----------------------------------------------------------------------------------
    def riwayat(self, kode: str | None = None, *, tingkat: str | None = None, tahun: int | None = None,
                registri: "Registri | None" = None) -> "Riwayat":
        """The history behind the trend functions (mcsp_rules.riwayat.tren) for one pemda (``tingkat="wilayah"``),
        a province (``"provinsi"``: all its pemda) or the whole country (``kode=None``; with
        ``tingkat="nasional"`` the country is aggregated as one unit); a two-digit code
        means the province unless ``tingkat`` says otherwise. Per snapshot: each pemda's index and document
        counts (with the plugins' weights), reported document counts of summary exports, and, loaded
        when first used, area scores. Snapshots not yet scored by the current plugins and weights are
        scored first (and cached)."""
        from mcsp_rules.plugin.registri import registri_bawaan
        from mcsp_rules.riwayat.tren import Riwayat

        registri = registri or registri_bawaan()
        tingkat = _tingkat(kode, tingkat)
        sidik = sidik_registri(registri)

        def syarat(alias: str, prefiks: bool) -> tuple[str, list]:
            teks, params = [], []
            if kode is not None:
                if tingkat == "wilayah":
                    teks.append(f"{alias}.kode_wilayah = ?")
                    params.append(kode)
                elif prefiks:
                    teks.append(f"({alias}.kode_wilayah = ? OR {alias}.kode_wilayah LIKE ?)")
                    params += [kode, kode + ".%"]
                else:
                    teks.append(f"{alias}.kode_provinsi = ?")
                    params.append(kode)
            if tahun is not None:
                teks.append(f"{alias}.tahun = ?")
                params.append(int(tahun))
            return "".join(f" AND {t}" for t in teks), params

        def pilih(tabel: str, skema: dict, alias: str, dengan_sidik: bool, prefiks: bool, kon: Kon) -> pl.DataFrame:
            sql, params = syarat(alias, prefiks)
            kolom = ", ".join(f"{alias}.{k}" for k in skema)
            return kon.frame(
                f"SELECT s.id AS snapshot_id, s.tanggal, {kolom} FROM {tabel} {alias} "
                f"JOIN mcsp_snapshot s ON s.isi_id = {alias}.snapshot_id WHERE s.dihapus IS NULL AND "
                + (f"{alias}.sidik = ?" if dengan_sidik else "1 = 1") + sql,
                ([sidik] if dengan_sidik else []) + params, {"snapshot_id": pl.Int64, "tanggal": pl.Date, **skema})

        def muat_area() -> pl.DataFrame:
            with self.koneksi() as kon:
                lengkapi_cache(self.url, kon, registri, sidik)
                return pilih("mcsp_cache_area", SKEMA_CACHE, "c", True, False, kon)

        with self.koneksi() as kon:
            lengkapi_cache(self.url, kon, registri, sidik)
            snap = kon.frame(f"SELECT {_KOLOM_SNAPSHOT} FROM mcsp_snapshot WHERE dihapus IS NULL ORDER BY tanggal, id", [],
                             SKEMA_SNAPSHOT).drop("dihapus", "dihapus_oleh")
            wilayah = pilih("mcsp_cache_wilayah", SKEMA_CACHE_WILAYAH, "w", True, False, kon)
            dok = pilih("mcsp_dokumen_ringkasan", SKEMA_DOKUMEN_RINGKASAN, "d", False, True, kon)
        wilayah = wilayah.with_columns(
            pl.col("lengkap").cast(pl.Boolean),
            pl.when(pl.col("area_hilang") == "").then(pl.lit([], pl.List(pl.String)))
            .otherwise(pl.col("area_hilang").str.split(",")).alias("area_hilang"),
        )
        dok = dok.with_columns(pl.col("kode_wilayah").str.split(".").list.first().alias("kode_provinsi"))
        return Riwayat(snapshot=snap.with_columns(pl.col("nama_file").map_batches(_gabung_nama_file, return_dtype=pl.String)),
                       wilayah=wilayah, dokumen_ringkasan=dok, registri=registri, kode=kode, tingkat=tingkat,
                       muat_area=muat_area)

    def hapus_cache(self) -> None:
        """Drop every cached score (they are recomputed on the next trend)."""

        def kerja(kon: Kon) -> None:
            kon.eksekusi("DELETE FROM mcsp_cache_area")
            kon.eksekusi("DELETE FROM mcsp_cache_wilayah")
            kon.eksekusi("DELETE FROM mcsp_cache")
            audit.catat(kon, self.pengguna, "cache_hapus", "cache")

        self._tulis(kerja)

    # -- saved scenarios (what-if) ------------------------------------------------------------------
    def simpan_skenario(self, nama: str, isi_json: str, *, timpa: bool = True) -> int:
        """Save a scenario's JSON (``Skenario.to_json()``) under ``nama``. An existing name is replaced
        when ``timpa`` (recorded as an overwrite), otherwise refused."""
        nama = (nama or "").strip()
        if not nama or len(nama) > 200:
            raise MCSPError("nama skenario harus diisi (paling panjang 200 karakter).",
                            "a scenario needs a name (at most 200 characters).")
        if len(isi_json.encode("utf-8")) > BATAS_SKENARIO_BYTE:
            raise MCSPError("skenario terlalu besar untuk disimpan (lebih dari 1 MB).",
                            "the scenario is too large to save (over 1 MB).")
        try:
            json.loads(isi_json)
        except ValueError as e:
            raise MCSPError(f"skenario bukan JSON yang sah ({e}).", f"the scenario is not valid JSON ({e}).") from None
        sekarang = _sekarang()

        def kerja(kon: Kon) -> int:
            ada = kon.skalar("SELECT id FROM mcsp_skenario WHERE nama = ?", [nama])
            if ada is not None:
                if not timpa:
                    raise MCSPError(f"skenario '{nama}' sudah ada; pilih nama lain atau setujui penimpaan.",
                                    f"a scenario named '{nama}' exists; choose another name or confirm overwriting.")
                kon.eksekusi("UPDATE mcsp_skenario SET isi = ?, diubah = ? WHERE id = ?", [isi_json, sekarang, ada])
                audit.catat(kon, self.pengguna, "skenario_timpa", f"skenario {nama}")
                return int(ada)
            sid = int(kon.skalar("SELECT nextval('mcsp_skenario_id')"))
            kon.eksekusi("INSERT INTO mcsp_skenario (id, nama, isi, dibuat, diubah) VALUES (?, ?, ?, ?, ?)",
                         [sid, nama, isi_json, sekarang, sekarang])
            audit.catat(kon, self.pengguna, "skenario_simpan", f"skenario {nama}")
            return sid

        return self._tulis(kerja)

    def muat_skenario(self, nama: str) -> str | None:
        """The saved JSON text (give it to ``Skenario.from_json``), or None."""
        with self.koneksi() as kon:
            return kon.skalar("SELECT isi FROM mcsp_skenario WHERE nama = ?", [nama.strip()])

    def daftar_skenario(self) -> pl.DataFrame:
        with self.koneksi() as kon:
            return kon.frame(f"SELECT {', '.join(SKEMA_SKENARIO)} FROM mcsp_skenario ORDER BY nama", [], SKEMA_SKENARIO)

    def hapus_skenario(self, nama: str) -> bool:
        def kerja(kon: Kon) -> bool:
            ada = kon.skalar("SELECT id FROM mcsp_skenario WHERE nama = ?", [nama.strip()])
            if ada is None:
                return False
            kon.eksekusi("DELETE FROM mcsp_skenario WHERE id = ?", [ada])
            audit.catat(kon, self.pengguna, "skenario_hapus", f"skenario {nama.strip()}")
            return True

        return self._tulis(kerja)


def _gabung_nama_file(s: pl.Series) -> pl.Series:
    """JSON lists of file names → 'a.csv; b.xlsx'."""
    return s.str.json_decode(pl.List(pl.String)).list.join("; ")


def _tingkat(kode: str | None, tingkat: str | None) -> str:
    if tingkat not in (None, "wilayah", "provinsi", "nasional"):
        raise MCSPError(f"tingkat harus wilayah, provinsi atau nasional, bukan '{tingkat}'.",
                        f"the level must be wilayah, provinsi or nasional, not '{tingkat}'.")
    if tingkat == "nasional" and kode is not None:
        raise MCSPError("tingkat nasional mencakup seluruh Indonesia; jangan beri kode wilayah.",
                        "the national level covers all of Indonesia; give no region code.")
    if kode is None:
        return "provinsi" if tingkat is None else tingkat
    if tingkat == "provinsi" and "." in kode:
        raise MCSPError(f"{kode} adalah kode kabupaten/kota, bukan provinsi.", f"{kode} is a regency/city code, not a province.")
    return tingkat or ("provinsi" if "." not in kode else "wilayah")


def buka(url: str | None = None, pengguna: str | None = None) -> Store:
    """The store at ``url`` (default: ``MCSP_DATABASE_URL`` or the embedded file)."""
    return Store(url, pengguna)
