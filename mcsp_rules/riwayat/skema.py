"""The store's tables, as VERSIONED MIGRATIONS: ``mcsp_versi`` records each step applied, and
``siapkan`` runs the missing steps in order, once, under a lock (PostgreSQL: an advisory lock; DuckDB:
one writer process per file, and the caller's per-file lock for its threads).

Add a schema change by appending a ``Migrasi`` to ``MIGRASI`` (never edit an applied one). Each step's
SQL runs on both backends; a ``(dialect, sql)`` pair limits a statement to one dialect, and a callable
step ``f(kon)`` does what SQL cannot (inside the same transaction).

Version 1: snapshots, their rows, the score cache and saved scenarios (as the first release made them).
Version 2: every observation kept (a snapshot shares the rows of an earlier one with the same content:
``isi_id``; uniqueness is content + date, not content), soft deletes (``dihapus``, ``dihapus_oleh``),
who imported (``oleh``), and the audit trail (``mcsp_audit``).
Version 3: detail rows stored compactly, as Parquet (zstd) parts per content in ``mcsp_item_blok`` instead of
one database row per item in ``mcsp_item`` (moved over, then dropped). At real scale (a national year at
document level, ~362,000 rows) a weekly snapshot took ~43 MB in PostgreSQL's row table and ~3.7 MB in DuckDB;
as Parquet it takes ~0.8 MB on both. Nothing queries single item rows: the trend reads the per-pemda and
per-area cache, and item rows are read whole per content (to score it, or by ``Store.baris``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.model import KOLOM_DOKUMEN
from mcsp_rules.riwayat.blok import tulis_item

KUNCI_ADVISORY = 0x6D637370  # 'mcsp': one schema creator / one writer at a time on PostgreSQL

SKEMA_ITEM = {
    "tahun": pl.Int32, "kode_wilayah": pl.String, "area": pl.String, "indikator": pl.String,
    "sub_indikator": pl.String, "bobot": pl.Float64, "status": pl.String, "nilai": pl.Float64,
    "tanggal_unggah": pl.Date, "tanggal_verifikasi": pl.Date,
}
SKEMA_SKOR_RINGKASAN = {"tahun": pl.Int32, "kode_wilayah": pl.String, "area": pl.String, "skor": pl.Float64}
SKEMA_DOKUMEN_RINGKASAN = {"tahun": pl.Int32, "kode_wilayah": pl.String, "skor_total": pl.Float64,
                           **{k: pl.Int64 for k in KOLOM_DOKUMEN}}
SKEMA_CACHE = {"tahun": pl.Int32, "kode_wilayah": pl.String, "kode_provinsi": pl.String, "area": pl.String,
               "skor": pl.Float64, "sumber": pl.String, **{k: pl.Int64 for k in KOLOM_DOKUMEN}}
# per pemda with the plugins' own area weights; document counts from detail rows (null without any)
SKEMA_CACHE_WILAYAH = {"tahun": pl.Int32, "kode_wilayah": pl.String, "kode_provinsi": pl.String, "indeks": pl.Float64,
                       "lengkap": pl.Int32, "area_hilang": pl.String, **{k: pl.Int64 for k in KOLOM_DOKUMEN}}
SKEMA_SNAPSHOT = {
    "id": pl.Int64, "tanggal": pl.Date, "label": pl.String, "nama_file": pl.String, "hash_isi": pl.String,
    "dibuat": pl.Datetime("us"), "baris_rincian": pl.Int64, "baris_skor_ringkasan": pl.Int64,
    "baris_dokumen_ringkasan": pl.Int64, "jumlah_pemda": pl.Int64, "tahun_data": pl.String,
    "isi_id": pl.Int64, "oleh": pl.String, "dihapus": pl.Datetime("us"), "dihapus_oleh": pl.String,
}
SKEMA_SKENARIO = {"id": pl.Int64, "nama": pl.String, "dibuat": pl.Datetime("us"), "diubah": pl.Datetime("us")}
SKEMA_AUDIT = {"id": pl.Int64, "waktu": pl.Datetime("us"), "pengguna": pl.String, "aksi": pl.String,
               "objek": pl.String, "rincian": pl.String}

# rows stored per content (keyed by the snapshot that first held it: isi_id), and the cache of that content
TABEL_PER_ISI = ("mcsp_cache_area", "mcsp_cache_wilayah", "mcsp_cache", "mcsp_item_blok", "mcsp_skor_ringkasan",
                 "mcsp_dokumen_ringkasan")

_D = "DOUBLE PRECISION"


@dataclass(frozen=True)
class Migrasi:
    versi: int
    keterangan: str
    sql: tuple  # str, (dialect, str) for one backend only, or a callable f(kon)


_V1 = (
    "CREATE TABLE IF NOT EXISTS mcsp_info (kunci TEXT PRIMARY KEY, nilai TEXT NOT NULL)",
    "CREATE SEQUENCE IF NOT EXISTS mcsp_snapshot_id START 1",
    "CREATE SEQUENCE IF NOT EXISTS mcsp_skenario_id START 1",
    """CREATE TABLE IF NOT EXISTS mcsp_snapshot (
        id BIGINT PRIMARY KEY, tanggal DATE NOT NULL, label TEXT, nama_file TEXT NOT NULL,
        hash_isi TEXT NOT NULL UNIQUE, dibuat TIMESTAMP NOT NULL, baris_rincian BIGINT NOT NULL,
        baris_skor_ringkasan BIGINT NOT NULL, baris_dokumen_ringkasan BIGINT NOT NULL,
        jumlah_pemda BIGINT NOT NULL, tahun_data TEXT NOT NULL)""",
    f"""CREATE TABLE IF NOT EXISTS mcsp_item (
        snapshot_id BIGINT NOT NULL, tahun INTEGER NOT NULL, kode_wilayah TEXT NOT NULL, area TEXT NOT NULL,
        indikator TEXT, sub_indikator TEXT NOT NULL, bobot {_D} NOT NULL, status TEXT NOT NULL, nilai {_D},
        tanggal_unggah DATE, tanggal_verifikasi DATE)""",
    f"""CREATE TABLE IF NOT EXISTS mcsp_skor_ringkasan (
        snapshot_id BIGINT NOT NULL, tahun INTEGER NOT NULL, kode_wilayah TEXT NOT NULL, area TEXT NOT NULL,
        skor {_D} NOT NULL)""",
    f"""CREATE TABLE IF NOT EXISTS mcsp_dokumen_ringkasan (
        snapshot_id BIGINT NOT NULL, tahun INTEGER NOT NULL, kode_wilayah TEXT NOT NULL, skor_total {_D},
        {", ".join(f"{k} BIGINT" for k in KOLOM_DOKUMEN)})""",
    """CREATE TABLE IF NOT EXISTS mcsp_cache (
        snapshot_id BIGINT NOT NULL, sidik TEXT NOT NULL, dibuat TIMESTAMP NOT NULL, PRIMARY KEY (snapshot_id, sidik))""",
    f"""CREATE TABLE IF NOT EXISTS mcsp_cache_area (
        snapshot_id BIGINT NOT NULL, sidik TEXT NOT NULL, tahun INTEGER NOT NULL, kode_wilayah TEXT NOT NULL,
        kode_provinsi TEXT NOT NULL, area TEXT NOT NULL, skor {_D}, sumber TEXT NOT NULL,
        {", ".join(f"{k} BIGINT" for k in KOLOM_DOKUMEN)})""",
    f"""CREATE TABLE IF NOT EXISTS mcsp_cache_wilayah (
        snapshot_id BIGINT NOT NULL, sidik TEXT NOT NULL, tahun INTEGER NOT NULL, kode_wilayah TEXT NOT NULL,
        kode_provinsi TEXT NOT NULL, indeks {_D}, lengkap INTEGER NOT NULL, area_hilang TEXT NOT NULL,
        {", ".join(f"{k} BIGINT" for k in KOLOM_DOKUMEN)})""",
    """CREATE TABLE IF NOT EXISTS mcsp_skenario (
        id BIGINT PRIMARY KEY, nama TEXT NOT NULL UNIQUE, isi TEXT NOT NULL, dibuat TIMESTAMP NOT NULL,
        diubah TIMESTAMP NOT NULL)""",
    # PostgreSQL reads by index; DuckDB's zone maps already skip by snapshot (rows arrive in snapshot order),
    # and ART indexes on the big tables would only slow its bulk inserts.
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_item_snapshot ON mcsp_item (snapshot_id)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_skor_ringkasan_snapshot ON mcsp_skor_ringkasan (snapshot_id)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_dokumen_ringkasan_snapshot ON mcsp_dokumen_ringkasan (snapshot_id)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_cache_area_snapshot ON mcsp_cache_area (snapshot_id, sidik)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_cache_area_provinsi ON mcsp_cache_area (sidik, kode_provinsi)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_cache_area_wilayah ON mcsp_cache_area (sidik, kode_wilayah)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_cache_wilayah_snapshot ON mcsp_cache_wilayah (snapshot_id, sidik)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_cache_wilayah_provinsi ON mcsp_cache_wilayah (sidik, kode_provinsi)"),
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_cache_wilayah_wilayah ON mcsp_cache_wilayah (sidik, kode_wilayah)"),
)

# The snapshot table is rebuilt (neither backend drops a UNIQUE constraint the same way): content may now
# repeat on another date. ``kunci`` = hash|date is unique while the snapshot is live and NULL once deleted.
_V2 = (
    """CREATE TABLE mcsp_snapshot_v2 (
        id BIGINT PRIMARY KEY, tanggal DATE NOT NULL, label TEXT, nama_file TEXT NOT NULL,
        hash_isi TEXT NOT NULL, dibuat TIMESTAMP NOT NULL, baris_rincian BIGINT NOT NULL,
        baris_skor_ringkasan BIGINT NOT NULL, baris_dokumen_ringkasan BIGINT NOT NULL,
        jumlah_pemda BIGINT NOT NULL, tahun_data TEXT NOT NULL, isi_id BIGINT NOT NULL, oleh TEXT,
        dihapus TIMESTAMP, dihapus_oleh TEXT, kunci TEXT UNIQUE)""",
    """INSERT INTO mcsp_snapshot_v2 (id, tanggal, label, nama_file, hash_isi, dibuat, baris_rincian,
        baris_skor_ringkasan, baris_dokumen_ringkasan, jumlah_pemda, tahun_data, isi_id, oleh, dihapus,
        dihapus_oleh, kunci)
       SELECT id, tanggal, label, nama_file, hash_isi, dibuat, baris_rincian, baris_skor_ringkasan,
        baris_dokumen_ringkasan, jumlah_pemda, tahun_data, id, NULL, NULL, NULL,
        hash_isi || '|' || CAST(tanggal AS TEXT) FROM mcsp_snapshot""",
    "DROP TABLE mcsp_snapshot",
    "ALTER TABLE mcsp_snapshot_v2 RENAME TO mcsp_snapshot",
    ("postgresql", "CREATE INDEX IF NOT EXISTS mcsp_snapshot_hash ON mcsp_snapshot (hash_isi)"),
    "CREATE SEQUENCE IF NOT EXISTS mcsp_audit_id START 1",
    """CREATE TABLE IF NOT EXISTS mcsp_audit (
        id BIGINT PRIMARY KEY, waktu TIMESTAMP NOT NULL, pengguna TEXT NOT NULL, aksi TEXT NOT NULL,
        objek TEXT NOT NULL, rincian TEXT)""",
)



def _item_ke_blok(kon) -> None:
    """Version 3: every content's detail rows from ``mcsp_item`` into Parquet parts (``blok.tulis_item``)."""
    for (sid,) in kon.eksekusi("SELECT DISTINCT snapshot_id FROM mcsp_item ORDER BY snapshot_id"):
        item = kon.frame(f"SELECT {', '.join(SKEMA_ITEM)} FROM mcsp_item WHERE snapshot_id = ?", [sid], SKEMA_ITEM)
        tulis_item(kon, int(sid), item)


