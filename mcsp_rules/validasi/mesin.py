"""Validation: text frames → typed frames + a report in which nothing is lost.

The core's rules and every plugin's rules are ``kit.Aturan`` (a Polars condition, a level, messages)
compiled into ONE pandera schema per kind of export and run lazily over all files at once, so every
problem is found in one pass (and pandera's per-call overhead is paid once, not per area). We do the
setting-aside ourselves from ``failure_cases`` (never ``drop_invalid_rows``) so that for every file
read = used + set aside, and we map pandera's 0-based positions to the spreadsheet's row numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import polars as pl

from mcsp_rules.galat import MCSPError
from mcsp_rules.io import urai
from mcsp_rules.io.baca import (
    KOLOM_BARIS,
    KOLOM_FILE,
    KOLOM_RINCIAN_WAJIB,
    KOLOM_RINGKASAN_WAJIB,
    BacaanFile,
)
from mcsp_rules.model import STATUS
from mcsp_rules.plugin.kit import Aturan
from mcsp_rules.plugin.registri import Registri
from mcsp_rules.wilayah import daftar_wilayah

INTI = "inti"  # the source label of the core's own rules
_POS = "_pos"
TINGKAT_GALAT, TINGKAT_PERINGATAN = "galat", "peringatan"
_FORMAT = "_format"  # csv | xlsx, per row: some readings are only ambiguous in text files

KOLOM_RINCIAN = ("tahun", "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator",
                 "nama_sub_indikator", "bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi")
from mcsp_rules.model import KOLOM_DOKUMEN  # noqa: E402

SKEMA_TEMUAN = {
    "file": pl.String, "baris": pl.Int64, "kolom": pl.String, "nilai": pl.String, "tingkat": pl.String,
    "kode": pl.String, "pesan": pl.String, "message": pl.String, "saran": pl.String, "fix": pl.String,
    "sumber": pl.String,
}


@dataclass
class Laporan:
    """The validation report: every finding, and per file how many rows were read, used, set aside."""

    temuan: pl.DataFrame
    per_file: pl.DataFrame  # file, format, jenis, dibaca, dipakai, disisihkan, berperingatan
    disisihkan: pl.DataFrame  # file, baris, alasan, reason, then the row's cells as text
    file_gagal: list[dict] = field(default_factory=list)  # {file, pesan, message}

    @property
    def dibaca(self) -> int:
        return int(self.per_file["dibaca"].sum())

    @property
    def dipakai(self) -> int:
        return int(self.per_file["dipakai"].sum())

    @property
    def jumlah_disisihkan(self) -> int:
        return int(self.per_file["disisihkan"].sum())

    @property
    def jumlah_galat(self) -> int:
        return self.temuan.filter(pl.col("tingkat") == TINGKAT_GALAT).height

    @property
    def jumlah_peringatan(self) -> int:
        return self.temuan.filter(pl.col("tingkat") == TINGKAT_PERINGATAN).height

    @property
    def bersih(self) -> bool:
        return self.jumlah_galat == 0 and not self.file_gagal


@dataclass(frozen=True)
class _Cek:
    """A rule bound to the rows it applies to: all rows (core) or those of some (tahun, area) pairs."""

    nama: str  # unique pandera check name
    aturan: Aturan
    sumber: str
    berlaku: tuple[tuple[int, str], ...] | None = None

    def ekspresi(self) -> pl.Expr:
        ok = self.aturan.syarat.fill_null(True)
        if self.berlaku is None:
            return ok
        cocok = pl.lit(False)
        for tahun, area in self.berlaku:
            cocok = cocok | ((pl.col("tahun") == tahun) & (pl.col("area") == area))
        return ~cocok.fill_null(False) | ok


# ------------------------------------------------------------------------------------ core rules
def _wajib(kolom: str, nama: str, name: str) -> Aturan:
    return Aturan(
        kode=f"{kolom}_kosong", kolom=kolom, syarat=pl.col(f"_teks_{kolom}").is_not_null(),
        pesan=f"{nama} kosong.", message=f"{name} is empty.",
        saran=f"Isi kolom {kolom}.", fix=f"Fill in column {kolom}.",
    )


def _terbaca(kolom: str, apa: str, what: str, contoh: str) -> Aturan:
    return Aturan(
        kode=f"{kolom}_format", kolom=kolom,
        syarat=pl.col(f"_teks_{kolom}").is_null() | pl.col(kolom).is_not_null(),
        pesan=f"'{{nilai}}' bukan {apa}.", message=f"'{{nilai}}' is not {what}.",
        saran=f"Tulis sebagai {contoh}.", fix=f"Write it as {contoh}.",
    )


def _aturan_umum(registri: Registri) -> list[Aturan]:
    tahun_aktif = registri.tahun()
    daftar_tahun = ", ".join(map(str, tahun_aktif)) or "-"
    return [
        Aturan(kode="sel_berlebih", kolom=None, syarat=pl.col("_selisih_sel") <= 0,
               pesan="Baris ini punya lebih banyak sel daripada header ({_selisih_sel} sel lebih); isinya bisa bergeser kolom.",
               message="This row has more cells than the header ({_selisih_sel} extra); its values may be in the wrong columns.",
               saran="Periksa pemisah (koma/titik koma) atau tanda kutip di baris ini.",
               fix="Check the separators (comma/semicolon) or quotes in this row."),
        Aturan(kode="sel_kurang", kolom=None, syarat=pl.col("_selisih_sel") >= 0, tingkat=TINGKAT_PERINGATAN,
               pesan="Baris ini punya lebih sedikit sel daripada header; sel yang tidak ada dianggap kosong.",
               message="This row has fewer cells than the header; the missing cells are taken as empty.",
               saran="Periksa apakah ada pemisah yang hilang di baris ini.",
               fix="Check whether a separator is missing in this row."),
        _wajib("tahun", "Tahun", "Year"),
        _terbaca("tahun", "tahun yang valid", "a valid year", "empat angka, mis. 2025"),
        Aturan(kode="tahun_rentang", kolom="tahun", syarat=pl.col("tahun").is_between(2019, 2030),
               pesan="Tahun {nilai} di luar rentang 2019–2030.", message="Year {nilai} is outside 2019–2030.",
               saran="Periksa kolom tahun.", fix="Check the year column."),
        Aturan(kode="tahun_tanpa_plugin", kolom="tahun",
               syarat=pl.col("tahun").is_in(tahun_aktif) | ~pl.col("tahun").is_between(2019, 2030),
               pesan=f"Tidak ada plugin area yang aktif untuk tahun {{nilai}} (tahun yang didukung: {daftar_tahun}).",
               message=f"No active area plugin covers year {{nilai}} (supported years: {daftar_tahun}).",
               saran="Pasang plugin aturan untuk tahun itu (lihat halaman Aturan).",
               fix="Install a rules plugin for that year (see the Rules page)."),
        _wajib("kode_wilayah", "Kode wilayah", "Region code"),
        Aturan(kode="kode_wilayah_dikenal", kolom="kode_wilayah",
               syarat=pl.col("_teks_kode_wilayah").is_null() | pl.col("kode_provinsi").is_not_null(),
               pesan="Kode wilayah '{nilai}' tidak ada di daftar wilayah Kemendagri.",
               message="Region code '{nilai}' is not in the Kemendagri region list.",
               saran="Gunakan kode Kemendagri: '62' untuk provinsi, '62.03' untuk kabupaten/kota.",
               fix="Use the Kemendagri code: '62' for a province, '62.03' for a regency/city."),
        _wajib("area", "Area", "Area"),
        Aturan(kode="area_dikenal", kolom="area",
               syarat=pl.col("_teks_area").is_null() | pl.col("area").is_not_null()
               | ~pl.col("tahun").is_in(tahun_aktif),
               pesan="Area '{nilai}' tidak dikenal untuk tahun {tahun}.",
               message="Area '{nilai}' is unknown for year {tahun}.",
               saran="Gunakan kode atau nama area yang dideklarasikan plugin untuk tahun itu (lihat halaman Aturan).",
               fix="Use an area code or name a plugin declares for that year (see the Rules page)."),
    ]


def _aturan_rincian(registri: Registri) -> list[Aturan]:
    status_valid = ", ".join(STATUS)
    return _aturan_umum(registri) + [
        _wajib("sub_indikator", "Sub-indikator", "Sub-indicator"),
        _wajib("bobot", "Bobot", "Weight"),
        _terbaca("bobot", "angka", "a number", "angka desimal, mis. 12,5"),
        Aturan(kode="bobot_titik_ambigu", kolom="bobot", tingkat=TINGKAT_PERINGATAN,
               # In a CSV, '1.500' may be a decimal point (1,5) or an Indonesian thousands dot (1500),
               # and the two readings give weights a thousand times apart. XLSX numbers carry no such doubt.
               syarat=(pl.col(_FORMAT) != "csv") | ~pl.col("_teks_bobot").str.contains(r"^\s*[-+]?\d{1,3}\.\d{3}\s*$"),
               pesan="Bobot '{nilai}' dibaca dengan titik sebagai tanda desimal, padahal titik juga bisa berarti ribuan.",
               message="Weight '{nilai}' is read with the dot as a decimal point, but a dot may also group thousands.",
               saran="Jika maksudnya ribuan, tulis tanpa titik (mis. 1500); jika desimal, tulis dengan koma (mis. 1,5).",
               fix="If you mean thousands, write it without the dot (e.g. 1500); if a decimal, use a comma (e.g. 1,5)."),
        Aturan(kode="bobot_positif", kolom="bobot", syarat=pl.col("bobot") > 0,
               pesan="Bobot {nilai} harus lebih dari 0.", message="Weight {nilai} must be greater than 0.",
               saran="Isi bobot sub-indikator sesuai ketentuan KPK.", fix="Enter the sub-indicator weight KPK sets."),
        _wajib("status", "Status", "Status"),
        Aturan(kode="status_dikenal", kolom="status",
               syarat=pl.col("_teks_status").is_null() | pl.col("status").is_not_null(),
               pesan="Status '{nilai}' tidak dikenal.", message="Status '{nilai}' is not a known status.",
               saran=f"Gunakan salah satu: {status_valid}.", fix=f"Use one of: {status_valid}."),
        _terbaca("nilai", "angka", "a number", "angka 0–100, mis. 87,5"),
        Aturan(kode="nilai_rentang", kolom="nilai", syarat=pl.col("nilai").is_between(0, 100),
               pesan="Nilai {nilai} di luar rentang 0–100.", message="Score {nilai} is outside 0–100.",
               saran="Nilai verifikasi harus 0 sampai 100; kosongkan jika diterima penuh.",
               fix="A verification score is 0 to 100; leave it empty for a full acceptance."),
        Aturan(kode="tanggal_unggah_format", kolom="tanggal_unggah", tingkat=TINGKAT_PERINGATAN,
               syarat=pl.col("_teks_tanggal_unggah").is_null() | pl.col("tanggal_unggah").is_not_null(),
               pesan="Tanggal unggah '{nilai}' tidak dikenali; baris tetap dihitung.",
               message="Upload date '{nilai}' is not a date; the row is still scored.",
               saran="Tulis tanggal sebagai 2025-11-30 atau 30/11/2025.", fix="Write dates as 2025-11-30 or 30/11/2025."),
        Aturan(kode="tanggal_verifikasi_format", kolom="tanggal_verifikasi", tingkat=TINGKAT_PERINGATAN,
               syarat=pl.col("_teks_tanggal_verifikasi").is_null() | pl.col("tanggal_verifikasi").is_not_null(),
               pesan="Tanggal verifikasi '{nilai}' tidak dikenali; baris tetap dihitung.",
               message="Verification date '{nilai}' is not a date; the row is still scored.",
               saran="Tulis tanggal sebagai 2025-11-30 atau 30/11/2025.", fix="Write dates as 2025-11-30 or 30/11/2025."),
        Aturan(kode="tanggal_urutan", kolom="tanggal_verifikasi", tingkat=TINGKAT_PERINGATAN,
               syarat=pl.col("tanggal_verifikasi") >= pl.col("tanggal_unggah"),
               pesan="Tanggal verifikasi {nilai} lebih awal dari tanggal unggah {tanggal_unggah}.",
               message="Verification date {nilai} is before the upload date {tanggal_unggah}.",
               saran="Periksa kedua tanggal.", fix="Check both dates."),
        Aturan(kode="sub_indikator_ganda", kolom="sub_indikator",
               syarat=pl.struct("tahun", "kode_wilayah", "sub_indikator").is_first_distinct(),
               pesan="Sub-indikator {nilai} sudah ada untuk wilayah dan tahun ini; yang pertama dipakai.",
               message="Sub-indicator {nilai} already appears for this region and year; the first one is used.",
               saran="Hapus baris ganda, atau jangan unggah file yang sama dua kali.",
               fix="Remove the duplicate row, or do not upload the same file twice."),
    ]


def _aturan_ringkasan(registri: Registri) -> list[Aturan]:
    return _aturan_umum(registri) + [
        _wajib("skor", "Skor", "Score"),
        _terbaca("skor", "angka", "a number", "angka 0–100, mis. 76,15"),
        Aturan(kode="skor_rentang", kolom="skor", syarat=pl.col("skor").is_between(0, 100),
               pesan="Skor {nilai} di luar rentang 0–100.", message="Score {nilai} is outside 0–100.",
               saran="Skor area harus 0 sampai 100.", fix="An area score is 0 to 100."),
        Aturan(kode="skor_ganda", kolom="area",
               syarat=pl.struct("tahun", "kode_wilayah", "area").is_first_distinct(),
               pesan="Skor area {area} untuk wilayah dan tahun ini sudah ada; yang pertama dipakai.",
               message="A score for area {area} of this region and year already appears; the first one is used.",
               saran="Hapus baris ganda.", fix="Remove the duplicate row."),
    ]


def _aturan_baris_ringkasan() -> list[Aturan]:
    """Checks on a whole summary row: totals that are reported, so checked and never trusted."""
    return [
        _terbaca("skor_total", "angka", "a number", "angka 0–100, mis. 76,15"),
        Aturan(kode="skor_total_cocok", kolom="skor_total", tingkat=TINGKAT_PERINGATAN,
               syarat=(pl.col("skor_total") - pl.col("_indeks_hitung")).abs() <= 0.01,
               pesan="Skor total tertulis {nilai}, tetapi dari skor area dengan bobot yang dipakai hasilnya {_indeks_hitung}.",
               message="The reported total is {nilai}, but the area scores with the weights in use give {_indeks_hitung}.",
               saran="Bobot resmi KPK mungkin berbeda dari bobot yang dipakai; pasang plugin bobot resmi, atau periksa skornya.",
               fix="KPK's official weights may differ from the ones in use; install an official weights plugin or check the scores."),
        *[_terbaca(k, "angka", "a number", "bilangan bulat, mis. 660") for k in KOLOM_DOKUMEN],
        Aturan(kode="dokumen_unggah_cocok", kolom="dokumen_diunggah", tingkat=TINGKAT_PERINGATAN,
               syarat=pl.col("dokumen_diunggah") + pl.col("belum_diunggah") == pl.col("dokumen_wajib"),
               pesan="Dokumen diunggah {nilai} + belum diunggah {belum_diunggah} ≠ dokumen wajib {dokumen_wajib}.",
               message="Uploaded documents {nilai} + not uploaded {belum_diunggah} ≠ required documents {dokumen_wajib}.",
               saran="Angka yang dilaporkan saling bertentangan; periksa sumbernya.",
               fix="The reported numbers contradict each other; check the source."),
        Aturan(kode="dokumen_status_cocok", kolom="dokumen_diunggah", tingkat=TINGKAT_PERINGATAN,
               syarat=pl.col("diterima") + pl.col("perlu_perbaikan") + pl.col("proses_verifikasi") == pl.col("dokumen_diunggah"),
               pesan="Diterima {diterima} + perlu perbaikan {perlu_perbaikan} + proses verifikasi {proses_verifikasi} = {_jumlah_status}, tidak sama dengan dokumen diunggah {nilai}.",
               message="Accepted {diterima} + needs revision {perlu_perbaikan} + in verification {proses_verifikasi} = {_jumlah_status}, not the {nilai} uploaded documents.",
               saran="Angka yang dilaporkan saling bertentangan; periksa sumbernya.",
               fix="The reported numbers contradict each other; check the source."),
    ]


# ------------------------------------------------------------------------------ compile and run
def _cek_inti(aturan: Iterable[Aturan]) -> list[_Cek]:
    return [_Cek(f"{INTI}.{a.kode}", a, INTI) for a in aturan]


def _cek_plugin(registri: Registri, pasangan: Iterable[tuple[int, str]]) -> list[_Cek]:
    """Plugin rules for the (tahun, area) pairs present in the data, each rule once with all the
    pairs it applies to. A rule whose expression does not compile switches its plugin off."""
    kelompok: dict[tuple, tuple[str, Aturan, list]] = {}
    for tahun, area in sorted(set(pasangan)):
        at = registri.get(tahun, area)
        if at is None:
            continue
        for sumber, a in at.aturan:
            kunci = (sumber, a.kode, str(a.syarat), a.pesan, a.tingkat)
            kelompok.setdefault(kunci, (sumber, a, []))[2].append((tahun, area))
    hasil = []
    for i, (sumber, a, berlaku) in enumerate(kelompok.values()):
        hasil.append(_Cek(f"{sumber}:{a.kode}#{i}", a, sumber, tuple(berlaku)))
    return hasil


def _uji_ekspresi(cek: list[_Cek], contoh: pl.LazyFrame, registri: Registri) -> list[_Cek]:
    """Compile every rule against an empty frame of the real schema; a plugin whose rule fails is switched off."""
    kosong = contoh.head(0)
    rusak: dict[str, str] = {}
    for c in cek:
        try:
            kosong.select(c.ekspresi().alias("ok")).collect()
        except Exception as e:  # noqa: BLE001 — any error of plugin code
            if c.sumber == INTI:
                raise
            rusak.setdefault(c.sumber, f"aturan {c.aturan.kode} tidak dapat dijalankan: {type(e).__name__}: {e}")
    for plugin, alasan in rusak.items():
        registri.matikan(plugin, alasan)
    return [c for c in cek if c.sumber not in rusak]


def _jalankan(frame: pl.DataFrame, cek: list[_Cek]) -> pl.DataFrame:
    """Run all rules as one pandera schema; return (_pos, nama cek) of every failure."""
    import pandera.polars as pa  # heavy; only validation needs it

    checks = [
        pa.Check(lambda data, e=c.ekspresi(): data.lazyframe.select(e.alias("ok")), name=c.nama)
        for c in cek
    ]
    schema = pa.DataFrameSchema(checks=checks)
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases.filter(pl.col("index").is_not_null())
        posisi = frame.select(pl.col(_POS)).with_row_index("_idx").with_columns(pl.col("_idx").cast(pl.Int64))
        return fc.select(pl.col("index").cast(pl.Int64).alias("_idx"), pl.col("check").cast(pl.String).alias("_cek")).join(
            posisi, on="_idx", how="left").select(_POS, "_cek")
    except Exception as e:  # noqa: BLE001 — pandera/polars raise non-pandera errors in edge cases (pandera#2482)
        raise MCSPError(
            f"validasi gagal dijalankan ({type(e).__name__}: {e}); laporkan ke pengembang.",
            f"validation could not run ({type(e).__name__}: {e}); please report it.",
        ) from e
    return pl.DataFrame(schema={_POS: pl.Int64, "_cek": pl.String})


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _temuan(frame: pl.DataFrame, gagal: pl.DataFrame, cek: list[_Cek]) -> pl.DataFrame:
    """Failures → findings with file, spreadsheet row, column, the cell as written, messages."""
    if gagal.height == 0:
        return pl.DataFrame(schema=SKEMA_TEMUAN)
    info = pl.DataFrame(
        [{"_cek": c.nama, "kolom": c.aturan.kolom, "tingkat": c.aturan.tingkat, "kode": c.aturan.kode,
          "pesan": c.aturan.pesan, "message": c.aturan.message, "saran": c.aturan.saran, "fix": c.aturan.fix,
          "sumber": c.sumber} for c in cek],
        schema={"_cek": pl.String, "kolom": pl.String, "tingkat": pl.String, "kode": pl.String, "pesan": pl.String,
                "message": pl.String, "saran": pl.String, "fix": pl.String, "sumber": pl.String},
    )
    kolom_rujukan = sorted({c.aturan.kolom for c in cek if c.aturan.kolom and c.aturan.kolom in frame.columns})
    penanda = sorted({m for c in cek for t in (c.aturan.pesan, c.aturan.message) for m in _PLACEHOLDER.findall(t)}
                     & set(frame.columns) - {"nilai"})

    def teks(k: str) -> pl.Expr:
        sumber = f"_teks_{k}" if f"_teks_{k}" in frame.columns else k
        return pl.col(sumber).cast(pl.String)

    baris = frame.select([_POS, KOLOM_FILE, KOLOM_BARIS] + [teks(k).alias(f"_n_{k}") for k in kolom_rujukan]
                         + [_tampil(pl.col(k)).alias(f"_p_{k}") for k in penanda])
    t = gagal.join(info, on="_cek", how="left").join(baris, on=_POS, how="left")
    nilai = pl.lit(None, dtype=pl.String)
    for k in kolom_rujukan:
        nilai = pl.when(pl.col("kolom") == k).then(pl.col(f"_n_{k}")).otherwise(nilai)
    t = t.with_columns(nilai.alias("nilai"))
    if "_kolom_sel" in frame.columns:  # a wide summary: name the header the cell came from
        sel = frame.select(_POS, "_kolom_sel")
        t = t.join(sel, on=_POS, how="left").with_columns(
            pl.when(pl.col("kolom").is_in(["skor", "area"]) & pl.col("_kolom_sel").is_not_null())
            .then(pl.col("_kolom_sel")).otherwise(pl.col("kolom")).alias("kolom")
        )
    for k in penanda:
        isi = pl.col(f"_p_{k}").fill_null("-")
        # computed numbers are written the reader's way: 80,23 in Indonesian, 80.23 in English
        isi_id = pl.when(pl.col(f"_p_{k}").str.contains(r"^-?[0-9]+\.[0-9]+$")).then(
            pl.col(f"_p_{k}").str.replace(".", ",", literal=True)).otherwise(isi)
        t = t.with_columns(pl.col("pesan").str.replace_all(f"{{{k}}}", isi_id, literal=True),
                           pl.col("message").str.replace_all(f"{{{k}}}", isi, literal=True))
    isi = pl.col("nilai").fill_null("")
    t = t.with_columns(
        pl.col("pesan").str.replace_all("{nilai}", isi, literal=True),
        pl.col("message").str.replace_all("{nilai}", isi, literal=True),
    )
    t = _saran_status(t)
    return t.select(
        pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"), "kolom", "nilai", "tingkat", "kode",
        "pesan", "message", "saran", "fix", "sumber",
    ).sort("file", "baris", "tingkat", "kolom", maintain_order=True)


def _tampil(e: pl.Expr) -> pl.Expr:
    """A value inside a message: integers without '.0', other numbers with up to 2 decimals."""
    return (
        pl.when(e.cast(pl.Float64, strict=False).is_not_null() & (e.cast(pl.Float64, strict=False) % 1 == 0))
        .then(e.cast(pl.Float64, strict=False).cast(pl.Int64, strict=False).cast(pl.String))
        .when(e.cast(pl.Float64, strict=False).is_not_null())
        .then(e.cast(pl.Float64, strict=False).round(2).cast(pl.String))
        .otherwise(e.cast(pl.String))
    )


def _saran_status(t: pl.DataFrame) -> pl.DataFrame:
    """For an unknown status, suggest the closest valid one ('diterimah' → 'diterima')."""
    salah = t.filter(pl.col("kode") == "status_dikenal")
    if salah.height == 0:
        return t
    peta = {v: urai.saran_status(v) for v in salah["nilai"].drop_nulls().unique().to_list()}
    peta = {k: v for k, v in peta.items() if v}
    mungkin = pl.col("nilai").replace_strict(peta, default=None, return_dtype=pl.String)
    return t.with_columns(
        pl.when((pl.col("kode") == "status_dikenal") & mungkin.is_not_null())
        .then(pl.format("Maksud Anda '{}'? ", mungkin) + pl.col("saran")).otherwise(pl.col("saran")).alias("saran"),
        pl.when((pl.col("kode") == "status_dikenal") & mungkin.is_not_null())
        .then(pl.format("Did you mean '{}'? ", mungkin) + pl.col("fix")).otherwise(pl.col("fix")).alias("fix"),
    )


# ------------------------------------------------------------------------------- typed frames
def _gabung(bacaan: list[BacaanFile], kolom: Iterable[str]) -> pl.DataFrame:
    frames = [b.frame.with_columns(pl.lit(b.nama).alias(KOLOM_FILE), pl.lit(b.format).alias(_FORMAT)) for b in bacaan]
    gabung = pl.concat(frames, how="diagonal_relaxed")
    tambah = [pl.lit(None, dtype=pl.String).alias(k) for k in kolom if k not in gabung.columns]
    return gabung.with_columns(tambah).with_row_index(_POS).with_columns(pl.col(_POS).cast(pl.Int64))


def _per_nilai_unik(df: pl.DataFrame, teks: str, hasil: dict[str, pl.Expr]) -> pl.DataFrame:
    """Parse a text column once per distinct value and join the result back: exports repeat the
    same few weights, statuses and dates thousands of times, so this is several times faster than
    running the regexes on every row. (Eager on purpose: a lazy self-join re-runs the upstream plan.)"""
    unik = df.select(pl.col(teks).unique()).with_columns(**hasil)
    return df.join(unik, on=teks, how="left", maintain_order="left", nulls_equal=True)


def _ketik_umum(df: pl.DataFrame, registri: Registri) -> pl.DataFrame:
    """tahun, kode_wilayah, area typed (keeping their text as _teks_*), plus province and kind."""
    df = df.rename({"tahun": "_teks_tahun", "kode_wilayah": "_teks_kode_wilayah", "area": "_teks_area"})
    df = _per_nilai_unik(df, "_teks_tahun", {"tahun": urai.tahun("_teks_tahun")})
    df = _per_nilai_unik(df, "_teks_kode_wilayah", {"kode_wilayah": urai.kode_wilayah("_teks_kode_wilayah")})
    df = _per_nilai_unik(df, "_teks_area", {"_kunci_area": urai.kunci_nama(pl.col("_teks_area"))})
    alias = registri.tabel_alias().rename({"kunci": "_kunci_area"})
    wilayah = daftar_wilayah().rename({"nama_wilayah": "_nama_resmi"})
    return (
        df.join(alias, on=["tahun", "_kunci_area"], how="left", maintain_order="left")
        .join(wilayah, on="kode_wilayah", how="left", maintain_order="left")
        .drop("_kunci_area")
    )


def _ketik_rincian(frame: pl.DataFrame, registri: Registri) -> pl.DataFrame:
    df = _ketik_umum(frame, registri)
    teks = ["bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi", "sub_indikator"]
    df = df.rename({k: f"_teks_{k}" for k in teks}).with_columns(pl.col("_teks_sub_indikator").alias("sub_indikator"))
    df = _per_nilai_unik(df, "_teks_bobot", {"bobot": urai.angka("_teks_bobot")})
    df = _per_nilai_unik(df, "_teks_nilai", {"nilai": urai.angka("_teks_nilai")})
    df = _per_nilai_unik(df, "_teks_status", {"status": urai.status("_teks_status")})
    for k in ("tanggal_unggah", "tanggal_verifikasi"):
        df = _per_nilai_unik(df, f"_teks_{k}", {k: urai.tanggal(f"_teks_{k}")})
    # Shared by the catalogue rules of every area plugin; computed once instead of once per rule.
    return df.with_columns(pl.col("bobot").sum().over("tahun", "kode_wilayah", "area").alias("bobot_area_pemda"))


# ------------------------------------------------------------------------------------ entry point
@dataclass
class HasilValidasi:
    rincian: pl.DataFrame
    ringkasan: pl.DataFrame  # long: tahun, kode_wilayah, area, skor (+ region columns)
    ringkasan_baris: pl.DataFrame  # one row per summary row: reported totals and document counts
    laporan: Laporan


def _jenis(b: BacaanFile, kunci_area: set[str]) -> str | None:
    kolom = set(b.frame.columns)
    if {"sub_indikator", "status"} & kolom and not {"skor"} & kolom:
        return "rincian"
    if {"area", "skor"} <= kolom:
        return "ringkasan_panjang"
    if {"tahun", "kode_wilayah"} <= kolom and _kolom_area(b, kunci_area):
        return "ringkasan_lebar"
    return None


def _kolom_area(b: BacaanFile, kunci_area: set[str]) -> list[str]:
    kunci = pl.Series(b.frame.columns).to_frame("k").select(urai.kunci_nama(pl.col("k")))["k"].to_list()
    return [c for c, k in zip(b.frame.columns, kunci) if k in kunci_area]


def validasi(bacaan: list[BacaanFile], registri: Registri, gagal: list[dict] | None = None) -> HasilValidasi:
    """Validate every read file at once; ``gagal`` lists files that could not be read at all."""
    gagal = list(gagal or [])
    kunci_area = set(registri.tabel_alias()["kunci"].to_list())
    temuan: list[pl.DataFrame] = []
    disisihkan: list[pl.DataFrame] = []
    per_file: list[dict] = []
    rincian_b, panjang_b, lebar_b = [], [], []
    for b in bacaan:
        for pesan, message in b.catatan:
            temuan.append(_temuan_file(b.nama, pesan, message, TINGKAT_PERINGATAN))
        jenis = _jenis(b, kunci_area)
        wajib = {"rincian": KOLOM_RINCIAN_WAJIB, "ringkasan_panjang": KOLOM_RINGKASAN_WAJIB,
                 "ringkasan_lebar": ("tahun", "kode_wilayah")}.get(jenis, ())
        hilang = [k for k in wajib if k not in b.frame.columns]
        if jenis is None or hilang:
            if jenis is None:
                pesan = ("jenis file tidak dikenali: file rincian butuh kolom " + ", ".join(KOLOM_RINCIAN_WAJIB)
                         + "; file ringkasan butuh tahun, kode_wilayah, dan area+skor atau satu kolom per area.")
                message = ("unrecognised file: a detail export needs columns " + ", ".join(KOLOM_RINCIAN_WAJIB)
                           + "; a summary export needs tahun, kode_wilayah and area+skor or one column per area.")
            else:
                pesan = f"kolom wajib tidak ada: {', '.join(hilang)}. Kolom yang ada: {', '.join(b.kolom_asli.values())}."
                message = f"required columns are missing: {', '.join(hilang)}. Columns found: {', '.join(b.kolom_asli.values())}."
            temuan.append(_temuan_file(b.nama, pesan, message, TINGKAT_GALAT))
            disisihkan.append(_sisih(b.frame.with_columns(pl.lit(b.nama).alias(KOLOM_FILE)), pesan, message))
            per_file.append({"file": b.nama, "format": b.format, "jenis": jenis or "tidak dikenali",
                             "dibaca": b.frame.height, "dipakai": 0, "disisihkan": b.frame.height, "berperingatan": 0})
            continue
        {"rincian": rincian_b, "ringkasan_panjang": panjang_b, "ringkasan_lebar": lebar_b}[jenis].append(b)

    rincian = _kosong_rincian()
    if rincian_b:
        rincian, t, s, pf = _validasi_rincian(rincian_b, registri)
        temuan.append(t), disisihkan.append(s), per_file.extend(pf)
    ringkasan, ringkasan_baris = _kosong_ringkasan(), pl.DataFrame()
    if panjang_b or lebar_b:
        from mcsp_rules.validasi.ringkasan import (
            validasi_ringkasan,  # summary exports are rarer; keep their code apart
        )

        ringkasan, ringkasan_baris, t, s, pf = validasi_ringkasan(panjang_b, lebar_b, registri, kunci_area)
        temuan.extend(t), disisihkan.append(s), per_file.extend(pf)
    for g in gagal:
        temuan.append(_temuan_file(g["file"], g["pesan"], g["message"], TINGKAT_GALAT))
    laporan = Laporan(
        temuan=pl.concat([pl.DataFrame(schema=SKEMA_TEMUAN), *temuan], how="diagonal_relaxed"),
        per_file=pl.DataFrame(per_file, schema={"file": pl.String, "format": pl.String, "jenis": pl.String,
                                                "dibaca": pl.Int64, "dipakai": pl.Int64, "disisihkan": pl.Int64,
                                                "berperingatan": pl.Int64}),
        disisihkan=pl.concat([_sisih_kosong(), *disisihkan], how="diagonal_relaxed"),
        file_gagal=gagal,
    )
    return HasilValidasi(rincian, ringkasan, ringkasan_baris, laporan)


def _validasi_rincian(bacaan: list[BacaanFile], registri: Registri):
    frame = _ketik_rincian(_gabung(bacaan, KOLOM_RINCIAN), registri)
    pasangan = frame.select("tahun", "area").drop_nulls().unique().rows()
    semua = _cek_inti(_aturan_rincian(registri)) + _cek_plugin(registri, pasangan)
    semua = _uji_ekspresi(semua, frame.lazy(), registri)
    ganda = [c for c in semua if c.aturan.kode == "sub_indikator_ganda"]
    cek = [c for c in semua if c not in ganda]
    gagal = _jalankan(frame, cek)
    # Duplicates are judged among the rows that are otherwise fine, so a broken first copy does
    # not push out a good second one.
    galat = {c.nama for c in cek if c.aturan.tingkat == TINGKAT_GALAT}
    sehat = frame.filter(~pl.col(_POS).is_in(gagal.filter(pl.col("_cek").is_in(list(galat)))[_POS].implode()))
    gagal = pl.concat([gagal, _jalankan(sehat, ganda)])
    temuan = _temuan(frame, gagal, semua)
    return _pisahkan(frame, gagal, semua, temuan, {b.nama: (b.format, "rincian") for b in bacaan}, _rapikan_rincian)


def _pisahkan(frame, gagal, cek, temuan, file: dict[str, tuple[str, str]], rapikan):
    """Rows with an error are set aside (listed with all their reasons); the rest are used."""
    tingkat = {c.nama: c.aturan.tingkat for c in cek}
    gagal = gagal.with_columns(pl.col("_cek").replace_strict(tingkat, return_dtype=pl.String).alias("tingkat"))
    pos_galat = gagal.filter(pl.col("tingkat") == TINGKAT_GALAT)[_POS].unique()
    pos_peringatan = gagal.filter(pl.col("tingkat") == TINGKAT_PERINGATAN)[_POS].unique()
    dipakai = frame.filter(~pl.col(_POS).is_in(pos_galat.implode()))
    alasan = (
        temuan.filter(pl.col("tingkat") == TINGKAT_GALAT)
        .group_by("file", "baris", maintain_order=True)
        .agg(pl.col("pesan").str.join(" "), pl.col("message").str.join(" "))
    )
    kolom_teks = [c for c in frame.columns if c.startswith("_teks_")]
    sisih = (
        frame.filter(pl.col(_POS).is_in(pos_galat.implode()))
        .select(pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"),
                *[pl.col(c).alias(c.removeprefix("_teks_")) for c in kolom_teks])
        .join(alasan.rename({"pesan": "alasan", "message": "reason"}), on=["file", "baris"], how="left",
              maintain_order="left")
    )
    hitung = frame.group_by(KOLOM_FILE).agg(
        pl.len().alias("dibaca"),
        pl.col(_POS).is_in(pos_galat.implode()).sum().alias("disisihkan"),
        (pl.col(_POS).is_in(pos_peringatan.implode()) & ~pl.col(_POS).is_in(pos_galat.implode())).sum().alias("berperingatan"),
    )
    per_file = []
    for nama, (fmt, jenis) in file.items():
        h = hitung.filter(pl.col(KOLOM_FILE) == nama)
        dibaca = int(h["dibaca"].sum())
        sisih_n = int(h["disisihkan"].sum())
        per_file.append({"file": nama, "format": fmt, "jenis": jenis,
                         "dibaca": dibaca, "dipakai": dibaca - sisih_n, "disisihkan": sisih_n,
                         "berperingatan": int(h["berperingatan"].sum())})
    sisih = sisih.select("file", "baris", "alasan", "reason", pl.exclude("file", "baris", "alasan", "reason"))
    return rapikan(dipakai), temuan, sisih, per_file


def _rapikan_rincian(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(
        "tahun", "kode_wilayah",
        pl.col("_nama_resmi").alias("nama_wilayah"), "kode_provinsi", "provinsi", "jenis_pemda",
        "area", pl.col("indikator"), "sub_indikator", pl.col("nama_sub_indikator"),
        "bobot", "status", "nilai", "tanggal_unggah", "tanggal_verifikasi",
        pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"),
    )


def _kosong_rincian() -> pl.DataFrame:
    return pl.DataFrame(schema={
        "tahun": pl.Int32, "kode_wilayah": pl.String, "nama_wilayah": pl.String, "kode_provinsi": pl.String,
        "provinsi": pl.String, "jenis_pemda": pl.String, "area": pl.String, "indikator": pl.String,
        "sub_indikator": pl.String, "nama_sub_indikator": pl.String, "bobot": pl.Float64, "status": pl.String,
        "nilai": pl.Float64, "tanggal_unggah": pl.Date, "tanggal_verifikasi": pl.Date, "file": pl.String,
        "baris": pl.Int64,
    })


def _kosong_ringkasan() -> pl.DataFrame:
    return pl.DataFrame(schema={
        "tahun": pl.Int32, "kode_wilayah": pl.String, "nama_wilayah": pl.String, "kode_provinsi": pl.String,
        "provinsi": pl.String, "jenis_pemda": pl.String, "area": pl.String, "skor": pl.Float64,
        "file": pl.String, "baris": pl.Int64,
    })


def _temuan_file(file: str, pesan: str, message: str, tingkat: str) -> pl.DataFrame:
    return pl.DataFrame([{"file": file, "baris": None, "kolom": None, "nilai": None, "tingkat": tingkat,
                          "kode": "file", "pesan": pesan, "message": message, "saran": "", "fix": "", "sumber": INTI}],
                        schema=SKEMA_TEMUAN)


def _sisih(frame: pl.DataFrame, pesan: str, message: str) -> pl.DataFrame:
    data = [c for c in frame.columns if not c.startswith("_")]
    return frame.select(pl.col(KOLOM_FILE).alias("file"), pl.col(KOLOM_BARIS).alias("baris"),
                        pl.lit(pesan).alias("alasan"), pl.lit(message).alias("reason"), *data)


def _sisih_kosong() -> pl.DataFrame:
    return pl.DataFrame(schema={"file": pl.String, "baris": pl.Int64, "alasan": pl.String, "reason": pl.String})
