"""Login and roles on the dashboard: Streamlit's own login (``st.login``/``st.user``, OpenID Connect,
configured in the ``[auth]`` section of the secrets) and the roles of ``[mcsp.peran]`` (mcsp_rules.peran).

Pages ask ``boleh("impor")`` (or another action of mcsp_rules.peran.SYARAT) before showing a button
that changes the store, offer a login with ``tawaran()``, and open the store with ``store()`` so the
audit trail names the person. Without ``[auth]`` everything is allowed (single-user mode) and the
sidebar says so.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import streamlit as st

from mcsp_rules import peran
from mcsp_rules.riwayat.store import Store
from tampilan.komponen.teks import t


def _secrets() -> Mapping:
    try:
        return st.secrets.to_dict()
    except Exception:  # noqa: BLE001 - no secrets file at all: a laptop, single-user mode
        return {}


def pengguna() -> peran.Pengguna:
    """The person using this session, with their role."""
    rahasia = _secrets()
    if not peran.auth_aktif(rahasia):
        return peran.pengguna_web(rahasia, False, None)
    masuk = bool(st.user.get("is_logged_in", False))  # absent (not False) where no login ever ran, e.g. AppTest
    email = st.user.get("email") if masuk else None
    try:
        return peran.pengguna_web(rahasia, masuk, email)
    except Exception as e:  # noqa: BLE001 - a wrong role in the secrets: read-only, and say why
        st.error(str(e))
        return peran.Pengguna(email or "tamu", "pembaca", masuk=masuk)


def boleh(aksi: str) -> bool:
    return pengguna().boleh(aksi)


def store(url: str | None = None) -> Store:
    """The store, acting as this session's person (single-user mode: the OS user)."""
    p = pengguna()
    return Store(url) if p.mode_tunggal else Store(url, pengguna=p.nama)


def tawaran(kunci: str) -> None:
    """Where a guest would change something: why they cannot, and a login button."""
    p = pengguna()
    if p.peran == "tamu":
        st.info(t("masuk_perlu"), icon=":material/lock:")
        if st.button(t("masuk"), key=f"masuk_{kunci}", icon=":material/login:"):
            st.login()
    else:
        st.caption(t("masuk_peran_kurang", peran=t(f"peran_{p.peran}")))


def sidebar() -> None:
    """The sidebar's account line: single-user mode, a login offer, or who is logged in with which role."""
    p = pengguna()
    with st.sidebar:
        if p.mode_tunggal:
            st.caption(t("masuk_mode_tunggal"), help=t("masuk_mode_tunggal_bantuan"))
        elif not p.masuk:
            st.caption(t("masuk_tamu"))
            if st.button(t("masuk"), key="masuk_sidebar", icon=":material/login:", type="primary"):
                st.login()
        else:
            st.caption(t("masuk_sebagai", email=p.nama, peran=t(f"peran_{p.peran}")))
            if st.button(t("keluar"), key="keluar_sidebar", icon=":material/logout:"):
                st.logout()


@contextmanager
def konfirmasi(perlu: bool, label: str, kunci: str, pertanyaan: str, wadah=None) -> Iterator:
    """Where a button overwrites or deletes something shared: when ``perlu``, the button sits in a popover
    behind a question the person must tick first; otherwise it is placed as it is. Yields where to put
    the button (``with konfirmasi(...) as tempat: tempat.button(...)``)."""
    wadah = wadah if wadah is not None else st
    if not perlu:
        yield wadah
        return
    with wadah.popover(label, icon=":material/warning:"):
        yakin = st.checkbox(pertanyaan, key=f"{kunci}_yakin")
        tempat = st.container() if yakin else st.empty()
        yield tempat if yakin else _Mati(tempat)


class _Mati:
    """Before the tick: the button is shown, disabled."""

    def __init__(self, tempat):
        self.tempat = tempat

    def button(self, *args, **kw):
        return self.tempat.button(*args, **{**kw, "disabled": True, "on_click": None, "args": None})
