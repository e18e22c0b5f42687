"""History at national scale: three years of weekly snapshots of all 552 pemda (~4 million item rows).

Snapshots are synthesised from the national sample exports (2023 XLSX, 2024 and 2025 CSV: one data
year per calendar year of snapshots) by moving each document's status forward week by week, each
pemda at its own pace; without the sample files, a base is built from the plugins' catalogues. Then:

1. storing them (``Store.simpan``: hash, per-snapshot scoring for the cache, one transaction with a
   bulk insert), and one real ``Store.impor`` of a file (reading + validation included);
2. trend queries as the Tren page makes them — a province's index, area scores and document counts
   over every snapshot date (p50/p95 over all 38 provinces), one pemda, the whole country, who
   improved most this week, and the pace of every pemda against a deadline;
3. a cold cache (after a plugin change): re-scoring every snapshot once.

    python bench/bench_riwayat.py [--minggu 156] [--url duckdb:///tmp/x.duckdb | postgresql://…] [--ulang 3]

The default store is a fresh DuckDB file in a temporary folder. Prints a Markdown table for the README
and writes bench/out/riwayat.json (riwayat_postgresql.json for PostgreSQL).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mcsp_rules  # noqa: E402
from mcsp_rules import Data  # noqa: E402
from mcsp_rules.riwayat import tren  # noqa: E402
from mcsp_rules.riwayat.store import Store  # noqa: E402
from mcsp_rules.wilayah import daftar_wilayah  # noqa: E402

BASIS = {2023: "rincian_nasional_2023.xlsx", 2024: "rincian_nasional_2024.csv", 2025: "rincian_nasional_2025.csv"}
AWAL = date(2023, 1, 2)  # a Monday


def basis(tahun: int, registri) -> pl.DataFrame:
    """The national detail rows of ``tahun``: the sample export, or the catalogue × 552 pemda."""
    f = ROOT / "sample_data" / BASIS[tahun]
    if f.exists():
        return mcsp_rules.load(f, registri=registri).rincian
    katalog = registri.katalog_sub().filter(pl.col("tahun") == tahun).select(
        "tahun", "area", "indikator", "sub_indikator", "nama_sub_indikator", pl.col("bobot_katalog").alias("bobot"))
    return (daftar_wilayah().join(katalog, how="cross")
            .with_columns(pl.lit("belum diunggah").alias("status"), pl.lit(None, pl.Float64).alias("nilai")))


def siapkan(registri, tahun_list):
    """Per year: the base rows plus a fixed random draw per row and a pace per pemda."""
    rng = np.random.default_rng(2025)
    hasil = {}
    for t in tahun_list:
        b = basis(t, registri)
        kode = b["kode_wilayah"].unique().sort()
        laju = pl.DataFrame({"kode_wilayah": kode, "_laju": rng.uniform(0.45, 1.0, kode.len())})
        b = b.join(laju, on="kode_wilayah", how="left").with_columns(pl.Series("_u", rng.random(b.height)))
        hasil[t] = b
    return hasil


def snapshot(b: pl.DataFrame, minggu_ke: int) -> pl.DataFrame:
    """Week ``minggu_ke`` (0–51) of the year: the share accepted grows from 15% to about 95% × pace."""
    p = (0.15 + 0.85 * (minggu_ke + 1) / 52) * pl.col("_laju")
    u = pl.col("_u")
    status = (pl.when(u < p).then(pl.lit("diterima"))
              .when(u < p + 0.08).then(pl.lit("proses verifikasi"))
              .when(u < p + 0.12).then(pl.lit("perlu perbaikan"))
              .otherwise(pl.lit("belum diunggah")))
    return b.with_columns(status.alias("status"),
                          pl.when(u < p).then(pl.col("nilai")).otherwise(None).alias("nilai")).drop("_u", "_laju")


def persentil(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def ukur(fungsi, ulang: int) -> list[float]:
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t)
    return waktu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minggu", type=int, default=156, help="weekly snapshots (156 = three years)")
    ap.add_argument("--url", help="store URL (default: a fresh DuckDB file in a temporary folder)")
    ap.add_argument("--ulang", type=int, default=3, help="repetitions of each query per province/pemda")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="mcsp-bench-")
    url = args.url or f"duckdb://{tmp.name}/riwayat.duckdb"
    store = Store(url)
    registri = mcsp_rules.registri_bawaan()
    tahun_list = sorted({2023 + m // 52 for m in range(args.minggu)})
    t0 = time.perf_counter()
    basis_per_tahun = siapkan(registri, [min(t, 2025) for t in tahun_list])
    print(f"bases ready in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    ringkasan = pl.DataFrame(schema={"tahun": pl.Int32, "kode_wilayah": pl.String, "area": pl.String, "skor": pl.Float64})
    baris = pl.DataFrame()

    # 1. storing
    tulis, jumlah_baris = [], 0
    for m in range(args.minggu):
        tahun = min(2023 + m // 52, 2025)
        rincian = snapshot(basis_per_tahun[tahun], m % 52)
        data = Data(rincian, ringkasan, baris, None, registri)
        t = time.perf_counter()
        hasil = store.simpan(data, AWAL + timedelta(weeks=m), f"minggu {m}", nama_file=[f"nasional_{m:03d}.csv"])
        tulis.append(time.perf_counter() - t)
        assert hasil.baru, "synthetic weeks must differ"
        jumlah_baris += rincian.height
        if (m + 1) % 26 == 0:
            print(f"  {m + 1} snapshots, {jumlah_baris:,} rows, {sum(tulis):.1f} s", file=sys.stderr)
    # One real import (reading + validation + store) of a national file, then removed again so the
    # synthetic weekly series stays smooth.
    impor_file = ROOT / "sample_data" / "rincian_nasional_2025.csv"
    t = time.perf_counter()
    satu = store.impor(impor_file, tanggal=AWAL + timedelta(weeks=args.minggu))
    impor_penuh = time.perf_counter() - t
    t = time.perf_counter()
    store.hapus(satu.snapshot.id, final=True)  # for good: the rows go too
    hapus = time.perf_counter() - t
    jumlah_snapshot = args.minggu

    # 2. queries
    provinsi = daftar_wilayah().filter(pl.col("jenis_pemda") == "provinsi")["kode_wilayah"].to_list()

    def tren_provinsi(kode):
        riw = store.riwayat(kode)
        return tren.indeks_provinsi(riw), tren.skor_area(riw, "provinsi"), tren.dokumen(riw, "provinsi")

    tren_provinsi(provinsi[0])  # warm the registry and the connection path once
    waktu_prov = [w for kode in provinsi for w in ukur(lambda k=kode: tren_provinsi(k), args.ulang)]
    baris_prov = store.riwayat("33").area.height
    pemda = ["33.74", "62.03", "11.01", "94.71", "31.71"]
    waktu_pemda = [w for kode in pemda for w in ukur(lambda k=kode: tren.tabel_tren(store.riwayat(k)), args.ulang)]
    riw_nasional = None

    def nasional():
        nonlocal riw_nasional
        riw_nasional = store.riwayat(None)
        return tren.indeks_wilayah(riw_nasional)

    waktu_nasional = ukur(nasional, args.ulang)
    wil = tren.indeks_wilayah(riw_nasional)
    dok = tren.dokumen(riw_nasional, "wilayah")
    waktu_naik = ukur(lambda: tren.paling_naik(wil, dok), args.ulang)
    tenggat = AWAL + timedelta(weeks=args.minggu + 8)
    waktu_laju = ukur(lambda: tren.laju_wilayah(riw_nasional, tenggat, target_indeks=75.0), args.ulang)
    berisiko = int(tren.laju_wilayah(riw_nasional, tenggat, target_indeks=75.0)["berisiko"].sum())

    # 3. cold cache: every snapshot re-scored once (what a plugin change costs, once)
    store.hapus_cache()
    t = time.perf_counter()
    store.riwayat("62")
    dingin = time.perf_counter() - t

    hasil = {
        "backend": store.dialek, "snapshot": jumlah_snapshot, "baris_item": jumlah_baris,
        "simpan_total_detik": sum(tulis), "simpan_per_snapshot_p50_detik": statistics.median(tulis),
        "baris_per_detik": jumlah_baris / sum(tulis),
        "impor_file_penuh_detik": impor_penuh, "hapus_snapshot_detik": hapus,
        "tren_provinsi_p50_ms": 1000 * statistics.median(waktu_prov), "tren_provinsi_p95_ms": 1000 * persentil(waktu_prov, 95),
        "tren_provinsi_baris_cache": baris_prov,
        "tren_pemda_p50_ms": 1000 * statistics.median(waktu_pemda), "tren_pemda_p95_ms": 1000 * persentil(waktu_pemda, 95),
        "nasional_indeks_p50_ms": 1000 * statistics.median(waktu_nasional),
        "paling_naik_p50_ms": 1000 * statistics.median(waktu_naik),
        "laju_552_pemda_p50_ms": 1000 * statistics.median(waktu_laju), "pemda_berisiko": berisiko,
        "cache_dingin_detik": dingin,
        "mesin": f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, polars {pl.__version__}",
    }
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    # one file per backend, so a PostgreSQL run does not overwrite the DuckDB numbers
    (out / ("riwayat.json" if store.dialek == "duckdb" else f"riwayat_{store.dialek}.json")).write_text(
        json.dumps(hasil, indent=2))

    print(f"\n### History store ({hasil['backend']}): {jumlah_snapshot} weekly snapshots, {jumlah_baris:,} item rows\n")
    print("| measure | value |\n|---|---|")
    print(f"| store {jumlah_snapshot} snapshots ({jumlah_baris:,} rows; hash, scoring for the cache, "
          f"one transaction each) | {hasil['simpan_total_detik']:.1f} s ({hasil['baris_per_detik']:,.0f} rows/s; "
          f"{1000 * hasil['simpan_per_snapshot_p50_detik']:.0f} ms per snapshot, p50) |")
    print(f"| `Store.impor` of one national file (reading + validation + store) | {impor_penuh:.2f} s |")
    print(f"| delete one snapshot (`Store.hapus`) | {1000 * hapus:.0f} ms |")
    print(f"| province trend: index, area scores, documents over {jumlah_snapshot} dates (38 provinces × {args.ulang}) | "
          f"p50 {hasil['tren_provinsi_p50_ms']:.0f} ms, p95 {hasil['tren_provinsi_p95_ms']:.0f} ms |")
    print(f"| one pemda, one row per date (`mcsp history trend`) | p50 {hasil['tren_pemda_p50_ms']:.0f} ms, "
          f"p95 {hasil['tren_pemda_p95_ms']:.0f} ms |")
    print(f"| whole country: 552 pemda × {jumlah_snapshot} dates | p50 {hasil['nasional_indeks_p50_ms']:.0f} ms |")
    print(f"| who improved most this week (552 pemda) | p50 {hasil['paling_naik_p50_ms']:.0f} ms |")
    print(f"| pace of 552 pemda against a deadline | p50 {hasil['laju_552_pemda_p50_ms']:.0f} ms ({berisiko} at risk) |")
    print(f"| cold cache after a plugin change: re-score all {jumlah_snapshot} snapshots once | {dingin:.1f} s |")
    print(f"\n{hasil['mesin']}")


if __name__ == "__main__":
    main()
