"""The Aturan page in a real Chromium: per year, the areas each kind of pemda has, the weights, bands
and catalogue with their sources, as a coordinator sees them before any data is loaded."""

from __future__ import annotations

import pytest
from test_dashboard_browser import buka, sel_tabel, tunggu

pytestmark = pytest.mark.browser


def test_aturan_per_tahun(halaman, artefak):
    page = halaman
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    tunggu(page)
    buka(page, "Aturan")
    page.get_by_role("heading", name="Per tahun: area per jenis pemda, bobot, pita dan katalog").wait_for(timeout=60_000)
    judul = page.get_by_test_id("stHeading").all_inner_texts()
    assert any("Per tahun" in j for j in judul)
    tabel = page.get_by_test_id("stDataFrame").first
    tabel.scroll_into_view_if_needed()
    # the first table is the per-year one: 2019–2025, 7/8/7 areas before 2024, the default bands, not official
    # (the grid mirrors its cells into the page once drawn: on a busy first run of the server that can lag)
    sel_tabel(page, "2019").first.wait_for(state="attached", timeout=30_000)
    assert sel_tabel(page, "2019").count() > 0 and sel_tabel(page, "2025").count() > 0
    assert sel_tabel(page, "Merah < 25 ≤ Kuning < 50 ≤ Biru < 75 ≤ Hijau").count() > 0
    assert sel_tabel(page, "bobot sama rata (asumsi").count() > 0
    page.screenshot(path=str(artefak / "aturan_per_tahun.png"), full_page=True)
