"""Sharing a view: "Salin tautan" (the absolute link of the current view) and the meeting report's
download button. Pages call ``aksi_bagikan(...)`` once; the report itself is ``laporan_rapat``."""

from __future__ import annotations

import re

import streamlit as st

from mcsp_rules.hitung import analisis as an
from tampilan.komponen import laporan_rapat
from tampilan.komponen.tautan import parameter_tampilan, tautan_penuh
from tampilan.komponen.teks import bahasa, t


def _contoh() -> bool:
    return st.session_state.get("data_asal") == "contoh"


def url_tampilan(halaman: str, pemda: str | None = None) -> str:
    """The absolute URL of the current view (the address the browser uses, the page, the filters,
    the language, the meeting view, and the national sample when it is the data in use)."""
    from tampilan.komponen import umum

    param = parameter_tampilan(umum.saring(), bahasa=bahasa(), rapat=umum.rapat(), contoh=_contoh(), pemda=pemda)
    try:
        sekarang = st.context.url
    except Exception:  # noqa: BLE001 - no browser context (e.g. AppTest): a relative link still works
        sekarang = None
    return tautan_penuh(sekarang, halaman, **param)


def salin_tautan(halaman: str, pemda: str | None = None) -> None:
    """A "Salin tautan" popover with the view's link in a code box (its copy button copies it). On the
    profile the pemda shown is in the link (the profile's own choice, already updated for this run)."""
    if halaman == "profil" and pemda is None:
        pemda = st.session_state.get("_w_profil") or st.session_state.get("pemda_profil")
    with st.popover(t("salin_tautan"), icon=":material/link:", width="stretch"):
        st.caption(t("salin_tautan_bantuan"))
        st.code(url_tampilan(halaman, pemda), language=None, wrap_lines=True)
        if not _contoh():
            st.caption(t("salin_tautan_unggahan"))


def _nama_file(*bagian: object) -> str:
    teks = "_".join(str(b) for b in bagian if b)
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", teks).strip("_")[:90] + ".pdf"


def unduh_laporan(h: an.Hasil, s: an.Saring, cakupan: str, halaman: str, pemda: str | None = None,
                  nama: str = "") -> None:
    """The meeting report's download button: the PDF is built when clicked (from values captured now,
    so it reads no session state while it is built)."""
    from tampilan.komponen import umum

    d = umum.data()
    lap = laporan_rapat.Laporan(
        saring=s, bahasa=bahasa(), cakupan=cakupan,
        tautan=url_tampilan(halaman, pemda) if _contoh() else "",
        nama_file=tuple(st.session_state.get("data_file") or ()), pemda=pemda)
    rincian = d.rincian if d is not None else None
    berkas = _nama_file(t("lap_nama_file"), nama or (s.kode_provinsi and cakupan.split(" · ")[0]) or t("nasional"),
                        s.tahun)
    st.download_button(t("lap_unduh"), data=lambda: laporan_rapat.buat_laporan(h, lap, rincian, d), file_name=berkas,
                       mime="application/pdf", on_click="ignore", key=f"laporan_{halaman}",
                       icon=":material/picture_as_pdf:", help=t("lap_unduh_bantuan"), type="primary")


