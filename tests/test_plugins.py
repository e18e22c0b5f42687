"""The plugin system: discovery through folders and entry points, overrides, and broken plugins
switched off with a reason while the others keep working."""

from __future__ import annotations

import sys
import textwrap

import polars as pl
import pytest

import mcsp_rules
from mcsp_rules.plugin.registri import Registri

RINCIAN = """tahun,kode_wilayah,area,indikator,sub_indikator,bobot,status,nilai
2024,62,AA,AA.1,AA.1.1,60,diterima,80
2024,62,AA,AA.1,AA.1.2,40,diterima,
2024,62,BB,BB.1,BB.1.1,50,diterima,
2024,62,BB,BB.1,BB.1.2,50,belum diunggah,
"""


@pytest.fixture
def paket_entry_point(tmp_path, monkeypatch):
    """An installed distribution with an `mcsp_rules` entry point: a real .dist-info that
    importlib.metadata finds on sys.path, exactly as pip would leave it."""
    situs = tmp_path / "site"
    (situs / "bobot_resmi_contoh").mkdir(parents=True)
    (situs / "bobot_resmi_contoh" / "__init__.py").write_text(textwrap.dedent('''
        from mcsp_rules.plugin.kit import Bobot, hookimpl

        @hookimpl(tryfirst=True)
        def mcsp_bobot_area(tahun, area):
            if tahun == 2024 and area == "AA":
                return Bobot(3.0, "bobot resmi contoh 2024")
            return None
        '''))
    info = situs / "bobot_resmi_contoh-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bobot-resmi-contoh\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[mcsp_rules]\nbobot_resmi = bobot_resmi_contoh\n")
    monkeypatch.syspath_prepend(str(situs))
    yield
    sys.modules.pop("bobot_resmi_contoh", None)


def test_entry_point_plugin_overrides_one_weight(folder_mini, paket_entry_point, tulis):
    r = Registri.muat(folder=[folder_mini], bawaan=False)
    info = {p.nama: p for p in r.plugin}
    assert info["bobot_resmi"].sumber == "entry point" and info["bobot_resmi"].aktif
    assert r.get(2024, "AA").bobot.nilai == 3.0 and r.get(2024, "AA").bobot.sumber == "bobot resmi contoh 2024"
    assert r.get(2024, "BB").bobot.nilai == 1.0 and r.get(2024, "BB").bobot.asumsi
    # every plugin's own weights stay visible, for the sensitivity page to compare
    per_plugin = r.bobot_per_plugin(2024)
    assert per_plugin["bobot_resmi"] == {"AA": 3.0}
    assert set(per_plugin["mini"]) == {"AA", "BB"} and per_plugin["mini"]["AA"] == 1.0
    data = mcsp_rules.load(tulis("r.csv", RINCIAN), registri=r)
    # AA = 100 (80×60+100×40... = (4800+4000)/100 = 88), BB = 50; index (3×88 + 50)/4
    assert mcsp_rules.score(data)["indeks"].item() == pytest.approx((3 * 88 + 50) / 4)


RUSAK = {
    "impor_gagal.py": "import modul_yang_tidak_ada\n",
    "zz_hook_error.py": textwrap.dedent('''
        from mcsp_rules.plugin.kit import hookimpl
        @hookimpl
        def mcsp_bobot_area(tahun, area):
            raise RuntimeError("bobot rusak")
        '''),
    "salah_ketik.py": textwrap.dedent('''
        from mcsp_rules.plugin.kit import hookimpl
        @hookimpl
        def mcsp_bobot(tahun, area):
            return 2.0
        '''),
    "aturan_rusak.py": textwrap.dedent('''
        import polars as pl
        from mcsp_rules.plugin.kit import Aturan, hookimpl
        @hookimpl
        def mcsp_aturan(tahun, area):
            return [Aturan("x", pl.col("kolom_yang_tidak_ada") > 0, "p", "m")]
        '''),
    "bukan_area.py": textwrap.dedent('''
        from mcsp_rules.plugin.kit import hookimpl
        @hookimpl
        def mcsp_area(tahun):
            return ["PBJ"]
        '''),
}


def test_broken_plugins_are_switched_off_with_reason_and_the_rest_work(tmp_path, folder_mini, tulis):
    for nama, isi in RUSAK.items():
        (folder_mini / nama).write_text(isi)
    r = Registri.muat(folder=[folder_mini], pakai_entry_point=False, bawaan=False)
    info = {p.nama: p for p in r.plugin}
    assert "ModuleNotFoundError" in info["impor_gagal"].alasan
    assert "bobot rusak" in info["zz_hook_error"].alasan
    assert "hook tidak dikenal: mcsp_bobot" in info["salah_ketik"].alasan
    assert "kit.Area" in info["bukan_area"].alasan
    assert info["mini"].aktif and r.get(2024, "AA").bobot.nilai == 1.0
    data = mcsp_rules.load(tulis("r.csv", RINCIAN), registri=r)
    # the rule that cannot run is found when the data is validated; its plugin is switched off
    assert not info["aturan_rusak"].aktif and "kolom_yang_tidak_ada" in info["aturan_rusak"].alasan
    assert data.laporan.dipakai == 4 and mcsp_rules.score(data)["indeks"].item() == pytest.approx((88 + 50) / 2)
    assert {p.nama for p in r.nonaktif()} == set(n.removesuffix(".py") for n in RUSAK)


