"""Dated snapshots of exports, kept in an embedded DuckDB file (default) or in PostgreSQL (by URL).

    from mcsp_rules.riwayat.store import Store
    store = Store()                                          # MCSP_DATABASE_URL, or ~/.local/share/mcsp/mcsp.duckdb
    hasil = store.impor(["nasional.csv"], tanggal="2025-10-14")
    store.daftar()                                           # one row per snapshot
    riw = store.riwayat("62")                                # a province's history → mcsp_rules.riwayat.tren

The store keeps what the exports said (detail rows, summary area scores, reported document counts),
never a computed index as truth: a trend re-scores every snapshot with the plugins and weights in use.
Only per-snapshot area scores are cached, keyed by a fingerprint of the item-scoring rules, so a
plugin change recomputes them and a change of area weights needs no recomputation at all.

``MCSP_DATABASE_URL``: ``duckdb:///path/file.duckdb`` (created on first use, no set-up) or
``postgresql://user:password@host:port/db`` (psycopg 3; tables are created on first use).
The same SQL runs on both; the few differences (placeholders, bulk load, bulk read, indexes) live in
the two small connection classes below. Every write is one transaction: an interrupted import
leaves no half snapshot, and a file already stored (same content hash) is recognised.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import json
import os
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import polars as pl

from mcsp_rules.galat import MCSPError

if TYPE_CHECKING:  # pragma: no cover
    from mcsp_rules.model import Data
    from mcsp_rules.plugin.registri import Registri
    from mcsp_rules.riwayat.tren import Riwayat

ENV_URL = "MCSP_DATABASE_URL"
VERSI_SKEMA = 1
VERSI_CACHE = 1  # bump when the cached columns or their computation change
SIDIK_DISIMPAN = 4  # cache generations kept (older plugin fingerprints are pruned)
BATAS_SKENARIO_BYTE = 1_000_000
from mcsp_rules.model import KOLOM_DOKUMEN  # noqa: E402

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
}
SKEMA_SKENARIO = {"id": pl.Int64, "nama": pl.String, "dibuat": pl.Datetime("us"), "diubah": pl.Datetime("us")}

_D = "DOUBLE PRECISION"
_DDL = [
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
]
# PostgreSQL reads by index; DuckDB's zone maps already skip by snapshot (rows arrive in snapshot order),
# and ART indexes on the big tables would only slow its bulk inserts.
_DDL_INDEKS_PG = [
    "CREATE INDEX IF NOT EXISTS mcsp_item_snapshot ON mcsp_item (snapshot_id)",
    "CREATE INDEX IF NOT EXISTS mcsp_skor_ringkasan_snapshot ON mcsp_skor_ringkasan (snapshot_id)",
    "CREATE INDEX IF NOT EXISTS mcsp_dokumen_ringkasan_snapshot ON mcsp_dokumen_ringkasan (snapshot_id)",
    "CREATE INDEX IF NOT EXISTS mcsp_cache_area_snapshot ON mcsp_cache_area (snapshot_id, sidik)",
    "CREATE INDEX IF NOT EXISTS mcsp_cache_area_provinsi ON mcsp_cache_area (sidik, kode_provinsi)",
    "CREATE INDEX IF NOT EXISTS mcsp_cache_area_wilayah ON mcsp_cache_area (sidik, kode_wilayah)",
    "CREATE INDEX IF NOT EXISTS mcsp_cache_wilayah_snapshot ON mcsp_cache_wilayah (snapshot_id, sidik)",
    "CREATE INDEX IF NOT EXISTS mcsp_cache_wilayah_provinsi ON mcsp_cache_wilayah (sidik, kode_provinsi)",
    "CREATE INDEX IF NOT EXISTS mcsp_cache_wilayah_wilayah ON mcsp_cache_wilayah (sidik, kode_wilayah)",
]
_TABEL_PER_SNAPSHOT = ("mcsp_cache_area", "mcsp_cache_wilayah", "mcsp_cache", "mcsp_item", "mcsp_skor_ringkasan", "mcsp_dokumen_ringkasan")


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


@dataclass(frozen=True)
class HasilImpor:
    """What an import did: ``baru`` False means the same content was already stored as ``snapshot``."""

    snapshot: Snapshot
    baru: bool
    dibaca: int = 0  # rows read from the files
    disisihkan: int = 0  # rows set aside by validation (not stored)

    def teks(self, bahasa: str = "id") -> str:
        s = self.snapshot
        if self.baru:
            return (f"Snapshot #{s.id} tanggal {s.tanggal} disimpan: {s.baris_rincian} baris rincian, "
                    f"{s.baris_skor_ringkasan} skor ringkasan, {s.jumlah_pemda} pemda."
                    if bahasa == "id" else
                    f"Snapshot #{s.id} dated {s.tanggal} stored: {s.baris_rincian} detail rows, "
                    f"{s.baris_skor_ringkasan} summary scores, {s.jumlah_pemda} pemda.")
        return (f"Isi yang sama sudah tersimpan sebagai snapshot #{s.id} tanggal {s.tanggal}; tidak disimpan ulang."
                if bahasa == "id" else
                f"The same content is already stored as snapshot #{s.id} dated {s.tanggal}; not stored again.")


# ----------------------------------------------------------------------------------------- URLs
def url_bawaan() -> str:
    """``MCSP_DATABASE_URL`` or the embedded file under the user's data folder (XDG)."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    dasar = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"duckdb:///{(dasar / 'mcsp' / 'mcsp.duckdb').as_posix().lstrip('/')}"


