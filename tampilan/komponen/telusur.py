"""Drill-down: clicking a pemda in a chart opens its profile; clicking a province filters the overview to it.

Charts are the same Altair builders as elsewhere; ``grafik_klik`` adds a point selection on the field
that names the pemda (or province) to the chart's first bar/rect layer and shows it with Streamlit's
chart events (``on_select``). The click is handled in a callback (which may set the sidebar filters,
as it runs before the widgets are drawn); the page switch happens in the script run that follows, with
the view's URL parameters, so the profile's address can be copied and the sidebar filters stay as they
were for the way back.
"""

from __future__ import annotations

import functools

import streamlit as st

from mcsp_rules.hitung import analisis as an
from tampilan.komponen.teks import bahasa, t

PILIH = "pilih"  # the selection parameter's name in the Vega-Lite spec
HALAMAN_PROFIL = "tampilan/halaman/profil.py"
_KE = "_telusur_ke"  # session key: the pemda whose profile the next run opens


def tambah_pilihan(spec: dict, medan: str) -> list[str]:
    """Add click (point) selections on ``medan`` to a Vega-Lite spec (changed in place): one on the
    first bar/rect/arc layer and one on each text layer drawn over it (so a click on a value printed in
    a heatmap cell, or on a map tile's name, selects too; one selection shared by several layers would
    duplicate Vega signals). Returns the selection names; a chart with no bar/rect layer cannot be
    clicked into (ValueError)."""
    lapis = spec["layer"] if "layer" in spec else [spec]
    nama: list[str] = []
    for lapisan in lapis:
        mark = lapisan.get("mark")
        jenis = mark.get("type") if isinstance(mark, dict) else mark
        if jenis in ("bar", "rect", "arc") and PILIH not in nama:
            n = PILIH
        elif jenis == "text" and nama:
            n = f"{PILIH}_{len(nama)}"
        else:
            continue
        lapisan.setdefault("params", []).append(
            {"name": n, "select": {"type": "point", "fields": [medan], "on": "click", "clear": False}})
        lapisan["mark"] = {**(mark if isinstance(mark, dict) else {"type": jenis}), "cursor": "pointer"}
        nama.append(n)
    if not nama:
        raise ValueError("grafik tanpa lapisan batang/sel yang dapat diklik")
    return nama


def _diklik(kunci: str, medan: str) -> None:
    """on_select callback: read the clicked value; a province filters the overview, a pemda is marked
    for its profile (switched to in the script run that follows)."""
    keadaan = st.session_state.get(kunci)
    try:
        pilihan = [p for daftar in keadaan["selection"].values() for p in (daftar or [])]
    except (KeyError, TypeError, AttributeError):
        return
    nilai = [p.get(medan) for p in pilihan if isinstance(p, dict) and p.get(medan)]
    if not nilai:
        return
    if medan == "kode_provinsi":
        st.session_state["f_provinsi"] = str(nilai[0])
        st.session_state["f_pemda"] = []
    else:
        st.session_state[_KE] = str(nilai[0])


def buka_profil_bila_diminta() -> None:
    """Open the profile of the pemda a click or the search box asked for (if any), with the view's URL."""
    kode = st.session_state.pop(_KE, None)
    if not kode:
        return
    from tampilan.komponen import umum
    from tampilan.komponen.tautan import parameter_tampilan

    st.session_state["pemda_profil"] = kode
    st.session_state.pop("_w_profil", None)
    param = parameter_tampilan(umum.saring(), bahasa=bahasa(), rapat=umum.rapat(),
                               contoh=st.session_state.get("data_asal") == "contoh", pemda=kode)
    # The pemda in this link is the profile's choice, not a new sidebar filter: mark it as already
    # applied, so the way back to the overview keeps the filters it had (umum.baca_url applies only
    # what differs from what this session wrote). A link opened elsewhere still sets both.
    st.session_state["_url_ditulis"] = {**(st.session_state.get("_url_ditulis") or {}), "pemda": str(param.get("pemda"))}
    st.switch_page(HALAMAN_PROFIL, query_params=param)


def grafik_klik(chart, nama: str, kunci: str, medan: str = "kode_wilayah", halaman: str = "ringkasan") -> None:
    """Like ``umum.grafik`` (the chart and its PNG download) but clickable: a click on a mark opens
    the pemda's profile (``medan="kode_wilayah"``) or filters to the province (``"kode_provinsi"``)."""
    from tampilan.komponen import umum
    from tampilan.komponen.grafik import spesifikasi

    buka_profil_bila_diminta()
    spec = spesifikasi(chart, umum.rapat(), layar=True)
    nama_pilihan = tambah_pilihan(spec, medan)
    # SVG: crisp on a projector, and each mark is an element with an accessible label (what a screen
    # reader, and the browser test, finds and clicks)
    spec["usermeta"] = {**spec.get("usermeta", {}), "embedOptions": {"renderer": "svg"}}
    st.vega_lite_chart(spec=spec, width="stretch", theme=None, key=kunci,
                       on_select=functools.partial(_diklik, kunci, medan), selection_mode=nama_pilihan)
    if medan == "kode_wilayah":
        st.caption(t("telusur_bantuan"))
    umum.tombol_png(chart, nama, kunci, halaman)


def dengan_tautan(spec: dict, tautan: str) -> dict:
    """A copy of the spec whose title carries the view's link under it (for a chart image that travels
    on its own, by WhatsApp say): the recipient can open the same view."""
    judul = spec.get("title")
    teks = judul.get("text", "") if isinstance(judul, dict) else (judul or "")
    gaya = judul if isinstance(judul, dict) else {}
    return {**spec, "title": {**gaya, "text": teks, "subtitle": tautan, "subtitleFontSize": 11,
                              "subtitleColor": "#444444"}}


def cari_pemda(h: an.Hasil, s: an.Saring) -> None:
    """A search box over every pemda of the year (name and province): choosing one opens its profile."""
    buka_profil_bila_diminta()
    w = h.wilayah.filter(h.wilayah["tahun"] == s.tahun).sort("kode_wilayah")
    nama = {k: f"{n} ({p})" if p and not n.startswith("Provinsi") else n
            for k, n, p in w.select("kode_wilayah", "nama_wilayah", "provinsi").rows()}
    st.selectbox(t("cari_pemda"), list(nama), index=None, key="cari_pemda", format_func=lambda k: nama.get(k, k),
                 placeholder=t("cari_pemda"), on_change=_pilih_dari, args=("cari_pemda",))


def buka_perhatian(wil) -> None:
    """Under the "needs attention" list: its Merah and Kuning pemda (lowest index first) in a box that
    opens the chosen one's profile."""
    import polars as pl

    from tampilan.komponen.grafik import label_kat

    buka_profil_bila_diminta()
    perlu = wil.filter(pl.col("kategori").is_in(["Merah", "Kuning"])).sort("indeks")
    if perlu.is_empty():
        return
    nama = {k: f"{n} ({label_kat(kat)})" for k, n, kat in perlu.select("kode_wilayah", "nama_wilayah", "kategori").rows()}
    st.selectbox(t("buka_perhatian"), list(nama), index=None, key="buka_perhatian",
                 format_func=lambda k: nama.get(k, k), placeholder=t("buka_perhatian"),
                 on_change=_pilih_dari, args=("buka_perhatian",))


def _pilih_dari(kunci: str) -> None:
    kode = st.session_state.get(kunci)
    if kode:
        st.session_state[_KE] = kode
