"""The IPKD dashboard: `streamlit run dashboard.py`.

Entry point only: page setup, language, the sidebar filters (built once here so they persist across
pages) and navigation over the pages in tampilan/halaman/ (one file per page; add a page by adding a file and
one line in HALAMAN). Pages arrange widgets and charts and call mcsp_rules; no scoring happens here.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="IPKD — MCP/MCSP", page_icon="📊", layout="wide")

from tampilan.komponen import bagikan, umum  # noqa: E402
from tampilan.komponen.teks import BAHASA, NAMA_BAHASA, t  # noqa: E402

# (file, text key, icon, url path); the first page is the default one
HALAMAN = (
    ("tampilan/halaman/data.py", "hal_data", ":material/upload_file:", "data"),
    ("tampilan/halaman/ringkasan.py", "hal_ringkasan", ":material/dashboard:", "ringkasan"),
    ("tampilan/halaman/profil.py", "hal_profil", ":material/location_city:", "profil"),
    ("tampilan/halaman/tren.py", "hal_tren", ":material/timeline:", "tren"),
    ("tampilan/halaman/bandingkan.py", "hal_bandingkan", ":material/compare_arrows:", "bandingkan"),
    ("tampilan/halaman/simulasi.py", "hal_simulasi", ":material/science:", "simulasi"),
    ("tampilan/halaman/rencana.py", "hal_rencana", ":material/checklist:", "rencana"),
    ("tampilan/halaman/sensitivitas.py", "hal_sensitivitas", ":material/tune:", "sensitivitas"),
    ("tampilan/halaman/aturan.py", "hal_aturan", ":material/rule:", "aturan"),
)


def main() -> None:
    with st.sidebar:
        st.radio(t("bahasa"), BAHASA, key="bahasa", format_func=NAMA_BAHASA.get, horizontal=True,
                 on_change=umum.simpan_filter)
    halaman = [
        st.Page(f, title=t(k), icon=i, url_path=u, default=(n == 0)) for n, (f, k, i, u) in enumerate(HALAMAN)
    ]
    pg = st.navigation(halaman, position="sidebar")
    umum.filter_sidebar()
    with st.sidebar:
        st.divider()
        st.toggle(t("rapat"), key="rapat", help=t("rapat_bantuan"))
        bagikan.salin_tautan(pg.url_path or "data")
    pg.run()


main()
