"""View models for the dashboard: plain functions over Polars frames (no Streamlit here).

``hitung(data)`` computes once per load everything the pages read at every rerun, as aggregates: scores
per pemda and per area with ranks, documents by status per (tahun, pemda, area), the data's content per
year. These frames have a row per pemda or per pemda × area (a few thousand rows for three national
years), whatever the size of the export: at real scale (~660 documents per pemda, ~362,000 rows a year)
the detail rows are 100 times larger. The pages filter and aggregate the small frames with a ``Saring``
(the sidebar filters), so a rerun after a filter change does not touch the detail rows.

What needs items (a profile's gaps and sub-indicator table, a meeting report's biggest gains) is
computed on demand for the pemda asked for only (``celah_wilayah``), from the detail rows the ``Data``
already holds (a reference, not a copy), and kept in a small bounded cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace

import polars as pl

from mcsp_rules.hitung.skor import (
    KATEGORI,
    hitung_dokumen,
    kategori,
    tambah_peringkat,
)
from mcsp_rules.model import KOLOM_STATUS, STATUS_URUT, TIDAK_LENGKAP  # noqa: F401 — pages read them as an.*

# The four bands, always in this order and these colours (readable on a projector; red and green
# differ in lightness and hue so they stay apart for colour-blind readers; every chart also labels).


@dataclass(frozen=True)
class Saring:
    """The sidebar filters. Empty tuples mean "all"."""

    tahun: int | None = None
    kode_provinsi: str | None = None
    jenis: tuple[str, ...] = ()
    pemda: tuple[str, ...] = ()  # kode_wilayah
    area: tuple[str, ...] = ()  # area codes


@dataclass(eq=False)
class Hasil:
    """Everything derived from one loaded dataset, computed once. Frames are aggregates (per pemda,
    per pemda × area); item-level rows come from ``celah_wilayah`` for the pemda asked for."""

    wilayah: pl.DataFrame  # one row per (tahun, pemda): index, band, ranks, previous year's index
    area: pl.DataFrame  # one row per (tahun, pemda, area): score, names
    dokumen: pl.DataFrame  # documents by status per (tahun, pemda, area), from detail rows
    dokumen_ringkasan: pl.DataFrame  # reported document totals per (tahun, pemda) from summary exports
    bobot: pl.DataFrame  # weights in use with source and assumption flag
    nama_area: pl.DataFrame  # tahun, area, nama, name
    katalog: pl.DataFrame = field(default_factory=pl.DataFrame)  # plugins' sub-indicator names (tahun, area, sub)
    tahun: list[int] = field(default_factory=list)
    registri: object = None  # the plugins (the bands of each year: registri.pita(tahun))
    data: object = None  # the loaded Data (the same object, not a copy): its detail rows for item-level views
    _celah: OrderedDict = field(default_factory=OrderedDict, repr=False)  # (tahun, kode...) → gaps, bounded
    _kunci: threading.Lock = field(default_factory=threading.Lock, repr=False)  # the sample's Hasil is shared

    BATAS_CACHE_CELAH = 16  # item-level gap frames kept, one per pemda a page showed (~650 rows each at most)
    BATAS_PEMDA_CACHE = 1  # a province's or the country's gaps (a meeting report's) are computed when asked for

    @property
    def ada_rincian(self) -> bool:
        return self.dokumen.height > 0


# ----------------------------------------------------------------------------------- compute once
def hitung(data) -> Hasil:
    """The aggregates of ``data`` (see the module's docstring). The detail rows are scanned once, for
    the area scores and the document counts together; the index and ranks come from the area scores
    (the same functions as ``mcsp_rules.score``, so the numbers are the same)."""
    from mcsp_rules.hitung.skor import skor_area, tabel_bobot, tabel_wilayah
    from mcsp_rules.model import KOLOM_LEVEL
    from mcsp_rules.wilayah import daftar_wilayah

    teks = [pl.col(k).cast(pl.String) for k in ("kode_wilayah", "area")]  # Enum/Categorical codes → plain text
    area_lf = skor_area(data.rincian, data.ringkasan, data.registri)
    dokumen_lf = hitung_dokumen(data.rincian.lazy().select("tahun", "kode_wilayah", "area", "status"),
                                per=("tahun", "kode_wilayah", "area")).with_columns(teks)
    skor_semua, dokumen = pl.collect_all([area_lf.with_columns(teks), dokumen_lf])
    tabel = tabel_bobot(data.registri)
    wilayah = (tabel_wilayah(skor_semua.lazy(), tabel, data.registri).select(KOLOM_LEVEL["wilayah"])
               .sort("tahun", "kode_wilayah").collect())
    wilayah = wilayah.join(daftar_wilayah().select("kode_wilayah", "kode_provinsi"), on="kode_wilayah", how="left")
    wilayah = tambah_peringkat(wilayah)
    lalu = wilayah.select((pl.col("tahun") + 1).cast(wilayah.schema["tahun"]).alias("tahun"), "kode_wilayah",
                          pl.col("indeks").alias("indeks_lalu"))
    wilayah = (
        wilayah.join(lalu, on=["tahun", "kode_wilayah"], how="left", maintain_order="left")
        .with_columns((pl.col("indeks") - pl.col("indeks_lalu")).alias("perubahan"))
        .sort("tahun", "kode_wilayah")
    )
    nama_area = (
        data.registri.tabel_area().select("tahun", "area", "nama", "name")
        if data.registri.area_tahun else
        pl.DataFrame(schema={"tahun": pl.Int32, "area": pl.String, "nama": pl.String, "name": pl.String})
    )
    area = (
        skor_semua.select(KOLOM_LEVEL["area"]).sort("tahun", "kode_wilayah", "area")
        .join(wilayah.select("tahun", "kode_wilayah", "nama_wilayah", "kode_provinsi", "provinsi", "jenis_pemda"),
              on=["tahun", "kode_wilayah"], how="left")
        .join(nama_area, on=["tahun", "area"], how="left")
        .with_columns(pl.col("nama").fill_null(pl.col("area")), pl.col("name").fill_null(pl.col("area")))
    )
    dok_ring = _dokumen_ringkasan(data.ringkasan_baris)
    bobot = tabel.filter(pl.col("tahun").is_in(wilayah["tahun"].unique().to_list()))  # skor.bobot_dipakai's rows
    katalog = data.registri.katalog_sub().select(
        "tahun", "area", "sub_indikator", "nama_indikator", pl.col("nama_sub_indikator").alias("_nama_katalog")
    ).unique(["tahun", "area", "sub_indikator"], keep="first", maintain_order=True)
    return Hasil(wilayah=wilayah, area=area, dokumen=dokumen, dokumen_ringkasan=dok_ring,
                 bobot=bobot, nama_area=nama_area, katalog=katalog,
                 tahun=sorted(wilayah["tahun"].unique().to_list()), registri=data.registri, data=data)


def celah_wilayah(hasil: Hasil, kode: list[str] | tuple[str, ...], tahun: int) -> pl.DataFrame:
    """The open gaps (``hitung.celah.celah``: every item under 100 with its index gain) of the given pemda
    in one year, computed from their detail rows only (a gap's gain depends on its own pemda's rows
    alone, so this equals the national computation filtered) and cached per (tahun, pemda) in the Hasil."""
    from mcsp_rules.hitung.celah import celah

    kunci = (tahun, *sorted(set(kode)))
    with hasil._kunci:
        if kunci in hasil._celah:
            hasil._celah.move_to_end(kunci)
            return hasil._celah[kunci]
    d = hasil.data
    if d is None or d.rincian.is_empty():
        c = pl.DataFrame()
    else:
        r = d.rincian.filter((pl.col("tahun") == tahun) & pl.col("kode_wilayah").is_in(list(kunci[1:])))
        c = celah(replace(d, rincian=r)) if r.height else pl.DataFrame()
        if "dokumen" in c.columns and c["dokumen"].is_null().all():  # not a document-level export
            c = c.drop("dokumen")
        if c.height:
            c = c.with_columns(pl.col(k).cast(pl.String) for k in ("kode_wilayah", "area", "indikator", "sub_indikator",
                                                                   "status", "dokumen") if k in c.columns)
    if len(kunci) - 1 > hasil.BATAS_PEMDA_CACHE:  # not kept: a national report's gaps are ~200,000 rows
        return c
    with hasil._kunci:
        hasil._celah[kunci] = c
        while len(hasil._celah) > hasil.BATAS_CACHE_CELAH:
            hasil._celah.popitem(last=False)
    return c


def isi_per_tahun(hasil: Hasil) -> pl.DataFrame:
    """What the data holds per year: pemda scored, detail rows (documents or sub-indicators) and
    how many per pemda (mean, fewest, most); pemda known from summaries only count as pemda."""
    skema = {"tahun": pl.Int32, "jumlah_pemda": pl.Int64, "baris_rincian": pl.Int64, "per_pemda": pl.Float64,
             "per_pemda_min": pl.Int64, "per_pemda_maks": pl.Int64}
    if hasil.wilayah.is_empty():
        return pl.DataFrame(schema=skema)
    pemda = hasil.wilayah.group_by("tahun").agg(pl.len().cast(pl.Int64).alias("jumlah_pemda"))
    per = (
        hasil.dokumen.group_by("tahun", "kode_wilayah").agg(pl.col("dokumen_wajib").sum())
        .group_by("tahun")
        .agg(pl.col("dokumen_wajib").sum().cast(pl.Int64).alias("baris_rincian"),
             pl.col("dokumen_wajib").mean().alias("per_pemda"),
             pl.col("dokumen_wajib").min().cast(pl.Int64).alias("per_pemda_min"),
             pl.col("dokumen_wajib").max().cast(pl.Int64).alias("per_pemda_maks"))
    )
    return (pemda.join(per, on="tahun", how="left").with_columns(pl.col("tahun").cast(pl.Int32))
            .with_columns(pl.col("baris_rincian").fill_null(0)).select(list(skema)).sort("tahun"))


def _nama_dari_katalog(frame: pl.DataFrame, hasil: Hasil, tahun: int) -> pl.DataFrame:
    """Fill sub-indicator names an export left out (national exports often do) from the plugins'
    catalogue, and add the indicator's name."""
    if hasil.katalog.is_empty() or frame.is_empty():
        return frame.with_columns(pl.lit(None, dtype=pl.String).alias("nama_indikator"))
    k = hasil.katalog.filter(pl.col("tahun") == tahun).drop("tahun")
    return (
        frame.join(k, on=["area", "sub_indikator"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("nama_sub_indikator", "_nama_katalog").alias("nama_sub_indikator"))
        .drop("_nama_katalog")
    )


def _dokumen_ringkasan(baris: pl.DataFrame) -> pl.DataFrame:
    kolom = ["dokumen_wajib", "dokumen_diunggah", *KOLOM_STATUS.values()]
    if baris.is_empty() or not {"tahun", "kode_wilayah"} <= set(baris.columns):
        return pl.DataFrame(schema={"tahun": pl.Int32, "kode_wilayah": pl.String, **{k: pl.Int64 for k in kolom}})
    ada = [k for k in kolom if k in baris.columns]
    return (
        baris.select("tahun", "kode_wilayah", *[pl.col(k).cast(pl.Int64, strict=False) for k in ada])
        .with_columns([pl.lit(None, dtype=pl.Int64).alias(k) for k in kolom if k not in ada])
        .unique(["tahun", "kode_wilayah"], keep="first", maintain_order=True)
        .select("tahun", "kode_wilayah", *kolom)
    )


# ------------------------------------------------------------------------------------- filtering
def tahun_terakhir(hasil: Hasil) -> int | None:
    return hasil.tahun[-1] if hasil.tahun else None


def pilihan_provinsi(hasil: Hasil, tahun: int | None) -> list[tuple[str, str]]:
    """(kode_provinsi, provinsi) present in the data for the year, sorted by name."""
    w = hasil.wilayah.filter(pl.col("tahun") == tahun) if tahun is not None else hasil.wilayah
    return w.select("kode_provinsi", "provinsi").drop_nulls().unique().sort("provinsi").rows()


def pilihan_pemda(hasil: Hasil, saring: Saring) -> list[tuple[str, str]]:
    """(kode_wilayah, nama_wilayah) matching the year, province and kind filters."""
    w = _saring_dasar(hasil.wilayah, saring)
    return w.select("kode_wilayah", "nama_wilayah").unique().sort("kode_wilayah").rows()


def pilihan_area(hasil: Hasil, tahun: int | None) -> list[tuple[str, str, str]]:
    """(area, nama, name) of the year's areas."""
    a = hasil.nama_area.filter(pl.col("tahun") == tahun) if tahun is not None else hasil.nama_area
    dipakai = set(hasil.area.filter(pl.col("tahun") == tahun)["area"].to_list()) if tahun is not None else None
    rows = a.sort("area").rows()
    if dipakai is not None:
        rows = [r for r in rows if r[1] in dipakai] + [
            (tahun, k, k, k) for k in sorted(dipakai - {r[1] for r in rows})]
    return [(r[1], r[2], r[3]) for r in rows]


def _saring_dasar(frame: pl.DataFrame, s: Saring) -> pl.DataFrame:
    f = frame
    if s.tahun is not None:
        f = f.filter(pl.col("tahun") == s.tahun)
    if s.kode_provinsi:
        f = f.filter(pl.col("kode_provinsi") == s.kode_provinsi)
    if s.jenis:
        f = f.filter(pl.col("jenis_pemda").is_in(list(s.jenis)))
    return f


def saring_wilayah(hasil: Hasil, s: Saring) -> pl.DataFrame:
    """The pemda of the filters (one year), best index first."""
    f = _saring_dasar(hasil.wilayah, s)
    if s.pemda:
        f = f.filter(pl.col("kode_wilayah").is_in(list(s.pemda)))
    return f.sort(["indeks", "kode_wilayah"], descending=[True, False], nulls_last=True)


def saring_area(hasil: Hasil, s: Saring, kode: list[str] | None = None) -> pl.DataFrame:
    f = _saring_dasar(hasil.area, s)
    if kode is not None:
        f = f.filter(pl.col("kode_wilayah").is_in(kode))
    elif s.pemda:
        f = f.filter(pl.col("kode_wilayah").is_in(list(s.pemda)))
    if s.area:
        f = f.filter(pl.col("area").is_in(list(s.area)))
    return f


# --------------------------------------------------------------------------------------- overview
def ringkasan_indeks(wil: pl.DataFrame) -> dict:
    """Headline of a set of pemda: its index (one pemda: its own; several: the mean of complete
    indexes, as province aggregates are computed), its band, and how many were counted."""
    lengkap = wil.filter(pl.col("indeks").is_not_null())
    indeks = lengkap["indeks"].mean() if lengkap.height else None
    lalu = None
    if "indeks_lalu" in wil.columns:
        pasangan = wil.filter(pl.col("indeks").is_not_null() & pl.col("indeks_lalu").is_not_null())
        if pasangan.height:
            # the change over the same pemda (so a newly added pemda does not look like a change)
            lalu = float(pasangan["indeks_lalu"].mean())
            sekarang = float(pasangan["indeks"].mean())
            perubahan = sekarang - lalu
        else:
            perubahan = None
    else:
        perubahan = None
    return {
        "indeks": float(indeks) if indeks is not None else None,
        "kategori": kategori_dari(indeks),
        "jumlah": wil.height,
        "lengkap": lengkap.height,
        "tidak_lengkap": wil.height - lengkap.height,
        "indeks_lalu": lalu,
        "perubahan": perubahan,
    }


def kategori_dari(indeks: float | None, pita=None) -> str | None:
    """The band of one value with ``pita`` (a ``kit.Pita``; default: the four published bands)."""
    from mcsp_rules.plugin.kit import PITA_BAWAAN

    return (pita or PITA_BAWAAN).kategori(indeks)


def nama_kategori(wil: pl.DataFrame, registri=None) -> list[str]:
    """The band names of ``wil`` from lowest to highest: with ``registri``, those of its year's bands;
    without, the default four when the names it holds are the default's, else the names it holds,
    ordered by their lowest index (a year with three zones)."""
    tahun = wil["tahun"].unique().to_list() if "tahun" in wil.columns else []
    if registri is not None and len(tahun) == 1:
        return list(registri.pita(tahun[0]).nama)
    ada = wil.filter(pl.col("kategori").is_not_null())
    if ada.is_empty() or set(ada["kategori"].unique().to_list()) <= set(KATEGORI):
        return list(KATEGORI)
    return ada.group_by("kategori").agg(pl.col("indeks").min()).sort("indeks")["kategori"].to_list()


def jumlah_kategori(wil: pl.DataFrame, registri=None) -> pl.DataFrame:
    """kategori, jumlah: every band of the year (zero included) plus incomplete pemda, in band order."""
    hit = dict(wil.group_by("kategori").len().rows())
    rows = [{"kategori": k, "jumlah": int(hit.get(k, 0))} for k in nama_kategori(wil, registri)]
    rows.append({"kategori": TIDAK_LENGKAP, "jumlah": int(hit.get(None, 0))})
    return pl.DataFrame(rows, schema={"kategori": pl.String, "jumlah": pl.Int64})


def daftar_per_kategori(wil: pl.DataFrame, registri=None) -> dict[str, list[str]]:
    """Pemda names per band, lowest index first (who needs attention)."""
    hasil: dict[str, list[str]] = {}
    for k in nama_kategori(wil, registri):
        hasil[k] = wil.filter(pl.col("kategori") == k).sort("indeks")["nama_wilayah"].to_list()
    hasil[TIDAK_LENGKAP] = wil.filter(pl.col("kategori").is_null())["nama_wilayah"].to_list()
    return hasil


def total_dokumen(hasil: Hasil, s: Saring, kode: list[str]) -> dict[str, int]:
    """Required documents by status over the given pemda (and area filter). Pemda known only from a
    summary export add their reported totals when no area filter is set."""
    kolom = ["dokumen_wajib", "dokumen_diunggah", *KOLOM_STATUS.values()]
    d = hasil.dokumen.filter((pl.col("tahun") == s.tahun) & pl.col("kode_wilayah").is_in(kode))
    if s.area:
        d = d.filter(pl.col("area").is_in(list(s.area)))
    total = {k: int(d[k].sum()) if d.height else 0 for k in kolom}
    if not s.area and hasil.dokumen_ringkasan.height:
        punya_rincian = set(d["kode_wilayah"].to_list())
        r = hasil.dokumen_ringkasan.filter(
            (pl.col("tahun") == s.tahun) & pl.col("kode_wilayah").is_in(kode)
            & ~pl.col("kode_wilayah").is_in(list(punya_rincian))
        )
        for k in kolom:
            if r.height:
                total[k] += int(r[k].fill_null(0).sum())
    return total


def rata_area(hasil: Hasil, s: Saring, kode: list[str]) -> pl.DataFrame:
    """Mean area score over the given pemda in the year, and over the same pemda the year before
    (areas matched by code; an area new this year has no previous value)."""
    skema = {"area": pl.String, "nama": pl.String, "name": pl.String, "skor": pl.Float64,
             "skor_lalu": pl.Float64, "selisih": pl.Float64, "jumlah_pemda": pl.Int64}
    if s.tahun is None:
        return pl.DataFrame(schema=skema)
    ini = saring_area(hasil, s, kode)
    if ini.is_empty():
        return pl.DataFrame(schema=skema)
    agg = ini.group_by("area", "nama", "name").agg(pl.col("skor").mean().alias("skor"),
                                                  pl.len().cast(pl.Int64).alias("jumlah_pemda"))
    lalu = hasil.area.filter((pl.col("tahun") == s.tahun - 1) & pl.col("kode_wilayah").is_in(kode))
    lalu = lalu.group_by("area").agg(pl.col("skor").mean().alias("skor_lalu"))
    return (
        agg.join(lalu, on="area", how="left")
        .with_columns((pl.col("skor") - pl.col("skor_lalu")).alias("selisih"))
        .select(list(skema))
        .sort("area")
    )


def peringkat(wil: pl.DataFrame) -> pl.DataFrame:
    """The ranking table: rank within the filtered set, then national and provincial ranks."""
    return (
        wil.sort(["indeks", "kode_wilayah"], descending=[True, False], nulls_last=True)
        .with_columns(pl.col("indeks").rank("min", descending=True).cast(pl.Int64).alias("peringkat"))
        .select("peringkat", "kode_wilayah", "nama_wilayah", "provinsi", "jenis_pemda", "indeks", "kategori",
                "perubahan", "peringkat_provinsi", "jumlah_provinsi", "peringkat_nasional", "jumlah_nasional",
                "lengkap")
    )


def heatmap(hasil: Hasil, s: Saring, wil: pl.DataFrame, batas: int = 60) -> tuple[pl.DataFrame, int]:
    """(long frame for a pemda × area heatmap, number of pemda in the filter). With more pemda than
    ``batas``, the ``batas`` with the lowest index are kept (those a meeting discusses)."""
    urut = wil.sort(["indeks", "kode_wilayah"], nulls_last=False)
    pilih = urut.head(batas)
    kode = pilih["kode_wilayah"].to_list()
    a = saring_area(hasil, s, kode)
    urutan = {k: i for i, k in enumerate(kode)}
    return (
        a.select("tahun", "kode_wilayah", "nama_wilayah", "area", "nama", "name", "skor")
        .with_columns(pl.col("kode_wilayah").replace_strict(urutan, return_dtype=pl.Int64).alias("urutan"))
        .with_columns(kategori(pl.col("skor"), hasil.registri).alias("kategori"))
        .sort("urutan", "area"),
        wil.height,
    )


def provinsi_agregat(hasil: Hasil, s: Saring) -> pl.DataFrame:
    """Per province (with the kind and pemda filters applied): mean index of complete pemda, its band,
    and how many pemda fall in each band."""
    wil = saring_wilayah(hasil, s)
    if wil.is_empty():
        return pl.DataFrame(schema={"kode_provinsi": pl.String, "provinsi": pl.String, "indeks": pl.Float64,
                                    "kategori": pl.String, "jumlah_pemda": pl.Int64, "tidak_lengkap": pl.Int64,
                                    **{k: pl.Int64 for k in KATEGORI}})
    return (
        wil.group_by("kode_provinsi", "provinsi")
        .agg(
            pl.col("indeks").mean().alias("indeks"),
            pl.len().cast(pl.Int64).alias("jumlah_pemda"),
            pl.col("indeks").is_null().sum().cast(pl.Int64).alias("tidak_lengkap"),
            *[(pl.col("kategori") == k).sum().cast(pl.Int64).alias(k) for k in KATEGORI],
            pl.col("tahun").first().alias("tahun"),
        )
        .with_columns(kategori(pl.col("indeks"), hasil.registri).alias("kategori"))
        .select("kode_provinsi", "provinsi", "indeks", "kategori", "jumlah_pemda", "tidak_lengkap", *KATEGORI)
        .sort(["indeks", "provinsi"], descending=[True, False], nulls_last=True)
    )


# ----------------------------------------------------------------------------------------- profile
def profil(hasil: Hasil, kode: str, tahun: int) -> dict | None:
    """One pemda's headline: index, band, ranks, change from the previous year."""
    r = hasil.wilayah.filter((pl.col("tahun") == tahun) & (pl.col("kode_wilayah") == kode))
    if r.is_empty():
        return None
    return r.row(0, named=True)


def area_profil(hasil: Hasil, kode: str, tahun: int, area: tuple[str, ...] = ()) -> pl.DataFrame:
    """The pemda's area scores against the mean of its province and the national mean (same year)."""
    a = hasil.area.filter(pl.col("tahun") == tahun)
    if area:
        a = a.filter(pl.col("area").is_in(list(area)))
    sendiri = a.filter(pl.col("kode_wilayah") == kode)
    if sendiri.is_empty():
        return pl.DataFrame(schema={"area": pl.String, "nama": pl.String, "name": pl.String, "skor": pl.Float64,
                                    "rata_provinsi": pl.Float64, "rata_nasional": pl.Float64,
                                    "selisih_nasional": pl.Float64})
    prov = sendiri["kode_provinsi"][0]
    rp = a.filter(pl.col("kode_provinsi") == prov).group_by("area").agg(pl.col("skor").mean().alias("rata_provinsi"))
    rn = a.group_by("area").agg(pl.col("skor").mean().alias("rata_nasional"))
    return (
        sendiri.select("area", "nama", "name", "skor")
        .join(rp, on="area", how="left").join(rn, on="area", how="left")
        .with_columns((pl.col("skor") - pl.col("rata_nasional")).alias("selisih_nasional"))
        .sort("area")
    )


def rincian_pemda(data_rincian: pl.DataFrame, hasil: Hasil, kode: str, tahun: int,
                  area: tuple[str, ...] = ()) -> pl.DataFrame:
    """Every sub-indicator (or, in a document-level export, every required document: ``dokumen``) of
    the pemda with its status, score and what closing it is worth."""
    r = data_rincian.filter((pl.col("tahun") == tahun) & (pl.col("kode_wilayah") == kode))
    if area:
        r = r.filter(pl.col("area").is_in(list(area)))
    dok = ["dokumen"] if "dokumen" in r.columns and r["dokumen"].is_not_null().any() else []
    kol = ["area", "indikator", "sub_indikator", "nama_sub_indikator", *dok, "bobot", "status", "nilai",
           "tanggal_unggah", "tanggal_verifikasi"]
    teks = [k for k in ("area", "indikator", "sub_indikator", "nama_sub_indikator", *dok, "status")]
    r = _nama_dari_katalog(r.select(kol).with_columns(pl.col(k).cast(pl.String) for k in teks), hasil, tahun)
    c = celah_wilayah(hasil, [kode], tahun)
    if c.height:
        kunci = ["area", "sub_indikator", *[k for k in dok if k in c.columns]]
        # one row per item: a document-level export's gaps are matched per document, never per sub-indicator
        c = c.select(*kunci, "kenaikan").unique(kunci, keep="first")
        r = r.join(c, on=kunci, how="left", maintain_order="left")
    else:
        r = r.with_columns(pl.lit(None, dtype=pl.Float64).alias("kenaikan"))
    return r.select("area", "indikator", "nama_indikator", *kol[2:], "kenaikan").sort(
        "area", "indikator", "sub_indikator", *dok)


def indikator_pemda(rincian: pl.DataFrame) -> pl.DataFrame:
    """Per indicator: documents by status (from ``rincian_pemda``'s rows)."""
    if rincian.is_empty():
        return pl.DataFrame(schema={"area": pl.String, "indikator": pl.String, "nama_indikator": pl.String,
                                    "jumlah": pl.Int64, **{k: pl.Int64 for k in KOLOM_STATUS.values()}})
    return (
        rincian.group_by("area", "indikator")
        .agg(pl.col("nama_indikator").first(), pl.len().cast(pl.Int64).alias("jumlah"),
             *[(pl.col("status") == s).sum().cast(pl.Int64).alias(k) for s, k in KOLOM_STATUS.items()])
        .sort("area", "indikator")
    )


def celah_pemda(hasil: Hasil, kode: str, tahun: int, area: tuple[str, ...] = ()) -> pl.DataFrame:
    """Open gaps of one pemda: first those the pemda closes itself (upload, fix), largest index gain
    first, then those waiting on KPK's verifier (``pihak``), with the index reached if closed in order.
    A document-level export's gaps are grouped per sub-indicator and status (``jumlah_dokumen``, the
    documents named in ``dokumen``)."""
    c = celah_wilayah(hasil, [kode], tahun)
    if c.is_empty():
        return pl.DataFrame(schema={"area": pl.String, "indikator": pl.String, "sub_indikator": pl.String,
                                    "nama_sub_indikator": pl.String, "status": pl.String, "pihak": pl.String,
                                    "kenaikan": pl.Float64, "kenaikan_area": pl.Float64, "usaha": pl.Float64,
                                    "indeks_jika_ditutup": pl.Float64})
    if area:
        c = c.filter(pl.col("area").is_in(list(area)))
    p = profil(hasil, kode, tahun)
    dasar = p["indeks"] if p else None
    if "pihak" not in c.columns:
        from mcsp_rules.hitung.celah import pihak_expr

        c = c.with_columns(pihak_expr())
    dok = []
    if "dokumen" in c.columns:
        c, dok = _celah_per_sub(c), ["dokumen", "jumlah_dokumen"]
    c = c.with_columns((pl.col("pihak") == "kpk").alias("_kpk")).sort(
        ["_kpk", "kenaikan", "kenaikan_area", "sub_indikator"], descending=[False, True, True, False],
        nulls_last=True).drop("_kpk")
    c = c.with_columns(
        (pl.lit(dasar, dtype=pl.Float64) + pl.col("kenaikan").cum_sum()).clip(upper_bound=100.0)
        .alias("indeks_jika_ditutup")
    )
    c = _nama_dari_katalog(c, hasil, tahun)
    return c.select("area", "indikator", "sub_indikator", "nama_sub_indikator", *dok, "status", "pihak", "kenaikan",
                    "kenaikan_area", "usaha", "indeks_jika_ditutup")


MAKS_DOKUMEN_DISEBUT = 8  # document ids named in a grouped gap's row; the count says how many in all


def _celah_per_sub(c: pl.DataFrame) -> pl.DataFrame:
    """A document-level export's gaps grouped per sub-indicator and status: one row says "these 7 documents
    of PAJAK.2.1 are not uploaded", with their summed index gain and effort (gains add up: the index is
    linear in item scores), instead of seven rows of the same name and gain. ``dokumen`` names the first
    documents, ``jumlah_dokumen`` counts them all."""
    def jumlah(k: str) -> pl.Expr:  # a sum that stays null when every value is (an incomplete index)
        return pl.when(pl.col(k).is_not_null().any()).then(pl.col(k).sum()).alias(k)

    return (
        c.group_by("area", "indikator", "sub_indikator", "status", "pihak", maintain_order=True)
        .agg(
            pl.col("nama_sub_indikator").drop_nulls().first(),
            pl.len().cast(pl.Int64).alias("jumlah_dokumen"),
            pl.col("dokumen").drop_nulls().sort().alias("_dok"),
            jumlah("kenaikan"), jumlah("kenaikan_area"), jumlah("usaha"),
        )
        .with_columns(
            pl.when(pl.col("_dok").list.len() > MAKS_DOKUMEN_DISEBUT)
            .then(pl.col("_dok").list.head(MAKS_DOKUMEN_DISEBUT).list.join(", ") + pl.lit(", …"))
            .otherwise(pl.col("_dok").list.join(", ")).alias("dokumen")
        )
        .drop("_dok")
    )


# ----------------------------------------------------------------------------------------- compare
def bandingkan(hasil: Hasil, kode: list[str], tahun: int, area: tuple[str, ...] = ()) -> pl.DataFrame:
    """Area scores of several pemda side by side (long: kode_wilayah, nama_wilayah, area, nama, name, skor)."""
    a = hasil.area.filter((pl.col("tahun") == tahun) & pl.col("kode_wilayah").is_in(kode))
    if area:
        a = a.filter(pl.col("area").is_in(list(area)))
    urutan = {k: i for i, k in enumerate(kode)}
    return (
        a.select("tahun", "kode_wilayah", "nama_wilayah", "area", "nama", "name", "skor")
        .with_columns(pl.col("kode_wilayah").replace_strict(urutan, return_dtype=pl.Int64).alias("urutan"))
        .sort("area", "urutan")
    )


def bandingkan_lebar(panjang: pl.DataFrame, kolom_nama: str = "nama") -> pl.DataFrame:
    """One row per area, one column per pemda (named by pemda)."""
    if panjang.is_empty():
        return pl.DataFrame({"area": []}, schema={"area": pl.String})
    urut = panjang.sort("urutan")["nama_wilayah"].unique(maintain_order=True).to_list()
    lebar = panjang.pivot(on="nama_wilayah", index=["area", kolom_nama], values="skor", aggregate_function="first")
    return lebar.select("area", kolom_nama, *[n for n in urut if n in lebar.columns]).sort("area")
