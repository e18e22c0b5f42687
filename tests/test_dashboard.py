"""The dashboard through streamlit.testing.v1.AppTest: every page with the bundled national sample
and with an uploaded file, the language switch, filters that persist, bad files, session isolation,
and the static safety rules (no HTML from user text, deployment settings)."""

from __future__ import annotations

import io
import re
import tomllib
import zipfile
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest
from test_analisis import KALTENG, buat_rincian

from tampilan.komponen.umum import contoh_skala_nyata

AKAR = Path(__file__).resolve().parent.parent
APP = str(AKAR / "dashboard.py")
CONTOH = AKAR / "sample_data"
ADA_CONTOH = (CONTOH / "rincian_nasional_2024.csv").exists() and (CONTOH / "rincian_nasional_2025.csv").exists()
HALAMAN = {
    "tampilan/halaman/data.py": "Data: unggah dan periksa",
    "tampilan/halaman/ringkasan.py": "Ringkasan",
    "tampilan/halaman/profil.py": "Profil wilayah",
    "tampilan/halaman/bandingkan.py": "Bandingkan pemda",
    "tampilan/halaman/aturan.py": "Aturan",
}
GAGAL_UMUM = "tidak dapat diproses"


def baru() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    return at


def buka(at: AppTest, halaman: str) -> AppTest:
    """Switch page; AppTest keeps the old page's elements until a second run, as the browser
    would drop them at the end of the first."""
    at.switch_page(halaman)
    at.run()
    at.run()
    return at


