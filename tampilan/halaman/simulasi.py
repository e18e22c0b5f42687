"""Page — Simulasi: what-if scenarios on the documents of one pemda or of a province.

A scenario is a list of actions (accept what is in verification, fix returned documents, upload
missing ones, close chosen sub-indicators, set an area score). The page only arranges widgets: the
numbers come from ``mcsp_rules.perencanaan.simulasi.simulasi``, the same function ``mcsp simulate`` runs, so a
scenario downloaded here as JSON replays to the same numbers on the command line.

What it shares with the Rencana aksi page (baseline per session, scope picker, waterfall chart) is in
tampilan/komponen/skenario.py.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung import analisis as an
from mcsp_rules.perencanaan.simulasi import simulasi
from mcsp_rules.perencanaan.skenario import JENIS_AKSI, NAMA_AKSI, Aksi, Skenario
from tampilan.komponen import grafik, masuk, umum
from tampilan.komponen.skenario import catatan_bobot, dasar_sesi, galat, grafik_air_terjun, pilih_lingkup
from tampilan.komponen.teks import bahasa, t

BATAS_JSON = 1_000_000  # bytes of an uploaded scenario (the engine's own limit for a scenario file)
MAKS_BANDING = 6  # scenarios compared side by side


def opsi_area(h: an.Hasil, tahun: int) -> dict[str, str]:
    return umum.nama_area(h, tahun)


def kode_lingkup(h: an.Hasil, tahun: int, kode_wilayah: str | None, kode_provinsi: str | None) -> list[str]:
    if kode_wilayah:
        return [kode_wilayah]
    w = an.saring_wilayah(h, an.Saring(tahun=tahun, kode_provinsi=kode_provinsi))
    return w["kode_wilayah"].to_list()


# ------------------------------------------------------------------------------ scenario state
def _aksi() -> list[dict]:
    return st.session_state.setdefault("sim_aksi", [])


def _koleksi() -> dict[str, str]:
    """Scenarios kept in this session for comparison: name → JSON."""
    return st.session_state.setdefault("sim_koleksi", {})


def pasang_skenario(sk: Skenario) -> None:
    """Put a scenario into the page's widgets. Called from callbacks (before the widgets exist)."""
    h = umum.hasil()
    st.session_state["sim_nama"] = sk.nama
    st.session_state["sim_aksi"] = [a.ke_dict() for a in sk.aksi]
    st.session_state["sim_bobot"] = dict(sk.bobot)
    st.session_state["sim_catatan"] = sk.catatan
    if sk.kode_provinsi:
        st.session_state["sim_lingkup"] = "provinsi"
        st.session_state["sim_prov"] = st.session_state["_w_sim_prov"] = sk.kode_provinsi
    elif sk.kode_wilayah:
        st.session_state["sim_lingkup"] = "pemda"
        st.session_state["sim_pemda"] = st.session_state["_w_sim_pemda"] = sk.kode_wilayah
    if sk.tahun is not None and h is not None and sk.tahun in h.tahun:
        st.session_state["f_tahun"] = sk.tahun
    _koleksi()[sk.nama] = sk.ke_json()


def _muat_json() -> None:
    berkas = st.session_state.get("sim_unggah_json")
    if berkas is None:
        return
    try:
        isi = berkas.getvalue()
        if len(isi) > BATAS_JSON:
            raise MCSPError("file skenario lebih dari 1 MB.", "the scenario file is larger than 1 MB.")
        pasang_skenario(Skenario.dari_json(isi))
        st.session_state["_sim_pesan"] = ("sukses", t("sim_dimuat", nama=st.session_state["sim_nama"]))
    except MCSPError as e:
        st.session_state["_sim_pesan"] = ("galat", f"{berkas.name}: {galat(e)}")


