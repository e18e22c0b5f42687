"""The dashboard as a sekda office and a coordinator meet it (issue 14), in a real Chromium against a
real `streamlit run`: links that travel (the URL contract), the meeting view at 1280×720 (the usual
projector), a 390×844 phone, the action plan's XLSX as an office receives it, Vega's console
warnings, and the sample after an upload. Screenshots go to tests/artifacts/ (rapat_*, ponsel_*)."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from test_analisis import KALTENG, buat_rincian
from test_dashboard_browser import metrik, tunggu, unggah_csv

pytestmark = pytest.mark.browser

UA_PONSEL = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
             "Version/17.0 Mobile/15E148 Safari/604.1")
KATA_VEGA = ("Dropping sort", "conflicting sort", "WARN")


def _adakah_contoh() -> bool:
    from pathlib import Path

    return (Path(__file__).resolve().parents[2] / "sample_data" / "rincian_nasional_2025.csv").exists()


perlu_contoh = pytest.mark.skipif(not _adakah_contoh(), reason="sample_data/ not generated")


@pytest.fixture
def buka_konteks(chromium, server_streamlit):
    """Open a fresh session (its own browser context) at a path of the app, with a viewport; the
    console's warnings are recorded on ``page.konsol``."""
    dibuka = []

    def buka(jalur: str, lebar: int = 1280, tinggi: int = 720, ponsel: bool = False):
        opsi = {"viewport": {"width": lebar, "height": tinggi}, "locale": "id-ID"}
        if ponsel:
            opsi.update(user_agent=UA_PONSEL, is_mobile=True, has_touch=True)
        konteks = chromium.new_context(**opsi)
        dibuka.append(konteks)
        page = konteks.new_page()
        page.konsol = []
        page.dialog_terekam = []
        page.on("console", lambda m: page.konsol.append(f"{m.type}: {m.text}"))
        page.on("dialog", lambda d: (page.dialog_terekam.append(d.message), d.dismiss()))
        page.goto(server_streamlit + jalur)
        page.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
        tunggu(page, 120_000)
        return page

    yield buka
    for k in dibuka:
        k.close()


