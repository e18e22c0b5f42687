"""The dashboard's view models (mcsp_rules.hitung.analisis), on small hand-checkable data built from the
built-in plugins' catalogues. The generator functions here are also used by the dashboard tests."""

from __future__ import annotations

import random

import polars as pl
import pytest

import mcsp_rules
from mcsp_rules.hitung import analisis as an

KALTENG = ["62"] + [f"62.{i:02d}" for i in range(1, 14)] + ["62.71"]  # the province, 13 kabupaten, 1 kota
STATUS = ("belum diunggah", "proses verifikasi", "perlu perbaikan", "diterima")


def buat_rincian(tahun: int, kode: list[str], seed: int = 7, pemisah: str = ",", rusak: bool = False) -> str:
    """A detail export (CSV text) for the pemda in ``kode`` covering the built-in catalogue of
    ``tahun``. Pemda i accepts a share of its documents that grows with i, so every band appears.
    ``rusak`` adds three bad rows (unknown region code with an HTML payload, unknown status, score
    out of range) and a region name with a script tag."""
    reg = mcsp_rules.registri_bawaan()
    kat = reg.katalog_sub().filter(pl.col("tahun") == tahun).sort("area", "sub_indikator")
    assert kat.height, f"no built-in plugin covers {tahun}"
    rng = random.Random(seed + tahun)
    baris = [pemisah.join(["tahun", "kode_wilayah", "nama_wilayah", "area", "indikator", "sub_indikator",
                           "nama_sub_indikator", "bobot", "status", "nilai"])]

    def sel(v) -> str:
        v = "" if v is None else str(v)
        return f'"{v}"' if (pemisah in v or '"' in v) else v

    for i, k in enumerate(kode):
        terima = (i + 0.5) / len(kode)  # 0 → all open, 1 → all accepted
        for r in kat.iter_rows(named=True):
            u = rng.random()
            status = "diterima" if u < terima else STATUS[int(rng.random() * 3)]
            nilai = (90 if rng.random() < 0.2 else None) if status == "diterima" else None
            bobot = str(r["bobot_katalog"]).replace(".", ",") if pemisah == ";" else str(r["bobot_katalog"])
            nama = "<script>alert('x')</script> Barito" if (rusak and i == 1) else f"Pemda {k}"
            baris.append(pemisah.join(sel(v) for v in [tahun, k, nama, r["area"], r["indikator"],
                                                       r["sub_indikator"], r["nama_sub_indikator"], bobot, status, nilai]))
    if rusak:
        r = kat.row(0, named=True)
        baris.append(pemisah.join([str(tahun), "<script>alert(1)</script>", "<b>X</b>", r["area"], r["indikator"],
                                   "X.9.9", "x", "10", "diterima", ""]))
        baris.append(pemisah.join([str(tahun), kode[0], "Pemda", r["area"], r["indikator"], "Y.9.9", "y", "10",
                                   "diterimah", ""]))
        baris.append(pemisah.join([str(tahun), kode[0], "Pemda", r["area"], r["indikator"], "Z.9.9", "z", "10",
                                   "diterima", "150"]))
    return "\n".join(baris) + "\n"


@pytest.fixture(scope="module")
def data_kalteng(tmp_path_factory):
    folder = tmp_path_factory.mktemp("analisis")
    p1 = folder / "kalteng_2024.csv"
    p2 = folder / "kalteng_2025.csv"
    p1.write_text(buat_rincian(2024, KALTENG, seed=1), encoding="utf-8")
    p2.write_text(buat_rincian(2025, KALTENG + ["11", "11.01"], seed=2), encoding="utf-8")
    return mcsp_rules.load([p1, p2])


@pytest.fixture(scope="module")
def hasil(data_kalteng):
    return an.hitung(data_kalteng)


