"""Page 1 — Data: upload exports (or the bundled sample), then the validation report."""

from __future__ import annotations

import time

import polars as pl
import streamlit as st

from mcsp_rules.hitung import analisis as an
from tampilan.komponen import umum
from tampilan.komponen.teks import bahasa, t


def _muat_unggahan(berkas) -> None:
    """Read, check and score the upload, showing each stage as it is done (a real-scale national file
    takes a few seconds). Afterwards the uploaded bytes are dropped from the server: the session keeps
    the typed rows, the report and the aggregates only."""
    n = len(berkas)
    with st.status(t("membaca", n=n), expanded=True) as status:
        st.caption(t("tahap_baca"))
        bar = st.progress(0.0)
        langkah = {"mulai": time.perf_counter(), "awal": time.perf_counter(), "file": 0}
        log: list[str] = [t("tahap_baca")]  # the stage lines, kept to show with the report

        def tulis(teks: str, judul: bool = False) -> None:
            log.append(teks)
            (st.caption if judul else st.text)(teks)

        def kemajuan(tahap: str, **isi) -> None:
            detik = umum.fmt(time.perf_counter() - langkah["mulai"], 1)
            langkah["mulai"] = time.perf_counter()
            if tahap == "dibaca":
                langkah["file"] += 1
                if isi.get("baris") is None:
                    tulis(t("tahap_file_gagal", nama=isi.get("file", "")))
                else:
                    tulis(t("tahap_file", nama=isi.get("file", ""), baris=umum.fmt(isi["baris"], 0), detik=detik))
                bar.progress(langkah["file"] / (n + 2), text=t("tahap_baca"))
                if langkah["file"] == n:
                    status.update(label=t("tahap_validasi"))
                    tulis(t("tahap_validasi"), judul=True)
            elif tahap == "divalidasi":
                tulis(t("tahap_validasi_selesai", baris=umum.fmt(isi.get("baris") or 0, 0), detik=detik))
                bar.progress((n + 1) / (n + 2), text=t("tahap_hitung"))
                status.update(label=t("tahap_hitung"))
                tulis(t("tahap_hitung"), judul=True)

        try:
            d = umum.muat_unggahan([(f.name, f.getvalue()) for f in berkas], kemajuan)
            umum.pasang_data(d, "unggahan", [f.name for f in berkas])
            umum.hasil()  # the aggregates every page reads, once, now, while the indicator is showing
        except Exception:  # noqa: BLE001 - the person sees one sentence, the log the traceback
            umum.log.exception("unggahan gagal diproses")
            umum.hapus_data()
            bar.empty()
            status.update(label=t("gagal_umum"), state="error")
            return
        tulis(t("tahap_hitung_selesai", detik=umum.fmt(time.perf_counter() - langkah["mulai"], 1)))
        bar.progress(1.0)
        lap = d.laporan
        label = t("selesai_unggah", dipakai=umum.fmt(lap.dipakai, 0), dibaca=umum.fmt(lap.dibaca, 0),
                  detik=umum.fmt(time.perf_counter() - langkah["awal"], 1))
        status.update(label=label, state="complete", expanded=False)
        st.session_state["tahap_unggah"] = (label, log)  # a few lines of text, shown above the report
    umum.lepas_unggahan(berkas)


def _muat_contoh() -> None:
    # the first click on a server generates the real-scale 2025 file (~1.5 s) and reads ~415,000 rows;
    # every later session gets the shared copy at once
    with st.status(t("membaca_contoh"), expanded=False) as status:
        d = umum.pasang_contoh()
        status.update(label=t("selesai_baca", dipakai=umum.fmt(d.laporan.dipakai, 0),
                              dibaca=umum.fmt(d.laporan.dibaca, 0)), state="complete")


def _unggah_dan_contoh() -> None:
    kiri, kanan = st.columns([3, 1])
    with kiri:
        berkas = st.file_uploader(t("unggah", mb=umum.batas_mb()), type=["csv", "xlsx"], accept_multiple_files=True,
                                  key=f"unggah_{st.session_state.get('unggah_n', 0)}")
        # Streamlit offers no option for the uploader's own words ("Upload", "Drag and drop"): say so
        if bahasa() == "id":
            st.caption(t("unggah_catatan"))
    with kanan:
        st.write("")
        ada = umum.ada_contoh()
        contoh = st.button(t("pakai_contoh"), type="primary", disabled=not ada,
                           help=t("contoh_bantuan") if ada else t("contoh_tidak_ada"), icon=":material/public:")
        if not ada:
            st.caption(t("contoh_tidak_ada"))
        if umum.data() is not None:
            if st.button(t("hapus_data"), icon=":material/delete:"):
                umum.hapus_data()
                # a new key empties the upload widget too (its files would otherwise load again)
                st.session_state["unggah_n"] = st.session_state.get("unggah_n", 0) + 1
                st.rerun()
    if contoh:
        _muat_contoh()
        st.rerun()  # the sidebar filters are built before the page: rerun so they appear now
    if berkas:
        tanda = umum.tanda_berkas(berkas)
        if tanda != st.session_state.get("tanda_unggah"):
            st.session_state["tanda_unggah"] = tanda
            _muat_unggahan(berkas)
            if umum.data() is not None:
                st.rerun()