def _tambah_aksi(jenis: str, area: list, jumlah: int, sub: list, wilayah: list, skor: float) -> None:
    d = {"jenis": jenis}
    if area:
        d["area"] = list(area)
    if jenis == "skor_area":
        d["skor"] = float(skor)
    else:
        if jumlah:
            d["jumlah"] = int(jumlah)
        if sub:
            d["sub_indikator"] = list(sub)
    if wilayah:
        d["wilayah"] = list(wilayah)
    try:
        Aksi.dari_dict(d, len(_aksi()) + 1)
    except MCSPError as e:
        st.session_state["_sim_pesan"] = ("galat", galat(e))
        return
    _aksi().append(d)
    # the next action starts from a clean form (a filter left over would silently narrow it)
    for k, v in (("sim_area", []), ("sim_jumlah", 0), ("sim_sub", []), ("sim_wilayah", [])):
        st.session_state[k] = v


def _hapus_aksi(i: int) -> None:
    if 0 <= i < len(_aksi()):
        _aksi().pop(i)


def _kosongkan() -> None:
    st.session_state["sim_aksi"] = []
    st.session_state["sim_bobot"] = {}


# ------------------------------------------------------------------------------------ sections
def editor_aksi(d, h: an.Hasil, tahun: int, kode: list[str], provinsi: bool) -> None:
    st.subheader(t("sim_aksi"))
    # from the aggregates: filtering the detail rows would copy a real-scale year on every rerun
    ada_rincian = not h.dokumen.filter(pl.col("tahun") == tahun).is_empty()
    ada_ringkasan = not d.ringkasan.select("tahun").filter(pl.col("tahun") == tahun).is_empty()
    # the pemda's own actions first (upload, fix, chosen items); accepting what is in verification is
    # KPK's verifier's doing and comes after them
    urutan = ("unggah", "perbaiki", "pilih", "terima_verifikasi", "skor_area")
    jenis_opsi = [j for j in sorted(JENIS_AKSI, key=lambda j: urutan.index(j) if j in urutan else len(urutan))
                  if (j == "skor_area" and ada_ringkasan) or (j != "skor_area" and ada_rincian)]
    if not jenis_opsi:
        st.info(t("sim_tanpa_aksi"))
        return
    nama_jenis = {j: NAMA_AKSI[j][0 if bahasa() == "id" else 1] for j in JENIS_AKSI}
    area = opsi_area(h, tahun)
    k1, k2 = st.columns([1, 2])
    with k1:
        if st.session_state.get("sim_jenis") not in jenis_opsi:
            st.session_state["sim_jenis"] = jenis_opsi[0]
        jenis = st.selectbox(t("sim_jenis"), jenis_opsi, key="sim_jenis", format_func=lambda j: nama_jenis.get(j, j))
    with k2:
        pilih_area = st.multiselect(t("sim_area_aksi"), list(area), key="sim_area", format_func=lambda k: area.get(k, k),
                                    placeholder=t("semua_area"), max_selections=1 if jenis == "skor_area" else None,
                                    filter_mode="contains", select_all=False)
    jumlah, sub, wilayah, skor = 0, [], [], 0.0
    k1, k2 = st.columns([1, 2])
    if jenis == "skor_area":
        with k1:
            skor = st.number_input(t("sim_skor"), min_value=0.0, max_value=100.0, value=80.0, step=1.0, key="sim_skor")
    else:
        with k1:
            jumlah = st.number_input(t("sim_jumlah"), min_value=0, max_value=10_000, value=0, step=1, key="sim_jumlah",
                                     help=t("sim_jumlah_bantuan"))
        with k2:
            calon = d.rincian.lazy().select("tahun", "kode_wilayah", "area", "status", "sub_indikator").filter(
                (pl.col("tahun") == tahun) & pl.col("kode_wilayah").is_in(kode))
            if pilih_area:
                calon = calon.filter(pl.col("area").is_in(pilih_area))
            if jenis != "pilih":
                calon = calon.filter(pl.col("status") == JENIS_AKSI[jenis])
            opsi_sub = calon.select(pl.col("sub_indikator").cast(pl.String).unique().sort()).collect()["sub_indikator"].to_list()
            st.session_state["sim_sub"] = [x for x in st.session_state.get("sim_sub", []) if x in opsi_sub]
            # items by their names (from the catalogue when the export has none); a search by code works too
            kat = h.katalog.filter(pl.col("tahun") == tahun) if h.katalog.height else h.katalog
            nama_sub = dict(zip(kat["sub_indikator"].to_list(), kat["_nama_katalog"].to_list())) if kat.height else {}
            label_sub = {x: f"{x} · {nama_sub[x]}" if nama_sub.get(x) else x for x in opsi_sub}
            sub = st.multiselect(t("sim_sub") if jenis == "pilih" else t("sim_sub_opsional"), opsi_sub, key="sim_sub",
                                 placeholder=t("sim_sub_semua") if jenis != "pilih" else t("sim_sub_pilih"),
                                 format_func=lambda x: label_sub.get(x, x), filter_mode="contains", select_all=False)
    if provinsi:
        nama = umum.label_pemda(dict(an.pilihan_pemda(h, an.Saring(tahun=tahun))))
        st.session_state["sim_wilayah"] = [x for x in st.session_state.get("sim_wilayah", []) if x in kode]
        wilayah = st.multiselect(t("sim_wilayah"), kode, key="sim_wilayah", format_func=lambda k: nama.get(k, k),
                                 placeholder=t("sim_wilayah_semua"), filter_mode="contains", select_all=False)
    st.button(t("sim_tambah"), type="primary", icon=":material/add:", key="sim_tambah",
              on_click=_tambah_aksi, args=(jenis, pilih_area, jumlah, sub, wilayah, skor))


