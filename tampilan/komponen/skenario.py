"""Helpers shared by the Simulasi, Rencana aksi and Sensitivitas bobot pages: the session's simulation
baseline, the scope picker (one pemda or a province), the weights note, the waterfall chart and the
rank-shift chart.

This module renders nothing when imported (a page file renders itself on import, so pages never
import each other; see tests/test_dashboard.py::test_halaman_tidak_saling_impor).
"""

from __future__ import annotations

import math

import altair as alt
import polars as pl
import streamlit as st

from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung import analisis as an
from mcsp_rules.perencanaan.simulasi import dasar
from tampilan.komponen import grafik, umum
from tampilan.komponen.teks import bahasa, t

WARNA_LANGKAH = {"ujung": "#4D4D4D", "naik": "#228833", "turun": "#CC3311"}


def galat(e: MCSPError) -> str:
    return e.teks(bahasa())


def dasar_sesi(d, bobot: dict | None = None):
    """The simulation baseline of the session's dataset under ``bobot``, computed once per dataset
    and weights and kept in this session only (an upload must never be shared across sessions)."""
    kunci = (st.session_state.get("data_id"), tuple(sorted((bobot or {}).items())))
    simpan = st.session_state.get("_sim_dasar")
    if simpan is not None and simpan[0] == kunci:
        return simpan[1]
    b = dasar(d, bobot or None)
    st.session_state["_sim_dasar"] = (kunci, b)
    return b


def pilih_lingkup(h: an.Hasil, tahun: int, awalan: str) -> tuple[str | None, str | None]:
    """Scope: one pemda or every pemda of a province. Returns (kode_wilayah, kode_provinsi). The
    choice is kept outside the widgets (``{awalan}_pemda``/``{awalan}_prov``) so it survives a visit
    to another page, and a loaded scenario can set it."""
    s = umum.saring()
    nama_lingkup = {"pemda": t("sim_satu_pemda"), "provinsi": t("sim_satu_provinsi")}
    kunci_l = f"{awalan}_lingkup"
    if st.session_state.get(kunci_l) not in nama_lingkup:
        st.session_state[kunci_l] = "pemda"
    kiri, kanan = st.columns([1, 2])
    with kiri:
        lingkup = st.radio(t("sim_lingkup"), list(nama_lingkup), key=kunci_l, format_func=nama_lingkup.get,
                           horizontal=True)
    with kanan:
        if lingkup == "pemda":
            def terendah(opsi: list[str]) -> str:
                # a useful start: the pemda with the lowest index in the sidebar's province (or country)
                prov = an.saring_wilayah(h, an.Saring(tahun=tahun, kode_provinsi=s.kode_provinsi)).drop_nulls("indeks")
                return prov.sort("indeks", "kode_wilayah")["kode_wilayah"][0] if prov.height else opsi[0]

            kode = _pilih_lestari(t("pilih_pemda"), an.pilihan_pemda(h, an.Saring(tahun=tahun)), f"{awalan}_pemda",
                                  (*s.pemda, st.session_state.get("pemda_profil")), terendah)
            return kode, None
        def provinsi_pemda(opsi: list[str]) -> str:
            # never the list's first province (Aceh) by default: the province of the pemda in view, else
            # the province with the lowest mean index (the one a meeting would look at)
            kode = st.session_state.get(f"{awalan}_pemda") or st.session_state.get("pemda_profil") or ""
            if kode.split(".")[0] in opsi:
                return kode.split(".")[0]
            agr = an.provinsi_agregat(h, an.Saring(tahun=tahun)).drop_nulls("indeks")
            return agr.sort("indeks")["kode_provinsi"][0] if agr.height else opsi[0]

        kode = _pilih_lestari(t("provinsi"), an.pilihan_provinsi(h, tahun), f"{awalan}_prov", (s.kode_provinsi,),
                              provinsi_pemda)
        return None, kode


