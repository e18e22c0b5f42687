"""The Tren page through streamlit.testing.v1.AppTest, against a real DuckDB file in tmp_path
(MCSP_DATABASE_URL): save uploaded data as dated snapshots, list and delete them, the numbers the page
shows are mcsp_rules.riwayat.tren's, an identical file is recognised, the pace section projects to the
deadline, and a store that cannot be opened gives one sentence, never a traceback."""

from __future__ import annotations

import re
from datetime import date

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest
from test_dashboard import AKAR, APP, buka, metrik, tanpa_galat
from test_store import baris_rincian, server_postgres  # noqa: F401 - the PostgreSQL fixture, for kode_tersimpan

from mcsp_rules.format import angka
from mcsp_rules.riwayat import tren
from mcsp_rules.riwayat.store import Store

KALTENG = ["62"] + [f"62.{i:02d}" for i in range(1, 14)] + ["62.71"]
TREN = "tampilan/halaman/tren.py"
DATA = "tampilan/halaman/data.py"


def rincian_minggu(minggu: int, tahun: int = 2025, kode: list[str] = KALTENG) -> bytes:
    """A Kalimantan Tengah detail export in week ``minggu`` (test_store.baris_rincian: three more documents
    accepted each week), as CSV bytes."""
    return pl.DataFrame(baris_rincian(minggu, kode, tahun)).write_csv().encode("utf-8")


MINGGU = {  # file name (with its date) → content
    "kalteng_2025-10-13.csv": rincian_minggu(0),
    "kalteng_2025-10-20.csv": rincian_minggu(1),
}


@pytest.fixture
def url(tmp_path, monkeypatch) -> str:
    u = f"duckdb://{tmp_path}/tren/mcsp.duckdb"
    monkeypatch.setenv("MCSP_DATABASE_URL", u)
    monkeypatch.setenv("MCSP_DUCKDB_LEPAS_DETIK", "0")
    return u


def baru() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    return at


def unggah(at: AppTest, nama: str) -> AppTest:
    if at.title[0].value != "Data: unggah dan periksa":
        buka(at, DATA)
    at.file_uploader[0].set_value([(nama, MINGGU[nama], "text/csv")])
    at.run()
    tanpa_galat(at)
    return at


def polos(teks: str) -> str:
    """Markdown-escaped page text (views.umum.aman) as a person reads it."""
    return re.sub(r"\\(.)", r"\1", teks)


def tanggal_snapshot(at: AppTest):
    return next(d for d in at.date_input if d.label == "Tanggal snapshot")


def simpan(at: AppTest) -> AppTest:
    at.button(key="tren_simpan").click()
    at.run()
    tanpa_galat(at)
    return at


def dokumen_diterima(at: AppTest) -> tuple[str, str]:
    """The accepted-documents metric as a person reads it: the count, and its share of the required ones."""
    m = next(m for m in at.metric if m.label == "Dokumen diterima")
    return m.value, m.delta


def harap_dokumen(diterima: int, wajib: int) -> tuple[str, str]:
    return angka(diterima, "id", 0), f"{angka(100 * diterima / wajib, 'id', 1)}% dari {angka(wajib, 'id', 0)} wajib"


def tabel_dengan(at: AppTest, kolom: str):
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def dua_snapshot(at: AppTest) -> AppTest:
    for nama in MINGGU:
        unggah(at, nama)
        buka(at, TREN)
        tanpa_galat(at)
        # the date comes from the file name
        assert tanggal_snapshot(at).value == date.fromisoformat(nama[8:18])
        simpan(at)
        assert any("disimpan" in s.value for s in at.success), [s.value for s in at.success]
    return at


