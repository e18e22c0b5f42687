"""Load + validate + score of the national sample (552 pemda, three years), three ways:

1. the engine in process (mcsp_rules.load + score: reading, every validation rule, scoring);
2. a plain pandas implementation of the same arithmetic on the same files (reading + scoring,
   no validation at all), in the same run;
3. the whole `mcsp score` command as a user runs it (interpreter start and imports included),
   with its peak memory.

    python bench/bench_mesin.py [--ulang 5]

Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ukur import engine_skor, waktu

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "sample_data" / f for f in
         ("rincian_nasional_2023.xlsx", "rincian_nasional_2024.csv", "rincian_nasional_2025.csv")]


def pandas_skor(files):
    """The same arithmetic (design.md §2, equal area weights) in plain pandas."""
    import pandas as pd
    from pembanding import skor_pandas

    frames = []
    for f in files:
        if f.suffix == ".xlsx":
            df = pd.read_excel(f, dtype=str, engine="calamine")
        else:
            sep = ";" if f.read_bytes()[:300].count(b";") > 2 else ","
            df = pd.read_csv(f, sep=sep, dtype=str, encoding="utf-8-sig")
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    df["tahun"] = df["tahun"].astype(float).astype(int)
    for k in ("bobot", "nilai"):
        df[k] = pd.to_numeric(df[k].str.replace(",", ".", regex=False), errors="coerce")
    return skor_pandas(df)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=5)
    args = ap.parse_args()
    missing = [f for f in FILES if not f.exists()]
    if missing:
        sys.exit(f"sample data missing: {missing}; run python sample_data/generate.py")

    import pandas  # noqa: F401

    import mcsp_rules  # noqa: F401 — imports are not part of the in-process timing

    data, skor = engine_skor(FILES)  # warm-up (registry load, pandera import)
    rows = data.laporan.dibaca
    banding = pandas_skor(FILES)
    # same answers, or the comparison means nothing
    a = skor.filter(skor["indeks"].is_not_null()).sort("tahun", "kode_wilayah")["indeks"].to_list()
    b = banding.dropna(subset=["indeks"]).sort_values(["tahun", "kode_wilayah"])["indeks"].tolist()
    assert len(a) == len(b) and max(abs(x - y) for x, y in zip(a, b)) < 1e-9, "pandas and engine disagree"

    e_med, e_min = waktu(lambda: engine_skor(FILES), args.ulang)
    p_med, p_min = waktu(lambda: pandas_skor(FILES), args.ulang)
    csv = FILES[1:]
    ec_med, _ = waktu(lambda: engine_skor(csv), args.ulang)
    pc_med, _ = waktu(lambda: pandas_skor(csv), args.ulang)

    mcsp = [sys.executable, "-m", "mcsp_rules.cli"]
    cli = []
    for _ in range(args.ulang):
        t = time.perf_counter()
        subprocess.run([*mcsp, "score", *map(str, FILES), "--output", "/dev/null"], check=True, capture_output=True)
        cli.append(time.perf_counter() - t)
    t = time.perf_counter()
    for _ in range(args.ulang):
        subprocess.run([sys.executable, "-c", "import sys; from mcsp_rules.cli import _TanpaModul; "
                        "sys.meta_path.insert(0, _TanpaModul()); import mcsp_rules, pandera.polars"],
                       check=True, capture_output=True)
    impor = (time.perf_counter() - t) / args.ulang
    # through a small launcher: a child exec'd from this process (large after the in-process runs) would report
    # at least this process's own high-water mark as its ru_maxrss (see bench_skala.anak)
    from bench_skala import anak

    peak_mb = anak([*mcsp, "score", *map(str, FILES), "--output", "/dev/null"])["puncak_mb"]

    print(f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores; {rows:,} rows in 3 files (552 pemda × 3 years)\n")
    print("| what | median | best |")
    print("|---|---|---|")
    print(f"| engine in process: load + validate + score, 3 files (1 XLSX) | {e_med * 1000:.0f} ms | {e_min * 1000:.0f} ms |")
    print(f"| pandas, same arithmetic, no validation, same 3 files | {p_med * 1000:.0f} ms | {p_min * 1000:.0f} ms |")
    print(f"| engine / pandas | {e_med / p_med:.2f} | |")
    print(f"| engine in process, the 2 CSV files | {ec_med * 1000:.0f} ms | |")
    print(f"| pandas, the 2 CSV files | {pc_med * 1000:.0f} ms | |")
    print(f"| whole `mcsp score` run, 3 files | {statistics.median(cli) * 1000:.0f} ms | {min(cli) * 1000:.0f} ms |")
    print(f"| of which interpreter + imports (python -c 'import ...') | {impor * 1000:.0f} ms | |")
    print(f"| peak memory of a `mcsp score` run (max RSS) | {peak_mb:.0f} MB | |")


if __name__ == "__main__":
    main()
