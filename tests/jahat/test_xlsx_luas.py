"""The XLSX guard measures a sheet at least as large as calamine will make it, whatever the XML looks
like (references in any attribute order or quotes, prefixed elements, lower case, rows and cells
without references...). Small coordinates keep calamine safe here; the property is what keeps it safe
with large ones: the guard never under-measures, so a sheet it lets through is no larger than measured."""

from __future__ import annotations

import io
import zipfile

import fastexcel
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from jahat.korpus import lembar_xml, xlsx_mentah
from mcsp_rules.batas import Batas
from mcsp_rules.io.penjaga_xlsx import periksa_zip as _periksa_zip


def _huruf(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


sel = st.fixed_dictionaries({
    "ref": st.booleans(), "kolom": st.integers(1, 60), "baris": st.one_of(st.none(), st.integers(1, 150)),
    "kecil": st.booleans(), "kutip": st.sampled_from(['"', "'"]), "spasi": st.sampled_from(["", " "]),
    "r_kedua": st.booleans(), "prefiks": st.sampled_from(["", "x:"]), "nilai": st.sampled_from(["v", "is", "kosong"]),
})
baris = st.fixed_dictionaries({
    "ref": st.booleans(), "r": st.integers(1, 150), "kutip": st.sampled_from(['"', "'"]),
    "prefiks": st.sampled_from(["", "x:"]), "sel": st.lists(sel, max_size=6),
})


def _xml(rows: list[dict], dimensi: str | None) -> bytes:
    out = ['<row r="1"><c r="A1"><v>0</v></c></row>']  # a value at A1: calamine's frame then starts at A1
    for b in rows:
        p = b["prefiks"]
        attr = f" r={b['kutip']}{b['r']}{b['kutip']}" if b["ref"] else ""
        isi = []
        for c in b["sel"]:
            q, cp = c["kutip"], c["prefiks"]
            ref = _huruf(c["kolom"]) + (str(c["baris"]) if c["baris"] else str(b["r"]))
            ref = ref.lower() if c["kecil"] else ref
            r = f"r{c['spasi']}={c['spasi']}{q}{ref}{q}" if c["ref"] else ""
            a = f' t="n" {r}' if c["r_kedua"] else f" {r}"
            a = a if r else (' t="n"' if c["r_kedua"] else "")
            v = {"v": f"<{cp}v>1</{cp}v>", "is": f"<{cp}is><{cp}t>x</{cp}t></{cp}is>", "kosong": ""}[c["nilai"]]
            if c["nilai"] == "is":
                a += ' t="inlineStr"' if "t=" not in a else ""
                a = a.replace('t="n"', 't="inlineStr"')
            isi.append(f"<{cp}c{a}>{v}</{cp}c>")
        out.append(f"<{p}row{attr}>{''.join(isi)}</{p}row>")
    xml = lembar_xml("".join(out).encode(), dimensi.encode() if dimensi else None)
    return xml.replace(b"<worksheet ", b'<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(baris, max_size=8), dimensi=st.sampled_from([None, "A1", "A1:C3"]),
       batas=st.sampled_from([Batas(baris=30, kolom=40, sel=600), Batas(baris=500, kolom=200, sel=10_000), Batas()]))
def test_pengukur_tidak_pernah_kurang_dari_calamine(rows, dimensi, batas):
    data = xlsx_mentah(_xml(rows, dimensi))
    _, ukuran = _periksa_zip("x.xlsx", data, batas)
    u = ukuran["xl/worksheets/sheet1.xml"]
    try:
        frame = fastexcel.read_excel(data).load_sheet(0, header_row=None, skip_rows=0, dtypes="string").to_polars()
    except Exception:  # noqa: BLE001 — XML calamine rejects cannot allocate anything
        assume(False)
        return
    atas_baris, atas_kolom = u.batas_atas()
    assert atas_baris >= frame.height, (u, frame.shape)
    assert atas_kolom >= frame.width, (u, frame.shape)


def test_lebih_dari_26_kolom_dan_banyak_baris_tetap_terbaca():
    """A legitimate wide sheet (two-letter columns) is measured exactly, not refused."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet("Data")
    for r in range(2000):
        for c in range(40):
            ws.write_number(r, c, r * c)
    wb.close()
    _, ukuran = _periksa_zip("lebar.xlsx", buf.getvalue(), Batas())
    u = ukuran["xl/worksheets/sheet1.xml"]
    assert u.max_kolom == 40 and u.batas_atas()[0] >= 2000


@pytest.mark.parametrize("ref", ["A1000001", "AAAA1", "A99999999999999999999999"])
def test_referensi_ekstrem(ref):
    data = xlsx_mentah(lembar_xml(f'<row r="1"><c r="A1"><v>1</v></c><c r="{ref}"><v>1</v></c></row>'.encode()))
    import mcsp_rules

    d = mcsp_rules.load([("x.xlsx", data)])
    assert "terlalu besar" in d.laporan.file_gagal[0]["pesan"]


def test_anggota_zip_rusak():
    data = bytearray(xlsx_mentah(lembar_xml(b'<row r="1"><c r="A1"><v>1</v></c></row>' * 50)))
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo("xl/worksheets/sheet1.xml")
    data[info.header_offset + 60] ^= 0xFF  # corrupt the deflate stream
    import mcsp_rules

    d = mcsp_rules.load([("x.xlsx", bytes(data))])
    assert d.laporan.file_gagal and "rusak" in d.laporan.file_gagal[0]["pesan"]


def _lembar_sebelas_kolom(n: int, tambahan: str = "") -> bytes:
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{_huruf(c)}{r}"><v>1</v></c>' for c in range(1, 12))
                   + (tambahan if r == 5 else "") + "</row>" for r in range(1, n + 1))
    return xlsx_mentah(lembar_xml(rows.encode()))


def test_banyak_baris_sebelas_kolom_diukur_sebelas_bukan_26():
    """A real-scale year as XLSX (362 000 rows × 11 columns = 4 million cells) was bounded as rows × 26 and refused
    under the 8 million-cell limit. Scaled down: rows under 1 000 take the fast path here, and their bound is the
    last column letter they use; a Z cell among them brings back 26 and the refusal."""
    import mcsp_rules

    batas = Batas(baris=5_000, kolom=200, sel=30_000)  # 1 500 × 11 = 16 500 fits, 1 500 × 26 = 39 000 does not
    data = _lembar_sebelas_kolom(1_500)
    _, ukuran = _periksa_zip("x.xlsx", data, batas)
    assert ukuran["xl/worksheets/sheet1.xml"].batas_atas() == (1_500, 11)
    d = mcsp_rules.load([("x.xlsx", data)], batas=batas)
    assert not any("terlalu besar" in g["pesan"] for g in d.laporan.file_gagal), d.laporan.file_gagal

    lebar = _lembar_sebelas_kolom(1_500, tambahan='<c r="Z5"><v>1</v></c>')
    _, ukuran = _periksa_zip("x.xlsx", lebar, batas)
    assert ukuran["xl/worksheets/sheet1.xml"].batas_atas() == (1_500, 26)
    d = mcsp_rules.load([("x.xlsx", lebar)], batas=batas)
    assert "terlalu besar" in d.laporan.file_gagal[0]["pesan"]
