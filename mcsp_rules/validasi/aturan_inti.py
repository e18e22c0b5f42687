"""The core's own rules (every export, whatever the plugins): required cells, readable values, years,
region codes, areas, statuses, dates, duplicates, and the reported totals of summary exports. Each is a
``kit.Aturan`` like a plugin's; ``mesin`` runs them together with the plugins' rules."""

from __future__ import annotations

import polars as pl

from mcsp_rules.model import KOLOM_DOKUMEN, STATUS
from mcsp_rules.plugin.kit import Aturan
from mcsp_rules.plugin.registri import Registri
from mcsp_rules.validasi.konstanta import FORMAT, TINGKAT_CATATAN, TINGKAT_PERINGATAN


def wajib(kolom: str, nama: str, name: str) -> Aturan:
    return Aturan(
        kode=f"{kolom}_kosong", kolom=kolom, syarat=pl.col(f"_teks_{kolom}").is_not_null(),
        pesan=f"{nama} kosong.", message=f"{name} is empty.",
        saran=f"Isi kolom {kolom}.", fix=f"Fill in column {kolom}.",
    )


def terbaca(kolom: str, apa: str, what: str, contoh: str) -> Aturan:
    return Aturan(
        kode=f"{kolom}_format", kolom=kolom,
        syarat=pl.col(f"_teks_{kolom}").is_null() | pl.col(kolom).is_not_null(),
        pesan=f"'{{nilai}}' bukan {apa}.", message=f"'{{nilai}}' is not {what}.",
        saran=f"Tulis sebagai {contoh}.", fix=f"Write it as {contoh}.",
    )


def aturan_umum(registri: Registri) -> list[Aturan]:
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
        wajib("tahun", "Tahun", "Year"),
        terbaca("tahun", "tahun yang valid", "a valid year", "empat angka, mis. 2025"),
        Aturan(kode="tahun_rentang", kolom="tahun", syarat=pl.col("tahun").is_between(2019, 2030),
               pesan="Tahun {nilai} di luar rentang 2019–2030.", message="Year {nilai} is outside 2019–2030.",
               saran="Periksa kolom tahun.", fix="Check the year column."),
        Aturan(kode="tahun_tanpa_plugin", kolom="tahun",
               syarat=pl.col("tahun").is_in(tahun_aktif) | ~pl.col("tahun").is_between(2019, 2030),
               pesan=f"Tidak ada plugin area yang aktif untuk tahun {{nilai}} (tahun yang didukung: {daftar_tahun}).",
               message=f"No active area plugin covers year {{nilai}} (supported years: {daftar_tahun}).",
               saran="Pasang plugin aturan untuk tahun itu (lihat halaman Aturan).",
               fix="Install a rules plugin for that year (see the Rules page)."),
        wajib("kode_wilayah", "Kode wilayah", "Region code"),
        Aturan(kode="kode_wilayah_dikenal", kolom="kode_wilayah",
               syarat=pl.col("_teks_kode_wilayah").is_null() | pl.col("kode_provinsi").is_not_null(),
               pesan="Kode wilayah '{nilai}' tidak ada di daftar wilayah Kemendagri.",
               message="Region code '{nilai}' is not in the Kemendagri region list.",
               saran="Gunakan kode Kemendagri: '62' untuk provinsi, '62.03' untuk kabupaten/kota.",
               fix="Use the Kemendagri code: '62' for a province, '62.03' for a regency/city."),
        wajib("area", "Area", "Area"),
        Aturan(kode="area_dikenal", kolom="area",
               syarat=pl.col("_teks_area").is_null() | pl.col("area").is_not_null()
               | ~pl.col("tahun").is_in(tahun_aktif),
               pesan="Area '{nilai}' tidak dikenal untuk tahun {tahun}.",
               message="Area '{nilai}' is unknown for year {tahun}.",
               saran="Gunakan kode atau nama area yang dideklarasikan plugin untuk tahun itu (lihat halaman Aturan).",
               fix="Use an area code or name a plugin declares for that year (see the Rules page)."),
    ]


