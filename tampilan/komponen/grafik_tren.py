"""Altair chart builders of the Tren page: index over time on the band stripes (with a projection and a
target), area scores, documents by status, pemda per band, most improved, and accepted documents with
their projection. Each takes frames from mcsp_rules.riwayat.tren and returns a chart; no widgets here."""

from __future__ import annotations

import altair as alt
import polars as pl

from mcsp_rules.model import STATUS_URUT
from mcsp_rules.riwayat import tren
from tampilan.komponen import grafik
from tampilan.komponen.teks import bahasa, t

KOLOM_STATUS = {"diterima": "diterima", "perlu_perbaikan": "perlu perbaikan",
                "proses_verifikasi": "proses verifikasi", "belum_diunggah": "belum diunggah"}


def _sumbu_x(judul: str | None = None, domain: list | None = None) -> alt.X:
    # dates as UTC days: a browser west of Greenwich must not show 13/10 for a snapshot of 14/10
    return alt.X("tanggal:T", title=judul, scale=alt.Scale(type="utc", **({"domain": domain} if domain else {})),
                 axis=alt.Axis(format="%d/%m/%Y" if bahasa() == "id" else "%Y-%m-%d", labelAngle=-30, tickCount=8))


def _sumbu_tanggal_batang(df: pl.DataFrame) -> alt.X:
    """Bars per snapshot date: one slot per date (a time axis would cut the first and last bar in half
    and leave the weeks between snapshots empty), in date order, labelled as the table writes dates."""
    urut = df.sort("tanggal")["tanggal_teks"].unique(maintain_order=True).to_list()
    return alt.X("tanggal_teks:O", title=None, sort=urut, axis=alt.Axis(labelAngle=-30))


def _pita_latar(domain: list | None):
    """The four bands as faint horizontal stripes behind an index line: thresholds 25, 50, 75."""
    pita = pl.DataFrame({"dari": [0.0, 25.0, 50.0, 75.0], "ke": [25.0, 50.0, 75.0, 100.0],
                         "kategori_label": [grafik.label_kat(k) for k in grafik.pita_aktif().nama]})
    return alt.Chart(pita).mark_rect(opacity=0.13).encode(
        y=alt.Y("dari:Q", scale=alt.Scale(domain=[0, 100]), title=t("k_indeks"), axis=alt.Axis(values=[0, 25, 50, 75, 100])),
        y2=alt.Y2("ke"),
        color=alt.Color("kategori_label:N", scale=grafik.skala_kategori(), title=t("kategori")),
    )


