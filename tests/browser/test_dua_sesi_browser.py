"""Two people, two browser sessions, one real `streamlit run` server: each uploads a file with the
same name ("data.csv") but a different province, and each sees only its own regions, on the Data
page and on Ringkasan, also after the other one uploaded. Uploaded data lives in st.session_state
only (reliability.md, "Streamlit"); a cache keyed by file name would fail this test."""

from __future__ import annotations

import pytest
from peladen import buka_sesi
from test_analisis import buat_rincian
from test_dashboard_browser import buka, metrik, tunggu, unggah_csv

pytestmark = pytest.mark.browser

KALTENG = ["62", "62.01", "62.02", "62.03"]  # Kalimantan Tengah: the province and three kabupaten
KALSEL = ["63", "63.01", "63.02", "63.03", "63.04"]  # Kalimantan Selatan: the province and four kabupaten
TAHUN = 2025


def _sesi(chromium, url: str):
    return buka_sesi(chromium, url, tunggu, tinggi=2000, batas_ms=90_000)


def _yang_terlihat(page) -> str:
    """Page text plus the cells of every table (glide-data-grid mirrors visible cells in the DOM)."""
    sel = page.locator('[data-testid="stDataFrame"] td').all_inner_texts()
    return page.inner_text("body") + "\n" + "\n".join(sel)


def test_dua_sesi_tidak_saling_melihat(chromium, server_streamlit, artefak):
    a_teks, b_teks = buat_rincian(TAHUN, KALTENG, seed=5), buat_rincian(TAHUN, KALSEL, seed=6)
    baris_a, baris_b = a_teks.count("\n") - 1, b_teks.count("\n") - 1
    ka, a = _sesi(chromium, server_streamlit)
    kb, b = _sesi(chromium, server_streamlit)
    try:
        # the same file name in both sessions
        unggah_csv(a, "data.csv", a_teks.encode("utf-8"), 120_000, 120_000)
        unggah_csv(b, "data.csv", b_teks.encode("utf-8"), 120_000, 120_000)
        # Data: each session's own counts, under the same file name
        assert metrik(a, "Baris dibaca") == f"{baris_a:,}".replace(",", ".")
        assert metrik(b, "Baris dibaca") == f"{baris_b:,}".replace(",", ".")
        a.screenshot(path=str(artefak / "dua_sesi_a_data.png"))
        b.screenshot(path=str(artefak / "dua_sesi_b_data.png"))

        # Ringkasan: only its own province and pemda; A is looked at again after B uploaded
        for page, jumlah, milik, bukan, nama in ((b, len(KALSEL), "Kalimantan Selatan", "Kalimantan Tengah", "b"),
                                                 (a, len(KALTENG), "Kalimantan Tengah", "Kalimantan Selatan", "a")):
            buka(page, "Ringkasan")
            page.get_by_role("heading", name=f"Ringkasan {TAHUN}").wait_for(timeout=60_000)
            tunggu(page)
            assert metrik(page, "Jumlah pemda") == str(jumlah)
            page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Provinsi").locator(
                "input").click()
            opsi = page.get_by_role("option").all_inner_texts()
            page.keyboard.press("Escape")
            tunggu(page)
            assert any(milik in o for o in opsi) and not any(bukan in o for o in opsi), opsi
            terlihat = _yang_terlihat(page)
            assert bukan not in terlihat, f"session {nama} sees the other session's province"
            page.screenshot(path=str(artefak / f"dua_sesi_{nama}_ringkasan.png"))

        # back on Data, A still has its own file and counts
        buka(a, "Data")
        assert metrik(a, "Baris dibaca") == f"{baris_a:,}".replace(",", ".")
        assert "63.0" not in _yang_terlihat(a)
    finally:
        ka.close()
        kb.close()
