"""Trends over dated snapshots: index, area scores, document counts, band changes, pace to a deadline.

Plain functions over the frames of a ``Riwayat`` (from ``Store.riwayat``); each returns a Polars
DataFrame and imports no Streamlit. Every index is recomputed from area scores with the engine's own
functions (skor.indeks_dari_area, skor.tabel_provinsi) and the weights in use, so a trend and
``mcsp_rules.score`` on the same file agree to the last digit.

Time is the snapshot date (``tanggal``). When several snapshots share a date (one file per province,
imported separately), each pemda's row of that date comes from the latest of them that holds it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung import skor
from mcsp_rules.hitung.skor import KATEGORI, kategori

if TYPE_CHECKING:  # pragma: no cover
    from mcsp_rules.plugin.registri import Registri

from mcsp_rules.model import KOLOM_DOKUMEN, TIDAK_LENGKAP  # noqa: E402

# The whole country as one aggregate unit, shaped like a province so every province function serves it
# (no Kemendagri province code is 00).
KODE_NASIONAL, NAMA_NASIONAL = "00", "Indonesia"
_PEMISAH = "|"

Bobot = "Mapping[tuple[int, str], float] | str | Path | None"


class Riwayat:
    """What the store gives the trend functions, already filtered to a pemda, a province or all of them.

    ``wilayah``: per snapshot and pemda, the index with the plugins' area weights (cached by the store,
    keyed by the plugins' fingerprint) and document counts from detail rows (null when the pemda only
    came in a summary export). ``area``: per snapshot, pemda and area, the area score (``sumber``:
    rincian or ringkasan) and document counts; loaded from the store when first used.
    ``dokumen_ringkasan``: document counts as summary exports reported them."""

    def __init__(self, snapshot: pl.DataFrame, wilayah: pl.DataFrame, dokumen_ringkasan: pl.DataFrame,
                 registri: "Registri", kode: str | None = None, tingkat: str = "provinsi", *,
                 area: pl.DataFrame | None = None, muat_area: Callable[[], pl.DataFrame] | None = None):
        self.snapshot = snapshot  # id, tanggal, label, nama_file, hash_isi, dibuat, counts, jumlah_pemda, tahun_data
        self.wilayah = wilayah
        self.dokumen_ringkasan = dokumen_ringkasan
        self.registri = registri
        self.kode = kode
        # "wilayah": one pemda; "provinsi": pemda of a province (or all, kode None); "nasional": all pemda,
        # aggregated as one unit
        self.tingkat = tingkat
        self._area = area
        self._muat_area = muat_area

    @property
    def area(self) -> pl.DataFrame:
        if self._area is None:
            self._area = self._muat_area() if self._muat_area else pl.DataFrame()
        return self._area

    @property
    def kosong(self) -> bool:
        return self.wilayah.is_empty() and self.dokumen_ringkasan.is_empty()

    @property
    def tahun(self) -> list[int]:
        return sorted(set(self.wilayah["tahun"].to_list()) | set(self.dokumen_ringkasan["tahun"].to_list()))

    def __repr__(self) -> str:
        return (f"Riwayat(kode={self.kode!r}, tingkat={self.tingkat!r}, snapshot={self.snapshot.height}, "
                f"baris_wilayah={self.wilayah.height})")


# ------------------------------------------------------------------------------------------ helpers
def _terbaru(frame: pl.DataFrame) -> pl.DataFrame:
    """Per (tanggal, tahun, kode_wilayah), the rows of the latest snapshot holding that pemda."""
    if frame.is_empty():
        return frame
    return frame.filter(pl.col("snapshot_id") == pl.col("snapshot_id").max().over("tanggal", "tahun", "kode_wilayah"))


def _gabung(*kolom: str) -> pl.Expr:
    return pl.concat_str([pl.col(k).cast(pl.String) for k in kolom], separator=_PEMISAH)


def _pisah(kolom: str, nama: tuple[str, str], tipe: tuple) -> list[pl.Expr]:
    bagian = pl.col(kolom).str.split_exact(_PEMISAH, 1)

    def ke(e: pl.Expr, t) -> pl.Expr:
        return e.str.to_date("%Y-%m-%d") if t == pl.Date else e.cast(t)

    return [ke(bagian.struct.field("field_0"), tipe[0]).alias(nama[0]),
            ke(bagian.struct.field("field_1"), tipe[1]).alias(nama[1])]


def _satu_unit(frame: pl.DataFrame, tingkat: str) -> pl.DataFrame:
    """For the national level, every pemda belongs to one unit (KODE_NASIONAL) before aggregating."""
    if tingkat != "nasional":
        return frame
    return frame.with_columns(pl.lit(KODE_NASIONAL).alias("kode_provinsi"),
                              *([pl.lit(NAMA_NASIONAL).alias("provinsi")] if "provinsi" in frame.columns else []))


def _bobot(registri: "Registri", bobot) -> pl.DataFrame:
    if isinstance(bobot, (str, Path)):
        bobot = skor.baca_file_bobot(bobot)
    return skor.tabel_bobot(registri, bobot)


def _nama_area(registri: "Registri") -> pl.DataFrame:
    return registri.tabel_area().select("tahun", "area", "nama", "name")


# --------------------------------------------------------------------------------------------- index
def indeks_wilayah(riw: Riwayat, bobot: Bobot = None) -> pl.DataFrame:
    """One row per date and pemda: tanggal, snapshot_id, tahun, kode_wilayah, nama_wilayah, kode_provinsi,
    provinsi, jenis_pemda, indeks, kategori, lengkap, area_hilang (as ``mcsp_rules.score``). With
    ``bobot`` (user weights) the indices are recomputed from the area scores by skor.indeks_dari_area."""
    from mcsp_rules.wilayah import daftar_wilayah

    if bobot is None:
        indeks = _terbaru(riw.wilayah).select("snapshot_id", "tanggal", "tahun", "kode_wilayah", "indeks", "lengkap",
                                              "area_hilang")
    else:
        area = _terbaru(riw.area)
        masuk = area.select("tahun", _gabung("snapshot_id", "kode_wilayah").alias("kode_wilayah"), "area", "skor")
        indeks = (
            skor.indeks_dari_area(masuk.lazy(), _bobot(riw.registri, bobot)).collect()
            .with_columns(_pisah("kode_wilayah", ("snapshot_id", "kode_wilayah"), (pl.Int64, pl.String)))
            .join(area.select("snapshot_id", "tanggal").unique(), on="snapshot_id", how="left")
        )
    return (
        indeks.join(daftar_wilayah(), on="kode_wilayah", how="left")
        .with_columns(kategori(pl.col("indeks"), riw.registri).alias("kategori"))  # the year's bands
        .select("tanggal", "snapshot_id", "tahun", "kode_wilayah", "nama_wilayah", "kode_provinsi", "provinsi",
                "jenis_pemda", "indeks", "kategori", "lengkap", "area_hilang")
        .sort("tanggal", "tahun", "kode_wilayah")
    )


def indeks_provinsi(riw: Riwayat, bobot: Bobot = None, *, wilayah: pl.DataFrame | None = None,
                    nasional: bool = False) -> pl.DataFrame:
    """One row per date and province: the mean index of its pemda with a complete index (skor.tabel_provinsi):
    tanggal, tahun, kode_provinsi, provinsi, indeks, kategori, jumlah_pemda, jumlah_tidak_lengkap.
    ``nasional``: one row per date for the whole country (kode_provinsi KODE_NASIONAL, the mean of every pemda)."""
    wilayah = indeks_wilayah(riw, bobot) if wilayah is None else wilayah
    masuk = _satu_unit(wilayah, "nasional" if nasional else "provinsi")
    masuk = masuk.with_columns(_gabung("tanggal", "kode_provinsi").alias("kode_provinsi"))
    return (
        skor.tabel_provinsi(masuk.lazy()).collect()
        .with_columns(_pisah("kode_provinsi", ("tanggal", "kode_provinsi"), (pl.Date, pl.String)))
        .select("tanggal", "tahun", "kode_provinsi", "provinsi", "indeks", "kategori", "jumlah_pemda",
                "jumlah_tidak_lengkap")
        .sort("tanggal", "tahun", "kode_provinsi")
    )


# ------------------------------------------------------------------------------------------- areas
def skor_area(riw: Riwayat, tingkat: str | None = None) -> pl.DataFrame:
    """Area scores over time, long. ``wilayah``: tanggal, snapshot_id, tahun, kode_wilayah, area, nama, name,
    skor, sumber. ``provinsi``: tanggal, tahun, kode_provinsi, area, nama, name, skor (mean over the pemda
    that have the area), jumlah_pemda. ``nasional``: as ``provinsi``, with the whole country as one unit."""
    tingkat = tingkat or riw.tingkat
    area = _terbaru(riw.area).join(_nama_area(riw.registri), on=["tahun", "area"], how="left").with_columns(
        pl.col("nama").fill_null(pl.col("area")), pl.col("name").fill_null(pl.col("area")))
    if tingkat == "wilayah":
        return area.select("tanggal", "snapshot_id", "tahun", "kode_wilayah", "area", "nama", "name", "skor",
                           "sumber").sort("tanggal", "tahun", "kode_wilayah", "area")
    return (
        _satu_unit(area, tingkat).group_by("tanggal", "tahun", "kode_provinsi", "area", "nama", "name")
        .agg(pl.col("skor").mean(), pl.col("skor").is_not_null().sum().cast(pl.Int64).alias("jumlah_pemda"))
        .sort("tanggal", "tahun", "kode_provinsi", "area")
    )


# --------------------------------------------------------------------------------------- documents
def dokumen(riw: Riwayat, tingkat: str | None = None, *, per_area: bool = False) -> pl.DataFrame:
    """Required documents by status over time: counted from detail rows, or, for a pemda known only from a
    summary export, as that export reported them (``sumber_dokumen``). Per pemda (``wilayah``), summed
    per province (``provinsi``, with jumlah_pemda), or for the whole country as one unit (``nasional``).
    ``per_area`` adds the area (detail rows only)."""
    tingkat = tingkat or riw.tingkat
    kunci = ["tanggal", "tahun", "kode_wilayah", "kode_provinsi"] + (["area"] if per_area else [])
    if per_area:
        rinci = (_terbaru(riw.area).filter(pl.col("sumber") == "rincian")
                 .group_by(kunci).agg(pl.col(list(KOLOM_DOKUMEN)).sum()))
    else:
        rinci = _terbaru(riw.wilayah).filter(pl.col("dokumen_wajib").is_not_null()).select(*kunci, *KOLOM_DOKUMEN)
    rinci = rinci.with_columns(pl.lit("rincian").alias("sumber_dokumen"))
    if not per_area and not riw.dokumen_ringkasan.is_empty():
        lapor = (
            _terbaru(riw.dokumen_ringkasan)
            .join(rinci, on=["tanggal", "tahun", "kode_wilayah"], how="anti")
            .select(*kunci, *KOLOM_DOKUMEN, pl.lit("ringkasan").alias("sumber_dokumen"))
        )
        rinci = pl.concat([rinci, lapor], how="vertical_relaxed")
    if tingkat == "wilayah":
        return rinci.sort(kunci)
    kunci_p = ["tanggal", "tahun", "kode_provinsi"] + (["area"] if per_area else [])
    return (
        _satu_unit(rinci, tingkat).group_by(kunci_p)
        .agg(pl.col(list(KOLOM_DOKUMEN)).sum(), pl.col("kode_wilayah").n_unique().cast(pl.Int64).alias("jumlah_pemda"))
        .sort(kunci_p)
    )


# ------------------------------------------------------------------------------------------ bands
def _nama_pita(wilayah: pl.DataFrame) -> list[str]:
    """The band names in their order, lowest first: the four default bands, or, when a plugin gave a
    year other bands (``mcsp_pita``), the names present, ordered by the lowest index each holds."""
    ada = wilayah.filter(pl.col("kategori").is_not_null())
    if ada.is_empty() or set(ada["kategori"].unique().to_list()) <= set(KATEGORI):
        return list(KATEGORI)
    return ada.group_by("kategori").agg(pl.col("indeks").min()).sort("indeks")["kategori"].to_list()


def sebaran_kategori(wilayah: pl.DataFrame) -> pl.DataFrame:
    """tanggal, tahun, kategori, jumlah: how many pemda were in each band on each date (all four bands and
    the incomplete ones, zero included), for a stacked chart."""
    semua = _nama_pita(wilayah) + [TIDAK_LENGKAP]
    if wilayah.is_empty():
        return pl.DataFrame(schema={"tanggal": pl.Date, "tahun": pl.Int32, "kategori": pl.String, "jumlah": pl.Int64})
    hitung = (
        wilayah.with_columns(pl.col("kategori").fill_null(TIDAK_LENGKAP))
        .group_by("tanggal", "tahun", "kategori").agg(pl.len().cast(pl.Int64).alias("jumlah"))
    )
    rangka = wilayah.select("tanggal", "tahun").unique().join(pl.DataFrame({"kategori": semua}), how="cross")
    return (
        rangka.join(hitung, on=["tanggal", "tahun", "kategori"], how="left")
        .with_columns(pl.col("jumlah").fill_null(0),
                      pl.col("kategori").replace_strict(semua, list(range(len(semua)))).alias("_u"))
        .sort("tanggal", "tahun", "_u").drop("_u")
    )


def perubahan_kategori(wilayah: pl.DataFrame) -> pl.DataFrame:
    """Every band change between a pemda's consecutive dates: kode_wilayah, nama_wilayah, provinsi, tahun,
    tanggal_sebelum, tanggal, kategori_sebelum, kategori, indeks_sebelum, indeks, arah (naik/turun/berubah)."""
    urut = {k: i for i, k in enumerate(_nama_pita(wilayah))}
    sebelum = lambda k: pl.col(k).shift(1).over("tahun", "kode_wilayah")  # noqa: E731
    return (
        wilayah.sort("tahun", "kode_wilayah", "tanggal")
        .with_columns(sebelum("tanggal").alias("tanggal_sebelum"), sebelum("kategori").alias("kategori_sebelum"),
                      sebelum("indeks").alias("indeks_sebelum"))
        .filter(pl.col("tanggal_sebelum").is_not_null() & pl.col("kategori").ne_missing(pl.col("kategori_sebelum")))
        .with_columns(
            pl.when(pl.col("kategori").is_null() | pl.col("kategori_sebelum").is_null()).then(pl.lit("berubah"))
            .when(pl.col("kategori").replace_strict(urut, default=None) > pl.col("kategori_sebelum").replace_strict(urut, default=None))
            .then(pl.lit("naik")).otherwise(pl.lit("turun")).alias("arah")
        )
        .select("kode_wilayah", "nama_wilayah", "provinsi", "tahun", "tanggal_sebelum", "tanggal", "kategori_sebelum",
                "kategori", "indeks_sebelum", "indeks", "arah")
        .sort("tanggal", "kode_wilayah")
    )


# ------------------------------------------------------------------------------------- who improved
def paling_naik(wilayah: pl.DataFrame, dokumen_wilayah: pl.DataFrame | None = None, *, n: int | None = 10,
                tahun: int | None = None) -> pl.DataFrame:
    """Between the last two snapshot dates (of ``tahun``, default the latest year): pemda by index change,
    largest rise first: kode_wilayah, nama_wilayah, provinsi, tanggal_sebelum, tanggal, indeks_sebelum,
    indeks, perubahan, kategori_sebelum, kategori (and diterima_sebelum, diterima, tambah_diterima when
    document counts are given). Pemda without an index on either date come last."""
    if wilayah.is_empty():
        return wilayah.head(0)
    tahun = tahun if tahun is not None else wilayah["tahun"].max()
    w = wilayah.filter(pl.col("tahun") == tahun)
    tanggal = w["tanggal"].unique().sort()
    if tanggal.len() < 2:
        return w.head(0).select("kode_wilayah", "nama_wilayah", "provinsi")
    t0, t1 = tanggal[-2], tanggal[-1]
    kolom = ["kode_wilayah", "tanggal", "indeks", "kategori"]
    hasil = (
        w.filter(pl.col("tanggal") == t1).select("kode_wilayah", "nama_wilayah", "provinsi", *kolom[1:])
        .join(w.filter(pl.col("tanggal") == t0).select(kolom).rename(lambda c: c if c == "kode_wilayah" else f"{c}_sebelum"),
              on="kode_wilayah", how="inner")
        .with_columns((pl.col("indeks") - pl.col("indeks_sebelum")).alias("perubahan"))
    )
    if dokumen_wilayah is not None and not dokumen_wilayah.is_empty():
        d = dokumen_wilayah.filter(pl.col("tahun") == tahun)
        hasil = (
            hasil.join(d.filter(pl.col("tanggal") == t1).select("kode_wilayah", "diterima"), on="kode_wilayah", how="left")
            .join(d.filter(pl.col("tanggal") == t0).select("kode_wilayah", pl.col("diterima").alias("diterima_sebelum")),
                  on="kode_wilayah", how="left")
            .with_columns((pl.col("diterima") - pl.col("diterima_sebelum")).alias("tambah_diterima"))
        )
    hasil = hasil.select(
        "kode_wilayah", "nama_wilayah", "provinsi", "tanggal_sebelum", "tanggal", "indeks_sebelum", "indeks",
        "perubahan", "kategori_sebelum", "kategori",
        *[k for k in ("diterima_sebelum", "diterima", "tambah_diterima") if k in hasil.columns],
    ).sort("perubahan", "kode_wilayah", descending=[True, False], nulls_last=True)
    return hasil if n is None else hasil.head(n)


# --------------------------------------------------------------------------------------------- pace
def laju(riwayat: pl.DataFrame, kunci: str, tenggat: date, *, target_indeks: float | None = None,
         target_dokumen: float | None = 1.0, jendela: int = 4, tahun: int | None = None) -> pl.DataFrame:
    """Pace against a deadline, per ``kunci`` (kode_wilayah or kode_provinsi), from a frame with columns
    tanggal, tahun, ``kunci``, indeks, diterima, dokumen_wajib (``laju_wilayah``/``laju_provinsi`` build it).

    The weekly pace is the slope of a least-squares line through the last ``jendela`` snapshots (index
    points per week, accepted documents per week). Projections run from the last snapshot to ``tenggat``
    and are bounded (index 0–100, documents 0–required). ``target_dokumen`` is the share of required
    documents to be accepted (1.0 = all, as provinces set it); ``target_indeks`` an index to reach.
    Documents needed for an index target are an estimate (every outstanding document assumed worth the
    same; ``mcsp plan`` gives the exact set). ``status``: tercapai (every target met now), sesuai_jalur
    (projections meet every target), berisiko, lewat_tenggat, data_kurang (fewer than two snapshots, or
    no slope for a target set: the projection is then null, unknown); ``berisiko`` is True for berisiko,
    lewat_tenggat and data_kurang (unknown is not safe: a target not met now, with no pace to show it
    will be, is judged at risk from its level; ``laju_diketahui`` False says so); ``berisiko_indeks``/``berisiko_dokumen`` say
    which projection falls short (null when that target is not set)."""
    if jendela < 2:
        raise MCSPError("jendela laju paling sedikit 2 snapshot.", "the pace window needs at least 2 snapshots.")
    tenggat = tenggat if isinstance(tenggat, date) else date.fromisoformat(str(tenggat))
    kosong = riwayat.is_empty()
    tahun = tahun if tahun is not None or kosong else riwayat["tahun"].max()
    f = riwayat.filter(pl.col("tahun") == tahun).sort(kunci, "tanggal")
    f = f.filter(pl.int_range(pl.len(), dtype=pl.Int64).over(kunci) >= pl.len().over(kunci).cast(pl.Int64) - jendela)
    minggu = (pl.col("tanggal") - pl.lit(tenggat)).dt.total_days().cast(pl.Float64) / 7.0

    def kemiringan(y: str) -> pl.Expr:
        ada = pl.col(y).is_not_null()
        x, yy = minggu.filter(ada), pl.col(y).cast(pl.Float64).filter(ada)
        var = x.var()
        return pl.when((ada.sum() >= 2) & (var > 0)).then(pl.cov(x, yy) / var).otherwise(None)

    per = f.group_by(kunci).agg(
        pl.len().cast(pl.Int64).alias("jumlah_snapshot"),
        pl.col("tanggal").first().alias("tanggal_awal"),
        pl.col("tanggal").last().alias("tanggal_terakhir"),
        pl.col("indeks").last().alias("indeks"),
        pl.col("diterima").last().alias("diterima"),
        pl.col("dokumen_wajib").last().alias("dokumen_wajib"),
        kemiringan("indeks").alias("laju_indeks_per_minggu"),
        kemiringan("diterima").alias("laju_dokumen_per_minggu"),
    )
    sisa = (pl.lit(tenggat) - pl.col("tanggal_terakhir")).dt.total_days().cast(pl.Float64) / 7.0
    per = per.with_columns(sisa.clip(lower_bound=0).alias("minggu_tersisa"))
    m = pl.col("minggu_tersisa")
    belum = (pl.col("dokumen_wajib") - pl.col("diterima")).clip(lower_bound=0)
    # an unknown pace gives an unknown projection (null), never "stays where it is"
    per = per.with_columns(
        (pl.col("indeks") + pl.col("laju_indeks_per_minggu") * m).clip(0, 100).alias("proyeksi_indeks"),
        (pl.col("diterima") + pl.col("laju_dokumen_per_minggu") * m)
        .clip(pl.lit(0.0), pl.col("dokumen_wajib").cast(pl.Float64)).alias("proyeksi_diterima"),
        (pl.col("dokumen_wajib").cast(pl.Float64) * (target_dokumen if target_dokumen is not None else float("nan")))
        .ceil().alias("target_diterima"),
        pl.when(belum > 0).then((100.0 - pl.col("indeks")) / belum).alias("kenaikan_per_dokumen"),
    )
    per = per.with_columns(
        pl.when(pl.col("target_diterima").is_nan()).then(None).otherwise(pl.col("target_diterima")).alias("target_diterima"),
        pl.lit(target_indeks, pl.Float64).alias("target_indeks"),
    ).with_columns(
        (pl.col("target_diterima") - pl.col("diterima")).clip(lower_bound=0).alias("_kurang_dok"),
        pl.when(pl.col("target_indeks").is_not_null() & pl.col("indeks").is_not_null())
        .then(pl.when(pl.col("indeks") >= pl.col("target_indeks")).then(0.0)
              .otherwise(((pl.col("target_indeks") - pl.col("indeks")) / pl.col("kenaikan_per_dokumen")).ceil()))
        .alias("dokumen_untuk_target_indeks"),
    )
    per_minggu = lambda k: pl.when(pl.col(k) == 0).then(0.0).when(m > 0).then(pl.col(k) / m)  # noqa: E731
    per = per.with_columns(
        per_minggu("_kurang_dok").alias("perlu_dokumen_per_minggu"),
        per_minggu("dokumen_untuk_target_indeks").alias("perlu_dokumen_per_minggu_target_indeks"),
    )
    ok_dok_kini = pl.col("target_diterima").is_null() | (pl.col("diterima") >= pl.col("target_diterima"))
    ok_idx_kini = pl.col("target_indeks").is_null() | (pl.col("indeks").fill_null(-1) >= pl.col("target_indeks"))
    ok_dok_nanti = pl.col("target_diterima").is_null() | (pl.col("proyeksi_diterima") >= pl.col("target_diterima"))
    ok_idx_nanti = pl.col("target_indeks").is_null() | (pl.col("proyeksi_indeks").fill_null(-1) >= pl.col("target_indeks"))
    # the pace a target needs is known: at least two snapshots and a slope for each target set
    laju_ada = (pl.col("jumlah_snapshot") >= 2) & (
        (pl.col("target_indeks").is_null() | pl.col("laju_indeks_per_minggu").is_not_null())
        & (pl.col("target_diterima").is_null() | pl.col("laju_dokumen_per_minggu").is_not_null()))
    status = (
        pl.when(ok_dok_kini & ok_idx_kini).then(pl.lit("tercapai"))
        .when(m <= 0).then(pl.lit("lewat_tenggat"))
        .when(~laju_ada).then(pl.lit("data_kurang"))
        .when(ok_dok_nanti & ok_idx_nanti).then(pl.lit("sesuai_jalur"))
        .otherwise(pl.lit("berisiko"))
    )
    per = per.with_columns(
        status.alias("status"),
        laju_ada.alias("laju_diketahui"),
        pl.when(pl.col("target_indeks").is_not_null()).then(~ok_idx_nanti).alias("berisiko_indeks"),
        pl.when(pl.col("target_diterima").is_not_null()).then(~ok_dok_nanti).alias("berisiko_dokumen"),
    ).with_columns(
        # unknown is not safe: without a pace, a target not met now is judged from the level alone
        pl.col("status").is_in(["berisiko", "lewat_tenggat", "data_kurang"]).alias("berisiko"),
        pl.lit(tahun, pl.Int32).alias("tahun"), pl.lit(tenggat).alias("tenggat"),
    )
    return per.select(
        kunci, "tahun", "tanggal_awal", "tanggal_terakhir", "jumlah_snapshot", "tenggat", "minggu_tersisa",
        "indeks", "laju_indeks_per_minggu", "proyeksi_indeks", "target_indeks",
        "diterima", "dokumen_wajib", "laju_dokumen_per_minggu", "proyeksi_diterima", "target_diterima",
        "perlu_dokumen_per_minggu", "kenaikan_per_dokumen", "dokumen_untuk_target_indeks",
        "perlu_dokumen_per_minggu_target_indeks", "status", "laju_diketahui", "berisiko", "berisiko_indeks",
        "berisiko_dokumen",
    ).sort(pl.col("berisiko"), pl.col("proyeksi_indeks"), kunci, descending=[True, False, False], nulls_last=True)


def riwayat_wilayah(riw: Riwayat, bobot: Bobot = None) -> pl.DataFrame:
    """Per date and pemda: index and document counts together (the input of ``laju``)."""
    w = indeks_wilayah(riw, bobot)
    d = dokumen(riw, "wilayah").drop("kode_provinsi")
    return w.join(d, on=["tanggal", "tahun", "kode_wilayah"], how="full", coalesce=True).sort("tanggal", "kode_wilayah")


def riwayat_provinsi(riw: Riwayat, bobot: Bobot = None, *, nasional: bool = False) -> pl.DataFrame:
    p = indeks_provinsi(riw, bobot, nasional=nasional)
    d = dokumen(riw, "nasional" if nasional else "provinsi").rename({"jumlah_pemda": "jumlah_pemda_dokumen"})
    return p.join(d, on=["tanggal", "tahun", "kode_provinsi"], how="full", coalesce=True).sort("tanggal", "kode_provinsi")


def laju_wilayah(riw: Riwayat, tenggat: date, *, bobot: Bobot = None, **kw) -> pl.DataFrame:
    """``laju`` per pemda, with names; the pemda at risk come first."""
    from mcsp_rules.wilayah import daftar_wilayah

    hasil = laju(riwayat_wilayah(riw, bobot), "kode_wilayah", tenggat, **kw)
    return hasil.join(daftar_wilayah().select("kode_wilayah", "nama_wilayah", "provinsi"), on="kode_wilayah",
                      how="left", maintain_order="left").select("kode_wilayah", "nama_wilayah", "provinsi",
                                                                pl.exclude("kode_wilayah", "nama_wilayah", "provinsi"))


def laju_provinsi(riw: Riwayat, tenggat: date, *, bobot: Bobot = None, **kw) -> pl.DataFrame:
    """``laju`` per province aggregate (mean index, summed documents)."""
    from mcsp_rules.wilayah import daftar_wilayah

    prov = daftar_wilayah().filter(pl.col("jenis_pemda") == "provinsi").select("kode_provinsi", "provinsi")
    hasil = laju(riwayat_provinsi(riw, bobot), "kode_provinsi", tenggat, **kw)
    return hasil.join(prov, on="kode_provinsi", how="left", maintain_order="left").select(
        "kode_provinsi", "provinsi", pl.exclude("kode_provinsi", "provinsi"))


def laju_nasional(riw: Riwayat, tenggat: date, *, bobot: Bobot = None, **kw) -> pl.DataFrame:
    """``laju`` of the whole country as one unit (mean index of every pemda, summed documents): one row,
    shaped as ``laju_provinsi``'s (kode_provinsi KODE_NASIONAL, provinsi NAMA_NASIONAL)."""
    hasil = laju(riwayat_provinsi(riw, bobot, nasional=True), "kode_provinsi", tenggat, **kw)
    return hasil.select("kode_provinsi", pl.lit(NAMA_NASIONAL).alias("provinsi"), pl.exclude("kode_provinsi"))