def _teks_tanggal(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(pl.col("tanggal").dt.to_string("%d/%m/%Y" if bahasa() == "id" else "%Y-%m-%d")
                           .alias("tanggal_teks"), pl.col("tanggal").dt.to_string("%Y-%m-%d").alias("tanggal"))


def grafik_indeks(df: pl.DataFrame, judul: str, rapat: bool, proyeksi: pl.DataFrame | None = None,
                  target: float | None = None):
    """Index over time on the band stripes, each point in its band's colour and labelled; with a
    projection (dashed, to the deadline) and the target as a rule when given."""
    u = grafik._ukuran(rapat)
    df = _teks_tanggal(grafik._dengan_label(df.select("tanggal", "indeks", "kategori")).with_columns(
        grafik.angka_expr("indeks").alias("teks")))
    domain = None
    if proyeksi is not None and proyeksi.height:
        p = _teks_tanggal(proyeksi.with_columns(grafik.angka_expr("indeks").alias("teks")))
        domain = [df["tanggal"].min(), p["tanggal"].max()]
    tip = [alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("teks:N", title=t("k_indeks")),
           alt.Tooltip("kategori_label:N", title=t("kategori"))]
    dasar = alt.Chart(df).encode(x=_sumbu_x(None, domain), y=alt.Y("indeks:Q", scale=alt.Scale(domain=[0, 100])))
    lapis = [_pita_latar(domain),
             dasar.mark_line(color="black", strokeWidth=3 if rapat else 2),
             dasar.mark_point(filled=True, size=140 if rapat else 70, stroke="black", strokeWidth=1, opacity=1).encode(
                 color=alt.Color("kategori_label:N", scale=grafik.skala_kategori(), legend=None), tooltip=tip)]
    if df.height <= 30:  # a label per point while they fit
        lapis.append(dasar.mark_text(dy=-u["teks"], fontSize=u["teks"] * 0.9, fontWeight="bold").encode(text=alt.Text("teks:N")))
    if domain is not None:
        lapis.append(alt.Chart(p).mark_line(strokeDash=[6, 4], color="#555555", strokeWidth=2).encode(
            x=_sumbu_x(None, domain), y=alt.Y("indeks:Q")))
        lapis.append(alt.Chart(p.tail(1)).mark_text(dy=-u["teks"], align="right", fontSize=u["teks"] * 0.9,
                                                    color="#333333").encode(x=_sumbu_x(None, domain), y=alt.Y("indeks:Q"),
                                                                            text=alt.Text("teks:N")))
    if target is not None:
        garis = pl.DataFrame({"target": [float(target)], "teks": [t("tren_target_garis", n=grafik._f(target))]})
        lapis.append(alt.Chart(garis).mark_rule(color="#228833", strokeDash=[2, 2], strokeWidth=2).encode(y=alt.Y("target:Q")))
        lapis.append(alt.Chart(garis).mark_text(align="left", dy=-6, x=4, fontSize=u["teks"] * 0.85,
                                                color="#1b6b2a").encode(y=alt.Y("target:Q"), text=alt.Text("teks:N")))
    return alt.layer(*lapis).properties(title=judul, height=380 if rapat else 280)


def grafik_area(area: pl.DataFrame, judul: str, rapat: bool):
    """One line per area (colours tell the areas apart here, not bands)."""
    kol = "nama" if bahasa() == "id" else "name"
    df = _teks_tanggal(area.with_columns(grafik.angka_expr("skor").alias("teks")))
    return alt.Chart(df).mark_line(point=True, strokeWidth=3 if rapat else 2).encode(
        x=_sumbu_x(),
        y=alt.Y("skor:Q", scale=alt.Scale(domain=[0, 100]), title=t("skor")),
        color=alt.Color(f"{kol}:N", title=t("k_area"), scale=alt.Scale(scheme="tableau10"),
                        # two columns: a half-width chart cuts longer area names at three
                        legend=alt.Legend(orient="bottom", columns=3 if rapat else 2, labelLimit=260)),
        tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip(f"{kol}:N", title=t("k_area")),
                 alt.Tooltip("teks:N", title=t("skor"))],
    ).properties(title=judul, height=380 if rapat else 280)


def grafik_dokumen(dok: pl.DataFrame, judul: str, rapat: bool):
    """Required documents by status on each date, stacked in the status colours."""
    urut = [t(s) for s in STATUS_URUT]
    df = (dok.group_by("tanggal").agg(pl.col(list(KOLOM_STATUS)).sum())
          .unpivot(index="tanggal", on=list(KOLOM_STATUS), variable_name="kolom", value_name="jumlah")
          .with_columns(pl.col("kolom").replace_strict({k: t(v) for k, v in KOLOM_STATUS.items()}).alias("status"),
                        pl.col("kolom").replace_strict({k: i for i, k in enumerate(KOLOM_STATUS)}, return_dtype=pl.Int32)
                        .alias("urutan")))
    df = _teks_tanggal(df.with_columns(grafik.angka_expr("jumlah", 0).alias("teks")))
    return alt.Chart(df).mark_bar(width={"band": 0.6}).encode(
        x=_sumbu_tanggal_batang(df),
        y=alt.Y("jumlah:Q", stack="zero", title=t("jumlah")),
        color=alt.Color("status:N", title=t("k_status"), sort=urut,
                        scale=alt.Scale(domain=urut, range=[grafik.WARNA_STATUS[s] for s in STATUS_URUT])),
        order=alt.Order("urutan:Q"),
        tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("status:N", title=t("k_status")),
                 alt.Tooltip("teks:N", title=t("jumlah"))],
    ).properties(title=judul, height=360 if rapat else 260)


def grafik_sebaran(sebaran: pl.DataFrame, judul: str, rapat: bool):
    """How many pemda were in each band on each date."""
    df = sebaran.with_columns(pl.when(pl.col("kategori") == tren.TIDAK_LENGKAP).then(None)
                              .otherwise(pl.col("kategori")).alias("kategori"))
    urut = [grafik.label_kat(k) for k in grafik.pita_aktif().nama] + [grafik.label_kat(None)]
    df = _teks_tanggal(grafik._dengan_label(df).with_columns(
        pl.col("kategori_label").replace_strict({k: i for i, k in enumerate(urut)}, return_dtype=pl.Int32).alias("urutan")))
    return alt.Chart(df.filter(pl.col("jumlah") > 0)).mark_bar(width={"band": 0.6}).encode(
        x=_sumbu_tanggal_batang(df),
        y=alt.Y("jumlah:Q", stack="zero", title=t("jumlah_pemda")),
        color=alt.Color("kategori_label:N", scale=grafik.skala_kategori(True), sort=urut, title=t("kategori")),
        order=alt.Order("urutan:Q"),
        tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("kategori_label:N", title=t("kategori")),
                 alt.Tooltip("jumlah:Q", title=t("jumlah_pemda"))],
    ).properties(title=judul, height=340 if rapat else 240)


