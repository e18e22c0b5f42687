"""Built-in areas of KPK's MCP 2023 (names, sources and catalogue: ``area_2019_2023``).

Perencanaan dan Penganggaran APBD, Pengadaan Barang dan Jasa (PBJ), Perizinan, Pengawasan APIP,
Manajemen ASN, Optimalisasi Pajak Daerah, Pengelolaan Barang Milik Daerah (BMD) and Tata Kelola Keuangan
Desa (kabupaten only: provinces and kota have 7 areas). Indicator codes use the prefix ``PP`` for
PERENCANAAN_PENGANGGARAN. Area weights are equal, which ``AreaPlugin`` labels as an assumption.
"""

from mcsp_rules.area.area_2019_2023 import areas
from mcsp_rules.plugin.kit import AreaPlugin

TAHUN = (2023,)
AREAS = areas(TAHUN)
plugin = AreaPlugin(AREAS)