def test_simpan_daftar_tren_dan_laju(url):
    at = baru()
    buka(at, TREN)
    tanpa_galat(at)
    assert any("Belum ada data" in i.value for i in at.info)  # nothing to save yet
    assert any("Belum ada snapshot" in i.value for i in at.info)
    assert any(f"{url} (duckdb)" in polos(c.value) for c in at.caption)

    dua_snapshot(at)
    store = Store(url)
    daftar = store.daftar()
    assert daftar["tanggal"].to_list() == [date(2025, 10, 13), date(2025, 10, 20)]
    assert daftar["nama_file"].to_list() == list(MINGGU)
    tabel = tabel_dengan(at, "Baris rincian")
    assert list(tabel["Tanggal"]) == ["13/10/2025", "20/10/2025"] and len(tabel) == 2  # dates as Indonesians write them
    assert all(p.startswith("os:") for p in tabel["Pengguna"])  # who imported (single-user mode: the OS user)

    # the province (default: the only one stored): the numbers are mcsp_rules.riwayat.tren's
    riw = store.riwayat("62", tahun=2025)
    prov = tren.indeks_provinsi(riw)
    m = metrik(at)
    assert m["Indeks provinsi"] == angka(prov["indeks"][-1], "id")
    assert m["Snapshot terakhir"] == "20/10/2025"
    dok = tren.dokumen(riw, "provinsi")
    assert dokumen_diterima(at) == harap_dokumen(dok["diterima"][-1], dok["dokumen_wajib"][-1])
    harap = tren.tabel_tren(riw, tahun=2025)
    per_tanggal = tabel_dengan(at, "Dokumen wajib")
    assert list(per_tanggal["Tanggal"]) == ["13/10/2025", "20/10/2025"]
    assert list(per_tanggal["Diterima"]) == harap["diterima"].to_list()
    assert [round(x, 9) for x in per_tanggal["Indeks"]] == [round(x, 9) for x in harap["indeks"].to_list()]
    assert len(at.get("vega_lite_chart")) >= 5  # index, areas, documents, bands, most improved, projections

    # most improved this week: every pemda gained three documents
    naik = tabel_dengan(at, "Tambahan diterima")
    assert len(naik) == 15 and set(naik["Tambahan diterima"]) == {3}
    harap_naik = tren.paling_naik(tren.indeks_wilayah(riw), tren.dokumen(riw, "wilayah"), n=None)
    assert list(naik["Kode"]) == harap_naik["kode_wilayah"].to_list()

    # pace: the default deadline is the next 30 November; a projection and the pemda at risk are shown
    tenggat = next(d for d in at.date_input if d.label == "Tenggat")
    assert tenggat.value == date(2025, 11, 30)
    laju = tren.laju_provinsi(riw, date(2025, 11, 30), target_indeks=75.0, target_dokumen=1.0, tahun=2025)
    assert m["Proyeksi indeks 30/11/2025"] == angka(laju["proyeksi_indeks"][0], "id")
    assert m["Dokumen/minggu untuk 720 diterima"] == angka(laju["perlu_dokumen_per_minggu"][0], "id", 1)
    semua = tren.laju_wilayah(riw, date(2025, 11, 30), target_indeks=75.0, target_dokumen=1.0, tahun=2025)
    n = int(semua["berisiko"].sum())
    assert m["Pemda berisiko di Kalimantan Tengah"] == f"{n} dari 15"
    assert n > 0 and len(tabel_dengan(at, "Perlu dokumen/minggu")) == n
    # a later deadline and a lower target: fewer at risk
    tenggat.set_value(date(2026, 6, 30))
    at.number_input(key="tren_target").set_value(40.0)
    at.run()
    tanpa_galat(at)
    santai = tren.laju_wilayah(riw, date(2026, 6, 30), target_indeks=40.0, target_dokumen=1.0, tahun=2025)
    assert metrik(at)["Pemda berisiko di Kalimantan Tengah"] == f"{int(santai['berisiko'].sum())} dari 15"
    assert int(santai["berisiko"].sum()) < n

    # one pemda: its own index over time
    at.radio(key="tren_tingkat").set_value("wilayah")
    at.run()
    at.selectbox(key="tren_pemda").set_value("62.03")
    at.run()
    tanpa_galat(at)
    satu = tren.indeks_wilayah(store.riwayat("62.03", tingkat="wilayah", tahun=2025))
    assert polos(at.header[0].value) == f"{satu['nama_wilayah'][0]} · 2025"
    assert metrik(at)["Indeks (IPKD)"] == angka(satu["indeks"][-1], "id")


