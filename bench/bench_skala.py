"""Real scale (issue 13): a national 2025 year at document level, ~656 required documents per pemda, 362 170 rows
(sample_data/skala_nyata.py generates and caches it), every measurement side by side with a plain pandas script
IN THE SAME RUN (this shared machine's speed varies by a third from hour to hour):

  a. in process: ``mcsp_rules.load`` + ``mcsp_rules.score`` ÷ a plain pandas read + score (the same arithmetic:
     area score = Σ bobot × item score / Σ bobot per pemda and area, index = mean of the areas; no validation);
  b. the whole ``mcsp score FILE`` run (interpreter start and imports included): wall time and PEAK memory (the
     child's maximum resident set, from wait4) against the pandas script run the same way;
  c. peak memory of ``mcsp score`` on the largest input each upload limit lets through (mcsp_rules/batas.py),
     and on three national years at once (three files, and one 1.1 M-row file with limits raised by environment
     variable);
  d. what-if recompute for one province and the plan for all 552 pemda (mcsp_rules.simulate / mcsp_rules.plan);
  e. a and b again on the same file with every sub-indicator code outside the built-in catalogue, as a real
     export against an unofficial catalogue has it: every row gets a note, the report holds 362,170 findings.

    python bench/bench_skala.py [--bagian abcde] [--ulang 3]

Needs the bench extra (pandas). Writes bench/out/skala.json and prints a Markdown table. Each input is built in
bench/out/skala/ and removed after its measurement (the 1.1 M-row file is ~86 MB).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from ukur import engine_skor, waktu

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
KERJA = OUT / "skala"
PROVINSI = "35"  # Jawa Timur, the province with the most pemda (39)
MB = 1024 * 1024


def skala_nyata():
    """sample_data/skala_nyata.py, imported by path (sample_data is not a package)."""
    spec = importlib.util.spec_from_file_location("skala_nyata", ROOT / "sample_data" / "skala_nyata.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


# ------------------------------------------------------------------------------------ the pandas side


def pandas_skor(files):
    """The same arithmetic (design.md §2, equal area weights) in plain pandas: read, score, no validation."""
    import pandas as pd
    from pembanding import skor_pandas

    kolom = ["tahun", "kode_wilayah", "area", "bobot", "status", "nilai"]
    frames = []
    for f in map(Path, files):
        # as a plain script reads an export: the columns it needs, the separator and decimal mark it sees
        with open(f, "rb") as awal:
            titik_koma = awal.read(300).count(b";") > 2
        frames.append(pd.read_csv(f, sep=";" if titik_koma else ",", decimal="," if titik_koma else ".",
                                  usecols=kolom, dtype={"kode_wilayah": str, "area": str, "status": str},
                                  encoding="utf-8-sig"))
    df = pd.concat(frames, ignore_index=True)
    return skor_pandas(df)


# A child's peak resident set is read from a small launcher process, never from this one: Linux carries the
# high-water mark of the memory a process had when it called exec into the exec'd program's ru_maxrss, so a child
# started from this (by then large) process would report at least this process's own peak.
_PELUNCUR = """
import resource, subprocess, sys, time
keluar, batas_waktu, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
t = time.perf_counter()
try:
    kode = subprocess.run(argv, stdout=subprocess.DEVNULL, timeout=batas_waktu).returncode
except subprocess.TimeoutExpired:
    kode = -9
