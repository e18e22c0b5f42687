"""The dashboard's side of the texts: ``t(kunci, **isi)`` in the language chosen in the sidebar.
The texts themselves live in ``mcsp_rules.teks`` (shared with the ``mcsp`` command, no Streamlit)."""

from __future__ import annotations

import streamlit as st

from mcsp_rules import teks
from mcsp_rules.teks import BAHASA, NAMA_BAHASA, TEKS  # noqa: F401 — re-exported for the pages


def bahasa() -> str:
    b = st.session_state.get("bahasa", "id")
    return b if b in BAHASA else "id"


def t(kunci: str, **isi) -> str:
    return teks.t(kunci, bahasa(), **isi)
