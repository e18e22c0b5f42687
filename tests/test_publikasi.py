"""Published MCP results as a check of the arithmetic (tests/data/SOURCES.md): a wide summary export of
published area scores gives every pemda-year an index — 7-area provinces and kota of 2020–2023 included —
within 0.35 of the published total wherever equal weights can reproduce it; where they cannot, the
validator's skor_total check says so."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest

import mcsp_rules

DATA = Path(__file__).resolve().parent / "data"
LEBAR = DATA / "ringkasan_publikasi_lebar.csv"
TIDAK_TERULANG = {(2024, "17"), (2021, "74.71"), (2021, "52.01")}  # Bengkulu 2024, Kendari 2021, Lombok Barat 2021


def _angka(teks: str) -> float:
    return float(teks.replace(",", "."))


@pytest.fixture(scope="module")
def data():
    return mcsp_rules.load(LEBAR)


def test_wide_fixture_carries_exactly_the_published_figures():
    with open(DATA / "skor_publikasi_panjang.csv", encoding="utf-8", newline="") as f:
        panjang = list(csv.DictReader(f, delimiter=";"))
    with open(LEBAR, encoding="utf-8", newline="") as f:
        lebar = {(r["tahun"], r["kode_wilayah"]): r for r in csv.DictReader(f, delimiter=";")}
    assert len(lebar) == 7
    for b in panjang:
        r = lebar[(b["tahun"], b["kode_wilayah"])]
        assert _angka(r["skor_total"]) == _angka(b["skor_total"])
        assert _angka(b["skor"]) in [_angka(v) for k, v in r.items() if v and k not in ("tahun", "kode_wilayah", "nama_wilayah", "skor_total")]
    n_sel = sum(1 for r in lebar.values() for k, v in r.items() if v and k not in ("tahun", "kode_wilayah", "nama_wilayah", "skor_total"))
    assert n_sel == len(panjang) == 52


def test_every_published_pemda_year_gets_an_index(data):
    assert data.laporan.jumlah_disisihkan == 0, data.laporan.disisihkan
    w = mcsp_rules.score(data)
    assert w.height == 7 and w["lengkap"].all() and w["indeks"].is_not_null().all()
    jenis = dict(w.select(pl.concat_str("tahun", pl.lit(" "), "kode_wilayah"), "jenis_pemda").rows())
    assert jenis["2020 32.75"] == "kota" and jenis["2023 92"] == "provinsi"  # 7-area pemda of 2020–2023
    area = mcsp_rules.score(data, level="area")
    n = dict(area.group_by(pl.concat_str("tahun", pl.lit(" "), "kode_wilayah")).len().rows())
    assert n == {"2020 32.75": 7, "2021 74.71": 7, "2021 52.01": 8, "2023 82.71": 7, "2023 92": 7, "2024 17": 8, "2024 92": 8}


def test_equal_weights_reproduce_published_totals_within_rounding(data):
    w = mcsp_rules.score(data)
    total = {(r["tahun"], r["kode_wilayah"]): r["skor_total"] for r in data.ringkasan_baris.iter_rows(named=True)}
    terulang = 0
    for r in w.iter_rows(named=True):
        kunci = (r["tahun"], r["kode_wilayah"])
        selisih = abs(r["indeks"] - total[kunci])
        if kunci in TIDAK_TERULANG:
            assert selisih > 0.35, kunci
        else:
            assert selisih <= 0.35, (kunci, r["indeks"], total[kunci])
            terulang += 1
    assert terulang == 4


def test_validator_says_where_equal_weights_cannot_reproduce_the_total(data):
    temuan = data.laporan.temuan.filter(pl.col("kode") == "skor_total_cocok")
    baris = {r["baris"]: r for r in temuan.iter_rows(named=True)}
    with open(LEBAR, encoding="utf-8", newline="") as f:
        nomor = {(int(r["tahun"]), r["kode_wilayah"]): i for i, r in enumerate(csv.DictReader(f, delimiter=";"), start=2)}
    w = {(r["tahun"], r["kode_wilayah"]): r["indeks"] for r in mcsp_rules.score(data).iter_rows(named=True)}
    for kunci in TIDAK_TERULANG:
        t = baris[nomor[kunci]]
        assert t["tingkat"] == "peringatan"
        # the warning names the reported total and the index the area scores give, so the difference shows
        with open(LEBAR, encoding="utf-8", newline="") as f:
            total = next(r["skor_total"] for r in csv.DictReader(f, delimiter=";")
                         if (int(r["tahun"]), r["kode_wilayah"]) == kunci)
        assert t["nilai"] == total and f"tertulis {total}," in t["pesan"]
        assert f"hasilnya {w[kunci]:.2f}".replace(".", ",") in t["pesan"], t["pesan"]
