"""What every page shares: the session's dataset, the sidebar filters, number formatting, tables and
downloads. Pages call these and ``mcsp_rules``; no scoring happens here.

Session isolation: an uploaded dataset lives only in ``st.session_state`` (one browser session).
Only the bundled sample, identical for everyone, is cached across sessions.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import uuid
from pathlib import Path
from typing import Callable, Iterable

import polars as pl
import streamlit as st

import mcsp_rules
from mcsp_rules.batas import BATAS
from mcsp_rules.format import angka
from mcsp_rules.hitung import analisis as an
from mcsp_rules.io.ekspor import ke_csv, ke_xlsx
from mcsp_rules.model import JENIS_PEMDA
from tampilan.komponen import tautan
from tampilan.komponen.teks import BAHASA as BAHASA_SAH
from tampilan.komponen.teks import bahasa, t

log = logging.getLogger("mcsp_rules.dashboard")

AKAR = Path(__file__).resolve().parents[2]  # the checkout (sample_data/ lives there)
SAMPEL = AKAR / "sample_data"
# The national sample: 2023 and 2024 as committed (48 sub-indicators per pemda), and 2025 at real scale
# (one row per required document, ~660 per pemda, ~362,000 rows), generated on first use and cached by
# sample_data/skala_nyata.py. The committed 48-item 2025 file is the fallback when that cannot be
# generated (no writable cache folder, say); the Kalimantan Tengah files are never added (the same
# pemda and year as the national rows: duplicates).
FILE_CONTOH = ("rincian_nasional_2023.xlsx", "rincian_nasional_2024.csv", "rincian_nasional_2025.csv")
FILE_CONTOH_CADANGAN = "rincian_nasional_2025.csv"
TAHUN_SKALA_NYATA = 2025
NAMA_SKALA_NYATA = "rincian_nasional_2025_dokumen.csv"  # the name the report shows (the cache's carries a hash)
JENIS = JENIS_PEMDA


# ------------------------------------------------------------------------------------ safe text
_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$&=^\"'])")


def aman(teks: object) -> str:
    """Text for elements that read Markdown (captions, metric labels, headers): every Markdown
    special character is backslash-escaped, so user-derived text shows exactly as written."""
    return _MD_KHUSUS.sub(r"\\\1", str(teks))


def fmt(x, desimal: int = 2) -> str:
    return angka(x, bahasa(), desimal)


def label_kategori(k: str | None) -> str:
    return t(k) if k else t("Tidak lengkap")


def label_status(s: str) -> str:
    return t(s)


def label_jenis(j: str) -> str:
    return t(f"{j}_j")


def label_jenis_expr(kolom: str = "jenis_pemda") -> pl.Expr:
    return pl.col(kolom).replace_strict({j: label_jenis(j) for j in JENIS}, default=pl.col(kolom),
                                        return_dtype=pl.String)


# ------------------------------------------------------------------------------------- the data
def data() -> mcsp_rules.Data | None:
    return st.session_state.get("data")


def hasil() -> an.Hasil | None:
    """Derived frames of the session's dataset, computed once per dataset (keyed by its id)."""
    d = data()
    if d is None:
        return None
    kunci = st.session_state.get("data_id")
    simpan = st.session_state.get("hasil")
    if simpan is not None and simpan[0] == kunci:
        return simpan[1]
    h = _hasil_contoh() if st.session_state.get("data_asal") == "contoh" else an.hitung(d)
    st.session_state["hasil"] = (kunci, h)
    return h


def pasang_data(d: mcsp_rules.Data, asal: str, nama_file: list[str]) -> None:
    st.session_state["data"] = d
    st.session_state["data_id"] = uuid.uuid4().hex
    st.session_state["data_asal"] = asal
    st.session_state["data_file"] = list(nama_file)
    st.session_state.pop("hasil", None)
    st.session_state.pop("_url_unggahan", None)
    st.session_state.pop("tahap_unggah", None)
    if asal == "contoh":
        st.session_state.pop("tanda_unggah", None)
        # the sample replaces an upload: empty the upload widget too, or it would hand its file back
        # on the next run and the first click on the sample would seem to do nothing
        st.session_state["unggah_n"] = st.session_state.get("unggah_n", 0) + 1


