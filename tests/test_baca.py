"""Every tolerance of design.md §1c, through the public load(): real files written to disk."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
import xlsxwriter

import mcsp_rules

BARIS = [
    ["2024", "62", "AA", "AA.1", "AA.1.1", "60", "diterima", "87.5", "Pengelolaan Aset – Tanah"],
    ["2024", "62", "AA", "AA.1", "AA.1.2", "40", "perlu perbaikan", "", "Sertifikasi Ñ"],
    ["2024", "62", "BB", "BB.1", "BB.1.1", "50", "diterima", "", "Layanan"],
    ["2024", "62", "BB", "BB.1", "BB.1.2", "50", "proses verifikasi", "", "Publik"],
]
HEADER = ["tahun", "kode_wilayah", "area", "indikator", "sub_indikator", "bobot", "status", "nilai", "nama_sub_indikator"]


def _csv(sep=",", desimal=".", header=HEADER, baris=BARIS) -> str:
    def sel(v):
        v = v.replace(".", desimal) if v.replace(".", "").isdigit() and "." in v else v
        return f'"{v}"' if sep in v else v
    return "\n".join(sep.join(sel(v) for v in r) for r in [header, *baris]) + "\n"


def _pakai(data) -> pl.DataFrame:
    return data.rincian.drop("file").sort("sub_indikator")


def test_utf8_bom_and_cp1252_give_identical_frames(tulis, registri_mini):
    teks = _csv()
    a = mcsp_rules.load(tulis("a.csv", teks), registri=registri_mini)
    b = mcsp_rules.load(tulis("b.csv", "\ufeff" + teks), registri=registri_mini)
    c = mcsp_rules.load(tulis("c.csv", teks, encoding="cp1252"), registri=registri_mini)
    assert a.laporan.bersih and b.laporan.bersih and c.laporan.bersih
    assert _pakai(a).equals(_pakai(b)) and _pakai(a).equals(_pakai(c))
    assert "Pengelolaan Aset – Tanah" in a.rincian["nama_sub_indikator"].to_list()
    assert b.rincian.columns[0] == "tahun"  # the BOM did not end up in the first column's name


def test_semicolon_and_decimal_comma(tulis, registri_mini):
    data = mcsp_rules.load(tulis("id.csv", _csv(sep=";", desimal=",")), registri=registri_mini)
    assert data.laporan.bersih
    assert data.rincian.filter(pl.col("sub_indikator") == "AA.1.1")["nilai"].item() == 87.5  # never 875


def test_quoted_decimal_comma_in_comma_separated_file(tulis, registri_mini):
    teks = _csv().replace(",87.5,", ',"87,5",')
    data = mcsp_rules.load(tulis("q.csv", teks), registri=registri_mini)
    assert data.rincian.filter(pl.col("sub_indikator") == "AA.1.1")["nilai"].item() == 87.5


@pytest.mark.parametrize("teks,nilai", [("87,5", 87.5), ("1.234,5", 1234.5), ("87.5", 87.5), ("1,234.5", 1234.5), (" 90 ", 90.0)])
def test_number_spellings(teks, nilai):
    from mcsp_rules.io.urai import angka

    assert pl.DataFrame({"x": [teks]}).select(angka("x")).item() == nilai


def test_header_case_spaces_and_english_aliases(tulis, registri_mini):
    header = ["Year", "Region Code", "AREA", "Indikator", "Sub Indikator", "Weight", "Status", "Nilai", "Nama Sub Indikator"]
    data = mcsp_rules.load(tulis("en.csv", _csv(header=header)), registri=registri_mini)
    assert data.laporan.bersih and data.rincian.height == 4


def test_blank_rows_are_skipped_and_row_numbers_match_the_spreadsheet(tulis, registri_mini):
    baris = [list(r) for r in BARIS]
    baris[2][7] = "150"  # spreadsheet row 5 (header is row 1, after one blank line: row 2)
    teks = "\n" + _csv(baris=baris) + "\n\n,,,,,,,,\n"
    data = mcsp_rules.load(tulis("blank.csv", teks), registri=registri_mini)
    t = data.laporan.temuan.filter(pl.col("tingkat") == "galat").row(0, named=True)
    assert (t["baris"], t["kolom"], t["nilai"]) == (5, "nilai", "150")
    assert data.laporan.dibaca == 4 and data.laporan.dipakai == 3 and data.laporan.jumlah_disisihkan == 1


def _xlsx(path, baris, mulai_baris=0, mulai_kolom=0, sheet="Rincian", lembar_lain=False):
    wb = xlsxwriter.Workbook(path)
    if lembar_lain:
        wb.add_worksheet("Petunjuk").write(0, 0, "baca saya")
    ws = wb.add_worksheet(sheet)
    for i, r in enumerate([HEADER, *baris]):
        for j, v in enumerate(r):
            if i and j == 5:
                ws.write_number(mulai_baris + i, mulai_kolom + j, float(v))  # bobot as a real number
            elif i and j == 7 and v:
                ws.write_number(mulai_baris + i, mulai_kolom + j, float(v))
            else:
                ws.write_string(mulai_baris + i, mulai_kolom + j, v)
    ws.write_datetime(mulai_baris + 1, mulai_kolom + len(HEADER), dt.datetime(2024, 5, 3), wb.add_format({"num_format": "dd/mm/yyyy"}))
    ws.write_string(mulai_baris, mulai_kolom + len(HEADER), "tanggal_unggah")
    wb.close()


def test_xlsx_first_sheet_numbers_dates_and_offset_rows(tmp_path, registri_mini):
    baris = [list(r) for r in BARIS]
    baris[3][7] = "-3"
    p = tmp_path / "r.xlsx"
    _xlsx(p, baris, mulai_baris=2, mulai_kolom=1)  # header at B3, as some portals export
    data = mcsp_rules.load(p, registri=registri_mini)
    assert data.rincian.height == 3
    assert data.rincian.filter(pl.col("sub_indikator") == "AA.1.1")["tanggal_unggah"].item() == dt.date(2024, 5, 3)
    t = data.laporan.temuan.filter(pl.col("tingkat") == "galat").row(0, named=True)
    assert (t["baris"], t["kolom"]) == (7, "nilai")  # header on sheet row 3, fourth data row → row 7


def test_xlsx_named_sheet(tmp_path, registri_mini):
    p = tmp_path / "dua.xlsx"
    _xlsx(p, BARIS, lembar_lain=True)
    assert mcsp_rules.load(p, registri=registri_mini, sheet="Rincian").rincian.height == 4
    # no sheet named and the first one holds no table: the sheet with the table is read, with a note
    tanpa = mcsp_rules.load(p, registri=registri_mini)
    assert tanpa.rincian.height == 4
    catatan = tanpa.laporan.temuan.filter(pl.col("pesan").cast(pl.String).str.contains("tidak berisi tabel data"))["pesan"].to_list()
    assert catatan and "yang dibaca lembar 'Rincian'" in catatan[0]
    salah = mcsp_rules.load(p, registri=registri_mini, sheet="Tidak Ada")
    assert "lembar 'Tidak Ada' tidak ada" in salah.laporan.file_gagal[0]["pesan"]


def test_several_files_each_counted(tulis, registri_mini):
    a = tulis("jateng.csv", _csv())
    b = tulis("kalteng.csv", _csv(sep=";", desimal=",").replace(";62;", ";62.01;"))
    data = mcsp_rules.load([a, b], registri=registri_mini)
    per_file = {r["file"]: r for r in data.laporan.per_file.iter_rows(named=True)}
    assert per_file["jateng.csv"]["dipakai"] == 4 and per_file["kalteng.csv"]["dipakai"] == 4
    assert sorted(data.rincian["kode_wilayah"].unique().to_list()) == ["62", "62.01"]


def test_codes_excel_mangled_are_restored(tulis, registri_mini):
    teks = _csv().replace(",62,", ",62.1,")  # Excel turned 62.10 into 62.1
    data = mcsp_rules.load(tulis("x.csv", teks), registri=registri_mini)
    assert data.rincian["kode_wilayah"].unique().to_list() == ["62.10"]
    assert data.rincian["nama_wilayah"][0] == "Kabupaten Gunung Mas"


def test_province_and_kind_come_from_the_code(tulis, registri_mini):
    teks = _csv().replace(",62,", ",62.71,")
    r = mcsp_rules.load(tulis("k.csv", teks), registri=registri_mini).rincian.row(0, named=True)
    assert (r["provinsi"], r["jenis_pemda"], r["nama_wilayah"]) == ("Kalimantan Tengah", "kota", "Kota Palangkaraya")


def test_utf16_export_is_read(tulis, registri_mini):
    data = mcsp_rules.load(tulis("u16.csv", _csv(sep="\t"), encoding="utf-16"), registri=registri_mini)
    assert data.laporan.bersih and data.rincian.height == 4


def test_content_decides_format_not_extension(tulis, registri_mini):
    data = mcsp_rules.load(tulis("sebenarnya_csv.xlsx", _csv()), registri=registri_mini)
    assert data.rincian.height == 4
    assert any("isinya teks CSV" in p for p in data.laporan.temuan["pesan"].to_list())
    png = mcsp_rules.load(tulis("gambar.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), registri=registri_mini)
    assert "gambar PNG" in png.laporan.file_gagal[0]["pesan"]


def test_wide_summary_with_area_names_and_checked_total(tulis, registri_mini):
    teks = ("Tahun;Kode Wilayah;Nama Wilayah;Area Satu;Area Dua;IPKD\n"
            "2024;62;Kalteng;80;60;70,00\n"
            "2024;62.01;Kapuas;90;50;76,15\n")
    data = mcsp_rules.load(tulis("lebar.csv", teks), registri=registri_mini)
    assert data.laporan.dipakai == 2
    w = {r["kode_wilayah"]: r["indeks"] for r in mcsp_rules.score(data).iter_rows(named=True)}
    assert w == {"62": pytest.approx(70.0), "62.01": pytest.approx(70.0)}
    peringatan = data.laporan.temuan.filter(pl.col("kode") == "skor_total_cocok")
    assert peringatan.height == 1 and peringatan["baris"][0] == 3  # the reported 76,15 is checked, not trusted
    assert "76,15" in peringatan["pesan"][0] and "70" in peringatan["pesan"][0]


def test_utf8_bytes_read_as_they_stand_match_every_rewritten_form(tulis, registri_mini):
    """A UTF-8 file with "\\n" ends is parsed from its own bytes; whatever is cut off its front (a second
    BOM, blank lines, Excel's "sep=" line) must shift neither the cells nor the spreadsheet rows, and
    the rewritten forms (CRLF, cp1252) must read the same."""
    baris = [list(r) for r in BARIS]
    baris[2][7] = "150"  # an error on data row 3
    inti = _csv(sep=";", baris=baris)
    awal = "\ufeff\ufeff\n\nsep=;\n"  # the header is spreadsheet row 4
    hasil = [
        mcsp_rules.load(tulis("asli.csv", awal + inti), registri=registri_mini),
        mcsp_rules.load(tulis("crlf.csv", (awal + inti).replace("\n", "\r\n")), registri=registri_mini),
        mcsp_rules.load(tulis("win.csv", (awal + inti).lstrip("\ufeff"), encoding="cp1252"), registri=registri_mini),
    ]
    for data in hasil:
        t = data.laporan.temuan.filter(pl.col("tingkat") == "galat").row(0, named=True)
        assert (t["baris"], t["kolom"], t["nilai"]) == (7, "nilai", "150")
        assert data.laporan.dibaca == 4 and data.laporan.dipakai == 3
    assert _pakai(hasil[0]).equals(_pakai(hasil[1])) and _pakai(hasil[0]).equals(_pakai(hasil[2]))
    assert "Pengelolaan Aset – Tanah" in hasil[0].rincian["nama_sub_indikator"].to_list()
