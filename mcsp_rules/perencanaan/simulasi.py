"""What-if simulation: named, saved scenarios of actions on the documents, and their effect on the index.

A scenario (``Skenario``) has a scope (one pemda, every pemda of a province, or the whole country),
a year, and a list of actions (``Aksi``) applied in order:

- ``terima_verifikasi``: documents in verification are accepted;
- ``perbaiki``: returned documents (perlu perbaikan) are fixed and accepted;
- ``unggah``: missing documents (belum diunggah) are uploaded and accepted;
- ``pilih``: the chosen sub-indicators are accepted, whatever their status;
- ``skor_area``: with summary data, an area's score is set.

Item actions may be narrowed to areas, sub-indicators and pemda, and capped at ``jumlah`` items per
pemda (the largest index gain first, ties by sub-indicator code). A closed gap becomes ``diterima``
with nilai 100; an item that already scores 100 is not a gap and is never touched. An item touched
by an earlier action is not counted again by a later one.

The numbers are those of ``mcsp_rules.score`` by construction: the actions are applied to a copy of
the detail and summary rows, which are scored by the same functions (``skor.skor_area``,
``skor.tabel_wilayah``). Only the pemda in scope are re-scored; the rest of the year comes from a
baseline (``Dasar``) computed once per dataset and weights, which keeps a recompute at national scale
in milliseconds. The JSON format is documented in docs/skenario.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung.celah import isi_nama_sub, pihak_expr
from mcsp_rules.hitung.skor import (
    KUNCI_PEMDA,
    skor_area,
    skor_item,
    tabel_bobot,
    tabel_provinsi,
    tabel_wilayah,
    tambah_peringkat,
)
from mcsp_rules.model import STATUS_DITERIMA
from mcsp_rules.perencanaan.skenario import JENIS_AKSI, Aksi, Skenario


# ------------------------------------------------------------------------------------- baseline
@dataclass
class Dasar:
    """What a simulation compares against, computed once per dataset and weights: area scores and
    indices of every pemda, with province and national ranks."""

    area: pl.DataFrame  # tahun, kode_wilayah, area, skor, sumber
    wilayah: pl.DataFrame  # one row per (tahun, pemda): indeks, kategori, lengkap, names, ranks
    bobot: pl.DataFrame  # tahun, area, bobot, sumber_bobot, bobot_asumsi
    bobot_pengguna: dict[tuple[int, str], float]
    provinsi: pl.DataFrame  # skor.tabel_provinsi of ``wilayah``
    nama_area: pl.DataFrame  # tahun, area, nama, name


def dasar(data, bobot: Mapping[tuple[int, str], float] | None = None) -> Dasar:
    """The baseline of ``data`` under area weights ``bobot`` ({(tahun, area): w}; None: the plugins')."""
    tabel = tabel_bobot(data.registri, bobot)
    area = skor_area(data.rincian, data.ringkasan, data.registri).collect()
    wilayah = tambah_peringkat(tabel_wilayah(area.lazy(), tabel, data.registri).collect())
    provinsi = tabel_provinsi(wilayah.lazy(), data.registri).collect()
    nama = data.registri.tabel_area().select("tahun", "area", "nama", "name")
    return Dasar(area, wilayah, tabel, dict(bobot or {}), provinsi, nama)


def _bobot_skenario(skenario: Skenario, tahun: int) -> dict[tuple[int, str], float]:
    return {(tahun, a): float(w) for a, w in skenario.bobot.items()}


# ------------------------------------------------------------------------------------- results
@dataclass
class HasilSimulasi:
    """The effect of a scenario. Frames are plain Polars; the page and the CLI read the same ones."""

    skenario: Skenario
    tahun: int
    wilayah: pl.DataFrame  # per pemda in scope: before/after index, band, ranks
    area: pl.DataFrame  # per pemda in scope and area: skor_sebelum, skor_sesudah, kontribusi (index points)
    kenaikan_area: pl.DataFrame  # per area over the scope: the index gain it brings (waterfall steps)
    provinsi: pl.DataFrame  # provinces touched: mean index before/after
    tersentuh: pl.DataFrame  # the items (and area scores) each action changed
    aksi: pl.DataFrame  # per action: nomor, jenis, keterangan, jumlah_item
    bobot: pl.DataFrame  # the area weights used
    peringatan: list[tuple[str, str]] = field(default_factory=list)  # (Indonesian, English)

    KOLOM_CLI = ("tahun", "kode_wilayah", "indeks_sebelum", "indeks_sesudah", "kategori_sebelum", "kategori_sesudah",
                 "peringkat_provinsi_sebelum", "peringkat_provinsi_sesudah")

    @property
    def berubah_kategori(self) -> pl.DataFrame:
        """The pemda whose band changes."""
        return self.wilayah.filter(pl.col("kategori_sebelum").ne_missing(pl.col("kategori_sesudah")))

    def tabel(self) -> pl.DataFrame:
        """What ``mcsp simulate`` prints: one row per pemda in scope."""
        return self.wilayah.select(self.KOLOM_CLI)

    def air_terjun(self) -> pl.DataFrame:
        """Waterfall steps: the scope's index before, each area's gain, the index after; with
        ``mulai``/``akhir`` (bar start and end) for an Altair bar with y and y2. For a province or
        the country the index is the mean over the pemda whose index is complete before and after."""
        lengkap = self.wilayah.filter(pl.col("indeks_sebelum").is_not_null() & pl.col("indeks_sesudah").is_not_null())
        awal = lengkap["indeks_sebelum"].mean() if lengkap.height else None
        akhir = lengkap["indeks_sesudah"].mean() if lengkap.height else None
        langkah = self.kenaikan_area.filter(pl.col("kenaikan") != 0).sort("area")
        awal_f = 0.0 if awal is None else float(awal)
        tengah = langkah.select(
            pl.col("area").alias("langkah"), "nama", "name", pl.lit("area").alias("jenis"), pl.col("kenaikan").alias("nilai"),
        ).with_columns((pl.lit(awal_f) + pl.col("nilai").cum_sum() - pl.col("nilai")).alias("mulai"),
                       (pl.lit(awal_f) + pl.col("nilai").cum_sum()).alias("akhir"))
        ujung = pl.DataFrame(
            [{"langkah": "sebelum", "nama": "Sebelum", "name": "Before", "jenis": "awal", "nilai": awal, "mulai": 0.0, "akhir": awal},
             {"langkah": "sesudah", "nama": "Sesudah", "name": "After", "jenis": "akhir", "nilai": akhir, "mulai": 0.0, "akhir": akhir}],
            schema=tengah.schema,
        )
        return pl.concat([ujung.head(1), tengah, ujung.tail(1)])


# ------------------------------------------------------------------------------------- simulate
def lingkup(wilayah: pl.DataFrame, tahun: int, kode_wilayah: str | None = None,
            kode_provinsi: str | None = None) -> list[str]:
    """The pemda codes (sorted) a scope covers among ``wilayah`` (rows tahun, kode_wilayah,
    kode_provinsi, e.g. ``Dasar.wilayah``) in ``tahun``: one pemda, a province, or all; MCSPError when none."""
    ada = wilayah.filter(pl.col("tahun") == tahun)
    if kode_wilayah:
        if ada.filter(pl.col("kode_wilayah") == kode_wilayah).is_empty():
            raise MCSPError(f"Wilayah {kode_wilayah} tidak ada di data tahun {tahun}.",
                            f"Region {kode_wilayah} is not in the {tahun} data.")
        return [kode_wilayah]
    if kode_provinsi:
        kode = sorted(ada.filter(pl.col("kode_provinsi") == kode_provinsi)["kode_wilayah"].to_list())
        if not kode:
            raise MCSPError(f"Tidak ada pemda provinsi {kode_provinsi} di data tahun {tahun}.",
                            f"No pemda of province {kode_provinsi} in the {tahun} data.")
        return kode
    return sorted(ada["kode_wilayah"].to_list())


def tahun_data(wilayah: pl.DataFrame, tahun: int | None) -> int:
    """``tahun``, or the latest year among ``wilayah``; MCSPError when there is no such year."""
    ada = sorted(wilayah["tahun"].unique().to_list())
    if not ada:
        raise MCSPError("Data kosong: tidak ada baris yang bisa dihitung.", "The data is empty: nothing to compute.")
    if tahun is None:
        return ada[-1]
    if tahun not in ada:
        raise MCSPError(f"Tahun {tahun} tidak ada di data (ada: {', '.join(map(str, ada))}).",
                        f"Year {tahun} is not in the data (present: {', '.join(map(str, ada))}).")
    return tahun


def _kode_area(registri, tahun: int, nama: tuple[str, ...], tempat: tuple[str, str]) -> tuple[str, ...]:
    """Area codes (or names/aliases) → codes declared for the year; MCSPError for an unknown one."""
    if not nama:
        return ()
    from mcsp_rules.io.urai import kunci_nama

    alias = registri.tabel_alias().filter(pl.col("tahun") == tahun)
    dicari = pl.DataFrame({"nama": list(nama)}).with_columns(kunci_nama(pl.col("nama")).alias("kunci"))
    cocok = dicari.join(alias, on="kunci", how="left", maintain_order="left")
    hilang = cocok.filter(pl.col("area").is_null())["nama"].to_list()
    if hilang:
        kode = ", ".join(sorted(alias["area"].unique().to_list()))
        raise MCSPError(f"{tempat[0]}: area {', '.join(hilang)} tidak dikenal untuk tahun {tahun} (yang ada: {kode}).",
                        f"{tempat[1]}: area {', '.join(hilang)} is unknown for {tahun} (known: {kode}).")
    return tuple(cocok["area"].to_list())


def bobot_area(bobot: pl.DataFrame, tahun: int) -> tuple[dict[str, float], float]:
    """({area: w}, Σ w) of one year from a weights table (``skor.tabel_bobot``)."""
    tabel = bobot.filter(pl.col("tahun") == tahun)
    w = dict(zip(tabel["area"].to_list(), tabel["bobot"].to_list()))
    return w, float(sum(w.values()))


def total_per_jenis(bobot: pl.DataFrame, tahun: int, total: float) -> pl.Expr:
    """Σ w over the areas a pemda's kind requires in ``tahun`` (a kota of 2023 has no DESA area), as an
    expression over ``jenis_pemda``; ``total`` (every area) where the kind is unknown."""
    if "jenis" not in bobot.columns:
        return pl.lit(total)
    per = (bobot.filter(pl.col("tahun") == tahun).with_columns(pl.col("jenis").str.split(",")).explode("jenis")
           .group_by(pl.col("jenis").str.strip_chars()).agg(pl.col("bobot").sum()))
    return pl.col("jenis_pemda").replace_strict(dict(per.rows()), default=total, return_dtype=pl.Float64)


def kenaikan_item(registri, bobot: pl.DataFrame, tahun: int) -> list[pl.Expr]:
    """Expressions adding ``skor_item`` and ``kenaikan`` to detail rows of one year: the index gain
    of closing the item, w_area/W × bobot/B_area × (100 − skor_item), exactly as celah.py."""
    w, total = bobot_area(bobot, tahun)
    skor = skor_item(registri)
    return [
        skor.alias("skor_item"),
        (pl.col("area").replace_strict(w, default=None, return_dtype=pl.Float64) / total_per_jenis(bobot, tahun, total)
         * pl.col("bobot") / pl.col("bobot").sum().over(*KUNCI_PEMDA, "area") * (100.0 - skor)).alias("kenaikan"),
    ]


def terapkan(rincian: pl.DataFrame, aksi: tuple[Aksi, ...], registri, bobot: pl.DataFrame,
             tahun: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Apply the item actions to detail rows (already limited to the scope and ``tahun``).

    Returns (modified rows, touched items). Each action sees what the earlier ones left open; with
    ``jumlah`` it takes the largest index gains first, ties by sub-indicator code."""
    frame = rincian.with_row_index("_urut").with_columns(
        *kenaikan_item(registri, bobot, tahun), pl.lit(None, dtype=pl.Int32).alias("_aksi"))
    for nomor, a in enumerate(aksi, 1):
        if a.jenis == "skor_area":
            continue
        cocok = pl.col("_aksi").is_null() & (pl.col("skor_item") < 100.0)
        if JENIS_AKSI[a.jenis]:
            cocok = cocok & (pl.col("status") == JENIS_AKSI[a.jenis])
        if a.area:
            cocok = cocok & pl.col("area").is_in(a.area)
        if a.sub_indikator:
            cocok = cocok & pl.col("sub_indikator").is_in(a.sub_indikator)
        if a.wilayah:
            cocok = cocok & pl.col("kode_wilayah").is_in(a.wilayah)
        if a.jumlah is not None:
            # the candidates only (a few per pemda) are ordered: largest gain first, then code
            terpilih = (
                frame.lazy().filter(cocok).select("_urut", "kode_wilayah", "kenaikan", "sub_indikator")
                .sort("kode_wilayah", "kenaikan", "sub_indikator", descending=[False, True, False], nulls_last=True)
                .filter(pl.int_range(pl.len()).over("kode_wilayah") < a.jumlah)
                .collect()["_urut"]
            )
            cocok = pl.col("_urut").is_in(terpilih.implode())
        frame = frame.with_columns(pl.when(cocok).then(pl.lit(nomor, dtype=pl.Int32)).otherwise("_aksi").alias("_aksi"))
    tutup = pl.col("_aksi").is_not_null()
    tersentuh = frame.filter(tutup).select(
        pl.col("_aksi").alias("aksi"), "tahun", "kode_wilayah", "area", "indikator", "sub_indikator", "nama_sub_indikator",
        pl.col("status").alias("status_sebelum"), pl.col("nilai").alias("nilai_sebelum"),
        pl.col("skor_item").alias("skor_sebelum"), pl.lit(100.0).alias("skor_sesudah"), "kenaikan",
    )
    # names from the catalogue when the export has none (national exports)
    tersentuh = isi_nama_sub(tersentuh, registri)
    diubah = frame.select(
        *[c for c in rincian.columns if c not in ("status", "nilai")],
        pl.when(tutup).then(pl.lit(STATUS_DITERIMA)).otherwise("status").alias("status"),
        pl.when(tutup).then(pl.lit(100.0)).otherwise("nilai").alias("nilai"),
    ).select(rincian.columns)
    return diubah, tersentuh


def _terapkan_area(ringkasan: pl.DataFrame, rincian: pl.DataFrame, aksi: tuple[Aksi, ...], kode: list[str], tahun: int,
                   area_lama: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[str, str]]]:
    """Apply ``skor_area`` actions to the summary rows of the scope. An area that has detail rows for
    a pemda is scored from its items, so the action skips it there (with a warning)."""
    peringatan: list[tuple[str, str]] = []
    baris = []
    ada_rincian = rincian.select("kode_wilayah", "area").unique() if any(a.jenis == "skor_area" for a in aksi) else None
    for nomor, a in enumerate(aksi, 1):
        if a.jenis != "skor_area":
            continue
        sasaran = pl.DataFrame({"kode_wilayah": list(a.wilayah or kode)}, schema={"kode_wilayah": pl.String}).with_columns(
            pl.lit(a.area[0]).alias("area"))
        dilewati = sasaran.join(ada_rincian, on=["kode_wilayah", "area"], how="semi")
        if dilewati.height:
            peringatan.append((
                f"Aksi ke-{nomor}: skor area {a.area[0]} tidak diubah untuk {dilewati.height} pemda yang punya data rincian "
                f"area itu (skornya dihitung dari sub-indikator; pakai aksi per dokumen).",
                f"Action {nomor}: the score of area {a.area[0]} was not changed for {dilewati.height} pemda with detail rows "
                f"for that area (their score comes from the sub-indicators; use document actions).",
            ))
        baris.append(sasaran.join(ada_rincian, on=["kode_wilayah", "area"], how="anti").with_columns(
            pl.lit(nomor, dtype=pl.Int32).alias("aksi"), pl.lit(float(a.skor)).alias("skor")))
    if not baris:
        kosong = pl.DataFrame(schema={"aksi": pl.Int32, "kode_wilayah": pl.String, "area": pl.String,
                                      "skor_sebelum": pl.Float64, "skor_sesudah": pl.Float64})
        return ringkasan, kosong, peringatan
    # a later action on the same (pemda, area) wins, as if applied in order
    baru = pl.concat(baris).unique(["kode_wilayah", "area"], keep="last", maintain_order=True)
    lama = area_lama.select("kode_wilayah", "area", pl.col("skor").alias("skor_sebelum"))
    tersentuh = baru.join(lama, on=["kode_wilayah", "area"], how="left").select(
        "aksi", "kode_wilayah", "area", "skor_sebelum", pl.col("skor").alias("skor_sesudah"))
    tambah = baru.select(pl.lit(tahun, dtype=ringkasan.schema["tahun"]).alias("tahun"), "kode_wilayah", "area", "skor")
    ringkasan = pl.concat([
        ringkasan.select("tahun", "kode_wilayah", "area", "skor").join(tambah, on=["kode_wilayah", "area"], how="anti"),
        tambah,
    ])
    return ringkasan, tersentuh, peringatan


def simulasi(data, skenario: Skenario, *, dasar_: Dasar | None = None) -> HasilSimulasi:
    """Apply ``skenario`` to ``data`` and compare with the baseline.

    ``dasar_`` is a baseline from ``dasar(data, bobot)``; pass it to reuse it between reruns (it is
    rebuilt when its weights differ from the scenario's)."""
    tahun = tahun_data(dasar_.wilayah if dasar_ is not None else pl.DataFrame({"tahun": data.tahun}), skenario.tahun)
    bobot_map = _bobot_skenario(skenario, tahun)
    if skenario.bobot:
        _kode_area(data.registri, tahun, tuple(skenario.bobot), ("Skenario (bobot)", "Scenario (weights)"))
    if dasar_ is None or dasar_.bobot_pengguna != bobot_map:
        dasar_ = dasar(data, bobot_map or None)
    kode = lingkup(dasar_.wilayah, tahun, skenario.kode_wilayah, skenario.kode_provinsi)
    aksi = []
    for i, a in enumerate(skenario.aksi, 1):
        tempat = (f"aksi ke-{i}", f"action {i}")
        luar = sorted(set(a.wilayah) - set(kode))
        if luar:
            raise MCSPError(f"aksi ke-{i}: wilayah {', '.join(luar)} di luar lingkup skenario.",
                            f"action {i}: region {', '.join(luar)} is outside the scenario's scope.")
        aksi.append(Aksi(a.jenis, _kode_area(data.registri, tahun, a.area, tempat), a.sub_indikator, a.jumlah, a.wilayah, a.skor))
    aksi = tuple(aksi)

    di_lingkup = pl.col("tahun") == tahun
    if skenario.kode_wilayah or skenario.kode_provinsi:
        di_lingkup = di_lingkup & pl.col("kode_wilayah").is_in(kode)
    rincian = data.rincian.filter(di_lingkup)
    ringkasan = data.ringkasan.filter(di_lingkup)
    area_dasar = dasar_.area.filter(di_lingkup)

    rincian_baru, tersentuh = terapkan(rincian, aksi, data.registri, dasar_.bobot, tahun)
    ringkasan_baru, tersentuh_area, peringatan = _terapkan_area(ringkasan, rincian, aksi, kode, tahun, area_dasar)
    peringatan += _peringatan_sub(rincian, aksi)

    # Re-score the scope with the engine's own functions and merge it with the rest of the year
    # (ranks need the whole year); everything below is one lazy plan, collected once.
    area_baru = skor_area(rincian_baru, ringkasan_baru, data.registri).select(dasar_.area.columns)
    area_tahun = pl.concat([
        dasar_.area.lazy().filter((pl.col("tahun") == tahun) & ~pl.col("kode_wilayah").is_in(kode)), area_baru])
    sesudah = tambah_peringkat(tabel_wilayah(area_tahun, dasar_.bobot, data.registri)).collect().lazy()
    sebelum = dasar_.wilayah.lazy().filter(pl.col("tahun") == tahun)
    wilayah = _bandingkan_wilayah(sebelum, sesudah, kode).collect()
    area = _bandingkan_area(area_dasar.lazy(), area_baru, dasar_.bobot, tahun, wilayah.lazy()).collect()
    kenaikan_area, provinsi, tersentuh = pl.collect_all([
        _kenaikan_area(area.lazy(), dasar_.nama_area, tahun), _bandingkan_provinsi(dasar_.provinsi, sesudah, wilayah.lazy(), data.registri),
        _gabung_tersentuh(tersentuh, tersentuh_area, aksi, tahun, wilayah.lazy()),
    ])

    hitung = dict(tersentuh.group_by("aksi").len().rows())
    ringkas_aksi = pl.DataFrame({
        "nomor": list(range(1, len(aksi) + 1)),
        "jenis": [a.jenis for a in aksi],
        "keterangan": [a.keterangan("id") for a in aksi],
        "description": [a.keterangan("en") for a in aksi],
        "jumlah_item": [hitung.get(i, 0) for i in range(1, len(aksi) + 1)],
    }, schema={"nomor": pl.Int32, "jenis": pl.String, "keterangan": pl.String, "description": pl.String,
               "jumlah_item": pl.Int64})
    for i, a in enumerate(aksi, 1):
        if not hitung.get(i):
            peringatan.append((f"Aksi ke-{i} ({a.keterangan('id')}) tidak menyentuh apa pun di lingkup ini.",
                               f"Action {i} ({a.keterangan('en')}) touches nothing in this scope."))
    return HasilSimulasi(skenario, tahun, wilayah, area, kenaikan_area, provinsi, tersentuh, ringkas_aksi,
                         dasar_.bobot.filter(pl.col("tahun") == tahun), peringatan)


def skor_setelah_tutup(data, dasar_: Dasar, tahun: int, kode: list[str], tutup: pl.DataFrame) -> pl.DataFrame:
    """(kode_wilayah, indeks_sesudah) of the pemda ``kode`` after closing the items ``tutup``
    (kode_wilayah, sub_indikator[, dokumen]): the items become ``diterima`` with nilai 100 and the pemda
    are re-scored with the engine's functions (the planner uses this to report the index a plan reaches).
    With ``dokumen``, an item is that one document; without it (or where it is empty), the sub-indicator."""
    from mcsp_rules.hitung.skor import indeks_dari_area

    di_lingkup = (pl.col("tahun") == tahun) & pl.col("kode_wilayah").is_in(kode)
    rincian = data.rincian.filter(di_lingkup)
    kunci = ["kode_wilayah", "sub_indikator"]
    if "dokumen" in tutup.columns and "dokumen" in rincian.columns:
        kunci.append("dokumen")
    tanda = tutup.select(kunci).unique().with_columns(pl.lit(True).alias("_tutup"))
    rincian = (
        rincian
        .join(tanda, on=kunci, how="left", maintain_order="left", nulls_equal=True)
        .with_columns(
            pl.when(pl.col("_tutup")).then(pl.lit(STATUS_DITERIMA)).otherwise("status").alias("status"),
            pl.when(pl.col("_tutup")).then(pl.lit(100.0)).otherwise("nilai").alias("nilai"),
        )
        .drop("_tutup")
    )
    area = skor_area(rincian, data.ringkasan.filter(di_lingkup), data.registri)
    return indeks_dari_area(area, dasar_.bobot).select("kode_wilayah", pl.col("indeks").alias("indeks_sesudah")).collect()


def _peringatan_sub(rincian: pl.DataFrame, aksi: tuple[Aksi, ...]) -> list[tuple[str, str]]:
    dicari = {s for a in aksi for s in a.sub_indikator}
    if not dicari:
        return []
    ada = set(rincian.filter(pl.col("sub_indikator").is_in(list(dicari)))["sub_indikator"].unique().to_list())
    hasil = []
    for i, a in enumerate(aksi, 1):
        hilang = [s for s in a.sub_indikator if s not in ada]
        if hilang:
            hasil.append((f"Aksi ke-{i}: sub-indikator {', '.join(hilang)} tidak ada di data lingkup ini.",
                          f"Action {i}: sub-indicator {', '.join(hilang)} is not in the data of this scope."))
    return hasil


def _bandingkan_wilayah(sebelum: pl.LazyFrame, sesudah: pl.LazyFrame, kode: list[str]) -> pl.LazyFrame:
    kolom = ["indeks", "kategori", "lengkap", "peringkat_provinsi", "peringkat_nasional"]
    a = sebelum.filter(pl.col("kode_wilayah").is_in(kode)).select(
        "tahun", "kode_wilayah", "nama_wilayah", "kode_provinsi", "provinsi", "jenis_pemda",
        *[pl.col(k).alias(f"{k}_sebelum") for k in kolom], "jumlah_provinsi", "jumlah_nasional")
    b = sesudah.select("tahun", "kode_wilayah", *[pl.col(k).alias(f"{k}_sesudah") for k in kolom])
    return (
        a.join(b, on=["tahun", "kode_wilayah"], how="left")
        .with_columns((pl.col("indeks_sesudah") - pl.col("indeks_sebelum")).alias("selisih"))
        .select("tahun", "kode_wilayah", "nama_wilayah", "kode_provinsi", "provinsi", "jenis_pemda",
                "indeks_sebelum", "indeks_sesudah", "selisih", "kategori_sebelum", "kategori_sesudah",
                "peringkat_provinsi_sebelum", "peringkat_provinsi_sesudah", "jumlah_provinsi",
                "peringkat_nasional_sebelum", "peringkat_nasional_sesudah", "jumlah_nasional",
                "lengkap_sebelum", "lengkap_sesudah")
        .sort("kode_wilayah")
    )


def _bandingkan_area(area_lama: pl.LazyFrame, area_baru: pl.LazyFrame, bobot: pl.DataFrame, tahun: int,
                     wilayah: pl.LazyFrame) -> pl.LazyFrame:
    """Per pemda and area: score before/after and its contribution to the index change,
    w_area × Δskor / Σ w (defined when the index is complete before and after)."""
    kunci = ["tahun", "kode_wilayah", "area"]
    w, total = bobot_area(bobot, tahun)
    lengkap = wilayah.select("kode_wilayah", (pl.col("lengkap_sebelum") & pl.col("lengkap_sesudah")).alias("_lengkap"))
    return (
        # actions only change or add area scores, never remove one: the rows after cover those before
        area_baru.select(*kunci, pl.col("skor").alias("skor_sesudah"))
        .join(area_lama.select(*kunci, pl.col("skor").alias("skor_sebelum")), on=kunci, how="left")
        .select(*kunci, "skor_sebelum", "skor_sesudah")
        .join(lengkap, on="kode_wilayah", how="left")
        .with_columns(
            pl.when(pl.col("_lengkap"))
            .then(pl.col("area").replace_strict(w, default=None, return_dtype=pl.Float64) / total
                  * (pl.col("skor_sesudah") - pl.col("skor_sebelum")))
            .alias("kontribusi")
        )
        .drop("_lengkap")
        .sort(kunci)
    )


def _kenaikan_area(area: pl.LazyFrame, nama_area: pl.DataFrame, tahun: int) -> pl.LazyFrame:
    """Per area: the mean contribution over the pemda whose index is complete before and after (a
    complete pemda has every area, so the mean is over the same pemda for each area); for one pemda
    its contribution. These steps add up to the change of the scope's mean index."""
    return (
        area.group_by("area")
        .agg(pl.col("kontribusi").mean().fill_null(0.0).alias("kenaikan"))
        .join(nama_area.lazy().filter(pl.col("tahun") == tahun).drop("tahun"), on="area", how="left")
        .with_columns(pl.col("nama").fill_null(pl.col("area")), pl.col("name").fill_null(pl.col("area")))
        .select("area", "nama", "name", "kenaikan")
        .sort("area")
    )


def _bandingkan_provinsi(sebelum: pl.DataFrame, sesudah: pl.LazyFrame, wilayah: pl.LazyFrame, registri=None) -> pl.LazyFrame:
    """Provinces of the scope: the mean index of their pemda (skor.tabel_provinsi) before and after."""
    prov = wilayah.select("tahun", "kode_provinsi").unique()
    b = tabel_provinsi(sesudah.join(prov, on=["tahun", "kode_provinsi"], how="semi"), registri).select(
        "tahun", "kode_provinsi", pl.col("indeks").alias("indeks_sesudah"), pl.col("kategori").alias("kategori_sesudah"),
        pl.col("jumlah_pemda").alias("jumlah_pemda_sesudah"))
    return (
        sebelum.lazy().join(prov, on=["tahun", "kode_provinsi"], how="semi")
        .select("tahun", "kode_provinsi", "provinsi", pl.col("indeks").alias("indeks_sebelum"),
                pl.col("kategori").alias("kategori_sebelum"), pl.col("jumlah_pemda").alias("jumlah_pemda_sebelum"))
        .join(b, on=["tahun", "kode_provinsi"], how="left")
        .sort("kode_provinsi")
    )


def _gabung_tersentuh(item: pl.DataFrame, area: pl.DataFrame, aksi: tuple[Aksi, ...], tahun: int,
                      wilayah: pl.LazyFrame) -> pl.LazyFrame:
    """Items and area scores changed, one row each, with the action that changed them. An item's
    ``kenaikan`` is its exact index gain (the index is linear in item scores), null when the
    pemda's index is incomplete."""
    jenis = pl.LazyFrame({"aksi": list(range(1, len(aksi) + 1)), "jenis": [a.jenis for a in aksi]},
                         schema={"aksi": pl.Int32, "jenis": pl.String})
    lengkap = wilayah.select("kode_wilayah", pl.col("lengkap_sebelum").alias("_lengkap"))
    item = item.lazy().join(lengkap, on="kode_wilayah", how="left").with_columns(
        pl.when(pl.col("_lengkap")).then(pl.col("kenaikan")).alias("kenaikan")).drop("_lengkap")
    area = area.lazy().with_columns(pl.lit(tahun, dtype=pl.Int32).alias("tahun"), pl.lit(None, dtype=pl.Float64).alias("kenaikan"))
    kolom = ["aksi", "tahun", "kode_wilayah", "area", "indikator", "sub_indikator", "nama_sub_indikator", "status_sebelum",
             "nilai_sebelum", "skor_sebelum", "skor_sesudah", "kenaikan"]
    return (
        pl.concat([item, area], how="diagonal_relaxed")
        .join(jenis, on="aksi", how="left")
        # who acts: a document in verification is accepted by KPK's verifier, not by the pemda
        .with_columns(pl.when(pl.col("status_sebelum").is_not_null()).then(pihak_expr("status_sebelum")).alias("pihak"))
        .select("aksi", "jenis", *kolom[1:], "pihak")
        .sort("aksi", "kode_wilayah", "area", "sub_indikator", nulls_last=True)
    )
