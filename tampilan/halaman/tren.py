"""Page — Tren: dated snapshots of the exports in the store, what changed between them, and the pace
against a deadline.

The store (``MCSP_DATABASE_URL`` or the embedded DuckDB file) is the server's, shared by everyone who
uses it; the session's loaded data enters it only when a person allowed to (an editor or admin, or
anyone in single-user mode) presses "Simpan". Every number comes from ``mcsp_rules.riwayat.tren``; this
page only arranges widgets: the store's administration is tampilan.komponen.store_tren, the scope
picker tampilan.komponen.cakupan_tren, the charts tampilan.komponen.grafik_tren.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from mcsp_rules.galat import MCSPError
from mcsp_rules.riwayat import tren
from mcsp_rules.wilayah import daftar_wilayah
from tampilan.komponen import grafik, umum
from tampilan.komponen.cakupan_tren import nama_cakupan, pilih_cakupan, tenggat_bawaan
from tampilan.komponen.grafik_tren import (
    KOLOM_STATUS,
    grafik_area,
    grafik_dokumen,
    grafik_dokumen_laju,
    grafik_indeks,
    grafik_naik,
    grafik_sebaran,
)
from tampilan.komponen.store_tren import bagian_daftar, bagian_simpan, buka_store, lokasi, pesan_galat, tgl
from tampilan.komponen.teks import t

TARGET_HIJAU = 75.0
N_NAIK = 10
STATUS_LAJU = ("tercapai", "sesuai_jalur", "berisiko", "lewat_tenggat", "data_kurang")


# -------------------------------------------------------------------------------------- sections
def bagian_tren(riw, riw_p, tahun: int, tingkat: str, nama: str, kode: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Index, area scores and document counts over time for the pemda or province; returns the
    index history (tanggal, indeks, kategori) and the document history of that unit."""
    rapat = umum.rapat()
    s = umum.saring()
    if tingkat == "wilayah":
        utama = tren.indeks_wilayah(riw).filter(pl.col("tahun") == tahun)
        judul_indeks = label_indeks = t("indeks")
    else:
        utama = tren.indeks_provinsi(riw, nasional=tingkat == "nasional").filter(pl.col("tahun") == tahun)
        judul_indeks = t("tren_indeks_nasional" if tingkat == "nasional" else "tren_indeks_prov")
        # the metric box is narrow: a short label, the full description as its help
        label_indeks = t("tren_indeks_nasional_pendek" if tingkat == "nasional" else "tren_indeks_prov_pendek")
    dok = tren.dokumen(riw, tingkat).filter(pl.col("tahun") == tahun)
    if utama.is_empty() and dok.is_empty():
        st.info(umum.aman(t("tren_tidak_ada", nama=nama, tahun=tahun)))
        return utama, dok
    st.header(umum.aman(f"{nama} · {tahun}"))
    jumlah_tanggal = utama["tanggal"].n_unique() if utama.height else dok["tanggal"].n_unique()
    st.caption(umum.aman(t("tren_n_snapshot", n=jumlah_tanggal)))

    # headline: latest value and the change since the previous snapshot
    c = st.columns(4)
    if utama.height:
        akhir = utama.row(-1, named=True)
        delta = None
        if utama.height >= 2 and akhir["indeks"] is not None and utama["indeks"][-2] is not None:
            beda = akhir["indeks"] - utama["indeks"][-2]
            delta = ("+" if beda > 0 else "") + umum.fmt(beda) + " " + t("tren_vs_sebelum", tanggal=tgl(utama["tanggal"][-2]))
        c[0].metric(label_indeks, umum.fmt(akhir["indeks"]), delta=delta, border=True,
                    help=None if label_indeks == judul_indeks else judul_indeks)
        c[1].metric(t("kategori"), umum.label_kategori(akhir["kategori"]), border=True)
        c[3].metric(t("tren_terakhir"), tgl(akhir["tanggal"]), border=True)
    if dok.height:
        d_akhir = dok.filter(pl.col("tanggal") == dok["tanggal"].max()).select(pl.col("diterima", "dokumen_wajib").sum())
        diterima, wajib = d_akhir.row(0)
        # "11.829 dari 26.436" does not fit a quarter of the page: the count, and its share underneath
        c[2].metric(t("dok_diterima"), umum.fmt(diterima, 0), border=True, delta_color="off", delta_arrow="off",
                    delta=t("tren_dari_wajib", p=umum.fmt(100 * diterima / wajib if wajib else None, 1),
                            b=umum.fmt(wajib, 0)))

    if utama.height:
        umum.grafik(grafik_indeks(utama, f"{judul_indeks} — {nama} {tahun}", rapat),
                    f"tren_indeks_{kode}_{tahun}", kunci="tren_indeks")
    kiri, kanan = st.columns(2) if not rapat else (st.container(), st.container())
    area = tren.skor_area(riw, tingkat).filter(pl.col("tahun") == tahun)
    if s.area:
        area = area.filter(pl.col("area").is_in(list(s.area)))
    with kiri:
        if area.height:
            umum.grafik(grafik_area(area, f"{t('tren_area')} — {nama}", rapat), f"tren_area_{kode}_{tahun}",
                        kunci="tren_area")
    with kanan:
        dok_grafik = dok
        if s.area:  # the area filter narrows the document counts to those areas' detail rows
            dok_grafik = tren.dokumen(riw, tingkat, per_area=True).filter(
                (pl.col("tahun") == tahun) & pl.col("area").is_in(list(s.area)))
        if dok_grafik.height:
            umum.grafik(grafik_dokumen(dok_grafik, f"{t('status_dokumen')} — {nama}", rapat),
                        f"tren_dokumen_{kode}_{tahun}", kunci="tren_dokumen")
    if not rapat:
        tabel = tren.tabel_tren(riw, tahun=tahun)
        if tabel.height:
            st.markdown(f"**{umum.aman(t('tren_tabel'))}**")
            buang = ("snapshot_id", "tahun", "lengkap") + (("kode_provinsi", "provinsi") if tingkat == "nasional" else ())
            tabel = tabel.drop([k for k in buang if k in tabel.columns])
            tabel = tabel.with_columns(grafik.label_kategori_expr()) if "kategori" in tabel.columns else tabel
            tabel = tabel.rename({c: f"{t('k_skor')} {c[5:]}" for c in tabel.columns if c.startswith("skor_")})
            umum.tabel(tabel, f"tren_{kode}_{tahun}", {
                "tanggal": t("k_tanggal"), "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"),
                "kode_provinsi": t("k_kode_wilayah"), "provinsi": t("k_provinsi"), "indeks": t("k_indeks"),
                "kategori": t("k_kategori"), "jumlah_pemda": t("k_jumlah_pemda"),
                "jumlah_tidak_lengkap": t("k_tidak_lengkap"),
                **{k: t(v) for k, v in KOLOM_STATUS.items()}, "dokumen_wajib": t("k_dok_jumlah"),
                "dokumen_diunggah": t("tren_k_diunggah")}, kunci="tabel_tren", tinggi=280)

    # bands over time: the province's pemda per band, and every change of band
    wil = tren.indeks_wilayah(riw).filter(pl.col("tahun") == tahun)
    if tingkat != "wilayah" and wil.height:
        umum.grafik(grafik_sebaran(tren.sebaran_kategori(wil), f"{t('per_kategori')} — {nama}", rapat),
                    f"tren_kategori_{kode}_{tahun}", kunci="tren_sebaran")
    st.subheader(t("tren_ubah_kategori"))
    ubah = tren.perubahan_kategori(wil)
    if ubah.is_empty():
        st.caption(t("tren_ubah_kosong"))
    else:
        naik, turun = int((ubah["arah"] == "naik").sum()), int((ubah["arah"] == "turun").sum())
        st.caption(t("tren_ubah_ringkas", naik=naik, turun=turun))
        if not rapat:
            arah = {"naik": t("tren_arah_naik"), "turun": t("tren_arah_turun"), "berubah": t("tren_arah_berubah")}
            tabel = ubah.with_columns(grafik.label_kategori_expr("kategori_sebelum").alias("kategori_sebelum"),
                                      grafik.label_kategori_expr(), pl.col("arah").replace_strict(arah)).drop("tahun")
            umum.tabel(tabel.sort("tanggal", "kode_wilayah", descending=[True, False]), f"perubahan_kategori_{kode}_{tahun}", {
                "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "provinsi": t("k_provinsi"),
                "tanggal_sebelum": t("tren_k_dari_tanggal"), "tanggal": t("k_tanggal"),
                "kategori_sebelum": t("tren_k_kategori_sebelum"), "kategori": t("k_kategori"),
                "indeks_sebelum": t("tren_k_indeks_sebelum"), "indeks": t("k_indeks"), "arah": t("tren_k_arah")},
                kunci="tabel_ubah", tinggi=240)
    bagian_naik(riw_p, tahun)
    return utama, dok