def aturan_rincian(registri: Registri) -> list[Aturan]:
    status_valid = ", ".join(STATUS)
    return aturan_umum(registri) + [
        wajib("sub_indikator", "Sub-indikator", "Sub-indicator"),
        wajib("bobot", "Bobot", "Weight"),
        terbaca("bobot", "angka", "a number", "angka desimal, mis. 12,5"),
        Aturan(kode="bobot_titik_ambigu", kolom="bobot", tingkat=TINGKAT_PERINGATAN,
               # In a CSV, '1.500' may be a decimal point (1,5) or an Indonesian thousands dot (1500),
               # and the two readings give weights a thousand times apart. XLSX numbers carry no such doubt.
               syarat=(pl.col(FORMAT) != "csv") | ~pl.col("_teks_bobot").str.contains(r"^\s*[-+]?\d{1,3}\.\d{3}\s*$"),
               pesan="Bobot '{nilai}' dibaca dengan titik sebagai tanda desimal, padahal titik juga bisa berarti ribuan.",
               message="Weight '{nilai}' is read with the dot as a decimal point, but a dot may also group thousands.",
               saran="Jika maksudnya ribuan, tulis tanpa titik (mis. 1500); jika desimal, tulis dengan koma (mis. 1,5).",
               fix="If you mean thousands, write it without the dot (e.g. 1500); if a decimal, use a comma (e.g. 1,5)."),
        Aturan(kode="bobot_positif", kolom="bobot", syarat=pl.col("bobot") > 0,
               pesan="Bobot {nilai} harus lebih dari 0.", message="Weight {nilai} must be greater than 0.",
               saran="Isi bobot sub-indikator sesuai ketentuan KPK.", fix="Enter the sub-indicator weight KPK sets."),
        wajib("status", "Status", "Status"),
        Aturan(kode="status_dikenal", kolom="status",
               syarat=pl.col("_teks_status").is_null() | pl.col("status").is_not_null(),
               pesan="Status '{nilai}' tidak dikenal.", message="Status '{nilai}' is not a known status.",
               saran=f"Gunakan salah satu: {status_valid}.", fix=f"Use one of: {status_valid}."),
        terbaca("nilai", "angka", "a number", "angka 0–100, mis. 87,5"),
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
        Aturan(kode="area_tidak_berlaku", kolom="area", tingkat=TINGKAT_CATATAN,
               syarat=pl.col("_area_berlaku"),
               pesan="Area {area} tidak dinilai untuk {jenis_pemda} pada tahun {tahun}; baris ini tidak masuk indeks.",
               message="Area {area} is not assessed for a {jenis_pemda} in {tahun}; this row does not enter the index.",
               saran="Tidak perlu tindakan; hapus barisnya jika ekspor seharusnya tidak memuatnya.",
               fix="No action needed; remove the row if the export should not carry it."),
        Aturan(kode="bobot_sub_jumlah_100", kolom="bobot_subindikator", tingkat=TINGKAT_PERINGATAN,
               # KPK's three weight levels (design.md §2): the sub-indicator weights of an indicator add up to 100
               syarat=pl.col("bobot_subindikator").is_null() | pl.col("bobot_indikator").is_null()
               | ((pl.col("_jumlah_bobot_sub") - 100).abs() <= pl.col("_toleransi_bobot_sub") + 1e-6),
               pesan="Bobot sub-indikator indikator {indikator} berjumlah {_jumlah_bobot_sub}, bukan 100.",
               message="The sub-indicator weights of indicator {indikator} add up to {_jumlah_bobot_sub}, not 100.",
               saran="Cek bobot_subindikator dan apakah ada sub-indikator yang hilang atau ganda; indeks dihitung dengan bobot yang ada.",
               fix="Check bobot_subindikator and whether a sub-indicator is missing or repeated; the index uses the weights as they are."),
        Aturan(kode="bobot_indikator_jumlah_100", kolom="bobot_indikator", tingkat=TINGKAT_PERINGATAN,
               syarat=pl.col("bobot_indikator").is_null()
               | ((pl.col("_jumlah_bobot_indikator") - 100).abs() <= pl.col("_toleransi_bobot_indikator") + 1e-6),
               pesan="Bobot indikator area {area} berjumlah {_jumlah_bobot_indikator}, bukan 100.",
               message="The indicator weights of area {area} add up to {_jumlah_bobot_indikator}, not 100.",
               saran="Cek bobot_indikator dan apakah ada indikator yang hilang atau ganda; indeks dihitung dengan bobot yang ada.",
               fix="Check bobot_indikator and whether an indicator is missing or repeated; the index uses the weights as they are."),
        Aturan(kode="dokumen_ganda", kolom="dokumen",
               # design.md §1a: with a dokumen column, rows are per required document
               syarat=pl.col("dokumen").is_null()
               | pl.struct("tahun", "kode_wilayah", "sub_indikator", "dokumen").is_first_distinct(),
               pesan="Dokumen {nilai} sub-indikator {sub_indikator} sudah ada untuk wilayah dan tahun ini; yang pertama dipakai.",
               message="Document {nilai} of sub-indicator {sub_indikator} already appears for this region and year; the first one is used.",
               saran="Hapus baris ganda, atau jangan unggah file yang sama dua kali.",
               fix="Remove the duplicate row, or do not upload the same file twice."),
        Aturan(kode="sub_indikator_ganda", kolom="sub_indikator",
               syarat=pl.col("dokumen").is_not_null()
               | pl.struct("tahun", "kode_wilayah", "sub_indikator").is_first_distinct(),
               pesan="Sub-indikator {nilai} sudah ada untuk wilayah dan tahun ini; yang pertama dipakai.",
               message="Sub-indicator {nilai} already appears for this region and year; the first one is used.",
               saran="Hapus baris ganda, atau jangan unggah file yang sama dua kali.",
               fix="Remove the duplicate row, or do not upload the same file twice."),
    ]


