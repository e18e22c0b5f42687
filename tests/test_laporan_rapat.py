"""The meeting report (PDF), the province tile map, the drill-down selection and the view links.

Reports are built from real loaded exports and read back with pypdf; pages are rendered with
pdftoppm (when installed) and looked at in grayscale: the four bands must stay apart."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import polars as pl
import pytest
from pypdf import PdfReader
from test_analisis import KALTENG, buat_rincian

import mcsp_rules
from mcsp_rules.hitung import analisis as an
from tampilan.komponen import grafik, peta, telusur
from tampilan.komponen.laporan_rapat import Laporan, buat_laporan, png_grafik, tanggal_data
from tampilan.komponen.tautan import alamat_dasar, parameter_tampilan, tautan_penuh
from tampilan.komponen.teks import dengan_bahasa

DIBUAT = dt.datetime(2025, 11, 3, 9, 30, tzinfo=dt.timezone.utc)
TANGGAL_AKHIR: dict[int, dt.date] = {}  # the latest date written into each year's export (by the fixture)


def dengan_tanggal(csv: str, tahun: int) -> tuple[str, dt.date]:
    """The export with upload and verification dates (uploaded items only), and the latest date in it."""
    baris = csv.strip().split("\n")
    keluar, akhir = [baris[0] + ",tanggal_unggah,tanggal_verifikasi"], dt.date(1900, 1, 1)
    for i, b in enumerate(baris[1:]):
        if ",belum diunggah," in b:
            keluar.append(b + ",,")
            continue
        unggah = dt.date(tahun, 9, 1) + dt.timedelta(days=i % 40)
        verif = unggah + dt.timedelta(days=2)
        akhir = max(akhir, verif)
        keluar.append(f"{b},{unggah:%Y-%m-%d},{verif:%Y-%m-%d}")
    return "\n".join(keluar) + "\n", akhir


@pytest.fixture(scope="module")
def kalteng(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kalteng")
    berkas, akhir = [], {}
    for tahun, seed in ((2024, 3), (2025, 5)):
        p = folder / f"kalteng_{tahun}.csv"
        isi, akhir[tahun] = dengan_tanggal(buat_rincian(tahun, KALTENG, seed=seed), tahun)
        p.write_text(isi, encoding="utf-8")
        berkas.append(p)
    d = mcsp_rules.load(berkas)
    TANGGAL_AKHIR.update(akhir)
    return d, an.hitung(d)


def teks_pdf(isi: bytes) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(isi)).pages))


def lap(bahasa="id", **kw) -> Laporan:
    dasar = dict(saring=an.Saring(tahun=2025, kode_provinsi="62"), bahasa=bahasa,
                 cakupan="Kalimantan Tengah · Semua · 15 pemda",
                 tautan="http://127.0.0.1:8501/ringkasan?data=contoh&tahun=2025&provinsi=62",
                 nama_file=("kalteng_2025.csv",), dibuat=DIBUAT)
    return Laporan(**{**dasar, **kw})


def test_laporan_provinsi_menyebut_semua_yang_diminta(kalteng):
    d, h = kalteng
    isi = buat_laporan(h, lap(), d.rincian)
    assert isi[:5] == b"%PDF-"
    teks = teks_pdf(isi)
    wil = an.saring_wilayah(h, an.Saring(tahun=2025, kode_provinsi="62"))
    tgl = tanggal_data(d.rincian, 2025, wil["kode_wilayah"].to_list())
    assert tgl == TANGGAL_AKHIR[2025]
    assert "Laporan rapat IPKD 2025" in teks
    assert "Kalimantan Tengah · Semua · 15 pemda" in teks
    assert f"Tanggal data {tgl:%d/%m/%Y}" in teks
    assert "kalteng_2025.csv" in teks
    assert "Merah 0 – <25 · Kuning 25 – <50 · Biru 50 – <75 · Hijau 75 – 100" in teks
    assert "ASUMSI, bukan bobot resmi KPK" in teks  # the built-in weights are the equal-weight assumption
    assert teks.count("Bobot: ") >= 3  # every chart names the weights under it
    for nama in wil["nama_wilayah"].to_list():
        assert nama in teks, nama
    assert "Semua pemda dalam cakupan (15)" in teks
    # the index, the Indonesian way, with its band, for the first and the last pemda of the ranking
    for r in (wil.row(0, named=True), wil.row(-1, named=True)):
        assert re.search(re.escape(r["nama_wilayah"]) + r" \S+ " + re.escape(mcsp_rules.format.angka(r["indeks"])), teks), r
    assert "Perlu perhatian" in teks and "Status dokumen wajib" in teks and "Kenaikan terbesar" in teks
    assert "http://127.0.0.1:8501/ringkasan?data=contoh&tahun=2025&provinsi=62" in teks
    assert re.search(r"Halaman 1 dari (\d+)", teks)


def test_laporan_inggris_dan_angka(kalteng):
    d, h = kalteng
    teks = teks_pdf(buat_laporan(h, lap("en"), d.rincian))
    assert "IPKD meeting report 2025" in teks
    assert "Red 0 – <25 · Yellow 25 – <50 · Blue 50 – <75 · Green 75 – 100" in teks
    assert "ASSUMPTION, not KPK's official weights" in teks
    assert "Page 1 of" in teks and "Halaman" not in teks
    r = an.ringkasan_indeks(an.saring_wilayah(h, an.Saring(tahun=2025, kode_provinsi="62")))
    assert f"Mean index: {r['indeks']:.2f}" in teks
    teks_id = teks_pdf(buat_laporan(h, lap(), d.rincian))
    assert f"Rata-rata indeks: {r['indeks']:.2f}".replace(".", ",") in teks_id


def test_laporan_profil_dengan_daftar_periksa(kalteng):
    d, h = kalteng
    kode = "62.03"
    p = an.profil(h, kode, 2025)
    teks = teks_pdf(buat_laporan(h, lap(pemda=kode, cakupan=f"{p['nama_wilayah']} · 2025"), d.rincian))
    assert f"Laporan rapat IPKD 2025: {p['nama_wilayah']}" in teks
    assert "Daftar periksa rencana aksi" in teks
    c = an.celah_pemda(h, kode, 2025)
    assert c.height > 0
    for sub in c.head(5)["sub_indikator"].to_list():
        assert sub in teks
    assert teks.count("☐") == min(20, c.height)  # one box to tick per action
    # with the loaded data: the least-effort plan to the next band, as the Rencana aksi page makes it
    teks = teks_pdf(buat_laporan(h, lap(pemda=kode, cakupan=p["nama_wilayah"]), d.rincian, d))
    berikut = {"Merah": ("25", "Kuning"), "Kuning": ("50", "Biru"), "Biru": ("75", "Hijau")}[p["kategori"]]
    r = mcsp_rules.plan(d, kode, tahun=2025, target=float(berikut[0]))
    assert f"Rencana dengan usaha terkecil untuk mencapai {berikut[0]} ({berikut[1]}): {r.item.height} dokumen" in teks
    assert teks.count("☐") == r.item.height
    for sub in r.item["sub_indikator"].to_list():
        assert sub in teks


def test_laporan_tanpa_tanggal_dan_tautan(kalteng):
    """Data without dates (summary exports) says so; uploaded data has no link but names its scope."""
    _, h = kalteng
    teks = teks_pdf(buat_laporan(h, lap(tautan=""), None))
    assert "tidak diketahui" in teks
    assert "data unggahan tidak ikut dalam tautan" in teks
    assert tanggal_data(None, 2025, ["62"]) is None


def test_laporan_dari_ringkasan_skor_saja_dan_filter():
    """A summary export (area scores, no documents, no dates) and the area and kind filters still give
    a report; the national scope adds the province map."""
    from tampilan.komponen.umum import AKAR

    d = mcsp_rules.load([AKAR / "sample_data" / "ringkasan_kalteng_2025.csv"])
    h = an.hitung(d)
    for s in (an.Saring(tahun=2025), an.Saring(tahun=2025, area=("PBJ",)), an.Saring(tahun=2025, jenis=("kota",))):
        teks = teks_pdf(buat_laporan(h, lap(saring=s, tautan=""), d.rincian))
        assert "Tanggal data tidak diketahui" in teks
        wil = an.saring_wilayah(h, s)
        assert f"({wil.height})" in teks
        for nama in wil["nama_wilayah"].to_list():
            assert nama in teks
    assert "Peta provinsi" in teks_pdf(buat_laporan(h, lap(saring=an.Saring(tahun=2025)), d.rincian))
    assert "Peta provinsi" not in teks_pdf(buat_laporan(h, lap(), d.rincian))


def test_nama_asing_tidak_merusak_laporan(tmp_path):
    """A pemda name with characters outside the report's font still gives a readable PDF."""
    teks = buat_rincian(2025, ["62", "62.01"], seed=2).replace("\n2025,62.01,", "\n2025,62.01,")
    p = tmp_path / "a.csv"
    p.write_text(teks, encoding="utf-8")
    d = mcsp_rules.load([p])
    h = an.hitung(d)
    h.wilayah = h.wilayah.with_columns(
        pl.when(pl.col("kode_wilayah") == "62.01").then(pl.lit("Kab. 測試 <b>x</b>")).otherwise(pl.col("nama_wilayah"))
        .alias("nama_wilayah"))
    isi = buat_laporan(h, lap(saring=an.Saring(tahun=2025)), d.rincian)
    assert "<b>x</b>" in teks_pdf(isi)


