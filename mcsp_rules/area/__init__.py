"""The built-in area plugins, shipped inside the package as datasette ships its own features.

``PLUGIN_BAWAAN`` (datasette's ``DEFAULT_PLUGINS``) lists their modules; the registry registers them
first, so every plugin found later (``plugins/``, ``MCSP_PLUGINS_DIR``, entry points) is asked before
them and can override any of their answers: for "first result wins" hooks, pluggy asks the plugin
registered last first; for ``mcsp_area`` the first declaration of an area code keeps it.
"""

PLUGIN_BAWAAN = (
    "mcsp_rules.area.area_2019_2022",
    "mcsp_rules.area.area_2023",
    "mcsp_rules.area.area_2024_2025",
)
