"""Property: whatever bytes arrive, the loader either returns data with an honest report (every file
either read and counted, read = used + set aside, or listed as unreadable with one sentence each way)
or raises the project's own error (MCSPError). Never any other exception.

Inputs: random bytes under .csv/.xlsx names (some behind a real format's magic bytes), and valid
files mutated: bytes flipped, cut, inserted or repeated in a valid CSV, in a valid XLSX as a zip, and
inside the XLSX's XML members (re-zipped, so the damage reaches calamine rather than the zip check).
Under CI the examples are derandomized, so a run is reproducible."""

from __future__ import annotations

import io
import os
import zipfile
from functools import lru_cache

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mcsp_rules
from jahat.korpus import ke_csv, ke_xlsx, rincian
from mcsp_rules.galat import MCSPError
from mcsp_rules.io.baca import baca
from mcsp_rules.io.bacaan import BacaanFile

CI = os.environ.get("CI") == "true"
# MCSP_HYPOTHESIS_CONTOH=2000 for a longer hunt than the suite's default
ATUR = settings(deadline=None, derandomize=CI, max_examples=int(os.environ.get("MCSP_HYPOTHESIS_CONTOH", 100)), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                database=None)


@lru_cache(maxsize=None)
def csv_sah(sep: str = ",") -> bytes:
    return ke_csv(rincian()[:12], sep=sep).encode()


@lru_cache(maxsize=None)
def xlsx_sah() -> bytes:
    return ke_xlsx(rincian()[:12])


def jawaban_jujur(berkas: list[tuple[str, bytes]]) -> None:
    """The property itself, for one load of ``berkas``."""
    try:
        d = mcsp_rules.load(berkas)
    except MCSPError as e:  # the project's own, clear error
        assert e.pesan.strip() and e.message.strip()
        return
    lap = d.laporan
    gagal = {g["file"] for g in lap.file_gagal}
    terbaca = set(lap.per_file["file"].to_list())
    assert gagal | terbaca == {n for n, _ in berkas}, "a file vanished from the report"
    for g in lap.file_gagal:
        assert g["pesan"].strip() and g["message"].strip() and "Traceback" not in g["pesan"]
    for f in lap.per_file.iter_rows(named=True):
        assert f["dibaca"] == f["dipakai"] + f["disisihkan"], f
        assert lap.disisihkan.filter(pl.col("file") == f["file"]).height == f["disisihkan"]
    assert lap.temuan.filter(pl.col("pesan").is_null() | pl.col("message").is_null()).height == 0


def baca_jujur(nama: str, data: bytes) -> None:
    """The reader alone: a text frame, or FileTidakTerbaca (an MCSPError)."""
    try:
        b = baca((nama, data))
    except MCSPError as e:
        assert e.pesan.strip() and e.message.strip()
        return
    assert isinstance(b, BacaanFile) and b.frame.height >= 1
    assert all(tp == pl.String for c, tp in b.frame.schema.items() if not c.startswith("_"))


NAMA = st.sampled_from(["data.csv", "data.xlsx", "Data.CSV", "ekspor.xls", "tanpa_akhiran"])
AWALAN = st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe", b"\xfe\xff",
                          b"\xef\xbb\xbf", b"sep=;\n", b"tahun,kode_wilayah,area\n", b"<?xml version=\"1.0\"?>", b"<html>",
                          b"{", b"\x1f\x8b", b"%PDF-"])


@ATUR
@given(nama=NAMA, awal=AWALAN, isi=st.binary(max_size=3000))
def test_byte_acak(nama, awal, isi):
    data = awal + isi
    baca_jujur(nama, data)
    jawaban_jujur([(nama, data)])


@ATUR
@given(nama=NAMA, teks=st.text(alphabet=st.characters(codec="utf-8"), max_size=1500),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252"]))
def test_teks_acak(nama, teks, encoding):
    """Random text (separators, quotes, line breaks and control characters among it) in the encodings
    exports use."""
    data = teks.encode(encoding, errors="replace")
    baca_jujur(nama, data)
    jawaban_jujur([(nama, data)])


# one mutation: (kind, position as a fraction of the length, bytes or a length)
MUTASI = st.lists(st.tuples(
    st.sampled_from(["balik", "hapus", "sisip", "potong", "ulang"]), st.floats(0, 1), st.binary(min_size=1, max_size=40),
), min_size=1, max_size=6)


def mutasi(data: bytes, langkah) -> bytes:
    b = bytearray(data)
    for jenis, posisi, sisip in langkah:
        i = min(int(posisi * len(b)), max(len(b) - 1, 0))
        if not b:
            b.extend(sisip)
        elif jenis == "balik":  # flip some bits of a byte
            b[i] ^= sisip[0] or 0xFF
        elif jenis == "hapus":
            del b[i:i + len(sisip)]
        elif jenis == "sisip":
            b[i:i] = sisip
        elif jenis == "potong":
            del b[i:]
        else:  # repeat a slice (a duplicated line, a duplicated zip record)
            b[i:i] = b[i:i + 2 * len(sisip)]
    return bytes(b)


TEKS_JAHAT = st.sampled_from(['"', '""', ";", ",", "\t", "\n", "\r", "\r\n", "\x00", "\ufeff", "=1+1", "<script>", "tahun",
                              "1.234,5", "\u200b", "é", "sep=;", " ", "9" * 30])


@ATUR
@given(sep=st.sampled_from([",", ";"]), langkah=MUTASI, nama=st.sampled_from(["rincian.csv", "rincian.xlsx"]))
def test_csv_sah_dimutasi(sep, langkah, nama):
    data = mutasi(csv_sah(sep), langkah)
    baca_jujur(nama, data)
    jawaban_jujur([(nama, data)])


@ATUR
@given(sep=st.sampled_from([",", ";"]),
       sisipan=st.lists(st.tuples(st.floats(0, 1), TEKS_JAHAT), min_size=1, max_size=8))
def test_csv_sah_disisipi_teks_jahat(sep, sisipan):
    """Separators, quotes, line breaks, NULs and BOMs dropped into a valid CSV at random places."""
    teks = csv_sah(sep).decode()
    for posisi, t in sisipan:
        i = int(posisi * len(teks))
        teks = teks[:i] + t + teks[i:]
    data = teks.encode()
    baca_jujur("rincian.csv", data)
    jawaban_jujur([("rincian.csv", data), ("baik.csv", csv_sah(","))])


@ATUR
@given(langkah=MUTASI)
def test_xlsx_sah_dimutasi_sebagai_zip(langkah):
    data = mutasi(xlsx_sah(), langkah)
    baca_jujur("rincian.xlsx", data)
    jawaban_jujur([("rincian.xlsx", data)])


def _zip_ulang(anggota: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in anggota.items():
            z.writestr(nama, isi)
    return buf.getvalue()


@ATUR
@given(bagian=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                               "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]),
       langkah=MUTASI, hapus=st.booleans())
def test_xlsx_xml_dimutasi(bagian, langkah, hapus):
    """Damage inside the XML (or a missing part), re-zipped with valid CRCs: it gets past the zip
    check and reaches the measuring guard and calamine."""
    with zipfile.ZipFile(io.BytesIO(xlsx_sah())) as z:
        anggota = {i.filename: z.read(i) for i in z.infolist()}
    if bagian not in anggota:
        return
    if hapus and len(langkah) == 1:
        del anggota[bagian]
    else:
        anggota[bagian] = mutasi(anggota[bagian], langkah)
    data = _zip_ulang(anggota)
    baca_jujur("rincian.xlsx", data)
    jawaban_jujur([("rincian.xlsx", data)])
