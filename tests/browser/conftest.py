"""Real-browser fixtures: a `streamlit run dashboard.py` subprocess on a free localhost port and
Debian's Chromium driven by Playwright (never `playwright install`).

Browser tests skip only when /usr/bin/chromium is missing and CI is not 'true'; in CI a missing
browser is a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from peladen import jalankan_streamlit

AKAR = Path(__file__).resolve().parents[2]
ARTEFAK = AKAR / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGUMEN_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _lewati_atau_gagal(alasan: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{alasan} (browser tests must run in CI)")
    pytest.skip(alasan)


@pytest.fixture(scope="session")
def artefak() -> Path:
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    return ARTEFAK


@pytest.fixture(scope="session")
def server_streamlit(artefak, tmp_path_factory):
    """The dashboard as a person gets it, with a snapshot/scenario store of its own in a temporary
    folder (never the user's store in ~/.local/share/mcsp)."""
    folder = tmp_path_factory.mktemp("store")
    with jalankan_streamlit(artefak, "streamlit.log", {"MCSP_DATABASE_URL": f"duckdb://{folder}/mcsp.duckdb"}) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        _lewati_atau_gagal(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _lewati_atau_gagal("playwright is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMEN_CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def halaman(chromium, server_streamlit):
    """A fresh browser context (its own Streamlit session) with a tall viewport, so a screenshot
    shows a whole page; JavaScript dialogs are recorded (an injected alert would land here)."""
    konteks = chromium.new_context(viewport={"width": 1440, "height": 2400}, locale="id-ID")
    page = konteks.new_page()
    page.dialog_terekam = []
    page.on("dialog", lambda d: (page.dialog_terekam.append(d.message), d.dismiss()))
    page.goto(server_streamlit)
    yield page
    konteks.close()
