"""Page 4 — Bandingkan: two to five pemda side by side per area."""

from __future__ import annotations

import streamlit as st

from mcsp_rules.hitung import analisis as an
from tampilan.komponen import grafik, umum
from tampilan.komponen.teks import bahasa, t

MAKS = 5


def pilih(h: an.Hasil, s: an.Saring) -> list[str]:
    """Defaults to the pemda picked in the sidebar; the choice is kept across pages."""
    pilihan = an.pilihan_pemda(h, an.Saring(tahun=s.tahun, kode_provinsi=s.kode_provinsi, jenis=s.jenis))
    nama = dict(pilihan)
    opsi = [k for k, _ in pilihan]
    for k in s.pemda:  # a sidebar pick outside the province filter stays choosable
        if k not in nama:
            opsi.append(k)
    nama.update(dict(an.pilihan_pemda(h, an.Saring(tahun=s.tahun))))
    if "_w_banding" in st.session_state:
        awal = [k for k in st.session_state["_w_banding"] if k in opsi]
    elif st.session_state.get("pemda_banding"):
        awal = [k for k in st.session_state["pemda_banding"] if k in opsi]
    else:
        awal = [k for k in s.pemda if k in opsi]
        if len(awal) < 2:
            # a useful start: the pemda of the profile page against the best pemda of its province
            p = st.session_state.get("pemda_profil")
            if p in opsi and p not in awal:
                awal.append(p)
            prov = an.profil(h, awal[0], s.tahun)["kode_provinsi"] if awal and an.profil(h, awal[0], s.tahun) else None
            calon = an.saring_wilayah(h, an.Saring(tahun=s.tahun, kode_provinsi=prov or s.kode_provinsi, jenis=s.jenis))
            for k in calon["kode_wilayah"].to_list():
                if len(awal) >= 2:
                    break
                if k in opsi and k not in awal:
                    awal.append(k)
    st.session_state["_w_banding"] = awal[:MAKS]
    nama = umum.label_pemda(nama)
    kode = st.multiselect(t("pilih_2_5"), opsi, key="_w_banding", max_selections=MAKS,
                          format_func=lambda k: nama.get(k, k), placeholder=t("pilih_2_5"),
                          filter_mode="contains", select_all=False)
    st.session_state["pemda_banding"] = list(kode)
    return list(kode)


def halaman() -> None:
    siap = umum.perlu_data()
    if siap is None:
        return
    _, h = siap
    s = umum.saring()
    st.title(t("bandingkan_judul"))
    kode = pilih(h, s)
    if len(kode) < 2:
        st.info(t("pilih_minimal"))
        return
    rapat = umum.rapat()
    kolom = st.columns(len(kode))
    for k, c in zip(kode, kolom):
        p = an.profil(h, k, s.tahun)
        if p is None:
            c.metric("–", "–")
            continue
        delta = None
        if p.get("perubahan") is not None:
            delta = ("+" if p["perubahan"] > 0 else "") + umum.fmt(p["perubahan"])
        c.metric(umum.aman(p["nama_wilayah"]), umum.fmt(p["indeks"]), delta=delta, border=True)
        c.text(umum.label_kategori(p["kategori"]) + (
            " · " + umum.t_nas("peringkat_nas", h, s.tahun) + " " + t("dari", a=p["peringkat_nasional"], b=p["jumlah_nasional"])
            if p["indeks"] is not None else ""))
    df = an.bandingkan(h, kode, s.tahun, s.area)
    if df.is_empty():
        return
    st.subheader(t("banding_area"))
    umum.grafik(grafik.bandingkan(df, f"{t('banding_area')} {s.tahun}", rapat), f"bandingkan_{s.tahun}",
                kunci="bandingkan")
    if not rapat:
        kol = "nama" if bahasa() == "id" else "name"
        lebar = an.bandingkan_lebar(df, kol)
        umum.tabel(lebar, f"bandingkan_{s.tahun}", {"area": t("k_area"), kol: t("k_nama_area")}, kunci="tabel_banding")


umum.aman_jalankan(halaman)