def bagian_naik(riw_p, tahun: int) -> None:
    """Who improved most since the previous snapshot, among the province's pemda (or the country's)."""
    rapat = umum.rapat()
    wil = tren.indeks_wilayah(riw_p).filter(pl.col("tahun") == tahun)
    naik = tren.paling_naik(wil, tren.dokumen(riw_p, "wilayah"), n=None, tahun=tahun)
    st.subheader(t("tren_naik_judul"))
    if naik.is_empty():
        st.caption(t("tren_naik_kurang"))
        return
    r = naik.row(0, named=True)
    st.caption(umum.aman(t("tren_naik_antara", dari=tgl(r["tanggal_sebelum"]), ke=tgl(r["tanggal"]),
                           prov=nama_cakupan(riw_p, wil))))
    atas = naik.filter(pl.col("perubahan").is_not_null()).head(N_NAIK)
    if atas.height:
        umum.grafik(grafik_naik(atas, t("tren_naik_grafik", n=atas.height), rapat), "paling_naik", kunci="tren_naik")
    if not rapat:
        tabel = naik.with_columns(grafik.label_kategori_expr("kategori_sebelum").alias("kategori_sebelum"),
                                  grafik.label_kategori_expr())
        umum.tabel(tabel, "paling_naik", {
            "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "provinsi": t("k_provinsi"),
            "tanggal_sebelum": t("tren_k_dari_tanggal"), "tanggal": t("k_tanggal"),
            "indeks_sebelum": t("tren_k_indeks_sebelum"), "indeks": t("k_indeks"),
            "perubahan": t("tren_k_perubahan"), "kategori_sebelum": t("tren_k_kategori_sebelum"),
            "kategori": t("k_kategori"), "diterima_sebelum": t("tren_k_diterima_sebelum"),
            "diterima": t("tren_k_diterima"), "tambah_diterima": t("tren_k_tambah")}, kunci="tabel_naik", tinggi=280)


