"""Real-browser fixtures: a `streamlit run dashboard.py` subprocess on a free localhost port and
Debian's Chromium driven by Playwright (never `playwright install`).

Browser tests skip only when /usr/bin/chromium is missing and CI is not 'true'; in CI a missing
browser is a failure."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[2]
ARTEFAK = AKAR / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
ARGUMEN_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _lewati_atau_gagal(alasan: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{alasan} (browser tests must run in CI)")
    pytest.skip(alasan)


def _port_bebas() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def artefak() -> Path:
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    return ARTEFAK


@pytest.fixture(scope="session")
def server_streamlit(artefak):
    """The dashboard as a person gets it: `streamlit run dashboard.py`, headless, on localhost."""
    port = _port_bebas()
    log = open(artefak / "streamlit.log", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    proses = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=AKAR, stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    batas = time.monotonic() + 90
    try:
        while True:
            if proses.poll() is not None:
                pytest.fail(f"streamlit exited with {proses.returncode}; see {artefak / 'streamlit.log'}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200 and r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > batas:
                pytest.fail("streamlit did not become healthy within 90 s")
            time.sleep(0.3)
        yield url
    finally:
        proses.terminate()
        try:
            proses.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait(timeout=5)
        log.close()


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