# ----------------------------------------------------------------------------------- one-row-per-date
def tabel_tren(riw: Riwayat, bobot: Bobot = None, *, tahun: int | None = None) -> pl.DataFrame:
    """One row per snapshot date (for ``mcsp history trend`` and downloads): the index, its band, one
    ``skor_<AREA>`` column per area and the document counts, for the pemda or province of ``riw``.
    ``tahun`` defaults to the latest year present. At the ``nasional`` level, the whole country is one
    unit (kode_provinsi KODE_NASIONAL)."""
    if riw.kosong:
        return pl.DataFrame()
    tahun = tahun if tahun is not None else max(riw.tahun)
    if riw.tingkat == "wilayah":
        kunci = ["tanggal", "tahun", "kode_wilayah"]
        utama = indeks_wilayah(riw, bobot).select(
            "tanggal", "snapshot_id", "tahun", "kode_wilayah", "nama_wilayah", "indeks", "kategori", "lengkap")
    else:
        kunci = ["tanggal", "tahun", "kode_provinsi"]
        utama = indeks_provinsi(riw, bobot, nasional=riw.tingkat == "nasional")
    area = skor_area(riw, riw.tingkat)
    lebar = (
        area.filter(pl.col("tahun") == tahun)
        .with_columns(("skor_" + pl.col("area")).alias("kolom"))
        .pivot(on="kolom", index=kunci, values="skor")
    ) if area.height else pl.DataFrame(schema={k: utama.schema[k] for k in kunci})
    dok = dokumen(riw, riw.tingkat).filter(pl.col("tahun") == tahun).select(*kunci, *KOLOM_DOKUMEN)
    urutan_area = [f"skor_{a}" for a in _nama_area(riw.registri).filter(pl.col("tahun") == tahun)["area"].to_list()]
    urutan_area += sorted(c for c in lebar.columns if c.startswith("skor_") and c not in urutan_area)
    hasil = (
        utama.filter(pl.col("tahun") == tahun)
        .join(lebar, on=kunci, how="full", coalesce=True)
        .join(dok, on=kunci, how="full", coalesce=True)
    )
    return hasil.select(*utama.columns, *[c for c in urutan_area if c in hasil.columns], *KOLOM_DOKUMEN).sort(kunci)