def test_two_plugins_declaring_one_area_is_reported_as_conflict(folder_mini, teks_plugin_mini):
    (folder_mini / "zz_salinan.py").write_text(teks_plugin_mini)
    r = Registri.muat(folder=[folder_mini], pakai_entry_point=False, bawaan=False)
    assert len(r.konflik) == 2 and "AA" in r.konflik[0]
    assert r.tabel_area().height == 2


def test_builtin_plugins_cover_2019_to_2025_with_areas_per_kind():
    r = mcsp_rules.registri_bawaan()
    tabel = r.tabel_area()
    assert not r.nonaktif(), [p.alasan for p in r.nonaktif()]
    per_tahun = {t: sorted(tabel.filter(pl.col("tahun") == t)["area"].to_list()) for t in range(2019, 2026)}
    assert per_tahun[2024] == per_tahun[2025] == sorted(
        ["PERENCANAAN", "PENGANGGARAN", "PBJ", "PELAYANAN_PUBLIK", "APIP", "ASN", "BMD", "PAJAK"])
    for t in range(2019, 2024):
        assert per_tahun[t] == sorted(["PERENCANAAN_PENGANGGARAN", "PBJ", "PERIZINAN", "APIP", "ASN", "PAJAK", "BMD", "DESA"])
    assert tabel.height == 56  # 7 years × 8 areas
    assert tabel["bobot_asumsi"].all(), "equal weights must be labelled as an assumption"
    assert not tabel["katalog_resmi"].any(), "the built-in catalogues are this project's reconstruction"
    jenis = r.tabel_jenis()
    for t in range(2019, 2024):  # DESA for kabupaten only: provinces and kota have 7 areas
        n = dict(jenis.filter(pl.col("tahun") == t).group_by("jenis_pemda").len().rows())
        assert n == {"provinsi": 7, "kota": 7, "kabupaten": 8}, (t, n)
    n24 = dict(jenis.filter(pl.col("tahun") == 2024).group_by("jenis_pemda").len().rows())
    assert n24 == {"provinsi": 8, "kota": 8, "kabupaten": 8}


def test_area_names_of_each_period_are_recognised():
    alias = mcsp_rules.registri_bawaan().tabel_alias()
    def area(tahun, nama):
        from mcsp_rules.io.urai import kunci_nama
        kunci = pl.select(kunci_nama(pl.lit(nama))).item()
        hit = alias.filter((pl.col("tahun") == tahun) & (pl.col("kunci") == kunci))["area"].to_list()
        return hit[0] if hit else None
    assert area(2019, "Pelayanan Terpadu Satu Pintu (PTSP)") == area(2020, "Perizinan") == "PERIZINAN"
    assert area(2020, "Manajemen Aset Daerah") == area(2023, "Pengelolaan BMD") == "BMD"
    assert area(2020, "Optimalisasi Pendapatan Daerah") == area(2022, "Optimalisasi Pajak Daerah") == "PAJAK"
    for nama in ("Dana Desa", "Tata Kelola Dana Desa", "Tata Kelola Keuangan Desa", "Pengelolaan Dana Desa"):
        assert area(2021, nama) == "DESA", nama
    assert area(2024, "Pelayanan Publik") == "PELAYANAN_PUBLIK" and area(2024, "Dana Desa") is None


def _pasangan_bawaan():
    r = mcsp_rules.registri_bawaan()
    return sorted(r.area_tahun)


@pytest.mark.parametrize(("tahun", "area"), _pasangan_bawaan())
def test_contract_every_builtin_area_year(tahun, area):
    """The contract test each plugin gets: its valid example rows validate cleanly and score
    0–100, and each of its invalid rows is set aside with a finding."""
    r = mcsp_rules.registri_bawaan()
    at = r.get(tahun, area)
    assert at.area.nama and at.area.name and at.area.indikator
    assert abs(sum(s.bobot for s in at.area.sub_indikator) - 100) < 1e-9
    assert len({s.kode for s in at.area.sub_indikator}) == len(at.area.sub_indikator)
    for contoh in at.contoh:
        kolom = list(contoh.valid[0])
        teks = ",".join(kolom) + "\n" + "\n".join(",".join(str(b.get(k, "")) for k in kolom) for b in contoh.valid)
        data = mcsp_rules.load(("contoh.csv", teks.encode()), registri=r)
        assert data.laporan.jumlah_galat == 0 and data.laporan.jumlah_peringatan == 0, data.laporan.temuan
        skor = mcsp_rules.score(data, "area")
        assert skor.height == 1 and 0 <= skor["skor"].item() <= 100
        for salah in contoh.tidak_valid:
            teks = ",".join(kolom) + "\n" + ",".join(str(salah.get(k, "")) for k in kolom)
            bad = mcsp_rules.load(("salah.csv", teks.encode()), registri=r)
            assert bad.laporan.jumlah_disisihkan == 1 and bad.laporan.dipakai == 0
