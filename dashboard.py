"""The IPKD dashboard: `streamlit run dashboard.py`.

Entry point only: page setup, language, the sidebar filters (built once here so they persist across
pages) and navigation over the pages in tampilan/halaman/ (one file per page; add a page by adding a file and
one line in HALAMAN). Pages arrange widgets and charts and call mcsp_rules; no scoring happens here.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="IPKD — MCP/MCSP", page_icon="📊", layout="wide")

from tampilan.komponen import bagikan, masuk, umum  # noqa: E402
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


def _halaman_bawaan() -> str:
    """The page served at the root. Streamlit serves its default page only at "/", so a link to
    /data would open "Page not found"; when the link asks for the first page by its path, another
    page is the default for that run (the pages' identities do not depend on it)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    pertama = HALAMAN[0][3]
    ctx = get_script_run_ctx()
    diminta = getattr(getattr(ctx, "pages_manager", None), "intended_page_name", None)
    return HALAMAN[1][3] if diminta == pertama else pertama


def tata_sidebar() -> None:
    """The meeting view gives the projector the whole width: the sidebar folds away when the view is
    switched on (a person can open it again with its arrow) and comes back when it is switched off.
    Only a change is sent: a filter changed with the sidebar open in a meeting leaves it open."""
    rapat = umum.rapat()
    if st.session_state.get("_sidebar_rapat") is not rapat:
        st.session_state["_sidebar_rapat"] = rapat
        st.set_page_config(initial_sidebar_state="collapsed" if rapat else "auto")


@st.cache_resource(show_spinner=False)
def pemanasan() -> None:
    """Once per server process, in the background: import what the first upload and the first table
    need (the reader, the rule engine; pandas, pyarrow and the Styler's templates for formatted tables),
    one to two seconds that the first person to upload would otherwise wait for."""
    import threading

    def impor() -> None:
        import pandas  # noqa: F401
        import pandas.io.formats.style  # noqa: F401
        import pyarrow  # noqa: F401

        import mcsp_rules.io.baca  # noqa: F401
        import mcsp_rules.validasi  # noqa: F401

    threading.Thread(target=impor, name="mcsp-pemanasan", daemon=True).start()


def main() -> None:
    pemanasan()
    umum.baca_url()  # a link's parameters, before any widget exists
    with st.sidebar:
        st.radio(t("bahasa"), BAHASA, key="bahasa", format_func=NAMA_BAHASA.get, horizontal=True,
                 on_change=umum.simpan_filter)
    bawaan = _halaman_bawaan()
    halaman = [st.Page(f, title=t(k), icon=i, url_path=u, default=(u == bawaan)) for f, k, i, u in HALAMAN]
    pg = st.navigation(halaman, position="sidebar")
    st.session_state["_halaman_aktif"] = pg.url_path or "data"  # chart images carry this view's link
    masuk.sidebar()  # login offer, who is logged in, or the single-user-mode note
    umum.filter_sidebar()
    umum.pasang_pita()  # charts read the index with the bands of the year shown
    with st.sidebar:
        st.divider()
        st.toggle(t("rapat"), key="rapat", help=t("rapat_bantuan"))
        bagikan.salin_tautan(pg.url_path or "data")
    tata_sidebar()
    umum.tulis_url(pg.url_path)
    pg.run()
    umum.tulis_url(pg.url_path)  # what the page chose (Profil's pemda) goes into the link too


main()