def daftar_aksi(hasil) -> None:
    aksi = _aksi()
    if not aksi:
        st.info(t("sim_belum_ada_aksi"))
        return
    kol = "keterangan" if bahasa() == "id" else "description"
    jumlah = dict(hasil.aksi.select("nomor", "jumlah_item").rows()) if hasil is not None else {}
    teks = dict(hasil.aksi.select("nomor", kol).rows()) if hasil is not None else {}
    for i, a in enumerate(aksi):
        kiri, kanan = st.columns([6, 1])
        ket = teks.get(i + 1) or Aksi.dari_dict(a, i + 1).keterangan(bahasa())
        kiri.text(t("sim_baris_aksi", nomor=i + 1, teks=ket, n=umum.fmt(jumlah.get(i + 1, 0), 0)))
        kanan.button(t("sim_hapus"), key=f"sim_hapus_{i}", on_click=_hapus_aksi, args=(i,), icon=":material/delete:")
    st.button(t("sim_hapus_semua"), key="sim_kosongkan", on_click=_kosongkan)


def hasil_pemda(hasil) -> None:
    w = hasil.wilayah.row(0, named=True)
    c = st.columns(4)
    c[0].metric(t("sim_indeks_sebelum"), umum.fmt(w["indeks_sebelum"]), border=True)
    delta = None if w["selisih"] is None else ("+" if w["selisih"] > 0 else "") + umum.fmt(w["selisih"])
    c[1].metric(t("sim_indeks_sesudah"), umum.fmt(w["indeks_sesudah"]), delta=delta, border=True)
    # short values (a metric cuts long ones); what it was before goes in the delta line
    c[2].metric(t("kategori"), umum.label_kategori(w["kategori_sesudah"]),
                delta=t("sim_sebelumnya", x=umum.label_kategori(w["kategori_sebelum"])), delta_color="off",
                delta_arrow="off", border=True)
    if w["peringkat_provinsi_sebelum"] is not None:
        c[3].metric(t("peringkat_prov"), t("dari", a=w["peringkat_provinsi_sesudah"], b=w["jumlah_provinsi"]),
                    delta=t("sim_sebelumnya", x=w["peringkat_provinsi_sebelum"]), delta_color="off", delta_arrow="off",
                    border=True)
    if w["kategori_sebelum"] != w["kategori_sesudah"] and w["kategori_sesudah"] is not None:
        st.success(t("sim_naik_kategori", kategori=umum.label_kategori(w["kategori_sesudah"])))
    if w["indeks_sebelum"] is None:
        st.warning(t("sim_tidak_lengkap"))


