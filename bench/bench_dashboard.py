"""How long a dashboard rerun takes after a filter change, at real scale, page by page: the bundled
national sample (552 pemda; 2023 and 2024 with 48 sub-indicators per pemda, 2025 at real scale with one
row per required document, ~656 per pemda, 362,170 rows; ~415,000 detail rows in all).

The script runs in process through streamlit.testing.v1.AppTest, the same script run a browser
session triggers: every widget, every engine call, every chart specification and table. What it
leaves out is the browser drawing the charts (Vega) and the websocket round trip (bench_browser.py
measures those in Chromium).

    python bench/bench_dashboard.py [--ulang 5]

Prints a Markdown table for the README (per page: median and slowest rerun over every filter change)
and the detail per change.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent

# (what the user does, the sidebar widget key, the value)
PERUBAHAN = (
    ("pilih provinsi Kalimantan Tengah", "f_provinsi", "62"),
    ("kembali ke semua provinsi", "f_provinsi", ""),
    ("ganti tahun ke 2024", "f_tahun", 2024),
    ("hanya kabupaten", "f_jenis", ["kabupaten"]),
    ("semua jenis lagi", "f_jenis", []),
)
HALAMAN = ("tampilan/halaman/ringkasan.py", "tampilan/halaman/profil.py", "tampilan/halaman/bandingkan.py",
           "tampilan/halaman/simulasi.py", "tampilan/halaman/rencana.py", "tampilan/halaman/sensitivitas.py",
           "tampilan/halaman/tren.py", "tampilan/halaman/data.py")


def rss_mb() -> float:
    for baris in Path("/proc/self/status").read_text().splitlines():
        if baris.startswith("VmRSS:"):
            return int(baris.split()[1]) / 1024
    return 0.0


def siapkan() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    at.run()
    next(b for b in at.button if b.label == "Pakai data contoh nasional").click()
    mulai = time.perf_counter()
    at.run()
    siapkan.detik = time.perf_counter() - mulai
    assert not at.exception, [e.value for e in at.exception]
    return at


def ukur(at: AppTest, kunci: str, nilai) -> float:
    w = at.sidebar.selectbox(key=kunci) if kunci in ("f_tahun", "f_provinsi") else at.sidebar.multiselect(key=kunci)
    w.set_value(nilai)
    mulai = time.perf_counter()
    at.run()
    lama = time.perf_counter() - mulai
    assert not at.exception, [e.value for e in at.exception]
    return lama * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=5, help="repetitions of the whole filter sequence")
    args = ap.parse_args()

    import os

    os.environ.setdefault("MCSP_DATABASE_URL", f"duckdb:///{ROOT / 'bench' / 'out' / 'bench_dashboard.duckdb'}")
    (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
    at = siapkan()
    d = at.session_state["data"]
    print(f"Sample loaded in {siapkan.detik:.1f} s (first load in this process: the real-scale file is generated "
          f"if not cached, read, checked and aggregated): {d.rincian.height:,} detail rows; process RSS "
          f"{rss_mb():.0f} MB\n")
    hasil: dict[tuple[str, str], list[float]] = {}
    for halaman in HALAMAN:
        at.switch_page(halaman)
        at.run()
        at.run()
        ukur(at, "f_tahun", 2025)  # warm-up: first run of a page builds its caches
        for _ in range(args.ulang):
            for label, kunci, nilai in PERUBAHAN:
                hasil.setdefault((halaman, label), []).append(ukur(at, kunci, nilai))
            ukur(at, "f_tahun", 2025)

    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{platform.system()} — median of {args.ulang} runs, ms per rerun\n")
    print("| page | median ms per rerun | slowest ms |")
    print("|---|---:|---:|")
    for halaman in HALAMAN:
        ms = [x for (h, _), v in hasil.items() if h == halaman for x in v]
        print(f"| {Path(halaman).stem} | {statistics.median(ms):.0f} | {max(ms):.0f} |")
    print("\n| page | filter change | median ms | max ms |")
    print("|---|---|---:|---:|")
    for (halaman, label), ms in hasil.items():
        print(f"| {Path(halaman).stem} | {label} | {statistics.median(ms):.0f} | {max(ms):.0f} |")
    semua = [x for ms in hasil.values() for x in ms]
    print(f"\nAll reruns: median {statistics.median(semua):.0f} ms, max {max(semua):.0f} ms; process RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
