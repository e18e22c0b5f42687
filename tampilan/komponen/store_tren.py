"""The Tren page's store administration: open the store, save the session's data as a dated snapshot,
list, delete and restore snapshots, and the audit trail. What a person may do follows their role
(tampilan.komponen.masuk): a guest or reader only sees the list; an editor saves; an admin deletes,
restores, sees the audit trail and the store's location (masked)."""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from mcsp_rules.galat import MCSPError
from mcsp_rules.riwayat.store import Store, masa_hapus, tanggal_otomatis, url_bawaan
from mcsp_rules.riwayat.url import samarkan
from tampilan.komponen import masuk, umum
from tampilan.komponen.teks import bahasa, t


def tgl(d: date | None) -> str:
    if d is None:
        return "–"
    return d.strftime("%d/%m/%Y") if bahasa() == "id" else d.isoformat()


def pesan_galat(e: MCSPError) -> None:
    st.error(umum.aman(e.teks(bahasa())), icon=":material/error:")


def buka_store() -> tuple[Store | None, pl.DataFrame | None]:
    """The store (acting as this session's person) and its snapshot list, or a message (never a
    traceback) when it cannot be opened. Only an admin is told where the store is."""
    url = url_bawaan()
    admin = masuk.boleh("lokasi_store")
    try:
        store = masuk.store(url)
        return store, store.daftar()
    except MCSPError as e:
        st.error(umum.aman(t("tren_store_gagal", pesan=e.teks(bahasa()) if admin else "–")), icon=":material/database:")
    except Exception:  # noqa: BLE001 - a driver error we did not foresee: one sentence, the log has the rest
        umum.log.exception("store tidak dapat dibuka")
        st.error(umum.aman(t("tren_store_gagal", pesan=samarkan(url) if admin else "–")), icon=":material/database:")
    if admin:
        st.caption(t("tren_store_bantuan"))
    return None, None


def lokasi(store: Store) -> None:
    if masuk.boleh("lokasi_store"):
        st.caption(umum.aman(t("tren_store", url=store.lokasi, jenis=store.dialek)))


# ----------------------------------------------------------------------------------- save, list
def bagian_simpan(store: Store) -> None:
    st.subheader(t("tren_simpan_judul"))
    if not masuk.boleh("impor"):
        masuk.tawaran("tren_simpan")
        return
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
    # a second snapshot of a date for the same pemda is never saved silently: it needs a tick
    # distinct codes first: a real-scale export has ~660 rows per pemda
    kode = sorted({k for f in (d.rincian, d.ringkasan) if "kode_wilayah" in f.columns
                   for k in f.get_column("kode_wilayah").unique().cast(pl.String).to_list()})
    try:
        bertumpuk = store.tanggal_bertumpuk(tanggal, kode)
    except MCSPError:
        bertumpuk = ()
    yakin = False
    if bertumpuk:  # the same content again is still recognised as a duplicate; another content needs the tick
        st.warning(umum.aman(t("tren_tanggal_ada", tanggal=tgl(tanggal), ids=", ".join(f"#{i}" for i in bertumpuk))),
                   icon=":material/event_busy:")
        yakin = st.checkbox(t("tren_tanggal_ada_yakin"), key=f"tren_tanggal_yakin_{kunci}_{tanggal}")
    with kanan:
        st.write("")
        simpan = st.button(t("tren_simpan"), type="primary", icon=":material/save:", key="tren_simpan")
    st.caption(umum.aman(t("tren_tanggal_asal", asal=asal) + " · " + t("tren_file", file="; ".join(nama) or "–")))
    if not simpan:
        return
    try:
        masuk.pengguna().wajib("impor")
        with st.spinner(t("tren_menyimpan")):
            hasil = store.simpan(d, tanggal, label, nama_file=nama, izinkan_tanggal_sama=yakin)
    except MCSPError as e:
        pesan_galat(e)
        return
    if hasil.baru:
        st.success(umum.aman(hasil.teks(bahasa())), icon=":material/check_circle:")
        if hasil.peringatan(bahasa()):
            st.warning(umum.aman(hasil.peringatan(bahasa())), icon=":material/event_busy:")
    else:
        st.info(umum.aman(hasil.teks(bahasa())), icon=":material/content_copy:")