def _rata(hasil) -> tuple[float | None, float | None]:
    """The scope's mean index over the pemda complete before and after (as `mcsp simulate` says it)."""
    lengkap = hasil.wilayah.drop_nulls(["indeks_sebelum", "indeks_sesudah"])
    if not lengkap.height:
        return None, None
    return lengkap["indeks_sebelum"].mean(), lengkap["indeks_sesudah"].mean()


def hasil_provinsi(hasil) -> None:
    awal, akhir = _rata(hasil)
    c = st.columns(4)
    c[0].metric(t("sim_rata_sebelum"), umum.fmt(awal), border=True)
    delta = None if awal is None else ("+" if akhir - awal > 0 else "") + umum.fmt(akhir - awal)
    c[1].metric(t("sim_rata_sesudah"), umum.fmt(akhir), delta=delta, border=True)
    c[2].metric(t("sim_berganti"), umum.fmt(hasil.berubah_kategori.height, 0), border=True)
    c[3].metric(t("jumlah_pemda"), umum.fmt(hasil.wilayah.height, 0), border=True)


def tabel_wilayah(hasil, nama: str) -> None:
    h, tahun = umum.hasil(), umum.saring().tahun
    df = hasil.wilayah.select(
        "kode_wilayah", "nama_wilayah", "indeks_sebelum", "indeks_sesudah", "selisih",
        grafik.label_kategori_expr("kategori_sebelum").alias("kategori_sebelum"),
        grafik.label_kategori_expr("kategori_sesudah").alias("kategori_sesudah"),
        "peringkat_provinsi_sebelum", "peringkat_provinsi_sesudah", "peringkat_nasional_sebelum",
        "peringkat_nasional_sesudah")
    umum.tabel(df, nama, {
        "kode_wilayah": t("k_kode_wilayah"), "nama_wilayah": t("k_pemda"), "indeks_sebelum": t("sim_indeks_sebelum"),
        "indeks_sesudah": t("sim_indeks_sesudah"), "selisih": t("sim_selisih"), "kategori_sebelum": t("sim_kat_sebelum"),
        "kategori_sesudah": t("sim_kat_sesudah"), "peringkat_provinsi_sebelum": t("sim_pp_sebelum"),
        "peringkat_provinsi_sesudah": t("sim_pp_sesudah"), "peringkat_nasional_sebelum": umum.t_nas("sim_pn_sebelum", h, tahun),
        "peringkat_nasional_sesudah": umum.t_nas("sim_pn_sesudah", h, tahun)}, kunci="sim_tabel_wilayah",
        tinggi=320 if df.height > 8 else "auto")


def tabel_tersentuh(hasil, nama: str) -> None:
    if hasil.tersentuh.is_empty():
        return
    with st.expander(t("sim_tersentuh", n=umum.fmt(hasil.tersentuh.height, 0))):
        df = hasil.tersentuh.with_columns(
            grafik.label_status_expr("status_sebelum"),
            pl.col("pihak").replace_strict({"pemda": t("pihak_pemda"), "kpk": t("pihak_kpk")}, default=None,
                                           return_dtype=pl.String))
        umum.tabel(df.drop("tahun", "jenis"), nama, {"pihak": t("k_pihak"),
            "aksi": t("sim_k_aksi"), "kode_wilayah": t("k_kode_wilayah"), "area": t("k_area"), "indikator": t("k_indikator"),
            "sub_indikator": t("k_sub"), "nama_sub_indikator": t("k_nama_sub"), "status_sebelum": t("k_status"),
            "nilai_sebelum": t("k_nilai"), "skor_sebelum": t("sim_skor_sebelum"), "skor_sesudah": t("sim_skor_sesudah"),
            "kenaikan": t("k_kenaikan")}, kunci="sim_tabel_tersentuh", tinggi=320)