def test_hitung_memberi_peringkat_dan_tahun_lalu(hasil):
    w = hasil.wilayah.filter(pl.col("tahun") == 2025)
    assert w.height == 17
    assert hasil.tahun == [2024, 2025]
    # ranks: 1 is the best index; the province rank counts only pemda of that province
    terbaik = w.sort("indeks", descending=True, nulls_last=True).row(0, named=True)
    assert terbaik["peringkat_nasional"] == 1
    assert w.filter(pl.col("kode_provinsi") == "62")["jumlah_provinsi"].unique().to_list() == [15]
    assert w.filter(pl.col("kode_provinsi") == "11")["jumlah_provinsi"].unique().to_list() == [2]
    assert sorted(w.filter(pl.col("kode_provinsi") == "62")["peringkat_provinsi"].to_list()) == list(range(1, 16))
    # previous year's index is joined for pemda present both years, and the change is their difference
    r = w.filter(pl.col("kode_wilayah") == "62.01").row(0, named=True)
    lalu = hasil.wilayah.filter((pl.col("tahun") == 2024) & (pl.col("kode_wilayah") == "62.01"))["indeks"][0]
    assert r["indeks_lalu"] == pytest.approx(lalu)
    assert r["perubahan"] == pytest.approx(r["indeks"] - lalu)
    assert w.filter(pl.col("kode_wilayah") == "11")["indeks_lalu"][0] is None


def test_saring_dan_ringkasan(hasil):
    s = an.Saring(tahun=2025, kode_provinsi="62")
    w = an.saring_wilayah(hasil, s)
    assert w.height == 15 and set(w["kode_provinsi"]) == {"62"}
    assert w["indeks"].to_list() == sorted(w["indeks"].to_list(), reverse=True)
    r = an.ringkasan_indeks(w)
    assert r["indeks"] == pytest.approx(w["indeks"].mean())
    assert r["kategori"] == an.kategori_dari(r["indeks"])
    assert r["jumlah"] == 15 and r["tidak_lengkap"] == 0
    assert r["perubahan"] == pytest.approx(w["indeks"].mean() - w["indeks_lalu"].mean())
    kat = an.jumlah_kategori(w)
    assert kat["kategori"].to_list() == ["Merah", "Kuning", "Biru", "Hijau", "Tidak lengkap"]
    assert kat["jumlah"].sum() == 15
    assert (kat.filter(pl.col("kategori") != "Tidak lengkap")["jumlah"] > 0).all(), "the generator spans every band"
    kab = an.saring_wilayah(hasil, an.Saring(tahun=2025, jenis=("kota",)))
    assert set(kab["jenis_pemda"]) == {"kota"}
    satu = an.saring_wilayah(hasil, an.Saring(tahun=2025, pemda=("62.01",)))
    assert an.ringkasan_indeks(satu)["indeks"] == pytest.approx(satu["indeks"][0])


def test_kategori_dari_batas():
    assert [an.kategori_dari(x) for x in (0, 24.99, 25, 49.99, 50, 74.99, 75, 100)] == [
        "Merah", "Merah", "Kuning", "Kuning", "Biru", "Biru", "Hijau", "Hijau"]
    assert an.kategori_dari(None) is None


def test_total_dokumen_cocok_dengan_rincian(hasil, data_kalteng):
    s = an.Saring(tahun=2025, kode_provinsi="62")
    kode = an.saring_wilayah(hasil, s)["kode_wilayah"].to_list()
    tot = an.total_dokumen(hasil, s, kode)
    r = data_kalteng.rincian.filter((pl.col("tahun") == 2025) & pl.col("kode_provinsi").eq("62"))
    assert tot["dokumen_wajib"] == r.height
    for status in STATUS:
        assert tot[status.replace(" ", "_")] == r.filter(pl.col("status") == status).height
    assert tot["dokumen_diunggah"] == r.height - tot["belum_diunggah"]
    satu_area = an.total_dokumen(hasil, an.Saring(tahun=2025, area=("PBJ",)), kode)
    assert satu_area["dokumen_wajib"] == r.filter(pl.col("area") == "PBJ").height