def _pilih_lestari(label: str, pilihan: list[tuple[str, str]], kunci: str, calon: tuple, bawaan) -> str | None:
    """A selectbox whose choice is also kept under ``kunci``, outside the widget (key ``_w_{kunci}``),
    whose state Streamlit drops while another page is shown. Its value: the widget's own, else the kept
    one, else the first of ``calon`` that is an option, else ``bawaan(options)``. None without options."""
    nama = dict(pilihan)
    opsi = [k for k, _ in pilihan]
    if not opsi:
        return None
    w = f"_w_{kunci}"
    nilai = st.session_state.get(w)
    for c in (st.session_state.get(kunci), *calon):
        if nilai in nama:
            break
        nilai = c
    if nilai not in nama:
        nilai = bawaan(opsi)
    st.session_state[w] = nilai
    nama = umum.label_pemda(nama)
    kode = st.selectbox(label, opsi, key=w, format_func=lambda k: nama.get(k, k), filter_mode="contains")
    st.session_state[kunci] = kode
    return kode


def catatan_bobot(h: an.Hasil, tahun: int, bobot_sendiri: dict | None = None) -> None:
    if bobot_sendiri:
        teks = ", ".join(f"{a} {umum.fmt(w, 2)}" for a, w in sorted(bobot_sendiri.items()))
        st.caption(umum.aman(t("sim_bobot_skenario", bobot=teks)))
        return
    b = h.bobot.filter(pl.col("tahun") == tahun)
    if b.is_empty():
        return
    sumber = "; ".join(sorted(umum.teks_sumber_bobot(x) for x in set(b["sumber_bobot"].to_list())))
    st.caption(umum.aman(t("bobot_asumsi" if b["bobot_asumsi"].any() else "bobot_resmi", sumber=sumber)))


def langkah_dari_area(awal: float | None, akhir: float | None, per_area: pl.DataFrame) -> pl.DataFrame:
    """Waterfall steps (as ``HasilSimulasi.air_terjun``) from a start, an end and per-area gains
    (area, nama, name, kenaikan): the plan page draws its gains with the same chart."""
    awal_f = 0.0 if awal is None else float(awal)
    tengah = per_area.filter(pl.col("kenaikan") != 0).sort("area").select(
        pl.col("area").alias("langkah"), "nama", "name", pl.lit("area").alias("jenis"), pl.col("kenaikan").alias("nilai"),
    ).with_columns((awal_f + pl.col("nilai").cum_sum() - pl.col("nilai")).alias("mulai"),
                   (awal_f + pl.col("nilai").cum_sum()).alias("akhir"))
    ujung = pl.DataFrame(
        [{"langkah": "sebelum", "nama": "Sebelum", "name": "Before", "jenis": "awal", "nilai": awal, "mulai": 0.0,
          "akhir": awal},
         {"langkah": "sesudah", "nama": "Sesudah", "name": "After", "jenis": "akhir", "nilai": akhir, "mulai": 0.0,
          "akhir": akhir}],
        schema=tengah.schema,
    )
    return pl.concat([ujung.head(1), tengah, ujung.tail(1)])


