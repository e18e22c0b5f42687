"""The audit trail: who did what to which snapshot or scenario, and when. Each entry is written in the
same transaction as the change it records, so a change without its entry (or the reverse) cannot happen.

``pengguna`` is the logged-in person's e-mail on the dashboard, or ``os:<user>`` for the ``mcsp`` command.
"""

from __future__ import annotations

import getpass
import json
import os
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import polars as pl

from mcsp_rules.riwayat.skema import SKEMA_AUDIT

if TYPE_CHECKING:  # pragma: no cover
    from mcsp_rules.riwayat.koneksi import Kon

# the actions recorded (column ``aksi``)
AKSI = ("impor", "hapus", "pulihkan", "hapus_final", "skenario_simpan", "skenario_timpa", "skenario_hapus",
        "cache_hapus", "pengaturan")


def pengguna_os() -> str:
    """The operating-system user running the ``mcsp`` command, as the audit trail names it."""
    try:
        nama = getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in a container
        nama = os.environ.get("USER") or str(os.getuid())
    return f"os:{nama}"


def catat(kon: "Kon", pengguna: str, aksi: str, objek: str, rincian: dict | None = None) -> None:
    """Inside the change's own transaction: one audit entry."""
    if aksi not in AKSI:
        raise ValueError(f"aksi audit tidak dikenal: {aksi}")
    aid = int(kon.skalar("SELECT nextval('mcsp_audit_id')"))
    kon.eksekusi("INSERT INTO mcsp_audit (id, waktu, pengguna, aksi, objek, rincian) VALUES (?, ?, ?, ?, ?, ?)",
                 [aid, datetime.now(timezone.utc).replace(tzinfo=None), pengguna or "?", aksi, objek,
                  json.dumps(rincian, ensure_ascii=False, default=str) if rincian else None])


def daftar(kon: "Kon", batas: int | None = None) -> pl.DataFrame:
    """Entries newest first: id, waktu (UTC), pengguna, aksi, objek, rincian (JSON text)."""
    sql = f"SELECT {', '.join(SKEMA_AUDIT)} FROM mcsp_audit ORDER BY id DESC"
    if batas:
        sql += f" LIMIT {int(batas)}"
    return kon.frame(sql, [], SKEMA_AUDIT)
