"""The Tren page's scope picker (year, level, province, pemda) from what the store holds, following the
sidebar filters, and the default deadline."""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from mcsp_rules.riwayat import tren
from mcsp_rules.riwayat.store import Store
from mcsp_rules.wilayah import daftar_wilayah
from tampilan.komponen import umum
from tampilan.komponen.teks import t

KUNCI_CAKUPAN = ("tren_tahun", "tren_tingkat", "tren_provinsi", "tren_pemda")  # reset when the sidebar changes


def tenggat_bawaan(terakhir: date | None) -> date:
    """30 November (the provinces' deadline for the year's documents) on or after the last snapshot."""
    dasar = terakhir or date.today()
    calon = date(dasar.year, 11, 30)
    return calon if calon >= dasar else date(dasar.year + 1, 11, 30)


def nama_cakupan(riw_p, wil: pl.DataFrame) -> str:
    """Whose pemda a list covers: the province's name, or Indonesia for the whole country."""
    if riw_p.tingkat == "nasional" or riw_p.kode is None:
        return tren.NAMA_NASIONAL
    return wil["provinsi"].drop_nulls().first() or riw_p.kode


def pilih_cakupan(store: Store) -> tuple[int, str, str, str] | None:
    """(tahun, tingkat, kode provinsi, kode pemda) from what the store holds; the defaults follow the
    sidebar filters (province, kinds, pemda, year), and the page's own choices are reset whenever
    those filters change."""
    ada = store.kode_tersimpan().join(daftar_wilayah(), on="kode_wilayah", how="inner")
    if ada.is_empty():
        st.info(t("tren_belum_ada"))
        return None
    s = umum.saring()
    tanda = (s.tahun, s.kode_provinsi, s.jenis, s.pemda)
    if st.session_state.get("_tren_saring") != tanda:
        for k in KUNCI_CAKUPAN:
            st.session_state.pop(k, None)
        st.session_state["_tren_saring"] = tanda

    st.subheader(t("tren_cakupan"))
    c = st.columns([1, 2, 2, 3])
    tahun_opsi = sorted(ada["tahun"].unique().to_list(), reverse=True)
    if st.session_state.get("tren_tahun") not in tahun_opsi:
        st.session_state["tren_tahun"] = s.tahun if s.tahun in tahun_opsi else tahun_opsi[0]
    tahun = c[0].selectbox(t("tahun"), tahun_opsi, key="tren_tahun")
    ada = ada.filter(pl.col("tahun") == tahun)

    nama_tingkat = {"nasional": t("tren_tingkat_nasional"), "provinsi": t("tren_tingkat_provinsi"),
                    "wilayah": t("tren_tingkat_pemda")}
    if st.session_state.get("tren_tingkat") not in nama_tingkat:
        # the sidebar's pemda or province; otherwise the country, unless the store holds a single province
        satu_provinsi = s.kode_provinsi or ada["kode_provinsi"].n_unique() == 1
        st.session_state["tren_tingkat"] = "wilayah" if s.pemda else ("provinsi" if satu_provinsi else "nasional")
    tingkat = c[1].radio(t("tren_tingkat"), list(nama_tingkat), key="tren_tingkat", horizontal=True,
                         format_func=lambda k: nama_tingkat.get(k, k))
    if tingkat == "nasional":
        return tahun, tingkat, "", ""

    prov = ada.select("kode_provinsi", "provinsi").unique().sort("kode_provinsi")
    nama_prov = dict(prov.rows())
    prov_opsi = list(nama_prov)
    pemda_sidebar = [k.split(".")[0] for k in s.pemda]
    if st.session_state.get("tren_provinsi") not in prov_opsi:
        pilihan = [k for k in [s.kode_provinsi, *pemda_sidebar] if k in nama_prov]
        st.session_state["tren_provinsi"] = pilihan[0] if pilihan else prov_opsi[0]
    kode_prov = c[2].selectbox(t("provinsi"), prov_opsi, key="tren_provinsi", format_func=lambda k: nama_prov.get(k, k))

    pemda = ada.filter(pl.col("kode_provinsi") == kode_prov)
    if s.jenis:
        pemda = pemda.filter(pl.col("jenis_pemda").is_in(list(s.jenis)))
    pemda = pemda.sort("kode_wilayah")
    nama_pemda = dict(pemda.select("kode_wilayah", "nama_wilayah").rows())
    kode_pemda = ""
    if tingkat == "wilayah":
        if not nama_pemda:
            st.info(t("tidak_ada_pemda"))
            return None
        if st.session_state.get("tren_pemda") not in nama_pemda:
            pilihan = [k for k in s.pemda if k in nama_pemda]
            st.session_state["tren_pemda"] = pilihan[0] if pilihan else next(iter(nama_pemda))
        kode_pemda = c[3].selectbox(t("pemda"), list(nama_pemda), key="tren_pemda",
                                    format_func=lambda k: nama_pemda.get(k, k))
    return tahun, tingkat, kode_prov, kode_pemda