def samarkan(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _salah_url(url: str) -> MCSPError:
    return MCSPError(
        f"MCSP_DATABASE_URL tidak dikenal ({samarkan(url)}); pakai duckdb:///path/file.duckdb atau postgresql://…",
        f"unknown MCSP_DATABASE_URL ({samarkan(url)}); use duckdb:///path/file.duckdb or postgresql://…",
    )


def _path_duckdb(url: str) -> Path:
    sisa = url[len("duckdb:"):]
    if sisa.startswith("//"):
        sisa = sisa[2:]  # duckdb:///abs/file → /abs/file
    if not sisa or sisa in (":memory:", "/:memory:"):
        raise MCSPError("database DuckDB harus berupa file (duckdb:///path/file.duckdb), bukan :memory:.",
                        "the DuckDB database must be a file (duckdb:///path/file.duckdb), not :memory:.")
    return Path(sisa).expanduser()


# ----------------------------------------------------------------------------------- connections
class _Kon:
    """One open connection. SQL uses ``?`` placeholders; ``frame`` returns Polars with a fixed schema."""

    dialek = ""

    def eksekusi(self, sql: str, params: Iterable = ()) -> list[tuple]:
        raise NotImplementedError

    def frame(self, sql: str, params: Iterable, skema: dict) -> pl.DataFrame:
        raise NotImplementedError

    def sisipkan(self, tabel: str, frame: pl.DataFrame) -> None:
        raise NotImplementedError

    def transaksi(self):
        raise NotImplementedError

    def skalar(self, sql: str, params: Iterable = ()):
        baris = self.eksekusi(sql, params)
        return baris[0][0] if baris else None


def _ketik(frame: pl.DataFrame, skema: dict) -> pl.DataFrame:
    return frame.select([pl.col(k).cast(t) for k, t in skema.items()])


class _KonDuck(_Kon):
    dialek = "duckdb"

    def __init__(self, con):
        self.c = con
        self._n = 0

    def eksekusi(self, sql, params=()):
        return self.c.execute(sql, list(params)).fetchall()

    def frame(self, sql, params, skema):
        return _ketik(self.c.sql(sql, params=list(params)).pl(), skema)

    def sisipkan(self, tabel, frame):
        if frame.is_empty():
            return
        self._n += 1
        nama = f"_mcsp_masuk_{self._n}"
        self.c.register(nama, frame.to_arrow())
        try:
            kolom = ", ".join(frame.columns)
            self.c.execute(f"INSERT INTO {tabel} ({kolom}) SELECT {kolom} FROM {nama}").fetchall()
        finally:
            self.c.unregister(nama)

    @contextmanager
    def transaksi(self):
        self.c.begin()
        try:
            yield self
        except BaseException:
            self.c.rollback()
            raise
        self.c.commit()


class _KonPg(_Kon):
    dialek = "postgresql"

    def __init__(self, con):
        self.c = con

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def eksekusi(self, sql, params=()):
        with self.c.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            return cur.fetchall() if cur.description else []

    def frame(self, sql, params, skema):
        buf = io.BytesIO()
        with self.c.cursor() as cur:
            with cur.copy(f"COPY ({self._sql(sql)}) TO STDOUT WITH (FORMAT csv, HEADER)", list(params)) as cp:
                for blok in cp:
                    buf.write(blok)
        buf.seek(0)
        baca = {k: (pl.String if t in (pl.Date, pl.Datetime("us")) else t) for k, t in skema.items()}
        hasil = pl.read_csv(buf, schema=baca, has_header=True)
        return hasil.with_columns(
            [pl.col(k).str.to_date("%Y-%m-%d") for k, t in skema.items() if t == pl.Date]
            + [pl.col(k).str.to_datetime(time_unit="us") for k, t in skema.items() if t == pl.Datetime("us")]
        )

    def sisipkan(self, tabel, frame):
        if frame.is_empty():
            return
        with self.c.cursor() as cur:
            with cur.copy(f"COPY {tabel} ({', '.join(frame.columns)}) FROM STDIN WITH (FORMAT csv)") as cp:
                for awal in range(0, frame.height, 200_000):
                    cp.write(frame.slice(awal, 200_000).write_csv(include_header=False).encode("utf-8"))

    @contextmanager
    def transaksi(self):
        with self.c.transaction():
            yield self


_siap: set[str] = set()  # URLs whose schema this process has already checked


def _galat_db(url: str, e: Exception) -> MCSPError:
    teks = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return MCSPError(f"database {samarkan(url)} tidak dapat dipakai: {teks}",
                     f"the database {samarkan(url)} cannot be used: {teks}")


def _sambung_duckdb(url: str, path: Path):
    import duckdb

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise MCSPError(f"folder database {path.parent} tidak dapat dibuat ({e.strerror}).",
                        f"the database folder {path.parent} cannot be created ({e.strerror}).") from None
    batas = time.monotonic() + float(os.environ.get("MCSP_DATABASE_TUNGGU", "15"))
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as e:
            if "lock" not in str(e).lower():
                raise _galat_db(url, e) from None
            if time.monotonic() < batas:
                time.sleep(0.1)  # another process is writing; DuckDB allows one writer process
                continue
            raise MCSPError(f"database {path} sedang dipakai proses lain; tutup proses itu lalu coba lagi.",
                            f"the database {path} is in use by another process; close it and try again.") from None
        except duckdb.Error as e:
            raise _galat_db(url, e) from None


class _DuckBersama:
    """One open DuckDB database per file and process, shared by threads through cursors, and closed a few
    idle seconds after its last use (``MCSP_DUCKDB_LEPAS_DETIK``, default 2), so that another process,
    such as the ``mcsp`` command beside a running dashboard, can take the file's single-writer lock.
    Opening a file costs tens of milliseconds; a cursor costs microseconds."""

    def __init__(self, url: str, path: Path):
        self.url, self.path = url, path
        self.con = None
        self.aktif = 0
        self.kunci = threading.Lock()
        self.pewaktu: threading.Timer | None = None

    def ambil(self):
        with self.kunci:
            if self.pewaktu is not None:
                self.pewaktu.cancel()
                self.pewaktu = None
            if self.con is None:
                self.con = _sambung_duckdb(self.url, self.path)
            cur = self.con.cursor()
            self.aktif += 1
            return cur

    def lepas(self, cur) -> None:
        try:
            cur.close()
        finally:
            with self.kunci:
                self.aktif -= 1
                if self.aktif == 0:
                    jeda = float(os.environ.get("MCSP_DUCKDB_LEPAS_DETIK", "2"))
                    if jeda <= 0:
                        self._tutup()
                    else:
                        self.pewaktu = threading.Timer(jeda, self._tutup_bila_diam)
                        self.pewaktu.daemon = True
                        self.pewaktu.start()

    def _tutup_bila_diam(self) -> None:
        with self.kunci:
            if self.aktif == 0:
                self._tutup()

    def _tutup(self) -> None:
        if self.con is not None:
            try:
                self.con.close()
            finally:
                self.con = None

    def tutup(self) -> None:
        with self.kunci:
            if self.pewaktu is not None:
                self.pewaktu.cancel()
            self._tutup()


_duck: dict[Path, _DuckBersama] = {}
_duck_kunci = threading.Lock()


def _duck_bersama(url: str) -> _DuckBersama:
    path = _path_duckdb(url).resolve()
    with _duck_kunci:
        if path not in _duck:
            _duck[path] = _DuckBersama(url, path)
        return _duck[path]


@atexit.register
def tutup_semua() -> None:
    """Close every shared DuckDB file now (at exit, or before handing a file to another process)."""
    for d in list(_duck.values()):
        d.tutup()


@contextmanager
def _buka(url: str) -> Iterator[_Kon]:
    if url.startswith("duckdb:"):
        import duckdb

        bersama = _duck_bersama(url)
        con = bersama.ambil()
        kon: _Kon = _KonDuck(con)
        galat = duckdb.Error
        tutup = lambda: bersama.lepas(con)  # noqa: E731
    elif url.startswith(("postgresql:", "postgres:")):
        try:
            import psycopg
        except ImportError:
            raise MCSPError("untuk PostgreSQL pasang psycopg: pip install 'psycopg[binary]'.",
                            "PostgreSQL needs psycopg: pip install 'psycopg[binary]'.") from None
        try:
            con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            raise _galat_db(url, e) from None
        kon = _KonPg(con)
        galat = psycopg.Error
        tutup = con.close
    else:
        raise _salah_url(url)
    try:
        if url not in _siap:
            _siapkan_skema(kon)
            _siap.add(url)
        yield kon
    except galat as e:
        raise _galat_db(url, e) from None
    finally:
        tutup()


def _siapkan_skema(kon: _Kon) -> None:
    with kon.transaksi():
        if kon.dialek == "postgresql":
            kon.eksekusi("SELECT pg_advisory_xact_lock(?)", [0x6D637370])  # one creator at a time
        for ddl in _DDL + (_DDL_INDEKS_PG if kon.dialek == "postgresql" else []):
            kon.eksekusi(ddl)
        versi = kon.skalar("SELECT nilai FROM mcsp_info WHERE kunci = ?", ["versi_skema"])
        if versi is None:
            kon.eksekusi("INSERT INTO mcsp_info (kunci, nilai) VALUES (?, ?)", ["versi_skema", str(VERSI_SKEMA)])
        elif int(versi) > VERSI_SKEMA:
            raise MCSPError(f"database ini dibuat oleh versi mcsp yang lebih baru (skema {versi}); perbarui mcsp.",
                            f"this database was made by a newer mcsp (schema {versi}); upgrade mcsp.")


# ----------------------------------------------------------------------------------- content
def _frame_simpan(data: "Data") -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The rows a snapshot keeps: detail items, summary area scores, reported document counts."""
    r = data.rincian
    item = r.select([(pl.col(k) if k in r.columns else pl.lit(None)).cast(t).alias(k) for k, t in SKEMA_ITEM.items()])
    g = data.ringkasan
    skor = g.select([(pl.col(k) if k in g.columns else pl.lit(None)).cast(t).alias(k) for k, t in SKEMA_SKOR_RINGKASAN.items()])
    b = data.ringkasan_baris
    if b.is_empty() or not {"tahun", "kode_wilayah"} <= set(b.columns):
        dok = pl.DataFrame(schema=SKEMA_DOKUMEN_RINGKASAN)
    else:
        dok = b.select([
            (pl.col(k) if k in b.columns else pl.lit(None)).cast(t, strict=False).alias(k)
            for k, t in SKEMA_DOKUMEN_RINGKASAN.items()
        ]).unique(["tahun", "kode_wilayah"], keep="first", maintain_order=True)
    return item, skor, dok


def hash_isi(item: pl.DataFrame, skor: pl.DataFrame, dok: pl.DataFrame) -> str:
    """sha256 of the normalised rows in a canonical order: the same data as CSV, XLSX, another encoding
    or another row order gives the same hash."""
    h = hashlib.sha256(f"mcsp-snapshot-v{VERSI_SKEMA}\n".encode())
    for nama, f in (("item", item), ("skor_ringkasan", skor), ("dokumen_ringkasan", dok)):
        h.update(f"--{nama}--\n".encode())
        if f.height:
            h.update(f.sort(f.columns, nulls_last=True).write_csv(include_header=True).encode("utf-8"))
    return h.hexdigest()


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
    return (per_area.select("snapshot_id", *[pl.col(k).cast(t) for k, t in SKEMA_CACHE.items()]),
            per_pemda.select("snapshot_id", *[pl.col(k).cast(t) for k, t in SKEMA_CACHE_WILAYAH.items()]))


_ANGKA_TANGGAL = re.compile(r"(?<!\d)(20\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def tanggal_otomatis(nama_file: Iterable[str], data: "Data") -> tuple[date, str] | None:
    """A snapshot date when the user gives none: a YYYY-MM-DD (or YYYYMMDD) date in a file name, else the
    latest upload/verification date in the rows. Returns (date, where it came from) or None."""
    for nama in nama_file:
        m = _ANGKA_TANGGAL.search(Path(nama).name)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])), f"nama file {Path(nama).name}"
            except ValueError:
                pass
    kolom = [k for k in ("tanggal_verifikasi", "tanggal_unggah") if k in data.rincian.columns]
    if kolom and data.rincian.height:
        terakhir = data.rincian.select(pl.max_horizontal([pl.col(k).max() for k in kolom])).item()
        if terakhir is not None:
            return terakhir, "tanggal unggah/verifikasi terakhir di data"
    return None


def baca_tanggal(nilai: str | date | datetime) -> date:
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    try:
        return date.fromisoformat(str(nilai).strip())
    except ValueError:
        raise MCSPError(f"tanggal '{nilai}' tidak valid; tulis sebagai YYYY-MM-DD, misalnya 2025-11-30.",
                        f"invalid date '{nilai}'; write it as YYYY-MM-DD, for example 2025-11-30.") from None


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
    nama = baris["nama_file"]
    try:
        nama = tuple(json.loads(nama))
    except (TypeError, ValueError):
        nama = (nama,) if nama else ()
    return Snapshot(**{**baris, "nama_file": nama})


# ------------------------------------------------------------------------------------------ store
class Store:
    """Snapshots and saved scenarios in one database. Each method opens its own short connection, so a
    DuckDB file can be shared by the dashboard and the ``mcsp`` command (one writer at a time)."""

    def __init__(self, url: str | None = None):
        self.url = url or url_bawaan()
        if not self.url.startswith(("duckdb:", "postgresql:", "postgres:")):
            raise _salah_url(self.url)
        self.dialek = "duckdb" if self.url.startswith("duckdb:") else "postgresql"

    def __repr__(self) -> str:
        return f"Store({samarkan(self.url)!r})"

    @contextmanager
    def koneksi(self) -> Iterator[_Kon]:
        with _buka(self.url) as kon:
            yield kon

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
        return HasilImpor(hasil.snapshot, hasil.baru, data.laporan.dibaca, data.laporan.jumlah_disisihkan)

    def simpan(self, data: "Data", tanggal: str | date, label: str | None = None, *,
               nama_file: Iterable[str] | None = None) -> HasilImpor:
        """Store already loaded data as a snapshot dated ``tanggal``, in one transaction."""
        tanggal = baca_tanggal(tanggal)
        label = (label or "").strip()[:200] or None
        if nama_file is None:
            nama_file = sorted(set(data.rincian["file"].to_list() if "file" in data.rincian.columns else [])
                               | set(data.ringkasan["file"].to_list() if "file" in data.ringkasan.columns else []))
        nama_file = [str(n) for n in nama_file]
        item, skor, dok = _frame_simpan(data)
        if item.is_empty() and skor.is_empty() and dok.is_empty():
            raise MCSPError("tidak ada baris yang dapat disimpan (semua baris disisihkan atau file kosong).",
                            "there are no rows to store (every row was set aside or the file is empty).")
        hash_ = hash_isi(item, skor, dok)
        ada = self._cari_hash(hash_)
        if ada is not None:
            return HasilImpor(ada, False)
        sidik = sidik_registri(data.registri)
        # The cache of the new snapshot is computed before the transaction, which stays short.
        cache = hitung_cache(item.with_columns(pl.lit(0, pl.Int64).alias("snapshot_id")),
                             skor.with_columns(pl.lit(0, pl.Int64).alias("snapshot_id")), data.registri)
        pemda = pl.concat([item.select("kode_wilayah"), skor.select("kode_wilayah"), dok.select("kode_wilayah")])
        tahun = sorted(set(item["tahun"].to_list()) | set(skor["tahun"].to_list()) | set(dok["tahun"].to_list()))
        baris = {
            "tanggal": tanggal, "label": label, "nama_file": json.dumps(nama_file, ensure_ascii=False),
            "hash_isi": hash_, "dibuat": _sekarang(), "baris_rincian": item.height,
            "baris_skor_ringkasan": skor.height, "baris_dokumen_ringkasan": dok.height,
            "jumlah_pemda": pemda["kode_wilayah"].n_unique(), "tahun_data": ", ".join(map(str, tahun)),
        }
        try:
            with self.koneksi() as kon, kon.transaksi():
                ada = self._cari_hash(hash_, kon)
                if ada is not None:
                    return HasilImpor(ada, False)
                sid = int(kon.skalar("SELECT nextval('mcsp_snapshot_id')"))
                kolom = ["id", *baris]
                kon.eksekusi(f"INSERT INTO mcsp_snapshot ({', '.join(kolom)}) VALUES ({', '.join('?' * len(kolom))})",
                             [sid, *baris.values()])
                idk = pl.lit(sid, pl.Int64).alias("snapshot_id")
                kon.sisipkan("mcsp_item", item.select(idk, *item.columns))
                _jeda_uji()
                kon.sisipkan("mcsp_skor_ringkasan", skor.select(idk, *skor.columns))
                kon.sisipkan("mcsp_dokumen_ringkasan", dok.select(idk, *dok.columns))
                self._tulis_cache(kon, [sid], sidik, *(c.with_columns(idk) for c in cache))
        except MCSPError:
            # A unique violation on hash_isi: another import stored the same content first.
            ada = self._cari_hash(hash_)
            if ada is not None:
                return HasilImpor(ada, False)
            raise
        return HasilImpor(Snapshot(id=sid, **{**baris, "nama_file": tuple(nama_file)}), True)

    def _cari_hash(self, hash_: str, kon: _Kon | None = None) -> Snapshot | None:
        if kon is None:
            with self.koneksi() as kon:
                return self._cari_hash(hash_, kon)
        f = kon.frame(f"SELECT {', '.join(SKEMA_SNAPSHOT)} FROM mcsp_snapshot WHERE hash_isi = ?", [hash_], SKEMA_SNAPSHOT)
        return _snapshot(f.row(0, named=True)) if f.height else None

    def daftar(self) -> pl.DataFrame:
        """Every snapshot (id, tanggal, label, nama_file, hash_isi, dibuat, row counts, jumlah_pemda,
        tahun_data), oldest date first."""
        with self.koneksi() as kon:
            f = kon.frame(f"SELECT {', '.join(SKEMA_SNAPSHOT)} FROM mcsp_snapshot ORDER BY tanggal, id", [], SKEMA_SNAPSHOT)
        return f.with_columns(
            pl.col("nama_file").map_batches(_gabung_nama_file, return_dtype=pl.String)
        )

    def kode_tersimpan(self) -> pl.DataFrame:
        """Every (tahun, kode_wilayah) some snapshot holds, for choosing what a trend shows. Read from the
        small per-pemda tables (cache and reported counts), never from the item rows."""
        with self.koneksi() as kon:
            return kon.frame(
                "SELECT DISTINCT tahun, kode_wilayah FROM mcsp_cache_wilayah "
                "UNION SELECT DISTINCT tahun, kode_wilayah FROM mcsp_skor_ringkasan "
                "UNION SELECT DISTINCT tahun, kode_wilayah FROM mcsp_dokumen_ringkasan ORDER BY 1, 2",
                [], {"tahun": pl.Int32, "kode_wilayah": pl.String})

    def snapshot(self, id: int) -> Snapshot | None:
        with self.koneksi() as kon:
            f = kon.frame(f"SELECT {', '.join(SKEMA_SNAPSHOT)} FROM mcsp_snapshot WHERE id = ?", [int(id)], SKEMA_SNAPSHOT)
        return _snapshot(f.row(0, named=True)) if f.height else None

    def hapus(self, id: int) -> Snapshot:
        """Delete a snapshot and everything stored with it, in one transaction."""
        with self.koneksi() as kon, kon.transaksi():
            f = kon.frame(f"SELECT {', '.join(SKEMA_SNAPSHOT)} FROM mcsp_snapshot WHERE id = ?", [int(id)], SKEMA_SNAPSHOT)
            if not f.height:
                raise MCSPError(f"snapshot #{id} tidak ada; lihat `mcsp history list`.",
                                f"snapshot #{id} does not exist; see `mcsp history list`.")
            for tabel in _TABEL_PER_SNAPSHOT:
                kon.eksekusi(f"DELETE FROM {tabel} WHERE snapshot_id = ?", [int(id)])
            kon.eksekusi("DELETE FROM mcsp_snapshot WHERE id = ?", [int(id)])
        return _snapshot(f.row(0, named=True))

    def baris(self, id: int) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
        """The stored rows of one snapshot: (detail items, summary area scores, reported document counts)."""
        with self.koneksi() as kon:
            return (
                kon.frame(f"SELECT {', '.join(SKEMA_ITEM)} FROM mcsp_item WHERE snapshot_id = ?", [int(id)], SKEMA_ITEM),
                kon.frame(f"SELECT {', '.join(SKEMA_SKOR_RINGKASAN)} FROM mcsp_skor_ringkasan WHERE snapshot_id = ?",
                          [int(id)], SKEMA_SKOR_RINGKASAN),
                kon.frame(f"SELECT {', '.join(SKEMA_DOKUMEN_RINGKASAN)} FROM mcsp_dokumen_ringkasan WHERE snapshot_id = ?",
                          [int(id)], SKEMA_DOKUMEN_RINGKASAN),
            )

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

        def pilih(tabel: str, skema: dict, alias: str, dengan_sidik: bool, prefiks: bool, kon: _Kon) -> pl.DataFrame:
            sql, params = syarat(alias, prefiks)
            kolom = ", ".join(f"{alias}.{k}" for k in skema)
            return kon.frame(
                f"SELECT {alias}.snapshot_id, s.tanggal, {kolom} FROM {tabel} {alias} "
                f"JOIN mcsp_snapshot s ON s.id = {alias}.snapshot_id WHERE "
                + (f"{alias}.sidik = ?" if dengan_sidik else "1 = 1") + sql,
                ([sidik] if dengan_sidik else []) + params, {"snapshot_id": pl.Int64, "tanggal": pl.Date, **skema})

        def muat_area() -> pl.DataFrame:
            with self.koneksi() as kon:
                self._lengkapi_cache(kon, registri, sidik)
                return pilih("mcsp_cache_area", SKEMA_CACHE, "c", True, False, kon)

        with self.koneksi() as kon:
            self._lengkapi_cache(kon, registri, sidik)
            snap = kon.frame(f"SELECT {', '.join(SKEMA_SNAPSHOT)} FROM mcsp_snapshot ORDER BY tanggal, id", [], SKEMA_SNAPSHOT)
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

    def _lengkapi_cache(self, kon: _Kon, registri: "Registri", sidik: str, per_batch: int = 16) -> int:
        """Score the snapshots that have no cache for ``sidik`` yet (after a plugin change)."""
        kurang = [r[0] for r in kon.eksekusi(
            "SELECT id FROM mcsp_snapshot WHERE id NOT IN (SELECT snapshot_id FROM mcsp_cache WHERE sidik = ?) ORDER BY id",
            [sidik])]
        for awal in range(0, len(kurang), per_batch):
            ids = kurang[awal:awal + per_batch]
            tanda = ", ".join("?" * len(ids))
            item = kon.frame(f"SELECT snapshot_id, {', '.join(SKEMA_ITEM)} FROM mcsp_item WHERE snapshot_id IN ({tanda})",
                             ids, {"snapshot_id": pl.Int64, **SKEMA_ITEM})
            skor = kon.frame(
                f"SELECT snapshot_id, {', '.join(SKEMA_SKOR_RINGKASAN)} FROM mcsp_skor_ringkasan WHERE snapshot_id IN ({tanda})",
                ids, {"snapshot_id": pl.Int64, **SKEMA_SKOR_RINGKASAN})
            cache = hitung_cache(item, skor, registri)
            try:
                with kon.transaksi():
                    self._tulis_cache(kon, ids, sidik, *cache)
            except Exception:  # noqa: BLE001 — another process filled it meanwhile; its rows are as good
                if kon.skalar(f"SELECT COUNT(*) FROM mcsp_cache WHERE sidik = ? AND snapshot_id IN ({tanda})",
                              [sidik, *ids]) != len(ids):
                    raise
        if kurang:
            self._pangkas_cache(kon)
        return len(kurang)

    @staticmethod
    def _tulis_cache(kon: _Kon, ids: list[int], sidik: str, area: pl.DataFrame, wilayah: pl.DataFrame) -> None:
        kon.sisipkan("mcsp_cache", pl.DataFrame({"snapshot_id": ids, "sidik": [sidik] * len(ids),
                                                 "dibuat": [_sekarang()] * len(ids)},
                                                schema={"snapshot_id": pl.Int64, "sidik": pl.String, "dibuat": pl.Datetime("us")}))
        kon.sisipkan("mcsp_cache_area", area.select("snapshot_id", pl.lit(sidik).alias("sidik"), *SKEMA_CACHE))
        kon.sisipkan("mcsp_cache_wilayah", wilayah.select("snapshot_id", pl.lit(sidik).alias("sidik"), *SKEMA_CACHE_WILAYAH))

    @staticmethod
    def _pangkas_cache(kon: _Kon) -> None:
        lama = [r[0] for r in kon.eksekusi(
            "SELECT sidik FROM mcsp_cache GROUP BY sidik ORDER BY MAX(dibuat) DESC")][SIDIK_DISIMPAN:]
        for s in lama:
            with kon.transaksi():
                kon.eksekusi("DELETE FROM mcsp_cache_area WHERE sidik = ?", [s])
                kon.eksekusi("DELETE FROM mcsp_cache_wilayah WHERE sidik = ?", [s])
                kon.eksekusi("DELETE FROM mcsp_cache WHERE sidik = ?", [s])

    def hapus_cache(self) -> None:
        """Drop every cached score (they are recomputed on the next trend)."""
        with self.koneksi() as kon, kon.transaksi():
            kon.eksekusi("DELETE FROM mcsp_cache_area")
            kon.eksekusi("DELETE FROM mcsp_cache_wilayah")
            kon.eksekusi("DELETE FROM mcsp_cache")

    # -- saved scenarios (what-if) ------------------------------------------------------------------
    def simpan_skenario(self, nama: str, isi_json: str) -> int:
        """Save a scenario's JSON (``Skenario.to_json()``) under ``nama``; the same name is replaced."""
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
        with self.koneksi() as kon, kon.transaksi():
            ada = kon.skalar("SELECT id FROM mcsp_skenario WHERE nama = ?", [nama])
            if ada is not None:
                kon.eksekusi("UPDATE mcsp_skenario SET isi = ?, diubah = ? WHERE id = ?", [isi_json, sekarang, ada])
                return int(ada)
            sid = int(kon.skalar("SELECT nextval('mcsp_skenario_id')"))
            kon.eksekusi("INSERT INTO mcsp_skenario (id, nama, isi, dibuat, diubah) VALUES (?, ?, ?, ?, ?)",
                         [sid, nama, isi_json, sekarang, sekarang])
            return sid

    def muat_skenario(self, nama: str) -> str | None:
        """The saved JSON text (give it to ``Skenario.from_json``), or None."""
        with self.koneksi() as kon:
            return kon.skalar("SELECT isi FROM mcsp_skenario WHERE nama = ?", [nama.strip()])

    def daftar_skenario(self) -> pl.DataFrame:
        with self.koneksi() as kon:
            return kon.frame(f"SELECT {', '.join(SKEMA_SKENARIO)} FROM mcsp_skenario ORDER BY nama", [], SKEMA_SKENARIO)

    def hapus_skenario(self, nama: str) -> bool:
        with self.koneksi() as kon, kon.transaksi():
            ada = kon.skalar("SELECT id FROM mcsp_skenario WHERE nama = ?", [nama.strip()])
            if ada is None:
                return False
            kon.eksekusi("DELETE FROM mcsp_skenario WHERE id = ?", [ada])
            return True


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


def buka(url: str | None = None) -> Store:
    """The store at ``url`` (default: ``MCSP_DATABASE_URL`` or the embedded file)."""
    return Store(url)
