"""Page 3 — Profil wilayah: one pemda, what its index is, where it stands, and what to fix first."""

from __future__ import annotations

import polars as pl
import streamlit as st

from mcsp_rules.hitung import analisis as an
from tampilan.komponen import bagikan, grafik, umum
from tampilan.komponen.teks import bahasa, t

N_CELAH_GRAFIK = 10


def pilih_pemda(h: an.Hasil, s: an.Saring) -> str | None:
    """The pemda shown: chosen here, defaulting to the first pemda picked in the sidebar; the choice
    is kept (outside the widget) so it survives a visit to another page."""
    if s.pemda:
        opsi = list(s.pemda)
        nama = dict(an.pilihan_pemda(h, an.Saring(tahun=s.tahun)))
    else:
        pilihan = an.pilihan_pemda(h, s)
        nama = dict(pilihan)
        opsi = [k for k, _ in pilihan]
    if not opsi:
        return None
    simpan = st.session_state.get("_w_profil")  # the widget's own value while this page is shown
    if simpan not in opsi:
        simpan = st.session_state.get("pemda_profil")  # the last choice, kept across pages
    if simpan not in opsi:
        simpan = bawaan(h, s, opsi)
    st.session_state["_w_profil"] = simpan
    nama = umum.label_pemda(nama)
    kode = st.selectbox(t("pilih_pemda"), opsi, key="_w_profil", format_func=lambda k: nama.get(k, k),
                        filter_mode="contains", index=None, placeholder=t("pilih_pemda_isian"))
    if kode is not None:
        st.session_state["pemda_profil"] = kode
    return kode


def bawaan(h: an.Hasil, s: an.Saring, opsi: list[str]) -> str | None:
    """Nothing chosen yet: the sidebar's pemda, else the government of the sidebar's province (or of
    the one province the data holds); never an arbitrary first pemda of the list."""
    if s.pemda:
        return s.pemda[0]
    prov = s.kode_provinsi
    if prov is None:
        semua = an.pilihan_provinsi(h, s.tahun)
        prov = semua[0][0] if len(semua) == 1 else None
    return prov if prov in opsi else None


def kepala(h: an.Hasil, s: an.Saring, p: dict) -> None:
    rapat = umum.rapat()
    st.header(umum.aman(p["nama_wilayah"]))
    st.caption(umum.aman(f"{p['provinsi']} · {umum.label_jenis(p['jenis_pemda'])} · {s.tahun}"))
    kiri, kanan = st.columns([2, 1]) if not rapat else st.columns([3, 1])
    with kiri:
        umum.grafik(grafik.pita(p["indeks"], f"{t('indeks')} {p['nama_wilayah']} {s.tahun}", rapat),
                    f"indeks_{p['kode_wilayah']}_{s.tahun}", kunci="pita_profil")
    with kanan:
        delta = None
        if p.get("perubahan") is not None:
            delta = ("+" if p["perubahan"] > 0 else "") + umum.fmt(p["perubahan"]) + " " + t("vs_lalu", tahun=s.tahun - 1)
        st.metric(t("indeks"), umum.fmt(p["indeks"]), delta=delta, border=True)
        st.metric(t("kategori"), umum.label_kategori(p["kategori"]), border=True)
    c1, c2, c3 = st.columns(3)
    if p["indeks"] is not None:
        c1.metric(t("peringkat_prov"), t("dari", a=p["peringkat_provinsi"], b=p["jumlah_provinsi"]), border=True)
        c2.metric(umum.t_nas("peringkat_nas", h, s.tahun), t("dari", a=p["peringkat_nasional"], b=p["jumlah_nasional"]), border=True)
    total = an.total_dokumen(h, an.Saring(tahun=s.tahun, area=s.area), [p["kode_wilayah"]])
    if total["dokumen_wajib"]:
        c3.metric(t("dok_diterima"), t("dari", a=umum.fmt(total["diterima"], 0), b=umum.fmt(total["dokumen_wajib"], 0)),
                  border=True)
    if p["indeks"] is None:
        hilang = [a for a in an.pilihan_area(h, s.tahun)
                  if a[0] not in set(h.area.filter((pl.col("tahun") == s.tahun)
                                                   & (pl.col("kode_wilayah") == p["kode_wilayah"]))["area"].to_list())]
        st.warning(umum.aman(t("tidak_lengkap_pemda",
                                 area=", ".join(a[1] if bahasa() == "id" else a[2] for a in hilang) or "–")))
    else:
        st.info(umum.aman(umum.t_nas("ringkas_profil", h, s.tahun, nama=p["nama_wilayah"], indeks=umum.fmt(p["indeks"]),
                  kategori=umum.label_kategori(p["kategori"]), rp=p["peringkat_provinsi"], np=p["jumlah_provinsi"],
                  rn=p["peringkat_nasional"], nn=p["jumlah_nasional"])), icon=":material/info:")
    return total


