"""The dashboard at real scale in a real browser (issue 13): Debian's Chromium (Playwright) against a real
`streamlit run dashboard.py` (tests/browser/peladen.py), with the real-scale national 2025 file (one row per
required document, ~660 per pemda, 362,170 rows, 29 MB; sample_data/skala_nyata.py generates and caches it).

  1. upload the file through the Data page's file input: seconds until the validation report is shown
     (the "Baris dibaca" metric drawn and the script run over), and the stage lines the page showed; then
     the same upload again in that session (``--unggah`` times) for a median without first-run costs;
  2. the server's memory (VmRSS of the `streamlit run` process, from /proc) when idle, after one session
     uploaded the file, after a second session uploaded it too (both sessions still open), and its peak (VmHWM);
  3. a filter change in the browser (Ringkasan, choose a province, back to all): seconds until the page is
     drawn again (server rerun + websocket + Vega drawing; bench_dashboard.py measures the server side alone);
  4. "Pakai data contoh nasional" in a third session (2023 + 2024 + 2025 at real scale, ~415,000 rows);
  5. the second session uploads the file again with every sub-indicator code outside the built-in catalogue
     (the issue's case: every row gets a note).

Beside it, in the same run: a plain pandas script reading and scoring the same file (no validation, no web
server; bench_skala.py's), its wall time and peak memory.

    python bench/bench_browser.py [--ulang 2] [--settle 5]

Writes bench/out/browser.json and prints a Markdown table. Needs /usr/bin/chromium and the test extra
(playwright) and the bench extra (pandas).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "bench"))

from peladen import buka_sesi, jalankan_streamlit, memori_mb, pid_streamlit  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGUMEN = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROVINSI = "Kalimantan Tengah"


def tunggu(page, batas: float = 300_000) -> None:
    """Until the script run is over and nothing stale of the previous run is left."""
    time.sleep(0.1)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=batas)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=batas)


def sesi(browser, url: str):
    return buka_sesi(browser, url, tunggu, tinggi=1600, batas_ms=120_000)


def unggah(page, path: Path) -> tuple[float, list[str]]:
    """Seconds from handing the file to the input until the report is shown; the stage lines seen."""
    hapus = page.get_by_role("button", name="Hapus data dari sesi")
    if hapus.count():  # a report from before would be found at once: start from an empty session
        hapus.click()
        page.get_by_test_id("stMetricLabel").get_by_text("Baris dibaca", exact=True).wait_for(state="detached")
        tunggu(page)
    mulai = time.perf_counter()
    page.locator('input[type="file"]').set_input_files(str(path))
    page.get_by_test_id("stMetricLabel").get_by_text("Baris dibaca", exact=True).wait_for(timeout=300_000)
    tunggu(page)
    detik = time.perf_counter() - mulai
    status = page.get_by_test_id("stExpander").filter(has_text="Selesai dalam").first
    status.locator("summary").click()  # the finished upload's stages, folded above the report
    status.get_by_text("1. Membaca file").wait_for()
    tahap = [t.strip() for t in status.inner_text().splitlines() if t.strip() and "keyboard_arrow" not in t]
    return detik, tahap


def ganti_provinsi(page, opsi: str) -> float:
    """Seconds from choosing a province in the sidebar until the page is drawn again."""
    masukan = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Provinsi").locator("input")
    masukan.click()
    masukan.fill(opsi)
    pilihan = page.get_by_role("option", name=opsi, exact=True)
    pilihan.wait_for()
    mulai = time.perf_counter()
    pilihan.click()
    tunggu(page)
    return time.perf_counter() - mulai


def kode_di_luar_katalog(path: Path) -> Path:
    """The same file with every sub-indicator code outside the built-in catalogue (a suffix "X"), as an export
    made against an unofficial catalogue arrives: every row gets a note, 362,170 findings."""
    keluar = OUT / "skala_kode_luar_katalog.csv"
    baris = path.read_bytes().decode("utf-8-sig").splitlines()
    i = baris[0].split(";").index("sub_indikator")
    isi = [baris[0]] + [";".join(c + "X" if j == i else c for j, c in enumerate(b.split(";"))) for b in baris[1:]]
    keluar.write_bytes(("\ufeff" + "\n".join(isi) + "\n").encode("utf-8"))
    return keluar


def mantap(pid: int, detik: float) -> dict:
    """Memory after ``detik`` seconds of quiet (freed memory goes back to the system with a delay)."""
    time.sleep(detik)
    return memori_mb(pid)


def pandas_beside(path: Path) -> dict:
    from bench_skala import PANDAS, anak

    r = anak([*PANDAS, str(path)])
    return {"detik": r["detik"], "puncak_mb": r["puncak_mb"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=2, help="filter changes measured per direction")
    ap.add_argument("--settle", type=float, default=5.0, help="seconds of quiet before reading memory")
    ap.add_argument("--unggah", type=int, default=3, help="further uploads timed in the first session")
    args = ap.parse_args()
    from bench_skala import skala_nyata
    from playwright.sync_api import sync_playwright

    f2025 = skala_nyata().path_skala_nyata(2025)
    hasil: dict = {"file": f2025.name, "ukuran_mb": round(f2025.stat().st_size / 1e6, 1)}
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, jalankan_streamlit(
            OUT, "bench_browser_streamlit.log", {"MCSP_DATABASE_URL": f"duckdb://{tmp}/mcsp.duckdb"}) as url:
        pid = pid_streamlit(url)
        assert pid, "the streamlit process was not found in /proc"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN)
            k1, a = sesi(browser, url)
            hasil["memori_awal"] = mantap(pid, args.settle)
            hasil["unggah_1_s"], hasil["tahap"] = unggah(a, f2025)
            hasil["memori_satu_sesi_segera"] = memori_mb(pid)
            hasil["memori_satu_sesi"] = mantap(pid, args.settle)
            a.screenshot(path=str(OUT / "bench_browser_data.png"), full_page=True)
            # the same upload again in the same session (the upload box is empty again; the new rows
            # replace the old): the time without the server's first-upload costs
            ulang = [unggah(a, f2025)[0] for _ in range(args.unggah)]
            hasil["unggah_ulang_s"] = {"median": statistics.median(ulang), "min": min(ulang), "maks": max(ulang),
                                       "n": len(ulang)}
            hasil["memori_satu_sesi_setelah_ulang"] = mantap(pid, args.settle)

            a.get_by_test_id("stSidebarNav").get_by_role("link", name="Ringkasan", exact=True).click()
            tunggu(a)
            ubah = []
            for _ in range(args.ulang):
                ubah.append(ganti_provinsi(a, PROVINSI))
                ubah.append(ganti_provinsi(a, "Semua provinsi"))
            hasil["ganti_filter_browser_s"] = {"median": statistics.median(ubah), "maks": max(ubah)}
            a.screenshot(path=str(OUT / "bench_browser_ringkasan.png"), full_page=True)

            k2, b = sesi(browser, url)
            hasil["unggah_2_s"], _ = unggah(b, f2025)
            hasil["memori_dua_sesi"] = mantap(pid, args.settle)
            luar = kode_di_luar_katalog(f2025)
            hasil["unggah_kode_luar_s"], hasil["tahap_kode_luar"] = unggah(b, luar)  # replaces b's data
            hasil["memori_dua_sesi_kode_luar"] = mantap(pid, args.settle)
            b.screenshot(path=str(OUT / "bench_browser_kode_luar.png"), full_page=True)
            luar.unlink()

            k3, c = sesi(browser, url)
            mulai = time.perf_counter()
            c.get_by_role("button", name="Pakai data contoh nasional").click()
            c.get_by_test_id("stMetricLabel").get_by_text("Baris dibaca", exact=True).wait_for(timeout=300_000)
            tunggu(c)
            hasil["contoh_s"] = time.perf_counter() - mulai
            hasil["memori_tiga_sesi_dengan_contoh"] = mantap(pid, args.settle)
            c.screenshot(path=str(OUT / "bench_browser_contoh.png"), full_page=True)
            for k in (k1, k2, k3):
                k.close()
            browser.close()
    hasil["pandas"] = pandas_beside(f2025)
    hasil["mesin"] = {"python": platform.python_version(), "cpu": os.cpu_count(), "load": os.getloadavg(),
                      "waktu": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    (OUT / "browser.json").write_text(json.dumps(hasil, indent=2, ensure_ascii=False), encoding="utf-8")
    print(tabel(hasil))


def tabel(h: dict) -> str:
    m = lambda k: f"{h[k]['rss_mb']:.0f} MB"  # noqa: E731
    return "\n".join([
        f"Real-scale national 2025 file: {h['file']} ({h['ukuran_mb']} MB). Machine: {platform.machine()}, "
        f"{h['mesin']['cpu']} cores, load {h['mesin']['load'][0]:.1f}; {h['mesin']['waktu']}",
        "",
        "| what | dashboard | plain pandas script | bar / goal |",
        "|---|---|---|---|",
        f"| upload until the validation report is shown: median of {h['unggah_ulang_s']['n']} (fastest–slowest) | "
        f"{h['unggah_ulang_s']['median']:.1f} s ({h['unggah_ulang_s']['min']:.1f}–{h['unggah_ulang_s']['maks']:.1f}) | "
        f"read + score {h['pandas']['detik']:.2f} s | ≤ 5 s / ≤ 2 s |",
        f"| the same, first upload on a fresh server / first upload of a second session | {h['unggah_1_s']:.1f} s / "
        f"{h['unggah_2_s']:.1f} s | | |",
        f"| server memory (VmRSS) idle, page open | {m('memori_awal')} | | |",
        f"| server memory after one session uploaded it | {m('memori_satu_sesi')} "
        f"({h['memori_satu_sesi_segera']['rss_mb']:.0f} MB at once) | peak {h['pandas']['puncak_mb']:.0f} MB | "
        "≤ 700 MB / ≤ 400 MB |",
        f"| the same after that session uploaded it {h['unggah_ulang_s']['n']} more times | "
        f"{m('memori_satu_sesi_setelah_ulang')} | | |",
        f"| server memory after two sessions uploaded it | {m('memori_dua_sesi')} | | |",
        f"| upload of the same file with every sub-indicator code outside the catalogue (362,170 notes), second "
        f"session | {h['unggah_kode_luar_s']:.1f} s; memory then {m('memori_dua_sesi_kode_luar')} | | |",
        f"| server memory with a third session on the national sample (3 years) | "
        f"{m('memori_tiga_sesi_dengan_contoh')}; peak {h['memori_tiga_sesi_dengan_contoh']['puncak_mb']:.0f} MB | | |",
        f"| filter change in the browser, Ringkasan (median / max) | {h['ganti_filter_browser_s']['median']:.2f} s / "
        f"{h['ganti_filter_browser_s']['maks']:.2f} s | | |",
        f"| \"Pakai data contoh nasional\", first click on the server | {h['contoh_s']:.1f} s | | |",
        "",
        "Stages shown: " + " · ".join(h["tahap"]),
    ])


if __name__ == "__main__":
    main()
