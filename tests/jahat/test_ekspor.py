"""Exports people open in Excel never carry a formula: text cells (and headers) that begin with
= + - @ tab CR or NUL are neutralised; numbers, negative ones included, stay numbers."""

from __future__ import annotations

import io
import re
import zipfile

import fastexcel
import polars as pl

import mcsp_rules
from jahat.korpus import KASUS
from mcsp_rules.io.ekspor import ke_csv, ke_xlsx

PEMICU = ["=1+1", "+62 811 000", "-cmd|' /C calc'!A0", "@SUM(1,2)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x\",\"y\")",
          "\x00=1"]


def _frame() -> pl.DataFrame:
    return pl.DataFrame({
        "teks": PEMICU + ["biasa", "Kabupaten Kapuas"],
        "angka": [-3.0, 1.5, 0.0, -0.5, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
        "kategori": pl.Series(["=a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], dtype=pl.Categorical),
        "daftar": [["=1", "x"]] * 10,
        "=kolom": ["x"] * 10,  # a header from an upload: neutralised too
    })


def _lembar_xml(data: bytes) -> list[bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]


def test_xlsx_tanpa_rumus_dan_teks_tetap_teks():
    data = ke_xlsx({"Data": _frame(), "Kedua": _frame().head(2)})
    for xml in _lembar_xml(data):
        assert b"<f>" not in xml and b"<f " not in xml, "a formula element in the exported sheet"
    dibaca = fastexcel.read_excel(data).load_sheet("Data", dtypes="string").to_polars()
    teks = dibaca.to_series(0).to_list()
    for asli, jadi in zip(PEMICU, teks):
        assert jadi.startswith("'") and asli.lstrip("\x00") in jadi, (asli, jadi)
    assert teks[-2:] == ["biasa", "Kabupaten Kapuas"]  # ordinary text untouched
    assert dibaca.columns[-1] == "'=kolom"
    assert dibaca.to_series(2).to_list()[0] == "'=a"  # categorical text too
    assert dibaca.to_series(3).to_list()[0].startswith("'=1")
    # numbers are numbers (a negative number is not a formula)
    angka = fastexcel.read_excel(data).load_sheet("Data").to_polars()["angka"]
    assert angka.dtype == pl.Float64 and angka.to_list()[:2] == [-3.0, 1.5]
    # every cell of the text column is a shared or inline string in the XML, never a formula or a number
    xml = _lembar_xml(data)[0].decode()
    sel_a = re.findall(r'<c r="A(\d+)"([^>]*)>', xml)
    assert sel_a and all('t="s"' in attr or 't="inlineStr"' in attr or 't="str"' not in attr and 't=' in attr
                         for _, attr in sel_a[1:]), sel_a[:5]


def test_csv_memberi_awalan():
    teks = ke_csv(_frame())
    df = pl.read_csv(io.StringIO(teks), infer_schema=False)
    assert df.columns[-1] == "'=kolom"
    for asli, jadi in zip(PEMICU, df["teks"].to_list()):
        assert jadi.startswith("'"), (asli, jadi)
    assert df["angka"].to_list()[0] == "-3.0"  # stays a number in the CSV
    assert df["kategori"][0] == "'=a" and df["daftar"][0].startswith("'=1")


def test_laporan_validasi_dari_file_jahat_dinetralkan():
    """The report of a hostile file, downloaded as XLSX from the Data page (ke_xlsx of the report's
    tables), carries the hostile values as neutral text."""
    d = mcsp_rules.load([("rumus.csv", KASUS["rumus_di_csv"].isi())])
    lap = d.laporan
    data = ke_xlsx({"Temuan": lap.temuan, "Disisihkan": lap.disisihkan, "Rincian": d.rincian})
    for xml in _lembar_xml(data):
        assert b"<f>" not in xml and b"<f " not in xml
    rincian = fastexcel.read_excel(data).load_sheet("Rincian", dtypes="string").to_polars()
    nama = set(rincian["nama_sub_indikator"].to_list())
    assert {"'=1+1", "'+62 811 000", "'-cmd|' /C calc'!A0", "'@SUM(1,2)"} <= nama
    # the uploaded region name never reaches the data (the official name does): nothing to neutralise there
    assert set(rincian["nama_wilayah"].to_list()) == {"Provinsi Kalimantan Tengah"}
    temuan = fastexcel.read_excel(data).load_sheet("Temuan", dtypes="string").to_polars()
    assert "'=1+1" in temuan["nilai"].to_list()
    assert all(not v.startswith(("=", "+", "-", "@")) for v in ke_csv(d.rincian).splitlines() for v in v.split(","))