def bagian_kpk(hasil) -> None:
    """How much of the simulated gain is KPK's verifier's doing, not the pemda's."""
    if "pihak" not in hasil.tersentuh.columns:
        return
    kpk = hasil.tersentuh.filter(pl.col("pihak") == "kpk")
    if kpk.height and kpk["kenaikan"].is_not_null().any():
        n_pemda = max(hasil.wilayah.height, 1)
        st.caption(umum.aman(t("sim_dari_kpk", n=umum.fmt(kpk.height, 0), kenaikan=umum.fmt(kpk["kenaikan"].sum() / n_pemda))))


def hasil_simulasi(hasil, sk: Skenario, judul_lingkup: str) -> None:
    st.subheader(t("sim_hasil"))
    for pesan, message in hasil.peringatan:
        st.warning(umum.aman(pesan if bahasa() == "id" else message))
    if sk.kode_wilayah:
        hasil_pemda(hasil)
    else:
        hasil_provinsi(hasil)
    bagian_kpk(hasil)
    nama = f"simulasi_{sk.kode_wilayah or sk.kode_provinsi}_{hasil.tahun}"
    umum.grafik(grafik_air_terjun(hasil.air_terjun(), f"{t('sim_air_terjun')} — {judul_lingkup} {hasil.tahun}",
                                  umum.rapat()), nama, kunci="sim_air_terjun")
    if sk.kode_provinsi:
        berubah = hasil.berubah_kategori
        st.subheader(t("sim_berganti_judul"))
        if berubah.is_empty():
            st.text(t("sim_tidak_ada_berganti"))
        else:
            for r in berubah.to_dicts():
                st.text(t("sim_baris_berganti", nama=r["nama_wilayah"], a=umum.label_kategori(r["kategori_sebelum"]),
                          b=umum.label_kategori(r["kategori_sesudah"]), x=umum.fmt(r["indeks_sebelum"]),
                          y=umum.fmt(r["indeks_sesudah"])))
    if not umum.rapat():
        tabel_wilayah(hasil, nama)
        tabel_tersentuh(hasil, f"{nama}_item")


# ------------------------------------------------------------------------- save, load, compare
def _store():
    return masuk.store()  # acting as the logged-in person (the audit trail names them)


def _muat_tersimpan(nama: str) -> None:
    try:
        isi = _store().muat_skenario(nama)
        if isi is None:
            st.session_state["_sim_pesan"] = ("galat", t("sim_tidak_ditemukan", nama=nama))
            return
        pasang_skenario(Skenario.dari_json(isi))
        st.session_state["_sim_pesan"] = ("sukses", t("sim_dimuat", nama=nama))
    except MCSPError as e:
        st.session_state["_sim_pesan"] = ("galat", galat(e))


def _simpan(sk: Skenario) -> None:
    _koleksi()[sk.nama] = sk.ke_json()
    try:
        _store().simpan_skenario(sk.nama, sk.ke_json())
        st.session_state.pop("_sim_daftar", None)
        st.session_state["_sim_pesan"] = ("sukses", t("sim_tersimpan", nama=sk.nama))
    except MCSPError as e:
        st.session_state["_sim_pesan"] = ("galat", t("sim_gagal_simpan", alasan=galat(e)))


def _hapus_tersimpan(nama: str) -> None:
    try:
        _store().hapus_skenario(nama)
        st.session_state.pop("_sim_daftar", None)
        _koleksi().pop(nama, None)
    except MCSPError as e:
        st.session_state["_sim_pesan"] = ("galat", galat(e))


