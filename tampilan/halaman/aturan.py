"""Page 5 — Aturan: which plugins are active; per year the areas each kind of pemda has, the weights,
bands and catalogue with their sources; areas, weights and checks; and which plugins were switched off
and why. Works without data: it shows the installed rules."""

from __future__ import annotations

import polars as pl
import streamlit as st

import mcsp_rules
from tampilan.komponen import umum
from tampilan.komponen.teks import bahasa, t


def halaman() -> None:
    st.title(t("aturan_judul"))
    st.caption(t("aturan_intro"))
    d = umum.data()
    reg = d.registri if d is not None else mcsp_rules.registri_bawaan()
    en = bahasa() == "en"

    tahun = reg.tahun()
    if not tahun:
        st.error(t("tidak_ada_plugin"))
    else:
        st.text(t("tahun_didukung", tahun=", ".join(map(str, tahun))))

    nonaktif = reg.nonaktif()
    if nonaktif:
        st.warning(t("plugin_nonaktif_ada", n=len(nonaktif)))

    st.subheader(t("plugin_aktif"))
    aktif = pl.DataFrame(
        [{"nama": p.nama, "sumber": p.sumber, "lokasi": p.lokasi,
          "tahun_area": "; ".join(f"{th} {a}" for th, a in p.tahun_area)} for p in reg.plugin if p.aktif],
        schema={"nama": pl.String, "sumber": pl.String, "lokasi": pl.String, "tahun_area": pl.String},
    )
    umum.tabel(aktif, "plugin_aktif", {"nama": t("k_plugin"), "sumber": t("k_sumber"), "lokasi": t("k_lokasi"),
                                       "tahun_area": t("k_tahun_area")}, kunci="plugin_aktif")

    def ya_tidak(kolom: str) -> pl.Expr:
        return pl.col(kolom).replace_strict({True: t("ya"), False: t("tidak")}, return_dtype=pl.String)

    st.subheader(t("aturan_per_tahun"))
    st.caption(t("aturan_per_tahun_ket"))
    per_tahun = reg.tabel_tahun().with_columns(ya_tidak("pita_bawaan"), ya_tidak("katalog_resmi"))
    per_tahun = per_tahun.select(  # the short facts first, the long source labels after
        "tahun", "area_provinsi", "area_kabupaten", "area_kota", "jumlah_indikator", "jumlah_sub_indikator",
        "katalog_resmi", "pita", "pita_bawaan", "sumber_bobot", "sumber_pita", "sumber_katalog")
    umum.tabel(per_tahun, "aturan_per_tahun", {
        "tahun": t("k_tahun"), "area_provinsi": t("k_area_provinsi"), "area_kabupaten": t("k_area_kabupaten"),
        "area_kota": t("k_area_kota"), "sumber_bobot": t("k_sumber_bobot"), "pita": t("k_pita"),
        "sumber_pita": t("k_sumber_pita"), "pita_bawaan": t("k_pita_bawaan"), "jumlah_indikator": t("k_jml_indikator"),
        "jumlah_sub_indikator": t("k_jml_sub"), "katalog_resmi": t("k_katalog_resmi"),
        "sumber_katalog": t("k_sumber_katalog")}, kunci="aturan_per_tahun")

    st.subheader(t("area_bobot"))
    area = reg.tabel_area()
    tampil = area.select(
        "tahun", "area", pl.col("name" if en else "nama").alias("nama"), "jenis", "bobot", "sumber_bobot",
        ya_tidak("bobot_asumsi"), "plugin", "jumlah_indikator", "jumlah_sub_indikator", ya_tidak("katalog_resmi"),
        "jumlah_aturan",
    )
    umum.tabel(tampil, "area_bobot", {
        "tahun": t("k_tahun"), "area": t("k_area"), "nama": t("k_nama"), "jenis": t("k_berlaku_untuk"), "bobot": t("k_bobot"),
        "sumber_bobot": t("k_sumber_bobot"), "bobot_asumsi": t("k_asumsi"), "plugin": t("k_plugin"),
        "jumlah_indikator": t("k_jml_indikator"), "jumlah_sub_indikator": t("k_jml_sub"),
        "katalog_resmi": t("k_katalog_resmi"), "jumlah_aturan": t("k_jml_aturan")}, kunci="area_bobot")

    st.subheader(t("pemeriksaan"))
    kunci = sorted(reg.area_tahun)
    if kunci:
        pilih = st.selectbox(t("pilih_tahun_area"), kunci, key="aturan_pilih",
                             format_func=lambda k: f"{k[0]} · {reg.area_tahun[k].area.name if en else reg.area_tahun[k].area.nama}")
        at = reg.area_tahun[pilih]
        cek = pl.DataFrame(
            [{"kode": a.kode, "tingkat": t("galat") if a.tingkat == "galat" else t("peringatan"),
              "kolom": a.kolom or "", "pesan": a.message if en else a.pesan, "saran": a.fix if en else a.saran,
              "plugin": nama} for nama, a in at.aturan],
            schema={"kode": pl.String, "tingkat": pl.String, "kolom": pl.String, "pesan": pl.String,
                    "saran": pl.String, "plugin": pl.String},
        )
        umum.tabel(cek, f"pemeriksaan_{pilih[0]}_{pilih[1]}", {
            "kode": t("k_kode"), "tingkat": t("k_tingkat"), "kolom": t("k_kolom"), "pesan": t("k_pesan"),
            "saran": t("k_saran"), "plugin": t("k_plugin")}, kunci="pemeriksaan")

    st.subheader(t("plugin_nonaktif"))
    if not nonaktif:
        st.text(t("plugin_nonaktif_kosong"))
    else:
        mati = pl.DataFrame([{"nama": p.nama, "lokasi": p.lokasi, "alasan": p.alasan} for p in nonaktif],
                            schema={"nama": pl.String, "lokasi": pl.String, "alasan": pl.String})
        umum.tabel(mati, "plugin_nonaktif", {"nama": t("k_plugin"), "lokasi": t("k_lokasi"), "alasan": t("k_alasan")},
                   kunci="plugin_nonaktif")
    if reg.konflik:
        st.subheader(t("konflik"))
        umum.tabel(pl.DataFrame({"konflik": reg.konflik}), "konflik", {"konflik": t("k_konflik")}, kunci="konflik")


umum.aman_jalankan(halaman)