def area(h: an.Hasil, s: an.Saring, p: dict) -> None:
    rapat = umum.rapat()
    df = an.area_profil(h, p["kode_wilayah"], s.tahun, s.area)
    if df.is_empty():
        return
    judul = umum.t_nas("area_vs", h, s.tahun)
    st.subheader(judul)
    label_prov = f"{t('k_rata_prov')} {p['provinsi']}"
    umum.grafik(grafik.area_profil(df, f"{judul} — {p['nama_wilayah']} {s.tahun}", rapat, label_prov,
                                   umum.t_nas("k_rata_nas", h, s.tahun)), f"area_{p['kode_wilayah']}_{s.tahun}", kunci="area_profil")
    if not rapat:
        kol = "nama" if bahasa() == "id" else "name"
        umum.tabel(df.select("area", kol, "skor", "rata_provinsi", "rata_nasional", "selisih_nasional"),
                   f"area_{p['kode_wilayah']}_{s.tahun}",
                   {"area": t("k_area"), kol: t("k_nama_area"), "skor": t("k_skor"), "rata_provinsi": t("k_rata_prov"),
                    "rata_nasional": umum.t_nas("k_rata_nas", h, s.tahun),
                    "selisih_nasional": umum.t_nas("k_selisih_nas", h, s.tahun)}, kunci="tabel_area_profil")


def celah(h: an.Hasil, s: an.Saring, p: dict) -> None:
    """Open gaps: first what the pemda can do itself (upload, fix), then what waits on KPK's verifier."""
    rapat = umum.rapat()
    st.subheader(t("celah"))
    c = an.celah_pemda(h, p["kode_wilayah"], s.tahun, s.area)
    if c.is_empty():
        rincian = h.dokumen.filter((pl.col("tahun") == s.tahun) & (pl.col("kode_wilayah") == p["kode_wilayah"]))
        st.success(t("celah_kosong") if rincian.height else t("tanpa_rincian"))
        return
    sendiri = c.filter(pl.col("pihak") == "pemda")
    kpk = c.filter(pl.col("pihak") == "kpk")
    if p["indeks"] is None or c["kenaikan"].is_null().all():
        st.caption(t("celah_tanpa_indeks"))
    elif sendiri.height:
        n = min(N_CELAH_GRAFIK, sendiri.height)
        ke = umum.fmt(sendiri["indeks_jika_ditutup"][n - 1])
        if "jumlah_dokumen" in sendiri.columns:  # a row is a sub-indicator's documents of one status
            pesan = t("celah_pesan_dok", n=n, d=umum.fmt(sendiri["jumlah_dokumen"].head(n).sum(), 0),
                      dari=umum.fmt(p["indeks"]), ke=ke)
        else:
            pesan = t("celah_pesan", n=n, dari=umum.fmt(p["indeks"]), ke=ke)
        st.info(umum.aman(pesan), icon=":material/trending_up:")
        umum.grafik(grafik.celah_teratas(sendiri.head(n), f"{t('celah')} — {p['nama_wilayah']} {s.tahun}", rapat),
                    f"celah_{p['kode_wilayah']}_{s.tahun}", kunci="celah")
    if kpk.height and p["indeks"] is not None:
        st.caption(umum.aman(t("celah_kpk", n=umum.fmt(kpk.height, 0), kenaikan=umum.fmt(kpk["kenaikan"].sum()))))
    if not rapat:
        tabel = c.with_columns(grafik.label_status_expr(),
                               pl.col("pihak").replace_strict({"pemda": t("pihak_pemda"), "kpk": t("pihak_kpk")},
                                                              default=pl.col("pihak"), return_dtype=pl.String))
        # the key columns first, so they stay in view at 1280 px: what to do, what it is worth
        # a document-level export: one row per sub-indicator and status, with its documents
        dok = ["jumlah_dokumen", "dokumen"] if "dokumen" in tabel.columns else []
        tabel = tabel.select("nama_sub_indikator", *dok[:1], "kenaikan", "status", "pihak", "usaha",
                             "indeks_jika_ditutup", *dok[1:], "area", "indikator", "sub_indikator", "kenaikan_area")
        umum.tabel(tabel, f"celah_{p['kode_wilayah']}_{s.tahun}", {
            "area": t("k_area"), "indikator": t("k_indikator"), "nama_indikator": t("k_nama_indikator"),
            "sub_indikator": t("k_sub"), "nama_sub_indikator": t("k_nama_sub"), "status": t("k_status"),
            "pihak": t("k_pihak"), "kenaikan": t("k_kenaikan"), "dokumen": t("k_dokumen_mana"),
            "jumlah_dokumen": t("k_jumlah_dokumen"),
            "kenaikan_area": t("k_kenaikan_area"), "usaha": t("k_usaha"),
            "indeks_jika_ditutup": t("k_indeks_kumulatif")}, kunci="tabel_celah", tinggi=320,
            sematkan=("nama_sub_indikator",), lebar={"nama_sub_indikator": "large"}, ribuan=dok[:1])