def bagian_laju(riw, riw_p, tahun: int, tingkat: str, nama: str, kode: str, kode_prov: str,
                utama: pl.DataFrame, dok: pl.DataFrame) -> None:
    """The weekly pace, the projection at the deadline, what is needed per week, and who is at risk."""
    rapat = umum.rapat()
    st.divider()
    st.subheader(t("tren_laju_judul"))
    terakhir = utama["tanggal"].max() if utama.height else (dok["tanggal"].max() if dok.height else None)
    c = st.columns(4)
    tenggat = c[0].date_input(t("tren_tenggat"), value=tenggat_bawaan(terakhir), min_value=date(2019, 1, 1),
                              max_value=date(2035, 12, 31), format="DD/MM/YYYY", key=f"tren_tenggat_{terakhir}")
    target = c[1].number_input(t("tren_target_indeks"), min_value=0.0, max_value=100.0, value=TARGET_HIJAU, step=1.0,
                               format="%.0f", key="tren_target", help=t("tren_target_bantuan"))
    persen = c[2].number_input(t("tren_target_dokumen"), min_value=0, max_value=100, value=100, step=5,
                               key="tren_target_dok", help=t("tren_target_dok_bantuan"))
    jendela = c[3].number_input(t("tren_jendela"), min_value=2, max_value=26, value=4, step=1, key="tren_jendela",
                                help=t("tren_jendela_bantuan"))
    kw = dict(target_indeks=float(target), target_dokumen=persen / 100 if persen else None, jendela=int(jendela),
              tahun=tahun)
    try:
        if tingkat == "wilayah":
            satu = tren.laju_wilayah(riw, tenggat, **kw).filter(pl.col("kode_wilayah") == kode)
        elif tingkat == "nasional":
            satu = tren.laju_nasional(riw, tenggat, **kw)
        else:
            satu = tren.laju_provinsi(riw, tenggat, **kw).filter(pl.col("kode_provinsi") == kode)
        semua = tren.laju_wilayah(riw_p, tenggat, **kw)
    except MCSPError as e:
        pesan_galat(e)
        return
    if satu.is_empty():
        st.info(umum.aman(t("tren_tidak_ada", nama=nama, tahun=tahun)))
        return
    b = satu.row(0, named=True)
    st.caption(umum.aman(t("tren_laju_cara", n=b["jumlah_snapshot"], dari=tgl(b["tanggal_awal"]),
                           ke=tgl(b["tanggal_terakhir"]), minggu=umum.fmt(b["minggu_tersisa"], 1))))
    status = b["status"]
    teks_status = t(f"tren_status_{status}", nama=nama, tenggat=tgl(tenggat))
    {"tercapai": st.success, "sesuai_jalur": st.success, "berisiko": st.warning, "lewat_tenggat": st.warning,
     "data_kurang": st.warning}.get(status, st.info)(umum.aman(teks_status))  # unknown is not safe

    m = [*st.columns(2), *st.columns(2)]  # two rows: the labels carry the deadline and the targets
    laju_idx = b["laju_indeks_per_minggu"]
    m[0].metric(t("tren_proyeksi_indeks", tenggat=tgl(tenggat)), umum.fmt(b["proyeksi_indeks"]),
                delta=None if laju_idx is None else t("tren_per_minggu", n=("+" if laju_idx > 0 else "") + umum.fmt(laju_idx)),
                delta_color="normal", border=True)
    if b["dokumen_wajib"] is not None:
        m[1].metric(t("tren_proyeksi_dokumen", tenggat=tgl(tenggat)),
                    t("dari", a=umum.fmt(b["proyeksi_diterima"], 0), b=umum.fmt(b["dokumen_wajib"], 0)),
                    delta=None if b["laju_dokumen_per_minggu"] is None else
                    t("tren_per_minggu", n=("+" if b["laju_dokumen_per_minggu"] > 0 else "") + umum.fmt(b["laju_dokumen_per_minggu"], 1)),
                    border=True)
        if b["target_diterima"] is not None:
            m[2].metric(t("tren_perlu_dok", n=umum.fmt(b["target_diterima"], 0)),
                        umum.fmt(b["perlu_dokumen_per_minggu"], 1), border=True,
                        help=t("tren_perlu_dok_bantuan"))
        m[3].metric(t("tren_perlu_indeks", n=umum.fmt(target)), umum.fmt(b["perlu_dokumen_per_minggu_target_indeks"], 1),
                    border=True, help=t("tren_perlu_indeks_bantuan"))
    else:
        st.caption(t("tren_tanpa_dokumen"))

    kiri, kanan = st.columns(2) if not rapat else (st.container(), st.container())
    if utama.height:
        proyeksi = pl.DataFrame({"tanggal": [b["tanggal_terakhir"], tenggat],
                                 "indeks": [b["indeks"], b["proyeksi_indeks"]]}).drop_nulls()
        with kiri:
            umum.grafik(grafik_indeks(utama, f"{t('tren_proyeksi_judul')} — {nama}", rapat,
                                      proyeksi if proyeksi.height == 2 else None, float(target)),
                        f"proyeksi_indeks_{kode}", kunci="tren_proyeksi")
    if dok.height and b["dokumen_wajib"] is not None:
        hist = dok.group_by("tanggal").agg(pl.col("diterima").sum()).sort("tanggal")
        with kanan:
            umum.grafik(grafik_dokumen_laju(hist, b, f"{t('tren_proyeksi_dok_judul')} — {nama}", rapat),
                        f"proyeksi_dokumen_{kode}", kunci="tren_proyeksi_dok")

    # the province's pemda that will miss the target at their current pace
    st.subheader(t("tren_berisiko_judul"))
    risiko = semua.filter(pl.col("berisiko"))
    st.metric(t("tren_berisiko_n", prov=nama_cakupan(riw_p, semua)),
              t("dari", a=umum.fmt(risiko.height, 0), b=umum.fmt(semua.height, 0)), border=True)
    tanpa_laju = int((risiko["status"] == "data_kurang").sum())
    if tanpa_laju:
        st.warning(t("tren_berisiko_tanpa_laju", n=umum.fmt(tanpa_laju, 0)), icon=":material/help:")
    if risiko.is_empty():
        st.success(t("tren_berisiko_kosong"))
        return
    if rapat:
        st.text(", ".join(risiko["nama_wilayah"].fill_null(risiko["kode_wilayah"]).to_list()))
        return
    label_status = {k: t(f"tren_s_{k}") for k in STATUS_LAJU}
    tabel = risiko.select(
        "kode_wilayah", "nama_wilayah", *(["provinsi"] if tingkat == "nasional" else []), pl.col("status").replace_strict(label_status, default=pl.col("status")),
        "indeks", "proyeksi_indeks", "laju_indeks_per_minggu", "diterima", "dokumen_wajib", "proyeksi_diterima",
        "laju_dokumen_per_minggu", "perlu_dokumen_per_minggu", "perlu_dokumen_per_minggu_target_indeks")
    umum.tabel(tabel, f"berisiko_{kode_prov or 'nasional'}_{tenggat.isoformat()}", {
        "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "provinsi": t("k_provinsi"),
        "status": t("k_status"),
        "indeks": t("k_indeks"), "proyeksi_indeks": t("tren_k_proyeksi_indeks"),
        "laju_indeks_per_minggu": t("tren_k_laju_indeks"), "diterima": t("tren_k_diterima"),
        "dokumen_wajib": t("k_dok_jumlah"), "proyeksi_diterima": t("tren_k_proyeksi_dok"),
        "laju_dokumen_per_minggu": t("tren_k_laju_dok"), "perlu_dokumen_per_minggu": t("tren_k_perlu_dok"),
        "perlu_dokumen_per_minggu_target_indeks": t("tren_k_perlu_indeks")}, kunci="tabel_berisiko", tinggi=320)


