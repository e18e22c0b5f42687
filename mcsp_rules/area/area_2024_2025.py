"""Built-in areas of KPK's MCP 2024 and MCSP 2025 (the same eight areas both years).

Areas: Perencanaan, Penganggaran, Pengadaan Barang dan Jasa (PBJ), Pelayanan Publik, Pengawasan APIP,
Manajemen ASN, Pengelolaan Barang Milik Daerah (BMD) and Optimalisasi Pajak Daerah, with 3 indicators
of 2 sub-indicators each (48 sub-indicators per year).

Where the names come from: the area names are KPK's (MCP/MCSP portal, jaga.id, news reports; see
shared/domain.md). The indicators and sub-indicators are a plausible reconstruction from what public
reporting says the areas ask for (asset database and land certification for BMD, a staffed UKPBJ and
certified procurement officials for PBJ, the inspectorate's budget, staff and independence for APIP,
tax arrears collection and tapping boxes for Pajak, SIPD, SP4N-LAPOR!, LHKPN, the merit system...).
KPK's exact list and its sub-indicator weights are not public in our sources: the codes, names and
``bobot`` (which add up to 100 per area) are this project's, not official figures. They are data:
``katalog_2024_2025.csv`` beside this module, labelled not official; a coordinator replaces it with
KPK's list by a catalogue file (docs/plugins.md), without Python.

Names vary by year: 2025 calls Pajak "Optimalisasi Penerimaan Daerah" and APIP "Penguatan APIP";
those spellings are aliases, so exports of either year are recognised.
Area weights in the index are equal, which ``AreaPlugin`` labels as an assumption; a plugin that
knows the official weights can override them (see docs/plugins.md).
"""

from importlib import resources

from mcsp_rules.plugin.kit import Area, AreaPlugin, baca_katalog

TAHUN = (2024, 2025)
KATALOG = baca_katalog(resources.files("mcsp_rules.area") / "katalog_2024_2025.csv")

AREAS = KATALOG.pasang((
    Area("PERENCANAAN", "Perencanaan", "Planning", TAHUN,
         alias=("Perencanaan Daerah", "Perencanaan Pembangunan Daerah")),
    Area("PENGANGGARAN", "Penganggaran", "Budgeting", TAHUN, alias=("Penganggaran APBD", "Penganggaran Daerah")),
    Area("PBJ", "Pengadaan Barang dan Jasa", "Procurement of Goods and Services", TAHUN,
         alias=("PBJ", "Pengadaan Barang/Jasa", "Pengadaan Barang dan Jasa (PBJ)")),
    Area("PELAYANAN_PUBLIK", "Pelayanan Publik", "Public Services", TAHUN,
         alias=("Layanan Publik", "Perizinan dan Pelayanan Publik")),
    Area("APIP", "Pengawasan APIP", "Internal Government Oversight (APIP)", TAHUN,
         alias=("Penguatan APIP", "APIP", "Penguatan Aparat Pengawasan Intern Pemerintah")),
    Area("ASN", "Manajemen ASN", "Civil Service Management", TAHUN,
         alias=("ASN", "Manajemen Aparatur Sipil Negara", "Management ASN")),
    Area("BMD", "Pengelolaan Barang Milik Daerah", "Regional Asset Management", TAHUN,
         alias=("Pengelolaan BMD", "BMD", "Manajemen Aset Daerah", "Pengelolaan Barang Milik Daerah (BMD)",
                "Pengelolaan Barang Milik Daerah atau BMD")),
    Area("PAJAK", "Optimalisasi Pajak Daerah", "Regional Tax and Revenue Optimisation", TAHUN,
         alias=("Optimalisasi Penerimaan Daerah", "Optimalisasi Pendapatan Daerah", "Optimalisasi Pajak",
                "Pajak Daerah", "Pajak")),
))

plugin = AreaPlugin(AREAS)