def grafik_naik(naik: pl.DataFrame, judul: str, rapat: bool):
    u = grafik._ukuran(rapat)
    df = naik.filter(pl.col("perubahan").is_not_null()).with_columns(
        grafik.angka_expr("perubahan", tanda=True).alias("teks"),
        grafik.angka_expr("indeks").alias("teks_indeks"),
        pl.when(pl.col("perubahan") >= 0).then(pl.lit("#228833")).otherwise(pl.lit("#CC3311")).alias("warna"))
    urut = df["nama_wilayah"].to_list()
    dasar = alt.Chart(df).encode(y=alt.Y("nama_wilayah:N", sort=urut, title=None))
    batang = dasar.mark_bar().encode(
        x=alt.X("perubahan:Q", title=t("tren_k_perubahan")), color=alt.Color("warna:N", scale=None),
        tooltip=[alt.Tooltip("nama_wilayah:N", title=t("k_pemda")), alt.Tooltip("teks:N", title=t("tren_k_perubahan")),
                 alt.Tooltip("teks_indeks:N", title=t("k_indeks"))])
    teks = dasar.mark_text(align="left", dx=4, fontSize=u["teks"]).encode(x=alt.X("perubahan:Q"), text=alt.Text("teks:N"))
    return (batang + teks).properties(title=judul, height=max(len(urut) * (34 if rapat else 24), 120))


def grafik_dokumen_laju(hist: pl.DataFrame, baris: dict, judul: str, rapat: bool):
    """Accepted documents over time, the projection to the deadline (dashed) and the target (rule)."""
    u = grafik._ukuran(rapat)
    df = _teks_tanggal(hist.select("tanggal", "diterima").drop_nulls()
                       .with_columns(grafik.angka_expr("diterima", 0).alias("teks")))
    akhir = pl.DataFrame({"tanggal": [baris["tanggal_terakhir"], baris["tenggat"]],
                          "diterima": [float(baris["diterima"] or 0), float(baris["proyeksi_diterima"] or 0)]})
    p = _teks_tanggal(akhir.with_columns(grafik.angka_expr("diterima", 0).alias("teks")))
    domain = [df["tanggal"].min(), p["tanggal"].max()]
    atas = float(max(baris["dokumen_wajib"] or 0, 1))
    y = alt.Y("diterima:Q", title=t("tren_k_diterima"), scale=alt.Scale(domain=[0, atas]))
    lapis = [
        alt.Chart(df).mark_line(point=True, color="#228833", strokeWidth=3 if rapat else 2).encode(
            x=_sumbu_x(None, domain), y=y,
            tooltip=[alt.Tooltip("tanggal_teks:N", title=t("k_tanggal")), alt.Tooltip("teks:N", title=t("tren_k_diterima"))]),
        alt.Chart(p).mark_line(strokeDash=[6, 4], color="#555555", strokeWidth=2).encode(x=_sumbu_x(None, domain), y=y),
        alt.Chart(p.tail(1)).mark_text(dy=-u["teks"], align="right", fontSize=u["teks"] * 0.9).encode(
            x=_sumbu_x(None, domain), y=y, text=alt.Text("teks:N")),
    ]
    if baris.get("target_diterima") is not None:
        garis = pl.DataFrame({"target": [float(baris["target_diterima"])],
                              "teks": [t("tren_target_garis", n=grafik._f(baris["target_diterima"], 0))]})
        lapis.append(alt.Chart(garis).mark_rule(color="#CC3311", strokeDash=[2, 2], strokeWidth=2).encode(y=alt.Y("target:Q")))
        lapis.append(alt.Chart(garis).mark_text(align="left", dy=-6, x=4, fontSize=u["teks"] * 0.85,
                                                color="#CC3311").encode(y=alt.Y("target:Q"), text=alt.Text("teks:N")))
    return alt.layer(*lapis).properties(title=judul, height=340 if rapat else 240)