def hapus_data() -> None:
    for k in ("data", "data_id", "data_asal", "data_file", "hasil", "tanda_unggah", "tahap_unggah"):
        st.session_state.pop(k, None)


def ada_contoh() -> bool:
    """Whether the sample can be offered (cheap: nothing is generated here). An installed wheel has no
    sample_data/, so the button is disabled with a sentence."""
    return all((SAMPEL / f).exists() for f in FILE_CONTOH if not f.endswith(".xlsx"))


_skala_nyata: dict[str, Path | None] = {}
_kunci_skala_nyata = threading.Lock()  # two first sessions at once generate the file once


def _path_skala_nyata() -> Path | None:
    """The cached real-scale 2025 file, generated on first use (~1.5 s), or None when it cannot be made
    (the failure is logged and the committed 48-item file is used instead). sample_data/ is not a
    package: skala_nyata.py is imported by its path. Tried once per process."""
    with _kunci_skala_nyata:
        lama = _skala_nyata.get("path")
        if "path" not in _skala_nyata or (lama is not None and not lama.exists()):  # the cache was emptied
            _skala_nyata["path"] = _buat_skala_nyata()
        return _skala_nyata["path"]


def _buat_skala_nyata() -> Path | None:
    path = None
    try:
        import importlib.util

        spec = importlib.util.spec_from_file_location("mcsp_skala_nyata", SAMPEL / "skala_nyata.py")
        modul = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modul)
        try:
            path = modul.path_skala_nyata(TAHUN_SKALA_NYATA)
        except OSError:  # the user cache folder is not writable: a folder of this process's own
            import tempfile

            log.warning("cache folder not writable; the real-scale sample goes to the temporary folder", exc_info=True)
            path = modul.path_skala_nyata(TAHUN_SKALA_NYATA, Path(tempfile.gettempdir()) / f"mcsp-{getattr(os, 'getuid', lambda: 0)()}")
    except Exception:  # noqa: BLE001 - the sample falls back to the committed files, the log says why
        log.exception("the real-scale sample could not be generated; using the committed 48-item 2025 file")
        path = None
    return path


def sumber_contoh() -> list[tuple[str, Path]]:
    """The sample's files as (name shown in the report, path); generates the real-scale year if needed."""
    if not ada_contoh():
        return []
    sumber = [(f, SAMPEL / f) for f in FILE_CONTOH if f != FILE_CONTOH_CADANGAN and (SAMPEL / f).exists()]
    besar = _path_skala_nyata()
    sumber.append((NAMA_SKALA_NYATA, besar) if besar is not None else (FILE_CONTOH_CADANGAN, SAMPEL / FILE_CONTOH_CADANGAN))
    return sumber


def file_contoh() -> list[Path]:
    """The sample's file paths (the engine reads them as ``muat_contoh`` does)."""
    return [p for _, p in sumber_contoh()]


def contoh_skala_nyata() -> bool:
    """Whether the loaded sample's 2025 is the real-scale file (False: the 48-item fallback)."""
    return any(nama == NAMA_SKALA_NYATA for nama, _ in sumber_contoh())


@st.cache_resource(show_spinner=False, max_entries=1)
def muat_contoh() -> mcsp_rules.Data:
    """The bundled sample: the same files for every user, so it may be shared (read-only)."""
    return mcsp_rules.load([(nama, p.read_bytes()) for nama, p in sumber_contoh()])


@st.cache_resource(show_spinner=False, max_entries=1)
def _hasil_contoh() -> an.Hasil:
    return an.hitung(muat_contoh())