# One row per part of a content's detail rows (``bagian`` 0, 1, ...; at most blok.BARIS_PER_BAGIAN rows each);
# ``parquet`` is the part as a Parquet file (blok). PostgreSQL keeps it out of line without trying to compress it again.
_V3 = (
    ("duckdb", """CREATE TABLE IF NOT EXISTS mcsp_item_blok (
        snapshot_id BIGINT NOT NULL, bagian INTEGER NOT NULL, jumlah_baris BIGINT NOT NULL, parquet BLOB NOT NULL,
        PRIMARY KEY (snapshot_id, bagian))"""),
    ("postgresql", """CREATE TABLE IF NOT EXISTS mcsp_item_blok (
        snapshot_id BIGINT NOT NULL, bagian INTEGER NOT NULL, jumlah_baris BIGINT NOT NULL, parquet BYTEA NOT NULL,
        PRIMARY KEY (snapshot_id, bagian))"""),
    ("postgresql", "ALTER TABLE mcsp_item_blok ALTER COLUMN parquet SET STORAGE EXTERNAL"),
    _item_ke_blok,
    "DROP TABLE mcsp_item",
)

MIGRASI: tuple[Migrasi, ...] = (
    Migrasi(1, "snapshot, baris, cache, skenario", _V1),
    Migrasi(2, "setiap pengamatan disimpan, hapus lunak, jejak audit", _V2),
    Migrasi(3, "baris rincian disimpan ringkas sebagai Parquet per isi", _V3),
)
VERSI_SKEMA = MIGRASI[-1].versi


