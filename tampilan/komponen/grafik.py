"""Altair charts of the dashboard. Labels are formatted in Python (76,15 in Indonesian), so a chart
reads the same on screen and in its PNG. The four band colours come from ``WARNA_KATEGORI`` below
and are the same in every chart; every coloured mark also carries its label or value in text."""

from __future__ import annotations

import hashlib
import threading

import altair as alt
import polars as pl

from mcsp_rules.format import angka
from mcsp_rules.model import STATUS_URUT
from tampilan.komponen.teks import bahasa, t

# Altair validates every schema object as it is built (its "debug mode"); for the fixed charts of
# this module that costs most of a rerun. The tests validate every chart against the Vega-Lite
# schema instead (tests/test_dashboard.py::test_grafik_valid).
alt.utils.schemapi.disable_debug_mode()

# Presentation, not engine: the band colours (chosen to stay apart on a projector) and English names.
# Their gray levels (ITU-R 601 luma 59, 231, 116, 175) are far apart, so a grayscale print or a washed-out
# projector still tells them apart; text on a band uses WARNA_TEKS_KATEGORI (white on the dark ones).
WARNA_KATEGORI = {"Merah": "#9E0F1E", "Kuning": "#FFEE80", "Biru": "#3B7DD8", "Hijau": "#7FD17F"}
WARNA_TEKS_KATEGORI = {"Merah": "white", "Kuning": "black", "Biru": "white", "Hijau": "black"}
WARNA_TIDAK_LENGKAP = "#9E9E9E"
KATEGORI_EN = {"Merah": "Red", "Kuning": "Yellow", "Biru": "Blue", "Hijau": "Green"}


def pita_aktif():
    """The bands of the year the sidebar shows (a ``kit.Pita``: ``registri.pita(tahun)``, which
    dashboard.py puts in the session), else the four default bands. Charts read the index with them."""
    import streamlit as st

    from mcsp_rules.plugin.kit import PITA_BAWAAN

    return st.session_state.get("_pita_aktif") or PITA_BAWAAN


def kategori(indeks: pl.Expr) -> pl.Expr:
    """The band of a score with the year's bands (``pita_aktif``)."""
    return pita_aktif().ekspresi(indeks)
WARNA_STATUS = {"diterima": "#228833", "perlu perbaikan": "#CC3311", "proses verifikasi": "#0072B2",
                "belum diunggah": "#9E9E9E"}
LEBAR_PNG = 900


def _ukuran(rapat: bool) -> dict:
    return {"label": 18 if rapat else 12, "judul": 24 if rapat else 15, "teks": 20 if rapat else 12,
            "besar": 72 if rapat else 48}


def konfigurasi(rapat: bool = False) -> dict:
    """Vega-Lite config (fonts sized for a screen or a projector), set on the spec dict directly:
    cheaper than Altair's configure_* copies on every rerun."""
    u = _ukuran(rapat)
    return {
        "axis": {"labelFontSize": u["label"], "titleFontSize": u["label"], "labelLimit": 320},
        # legends below the plot, in two columns, so several legends fit side by side at 1280 px; never cut
        "legend": {"labelFontSize": u["label"], "titleFontSize": u["label"], "orient": "bottom", "columns": 2,
                   "labelLimit": 0},
        "title": {"fontSize": u["judul"], "anchor": "start"},
        "view": {"strokeWidth": 0},
        # an outline keeps the pale band colours (Kuning, Hijau) visible on white paper and projectors
        "bar": {"stroke": "#333333", "strokeWidth": 0.6},
    }


_KUNCI_DATA = threading.Lock()  # Altair's data transformer is one setting for every thread


def _ke_arrow(data, datasets: dict) -> dict:
    """Altair data transformer for the screen: a chart's frame goes to the browser as Arrow IPC bytes
    under a content-hash name (what ``st.altair_chart`` does), not as a list of row dicts that Altair
    builds value by value and Streamlit turns back into a table."""
    from streamlit import dataframe_util

    isi = dataframe_util.convert_anything_to_arrow_bytes(data)
    nama = hashlib.sha256(isi).hexdigest()[:32]
    datasets[nama] = isi
    return {"name": nama}


