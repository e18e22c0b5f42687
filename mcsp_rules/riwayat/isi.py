"""What a snapshot stores and how it is recognised: the rows kept from loaded data (detail items, summary
area scores, reported document counts; detail rows are kept as Parquet parts by ``blok``), the
content hash (the same data as CSV, XLSX, another encoding or row order gives the same hash), and the
snapshot date (given, or from a file name or the data)."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.riwayat.blok import baca_bagian, tulis_item  # noqa: F401 — tulis_item for the store
from mcsp_rules.riwayat.skema import SKEMA_DOKUMEN_RINGKASAN, SKEMA_ITEM, SKEMA_SKOR_RINGKASAN

if TYPE_CHECKING:  # pragma: no cover
    from mcsp_rules.model import Data
    from mcsp_rules.riwayat.koneksi import Kon

# Columns a detail row may carry beyond SKEMA_ITEM, kept when some row fills them: the document of a
# document-level export (one row per required document) and KPK's three weight levels, which scoring uses
# (skor.skor_area_rincian), so a trend equals scoring the file. Absent or empty, they are not kept, and the
# content hash of a file without them is what it was before they were kept. (A file with them, stored before
# schema 3, hashes otherwise now: imported again on the same date, it is stored again rather than recognised.)
KOLOM_ITEM_TAMBAHAN = {"dokumen": pl.String, "bobot_area_intervensi": pl.Float64, "bobot_indikator": pl.Float64,
                       "bobot_subindikator": pl.Float64}


def frame_simpan(data: "Data") -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The rows a snapshot keeps: detail items, summary area scores, reported document counts. Every column
    is cast to its stored type (codes as plain strings, whatever dtype the loaded frame gives them)."""
    r = data.rincian
    tambahan = [k for k in KOLOM_ITEM_TAMBAHAN if k in r.columns and r[k].null_count() < r.height]
    item = r.select([(pl.col(k) if k in r.columns else pl.lit(None)).cast(t).alias(k) for k, t in SKEMA_ITEM.items()]
                    + [pl.col(k).cast(KOLOM_ITEM_TAMBAHAN[k]) for k in tambahan])
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


def baca_item(kon: "Kon", snapshot_id: list[int], dengan_id: bool = False) -> pl.DataFrame:
    """The detail rows of these contents (``snapshot_id`` = isi_id), in stored order: SKEMA_ITEM's columns
    first, then those of KOLOM_ITEM_TAMBAHAN any of them kept (null where another content had none);
    ``dengan_id`` adds ``snapshot_id`` in front."""
    frames = [f.with_columns(pl.lit(sid, pl.Int64).alias("snapshot_id")) if dengan_id else f
              for sid, f in baca_bagian(kon, snapshot_id)]
    skema = {**({"snapshot_id": pl.Int64} if dengan_id else {}), **SKEMA_ITEM}
    if not frames:
        return pl.DataFrame(schema=skema)
    hasil = pl.concat(frames, how="diagonal_relaxed")
    tambahan = [k for k in KOLOM_ITEM_TAMBAHAN if k in hasil.columns]
    return hasil.select([pl.col(k).cast(t) for k, t in skema.items()]
                        + [pl.col(k).cast(KOLOM_ITEM_TAMBAHAN[k]) for k in tambahan])


def hash_isi(item: pl.DataFrame, skor: pl.DataFrame, dok: pl.DataFrame) -> str:
    """sha256 of the normalised rows in a canonical order: the same data as CSV, XLSX, another encoding
    or another row order gives the same hash."""
    h = hashlib.sha256(b"mcsp-snapshot-v1\n")  # v1: the content's hash does not change with the schema
    for nama, f in (("item", item), ("skor_ringkasan", skor), ("dokumen_ringkasan", dok)):
        h.update(f"--{nama}--\n".encode())
        urut = f.sort(f.columns, nulls_last=True)
        for awal in range(0, f.height, 100_000):  # the same bytes as one CSV, without a 100 MB string at 1 M rows
            h.update(urut.slice(awal, 100_000).write_csv(include_header=awal == 0).encode("utf-8"))
    return h.hexdigest()


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