def _sekarang() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def versi_terpasang(kon) -> int:
    """The highest migration applied (0 for an empty database). A database of the first release has no
    ``mcsp_versi`` but records ``versi_skema`` = 1 in ``mcsp_info``."""
    ada = {r[0] for r in kon.eksekusi(
        "SELECT table_name FROM information_schema.tables WHERE table_name IN ('mcsp_versi', 'mcsp_info')")}
    if "mcsp_versi" in ada:
        return int(kon.skalar("SELECT COALESCE(MAX(versi), 0) FROM mcsp_versi") or 0)
    if "mcsp_info" in ada:
        v = kon.skalar("SELECT nilai FROM mcsp_info WHERE kunci = ?", ["versi_skema"])
        return int(v) if v is not None else 0
    return 0


def siapkan(kon) -> list[int]:
    """Apply the missing migrations in order, in one transaction; returns the versions applied."""
    with kon.transaksi():
        if kon.dialek == "postgresql":
            kon.eksekusi("SELECT pg_advisory_xact_lock(?)", [KUNCI_ADVISORY])  # one creator at a time
        kon.eksekusi("CREATE TABLE IF NOT EXISTS mcsp_versi (versi INTEGER PRIMARY KEY, keterangan TEXT NOT NULL, "
                     "dipasang TIMESTAMP NOT NULL)")
        versi = versi_terpasang(kon)
        if versi > VERSI_SKEMA:
            raise MCSPError(f"database ini dibuat oleh versi mcsp yang lebih baru (skema {versi}); perbarui mcsp.",
                            f"this database was made by a newer mcsp (schema {versi}); upgrade mcsp.")
        if versi >= 1 and not kon.skalar("SELECT COUNT(*) FROM mcsp_versi"):
            kon.eksekusi("INSERT INTO mcsp_versi (versi, keterangan, dipasang) VALUES (?, ?, ?)",
                         [1, MIGRASI[0].keterangan, _sekarang()])  # a first-release database
        dipasang = []
        for m in MIGRASI:
            if m.versi <= versi:
                continue
            for langkah in m.sql:
                if callable(langkah):
                    langkah(kon)
                    continue
                if isinstance(langkah, tuple):
                    if langkah[0] != kon.dialek:
                        continue
                    langkah = langkah[1]
                kon.eksekusi(langkah)
            kon.eksekusi("INSERT INTO mcsp_versi (versi, keterangan, dipasang) VALUES (?, ?, ?)",
                         [m.versi, m.keterangan, _sekarang()])
            dipasang.append(m.versi)
        if dipasang:
            kon.eksekusi("DELETE FROM mcsp_info WHERE kunci = ?", ["versi_skema"])
            kon.eksekusi("INSERT INTO mcsp_info (kunci, nilai) VALUES (?, ?)", ["versi_skema", str(VERSI_SKEMA)])
    return dipasang