def _daftar_tersimpan() -> list[str] | None:
    """Names in the local store, read once per session (and after a save or delete)."""
    if "_sim_daftar" not in st.session_state:
        try:
            st.session_state["_sim_daftar"] = _store().daftar_skenario()["nama"].to_list()
        except MCSPError as e:
            st.session_state["_sim_daftar"] = None
            st.session_state["_sim_pesan_store"] = galat(e)
    return st.session_state["_sim_daftar"]


def simpan_dan_muat(sk: Skenario | None) -> None:
    st.subheader(t("sim_skenario"))
    kiri, kanan = st.columns(2)
    with kiri:
        if sk is not None:
            berkas = umum._nama_file(f"skenario_{sk.nama}")
            st.download_button(t("sim_unduh_json"), data=sk.ke_json().encode("utf-8"), file_name=f"{berkas}.json",
                               mime="application/json", on_click="ignore", key="sim_unduh_json", icon=":material/download:")
            if masuk.boleh("skenario_simpan"):
                with masuk.konfirmasi(sk.nama in (_daftar_tersimpan() or []), t("sim_simpan"), "sim_timpa",
                                      t("sim_timpa_yakin", nama=sk.nama)) as tempat:
                    tempat.button(t("sim_simpan"), key="sim_simpan", on_click=_simpan, args=(sk,), icon=":material/save:",
                                  help=t("sim_simpan_bantuan"))
            else:
                masuk.tawaran("sim_simpan")
            with st.expander(t("sim_lihat_json")):
                st.code(sk.ke_json(), language="json")
    with kanan:
        st.file_uploader(t("sim_unggah_json"), type=["json"], key="sim_unggah_json", on_change=_muat_json)
        daftar = _daftar_tersimpan()
        if daftar is None:
            st.caption(umum.aman(t("sim_store_tidak_ada", alasan=st.session_state.get("_sim_pesan_store", ""))))
        elif daftar:
            nama = st.selectbox(t("sim_tersimpan_daftar"), daftar, key="sim_pilih_tersimpan")
            a, b = st.columns(2)
            a.button(t("sim_muat"), key="sim_muat", on_click=_muat_tersimpan, args=(nama,), icon=":material/upload:")
            if masuk.boleh("skenario_hapus"):
                with masuk.konfirmasi(True, t("sim_hapus_tersimpan"), "sim_hapus", t("sim_hapus_yakin", nama=nama),
                                      wadah=b) as tempat:
                    tempat.button(t("sim_hapus_tersimpan"), key="sim_hapus_tersimpan", on_click=_hapus_tersimpan,
                                  args=(nama,), icon=":material/delete:")
        else:
            st.caption(t("sim_store_kosong"))