detik = time.perf_counter() - t
with open(keluar, "w") as f:
    f.write(f"{kode} {detik} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
"""


def anak(argv: list[str], env: dict | None = None, batas_waktu: float = 900) -> dict:
    """Run a child to the end: wall time, exit code, its peak resident set (ru_maxrss, through the launcher) and
    the last line of its stderr."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".txt") as hasil:
        subprocess.run([sys.executable, "-c", _PELUNCUR, hasil.name, str(batas_waktu), *argv], stderr=err,
                       env={**os.environ, **(env or {})}, cwd=ROOT, check=True)
        kode, detik, maxrss_kb = hasil.read().split()
        err.seek(0)
        pesan = err.read().decode("utf-8", "replace").strip().splitlines()
    return {"detik": round(float(detik), 3), "puncak_mb": round(int(maxrss_kb) / 1024, 1), "kode_keluar": int(kode),
            "stderr": pesan[-1][:300] if pesan else ""}


MCSP = [sys.executable, "-m", "mcsp_rules.cli"]
PANDAS = [sys.executable, str(Path(__file__).resolve()), "--anak-pandas"]


# ------------------------------------------------------------------------------------ a, b


def bagian_a(file: Path, ulang: int) -> dict:
    import pandas  # noqa: F401

    import mcsp_rules  # noqa: F401 — imports are not part of the in-process timing

    data, skor = engine_skor([file])  # warm-up (registry, pandera)
    banding = pandas_skor([file])
    a = dict(skor.filter(skor["indeks"].is_not_null()).select("kode_wilayah", "indeks").iter_rows())
    b = dict(banding.dropna(subset=["indeks"])[["kode_wilayah", "indeks"]].itertuples(index=False))
    beda = max((abs(a[k] - b[k]) for k in a.keys() & b.keys()), default=float("nan"))
    lap = data.laporan
    e_med, e_min = waktu(lambda: engine_skor([file]), ulang)
    p_med, p_min = waktu(lambda: pandas_skor([file]), ulang)
    return {
        "baris_dibaca": lap.dibaca, "baris_dipakai": lap.dipakai, "baris_disisihkan": lap.jumlah_disisihkan,
        "pemda_sama_jawaban": len(a.keys() & b.keys()), "selisih_indeks_maks": beda,
        "jawaban_sama": len(a) == len(b) == 552 and beda < 1e-9,
        "engine_median_s": round(e_med, 3), "engine_min_s": round(e_min, 3),
        "pandas_median_s": round(p_med, 4), "pandas_min_s": round(p_min, 4), "rasio": round(e_med / p_med, 1),
    }


def bagian_b(file: Path, ulang: int) -> dict:
    cli = [anak([*MCSP, "score", str(file), "--output", os.devnull]) for _ in range(ulang)]
    pd_ = [anak([*PANDAS, str(file)]) for _ in range(ulang)]
    impor = anak([*MCSP, "--help"])  # interpreter, Polars and the command line: what every run pays
    return {
        "mcsp_score_median_s": statistics.median(r["detik"] for r in cli),
        "mcsp_score_puncak_mb": max(r["puncak_mb"] for r in cli), "mcsp_kode_keluar": cli[0]["kode_keluar"],
        "pandas_median_s": statistics.median(r["detik"] for r in pd_),
        "pandas_puncak_mb": max(r["puncak_mb"] for r in pd_),
        "impor_saja_s": impor["detik"], "impor_saja_mb": impor["puncak_mb"],
    }


def bagian_e(file: Path, ulang: int) -> dict:
    """a and b on ``file`` with every sub-indicator code made unknown to the catalogue (a suffix)."""
    import polars as pl

    KERJA.mkdir(parents=True, exist_ok=True)
    luar = tulis_csv(baca_skala(file).with_columns(pl.col("sub_indikator") + "X"), KERJA / "luar_katalog.csv")
    try:
        import mcsp_rules

        lap = mcsp_rules.load(luar).laporan
        return {"catatan": lap.jumlah_catatan, "temuan_mb": round(lap.temuan.estimated_size("mb"), 1),
                "a": bagian_a(luar, ulang), "b": bagian_b(luar, ulang)}
    finally:
        luar.unlink()


# ------------------------------------------------------------------------------------ c: inputs at each limit


def baca_skala(path: Path):
    import polars as pl

    return pl.read_csv(path, separator=";", encoding="utf8", infer_schema=False)


def tulis_csv(df, path: Path) -> Path:
    df.write_csv(path, separator=";", include_bom=True)
    return path


def potong_ukuran(df, path: Path, batas_byte: int) -> Path:
    """The first rows of ``df`` that fit in ``batas_byte`` (minus 1 KB), written to ``path``."""
    import polars as pl

    panjang = df.select(pl.concat_str(pl.all().fill_null(""), separator=";").str.len_bytes() + 1).to_series()
    kepala = len(";".join(df.columns)) + 4
    n = int(((panjang.cum_sum() + kepala) < batas_byte - 1024).sum())
    return tulis_csv(df.head(n), path)


def xlsx_sampai(df, path: Path, batas_byte: int) -> tuple[Path, int]:
    """An XLSX of ``df``'s first rows whose sheet XML stays under ``batas_byte`` decompressed: inline strings
    and numbers as a spreadsheet writes them, built by hand (xlsxwriter takes minutes at this size)."""
    import polars as pl

    kolom = df.columns
    huruf = [chr(ord("A") + i) for i in range(len(kolom))]
    angka = {"tahun", "bobot", "nilai"}

    def sel(k: str, h: str, baris: pl.Expr) -> pl.Expr:
        v = pl.col(k)
        if k in angka:
            v = v.str.replace(",", ".", literal=True)
            isi = pl.concat_str(pl.lit(f'<c r="{h}'), baris, pl.lit('"><v>'), v, pl.lit("</v></c>"))
        else:
            isi = pl.concat_str(pl.lit(f'<c r="{h}'), baris, pl.lit('" t="inlineStr"><is><t>'), v, pl.lit("</t></is></c>"))
        return isi.fill_null("")

    baris = (pl.int_range(pl.len()) + 2).cast(pl.String)
    xml = df.select(
        pl.concat_str(pl.lit('<row r="'), baris, pl.lit('">'), *[sel(k, h, baris) for k, h in zip(kolom, huruf)],
                      pl.lit("</row>")).alias("x")
    )["x"]
    kepala = "".join(f'<c r="{h}1" t="inlineStr"><is><t>{k}</t></is></c>' for k, h in zip(kolom, huruf))
    awal = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.'
            'org/spreadsheetml/2006/main"><sheetData><row r="1">' + kepala + "</row>").encode()
    akhir = b"</sheetData></worksheet>"
    # the limit counts every member of the archive: 1 MB left for the others
    n = int(((xml.str.len_bytes().cum_sum() + len(awal) + len(akhir)) < batas_byte - MB).sum())
    ct = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
          b'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          b'officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
          b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          b'<sheet name="Rincian" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wb_rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
               b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
               b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for nama, isi in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                          ("xl/_rels/workbook.xml.rels", wb_rels)):
            z.writestr(nama, isi)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(awal)
            for i in range(0, n, 50_000):
                f.write("".join(xml.slice(i, min(50_000, n - i)).to_list()).encode())
            f.write(akhir)
    return path, n


