"""What-if simulation and the exact action plan at national scale (the national 2024 sample:
552 pemda × ~48 sub-indicators).

1. the plan for **all 552 pemda** (target Hijau = 75, and an effort budget), as ``mcsp plan`` and
   the Rencana aksi page compute it: gaps, exact fast path, block-diagonal MILP (HiGHS), re-scoring;
2. a simulation recompute for **one pemda** and for **one province** (Jawa Timur, 39 pemda, the
   largest) against the whole country (ranks need every pemda), with the baseline reused as the
   Simulasi page reuses it between reruns;
3. the same with the baseline rebuilt (the first run after a change of weights), and a weights
   sensitivity run (national ranks under other area weights).

    python bench/bench_rencana.py [--ulang 7]

Prints medians (and the minimum) in milliseconds as a Markdown table and writes bench/out/rencana.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ukur import waktu  # noqa: E402

import mcsp_rules  # noqa: E402
from mcsp_rules.perencanaan.rencana import rencana  # noqa: E402
from mcsp_rules.perencanaan.sensitivitas import sensitivitas  # noqa: E402
from mcsp_rules.perencanaan.simulasi import dasar, simulasi  # noqa: E402
from mcsp_rules.perencanaan.skenario import Aksi, Skenario  # noqa: E402

FILE = ROOT / "sample_data" / "rincian_nasional_2024.csv"
PEMDA = "62.03"  # Kabupaten Kapuas
PROVINSI = "35"  # Jawa Timur: the province with the most pemda
AKSI = (Aksi("perbaiki", jumlah=3), Aksi("unggah", area=("PBJ", "APIP")), Aksi("terima_verifikasi"))


def waktu_ms(fn, ulang: int) -> tuple[float, float]:
    fn()  # warm-up: imports, first-call compilation of expressions, scipy/HiGHS loading
    med, mn = waktu(fn, ulang)
    return med * 1000, mn * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ulang", type=int, default=7)
    args = ap.parse_args()
    if not FILE.exists():
        sys.exit(f"{FILE} is missing: run sample_data/generate.py first")

    data = mcsp_rules.load(FILE)
    d = dasar(data)
    n_pemda = d.wilayah.height
    baris = []

    def ukur(nama: str, fn, target_ms: float | None = None) -> None:
        med, mn = waktu_ms(fn, args.ulang)
        baris.append({"apa": nama, "median_ms": round(med, 1), "min_ms": round(mn, 1), "target_ms": target_ms})
        print(f"  {nama}: {med:.1f} ms (min {mn:.1f})", file=sys.stderr)

    r = rencana(data, target=75, dasar_=d)
    metode = dict(r.ringkasan.group_by("metode").len().rows())
    ukur(f"plan, all {n_pemda} pemda, target 75 (Hijau)", lambda: rencana(data, target=75, dasar_=d), 1000)
    ukur(f"plan, all {n_pemda} pemda, effort budget 10", lambda: rencana(data, anggaran=10, dasar_=d), 1000)
    ukur(f"plan, one province ({PROVINSI}), target 75", lambda: rencana(data, kode_provinsi=PROVINSI, target=75, dasar_=d))
    ukur(f"plan, one pemda ({PEMDA}), target 75", lambda: rencana(data, PEMDA, target=75, dasar_=d))

    satu = Skenario(kode_wilayah=PEMDA, aksi=AKSI)
    prov = Skenario(kode_provinsi=PROVINSI, aksi=AKSI)
    n_prov = simulasi(data, prov, dasar_=d).wilayah.height
    ukur(f"simulation recompute, one pemda ({PEMDA}), national ranks", lambda: simulasi(data, satu, dasar_=d), 100)
    ukur(f"simulation recompute, one province ({PROVINSI}, {n_prov} pemda), national ranks",
         lambda: simulasi(data, prov, dasar_=d), 100)
    ukur("simulation, every pemda of the country", lambda: simulasi(data, Skenario(aksi=AKSI), dasar_=d))
    ukur("baseline (once per dataset and weights)", lambda: dasar(data))
    ukur("sensitivity: national ranks under other area weights",
         lambda: sensitivitas(data, {(2024, "PBJ"): 3.0, (2024, "PAJAK"): 0.5}))

    mesin = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    print(f"\nnational 2024 sample: {n_pemda} pemda, {data.rincian.height:,} detail rows; {mesin}; "
          f"median of {args.ulang} runs after a warm-up")
    print(f"plan methods (target 75): {metode}\n")
    print("| what | median | min | target |")
    print("|---|---|---|---|")
    for b in baris:
        target = f"< {b['target_ms']:.0f} ms" if b["target_ms"] else ""
        print(f"| {b['apa']} | {b['median_ms']:.1f} ms | {b['min_ms']:.1f} ms | {target} |")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "rencana.json").write_text(json.dumps({"mesin": mesin, "pemda": n_pemda, "metode": metode, "hasil": baris},
                                                 indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