def test_simpan_ulang_dikenali_dan_hapus(url):
    at = dua_snapshot(baru())
    # the same file with its own date again: recognised, not stored twice
    simpan(at)
    assert any("sudah tersimpan sebagai snapshot #2" in polos(i.value) for i in at.info), [i.value for i in at.info]
    assert Store(url).daftar().height == 2
    # the same content a week later: a week without progress is a point of the trend, not a duplicate
    tanggal_snapshot(at).set_value(date(2025, 10, 27))
    at.run()
    simpan(at)
    assert any("sama dengan snapshot #2" in polos(s.value) for s in at.success), [s.value for s in at.success]
    assert Store(url).daftar()["tanggal"].to_list() == [date(2025, 10, 13), date(2025, 10, 20), date(2025, 10, 27)]
    # other content for the same pemda and an existing date: never saved silently
    unggah(at, "kalteng_2025-10-13.csv")
    buka(at, TREN)
    tanggal_snapshot(at).set_value(date(2025, 10, 27))
    at.run()
    assert any("Sudah ada snapshot bertanggal 27/10/2025" in polos(w.value) for w in at.warning)
    simpan(at)
    assert any("setujui" in polos(e.value) for e in at.error) and Store(url).daftar().height == 3
    next(c for c in at.checkbox if c.label.startswith("Ya, simpan sebagai snapshot kedua")).check()
    at.run()
    simpan(at)
    assert any("Perhatian: snapshot #3" in polos(w.value) for w in at.warning) and Store(url).daftar().height == 4
    Store(url).hapus(4, final=True)
    Store(url).hapus(3, final=True)

    # delete: needs the confirmation first
    at.selectbox(key="tren_hapus_id").set_value(1)
    at.run()
    assert at.button(key="tren_hapus").disabled
    next(c for c in at.checkbox if c.label.startswith("Ya, hapus")).check()
    at.run()
    at.button(key="tren_hapus").click()
    at.run()
    tanpa_galat(at)
    assert any("Snapshot #1 tanggal 13/10/2025 dihapus" in polos(s.value) for s in at.success)
    assert Store(url).daftar()["id"].to_list() == [2]
    assert list(tabel_dengan(at, "Baris rincian")["Tanggal"]) == ["20/10/2025"]
    # one date left: no "most improved" yet, and the pace says it needs more snapshots
    assert any("setidaknya dua tanggal" in c.value for c in at.caption)
    assert not next(c for c in at.checkbox if c.label.startswith("Ya, hapus")).value


def test_halaman_dalam_bahasa_inggris(url):
    at = dua_snapshot(baru())
    at.sidebar.radio(key="bahasa").set_value("en")
    at.run()
    tanpa_galat(at)
    assert at.title[0].value == "Trends: progress week by week"
    m = metrik(at)
    assert "." in m["Province index"]  # 30.09, the English way
    assert "Projected index 2025-11-30" in m


@pytest.mark.parametrize("salah", ["postgresql://nobody:rahasia@127.0.0.1:1/x", "mysql://x/y", "berkas"])
def test_store_tidak_dapat_dibuka(salah, tmp_path, monkeypatch):
    if salah == "berkas":  # the database folder would have to be inside a plain file
        (tmp_path / "bukan_folder").write_text("x")
        salah = f"duckdb://{tmp_path}/bukan_folder/mcsp.duckdb"
    monkeypatch.setenv("MCSP_DATABASE_URL", salah)
    at = baru()
    buka(at, TREN)
    tanpa_galat(at)
    galat = [polos(e.value) for e in at.error]
    assert any("tidak dapat dibuka" in e for e in galat), galat
    assert not any("rahasia" in e or "Traceback" in e for e in galat)
    assert any("MCSP_DATABASE_URL" in polos(c.value) for c in at.caption)


