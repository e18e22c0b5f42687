"""Page 2 — Ringkasan: the state of the filtered pemda at a glance, then the detail."""

from __future__ import annotations

import streamlit as st

from mcsp_rules.hitung import analisis as an
from tampilan.komponen import bagikan, grafik, telusur, umum
from tampilan.komponen import peta as peta_provinsi
from tampilan.komponen.teks import bahasa, t

BATAS_DAFTAR = 25  # names listed per band under "needs attention"
BATAS_BATANG = 40  # up to this many pemda: one bar each; more: the lowest and highest 15


def judul_cakupan(h: an.Hasil, s: an.Saring, n: int) -> str:
    semua = dict(an.pilihan_provinsi(h, s.tahun))
    if s.kode_provinsi:
        prov = semua.get(s.kode_provinsi, s.kode_provinsi)
    elif len(semua) == 1:  # an upload of one province's file: name it rather than call it national
        prov = next(iter(semua.values()))
    else:
        prov = t("provinsi_dalam_data", n=len(semua))
    jenis = ", ".join(umum.label_jenis(j) for j in s.jenis) if s.jenis else t("semua")
    return t("cakupan", wilayah=prov, jenis=jenis, n=umum.fmt(n, 0))


def kepala(h: an.Hasil, s: an.Saring, wil) -> dict:
    """The glance: the index on the band strip, its band, and the counts people ask about first."""
    rapat = umum.rapat()
    r = an.ringkasan_indeks(wil)
    judul = t("indeks") if r["jumlah"] == 1 else t("indeks_rata")
    kiri, kanan = st.columns([3, 1])
    with kiri:
        umum.grafik(grafik.pita(r["indeks"], f"{judul} {s.tahun}", rapat), f"indeks_{s.tahun}", kunci="pita")
    with kanan:
        delta = None
        if r["perubahan"] is not None:
            delta = ("+" if r["perubahan"] > 0 else "") + umum.fmt(r["perubahan"]) + " " + t("vs_lalu", tahun=s.tahun - 1)
        st.metric(judul, umum.fmt(r["indeks"]), delta=delta, border=True)
        st.metric(t("kategori"), umum.label_kategori(r["kategori"]) if r["indeks"] is not None else "–", border=True)
    jumlah = dict(an.jumlah_kategori(wil).rows())
    total = an.total_dokumen(h, s, wil["kode_wilayah"].to_list())
    c = st.columns(4)
    c[0].metric(t("jumlah_pemda"), umum.fmt(r["jumlah"], 0), border=True)
    c[1].metric(t("merah_kuning"), umum.fmt(jumlah["Merah"] + jumlah["Kuning"], 0), border=True)
    if total["dokumen_wajib"]:
        c[2].metric(t("dok_diterima"), f"{umum.fmt(100 * total['diterima'] / total['dokumen_wajib'], 0)} %",
                    delta=t("dari_dok", a=umum.fmt(total["diterima"], 0), b=umum.fmt(total["dokumen_wajib"], 0)),
                    delta_color="off", delta_arrow="off", border=True)
        c[3].metric(t("belum diunggah"), umum.fmt(total["belum_diunggah"], 0), border=True)
    if r["tidak_lengkap"]:
        st.warning(t("tidak_lengkap_n", n=umum.fmt(r["tidak_lengkap"], 0)))
    return r


def kategori_dan_dokumen(h: an.Hasil, s: an.Saring, wil) -> None:
    rapat = umum.rapat()
    kiri, kanan = st.columns(2)
    with kiri:
        umum.grafik(grafik.batang_kategori(an.jumlah_kategori(wil), t("per_kategori"), rapat),
                    f"kategori_{s.tahun}", kunci="kategori")
    with kanan:
        total = an.total_dokumen(h, s, wil["kode_wilayah"].to_list())
        if total["dokumen_wajib"]:
            umum.grafik(grafik.batang_dokumen(total, t("status_dokumen"), rapat), f"dokumen_{s.tahun}", kunci="dokumen")
            st.caption(umum.aman(t("dok_dari", n=umum.fmt(total["dokumen_wajib"], 0)) + " · " + t(
                "dok_diunggah", n=umum.fmt(total["dokumen_diunggah"], 0),
                p=umum.fmt(100 * total["dokumen_diunggah"] / total["dokumen_wajib"], 0))))
        else:
            st.caption(t("dok_tidak_ada"))


def perhatian(wil) -> None:
    daftar = an.daftar_per_kategori(wil)
    st.subheader(t("perhatian"))
    ada = False
    for k in ("Merah", "Kuning"):
        nama = daftar[k]
        if not nama:
            continue
        ada = True
        lebih = len(nama) - BATAS_DAFTAR
        teks = ", ".join(nama[:BATAS_DAFTAR]) + (" " + t("dan_lainnya", n=lebih) if lebih > 0 else "")
        st.text(f"{umum.label_kategori(k)} ({len(nama)}): {teks}")
    if not ada:
        st.text(t("perhatian_kosong"))


def area(h: an.Hasil, s: an.Saring, wil) -> None:
    rapat = umum.rapat()
    rata = an.rata_area(h, s, wil["kode_wilayah"].to_list())
    if rata.is_empty():
        return
    judul = (t("rata_area_lalu", tahun=s.tahun, lalu=s.tahun - 1) if rata["skor_lalu"].is_not_null().any()
             else t("rata_area"))
    st.subheader(judul)
    umum.grafik(grafik.batang_area(rata, judul, s.tahun, rapat), f"rata_area_{s.tahun}", kunci="rata_area")
    if not rapat:
        kol = "nama" if bahasa() == "id" else "name"
        tabel = rata.select("area", kol, "skor", "skor_lalu", "selisih", "jumlah_pemda")
        umum.tabel(tabel, f"rata_area_{s.tahun}", {"area": t("k_area"), kol: t("k_nama_area"), "skor": str(s.tahun),
                                                  "skor_lalu": str(s.tahun - 1), "selisih": t("k_selisih"),
                                                  "jumlah_pemda": t("k_jumlah_pemda")}, kunci="tabel_area")


