"""The arithmetic of design.md §2 against numbers worked out by hand."""

from __future__ import annotations

import polars as pl
import pytest

import mcsp_rules
from mcsp_rules.hitung.skor import kategori

RINCIAN = """tahun,kode_wilayah,area,indikator,sub_indikator,bobot,status,nilai
2024,62,AA,AA.1,AA.1.1,60,diterima,80
2024,62,AA,AA.1,AA.1.2,40,perlu perbaikan,
2024,62,BB,BB.1,BB.1.1,50,diterima,
2024,62,BB,BB.1,BB.1.2,50,proses verifikasi,
2024,62.01,AA,AA.1,AA.1.1,60,diterima,100
2024,62.01,AA,AA.1,AA.1.2,40,diterima,90
2024,62.01,BB,BB.1,BB.1.1,50,diterima,70
2024,62.01,BB,BB.1,BB.1.2,50,diterima,80
2024,62.02,AA,AA.1,AA.1.1,60,diterima,100
2024,62.02,AA,AA.1,AA.1.2,40,belum diunggah,
"""


@pytest.fixture
def data(tulis, registri_mini):
    return mcsp_rules.load(tulis("r.csv", RINCIAN), registri=registri_mini)


def test_area_scores_are_weighted_means_of_item_scores(data):
    area = {(k, a): s for _, k, a, s in mcsp_rules.score(data, "area").iter_rows()}
    # AA of 62: (60×80 + 40×0) / 100; an accepted item with empty nilai scores 100; others 0.
    assert area[("62", "AA")] == pytest.approx(48.0)
    assert area[("62", "BB")] == pytest.approx(50.0)
    assert area[("62.01", "AA")] == pytest.approx(96.0)
    assert area[("62.01", "BB")] == pytest.approx(75.0)


def test_index_band_and_incomplete_pemda(data):
    w = {r["kode_wilayah"]: r for r in mcsp_rules.score(data).iter_rows(named=True)}
    assert w["62"]["indeks"] == pytest.approx(49.0) and w["62"]["kategori"] == "Kuning"
    assert w["62.01"]["indeks"] == pytest.approx(85.5) and w["62.01"]["kategori"] == "Hijau"
    # 62.02 has no BB rows: no silent zero, no index, marked incomplete
    assert w["62.02"]["indeks"] is None and w["62.02"]["lengkap"] is False and w["62.02"]["kategori"] is None
    assert w["62.01"]["provinsi"] == "Kalimantan Tengah" and w["62.01"]["jenis_pemda"] == "kabupaten"
    assert w["62"]["jenis_pemda"] == "provinsi"


def test_province_is_mean_of_complete_pemda_with_count(data):
    p = mcsp_rules.score(data, "provinsi").row(0, named=True)
    assert p["provinsi"] == "Kalimantan Tengah"
    assert p["indeks"] == pytest.approx((49.0 + 85.5) / 2)
    assert p["jumlah_pemda"] == 2


def test_weights_override_from_mapping_and_file(data, tulis):
    w = {r["kode_wilayah"]: r["indeks"] for r in mcsp_rules.score(data, bobot={(2024, "AA"): 3.0}).iter_rows(named=True)}
    assert w["62"] == pytest.approx((3 * 48 + 50) / 4)
    assert w["62.01"] == pytest.approx((3 * 96 + 75) / 4)
    berkas = tulis("bobot.csv", "tahun;area;bobot\n2024;AA;3,0\n2024;BB;1\n")
    w2 = {r["kode_wilayah"]: r["indeks"] for r in mcsp_rules.score(data, bobot=berkas).iter_rows(named=True)}
    assert w2["62"] == pytest.approx(48.5) and w2["62.01"] == pytest.approx(90.75)
    tabel = mcsp_rules.bobot_dipakai(data, {(2024, "AA"): 3.0})
    aa = tabel.filter(pl.col("area") == "AA").row(0, named=True)
    assert aa["bobot"] == 3.0 and aa["bobot_asumsi"] is False
    assert tabel.filter(pl.col("area") == "BB")["bobot_asumsi"].item() is True


@pytest.mark.parametrize(("indeks", "band"), [(0, "Merah"), (24.999, "Merah"), (25, "Kuning"), (49.99, "Kuning"),
                                              (50, "Biru"), (74.99, "Biru"), (75, "Hijau"), (100, "Hijau")])
def test_band_boundaries(indeks, band):
    assert pl.select(kategori(pl.lit(indeks, dtype=pl.Float64))).item() == band


def test_document_counts_per_pemda(data):
    from mcsp_rules.hitung.skor import hitung_dokumen

    d = {r["kode_wilayah"]: r for r in hitung_dokumen(data.rincian.lazy()).collect().iter_rows(named=True)}
    assert d["62"]["dokumen_wajib"] == 4 and d["62"]["dokumen_diunggah"] == 4
    assert (d["62"]["diterima"], d["62"]["perlu_perbaikan"], d["62"]["proses_verifikasi"]) == (2, 1, 1)
    assert d["62.02"]["belum_diunggah"] == 1 and d["62.02"]["dokumen_diunggah"] == 1


def test_gap_gain_is_exact_index_difference(data):
    """kenaikan of a gap equals the index after accepting that item minus the index before."""
    from mcsp_rules.hitung.celah import celah

    gaps = celah(data).filter(pl.col("kode_wilayah") == "62")
    g = gaps.filter(pl.col("sub_indikator") == "AA.1.2").row(0, named=True)
    assert g["kenaikan"] == pytest.approx(0.5 * 40 / 100 * 100)  # w_AA/W × bobot/B × (100 − 0) = 20
    assert g["usaha"] == 2.0  # perlu perbaikan
    # the incomplete pemda's gaps raise its area score but not an index it does not have
    g2 = celah(data).filter(pl.col("kode_wilayah") == "62.02").row(0, named=True)
    assert g2["kenaikan"] is None and g2["kenaikan_area"] == pytest.approx(40.0)


def test_summary_scores_fill_areas_without_detail(tulis, registri_mini):
    rincian = tulis("r.csv", RINCIAN)
    ringkasan = tulis("s.csv", "tahun,kode_wilayah,area,skor\n2024,62.02,BB,50\n2024,62.03,AA,70\n2024,62.03,BB,80\n")
    data = mcsp_rules.load([rincian, ringkasan], registri=registri_mini)
    w = {r["kode_wilayah"]: r["indeks"] for r in mcsp_rules.score(data).iter_rows(named=True)}
    assert w["62.02"] == pytest.approx((60.0 + 50.0) / 2)  # AA from detail (60×100 + 40×0)/100, BB from summary
    assert w["62.03"] == pytest.approx(75.0)