def masukan_batas(f2025: Path, f2024: Path, f2023: Path):
    """(name, what it is, build() → list of paths, extra environment) for every limit of mcsp_rules/batas.py."""
    import polars as pl

    from mcsp_rules.batas import BATAS

    def d25():
        return baca_skala(f2025)

    def baris():
        # exactly the row limit: the 2025 year plus 2024 rows (the same catalogue) to fill
        df = pl.concat([d25(), baca_skala(f2024)]).head(BATAS.baris)
        return [tulis_csv(df, KERJA / "batas_baris.csv")]

    def ukuran():
        # the size limit, within the row limit: the optional name columns make rows long (as a portal export with
        # names is), so the size binds first
        gen = skala_nyata().generator()
        areas = gen.muat_area("area_2024_2025.py")
        nama_sub = pl.DataFrame([{"sub_indikator": s.kode, "nama_sub_indikator": s.nama}
                                 for a in areas for s in a.sub_indikator])
        nama = gen.daftar_pemda().select("kode_wilayah", "nama_wilayah")
        df = pl.concat([d25(), baca_skala(f2024)]).join(nama, on="kode_wilayah", how="left", maintain_order="left")
        df = df.join(nama_sub, on="sub_indikator", how="left", maintain_order="left")
        df = df.select("tahun", "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator",
                       "nama_sub_indikator", pl.exclude("tahun", "kode_wilayah", "nama_wilayah", "area", "indikator",
                                                       "sub_indikator", "nama_sub_indikator")).head(BATAS.baris)
        return [potong_ukuran(df, KERJA / "batas_ukuran.csv", BATAS.ukuran_byte)]

    def kolom():
        # the column limit: 200 columns (extra, unknown columns are carried along), rows up to the cell limit
        df = d25()
        tambahan = BATAS.kolom - df.width
        n = min(df.height, BATAS.sel // BATAS.kolom - 1)  # the header row counts in the rectangle
        df = df.head(n).with_columns(pl.lit("x").alias(f"catatan_{i:03d}") for i in range(tambahan))
        return [potong_ukuran(df, KERJA / "batas_kolom.csv", BATAS.ukuran_byte)]

    def sel():
        # the cell limit with the most rows: the row limit × the widest rectangle the cell limit allows
        lebar = BATAS.sel // (BATAS.baris + 1)  # the header row counts in the rectangle
        df = pl.concat([d25(), baca_skala(f2024)]).head(BATAS.baris)
        df = df.with_columns(pl.lit("x").alias(f"catatan_{i}") for i in range(lebar - df.width))
        return [potong_ukuran(df, KERJA / "batas_sel.csv", BATAS.ukuran_byte)]

    def sel_karakter():
        # every row carries a name of (limit) characters, as many rows as the size limit lets through
        df = d25().with_columns(nama_sub_indikator=pl.lit("n" * BATAS.sel_karakter))
        return [potong_ukuran(df, KERJA / "batas_sel_karakter.csv", BATAS.ukuran_byte)]

    def xlsx():
        # the decompressed-size limit: an XLSX of real-scale rows whose sheet XML is just under it
        path, _ = xlsx_sampai(pl.concat([d25(), baca_skala(f2024)]).head(BATAS.baris), KERJA / "batas_xlsx.xlsx",
                              BATAS.xlsx_terurai_mb * MB)
        return [path]

    def tiga_file():
        return [f2023, f2024, f2025]

    def tiga_satu_file():
        df = pl.concat([baca_skala(f2023), baca_skala(f2024), d25()])
        return [tulis_csv(df, KERJA / "tiga_tahun.csv")]

    naik = {"MCSP_BATAS_BARIS": "1200000", "MCSP_BATAS_UKURAN_MB": "150", "MCSP_BATAS_SEL": "20000000"}
    return [
        ("baris", f"{BATAS.baris:,} rows (2025 + 2024 documents)", baris, {}),
        ("ukuran_mb", f"{BATAS.ukuran_mb} MB limit: {BATAS.baris:,} rows with name columns", ukuran, {}),
        ("kolom", f"{BATAS.kolom} columns × rows up to {BATAS.sel:,} cells", kolom, {}),
        ("sel", f"{BATAS.baris:,} rows × {BATAS.sel // (BATAS.baris + 1)} columns (cell limit {BATAS.sel:,})", sel, {}),
        ("sel_karakter", f"{BATAS.sel_karakter:,}-character names, up to {BATAS.ukuran_mb} MB", sel_karakter, {}),
        ("xlsx_terurai_mb", f"XLSX, {BATAS.xlsx_terurai_mb} MB of sheet XML", xlsx, {}),
        ("tiga_tahun_3_file", "three national years, three files (2023, 2024, 2025)", tiga_file, {}),
        ("tiga_tahun_1_file", "three national years in one CSV, limits raised: "
         + ", ".join(f"{k}={v}" for k, v in naik.items()), tiga_satu_file, naik),
    ]


def bagian_c(f2025: Path, f2024: Path, f2023: Path, hanya: list[str] | None = None) -> dict:
    KERJA.mkdir(parents=True, exist_ok=True)
    hasil = []
    for nama, apa, buat, env in masukan_batas(f2025, f2024, f2023):
        if hanya and nama not in hanya:
            continue
        files = buat()
        ukuran = sum(f.stat().st_size for f in files)
        print(f"  c. {nama}: {ukuran / MB:.1f} MB ...", file=sys.stderr, flush=True)
        r = anak([*MCSP, "score", *map(str, files), "--output", os.devnull], env=env)
        p = anak([*PANDAS, *map(str, files)]) if all(f.suffix == ".csv" for f in files) else None
        hasil.append({"batas": nama, "masukan": apa, "ukuran_mb": round(ukuran / MB, 1), **r,
                      "pandas_detik": p and p["detik"], "pandas_puncak_mb": p and p["puncak_mb"]})
        print(f"     mcsp {r}", file=sys.stderr, flush=True)
        for f in files:
            if f.parent == KERJA:
                f.unlink()
    if hanya:  # a partial run replaces its own rows of the previous results, keeps the others
        json_ = OUT / "skala.json"
        lama = json.loads(json_.read_text(encoding="utf-8")).get("c", {}).get("hasil", []) if json_.exists() else []
        baru = {r["batas"]: r for r in hasil}
        hasil = [baru.pop(r["batas"], r) for r in lama] + list(baru.values())
    return {"hasil": hasil}


# ------------------------------------------------------------------------------------ d


def bagian_d(file: Path, ulang: int) -> dict:
    import mcsp_rules
    from mcsp_rules.perencanaan.rencana import rencana
    from mcsp_rules.perencanaan.simulasi import dasar, simulasi
    from mcsp_rules.perencanaan.skenario import Aksi, Skenario

    data = mcsp_rules.load(file)
    aksi = (Aksi("perbaiki", jumlah=3), Aksi("unggah", area=("PBJ", "APIP")), Aksi("terima_verifikasi"))
    prov = Skenario(kode_provinsi=PROVINSI, aksi=aksi)
    t = time.perf_counter()
    d = dasar(data)
    t_dasar = time.perf_counter() - t

    def ukur(fn):
        fn()  # warm-up
        return waktu(fn, ulang)

    sim_med, sim_min = ukur(lambda: simulasi(data, prov, dasar_=d))
    api_med, _ = ukur(lambda: mcsp_rules.simulate(data, {"kode_provinsi": PROVINSI, "aksi": [
        {"jenis": "perbaiki", "jumlah": 3}, {"jenis": "unggah", "area": ["PBJ", "APIP"]}, {"jenis": "terima_verifikasi"}]}))
    plan_med, plan_min = ukur(lambda: rencana(data, target=75, dasar_=d))
    api_plan_med, _ = ukur(lambda: mcsp_rules.plan(data, target=75))
    r = rencana(data, target=75, dasar_=d)
    return {
        "baris_dipakai": data.laporan.dipakai, "pemda": d.wilayah.height, "dasar_s": round(t_dasar, 3),
        "simulasi_provinsi_ms": round(sim_med * 1000, 1), "simulasi_provinsi_min_ms": round(sim_min * 1000, 1),
        "simulate_api_ms": round(api_med * 1000, 1),
        "rencana_552_ms": round(plan_med * 1000, 1), "rencana_552_min_ms": round(plan_min * 1000, 1),
        "plan_api_ms": round(api_plan_med * 1000, 1),
        "metode": dict(r.ringkasan.group_by("metode").len().rows()),
    }


# ------------------------------------------------------------------------------------ report


def tabel(h: dict) -> str:
    baris = [f"Machine: {h['mesin']}; engine commit {h['commit']}; {h['tanggal']}; load average at start "
             f"{h['beban']}", "", "| what | engine | plain pandas | engine ÷ pandas | bar / goal |", "|---|---|---|---|---|"]
    if "a" in h:
        a = h["a"]
        baris.append(f"| a. in process: load + validate + score ({a['baris_dibaca']:,} rows; engine used "
                     f"{a['baris_dipakai']:,}, set aside {a['baris_disisihkan']:,}; same indices: "
                     f"{'yes' if a['jawaban_sama'] else 'no'}) | {a['engine_median_s']:.2f} s | "
                     f"{a['pandas_median_s'] * 1000:.0f} ms | {a['rasio']:.1f}× | ≤ 4× / ≤ 2× |")
    if "b" in h:
        b = h["b"]
        baris.append(f"| b. whole `mcsp score` run: wall time | {b['mcsp_score_median_s']:.2f} s | "
                     f"{b['pandas_median_s']:.2f} s | {b['mcsp_score_median_s'] / b['pandas_median_s']:.1f}× | |")
        baris.append(f"| b. whole `mcsp score` run: peak memory | {b['mcsp_score_puncak_mb']:.0f} MB | "
                     f"{b['pandas_puncak_mb']:.0f} MB | {b['mcsp_score_puncak_mb'] / b['pandas_puncak_mb']:.1f}× | "
                     f"≤ 700 MB / ≤ 400 MB |")
        baris.append(f"| b. of which interpreter + imports | {b['impor_saja_s']:.2f} s, {b['impor_saja_mb']:.0f} MB | | | |")
    if "e" in h:
        e, a, b = h["e"], h["e"]["a"], h["e"]["b"]
        baris.append(f"| e. every code outside the catalogue ({e['catatan']:,} notes, report {e['temuan_mb']:.0f} MB): "
                     f"in process | {a['engine_median_s']:.2f} s | {a['pandas_median_s'] * 1000:.0f} ms | "
                     f"{a['rasio']:.1f}× | ≤ 4× / ≤ 2× |")
        baris.append(f"| e. the same, whole `mcsp score` run: wall time, peak memory | {b['mcsp_score_median_s']:.2f} s, "
                     f"{b['mcsp_score_puncak_mb']:.0f} MB | {b['pandas_median_s']:.2f} s, {b['pandas_puncak_mb']:.0f} MB | "
                     f"{b['mcsp_score_puncak_mb'] / b['pandas_puncak_mb']:.1f}× (memory) | ≤ 700 MB / ≤ 400 MB |")
    for c in h.get("c", {}).get("hasil", []):
        pd_ = f"{c['pandas_detik']:.1f} s, {c['pandas_puncak_mb']:.0f} MB" if c["pandas_detik"] else ""
        ok = "" if c["kode_keluar"] in (0, 1) else f" (exit {c['kode_keluar']}: {c['stderr']})"
        baris.append(f"| c. limit `{c['batas']}`: {c['masukan']}, {c['ukuran_mb']:.0f} MB | {c['detik']:.1f} s, "
                     f"**{c['puncak_mb']:.0f} MB**{ok} | {pd_} | | ≤ 2 GB |")
    if "d" in h:
        d = h["d"]
        baris.append(f"| d. what-if recompute, one province ({PROVINSI}), national ranks (engine used "
                     f"{d['baris_dipakai']:,} rows) | {d['simulasi_provinsi_ms']:.0f} ms (API {d['simulate_api_ms']:.0f} ms)"
                     f" | | | < 100 ms |")
        baris.append(f"| d. plan for all {d['pemda']} pemda, target 75 | {d['rencana_552_ms']:.0f} ms (API "
                     f"{d['plan_api_ms']:.0f} ms) | | | < 2 s |")
    return "\n".join(baris)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bagian", default="abcde", help="which parts to run: any of a, b, c, d, e")
    ap.add_argument("--ulang", type=int, default=3, help="repetitions of a, b and d (median reported)")
    ap.add_argument("--batas", nargs="+", help="c: only these limits (names as in the table), the rest kept from "
                    "the previous bench/out/skala.json")
    ap.add_argument("--anak-pandas", nargs="+", help=argparse.SUPPRESS)  # the pandas side of b and c, as a child
    args = ap.parse_args()
    if args.anak_pandas:
        pandas_skor(args.anak_pandas).to_csv(os.devnull)
        return
    sn = skala_nyata()
    f2025 = sn.path_skala_nyata(2025)
    commit = subprocess.run(["git", "log", "-1", "--format=%h"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    h = {"mesin": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
                  f"{platform.python_version()}", "commit": commit,
         "tanggal": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
         "beban": " ".join(f"{x:.1f}" for x in os.getloadavg()), "file": str(f2025),
         "file_mb": round(f2025.stat().st_size / MB, 1)}
    for bagian, fn in (("a", lambda: bagian_a(f2025, args.ulang)), ("b", lambda: bagian_b(f2025, args.ulang)),
                       ("d", lambda: bagian_d(f2025, args.ulang)), ("e", lambda: bagian_e(f2025, args.ulang)),
                       ("c", lambda: bagian_c(f2025, sn.path_skala_nyata(2024), sn.path_skala_nyata(2023), args.batas))):
        if bagian in args.bagian:
            print(f"{bagian} ...", file=sys.stderr, flush=True)
            beban = " ".join(f"{x:.1f}" for x in os.getloadavg())
            h[bagian] = {**fn(), "tanggal": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                         "beban_awal": beban, "commit": commit}
            # parts run separately accumulate in one file (each part names its own date, load and commit)
            OUT.mkdir(parents=True, exist_ok=True)
            json_ = OUT / "skala.json"
            lama = json.loads(json_.read_text(encoding="utf-8")) if json_.exists() else {}
            json_.write_text(json.dumps({**lama, **h}, indent=2, default=str), encoding="utf-8")
    print(tabel(h))


if __name__ == "__main__":
    main()
