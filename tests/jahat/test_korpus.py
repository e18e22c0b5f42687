"""Every corpus file gets its honest answer, through the API (load), the command line (mcsp validate)
and, in test_app.py, the dashboard. Nothing is lost (read = used + set aside, per file), every
row-level finding says where, what and how to fix it, and no traceback ever reaches a person."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl
import pytest

import mcsp_rules
from jahat.anak import jalankan_anak, mcsp
from jahat.korpus import KASUS, Kasus, ke_csv, rincian

AMAN = [k for k in KASUS.values() if not k.berbahaya]
BERBAHAYA = [k for k in KASUS.values() if k.berbahaya]
ATURAN_BARIS_TANPA_KOLOM = {"sel_berlebih", "sel_kurang"}  # a whole row is ragged: no single column to name
KOLOM_BOLEH_KOSONG = {"nilai", "tanggal_unggah", "tanggal_verifikasi", "nama_wilayah", "indikator", "nama_sub_indikator"}


def kode_keluar(data: mcsp_rules.Data) -> int:
    """What `mcsp validate` exits with for this report."""
    return 2 if data.laporan.file_gagal else (1 if data.laporan.jumlah_galat else 0)


def teks_laporan(data: mcsp_rules.Data) -> str:
    lap = data.laporan
    bagian = [g["pesan"] for g in lap.file_gagal]
    bagian += lap.temuan["pesan"].to_list() + lap.temuan["saran"].to_list()
    return "\n".join(bagian)


def periksa_laporan(k: Kasus, data: mcsp_rules.Data) -> None:
    lap = data.laporan
    assert kode_keluar(data) == k.keluar, (k.nama, lap.file_gagal, lap.temuan.filter(pl.col("tingkat") == "galat"))
    teks = teks_laporan(data)
    for potongan in k.pesan:
        assert potongan in teks, f"{k.nama}: '{potongan}' not in the report:\n{teks[:3000]}"
    for g in lap.file_gagal:  # one sentence each way, naming the file
        assert g["file"] == k.file and g["pesan"].strip() and g["message"].strip()
        assert "Traceback" not in g["pesan"] + g["message"]
    # nothing lost: per file, read = used + set aside, and every set-aside row is listed with its reason
    for f in lap.per_file.iter_rows(named=True):
        assert f["dibaca"] == f["dipakai"] + f["disisihkan"], f
        sisih = lap.disisihkan.filter(pl.col("file") == f["file"])
        assert sisih.height == f["disisihkan"], (f, sisih)
        assert sisih["alasan"].null_count() == 0 and sisih["reason"].null_count() == 0
        if f["jenis"] == "rincian":
            assert data.rincian.filter(pl.col("file") == f["file"]).height == f["dipakai"]
    # every row-level finding: file, row as the sheet numbers it, column, value, what is wrong, how to fix it
    for t in lap.temuan.filter(pl.col("baris").is_not_null()).iter_rows(named=True):
        assert t["file"] == k.file and t["baris"] >= 1, t
        assert t["pesan"] and t["message"] and t["saran"] and t["fix"], t
        if t["kode"] not in ATURAN_BARIS_TANPA_KOLOM:
            assert t["kolom"], t
            if t["nilai"] is None:  # only an empty cell has no value to show, and then that is said
                kosong = lap.temuan.filter((pl.col("baris") == t["baris"]) & (pl.col("kode") == f"{t['kolom']}_kosong"))
                assert t["kode"].endswith("_kosong") or kosong.height or t["kolom"] in KOLOM_BOLEH_KOSONG, t
        assert "{" not in t["pesan"] and "{" not in t["message"], f"unfilled placeholder: {t}"
    for e in k.temuan:
        cocok = lap.temuan.filter((pl.col("baris") == e.baris) & (pl.col("kode") == e.kode) & (pl.col("tingkat") == e.tingkat))
        if e.kolom is not None:
            cocok = cocok.filter(pl.col("kolom") == e.kolom)
        if e.nilai is not None:
            cocok = cocok.filter(pl.col("nilai") == e.nilai)
        assert cocok.height >= 1, f"{k.nama}: expected {e} in\n{lap.temuan.select('baris', 'kolom', 'nilai', 'kode', 'tingkat')}"
        if e.tingkat == "galat":  # a row with an error is set aside, and listed
            assert lap.disisihkan.filter(pl.col("baris") == e.baris).height == 1


def test_korpus_cukup_dan_lengkap():
    assert len(KASUS) >= 40
    assert sum(k.keluar == 2 for k in KASUS.values()) >= 15 and sum(k.keluar == 1 for k in KASUS.values()) >= 15
    assert len({k.nama for k in KASUS.values()}) == len(KASUS)


@pytest.mark.parametrize("k", AMAN, ids=lambda k: k.nama)
def test_load_memberi_jawaban_jujur(k: Kasus):
    data = mcsp_rules.load([(k.file, k.isi())], sheet=k.sheet)
    periksa_laporan(k, data)


@pytest.mark.parametrize("k", AMAN, ids=lambda k: k.nama)
def test_cli_validate(k: Kasus, korpus, capsys, monkeypatch):
    """`mcsp validate --semua FILE` in-process (the same main() the command runs): exit code, message, no
    traceback, every finding on its own line."""
    from mcsp_rules.cli import main

    monkeypatch.setenv("MCSP_IMPOR_PENUH", "1")  # keep pandas importable in this process
    kode = main(["validate", "--semua", str(korpus[k.nama]), *(["--sheet", k.sheet] if k.sheet else [])])
    keluar = capsys.readouterr()
    semua = keluar.out + keluar.err
    assert kode == k.keluar, semua[-3000:]
    assert "Traceback" not in semua
    for potongan in k.pesan:
        assert potongan in semua, f"'{potongan}' not in:\n{semua[-3000:]}"
    baris = keluar.out.splitlines()
    for e in k.temuan:  # each finding on its own line: file, row, column, value, message and fix
        awal = f"{k.file}, baris {e.baris}" + (f", kolom {e.kolom}:" if e.kolom else ":")
        cocok = [b for b in baris if b.startswith(awal) and (e.nilai is None or e.nilai in b)]
        assert cocok, f"no line starting {awal!r} with {e.nilai!r} in:\n{keluar.out[-3000:]}"
    ringkas = baris[-1]
    assert "dibaca" in ringkas and "dipakai" in ringkas and "disisihkan" in ringkas


def test_kasus_berbahaya_di_proses_anak(korpus):
    """Files that would make calamine allocate gigabytes and abort: load them in a child process with
    a memory cap; each gets "terlalu besar" and the child lives."""
    kode = (
        "import json, sys, mcsp_rules\n"
        "hasil = {}\n"
        "for p in sys.argv[1:]:\n"
        "    d = mcsp_rules.load(p)\n"
        "    hasil[p] = [d.laporan.file_gagal, d.laporan.jumlah_galat]\n"
        "print(json.dumps(hasil))\n"
    )
    path = {str(korpus[k.nama]): k for k in BERBAHAYA}
    hasil = jalankan_anak(kode, *path)
    assert hasil.returncode == 0, hasil.stderr[-2000:]
    keluaran = json.loads(hasil.stdout.strip().splitlines()[-1])
    for p, k in path.items():
        gagal, _ = keluaran[p]
        assert gagal and gagal[0]["file"] == k.file, (k.nama, gagal)
        for potongan in k.pesan:
            assert potongan in gagal[0]["pesan"], (k.nama, gagal[0]["pesan"])
        assert "too large" in gagal[0]["message"]


def test_cli_semua_file_sekaligus_di_proses_anak(korpus):
    """One real `mcsp validate` over the whole corpus (the dangerous files included): one answer per
    file, exit 2 (some are unreadable), no traceback, and the good files still reported."""
    file = [korpus[k.nama] for k in KASUS.values() if not k.sheet]
    hasil = mcsp("validate", *file)
    semua = hasil.stdout + hasil.stderr
    assert hasil.returncode == 2, semua[-3000:]
    assert "Traceback" not in semua and "Terjadi kesalahan tak terduga" not in semua
    for k in KASUS.values():
        if k.sheet:
            continue
        assert f"{k.file}" in hasil.stdout, k.nama
        if k.keluar == 2:
            assert any(line.startswith(f"{k.file}: GALAT:") for line in hasil.stdout.splitlines()), k.nama
    # the corpus files all describe one pemda and year, so later files repeat earlier ones (duplicates,
    # set aside): whatever happens, every readable file's line adds up
    hitung = re.findall(r"^(.+) \((.+)\): ([\d.]+) dibaca = ([\d.]+) dipakai \+ ([\d.]+) disisihkan$", hasil.stdout, re.M)
    assert len(hitung) >= 30
    for _, _, dibaca, dipakai, sisih in hitung:
        assert int(dibaca.replace(".", "")) == int(dipakai.replace(".", "")) + int(sisih.replace(".", ""))


def test_cli_batas_baris_dari_env(tmp_path):
    """Limits are read from the environment (here MCSP_BATAS_BARIS), and the message names the limit."""
    p = tmp_path / "rincian.csv"
    p.write_text(ke_csv(rincian()), encoding="utf-8")
    hasil = mcsp("validate", p, env={"MCSP_BATAS_BARIS": "20"})
    assert hasil.returncode == 2 and "lebih dari 20 baris data, melebihi batas" in hasil.stdout
    hasil = mcsp("--bahasa", "en", "validate", p, env={"MCSP_BATAS_BARIS": "20"})
    assert hasil.returncode == 2 and "more than 20 data rows, over the limit" in hasil.stdout
    assert mcsp("validate", p).returncode == 0


def test_batas_lewat_api(tmp_path):
    """The same limits as a `Batas` passed to load (what a notebook or a stricter deployment does)."""
    from mcsp_rules.batas import Batas

    isi = ke_csv(rincian()).encode()
    kecil = Batas(baris=10, sel_karakter=20, ukuran_mb=1, kolom=5, sel=100)
    pesan = mcsp_rules.load([("r.csv", isi)], batas=kecil).laporan.file_gagal[0]["pesan"]
    assert "melebihi batas" in pesan  # the first limit the file meets is named
    d = mcsp_rules.load([("r.csv", isi)], batas=Batas(kolom=5))
    assert "melebihi batas 5 kolom" in d.laporan.file_gagal[0]["pesan"]
    d = mcsp_rules.load([("r.csv", isi)], batas=Batas(baris=10))
    assert "lebih dari 10 baris" in d.laporan.file_gagal[0]["pesan"]
    d = mcsp_rules.load([("r.csv", isi)], batas=Batas(sel=100))
    assert "melebihi batas 100 sel" in d.laporan.file_gagal[0]["pesan"]
    d = mcsp_rules.load([("r.csv", isi)], batas=Batas(sel_karakter=20))
    assert "melebihi batas 20 karakter per sel" in d.laporan.file_gagal[0]["pesan"]
    d = mcsp_rules.load([("r.csv", b"x" * (1024 * 1024 + 1))], batas=Batas(ukuran_mb=1))
    assert "melebihi batas unggah 1 MB" in d.laporan.file_gagal[0]["pesan"]


def test_file_buruk_tidak_menghentikan_file_lain():
    """A batch with a bomb-like, a binary and a good file: the good one is fully used."""
    baik = ke_csv(rincian()).encode()
    d = mcsp_rules.load([("baik.csv", baik), ("sampah.csv", KASUS["sampah_biner"].isi()),
                         ("rusak.xlsx", KASUS["zip_rusak"].isi()), ("baik2.csv", baik)])
    assert {g["file"] for g in d.laporan.file_gagal} == {"sampah.csv", "rusak.xlsx"}
    assert d.rincian.height == 48  # baik2.csv repeats baik.csv: its rows are duplicates, set aside
    per = {r["file"]: r for r in d.laporan.per_file.iter_rows(named=True)}
    assert per["baik.csv"]["dipakai"] == 48 and per["baik2.csv"]["disisihkan"] == 48


def test_nilai_kosong_karena_galat_excel_tidak_menjadi_100():
    """#N/A in nilai of an accepted item is reported and the row set aside, never scored as 100."""
    d = mcsp_rules.load([("na.xlsx", KASUS["xlsx_galat_di_nilai_diterima"].isi())])
    assert d.rincian.filter(pl.col("sub_indikator") == "BMD.1.1").height == 0
    assert d.laporan.disisihkan.filter(pl.col("baris") == 16).height == 1


