"""The package as a user installs it: a wheel built from this checkout, installed into a fresh
virtualenv, run from a folder outside the checkout, lists every built-in area and scores an export
with region names, exactly as the checkout does."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import polars as pl
import pytest

import mcsp_rules

AKAR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def venv_baru(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("paket")
    roda = tmp / "roda"
    hasil = subprocess.run([sys.executable, "-m", "pip", "wheel", str(AKAR), "--no-deps", "-q", "-w", str(roda)],
                           capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    whl = next(roda.glob("mcsp_rules-*.whl"))
    folder = tmp / "venv"
    venv.create(folder, with_pip=True)
    py = folder / "bin" / "python"
    # The wheel itself goes in for real; its dependencies (polars, pandera, ...) are borrowed from the
    # test environment's site-packages through a .pth line, so the test needs no network. The test
    # environment's editable install of this checkout is NOT visible there: its finder is activated
    # by a .pth file, and .pth files of a directory added this way are not processed.
    hasil = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(whl)], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    situs = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                           capture_output=True, text=True).stdout.strip()
    Path(situs, "_dependensi_uji.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return folder


def _jalankan(folder: Path, *args, cwd: Path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MCSP_PLUGINS_DIR")}
    return subprocess.run([str(folder / "bin" / "mcsp"), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env)


def test_roda_terpasang_di_luar_checkout_sama_dengan_checkout(venv_baru, tmp_path):
    asal = subprocess.run([str(venv_baru / "bin" / "python"), "-c", "import mcsp_rules; print(mcsp_rules.__file__)"],
                          capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(AKAR) not in asal and "site-packages" in asal  # the installed wheel, not this checkout

    plugins = _jalankan(venv_baru, "plugins", "--format", "csv", cwd=tmp_path)
    assert plugins.returncode == 0, plugins.stderr
    area = set(pl.read_csv(plugins.stdout.encode())["area"].to_list())
    bawaan = {at.kode for at in mcsp_rules.registri_bawaan().area_tahun.values()}
    assert area == bawaan and len(bawaan) == 11

    contoh = AKAR / "sample_data" / "rincian_kalteng_2025.csv"
    keluar = _jalankan(venv_baru, "score", contoh, cwd=tmp_path)
    assert keluar.returncode == 0, keluar.stderr
    dari_roda = pl.read_csv(keluar.stdout.encode(), schema_overrides={"kode_wilayah": pl.String})
    dari_checkout = mcsp_rules.score(mcsp_rules.load(contoh))
    assert dari_roda.height == dari_checkout.height == 15
    assert dari_roda["nama_wilayah"].to_list() == dari_checkout["nama_wilayah"].to_list()
    assert dari_roda.filter(pl.col("kode_wilayah") == "62.03")["nama_wilayah"][0] == "Kabupaten Kapuas"
    assert dari_roda["indeks"].to_list() == pytest.approx(dari_checkout["indeks"].to_list())
