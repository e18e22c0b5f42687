"""Connections to the store: DuckDB (one shared database per file and process, cursors per thread) and
PostgreSQL (psycopg 3, one connection per use, taken from a few idle ones kept for reuse: opening one costs
a server process, 5-25 ms, twice per trend). SQL uses ``?`` placeholders everywhere; the few differences
(placeholders, bulk load, bulk read) live in the two small classes here.

Writes are serialised: on DuckDB by a lock per file (DuckDB allows one writer process per file, so a
lock inside the process covers every writer; without it, threads race on "Catalog write-write conflict"
and "Conflict on tuple deletion"); on PostgreSQL by an advisory transaction lock (no deadlock between a
delete and a cache fill, no duplicate cache key). A conflict that still happens (another writer's
transaction) is retried by ``tulis``, and after the retries it is one sentence: "someone else just
changed this; reload".
"""

from __future__ import annotations

import atexit
import io
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.riwayat import skema
from mcsp_rules.riwayat.url import dialek, path_duckdb, samarkan

T = TypeVar("T")
PERCOBAAN_TULIS = 4


class Kon:
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

    def kunci_tulis(self) -> None:
        """Inside a transaction: wait for the store's single writer slot (PostgreSQL; DuckDB already holds it)."""

    def skalar(self, sql: str, params: Iterable = ()):
        baris = self.eksekusi(sql, params)
        return baris[0][0] if baris else None


def _ketik(frame: pl.DataFrame, skema_: dict) -> pl.DataFrame:
    return frame.select([pl.col(k).cast(t) for k, t in skema_.items()])


class KonDuck(Kon):
    dialek = "duckdb"

    def __init__(self, con, kunci: threading.RLock):
        self.c = con
        self._n = 0
        self._kunci = kunci

    def eksekusi(self, sql, params=()):
        return self.c.execute(sql, list(params)).fetchall()

    def frame(self, sql, params, skema_):
        return _ketik(self.c.sql(sql, params=list(params)).pl(), skema_)

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
        with self._kunci:  # one writer per file in this process (and DuckDB allows one process)
            self.c.begin()
            try:
                yield self
            except BaseException:
                self.c.rollback()
                raise
            self.c.commit()