def test_grafik_tren_valid(url):
    """Every chart of the page is valid Vega-Lite (the page skips Altair's validation for speed) and
    renders to PNG, with and without a projection."""
    from tampilan.komponen import cakupan_tren, grafik
    from tampilan.komponen import grafik_tren as halaman_tren
    store = Store(url)
    for nama, isi in MINGGU.items():
        store.impor([(nama, isi)])
    riw = store.riwayat("62", tahun=2025)
    prov = tren.indeks_provinsi(riw)
    laju = tren.laju_provinsi(riw, date(2025, 11, 30), target_indeks=75.0).row(0, named=True)
    proyeksi = pl.DataFrame({"tanggal": [laju["tanggal_terakhir"], date(2025, 11, 30)],
                             "indeks": [laju["indeks"], laju["proyeksi_indeks"]]})
    wil = tren.indeks_wilayah(riw)
    semua = [
        halaman_tren.grafik_indeks(prov, "a", False),
        halaman_tren.grafik_indeks(prov, "a", True, proyeksi, 75.0),
        halaman_tren.grafik_area(tren.skor_area(riw, "provinsi"), "b", False),
        halaman_tren.grafik_dokumen(tren.dokumen(riw, "provinsi"), "c", False),
        halaman_tren.grafik_sebaran(tren.sebaran_kategori(wil), "d", False),
        halaman_tren.grafik_naik(tren.paling_naik(wil, tren.dokumen(riw, "wilayah")), "e", False),
        halaman_tren.grafik_dokumen_laju(tren.dokumen(riw, "provinsi"), laju, "f", False),
    ]
    for g in semua:
        g.to_dict(validate=True)
    png = grafik.ke_png(grafik.spesifikasi(semua[1], rapat=True))
    assert png[:4] == b"\x89PNG" and len(png) > 5000
    assert cakupan_tren.tenggat_bawaan(date(2025, 10, 20)) == date(2025, 11, 30)
    assert cakupan_tren.tenggat_bawaan(date(2025, 12, 1)) == date(2026, 11, 30)


def test_ringkasan_kalteng_jumlah_dokumen_yang_dilaporkan(url):
    """A summary export (Kalimantan Tengah, October 2025: 660 required, 301 accepted) saved as a
    snapshot: the page shows the reported document counts and the deadline of 30 November 2025."""
    file = AKAR / "sample_data" / "ringkasan_kalteng_2025.csv"
    at = baru()
    at.file_uploader[0].set_value([(file.name, file.read_bytes(), "text/csv")])
    at.run()
    buka(at, TREN)
    tanggal_snapshot(at).set_value(date(2025, 10, 24))
    at.run()
    simpan(at)
    tanpa_galat(at)
    # the province level sums the documents of all 15 pemda; the provincial government is one of them
    dok = tren.dokumen(Store(url).riwayat("62"), "provinsi")
    assert dokumen_diterima(at) == harap_dokumen(dok["diterima"][0], dok["dokumen_wajib"][0])
    at.radio(key="tren_tingkat").set_value("wilayah")
    at.run()
    assert at.selectbox(key="tren_pemda").value == "62"
    m = metrik(at)
    assert dokumen_diterima(at) == ("301", "45,6% dari 660 wajib")  # the Kalimantan Tengah article's numbers
    assert m["Snapshot terakhir"] == "24/10/2025"
    assert next(d for d in at.date_input if d.label == "Tenggat").value == date(2025, 11, 30)
    # one snapshot: the pace is unknown, shown as unknown (no projection), and unknown is not safe
    assert any("belum diketahui (baru satu snapshot)" in polos(w.value) for w in at.warning)
    assert m["Proyeksi indeks 30/11/2025"] == "–"
    assert not any("Tidak ada pemda yang berisiko" in s.value for s in at.success)


def test_satu_snapshot_laju_tidak_diketahui_bukan_aman(url):
    """Issue 14, item 3: with one snapshot the pace cannot be computed; the pemda below the target are
    counted at risk from their level (not "0 of 15 at risk" in green), and the page says why."""
    at = baru()
    unggah(at, "kalteng_2025-10-13.csv")
    buka(at, TREN)
    simpan(at)
    tanpa_galat(at)
    semua = tren.laju_wilayah(Store(url).riwayat("62", tahun=2025), date(2025, 11, 30), target_indeks=75.0,
                              target_dokumen=1.0, tahun=2025)
    assert semua.height == 15 and semua["berisiko"].all() and not semua["laju_diketahui"].any()
    assert semua["proyeksi_indeks"].null_count() == 15
    assert metrik(at)["Pemda berisiko di Kalimantan Tengah"] == "15 dari 15"
    assert any("15 di antaranya dinilai dari tingkatnya" in w.value for w in at.warning)
    assert not any("Tidak ada pemda yang berisiko" in s.value for s in at.success)
    assert metrik(at)["Proyeksi indeks 30/11/2025"] == "–"