def muat_unggahan(berkas: list[tuple[str, bytes]], kemajuan: Callable[..., None] | None = None) -> mcsp_rules.Data:
    """Uploads are read for this session only (never cached across sessions). ``kemajuan``: told of each
    stage (``mcsp_rules.load``)."""
    return mcsp_rules.load(berkas, kemajuan=kemajuan)


def lepas_unggahan(berkas) -> None:
    """Drop the uploaded files' bytes from the server once their rows are loaded. Streamlit keeps an
    upload in memory for the whole session (a real-scale national CSV is ~30 MB, ~70 MB with names);
    the session needs only the typed rows. The upload widget is emptied (a new key) and its files are
    removed from Streamlit's upload store; the report names the files."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is not None and getattr(ctx, "uploaded_file_mgr", None) is not None:
            for f in berkas:
                ctx.uploaded_file_mgr.remove_file(ctx.session_id, f.file_id)
    except Exception:  # noqa: BLE001 - internal API: at worst the bytes stay until the session ends
        log.warning("uploaded files could not be released", exc_info=True)
    st.session_state["unggah_n"] = st.session_state.get("unggah_n", 0) + 1
    st.session_state.pop("tanda_unggah", None)  # the emptied widget's next file, even the same one, is read


def tanda_berkas(berkas: Iterable) -> str:
    """A signature of an upload selection: names and content hashes (no bytes kept)."""
    h = hashlib.sha256()
    for f in berkas:
        h.update(f.name.encode("utf-8", "replace"))
        h.update(hashlib.sha256(f.getvalue()).digest())
    return h.hexdigest()


def perlu_data() -> tuple[mcsp_rules.Data, an.Hasil] | None:
    """For pages that need data: the dataset, or a note pointing to the Data page."""
    d, h = data(), hasil()
    if d is None or h is None:
        if st.session_state.get("_url_unggahan"):
            pesan_unggahan_url()
            return None
        st.info(t("belum_ada_data"))
        st.page_link("tampilan/halaman/data.py", label=t("ke_data"), icon=":material/upload_file:")
        return None
    if not h.tahun or st.session_state.get("saring") is None:
        st.warning(t("data_kosong"))
        st.page_link("tampilan/halaman/data.py", label=t("ke_data"), icon=":material/upload_file:")
        return None
    return d, h


def pasang_contoh() -> mcsp_rules.Data:
    """Load the bundled sample into this session (the Data page's button and ``data=contoh`` links)."""
    d = muat_contoh()
    pasang_data(d, "contoh", [nama for nama, _ in sumber_contoh()])
    hasil()
    return d


# ------------------------------------------------------------------------------ the URL contract
def _nilai_url(q, kunci: str) -> str | None:
    v = q.get(kunci)
    v = v.strip() if isinstance(v, str) else None
    return v or None


def _daftar_url(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").split(",") if x.strip()]


def baca_url() -> None:
    """Read the link's parameters (tautan.PARAMETER) into the session before any widget is drawn.
    Only parameters that differ from what this session last wrote are applied: a page change (which
    drops the query string) or a person's own choice are not undone by an old URL."""
    q = st.query_params
    ditulis = st.session_state.get("_url_ditulis") or {}
    baru = {k: _nilai_url(q, k) for k in tautan.PARAMETER}
    ubah = {k: v for k, v in baru.items() if v is not None and v != ditulis.get(k)}
    if not ubah:
        return
    if ubah.get("bahasa") in BAHASA_SAH:
        st.session_state["bahasa"] = ubah["bahasa"]
    if "rapat" in ubah:
        st.session_state["rapat"] = ubah["rapat"] == "1"
    if ubah.get("data") == "contoh" and st.session_state.get("data_asal") != "contoh" and ada_contoh():
        with st.spinner(t("membaca_contoh")):
            pasang_contoh()
    if ubah.get("data") == "unggahan" and data() is None:
        st.session_state["_url_unggahan"] = True
    if "tahun" in ubah:
        try:
            st.session_state["f_tahun"] = int(ubah["tahun"])
        except ValueError:
            pass
    if "provinsi" in ubah:
        st.session_state["f_provinsi"] = ubah["provinsi"]
    if "pemda" in ubah:
        kode = _daftar_url(ubah["pemda"])
        st.session_state["f_pemda"] = kode
        if kode:
            st.session_state["pemda_profil"] = kode[0]
            st.session_state.pop("_w_profil", None)
    if "area" in ubah:
        st.session_state["f_area"] = _daftar_url(ubah["area"])
    # keep the filters through the language switch's label change
    st.session_state.pop("_filter_simpan", None)


def tulis_url(halaman: str | None = None) -> None:
    """Write the view back into the URL, so a copied link reopens it. On Profil the pemda shown is the
    one written (it is chosen on the page)."""
    nilai: dict[str, str | None] = {
        "data": {"contoh": "contoh", "unggahan": "unggahan"}.get(st.session_state.get("data_asal") or ""),
        "tahun": None, "provinsi": None, "pemda": None, "area": None,
        "bahasa": bahasa(), "rapat": "1" if rapat() else None,
    }
    if nilai["data"] is None and st.session_state.get("_url_unggahan"):
        nilai["data"] = "unggahan"
    s = st.session_state.get("saring")
    if s is not None:
        nilai["tahun"] = str(s.tahun) if s.tahun is not None else None
        nilai["provinsi"] = s.kode_provinsi
        pemda = list(s.pemda)
        if halaman == "profil" and st.session_state.get("pemda_profil"):
            pemda = [st.session_state["pemda_profil"]] + [k for k in pemda if k != st.session_state["pemda_profil"]]
        nilai["pemda"] = ",".join(pemda) or None
        nilai["area"] = ",".join(s.area) or None
    isi = {k: v for k, v in nilai.items() if v}
    st.session_state["_url_ditulis"] = isi
    if dict(st.query_params.to_dict()) != isi:
        st.query_params.from_dict(isi)


def pesan_unggahan_url() -> None:
    """A link to uploaded data reached a session without it: say so and offer the upload."""
    if st.session_state.get("_url_unggahan") and data() is None:
        st.warning(t("url_unggahan"), icon=":material/link_off:")
        st.page_link("tampilan/halaman/data.py", label=t("ke_data"), icon=":material/upload_file:")


# -------------------------------------------------------------------------------- sidebar filters
def _jaga(kunci: str, sah: list, banyak: bool = False) -> None:
    """Drop a stored widget value that the new options no longer contain (before the widget exists)."""
    if kunci not in st.session_state:
        return
    nilai = st.session_state[kunci]
    if banyak:
        bersih = [v for v in (nilai or []) if v in sah]
        if bersih != list(nilai or []):
            st.session_state[kunci] = bersih
    elif nilai not in sah:
        del st.session_state[kunci]


FILTER = ("f_tahun", "f_provinsi", "f_jenis", "f_pemda", "f_area", "aturan_pilih")


def simpan_filter() -> None:
    """Callback of the language switch. A selectbox/multiselect keeps its value as the label the
    browser showed, and labels change with the language; so the values are saved before the switch
    and put back (in the new labels) before the widgets are drawn again."""
    st.session_state["_filter_simpan"] = {k: st.session_state[k] for k in FILTER if k in st.session_state}


def pulihkan_filter() -> None:
    simpan = st.session_state.pop("_filter_simpan", None)
    if simpan:
        for k, v in simpan.items():
            st.session_state[k] = v


def ponsel() -> bool:
    """Whether the browser says it is a phone (its User-Agent)."""
    try:
        ua = st.context.headers.get("User-Agent", "") or ""
    except Exception:  # noqa: BLE001 - no request context
        return False
    return "Mobi" in ua or "Android" in ua or "iPhone" in ua


def filter_sidebar() -> an.Saring | None:
    """The filters, built once per run in dashboard.py; kept in session_state["saring"]."""
    h = hasil()
    if h is None or not h.tahun:
        st.session_state.pop("saring", None)
        return None
    pulihkan_filter()
    # on a phone an open sidebar covers the page and stays open after a choice: the filters go in a
    # folding box above the page instead (the sidebar keeps the pages, which close it when chosen)
    wadah = st.expander(t("filter"), icon=":material/filter_list:") if ponsel() else st.sidebar
    with wadah:
        if not ponsel():
            st.header(t("filter"))
        tahun_opsi = list(reversed(h.tahun))
        _jaga("f_tahun", tahun_opsi)
        tahun = st.selectbox(t("tahun"), tahun_opsi, key="f_tahun")

        prov = an.pilihan_provinsi(h, tahun)
        nama_prov = dict(prov)
        prov_opsi = [""] + [k for k, _ in prov]
        _jaga("f_provinsi", prov_opsi)
        # format functions read no session state: Streamlit may call them outside the script thread
        nama_prov[""] = t("semua_provinsi")
        kode_prov = st.selectbox(t("provinsi"), prov_opsi, key="f_provinsi", format_func=lambda k: nama_prov.get(k, k),
                                 filter_mode="contains")

        _jaga("f_jenis", list(JENIS), banyak=True)
        nama_jenis = {j: label_jenis(j) for j in JENIS}
        jenis = st.multiselect(t("jenis"), list(JENIS), key="f_jenis", format_func=lambda j: nama_jenis.get(j, j),
                               placeholder=t("semua"), select_all=False)

        dasar = an.Saring(tahun=tahun, kode_provinsi=kode_prov or None, jenis=tuple(jenis))
        pemda = an.pilihan_pemda(h, dasar)
        nama_pemda = label_pemda(dict(pemda))
        _jaga("f_pemda", [k for k, _ in pemda], banyak=True)
        # "contains": a search by code ("62.03") or by part of a name finds the pemda; no "Select all"
        # (Streamlit's own English words, with no option to translate them)
        pilih = st.multiselect(t("pemda"), [k for k, _ in pemda], key="f_pemda",
                               format_func=lambda k: nama_pemda.get(k, k), placeholder=t("semua"),
                               filter_mode="contains", select_all=False)

        area = an.pilihan_area(h, tahun)
        nama_area = {k: (n if bahasa() == "id" else e) for k, n, e in area}
        _jaga("f_area", list(nama_area), banyak=True)
        area_pilih = st.multiselect(t("area"), list(nama_area), key="f_area",
                                    format_func=lambda k: nama_area.get(k, k), placeholder=t("semua_area"),
                                    filter_mode="contains", select_all=False)
    saring = an.Saring(tahun=tahun, kode_provinsi=kode_prov or None, jenis=tuple(jenis), pemda=tuple(pilih),
                       area=tuple(area_pilih))
    st.session_state["saring"] = saring
    return saring


def pasang_pita() -> None:
    """Put the bands of the sidebar's year (``mcsp_pita``: a plugin may change them per year) where the
    charts read them (``grafik.pita_aktif``)."""
    h, s = hasil(), st.session_state.get("saring")
    st.session_state["_pita_aktif"] = h.registri.pita(s.tahun) if h is not None and s is not None and s.tahun else None


def saring() -> an.Saring:
    return st.session_state.get("saring") or an.Saring()


def rapat() -> bool:
    return bool(st.session_state.get("rapat", False))


def catatan_bobot(h: an.Hasil, tahun: int) -> None:
    """Say which area weights the numbers use, and whether they are the equal-weight assumption."""
    b = h.bobot.filter(h.bobot["tahun"] == tahun)
    if b.is_empty():
        return
    sumber = "; ".join(sorted(teks_sumber_bobot(x) for x in set(b["sumber_bobot"].to_list())))
    kunci = "bobot_asumsi" if b["bobot_asumsi"].any() else "bobot_resmi"
    st.caption(aman(t(kunci, sumber=sumber)))


def jumlah_pemda_data(h: an.Hasil, tahun: int | None) -> int:
    return h.wilayah.filter(pl.col("tahun") == tahun).height if tahun is not None else 0


def nasional(h: an.Hasil, tahun: int | None) -> bool:
    """Whether the year's data covers every pemda of the country (else "national" would mislead)."""
    from mcsp_rules.wilayah import daftar_wilayah

    return jumlah_pemda_data(h, tahun) >= daftar_wilayah().height


def t_nas(kunci: str, h: an.Hasil, tahun: int | None, **isi) -> str:
    """A text about national ranks or means: as it is when the data covers the country, else its
    ``_data`` variant ("among the N pemda in the data")."""
    if nasional(h, tahun):
        return t(kunci, **isi)
    return t(f"{kunci}_data", n=fmt(jumlah_pemda_data(h, tahun), 0), **isi)


def teks_sumber_bobot(sumber: str) -> str:
    """The built-in weight sources in the interface's language (plugins' own texts stay as written)."""
    for kunci in ("sumber_bobot_sama_rata", "sumber_bobot_tanpa_plugin"):
        if sumber == t_bahasa(kunci, "id"):
            return t(kunci)
    return sumber


def t_bahasa(kunci: str, b: str) -> str:
    from mcsp_rules import teks

    return teks.t(kunci, b)


def label_pemda(nama: dict[str, str]) -> dict[str, str]:
    """Labels "Kabupaten Kapuas (62.03)": the code is part of the label, so a search by code finds it."""
    return {k: t("pemda_label", nama=n, kode=k) for k, n in nama.items()}


def nama_area(h: an.Hasil, tahun: int | None) -> dict[str, str]:
    return {k: (n if bahasa() == "id" else e) for k, n, e in an.pilihan_area(h, tahun)}


# ------------------------------------------------------------------------------ tables, downloads
def _nama_file(teks: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", teks).strip("_")[:80] or "tabel"


def tabel(df: pl.DataFrame, nama: str, kolom: dict[str, str] | None = None, *, desimal: int = 2,
          batas: int = 5000, unduh: bool = True, tinggi: int | str = "auto", kunci: str | None = None,
          ribuan: Iterable[str] = (), sematkan: Iterable[str] = (), lebar: dict[str, str] | None = None) -> None:
    """A table as data (never HTML), numbers in the interface's format, and XLSX/CSV downloads of
    the whole table with the same column names (cells neutralised by mcsp_rules.io.ekspor).
    ``ribuan``: integer columns (by their original name) written with a thousands separator.
    ``sematkan``: key columns (original names) pinned at the left, so they stay in view when a
    person scrolls sideways; ``lebar``: column widths ("small", "medium", "large") by original name."""
    kolom = kolom or {}
    konfigurasi = {kolom.get(k, k): st.column_config.Column(pinned=True) for k in sematkan
                   if kolom.get(k, k) in df.rename({a: b for a, b in kolom.items() if a in df.columns}).columns}
    for k, w in (lebar or {}).items():
        nama = kolom.get(k, k)
        konfigurasi[nama] = st.column_config.Column(width=w, pinned=True if k in set(sematkan) else None)
    tampil = df.rename({k: v for k, v in kolom.items() if k in df.columns})
    ribuan = [kolom.get(k, k) for k in ribuan if kolom.get(k, k) in tampil.columns]
    total = tampil.height
    if total > batas:
        st.caption(t("cuplikan", n=fmt(batas, 0), total=fmt(total, 0)))
        tampil_layar = tampil.head(batas)
    else:
        tampil_layar = tampil
    # a column with no value at all (no previous year, say) is typed Null and would show "None"
    tampil_layar = tampil_layar.with_columns(pl.col(pl.Date).dt.to_string("%d/%m/%Y" if bahasa() == "id" else "%Y-%m-%d"), pl.col(pl.Null).cast(pl.Float64))
    # an empty text cell reads "–", never "None"
    tampil_layar = tampil_layar.with_columns(pl.col(pl.String).fill_null("–"))
    desimal_kol = [c for c, tp in tampil_layar.schema.items() if tp in (pl.Float64, pl.Float32)]
    if (desimal_kol or ribuan) and tampil_layar.height <= 3000:
        koma, titik = (",", ".") if bahasa() == "id" else (".", ",")
        gaya = tampil_layar.to_pandas().style.format(na_rep="–")
        if desimal_kol:
            gaya = gaya.format(precision=desimal, decimal=koma, thousands=titik, subset=desimal_kol, na_rep="–")
        if ribuan:
            gaya = gaya.format(precision=0, thousands=titik, subset=ribuan, na_rep="–")
        st.dataframe(gaya, hide_index=True, height=tinggi, key=kunci, column_config=konfigurasi or None)
    else:
        st.dataframe(tampil_layar, hide_index=True, height=tinggi, key=kunci, column_config=konfigurasi or None)
    if unduh:
        tombol_unduh_tabel(tampil, nama, kunci=kunci)


def tombol_unduh_tabel(df: pl.DataFrame, nama: str, kunci: str | None = None) -> None:
    berkas = _nama_file(nama)
    k = kunci or berkas
    c1, c2, _ = st.columns([1, 1, 3])
    with c1:
        st.download_button(t("unduh_xlsx"), data=lambda: ke_xlsx({"Data": df}), file_name=f"{berkas}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           on_click="ignore", key=f"xlsx_{k}", icon=":material/download:")
    with c2:
        st.download_button(t("unduh_csv"), data=lambda: ke_csv(df).encode("utf-8"), file_name=f"{berkas}.csv",
                           mime="text/csv", on_click="ignore", key=f"csv_{k}", icon=":material/download:")


def grafik(chart, nama: str, kunci: str | None = None) -> None:
    """An Altair chart with a PNG download (rendered by vl-convert only when clicked). It is shown
    through its Vega-Lite dict (``st.vega_lite_chart``), which is what ``st.altair_chart`` sends too."""
    from .grafik import spesifikasi

    spec = spesifikasi(chart, rapat(), layar=True)
    st.vega_lite_chart(spec=spec, width="stretch", theme=None)  # same look as the PNG export
    tombol_png(chart, nama, kunci)


def tombol_png(chart, nama: str, kunci: str | None = None, halaman: str | None = None) -> None:
    """The PNG download of a chart (its spec built and rendered by vl-convert only when clicked). The
    image travels on its own (WhatsApp, e-mail), so it carries the link of the view it came from
    (``halaman``, else the page being shown). ``chart``: the Altair chart, or a Vega-Lite dict."""
    from .bagikan import url_tampilan
    from .grafik import ke_png, spesifikasi
    from .telusur import dengan_tautan

    tautan = url_tampilan(halaman or st.session_state.get("_halaman_aktif") or "ringkasan")
    sedang_rapat, b = rapat(), bahasa()  # read now: the callback runs outside the script run

    def png() -> bytes:
        spec = chart if isinstance(chart, dict) else spesifikasi(chart, sedang_rapat, bahasa_=b)
        return ke_png(dengan_tautan(spec, tautan))

    berkas = _nama_file(nama)
    st.download_button(t("unduh_png"), data=png, file_name=f"{berkas}.png", mime="image/png",
                       on_click="ignore", key=f"png_{kunci or berkas}", icon=":material/image:")


def aman_jalankan(fungsi: Callable[[], None]) -> None:
    """Run a page body; an unexpected error shows one sentence instead of a traceback."""
    from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

    try:
        fungsi()
    except ScriptControlException:  # st.rerun / st.stop / page switches are control flow
        raise
    except Exception:  # noqa: BLE001
        log.exception("halaman gagal")
        st.error(t("gagal_umum"))


def batas_mb() -> int:
    return BATAS.ukuran_mb