def test_provinsi_dan_jenis_dari_daftar_wilayah_bukan_dari_file():
    d = mcsp_rules.load([("p.csv", KASUS["kolom_provinsi_tambahan"].isi())])
    assert d.rincian["provinsi"].unique().to_list() == ["Kalimantan Tengah"]
    assert d.rincian["jenis_pemda"].unique().to_list() == ["provinsi"]


def test_teks_sama_dengan_utf8_cp1252_utf16():
    """The same table as UTF-8, cp1252, UTF-16 with and without BOM gives identical frames."""
    rows = rincian()
    rows[0]["nama_sub_indikator"] = "Pengelolaan Aset – Tanah “bersertifikat” é"
    teks = ke_csv(rows, sep=";")
    bentuk = {"utf8.csv": teks.encode(), "bom.csv": ("\ufeff" + teks).encode(), "cp1252.csv": teks.encode("cp1252"),
              "u16.csv": teks.encode("utf-16"), "u16le.csv": teks.encode("utf-16-le")}
    frames = {n: mcsp_rules.load([(n, b)]).rincian.drop("file") for n, b in bentuk.items()}
    for n, f in frames.items():
        assert f.height == 48 and f.equals(frames["utf8.csv"]), n


def test_teks_pengguna_tetap_teks():
    """Formula-looking and HTML text is kept as text, exactly (the exports and the app neutralise it)."""
    d = mcsp_rules.load([("s.csv", KASUS["script_di_nama"].isi())])
    assert "<script>alert('x')</script>" in d.rincian["nama_sub_indikator"].to_list()
    assert d.laporan.temuan.filter(pl.col("nilai") == "<script>alert(1)</script>").height == 1
    d = mcsp_rules.load([("r.csv", KASUS["rumus_di_csv"].isi())])
    nama = set(d.rincian["nama_sub_indikator"].to_list())
    assert {"=1+1", "+62 811 000", "-cmd|' /C calc'!A0", "@SUM(1,2)"} <= nama


def test_path_yang_bukan_file(tmp_path):
    d = mcsp_rules.load([tmp_path, tmp_path / "tidak_ada.csv"])
    assert len(d.laporan.file_gagal) == 2 and all("tidak dapat dibuka" in g["pesan"] for g in d.laporan.file_gagal)


def test_korpus_bisa_ditulis_ke_folder(tmp_path):
    """`python tests/jahat/korpus.py DIR` writes the corpus for a person to look at."""
    from jahat.korpus import tulis_semua

    tulis = tulis_semua(tmp_path, termasuk_besar=False)
    assert len(tulis) == len([k for k in KASUS.values() if not k.besar])
    assert all(Path(p).exists() for p in tulis.values())