def test_rata_area_dengan_tahun_lalu(hasil):
    s = an.Saring(tahun=2025, kode_provinsi="62")
    kode = an.saring_wilayah(hasil, s)["kode_wilayah"].to_list()
    rata = an.rata_area(hasil, s, kode)
    assert rata.height == 8
    a = hasil.area
    pbj = rata.filter(pl.col("area") == "PBJ").row(0, named=True)
    assert pbj["skor"] == pytest.approx(a.filter((pl.col("tahun") == 2025) & pl.col("kode_wilayah").is_in(kode)
                                                 & (pl.col("area") == "PBJ"))["skor"].mean())
    assert pbj["skor_lalu"] == pytest.approx(a.filter((pl.col("tahun") == 2024) & pl.col("kode_wilayah").is_in(kode)
                                                      & (pl.col("area") == "PBJ"))["skor"].mean())
    assert pbj["selisih"] == pytest.approx(pbj["skor"] - pbj["skor_lalu"])
    # first year in the data: no previous values
    awal = an.rata_area(hasil, an.Saring(tahun=2024), kode)
    assert awal["skor_lalu"].is_null().all()
    hanya = an.rata_area(hasil, an.Saring(tahun=2025, area=("PBJ", "ASN")), kode)
    assert sorted(hanya["area"].to_list()) == ["ASN", "PBJ"]


def test_peringkat_heatmap_dan_provinsi(hasil):
    s = an.Saring(tahun=2025)
    w = an.saring_wilayah(hasil, s)
    p = an.peringkat(w)
    assert p["peringkat"].to_list()[:3] == [1, 2, 3]
    data, total = an.heatmap(hasil, s, w, batas=5)
    assert total == 17 and data["kode_wilayah"].n_unique() == 5
    terendah = w.sort("indeks").head(5)["kode_wilayah"].to_list()
    assert data.sort("urutan")["kode_wilayah"].unique(maintain_order=True).to_list() == terendah
    agr = an.provinsi_agregat(hasil, s)
    assert agr.height == 2
    kt = agr.filter(pl.col("kode_provinsi") == "62").row(0, named=True)
    assert kt["jumlah_pemda"] == 15
    assert kt["indeks"] == pytest.approx(w.filter(pl.col("kode_provinsi") == "62")["indeks"].mean())
    assert sum(kt[k] for k in ("Merah", "Kuning", "Biru", "Hijau")) + kt["tidak_lengkap"] == 15
    # engine's own province level agrees
    prov = mcsp_rules.score  # noqa: F841 - documented equivalence below
    assert kt["kategori"] == an.kategori_dari(kt["indeks"])


def test_profil_area_celah(hasil, data_kalteng):
    p = an.profil(hasil, "62.03", 2025)
    assert p["nama_wilayah"] and p["kode_provinsi"] == "62"
    assert 1 <= p["peringkat_provinsi"] <= 15
    ap = an.area_profil(hasil, "62.03", 2025)
    assert ap.height == 8
    a25 = hasil.area.filter(pl.col("tahun") == 2025)
    bmd = ap.filter(pl.col("area") == "BMD").row(0, named=True)
    assert bmd["rata_nasional"] == pytest.approx(a25.filter(pl.col("area") == "BMD")["skor"].mean())
    assert bmd["rata_provinsi"] == pytest.approx(
        a25.filter((pl.col("area") == "BMD") & (pl.col("kode_provinsi") == "62"))["skor"].mean())
    c = an.celah_pemda(hasil, "62.03", 2025)
    assert c.height > 0
    # the pemda's own gaps (upload, fix) first, largest gain first; then what waits on KPK's verifier
    pihak = c["pihak"].to_list()
    assert set(pihak) == {"pemda", "kpk"} and pihak == sorted(pihak, key=("pemda", "kpk").index)
    assert set(c.filter(pl.col("pihak") == "kpk")["status"]) == {"proses verifikasi"}
    for bagian in c.partition_by("pihak", maintain_order=True):
        assert bagian["kenaikan"].to_list() == sorted(bagian["kenaikan"].to_list(), reverse=True)
    # closing every gap reaches 100 (the index is linear in item scores)
    assert c["indeks_jika_ditutup"][-1] == pytest.approx(100.0)
    assert c["indeks_jika_ditutup"][0] == pytest.approx(p["indeks"] + c["kenaikan"][0])
    r = an.rincian_pemda(data_kalteng.rincian, hasil, "62.03", 2025)
    assert r.height == 48
    ind = an.indikator_pemda(r)
    assert ind["jumlah"].sum() == 48
    assert ind.select([pl.col(k) for k in an.KOLOM_STATUS.values()]).sum_horizontal().sum() == 48
    assert an.profil(hasil, "99.99", 2025) is None