def _isi_per_tahun() -> None:
    """Per year: how many pemda, detail rows and rows per pemda (the sample's 2025: ~656 documents each)."""
    h = umum.hasil()
    if h is None:
        return
    isi = an.isi_per_tahun(h)
    if isi.is_empty():
        return
    st.markdown(f"**{umum.aman(t('isi_tahun'))}**")
    for r in isi.iter_rows(named=True):
        if r["baris_rincian"]:
            st.text(t("isi_tahun_baris", tahun=r["tahun"], pemda=umum.fmt(r["jumlah_pemda"], 0),
                      baris=umum.fmt(r["baris_rincian"], 0), per=umum.fmt(r["per_pemda"], 1),
                      min=umum.fmt(r["per_pemda_min"], 0), maks=umum.fmt(r["per_pemda_maks"], 0)))
        else:
            st.text(t("isi_tahun_ringkasan", tahun=r["tahun"], pemda=umum.fmt(r["jumlah_pemda"], 0)))


def _laporan() -> None:
    d = umum.data()
    if d is None:
        return
    lap = d.laporan
    tahap = st.session_state.get("tahap_unggah")
    if tahap and st.session_state.get("data_asal") == "unggahan":
        with st.status(tahap[0], state="complete", expanded=False):
            for baris in tahap[1]:
                st.text(baris)
    st.subheader(t("data_aktif"))
    asal = t("sumber_contoh") if st.session_state.get("data_asal") == "contoh" else t("sumber_unggahan")
    st.caption(umum.aman(asal))
    if st.session_state.get("data_asal") == "contoh" and not umum.contoh_skala_nyata():
        st.caption(t("contoh_cadangan"))
    for r in lap.per_file.iter_rows(named=True):
        st.text(t("baris_file", file=r["file"], jenis=r["jenis"], dibaca=umum.fmt(r["dibaca"], 0),
                  dipakai=umum.fmt(r["dipakai"], 0), disisihkan=umum.fmt(r["disisihkan"], 0)))
    if lap.file_gagal:
        st.error(t("file_gagal"))
        for g in lap.file_gagal:
            st.text(f"{g['file']}: {g['pesan'] if bahasa() == 'id' else g['message']}")

    _isi_per_tahun()

    st.subheader(t("laporan"))
    c = st.columns(5)
    c[0].metric(t("dibaca"), umum.fmt(lap.dibaca, 0))
    c[1].metric(t("dipakai"), umum.fmt(lap.dipakai, 0))
    c[2].metric(t("disisihkan"), umum.fmt(lap.jumlah_disisihkan, 0))
    c[3].metric(t("galat"), umum.fmt(lap.jumlah_galat, 0))
    c[4].metric(t("peringatan"), umum.fmt(lap.jumlah_peringatan, 0))
    if lap.dibaca == lap.dipakai + lap.jumlah_disisihkan:
        st.success(t("cocok"), icon=":material/check_circle:")
    else:
        st.error(t("tidak_cocok"))

    en = bahasa() == "en"
    kolom = {"file": t("k_file"), "baris": t("k_baris"), "kolom": t("k_kolom"), "nilai": t("k_nilai"),
             "tingkat": t("k_tingkat"), "kode": t("k_kode"), "pesan": t("k_pesan"), "saran": t("k_saran"),
             "sumber": t("k_sumber")}
    st.markdown(f"**{umum.aman(t('per_file'))}**")
    per_file = lap.per_file.rename({"file": t("k_file"), "format": t("k_format"), "jenis": t("k_jenis_file"),
                                    "dibaca": t("dibaca"), "dipakai": t("dipakai"), "disisihkan": t("disisihkan"),
                                    "berperingatan": t("k_berperingatan")})
    umum.tabel(per_file, "per_file", unduh=False, kunci="per_file",
               ribuan=[t("dibaca"), t("dipakai"), t("disisihkan"), t("k_berperingatan")])

    # Grouped from the report's compact form (one row per file and rule): a national file whose every row
    # has a finding does not have 362,000 messages written to show a dozen groups.
    grup = lap.kelompok()
    n_temuan = int(grup["jumlah"].sum()) if grup.height else 0
    if n_temuan == 0:
        st.success(t("bersih"))
    else:
        st.markdown(f"**{umum.aman(t('masalah_utama'))}**")
        kelompok = grup.select(
            _label_tingkat(), "jumlah", pl.col("kolom").cast(pl.String),
            pl.col("fix" if en else "saran").cast(pl.String).alias("saran"),
            pl.col("message" if en else "pesan").cast(pl.String).alias("pesan"),
            pl.format("{}, {}", pl.col("file").cast(pl.String),
                      pl.col("baris_pertama").list.first().cast(pl.String).fill_null("–")).alias("contoh"),
        )
        # how to fix it is the key column: right after the column it concerns, wide, before the message
        umum.tabel(kelompok, "ringkasan_temuan", {**kolom, "jumlah": t("k_jumlah"), "contoh": t("k_contoh")},
                   unduh=False, kunci="kelompok_temuan", ribuan=["jumlah"],
                   lebar={"tingkat": "small", "jumlah": "small", "kolom": "small", "saran": "large", "pesan": "medium"})
        st.markdown(f"**{umum.aman(t('temuan'))}**")
        if n_temuan <= BATAS_TEMUAN_LAYAR:
            umum.tabel(_temuan_tampil(lap.temuan, en).select(
                "file", "baris", "kolom", "tingkat", "saran", "pesan", "nilai", "kode", "sumber"),
                "temuan", kolom, unduh=False, kunci="temuan", tinggi=320,
                lebar={"baris": "small", "tingkat": "small", "saran": "large", "pesan": "medium"})
        else:
            st.caption(t("temuan_banyak", n=umum.fmt(n_temuan, 0), batas=umum.fmt(BATAS_TEMUAN_LAYAR, 0)))

    st.markdown(f"**{umum.aman(t('baris_disisihkan'))}**")
    sisih = lap.disisihkan
    if sisih.is_empty():
        st.caption(t("tidak_ada_disisihkan"))
    else:
        sisih = sisih.drop("reason" if not en else "alasan").rename(
            {"reason" if en else "alasan": t("k_alasan"), "file": t("k_file"), "baris": t("k_baris")})
        umum.tabel(sisih, "baris_disisihkan", unduh=False, kunci="sisih", tinggi=260)

    nama_lembar = (t("per_file"), t("lembar_temuan"), t("lembar_sisih"))
    label_tingkat = {"galat": t("tingkat_galat"), "peringatan": t("tingkat_peringatan")}

    def xlsx() -> bytes:
        """Every finding with its message, written only when the download is asked for."""
        from mcsp_rules.io.ekspor import ke_xlsx

        semua = _temuan_tampil(lap.temuan, en, label_tingkat)
        return ke_xlsx({nama_lembar[0]: per_file, nama_lembar[1]: semua.rename(kolom), nama_lembar[2]: sisih})

    st.download_button(t("unduh_temuan"), data=xlsx, file_name="laporan_validasi.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                       key="unduh_laporan", icon=":material/download:", type="primary")


BATAS_TEMUAN_LAYAR = 5000  # findings listed row by row on the page; more are in the download


def _label_tingkat(label: dict[str, str] | None = None) -> pl.Expr:
    label = label or {"galat": t("tingkat_galat"), "peringatan": t("tingkat_peringatan")}
    teks = pl.col("tingkat").cast(pl.String)
    return teks.replace_strict(label, default=teks).alias("tingkat")


def _temuan_tampil(temuan: pl.DataFrame, en: bool, label: dict[str, str] | None = None) -> pl.DataFrame:
    """Findings as the page and the download show them: plain text, messages in the interface's language."""
    return temuan.select(
        *[pl.col(k).cast(pl.String) for k in ("file", "kolom", "nilai", "kode", "sumber")], "baris",
        _label_tingkat(label),
        pl.col("message" if en else "pesan").cast(pl.String).alias("pesan"),
        pl.col("fix" if en else "saran").cast(pl.String).alias("saran"),
    )


def halaman() -> None:
    st.title(t("data_judul"))
    st.caption(t("data_intro"))
    if st.session_state.get("_url_unggahan") and umum.data() is None:
        st.warning(t("url_unggahan"), icon=":material/link_off:")
    _unggah_dan_contoh()
    _laporan()


umum.aman_jalankan(halaman)
