"""The Tren page in a real Chromium against a real `streamlit run` with its own, empty DuckDB store
(MCSP_DATABASE_URL in a temporary folder): upload two weekly exports one after the other, save each
as a snapshot dated from its file name, then see the trend line, who improved most and the pace
against the deadline. Screenshots go to tests/artifacts/ for a person to judge."""

from __future__ import annotations

import pytest
from peladen import jalankan_streamlit
from test_dashboard_browser import buka, metrik, tunggu
from test_halaman_tren import MINGGU

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server_tren(artefak, tmp_path_factory):
    """Like conftest's server_streamlit, with a store that only this module writes to."""
    folder = tmp_path_factory.mktemp("tren_store")
    with jalankan_streamlit(artefak, "streamlit_tren.log", {"MCSP_DATABASE_URL": f"duckdb://{folder}/mcsp.duckdb"}) as url:
        yield url, folder


@pytest.fixture
def halaman_tren(chromium, server_tren):
    konteks = chromium.new_context(viewport={"width": 1440, "height": 2400}, locale="id-ID")
    page = konteks.new_page()
    page.dialog_terekam = []
    page.on("dialog", lambda d: (page.dialog_terekam.append(d.message), d.dismiss()))
    page.goto(server_tren[0])
    yield page
    konteks.close()


def unggah(page, nama: str) -> None:
    page.locator('input[type="file"]').set_input_files(
        [{"name": nama, "mimeType": "text/csv", "buffer": MINGGU[nama]}])
    page.get_by_test_id("stText").filter(has_text=f"{nama} — rincian").first.wait_for(timeout=120_000)
    tunggu(page)


def simpan_snapshot(page, tanggal: str) -> None:
    kotak = page.get_by_test_id("stDateInput").filter(has_text="Tanggal snapshot").locator("input")
    iso = f"{tanggal[6:]}-{tanggal[3:5]}-{tanggal[:2]}"
    assert kotak.input_value() in (tanggal, iso)  # the date taken from the file name
    page.get_by_role("button", name="Simpan snapshot").click()
    tunggu(page)
    page.get_by_test_id("stAlertContentSuccess").filter(has_text=f"tanggal {iso} disimpan") \
        .first.wait_for(timeout=120_000)


def test_dua_snapshot_tren_dan_laju(halaman_tren, artefak):
    page = halaman_tren
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    tunggu(page)

    # week 1: upload, then save it on the Tren page
    unggah(page, "kalteng_2025-10-13.csv")
    buka(page, "Tren")
    page.get_by_role("heading", name="Tren: perkembangan dari minggu ke minggu").wait_for(timeout=60_000)
    simpan_snapshot(page, "13/10/2025")

    # week 2: a fresh dataset (the first one removed from the session), saved the same way
    buka(page, "Data")
    page.get_by_role("button", name="Hapus data dari sesi").click()
    tunggu(page)
    unggah(page, "kalteng_2025-10-20.csv")
    buka(page, "Tren")
    simpan_snapshot(page, "20/10/2025")

    # the trend: two dates, a line through them, who improved, the pace and who is at risk
    page.get_by_role("heading", name="Paling naik minggu ini").wait_for(timeout=60_000)
    page.get_by_role("heading", name="Laju dan tenggat").wait_for(timeout=60_000)
    tunggu(page)
    assert metrik(page, "Snapshot terakhir") == "20/10/2025"
    assert metrik(page, "Pemda berisiko di Kalimantan Tengah").endswith("dari 15")
    assert "Proyeksi indeks 30/11/2025" in page.get_by_test_id("stMetricLabel").all_inner_texts()
    grafik = page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]').length >= 6",
                           timeout=60_000)
    assert grafik.count() >= 6
    assert page.get_by_text("Traceback").count() == 0 and not page.dialog_terekam
    page.screenshot(path=str(artefak / "6_tren.png"))
    page.get_by_role("heading", name="Paling naik minggu ini").scroll_into_view_if_needed()
    tunggu(page)
    page.screenshot(path=str(artefak / "7_tren_naik_laju.png"))
    page.get_by_role("heading", name="Pemda yang berisiko tidak mencapai target").scroll_into_view_if_needed()
    tunggu(page)
    page.screenshot(path=str(artefak / "8_tren_berisiko.png"))

    # the meeting view: large charts, no tables
    page.get_by_test_id("stSidebar").get_by_text("Tampilan rapat (grafik besar)").click()
    tunggu(page)
    page.get_by_role("heading", name="Laju dan tenggat").scroll_into_view_if_needed()
    tunggu(page)
    page.screenshot(path=str(artefak / "9_tren_rapat.png"))