def parameter(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def peringatan_vega(page) -> list[str]:
    return [k for k in page.konsol if any(w in k for w in KATA_VEGA)]


def gulir_dan_potret(page, artefak, nama: str, batas: int = 12) -> int:
    """Screenshots of the whole page at the viewport's size, scrolling the main area (what a room
    sees on the projector, screen by screen)."""
    tinggi = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    langkah = page.viewport_size["height"] - 80
    n = 0
    for y in range(0, tinggi, langkah):
        page.evaluate(f"() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, {y})")
        page.wait_for_timeout(300)
        page.screenshot(path=str(artefak / f"{nama}_{n}.png"))
        n += 1
        if n >= batas:
            break
    return n


# ------------------------------------------------------------------------------ the URL contract
@perlu_contoh
def test_tautan_profil_kapuas_2024_inggris_dan_bahasa_mengubah_url(buka_konteks, artefak):
    page = buka_konteks("/profil?data=contoh&pemda=62.03&tahun=2024&bahasa=en")
    page.get_by_role("heading", name="Region profile").wait_for(timeout=60_000)
    assert page.get_by_test_id("stHeading").filter(has_text="Kabupaten Kapuas").count() >= 1
    assert page.get_by_text("Kalimantan Tengah · regency · 2024").count() == 1
    assert metrik(page, "National rank")  # the sample covers the country: "national" is true here
    page.screenshot(path=str(artefak / "tautan_profil_en.png"))
    # changing the language on the page changes the link
    page.get_by_test_id("stSidebar").get_by_text("Bahasa Indonesia", exact=True).click()
    tunggu(page)
    page.get_by_role("heading", name="Profil wilayah").wait_for()
    q = parameter(page)
    assert q["bahasa"] == "id" and q["pemda"] == "62.03" and q["tahun"] == "2024" and q["data"] == "contoh"
    assert urlparse(page.url).path == "/profil"
    # and the copied link reopens the view in another session
    salinan = buka_konteks(urlparse(page.url).path + "?" + urlparse(page.url).query)
    salinan.get_by_role("heading", name="Profil wilayah").wait_for(timeout=60_000)
    assert salinan.get_by_test_id("stHeading").filter(has_text="Kabupaten Kapuas").count() >= 1
    assert page.dialog_terekam == []


def test_jalur_data_tanpa_halaman_tidak_ditemukan_dan_tautan_unggahan(buka_konteks, artefak):
    page = buka_konteks("/data")
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    assert not [k for k in page.konsol if "does not seem to exist" in k]
    assert page.get_by_text("Page not found").count() == 0
    # a link to uploaded data: says it cannot travel and offers the upload
    page = buka_konteks("/ringkasan?data=unggahan&provinsi=62")
    page.get_by_text("tidak ikut dalam tautan").first.wait_for(timeout=60_000)
    page.get_by_role("link", name="Buka halaman Data").click()
    tunggu(page)
    assert page.locator('input[type="file"]').count() == 1
    page.screenshot(path=str(artefak / "tautan_unggahan.png"))


@perlu_contoh
def test_contoh_setelah_unggah_sekali_klik(buka_konteks, artefak):
    page = buka_konteks("/data")
    unggah_csv(page, "kalteng_2025.csv", buat_rincian(2025, KALTENG, seed=4).encode())
    assert metrik(page, "Baris dibaca") == "720"
    page.get_by_role("button", name="Pakai data contoh nasional").click()
    page.get_by_text("data contoh nasional", exact=True).wait_for(timeout=90_000)
    tunggu(page)
    assert int(metrik(page, "Baris dibaca").replace(".", "")) > 70_000
    assert parameter(page)["data"] == "contoh"
    page.screenshot(path=str(artefak / "contoh_setelah_unggah.png"))


# ------------------------------------------------------------------------ the meeting view 1280×720
@perlu_contoh
@pytest.mark.parametrize("halaman_", ["ringkasan", "profil", "rencana"])
def test_tampilan_rapat_1280x720(buka_konteks, artefak, halaman_):
    page = buka_konteks(f"/{halaman_}?data=contoh&tahun=2025&pemda=62.03&rapat=1")
    page.get_by_test_id("stVegaLiteChart").first.wait_for(timeout=60_000)
    tunggu(page)
    # the sidebar gives the projector its 300 px
    kotak = page.get_by_test_id("stSidebar").bounding_box()
    assert kotak is None or kotak["x"] + kotak["width"] <= 0, kotak
    # every chart fits the width of the page (nothing cut at the right edge)
    lebar = page.viewport_size["width"]
    for g in page.get_by_test_id("stVegaLiteChart").all():
        b = g.bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= lebar + 1, b
    n = gulir_dan_potret(page, artefak, f"rapat_{halaman_}")
    assert n >= 1
    assert peringatan_vega(page) == []
    if halaman_ == "rencana":
        # the checklist is there in the meeting view, with the item names
        assert page.get_by_test_id("stExpander").count() >= 3
        assert page.get_by_role("button", name=re.compile("Unduh daftar periksa")).count() == 1


@perlu_contoh
def test_grafik_tanpa_peringatan_vega_di_ringkasan_dan_profil(buka_konteks):
    page = buka_konteks("/ringkasan?data=contoh&tahun=2025&provinsi=62")
    tunggu(page)
    page.get_by_role("link", name="Profil wilayah").click()
    tunggu(page)
    assert page.get_by_test_id("stVegaLiteChart").count() >= 3
    assert peringatan_vega(page) == []


# -------------------------------------------------------------------------------- a phone 390×844
@perlu_contoh
def test_ponsel_390x844(buka_konteks, artefak):
    page = buka_konteks("/ringkasan?data=contoh&tahun=2025", 390, 844, ponsel=True)
    page.get_by_role("heading", name="Ringkasan 2025").wait_for(timeout=60_000)
    # the filters are in a folding box above the page, not in a sidebar that stays over it
    kotak = page.get_by_test_id("stSidebar").bounding_box()
    assert kotak is None or kotak["x"] + kotak["width"] <= 0
    filter_ = page.get_by_test_id("stExpander").filter(has_text="Filter").first
    filter_.click()
    filter_.get_by_test_id("stSelectbox").nth(1).click()
    page.keyboard.type("Kalimantan Tengah")
    page.keyboard.press("Enter")
    tunggu(page)
    assert metrik(page, "Jumlah pemda") == "15"
    kotak = page.get_by_test_id("stSidebar").bounding_box()
    assert kotak is None or kotak["x"] + kotak["width"] <= 0  # nothing covers the page after a choice
    # nothing wider than the phone: charts and tables fit
    for el in [*page.get_by_test_id("stVegaLiteChart").all(), *page.get_by_test_id("stDataFrame").all()]:
        b = el.bounding_box()
        assert b["x"] + b["width"] <= 391, b
    gulir_dan_potret(page, artefak, "ponsel_ringkasan", batas=10)
    assert peringatan_vega(page) == []


# -------------------------------------------------------------------------- the plan's XLSX
@perlu_contoh
def test_xlsx_rencana_aksi_untuk_opd(buka_konteks, artefak):
    import polars as pl

    page = buka_konteks("/rencana?data=contoh&tahun=2025&pemda=62.03")
    tombol = page.get_by_role("button", name=re.compile("Unduh daftar periksa"))
    tombol.wait_for(timeout=60_000)
    with page.expect_download() as unduhan:
        tombol.click()
    isi = open(unduhan.value.path(), "rb").read()
    (artefak / "rencana_aksi.xlsx").write_bytes(isi)
    rencana = pl.read_excel(io.BytesIO(isi), sheet_name="Rencana aksi")
    assert {"Uraian", "Status", "Usaha", "Kenaikan indeks", "OPD penanggung jawab", "Tanggal selesai"} <= set(rencana.columns)
    assert rencana.height
    uraian = rencana["Uraian"].to_list()
    assert all(isinstance(u, str) and u.strip() and u != "None" for u in uraian), uraian
    # only the pemda's own actions: nothing waiting on KPK's verifier is in the plan
    assert "Proses verifikasi" not in set(rencana["Status"].to_list())
    ringkas = pl.read_excel(io.BytesIO(isi), sheet_name="Ringkasan")
    assert not [k for k in ringkas.columns if re.fullmatch(r"[a-z_]+", k)], ringkas.columns  # no internal names
    assert "Dokumen menunggu KPK" in ringkas.columns and "Indeks sebelum" in ringkas.columns
    assert ringkas["Dokumen menunggu KPK"][0] > 0
    nilai = {str(v) for kolom in ringkas.iter_columns() for v in kolom.to_list()}
    assert not nilai & {"sertifikat", "milp", "semua_celah"}


@perlu_contoh
def test_penggeser_bobot_berangka_indonesia(buka_konteks):
    """The weight sliders write their number the Indonesian way in an Indonesian browser ("1,5", not "1.5"
    or "1.0")."""
    page = buka_konteks("/sensitivitas?data=contoh&tahun=2025&provinsi=62")
    jempol = page.get_by_test_id("stSlider").first.get_by_role("slider")
    jempol.wait_for(timeout=60_000)
    assert page.get_by_test_id("stSliderThumbValue").first.inner_text() == "1"
    jempol.focus()
    page.keyboard.press("ArrowRight")
    tunggu(page)
    nilai = page.get_by_test_id("stSliderThumbValue").first.inner_text()
    assert "," in nilai and "." not in nilai, nilai
