"""The example plugin of docs/plugins.md is loaded and does what the document says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import mcsp_rules
from mcsp_rules.plugin.registri import Registri

DOC = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"


@pytest.fixture
def folder_contoh(tmp_path) -> Path:
    teks = DOC.read_text(encoding="utf-8")
    kode = re.search(r"<!-- contoh-plugin -->\s*```python\n(.*?)```", teks, re.S).group(1)
    folder = tmp_path / "plugins_saya"
    folder.mkdir()
    (folder / "bobot_resmi_2024.py").write_text(kode, encoding="utf-8")
    return folder


def test_example_plugin_sets_weights_rule_and_effort(folder_contoh, tulis):
    r = Registri.muat(folder=[folder_contoh], pakai_entry_point=False)
    assert all(p.aktif for p in r.plugin), [p.alasan for p in r.plugin]
    assert r.get(2024, "PBJ").bobot.nilai == 20 and not r.get(2024, "PBJ").bobot.asumsi
    assert r.get(2025, "PBJ").bobot.asumsi  # 2025 untouched: still the labelled equal-weight assumption
    assert r.get(2024, "PBJ").usaha["perlu perbaikan"] == 4
    pbj = r.get(2024, "PBJ").area
    baris = ["tahun,kode_wilayah,area,indikator,sub_indikator,bobot,status,nilai,tanggal_unggah"]
    for ind in pbj.indikator:
        for s in ind.sub:
            baris.append(f"2024,62,PBJ,{ind.kode},{s.kode},{s.bobot},diterima,,")
    data = mcsp_rules.load(tulis("pbj.csv", "\n".join(baris) + "\n"), registri=r)
    temuan = data.laporan.temuan.filter(pl.col("kode") == "PBJ.tanggal_wajib")
    assert temuan.height == len(pbj.sub_indikator) and (temuan["tingkat"] == "peringatan").all()
    assert data.laporan.dipakai == len(pbj.sub_indikator)  # a warning keeps the row


def test_cli_finds_plugins_in_MCSP_PLUGINS_DIR(folder_contoh):
    env = dict(os.environ, MCSP_PLUGINS_DIR=str(folder_contoh))
    hasil = subprocess.run([sys.executable, "-m", "mcsp_rules.cli", "plugins"], capture_output=True, text=True, env=env)
    assert hasil.returncode == 0 and "bobot_resmi_2024 [folder] aktif" in hasil.stdout
    csv = subprocess.run([sys.executable, "-m", "mcsp_rules.cli", "plugins", "--format", "csv"], capture_output=True,
                         text=True, env=env).stdout
    tabel = pl.read_csv(csv.encode())
    pbj = tabel.filter((pl.col("tahun") == 2024) & (pl.col("area") == "PBJ")).row(0, named=True)
    assert pbj["bobot"] == 20 and pbj["sumber_bobot"].startswith("contoh bobot resmi 2024")


def _blok(tanda: str, bahasa: str) -> str:
    teks = DOC.read_text(encoding="utf-8")
    return re.search(rf"<!-- {tanda} -->\s*```{bahasa}\n(.*?)```", teks, re.S).group(1)


def test_hooks_table_matches_hookspecs():
    from mcsp_rules.plugin import hookspecs

    teks = DOC.read_text(encoding="utf-8")
    tabel = teks.split("## The hooks", 1)[1].split("\n\n", 2)[2].split("\n\n", 1)[0]
    di_dok = set(re.findall(r"^\| `(mcsp_\w+)\(", tabel, re.M))
    di_kode = {n for n in dir(hookspecs) if n.startswith("mcsp_") and callable(getattr(hookspecs, n))}
    assert di_dok == di_kode, (di_dok ^ di_kode)


def test_catalogue_and_toml_plugin_examples_load(tmp_path, tulis):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "katalog_pbj.csv").write_text(_blok("contoh-katalog", "text"), encoding="utf-8")
    (folder / "pbj_resmi_2024.toml").write_text(_blok("contoh-plugin-toml", "toml"), encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    assert all(p.aktif for p in r.plugin), [p.alasan for p in r.plugin if not p.aktif]
    pbj = r.get(2024, "PBJ")
    assert pbj.plugin == "pbj_resmi_2024" and pbj.area.katalog_resmi and pbj.bobot.nilai == 20
    assert [s.kode for s in pbj.area.sub_indikator] == ["PBJ.1.1", "PBJ.2.1"]
    assert pbj.area.sub_indikator[0].dokumen == ("SK pembentukan UKPBJ", "Struktur organisasi UKPBJ")
    # the documented error sentence is what a bad weight gives
    (folder / "katalog_pbj.csv").write_text(_blok("contoh-katalog", "text").replace(";50;Struktur", ";sepuluh;Struktur"),
                                            encoding="utf-8")
    from mcsp_rules.plugin.kit import KatalogTidakValid, baca_katalog
    with pytest.raises(KatalogTidakValid, match="baris 3: bobot 'sepuluh' bukan angka"):
        baca_katalog(folder / "katalog_pbj.csv")


def test_three_zone_example_bands_the_year(tmp_path, tulis):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "tiga_zona.py").write_text(_blok("contoh-pita", "python"), encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    assert r.pita(2025).nama == ("Rentan", "Waspada", "Terjaga") and r.pita(2024).bawaan
    baris = ["tahun,kode_wilayah,area,indikator,sub_indikator,bobot,status,nilai"]
    for th, nilai in ((2024, "70"), (2025, "70")):
        for at in r.areas(th):
            for ind in at.area.indikator:
                for s in ind.sub:
                    baris.append(f"{th},62,{at.kode},{ind.kode},{s.kode},{s.bobot},diterima,{nilai}")
    data = mcsp_rules.load(tulis("r.csv", "\n".join(baris) + "\n"), registri=r)
    kat = dict(mcsp_rules.score(data).select("tahun", "kategori").rows())
    assert kat == {2024: "Biru", 2025: "Waspada"}  # 70 under each year's bands