def test_bandingkan(hasil):
    df = an.bandingkan(hasil, ["62.02", "62", "11"], 2025)
    assert df["kode_wilayah"].n_unique() == 3 and df.height == 24
    lebar = an.bandingkan_lebar(df)
    assert lebar.height == 8
    assert lebar.columns[2:] == [df.filter(pl.col("kode_wilayah") == k)["nama_wilayah"][0] for k in ("62.02", "62", "11")]


def test_pilihan(hasil):
    assert an.pilihan_provinsi(hasil, 2025) == [("11", "Aceh"), ("62", "Kalimantan Tengah")]
    assert len(an.pilihan_pemda(hasil, an.Saring(tahun=2025, kode_provinsi="62"))) == 15
    assert len(an.pilihan_pemda(hasil, an.Saring(tahun=2024))) == 15
    area = an.pilihan_area(hasil, 2025)
    assert len(area) == 8 and all(len(a) == 3 for a in area)


def test_data_rusak_dan_kosong(tmp_path):
    p = tmp_path / "rusak.csv"
    p.write_text(buat_rincian(2025, KALTENG[:3], rusak=True), encoding="utf-8")
    d = mcsp_rules.load(p)
    assert d.laporan.jumlah_disisihkan == 3
    h = an.hitung(d)
    assert h.wilayah.height == 3
    kosong = mcsp_rules.load(("kosong.csv", b"a,b\n1,2\n"))
    hk = an.hitung(kosong)
    assert hk.tahun == [] and hk.wilayah.is_empty()
    s = an.Saring(tahun=None)
    assert an.saring_wilayah(hk, s).is_empty()
    assert an.ringkasan_indeks(an.saring_wilayah(hk, s))["indeks"] is None
    assert an.rata_area(hk, s, []).is_empty()
    assert an.provinsi_agregat(hk, s).is_empty()


def test_kecepatan_skala_nasional():
    """A filter change at national scale: the view models answer in well under a second."""
    import time

    from mcsp_rules.wilayah import daftar_wilayah

    kode = daftar_wilayah()["kode_wilayah"].to_list()
    d = mcsp_rules.load([("n2024.csv", buat_rincian(2024, kode).encode()), ("n2025.csv", buat_rincian(2025, kode).encode())])
    h = an.hitung(d)
    assert h.wilayah.filter(pl.col("tahun") == 2025).height == 552
    t0 = time.perf_counter()
    for prov in (None, "62", "11"):
        s = an.Saring(tahun=2025, kode_provinsi=prov)
        w = an.saring_wilayah(h, s)
        k = w["kode_wilayah"].to_list()
        an.ringkasan_indeks(w), an.jumlah_kategori(w), an.total_dokumen(h, s, k), an.rata_area(h, s, k)
        an.peringkat(w), an.heatmap(h, s, w), an.provinsi_agregat(h, s)
        an.area_profil(h, k[0], 2025), an.celah_pemda(h, k[0], 2025), an.rincian_pemda(d.rincian, h, k[0], 2025)
    assert (time.perf_counter() - t0) / 3 < 0.3


def buat_rincian_dokumen(tahun: int, kode: list[str], per_sub: int = 3, seed: int = 11) -> str:
    """A document-level export (the ``dokumen`` column, design.md §1a): every sub-indicator of
    ``buat_rincian``'s catalogue split into ``per_sub`` documents that share its weight, each with its own
    status."""
    import io

    sub = pl.read_csv(io.StringIO(buat_rincian(tahun, kode, seed=seed)), infer_schema=False)
    rng = random.Random(seed)
    dok = (
        sub.join(pl.DataFrame({"dokumen": [f"D{j + 1:02d}" for j in range(per_sub)]}), how="cross")
        .with_columns((pl.col("bobot").cast(pl.Float64) / per_sub).round(6).cast(pl.String).alias("bobot"),
                      pl.lit(None, dtype=pl.String).alias("nilai"))
    )
    dok = dok.with_columns(pl.Series("status", [STATUS[int(rng.random() * 4)] for _ in range(dok.height)]))
    return dok.write_csv()


