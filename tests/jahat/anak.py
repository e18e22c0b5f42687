"""Running code in a child process under a memory cap: for files that, without the reader's guards,
would make calamine allocate gigabytes and abort the process (a regression fails the child, never
pytest), and for measuring peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]
BATAS_AS = 6 << 30  # address-space cap of child processes


def _batasi_memori() -> None:  # runs in the child, before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (BATAS_AS, BATAS_AS))


def jalankan_anak(kode: str, *argv: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run Python code in a child process with an address-space cap."""
    return subprocess.run(
        [sys.executable, "-c", kode, *argv], capture_output=True, text=True, timeout=timeout, cwd=AKAR,
        env={**os.environ, **(env or {})}, preexec_fn=_batasi_memori,
    )


def mcsp(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The `mcsp` command as a user runs it, in a child process with an address-space cap."""
    return subprocess.run(
        [sys.executable, "-m", "mcsp_rules.cli", *map(str, args)], capture_output=True, text=True, timeout=timeout,
        cwd=AKAR, env={**os.environ, **(env or {})}, preexec_fn=_batasi_memori,
    )


# Loads files in a child and reports, per file, the outcome and the peak memory it added.
MUAT_DI_ANAK = r"""
import json, sys
# VmHWM, not ru_maxrss: on Linux a child's ru_maxrss starts at its parent's RSS at fork (kept across
# exec), so under a large pytest process it would hide the child's own growth
def rss(): return int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) * 1024
import mcsp_rules
awal = rss()
if "--panas" in sys.argv:   # the state of a running server: validation code loaded, one file done
    mcsp_rules.load([("pemanasan.csv", b"tahun,kode_wilayah,area,sub_indikator,bobot,status\n2024,62,PBJ,PBJ.1.1,10,diterima\n")])
hasil = []
for p in [a for a in sys.argv[1:] if not a.startswith("--")]:
    sebelum = rss()
    d = mcsp_rules.load(p)
    hasil.append({"file": p, "gagal": d.laporan.file_gagal, "galat": d.laporan.jumlah_galat,
                  "puncak_awal": sebelum, "puncak": rss(), "puncak_impor": awal})
print(json.dumps(hasil))
"""


def muat_di_anak(*path: Path, panas: bool = False) -> list[dict]:
    hasil = jalankan_anak(MUAT_DI_ANAK, *map(str, path), *(["--panas"] if panas else []))
    assert hasil.returncode == 0, f"the child died (code {hasil.returncode}): {hasil.stderr[-2000:]}"
    return json.loads(hasil.stdout.strip().splitlines()[-1])

