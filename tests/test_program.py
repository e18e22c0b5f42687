"""The real programme (issue 12): areas per kind of pemda, KPK's three weight levels, bands per year,
catalogues as data."""

from __future__ import annotations

import textwrap

import polars as pl
import pytest

import mcsp_rules
from mcsp_rules.hitung.celah import celah
from mcsp_rules.plugin.kit import AreaPlugin, KatalogTidakValid, Pita, baca_katalog
from mcsp_rules.plugin.registri import Registri

AREA_2024 = ("PERENCANAAN", "PENGANGGARAN", "PBJ", "PELAYANAN_PUBLIK", "APIP", "ASN", "BMD", "PAJAK")
AREA_2023 = ("PERENCANAAN_PENGANGGARAN", "PBJ", "PERIZINAN", "APIP", "ASN", "PAJAK", "BMD", "DESA")


def _rincian_penuh(tahun, kode, areas, status="diterima"):
    """Every sub-indicator of the built-in catalogue for ``areas``, all with one status."""
    r = mcsp_rules.registri_bawaan()
    baris = ["tahun;kode_wilayah;area;indikator;sub_indikator;bobot;status;nilai"]
    for a in areas:
        at = r.get(tahun, a)
        for i in at.area.indikator:
            for s in i.sub:
                baris.append(f"{tahun};{kode};{a};{i.kode};{s.kode};{s.bobot:g};{status};")
    return "\n".join(baris) + "\n"


# ------------------------------------------------------------------------------ areas per kind
def test_2023_kota_and_province_complete_with_7_areas_kabupaten_needs_8(tulis):
    tanpa_desa = [a for a in AREA_2023 if a != "DESA"]
    isi = _rincian_penuh(2023, "82.71", tanpa_desa)  # Kota Ternate
    isi += _rincian_penuh(2023, "92", tanpa_desa).split("\n", 1)[1]  # Provinsi Papua Barat
    isi += _rincian_penuh(2023, "52.01", tanpa_desa).split("\n", 1)[1]  # Kab. Lombok Barat: DESA missing
    data = mcsp_rules.load(tulis("r2023.csv", isi))
    w = {r["kode_wilayah"]: r for r in mcsp_rules.score(data).iter_rows(named=True)}
    assert w["82.71"]["lengkap"] and w["82.71"]["indeks"] == pytest.approx(100.0)
    assert w["92"]["lengkap"] and w["92"]["jenis_pemda"] == "provinsi" and w["92"]["kategori"] == "Hijau"
    assert not w["52.01"]["lengkap"] and w["52.01"]["indeks"] is None  # no silent zero for the kabupaten
    hilang = mcsp_rules.api.score(data, level="wilayah")  # same path as the CLI
    assert hilang.height == 3
    # the gap list of a kota gives index gains (its index is complete), none for a DESA it does not have
    g = celah(data, semua=True)
    assert g.filter(pl.col("kode_wilayah") == "82.71")["kenaikan"].is_not_null().all()
    assert g.filter(pl.col("kode_wilayah") == "52.01")["kenaikan"].is_null().all()


def test_2024_kota_still_needs_all_8_areas(tulis):
    isi = _rincian_penuh(2024, "82.71", [a for a in AREA_2024 if a != "PAJAK"])
    w = mcsp_rules.score(mcsp_rules.load(tulis("r2024.csv", isi))).row(0, named=True)
    assert not w["lengkap"] and w["indeks"] is None


def test_simulation_and_plan_of_a_2023_kota(tulis):
    tanpa_desa = [a for a in AREA_2023 if a != "DESA"]
    isi = _rincian_penuh(2023, "82.71", tanpa_desa, status="perlu perbaikan")
    data = mcsp_rules.load(tulis("r.csv", isi))
    assert mcsp_rules.score(data).row(0, named=True)["indeks"] == 0.0
    rencana = mcsp_rules.plan(data, "82.71", target=50)
    assert rencana.tercapai  # a 7-area kota can be planned: its index exists
    r = rencana.ringkasan.row(0, named=True)
    assert r["indeks_sesudah"] >= 50 - 1e-9 and r["kategori_sesudah"] == "Biru"


