"""Page — Sensitivitas bobot (for KPK coordinators): how ranks and bands move when the area weights
change. KPK's official weights are not public, so every ranking rests on an assumption; this page
shows how much that assumption matters and which pemda depend on it most.

The numbers are ``mcsp_rules.perencanaan.sensitivitas.sensitivitas`` (the engine's own arithmetic); the page
only collects weights (sliders, or a weights file ``tahun,area,bobot``) and draws the result.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
import streamlit as st

from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung import analisis as an
from mcsp_rules.hitung.skor import baca_file_bobot
from mcsp_rules.perencanaan.sensitivitas import sensitivitas
from tampilan.komponen import grafik, umum
from tampilan.komponen.skenario import grafik_geser
from tampilan.komponen.teks import bahasa, t

N_GRAFIK = 20  # pemda in the rank-shift chart
FAKTOR_MAKS = 4.0  # a slider goes up to this many times the largest default weight
BATAS_FILE = 1_000_000


def bobot_bawaan(h: an.Hasil, tahun: int) -> dict[str, float]:
    b = h.bobot.filter(pl.col("tahun") == tahun).sort("area")
    return dict(zip(b["area"].to_list(), b["bobot"].to_list()))


def _kunci(area: str) -> str:
    return f"sen_w_{area}"


def _setel(bobot: dict[str, float]) -> None:
    for a, w in bobot.items():
        st.session_state[_kunci(a)] = float(w)


def _muat_file(tahun: int, bawaan: dict[str, float]) -> None:
    """Callback of the weights-file upload: its weights for the year go into the sliders."""
    berkas = st.session_state.get("sen_file")
    if berkas is None:
        return
    try:
        isi = berkas.getvalue()
        if len(isi) > BATAS_FILE:
            raise MCSPError("file bobot lebih dari 1 MB.", "the weights file is larger than 1 MB.")
        with tempfile.TemporaryDirectory() as tmp:
            # the engine reads weights files by path; the upload's name is not trusted as a path
            p = Path(tmp) / "bobot.csv"
            p.write_bytes(isi)
            bobot = baca_file_bobot(p)
        tahun_ini = {a: w for (th, a), w in bobot.items() if th == tahun}
        asing = sorted(set(tahun_ini) - set(bawaan))
        if not tahun_ini:
            raise MCSPError(f"file bobot tidak punya baris untuk tahun {tahun}.", f"the weights file has no rows for {tahun}.")
        if asing:
            raise MCSPError(f"area {', '.join(asing)} tidak dikenal untuk tahun {tahun}.",
                            f"area {', '.join(asing)} is unknown for {tahun}.")
        maks = max(bawaan.values()) * FAKTOR_MAKS
        _setel({a: min(w, maks) for a, w in tahun_ini.items()})
        st.session_state["_sen_pesan"] = ("sukses", t("sen_file_dimuat", n=len(tahun_ini)))
    except MCSPError as e:
        st.session_state["_sen_pesan"] = ("galat", f"{berkas.name}: {e.teks(bahasa())}")


def _pakai_plugin(bawaan: dict[str, float], per_plugin: dict[str, dict[str, float]]) -> None:
    """Callback of the plugin choice: that plugin's weights go into the sliders (areas it does not
    weigh keep the default)."""
    nama = st.session_state.get("sen_plugin")
    if not nama or nama not in per_plugin:
        return
    maks = max(bawaan.values()) * FAKTOR_MAKS
    _setel({**bawaan, **{a: min(w, maks) for a, w in per_plugin[nama].items() if a in bawaan}})
    st.session_state["_sen_pesan"] = ("sukses", t("sen_plugin_dimuat", nama=nama, n=len(per_plugin[nama])))


def penggeser(h: an.Hasil, tahun: int, bawaan: dict[str, float],
              per_plugin: dict[str, dict[str, float]] | None = None) -> dict[str, float]:
    nama = umum.nama_area(h, tahun)
    maks = max(bawaan.values()) * FAKTOR_MAKS
    langkah = max(bawaan.values()) / 10
    kiri, kanan = st.columns([3, 1])
    with kanan:
        if per_plugin:
            st.selectbox(t("sen_plugin"), [""] + sorted(per_plugin), key="sen_plugin", on_change=_pakai_plugin,
                         args=(bawaan, per_plugin), format_func=lambda n: n or "–", help=t("sen_plugin_bantuan"))
        st.file_uploader(t("sen_file"), type=["csv"], key="sen_file", on_change=_muat_file, args=(tahun, bawaan),
                         help=t("sen_file_bantuan"))
        st.button(t("sen_reset"), key="sen_reset", on_click=_setel, args=(bawaan,), icon=":material/restart_alt:")
    pilih = {}
    with kiri:
        kolom = st.columns(2)
        for i, (a, w) in enumerate(bawaan.items()):
            k = _kunci(a)
            # a stored value from another year's weights (or a file) is kept inside the slider's range
            st.session_state[k] = min(max(float(st.session_state.get(k, w)), langkah), maks)
            with kolom[i % 2]:
                pilih[a] = st.slider(umum.aman(nama.get(a, a)), min_value=langkah, max_value=maks, step=langkah, key=k,
                                     format="localized")
        # "localized" writes the number in the browser's locale (1,5 in an Indonesian browser, not "1.0");
        # Streamlit offers no format by the page's language, so each area's share of the index, what
        # counts, is written here the reader's way (12,5%)
        total = sum(pilih.values())
        st.caption(umum.aman(t("sen_porsi", daftar=" · ".join(
            f"{nama.get(a, a)} {umum.fmt(100 * w / total, 1)}%" for a, w in pilih.items()))))
    return pilih


def hasil_sensitivitas(hs, judul_lingkup: str) -> None:
    tabel = hs.tabel
    berubah = int(tabel["kategori_berubah"].sum())
    geser = tabel["geser_peringkat"].abs()
    c = st.columns(3)
    c[0].metric(t("sen_berganti"), umum.fmt(berubah, 0), border=True)
    c[1].metric(t("sen_rata_geser"), umum.fmt(geser.mean() if geser.len() else None, 1), border=True)
    p = hs.paling_sensitif
    if p is not None and p["geser_peringkat"]:
        c[2].metric(t("sen_paling"), umum.aman(p["nama_wilayah"]),
                    delta=t("sen_dari_ke", a=p["peringkat_bawaan"], b=p["peringkat_alternatif"]), delta_color="off",
                    delta_arrow="off", border=True)
        st.text(t("sen_paling_kalimat", nama=p["nama_wilayah"], a=p["peringkat_bawaan"], b=p["peringkat_alternatif"],
                  x=umum.fmt(p["indeks_bawaan"]), y=umum.fmt(p["indeks_alternatif"])))
    else:
        c[2].metric(t("sen_paling"), "–", border=True)
    teratas = tabel.filter(pl.col("geser_peringkat").is_not_null() & (pl.col("geser_peringkat") != 0)).head(N_GRAFIK)
    if teratas.height:
        umum.grafik(grafik_geser(teratas, f"{t('sen_grafik')} — {judul_lingkup} {hs.tahun}", umum.rapat()),
                    f"sensitivitas_{hs.kode_provinsi or 'nasional'}_{hs.tahun}", kunci="sen_grafik")
    else:
        st.text(t("sen_tidak_bergeser"))
    if umum.rapat():
        return
    df = tabel.select(
        "kode_wilayah", "nama_wilayah", "provinsi", "indeks_bawaan", "indeks_alternatif", "selisih_indeks",
        grafik.label_kategori_expr("kategori_bawaan").alias("kategori_bawaan"),
        grafik.label_kategori_expr("kategori_alternatif").alias("kategori_alternatif"),
        "peringkat_bawaan", "peringkat_alternatif", "geser_peringkat")
    umum.tabel(df, f"sensitivitas_{hs.tahun}", {
        "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "provinsi": t("k_provinsi"),
        "indeks_bawaan": t("sen_indeks_bawaan"), "indeks_alternatif": t("sen_indeks_alternatif"),
        "selisih_indeks": t("sim_selisih"), "kategori_bawaan": t("sen_kat_bawaan"),
        "kategori_alternatif": t("sen_kat_alternatif"), "peringkat_bawaan": t("sen_pk_bawaan"),
        "peringkat_alternatif": t("sen_pk_alternatif"), "geser_peringkat": t("sen_geser")},
        kunci="sen_tabel", tinggi=360)


def halaman() -> None:
    siap = umum.perlu_data()
    if siap is None:
        return
    d, h = siap
    s = umum.saring()
    st.title(t("sen_judul", tahun=s.tahun))
    st.caption(t("sen_intro"))
    p = st.session_state.pop("_sen_pesan", None)
    if p:
        (st.success if p[0] == "sukses" else st.error)(umum.aman(p[1]))
    bawaan = bobot_bawaan(h, s.tahun)
    if not bawaan:
        st.info(t("tidak_ada_pemda"))
        return
    sumber = "; ".join(sorted(set(h.bobot.filter(pl.col("tahun") == s.tahun)["sumber_bobot"].to_list())))
    st.caption(umum.aman(t("sen_bawaan", sumber=sumber)))
    judul = dict(an.pilihan_provinsi(h, s.tahun)).get(s.kode_provinsi, t("nasional")) if s.kode_provinsi else t("nasional")
    st.caption(umum.aman(t("sen_cakupan", wilayah=judul)))
    pilih = penggeser(h, s.tahun, bawaan, d.registri.bobot_per_plugin(s.tahun))
    alternatif = {(s.tahun, a): w for a, w in pilih.items() if abs(w - bawaan[a]) > 1e-12}
    try:
        hs = sensitivitas(d, alternatif, tahun=s.tahun, kode_provinsi=s.kode_provinsi,
                          bobot_bawaan={(s.tahun, a): w for a, w in bawaan.items()})
    except MCSPError as e:
        st.error(umum.aman(e.teks(bahasa())))
        return
    if not alternatif:
        st.info(t("sen_geser_dulu"))
    hasil_sensitivitas(hs, judul)


umum.aman_jalankan(halaman)