def halaman() -> None:
    st.title(t("tren_judul"))
    st.caption(t("tren_intro"))
    store, snap = buka_store()
    if store is None:
        return
    lokasi(store)
    if not umum.rapat():
        bagian_simpan(store)
        snap = store.daftar()  # after a save
    bagian_daftar(store, snap)
    if snap.is_empty():
        return
    st.divider()
    pilihan = pilih_cakupan(store)
    if pilihan is None:
        return
    tahun, tingkat, kode_prov, kode_pemda = pilihan
    try:
        if tingkat == "nasional":
            riw_p = store.riwayat(None, tingkat="nasional", tahun=tahun)
        else:
            riw_p = store.riwayat(kode_prov, tingkat="provinsi", tahun=tahun)
        riw = riw_p if tingkat != "wilayah" else store.riwayat(kode_pemda, tingkat="wilayah", tahun=tahun)
    except MCSPError as e:
        pesan_galat(e)
        return
    wilayah = daftar_wilayah()
    kode = {"nasional": tren.KODE_NASIONAL, "provinsi": kode_prov}.get(tingkat, kode_pemda)
    baris = wilayah.filter(pl.col("kode_wilayah") == kode)
    if tingkat == "nasional":
        nama = tren.NAMA_NASIONAL
    elif tingkat == "provinsi":
        nama = baris["provinsi"][0] if baris.height else kode
    else:
        nama = baris["nama_wilayah"][0] if baris.height else kode
    utama, dok = bagian_tren(riw, riw_p, tahun, tingkat, nama, kode)
    if utama.height or dok.height:
        bagian_laju(riw, riw_p, tahun, tingkat, nama, kode, kode_prov, utama, dok)


umum.aman_jalankan(halaman)
