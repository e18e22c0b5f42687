"""A map of Indonesia's 38 provinces as a tile grid: one square per province, laid out in the provinces'
geographic arrangement (Aceh top left, Papua right), coloured by the band of the mean index of its pemda
and labelled with its short name and band, so it reads in grayscale too.

Why tiles and not boundaries: no boundary file shipped by a PyPI or npm package under an open licence
has all 38 provinces (the 2022 Papua provinces are missing from Natural Earth, @svg-maps/indonesia and
the Highcharts collection, whose licence is not open either); a tile grid needs no boundaries and gives
every province the same visible size, small ones (DKI, DIY) included.

``grafik_peta`` is a plain Altair builder; ``bagian_peta`` is the overview's section: clicking a tile
filters the overview to that province, and a search box opens any pemda's profile.
"""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from mcsp_rules.hitung import analisis as an
from mcsp_rules.hitung.skor import KATEGORI
from mcsp_rules.wilayah import daftar_wilayah
from tampilan.komponen import grafik, telusur
from tampilan.komponen.teks import t

# Kemendagri code -> (column, row); column grows eastwards, row southwards, on a 19 × 8 grid; empty
# cells are sea (Karimata and Makassar Straits, Molucca Sea, Teluk Cenderawasih).
PETAK = {
    "11": (0, 0), "12": (1, 1), "13": (1, 2), "14": (2, 2), "21": (3, 1), "17": (1, 3), "15": (2, 3),
    "16": (2, 4), "19": (3, 4), "18": (2, 5), "31": (4, 5), "36": (3, 6), "32": (4, 6), "33": (5, 6),
    "34": (5, 7), "35": (6, 6), "51": (7, 6), "52": (8, 6), "53": (9, 6), "61": (5, 2), "62": (6, 2),
    "64": (7, 2), "65": (7, 1), "63": (7, 3), "75": (10, 2), "71": (11, 2), "76": (9, 3), "72": (10, 3),
    "73": (9, 4), "74": (10, 4), "82": (13, 2), "81": (13, 4), "96": (15, 3), "92": (16, 3), "91": (18, 3),
    "94": (17, 4), "95": (18, 4), "93": (18, 5),
}
# columns no province uses (open sea) are left out, so the map fits a 1280-pixel projector
_KOLOM_DIPAKAI = sorted({c for c, _ in PETAK.values()})
KOLOM, BARIS = len(_KOLOM_DIPAKAI), 8
# short tile labels, as Indonesian media abbreviate the provinces
SINGKATAN = {
    "11": "ACEH", "12": "SUMUT", "13": "SUMBAR", "14": "RIAU", "15": "JAMBI", "16": "SUMSEL", "17": "BKL",
    "18": "LPG", "19": "BABEL", "21": "KEPRI", "31": "DKI", "32": "JABAR", "33": "JATENG", "34": "DIY",
    "35": "JATIM", "36": "BANTEN", "51": "BALI", "52": "NTB", "53": "NTT", "61": "KALBAR", "62": "KALTENG",
    "63": "KALSEL", "64": "KALTIM", "65": "KALTARA", "71": "SULUT", "72": "SULTENG", "73": "SULSEL",
    "74": "SULTRA", "75": "GTO", "76": "SULBAR", "81": "MALUKU", "82": "MALUT", "91": "PAPUA", "92": "PABAR",
    "93": "PAPSEL", "94": "PAPTENG", "95": "PAPEG", "96": "PBD",
}
WARNA_KOSONG = "#FFFFFF"


def data_peta(agr: pl.DataFrame) -> pl.DataFrame:
    """One row per province of the region list (all 38), with its tile, and the aggregate of
    ``analisis.provinsi_agregat`` where the data has the province (null elsewhere)."""
    prov = (daftar_wilayah().filter(pl.col("jenis_pemda") == "provinsi")
            .select("kode_provinsi", pl.col("provinsi").alias("nama_provinsi")))
    petak = pl.DataFrame({"kode_provinsi": list(PETAK), "kolom": [_KOLOM_DIPAKAI.index(c) for c, _ in PETAK.values()],
                          "baris": [r for _, r in PETAK.values()],
                          "singkatan": [SINGKATAN[k] for k in PETAK]})
    return prov.join(petak, on="kode_provinsi", how="left").join(
        agr.drop("provinsi"), on="kode_provinsi", how="left").sort("kode_provinsi")


