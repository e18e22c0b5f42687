"""Every corpus file uploaded to the dashboard's Data page (streamlit AppTest): no exception and no
traceback in the app, the case's expected message where a person reads it (the "files that could not
be read" lines, or the findings table), the row counts adding up, and the app still usable afterwards.

One AppTest session takes the whole corpus, one upload after another (each upload replaces the
last, as it does for a person), which is also the "stays usable" test: a later case only passes if
every earlier file left the session working. Files that, without the reader's guard, would make
calamine abort the process are uploaded in a child process under a memory cap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jahat.anak import jalankan_anak
from jahat.korpus import KASUS, Kasus, ke_csv, rincian

AKAR = Path(__file__).resolve().parents[2]
APP = str(AKAR / "dashboard.py")
GAGAL_UMUM = ("tidak dapat diproses", "could not be processed")
# The app reads an XLSX's first sheet (it has no sheet choice): cases that name a sheet are CLI/API only.
DI_APLIKASI = [k for k in KASUS.values() if not k.berbahaya and not k.sheet]
BERBAHAYA = [k for k in KASUS.values() if k.berbahaya]


def _mime(k: Kasus) -> str:
    return "text/csv" if k.file.endswith(".csv") else "application/octet-stream"


def nama_unggah(k: Kasus) -> str:
    """The uploader takes .csv and .xlsx only (Streamlit refuses other names before the reader sees
    them); a person gets past it by renaming, so other cases arrive as 'rekap.xls.xlsx'. The content
    still decides: the message is the same."""
    return k.file if k.file.lower().endswith((".csv", ".xlsx")) else f"{k.file}.xlsx"


def teks_halaman(at: AppTest) -> str:
    """Everything a person can read on the page: texts, alerts, captions, markdown, metric labels
    and values, and every cell of every table (findings, set-aside rows)."""
    bagian = [x.value for x in at.text] + [x.value for x in at.error] + [x.value for x in at.warning]
    bagian += [x.value for x in at.success] + [x.value for x in at.info] + [x.value for x in at.caption]
    bagian += [x.value for x in at.markdown] + [f"{m.label}: {m.value}" for m in at.metric]
    for d in at.dataframe:
        df = d.value
        df = getattr(df, "data", df)  # a pandas Styler carries its frame in .data
        bagian += [str(c) for c in df.columns]
        bagian += [str(v) for v in df.astype(str).to_numpy().ravel()]
    return "\n".join(bagian)


def tanpa_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    semua = teks_halaman(at)
    assert "Traceback" not in semua and 'File "/' not in semua
    assert not [e.value for e in at.error if any(g in e.value for g in GAGAL_UMUM)], "the page's own catch-all fired"


def metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def angka(teks: str) -> int:
    return int(teks.replace(".", ""))


def periksa_halaman(at: AppTest, k: Kasus) -> None:
    file = nama_unggah(k)
    tanpa_traceback(at)
    semua = teks_halaman(at)
    for potongan in k.pesan:
        assert potongan in semua, f"{k.nama}: '{potongan}' not shown:\n{semua[:3000]}"
    m = metrik(at)
    assert "Baris dibaca" in m, f"{k.nama}: no report shown"
    # nothing lost, as the page says it
    assert angka(m["Baris dibaca"]) == angka(m["Baris dipakai"]) + angka(m["Baris disisihkan"])
    assert any("dibaca = dipakai + disisihkan" in s.value for s in at.success)
    gagal = [x.value for x in at.text if x.value.startswith(f"{file}: ")]
    if k.keluar == 2:  # unreadable: one sentence under "files that could not be read", naming the file
        assert any(e.value == "File yang tidak dapat dibaca:" for e in at.error), k.nama
        assert len(gagal) == 1 and len(gagal[0]) > len(file) + 10, gagal
        assert m["Baris dibaca"] == "0"
    else:
        assert not gagal, gagal
        assert any(x.value.startswith(f"{file} — ") for x in at.text), f"{k.nama}: no per-file line"
        if k.keluar == 1:
            assert angka(m["Galat"]) >= 1
        else:
            assert m["Galat"] == "0"
    for e in k.temuan:  # the row-level finding, in the findings table with its row, column and value
        semua_temuan = next(getattr(d.value, "data", d.value) for d in at.dataframe
                            if "Cara memperbaiki" in getattr(d.value, "data", d.value).columns
                            and "Baris" in getattr(d.value, "data", d.value).columns)
        baris = semua_temuan[semua_temuan["Baris"].astype("Int64") == e.baris]
        if e.kolom:
            baris = baris[baris["Kolom"] == e.kolom]
        if e.nilai is not None:
            baris = baris[baris["Nilai"] == e.nilai]
        assert len(baris) >= 1, f"{k.nama}: {e} not in the findings table"
        assert baris["Masalah"].str.len().min() > 0 and baris["Cara memperbaiki"].str.len().min() > 0


@pytest.fixture(scope="module")
def sesi() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    assert at.title[0].value == "Data: unggah dan periksa"
    return at


def test_korpus_di_aplikasi_cukup():
    assert len(DI_APLIKASI) >= 40
    assert {k.nama for k in KASUS.values()} == {k.nama for k in DI_APLIKASI} | {k.nama for k in BERBAHAYA} | {
        k.nama for k in KASUS.values() if k.sheet}


@pytest.mark.parametrize("k", DI_APLIKASI, ids=lambda k: k.nama)
def test_kasus_di_halaman_data(sesi: AppTest, k: Kasus):
    sesi.file_uploader[0].set_value([(nama_unggah(k), k.isi(), _mime(k))])
    sesi.run()
    periksa_halaman(sesi, k)


def test_masih_bisa_dipakai_setelah_korpus(sesi: AppTest):
    """After every hostile file, the same session loads a good file and every page works on it."""
    baik = ke_csv(rincian()).encode()
    sesi.file_uploader[0].set_value([("baik.csv", baik, "text/csv")])
    sesi.run()
    tanpa_traceback(sesi)
    m = metrik(sesi)
    assert m["Baris dibaca"] == "48" and m["Baris dipakai"] == "48" and m["Galat"] == "0"
    for halaman, judul in (("tampilan/halaman/ringkasan.py", "Ringkasan 2024"), ("tampilan/halaman/profil.py", None),
                           ("tampilan/halaman/bandingkan.py", None), ("tampilan/halaman/data.py", "Data: unggah dan periksa")):
        sesi.switch_page(halaman)
        sesi.run()
        sesi.run()
        tanpa_traceback(sesi)
        if judul:
            assert sesi.title[0].value == judul


def test_banyak_file_buruk_sekaligus_dan_bahasa_inggris():
    """A person drops a dozen broken files and one good one at once, in the English interface: one
    English sentence per broken file, the good file fully used."""
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    at.sidebar.radio(key="bahasa").set_value("en")
    at.run()
    buruk = [KASUS[n] for n in ("kosong", "sampah_biner", "gambar_png_csv", "zip_rusak", "kata_sandi_ole", "xls_lama_biff",
                                "bom_xlsx", "nul_tengah", "sel_2mb", "xlsx_billion_laughs", "html_bernama_xls", "baris_berlebih")]
    at.file_uploader[0].set_value([(nama_unggah(k), k.isi(), _mime(k)) for k in buruk] + [("baik.csv", ke_csv(rincian()).encode(), "text/csv")])
    at.run()
    tanpa_traceback(at)
    assert any(e.value == "Files that could not be read:" for e in at.error)
    baris = {x.value.split(": ", 1)[0]: x.value.split(": ", 1)[1] for x in at.text if ": " in x.value}
    harapan = {"kosong.csv": "empty", "sampah.csv": "not a CSV or XLSX", "foto.csv": "PNG image", "rusak.xlsx": "corrupt",
               "terkunci.xlsx": "password-protected", "rekap.xls.xlsx": "old Excel file", "bom.xlsx": "zip bomb",
               "nul_tengah.csv": "NUL characters", "sel_besar.csv": "over the limit of 10,000 per cell",
               "lol.xlsx": "DTD", "ekspor_portal.xls.xlsx": "HTML page", "baris_berlebih.csv": "over the limit"}
    for file, potongan in harapan.items():
        assert potongan in baris.get(file, ""), (file, baris.get(file))
    m = metrik(at)
    assert m["Rows used"] == "48"


def test_kasus_berbahaya_di_aplikasi_proses_anak(korpus):
    """The files that would make calamine allocate gigabytes, uploaded to the app in a child process
    with a memory cap: the child lives, and each file gets its "too large" sentence."""
    kode = r"""
