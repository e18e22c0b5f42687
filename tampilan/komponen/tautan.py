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


# ---------------------------------------------------------------- links that travel (issue: meetings)
def parameter_tampilan(saring, *, bahasa: str | None = None, rapat: bool = False, contoh: bool = False,
                       pemda: str | None = None) -> dict[str, str]:
    """The query parameters that describe a view: the filters of ``saring`` (an ``analisis.Saring``),
    the language, the meeting view, whether the data is the national sample, and the pemda shown (a
    profile) — or, without one, the single pemda the sidebar filters to. Several areas are joined by
    commas."""
    param: dict[str, str] = {}
    if contoh:
        param["data"] = "contoh"
    if saring is not None:
        if saring.tahun is not None:
            param["tahun"] = str(saring.tahun)
        if saring.kode_provinsi:
            param["provinsi"] = saring.kode_provinsi
        if pemda is None and len(saring.pemda) == 1:
            pemda = saring.pemda[0]
        if saring.area:
            param["area"] = ",".join(saring.area)
    if pemda:
        param["pemda"] = pemda
    if bahasa:
        param["bahasa"] = bahasa
    if rapat:
        param["rapat"] = "1"
    return param


def alamat_dasar(url_sekarang: str | None) -> str:
    """The app's address without a page path: ``http://host:8501/ringkasan`` → ``http://host:8501``
    (an app served under a prefix keeps it: ``https://x.go.id/ipkd/profil`` → ``https://x.go.id/ipkd``)."""
    from urllib.parse import urlsplit, urlunsplit

    if not url_sekarang:
        return ""
    u = urlsplit(url_sekarang)
    bagian = [p for p in u.path.split("/") if p]
    if bagian and bagian[-1] in HALAMAN:
        bagian = bagian[:-1]
    return urlunsplit((u.scheme, u.netloc, "/".join(bagian), "", "")).rstrip("/")


def tautan_penuh(url_sekarang: str | None, halaman: str, **param) -> str:
    """The absolute link of ``halaman`` with ``param`` (for "Salin tautan" and report footers); a
    relative one when the app's address is unknown."""
    return alamat_dasar(url_sekarang) + tautan(halaman, **param)