def spesifikasi(chart, rapat: bool = False, *, layar: bool = False, bahasa_: str | None = None) -> dict:
    """The chart as a Vega-Lite dict. Altair's JSON-schema validation is skipped (it is the slowest
    part of a rerun and the charts are fixed code, checked by the tests). ``layar``: for
    ``st.vega_lite_chart`` only, the data as Arrow bytes (several times faster to build and send at
    national scale); the PNG and PDF renderers need the plain dict (``layar=False``). ``bahasa_``: the
    language when called outside a script run (a download's callback)."""
    from mcsp_rules.format import LOKAL_D3

    if layar:
        alt.data_transformers.register("mcsp_arrow", _ke_arrow)
        datasets: dict = {}
        with _KUNCI_DATA, alt.data_transformers.enable("mcsp_arrow", datasets=datasets):
            spec = chart.to_dict(validate=False)
        spec["datasets"] = {**(spec.get("datasets") or {}), **datasets}
    else:
        spec = chart.to_dict(validate=False)
    spec["config"] = {**spec.get("config", {}), **konfigurasi(rapat),
                      "locale": {"number": LOKAL_D3[bahasa_ or bahasa()]}}
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet")) and not isinstance(spec.get("width"), dict):
        spec["width"] = "container"
    # value labels right of a bar at 100 need room: the view is fitted inside the padding
    spec["padding"] = {"left": 5, "top": 5, "bottom": 5, "right": 64 if rapat else 48}
    # the height is the plot's own: titles, axes and legends add to it instead of squeezing the bars
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    if isinstance(spec.get("title"), str):
        spec["title"] = baris_judul(spec["title"], rapat)
    return spec


def baris_judul(judul: str, rapat: bool = False) -> list[str] | str:
    """A long title in lines (Vega-Lite cuts a long one-line title, losing the region's name at its
    end): the part after " — " (the region, the year) on a line of its own, long parts wrapped."""
    import textwrap

    lebar = 40 if rapat else 60
    baris: list[str] = []
    for bagian in judul.split(" — "):
        baris.extend(textwrap.wrap(bagian, lebar) or [bagian])
    return baris if len(baris) > 1 else judul


def legenda(nilai: list[str], judul: str | None = None) -> alt.Legend:
    """A legend listing only the bands (or statuses) the chart shows; the colours stay fixed."""
    return alt.Legend(values=nilai, title=judul)


# a 0–100 axis labelled every 10 (every 5 crowds the labels at a projector's font size)
SUMBU_100 = alt.Axis(values=list(range(0, 101, 10)))


def label_kat(k: str | None) -> str:
    if k is None:
        return t("Tidak lengkap")
    if bahasa() == "id":
        return k
    p = pita_aktif()
    inggris = dict(zip(p.nama, p.name)) if p.name else {}
    return inggris.get(k) or KATEGORI_EN.get(k, k)


def warna_pita(pita=None) -> list[tuple[str, str]]:
    """(band name, colour), lowest band first, for a year's bands (a ``kit.Pita``: ``registri.pita(tahun)``;
    None: the four default bands): the plugin's colours when it gives them, else the colour of a default
    band of the same name, else one from the default ramp."""
    from mcsp_rules.plugin.kit import PITA_BAWAAN

    pita = pita or pita_aktif() or PITA_BAWAAN
    ramp = list(WARNA_KATEGORI.values())
    pakai_plugin = bool(pita.warna)
    return [(n, pita.warna[i] if pakai_plugin else WARNA_KATEGORI.get(n, ramp[int(i * (len(ramp) - 1) / max(len(pita.nama) - 1, 1))]))
            for i, n in enumerate(pita.nama)]


def skala_kategori(dengan_tidak_lengkap: bool = False, pita=None) -> alt.Scale:
    domain = [label_kat(k) for k, _ in warna_pita(pita)]
    warna = [w for _, w in warna_pita(pita)]
    if dengan_tidak_lengkap:
        domain.append(label_kat(None))
        warna.append(WARNA_TIDAK_LENGKAP)
    return alt.Scale(domain=domain, range=warna)


def _f(x, d: int = 2) -> str:
    return angka(x, bahasa(), d)