def aturan_ringkasan(registri: Registri) -> list[Aturan]:
    return aturan_umum(registri) + [
        wajib("skor", "Skor", "Score"),
        terbaca("skor", "angka", "a number", "angka 0–100, mis. 76,15"),
        Aturan(kode="skor_rentang", kolom="skor", syarat=pl.col("skor").is_between(0, 100),
               pesan="Skor {nilai} di luar rentang 0–100.", message="Score {nilai} is outside 0–100.",
               saran="Skor area harus 0 sampai 100.", fix="An area score is 0 to 100."),
        Aturan(kode="skor_ganda", kolom="area",
               syarat=pl.struct("tahun", "kode_wilayah", "area").is_first_distinct(),
               pesan="Skor area {area} untuk wilayah dan tahun ini sudah ada; yang pertama dipakai.",
               message="A score for area {area} of this region and year already appears; the first one is used.",
               saran="Hapus baris ganda.", fix="Remove the duplicate row."),
    ]


TOLERANSI_TOTAL = 0.35  # index points between a reported total and the total recomputed from its areas


def aturan_baris_ringkasan() -> list[Aturan]:
    """Checks on a whole summary row: totals that are reported, so checked and never trusted."""
    return [
        terbaca("skor_total", "angka", "a number", "angka 0–100, mis. 76,15"),
        Aturan(kode="skor_total_cocok", kolom="skor_total", tingkat=TINGKAT_PERINGATAN,
               # KPK's area weights are not public and not equal, and published totals are rounded
               # snapshots: a gap up to TOLERANSI_TOTAL is what published 2020-2024 results show with
               # equal weights (tests/test_publikasi.py); beyond it the weights in use are not KPK's.
               syarat=(pl.col("skor_total") - pl.col("_indeks_hitung")).abs() <= TOLERANSI_TOTAL,
               pesan="Skor total tertulis {nilai}, tetapi dari skor area dengan bobot yang dipakai hasilnya {_indeks_hitung}.",
               message="The reported total is {nilai}, but the area scores with the weights in use give {_indeks_hitung}.",
               saran="Bobot resmi KPK mungkin berbeda dari bobot yang dipakai; pasang plugin bobot resmi, atau periksa skornya.",
               fix="KPK's official weights may differ from the ones in use; install an official weights plugin or check the scores."),
        *[terbaca(k, "angka", "a number", "bilangan bulat, mis. 660") for k in KOLOM_DOKUMEN],
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