class KonPg(Kon):
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

    def frame(self, sql, params, skema_):
        buf = io.BytesIO()
        with self.c.cursor() as cur:
            with cur.copy(f"COPY ({self._sql(sql)}) TO STDOUT WITH (FORMAT csv, HEADER)", list(params)) as cp:
                for blok in cp:
                    buf.write(blok)
        buf.seek(0)
        baca = {k: (pl.String if t in (pl.Date, pl.Datetime("us")) else t) for k, t in skema_.items()}
        hasil = pl.read_csv(buf, schema=baca, has_header=True)
        return hasil.with_columns(
            [pl.col(k).str.to_date("%Y-%m-%d") for k, t in skema_.items() if t == pl.Date]
            + [pl.col(k).str.to_datetime(time_unit="us") for k, t in skema_.items() if t == pl.Datetime("us")]
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

    def kunci_tulis(self) -> None:
        self.eksekusi("SELECT pg_advisory_xact_lock(?)", [skema.KUNCI_ADVISORY + 1])


def galat_db(url: str, e: Exception) -> MCSPError:
    teks = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    teks = teks.replace(url, samarkan(url))
    return MCSPError(f"database {samarkan(url)} tidak dapat dipakai: {teks}",
                     f"the database {samarkan(url)} cannot be used: {teks}")


class Konflik(MCSPError):
    """Another writer changed the same rows at the same moment (retried before it reaches a person)."""

    def __init__(self):
        super().__init__("orang lain baru saja mengubah data ini; muat ulang halaman lalu coba lagi.",
                         "someone else just changed this; reload and try again.")


def konflik(e: BaseException) -> bool:
    """A transaction conflict worth retrying: DuckDB's write-write and tuple conflicts, PostgreSQL's
    serialisation failure, deadlock and a unique violation of a concurrent insert."""
    kode = getattr(getattr(e, "diag", None), "sqlstate", None) or getattr(e, "sqlstate", None)
    if kode in ("40001", "40P01", "23505"):
        return True
    teks = str(e).lower()
    return any(k in teks for k in ("write-write conflict", "conflict on tuple", "transactioncontext error: conflict",
                                   "deadlock detected", "could not serialize"))


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
                raise galat_db(url, e) from None
            if time.monotonic() < batas:
                time.sleep(0.1)  # another process is writing; DuckDB allows one writer process
                continue
            raise MCSPError(f"database {path} sedang dipakai proses lain; tutup proses itu lalu coba lagi.",
                            f"the database {path} is in use by another process; close it and try again.") from None
        except duckdb.Error as e:
            raise galat_db(url, e) from None


class DuckBersama:
    """One open DuckDB database per file and process, shared by threads through cursors, and closed a few
    idle seconds after its last use (``MCSP_DUCKDB_LEPAS_DETIK``, default 2), so that another process,
    such as the ``mcsp`` command beside a running dashboard, can take the file's single-writer lock.
    Opening a file costs tens of milliseconds; a cursor costs microseconds."""

    def __init__(self, url: str, path: Path):
        self.url, self.path = url, path
        self.con = None
        self.aktif = 0
        self.kunci = threading.Lock()
        self.kunci_tulis = threading.RLock()
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


_duck: dict[Path, DuckBersama] = {}
_duck_kunci = threading.Lock()
_siap: set[str] = set()  # URLs whose schema this process has already brought up to date
_siap_kunci = threading.Lock()


def _duck_bersama(url: str) -> DuckBersama:
    path = path_duckdb(url).resolve()
    with _duck_kunci:
        if path not in _duck:
            _duck[path] = DuckBersama(url, path)
        return _duck[path]


@atexit.register
def tutup_semua() -> None:
    """Close every shared DuckDB file now (at exit, or before handing a file to another process)."""
    for d in list(_duck.values()):
        d.tutup()


# ------------------------------------------------------------------------------ idle PostgreSQL connections
KOLAM_MAKS = 4  # idle connections kept per URL and process
_kolam: dict[str, list[tuple[float, int, object]]] = {}  # url -> [(idle since, pid, connection)]
_kolam_kunci = threading.Lock()


def _diam_maks() -> float:
    """Seconds an idle connection is kept (``MCSP_PG_DIAM_DETIK``, default 30; 0 = never reuse)."""
    try:
        return float(os.environ.get("MCSP_PG_DIAM_DETIK", "30"))
    except ValueError:
        return 30.0


def _tutup_saja(con) -> None:
    try:
        con.close()
    except Exception:  # noqa: BLE001 — a dead connection may fail to close; it is dropped either way
        pass


def _ambil_pg(url: str):
    """An idle connection that still answers (checked by a round trip, far cheaper than a new one), or a new one."""
    import psycopg

    batas = time.monotonic() - _diam_maks()
    while True:
        with _kolam_kunci:
            daftar = _kolam.get(url)
            entri = daftar.pop() if daftar else None
        if entri is None:
            break
        sejak, pid, con = entri
        if sejak < batas or pid != os.getpid() or con.closed:
            _tutup_saja(con)
            continue
        try:
            con.execute("SELECT 1")
            return con
        except psycopg.Error:  # the server restarted or dropped it: try the next, then a new one
            _tutup_saja(con)
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as e:
        raise galat_db(url, e) from None


def _lepas_pg(url: str, con, sehat: bool) -> None:
    """Keep a connection that ended cleanly (no error, no open transaction) for the next use, else close it."""
    from psycopg.pq import TransactionStatus

    simpan = sehat and _diam_maks() > 0 and not con.closed and con.info.transaction_status == TransactionStatus.IDLE
    batas = time.monotonic() - _diam_maks()
    with _kolam_kunci:
        basi = [e[2] for daftar in _kolam.values() for e in daftar if e[0] < batas]  # of any URL: closed below
        for kunci in list(_kolam):
            _kolam[kunci] = [e for e in _kolam[kunci] if e[0] >= batas]
            if not _kolam[kunci]:
                del _kolam[kunci]
        if simpan and len(_kolam.get(url, ())) < KOLAM_MAKS:
            _kolam.setdefault(url, []).append((time.monotonic(), os.getpid(), con))
            con = None
    for c in basi + ([con] if con is not None else []):
        _tutup_saja(c)


@atexit.register
def tutup_kolam() -> None:
    """Close every idle PostgreSQL connection (at exit, or before dropping a database)."""
    with _kolam_kunci:
        semua = [con for daftar in _kolam.values() for _, _, con in daftar]
        _kolam.clear()
    for con in semua:
        _tutup_saja(con)


@contextmanager
def buka(url: str) -> Iterator[Kon]:
    """A connection whose schema is up to date (migrations run once per process and URL, under a lock)."""
    jenis = dialek(url)
    if jenis == "duckdb":
        import duckdb

        bersama = _duck_bersama(url)
        con = bersama.ambil()
        kon: Kon = KonDuck(con, bersama.kunci_tulis)
        galat = duckdb.Error
        tutup = lambda: bersama.lepas(con)  # noqa: E731
    else:
        try:
            import psycopg
        except ImportError:
            raise MCSPError("untuk PostgreSQL pasang psycopg: pip install 'psycopg[binary]'.",
                            "PostgreSQL needs psycopg: pip install 'psycopg[binary]'.") from None
        con = _ambil_pg(url)
        kon = KonPg(con)
        galat = psycopg.Error
        tutup = lambda: _lepas_pg(url, con, sehat)  # noqa: E731
    sehat = False
    try:
        if url not in _siap:
            with _siap_kunci:  # threads of one process: one runs the migrations, the others wait
                if url not in _siap:
                    skema.siapkan(kon)
                    _siap.add(url)
        yield kon
        sehat = True
    except galat as e:
        if konflik(e):
            raise Konflik() from e
        raise galat_db(url, e) from None
    finally:
        tutup()


def tulis(url: str, kerja: Callable[[Kon], T], percobaan: int = PERCOBAAN_TULIS) -> T:
    """Run ``kerja(kon)`` in one write transaction holding the writer slot; a conflict with another
    writer is retried (with a short growing pause), then reported as ``Konflik``."""
    for n in range(percobaan):
        try:
            with buka(url) as kon, kon.transaksi():
                kon.kunci_tulis()
                return kerja(kon)
        except Konflik:
            if n == percobaan - 1:
                raise
            time.sleep(0.05 * (n + 1))
    raise Konflik()  # pragma: no cover