def angka_expr(e: pl.Expr | str, desimal: int = 2, tanda: bool = False) -> pl.Expr:
    """Vectorised ``mcsp_rules.format.angka``: 76,15 / 1.234 in Indonesian, 76.15 / 1,234 in English.
    (Polars UDFs run outside Streamlit's script thread, so they must not read the session's language:
    it is read here, once.)"""
    e = pl.col(e) if isinstance(e, str) else e
    koma, ribu = (",", ".") if bahasa() == "id" else (".", ",")
    skala = 10 ** desimal
    r = (e.abs() * skala).round(0).cast(pl.Int64)
    bulat = (r // skala).cast(pl.String).str.reverse().str.replace_all(r"(\d{3})", "${1}" + ribu, literal=False)
    bulat = bulat.str.strip_chars_end(ribu).str.reverse()
    teks = bulat + pl.lit(koma) + (r % skala).cast(pl.String).str.zfill(desimal) if desimal else bulat
    awal = pl.when((e < 0) & (r > 0)).then(pl.lit("-"))
    awal = (awal.when((e > 0) & (r > 0)).then(pl.lit("+")) if tanda else awal).otherwise(pl.lit(""))
    return pl.when(e.is_null()).then(pl.lit("–")).otherwise(awal + teks)


def _peta_label(kunci) -> dict:
    return {k: t(k) for k in kunci}


def label_kategori_expr(kolom: str = "kategori") -> pl.Expr:
    peta = {k: label_kat(k) for k in pita_aktif().nama}
    return pl.col(kolom).replace_strict(peta, default=None, return_dtype=pl.String).fill_null(label_kat(None))


def label_status_expr(kolom: str = "status") -> pl.Expr:
    return pl.col(kolom).replace_strict(_peta_label(STATUS_URUT), default=pl.col(kolom), return_dtype=pl.String)


def _dengan_label(df: pl.DataFrame, kolom: str = "kategori") -> pl.DataFrame:
    return df.with_columns(label_kategori_expr(kolom).alias("kategori_label"))


def _ada(df: pl.DataFrame, kolom: str = "kategori_label") -> list[str]:
    """The band labels present in ``df``, in band order (for a legend that lists only those)."""
    hadir = set(df[kolom].drop_nulls().to_list())
    return [k for k in [label_kat(x) for x in pita_aktif().nama] + [label_kat(None)] if k in hadir]


# ------------------------------------------------------------------------------------ headline
def pita(indeks: float | None, judul: str, rapat: bool = False):
    """The four bands as one 0–100 strip with the index marked on it: where do we stand, at a glance.
    Everything is drawn inside the plot (y from 0 to 2: bands below, the number above), so a
    container-fitted chart keeps its height."""
    u = _ukuran(rapat)
    p = pita_aktif()
    pita = pl.DataFrame({
        "dari": [0.0, *map(float, p.batas)], "ke": [*map(float, p.batas), 100.0],
        "kategori_label": [label_kat(k) for k in p.nama],
    }).with_columns(((pl.col("dari") + pl.col("ke")) / 2).alias("tengah"), pl.lit(0.0).alias("y0"),
                    pl.lit(1.0).alias("y1"), pl.lit(0.5).alias("ym"))
    y_skala = alt.Scale(domain=[0, 2])
    dasar = alt.Chart(pita).mark_rect(opacity=0.9).encode(
        x=alt.X("dari:Q", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=[0, *p.batas, 100], title=None)),
        x2=alt.X2("ke"),
        y=alt.Y("y0:Q", scale=y_skala, axis=None), y2=alt.Y2("y1"),
        color=alt.Color("kategori_label:N", scale=skala_kategori(), legend=None),
        tooltip=[alt.Tooltip("kategori_label:N", title=t("kategori"))],
    )
    pita = pita.with_columns(pl.Series("warna_teks", [WARNA_TEKS_KATEGORI.get(k, "white") for k in p.nama]))
    nama_pita = alt.Chart(pita).mark_text(fontWeight="bold", fontSize=u["label"], baseline="middle").encode(
        x=alt.X("tengah:Q"), y=alt.Y("ym:Q", scale=y_skala, axis=None), text=alt.Text("kategori_label:N"),
        color=alt.Color("warna_teks:N", scale=None),
    )
    lapis = [dasar, nama_pita]
    if indeks is not None:
        titik = pl.DataFrame({"indeks": [float(indeks)], "label": [_f(indeks)], "y0": [0.0], "y1": [1.25],
                              "yt": [1.3]})
        lapis.append(alt.Chart(titik).mark_rule(color="black", strokeWidth=5 if rapat else 4).encode(
            x=alt.X("indeks:Q"), y=alt.Y("y0:Q", scale=y_skala, axis=None), y2=alt.Y2("y1")))
        rata = "left" if indeks < 15 else ("right" if indeks > 85 else "center")
        lapis.append(
            alt.Chart(titik).mark_text(fontSize=u["besar"] * 0.6, fontWeight="bold", color="black", baseline="bottom",
                                       align=rata).encode(
                x=alt.X("indeks:Q"), y=alt.Y("yt:Q", scale=y_skala, axis=None), text=alt.Text("label:N"))
        )
    return alt.layer(*lapis).properties(title=judul, height=120 if rapat else 80)


