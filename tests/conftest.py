"""Shared fixtures: a tiny two-area plugin with a hand-checkable catalogue, and file writers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"

PLUGIN_MINI = textwrap.dedent(
    '''
    from mcsp_rules.plugin.kit import Area, AreaPlugin, Indikator, SubIndikator

    AA = Area("AA", "Area Satu", "Area One", (2024,), alias=("Satu",),
              indikator=(Indikator("AA.1", "Ind", (SubIndikator("AA.1.1", "a", 60), SubIndikator("AA.1.2", "b", 40))),))
    BB = Area("BB", "Area Dua", "Area Two", (2024,),
              indikator=(Indikator("BB.1", "Ind", (SubIndikator("BB.1.1", "c", 50), SubIndikator("BB.1.2", "d", 50))),))
    plugin = AreaPlugin([AA, BB])
    '''
)


@pytest.fixture
def teks_plugin_mini() -> str:
    return PLUGIN_MINI


@pytest.fixture
def folder_mini(tmp_path: Path) -> Path:
    folder = tmp_path / "plugins_mini"
    folder.mkdir()
    (folder / "mini.py").write_text(PLUGIN_MINI, encoding="utf-8")
    return folder


@pytest.fixture
def registri_mini(folder_mini):
    from mcsp_rules.plugin.registri import Registri

    return Registri.muat(folder=[folder_mini], pakai_entry_point=False, bawaan=False)


HEADER = "tahun,kode_wilayah,area,indikator,sub_indikator,bobot,status,nilai"


@pytest.fixture
def tulis(tmp_path: Path):
    """tulis("name.csv", text, encoding=...) → path."""

    def _tulis(nama: str, isi: str | bytes, encoding: str = "utf-8") -> Path:
        p = tmp_path / nama
        p.write_bytes(isi if isinstance(isi, bytes) else isi.encode(encoding))
        return p

    return _tulis


# ------------------------------------------------------------------------------------ test markers
# The fast loop (pytest -m "not slow and not browser") must stay under a minute; these are marked
# slow here, in one place: whole modules that start processes, servers or generate many files, and
# any test that runs the `mcsp` command in a subprocess (its name says cli) or uses PostgreSQL.
MODUL_LAMBAT = {"test_store.py", "test_halaman_tren.py", "test_halaman_simulasi.py", "test_cli.py", "test_paket.py",
                "test_memori.py", "test_hypothesis_muat.py", "test_korpus.py", "test_aplikasi.py",
                "test_skala_nyata.py"}


@pytest.fixture
def ekspor_kpk() -> str:
    """A KPK-layout export with the three weight levels (design.md §2), index 68 by hand: every area has indicator
    I1 (60) with S1 (50, accepted) and S2 (50, accepted, verified 80), I2 (40) with S1 (70, returned) and S2 (30,
    accepted, 50); PBJ all accepted; area weights PBJ 20, PENGANGGARAN 15, APIP 15, the other five 10."""
    w_area = {"PERENCANAAN": 10, "PENGANGGARAN": 15, "PBJ": 20, "PELAYANAN_PUBLIK": 10, "APIP": 15, "ASN": 10,
              "BMD": 10, "PAJAK": 10}
    pola = [("1", "60", "1", "50", "diterima", ""), ("1", "60", "2", "50", "diterima", "80"),
            ("2", "40", "1", "70", "perlu perbaikan", ""), ("2", "40", "2", "30", "diterima", "50")]
    baris = ["tahun;kode_wilayah;area;indikator;sub_indikator;bobot_area_intervensi;bobot_indikator;"
             "bobot_subindikator;status;nilai;nilai_verifikasi"]
    for a, wa in w_area.items():
        for i, bi, s, bs, status, nv in pola:
            nv_ = "" if a == "PBJ" else nv
            st = "diterima" if a == "PBJ" else status
            # `nilai` is the pemda's own claim (90); KPK's verified score wins
            baris.append(f"2024;62;{a};{a}.{i};{a}.{i}.{s};{wa};{bi};{bs};{st};90;{nv_}")
    return "\n".join(baris) + "\n"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        elif (item.path.name in MODUL_LAMBAT or "cli" in item.name or "postgresql" in item.name
              or "proses_anak" in item.name or "subprocess" in item.name):
            item.add_marker(pytest.mark.slow)
