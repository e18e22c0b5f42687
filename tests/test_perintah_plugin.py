"""The `mcsp` command line on click: a plugin adds a command through the mcsp_perintah hook, a plugin
whose hook raises is switched off without taking the built-in commands along, and a command whose
optional dependency is missing says so in one sentence instead of vanishing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PLUGIN_PERINTAH = textwrap.dedent(
    '''
    import click
    from mcsp_rules.plugin.kit import hookimpl

    @hookimpl
    def mcsp_perintah(cli):
        @cli.command("halo")
        @click.argument("nama")
        def halo(nama):
            """Menyapa."""
            click.echo(f"halo {nama}")
    '''
)

PLUGIN_RUSAK = textwrap.dedent(
    '''
    from mcsp_rules.plugin.kit import hookimpl

    @hookimpl
    def mcsp_perintah(cli):
        raise RuntimeError("rusak di sini")
    '''
)


def _mcsp(*args, env=None, awal=""):
    kode = f"import sys; {awal}from mcsp_rules.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", kode, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def test_plugin_menambah_perintah(tmp_path):
    (tmp_path / "sapa.py").write_text(PLUGIN_PERINTAH, encoding="utf-8")
    env = {"MCSP_PLUGINS_DIR": str(tmp_path)}
    assert "halo" in _mcsp("--help", env=env).stdout
    hasil = _mcsp("halo", "Kapuas", env=env)
    assert hasil.returncode == 0 and hasil.stdout.strip() == "halo Kapuas", hasil.stderr


def test_plugin_perintah_rusak_dimatikan_perintah_lain_tetap(tmp_path):
    (tmp_path / "rusak.py").write_text(PLUGIN_RUSAK, encoding="utf-8")
    hasil = _mcsp("plugins", env={"MCSP_PLUGINS_DIR": str(tmp_path)})
    assert hasil.returncode == 0
    assert "rusak" in hasil.stderr and "RuntimeError" in hasil.stderr and "Traceback" not in hasil.stderr
    assert "NONAKTIF rusak" in hasil.stdout and "area_2024_2025 [bawaan] aktif" in hasil.stdout


def test_perintah_tanpa_paket_opsional_mengatakannya(tmp_path):
    """numpy (which the planner's solver needs) made unimportable: `mcsp plan` is still listed, and
    running it names the missing package in one sentence, exit 2, no traceback."""
    f = tmp_path / "x.csv"
    f.write_text("tahun,kode_wilayah,area,sub_indikator,bobot,status\n2024,62,PBJ,PBJ.1.1,1,diterima\n", encoding="utf-8")
    halang = "sys.modules['numpy'] = None; "
    assert "plan" in _mcsp("--help", awal=halang).stdout
    hasil = _mcsp("plan", f, "--wilayah", "62", "--target", "75", awal=halang)
    assert hasil.returncode == 2, hasil.stderr
    assert "numpy" in hasil.stderr and "Traceback" not in hasil.stderr
    assert len(hasil.stderr.strip().splitlines()) == 1