# --------------------------------------------------------------------------------------- overview
def batang_kategori(jumlah: pl.DataFrame, judul: str, rapat: bool = False):
    u = _ukuran(rapat)
    df = _dengan_label(jumlah.with_columns(pl.when(pl.col("kategori") == "Tidak lengkap").then(None)
                                           .otherwise(pl.col("kategori")).alias("kategori")))
    urut = [label_kat(k) for k in pita_aktif().nama] + [label_kat(None)]
    df = df.filter((pl.col("jumlah") > 0) | pl.col("kategori").is_not_null())
    dasar = alt.Chart(df).encode(
        x=alt.X("kategori_label:N", sort=urut, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("jumlah:Q", title=t("jumlah_pemda"), axis=alt.Axis(tickMinStep=1, format="d")),
    )
    batang = dasar.mark_bar().encode(
        color=alt.Color("kategori_label:N", scale=skala_kategori(True), legend=None),
        tooltip=[alt.Tooltip("kategori_label:N", title=t("kategori")), alt.Tooltip("jumlah:Q", title=t("jumlah"))],
    )
    teks = dasar.mark_text(dy=-u["teks"] * 0.8, fontSize=u["teks"], fontWeight="bold").encode(text=alt.Text("jumlah:Q"))
    return (batang + teks).properties(title=judul, height=300 if rapat else 200)


def batang_dokumen(total: dict[str, int], judul: str, rapat: bool = False):
    u = _ukuran(rapat)
    wajib = max(total.get("dokumen_wajib", 0), 1)
    rows = [{"status": s, "label": t(s), "jumlah": int(total.get(s.replace(" ", "_"), 0) or 0)} for s in STATUS_URUT]
    df = pl.DataFrame(rows).with_columns(
        (pl.col("jumlah") / wajib * 100).alias("persen"),
    ).with_columns(
        (angka_expr("jumlah", 0) + pl.lit(" (") + angka_expr("persen", 0) + pl.lit(" %)")).alias("teks")
    )
    urut = [t(s) for s in STATUS_URUT]
    dasar = alt.Chart(df).encode(
        y=alt.Y("label:N", sort=urut, title=None),
        x=alt.X("jumlah:Q", title=t("jumlah")),
    )
    batang = dasar.mark_bar().encode(
        color=alt.Color("label:N", scale=alt.Scale(domain=urut, range=[WARNA_STATUS[s] for s in STATUS_URUT]),
                        legend=None),
        tooltip=[alt.Tooltip("label:N", title=t("k_status")), alt.Tooltip("teks:N", title=t("jumlah"))],
    )
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(text=alt.Text("teks:N"))
    return (batang + teks).properties(title=judul, height=300 if rapat else 200)


def batang_area(rata: pl.DataFrame, judul: str, tahun: int, rapat: bool = False):
    """Mean score per area this year (bars, coloured by band) with last year as a black tick."""
    u = _ukuran(rapat)
    kol = "nama" if bahasa() == "id" else "name"
    df = _dengan_label(rata.with_columns(kategori(pl.col("skor")).alias("kategori")))
    df = df.with_columns(
        angka_expr("skor").alias("teks"),
        angka_expr("skor_lalu").alias("teks_lalu"),
        angka_expr("selisih", tanda=True).alias("teks_selisih"),
    )
    # an explicit order: a sort by field is dropped by Vega when layers union their domains
    urut = df.sort("skor", descending=True, nulls_last=True)[kol].to_list()
    df = df.with_columns(pl.lit(t("tahun_lalu_tanda", tahun=tahun - 1)).alias("penanda"))
    dasar = alt.Chart(df).encode(y=alt.Y(f"{kol}:N", title=None, sort=urut))
    tip = [alt.Tooltip(f"{kol}:N", title=t("k_area")), alt.Tooltip("teks:N", title=str(tahun)),
           alt.Tooltip("teks_lalu:N", title=str(tahun - 1)), alt.Tooltip("teks_selisih:N", title=t("k_selisih"))]
    batang = dasar.mark_bar().encode(
        x=alt.X("skor:Q", scale=alt.Scale(domain=[0, 100]), title=t("skor"), axis=SUMBU_100),
        color=alt.Color("kategori_label:N", scale=skala_kategori(), legend=legenda(_ada(df), t("kategori"))),
        tooltip=tip,
    )
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(x=alt.X("skor:Q"), text=alt.Text("teks:N"))
    lapis = [batang, teks]
    if df["skor_lalu"].is_not_null().any():
        # a tick is filled, so its colour is the colour channel (independent of the bars' bands)
        lapis.append(dasar.mark_tick(thickness=3, size=u["teks"] * 1.6).encode(
            x=alt.X("skor_lalu:Q"), tooltip=tip,
            color=alt.Color("penanda:N", scale=alt.Scale(range=["#000000"]), legend=alt.Legend(title=None))))
    tinggi = max(40 * df.height, 160) * (1.4 if rapat else 1)
    return alt.layer(*lapis).resolve_scale(color="independent").properties(title=judul, height=tinggi)


def batang_peringkat(df: pl.DataFrame, judul: str, rapat: bool = False):
    """Horizontal bars of pemda indexes, in the given order, coloured by band, labelled."""
    u = _ukuran(rapat)
    df = _dengan_label(df).with_columns(angka_expr("indeks").alias("teks"))
    urut = df["nama_wilayah"].to_list()
    dasar = alt.Chart(df).encode(y=alt.Y("nama_wilayah:N", sort=urut, title=None))
    batang = dasar.mark_bar().encode(
        x=alt.X("indeks:Q", scale=alt.Scale(domain=[0, 100]), title=t("k_indeks"), axis=SUMBU_100),
        color=alt.Color("kategori_label:N", scale=skala_kategori(), legend=legenda(_ada(df), t("kategori"))),
        tooltip=[alt.Tooltip("nama_wilayah:N", title=t("k_pemda")), alt.Tooltip("teks:N", title=t("k_indeks")),
                 alt.Tooltip("kategori_label:N", title=t("kategori"))],
    )
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(x=alt.X("indeks:Q"), text=alt.Text("teks:N"))
    return (batang + teks).properties(title=judul, height=max(len(urut) * (34 if rapat else 22), 120))


def peta_panas(df: pl.DataFrame, judul: str, rapat: bool = False, sempit: bool = False):
    """Pemda × area, each cell coloured by the band of its score and showing the score. ``sempit`` (a
    phone): areas by their short codes and pemda names cut shorter, so the cells get the width."""
    u = _ukuran(rapat)
    kol = "area" if sempit else ("nama" if bahasa() == "id" else "name")
    df = _dengan_label(df).with_columns(angka_expr("skor", 0).alias("teks"), angka_expr("skor").alias("teks2"),
                                        pl.col("kategori").replace_strict(WARNA_TEKS_KATEGORI, default="white")
                                        .alias("warna_teks"))
    urut = df.sort("urutan")["nama_wilayah"].unique(maintain_order=True).to_list()
    dasar = alt.Chart(df).encode(
        x=alt.X(f"{kol}:N", title=None, axis=alt.Axis(orient="top", labelAngle=-90 if sempit else -30,
                                                       labelLimit=90 if sempit else (400 if rapat else 260))),
        y=alt.Y("nama_wilayah:N", sort=urut, title=None, axis=alt.Axis(labelLimit=110 if sempit else 320)),
    )
    sel = dasar.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("kategori_label:N", scale=skala_kategori(), legend=legenda(_ada(df), t("kategori"))),
        tooltip=[alt.Tooltip("nama_wilayah:N", title=t("k_pemda")),
                 alt.Tooltip(f"{'nama' if bahasa() == 'id' else 'name'}:N", title=t("k_area")),
                 alt.Tooltip("teks2:N", title=t("skor"))],
    )
    teks = dasar.mark_text(fontSize=u["teks"] * (0.75 if sempit else 0.9), fontWeight="bold").encode(
        text=alt.Text("teks:N"), color=alt.Color("warna_teks:N", scale=None))
    return (sel + teks).properties(title=judul, height=max(len(urut) * (34 if rapat else 24), 120))


