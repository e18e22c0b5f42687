"""The what-if engine (mcsp_rules.perencanaan.simulasi) and `mcsp simulate`: scenario JSON round-trips, what
each action touches, a province scope, the documented example, and clear errors.

Expected numbers are computed here from the rows themselves (w_area/W × bobot/B_area × (100 − item
score)), or by scoring a hand-modified file with ``mcsp_rules.score``, never with simulasi.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from test_analisis import KALTENG, buat_rincian

import mcsp_rules
from mcsp_rules.galat import MCSPError
from mcsp_rules.perencanaan.simulasi import dasar, simulasi
from mcsp_rules.perencanaan.skenario import Aksi, Skenario, baca_skenario

AKAR = Path(__file__).resolve().parent.parent
CONTOH_2024 = AKAR / "sample_data" / "rincian_nasional_2024.csv"
RINGKASAN = AKAR / "sample_data" / "ringkasan_kalteng_2025.csv"


def mcsp(*args):
    return subprocess.run([sys.executable, "-m", "mcsp_rules.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=AKAR)


@pytest.fixture(scope="module")
def kasus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("simulasi")
    teks = buat_rincian(2025, KALTENG, seed=5)
    path = folder / "kalteng_2025.csv"
    path.write_text(teks, encoding="utf-8")
    data = mcsp_rules.load(path)
    assert data.laporan.jumlah_disisihkan == 0
    rows = list(csv.DictReader(io.StringIO(teks)))
    return rows, path, data


def skor(r: dict) -> float:
    return (float(r["nilai"]) if r["nilai"] else 100.0) if r["status"] == "diterima" else 0.0


def gain(rows: list[dict], kode: str) -> dict[str, float]:
    """sub_indikator → exact index gain of closing it, for one pemda, equal area weights."""
    baris = [r for r in rows if r["kode_wilayah"] == kode]
    area = {r["area"] for r in baris}
    B = {a: sum(float(r["bobot"]) for r in baris if r["area"] == a) for a in area}
    return {r["sub_indikator"]: float(r["bobot"]) / B[r["area"]] * (100 - skor(r)) / len(area) for r in baris}


def indeks(rows: list[dict], kode: str) -> float:
    baris = [r for r in rows if r["kode_wilayah"] == kode]
    area = {r["area"] for r in baris}
    B = {a: sum(float(r["bobot"]) for r in baris if r["area"] == a) for a in area}
    return sum(float(r["bobot"]) / B[r["area"]] * skor(r) for r in baris) / len(area)


def pemda_dengan(rows, status: str, minimal: int = 3) -> str:
    for k in KALTENG:
        if sum(1 for r in rows if r["kode_wilayah"] == k and r["status"] == status) >= minimal:
            return k
    raise AssertionError(f"no pemda with {minimal} items '{status}'")


# ------------------------------------------------------------------------------- JSON round-trip
SKENARIO_PENUH = Skenario(
    nama="Uji — semua kunci", tahun=2025, kode_provinsi="62",
    aksi=(Aksi("terima_verifikasi"), Aksi("perbaiki", area=("PBJ", "APIP"), jumlah=2, wilayah=("62.01", "62.02")),
          Aksi("unggah", sub_indikator=("PBJ.1.1",)), Aksi("pilih", sub_indikator=("APIP.1.1", "ASN.1.1")),
          Aksi("skor_area", area=("PAJAK",), skor=87.5)),
    bobot={"PBJ": 2.0, "APIP": 1.5}, catatan="catatan: é, \"kutip\"",
)


@pytest.mark.parametrize("sk", [SKENARIO_PENUH, Skenario(), Skenario(nama="x", kode_wilayah="62.03", tahun=None)])
def test_json_pulang_pergi(sk, tmp_path):
    assert Skenario.dari_json(sk.ke_json()) == sk
    assert Skenario.dari_dict(json.loads(sk.ke_json(indent=None))) == sk
    p = tmp_path / "s.json"
    p.write_text(sk.ke_json(), encoding="utf-8")
    assert baca_skenario(p) == sk
    # and once more: the JSON of a read scenario is the same text
    assert baca_skenario(p).ke_json() == sk.ke_json()


def test_json_ditulis_apa_adanya():
    d = json.loads(SKENARIO_PENUH.ke_json())
    assert d["versi"] == 1 and d["kode_provinsi"] == "62" and "kode_wilayah" not in d
    assert d["aksi"][1] == {"jenis": "perbaiki", "area": ["PBJ", "APIP"], "wilayah": ["62.01", "62.02"], "jumlah": 2}
    assert d["aksi"][4] == {"jenis": "skor_area", "area": ["PAJAK"], "skor": 87.5}
    assert d["bobot"] == {"PBJ": 2.0, "APIP": 1.5}


def test_json_toleran_angka_teks():
    sk = Skenario.dari_dict({"tahun": "2025", "aksi": [{"jenis": "perbaiki", "jumlah": "3", "area": "PBJ"}],
                             "bobot": {"PBJ": "1,5"}})
    assert sk.tahun == 2025 and sk.aksi[0].jumlah == 3 and sk.aksi[0].area == ("PBJ",) and sk.bobot == {"PBJ": 1.5}


# ------------------------------------------------------------------------------ each action
def test_terima_verifikasi_menyentuh_semua_dalam_verifikasi(kasus, tmp_path):
    rows, _, data = kasus
    kode = pemda_dengan(rows, "proses verifikasi")
    h = simulasi(data, Skenario(kode_wilayah=kode, aksi=(Aksi("terima_verifikasi"),)))
    harap = {r["sub_indikator"] for r in rows if r["kode_wilayah"] == kode and r["status"] == "proses verifikasi"}
    assert set(h.tersentuh["sub_indikator"]) == harap
    assert set(h.tersentuh["status_sebelum"]) == {"proses verifikasi"}
    assert h.aksi["jumlah_item"].to_list() == [len(harap)]
    g = gain(rows, kode)
    w = h.wilayah.row(0, named=True)
    assert w["indeks_sebelum"] == pytest.approx(indeks(rows, kode), abs=1e-9)
    assert w["indeks_sesudah"] == pytest.approx(indeks(rows, kode) + sum(g[s] for s in harap), abs=1e-9)
    for s, k in h.tersentuh.select("sub_indikator", "kenaikan").rows():
        assert k == pytest.approx(g[s], abs=1e-9)
    # the same as scoring a file in which those documents were accepted by hand
    ubah = [{**r, "status": "diterima", "nilai": "100"} if r["kode_wilayah"] == kode and r["sub_indikator"] in harap else r
            for r in rows]
    p = tmp_path / "ubah.csv"
    pl.DataFrame(ubah).write_csv(p)
    skor_file = mcsp_rules.score(mcsp_rules.load(p)).filter(pl.col("kode_wilayah") == kode)["indeks"][0]
    assert w["indeks_sesudah"] == pytest.approx(skor_file, abs=1e-9)
    # the waterfall adds up: before + Σ area gains = after
    aj = h.air_terjun()
    assert aj["nilai"][0] + aj.filter(pl.col("jenis") == "area")["nilai"].sum() == pytest.approx(aj["nilai"][-1], abs=1e-9)


def test_perbaiki_jumlah_mengambil_kenaikan_terbesar(kasus):
    rows, _, data = kasus
    kode = pemda_dengan(rows, "perlu perbaikan", 3)
    g = gain(rows, kode)
    calon = sorted(((-g[r["sub_indikator"]], r["sub_indikator"]) for r in rows
                    if r["kode_wilayah"] == kode and r["status"] == "perlu perbaikan"))
    h = simulasi(data, Skenario(kode_wilayah=kode, aksi=(Aksi("perbaiki", jumlah=2),)))
    assert h.tersentuh["sub_indikator"].sort().to_list() == sorted(s for _, s in calon[:2])
    assert set(h.tersentuh["jenis"]) == {"perbaiki"}


def test_unggah_hanya_di_area_pilihan(kasus):
    rows, _, data = kasus
    kode = pemda_dengan(rows, "belum diunggah", 3)
    area = next(r["area"] for r in rows if r["kode_wilayah"] == kode and r["status"] == "belum diunggah")
    h = simulasi(data, Skenario(kode_wilayah=kode, aksi=(Aksi("unggah", area=(area,)),)))
    harap = {r["sub_indikator"] for r in rows
             if r["kode_wilayah"] == kode and r["status"] == "belum diunggah" and r["area"] == area}
    assert set(h.tersentuh["sub_indikator"]) == harap and set(h.tersentuh["area"]) == {area}
    # only that area moves
    berubah = h.area.filter(pl.col("skor_sesudah") != pl.col("skor_sebelum"))
    assert set(berubah["area"]) == {area}


def test_pilih_sub_indikator_apa_pun_statusnya_dan_tidak_dihitung_dua_kali(kasus):
    rows, _, data = kasus
    kode = KALTENG[2]
    terbuka = [r for r in rows if r["kode_wilayah"] == kode and skor(r) < 100]
    pilih = tuple(sorted({r["sub_indikator"] for r in terbuka})[:3])
    sudah = next(r["sub_indikator"] for r in rows if r["kode_wilayah"] == kode and skor(r) == 100)
    sk = Skenario(kode_wilayah=kode, aksi=(Aksi("pilih", sub_indikator=(*pilih, sudah)), Aksi("pilih", sub_indikator=pilih)))
    h = simulasi(data, sk)
    assert set(h.tersentuh["sub_indikator"]) == set(pilih)  # an item at 100 is not a gap
    assert h.aksi["jumlah_item"].to_list() == [3, 0]  # the second action finds them closed already
    assert any("tidak menyentuh" in p for p, _ in h.peringatan)


def test_skor_area_dengan_data_ringkasan():
    if not RINGKASAN.exists():
        pytest.skip("sample summary missing")
    data = mcsp_rules.load(RINGKASAN)
    awal = mcsp_rules.score(data, "area").filter((pl.col("kode_wilayah") == "62.01") & (pl.col("area") == "PAJAK"))["skor"][0]
    h = simulasi(data, Skenario(kode_wilayah="62.01", aksi=(Aksi("skor_area", area=("PAJAK",), skor=90),)))
    w = h.wilayah.row(0, named=True)
    n_area = mcsp_rules.score(data, "area").filter(pl.col("kode_wilayah") == "62.01").height
    assert w["indeks_sesudah"] - w["indeks_sebelum"] == pytest.approx((90 - awal) / n_area, abs=1e-9)
    t = h.tersentuh.row(0, named=True)
    assert (t["area"], t["skor_sebelum"], t["skor_sesudah"]) == ("PAJAK", pytest.approx(awal), 90.0)
    # the area may be named in Indonesian too
    h2 = simulasi(data, Skenario(kode_wilayah="62.01", aksi=(Aksi("skor_area", area=("Optimalisasi Pajak Daerah",), skor=90),)))
    assert h2.wilayah["indeks_sesudah"][0] == pytest.approx(w["indeks_sesudah"], abs=1e-12)


def test_skor_area_tidak_menimpa_area_dari_rincian(kasus):
    _, _, data = kasus
    h = simulasi(data, Skenario(kode_wilayah="62.01", aksi=(Aksi("skor_area", area=("PBJ",), skor=100),)))
    assert h.tersentuh.is_empty() and h.wilayah["selisih"][0] == 0
    assert any("tidak diubah" in p for p, _ in h.peringatan)


# -------------------------------------------------------------------------------- province scope
def test_lingkup_provinsi(kasus):
    rows, _, data = kasus
    sk = Skenario(kode_provinsi="62", aksi=(Aksi("terima_verifikasi"), Aksi("perbaiki", wilayah=("62.05",))))
    d = dasar(data)
    h = simulasi(data, sk, dasar_=d)
    assert h.wilayah["kode_wilayah"].to_list() == sorted(KALTENG)
    for k in KALTENG:
        g = gain(rows, k)
        tutup = {r["sub_indikator"] for r in rows if r["kode_wilayah"] == k and (
            r["status"] == "proses verifikasi" or (k == "62.05" and r["status"] == "perlu perbaikan"))}
        w = h.wilayah.filter(pl.col("kode_wilayah") == k).row(0, named=True)
        assert w["indeks_sesudah"] == pytest.approx(indeks(rows, k) + sum(g[s] for s in tutup), abs=1e-9), k
    # ranks after are the ranks of the new indices; bands that change are listed
    urut = h.wilayah.sort("indeks_sesudah", descending=True)
    assert urut["peringkat_provinsi_sesudah"][0] == 1
    berubah = h.wilayah.filter(pl.col("kategori_sebelum") != pl.col("kategori_sesudah"))["kode_wilayah"].to_list()
    assert h.berubah_kategori["kode_wilayah"].to_list() == berubah
    # the province aggregate is the mean of its pemda
    p = h.provinsi.row(0, named=True)
    assert p["indeks_sesudah"] == pytest.approx(h.wilayah["indeks_sesudah"].mean(), abs=1e-9)
    # reusing the baseline gives the same numbers as building it again
    assert simulasi(data, sk).wilayah.equals(h.wilayah)


def test_bobot_skenario_dipakai(kasus):
    rows, _, data = kasus
    sk = Skenario(kode_wilayah="62.04", aksi=(Aksi("terima_verifikasi"),), bobot={"PBJ": 3})
    h = simulasi(data, sk)
    assert set(h.bobot.filter(pl.col("area") == "PBJ")["bobot"]) == {3.0}
    assert h.wilayah["indeks_sebelum"][0] != pytest.approx(indeks(rows, "62.04"), abs=1e-6)


# ------------------------------------------------------------------------------------------ errors
@pytest.mark.parametrize("isi, kata", [
    ({"aksi": [{"jenis": "terbang"}]}, "tidak dikenal"),
    ({"aksi": [{"jenis": "perbaiki", "warna": 1}]}, "kunci tidak dikenal warna"),
    ({"aksi": [{"jenis": "pilih"}]}, "sebutkan sub_indikator"),
    ({"aksi": [{"jenis": "skor_area", "skor": 50}]}, "tepat satu 'area'"),
    ({"aksi": [{"jenis": "skor_area", "area": ["PBJ"], "skor": 150}]}, "0–100"),
    ({"aksi": [{"jenis": "perbaiki", "skor": 50}]}, "hanya untuk aksi skor_area"),
    ({"aksi": [{"jenis": "perbaiki", "jumlah": -1}]}, "bilangan bulat"),
    ({"aksi": [{"jenis": "perbaiki", "jumlah": 1.5}]}, "bilangan bulat"),
    ({"kode_wilayah": "62.01", "kode_provinsi": "62"}, "jangan keduanya"),
    ({"versi": 9}, "tidak didukung"),
    ({"bobot": {"PBJ": 0}}, "> 0"),
    ({"aksi": {"jenis": "perbaiki"}}, "harus berupa daftar"),
    ({"nama": "x", "lingkup": "62"}, "kunci tidak dikenal lingkup"),
    ([1, 2], "objek JSON"),
])
def test_skenario_salah_satu_kalimat(isi, kata):
    with pytest.raises(MCSPError) as e:
        Skenario.dari_dict(isi)
    assert kata in e.value.pesan and e.value.message and "\n" not in e.value.pesan


def test_json_rusak():
    with pytest.raises(MCSPError, match="bukan JSON yang sah"):
        Skenario.dari_json("{nama: x")


@pytest.mark.parametrize("sk, kata", [
    (Skenario(kode_wilayah="99.99"), "tidak ada di data"),
    (Skenario(kode_provinsi="11"), "Tidak ada pemda provinsi 11"),
    (Skenario(tahun=2019), "Tahun 2019 tidak ada"),
    (Skenario(kode_wilayah="62.01", aksi=(Aksi("perbaiki", wilayah=("62.02",)),)), "di luar lingkup"),
    (Skenario(aksi=(Aksi("unggah", area=("KESEHATAN",)),)), "area KESEHATAN tidak dikenal"),
    (Skenario(bobot={"KESEHATAN": 2}), "area KESEHATAN tidak dikenal"),
])
def test_skenario_tidak_cocok_dengan_data(kasus, sk, kata):
    with pytest.raises(MCSPError) as e:
        simulasi(kasus[2], sk)
    assert kata in e.value.pesan


# ------------------------------------------------------------------------------------- the CLI
def test_cli_simulate_sama_dengan_api(kasus, tmp_path):
    rows, path, data = kasus
    sk = Skenario(nama="cli", kode_provinsi="62", aksi=(Aksi("terima_verifikasi"), Aksi("unggah", jumlah=2)))
    f = tmp_path / "s.json"
    f.write_text(sk.ke_json(), encoding="utf-8")
    r = mcsp("simulate", path, "--scenario", f)
    assert r.returncode == 0, r.stderr
    cli = pl.read_csv(io.StringIO(r.stdout), schema_overrides={"kode_wilayah": pl.String})
    assert cli.columns == list(simulasi(data, sk).KOLOM_CLI)
    api = simulasi(data, sk).tabel()
    for a, b in zip(cli.rows(), api.rows()):
        assert a[1:2] == b[1:2] and a[4:] == b[4:]
        assert a[2] == pytest.approx(b[2], abs=1e-12) and a[3] == pytest.approx(b[3], abs=1e-12)
    assert re.search(r"Aksi 2: .*: \d+ item\.", r.stderr)
    assert "rata-rata indeks" in r.stderr
    j = mcsp("simulate", path, "--scenario", f, "--format", "json")
    assert j.returncode == 0 and len(json.loads(j.stdout)) == len(KALTENG)


@pytest.mark.parametrize("isi, kata", [
    ("{rusak", "bukan JSON yang sah"),
    ('{"aksi": [{"jenis": "terbang"}]}', "tidak dikenal"),
    ('{"kode_wilayah": "99.99"}', "tidak ada di data"),
])
def test_cli_skenario_salah_tanpa_traceback(kasus, tmp_path, isi, kata):
    f = tmp_path / "salah.json"
    f.write_text(isi, encoding="utf-8")
    r = mcsp("simulate", kasus[1], "--scenario", f)
    assert r.returncode == 2 and kata in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    tidak_ada = mcsp("simulate", kasus[1], "--scenario", tmp_path / "tidak_ada.json")
    assert tidak_ada.returncode == 2 and "Traceback" not in tidak_ada.stderr


# ---------------------------------------------------------------------------- docs/skenario.md
def contoh_dokumen() -> str:
    teks = (AKAR / "docs" / "skenario.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- contoh-skenario -->\n```json\n(.*?)```", teks, re.S)
    assert m, "docs/skenario.md lost its example"
    return m.group(1)


def test_contoh_dokumen_sah_dan_berjalan(tmp_path):
    sk = Skenario.dari_json(contoh_dokumen())
    assert sk.kode_provinsi == "62" and sk.tahun == 2024 and sk.aksi
    if not CONTOH_2024.exists():
        pytest.skip("national sample missing")
    f = tmp_path / "contoh.json"
    f.write_text(contoh_dokumen(), encoding="utf-8")
    r = mcsp("simulate", CONTOH_2024, "--scenario", f)
    assert r.returncode == 0, r.stderr
    cli = pl.read_csv(io.StringIO(r.stdout), schema_overrides={"kode_wilayah": pl.String})
    assert cli.height == 15 and set(cli["tahun"]) == {2024}
    assert (cli["indeks_sesudah"] >= cli["indeks_sebelum"]).all() and (cli["indeks_sesudah"] > cli["indeks_sebelum"]).any()
    h = simulasi(mcsp_rules.load(CONTOH_2024), sk)
    assert h.aksi["jumlah_item"].min() > 0  # every documented action does something on the sample
    assert cli["indeks_sesudah"].to_list() == pytest.approx(h.tabel()["indeks_sesudah"].to_list(), abs=1e-12)


def test_public_api_simulate_takes_a_scenario_its_json_or_its_file(kasus, tmp_path):
    """``mcsp_rules.simulate`` (the notebook entry point) accepts what people have at hand and gives
    the index a hand calculation gives: every document in verification accepted (nilai 100)."""
    rows, _, data = kasus
    kode = pemda_dengan(rows, "proses verifikasi")
    sk = Skenario(nama="api", kode_wilayah=kode, aksi=(Aksi("terima_verifikasi"),))
    f = tmp_path / "api.json"
    f.write_text(sk.ke_json(), encoding="utf-8")
    sesudah = [{**r, "status": "diterima", "nilai": ""} if r["kode_wilayah"] == kode and r["status"] == "proses verifikasi"
               else r for r in rows]
    harap = simulasi(data, sk).tabel()
    for bentuk in (sk, sk.ke_json(), sk.ke_dict(), f, str(f)):
        tabel = mcsp_rules.simulate(data, bentuk).tabel()
        assert tabel.equals(harap), type(bentuk)
        assert tabel["indeks_sesudah"][0] == pytest.approx(indeks(sesudah, kode), abs=1e-9)
        assert tabel["indeks_sebelum"][0] == pytest.approx(indeks(rows, kode), abs=1e-9)
    with pytest.raises(MCSPError, match="tidak bisa dibaca"):
        mcsp_rules.simulate(data, tmp_path / "tidak_ada.json")



def test_tersentuh_memisahkan_verifikasi_kpk(kasus):
    """What the simulation changed says who acts: KPK's verifier for accepted verifications, the
    pemda for its own uploads."""
    rows, _, data = kasus
    kode = pemda_dengan(rows, "proses verifikasi")
    h = simulasi(data, Skenario(kode_wilayah=kode, aksi=(Aksi("terima_verifikasi"), Aksi("unggah"))))
    item = h.tersentuh
    assert set(item.filter(pl.col("jenis") == "terima_verifikasi")["pihak"]) == {"kpk"}
    assert set(item.filter(pl.col("jenis") == "unggah")["pihak"]) == {"pemda"}


@pytest.mark.skipif(not CONTOH_2024.exists(), reason="sample_data/ not generated")
def test_tersentuh_bernama_dari_katalog_bila_ekspor_tanpa_nama():
    """The national export has no item names; the simulation's list has them from the catalogue."""
    data = mcsp_rules.load(CONTOH_2024)
    assert "nama_sub_indikator" not in CONTOH_2024.read_text(encoding="utf-8-sig").splitlines()[0]
    h = simulasi(data, Skenario(kode_wilayah="62.03", aksi=(Aksi("unggah"), Aksi("perbaiki"))))
    item = h.tersentuh
    assert item.height
    katalog = dict(mcsp_rules.registri_bawaan().katalog_sub().filter(pl.col("tahun") == 2024)
                   .select("sub_indikator", "nama_sub_indikator").rows())
    assert [n for n in item["nama_sub_indikator"]] == [katalog[s] for s in item["sub_indikator"]]