def grafik_peta(agr: pl.DataFrame, judul: str, rapat: bool = False, terpilih: str | None = None):
    """The tile map: each province's tile in its band colour with its short name and band word (or
    "no data"); the chosen province has a thick outline."""
    ukuran = 12.5 if rapat else 10
    df = data_peta(agr).with_columns(
        pl.when(pl.col("indeks").is_null()).then(pl.lit(t("peta_tanpa_data")))
        .otherwise(grafik.label_kategori_expr()).alias("kategori_label"),
        pl.col("kategori").replace_strict(grafik.WARNA_TEKS_KATEGORI, default="black").alias("warna_teks"),
        grafik.angka_expr("indeks").alias("teks_indeks"),
        (pl.col("kode_provinsi") == (terpilih or "")).alias("terpilih"),
        pl.when(pl.col("kode_provinsi") == (terpilih or "")).then(4).otherwise(1).alias("tebal"),
    )
    domain = [grafik.label_kat(k) for k in KATEGORI] + [t("peta_tanpa_data")]
    warna = [grafik.WARNA_KATEGORI[k] for k in KATEGORI] + [WARNA_KOSONG]
    x = alt.X("kolom:O", axis=None, scale=alt.Scale(domain=list(range(KOLOM)), paddingInner=0.08))
    y = alt.Y("baris:O", axis=None, scale=alt.Scale(domain=list(range(BARIS)), paddingInner=0.08))
    tip = [alt.Tooltip("nama_provinsi:N", title=t("k_provinsi")), alt.Tooltip("teks_indeks:N", title=t("indeks_rata")),
           alt.Tooltip("kategori_label:N", title=t("kategori")), alt.Tooltip("jumlah_pemda:Q", title=t("k_jumlah_pemda")),
           *[alt.Tooltip(f"{k}:Q", title=grafik.label_kat(k)) for k in KATEGORI]]
    dasar = alt.Chart(df).encode(x=x, y=y)
    petak = dasar.mark_rect(stroke="black").encode(
        color=alt.Color("kategori_label:N", scale=alt.Scale(domain=domain, range=warna), title=t("kategori"),
                        legend=alt.Legend(symbolType="square", symbolStrokeColor="black", symbolStrokeWidth=1)),
        # channels as objects, never shorthand strings or dicts: Altair turns those into objects by
        # hashing its whole schema each time (~10 ms per channel, a good part of this page's rerun)
        strokeWidth=alt.StrokeWidth("tebal:Q", scale=None, legend=None),
        tooltip=tip,
    )
    # the labels grow and shrink with the chart's width (the tile's width / 5 fits a 7-letter name),
    # so the map fills the page on a laptop and on a 1280-pixel projector alike
    besar = {"expr": f"clamp(width / {KOLOM} * 0.92 / 5.1, 7, {ukuran + 6})"}
    nama = dasar.mark_text(fontWeight="bold", fontSize=besar,
                           dy={"expr": f"-clamp(width / {KOLOM} * 0.92 / 5.1, 7, {ukuran + 6}) * 0.55"}).encode(
        text=alt.Text("singkatan:N"), color=alt.Color("warna_teks:N", scale=None), tooltip=tip)
    pita = dasar.mark_text(fontSize={"expr": f"0.85 * clamp(width / {KOLOM} * 0.92 / 5.1, 7, {ukuran + 6})"},
                           dy={"expr": f"0.6 * clamp(width / {KOLOM} * 0.92 / 5.1, 7, {ukuran + 6})"}).encode(
        text=alt.Text("kategori_label:N"), color=alt.Color("warna_teks:N", scale=None), tooltip=tip)
    return alt.layer(petak, nama, pita).properties(title=judul, height=BARIS * (58 if rapat else 44))


def bagian_peta(h: an.Hasil, s: an.Saring) -> None:
    """The overview's map section: provinces by the mean index of their pemda (the kind filter applies,
    the province filter does not, so the map always shows the whole country), click to filter."""
    from tampilan.komponen import umum

    agr = an.provinsi_agregat(h, an.Saring(tahun=s.tahun, jenis=s.jenis))
    st.subheader(t("peta_judul"))
    st.caption(t("peta_bantuan"))
    chart = grafik_peta(agr, f"{t('peta_judul')} {s.tahun}", umum.rapat(), s.kode_provinsi)
    telusur.grafik_klik(chart, f"peta_provinsi_{s.tahun}", kunci="peta_provinsi", medan="kode_provinsi")
    telusur.cari_pemda(h, s)
