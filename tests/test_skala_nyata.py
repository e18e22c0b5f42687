"""The real-scale national sample (sample_data/generate.py --skala-nyata, cached by sample_data/skala_nyata.py):
deterministic to the byte, ~660 documents per pemda with Kalimantan Tengah's October 2025 status shares, and
the committed fixtures still reproduced byte for byte by the same generator. Slow (tests/conftest.py's
MODUL_LAMBAT): each generation writes ~29 MB."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"

GENERATE = SAMPLE / "generate.py"


def _modul(nama: str, path: Path):
    spec = importlib.util.spec_from_file_location(nama, path)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


@pytest.fixture(scope="module")
def cache_modul():
    return _modul("skala_nyata_uji", SAMPLE / "skala_nyata.py")


@pytest.fixture(scope="module")
def dua_file(tmp_path_factory):
    """The CLI run twice, into two files."""
    folder = tmp_path_factory.mktemp("skala")
    hasil = []
    for nama in ("a.csv", "b.csv"):
        p = folder / nama
        r = subprocess.run([sys.executable, str(GENERATE), "--skala-nyata", "--output", str(p)],
                           capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert r.returncode == 0, r.stderr
        assert str(p) in r.stdout
        hasil.append(p)
    return hasil


@pytest.fixture(scope="module")
def rincian(dua_file):
    return pl.read_csv(dua_file[0], separator=";", decimal_comma=True,
                       schema_overrides={"kode_wilayah": pl.String, "bobot": pl.Float64, "nilai": pl.Float64})


def test_generator_deterministik_sama_byte(dua_file):
    a, b = (p.read_bytes() for p in dua_file)
    assert len(a) > 20_000_000
    assert a == b


def test_sekitar_660_dokumen_per_pemda(rincian):
    assert rincian.columns == ["tahun", "kode_wilayah", "area", "indikator", "sub_indikator", "dokumen", "bobot",
                               "status", "nilai", "tanggal_unggah", "tanggal_verifikasi"]
    per = rincian.group_by("kode_wilayah").len()["len"]
    assert per.len() == 552
    assert per.min() >= 650 and per.max() == 660 and 650 <= per.mean() <= 660
    assert 355_000 < rincian.height <= 552 * 660
    # unique per (tahun, kode_wilayah, sub_indikator, dokumen), as design.md §1a asks with a dokumen column
    assert not rincian.select(pl.struct("tahun", "kode_wilayah", "sub_indikator", "dokumen").is_duplicated().any()).item()
    # bobot: the document's share of its area, an area's documents add up to 100 for every pemda
    jumlah = rincian.group_by("kode_wilayah", "area").agg(pl.col("bobot").sum())["bobot"]
    assert (jumlah - 100).abs().max() < 1e-6
    # PBJ the largest area, 108 documents for a pemda that has all of them
    area = rincian.filter(pl.col("kode_wilayah") == "62").group_by("area").len()
    assert dict(area.iter_rows())["PBJ"] == 108 == area["len"].max()


def test_sub_indikator_dari_katalog_bawaan(rincian):
    from mcsp_rules.area.area_2024_2025 import AREAS

    katalog = {s.kode for a in AREAS for s in a.sub_indikator}
    assert set(rincian["sub_indikator"].unique()) == katalog


def test_proporsi_status_kalteng(rincian):
    """Provinsi Kalimantan Tengah: the article's counts exactly (96 in verification, the consistent reading of
    446 uploaded); the country: the same shares within one document in 660."""
    kalteng = dict(rincian.filter(pl.col("kode_wilayah") == "62")["status"].value_counts().iter_rows())
    assert kalteng == {"diterima": 301, "proses verifikasi": 96, "perlu perbaikan": 49, "belum diunggah": 214}
    n = rincian.height
    nasional = {s: c / n * 660 for s, c in rincian["status"].value_counts().iter_rows()}
    for status, target in kalteng.items():
        assert abs(nasional[status] - target) < 1.5, (status, nasional[status])
    # and pemda differ (a good pemda uploads more): not the same shares everywhere
    unggah = rincian.group_by("kode_wilayah").agg((pl.col("status") != "belum diunggah").mean())["status"]
    assert unggah.min() < 0.4 and unggah.max() > 0.85


def test_cache_dibuat_sekali_dan_diganti_bila_versi_berubah(cache_modul, dua_file, tmp_path, monkeypatch):
    p = cache_modul.path_skala_nyata(2025, folder=tmp_path)
    assert p.read_bytes() == dua_file[0].read_bytes()
    waktu = p.stat().st_mtime_ns
    assert cache_modul.path_skala_nyata(2025, folder=tmp_path) == p and p.stat().st_mtime_ns == waktu
    assert not list(tmp_path.glob("*.tmp"))
    # a new generator version: a new file, the stale one removed
    monkeypatch.setattr(cache_modul.generator(), "SKALA_NYATA_VERSI", cache_modul.generator().SKALA_NYATA_VERSI + 1)
    baru = cache_modul.path_skala_nyata(2025, folder=tmp_path)
    assert baru != p and baru.exists() and not p.exists()
    # the user cache dir is where the environment says
    monkeypatch.setenv("MCSP_CACHE_DIR", str(tmp_path / "lain"))
    assert cache_modul.folder_cache() == tmp_path / "lain"


def test_file_contoh_yang_dikomit_tetap_sama(tmp_path):
    """generate.py without arguments still writes the committed fixtures byte for byte."""
    salinan = tmp_path / "sample_data"
    salinan.mkdir()
    (salinan / "generate.py").write_bytes(GENERATE.read_bytes())
    os.symlink(ROOT / "mcsp_rules", tmp_path / "mcsp_rules")
    r = subprocess.run([sys.executable, str(salinan / "generate.py")], capture_output=True, text=True,
                       cwd=tmp_path, timeout=600)
    assert r.returncode == 0, r.stderr
    dibuat = sorted(p.name for p in salinan.glob("r*_*.*"))
    assert dibuat == sorted(p.name for p in SAMPLE.glob("r*_*.*"))
    for nama in dibuat:
        assert (salinan / nama).read_bytes() == (SAMPLE / nama).read_bytes(), nama


def test_satu_tahun_skala_nyata_lolos_batas_bawaan(dua_file, rincian, cache_modul, tmp_path):
    """One real-scale national year passes the default upload limits (mcsp_rules/batas.py, the same in the CLI and
    the dashboard), as bare codes (29 MB) and as a portal export with region and sub-indicator names (52 MB, over
    the former 50 MB limit)."""
    from mcsp_rules.batas import BATAS
    from mcsp_rules.io.baca import baca

    assert baca(dua_file[0]).frame.height == rincian.height
    gen = cache_modul.generator()
    nama_sub = pl.DataFrame([{"sub_indikator": s.kode, "nama_sub_indikator": s.nama}
                             for a in gen.muat_area("area_2024_2025.py") for s in a.sub_indikator])
    dengan_nama = (
        pl.read_csv(dua_file[0], separator=";", infer_schema=False)
        .join(gen.daftar_pemda().select("kode_wilayah", "nama_wilayah"), on="kode_wilayah", maintain_order="left")
        .join(nama_sub, on="sub_indikator", maintain_order="left")
    )
    p = tmp_path / "nasional_dengan_nama.csv"
    dengan_nama.write_csv(p, separator=";", include_bom=True)
    assert 50 * 1024 * 1024 < p.stat().st_size < BATAS.ukuran_byte
    assert baca(p).frame.height == rincian.height