def _abu(hex_: str) -> int:
    r, g, b = (int(hex_[i:i + 2], 16) for i in (1, 3, 5))
    return round(0.299 * r + 0.587 * g + 0.114 * b)  # what a grayscale print makes of it (ITU-R 601)


def test_warna_pita_berbeda_dalam_abu_abu():
    nilai = sorted(_abu(v) for v in grafik.WARNA_KATEGORI.values())
    assert min(b - a for a, b in zip(nilai, nilai[1:])) >= 40, nilai


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_halaman_pdf_abu_abu_menampilkan_setiap_pita(kalteng, tmp_path):
    """The report printed in grayscale (pdftoppm -gray): every band present in scope shows up as its
    own gray level on the pages (band cells and bars), on portrait A4 pages."""
    from PIL import Image

    d, h = kalteng
    pdf = tmp_path / "l.pdf"
    pdf.write_bytes(buat_laporan(h, lap(), d.rincian))
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", str(pdf), str(tmp_path / "h")], check=True)
    halaman = sorted(tmp_path.glob("h-*.png"))
    assert len(halaman) >= 2
    hist = [0] * 256
    for berkas in halaman:
        with Image.open(berkas) as im:
            assert im.size[0] < im.size[1]  # portrait A4
            for i, n in enumerate(im.convert("L").histogram()):
                hist[i] += n
    wil = an.saring_wilayah(h, an.Saring(tahun=2025, kode_provinsi="62"))
    ada = {k for k in wil["kategori"].drop_nulls().to_list()}
    assert len(ada) >= 3
    for k in ada:
        g = _abu(grafik.WARNA_KATEGORI[k])
        assert sum(hist[max(g - 3, 0):g + 4]) > 300, (k, g)


