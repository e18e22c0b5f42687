"""Starting the dashboard as a person does, for the browser tests: `streamlit run dashboard.py` on a
free localhost port."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[2]


def _port_bebas() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def jalankan_streamlit(artefak: Path, nama_log: str, env_tambahan: dict[str, str], *, perintah: list[str] | None = None,
                       cwd: Path | str = AKAR, port: int | None = None, host: str = "127.0.0.1"):
    """The dashboard on a free localhost port until it answers its health check; yields its URL and
    stops it afterwards. By default `streamlit run dashboard.py`, headless, from the checkout;
    ``perintah`` runs another launcher instead (scripts/dashboard.sh, as a deployment does), which
    must listen on ``port``."""
    port = port or _port_bebas()
    log = open(artefak / nama_log, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **env_tambahan}
    perintah = perintah or [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
                            "--server.port", str(port), "--server.address", "127.0.0.1"]
    proses = subprocess.Popen(perintah, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    url = f"http://{host}:{port}"
    batas = time.monotonic() + 120
    try:
        while True:
            if proses.poll() is not None:
                pytest.fail(f"{perintah[0]} exited with {proses.returncode}; see {artefak / nama_log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200 and r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > batas:
                pytest.fail("the dashboard did not become healthy within 120 s")
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


def pid_streamlit(url: str) -> int | None:
    """The process id of the `streamlit run` serving ``url`` (found in /proc by its --server.port), for
    reading its memory; None when there is none (or no /proc)."""
    port = url.rsplit(":", 1)[-1].split("/")[0]
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            argv = (d / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(argv) and b"--server.port" in argv and port.encode() in argv:
            return int(d.name)
    return None


def memori_mb(pid: int) -> dict[str, float]:
    """Resident memory of a process now (VmRSS) and its peak so far (VmHWM), in MB, from /proc."""
    isi = {}
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        kunci, _, nilai = baris.partition(":")
        if kunci in ("VmRSS", "VmHWM"):
            isi[kunci] = round(int(nilai.split()[0]) / 1024, 1)
    return {"rss_mb": isi.get("VmRSS", 0.0), "puncak_mb": isi.get("VmHWM", 0.0)}


def buka_sesi(browser, url: str, tunggu, *, tinggi: int, batas_ms: float):
    """A new browser session (its own context: its own Streamlit session) on the Data page, waited for with the
    caller's ``tunggu``; returns (context, page)."""
    konteks = browser.new_context(viewport={"width": 1440, "height": tinggi}, locale="id-ID")
    page = konteks.new_page()
    page.goto(url)
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=batas_ms)
    tunggu(page)
    return konteks, page
