"""The URL contract of the dashboard (issue: links that travel): every page has its path, and these
query parameters describe the view, so a copied link reopens it.

| parameter | meaning |
|---|---|
| ``data=contoh`` | load the national sample (uploaded data cannot travel in a link) |
| ``tahun`` | year |
| ``provinsi`` | province code, e.g. ``62`` |
| ``pemda`` | pemda code, e.g. ``62.03`` |
| ``area`` | area code |
| ``bahasa`` | ``id`` or ``en`` |
| ``rapat`` | ``1``: the meeting view |

This module only builds links; reading the parameters into the sidebar filters, and writing them back
when a filter changes, is ``umum.filter_sidebar``'s job.
"""

from __future__ import annotations

from urllib.parse import urlencode

# page url_path of every page (dashboard.HALAMAN uses the same names)
HALAMAN = ("data", "ringkasan", "profil", "tren", "bandingkan", "simulasi", "rencana", "sensitivitas", "aturan")
PARAMETER = ("data", "tahun", "provinsi", "pemda", "area", "bahasa", "rapat")


def tautan(halaman: str, **param) -> str:
    """A relative link to ``halaman`` with the given parameters (None and empty values left out),
    in the order of ``PARAMETER``: ``tautan("profil", pemda="62.03", tahun=2024)`` →
    ``/profil?tahun=2024&pemda=62.03``."""
    if halaman not in HALAMAN:
        raise ValueError(f"halaman tidak dikenal: {halaman}")
    asing = set(param) - set(PARAMETER)
    if asing:
        raise ValueError(f"parameter tidak dikenal: {', '.join(sorted(asing))}")
    isi = [(k, str(param[k])) for k in PARAMETER if param.get(k) not in (None, "", [])]
    return f"/{halaman}" + (f"?{urlencode(isi)}" if isi else "")
