"""Page — Rencana aksi: the least effort that reaches a target index (or the highest index an effort
budget buys), as a checklist by area and indicator that can be handed to the offices (OPD).

The plan is ``mcsp_rules.perencanaan.rencana.rencana``, exact (an integer programme), the same as ``mcsp plan``;
this page only collects the inputs and shows the result.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung import analisis as an
from mcsp_rules.hitung.celah import STATUS_MENUNGGU_KPK
from mcsp_rules.io.ekspor import ke_xlsx
from mcsp_rules.model import USAHA_STANDAR
from mcsp_rules.perencanaan.rencana import BATAS_BAWAH_KATEGORI, rencana
from tampilan.komponen import grafik, umum
from tampilan.komponen.skenario import (
    catatan_bobot,
    dasar_sesi,
    galat,
    grafik_air_terjun,
    langkah_dari_area,
    pilih_lingkup,
)
from tampilan.komponen.teks import bahasa, t

TARGET_KATEGORI = ("Hijau", "Biru", "Kuning")  # band names offered as targets (their lower limits)
MAKS_KALIMAT = 5


def masukan() -> dict:
    """Target or budget, and the effort per kind of gap (the plugins' unless changed here)."""
    nama_mode = {"target": t("ren_mode_target"), "anggaran": t("ren_mode_anggaran")}
    if st.session_state.get("ren_mode") not in nama_mode:
        st.session_state["ren_mode"] = "target"
    k1, k2, k3 = st.columns([1, 1, 1])
    with k1:
        mode = st.radio(t("ren_mode"), list(nama_mode), key="ren_mode", format_func=nama_mode.get, horizontal=True)
    hasil: dict = {"target": None, "anggaran": None, "usaha": None}
    if mode == "target":
        opsi = [*TARGET_KATEGORI, "angka"]
        label = {k: t("ren_target_kategori", kategori=umum.label_kategori(k), batas=umum.fmt(BATAS_BAWAH_KATEGORI[k], 0))
                 for k in TARGET_KATEGORI}
        label["angka"] = t("ren_target_angka")
        if st.session_state.get("ren_target_pilih") not in opsi:
            st.session_state["ren_target_pilih"] = "Hijau"
        with k2:
            pilih = st.selectbox(t("ren_target"), opsi, key="ren_target_pilih", format_func=lambda k: label.get(k, k))
        if pilih == "angka":
            with k3:
                hasil["target"] = st.number_input(t("ren_target_nilai"), min_value=0.0, max_value=100.0, value=75.0,
                                                  step=0.5, key="ren_target_nilai")
        else:
            hasil["target"] = BATAS_BAWAH_KATEGORI[pilih]
    else:
        with k2:
            hasil["anggaran"] = st.number_input(t("ren_anggaran"), min_value=0.0, max_value=100_000.0, value=10.0,
                                                step=1.0, key="ren_anggaran", help=t("ren_anggaran_bantuan"))
    ubah = st.toggle(t("ren_ubah_usaha"), key="ren_ubah_usaha", help=t("ren_usaha_bantuan"))
    if ubah:
        # the pemda's own actions only: a document in verification waits on KPK and is not planned
        milik_pemda = {s: u for s, u in USAHA_STANDAR.items() if s not in STATUS_MENUNGGU_KPK}
        kolom = st.columns(len(milik_pemda))
        usaha = {}
        for c, (status, bawaan) in zip(kolom, milik_pemda.items()):
            with c:
                usaha[status] = st.number_input(t("ren_usaha_status", status=t(status)), min_value=0.5, max_value=100.0,
                                                value=float(bawaan), step=0.5, key=f"ren_usaha_{status.replace(' ', '_')}")
        hasil["usaha"] = usaha
    else:
        st.caption(t("ren_usaha_plugin"))
    return hasil


def hitung(d, tahun: int, kode_wilayah, kode_provinsi, m: dict):
    """The plan, recomputed only when an input changes (kept in this session)."""
    kunci = (st.session_state.get("data_id"), tahun, kode_wilayah, kode_provinsi, m["target"], m["anggaran"],
             tuple(sorted((m["usaha"] or {}).items())))
    simpan = st.session_state.get("_ren_hasil")
    if simpan is not None and simpan[0] == kunci:
        return simpan[1]
    r = rencana(d, kode_wilayah, kode_provinsi=kode_provinsi, tahun=tahun, target=m["target"], anggaran=m["anggaran"],
                usaha=m["usaha"], dasar_=dasar_sesi(d))
    st.session_state["_ren_hasil"] = (kunci, r)
    return r


def ringkasan(r, kode_wilayah) -> None:
    rs = r.ringkasan
    if not r.tercapai:
        kalimat = r.kalimat(bahasa())
        if len(kalimat) > MAKS_KALIMAT:
            kalimat = [t("ren_tidak_tercapai_n", n=umum.fmt(r.tidak_tercapai.height, 0), total=umum.fmt(rs.height, 0))]
        for k in kalimat:
            st.warning(umum.aman(k))
        st.info(t("ren_terbaik"))
    elif rs.height and (rs["keadaan"] == "sudah").all():
        st.success(t("ren_sudah"))
    total_usaha = rs["usaha_total"].sum()
    total_item = int(rs["jumlah_item"].sum())
    c = st.columns(4)
    if kode_wilayah and rs.height == 1:
        x = rs.row(0, named=True)
        c[0].metric(t("sim_indeks_sebelum"), umum.fmt(x["indeks_sebelum"]), border=True)
        selisih = None if x["indeks_sesudah"] is None or x["indeks_sebelum"] is None else x["indeks_sesudah"] - x["indeks_sebelum"]
        c[1].metric(t("sim_indeks_sesudah"), umum.fmt(x["indeks_sesudah"]),
                    delta=None if selisih is None else ("+" if selisih > 0 else "") + umum.fmt(selisih), border=True)
        c[2].metric(t("kategori"), umum.label_kategori(x["kategori_sesudah"]),
                    delta=t("sim_sebelumnya", x=umum.label_kategori(x["kategori_sebelum"])), delta_color="off",
                    delta_arrow="off", border=True)
    else:
        c[0].metric(t("jumlah_pemda"), umum.fmt(rs.height, 0), border=True)
        c[1].metric(t("ren_tercapai"), umum.fmt(int(rs["tercapai"].sum()), 0), border=True)
        c[2].metric(t("ren_perlu_aksi"), umum.fmt(int((rs["jumlah_item"] > 0).sum()), 0), border=True)
    c[3].metric(t("ren_usaha_total"), umum.fmt(total_usaha, 0 if float(total_usaha).is_integer() else 2),
                delta=t("ren_dokumen", n=umum.fmt(total_item, 0)), delta_color="off", delta_arrow="off", border=True)
    verifikasi(rs, kode_wilayah)


def verifikasi(rs, kode_wilayah) -> None:
    """How much of the way depends on KPK's verifier (outside the plan: not the pemda's action)."""
    n = int(rs["jumlah_verifikasi"].sum()) if "jumlah_verifikasi" in rs.columns else 0
    if not n:
        return
    if kode_wilayah and rs.height == 1:
        st.caption(umum.aman(t("ren_verifikasi", n=umum.fmt(n, 0), kenaikan=umum.fmt(rs["kenaikan_verifikasi"][0]))))
    else:
        st.caption(umum.aman(t("ren_verifikasi_banyak", n=umum.fmt(n, 0),
                               pemda=umum.fmt(int((rs["jumlah_verifikasi"] > 0).sum()), 0))))


def air_terjun(h: an.Hasil, r, judul: str) -> None:
    """The plan's gain per area, as the Simulasi page draws a scenario's."""
    if r.item.is_empty():
        return
    rs = r.ringkasan.filter(pl.col("lengkap"))
    n = max(rs.height, 1)
    per_area = (
        r.item.group_by("area").agg((pl.col("kenaikan").sum() / n).alias("kenaikan"))
        .join(h.nama_area.filter(pl.col("tahun") == r.tahun).drop("tahun"), on="area", how="left")
        .with_columns(pl.col("nama").fill_null(pl.col("area")), pl.col("name").fill_null(pl.col("area")))
    )
    langkah = langkah_dari_area(rs["indeks_sebelum"].mean(), rs["indeks_sesudah"].mean(), per_area)
    umum.grafik(grafik_air_terjun(langkah, judul, umum.rapat()), f"rencana_{r.tahun}", kunci="ren_air_terjun")


def tabel_pemda(r) -> None:
    df = r.ringkasan.select(
        "kode_wilayah", "nama_wilayah", "indeks_sebelum", "indeks_sesudah",
        grafik.label_kategori_expr("kategori_sesudah").alias("kategori_sesudah"), "jumlah_item", "usaha_total",
        pl.col("keadaan").replace_strict({k: t(f"ren_keadaan_{k}") for k in
                                          ("sudah", "direncanakan", "tidak_tercapai", "tidak_lengkap")},
                                         default=pl.col("keadaan"), return_dtype=pl.String))
    umum.tabel(df, f"rencana_pemda_{r.tahun}", {
        "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "indeks_sebelum": t("sim_indeks_sebelum"),
        "indeks_sesudah": t("sim_indeks_sesudah"), "kategori_sesudah": t("sim_kat_sesudah"),
        "jumlah_item": t("ren_k_dokumen"), "usaha_total": t("ren_usaha_total"), "keadaan": t("ren_k_keadaan")},
        kunci="ren_tabel_pemda", tinggi=320)


def daftar_periksa_tabel(r) -> pl.DataFrame:
    """The checklist as it is downloaded: one row per document, by pemda, area and indicator, with
    empty columns for the office in charge and the date done (filled in by people, not by us)."""
    item = r.daftar_periksa()
    return item.select(
        "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator", *_dokumen(item), "nama_sub_indikator",
        grafik.label_status_expr("status").alias("status"), "usaha", "kenaikan",
        pl.lit("").alias("opd"), pl.lit("").alias("selesai"))


def _dokumen(item: pl.DataFrame) -> list[str]:
    """["dokumen"] when the plan's items are documents (a document-level export names each one), else []."""
    return ["dokumen"] if "dokumen" in item.columns and item["dokumen"].is_not_null().any() else []


URUT_LAYAR = ("nama_sub_indikator", "status", "kenaikan", "usaha", "sub_indikator", "indikator")


def ringkasan_tabel(r) -> pl.DataFrame:
    """The plan's summary sheet in words a person reads (no internal field names or solver methods)."""
    keadaan = {k: t(f"ren_keadaan_{k}") for k in ("sudah", "direncanakan", "tidak_tercapai", "tidak_lengkap")}
    rs = r.ringkasan
    kolom = {"kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "indeks_sebelum": t("sim_indeks_sebelum"),
             ("target" if r.mode == "target" else "anggaran"): t("ren_k_target" if r.mode == "target" else "ren_k_anggaran"),
             "indeks_sesudah": t("sim_indeks_sesudah"), "kategori_sebelum": t("sim_kat_sebelum"),
             "kategori_sesudah": t("sim_kat_sesudah"), "jumlah_item": t("ren_k_dokumen"), "usaha_total": t("ren_usaha_total"),
             "kenaikan_total": t("ren_k_kenaikan_total"), "keadaan": t("ren_k_keadaan"),
             "jumlah_verifikasi": t("ren_k_verifikasi_n"), "kenaikan_verifikasi": t("ren_k_verifikasi_kenaikan"),
             "area_hilang": t("ren_k_area_hilang")}
    return rs.with_columns(
        grafik.label_kategori_expr("kategori_sebelum").alias("kategori_sebelum"),
        grafik.label_kategori_expr("kategori_sesudah").alias("kategori_sesudah"),
        pl.col("keadaan").replace_strict(keadaan, default=pl.col("keadaan"), return_dtype=pl.String),
        pl.col("area_hilang").fill_null(""),
    ).select(list(kolom)).rename(kolom)


def kolom_periksa() -> dict[str, str]:
    return {"kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "area": t("k_area"),
            "indikator": t("k_indikator"), "sub_indikator": t("k_sub"), "nama_sub_indikator": t("k_nama_sub"),
            "dokumen": t("k_dokumen"), "status": t("k_status"), "usaha": t("k_usaha"), "kenaikan": t("k_kenaikan"), "opd": t("ren_k_opd"),
            "selesai": t("ren_k_selesai")}


def daftar_periksa(h: an.Hasil, r, kode_wilayah) -> None:
    st.subheader(t("ren_daftar"))
    if r.item.is_empty():
        st.text(t("ren_daftar_kosong"))
        return
    semua = daftar_periksa_tabel(r)
    kol = kolom_periksa()
    ringkas = ringkasan_tabel(r)
    berkas = umum._nama_file(f"rencana_aksi_{kode_wilayah or 'provinsi'}_{r.tahun}")
    st.download_button(t("ren_unduh"), data=lambda: ke_xlsx({t("ren_lembar"): semua.rename(kol), t("ren_lembar_ringkasan"): ringkas}),
                       file_name=f"{berkas}.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click="ignore", key="ren_unduh_xlsx", icon=":material/download:", type="primary")
    pemda = semua["kode_wilayah"].unique(maintain_order=True).to_list()
    kode = pemda[0]
    if len(pemda) > 1:
        nama = dict(semua.select("kode_wilayah", "nama_wilayah").unique().rows())
        if st.session_state.get("ren_pemda_daftar") not in pemda:
            st.session_state["ren_pemda_daftar"] = pemda[0]
        kode = st.selectbox(t("ren_pilih_pemda_daftar"), pemda, key="ren_pemda_daftar", format_func=lambda k: nama.get(k, k))
    nama_area = umum.nama_area(h, r.tahun)
    # on screen without the empty columns for the offices (they are in the XLSX)
    # the key columns first (what to do, its status, what it is worth), so they show at 1280 px
    # a document-level plan names each document right after the item's name
    layar = (URUT_LAYAR[0], *_dokumen(semua), *URUT_LAYAR[1:])
    satu = semua.filter(pl.col("kode_wilayah") == kode).select("area", *layar)
    for (area,), bagian in satu.group_by("area", maintain_order=True):
        judul = t("ren_area_judul", area=nama_area.get(area, area), n=bagian.height,
                  usaha=umum.fmt(bagian["usaha"].sum(), 0 if float(bagian["usaha"].sum()).is_integer() else 2),
                  kenaikan=umum.fmt(bagian["kenaikan"].sum()))
        with st.expander(umum.aman(judul), expanded=True):
            umum.tabel(bagian.drop("area"), f"rencana_{kode}_{area}", kol, unduh=False, kunci=f"ren_area_{area}",
                       sematkan=("nama_sub_indikator",), lebar={"nama_sub_indikator": "large"})


def halaman() -> None:
    siap = umum.perlu_data()
    if siap is None:
        return
    d, h = siap
    tahun = umum.saring().tahun
    st.title(t("ren_judul", tahun=tahun))
    st.caption(t("ren_intro"))
    catatan_bobot(h, tahun)
    kode_wilayah, kode_provinsi = pilih_lingkup(h, tahun, "ren")
    if kode_wilayah is None and kode_provinsi is None:
        st.info(t("tidak_ada_pemda"))
        return
    if h.dokumen.filter(pl.col("tahun") == tahun).is_empty():  # the aggregate, not a copy of the year's rows
        st.info(t("ren_tanpa_rincian"))
        return
    m = masukan()
    try:
        with st.spinner(t("ren_menghitung")):
            r = hitung(d, tahun, kode_wilayah, kode_provinsi, m)
    except MCSPError as e:
        st.error(umum.aman(galat(e)))
        return
    ringkasan(r, kode_wilayah)
    judul = (dict(an.pilihan_pemda(h, an.Saring(tahun=tahun))).get(kode_wilayah, kode_wilayah) if kode_wilayah
             else dict(an.pilihan_provinsi(h, tahun)).get(kode_provinsi, kode_provinsi))
    air_terjun(h, r, f"{t('ren_air_terjun')} — {judul} {tahun}")
    if kode_provinsi and not umum.rapat():
        tabel_pemda(r)
    daftar_periksa(h, r, kode_wilayah)


umum.aman_jalankan(halaman)