def test_history_style_composite_key_gets_the_kind():
    """The history passes ``snapshot|kode`` keys; the kind still comes from the region list."""
    from mcsp_rules.hitung import skor

    r = mcsp_rules.registri_bawaan()
    area = pl.DataFrame({"tahun": [2023] * 7, "kode_wilayah": ["5|82.71"] * 7,
                         "area": [a for a in AREA_2023 if a != "DESA"], "skor": [50.0] * 7},
                        schema_overrides={"tahun": pl.Int32})
    hasil = skor.indeks_dari_area(area.lazy(), skor.tabel_bobot(r)).collect().row(0, named=True)
    assert hasil["lengkap"] and hasil["indeks"] == 50.0


# ------------------------------------------------------------------------- three weight levels
def test_cli_score_names_the_files_three_level_weights(tulis, ekspor_kpk):
    import subprocess
    import sys

    path = tulis("kpk.csv", ekspor_kpk)
    hasil = subprocess.run([sys.executable, "-m", "mcsp_rules.cli", "score", str(path)], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    assert "Bobot area: bobot dari file (3 tingkat)" in hasil.stderr and "asumsi" not in hasil.stderr
    w = pl.read_csv(hasil.stdout.encode(), schema_overrides={"kode_wilayah": pl.String}).row(0, named=True)
    assert abs(w["indeks"] - 68.0) < 1e-6 and w["sumber_bobot"] == "bobot dari file (3 tingkat)"


def test_kpk_three_weight_levels_score_to_the_formula(tulis, ekspor_kpk):
    """design.md §2 by hand. Every area: indicator I1 (bobot_indikator 60) with S1 (bobot_subindikator
    50, accepted, empty nilai = 100) and S2 (50, accepted, nilai_verifikasi 80); I2 (40) with S1 (70,
    returned: 0) and S2 (30, accepted, 50). Area = 0.6 × (50 + 40) + 0.4 × (0 + 15) = 60. PBJ: all
    accepted, 100. Area weights (bobot_area_intervensi): PBJ 20, PENGANGGARAN 15, APIP 15, the other
    five 10. Index = (20 × 100 + 80 × 60) / 100 = 68 (equal plugin weights would give 65, and the
    one-level formula 52.5 per area)."""
    data = mcsp_rules.load(tulis("kpk.csv", ekspor_kpk))  # the export described above (tests/conftest.py)
    assert data.laporan.jumlah_disisihkan == 0, data.laporan.disisihkan
    # sub-indicator weights of the three-level layout sum to 100 per indicator: no area-sum warning
    assert data.laporan.temuan.filter(pl.col("kode").cast(pl.String).str.ends_with("jumlah_bobot")).is_empty()
    w = mcsp_rules.score(data).row(0, named=True)
    assert abs(w["indeks"] - 68.0) < 1e-6
    assert w["sumber_bobot"] == "bobot dari file (3 tingkat)"
    area = dict(mcsp_rules.score(data, level="area").select("area", "skor").rows())
    assert abs(area["PBJ"] - 100.0) < 1e-6 and abs(area["PERENCANAAN"] - 60.0) < 1e-6
    # the gains of closing each gap add up to what is missing from 100, with the file's weights
    g = celah(data)
    assert abs(g["kenaikan"].sum() - (100.0 - 68.0)) < 1e-6


def test_three_weight_levels_must_each_add_up_to_100(tulis):
    """KPK's layout: sub-indicator weights add up to 100 per indicator and indicator weights to 100 per
    area. A sum off by more than the export's rounding is a warning on every row concerned (the row is
    still scored); weights repeated on each document row of a sub-indicator count once."""
    kepala = ("tahun;kode_wilayah;area;indikator;sub_indikator;dokumen;bobot_area_intervensi;bobot_indikator;"
              "bobot_subindikator;status;nilai_verifikasi")

    def berkas(nama, bs_salah=None, bi_salah=None):
        baris = [kepala]
        for a in AREA_2024:
            for i, bi in (("1", "60"), ("2", "40")):
                for s, bs in (("1", "33,33"), ("2", "33,33"), ("3", "33,33")):
                    if a == "PBJ" and i == "2" and s == "3" and bs_salah:
                        bs = bs_salah
                    if a == "APIP" and i == "1" and bi_salah:
                        bi = bi_salah
                    for d in ("D1", "D2"):  # two documents repeat the sub-indicator's weight
                        baris.append(f"2024;62;{a};{a}.{i};{a}.{i}.{s};{d};12,5;{bi};{bs};diterima;")
        return tulis(nama, "\n".join(baris) + "\n")

    def kode(data):
        return data.laporan.temuan.filter(pl.col("tingkat") == "peringatan").group_by(
            pl.col("kode").cast(pl.String)).len().sort("kode").rows()

    bulat = mcsp_rules.load(berkas("bulat.csv"))  # 3 × 33,33 = 99,99: within the rounding written
    assert kode(bulat) == [] and bulat.laporan.jumlah_disisihkan == 0
    salah = mcsp_rules.load(berkas("salah.csv", bs_salah="23,33", bi_salah="50"))
    # PBJ.2: 33,33 + 33,33 + 23,33 = 89,99 on its 6 rows; APIP: 50 + 40 = 90 on its 12 rows
    assert kode(salah) == [("bobot_indikator_jumlah_100", 12), ("bobot_sub_jumlah_100", 6)]
    pesan = salah.laporan.temuan.filter(pl.col("kode") == "bobot_sub_jumlah_100")["pesan"].cast(pl.String)[0]
    assert pesan == "Bobot sub-indikator indikator PBJ.2 berjumlah 89,99, bukan 100."
    assert salah.laporan.dipakai == salah.laporan.dibaca  # still scored


def test_without_file_weights_the_plugins_weights_are_named(tulis):
    data = mcsp_rules.load(tulis("r.csv", _rincian_penuh(2024, "62", AREA_2024)))
    w = mcsp_rules.score(data).row(0, named=True)
    assert "asumsi" in w["sumber_bobot"] and w["indeks"] == pytest.approx(100.0)


# ------------------------------------------------------------------------------ bands per year
PLUGIN_TIGA_ZONA = textwrap.dedent('''
    """Three zones for 2024, as KPK's integrity survey reads its index (docs/plugins.md)."""
    from mcsp_rules.plugin.kit import Pita, hookimpl

    TIGA_ZONA = Pita(batas=(60, 78), nama=("Rentan", "Waspada", "Terjaga"), name=("Vulnerable", "Alert", "Guarded"),
                     warna=("#CC3311", "#E8B500", "#228833"), sumber="contoh tiga zona (docs/plugins.md)")


    @hookimpl
    def mcsp_pita(tahun):
        return TIGA_ZONA if tahun == 2024 else None
''')


def test_a_year_with_three_zones(tmp_path, tulis):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "tiga_zona.py").write_text(PLUGIN_TIGA_ZONA, encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    assert r.pita(2024).nama == ("Rentan", "Waspada", "Terjaga") and r.pita(2025).bawaan
    isi = _rincian_penuh(2024, "62", AREA_2024, status="diterima")
    isi += _rincian_penuh(2025, "62", AREA_2024, status="perlu perbaikan").split("\n", 1)[1]
    data = mcsp_rules.load(tulis("r.csv", isi), registri=r)
    kat = dict(mcsp_rules.score(data).select("tahun", "kategori").rows())
    assert kat == {2024: "Terjaga", 2025: "Merah"}  # each year its own bands
    pita = {r["tahun"]: r for r in mcsp_rules.pita_dipakai(data).iter_rows(named=True)}
    assert pita[2024]["nama"] == ["Rentan", "Waspada", "Terjaga"] and not pita[2024]["pita_bawaan"]
    assert pita[2025]["pita_bawaan"] and pita[2025]["batas"] == [25.0, 50.0, 75.0]
    tabel = r.tabel_area()
    assert tabel.filter(pl.col("tahun") == 2024)["sumber_pita"].unique().to_list() == ["contoh tiga zona (docs/plugins.md)"]
    assert tabel.filter(pl.col("tahun") == 2025)["pita_bawaan"].all()


def test_pita_boundaries_belong_to_the_higher_band():
    p = Pita(batas=(25, 50, 75), nama=("a", "b", "c", "d"), sumber="x")
    assert [p.kategori(x) for x in (0, 24.99, 25, 50, 74.99, 75, 100, None)] == ["a", "a", "b", "c", "c", "d", "d", None]
    with pytest.raises(ValueError):
        Pita(batas=(50, 25), nama=("a", "b", "c"), sumber="x")
    with pytest.raises(ValueError):
        Pita(batas=(50,), nama=("a", "b", "c"), sumber="x")


def test_a_plugin_that_returns_bad_bands_is_switched_off(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "rusak.py").write_text("from mcsp_rules.plugin.kit import hookimpl\n\n@hookimpl\ndef mcsp_pita(tahun):\n"
                                     "    return (25, 50)\n", encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    assert [p.nama for p in r.nonaktif()] == ["rusak"] and "mcsp_pita" in r.nonaktif()[0].alasan
    assert r.pita(2024).bawaan


# ------------------------------------------------------------------------- catalogues as data
KATALOG_RESMI = """area;indikator;nama_indikator;sub_indikator;nama_sub_indikator;bobot;dokumen
PBJ;PBJ.A;Kelembagaan;PBJ.A.1;UKPBJ struktural;60;SK UKPBJ
PBJ;PBJ.A;Kelembagaan;PBJ.A.1;UKPBJ struktural;60;Struktur organisasi
PBJ;PBJ.B;E-procurement;PBJ.B.1;Tender melalui SPSE;40;
"""

PLUGIN_TOML = """
tahun = [2024]
resmi = true
sumber = "Daftar indikator PBJ 2024 (contoh; KPK)"
katalog = "katalog_pbj.csv"

[[area]]
kode = "PBJ"
nama = "Pengadaan Barang dan Jasa"
name = "Procurement"
alias = ["PBJ"]

[bobot]
sumber = "contoh bobot dari file"
PBJ = 20

[pita]
batas = [78]
nama = ["Belum hijau", "Hijau"]
sumber = "zona hijau mulai 78 (contoh)"
"""


def test_catalogue_file_replaces_the_builtin_one_without_python(tmp_path, tulis):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "katalog_pbj.csv").write_text(KATALOG_RESMI, encoding="utf-8")
    (folder / "pbj_resmi.toml").write_text(PLUGIN_TOML, encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    assert all(p.aktif for p in r.plugin), [p.alasan for p in r.plugin if not p.aktif]
    pbj = r.get(2024, "PBJ")
    assert pbj.plugin == "pbj_resmi" and pbj.area.katalog_resmi
    assert [s.kode for s in pbj.area.sub_indikator] == ["PBJ.A.1", "PBJ.B.1"]
    assert pbj.area.sub_indikator[0].dokumen == ("SK UKPBJ", "Struktur organisasi")
    assert pbj.bobot.nilai == 20 and pbj.bobot.sumber == "contoh bobot dari file"
    assert r.pita(2024).nama == ("Belum hijau", "Hijau")
    baris = r.tabel_area().filter((pl.col("tahun") == 2024) & (pl.col("area") == "PBJ")).row(0, named=True)
    assert baris["katalog_resmi"] and baris["jumlah_sub_indikator"] == 2 and "katalog_pbj.csv" in baris["sumber_katalog"]
    assert not r.get(2024, "APIP").area.katalog_resmi  # the rest stays the built-in reconstruction
    assert any("PBJ" in k for k in r.konflik)  # the replacement is visible


@pytest.mark.parametrize("isi, pesan", [
    ("area;indikator;sub_indikator\nPBJ;PBJ.1;PBJ.1.1\n", "kolom wajib tidak ada: bobot"),
    ("area;indikator;sub_indikator;bobot\nPBJ;PBJ.1;PBJ.1.1;10\nPBJ;PBJ.1;PBJ.1.2;sepuluh\n", "baris 3: bobot 'sepuluh'"),
    ("area;indikator;sub_indikator;bobot\nPBJ;PBJ.1;PBJ.1.1;10\n\nPBJ;PBJ.2;PBJ.1.1;10\n", "baris 4: sub-indikator PBJ.1.1 sudah ada"),
    ("area;indikator;sub_indikator;bobot\nPBJ;;PBJ.1.1;10\n", "baris 2: kolom indikator kosong"),
    ("area,indikator,sub_indikator,bobot\nPBJ,PBJ.1,PBJ.1.1,0\n", "baris 2: bobot harus > 0"),
])
def test_catalogue_errors_name_file_and_row(tulis, isi, pesan):
    path = tulis("katalog_saya.csv", isi)
    with pytest.raises(KatalogTidakValid) as e:
        baca_katalog(path)
    assert pesan in e.value.teks() and "katalog_saya.csv" in e.value.teks()


def test_a_broken_toml_plugin_is_reported_and_the_rest_keep_working(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "rusak.toml").write_text("tahun = [2024]\nkatalog = 'tidak_ada.csv'\n[[area]]\nkode='PBJ'\n", encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    assert [p.nama for p in r.nonaktif()] == ["rusak"] and "tidak_ada.csv" in r.nonaktif()[0].alasan
    assert r.get(2024, "PBJ").plugin == "area_2024_2025"


def test_builtin_catalogues_are_package_data_labelled_as_reconstruction():
    from importlib import resources

    for nama in ("katalog_2019_2023.csv", "katalog_2024_2025.csv"):
        k = baca_katalog(resources.files("mcsp_rules.area") / nama)
        assert not k.resmi and "rekonstruksi" in k.label
    r = mcsp_rules.registri_bawaan()
    assert len(r.get(2023, "PBJ").area.sub_indikator) == 6
    assert sum(len(at.area.sub_indikator) for (t, _), at in r.area_tahun.items() if t == 2023) == 49
    assert sum(len(at.area.sub_indikator) for (t, _), at in r.area_tahun.items() if t == 2024) == 48
    assert isinstance(AreaPlugin.dari_file, object)


def test_dashboard_band_colours_come_from_the_years_bands():
    from tampilan.komponen import grafik

    merah, kuning, biru, hijau = (grafik.WARNA_KATEGORI[k] for k in ("Merah", "Kuning", "Biru", "Hijau"))
    assert grafik.warna_pita() == [("Merah", merah), ("Kuning", kuning), ("Biru", biru), ("Hijau", hijau)]
    tiga = Pita(batas=(60, 78), nama=("Rentan", "Waspada", "Terjaga"), sumber="x")
    assert [w for _, w in grafik.warna_pita(tiga)] == [merah, kuning, hijau]  # the default ramp, low to high
    dengan_warna = Pita(batas=(78,), nama=("Belum hijau", "Hijau"), warna=("#999999", "#00AA00"), sumber="x")
    assert grafik.warna_pita(dengan_warna) == [("Belum hijau", "#999999"), ("Hijau", "#00AA00")]


def test_plan_to_a_band_of_the_years_own_bands(tmp_path, tulis):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "tiga_zona.py").write_text(PLUGIN_TIGA_ZONA, encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    data = mcsp_rules.load(tulis("r.csv", _rincian_penuh(2024, "62", AREA_2024, status="perlu perbaikan")), registri=r)
    rencana = mcsp_rules.plan(data, "62", target="Terjaga")  # 2024: Terjaga starts at 78
    assert rencana.target == 78.0 and rencana.tercapai
    assert rencana.ringkasan.row(0, named=True)["kategori_sesudah"] == "Terjaga"
    assert mcsp_rules.plan(data, "62", target="guarded").target == 78.0
    from mcsp_rules.galat import MCSPError
    with pytest.raises(MCSPError, match="Rentan, Waspada, Terjaga"):
        mcsp_rules.plan(data, "62", target="Hijau")  # not a band of 2024 here


def test_analysis_and_simulation_use_the_years_bands(tmp_path, tulis):
    from mcsp_rules.hitung import analisis as an

    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "tiga_zona.py").write_text(PLUGIN_TIGA_ZONA, encoding="utf-8")
    r = Registri.muat(folder=[folder], pakai_entry_point=False)
    isi = _rincian_penuh(2024, "62", AREA_2024, status="diterima")
    isi += _rincian_penuh(2024, "62.01", AREA_2024, status="perlu perbaikan").split("\n", 1)[1]
    data = mcsp_rules.load(tulis("r.csv", isi), registri=r)
    hasil = an.hitung(data)
    s = an.Saring(tahun=2024)
    wil = an.saring_wilayah(hasil, s)
    assert dict(an.jumlah_kategori(wil, hasil.registri).rows()) == {"Rentan": 1, "Waspada": 0, "Terjaga": 1,
                                                                  "Tidak lengkap": 0}
    assert list(an.daftar_per_kategori(wil)) == ["Rentan", "Terjaga", "Tidak lengkap"]  # without the registry: the names held
    peta, _ = an.heatmap(hasil, s, wil)
    assert set(peta["kategori"]) == {"Rentan", "Terjaga"}
    assert an.provinsi_agregat(hasil, s).row(0, named=True)["kategori"] == "Rentan"  # mean 50 < 60