def tanpa_galat(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not [e.value for e in at.error if GAGAL_UMUM in e.value or "could not be processed" in e.value]


def metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def unggah(at: AppTest, berkas: list[tuple[str, bytes]]) -> AppTest:
    at.file_uploader[0].set_value([(n, b, "text/csv") for n, b in berkas])
    at.run()
    return at


@pytest.fixture(scope="module")
def csv_kalteng() -> list[tuple[str, bytes]]:
    return [
        ("kalteng_2024.csv", buat_rincian(2024, KALTENG, seed=3).encode("utf-8")),
        ("kalteng_2025.csv", buat_rincian(2025, KALTENG, seed=4, pemisah=";", rusak=True).encode("utf-8")),
    ]


# ------------------------------------------------------------------------------------ no data yet
def test_tanpa_data_setiap_halaman_memandu_ke_data():
    at = baru()
    tanpa_galat(at)
    assert at.title[0].value == HALAMAN["tampilan/halaman/data.py"]
    assert at.file_uploader[0].accept_multiple_files
    assert set(at.file_uploader[0].allowed_type) == {".csv", ".xlsx"}
    assert "maks. 100 MB per file" in at.file_uploader[0].label  # the default of mcsp_rules/batas.py
    for h in ("tampilan/halaman/ringkasan.py", "tampilan/halaman/profil.py", "tampilan/halaman/bandingkan.py"):
        buka(at, h)
        tanpa_galat(at)
        assert any("Belum ada data" in i.value for i in at.info)
    buka(at, "tampilan/halaman/aturan.py")
    tanpa_galat(at)
    assert any("Tahun yang didukung" in x.value for x in at.text)
    assert at.dataframe, "the rules page lists plugins and areas without any data loaded"


# --------------------------------------------------------------------------------- uploaded files
def test_unggah_laporan_validasi(csv_kalteng):
    at = unggah(baru(), csv_kalteng)
    tanpa_galat(at)
    m = metrik(at)
    # 2024: 15 × 48 rows; 2025: 15 × 48 + 3 bad rows (set aside), read = used + set aside
    assert m["Baris dibaca"] == "1.443"
    assert m["Baris dipakai"] == "1.440"
    assert m["Baris disisihkan"] == "3"
    assert any("dibaca = dipakai + disisihkan" in s.value for s in at.success)
    teks = [x.value for x in at.text]
    assert any(x.startswith("kalteng_2025.csv — rincian: 723 baris dibaca, 720 dipakai, 3 disisihkan") for x in teks)
    # the findings table carries file, row, column, value, problem and fix; the HTML payload is a value
    temuan = [d.value for d in at.dataframe]
    semua = next(df for df in temuan if "Cara memperbaiki" in df.columns and "Baris" in df.columns)
    assert {"File", "Baris", "Kolom", "Nilai", "Masalah", "Cara memperbaiki"} <= set(semua.columns)
    kode = semua[semua["Kolom"] == "kode_wilayah"]
    assert "<script>alert(1)</script>" in set(kode["Nilai"])
    assert set(kode["Baris"]) == {15 * 48 + 2}  # header is row 1
    sisih = next(df for df in temuan if "Alasan" in df.columns)
    assert len(sisih) == 3
    assert any(b.label == "Unduh laporan (XLSX)" for b in at.get("download_button"))
    # the sidebar filters exist once data is loaded
    assert at.sidebar.selectbox(key="f_tahun").value == 2025
    assert at.sidebar.selectbox(key="f_tahun").options == ["2025", "2024"]


def test_unggah_semua_halaman(csv_kalteng):
    at = unggah(baru(), csv_kalteng)
    buka(at, "tampilan/halaman/ringkasan.py")
    tanpa_galat(at)
    assert at.title[0].value == "Ringkasan 2025"
    m = metrik(at)
    assert re.fullmatch(r"\d{1,3},\d\d", m["Rata-rata indeks"]), m
    assert m["Kategori"] in {"Merah", "Kuning", "Biru", "Hijau"}
    assert m["Jumlah pemda"] == "15"
    assert any(x.value.startswith(("Merah (", "Kuning (")) for x in at.text)
    assert len(at.get("vega_lite_chart")) >= 6
    peringkat = next(d.value for d in at.dataframe if "Peringkat" in d.value.columns)
    assert len(peringkat) == 15 and list(peringkat["Peringkat"])[:2] == [1, 2]
    assert set(peringkat["Kategori"]) <= {"Merah", "Kuning", "Biru", "Hijau"}

    buka(at, "tampilan/halaman/profil.py")
    tanpa_galat(at)
    m = metrik(at)
    assert re.fullmatch(r"\d{1,3},\d\d", m["Indeks (IPKD)"])
    assert re.fullmatch(r"\d+ dari 15", m["Peringkat di provinsi"])
    # one province is not the country: no "national" rank or mean out of a partial upload
    assert "Peringkat nasional" not in m
    assert re.fullmatch(r"\d+ dari 15", m["Peringkat di antara 15 pemda dalam data"])
    assert not [x for x in at.info if "nasional" in x.value]
    assert not [d for d in at.dataframe if "Rata-rata nasional" in d.value.columns]
    assert any("Rata-rata 15 pemda dalam data" in d.value.columns for d in at.dataframe)
    assert at.header[0].value == "Provinsi Kalimantan Tengah"
    celah = next(d.value for d in at.dataframe if "Kenaikan indeks" in d.value.columns and "Usaha" in d.value.columns)
    # what the pemda can do comes first, largest gain first; then what waits on KPK's verifier
    assert list(celah.columns[:2]) == ["Uraian", "Kenaikan indeks"]
    pihak = list(celah["Siapa bertindak"])
    assert pihak == sorted(pihak, key=["Pemda (unggah/perbaiki)", "Menunggu verifikator KPK"].index)
    sendiri = list(celah[celah["Siapa bertindak"] == "Pemda (unggah/perbaiki)"]["Kenaikan indeks"])
    assert sendiri == sorted(sendiri, reverse=True) and len(sendiri) > 0
    assert set(celah[celah["Siapa bertindak"] == "Menunggu verifikator KPK"]["Status"]) <= {"Proses verifikasi"}
    at.selectbox(key="_w_profil").set_value("62.71")
    at.run()
    assert at.header[0].value == "Kota Palangkaraya"

    buka(at, "tampilan/halaman/bandingkan.py")
    tanpa_galat(at)
    # starts with the profile's pemda against the best of its province
    awal = at.multiselect(key="_w_banding").value
    assert len(awal) == 2 and awal[0] == "62.71"
    at.multiselect(key="_w_banding").set_value(["62"])
    at.run()
    assert any("setidaknya dua" in i.value for i in at.info)
    at.multiselect(key="_w_banding").set_value(["62", "62.71", "62.01"])
    at.run()
    tanpa_galat(at)
    assert set(metrik(at)) == {"Provinsi Kalimantan Tengah", "Kota Palangkaraya", "Kabupaten Kotawaringin Barat"}
    lebar = next(d.value for d in at.dataframe if "Kota Palangkaraya" in d.value.columns)
    assert len(lebar) == 8

    buka(at, "tampilan/halaman/aturan.py")
    tanpa_galat(at)
    assert any("2024, 2025" in x.value for x in at.text)


def test_filter_bertahan_antar_halaman(csv_kalteng):
    at = unggah(baru(), csv_kalteng)
    at.sidebar.selectbox(key="f_tahun").set_value(2024)
    at.sidebar.multiselect(key="f_jenis").set_value(["kabupaten"])
    at.run()
    buka(at, "tampilan/halaman/ringkasan.py")
    assert at.title[0].value == "Ringkasan 2024"
    assert metrik(at)["Jumlah pemda"] == "13"
    buka(at, "tampilan/halaman/profil.py")
    assert at.sidebar.selectbox(key="f_tahun").value == 2024
    assert at.sidebar.multiselect(key="f_jenis").value == ["kabupaten"]
    # nothing chosen: no arbitrary first pemda, a prompt; only kabupaten are offered
    assert at.selectbox(key="_w_profil").value is None
    assert any("untuk melihat profilnya" in i.value for i in at.info)
    assert all(re.search(r"\(62\.[01]\d\)$", k) for k in at.selectbox(key="_w_profil").options)
    at.sidebar.multiselect(key="f_pemda").set_value(["62.05"])
    at.run()
    buka(at, "tampilan/halaman/ringkasan.py")
    assert metrik(at)["Jumlah pemda"] == "1"
    assert "Indeks (IPKD)" in metrik(at)  # one pemda: its own index, not a mean
    buka(at, "tampilan/halaman/profil.py")
    assert at.header[0].value == "Kabupaten Barito Utara"
    at.sidebar.multiselect(key="f_area").set_value(["PBJ"])
    at.run()
    tanpa_galat(at)
    area = next(d.value for d in at.dataframe if "Rata-rata provinsi" in d.value.columns)
    assert list(area["Area"]) == ["PBJ"]


def test_bahasa_inggris_dan_angka(csv_kalteng):
    at = unggah(baru(), csv_kalteng)
    buka(at, "tampilan/halaman/ringkasan.py")
    indeks_id = metrik(at)["Rata-rata indeks"]
    at.sidebar.radio(key="bahasa").set_value("en")
    at.run()
    tanpa_galat(at)
    assert at.title[0].value == "Overview 2025"
    m = metrik(at)
    assert m["Mean index"] == indeks_id.replace(",", ".")
    assert m["Category"] in {"Red", "Yellow", "Blue", "Green"}
    assert at.sidebar.selectbox(key="f_tahun").label == "Year"
    buka(at, "tampilan/halaman/data.py")
    assert at.title[0].value == "Data: upload and check"
    assert metrik(at)["Rows read"] == "1,443"
    temuan = next(d.value for d in at.dataframe if "How to fix" in d.value.columns)
    assert temuan["Problem"].str.contains("not in the Kemendagri region list").any()


def test_tampilan_rapat(csv_kalteng):
    at = unggah(baru(), csv_kalteng)
    buka(at, "tampilan/halaman/ringkasan.py")
    tabel_biasa = len(at.dataframe)
    at.sidebar.toggle(key="rapat").set_value(True)
    at.run()
    tanpa_galat(at)
    assert len(at.dataframe) < tabel_biasa and len(at.get("vega_lite_chart")) >= 6
    buka(at, "tampilan/halaman/profil.py")
    tanpa_galat(at)
    assert "Indeks (IPKD)" in metrik(at)


def test_file_rusak_tanpa_traceback():
    at = baru()
    at.file_uploader[0].set_value([
        ("rusak.xlsx", b"ini bukan xlsx", "application/octet-stream"),
        ("gambar.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "text/csv"),
        ("kosong.csv", b"", "text/csv"),
        ("asing.csv", b"a;b\n1;2\n", "text/csv"),
    ])
    at.run()
    tanpa_galat(at)
    assert any("tidak dapat dibaca" in e.value for e in at.error)
    teks = " ".join(x.value for x in at.text)
    assert "rusak.xlsx" in teks and "gambar.csv" in teks
    assert metrik(at)["Baris dipakai"] == "0"
    for h in ("tampilan/halaman/ringkasan.py", "tampilan/halaman/profil.py", "tampilan/halaman/bandingkan.py"):
        buka(at, h)
        tanpa_galat(at)
        assert any("Tidak ada baris yang dapat dinilai" in w.value for w in at.warning)


def test_sesi_terpisah():
    """Two sessions upload a file with the same name and different content: each sees its own."""
    a, b = baru(), baru()
    unggah(a, [("data.csv", buat_rincian(2025, KALTENG[:2]).encode())])
    unggah(b, [("data.csv", buat_rincian(2025, KALTENG[:5]).encode())])
    assert metrik(a)["Baris dibaca"] == "96"
    assert metrik(b)["Baris dibaca"] == "240"
    a.run()
    assert metrik(a)["Baris dibaca"] == "96"
    c = baru()  # a new session starts empty
    assert "Baris dibaca" not in metrik(c)


def test_hapus_data(csv_kalteng):
    at = unggah(baru(), csv_kalteng)
    tombol = next(b for b in at.button if b.label == "Hapus data dari sesi")
    tombol.click()
    at.run()
    assert "Baris dibaca" not in metrik(at)
    assert "data" not in at.session_state
    assert not at.file_uploader[0].value
    at.run()
    assert "Baris dibaca" not in metrik(at)


# ---------------------------------------------------------------------------------- bundled sample
@pytest.mark.skipif(not ADA_CONTOH, reason="sample_data/ not generated")
def test_contoh_nasional_semua_halaman():
    at = baru()
    next(b for b in at.button if b.label == "Pakai data contoh nasional").click()
    at.run()
    tanpa_galat(at)
    m = metrik(at)
    assert m["Baris dibaca"] == m["Baris dipakai"]  # the sample is clean
    assert int(m["Baris dibaca"].replace(".", "")) > 70_000
    assert at.sidebar.selectbox(key="f_tahun").value == 2025
    buka(at, "tampilan/halaman/ringkasan.py")
    tanpa_galat(at)
    assert metrik(at)["Jumlah pemda"] == "552"
    assert any("indeks terendah" in c.value for c in at.caption)  # heatmap limited to the lowest 60
    at.sidebar.selectbox(key="f_provinsi").set_value("62")
    at.run()
    tanpa_galat(at)
    assert metrik(at)["Jumlah pemda"] == "15"
    buka(at, "tampilan/halaman/profil.py")
    tanpa_galat(at)
    assert re.fullmatch(r"\d+ dari 552", metrik(at)["Peringkat nasional"])
    buka(at, "tampilan/halaman/bandingkan.py")
    at.multiselect(key="_w_banding").set_value(["62", "62.71"])
    at.run()
    tanpa_galat(at)
    assert len(metrik(at)) == 2
    buka(at, "tampilan/halaman/aturan.py")
    tanpa_galat(at)
    at.sidebar.selectbox(key="f_tahun").set_value(2023)
    at.run()
    buka(at, "tampilan/halaman/ringkasan.py")
    tanpa_galat(at)
    assert at.title[0].value == "Ringkasan 2023"


# ---------------------------------------------------------------------------------------- exports
def test_grafik_png_dan_tabel_xlsx_netral():
    import altair as alt  # noqa: F401

    from mcsp_rules.io.ekspor import ke_xlsx
    from tampilan.komponen import grafik
    spec = grafik.spesifikasi(grafik.pita(76.15, "Indeks 2024"))
    png = grafik.ke_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000
    data = ke_xlsx({"Data": pl.DataFrame({"pemda": ["=1+1", "Kota A"], "indeks": [76.15, -3.0]})})
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        lembar = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in lembar


def test_label_grafik_berformat_indonesia():
    from tampilan.komponen import grafik
    spec = grafik.spesifikasi(grafik.pita(76.15, "Indeks"))
    assert "76,15" in str(spec)


# ------------------------------------------------------------------------------------ static rules
def test_tidak_ada_html_dari_teks_pengguna():
    sumber = [AKAR / "dashboard.py", *(AKAR / "tampilan").rglob("*.py")]
    for p in sumber:
        teks = p.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in teks, p
        assert "st.html" not in teks and "components.html" not in teks, p
        assert "st.table" not in teks, p  # st.table renders Markdown


def test_tidak_ada_cache_untuk_unggahan():
    umum = (AKAR / "tampilan" / "komponen" / "umum.py").read_text(encoding="utf-8")
    # the only cached loaders are the sample's (same for everyone)
    for m in re.finditer(r"@st\.cache_(data|resource)[^\n]*\n(?:@[^\n]*\n)*def (\w+)", umum):
        assert "contoh" in m.group(2), m.group(2)


def test_halaman_tidak_saling_impor():
    """A page file renders itself when imported; importing one page from another drew the whole
    Ringkasan inside Profil the first time Profil was opened. Pages live in tampilan/halaman/ and
    import only tampilan/komponen/ (shared parts that render nothing on import) and mcsp_rules."""
    import ast

    for berkas in (AKAR / "tampilan").rglob("*.py"):
        for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
            if isinstance(simpul, ast.ImportFrom):
                nama = [simpul.module or ""] + [f"{simpul.module}.{a.name}" for a in simpul.names]
            elif isinstance(simpul, ast.Import):
                nama = [a.name for a in simpul.names]
            else:
                continue
            assert not any(n.startswith("tampilan.halaman") for n in nama), f"{berkas} imports a page: {nama}"


def test_konfigurasi_streamlit():
    conf = tomllib.loads((AKAR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    from mcsp_rules.batas import BATAS

    assert conf["server"]["enableXsrfProtection"] is True
    assert conf["server"]["enableCORS"] is True
    assert conf["server"]["maxUploadSize"] == BATAS.ukuran_mb
    assert conf["server"]["headless"] is True
    assert conf["client"]["showErrorDetails"] == "none"
    assert conf["browser"]["gatherUsageStats"] is False


def test_teks_lengkap_dua_bahasa():
    from tampilan.komponen.teks import TEKS

    for kunci, (id_, en) in TEKS.items():
        assert id_ and en, kunci
        assert set(re.findall(r"{(\w+)}", id_)) == set(re.findall(r"{(\w+)}", en)), kunci


def test_grafik_valid(csv_kalteng):
    """Every chart of the dashboard is valid Vega-Lite (Altair's per-object validation is switched
    off in tampilan/komponen/grafik.py for speed, so the whole spec is validated here) and renders to PNG."""
    import mcsp_rules
    from mcsp_rules.hitung import analisis as an
    from tampilan.komponen import grafik
    d = mcsp_rules.load(csv_kalteng)
    h = an.hitung(d)
    s = an.Saring(tahun=2025)
    w = an.saring_wilayah(h, s)
    k = w["kode_wilayah"].to_list()
    peta, _ = an.heatmap(h, s, w)
    grafik_semua = [
        grafik.pita(50.0, "a"), grafik.pita(None, "a"), grafik.pita(3.0, "a", rapat=True),
        grafik.batang_kategori(an.jumlah_kategori(w), "b"),
        grafik.batang_dokumen(an.total_dokumen(h, s, k), "c"),
        grafik.batang_area(an.rata_area(h, s, k), "d", 2025),
        grafik.batang_peringkat(an.peringkat(w), "e"),
        grafik.peta_panas(peta, "f"),
        grafik.histogram(w, "g"),
        grafik.batang_provinsi(an.provinsi_agregat(h, s), "h"),
        grafik.area_profil(an.area_profil(h, "62.01", 2025), "i", label_prov="p", label_nas="n"),
        grafik.celah_teratas(an.celah_pemda(h, "62.01", 2025).head(10), "j"),
        grafik.bandingkan(an.bandingkan(h, ["62", "62.01"], 2025), "k"),
    ]
    for g in grafik_semua:
        g.to_dict(validate=True)
    png = grafik.ke_png(grafik.spesifikasi(grafik_semua[7], rapat=True))
    assert png[:4] == b"\x89PNG"


def test_aturan_per_tahun_area_per_jenis_bobot_pita_katalog():
    """The Aturan page shows, per year: areas per kind of pemda, weights and their source, bands and
    their source, catalogue size and whether it is official (issue 12)."""
    at = baru()
    buka(at, "tampilan/halaman/aturan.py")
    tanpa_galat(at)
    assert any("Per tahun: area per jenis pemda" in s.value for s in at.subheader)
    per_tahun = next(d.value for d in at.dataframe if "Area kota" in d.value.columns)
    baris = {int(r["Tahun"]): r for _, r in per_tahun.iterrows()}
    assert sorted(baris) == list(range(2019, 2026))
    for th in range(2019, 2024):  # DESA for kabupaten only
        assert (baris[th]["Area provinsi"], baris[th]["Area kabupaten"], baris[th]["Area kota"]) == (7, 8, 7)
    assert (baris[2024]["Area provinsi"], baris[2024]["Area kota"]) == (8, 8)
    assert "asumsi" in baris[2023]["Sumber bobot"]
    assert baris[2023]["Pita"].startswith("Merah < 25") and baris[2023]["Pita bawaan"] == "ya"
    assert baris[2023]["Sub-indikator"] == 49 and baris[2023]["Katalog resmi KPK"] == "tidak"
    assert "rekonstruksi" in baris[2023]["Sumber katalog"]
    area = next(d.value for d in at.dataframe if "Berlaku untuk" in d.value.columns)
    desa = area[(area["Tahun"] == 2023) & (area["Area"] == "DESA")].iloc[0]
    assert desa["Berlaku untuk"] == "kabupaten"


# ------------------------------------------------------------------------------ the URL contract
def dengan_url(halaman: str, **param) -> AppTest:
    """The app opened through a link: the page's file and the link's query parameters."""
    at = AppTest.from_file(APP, default_timeout=180)
    for k, v in param.items():
        at.query_params[k] = v
    at.run()
    if halaman != "tampilan/halaman/data.py":
        buka(at, halaman)
    return at


@pytest.mark.skipif(not ADA_CONTOH, reason="sample_data/ not generated")
def test_tautan_membuka_profil_pemda_tahun_dan_bahasa():
    at = dengan_url("tampilan/halaman/profil.py", data="contoh", pemda="62.03", tahun="2024", bahasa="en")
    tanpa_galat(at)
    assert at.session_state["data_asal"] == "contoh"
    assert at.sidebar.selectbox(key="f_tahun").value == 2024
    assert at.sidebar.radio(key="bahasa").value == "en"
    assert at.title[0].value == "Region profile"
    assert any(h.value == "Kabupaten Kapuas" for h in at.header)
    # the view is written back, so the link a person copies reopens it
    assert at.query_params["pemda"] == "62.03" and at.query_params["tahun"] == "2024"
    assert at.query_params["data"] == "contoh"
    # changing the language on the page changes the link
    at.sidebar.radio(key="bahasa").set_value("id")
    at.run()
    assert at.query_params["bahasa"] == "id"
    assert at.title[0].value == "Profil wilayah"
    # and so does a filter
    at.sidebar.selectbox(key="f_tahun").set_value(2025)
    at.run()
    assert at.query_params["tahun"] == "2025"
    assert any(h.value == "Kabupaten Kapuas" for h in at.header)


@pytest.mark.skipif(not ADA_CONTOH, reason="sample_data/ not generated")
def test_tautan_provinsi_area_dan_rapat():
    at = dengan_url("tampilan/halaman/ringkasan.py", data="contoh", provinsi="62", area="PERENCANAAN", rapat="1", tahun="2025")
    tanpa_galat(at)
    assert metrik(at)["Jumlah pemda"] == "15"
    assert at.sidebar.multiselect(key="f_area").value == ["PERENCANAAN"]
    assert at.sidebar.toggle(key="rapat").value is True
    assert at.query_params["rapat"] == "1" and at.query_params["provinsi"] == "62"
    at.sidebar.toggle(key="rapat").set_value(False)
    at.run()
    assert "rapat" not in at.query_params


def test_tautan_ke_data_unggahan_menawarkan_unggah():
    at = dengan_url("tampilan/halaman/ringkasan.py", data="unggahan", provinsi="62")
    tanpa_galat(at)
    assert any("tidak ikut dalam tautan" in w.value for w in at.warning)
    buka(at, "tampilan/halaman/data.py")
    assert any("tidak ikut dalam tautan" in w.value for w in at.warning)
    assert at.file_uploader[0] is not None


@pytest.mark.skipif(not ADA_CONTOH, reason="sample_data/ not generated")
def test_contoh_setelah_unggah_sekali_klik(csv_kalteng):
    at = unggah(baru(), csv_kalteng)
    assert at.session_state["data_asal"] == "unggahan"
    next(b for b in at.button if b.label == "Pakai data contoh nasional").click()
    at.run()
    tanpa_galat(at)
    assert at.session_state["data_asal"] == "contoh"
    assert not at.file_uploader[0].value  # the upload widget no longer holds the file to hand back
    at.run()
    assert at.session_state["data_asal"] == "contoh"
    assert at.query_params["data"] == "contoh"


@pytest.mark.skipif(not ADA_CONTOH, reason="sample_data/ not generated")
def test_bahasa_tanpa_sisa_dan_tanpa_none():
    """English pages carry no Indonesian engine text (weights' source); tables show no "None"; a
    pemda is labelled with its code, so a search by code finds it."""
    at = dengan_url("tampilan/halaman/profil.py", data="contoh", pemda="62.03", tahun="2025", bahasa="en")
    tanpa_galat(at)
    bobot = [c.value for c in at.caption if "weights" in c.value.lower()]
    assert bobot and not [c for c in bobot if "sama rata" in c or "asumsi" in c]
    assert "62.03" in at.selectbox(key="_w_profil").format_func("62.03")
    for d in at.dataframe:
        sel = d.value.astype(str)
        assert not (sel == "None").any().any(), d.value.columns
    assert at.sidebar.multiselect(key="f_pemda").format_func("62.03") == "Kabupaten Kapuas (62.03)"


@pytest.mark.skipif(not ADA_CONTOH, reason="sample_data/ not generated")
def test_pilihan_profil_ke_url_dan_kolom_kunci_di_depan():
    """The pemda chosen on Profil goes into the link; key columns lead their tables (they stay in view
    at 1280 px: the gaps' gain, the sub-indicators' status, the rank in the province)."""
    at = dengan_url("tampilan/halaman/profil.py", data="contoh", tahun="2025", provinsi="62")
    tanpa_galat(at)
    assert at.selectbox(key="_w_profil").value == "62"  # the province's own government, not Aceh
    at.selectbox(key="_w_profil").set_value("62.71")
    at.run()
    assert at.query_params["pemda"] == "62.71"
    assert at.header[0].value == "Kota Palangkaraya"
    kolom = {tuple(d.value.columns[:3]) for d in at.dataframe}
    # the real-scale 2025 sample is per document: the document's id follows the item's name
    # (gaps grouped per sub-indicator and status with their count; every document listed with its id)
    skala_nyata = contoh_skala_nyata()
    assert (("Uraian", "Jumlah dokumen", "Kenaikan indeks") if skala_nyata else ("Uraian", "Kenaikan indeks", "Status")) in kolom
    assert (("Uraian", "Dokumen", "Status") if skala_nyata else ("Uraian", "Status", "Nilai")) in kolom
    if skala_nyata:  # the headline counts documents, the groups being sub-indicators' documents of one status
        celah = next(d.value for d in at.dataframe if "Jumlah dokumen" in d.value.columns)
        n = min(10, int((celah["Siapa bertindak"] == "Pemda (unggah/perbaiki)").sum()))
        d = int(celah["Jumlah dokumen"].head(n).sum())
        assert any(re.match(rf"Menutup {d:,} dokumen dari {n} kelompok celah teratas".replace(",", "."), i.value)
                   for i in at.info), [i.value for i in at.info]
    buka(at, "tampilan/halaman/ringkasan.py")
    peringkat = next(d.value for d in at.dataframe if "Peringkat" in d.value.columns)
    assert list(peringkat.columns[:5]) == ["Peringkat", "Pemda", "Indeks", "Kategori", "Peringkat di provinsi"]


@pytest.mark.skipif(not ADA_CONTOH, reason="sample_data/ not generated")
@pytest.mark.parametrize("halaman", ["tampilan/halaman/ringkasan.py", "tampilan/halaman/profil.py",
                                     "tampilan/halaman/bandingkan.py", "tampilan/halaman/simulasi.py",
                                     "tampilan/halaman/rencana.py"])
def test_isian_pilihan_berbahasa_halaman(halaman):
    """Every multi-select (and an empty select) says in the page's language what it holds: Streamlit's
    own "Choose options" / "Choose an option" never shows."""
    at = dengan_url(halaman, data="contoh", tahun="2025", provinsi="62")
    tanpa_galat(at)
    for m in at.multiselect:
        assert m.proto.placeholder and m.proto.placeholder not in ("Choose options", "Choose an option"), m.key
    for s in at.selectbox:
        if s.value is None:
            assert s.proto.placeholder and "Choose" not in s.proto.placeholder, s.key