@pytest.mark.skipif(not (AKAR / "sample_data" / "rincian_nasional_2025.csv").exists(), reason="sample_data/ not generated")
def test_contoh_nasional_mengikuti_filter_sidebar(url):
    at = baru()
    next(b for b in at.button if b.label == "Pakai data contoh nasional").click()
    at.run()
    at.sidebar.selectbox(key="f_provinsi").set_value("62")
    at.run()
    at.sidebar.multiselect(key="f_pemda").set_value(["62.71"])
    at.run()
    buka(at, TREN)
    simpan(at)
    assert any("disimpan" in s.value for s in at.success)
    # the sidebar's year, province and pemda are the defaults here
    assert at.selectbox(key="tren_tahun").value == 2025
    assert at.selectbox(key="tren_tahun").options == ["2025", "2024", "2023"]
    assert at.radio(key="tren_tingkat").value == "wilayah"
    assert at.selectbox(key="tren_provinsi").value == "62" and at.selectbox(key="tren_pemda").value == "62.71"
    riw = Store(url).riwayat("62.71", tingkat="wilayah", tahun=2025)
    assert metrik(at)["Indeks (IPKD)"] == angka(tren.indeks_wilayah(riw)["indeks"][0], "id")
    # another year of the same snapshot: 2023 has its own areas
    at.selectbox(key="tren_tahun").set_value(2023)
    at.run()
    tanpa_galat(at)
    area = tabel_dengan(at, "Skor PERIZINAN")
    assert len(area) == 1


def test_tingkat_nasional(url):
    """With two provinces stored, the page opens on the whole country: the mean index of every pemda,
    all their documents, and the pemda at risk across provinces, as mcsp_rules.riwayat.tren computes them."""
    store = Store(url)
    jateng = ["33", "33.01", "33.02", "33.71"]
    for m, tanggal in enumerate(["2025-10-13", "2025-10-20"]):
        store.impor([(f"kalteng_{tanggal}.csv", rincian_minggu(m)),
                     (f"jateng_{tanggal}.csv", rincian_minggu(2 * m, kode=jateng))], tanggal=tanggal)
    at = baru()
    buka(at, TREN)
    tanpa_galat(at)
    assert at.radio(key="tren_tingkat").value == "nasional"
    assert not any(s.key == "tren_provinsi" for s in at.selectbox)  # no province to choose for the country
    assert polos(at.header[0].value) == "Indonesia · 2025"
    riw = store.riwayat(None, tingkat="nasional", tahun=2025)
    negeri = tren.indeks_provinsi(riw, nasional=True)
    m = metrik(at)
    assert m["Indeks nasional"] == angka(negeri["indeks"][-1], "id")
    dok = tren.dokumen(riw, "nasional")
    assert dokumen_diterima(at) == harap_dokumen(dok["diterima"][-1], dok["dokumen_wajib"][-1])
    assert dok["dokumen_wajib"][-1] == 48 * 19
    semua = tren.laju_wilayah(riw, date(2025, 11, 30), target_indeks=75.0, target_dokumen=1.0, tahun=2025)
    assert m["Pemda berisiko di Indonesia"] == f"{int(semua['berisiko'].sum())} dari 19"
    assert set(tabel_dengan(at, "Perlu dokumen/minggu")["Provinsi"]) <= {"Kalimantan Tengah", "Jawa Tengah"}
    naik = tabel_dengan(at, "Tambahan diterima")  # Jawa Tengah's pemda gained six documents, Kalteng's three
    assert len(naik) == 19 and list(naik["Tambahan diterima"][:4]) == [6] * 4
    # the province level still works from here
    at.radio(key="tren_tingkat").set_value("provinsi")
    at.run()
    at.selectbox(key="tren_provinsi").set_value("33")
    at.run()
    tanpa_galat(at)
    assert polos(at.header[0].value) == "Jawa Tengah · 2025"
    assert metrik(at)["Pemda berisiko di Jawa Tengah"].endswith("dari 4")