def bagian_daftar(store: Store, snap: pl.DataFrame) -> None:
    st.subheader(t("tren_daftar_judul"))
    pesan = st.session_state.pop("_tren_pesan", None)
    if pesan:
        st.success(umum.aman(pesan), icon=":material/delete:")
    if snap.is_empty():
        st.info(t("tren_belum_ada"))
    elif umum.rapat():  # the meeting view shows the trend, not the bookkeeping
        st.caption(t("tren_n_snapshot", n=snap["tanggal"].n_unique()))
        return
    else:
        tabel = snap.select("id", "tanggal", pl.col("label").fill_null(""), "nama_file", "jumlah_pemda", "tahun_data",
                            "baris_rincian", "baris_skor_ringkasan", pl.col("dibuat").dt.to_string("%Y-%m-%d %H:%M"),
                            pl.col("oleh").fill_null(""))
        umum.tabel(tabel, "snapshot", {
            "id": t("k_snapshot"), "tanggal": t("k_tanggal"), "label": t("k_label"), "nama_file": t("k_file"),
            "jumlah_pemda": t("k_jumlah_pemda"), "tahun_data": t("k_tahun"), "baris_rincian": t("k_baris_rincian"),
            "baris_skor_ringkasan": t("k_baris_ringkasan"), "dibuat": t("k_dibuat"), "oleh": t("k_pengguna")},
            kunci="tabel_snapshot", ribuan=["baris_rincian", "baris_skor_ringkasan", "jumlah_pemda"], tinggi=240)
    if not masuk.boleh("hapus"):
        return
    if snap.height:
        _hapus(store, snap)
    _pulihkan(store)
    _audit(store)


def _hapus(store: Store, snap: pl.DataFrame) -> None:
    with st.expander(t("tren_hapus_judul"), icon=":material/delete:"):
        label = {r["id"]: f"#{r['id']} · {tgl(r['tanggal'])} · {r['nama_file']}" + (f" · {r['label']}" if r["label"] else "")
                 for r in snap.iter_rows(named=True)}
        n = st.session_state.get("_tren_hapus_n", 0)  # a new key unticks the confirmation after a delete
        pilih = st.selectbox(t("tren_hapus_pilih"), list(label), format_func=lambda i: label.get(i, str(i)),
                             key="tren_hapus_id")
        yakin = st.checkbox(t("tren_hapus_yakin"), key=f"tren_hapus_yakin_{n}")
        if st.button(t("tren_hapus"), disabled=not yakin, icon=":material/delete_forever:", key="tren_hapus"):
            try:
                masuk.pengguna().wajib("hapus")
                s = store.hapus(pilih)
            except MCSPError as e:
                pesan_galat(e)
                return
            st.session_state["_tren_pesan"] = t("tren_dihapus_lunak", id=s.id, tanggal=tgl(s.tanggal), hari=masa_hapus().days)
            st.session_state["_tren_hapus_n"] = n + 1
            st.rerun()


def _pulihkan(store: Store) -> None:
    terhapus = store.daftar(dihapus=True)
    with st.expander(t("tren_pulihkan_judul"), icon=":material/restore_from_trash:"):
        if terhapus.is_empty():
            st.caption(t("tren_pulihkan_kosong"))
            return
        label = {r["id"]: f"#{r['id']} · {tgl(r['tanggal'])} · {r['nama_file']} · {r['dihapus_oleh']}"
                 for r in terhapus.iter_rows(named=True)}
        pilih = st.selectbox(t("tren_pulihkan_pilih"), list(label), format_func=lambda i: label.get(i, str(i)),
                             key="tren_pulihkan_id")
        if st.button(t("tren_pulihkan"), icon=":material/restore:", key="tren_pulihkan"):
            try:
                masuk.pengguna().wajib("pulihkan")
                s = store.pulihkan(pilih)
            except MCSPError as e:
                pesan_galat(e)
                return
            st.session_state["_tren_pesan"] = t("tren_dipulihkan", id=s.id, tanggal=tgl(s.tanggal))
            st.rerun()


def _audit(store: Store) -> None:
    with st.expander(t("tren_audit_judul"), icon=":material/history:"):
        log = store.audit(500)
        if log.is_empty():
            st.caption(t("tren_audit_kosong"))
            return
        umum.tabel(log.with_columns(pl.col("waktu").dt.to_string("%Y-%m-%d %H:%M:%S")), "audit", {
            "id": "#", "waktu": t("k_waktu"), "pengguna": t("k_pengguna"), "aksi": t("k_aksi"), "objek": t("k_objek"),
            "rincian": t("k_rincian")}, kunci="tabel_audit", tinggi=280)
