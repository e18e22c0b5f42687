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
def jalankan_streamlit(artefak: Path, nama_log: str, env_tambahan: dict[str, str]):
    """`streamlit run dashboard.py`, headless, on a free localhost port, until it answers its health
    check; yields the URL and stops the server afterwards."""
    port = _port_bebas()
    log = open(artefak / nama_log, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **env_tambahan}
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
                pytest.fail(f"streamlit exited with {proses.returncode}; see {artefak / nama_log}")
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
