"""The dashboard's side of the texts: ``t(kunci, **isi)`` in the language chosen in the sidebar.
The texts themselves live in ``mcsp_rules.teks`` (shared with the ``mcsp`` command, no Streamlit)."""

from __future__ import annotations

import contextlib
import contextvars

import streamlit as st

from mcsp_rules import teks
from mcsp_rules.teks import BAHASA, NAMA_BAHASA, TEKS  # noqa: F401 — re-exported for the pages

# a language fixed for a piece of work that runs outside the page's script run (a report built
# when its download is clicked), so the shared chart builders speak it without the session
_BAHASA_TETAP: contextvars.ContextVar[str | None] = contextvars.ContextVar("bahasa_tetap", default=None)


@contextlib.contextmanager
def dengan_bahasa(b: str):
    """``with dengan_bahasa("en"):`` every ``t()`` and chart label inside uses ``b``."""
    token = _BAHASA_TETAP.set(b if b in BAHASA else "id")
    try:
        yield
    finally:
        _BAHASA_TETAP.reset(token)


def bahasa() -> str:
    tetap = _BAHASA_TETAP.get()
    if tetap is not None:
        return tetap
    b = st.session_state.get("bahasa", "id")
    return b if b in BAHASA else "id"


def t(kunci: str, **isi) -> str:
    return teks.t(kunci, bahasa(), **isi)