def test_grafik_pdf_memakai_warna_pita(kalteng):
    """The category chart's PNG (as placed in the PDF) fills its bars with the band colours."""
    from PIL import Image

    _, h = kalteng
    wil = an.saring_wilayah(h, an.Saring(tahun=2025))
    png = png_grafik(grafik.batang_kategori(an.jumlah_kategori(wil), "x"))
    with Image.open(io.BytesIO(png)) as im:
        warna = {f"#{r:02X}{g:02X}{b:02X}" for n, (r, g, b) in im.convert("RGB").getcolors(1 << 20) if n > 200}
    ada = {k for k, v in an.jumlah_kategori(wil).rows() if v and k in grafik.WARNA_KATEGORI}
    assert len(ada) >= 3
    assert {grafik.WARNA_KATEGORI[k] for k in ada} <= warna


# ------------------------------------------------------------------------------------------ the map
def test_peta_semua_38_provinsi_tanpa_tumpang_tindih(kalteng):
    _, h = kalteng
    agr = an.provinsi_agregat(h, an.Saring(tahun=2025))
    df = peta.data_peta(agr)
    assert df.height == 38
    assert df.select("kolom", "baris").n_unique() == 38
    assert set(df["kode_provinsi"]) == set(peta.PETAK) == set(peta.SINGKATAN)
    kalteng_ = df.filter(pl.col("kode_provinsi") == "62").row(0, named=True)
    assert kalteng_["jumlah_pemda"] == 15 and kalteng_["indeks"] is not None
    assert df.filter(pl.col("indeks").is_not_null()).height == 1  # only Kalimantan Tengah has data
    grafik_ = peta.grafik_peta(agr, "Peta", terpilih="62")
    grafik_.to_dict(validate=True)
    png = png_grafik(grafik_)
    assert png[:4] == b"\x89PNG"
    # Papua is east of Aceh, Java south of Kalimantan
    letak = {k: (c, r) for k, c, r in df.select("kode_provinsi", "kolom", "baris").rows()}
    assert letak["91"][0] > letak["11"][0] and letak["33"][1] > letak["62"][1]