import json, sys
from pathlib import Path
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=240)
at.run()
hasil = {}
for p in sys.argv[2:]:
    p = Path(p)
    at.file_uploader[0].set_value([(p.name, p.read_bytes(), "application/octet-stream")])
    at.run()
    hasil[p.name] = {"exception": [str(e.value) for e in at.exception], "text": [x.value for x in at.text],
                     "error": [x.value for x in at.error]}
print(json.dumps(hasil))
"""
    file = {korpus[k.nama].name: k for k in BERBAHAYA}
    assert len(file) == len(BERBAHAYA), "dangerous cases need distinct file names here"
    hasil = jalankan_anak(kode, APP, *(str(korpus[k.nama]) for k in BERBAHAYA), timeout=600)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    keluaran = json.loads(hasil.stdout.strip().splitlines()[-1])
    for nama, k in file.items():
        r = keluaran[nama]
        assert not r["exception"], (k.nama, r["exception"])
        assert not [e for e in r["error"] if any(g in e for g in GAGAL_UMUM)], (k.nama, r["error"])
        baris = [x for x in r["text"] if x.startswith(f"{k.file}: ")]
        assert len(baris) == 1, (k.nama, r["text"])
        for potongan in k.pesan:
            assert potongan in baris[0], (k.nama, baris[0])