def test_tampilan_rapat_tanpa_tabel(url):
    at = dua_snapshot(baru())
    at.sidebar.toggle(key="rapat").set_value(True)
    at.run()
    tanpa_galat(at)
    assert not at.dataframe and len(at.get("vega_lite_chart")) >= 6
    assert "Pemda berisiko di Kalimantan Tengah" in metrik(at)
    assert not any(b.key == "tren_simpan" for b in at.button)  # no bookkeeping at a meeting


@pytest.mark.parametrize("backend", ["duckdb", "postgresql"])
def test_kode_tersimpan_kedua_backend(backend, tmp_path, request):
    """What the page offers to choose comes from Store.kode_tersimpan, on both backends."""
    if backend == "duckdb":
        u = f"duckdb://{tmp_path}/kode.duckdb"
    else:
        import uuid

        import psycopg

        dasar = request.getfixturevalue("server_postgres")
        nama = f"uji_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
            c.execute(f"CREATE DATABASE {nama}")
        u = f"{dasar}/{nama}"
    store = Store(u)
    assert store.kode_tersimpan().is_empty()
    store.impor([("kalteng_2025-10-13.csv", MINGGU["kalteng_2025-10-13.csv"])])
    store.impor(AKAR / "sample_data" / "ringkasan_kalteng_2025.csv", tanggal="2025-10-24")
    k = store.kode_tersimpan()
    assert k["kode_wilayah"].to_list() == sorted(KALTENG) and set(k["tahun"]) == {2025}


def test_tamu_tidak_dapat_mengubah_apa_pun(url, tmp_path):
    """With login configured ([auth] in the secrets) and nobody logged in: the snapshots and the trend are
    visible, but there is no save, delete, restore or audit trail, and no store location; the sidebar
    offers a login. Without [auth] (every other test here) the sidebar says single-user mode."""
    file = tmp_path / "kalteng_2025-10-13.csv"
    file.write_bytes(MINGGU[file.name])
    Store(url).impor(file, tanggal="2025-10-13")
    at = AppTest.from_file(APP, default_timeout=240)
    at.secrets["auth"] = {"client_id": "x", "client_secret": "y", "redirect_uri": "http://localhost:8501/oauth2callback",
                          "cookie_secret": "z", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
    at.run()
    unggah(at, "kalteng_2025-10-20.csv")
    buka(at, TREN)
    tanpa_galat(at)
    assert not [b for b in at.button if b.key == "tren_simpan"]
    assert not [b for b in at.button if b.key in ("tren_hapus", "tren_pulihkan")]
    assert any(b.label == "Masuk" for b in at.button)
    assert any("Masuk dulu" in i.value for i in at.info)
    assert not any(url in polos(c.value) for c in at.caption)
    assert not any("Mode satu pengguna" in c.value for c in at.sidebar.caption)
    assert list(tabel_dengan(at, "Baris rincian")["Tanggal"]) == ["13/10/2025"]  # still visible


def test_mode_satu_pengguna_disebut(url):
    at = baru()
    assert any("Mode satu pengguna" in c.value for c in at.sidebar.caption)


def test_hapus_pulihkan_dan_jejak_audit(url):
    """Single-user mode (no [auth]): the person is admin: a deleted snapshot is listed as restorable,
    comes back with one click, and the audit trail shows the imports, the delete and the restore."""
    at = dua_snapshot(baru())
    at.selectbox(key="tren_hapus_id").set_value(1)
    next(c for c in at.checkbox if c.label.startswith("Ya, hapus")).check()
    at.run()
    at.button(key="tren_hapus").click()
    at.run()
    tanpa_galat(at)
    assert Store(url).daftar()["id"].to_list() == [2]
    assert at.selectbox(key="tren_pulihkan_id").value == 1
    at.button(key="tren_pulihkan").click()
    at.run()
    tanpa_galat(at)
    assert any("Snapshot #1 tanggal 13/10/2025 dipulihkan" in polos(s.value) for s in at.success)
    assert Store(url).daftar()["id"].to_list() == [1, 2]
    audit = tabel_dengan(at, "Aksi")
    assert list(audit["Aksi"]) == ["pulihkan", "hapus", "impor", "impor"]
    assert list(audit["Objek"]) == ["snapshot #1", "snapshot #1", "snapshot #2", "snapshot #1"]
    assert len(set(audit["Pengguna"])) == 1 and list(audit["Pengguna"])[0].startswith("os:")