def test_pilihan_klik_ditambahkan_ke_lapisan_batang(kalteng):
    _, h = kalteng
    wil = an.saring_wilayah(h, an.Saring(tahun=2025))
    spec = grafik.spesifikasi(grafik.batang_peringkat(an.peringkat(wil), "x"))
    assert telusur.tambah_pilihan(spec, "kode_wilayah") == ["pilih", "pilih_1"]
    lapis = spec["layer"]
    assert lapis[0]["params"][0]["select"] == {"type": "point", "fields": ["kode_wilayah"], "on": "click",
                                               "clear": False}
    assert lapis[1]["params"][0]["name"] == "pilih_1"  # a click on the value label selects the pemda too
    import json

    import vl_convert

    vega = vl_convert.vegalite_to_vega(json.dumps(spec))  # compiles: no duplicate signal
    nama = [s_["name"] for s_ in vega["signals"]]
    assert len(nama) == len(set(nama))
    with pytest.raises(ValueError):
        telusur.tambah_pilihan({"mark": "text"}, "kode_wilayah")


def test_gambar_grafik_membawa_tautan(kalteng):
    """A chart image downloaded from a clickable chart names the view's link under its title."""
    from PIL import Image

    _, h = kalteng
    wil = an.saring_wilayah(h, an.Saring(tahun=2025))
    spec = grafik.spesifikasi(grafik.batang_peringkat(an.peringkat(wil), "Peringkat"))
    url = "http://127.0.0.1:8501/ringkasan?data=contoh&tahun=2025"
    dengan = telusur.dengan_tautan(spec, url)
    assert dengan["title"]["text"] == "Peringkat" and dengan["title"]["subtitle"] == url
    assert spec["title"] == "Peringkat"  # the chart on the page keeps its own title
    with Image.open(io.BytesIO(grafik.ke_png(spec))) as a, Image.open(io.BytesIO(grafik.ke_png(dengan))) as b:
        assert b.size[1] > a.size[1]  # the link takes a line of its own


# ---------------------------------------------------------------------------------------- the links
def test_tautan_tampilan():
    s = an.Saring(tahun=2024, kode_provinsi="62", area=("PBJ", "APIP"))
    p = parameter_tampilan(s, bahasa="en", contoh=True, pemda="62.03", rapat=True)
    assert tautan_penuh("http://127.0.0.1:8501/ringkasan", "profil", **p) == (
        "http://127.0.0.1:8501/profil?data=contoh&tahun=2024&provinsi=62&pemda=62.03&area=PBJ%2CAPIP&bahasa=en&rapat=1")
    assert alamat_dasar("https://x.go.id/ipkd/profil") == "https://x.go.id/ipkd"
    assert alamat_dasar("http://h:8501/") == "http://h:8501"
    assert tautan_penuh(None, "ringkasan", tahun=2025) == "/ringkasan?tahun=2025"
    # one pemda picked in the sidebar travels too; uploaded data does not claim the sample
    assert parameter_tampilan(an.Saring(tahun=2025, pemda=("62.03",)), bahasa="id") == {
        "tahun": "2025", "pemda": "62.03", "bahasa": "id"}


def test_bahasa_tetap_untuk_pembuat_laporan():
    with dengan_bahasa("en"):
        assert grafik.label_kat("Merah") == "Red"
    assert grafik.label_kat("Merah") == "Merah"