def peringkat(h: an.Hasil, s: an.Saring, wil) -> None:
    rapat = umum.rapat()
    st.subheader(t("peringkat"))
    urut = an.peringkat(wil)
    if urut.height <= BATAS_BATANG:
        telusur.grafik_klik(grafik.batang_peringkat(urut, t("peringkat") + f" {s.tahun}", rapat), f"peringkat_{s.tahun}",
                            kunci="peringkat")
    else:
        n = 15
        kiri, kanan = st.columns(2)
        lengkap = urut.filter(urut["indeks"].is_not_null())
        with kiri:
            telusur.grafik_klik(grafik.batang_peringkat(lengkap.tail(n).reverse(), t("terendah", n=n) + f" {s.tahun}",
                                                        rapat), f"terendah_{s.tahun}", kunci="terendah")
        with kanan:
            telusur.grafik_klik(grafik.batang_peringkat(lengkap.head(n), t("tertinggi", n=n) + f" {s.tahun}", rapat),
                                f"tertinggi_{s.tahun}", kunci="tertinggi")
    if not rapat:
        # the key columns first (rank, name, index, band, rank in the province), the name pinned
        tabel = urut.with_columns(grafik.label_kategori_expr(), umum.label_jenis_expr()).select(
            "peringkat", "nama_wilayah", "indeks", "kategori", "peringkat_provinsi", "perubahan", "provinsi",
            "jenis_pemda", "kode_wilayah", "jumlah_provinsi", "peringkat_nasional", "jumlah_nasional")
        umum.tabel(tabel, f"peringkat_{s.tahun}", {
            "peringkat": t("k_peringkat"), "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"),
            "provinsi": t("k_provinsi"), "jenis_pemda": t("k_jenis"), "indeks": t("k_indeks"),
            "kategori": t("k_kategori"), "perubahan": t("k_perubahan"), "peringkat_provinsi": t("k_peringkat_prov"),
            "jumlah_provinsi": t("k_peringkat_prov") + " (n)",
            "peringkat_nasional": umum.t_nas("k_peringkat_nas", h, s.tahun),
            "jumlah_nasional": umum.t_nas("k_peringkat_nas", h, s.tahun) + " (n)"}, kunci="tabel_peringkat", tinggi=360,
            sematkan=("peringkat", "nama_wilayah"))


def peta(h: an.Hasil, s: an.Saring, wil) -> None:
    rapat = umum.rapat()
    data, total = an.heatmap(h, s, wil, batas=60)
    if data.is_empty():
        return
    st.subheader(t("heatmap"))
    n = data["kode_wilayah"].n_unique()
    if n < total:
        st.caption(t("heatmap_batas", n=n, total=umum.fmt(total, 0)))
    telusur.grafik_klik(grafik.peta_panas(data, f"{t('heatmap')} {s.tahun}", rapat, sempit=umum.ponsel()),
                        f"heatmap_{s.tahun}", kunci="heatmap")


def sebaran(s: an.Saring, wil) -> None:
    if wil.height < 3:
        return
    st.subheader(t("distribusi"))
    umum.grafik(grafik.histogram(wil, f"{t('distribusi')} {s.tahun}", umum.rapat()), f"sebaran_{s.tahun}",
                kunci="sebaran")


def provinsi(h: an.Hasil, s: an.Saring) -> None:
    agr = an.provinsi_agregat(h, s)
    if agr.height < 2:
        return
    rapat = umum.rapat()
    st.subheader(t("provinsi_agregat"))
    telusur.grafik_klik(grafik.batang_provinsi(agr, f"{t('provinsi_agregat')} {s.tahun}", rapat), f"provinsi_{s.tahun}",
                        kunci="provinsi", medan="kode_provinsi")
    if not rapat:
        tabel = agr.drop("kode_provinsi").with_columns(grafik.label_kategori_expr())
        umum.tabel(tabel, f"provinsi_{s.tahun}", {
            "provinsi": t("k_provinsi"), "indeks": t("k_indeks"), "kategori": t("k_kategori"),
            "jumlah_pemda": t("k_jumlah_pemda"), "tidak_lengkap": t("k_tidak_lengkap"),
            **{k: umum.label_kategori(k) for k in ("Merah", "Kuning", "Biru", "Hijau")}}, kunci="tabel_provinsi")


def halaman() -> None:
    siap = umum.perlu_data()
    if siap is None:
        return
    _, h = siap
    s = umum.saring()
    st.title(t("ringkasan_judul", tahun=s.tahun))
    wil = an.saring_wilayah(h, s)
    cakupan = judul_cakupan(h, s, wil.height)
    st.caption(umum.aman(cakupan))
    umum.catatan_bobot(h, s.tahun)
    if not wil.is_empty():
        bagikan.unduh_laporan(h, s, cakupan, "ringkasan")
    if wil.is_empty():
        st.info(t("tidak_ada_pemda"))
        return
    if s.area:
        st.caption(t("indeks_semua_area"))
    kepala(h, s, wil)
    kategori_dan_dokumen(h, s, wil)
    perhatian(wil)
    telusur.buka_perhatian(wil)
    area(h, s, wil)
    peringkat(h, s, wil)
    peta(h, s, wil)
    sebaran(s, wil)
    if not s.kode_provinsi and not s.pemda:
        provinsi(h, s)
    peta_provinsi.bagian_peta(h, s)


umum.aman_jalankan(halaman)
