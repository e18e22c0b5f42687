"""Built-in areas of KPK's MCP 2019–2022: the 2023 area set under the names of the period, DESA for
kabupaten only (names, sources and catalogue: ``area_2019_2023``)."""

from mcsp_rules.area.area_2019_2023 import areas
from mcsp_rules.plugin.kit import AreaPlugin

TAHUN = (2019, 2020, 2021, 2022)
AREAS = areas(TAHUN)
plugin = AreaPlugin(AREAS)
