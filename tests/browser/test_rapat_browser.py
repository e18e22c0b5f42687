"""Meetings and sharing in a real Chromium against a real `streamlit run`: from the overview filtered to
one province, one click downloads the meeting report (read back with pypdf: the province, the year, the
data's date, the bands, the weights and every pemda in scope); the map shows all 38 provinces; clicking a
bar of the ranking opens that pemda's profile and the way back keeps the filters; the search box opens a
profile, a map tile filters to its province; "Salin tautan" gives the view's absolute link; in the meeting
view on a 1280×720 projector the map fits. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import io
import re
import time

import polars as pl
import pytest

pytestmark = pytest.mark.browser

TAHUN = 2025
PROVINSI = "Kalimantan Tengah"


def tunggu(page, batas: float = 90_000) -> None:
    time.sleep(0.3)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=batas)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=batas)
    time.sleep(0.6)


def buka(page, nama: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=nama, exact=True).click()
    tunggu(page)


def pilih_sidebar(page, label: str, opsi: str) -> None:
    masukan = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text=label).locator("input")
    masukan.click()
    masukan.fill(opsi)  # the option list is virtualised: type to bring the option into it
    page.get_by_role("option", name=opsi, exact=True).click()
    tunggu(page)


@pytest.fixture(scope="module")
def harapan():
    """What the report must list, computed by the engine from the same sample files."""
    import mcsp_rules
    from mcsp_rules.hitung import analisis as an
    from tampilan.komponen.umum import file_contoh

    d = mcsp_rules.load(file_contoh())
    h = an.hitung(d)
    wil = an.saring_wilayah(h, an.Saring(tahun=TAHUN, kode_provinsi="62"))
    rincian = d.rincian.filter((pl.col("tahun") == TAHUN) & pl.col("kode_wilayah").is_in(wil["kode_wilayah"].to_list()))
    tanggal = max(rincian["tanggal_unggah"].max(), rincian["tanggal_verifikasi"].max())
    return {"pemda": wil["nama_wilayah"].to_list(), "tanggal": tanggal.strftime("%d/%m/%Y"),
            "terendah": wil.sort("indeks")["nama_wilayah"][0]}


def _teks_pdf(isi: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(isi)).pages)


def test_laporan_rapat_klik_peringkat_dan_peta(halaman, artefak, harapan, tmp_path):
    page = halaman
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    tunggu(page)
    page.get_by_role("button", name="Pakai data contoh nasional").click()
    page.get_by_test_id("stMetricLabel").get_by_text("Baris dibaca", exact=True).wait_for(timeout=120_000)
    tunggu(page)
    buka(page, "Ringkasan")
    pilih_sidebar(page, "Tahun", str(TAHUN))
    pilih_sidebar(page, "Provinsi", PROVINSI)
    page.get_by_role("heading", name=f"Ringkasan {TAHUN}").wait_for()

    # 1. one click: the meeting report of the province
    with page.expect_download(timeout=120_000) as unduhan:
        page.get_by_role("button", name="Unduh laporan rapat (PDF)").click()
    berkas = tmp_path / "laporan.pdf"
    unduhan.value.save_as(berkas)
    assert unduhan.value.suggested_filename.endswith(".pdf")
    isi = berkas.read_bytes()
    assert isi[:5] == b"%PDF-"
    (artefak / "laporan_rapat_kalteng.pdf").write_bytes(isi)
    teks = re.sub(r"\s+", " ", _teks_pdf(isi))
    assert f"Laporan rapat IPKD {TAHUN}" in teks
    assert PROVINSI in teks
    assert f"Tanggal data {harapan['tanggal']}" in teks
    for pita in ("Merah 0 – <25", "Kuning 25 – <50", "Biru 50 – <75", "Hijau 75 – 100"):
        assert pita in teks
    assert "bobot sama rata" in teks and "ASUMSI" in teks
    assert "Pengadaan Barang dan Jasa" in teks  # the weights table names each area
    assert f"Semua pemda dalam cakupan ({len(harapan['pemda'])})" in teks
    for nama in harapan["pemda"]:
        assert nama in teks, nama
    assert "provinsi=62" in teks and "data=contoh" in teks  # the footer carries the view's link
    assert re.search(r"Halaman 1 dari \d+", teks)
    page.screenshot(path=str(artefak / "rapat_1_ringkasan.png"))

    # 2. the province map (SVG): a tile with its short name for every one of the 38 provinces
    from tampilan.komponen.peta import SINGKATAN

    peta = page.locator('[data-testid="stVegaLiteChart"]').filter(has_text="KALTENG")
    peta.scroll_into_view_if_needed()
    tunggu(page)
    label = set(peta.locator("svg text").evaluate_all("els => els.map(e => e.textContent)"))
    assert set(SINGKATAN.values()) <= label, set(SINGKATAN.values()) - label
    peta.screenshot(path=str(artefak / "rapat_2_peta.png"))

    # 3. a click on a bar of the ranking opens that pemda's profile
    nama = harapan["terendah"]
    batang = page.locator(f'path[aria-roledescription="bar"][aria-label*="{nama}"]').first
    batang.scroll_into_view_if_needed()
    batang.click()
    page.get_by_role("heading", name="Profil wilayah").wait_for(timeout=60_000)
    tunggu(page)
    assert page.get_by_role("heading", name=nama).count() == 1
    assert "/profil" in page.url and "pemda=" in page.url
    page.get_by_test_id("stMain").evaluate("e => e.scrollTo(0, 0)")
    page.screenshot(path=str(artefak / "rapat_3_profil.png"))
    # the profile's own report: the pemda, and its action plan as a checklist
    with page.expect_download(timeout=120_000) as unduhan:
        page.get_by_role("button", name="Unduh laporan rapat (PDF)").click()
    teks = re.sub(r"\s+", " ", _teks_pdf(open(unduhan.value.path(), "rb").read()))
    assert f"Laporan rapat IPKD {TAHUN}: {nama}" in teks
    assert "Daftar periksa rencana aksi" in teks and "☐" in teks
    assert "pemda=" in teks  # the footer's link reopens this profile

    # 4. the way back keeps the filters: the overview is still the province's
    buka(page, "Ringkasan")
    page.screenshot(path=str(artefak / "rapat_4_kembali.png"))
    assert page.get_by_test_id("stCaptionContainer").filter(has_text=f"{PROVINSI} · ").count() == 1
    assert page.get_by_role("button", name="Unduh laporan rapat (PDF)").count() == 1

    # 4b. a heatmap cell opens its pemda too, even when the click lands on the score printed in it
    tertinggi = harapan["pemda"][0]
    sel_panas = page.locator('[data-testid="stVegaLiteChart"]').filter(has_text="Skor per pemda dan area").locator(
        f'path[aria-label*="{tertinggi}"]').first
    sel_panas.scroll_into_view_if_needed()
    sel_panas.click(force=True)  # at the cell's centre, on its score label
    page.get_by_role("heading", name=tertinggi).wait_for(timeout=60_000)
    tunggu(page)
    buka(page, "Ringkasan")

    # 4c. the needs-attention list opens its pemda's profile too
    kotak = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(has_text="perlu perhatian").locator("input")
    kotak.click()
    nama_perhatian = harapan["terendah"]
    page.get_by_role("option", name=f"{nama_perhatian} (Merah)", exact=True).click()
    page.get_by_role("heading", name=nama_perhatian).wait_for(timeout=60_000)
    tunggu(page)
    buka(page, "Ringkasan")

    # 5. the search box opens any pemda's profile; a click on a map tile filters to that province
    cari = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(has_text="Cari pemda").locator("input")
    cari.click()
    cari.fill("Kota Salatiga")
    page.get_by_role("option", name="Kota Salatiga (Jawa Tengah)", exact=True).click()
    page.get_by_role("heading", name="Kota Salatiga").wait_for(timeout=60_000)
    tunggu(page)
    buka(page, "Ringkasan")
    peta = page.locator('[data-testid="stVegaLiteChart"]').filter(has_text="KALTENG")
    peta.scroll_into_view_if_needed()
    peta.locator('path[aria-label*="Jawa Timur"]').first.click(force=True)  # on the tile, under its label
    tunggu(page)
    assert page.get_by_test_id("stCaptionContainer").filter(has_text="Jawa Timur · ").count() == 1
    pilih_sidebar(page, "Provinsi", PROVINSI)

    # 6. Salin tautan: the absolute link of this view, ready to copy
    page.get_by_test_id("stSidebar").get_by_role("button", name="Salin tautan").click()
    kode = page.get_by_test_id("stPopoverBody").locator("code")
    kode.wait_for()
    tautan = kode.inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/ringkasan\?data=contoh&tahun=2025&provinsi=62&bahasa=id", tautan), tautan
    page.keyboard.press("Escape")

    # 7. the meeting view on a 1280×720 projector: the map fits the page without scrolling sideways
    page.set_viewport_size({"width": 1280, "height": 720})
    page.get_by_test_id("stSidebar").get_by_text("Tampilan rapat (grafik besar)").click()
    tunggu(page)
    peta = page.locator('[data-testid="stVegaLiteChart"]').filter(has_text="KALTENG")
    peta.scroll_into_view_if_needed()
    tunggu(page)
    lebar_main = page.get_by_test_id("stMain").bounding_box()["width"]
    kotak = peta.locator("svg").first.bounding_box()
    assert kotak["x"] + kotak["width"] <= lebar_main + page.get_by_test_id("stSidebar").bounding_box()["width"] + 1
    page.screenshot(path=str(artefak / "rapat_5_proyektor_peta.png"))
