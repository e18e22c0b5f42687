"""The `mcsp` command as a user runs it: a real subprocess, real files, exit codes and stderr."""

from __future__ import annotations

import json
import subprocess
import sys

import polars as pl
import pytest

import mcsp_rules


def mcsp(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "mcsp_rules.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def file_2024(tmp_path_factory):
    """Two pemda with every built-in 2024 area, built from the plugins' catalogues."""
    r = mcsp_rules.registri_bawaan()
    rows = []
    for kode, status in (("62", "diterima"), ("62.01", "belum diunggah")):
        for at in r.areas(2024):
            for ind in at.area.indikator:
                for s in ind.sub:
                    rows.append({"tahun": "2024", "kode_wilayah": kode, "area": at.kode, "indikator": ind.kode,
                                 "sub_indikator": s.kode, "bobot": str(s.bobot), "status": status, "nilai": ""})
    p = tmp_path_factory.mktemp("cli") / "rincian.csv"
    pl.DataFrame(rows).write_csv(p)
    return p


def test_score_csv_columns_and_values(file_2024, tmp_path):
    out = tmp_path / "skor.csv"
    hasil = mcsp("score", file_2024, "--output", out)
    assert hasil.returncode == 0, hasil.stderr
    df = pl.read_csv(out, schema_overrides={"kode_wilayah": pl.String})
    assert df.columns == ["tahun", "kode_wilayah", "nama_wilayah", "provinsi", "jenis_pemda", "indeks", "kategori", "lengkap",
                          "sumber_bobot"]
    assert df["sumber_bobot"].str.contains("asumsi").all()  # equal weights, labelled as an assumption
    w = {r["kode_wilayah"]: r for r in df.iter_rows(named=True)}
    assert w["62"]["indeks"] == 100.0 and w["62"]["kategori"] == "Hijau"
    assert w["62.01"]["indeks"] == 0.0 and w["62.01"]["kategori"] == "Merah"
    assert "asumsi" in hasil.stderr  # the weights used are named, and labelled as an assumption


def test_score_levels_and_json(file_2024):
    area = mcsp("score", file_2024, "--level", "area", "--format", "json")
    rows = json.loads(area.stdout)
    assert set(rows[0]) == {"tahun", "kode_wilayah", "area", "skor"} and len(rows) == 16
    prov = mcsp("score", file_2024, "--level", "provinsi")
    assert prov.stdout.splitlines()[0] == "tahun,provinsi,indeks,jumlah_pemda"
    assert prov.stdout.splitlines()[1] == "2024,Kalimantan Tengah,50.0,2"


def test_validate_exit_codes(file_2024, tulis):
    assert mcsp("validate", file_2024).returncode == 0
    teks = file_2024.read_text().replace("2024,62.01,PBJ", "2024,62.01,BUKAN_AREA", 1)
    salah = mcsp("validate", tulis("salah.csv", teks))
    assert salah.returncode == 1
    assert "baris" in salah.stdout and "BUKAN_AREA" in salah.stdout and "kolom area" in salah.stdout
    rusak = mcsp("validate", tulis("rusak.xlsx", b"PK\x03\x04 bukan zip"))
    assert rusak.returncode == 2 and "Traceback" not in rusak.stderr + rusak.stdout
    assert "rusak" in rusak.stdout


def test_validate_in_english(file_2024, tulis):
    teks = file_2024.read_text().replace(",diterima,", ",diterimah,", 1)
    hasil = mcsp("--bahasa", "en", "validate", tulis("typo.csv", teks))
    assert hasil.returncode == 1 and "Did you mean 'diterima'?" in hasil.stdout and "row 2" in hasil.stdout


def test_unreadable_input_is_one_sentence_on_stderr(tmp_path):
    hasil = mcsp("score", tmp_path / "tidak_ada.csv")
    assert hasil.returncode == 2 and "Traceback" not in hasil.stderr
    assert hasil.stderr.strip().count("\n") == 0 and "tidak_ada.csv" in hasil.stderr


def test_plugins_lists_builtin_area_years():
    hasil = mcsp("plugins")
    assert hasil.returncode == 0
    for kode in ("PBJ", "PELAYANAN_PUBLIK", "PERIZINAN", "DESA", "PERENCANAAN_PENGANGGARAN"):
        assert kode in hasil.stdout
    tabel = pl.read_csv(mcsp("plugins", "--format", "csv").stdout.encode())
    assert tabel.height == 56 and set(tabel["tahun"]) == set(range(2019, 2026))
    desa = tabel.filter((pl.col("tahun") == 2023) & (pl.col("area") == "DESA")).row(0, named=True)
    assert desa["jenis"] == "kabupaten" and desa["katalog_resmi"] is False and desa["pita_bawaan"] is True


def test_plugins_shows_each_year_areas_per_kind_weights_bands_and_catalogue():
    keluar = mcsp("plugins").stdout
    blok = keluar.split("Tahun 2023\n", 1)[1].split("Tahun 2024\n", 1)[0]
    assert "area per jenis pemda: provinsi 7, kabupaten 8, kota 7" in blok
    assert "bobot area: bobot sama rata (asumsi" in blok
    assert "pita: Merah < 25 ≤ Kuning < 50 ≤ Biru < 75 ≤ Hijau — bawaan" in blok
    assert "katalog: 24 indikator, 49 sub-indikator" in blok and "tidak resmi" in blok
    assert "(hanya kabupaten)" in blok.split("DESA", 1)[1].split("\n", 1)[0]
    blok24 = keluar.split("Tahun 2024\n", 1)[1].split("Tahun 2025\n", 1)[0]
    assert "provinsi 8, kabupaten 8, kota 8" in blok24 and "Pelayanan Publik" in blok24