def bandingkan(d, h: an.Hasil) -> None:
    koleksi = _koleksi()
    if len(koleksi) < 2:
        if koleksi:
            st.caption(t("sim_banding_perlu"))
        return
    st.subheader(t("sim_banding"))
    nama = list(koleksi)
    st.session_state["sim_banding"] = [n for n in st.session_state.get("sim_banding", nama[-MAKS_BANDING:]) if n in nama]
    pilih = st.multiselect(t("sim_banding_pilih"), nama, key="sim_banding", max_selections=MAKS_BANDING,
                           placeholder=t("sim_banding_pilih"), select_all=False)
    baris, nama_wil = [], dict(an.pilihan_pemda(h, an.Saring()))
    prov = {k: n for tahun in h.tahun for k, n in an.pilihan_provinsi(h, tahun)}
    for n in pilih:
        try:
            sk = Skenario.dari_json(koleksi[n])
            hs = simulasi(d, sk, dasar_=dasar_sesi(d))  # rebuilt by the engine when the scenario has its own weights
        except MCSPError as e:
            st.warning(umum.aman(f"{n}: {galat(e)}"))
            continue
        awal, akhir = _rata(hs)
        baris.append({
            "nama": n, "tahun": hs.tahun,
            "lingkup": nama_wil.get(sk.kode_wilayah, sk.kode_wilayah) if sk.kode_wilayah else prov.get(sk.kode_provinsi, sk.kode_provinsi or t("nasional")),
            "jumlah_aksi": len(sk.aksi), "jumlah_item": int(hs.aksi["jumlah_item"].sum()),
            "indeks_sebelum": awal, "indeks_sesudah": akhir,
            "selisih": None if awal is None else akhir - awal, "berganti": hs.berubah_kategori.height,
        })
    if not baris:
        return
    df = pl.DataFrame(baris, schema={"nama": pl.String, "tahun": pl.Int64, "lingkup": pl.String, "jumlah_aksi": pl.Int64,
                                     "jumlah_item": pl.Int64, "indeks_sebelum": pl.Float64, "indeks_sesudah": pl.Float64,
                                     "selisih": pl.Float64, "berganti": pl.Int64})
    umum.tabel(df, "banding_skenario", {
        "nama": t("sim_k_nama"), "tahun": t("k_tahun"), "lingkup": t("sim_lingkup"), "jumlah_aksi": t("sim_k_jumlah_aksi"),
        "jumlah_item": t("sim_k_item"), "indeks_sebelum": t("sim_indeks_sebelum"), "indeks_sesudah": t("sim_indeks_sesudah"),
        "selisih": t("sim_selisih"), "berganti": t("sim_berganti")}, kunci="sim_tabel_banding")


def _pesan() -> None:
    p = st.session_state.pop("_sim_pesan", None)
    if p:
        (st.success if p[0] == "sukses" else st.error)(umum.aman(p[1]))


# ------------------------------------------------------------------------------------------ page
def halaman() -> None:
    siap = umum.perlu_data()
    if siap is None:
        return
    d, h = siap
    tahun = umum.saring().tahun
    st.title(t("sim_judul", tahun=tahun))
    st.caption(t("sim_intro"))
    _pesan()
    bobot_sk = st.session_state.get("sim_bobot") or {}
    catatan_bobot(h, tahun, bobot_sk)
    kode_wilayah, kode_provinsi = pilih_lingkup(h, tahun, "sim")
    if kode_wilayah is None and kode_provinsi is None:
        st.info(t("tidak_ada_pemda"))
        return
    kode = kode_lingkup(h, tahun, kode_wilayah, kode_provinsi)
    if not st.session_state.get("sim_nama"):
        st.session_state["sim_nama"] = t("sim_nama_awal")
    st.text_input(t("sim_nama"), key="sim_nama", max_chars=200)
    editor_aksi(d, h, tahun, kode, kode_provinsi is not None)

    sk, hasil = None, None
    try:
        sk = Skenario(nama=(st.session_state.get("sim_nama") or t("sim_nama_awal")).strip(), tahun=tahun,
                      kode_wilayah=kode_wilayah, kode_provinsi=kode_provinsi,
                      aksi=tuple(Aksi.dari_dict(a, i) for i, a in enumerate(_aksi(), 1)), bobot=bobot_sk,
                      catatan=st.session_state.get("sim_catatan", ""))
        bobot_map = {(tahun, a): float(w) for a, w in bobot_sk.items()}
        hasil = simulasi(d, sk, dasar_=dasar_sesi(d, bobot_map))
    except MCSPError as e:
        st.error(umum.aman(galat(e)))
    daftar_aksi(hasil)
    if hasil is not None:
        judul = (dict(an.pilihan_pemda(h, an.Saring(tahun=tahun))).get(kode_wilayah, kode_wilayah) if kode_wilayah
                 else dict(an.pilihan_provinsi(h, tahun)).get(kode_provinsi, kode_provinsi))
        hasil_simulasi(hasil, sk, judul)
    simpan_dan_muat(sk)
    bandingkan(d, h)


umum.aman_jalankan(halaman)
