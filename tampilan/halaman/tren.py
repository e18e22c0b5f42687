"""Page — Tren: dated snapshots of the exports in the store, what changed between them, and the pace
against a deadline.

The store (``MCSP_DATABASE_URL`` or the embedded DuckDB file) is the server's, shared by everyone who
uses it; the session's loaded data enters it only when the person presses "Simpan". Every number comes
from ``mcsp_rules.riwayat.tren`` (which re-scores each snapshot with the plugins and weights in use); this page
only arranges widgets and draws charts.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import polars as pl
import streamlit as st

from mcsp_rules.riwayat import tren
from mcsp_rules.model import STATUS_URUT
from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung.skor import KATEGORI
from mcsp_rules.riwayat.store import Store, samarkan, tanggal_otomatis, url_bawaan
from mcsp_rules.wilayah import daftar_wilayah
from tampilan.komponen import grafik, umum
from tampilan.komponen.teks import bahasa, t

TARGET_HIJAU = 75.0
N_NAIK = 10
STATUS_LAJU = ("tercapai", "sesuai_jalur", "berisiko", "lewat_tenggat", "data_kurang")
KUNCI_CAKUPAN = ("tren_tahun", "tren_tingkat", "tren_provinsi", "tren_pemda")  # reset when the sidebar changes
KOLOM_STATUS = {"diterima": "diterima", "perlu_perbaikan": "perlu perbaikan",
                "proses_verifikasi": "proses verifikasi", "belum_diunggah": "belum diunggah"}


# -------------------------------------------------------------------------------------- helpers
def tgl(d: date | None) -> str:
    if d is None:
        return "–"
    return d.strftime("%d/%m/%Y") if bahasa() == "id" else d.isoformat()


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


def pesan_galat(e: MCSPError) -> None:
    st.error(umum.aman(e.teks(bahasa())), icon=":material/error:")


def buka_store() -> tuple[Store | None, pl.DataFrame | None]:
    """The store and its snapshot list, or a message (never a traceback) when it cannot be opened."""
    url = url_bawaan()
    try:
        store = Store(url)
        return store, store.daftar()
    except MCSPError as e:
        st.error(umum.aman(t("tren_store_gagal", pesan=e.teks(bahasa()))), icon=":material/database:")
    except Exception:  # noqa: BLE001 - a driver error we did not foresee: one sentence, the log has the rest
        umum.log.exception("store tidak dapat dibuka")
        st.error(umum.aman(t("tren_store_gagal", pesan=samarkan(url))), icon=":material/database:")
    st.caption(t("tren_store_bantuan"))
    return None, None


# ----------------------------------------------------------------------------------- save, list
def bagian_simpan(store: Store) -> None:
    st.subheader(t("tren_simpan_judul"))
    d = umum.data()
    if d is None:
        st.info(t("tren_simpan_tanpa_data"))
        st.page_link("tampilan/halaman/data.py", label=t("ke_data"), icon=":material/upload_file:")
        return
    nama = list(st.session_state.get("data_file") or [])
    kunci = st.session_state.get("data_id", "")
    tebak = tanggal_otomatis(nama, d)
    if tebak is None:
        bawaan, asal = date.today(), t("tren_tanggal_hari_ini")
    elif tebak[1].startswith("nama file"):
        bawaan, asal = tebak[0], t("tren_tanggal_dari_file")
    else:
        bawaan, asal = tebak[0], t("tren_tanggal_dari_data")
    kiri, tengah, kanan = st.columns([1, 2, 1])
    with kiri:
        # a new dataset gets a new widget, so its own guessed date is the default again
        tanggal = st.date_input(t("tren_tanggal"), value=bawaan, min_value=date(2019, 1, 1),
                                max_value=date(2035, 12, 31), format="DD/MM/YYYY", key=f"tren_tanggal_{kunci}")
    with tengah:
        label = st.text_input(t("tren_label"), max_chars=200, key=f"tren_label_{kunci}",
                              placeholder=t("tren_label_contoh"))
    with kanan:
        st.write("")
        simpan = st.button(t("tren_simpan"), type="primary", icon=":material/save:", key="tren_simpan")
    st.caption(umum.aman(t("tren_tanggal_asal", asal=asal) + " · " + t("tren_file", file="; ".join(nama) or "–")))
    if not simpan:
        return
    try:
        with st.spinner(t("tren_menyimpan")):
            hasil = store.simpan(d, tanggal, label, nama_file=nama)
    except MCSPError as e:
        pesan_galat(e)
        return
    if hasil.baru:
        st.success(umum.aman(hasil.teks(bahasa())), icon=":material/check_circle:")
    else:
        st.info(umum.aman(hasil.teks(bahasa())), icon=":material/content_copy:")


def bagian_daftar(store: Store, snap: pl.DataFrame) -> None:
    st.subheader(t("tren_daftar_judul"))
    pesan = st.session_state.pop("_tren_pesan", None)
    if pesan:
        st.success(umum.aman(pesan), icon=":material/delete:")
    if snap.is_empty():
        st.info(t("tren_belum_ada"))
        return
    if umum.rapat():  # the meeting view shows the trend, not the bookkeeping
        st.caption(t("tren_n_snapshot", n=snap["tanggal"].n_unique()))
        return
    tabel = snap.select("id", "tanggal", pl.col("label").fill_null(""), "nama_file", "jumlah_pemda", "tahun_data",
                        "baris_rincian", "baris_skor_ringkasan", pl.col("dibuat").dt.to_string("%Y-%m-%d %H:%M"))
    umum.tabel(tabel, "snapshot", {
        "id": t("k_snapshot"), "tanggal": t("k_tanggal"), "label": t("k_label"), "nama_file": t("k_file"),
        "jumlah_pemda": t("k_jumlah_pemda"), "tahun_data": t("k_tahun"), "baris_rincian": t("k_baris_rincian"),
        "baris_skor_ringkasan": t("k_baris_ringkasan"), "dibuat": t("k_dibuat")},
        kunci="tabel_snapshot", ribuan=["baris_rincian", "baris_skor_ringkasan", "jumlah_pemda"], tinggi=240)
    with st.expander(t("tren_hapus_judul"), icon=":material/delete:"):
        label = {r["id"]: f"#{r['id']} · {tgl(r['tanggal'])} · {r['nama_file']}" + (f" · {r['label']}" if r["label"] else "")
                 for r in snap.iter_rows(named=True)}
        n = st.session_state.get("_tren_hapus_n", 0)  # a new key unticks the confirmation after a delete
        pilih = st.selectbox(t("tren_hapus_pilih"), list(label), format_func=lambda i: label.get(i, str(i)),
                             key="tren_hapus_id")
        yakin = st.checkbox(t("tren_hapus_yakin"), key=f"tren_hapus_yakin_{n}")
        if st.button(t("tren_hapus"), disabled=not yakin, icon=":material/delete_forever:", key="tren_hapus"):
            try:
                s = store.hapus(pilih)
            except MCSPError as e:
                pesan_galat(e)
                return
            st.session_state["_tren_pesan"] = t("tren_dihapus", id=s.id, tanggal=tgl(s.tanggal))
            st.session_state["_tren_hapus_n"] = n + 1
            st.rerun()


# --------------------------------------------------------------------------------- what to show
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


# ------------------------------------------------------------------------------------------ charts
def _sumbu_x(judul: str | None = None, domain: list | None = None) -> alt.X:
    # dates as UTC days: a browser west of Greenwich must not show 13/10 for a snapshot of 14/10
    return alt.X("tanggal:T", title=judul, scale=alt.Scale(type="utc", **({"domain": domain} if domain else {})),
                 axis=alt.Axis(format="%d/%m/%Y" if bahasa() == "id" else "%Y-%m-%d", labelAngle=-30, tickCount=8))


def _sumbu_tanggal_batang(df: pl.DataFrame) -> alt.X:
    """Bars per snapshot date: one slot per date (a time axis would cut the first and last bar in half
    and leave the weeks between snapshots empty), in date order, labelled as the table writes dates."""
    urut = df.sort("tanggal")["tanggal_teks"].unique(maintain_order=True).to_list()
    return alt.X("tanggal_teks:O", title=None, sort=urut, axis=alt.Axis(labelAngle=-30))


def _pita_latar(domain: list | None):
    """The four bands as faint horizontal stripes behind an index line: thresholds 25, 50, 75."""
    pita = pl.DataFrame({"dari": [0.0, 25.0, 50.0, 75.0], "ke": [25.0, 50.0, 75.0, 100.0],
                         "kategori_label": [grafik.label_kat(k) for k in KATEGORI]})
    return alt.Chart(pita).mark_rect(opacity=0.13).encode(
        y=alt.Y("dari:Q", scale=alt.Scale(domain=[0, 100]), title=t("k_indeks"), axis=alt.Axis(values=[0, 25, 50, 75, 100])),
        y2="ke",
        color=alt.Color("kategori_label:N", scale=grafik.skala_kategori(), title=t("kategori")),
    )


def _teks_tanggal(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(pl.col("tanggal").dt.to_string("%d/%m/%Y" if bahasa() == "id" else "%Y-%m-%d")
                           .alias("tanggal_teks"), pl.col("tanggal").dt.to_string("%Y-%m-%d").alias("tanggal"))


def grafik_indeks(df: pl.DataFrame, judul: str, rapat: bool, proyeksi: pl.DataFrame | None = None,
                  target: float | None = None):
    """Index over time on the band stripes, each point in its band's colour and labelled; with a
    projection (dashed, to the deadline) and the target as a rule when given."""
    u = grafik._ukuran(rapat)
    df = _teks_tanggal(grafik._dengan_label(df.select("tanggal", "indeks", "kategori")).with_columns(
        grafik.angka_expr("indeks").alias("teks")))
    domain = None
    if proyeksi is not None and proyeksi.height:
        p = _teks_tanggal(proyeksi.with_columns(grafik.angka_expr("indeks").alias("teks")))
        domain = [df["tanggal"].min(), p["tanggal"].max()]
    tip = [alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("teks:N", title=t("k_indeks")),
           alt.Tooltip("kategori_label:N", title=t("kategori"))]
    dasar = alt.Chart(df).encode(x=_sumbu_x(None, domain), y=alt.Y("indeks:Q", scale=alt.Scale(domain=[0, 100])))
    lapis = [_pita_latar(domain),
             dasar.mark_line(color="black", strokeWidth=3 if rapat else 2),
             dasar.mark_point(filled=True, size=140 if rapat else 70, stroke="black", strokeWidth=1, opacity=1).encode(
                 color=alt.Color("kategori_label:N", scale=grafik.skala_kategori(), legend=None), tooltip=tip)]
    if df.height <= 30:  # a label per point while they fit
        lapis.append(dasar.mark_text(dy=-u["teks"], fontSize=u["teks"] * 0.9, fontWeight="bold").encode(text="teks:N"))
    if domain is not None:
        lapis.append(alt.Chart(p).mark_line(strokeDash=[6, 4], color="#555555", strokeWidth=2).encode(
            x=_sumbu_x(None, domain), y="indeks:Q"))
        lapis.append(alt.Chart(p.tail(1)).mark_text(dy=-u["teks"], align="right", fontSize=u["teks"] * 0.9,
                                                    color="#333333").encode(x=_sumbu_x(None, domain), y="indeks:Q",
                                                                            text="teks:N"))
    if target is not None:
        garis = pl.DataFrame({"target": [float(target)], "teks": [t("tren_target_garis", n=grafik._f(target))]})
        lapis.append(alt.Chart(garis).mark_rule(color="#228833", strokeDash=[2, 2], strokeWidth=2).encode(y="target:Q"))
        lapis.append(alt.Chart(garis).mark_text(align="left", dy=-6, x=4, fontSize=u["teks"] * 0.85,
                                                color="#1b6b2a").encode(y="target:Q", text="teks:N"))
    return alt.layer(*lapis).properties(title=judul, height=380 if rapat else 280)


def grafik_area(area: pl.DataFrame, judul: str, rapat: bool):
    """One line per area (colours tell the areas apart here, not bands)."""
    kol = "nama" if bahasa() == "id" else "name"
    df = _teks_tanggal(area.with_columns(grafik.angka_expr("skor").alias("teks")))
    return alt.Chart(df).mark_line(point=True, strokeWidth=3 if rapat else 2).encode(
        x=_sumbu_x(),
        y=alt.Y("skor:Q", scale=alt.Scale(domain=[0, 100]), title=t("skor")),
        color=alt.Color(f"{kol}:N", title=t("k_area"), scale=alt.Scale(scheme="tableau10"),
                        # two columns: a half-width chart cuts longer area names at three
                        legend=alt.Legend(orient="bottom", columns=3 if rapat else 2, labelLimit=260)),
        tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip(f"{kol}:N", title=t("k_area")),
                 alt.Tooltip("teks:N", title=t("skor"))],
    ).properties(title=judul, height=380 if rapat else 280)


def grafik_dokumen(dok: pl.DataFrame, judul: str, rapat: bool):
    """Required documents by status on each date, stacked in the status colours."""
    urut = [t(s) for s in STATUS_URUT]
    df = (dok.group_by("tanggal").agg(pl.col(list(KOLOM_STATUS)).sum())
          .unpivot(index="tanggal", on=list(KOLOM_STATUS), variable_name="kolom", value_name="jumlah")
          .with_columns(pl.col("kolom").replace_strict({k: t(v) for k, v in KOLOM_STATUS.items()}).alias("status"),
                        pl.col("kolom").replace_strict({k: i for i, k in enumerate(KOLOM_STATUS)}, return_dtype=pl.Int32)
                        .alias("urutan")))
    df = _teks_tanggal(df.with_columns(grafik.angka_expr("jumlah", 0).alias("teks")))
    return alt.Chart(df).mark_bar(width={"band": 0.6}).encode(
        x=_sumbu_tanggal_batang(df),
        y=alt.Y("jumlah:Q", stack="zero", title=t("jumlah")),
        color=alt.Color("status:N", title=t("k_status"), sort=urut,
                        scale=alt.Scale(domain=urut, range=[grafik.WARNA_STATUS[s] for s in STATUS_URUT])),
        order=alt.Order("urutan:Q"),
        tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("status:N", title=t("k_status")),
                 alt.Tooltip("teks:N", title=t("jumlah"))],
    ).properties(title=judul, height=360 if rapat else 260)


def grafik_sebaran(sebaran: pl.DataFrame, judul: str, rapat: bool):
    """How many pemda were in each band on each date."""
    df = sebaran.with_columns(pl.when(pl.col("kategori") == tren.TIDAK_LENGKAP).then(None)
                              .otherwise(pl.col("kategori")).alias("kategori"))
    urut = [grafik.label_kat(k) for k in KATEGORI] + [grafik.label_kat(None)]
    df = _teks_tanggal(grafik._dengan_label(df).with_columns(
        pl.col("kategori_label").replace_strict({k: i for i, k in enumerate(urut)}, return_dtype=pl.Int32).alias("urutan")))
    return alt.Chart(df.filter(pl.col("jumlah") > 0)).mark_bar(width={"band": 0.6}).encode(
        x=_sumbu_tanggal_batang(df),
        y=alt.Y("jumlah:Q", stack="zero", title=t("jumlah_pemda")),
        color=alt.Color("kategori_label:N", scale=grafik.skala_kategori(True), sort=urut, title=t("kategori")),
        order=alt.Order("urutan:Q"),
        tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("kategori_label:N", title=t("kategori")),
                 alt.Tooltip("jumlah:Q", title=t("jumlah_pemda"))],
    ).properties(title=judul, height=340 if rapat else 240)


def grafik_naik(naik: pl.DataFrame, judul: str, rapat: bool):
    u = grafik._ukuran(rapat)
    df = naik.filter(pl.col("perubahan").is_not_null()).with_columns(
        grafik.angka_expr("perubahan", tanda=True).alias("teks"),
        grafik.angka_expr("indeks").alias("teks_indeks"),
        pl.when(pl.col("perubahan") >= 0).then(pl.lit("#228833")).otherwise(pl.lit("#CC3311")).alias("warna"))
    urut = df["nama_wilayah"].to_list()
    dasar = alt.Chart(df).encode(y=alt.Y("nama_wilayah:N", sort=urut, title=None))
    batang = dasar.mark_bar().encode(
        x=alt.X("perubahan:Q", title=t("tren_k_perubahan")), color=alt.Color("warna:N", scale=None),
        tooltip=[alt.Tooltip("nama_wilayah:N", title=t("k_pemda")), alt.Tooltip("teks:N", title=t("tren_k_perubahan")),
                 alt.Tooltip("teks_indeks:N", title=t("k_indeks"))])
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(x="perubahan:Q", text="teks:N")
    return (batang + teks).properties(title=judul, height=max(len(urut) * (34 if rapat else 24), 120))


def grafik_dokumen_laju(hist: pl.DataFrame, baris: dict, judul: str, rapat: bool):
    """Accepted documents over time, the projection to the deadline (dashed) and the target (rule)."""
    u = grafik._ukuran(rapat)
    df = _teks_tanggal(hist.select("tanggal", "diterima").drop_nulls()
                       .with_columns(grafik.angka_expr("diterima", 0).alias("teks")))
    akhir = pl.DataFrame({"tanggal": [baris["tanggal_terakhir"], baris["tenggat"]],
                          "diterima": [float(baris["diterima"] or 0), float(baris["proyeksi_diterima"] or 0)]})
    p = _teks_tanggal(akhir.with_columns(grafik.angka_expr("diterima", 0).alias("teks")))
    domain = [df["tanggal"].min(), p["tanggal"].max()]
    atas = float(max(baris["dokumen_wajib"] or 0, 1))
    y = alt.Y("diterima:Q", title=t("tren_k_diterima"), scale=alt.Scale(domain=[0, atas]))
    lapis = [
        alt.Chart(df).mark_line(point=True, color="#228833", strokeWidth=3 if rapat else 2).encode(
            x=_sumbu_x(None, domain), y=y,
            tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("teks:N", title=t("tren_k_diterima"))]),
        alt.Chart(p).mark_line(strokeDash=[6, 4], color="#555555", strokeWidth=2).encode(x=_sumbu_x(None, domain), y=y),
        alt.Chart(p.tail(1)).mark_text(dy=-u["teks"], align="right", fontSize=u["teks"] * 0.9).encode(
            x=_sumbu_x(None, domain), y=y, text="teks:N"),
    ]
    if baris.get("target_diterima") is not None:
        garis = pl.DataFrame({"target": [float(baris["target_diterima"])],
                              "teks": [t("tren_target_garis", n=grafik._f(baris["target_diterima"], 0))]})
        lapis.append(alt.Chart(garis).mark_rule(color="#CC3311", strokeDash=[2, 2], strokeWidth=2).encode(y="target:Q"))
        lapis.append(alt.Chart(garis).mark_text(align="left", dy=-6, x=4, fontSize=u["teks"] * 0.85,
                                                color="#CC3311").encode(y="target:Q", text="teks:N"))
    return alt.layer(*lapis).properties(title=judul, height=340 if rapat else 240)


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
     "data_kurang": st.info}.get(status, st.info)(umum.aman(teks_status))

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
    st.caption(umum.aman(t("tren_store", url=samarkan(store.url), jenis=store.dialek)))
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