def histogram(wil: pl.DataFrame, judul: str, rapat: bool = False):
    """How many pemda per 5-point bin of the index, each bin in the colour of its band."""
    df = wil.filter(pl.col("indeks").is_not_null()).with_columns(
        (pl.col("indeks").clip(0, 99.999) // 5 * 5).alias("dari"))
    df = df.group_by("dari").len().with_columns((pl.col("dari") + 5).alias("ke"))
    df = _dengan_label(df.with_columns(kategori(pl.col("dari")).alias("kategori")))
    df = df.with_columns(pl.format("{}–{}", pl.col("dari").cast(pl.Int64), pl.col("ke").cast(pl.Int64)).alias("rentang"))
    return alt.Chart(df).mark_bar(stroke="white").encode(
        x=alt.X("dari:Q", scale=alt.Scale(domain=[0, 100]), bin="binned", axis=alt.Axis(values=list(range(0, 101, 10))),
                title=t("k_indeks")),
        x2=alt.X2("ke"),
        # counts of pemda: whole numbers on the axis (no "0,5 pemda")
        y=alt.Y("len:Q", title=t("jumlah_pemda"), axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("kategori_label:N", scale=skala_kategori(), title=t("kategori")),
        tooltip=[alt.Tooltip("rentang:N", title=t("k_indeks")), alt.Tooltip("len:Q", title=t("jumlah_pemda"))],
    ).properties(title=judul, height=340 if rapat else 220)


def batang_provinsi(df: pl.DataFrame, judul: str, rapat: bool = False):
    d = df.rename({"provinsi": "nama_wilayah"})
    return batang_peringkat(d, judul, rapat)


# ---------------------------------------------------------------------------------------- profile
def area_profil(df: pl.DataFrame, judul: str, rapat: bool = False, label_prov: str = "", label_nas: str = ""):
    """The pemda's area scores as bars (band colours), the province mean as a black tick and the
    national mean as a grey tick."""
    u = _ukuran(rapat)
    kol = "nama" if bahasa() == "id" else "name"
    df = _dengan_label(df.with_columns(kategori(pl.col("skor")).alias("kategori")))
    df = df.with_columns(
        angka_expr("skor").alias("teks"),
        angka_expr("rata_provinsi").alias("teks_prov"),
        angka_expr("rata_nasional").alias("teks_nas"),
    )
    tip = [alt.Tooltip(f"{kol}:N", title=t("k_area")), alt.Tooltip("teks:N", title=t("skor")),
           alt.Tooltip("teks_prov:N", title=label_prov), alt.Tooltip("teks_nas:N", title=label_nas)]
    # an explicit order (weakest area first): a sort by field is dropped when layers union domains
    urut = df.sort("skor", nulls_last=True)[kol].to_list()
    dasar = alt.Chart(df).encode(y=alt.Y(f"{kol}:N", title=None, sort=urut))
    # bars carry their value and band colours are the page's (the strip above names them): one
    # legend only, for the two markers, so it fits below the chart at 1280 px
    batang = dasar.mark_bar().encode(
        x=alt.X("skor:Q", scale=alt.Scale(domain=[0, 100]), title=t("skor"), axis=SUMBU_100),
        color=alt.Color("kategori_label:N", scale=skala_kategori(), legend=None),
        tooltip=tip,
    )
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(x=alt.X("skor:Q"), text=alt.Text("teks:N"))
    # the two means as ticks with a legend of their own
    rata = df.unpivot(index=[kol], on=["rata_provinsi", "rata_nasional"], variable_name="jenis", value_name="rata")
    rata = rata.with_columns(pl.col("jenis").replace_strict({"rata_provinsi": label_prov, "rata_nasional": label_nas}))
    # two shapes that cannot be mistaken for one another: the province a black bar, the data's mean
    # a white diamond outlined in black (one legend for both)
    domain = [label_prov, label_nas]
    tanda = alt.Chart(rata).mark_point(filled=True, size=u["teks"] * 14, strokeWidth=2, stroke="#000000",
                                       opacity=1).encode(
        y=alt.Y(f"{kol}:N", sort=urut),
        x=alt.X("rata:Q"),
        shape=alt.Shape("jenis:N", scale=alt.Scale(domain=domain, range=["M0,-1.3L0,1.3", "diamond"]), title=None),
        fill=alt.Fill("jenis:N", scale=alt.Scale(domain=domain, range=["#000000", "#FFFFFF"]), legend=None),
    )
    tinggi = max(40 * df.height, 160) * (1.4 if rapat else 1)
    return alt.layer(batang, teks, tanda).resolve_scale(color="independent", fill="independent").properties(
        title=judul, height=tinggi)


def celah_teratas(df: pl.DataFrame, judul: str, rapat: bool = False):
    """The biggest gaps as bars of their index gain."""
    u = _ukuran(rapat)
    # the item's name (from the catalogue when the export has none), short enough for a label
    nama = pl.coalesce("nama_sub_indikator", "sub_indikator")
    pendek = pl.when(nama.str.len_chars() > 42).then(nama.str.slice(0, 40) + pl.lit("…")).otherwise(nama)
    if "jumlah_dokumen" in df.columns:  # a document-level gap row stands for several documents
        pendek = pendek + pl.lit(" (") + pl.col("jumlah_dokumen").cast(pl.String) + pl.lit(f" {t('dok_singkat')})")
    df = df.with_columns(
        pl.format("{}. {}", pl.int_range(1, pl.len() + 1), pendek).alias("nama"),
        angka_expr("kenaikan", tanda=True).alias("teks"),
        label_status_expr().alias("label_status"),
    )
    urut = df["nama"].to_list()
    urut_status = [t(s) for s in STATUS_URUT]
    ada_status = [x for x in urut_status if x in set(df["label_status"].to_list())]
    dasar = alt.Chart(df).encode(y=alt.Y("nama:N", sort=urut, title=None))
    batang = dasar.mark_bar().encode(
        x=alt.X("kenaikan:Q", title=t("k_kenaikan"), axis=alt.Axis(tickCount=5, labelOverlap="greedy")),
        color=alt.Color("label_status:N", legend=legenda(ada_status, t("k_status")),
                        scale=alt.Scale(domain=urut_status, range=[WARNA_STATUS[s] for s in STATUS_URUT])),
        tooltip=[alt.Tooltip("nama_sub_indikator:N", title=t("k_nama_sub")), alt.Tooltip("sub_indikator:N", title=t("k_sub")),
                 alt.Tooltip("label_status:N", title=t("k_status")), alt.Tooltip("teks:N", title=t("k_kenaikan"))],
    )
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(x=alt.X("kenaikan:Q"), text=alt.Text("teks:N"))
    return (batang + teks).properties(title=judul, height=max(len(urut) * (34 if rapat else 24), 120))


# ---------------------------------------------------------------------------------------- compare
def bandingkan(df: pl.DataFrame, judul: str, rapat: bool = False):
    """Grouped bars: one group per area, one bar per pemda (colours tell the pemda apart here)."""
    u = _ukuran(rapat)
    kol = "nama" if bahasa() == "id" else "name"
    df = df.with_columns(angka_expr("skor", 0).alias("teks"), angka_expr("skor").alias("teks2"))
    urut = df.sort("urutan")["nama_wilayah"].unique(maintain_order=True).to_list()
    # colours that no band uses (no green, yellow, red or blue: a Biru pemda drawn green read as Hijau)
    palet = ["#332288", "#AA4499", "#6B4C2A", "#555555", "#882255"]
    dasar = alt.Chart(df).encode(
        y=alt.Y(f"{kol}:N", title=None),
        yOffset=alt.YOffset("nama_wilayah:N", sort=urut),
    )
    batang = dasar.mark_bar().encode(
        x=alt.X("skor:Q", scale=alt.Scale(domain=[0, 100]), title=t("skor"), axis=SUMBU_100),
        color=alt.Color("nama_wilayah:N", sort=urut, scale=alt.Scale(domain=urut, range=palet[: len(urut)]),
                        title=None),
        tooltip=[alt.Tooltip("nama_wilayah:N", title=t("k_pemda")), alt.Tooltip(f"{kol}:N", title=t("k_area")),
                 alt.Tooltip("teks2:N", title=t("skor"))],
    )
    teks = dasar.mark_text(align="left", dx=3, fontSize=u["teks"] * 0.85).encode(x=alt.X("skor:Q"), text=alt.Text("teks:N"))
    n_area = df[kol].n_unique()
    return (batang + teks).properties(title=judul, height=max(n_area * len(urut) * (26 if rapat else 16), 160))


# ---------------------------------------------------------------------------------------- export
def ke_png(spec: dict) -> bytes:
    """A chart spec as a PNG (vl-convert) on white, at a fixed width so it is readable on a slide."""
    import json

    import vl_convert

    spec = {**spec, "background": "white"}
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet")):
        spec["width"] = LEBAR_PNG
    return vl_convert.vegalite_to_png(json.dumps(spec), scale=2)