def rincian(d, h: an.Hasil, s: an.Saring, p: dict) -> None:
    if umum.rapat():
        return
    r = an.rincian_pemda(d.rincian, h, p["kode_wilayah"], s.tahun, s.area)
    if r.is_empty():
        return
    st.subheader(t("indikator_tabel"))
    ind = an.indikator_pemda(r)
    umum.tabel(ind, f"indikator_{p['kode_wilayah']}_{s.tahun}", {
        "area": t("k_area"), "indikator": t("k_indikator"), "nama_indikator": t("k_nama_indikator"),
        "jumlah": t("k_dok_jumlah"),
        **{k: t(st_) for st_, k in an.KOLOM_STATUS.items()}}, kunci="tabel_indikator")
    st.subheader(t("dokumen_tabel") if "dokumen" in r.columns else t("sub_tabel"))
    # the key columns first: the item, its status, its score and what closing it is worth
    dok = ["dokumen"] if "dokumen" in r.columns else []
    tabel = r.with_columns(grafik.label_status_expr()).select(
        "nama_sub_indikator", *dok, "status", "nilai", "kenaikan", "sub_indikator", "area", "indikator", "nama_indikator",
        "bobot", "tanggal_unggah", "tanggal_verifikasi")
    umum.tabel(tabel, f"sub_indikator_{p['kode_wilayah']}_{s.tahun}", {
        "area": t("k_area"), "indikator": t("k_indikator"), "nama_indikator": t("k_nama_indikator"),
        "sub_indikator": t("k_sub"), "nama_sub_indikator": t("k_nama_sub"), "bobot": t("k_bobot"), "status": t("k_status"), "nilai": t("k_nilai"),
        "tanggal_unggah": t("k_tgl_unggah"), "tanggal_verifikasi": t("k_tgl_verif"), "kenaikan": t("k_kenaikan"),
        "dokumen": t("k_dokumen")},
        kunci="tabel_sub", tinggi=360, sematkan=("nama_sub_indikator",), lebar={"nama_sub_indikator": "large"})


def halaman() -> None:
    siap = umum.perlu_data()
    if siap is None:
        return
    d, h = siap
    s = umum.saring()
    st.title(t("profil_judul"))
    kode = pilih_pemda(h, s)
    if kode is None:
        st.info(t("pilih_pemda_dulu") if an.pilihan_pemda(h, s) else t("tidak_ada_pemda"))
        return
    p = an.profil(h, kode, s.tahun)
    if p is None:
        st.info(t("pemda_tidak_ada_tahun", tahun=s.tahun))
        return
    umum.catatan_bobot(h, s.tahun)
    bagikan.unduh_laporan(h, s, f"{p['nama_wilayah']} · {p['provinsi']} · {s.tahun}", "profil", pemda=kode,
                          nama=p["nama_wilayah"])
    kepala(h, s, p)
    area(h, s, p)
    celah(h, s, p)
    rincian(d, h, s, p)


umum.aman_jalankan(halaman)
