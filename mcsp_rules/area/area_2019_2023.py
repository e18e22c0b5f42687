"""Built-in areas of KPK's MCP 2019–2023: the same eight areas every year, under the names of their period.

Names by period, as published sources write them (research in published_scores.md, "area names by
period"; the MCP 2023 launch, shared/seeds/000_*):
- 2019–2020: Perencanaan dan Penganggaran APBD; Pengadaan Barang dan Jasa; Pelayanan Terpadu Satu Pintu
  (PTSP), written "Perizinan" from 2020; Kapabilitas APIP; Manajemen ASN; Optimalisasi Pendapatan Daerah
  (also "Optimalisasi Pajak Daerah"); Manajemen Aset Daerah; Dana Desa ("dana desa atau kelurahan",
  "Tata Kelola Dana Desa", "pengelolaan dana desa").
- 2021–2022: Perizinan; Pengawasan APIP; Optimalisasi Pajak Daerah; Manajemen Aset Daerah; Tata Kelola
  Keuangan Desa (or Tata Kelola Dana Desa).
- 2023: Pengelolaan Barang Milik Daerah (BMD) replaces Manajemen Aset Daerah.
News copy keeps older names for years, so every name of the period is an alias in every year.

Kinds of pemda: the village-finance area (``DESA``) is assessed for kabupaten only; provinces and kota
have 7 areas and a complete index without it ("7 area di tingkat Provinsi dan 8 area untuk kabupaten
kota", Kalimantan Barat 2023; the published 7-area totals of Kota Bekasi 2020, Kota Kendari 2021, Kota
Ternate 2023 and Provinsi Papua Barat 2023).

The indicator catalogue is data: ``katalog_2019_2023.csv`` beside this module, this project's
reconstruction from public reporting (49 sub-indicators; KPK reported 30 indicators and 63
sub-indicators for 2023), labelled not official. KPK's list per year of 2019–2022 is not in our
sources, so those years use the same reconstruction. A coordinator replaces it with KPK's list by a
catalogue file (docs/plugins.md), without Python. Area weights are equal, labelled as an assumption.
"""

from importlib import resources

from mcsp_rules.plugin.kit import Area, baca_katalog

KABUPATEN = ("kabupaten",)

# (code, English name, kinds, {years: name of the period}, aliases: every spelling seen 2019–2023)
NAMA = (
    ("PERENCANAAN_PENGANGGARAN", "Regional Budget (APBD) Planning and Budgeting", None,
     {(2019, 2020, 2021, 2022, 2023): "Perencanaan dan Penganggaran APBD"},
     ("Perencanaan dan Penganggaran", "Perencanaan & Penganggaran", "P&P APBD", "PP")),
    ("PBJ", "Procurement of Goods and Services", None,
     {(2019, 2020, 2021, 2022, 2023): "Pengadaan Barang dan Jasa"},
     ("PBJ", "Pengadaan Barang/Jasa", "Pengadaan Barang dan Jasa (PBJ)")),
    ("PERIZINAN", "Licensing", None,
     {(2019,): "Pelayanan Terpadu Satu Pintu (PTSP)", (2020, 2021, 2022, 2023): "Perizinan"},
     ("Perizinan", "PTSP", "Pelayanan Terpadu Satu Pintu", "Pelayanan Terpadu Satu Pintu (PTSP)", "Pelayanan Perizinan")),
    ("APIP", "Internal Government Oversight (APIP)", None,
     {(2019, 2020): "Kapabilitas APIP", (2021, 2022, 2023): "Pengawasan APIP"},
     ("Kapabilitas APIP", "Pengawasan APIP", "Penguatan APIP", "APIP",
      "Kapabilitas Aparat Pengawasan Intern Pemerintah (APIP)", "Kapabilitas Aparat Pengawasan Intern Pemerintah")),
    ("ASN", "Civil Service Management", None,
     {(2019, 2020, 2021, 2022, 2023): "Manajemen ASN"},
     ("ASN", "Manajemen Aparatur Sipil Negara", "Management ASN")),
    ("PAJAK", "Regional Tax Optimisation", None,
     {(2019, 2020): "Optimalisasi Pendapatan Daerah", (2021, 2022, 2023): "Optimalisasi Pajak Daerah"},
     ("Optimalisasi Pajak Daerah", "Optimalisasi Pendapatan Daerah", "OPD", "Pajak Daerah", "Pajak")),
    ("BMD", "Regional Asset Management", None,
     {(2019, 2020, 2021, 2022): "Manajemen Aset Daerah", (2023,): "Pengelolaan Barang Milik Daerah"},
     ("Manajemen Aset Daerah", "Manajemen Aset", "Management Aset Daerah", "Pengelolaan Barang Milik Daerah",
      "Pengelolaan Barang Milik Daerah (BMD)", "Pengelolaan BMD", "BMD")),
    ("DESA", "Village Finance Governance", KABUPATEN,
     {(2019, 2020): "Dana Desa", (2021, 2022, 2023): "Tata Kelola Keuangan Desa"},
     ("Dana Desa", "Dana Desa atau Kelurahan", "Tata Kelola Dana Desa", "Pengelolaan Dana Desa",
      "Tata Kelola Keuangan Desa", "Keuangan Desa", "Desa")),
)

KATALOG = baca_katalog(resources.files("mcsp_rules.area") / "katalog_2019_2023.csv")


def areas(tahun: tuple[int, ...]) -> tuple[Area, ...]:
    """The eight areas for the years in ``tahun``, one declaration per name of the period."""
    hasil = []
    for kode, name, jenis, per_periode, alias in NAMA:
        for periode, nama in per_periode.items():
            th = tuple(t for t in periode if t in tahun)
            if th:
                hasil.append(Area(kode, nama, name, th, alias=alias, **({"jenis": jenis} if jenis else {})))
    return KATALOG.pasang(hasil)
