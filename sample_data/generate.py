"""Generate the synthetic sample exports in sample_data/ (deterministic: the same files every run).

    python sample_data/generate.py        (from the repository root)
    python sample_data/generate.py --skala-nyata [--tahun 2025] [--output PATH]
                                          (a real-scale national year, one row per required document, ~362 000
                                          rows: not committed; sample_data/skala_nyata.py caches it on first use)

The data is SYNTHETIC, not KPK data. It is shaped to look like real MCP/MCSP exports and to match the
few published figures we have (shared/domain.md): the 2024 national area averages, Provinsi Bengkulu's
published 2024 scores, and the Kalimantan Tengah document counts of October 2025 (lintas10.com).
The area catalogues come from the built-in plugins (mcsp_rules/area/area_2023.py, mcsp_rules/area/area_2024_2025.py),
the pemda from mcsp_rules/data/wilayah/ (idn-area-data 3.1.2, ODbL): the outputs are a derived database
and stay under the ODbL.

How the numbers are made: each pemda has a latent quality (logit scale, a left-skewed distribution,
lower on average in Papua), plus a pemda×area effect and a difficulty per sub-indicator. An item is
accepted with probability sigmoid(area offset + those effects); each area offset is calibrated by
bisection so that the national mean of the area scores hits its target. The 2025 year is a snapshot
in progress (24 October 2025) drawn from the same pemda qualities, so 2024→2025 trends make sense.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import xlsxwriter

FOLDER = Path(__file__).resolve().parent
PLUGINS = FOLDER.parent / "mcsp_rules" / "area"
WILAYAH = FOLDER.parent / "mcsp_rules" / "data" / "wilayah"
SEED = 20251024

# Published national area averages, 2024 (domain.md); 2023 targets are ours, with mean 75 (published IPKD 2023).
TARGET_2024 = {
    "PERENCANAAN": 88, "PENGANGGARAN": 75, "PBJ": 68, "PELAYANAN_PUBLIK": 78,
    "APIP": 72, "ASN": 81, "BMD": 70, "PAJAK": 74,
}
TARGET_2023 = {
    "PERENCANAAN_PENGANGGARAN": 80, "PBJ": 70, "PERIZINAN": 79, "APIP": 71,
    "ASN": 77, "PAJAK": 72, "BMD": 67, "DESA": 84,
}
# Provinsi Bengkulu 2024 as KPK published it: area scores and the (not equally weighted) total.
BENGKULU = "17"
BENGKULU_2024 = {
    "PERENCANAAN": 100, "PENGANGGARAN": 72.29, "PBJ": 58.95, "PELAYANAN_PUBLIK": 81.33,
    "APIP": 84.15, "ASN": 81.72, "BMD": 84.94, "PAJAK": 78.48,
}
BENGKULU_2024_TOTAL = 76.15

# Kalimantan Tengah, MCSP 2025 (article of 24 October 2025). The detail rows add up exactly to these
# (proses verifikasi = 446 uploaded - 301 - 49 = 96); the summary's province row repeats the article's
# own figures, 98 included, so the validator has a real inconsistency to notice.
KALTENG = "62"
KALTENG_STATUS = {"diterima": 301, "proses verifikasi": 96, "perlu perbaikan": 49, "belum diunggah": 214}
KALTENG_ARTIKEL = {
    "dokumen_wajib": 660, "dokumen_diunggah": 446, "belum_diunggah": 214,
    "diterima": 301, "perlu_perbaikan": 49, "proses_verifikasi": 98,
}
# Kalteng has 15 pemda (the province, 13 kabupaten, 1 kota): 15 × 48 sub-indicators = 720 rows, but
# 660 documents are required, 44 per pemda. In the sample, six sub-indicators (one per area, each of
# weight 20) are conditional, required only when relevant: hibah/bansos given, PDN/UMK spending, an MPP
# running, a JPT vacancy, assets let out, hotel/restaurant taxpayers for tapping boxes. Each Kalteng
# pemda has four of them waived, every area stays present, and the waived weight is spread over the
# area's other sub-indicators (×1.25: 15 → 18,75), so weights still add up to 100 and scores are unchanged.
SUB_BERSYARAT = (
    "PENGANGGARAN.3.2", "PBJ.3.2", "PELAYANAN_PUBLIK.1.2", "ASN.1.2", "BMD.3.1", "PAJAK.2.1",
)

SNAPSHOT_2025 = date(2025, 10, 24)  # the day of the Kalteng article: 2025 is exported as of then
STATUS_BELUM, STATUS_PROSES, STATUS_PERBAIKAN, STATUS_DITERIMA = (
    "belum diunggah", "proses verifikasi", "perlu perbaikan", "diterima",
)
KOLOM = [
    "tahun", "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator", "nama_sub_indikator",
    "bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi",
]
KOLOM_RINGKAS = [k for k in KOLOM if k not in ("nama_wilayah", "nama_sub_indikator")]


# ---------------------------------------------------------------- inputs: plugins and region list


def muat_area(nama_file: str) -> tuple:
    """The AREAS of a plugin module, imported by file path (by path, so the generator runs without installing the package)."""
    spec = importlib.util.spec_from_file_location(f"sample_plugin_{Path(nama_file).stem}", PLUGINS / nama_file)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return tuple(modul.AREAS)


def katalog(areas: tuple, tahun: int) -> pl.DataFrame:
    """One row per sub-indicator of the year, in catalogue order (``urutan``)."""
    baris = [
        {"area": a.kode, "indikator": i.kode, "sub_indikator": s.kode, "nama_sub_indikator": s.nama,
         "bobot": float(s.bobot)}
        for a in areas if tahun in a.tahun for i in a.indikator for s in i.sub
    ]
    return pl.DataFrame(baris).with_row_index("urutan")


def nama_area(areas: tuple, tahun: int) -> dict[str, str]:
    return {a.kode: a.nama for a in areas if tahun in a.tahun}


def rapikan(nama: pl.Expr) -> pl.Expr:
    """'KABUPATEN ACEH SELATAN' → 'Kabupaten Aceh Selatan' (as mcsp_rules.wilayah writes names)."""
    return nama.str.to_titlecase().str.replace(r"^Dki ", "DKI ").str.replace(r"^Di ", "DI ")


def daftar_pemda() -> pl.DataFrame:
    """The 552 pemda: kode_wilayah, nama_wilayah, kode_provinsi, sorted by code."""
    prov = pl.read_csv(WILAYAH / "provinces.csv", schema={"code": pl.String, "name": pl.String})
    kab = pl.read_csv(
        WILAYAH / "regencies.csv", schema={"code": pl.String, "province_code": pl.String, "name": pl.String}
    )
    return pl.concat([
        prov.select(
            kode_wilayah="code", nama_wilayah="Provinsi " + rapikan(pl.col("name")), kode_provinsi="code"
        ),
        kab.select(kode_wilayah="code", nama_wilayah=rapikan(pl.col("name")), kode_provinsi="province_code"),
    ]).sort("kode_wilayah")


# ---------------------------------------------------------------- randomness (seeded per purpose)


def rng(tujuan: int) -> np.random.Generator:
    return np.random.default_rng([SEED, tujuan])


def kualitas_pemda(pemda: pl.DataFrame) -> pl.DataFrame:
    """Latent quality per pemda (logit scale): mostly good, a long tail of weak pemda; Papua lower."""
    g = rng(1)
    n = pemda.height
    dasar = g.normal(0.0, 0.75, n) - g.gamma(1.3, 0.75, n) + 0.95
    return pemda.with_columns(
        z=pl.Series(dasar)
        + pl.when(pl.col("kode_provinsi").str.starts_with("9")).then(-1.4)
        .when(pl.col("kode_provinsi").is_in(["53", "81", "82"])).then(-0.4)
        .otherwise(0.0),
        z_dua=pl.Series(g.normal(0.0, 0.3, n)),  # year-to-year change
        z_tiga=pl.Series(g.normal(0.0, 0.3, n)),
    )


def kerangka(pemda: pl.DataFrame, kat: pl.DataFrame, tujuan: int) -> pl.DataFrame:
    """pemda × catalogue rows, with a pemda×area effect, a sub-indicator difficulty and uniforms."""
    g = rng(tujuan)
    areas = kat.select("area").unique(maintain_order=True)
    efek_area = pemda.select("kode_wilayah").join(areas, how="cross")
    efek_area = efek_area.with_columns(e_area=pl.Series(g.normal(0.0, 0.75, efek_area.height)))
    kat = kat.with_columns(d_sub=pl.Series(g.normal(0.0, 0.4, kat.height)))
    df = (
        pemda.join(kat, how="cross")
        .join(efek_area, on=["kode_wilayah", "area"])
        .sort("kode_wilayah", "urutan")
    )
    n = df.height
    k = np.floor(g.exponential(1.0, n))
    return df.with_columns(
        u_terima=pl.Series(g.uniform(0, 1, n)),
        u_unggah=pl.Series(g.uniform(0, 1, n)),
        u_verif=pl.Series(g.uniform(0, 1, n)),
        u_perbaikan=pl.Series(g.uniform(0, 1, n)),
        u_kosong=pl.Series(g.uniform(0, 1, n)),
        u_tgl=pl.Series(g.uniform(0, 1, n)),
        hari_verif=pl.Series(g.integers(3, 46, n)),
        k_nilai=pl.Series(k),
        kunci=pl.Series(g.logistic(0.0, 1.0, n)),
    )


# ---------------------------------------------------------------- scoring (design.md §2)


def skor_item() -> pl.Expr:
    return pl.when(pl.col("status") == STATUS_DITERIMA).then(pl.col("nilai").fill_null(100.0)).otherwise(0.0)


def skor_area(df: pl.DataFrame) -> pl.DataFrame:
    """tahun, kode_wilayah, area, skor (full precision)."""
    return df.group_by("tahun", "kode_wilayah", "area").agg(
        skor=(pl.col("bobot") * skor_item()).sum() / pl.col("bobot").sum()
    )


def nilai_verifikator(z: str) -> pl.Expr:
    """The verifier's score of an accepted item: steps of 2.5 below 100 (better pemda lose fewer
    points), at least 40; almost half left empty, which means 100."""
    langkah = (pl.col("k_nilai") * (1.8 * (-0.35 * pl.col(z)).exp())).floor()
    return (
        pl.when(pl.col("u_kosong") < 0.45).then(None)
        .otherwise((100.0 - 2.5 * langkah).clip(40.0, 100.0))
    )


def kalibrasi(df: pl.DataFrame, logit: str, target: dict[str, float]) -> dict[str, float]:
    """Per-area offsets (bisection) so that the national mean area score ≈ target, given the draws."""
    bawah = {a: -10.0 for a in target}
    atas = {a: 10.0 for a in target}
    for _ in range(40):
        tengah = {a: (bawah[a] + atas[a]) / 2 for a in target}
        rata = dict(
            skor_area(status_final(df, logit, tengah)).group_by("area").agg(pl.col("skor").mean()).iter_rows()
        )
        for a in target:
            if rata[a] < target[a]:
                bawah[a] = tengah[a]
            else:
                atas[a] = tengah[a]
    return {a: (bawah[a] + atas[a]) / 2 for a in target}


def peluang(logit: str, offset: dict[str, float]) -> pl.Expr:
    x = pl.col(logit) + pl.col("area").replace_strict(offset, return_dtype=pl.Float64)
    return 1.0 / (1.0 + (-x).exp())


def status_final(df: pl.DataFrame, logit: str, offset: dict[str, float]) -> pl.DataFrame:
    """A finished year: accepted, else returned for revision (40 %) or never uploaded."""
    return df.with_columns(
        status=pl.when(pl.col("u_terima") < peluang(logit, offset)).then(pl.lit(STATUS_DITERIMA))
        .when(pl.col("u_perbaikan") < 0.4).then(pl.lit(STATUS_PERBAIKAN))
        .otherwise(pl.lit(STATUS_BELUM)),
        nilai=nilai_verifikator("z"),
    )


def tanggal(df: pl.DataFrame, mulai: date, akhir_unggah: date, akhir_verif: date) -> pl.DataFrame:
    """Upload dates within [mulai, akhir_unggah]; verification 3–45 days later, at most akhir_verif.
    Nothing for items not uploaded; no verification date for items still being verified."""
    rentang = (akhir_unggah - mulai).days
    unggah = pl.lit(mulai) + pl.duration(days=(pl.col("u_tgl") * rentang).floor().cast(pl.Int64))
    verif = pl.min_horizontal(unggah + pl.duration(days=pl.col("hari_verif")), pl.lit(akhir_verif))
    return df.with_columns(
        tanggal_unggah=pl.when(pl.col("status") != STATUS_BELUM).then(unggah),
        tanggal_verifikasi=pl.when(pl.col("status").is_in([STATUS_DITERIMA, STATUS_PERBAIKAN])).then(verif),
        nilai=pl.when(pl.col("status") == STATUS_DITERIMA).then(pl.col("nilai")),
    )


# ---------------------------------------------------------------- the three years


def tahun_2024(pemda: pl.DataFrame, kat: pl.DataFrame) -> pl.DataFrame:
    df = kerangka(pemda, kat, 24).with_columns(
        tahun=pl.lit(2024), logit=pl.col("z") + pl.col("e_area") + pl.col("d_sub")
    )
    offset = kalibrasi(df, "logit", TARGET_2024)
    df = status_final(df, "logit", offset)
    return tanggal(df, date(2024, 2, 1), date(2024, 11, 30), date(2024, 12, 31))


def tahun_2023(pemda: pl.DataFrame, kat: pl.DataFrame) -> pl.DataFrame:
    df = kerangka(pemda.with_columns(z=pl.col("z") - 0.1 + pl.col("z_tiga")), kat, 23).with_columns(
        tahun=pl.lit(2023), logit=pl.col("z") + pl.col("e_area") + pl.col("d_sub")
    )
    offset = kalibrasi(df, "logit", TARGET_2023)
    df = status_final(df, "logit", offset)
    return tanggal(df, date(2023, 3, 1), date(2023, 11, 30), date(2023, 12, 31))


def dibebaskan_kalteng(df: pl.DataFrame) -> pl.Expr:
    """True for the conditional rows waived in Kalteng, the same number per pemda, so that the
    province totals the article's 660 required documents."""
    kalteng = df.filter(pl.col("kode_provinsi") == KALTENG)
    n_pemda = kalteng["kode_wilayah"].n_unique()
    lebih = kalteng.height - sum(KALTENG_STATUS.values())
    assert lebih % n_pemda == 0 and lebih // n_pemda <= len(SUB_BERSYARAT), (lebih, n_pemda)
    bersyarat = (pl.col("kode_provinsi") == KALTENG) & pl.col("sub_indikator").is_in(SUB_BERSYARAT)
    urutan = pl.when(bersyarat).then(pl.col("u_perbaikan")).rank("ordinal").over("kode_wilayah")
    return bersyarat & (urutan <= lebih // n_pemda)


def tahun_2025(pemda: pl.DataFrame, kat: pl.DataFrame) -> pl.DataFrame:
    """A year in progress (snapshot 24 October 2025): about two thirds uploaded, most of those verified.
    Kalimantan Tengah is then set to the article's exact counts by ranking its items."""
    df = (
        kerangka(pemda.with_columns(z=pl.col("z") + 0.1 + pl.col("z_dua")), kat, 25)
        .with_columns(tahun=pl.lit(2025), logit=pl.col("z") + pl.col("e_area") + pl.col("d_sub"))
    )
    df = df.filter(~dibebaskan_kalteng(df)).with_columns(
        bobot=pl.col("bobot") * 100.0 / pl.col("bobot").sum().over("kode_wilayah", "area")  # 100 stays 100
    )
    # Of the items KPK has verified, a larger share is accepted than in a finished year, where most
    # non-accepted items were never uploaded at all: hence the offsets of 2024 plus 0.6.
    offset = {a: v + 0.6 for a, v in kalibrasi(df, "logit", TARGET_2024).items()}
    p_unggah = 1.0 / (1.0 + (-(0.75 + 0.6 * pl.col("z"))).exp())
    status_nasional = (
        pl.when(pl.col("u_unggah") >= p_unggah).then(pl.lit(STATUS_BELUM))
        .when(pl.col("u_verif") >= 0.8).then(pl.lit(STATUS_PROSES))
        .when(pl.col("u_terima") < peluang("logit", offset)).then(pl.lit(STATUS_DITERIMA))
        .otherwise(pl.lit(STATUS_PERBAIKAN))
    )
    # Kalteng: rank its items by propensity plus logistic noise; the best 301 are accepted, the next
    # 145 uploaded (96 being verified, 49 returned, at random), the last 214 not uploaded.
    n = KALTENG_STATUS
    diunggah = n[STATUS_DITERIMA] + n[STATUS_PROSES] + n[STATUS_PERBAIKAN]
    peringkat = (0.7 * pl.col("logit") + pl.col("kunci")).rank("ordinal", descending=True).over("kode_provinsi")
    peringkat_tengah = pl.col("u_verif").rank("ordinal").over("kode_provinsi", "tengah")
    status_kalteng = (
        pl.when(pl.col("peringkat") <= n[STATUS_DITERIMA]).then(pl.lit(STATUS_DITERIMA))
        .when(pl.col("peringkat") > diunggah).then(pl.lit(STATUS_BELUM))
        .when(peringkat_tengah <= n[STATUS_PROSES]).then(pl.lit(STATUS_PROSES))
        .otherwise(pl.lit(STATUS_PERBAIKAN))
    )
    df = (
        df.with_columns(peringkat=peringkat)
        .with_columns(tengah=pl.col("peringkat").is_between(n[STATUS_DITERIMA] + 1, diunggah))
        .with_columns(
            status=pl.when(pl.col("kode_provinsi") == KALTENG).then(status_kalteng).otherwise(status_nasional),
            nilai=nilai_verifikator("z"),
        )
    )
    # Uploaded between February and mid-October; items still being verified came in since June.
    kemarin = SNAPSHOT_2025 - timedelta(days=1)
    df = tanggal(df, date(2025, 2, 1), date(2025, 10, 10), kemarin)
    sejak = date(2025, 6, 1)
    proses_unggah = pl.lit(sejak) + pl.duration(
        days=(pl.col("u_tgl") * (kemarin - sejak).days).floor().cast(pl.Int64)
    )
    return df.with_columns(
        tanggal_unggah=pl.when(pl.col("status") == STATUS_PROSES).then(proses_unggah)
        .otherwise(pl.col("tanggal_unggah"))
    )


# ---------------------------------------------------------------- writing


def angka(kolom: str, koma: bool) -> pl.Expr:
    """A number as export text: no trailing '.0', decimal comma when asked ('12,5')."""
    teks = pl.col(kolom).cast(pl.String).str.replace(r"\.0$", "")
    return (teks.str.replace(".", ",", literal=True) if koma else teks).alias(kolom)


def tulis_csv_id(df: pl.DataFrame, path: Path, kolom_angka: list[str]) -> None:
    """As an Indonesian Excel writes CSV: ';', decimal comma, DD/MM/YYYY dates, UTF-8 with BOM."""
    df = df.with_columns(
        [angka(k, koma=True) for k in kolom_angka]
        + [pl.col(k).dt.strftime("%d/%m/%Y") for k, t in df.schema.items() if t == pl.Date]
    )
    df.write_csv(path, separator=";", include_bom=True)


def ringkasan_lebar(skor: pl.DataFrame, urutan_area: list[str], header: dict[str, str]) -> pl.DataFrame:
    """tahun, kode_wilayah, one column per area (rounded to 2 decimals), skor_total = plain mean."""
    lebar = skor.pivot(on="area", index=["tahun", "kode_wilayah"], values="skor").select(
        "tahun", "kode_wilayah", *urutan_area
    )
    return (
        lebar.with_columns(pl.col(a).round(2) for a in urutan_area)
        .with_columns(skor_total=pl.mean_horizontal(urutan_area).round(2))
        .sort("kode_wilayah")
        .rename(header)
    )


def kecilkan_zip(path: Path) -> None:
    """Recompress an XLSX at the highest zip level (xlsxwriter uses the default; saves ~5 %)."""
    with zipfile.ZipFile(path) as z:
        isi = [(i, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info, data in isi:
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    path.write_bytes(buf.getvalue())


def hitung_dokumen() -> list[pl.Expr]:
    s = pl.col("status")
    return [
        pl.len().alias("dokumen_wajib"),
        (s != STATUS_BELUM).sum().alias("dokumen_diunggah"),
        (s == STATUS_BELUM).sum().alias("belum_diunggah"),
        (s == STATUS_DITERIMA).sum().alias("diterima"),
        (s == STATUS_PERBAIKAN).sum().alias("perlu_perbaikan"),
        (s == STATUS_PROSES).sum().alias("proses_verifikasi"),
    ]


# ---------------------------------------------------------------- real scale: one row per required document
# design.md §1a with a `dokumen` column: rows unique per (tahun, kode_wilayah, sub_indikator, dokumen), `bobot`
# the document's share of its area. About 660 required documents per pemda as in 2025 (domain.md: Kalteng 660,
# Gorontalo 658; PBJ alone 108): 552 pemda × ~656 ≈ 362 000 rows a year. Not committed (≈ 40 MB): generated on
# first use and cached by sample_data/skala_nyata.py, or written by `generate.py --skala-nyata`.
# Bump SKALA_NYATA_VERSI when the output changes for a reason the source hash cannot see.
SKALA_NYATA_VERSI = 1
# Required documents per area, 660 in all; PBJ the largest (108). The 2023 areas for the three-year benchmark
# (kabupaten only have DESA, so provinces and kota have 660 - 76 = 584).
DOKUMEN_AREA = {
    2025: {"PERENCANAAN": 80, "PENGANGGARAN": 84, "PBJ": 108, "PELAYANAN_PUBLIK": 82,
           "APIP": 78, "ASN": 76, "BMD": 80, "PAJAK": 72},
    2023: {"PERENCANAAN_PENGANGGARAN": 90, "PBJ": 108, "PERIZINAN": 76, "APIP": 78,
           "ASN": 76, "PAJAK": 76, "BMD": 80, "DESA": 76},
}
DOKUMEN_AREA[2024] = DOKUMEN_AREA[2025]
# Status shares of Kalimantan Tengah's October 2025 counts (the consistent reading, 96 in verification):
# uploaded 446 of 660, of those 96 still being verified, and of the 350 verified 301 accepted.
P_UNGGAH = (660 - KALTENG_STATUS[STATUS_BELUM]) / 660
P_PROSES = KALTENG_STATUS[STATUS_PROSES] / (660 - KALTENG_STATUS[STATUS_BELUM])
P_TERIMA = KALTENG_STATUS[STATUS_DITERIMA] / (KALTENG_STATUS[STATUS_DITERIMA] + KALTENG_STATUS[STATUS_PERBAIKAN])
WAIVER_MAKS = 8  # conditional documents a pemda may be spared (0-8: 652-660 documents); never Provinsi Kalteng
KOLOM_DOKUMEN_NASIONAL = [*KOLOM_RINGKAS[:5], "dokumen", *KOLOM_RINGKAS[5:]]


def bagi_sisa_terbesar(total: int, bobot: list[float]) -> list[int]:
    """``total`` split in proportion to ``bobot`` (largest remainder, ties by order), at least 1 each."""
    kuota = [total * b / sum(bobot) for b in bobot]
    n = [max(1, int(q)) for q in kuota]
    for i in sorted(range(len(bobot)), key=lambda i: (n[i] - kuota[i], i))[: total - sum(n)]:
        n[i] += 1
    return n


def katalog_dokumen(kat: pl.DataFrame, tahun: int) -> pl.DataFrame:
    """The catalogue expanded to its documents: each area's count split over its sub-indicators by weight."""
    jumlah = DOKUMEN_AREA[tahun]
    baris = []
    for (area,), sub in kat.group_by("area", maintain_order=True):
        n = bagi_sisa_terbesar(jumlah[area], sub["bobot"].to_list())
        for r, k in zip(sub.iter_rows(named=True), n):
            baris += [{**r, "dokumen": f"D{j:02d}", "n_dokumen": k} for j in range(1, k + 1)]
    return pl.DataFrame(baris).with_row_index("urutan_dokumen")


def geser_peluang(p: "np.ndarray", target: float, w: "np.ndarray | None" = None) -> float:
    """The offset a with the (``w``-weighted) mean of sigmoid(p + a) = target (bisection on the expected
    share, not on the draws)."""
    bawah, atas = -15.0, 15.0
    for _ in range(50):
        a = (bawah + atas) / 2
        if np.average(1.0 / (1.0 + np.exp(-(p + a))), weights=w) < target:
            bawah = a
        else:
            atas = a
    return (bawah + atas) / 2


def skala_nyata(pemda: pl.DataFrame, kat: pl.DataFrame, tahun: int = 2025) -> pl.DataFrame:
    """A national year at document level, a snapshot in progress (24 October of the year) whose national
    status shares are Kalteng's of October 2025; Provinsi Kalimantan Tengah (62) itself has exactly 660
    documents with exactly 301 accepted, 96 in verification, 49 returned and 214 not uploaded."""
    g = rng(3000 + tahun)
    dok = katalog_dokumen(kat, tahun)
    areas = dok.select("area").unique(maintain_order=True)
    efek_area = pemda.select("kode_wilayah").join(areas, how="cross")
    efek_area = efek_area.with_columns(e_area=pl.Series(g.normal(0.0, 0.75, efek_area.height)))
    sub = dok.select("sub_indikator").unique(maintain_order=True)
    sub = sub.with_columns(d_sub=pl.Series(g.normal(0.0, 0.4, sub.height)))
    pemda = pemda.with_columns(
        z=pl.col("z") + 0.1 + pl.col("z_dua"),
        n_waiver=pl.when(pl.col("kode_wilayah") == KALTENG).then(0)
        .otherwise(pl.Series(g.integers(0, WAIVER_MAKS + 1, pemda.height))),
        desa=pl.col("kode_wilayah").str.contains(".", literal=True) & ~pl.col("nama_wilayah").str.starts_with("Kota "),
    )
    df = (
        pemda.join(dok.join(sub, on="sub_indikator"), how="cross")
        .filter((pl.col("area") != "DESA") | pl.col("desa"))
        .join(efek_area, on=["kode_wilayah", "area"])
        .sort("kode_wilayah", "urutan_dokumen")
    )
    n = df.height
    df = df.with_columns(
        tahun=pl.lit(tahun),
        u_waiver=pl.Series(g.uniform(0, 1, n)),
        u_terima=pl.Series(g.uniform(0, 1, n)),
        u_unggah=pl.Series(g.uniform(0, 1, n)),
        u_verif=pl.Series(g.uniform(0, 1, n)),
        u_kosong=pl.Series(g.uniform(0, 1, n)),
        u_tgl=pl.Series(g.uniform(0, 1, n)),
        hari_verif=pl.Series(g.integers(3, 46, n)),
        k_nilai=pl.Series(np.floor(g.exponential(1.0, n))),
        kunci=pl.Series(g.logistic(0.0, 1.0, n)),
        d_dok=pl.Series(g.normal(0.0, 0.3, n)),
    )
    # Conditional documents waived: the pemda's n_waiver lowest draws among its conditional sub-indicators'.
    bersyarat = pl.col("sub_indikator").is_in(SUB_BERSYARAT)
    urutan = pl.when(bersyarat).then(pl.col("u_waiver")).rank("ordinal").over("kode_wilayah")
    df = df.filter(~(bersyarat & (urutan <= pl.col("n_waiver"))))
    # bobot: the sub-indicator's weight shared by its remaining documents, 4 decimals, the rounding put on the
    # area's last document so that an area's weights add up to exactly 100.
    bobot = (pl.col("bobot") / pl.len().over("kode_wilayah", "sub_indikator")).round(4)
    df = df.with_columns(bobot=bobot).with_columns(
        bobot=pl.when(pl.int_range(pl.len()).over("kode_wilayah", "area") == pl.len().over("kode_wilayah", "area") - 1)
        .then((pl.col("bobot") + 100.0 - pl.col("bobot").sum().over("kode_wilayah", "area")).round(4))
        .otherwise(pl.col("bobot")),
        logit=pl.col("z") + pl.col("e_area") + pl.col("d_sub") + pl.col("d_dok"),
    )
    # National shares as Kalteng's: offsets calibrated on the expected shares.
    x_unggah = (0.6 * df["z"] + 0.3 * df["e_area"]).to_numpy()
    a_unggah = geser_peluang(x_unggah, P_UNGGAH)
    # accepted among the verified: weighted by the chance of being uploaded (better pemda upload more)
    a_terima = geser_peluang(df["logit"].to_numpy(), P_TERIMA, 1.0 / (1.0 + np.exp(-(a_unggah + x_unggah))))
    p_unggah = 1.0 / (1.0 + (-(a_unggah + 0.6 * pl.col("z") + 0.3 * pl.col("e_area"))).exp())
    p_terima = 1.0 / (1.0 + (-(a_terima + pl.col("logit"))).exp())
    status_nasional = (
        pl.when(pl.col("u_unggah") >= p_unggah).then(pl.lit(STATUS_BELUM))
        .when(pl.col("u_verif") < P_PROSES).then(pl.lit(STATUS_PROSES))
        .when(pl.col("u_terima") < p_terima).then(pl.lit(STATUS_DITERIMA))
        .otherwise(pl.lit(STATUS_PERBAIKAN))
    )
    # Provinsi Kalteng: its documents ranked by propensity plus logistic noise, as in tahun_2025().
    k = KALTENG_STATUS
    diunggah = k[STATUS_DITERIMA] + k[STATUS_PROSES] + k[STATUS_PERBAIKAN]
    kalteng = pl.col("kode_wilayah") == KALTENG
    peringkat = pl.when(kalteng).then(0.7 * pl.col("logit") + pl.col("kunci")).rank("ordinal", descending=True)
    df = df.with_columns(peringkat=peringkat).with_columns(
        tengah=kalteng & pl.col("peringkat").is_between(k[STATUS_DITERIMA] + 1, diunggah)
    )
    peringkat_tengah = pl.when(pl.col("tengah")).then(pl.col("u_verif")).rank("ordinal")
    status_kalteng = (
        pl.when(pl.col("peringkat") <= k[STATUS_DITERIMA]).then(pl.lit(STATUS_DITERIMA))
        .when(pl.col("peringkat") > diunggah).then(pl.lit(STATUS_BELUM))
        .when(peringkat_tengah <= k[STATUS_PROSES]).then(pl.lit(STATUS_PROSES))
        .otherwise(pl.lit(STATUS_PERBAIKAN))
    )
    df = df.with_columns(
        status=pl.when(kalteng).then(status_kalteng).otherwise(status_nasional),
        nilai=nilai_verifikator("z"),
    )
    kemarin = date(tahun, 10, 23)
    df = tanggal(df, date(tahun, 2, 1), date(tahun, 10, 10), kemarin)
    sejak = date(tahun, 6, 1)
    proses_unggah = pl.lit(sejak) + pl.duration(days=(pl.col("u_tgl") * (kemarin - sejak).days).floor().cast(pl.Int64))
    return df.with_columns(
        tanggal_unggah=pl.when(pl.col("status") == STATUS_PROSES).then(proses_unggah)
        .otherwise(pl.col("tanggal_unggah"))
    ).sort("kode_wilayah", "urutan_dokumen")


def tulis_skala_nyata(path: Path, tahun: int = 2025) -> Path:
    """Write the real-scale national year as an Indonesian Excel export (';', decimal comma, BOM)."""
    areas = muat_area("area_2023.py") if tahun == 2023 else muat_area("area_2024_2025.py")
    df = skala_nyata(kualitas_pemda(daftar_pemda()), katalog(areas, tahun), tahun)
    tulis_csv_id(df.select(KOLOM_DOKUMEN_NASIONAL), path, ["bobot", "nilai"])
    return path


def cli(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--skala-nyata", action="store_true",
                    help="write the real-scale national year (one row per document, ~362 000 rows) instead of the "
                         "committed sample files")
    ap.add_argument("--tahun", type=int, default=2025, choices=sorted(DOKUMEN_AREA), help="with --skala-nyata")
    ap.add_argument("--output", type=Path, help="with --skala-nyata: the file to write (default: the user cache, "
                                                 "as sample_data/skala_nyata.py keeps it)")
    args = ap.parse_args(argv)
    if not args.skala_nyata:
        main()
        return
    if args.output is None:
        import skala_nyata as cache  # beside this file: sys.path[0] when run as a script

        path = cache.path_skala_nyata(args.tahun)
    else:
        path = tulis_skala_nyata(args.output, args.tahun)
    print(f"{path}  {path.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    area_2023 = muat_area("area_2023.py")
    area_2425 = muat_area("area_2024_2025.py")
    pemda = kualitas_pemda(daftar_pemda())
    nama = pemda.select("kode_wilayah", "nama_wilayah")

    # 2024: a finished year, comma-separated with dot decimals.
    kat24 = katalog(area_2425, 2024)
    d24 = tahun_2024(pemda, kat24)
    d24.select(KOLOM_RINGKAS).with_columns(angka("bobot", False), angka("nilai", False)).write_csv(
        FOLDER / "rincian_nasional_2024.csv"
    )

    # 2024 wide summary, area codes as headers; Bengkulu carries KPK's published figures.
    urutan24 = list(nama_area(area_2425, 2024))
    lebar = ringkasan_lebar(skor_area(d24), urutan24, {})
    lebar = lebar.with_columns(
        *[pl.when(pl.col("kode_wilayah") == BENGKULU).then(pl.lit(v)).otherwise(pl.col(a)).alias(a)
          for a, v in BENGKULU_2024.items()],
        skor_total=pl.when(pl.col("kode_wilayah") == BENGKULU).then(pl.lit(BENGKULU_2024_TOTAL))
        .otherwise(pl.col("skor_total")),
    )
    lebar.join(nama, on="kode_wilayah").select(
        "tahun", "kode_wilayah", "nama_wilayah", *urutan24, "skor_total"
    ).with_columns([angka(k, False) for k in [*urutan24, "skor_total"]]).write_csv(
        FOLDER / "ringkasan_nasional_2024_lebar.csv"
    )

    # 2025: in progress; the national file the way an Indonesian Excel export looks.
    d25 = tahun_2025(pemda, katalog(area_2425, 2025))
    tulis_csv_id(d25.select(KOLOM_RINGKAS), FOLDER / "rincian_nasional_2025.csv", ["bobot", "nilai"])

    # Kalimantan Tengah 2025: the same rows, with names.
    k25 = d25.filter(pl.col("kode_provinsi") == KALTENG)
    tulis_csv_id(k25.select(KOLOM), FOLDER / "rincian_kalteng_2025.csv", ["bobot", "nilai"])

    # Kalimantan Tengah summary: area scores (Indonesian names as headers) and document counts;
    # the province row repeats the article's province-wide counts (inconsistent on purpose).
    nama25 = nama_area(area_2425, 2025)
    urutan25 = list(nama25)
    ring = (
        ringkasan_lebar(skor_area(k25), urutan25, nama25)
        .join(k25.group_by("kode_wilayah").agg(hitung_dokumen()), on="kode_wilayah")
        .with_columns(
            [pl.when(pl.col("kode_wilayah") == KALTENG).then(pl.lit(v)).otherwise(pl.col(k)).alias(k)
             for k, v in KALTENG_ARTIKEL.items()]
        )
        .join(nama, on="kode_wilayah")
        .select("tahun", "kode_wilayah", "nama_wilayah", *nama25.values(), "skor_total", *KALTENG_ARTIKEL)
        .sort("kode_wilayah")
    )
    tulis_csv_id(ring, FOLDER / "ringkasan_kalteng_2025.csv", [*nama25.values(), "skor_total"])

    # 2023: an XLSX whose first sheet is "Rincian".
    d23 = tahun_2023(pemda, katalog(area_2023, 2023))
    with xlsxwriter.Workbook(FOLDER / "rincian_nasional_2023.xlsx") as wb:
        wb.set_properties({"created": datetime(2024, 1, 31)})  # fixed, so every run writes the same bytes
        d23.select(KOLOM_RINGKAS).write_excel(
            wb,
            worksheet="Rincian",
            dtype_formats={pl.Float64: "General", pl.Date: "dd/mm/yyyy"},
            autofilter=False,
        )
    kecilkan_zip(FOLDER / "rincian_nasional_2023.xlsx")

    for f in sorted(FOLDER.glob("r*_*.*")):
        print(f"{f.name:36s} {f.stat().st_size / 1e6:6.2f} MB")


if __name__ == "__main__":
    cli()
