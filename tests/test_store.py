"""The snapshot store and the trends, as ONE suite run against both backends: a real DuckDB file in
tmp_path and a real PostgreSQL server on loopback that this module starts itself (initdb + pg_ctl,
as the ``postgres`` system user when the tests run as root). Without the server binaries the
PostgreSQL half is skipped, except under CI=true, where it fails (scripts/test.sh
installs them)."""

from __future__ import annotations

import glob
import importlib.util
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

import mcsp_rules
from mcsp_rules.galat import MCSPError
from mcsp_rules.hitung.skor import hitung_dokumen
from mcsp_rules.riwayat import tren
from mcsp_rules.riwayat.store import Store, url_bawaan
from mcsp_rules.wilayah import daftar_wilayah

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
KALTENG = daftar_wilayah().filter(pl.col("kode_provinsi") == "62")["kode_wilayah"].to_list()
JATENG = daftar_wilayah().filter(pl.col("kode_provinsi") == "33")["kode_wilayah"].to_list()[:4]
SENIN = date(2024, 10, 7)  # snapshot dates are weekly from here


# --------------------------------------------------------------------------------- PostgreSQL server
def _bin_postgres() -> Path | None:
    if os.environ.get("MCSP_PG_BIN"):
        return Path(os.environ["MCSP_PG_BIN"])
    if shutil.which("initdb") and shutil.which("pg_ctl"):
        return Path(shutil.which("initdb")).parent
    kandidat = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(kandidat[-1]).parent if kandidat else None


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_postgres():
    """A throw-away PostgreSQL cluster on a free loopback port; yields its base URL."""
    folder_bin = _bin_postgres()
    if folder_bin is None or not (folder_bin / "pg_ctl").exists():
        pesan = "PostgreSQL server binaries (initdb, pg_ctl) not found; run scripts/test.sh"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(pesan)
        pytest.skip(pesan)
    pytest.importorskip("psycopg")
    dasar = Path(tempfile.mkdtemp(prefix="mcsp-pg-"))
    sebagai: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        import pwd

        try:
            pg = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root needs a 'postgres' system user (Debian's postgresql package creates it)")
        os.chown(dasar, pg.pw_uid, pg.pw_gid)
        sebagai = ["runuser", "-u", "postgres", "--"]
    data, log, port = dasar / "data", dasar / "server.log", _port_bebas()
    subprocess.run([*sebagai, str(folder_bin / "initdb"), "-D", str(data), "-U", "mcsp", "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"], check=True, capture_output=True)
    opsi = f"-p {port} -k {dasar} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    mulai = subprocess.run([*sebagai, str(folder_bin / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                            "-o", opsi, "start"], capture_output=True, text=True)
    if mulai.returncode != 0:
        pytest.fail(f"pg_ctl start failed: {mulai.stderr} {log.read_text() if log.exists() else ''}")
    try:
        yield f"postgresql://mcsp@127.0.0.1:{port}"
    finally:
        subprocess.run([*sebagai, str(folder_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(dasar, ignore_errors=True)


@pytest.fixture(params=["duckdb", "postgresql"])
def url(request, tmp_path):
    """The store URL of one backend, empty at the start of each test."""
    if request.param == "duckdb":
        yield f"duckdb://{tmp_path}/riwayat/mcsp.duckdb"
        return
    import psycopg

    dasar = request.getfixturevalue("server_postgres")
    nama = f"uji_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {nama}")
    yield f"{dasar}/{nama}"
    with psycopg.connect(f"{dasar}/postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)")


def _jumlah(url: str, tabel: str) -> int:
    """Rows of ``tabel``; for "mcsp_item", the detail rows stored (in Parquet parts since schema version 3)."""
    with Store(url).koneksi() as kon:
        if tabel == "mcsp_item":
            return int(kon.skalar("SELECT COALESCE(SUM(jumlah_baris), 0) FROM mcsp_item_blok"))
        return int(kon.skalar(f"SELECT COUNT(*) FROM {tabel}"))


# -------------------------------------------------------------------------------------- test files
def baris_rincian(minggu: int, kode: list[str], tahun: int = 2024) -> list[dict]:
    """A detail export in week ``minggu``: pemda j has 10 + 3·minggu + j%5 of its 48 documents accepted
    (3 more each week), the rest spread over the other statuses."""
    r = mcsp_rules.registri_bawaan()
    sub = [(at.kode, ind.kode, s.kode, s.bobot) for at in r.areas(tahun) for ind in at.area.indikator for s in ind.sub]
    rows = []
    for j, k in enumerate(kode):
        batas = 10 + 3 * minggu + j % 5
        for i, (area, ind, s, bobot) in enumerate(sub):
            status = "diterima" if i < batas else ("belum diunggah", "proses verifikasi", "perlu perbaikan")[i % 3]
            nilai = ("87.5" if i % 4 == 1 else "") if status == "diterima" else ""
            rows.append({"tahun": str(tahun), "kode_wilayah": k, "area": area, "indikator": ind, "sub_indikator": s,
                         "bobot": str(bobot), "status": status, "nilai": nilai})
    return rows


def _tulis(path: Path, rows: list[dict], pemisah: str = ",", koma: bool = False) -> Path:
    df = pl.DataFrame(rows)
    if koma:
        df = df.with_columns(pl.col("nilai").str.replace(".", ",", literal=True))
    path.write_text(df.write_csv(separator=pemisah), encoding="utf-8")
    return path


@pytest.fixture
def mingguan(tmp_path) -> list[Path]:
    """Four weekly Kalimantan Tengah exports (weeks 0–3)."""
    return [_tulis(tmp_path / f"kalteng_m{m}.csv", baris_rincian(m, KALTENG)) for m in range(4)]


def _impor_mingguan(store: Store, files: list[Path]) -> list:
    return [store.impor(f, tanggal=SENIN + timedelta(weeks=m)) for m, f in enumerate(files)]


# ------------------------------------------------------------------------------------------- tests
def test_import_list_and_every_observation_kept(url, mingguan, tmp_path):
    """Three imports on three dates, the second with the first one's content: three snapshots and a
    trend of three points (a stalled week is a point, not a duplicate), without copying the rows; the
    same content on the same date again is a duplicate, said so."""
    store = Store(url)
    pertama = store.impor(mingguan[0], tanggal="2024-10-07", label="minggu 41")
    assert pertama.baru and pertama.snapshot.id >= 1 and pertama.snapshot.baris_rincian == 15 * 48
    assert pertama.snapshot.jumlah_pemda == 15 and pertama.snapshot.tahun_data == "2024"
    # The same rows in another order, with ';' and a decimal comma, a week later: no progress that week.
    sama = _tulis(tmp_path / "kalteng_lagi.csv", list(reversed(baris_rincian(0, KALTENG))), pemisah=";", koma=True)
    macet = store.impor(sama, tanggal="2024-10-14")
    assert macet.baru and macet.isi_sama == pertama.snapshot.id and macet.snapshot.isi_id == pertama.snapshot.id
    assert f"sama dengan snapshot #{pertama.snapshot.id}" in macet.teks("id") and "no change" in macet.teks("en")
    assert macet.peringatan("id") is None
    ketiga = store.impor(mingguan[1], tanggal="2024-10-21")
    assert ketiga.baru and ketiga.isi_sama is None
    daftar = store.daftar()
    assert daftar["id"].to_list() == [pertama.snapshot.id, macet.snapshot.id, ketiga.snapshot.id]
    assert daftar["tanggal"].to_list() == [date(2024, 10, 7), date(2024, 10, 14), date(2024, 10, 21)]
    assert daftar["label"].to_list() == ["minggu 41", None, None]
    assert daftar["nama_file"].to_list() == ["kalteng_m0.csv", "kalteng_lagi.csv", "kalteng_m1.csv"]
    assert daftar["hash_isi"].str.len_chars().to_list() == [64] * 3
    assert _jumlah(url, "mcsp_item") == 2 * 15 * 48  # the stalled week copied no rows
    assert all(a.equals(b) for a, b in zip(store.baris(pertama.snapshot.id), store.baris(macet.snapshot.id)))
    trend = tren.tabel_tren(store.riwayat("62.03"))
    assert trend.height == 3 and trend["indeks"][0] == trend["indeks"][1] < trend["indeks"][2]
    # The same content on the same date: a duplicate, with a clear message.
    ulang = store.impor(mingguan[0], tanggal="2024-10-07")
    assert not ulang.baru and ulang.snapshot.id == pertama.snapshot.id
    assert "tanggal 2024-10-07 sudah tersimpan sebagai snapshot #" in ulang.teks("id")
    assert "already stored" in ulang.teks("en") and store.daftar().height == 3
    # Another content for pemda already stored on that date is saved, but never silently.
    koreksi = store.impor(mingguan[2], tanggal="2024-10-21")
    assert koreksi.baru and koreksi.tanggal_sama == (ketiga.snapshot.id,)
    assert f"#{ketiga.snapshot.id}" in koreksi.peringatan("id") and "same date" in koreksi.peringatan("en")


def test_trend_equals_score_on_the_same_file(url):
    """The national 2024 sample: every pemda's index, every area score, every province aggregate and the
    document counts of the stored snapshot equal mcsp_rules.score on the file itself."""
    file = SAMPLE / "rincian_nasional_2024.csv"
    store = Store(url)
    store.impor(file, tanggal="2024-12-31")
    data = mcsp_rules.load(file)
    riw = store.riwayat(None)
    w = tren.indeks_wilayah(riw).join(mcsp_rules.score(data, "wilayah"), on=["tahun", "kode_wilayah"], how="full")
    assert w.height == 552 and w["indeks"].null_count() == w["indeks_right"].null_count()
    assert (w["indeks"] - w["indeks_right"]).abs().max() < 1e-9
    assert (w["kategori"] == w["kategori_right"]).all() and (w["lengkap"] == w["lengkap_right"]).all()
    p = tren.indeks_provinsi(riw).join(mcsp_rules.score(data, "provinsi"), on=["tahun", "provinsi"], how="full")
    assert p.height == 38 and (p["indeks"] - p["indeks_right"]).abs().max() < 1e-9
    assert (p["jumlah_pemda"] == p["jumlah_pemda_right"]).all()
    a = tren.skor_area(riw, "wilayah").join(mcsp_rules.score(data, "area"), on=["tahun", "kode_wilayah", "area"], how="full")
    assert a.height == 552 * 8 and (a["skor"] - a["skor_right"]).abs().max() < 1e-9
    dok = tren.dokumen(riw, "wilayah").drop("tanggal", "kode_provinsi", "sumber_dokumen")
    assert dok.sort("kode_wilayah").equals(hitung_dokumen(data.rincian.lazy()).collect().sort("kode_wilayah"))
    # One province, through the CLI's one-row-per-date table, with user weights: still score()'s numbers.
    bobot = {(2024, "PBJ"): 3.0, (2024, "APIP"): 2.0}
    baris = tren.tabel_tren(store.riwayat("62"), bobot)
    dari_score = mcsp_rules.score(data, "provinsi", bobot=bobot).filter(pl.col("provinsi") == "Kalimantan Tengah")
    assert baris.height == 1 and abs(baris["indeks"][0] - dari_score["indeks"][0]) < 1e-9
    # The whole country as one unit: the mean index of every pemda with a complete index, every area's
    # mean, and the documents of all 552 pemda summed.
    nasional = tren.tabel_tren(store.riwayat(None, tingkat="nasional"))
    semua = mcsp_rules.score(data, "wilayah")
    assert nasional.height == 1 and nasional["kode_provinsi"][0] == tren.KODE_NASIONAL
    assert nasional["indeks"][0] == pytest.approx(semua["indeks"].mean(), abs=1e-9)
    assert nasional["jumlah_pemda"][0] == semua["indeks"].is_not_null().sum()
    area = mcsp_rules.score(data, "area").group_by("area").agg(pl.col("skor").mean())
    for a, skor in area.iter_rows():
        assert nasional[f"skor_{a}"][0] == pytest.approx(skor, abs=1e-9)
    total = hitung_dokumen(data.rincian.lazy()).collect()
    assert nasional.select("dokumen_wajib", "diterima").row(0) == (total["dokumen_wajib"].sum(), total["diterima"].sum())


def test_trend_over_weekly_snapshots_and_pace(url, mingguan):
    store = Store(url)
    _impor_mingguan(store, mingguan)
    riw = store.riwayat("62.03")
    tabel = tren.tabel_tren(riw)
    assert tabel["tanggal"].to_list() == [SENIN + timedelta(weeks=m) for m in range(4)]
    for m, f in enumerate(mingguan):  # every row is score() of that week's file
        diharap = mcsp_rules.score(mcsp_rules.load(f)).filter(pl.col("kode_wilayah") == "62.03")["indeks"][0]
        assert abs(tabel["indeks"][m] - diharap) < 1e-9
    j = KALTENG.index("62.03")
    assert tabel["diterima"].to_list() == [10 + 3 * m + j % 5 for m in range(4)]
    assert (tabel["dokumen_wajib"] == 48).all() and tabel["indeks"].is_sorted()
    assert {c for c in tabel.columns if c.startswith("skor_")} == {f"skor_{a.kode}" for a in mcsp_rules.registri_bawaan().areas(2024)}

    prov = store.riwayat("62")
    wil = tren.indeks_wilayah(prov)
    naik = tren.paling_naik(wil, tren.dokumen(prov, "wilayah"), n=None)
    assert naik.height == 15 and naik["perubahan"].is_sorted(descending=True)
    assert (naik["tambah_diterima"] == 3).all() and (naik["tanggal"] == SENIN + timedelta(weeks=3)).all()
    sebaran = tren.sebaran_kategori(wil)
    assert sebaran.group_by("tanggal").agg(pl.col("jumlah").sum())["jumlah"].to_list() == [15] * 4
    ubah = tren.perubahan_kategori(wil)
    assert set(ubah["arah"]) <= {"naik"}  # everyone only improves in these files

    tenggat = date(2024, 11, 30)
    laju = tren.laju_wilayah(prov, tenggat, target_indeks=None, target_dokumen=1.0)
    assert laju.height == 15 and (laju["laju_dokumen_per_minggu"] - 3.0).abs().max() < 1e-9
    sisa = (tenggat - (SENIN + timedelta(weeks=3))).days / 7
    baris = laju.filter(pl.col("kode_wilayah") == "62.03").row(0, named=True)
    assert abs(baris["minggu_tersisa"] - sisa) < 1e-12
    assert abs(baris["proyeksi_diterima"] - min(48, baris["diterima"] + 3 * sisa)) < 1e-9
    assert abs(baris["perlu_dokumen_per_minggu"] - (48 - baris["diterima"]) / sisa) < 1e-9
    assert laju["berisiko"].all() and set(laju["status"]) == {"berisiko"}  # 3 a week cannot close ~26 in 6 weeks
    # The index pace is the least-squares slope through the last four weekly indices.
    y = tabel["indeks"].to_list()
    kemiringan = sum((m - 1.5) * (v - sum(y) / 4) for m, v in enumerate(y)) / sum((m - 1.5) ** 2 for m in range(4))
    assert abs(baris["laju_indeks_per_minggu"] - kemiringan) < 1e-9
    santai = tren.laju_wilayah(prov, date(2025, 6, 30))  # 38 weeks: everyone gets there
    assert set(santai["status"]) == {"sesuai_jalur"} and not santai["berisiko"].any()
    provinsi = tren.laju_provinsi(prov, tenggat, target_indeks=40.0, target_dokumen=None)
    assert provinsi.height == 1 and provinsi["provinsi"][0] == "Kalimantan Tengah"
    # Only Kalimantan Tengah is stored, so the country's pace is that province's.
    negeri = tren.laju_nasional(store.riwayat(None, tingkat="nasional"), tenggat, target_indeks=40.0, target_dokumen=None)
    assert negeri.height == 1 and negeri["provinsi"][0] == tren.NAMA_NASIONAL
    for k in ("indeks", "laju_indeks_per_minggu", "diterima", "laju_dokumen_per_minggu"):
        assert negeri[k][0] == pytest.approx(provinsi[k][0], abs=1e-9), k
    assert negeri["status"][0] == provinsi["status"][0]


def test_snapshots_of_one_date_from_separate_province_files(url, tmp_path):
    """One file per province, imported separately for the same week, make one national picture; a later
    import of the same date for a pemda supersedes the earlier one."""
    store = Store(url)
    tanggal = date(2024, 10, 7)
    store.impor(_tulis(tmp_path / "kalteng.csv", baris_rincian(0, KALTENG)), tanggal=tanggal)
    store.impor(_tulis(tmp_path / "jateng.csv", baris_rincian(0, JATENG)), tanggal=tanggal)
    wil = tren.indeks_wilayah(store.riwayat(None))
    assert wil.height == 15 + 4 and wil["tanggal"].n_unique() == 1
    negeri = tren.indeks_provinsi(store.riwayat(None, tingkat="nasional"), nasional=True)
    assert negeri.height == 1 and negeri["jumlah_pemda"][0] == 19
    assert negeri["indeks"][0] == pytest.approx(wil["indeks"].mean(), abs=1e-9)
    with pytest.raises(MCSPError, match="seluruh Indonesia"):
        store.riwayat("62", tingkat="nasional")
    koreksi = _tulis(tmp_path / "kalteng_koreksi.csv", baris_rincian(2, KALTENG))
    store.impor(koreksi, tanggal=tanggal)
    wil = tren.indeks_wilayah(store.riwayat(None))
    diharap = mcsp_rules.score(mcsp_rules.load(koreksi)).filter(pl.col("kode_wilayah") == "62.03")["indeks"][0]
    assert wil.height == 19 and wil.filter(pl.col("kode_wilayah") == "62.03")["indeks"][0] == pytest.approx(diharap, abs=1e-9)


def test_summary_exports_are_stored_with_their_reported_document_counts(url):
    store = Store(url)
    store.impor(SAMPLE / "ringkasan_kalteng_2025.csv", tanggal="2025-10-14")
    riw = store.riwayat("62")
    data = mcsp_rules.load(SAMPLE / "ringkasan_kalteng_2025.csv")
    p = tren.indeks_provinsi(riw)
    assert p["indeks"][0] == pytest.approx(mcsp_rules.score(data, "provinsi")["indeks"][0], abs=1e-9)
    dok = tren.dokumen(store.riwayat("62", tingkat="wilayah"), "wilayah")
    assert dok["sumber_dokumen"].to_list() == ["ringkasan"]
    assert dok.select("dokumen_wajib", "dokumen_diunggah", "diterima", "perlu_perbaikan", "proses_verifikasi").row(0) == (660, 446, 301, 49, 98)


def test_a_stalled_week_counts_in_the_pace(url, mingguan):
    """Weeks 0, 1, 1 (no progress), 2 on four Mondays: the pace is the least-squares slope through all four
    points, 1.8 documents a week (0, 3, 3, 6), not 3 as if the stalled week had not happened."""
    store = Store(url)
    for m, f in enumerate([mingguan[0], mingguan[1], mingguan[1], mingguan[2]]):
        assert store.impor(f, tanggal=SENIN + timedelta(weeks=m)).baru
    laju = tren.laju_wilayah(store.riwayat("62"), SENIN + timedelta(weeks=10), target_indeks=None, target_dokumen=1.0)
    assert laju.height == 15 and set(laju["jumlah_snapshot"]) == {4}
    assert laju["laju_dokumen_per_minggu"].to_list() == pytest.approx([1.8] * 15)


def test_soft_delete_restore_and_final_delete(url, mingguan, monkeypatch):
    store = Store(url, pengguna="admin@contoh.go.id")
    ids = [h.snapshot.id for h in _impor_mingguan(store, mingguan[:3])]
    hapus = store.hapus(ids[1])
    assert hapus.id == ids[1] and hapus.tanggal == SENIN + timedelta(weeks=1)
    assert store.daftar()["id"].to_list() == [ids[0], ids[2]]
    assert tren.tabel_tren(store.riwayat("62.01")).height == 2
    terhapus = store.daftar(dihapus=True)
    assert terhapus["id"].to_list() == [ids[1]] and terhapus["dihapus_oleh"].to_list() == ["admin@contoh.go.id"]
    # the cache keeps no scores of a deleted snapshot; its rows wait for a restore
    with store.koneksi() as kon:
        assert kon.skalar("SELECT COUNT(*) FROM mcsp_cache_wilayah WHERE snapshot_id = ?", [ids[1]]) == 0
    assert not store.baris(ids[1])[0].is_empty()
    with pytest.raises(MCSPError, match="sudah dihapus"):
        store.hapus(ids[1])
    store.pulihkan(ids[1])
    assert store.daftar()["id"].to_list() == ids and tren.tabel_tren(store.riwayat("62.01")).height == 3
    # final: at once by an admin, or when the grace period is over
    store.hapus(ids[1], final=True)
    assert all(f.is_empty() for f in store.baris(ids[1])) and store.snapshot(ids[1]) is None
    assert _jumlah(url, "mcsp_item") == 2 * 15 * 48
    with pytest.raises(MCSPError, match="tidak ada"):
        store.hapus(ids[1])
    assert store.impor(mingguan[1], tanggal=SENIN + timedelta(weeks=1)).baru  # its content and date are free again
    store.hapus(ids[2])
    monkeypatch.setenv("MCSP_MASA_HAPUS_HARI", "0")
    assert store.bersihkan() == 1 and store.snapshot(ids[2]) is None
    aksi = store.audit()["aksi"].to_list()
    assert aksi[:3] == ["hapus_final", "hapus", "impor"] and aksi.count("pulihkan") == 1


def test_deleting_content_that_another_snapshot_shares_keeps_its_rows(url, mingguan):
    store = Store(url)
    a = store.impor(mingguan[0], tanggal=SENIN)
    b = store.impor(mingguan[0], tanggal=SENIN + timedelta(weeks=1))
    store.hapus(a.snapshot.id, final=True)
    assert store.baris(b.snapshot.id)[0].height == 15 * 48
    assert tren.tabel_tren(store.riwayat("62.01"))["tanggal"].to_list() == [SENIN + timedelta(weeks=1)]


def test_import_killed_midway_leaves_the_store_unchanged(url, mingguan, tmp_path, monkeypatch):
    monkeypatch.setenv("MCSP_DUCKDB_LEPAS_DETIK", "0")  # this process lets go of the DuckDB file at once
    store = Store(url)
    store.impor(mingguan[0], tanggal=SENIN)
    sebelum, item_sebelum = store.daftar(), _jumlah(url, "mcsp_item")
    penanda = tmp_path / "di_tengah_transaksi"
    env = {**os.environ, "MCSP_DATABASE_URL": url, "MCSP_TEST_JEDA_IMPOR": str(penanda), "MCSP_TEST_JEDA_DETIK": "300"}
    proses = subprocess.Popen([sys.executable, "-m", "mcsp_rules.cli", "history", "import", str(mingguan[1]),
                               "--tanggal", str(SENIN + timedelta(weeks=1))],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    batas = time.monotonic() + 120
    while not penanda.exists():
        if proses.poll() is not None:
            pytest.fail(f"the import ended before the pause point: {proses.stderr.read().decode()}")
        assert time.monotonic() < batas, "the import never reached the pause point"
        time.sleep(0.05)
    # The snapshot row and all 720 item rows are written inside the open transaction now.
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as c:
            terbuka = c.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                "AND state = 'idle in transaction'").fetchone()[0]
        assert terbuka == 1
    os.kill(proses.pid, signal.SIGKILL)
    proses.wait(timeout=30)
    assert proses.returncode == -signal.SIGKILL
    assert store.daftar().equals(sebelum)
    assert _jumlah(url, "mcsp_item") == item_sebelum and _jumlah(url, "mcsp_snapshot") == 1
    ulang = store.impor(mingguan[1], tanggal=SENIN + timedelta(weeks=1))  # nothing half-written is in the way
    assert ulang.baru and _jumlah(url, "mcsp_item") == 2 * item_sebelum


def test_plugin_change_rescores_snapshots(url, tmp_path, folder_mini):
    """Indices are recomputed, not stored: a registry with another item rule gives that rule's scores
    (and score()'s on the same file); the first registry's cached results stay valid for it."""
    lain = tmp_path / "plugin_lain"
    lain.mkdir()
    (lain / "setengah.py").write_text(textwrap.dedent('''
        import polars as pl
        from mcsp_rules.plugin.kit import hookimpl

        @hookimpl(tryfirst=True)
        def mcsp_skor_item(tahun, area):
            if area == "AA":  # a document in verification already counts half
                return (pl.when(pl.col("status") == "diterima").then(pl.col("nilai").fill_null(100.0))
                        .when(pl.col("status") == "proses verifikasi").then(50.0).otherwise(0.0))
            return None
        '''), encoding="utf-8")
    from mcsp_rules.plugin.registri import Registri

    mini = Registri.muat(folder=[folder_mini], pakai_entry_point=False, bawaan=False)
    setengah = Registri.muat(folder=[folder_mini, lain], pakai_entry_point=False, bawaan=False)
    file = tmp_path / "mini.csv"
    file.write_text("tahun,kode_wilayah,area,indikator,sub_indikator,bobot,status,nilai\n"
                    "2024,62,AA,AA.1,AA.1.1,60,proses verifikasi,\n2024,62,AA,AA.1,AA.1.2,40,diterima,\n"
                    "2024,62,BB,BB.1,BB.1.1,50,diterima,80\n2024,62,BB,BB.1,BB.1.2,50,belum diunggah,\n")
    store = Store(url)
    store.impor(file, tanggal="2024-10-07", registri=mini)
    for registri, diharap in ((mini, 40.0), (setengah, 55.0), (mini, 40.0)):
        riw = store.riwayat("62", tingkat="wilayah", registri=registri)
        indeks = tren.indeks_wilayah(riw)["indeks"][0]
        assert indeks == pytest.approx(diharap)
        assert indeks == pytest.approx(mcsp_rules.score(mcsp_rules.load(file, registri=registri))["indeks"][0])
    assert _jumlah(url, "mcsp_cache") == 2  # one cached scoring per plugin fingerprint


def test_saved_scenarios(url):
    store = Store(url)
    a = store.simpan_skenario("Kejar 75", '{"perubahan": [{"sub_indikator": "PBJ.2.1", "status": "diterima"}]}')
    b = store.simpan_skenario("Kejar 75", '{"perubahan": []}')  # same name: replaced
    store.simpan_skenario("Semua BMD", "{}")
    assert a == b and store.muat_skenario("Kejar 75") == '{"perubahan": []}'
    assert store.daftar_skenario()["nama"].to_list() == ["Kejar 75", "Semua BMD"]
    assert store.hapus_skenario("Semua BMD") and not store.hapus_skenario("Semua BMD")
    assert store.muat_skenario("Semua BMD") is None
    with pytest.raises(MCSPError, match="JSON"):
        store.simpan_skenario("rusak", "{bukan json")


def mcsp(url, *args, env: dict | None = None):
    env = {**os.environ, "MCSP_DATABASE_URL": url, **(env or {})}
    return subprocess.run([sys.executable, "-m", "mcsp_rules.cli", *map(str, args)], capture_output=True, text=True, env=env)


def test_history_command(url, mingguan, tmp_path):
    for m, f in enumerate(mingguan[:3]):
        h = mcsp(url, "history", "import", f, "--tanggal", SENIN + timedelta(weeks=m), "--label", f"minggu {m}")
        assert h.returncode == 0 and "disimpan" in h.stdout, h.stderr
    ulang = mcsp(url, "--bahasa", "en", "history", "import", mingguan[0], "--tanggal", SENIN)
    assert ulang.returncode == 0 and "already stored as snapshot #1" in ulang.stdout
    daftar = mcsp(url, "history", "list")
    assert daftar.returncode == 0 and daftar.stdout.count("kalteng_m") == 3 and "[minggu 2]" in daftar.stdout
    out = tmp_path / "tren.csv"
    tren_ = mcsp(url, "history", "trend", "--wilayah", "62", "--output", out)
    assert tren_.returncode == 0, tren_.stderr
    tabel = pl.read_csv(out, schema_overrides={"kode_provinsi": pl.String})
    assert tabel.height == 3 and tabel["tanggal"].to_list() == [str(SENIN + timedelta(weeks=m)) for m in range(3)]
    assert tabel["jumlah_pemda"].to_list() == [15] * 3 and "skor_PBJ" in tabel.columns
    satu = pl.read_json(mcsp(url, "history", "trend", "--wilayah", "62.71", "--format", "json").stdout.encode())
    assert satu.height == 3 and satu["kode_wilayah"].to_list() == ["62.71"] * 3
    negeri = pl.read_json(mcsp(url, "history", "trend", "--format", "json").stdout.encode())  # no --wilayah
    assert negeri["kode_provinsi"].to_list() == ["00"] * 3 and negeri["indeks"].to_list() == tabel["indeks"].to_list()
    pace = mcsp(url, "history", "pace", "--tenggat", "2024-11-30", "--wilayah", "62")
    assert pace.returncode == 0 and "15 dari 15 berisiko" in pace.stderr
    hapus = mcsp(url, "history", "delete", 2)
    assert hapus.returncode == 0 and "history restore 2" in hapus.stdout
    assert mcsp(url, "history", "list", "--format", "csv").stdout.count("kalteng_m") == 2
    for args, kata in ((("history", "delete", 99), "#99"), (("history", "trend", "--wilayah", "33"), "33")):
        salah = mcsp(url, *args)
        assert salah.returncode != 0 and kata in salah.stderr, salah.stderr
        assert "Traceback" not in salah.stderr and salah.stderr.strip().count("\n") == 0


def test_three_dates_one_stalled_then_a_delete_and_the_audit_log(url, mingguan, tmp_path):
    """The issue's case through the command: three imports on three dates, the second with the first
    one's content, give three snapshots and a trend of three points; after a delete, `history log
    --format csv` lists all four events with user and time."""
    for m, f in enumerate([mingguan[0], mingguan[0], mingguan[1]]):
        h = mcsp(url, "history", "import", f, "--tanggal", SENIN + timedelta(weeks=m))
        assert h.returncode == 0 and "disimpan" in h.stdout, h.stderr
    tabel = pl.read_json(mcsp(url, "history", "trend", "--wilayah", "62.03", "--format", "json").stdout.encode())
    assert tabel["tanggal"].to_list() == [str(SENIN + timedelta(weeks=m)) for m in range(3)]
    assert tabel["indeks"][0] == tabel["indeks"][1] < tabel["indeks"][2]
    assert mcsp(url, "history", "delete", 2).returncode == 0
    log = mcsp(url, "history", "log", "--format", "csv")
    assert log.returncode == 0, log.stderr
    catatan = pl.read_csv(log.stdout.encode()).sort("id")
    assert catatan["aksi"].to_list() == ["impor", "impor", "impor", "hapus"]
    assert catatan["objek"].to_list() == ["snapshot #1", "snapshot #2", "snapshot #3", "snapshot #2"]
    import getpass
    assert set(catatan["pengguna"]) == {f"os:{getpass.getuser()}"}
    waktu = catatan["waktu"].str.to_datetime("%Y-%m-%dT%H:%M:%SZ")
    assert waktu.null_count() == 0 and waktu.is_sorted()
    assert "kalteng_m0" in mcsp(url, "history", "list", "--dihapus", "--format", "csv").stdout
    assert mcsp(url, "history", "restore", 2).returncode == 0
    assert mcsp(url, "history", "list", "--format", "csv").stdout.count("kalteng_m0") == 2


def test_the_command_respects_roles_when_login_is_configured(url, mingguan, tmp_path):
    import getpass

    secrets = tmp_path / "secrets.toml"
    env_secrets = {"MCSP_SECRETS": str(secrets)}

    def jalan(*args):
        env = {**os.environ, "MCSP_DATABASE_URL": url, **env_secrets}
        return subprocess.run([sys.executable, "-m", "mcsp_rules.cli", *map(str, args)], capture_output=True,
                              text=True, env=env)

    auth = '[auth]\nclient_id = "x"\nclient_secret = "y"\nserver_metadata_url = "http://127.0.0.1:9/x"\n'
    secrets.write_text(auth + '[mcsp]\nperan_bawaan = "pembaca"\n')
    baca = jalan("history", "import", mingguan[0], "--tanggal", SENIN)
    assert baca.returncode == 2 and "editor" in baca.stderr and "Traceback" not in baca.stderr
    secrets.write_text(auth + f'[mcsp.peran]\n"os:{getpass.getuser()}" = "editor"\n')
    assert jalan("history", "import", mingguan[0], "--tanggal", SENIN).returncode == 0
    for args in (("history", "delete", 1), ("history", "log")):
        tolak = jalan(*args)
        assert tolak.returncode == 2 and "admin" in tolak.stderr, tolak.stderr
    secrets.write_text(auth + f'[mcsp.peran]\n"os:{getpass.getuser()}" = "admin"\n')
    assert jalan("history", "delete", 1).returncode == 0 and "hapus" in jalan("history", "log").stdout


def test_history_command_errors_are_one_sentence(tmp_path, mingguan):
    url = f"duckdb://{tmp_path}/mcsp.duckdb"
    for args, kata in ((("history", "trend", "--wilayah", "99.99"), "99.99"),
                       (("history", "import", tmp_path / "tidak_ada.csv", "--tanggal", "2024-10-07"), "tidak_ada.csv"),
                       (("history", "import", mingguan[0], "--tanggal", "30/11/2024"), "YYYY-MM-DD"),
                       (("history", "pace", "--tenggat", "2024-11-30", "--target-dokumen", "90"), "0 dan 1"),
                       (("history", "trend", "--tingkat", "provinsi"), "--wilayah")):
        salah = mcsp(url, *args)
        assert salah.returncode == 2 and kata in salah.stderr, salah.stderr
        assert "Traceback" not in salah.stderr and salah.stderr.strip().count("\n") == 0


# ------------------------------------------------------------------------- not about one backend
def test_default_store_is_an_embedded_file_created_on_first_use(tmp_path, monkeypatch, mingguan):
    monkeypatch.delenv("MCSP_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert url_bawaan() == f"duckdb://{tmp_path}/data/mcsp/mcsp.duckdb"
    env = {k: v for k, v in os.environ.items() if k != "MCSP_DATABASE_URL"}
    hasil = subprocess.run([sys.executable, "-m", "mcsp_rules.cli", "history", "import", str(mingguan[0]),
                            "--tanggal", "2024-10-07"], capture_output=True, text=True, env=env)
    assert hasil.returncode == 0, hasil.stderr
    assert (tmp_path / "data" / "mcsp" / "mcsp.duckdb").exists()


def test_unknown_database_urls_are_one_sentence(monkeypatch):
    for url, kata in (("mysql://x", "duckdb:///"), ("duckdb:///:memory:", ":memory:")):
        with pytest.raises(MCSPError, match=kata):
            with Store(url).koneksi():
                pass
    monkeypatch.setenv("MCSP_DATABASE_URL", "postgresql://nobody:rahasia@127.0.0.1:1/x")
    hasil = subprocess.run([sys.executable, "-m", "mcsp_rules.cli", "history", "list"], capture_output=True, text=True)
    assert hasil.returncode == 2 and "rahasia" not in hasil.stderr and "Traceback" not in hasil.stderr
    assert hasil.stderr.strip().count("\n") == 0


# ------------------------------------------------------------------------------------- concurrency
def _benang(n: int, kerja) -> list:
    """Run ``kerja(i)`` in n threads released at once; returns each result or the exception raised."""
    import threading

    mulai, hasil = threading.Barrier(n), [None] * n

    def jalan(i):
        mulai.wait()
        try:
            hasil[i] = kerja(i)
        except Exception as e:  # noqa: BLE001 - the test inspects it
            hasil[i] = e

    benang = [threading.Thread(target=jalan, args=(i,)) for i in range(n)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(120)
    return hasil


def test_first_use_by_many_threads_creates_the_schema_once(url):
    """8 threads opening a fresh store at once (DuckDB: 'Catalog write-write conflict' before)."""
    from mcsp_rules.riwayat import koneksi, skema

    koneksi._siap.discard(url)
    hasil = _benang(8, lambda i: Store(url).daftar().height)
    assert hasil == [0] * 8
    with Store(url).koneksi() as kon:
        assert kon.skalar("SELECT MAX(versi) FROM mcsp_versi") == skema.VERSI_SKEMA
        assert [r[0] for r in kon.eksekusi("SELECT versi FROM mcsp_versi ORDER BY versi")] == list(range(1, 4))


def test_threaded_imports_and_deletes_of_the_same_snapshot(url, mingguan):
    """Threads importing (four weeks, each twice: the same content and date is one snapshot) and then
    eight threads deleting the same snapshot: one delete succeeds, the others are told, in one sentence,
    that it is already deleted; never a database error."""
    store = Store(url)
    hasil = _benang(8, lambda i: store.impor(mingguan[i % 4], tanggal=SENIN + timedelta(weeks=i % 4)))
    assert not any(isinstance(h, Exception) for h in hasil), hasil
    assert sum(h.baru for h in hasil) == 4 and store.daftar().height == 4
    assert _jumlah(url, "mcsp_item") == 4 * 15 * 48
    sasaran = store.daftar()["id"][1]
    hapus = _benang(8, lambda i: Store(url, pengguna=f"admin{i}@contoh.go.id").hapus(sasaran))
    berhasil = [h for h in hapus if not isinstance(h, Exception)]
    ditolak = [h for h in hapus if isinstance(h, Exception)]
    assert len(berhasil) == 1 and all(isinstance(e, MCSPError) and "sudah dihapus" in str(e) for e in ditolak), hapus
    assert store.audit()["aksi"].to_list().count("hapus") == 1


def test_delete_during_the_first_trend_after_a_plugin_change(url, mingguan):
    """A trend filling the cache (emptied, as after a plugin change) while other threads delete snapshots
    for good: no deadlock, no duplicate cache key, no cache rows of deleted snapshots left behind."""
    store = Store(url)
    _impor_mingguan(store, mingguan)
    ids = store.daftar()["id"].to_list()
    store.hapus_cache()

    def kerja(i):
        if i % 2 == 0:
            return store.riwayat("62").kosong
        return Store(url).hapus(ids[i // 2], final=True).id

    hasil = _benang(6, kerja)
    assert not any(isinstance(h, Exception) for h in hasil), hasil
    tersisa = store.daftar()["id"].to_list()
    assert tersisa == [ids[3]]
    with store.koneksi() as kon:
        yatim = kon.skalar("SELECT COUNT(*) FROM mcsp_cache_wilayah WHERE snapshot_id NOT IN "
                           "(SELECT isi_id FROM mcsp_snapshot WHERE dihapus IS NULL)")
        ganda = kon.skalar("SELECT COUNT(*) - COUNT(DISTINCT CAST(snapshot_id AS TEXT) || '|' || sidik) FROM mcsp_cache")
    assert yatim == 0 and ganda == 0
    assert tren.tabel_tren(store.riwayat("62")).height == 1


def test_concurrent_import_processes(url, mingguan):
    """Several processes importing at once (DuckDB: one writer process at a time, the others wait)."""
    proses = [subprocess.Popen([sys.executable, "-m", "mcsp_rules.cli", "history", "import", str(mingguan[i % 4]),
                                "--tanggal", str(SENIN + timedelta(weeks=i % 4))],
                               env={**os.environ, "MCSP_DATABASE_URL": url}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for i in range(6)]
    for p in proses:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    assert Store(url).daftar().height == 4 and _jumlah(url, "mcsp_item") == 4 * 15 * 48


# ----------------------------------------------------------------------------------------- secrets
@pytest.mark.parametrize("url_asli, rahasia", [
    ("postgresql://mcsp:s3cr3t@db.local:5432/ipkd", "s3cr3t"),
    ("postgresql://mcsp@db.local/ipkd?password=s3cr3t&sslmode=require", "s3cr3t"),
    ("postgresql://db.local/ipkd?user=mcsp&PASSWORD=s3cr3t", "s3cr3t"),
    ("postgresql://mcsp@db.local/ipkd?sslpassword=s3cr3t", "s3cr3t"),
    ("postgresql://mcsp:p%40ss%3Aw0rd@db.local/ipkd", "p%40ss"),
    ("host=db.local user=mcsp password=s3cr3t dbname=ipkd", "s3cr3t"),
])
def test_every_credential_in_a_url_is_masked(url_asli, rahasia):
    from mcsp_rules.riwayat.url import samarkan

    aman = samarkan(url_asli)
    assert rahasia not in aman and "***" in aman
    assert "db.local" in aman  # the location stays readable


def test_a_password_in_the_query_never_reaches_an_error(monkeypatch):
    monkeypatch.setenv("MCSP_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/x?password=rahasia&connect_timeout=2")
    hasil = subprocess.run([sys.executable, "-m", "mcsp_rules.cli", "history", "list"], capture_output=True, text=True)
    assert hasil.returncode == 2 and "rahasia" not in hasil.stderr and "***" in hasil.stderr


# -------------------------------------------------------------------------------------- migrations
def test_a_first_release_database_is_migrated_keeping_its_snapshots(url):
    """A store as the first release wrote it (schema 1, content unique) is brought to schema 2 on first
    use, on both backends: its snapshots and rows stay, and a repeated content on a new date is storable."""
    from mcsp_rules.riwayat import koneksi, skema

    if url.startswith("duckdb:"):
        import duckdb

        path = Path(url[len("duckdb://"):])
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path))
        jalankan, dialek = (lambda q: con.execute(q)), "duckdb"
    else:
        import psycopg

        con = psycopg.connect(url, autocommit=True)
        jalankan, dialek = (lambda q: con.execute(q)), "postgresql"
    for langkah in skema.MIGRASI[0].sql:
        if isinstance(langkah, tuple):
            if langkah[0] != dialek:
                continue
            langkah = langkah[1]
        jalankan(langkah)
    jalankan("INSERT INTO mcsp_info VALUES ('versi_skema', '1')")
    jalankan("INSERT INTO mcsp_snapshot VALUES (1, DATE '2024-10-07', 'lama', '[\"a.csv\"]', 'abc', "
             "TIMESTAMP '2024-10-07 10:00:00', 1, 0, 0, 1, '2024')")
    jalankan("INSERT INTO mcsp_item VALUES (1, 2024, '62.03', 'PBJ', 'PBJ.1', 'PBJ.1.1', 1.0, 'diterima', NULL, NULL, NULL)")
    jalankan("SELECT nextval('mcsp_snapshot_id')")
    con.close()
    koneksi._siap.discard(url)
    store = Store(url)
    daftar = store.daftar()
    assert daftar["id"].to_list() == [1] and daftar["isi_id"].to_list() == [1] and daftar["label"].to_list() == ["lama"]
    assert store.baris(1)[0]["sub_indikator"].to_list() == ["PBJ.1.1"]
    with store.koneksi() as kon:
        assert [r[0] for r in kon.eksekusi("SELECT versi FROM mcsp_versi ORDER BY versi")] == [1, 2, 3]
        assert kon.skalar("SELECT kunci FROM mcsp_snapshot WHERE id = 1") == "abc|2024-10-07"
    assert store.impor(SAMPLE / "ringkasan_kalteng_2025.csv", tanggal="2025-10-14").snapshot.id == 2


def test_pace_with_one_snapshot_is_unknown_not_safe(url, mingguan):
    """Issue 14, item 3, through the command: one snapshot, no pace: every pemda below the target is at risk,
    judged from its level, and the command says so; the projection is empty (unknown), not the level."""
    assert mcsp(url, "history", "import", mingguan[0], "--tanggal", SENIN).returncode == 0
    pace = mcsp(url, "history", "pace", "--tenggat", "2024-11-30", "--wilayah", "62", "--format", "json")
    assert pace.returncode == 0, pace.stderr
    assert "15 dari 15 berisiko" in pace.stderr and "15 di antaranya dinilai dari tingkatnya" in pace.stderr
    hasil = pl.read_json(pace.stdout.encode())
    assert set(hasil["status"]) == {"data_kurang"} and hasil["berisiko"].all()
    assert hasil["proyeksi_indeks"].null_count() == 15 and not hasil["laju_diketahui"].any()


def test_a_conflict_is_retried_then_answered_in_one_sentence(tmp_path):
    """A write that meets another writer's transaction ("Conflict on tuple deletion") is retried; when it
    keeps failing, the person reads "someone else just changed this; reload", not the database's words."""
    import duckdb

    from mcsp_rules.riwayat.koneksi import Konflik, tulis

    url = f"duckdb://{tmp_path}/konflik.duckdb"
    panggilan = []

    def kadang(kon):
        panggilan.append(1)
        if len(panggilan) < 3:
            raise duckdb.TransactionException("TransactionContext Error: Conflict on tuple deletion!")
        return kon.skalar("SELECT COUNT(*) FROM mcsp_snapshot")

    assert tulis(url, kadang) == 0 and len(panggilan) == 3

    def selalu(kon):
        raise duckdb.TransactionException("TransactionContext Error: Conflict on tuple deletion!")

    with pytest.raises(Konflik) as e:
        tulis(url, selalu)
    assert "muat ulang" in str(e.value) and "someone else just changed this" in e.value.teks("en")
    assert "TransactionContext" not in e.value.teks("id") + e.value.teks("en")


# ------------------------------------------------------------------------------ real scale (issue 13)
@pytest.fixture(scope="module")
def skala_nyata(tmp_path_factory) -> dict[int, pl.DataFrame]:
    """The real-scale national years at document level (sample_data/skala_nyata.py, generated into a temporary
    folder: one row per required document, ~656 per pemda, with the ``dokumen`` column), as the exported text,
    limited to Kalimantan Tengah and Gorontalo (22 pemda) to keep the tests fast."""
    spec = importlib.util.spec_from_file_location("skala_nyata_store", SAMPLE / "skala_nyata.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    folder = tmp_path_factory.mktemp("skala_nyata")
    hasil = {}
    for tahun in (2023, 2024, 2025):
        path = modul.path_skala_nyata(tahun, folder)
        hasil[tahun] = (pl.read_csv(path, separator=";", infer_schema=False, encoding="utf8")
                        .filter(pl.col("kode_wilayah").str.starts_with("62") | pl.col("kode_wilayah").str.starts_with("75")))
        path.unlink()
    return hasil


def _tulis_skala(path: Path, df: pl.DataFrame) -> Path:
    df.write_csv(path, separator=";", include_bom=True)  # as the generator writes it: ';', decimal comma, BOM
    return path


def _sama_dengan_score(riw, data, tanggal: date | None = None, tahun: int | None = None) -> None:
    """The trend's rows of ``tanggal`` (and ``tahun``) equal mcsp_rules.score and the document counts of ``data``:
    every pemda's index, band and completeness, every area score, each province's aggregate."""
    def pilih(f: pl.DataFrame) -> pl.DataFrame:
        if tanggal is not None and "tanggal" in f.columns:
            f = f.filter(pl.col("tanggal") == tanggal)
        if tahun is not None:
            f = f.filter(pl.col("tahun") == tahun)
        return f.with_columns(pl.col(k).cast(pl.String) for k in ("kode_wilayah", "area", "provinsi", "kategori")
                              if k in f.columns)

    skor = {level: pilih(mcsp_rules.score(data, level)) for level in ("wilayah", "area", "provinsi")}
    w = pilih(tren.indeks_wilayah(riw)).join(skor["wilayah"], on=["tahun", "kode_wilayah"], how="full")
    assert w.height == skor["wilayah"].height > 0 and w["kode_wilayah"].null_count() == 0
    assert w["indeks"].null_count() == w["indeks_right"].null_count()
    assert (w["indeks"] - w["indeks_right"]).abs().max() < 1e-9
    assert (w["kategori"].eq_missing(w["kategori_right"])).all() and (w["lengkap"] == w["lengkap_right"]).all()
    a = pilih(tren.skor_area(riw, "wilayah")).join(skor["area"], on=["tahun", "kode_wilayah", "area"], how="full")
    assert a.height == skor["area"].height and a["skor"].null_count() == a["skor_right"].null_count() == 0
    assert (a["skor"] - a["skor_right"]).abs().max() < 1e-9
    p = pilih(tren.indeks_provinsi(riw)).join(skor["provinsi"], on=["tahun", "provinsi"], how="full")
    assert p.height == skor["provinsi"].height and (p["indeks"] - p["indeks_right"]).abs().max() < 1e-9
    kunci = ["tahun", "kode_wilayah"]
    dok = pilih(tren.dokumen(riw, "wilayah")).drop("tanggal", "kode_provinsi", "sumber_dokumen").sort(kunci)
    rinci = data.rincian if tahun is None else data.rincian.filter(pl.col("tahun") == tahun)
    dari_file = hitung_dokumen(rinci.with_columns(pl.col("kode_wilayah", "status").cast(pl.String)).lazy()).collect()
    assert dok.equals(dari_file.sort(kunci))


def test_document_level_export_trend_equals_score(url, skala_nyata, tmp_path):
    """Issue 13: a real-scale export at document level (one row per required document, hundreds per pemda, the
    ``dokumen`` column) of two provinces, two weeks apart: every row is stored (none set aside as a repeat of
    its sub-indicator), the stored rows keep each document's code and status, and the trend of each date equals
    mcsp_rules.score and the document counts of that week's file."""
    d0 = skala_nyata[2025]
    ke = pl.int_range(pl.len())
    d1 = d0.with_columns(  # a week later: verified documents accepted, half of the missing ones uploaded
        pl.when(pl.col("status") == "proses verifikasi").then(pl.lit("diterima"))
        .when((pl.col("status") == "belum diunggah") & (ke % 2 == 0)).then(pl.lit("proses verifikasi"))
        .otherwise(pl.col("status")).alias("status"))
    files = [_tulis_skala(tmp_path / "dokumen_m0.csv", d0), _tulis_skala(tmp_path / "dokumen_m1.csv", d1)]
    tanggal = [date(2025, 10, 6), date(2025, 10, 13)]
    store = Store(url)
    hasil = [store.impor(f, tanggal=t) for f, t in zip(files, tanggal)]
    assert all(h.baru and h.dibaca == d0.height and h.disisihkan == 0 for h in hasil)
    assert [h.snapshot.jumlah_pemda for h in hasil] == [d0["kode_wilayah"].n_unique()] * 2 == [22, 22]
    assert hasil[1].isi_sama is None

    item = store.baris(hasil[1].snapshot.id)[0]
    assert item.height == d0.height and item.group_by("kode_wilayah").len()["len"].min() > 600
    kolom = ["kode_wilayah", "sub_indikator", "dokumen", "status"]
    assert item.select(kolom).sort(kolom).equals(d1.select(kolom).sort(kolom))

    riw = store.riwayat(None)
    for f, t in zip(files, tanggal):
        _sama_dengan_score(riw, mcsp_rules.load(f), tanggal=t)
    indeks = tren.indeks_provinsi(riw).group_by("tanggal").agg(pl.col("indeks").mean()).sort("tanggal")["indeks"]
    assert indeks[1] > indeks[0]  # documents accepted: the trend rises
    dok = tren.dokumen(store.riwayat("62"), "provinsi").sort("tanggal")
    assert dok["dokumen_wajib"].to_list() == [d0.filter(pl.col("kode_wilayah").str.starts_with("62")).height] * 2
    assert dok["diterima"][1] > dok["diterima"][0]
    # the same content again on a later date shares the stored rows (a new point of the trend, no copy)
    ulang = store.impor(files[1], tanggal=date(2025, 10, 20))
    assert ulang.baru and ulang.isi_sama == hasil[1].snapshot.id
    assert _jumlah(url, "mcsp_item") == 2 * d0.height


def test_three_years_in_one_file_cli_import_honours_the_limits_in_the_environment(url, skala_nyata, tmp_path):
    """Issue 13, "Limits that fit": three national years in one file (~1.1 M rows) pass `mcsp history import`
    only with MCSP_BATAS_BARIS, MCSP_BATAS_UKURAN_MB and MCSP_BATAS_SEL raised. The same shape, smaller: three
    real-scale years of two provinces in one file. With each limit set just below the file by its variable, the
    command refuses it naming that limit and stores nothing; with all three set to fit, it stores one snapshot
    of three years whose trend, year by year, equals scoring the file."""
    from mcsp_rules.batas import Batas

    tiga = pl.concat([skala_nyata[t] for t in (2023, 2024, 2025)], how="diagonal")
    f = _tulis_skala(tmp_path / "tiga_tahun.csv", tiga)
    n, mb, sel = tiga.height, f.stat().st_size / 2**20, (tiga.height + 1) * tiga.width
    assert n > 38_000 and mb > 2
    cukup = {"MCSP_BATAS_BARIS": str(n), "MCSP_BATAS_UKURAN_MB": str(math.ceil(mb)), "MCSP_BATAS_SEL": str(sel)}
    for nama, nilai, kata in (("MCSP_BATAS_BARIS", n - 1, "baris data"),
                              ("MCSP_BATAS_UKURAN_MB", math.floor(mb), f"batas unggah {math.floor(mb)} MB"),
                              ("MCSP_BATAS_SEL", sel - 1, "sel")):
        r = mcsp(url, "history", "import", f, "--tanggal", "2025-12-01", env={**cukup, nama: str(nilai)})
        assert r.returncode == 2 and "melebihi batas" in r.stderr and kata in r.stderr, (nama, r.stdout, r.stderr)
    assert Store(url).daftar().is_empty()

    r = mcsp(url, "history", "import", f, "--tanggal", "2025-12-01", env=cukup)
    assert r.returncode == 0 and "disimpan" in r.stdout, r.stderr
    daftar = Store(url).daftar()
    assert daftar.height == 1 and daftar["baris_rincian"][0] == n and daftar["tahun_data"][0] == "2023, 2024, 2025"
    data = mcsp_rules.load(f, batas=Batas(baris=n, ukuran_mb=math.ceil(mb), sel=sel))
    assert data.rincian.height == n
    for tahun in (2023, 2024, 2025):
        _sama_dengan_score(Store(url).riwayat(None, tahun=tahun), data, tahun=tahun)


def test_kpk_three_weight_levels_are_stored_and_the_trend_scores_with_them(url, tmp_path, ekspor_kpk):
    """A KPK-layout export carries three weight levels (bobot_area_intervensi, bobot_indikator, bobot_subindikator;
    the conftest fixture; tests/test_program.py computes its index, 68, by hand). The store keeps them, so the trend scores
    with them as mcsp_rules.score does; without them the same rows score 52.5 per area."""
    f = tmp_path / "kpk.csv"
    f.write_text(ekspor_kpk, encoding="utf-8")
    store = Store(url)
    hasil = store.impor(f, tanggal="2024-10-07")
    item = store.baris(hasil.snapshot.id)[0]
    assert item["bobot_indikator"].to_list()[:4] == [60.0, 60.0, 40.0, 40.0]
    riw = store.riwayat("62", tingkat="wilayah")
    assert tren.indeks_wilayah(riw)["indeks"].to_list() == [pytest.approx(68.0, abs=1e-9)]
    area = dict(tren.skor_area(riw, "wilayah").select("area", "skor").rows())
    assert area["PBJ"] == pytest.approx(100.0) and area["PERENCANAAN"] == pytest.approx(60.0)
    _sama_dengan_score(riw, mcsp_rules.load(f))


def test_a_schema_2_database_moves_its_item_rows_into_parquet_parts(url, mingguan):
    """Schema 3 keeps detail rows as Parquet parts (mcsp_item_blok) instead of one database row per item
    (mcsp_item). A store of the previous release, with several contents and a snapshot sharing one, is migrated
    on first use: every snapshot's rows come back the same, the trend re-scored from them is the same, and the
    row table is gone."""
    from mcsp_rules.riwayat import koneksi, skema
    from mcsp_rules.riwayat.isi import baca_item

    store = Store(url)
    hasil = _impor_mingguan(store, mingguan[:3]) + [store.impor(mingguan[0], tanggal=SENIN + timedelta(weeks=5))]
    assert hasil[-1].isi_sama == hasil[0].snapshot.id
    tren_sebelum = tren.tabel_tren(store.riwayat("62"))
    baris_sebelum = {h.snapshot.id: store.baris(h.snapshot.id)[0] for h in hasil}
    # back to schema 2 as the previous release left it: one row per item in mcsp_item, no parts
    buat_item = next(s for s in skema.MIGRASI[0].sql if isinstance(s, str) and "TABLE IF NOT EXISTS mcsp_item (" in s)
    with store.koneksi() as kon, kon.transaksi():
        kon.eksekusi(buat_item)
        for (isi,) in kon.eksekusi("SELECT DISTINCT isi_id FROM mcsp_snapshot ORDER BY isi_id"):
            item = baca_item(kon, [isi]).select(pl.lit(isi, pl.Int64).alias("snapshot_id"), *skema.SKEMA_ITEM)
            kon.sisipkan("mcsp_item", item)
        kon.eksekusi("DROP TABLE mcsp_item_blok")
        kon.eksekusi("DELETE FROM mcsp_versi WHERE versi = 3")
        kon.eksekusi("DELETE FROM mcsp_cache_area")
        kon.eksekusi("DELETE FROM mcsp_cache_wilayah")
        kon.eksekusi("DELETE FROM mcsp_cache")
    assert _jumlah(url, "mcsp_snapshot") == 4
    koneksi._siap.discard(url)

    store = Store(url)
    with store.koneksi() as kon:
        assert [r[0] for r in kon.eksekusi("SELECT versi FROM mcsp_versi ORDER BY versi")] == [1, 2, 3]
        tabel = {r[0] for r in kon.eksekusi("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_name LIKE 'mcsp_item%'")}
    assert tabel == {"mcsp_item_blok"} and _jumlah(url, "mcsp_item") == 3 * 15 * 48
    for sid, item in baris_sebelum.items():
        assert store.baris(sid)[0].equals(item)
    assert tren.tabel_tren(store.riwayat("62")).equals(tren_sebelum)


def test_postgresql_connections_are_reused_and_a_dead_one_is_replaced(url, mingguan, monkeypatch):
    """PostgreSQL: a trend opened two new server processes (5–25 ms each); idle connections are now kept for
    reuse. One the server has killed meanwhile (a restart, an admin's pg_terminate_backend) is replaced, never
    shown as an error; MCSP_PG_DIAM_DETIK=0 opens a new one for every use."""
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL only: DuckDB shares one open file per process")
    import psycopg

    store = Store(url)
    store.impor(mingguan[0], tanggal=SENIN)

    def pid() -> int:
        with store.koneksi() as kon:
            return int(kon.skalar("SELECT pg_backend_pid()"))

    pertama = pid()
    assert pid() == pertama
    with psycopg.connect(url, autocommit=True) as admin:
        mati = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchall()
    assert len(mati) >= 1
    assert store.daftar().height == 1 and pid() != pertama
    assert tren.tabel_tren(store.riwayat("62")).height == 1
    monkeypatch.setenv("MCSP_PG_DIAM_DETIK", "0")
    assert len({pid() for _ in range(3)}) == 3


def test_the_cold_cache_in_batches_bounded_by_rows_gives_the_same_trend(url, mingguan):
    """After a plugin change every content is re-scored, in batches bounded by detail rows (a real-scale content
    has ~362,000; sixteen at once would hold ~6 million). One content per batch gives the same trend as all at once."""
    from mcsp_rules.plugin.registri import registri_bawaan
    from mcsp_rules.riwayat.cache import _kelompok, lengkapi_cache, sidik_registri

    store = Store(url)
    _impor_mingguan(store, mingguan)
    semua = tren.tabel_tren(store.riwayat("62"))
    store.hapus_cache()
    registri = registri_bawaan()
    with store.koneksi() as kon:
        ids = [r[0] for r in kon.eksekusi("SELECT isi_id FROM mcsp_snapshot ORDER BY isi_id")]
        assert _kelompok(kon, ids, 16, 1_000_000) == [ids]
        assert _kelompok(kon, ids, 16, 15 * 48) == [[i] for i in ids]
        assert _kelompok(kon, ids, 3, 1_000_000) == [ids[:3], ids[3:]]
        assert lengkapi_cache(url, kon, registri, sidik_registri(registri), baris_per_batch=1) == 4
    assert _jumlah(url, "mcsp_cache") == 4
    assert tren.tabel_tren(store.riwayat("62")).equals(semua)