def test_rincian_dokumen_celah_per_pemda_sama_dengan_nasional():
    """At document level (the real programme's ~660 documents per pemda), the item views come from the
    pemda's own rows and equal the national computation filtered; the sub-indicator table has one row per
    document (a gap joined per sub-indicator would multiply them); the gap list groups a sub-indicator's
    documents of one status, and their gains add up to the documents' own."""
    from mcsp_rules.hitung.celah import celah

    kode = KALTENG[:5]
    d = mcsp_rules.load(("dokumen.csv", buat_rincian_dokumen(2025, kode).encode()))
    assert d.laporan.jumlah_disisihkan == 0 and d.rincian["dokumen"].is_not_null().all()
    h = an.hitung(d)
    semua = celah(d).filter(pl.col("tahun") == 2025)
    for k in ("62", "62.03"):
        sendiri = an.celah_wilayah(h, [k], 2025).sort("sub_indikator", "dokumen")
        nasional = semua.filter(pl.col("kode_wilayah") == k).sort("sub_indikator", "dokumen")
        assert sendiri["kenaikan"].to_list() == pytest.approx(nasional["kenaikan"].to_list())
        assert sendiri["dokumen"].to_list() == nasional["dokumen"].to_list()
    assert an.celah_wilayah(h, ["62.03"], 2025) is an.celah_wilayah(h, ["62.03"], 2025)  # kept, not recomputed

    r = an.rincian_pemda(d.rincian, h, "62.03", 2025)
    n_dok = d.rincian.filter((pl.col("tahun") == 2025) & (pl.col("kode_wilayah") == "62.03")).height
    assert r.height == n_dok and r.select("sub_indikator", "dokumen").is_unique().all()
    terbuka = r.filter(pl.col("status") != "diterima")
    assert terbuka["kenaikan"].is_not_null().all() and r.filter(pl.col("status") == "diterima")["kenaikan"].is_null().all()

    c = an.celah_pemda(h, "62.03", 2025)
    dok = semua.filter(pl.col("kode_wilayah") == "62.03")
    assert c["jumlah_dokumen"].sum() == dok.height
    assert c.select("sub_indikator", "status").is_unique().all()
    assert c["kenaikan"].sum() == pytest.approx(dok["kenaikan"].sum())
    assert c["indeks_jika_ditutup"][-1] == pytest.approx(100.0)
    satu = c.row(0, named=True)
    asli = dok.filter((pl.col("sub_indikator") == satu["sub_indikator"]) & (pl.col("status") == satu["status"]))
    assert satu["jumlah_dokumen"] == asli.height and satu["kenaikan"] == pytest.approx(asli["kenaikan"].sum())
    assert satu["dokumen"].split(", ")[:asli.height] == sorted(asli["dokumen"].to_list())[:an.MAKS_DOKUMEN_DISEBUT]

    isi = an.isi_per_tahun(h).row(0, named=True)
    assert (isi["tahun"], isi["jumlah_pemda"], isi["baris_rincian"]) == (2025, 5, d.rincian.height)
    assert isi["per_pemda"] == pytest.approx(d.rincian.height / 5)


def test_load_melaporkan_tahap():
    """``mcsp_rules.load(..., kemajuan=...)`` (the Data page's stage lines): one call per file in the given
    order, from the calling thread (files are read in parallel), with its rows or None when unreadable,
    then one when the checks are done, with the rows used."""
    import threading

    panggilan = []

    def kemajuan(tahap, **isi):
        panggilan.append((tahap, isi, threading.current_thread() is threading.main_thread()))

    teks = buat_rincian(2025, KALTENG[:2])
    d = mcsp_rules.load([("a.csv", teks.encode()), ("rusak.csv", b"\x00\x01\x02 bukan csv"), ("b.csv", teks.encode())],
                        kemajuan=kemajuan)
    n = teks.count("\n") - 1
    assert [(t, i.get("file"), i.get("baris")) for t, i, _ in panggilan] == [
        ("dibaca", "a.csv", n), ("dibaca", "rusak.csv", None), ("dibaca", "b.csv", n),
        ("divalidasi", None, d.laporan.dipakai)]
    assert all(utama for _, _, utama in panggilan)
    assert len(d.laporan.file_gagal) == 1
