"""Who may change what: roles from the deployment's secrets, without Streamlit (the dashboard's login
component and the ``mcsp`` command both ask here).

A shared deployment configures Streamlit's login (``[auth]``, OpenID Connect) and the roles in the same
secrets file::

    [mcsp]
    peran_bawaan = "pembaca"                 # any other logged-in person (default: pembaca)
    [mcsp.peran]
    "kepala@inspektorat.go.id" = "admin"
    "operator@inspektorat.go.id" = "editor"
    "@kpk.go.id" = "editor"                  # a whole e-mail domain
    "os:mcsp" = "admin"                      # the OS user running the mcsp command on the server

Roles: ``pembaca`` (reader) sees everything and changes nothing; ``editor`` also imports snapshots and
saves scenarios; ``admin`` also deletes and restores, and sees the audit trail and the store's location.
A visitor who has not logged in (``tamu``) changes nothing. Without ``[auth]`` (one person on a laptop)
everything is allowed: single-user mode.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mcsp_rules.galat import MCSPError

PERAN = ("tamu", "pembaca", "editor", "admin")
PERAN_BAWAAN = "pembaca"
# the lowest role allowed each action
SYARAT = {
    "impor": "editor",
    "skenario_simpan": "editor",
    "skenario_timpa": "editor",
    "hapus": "admin",
    "pulihkan": "admin",
    "skenario_hapus": "admin",
    "audit": "admin",
    "lokasi_store": "admin",
    "cache_hapus": "admin",
}
ENV_SECRETS = "MCSP_SECRETS"


@dataclass(frozen=True)
class Pengguna:
    """The person acting: ``nama`` is what the audit trail records (e-mail, or ``os:<user>``)."""

    nama: str
    peran: str
    masuk: bool = False  # logged in through the identity provider
    mode_tunggal: bool = False  # no [auth]: one person, everything allowed

    def boleh(self, aksi: str) -> bool:
        if self.mode_tunggal:
            return True
        if aksi not in SYARAT:
            raise ValueError(f"aksi tidak dikenal: {aksi}")
        return PERAN.index(self.peran) >= PERAN.index(SYARAT[aksi])

    def wajib(self, aksi: str) -> None:
        """Raise a one-sentence MCSPError when this person may not do ``aksi``."""
        if self.boleh(aksi):
            return
        perlu = SYARAT[aksi]
        if self.peran == "tamu":
            raise MCSPError("masuk (login) dulu untuk mengubah data.", "log in first to change data.")
        raise MCSPError(f"peran {self.peran} ({self.nama}) tidak boleh melakukan ini; perlu peran {perlu}.",
                        f"the role {self.peran} ({self.nama}) may not do this; it needs the role {perlu}.")


def auth_aktif(secrets: Mapping) -> bool:
    """Streamlit's login is configured (an ``[auth]`` section with a provider's settings)."""
    auth = secrets.get("auth") if secrets else None
    return isinstance(auth, Mapping) and bool(auth)


def _peran_sah(nilai, asal: str) -> str:
    nilai = str(nilai).strip().lower()
    if nilai not in PERAN[1:]:
        raise MCSPError(f"peran '{nilai}' di {asal} tidak dikenal; pakai pembaca, editor atau admin.",
                        f"unknown role '{nilai}' in {asal}; use pembaca, editor or admin.")
    return nilai


def peran_untuk(nama: str, secrets: Mapping) -> str:
    """The role of a logged-in person (e-mail) or OS user (``os:<user>``) from ``[mcsp.peran]``: the exact
    name first, then its e-mail domain (``@domain``), then ``peran_bawaan``."""
    mcsp = secrets.get("mcsp", {}) if secrets else {}
    daftar = {str(k).strip().lower(): v for k, v in (mcsp.get("peran", {}) or {}).items()}
    nama = (nama or "").strip().lower()
    if nama in daftar:
        return _peran_sah(daftar[nama], "[mcsp.peran]")
    if "@" in nama and "@" + nama.rsplit("@", 1)[1] in daftar:
        return _peran_sah(daftar["@" + nama.rsplit("@", 1)[1]], "[mcsp.peran]")
    return _peran_sah(mcsp.get("peran_bawaan", PERAN_BAWAAN), "[mcsp] peran_bawaan")


def pengguna_web(secrets: Mapping, masuk: bool, email: str | None) -> Pengguna:
    """The dashboard's visitor: single-user mode without ``[auth]``; a guest until logged in."""
    if not auth_aktif(secrets):
        return Pengguna("lokal", "admin", mode_tunggal=True)
    if not masuk or not email:
        return Pengguna("tamu", "tamu")
    return Pengguna(email, peran_untuk(email, secrets), masuk=True)


def baca_secrets(path: str | Path | None = None) -> dict:
    """The deployment's secrets for the ``mcsp`` command: ``MCSP_SECRETS`` (a secrets.toml path), else
    ``.streamlit/secrets.toml`` of the working folder, else ``~/.streamlit/secrets.toml`` (Streamlit's own
    places); empty when none exists."""
    calon = [Path(path)] if path else (
        [Path(os.environ[ENV_SECRETS])] if os.environ.get(ENV_SECRETS)
        else [Path.cwd() / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"])
    for p in calon:
        if p.is_file():
            try:
                return tomllib.loads(p.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise MCSPError(f"file rahasia {p} tidak dapat dibaca ({e}).", f"the secrets file {p} cannot be read ({e}).") from None
    if os.environ.get(ENV_SECRETS):
        raise MCSPError(f"file rahasia {os.environ[ENV_SECRETS]} (MCSP_SECRETS) tidak ada.",
                        f"the secrets file {os.environ[ENV_SECRETS]} (MCSP_SECRETS) does not exist.")
    return {}


def pengguna_cli(secrets: Mapping | None = None) -> Pengguna:
    """The OS user running ``mcsp``: single-user mode unless the deployment's secrets configure
    ``[auth]``; then the role of ``os:<user>`` in ``[mcsp.peran]`` (or ``peran_bawaan``)."""
    from mcsp_rules.riwayat.audit import pengguna_os

    secrets = baca_secrets() if secrets is None else secrets
    nama = pengguna_os()
    if not auth_aktif(secrets):
        return Pengguna(nama, "admin", mode_tunggal=True)
    return Pengguna(nama, peran_untuk(nama, secrets))
