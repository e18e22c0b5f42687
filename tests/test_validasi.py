"""Nothing is lost: for every file, rows read = used + set aside, and every set-aside row is listed
with its reasons; every finding locates the problem and says how to fix it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import mcsp_rules

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"

RINCIAN = """tahun;kode_wilayah;area;indikator;sub_indikator;bobot;status;nilai;tanggal_unggah
2024;62;AA;AA.1;AA.1.1;60;diterima;80;03/05/2024
2024;62;AA;AA.1;AA.1.2;40;Perlu Perbaikan;;
2024;62;BB;BB.1;BB.1.1;50;diterima;delapan puluh;
2024;62;BB;BB.1;BB.1.2;0;diterima;;31/02/2024
2024;62;BB;BB.1;BB.1.2;50;diterima;;
2019;62;AA;AA.1;AA.1.1;60;diterima;;
2024;62.01;ZZ;ZZ.1;ZZ.1.1;60;diterima;;
"""
PANJANG = "tahun,kode_wilayah,area,skor\n2024,62.02,AA,70\n2024,62.02,BB,150\n2024,62.03,Satu,55\n2024,62.03,BB,45\n"
LEBAR = "tahun,kode_wilayah,AA,BB,skor_total\n2024,62.04,80,60,70\n2024,62.05,90,x,90\n2024,99.99,50,50,50\n"


@pytest.fixture
def data(tulis, registri_mini):
    return mcsp_rules.load(
        [tulis("rincian.csv", RINCIAN), tulis("panjang.csv", PANJANG), tulis("lebar.csv", LEBAR),
         tulis("rusak.xlsx", b"PK\x03\x04 rusak")],
        registri=registri_mini,
    )


def test_counts_add_up_per_file_and_set_aside_rows_are_listed(data):
    lap = data.laporan
    for f in lap.per_file.iter_rows(named=True):
        assert f["dibaca"] == f["dipakai"] + f["disisihkan"], f
        assert lap.disisihkan.filter(pl.col("file") == f["file"]).height == f["disisihkan"]
    per = {f["file"]: (f["dibaca"], f["dipakai"], f["disisihkan"]) for f in lap.per_file.iter_rows(named=True)}
    # rincian: 'delapan puluh', bobot 0, year 2019 (no plugin), unknown area ZZ set aside; bad date is a warning
    assert per["rincian.csv"] == (7, 3, 4)
    assert per["panjang.csv"] == (4, 3, 1)  # skor 150
    assert per["lebar.csv"] == (3, 1, 2)  # 'x' in BB; unknown region 99.99
    assert lap.dibaca == lap.dipakai + lap.jumlah_disisihkan
    assert data.rincian.height == 3 and lap.file_gagal[0]["file"] == "rusak.xlsx"
    assert lap.disisihkan.filter(pl.col("alasan").is_null()).height == 0


def test_findings_locate_and_explain(data):
    t = data.laporan.temuan
    kata = t.filter((pl.col("file") == "rincian.csv") & (pl.col("kolom") == "nilai")).row(0, named=True)
    assert (kata["baris"], kata["nilai"], kata["tingkat"]) == (4, "delapan puluh", "galat")
    assert "bukan angka" in kata["pesan"] and kata["saran"] and kata["message"] and kata["fix"]
    tanggal = t.filter(pl.col("kode") == "tanggal_unggah_format").row(0, named=True)
    assert (tanggal["baris"], tanggal["tingkat"], tanggal["nilai"]) == (5, "peringatan", "31/02/2024")
    tahun = t.filter(pl.col("kode") == "tahun_tanpa_plugin").row(0, named=True)
    assert tahun["baris"] == 7 and "2024" in tahun["pesan"]  # names the years that are supported
    lebar = t.filter((pl.col("file") == "lebar.csv") & (pl.col("tingkat") == "galat"))
    assert set(lebar["kolom"]) == {"BB", "kode_wilayah"}  # a wide cell is named by its header


def test_warnings_keep_rows_and_summary_scores_are_used(data):
    # the row with an invalid date is kept
    assert "BB.1.2" in data.rincian.filter(pl.col("kode_wilayah") == "62")["sub_indikator"].to_list()
    w = {r["kode_wilayah"]: r for r in mcsp_rules.score(data).iter_rows(named=True)}
    assert w["62.03"]["indeks"] == pytest.approx(50.0)  # 'Satu' is AA's alias
    assert w["62.04"]["indeks"] == pytest.approx(70.0)
    assert w["62.02"]["lengkap"] is False  # BB 150 set aside → incomplete, no silent zero


def test_national_sample_is_clean_and_complete():
    data = mcsp_rules.load([SAMPLE / "rincian_nasional_2024.csv", SAMPLE / "rincian_nasional_2025.csv",
                            SAMPLE / "rincian_nasional_2023.xlsx"])
    assert data.laporan.jumlah_galat == 0 and data.laporan.jumlah_disisihkan == 0
    w = mcsp_rules.score(data)
    for tahun in (2023, 2024, 2025):
        per = w.filter(pl.col("tahun") == tahun)
        assert per.height == 552 and per["lengkap"].all()
        assert set(per["kategori"]) == {"Merah", "Kuning", "Biru", "Hijau"}


def test_kalteng_counts_mirror_the_article():
    from mcsp_rules.hitung.skor import hitung_dokumen

    data = mcsp_rules.load([SAMPLE / "rincian_kalteng_2025.csv", SAMPLE / "ringkasan_kalteng_2025.csv"])
    dok = hitung_dokumen(data.rincian.lazy(), per=("tahun", "kode_provinsi")).collect().row(0, named=True)
    assert (dok["dokumen_wajib"], dok["dokumen_diunggah"], dok["belum_diunggah"]) == (660, 446, 214)
    assert (dok["diterima"], dok["perlu_perbaikan"], dok["proses_verifikasi"]) == (301, 49, 96)
    # the article's own figures (98 in verification) contradict its 446: the summary row is flagged
    beda = data.laporan.temuan.filter(pl.col("kode") == "dokumen_status_cocok")
    assert beda.height == 1 and "448" in beda["pesan"][0] and "446" in beda["pesan"][0]


def test_dot_in_a_csv_weight_is_flagged_but_an_xlsx_number_is_not(tulis, registri_mini, tmp_path):
    """'1.500' in a CSV may mean 1,5 or 1500 (weights a thousand times apart): the row is kept as 1,5
    and flagged. The same weight typed as a number in Excel carries no doubt and gets no warning."""
    import xlsxwriter

    csv = tulis("titik.csv", "tahun;kode_wilayah;area;sub_indikator;bobot;status\n"
                             "2024;62;AA;AA.1.1;1.500;diterima\n2024;62;AA;AA.1.2;0,5;diterima\n")
    xlsx = tmp_path / "titik.xlsx"
    with xlsxwriter.Workbook(xlsx) as wb:
        ws = wb.add_worksheet()
        ws.write_row(0, 0, ["tahun", "kode_wilayah", "area", "sub_indikator", "bobot", "status"])
        ws.write_row(1, 0, [2024, "62.01", "AA", "AA.1.1", 1.5, "diterima"])
        ws.write_row(2, 0, [2024, "62.01", "AA", "AA.1.2", 0.125, "diterima"])
    data = mcsp_rules.load([csv, xlsx], registri=registri_mini)
    ambigu = data.laporan.temuan.filter(pl.col("kode") == "bobot_titik_ambigu")
    assert ambigu.select("file", "baris", "nilai", "tingkat").rows() == [("titik.csv", 2, "1.500", "peringatan")]
    assert "1500" in ambigu["saran"][0] and "ribuan" in ambigu["pesan"][0]
    bobot = data.rincian.sort("kode_wilayah", "sub_indikator")["bobot"].to_list()
    assert bobot == [1.5, 0.5, 1.5, 0.125]  # kept, read as a decimal point


# ------------------------------------------------------------------ national scale: readable reports
def _baris_katalog(registri, kode="62", tahun=2024, dokumen=1, bobot_fmt="{:g}"):
    rows = []
    for at in registri.areas(tahun):
        for ind in at.area.indikator:
            for s in ind.sub:
                for d in range(dokumen):
                    rows.append({"tahun": str(tahun), "kode_wilayah": kode, "area": at.kode, "indikator": ind.kode,
                                 "sub_indikator": s.kode, "bobot": bobot_fmt.format(s.bobot / dokumen),
                                 "status": "diterima", "nilai": "", **({"dokumen": f"D{d}"} if dokumen > 1 else {})})
    return rows


def test_bobot_dibulatkan_seperti_spreadsheet_tidak_memicu_temuan(tulis):
    """Weights written with the rounding a spreadsheet shows (each sub-indicator split in three
    documents: 33,33 × 3 = 99,99 of a 100 area) raise no weight finding; a missing row still does."""
    import mcsp_rules

    reg = mcsp_rules.registri_bawaan()
    rows = _baris_katalog(reg, dokumen=3, bobot_fmt="{:.2f}")
    csv = pl.DataFrame(rows).with_columns(pl.col("bobot").str.replace(".", ",", literal=True)).write_csv(separator=";")
    data = mcsp_rules.load(tulis("bulat.csv", csv))
    assert data.laporan.temuan.filter(pl.col("kode").cast(pl.String).str.ends_with("jumlah_bobot")).height == 0
    assert data.laporan.dipakai == len(rows)  # rows per document are not duplicates of each other
    hilang = pl.DataFrame(rows[1:]).with_columns(pl.col("bobot").str.replace(".", ",", literal=True)).write_csv(separator=";")
    data = mcsp_rules.load(tulis("hilang.csv", hilang))
    assert data.laporan.temuan.filter(pl.col("kode").cast(pl.String).str.ends_with("jumlah_bobot")).height > 0


def test_dokumen_ganda_per_dokumen(tulis):
    import mcsp_rules

    rows = _baris_katalog(mcsp_rules.registri_bawaan(), dokumen=2)
    data = mcsp_rules.load(tulis("dok.csv", pl.DataFrame(rows + rows[:1]).write_csv()))
    ganda = data.laporan.temuan.filter(pl.col("kode") == "dokumen_ganda")
    assert ganda.height == 1 and ganda["baris"][0] == len(rows) + 2 and ganda["nilai"][0] == "D0"
    assert data.laporan.jumlah_disisihkan == 1 and data.laporan.dipakai == len(rows)
    assert data.laporan.temuan.filter(pl.col("kode") == "sub_indikator_ganda").height == 0
    assert set(data.rincian["dokumen"].unique().to_list()) == {"D0", "D1"}


def test_kode_di_luar_katalog_tidak_resmi_satu_catatan_per_file_dan_area(tulis):
    """Against a catalogue that is not KPK's official list, unknown codes are notes (not warnings),
    and the grouped report has one entry per file and area with the count and the first rows; the
    CLI prints that entry as one line, and every row with --semua."""
    import mcsp_rules

    rows = [dict(r, sub_indikator="X" + r["sub_indikator"]) for r in _baris_katalog(mcsp_rules.registri_bawaan(), dokumen=3)]
    f = tulis("asing.csv", pl.DataFrame(rows).write_csv())
    lap = mcsp_rules.load(f).laporan
    assert lap.jumlah_peringatan == 0 and lap.jumlah_catatan == len(rows) and lap.dipakai == len(rows)
    kel = lap.kelompok()
    assert kel.height == 8 and set(kel["tingkat"]) == {"catatan"}  # one per area of 2024
    pbj = kel.filter(pl.col("kode") == "PBJ.sub_tidak_dikenal").row(0, named=True)
    assert pbj["jumlah"] == sum(r["area"] == "PBJ" for r in rows) and len(pbj["baris_pertama"]) == 5
    assert pbj["nilai_berbeda"] == len({r["sub_indikator"] for r in rows if r["area"] == "PBJ"}) > 1


def test_cli_ringkas_dan_semua(tulis, capsys, monkeypatch):
    import mcsp_rules
    from mcsp_rules.cli import main

    monkeypatch.setenv("MCSP_IMPOR_PENUH", "1")
    rows = [dict(r, sub_indikator="X" + r["sub_indikator"]) for r in _baris_katalog(mcsp_rules.registri_bawaan(), dokumen=3)]
    f = tulis("asing.csv", pl.DataFrame(rows).write_csv())
    assert main(["validate", str(f)]) == 0
    keluar = capsys.readouterr().out.splitlines()
    catatan = [b for b in keluar if ": CATATAN: " in b]
    assert len(catatan) == 8 and all("`mcsp validate --semua`" in b for b in catatan)
    # a group covers many codes: the line says so, so its first row's message is not taken for all of them
    pbj = next(b for b in catatan if "PBJ" in b)
    berbeda = len({r["sub_indikator"] for r in rows if r["area"] == "PBJ"})
    assert "nilai berbeda; pesan baris pertama" in pbj and f", {berbeda} nilai berbeda" in pbj
    assert keluar[0].startswith(f"asing.csv (rincian): {len(rows):,} dibaca".replace(",", "."))
    assert main(["validate", "--semua", str(f)]) == 0
    assert sum(": CATATAN: " in b for b in capsys.readouterr().out.splitlines()) == len(rows)


def test_temuan_ringkas_dikelompokkan_tanpa_menulis_setiap_pesan(tulis):
    """Findings are kept compact: counts and groups come without writing a message per row (the report
    of a national file whose every row has a note), and they equal what the full list gives."""
    import mcsp_rules
    from mcsp_rules.validasi.laporan import _kelompok_baris

    rows = [dict(r, sub_indikator="X" + r["sub_indikator"]) for r in _baris_katalog(mcsp_rules.registri_bawaan(), dokumen=3)]
    rows[5]["status"] = "diterimah"  # an error too: a row set aside, with its message
    rows[9]["nilai"] = "150"
    lap = mcsp_rules.load(tulis("asing.csv", pl.DataFrame(rows).write_csv())).laporan
    kel = lap.kelompok()
    hitung = (lap.jumlah_galat, lap.jumlah_peringatan, lap.jumlah_catatan)
    assert "temuan" not in lap.__dict__  # nothing above wrote the per-row messages
    assert lap.disisihkan["alasan"].to_list()[0].startswith("Status 'diterimah' tidak dikenal")
    semua = lap.temuan
    assert hitung == tuple(semua.filter(pl.col("tingkat") == t).height for t in ("galat", "peringatan", "catatan"))
    dari_semua = _kelompok_baris(semua, 5).drop("_baris_awal")
    kunci = ["file", "tingkat", "kode", "kolom", "sumber"]
    assert kel.sort(kunci).select(dari_semua.columns).with_columns(pl.col(pl.Categorical).cast(pl.String)).equals(
        dari_semua.sort(kunci).with_columns(pl.col(pl.Categorical).cast(pl.String)))
    assert kel["tingkat"].to_list()[:2] == ["galat", "galat"]  # errors first
    besar = kel.filter(pl.col("jumlah") > 4)
    sisa = semua.join(besar.select("file", "kode", "kolom"), on=["file", "kode", "kolom"], how="anti", nulls_equal=True)
    baru = mcsp_rules.load(tulis("asing2.csv", pl.DataFrame(rows).write_csv())).laporan
    assert baru.temuan_kecuali(besar.with_columns(file=pl.lit("asing2.csv").cast(pl.Categorical))).height == sisa.height
