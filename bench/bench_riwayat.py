"""History at national scale: three years of weekly snapshots of all 552 pemda (~4 million item rows), or,
with ``--skala-nyata``, a year of weekly snapshots at real scale (52 × 362,170 document rows ≈ 19 million).

Snapshots are synthesised from the national sample exports (2023 XLSX, 2024 and 2025 CSV: one data
year per calendar year of snapshots) by moving each document's status forward week by week, each
pemda at its own pace; without the sample files, a base is built from the plugins' catalogues. With
``--skala-nyata`` the base is the real-scale national 2025 file at document level (~656 documents per
pemda; sample_data/skala_nyata.py generates and caches it), moved forward the same way. Then:

1. storing them (``Store.simpan``: hash, per-snapshot scoring for the cache, one transaction with a
   bulk insert), and one real ``Store.impor`` of a file (reading + validation included);
2. trend queries as the Tren page makes them — a province's index, area scores and document counts
   over every snapshot date (p50/p95 over all 38 provinces), one pemda, the whole country, who
   improved most this week, and the pace of every pemda against a deadline;
3. a cold cache (after a plugin change): re-scoring every snapshot once;
4. with ``--skala-nyata``: the database's size on disk, and ``mcsp history import`` as a child process (wall
   time and peak resident set) of one real-scale national file and of three national years in one file
   (1.1 M rows, limits raised by MCSP_BATAS_BARIS, MCSP_BATAS_UKURAN_MB, MCSP_BATAS_SEL).

    python bench/bench_riwayat.py [--skala-nyata [--tanpa-anak]] [--minggu 156] [--url duckdb:///tmp/x.duckdb | postgresql://…] [--ulang 3]

The default store is a fresh DuckDB file in a temporary folder (a PostgreSQL URL must name an empty
database). Prints a Markdown table for the README and writes bench/out/riwayat.json (riwayat_postgresql.json
for PostgreSQL; riwayat_skala_nyata*.json with ``--skala-nyata``).
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
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mcsp_rules  # noqa: E402
from mcsp_rules import Data  # noqa: E402
from mcsp_rules.riwayat import tren  # noqa: E402
from mcsp_rules.riwayat.store import Store, tutup_semua  # noqa: E402
from mcsp_rules.wilayah import daftar_wilayah  # noqa: E402

BASIS = {2023: "rincian_nasional_2023.xlsx", 2024: "rincian_nasional_2024.csv", 2025: "rincian_nasional_2025.csv"}
AWAL = date(2023, 1, 2)  # a Monday
AWAL_SKALA_NYATA = date(2025, 1, 6)  # a Monday
MB = 1024 * 1024
# three national years in one file pass `mcsp history import` with the limits raised (README, "Limits")
BATAS_NAIK = {"MCSP_BATAS_BARIS": "1200000", "MCSP_BATAS_UKURAN_MB": "150", "MCSP_BATAS_SEL": "20000000"}


def basis(tahun: int, registri) -> pl.DataFrame:
    """The national detail rows of ``tahun``: the sample export, or the catalogue × 552 pemda."""
    f = ROOT / "sample_data" / BASIS[tahun]
    if f.exists():
        return mcsp_rules.load(f, registri=registri).rincian
    katalog = registri.katalog_sub().filter(pl.col("tahun") == tahun).select(
        "tahun", "area", "indikator", "sub_indikator", "nama_sub_indikator", pl.col("bobot_katalog").alias("bobot"))
    return (daftar_wilayah().join(katalog, how="cross")
            .with_columns(pl.lit("belum diunggah").alias("status"), pl.lit(None, pl.Float64).alias("nilai")))


def siapkan(basis_per_tahun: dict[int, pl.DataFrame]) -> dict[int, pl.DataFrame]:
    """Per year: the base rows plus a fixed random draw per row and a pace per pemda."""
    rng = np.random.default_rng(2025)
    hasil = {}
    for t, b in sorted(basis_per_tahun.items()):
        kode = b["kode_wilayah"].cast(pl.String).unique().sort()
        laju = pl.DataFrame({"kode_wilayah": kode, "_laju": rng.uniform(0.45, 1.0, kode.len())})
        b = (b.with_columns(pl.col("kode_wilayah").cast(pl.String))
             .join(laju, on="kode_wilayah", how="left").with_columns(pl.Series("_u", rng.random(b.height))))
        hasil[t] = b
    return hasil


def skala_nyata():
    """sample_data/skala_nyata.py, imported by path (sample_data is not a package)."""
    from bench_skala import skala_nyata as modul

    return modul()


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


def ukuran_db(store: Store) -> dict:
    """The database's size on disk (DuckDB: the file after a checkpoint; PostgreSQL: pg_database_size) and, on
    PostgreSQL, each mcsp table's size with its indexes and TOAST."""
    from mcsp_rules.riwayat.url import path_duckdb

    with store.koneksi() as kon:
        if kon.dialek == "duckdb":
            kon.eksekusi("CHECKPOINT")
            path = path_duckdb(store.url)
            wal = path.with_name(path.name + ".wal")
            return {"total_mb": (path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / MB}
        tabel = kon.eksekusi(
            "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r' AND relname LIKE 'mcsp%' "
            "ORDER BY 2 DESC")
        return {"total_mb": kon.skalar("SELECT pg_database_size(current_database())") / MB,
                "tabel_mb": {n: round(b / MB, 1) for n, b in tabel}}


def impor_anak(url: str, files: list[Path], tanggal: date, env: dict | None = None) -> dict:
    """``mcsp history import`` as a child process: wall time, exit code, peak resident set (bench_skala.anak)."""
    from bench_skala import MCSP, anak

    tutup_semua()  # hand the DuckDB file to the child (one writer process per file)
    return anak([*MCSP, "history", "import", *map(str, files), "--tanggal", tanggal.isoformat(), "--database", url],
                env=env)


def hapus_tanggal(store: Store, tanggal: date) -> None:
    """Remove for good the snapshots of ``tanggal`` (what a child import stored), keeping the weekly series."""
    for sid in store.daftar().filter(pl.col("tanggal") == tanggal)["id"].to_list():
        store.hapus(sid, final=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skala-nyata", action="store_true",
                    help="real scale: the national 2025 year at document level (~362,000 rows a snapshot), 52 weeks")
    ap.add_argument("--minggu", type=int, help="weekly snapshots (default 156 = three years; 52 with --skala-nyata)")
    ap.add_argument("--url", help="store URL (default: a fresh DuckDB file in a temporary folder)")
    ap.add_argument("--ulang", type=int, default=3, help="repetitions of each query per province/pemda")
    ap.add_argument("--tanpa-anak", action="store_true", help="--skala-nyata without the `mcsp history import` children")
    args = ap.parse_args()
    minggu = args.minggu or (52 if args.skala_nyata else 156)

    tmp = tempfile.TemporaryDirectory(prefix="mcsp-bench-")
    url = args.url or f"duckdb://{tmp.name}/riwayat.duckdb"
    store = Store(url)
    registri = mcsp_rules.registri_bawaan()
    t0 = time.perf_counter()
    if args.skala_nyata:
        sn = skala_nyata()
        file_nasional = sn.path_skala_nyata(2025)
        awal = AWAL_SKALA_NYATA
        basis_per_tahun = siapkan({2025: mcsp_rules.load(file_nasional, registri=registri).rincian})
        tahun_minggu = [2025] * minggu
    else:
        file_nasional = ROOT / "sample_data" / "rincian_nasional_2025.csv"
        awal = AWAL
        tahun_minggu = [min(2023 + m // 52, 2025) for m in range(minggu)]
        basis_per_tahun = siapkan({t: basis(t, registri) for t in sorted(set(tahun_minggu))})
    print(f"bases ready in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    ringkasan = pl.DataFrame(schema={"tahun": pl.Int32, "kode_wilayah": pl.String, "area": pl.String, "skor": pl.Float64})
    baris = pl.DataFrame()

    # 1. storing
    tulis, jumlah_baris = [], 0
    for m in range(minggu):
        rincian = snapshot(basis_per_tahun[tahun_minggu[m]], m % 52)
        data = Data(rincian, ringkasan, baris, None, registri)
        t = time.perf_counter()
        hasil = store.simpan(data, awal + timedelta(weeks=m), f"minggu {m}", nama_file=[f"nasional_{m:03d}.csv"])
        tulis.append(time.perf_counter() - t)
        assert hasil.baru, "synthetic weeks must differ"
        jumlah_baris += rincian.height
        if (m + 1) % (13 if args.skala_nyata else 26) == 0:
            print(f"  {m + 1} snapshots, {jumlah_baris:,} rows, {sum(tulis):.1f} s", file=sys.stderr)
    del basis_per_tahun, rincian, data
    ukuran = ukuran_db(store)
    print(f"  database: {ukuran['total_mb']:.0f} MB", file=sys.stderr)
    # One real import (reading + validation + store) of a national file, then removed again so the
    # synthetic weekly series stays smooth.
    t = time.perf_counter()
    satu = store.impor(file_nasional, tanggal=awal + timedelta(weeks=minggu))
    impor_penuh = time.perf_counter() - t
    t = time.perf_counter()
    store.hapus(satu.snapshot.id, final=True)  # for good: the rows go too
    hapus = time.perf_counter() - t
    jumlah_snapshot = minggu

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
    tenggat = awal + timedelta(weeks=minggu + 8)
    waktu_laju = ukur(lambda: tren.laju_wilayah(riw_nasional, tenggat, target_indeks=75.0), args.ulang)
    berisiko = int(tren.laju_wilayah(riw_nasional, tenggat, target_indeks=75.0)["berisiko"].sum())

    # 3. cold cache: every snapshot re-scored once (what a plugin change costs, once)
    store.hapus_cache()
    t = time.perf_counter()
    store.riwayat("62")
    dingin = time.perf_counter() - t

    hasil = {
        "backend": store.dialek, "skala_nyata": args.skala_nyata, "snapshot": jumlah_snapshot,
        "baris_item": jumlah_baris,
        "simpan_total_detik": sum(tulis), "simpan_per_snapshot_p50_detik": statistics.median(tulis),
        "baris_per_detik": jumlah_baris / sum(tulis), "ukuran_db": ukuran,
        "impor_file_penuh_detik": impor_penuh, "hapus_snapshot_detik": hapus,
        "tren_provinsi_p50_ms": 1000 * statistics.median(waktu_prov), "tren_provinsi_p95_ms": 1000 * persentil(waktu_prov, 95),
        "tren_provinsi_baris_cache": baris_prov,
        "tren_pemda_p50_ms": 1000 * statistics.median(waktu_pemda), "tren_pemda_p95_ms": 1000 * persentil(waktu_pemda, 95),
        "nasional_indeks_p50_ms": 1000 * statistics.median(waktu_nasional),
        "nasional_indeks_p95_ms": 1000 * persentil(waktu_nasional, 95),
        "paling_naik_p50_ms": 1000 * statistics.median(waktu_naik),
        "laju_552_pemda_p50_ms": 1000 * statistics.median(waktu_laju),
        "laju_552_pemda_p95_ms": 1000 * persentil(waktu_laju, 95), "pemda_berisiko": berisiko,
        "cache_dingin_detik": dingin,
        "mesin": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
                 f"{platform.python_version()}, polars {pl.__version__}",
        "beban_kueri": os.getloadavg(),
    }

    # 4. `mcsp history import` as a child: one real-scale national file, then three national years in one file
    if args.skala_nyata and not args.tanpa_anak:
        from bench_skala import MCSP, anak, baca_skala, tulis_csv

        tanggal = awal + timedelta(weeks=minggu + 1)
        keluaran = Path(tmp.name) / "skor.csv"
        # `mcsp score` on the same file beside it: what reading and validating alone peak at
        hasil["anak_score_1_tahun"] = anak([*MCSP, "score", str(file_nasional), "--output", str(keluaran)])
        hasil["anak_impor_1_tahun"] = impor_anak(url, [file_nasional], tanggal)
        hapus_tanggal(store, tanggal)
        tiga = Path(tmp.name) / "tiga_tahun.csv"
        tulis_csv(pl.concat([baca_skala(sn.path_skala_nyata(t)) for t in (2023, 2024, 2025)], how="diagonal"), tiga)
        hasil["baris_tiga_tahun"] = sum(1 for _ in tiga.open("rb")) - 1
        hasil["ukuran_tiga_tahun_mb"] = tiga.stat().st_size / MB
        hasil["anak_score_3_tahun"] = anak([*MCSP, "score", str(tiga), "--output", str(keluaran)], env=BATAS_NAIK)
        hasil["anak_impor_3_tahun"] = impor_anak(url, [tiga], tanggal, env=BATAS_NAIK)
        hapus_tanggal(store, tanggal)
        tiga.unlink()
    hasil["beban_akhir"] = os.getloadavg()

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    # one file per backend and scale, so one run does not overwrite another's numbers
    nama = "riwayat" + ("_skala_nyata" if args.skala_nyata else "") + ("" if store.dialek == "duckdb" else f"_{store.dialek}")
    (out / f"{nama}.json").write_text(json.dumps(hasil, indent=2, default=str))

    skala = "real-scale " if args.skala_nyata else ""
    print(f"\n### History store ({hasil['backend']}): {jumlah_snapshot} weekly {skala}snapshots, {jumlah_baris:,} item rows\n")
    print("| measure | value |\n|---|---|")
    print(f"| store {jumlah_snapshot} snapshots ({jumlah_baris:,} rows; hash, scoring for the cache, "
          f"one transaction each) | {hasil['simpan_total_detik']:.1f} s ({hasil['baris_per_detik']:,.0f} rows/s; "
          f"{1000 * hasil['simpan_per_snapshot_p50_detik']:.0f} ms per snapshot, p50) |")
    print(f"| database size on disk after them | {ukuran['total_mb']:,.0f} MB |")
    print(f"| `Store.impor` of one national file (reading + validation + store) | {impor_penuh:.2f} s |")
    print(f"| delete one snapshot (`Store.hapus`) | {1000 * hapus:.0f} ms |")
    print(f"| province trend: index, area scores, documents over {jumlah_snapshot} dates (38 provinces × {args.ulang}) | "
          f"p50 {hasil['tren_provinsi_p50_ms']:.0f} ms, p95 {hasil['tren_provinsi_p95_ms']:.0f} ms |")
    print(f"| one pemda, one row per date (`mcsp history trend`) | p50 {hasil['tren_pemda_p50_ms']:.0f} ms, "
          f"p95 {hasil['tren_pemda_p95_ms']:.0f} ms |")
    print(f"| whole country: 552 pemda × {jumlah_snapshot} dates | p50 {hasil['nasional_indeks_p50_ms']:.0f} ms, "
          f"p95 {hasil['nasional_indeks_p95_ms']:.0f} ms |")
    print(f"| who improved most this week (552 pemda) | p50 {hasil['paling_naik_p50_ms']:.0f} ms |")
    print(f"| pace of 552 pemda against a deadline | p50 {hasil['laju_552_pemda_p50_ms']:.0f} ms, "
          f"p95 {hasil['laju_552_pemda_p95_ms']:.0f} ms ({berisiko} at risk) |")
    print(f"| cold cache after a plugin change: re-score all {jumlah_snapshot} snapshots once | {dingin:.1f} s |")
    for kunci, apa in (("anak_impor_1_tahun", "`mcsp history import` of one real-scale national file (child process)"),
                       ("anak_score_1_tahun", "beside it: `mcsp score` of the same file"),
                       ("anak_impor_3_tahun", f"`mcsp history import` of three national years in one file "
                                              f"({hasil.get('baris_tiga_tahun', 0):,} rows; limits raised)"),
                       ("anak_score_3_tahun", "beside it: `mcsp score` of the same file")):
        if kunci in hasil:
            a = hasil[kunci]
            print(f"| {apa} | {a['detik']:.1f} s, peak {a['puncak_mb']:,.0f} MB"
                  + ("" if a["kode_keluar"] == 0 else f", EXIT {a['kode_keluar']}: {a['stderr']}") + " |")
    if store.dialek == "postgresql":
        print(f"\ntables: {ukuran['tabel_mb']}")
    print(f"\n{hasil['mesin']}; load average {hasil['beban_kueri'][0]:.1f} at the end of the queries")


if __name__ == "__main__":
    main()