def grafik_air_terjun(df: pl.DataFrame, judul: str, rapat: bool = False):
    """The index before, each area's gain as a floating bar, the index after. The y axis is zoomed
    to the part that moves (a gain of 2 points would be invisible on 0–100); the band limits that
    fall inside it are drawn as dashed lines, so a band change is visible."""
    u = grafik._ukuran(rapat)
    kol = "nama" if bahasa() == "id" else "name"
    df = df.filter(pl.col("akhir").is_not_null()).with_columns(
        pl.when(pl.col("jenis") == "area").then(grafik.angka_expr("nilai", tanda=True))
        .otherwise(grafik.angka_expr("nilai")).alias("teks"),
        pl.when(pl.col("jenis") != "area").then(pl.lit("ujung")).when(pl.col("nilai") >= 0).then(pl.lit("naik"))
        .otherwise(pl.lit("turun")).alias("warna"),
        pl.max_horizontal("mulai", "akhir").alias("atas"),
    )
    puncak = df.filter(pl.col("jenis") == "area").select(pl.concat_list("mulai", "akhir")).explode("mulai")
    nilai = [v for v in [*df.filter(pl.col("jenis") != "area")["akhir"].to_list(), *puncak.to_series().to_list()]
             if v is not None]
    lo = max(0.0, math.floor((min(nilai, default=0.0) - 5) / 5) * 5)
    hi = min(105.0, math.ceil((max(nilai, default=100.0) + 6) / 5) * 5)  # headroom for the labels above bars
    if hi - lo < 10:
        lo, hi = max(0.0, hi - 10), max(hi, 10.0)
    y = alt.Scale(domain=[lo, hi], nice=False)
    urut = df[kol].to_list()
    dasar_ = alt.Chart(df).encode(x=alt.X(f"{kol}:N", sort=urut, title=None,
                                          axis=alt.Axis(labelAngle=0 if len(urut) <= 5 else -40, labelLimit=360)))
    batang = dasar_.mark_bar(clip=True).encode(
        y=alt.Y("mulai:Q", scale=y, title=t("k_indeks")), y2=alt.Y2("akhir"),
        color=alt.Color("warna:N", scale=alt.Scale(domain=list(WARNA_LANGKAH), range=list(WARNA_LANGKAH.values())),
                        legend=None),
        tooltip=[alt.Tooltip(f"{kol}:N", title=t("sim_langkah")), alt.Tooltip("teks:N", title=t("k_indeks"))],
    )
    teks = dasar_.mark_text(dy=-u["teks"] * 0.8, fontSize=u["teks"], fontWeight="bold", clip=True).encode(
        y=alt.Y("atas:Q", scale=y), text=alt.Text("teks:N"))
    lapis = [batang, teks]
    batas = pl.DataFrame({"batas": [25.0, 50.0, 75.0]}).filter((pl.col("batas") > lo) & (pl.col("batas") < hi))
    if batas.height:
        lapis.insert(0, alt.Chart(batas).mark_rule(strokeDash=[4, 4], color="#7F7F7F").encode(y=alt.Y("batas:Q", scale=y)))
    return alt.layer(*lapis).properties(title=judul, height=380 if rapat else 280)


def grafik_geser(df: pl.DataFrame, judul: str, rapat: bool = False):
    """Rank shift per pemda (positive: moves up under the alternative weights), largest first."""
    u = grafik._ukuran(rapat)
    df = df.with_columns(
        pl.when(pl.col("geser_peringkat") > 0).then(pl.lit("naik")).when(pl.col("geser_peringkat") < 0)
        .then(pl.lit("turun")).otherwise(pl.lit("tetap")).alias("arah"),
        pl.format("{} → {}", "peringkat_bawaan", "peringkat_alternatif").alias("teks_peringkat"),
        grafik.angka_expr("geser_peringkat", 0, tanda=True).alias("teks"),
    )
    urut = df["nama_wilayah"].to_list()
    dasar = alt.Chart(df).encode(y=alt.Y("nama_wilayah:N", sort=urut, title=None))
    warna = alt.Scale(domain=["naik", "turun", "tetap"], range=["#228833", "#CC3311", "#7F7F7F"])
    batang = dasar.mark_bar().encode(
        x=alt.X("geser_peringkat:Q", title=t("sen_geser")),
        color=alt.Color("arah:N", scale=warna, legend=None),
        tooltip=[alt.Tooltip("nama_wilayah:N", title=t("k_pemda")), alt.Tooltip("teks_peringkat:N", title=t("k_peringkat"))],
    )
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(
        x=alt.X("geser_peringkat:Q"), text=alt.Text("teks:N"))
    return (batang + teks).properties(title=judul, height=max(len(urut) * (34 if rapat else 22), 120))
