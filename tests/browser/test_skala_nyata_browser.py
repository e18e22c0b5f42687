"""The dashboard at real scale in a real Chromium against a real `streamlit run`: "Pakai data contoh
nasional" gives 2025 at real scale (one row per required document, ~656 per pemda, ~362,000 rows; generated
on first use by sample_data/skala_nyata.py), which the Data page says per year, with the numbers the engine
computes from the same files; the overview of a province draws its charts; and an upload shows its stages
(reading, checking, scoring) with their times, kept above the report. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re

import pytest
from test_analisis import KALTENG, buat_rincian_dokumen
from test_dashboard_browser import buka, metrik, tunggu, unggah_csv

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def harapan():
    """What the Data page must say per year, from the engine on the sample's own files."""
    import mcsp_rules
    from mcsp_rules.hitung import analisis as an
    from tampilan.komponen.umum import contoh_skala_nyata, sumber_contoh

    if not contoh_skala_nyata():
        pytest.skip("the real-scale sample cannot be generated here (the 48-item fallback is in use)")
    d = mcsp_rules.load([(nama, p.read_bytes()) for nama, p in sumber_contoh()])
    isi = {r["tahun"]: r for r in an.isi_per_tahun(an.hitung(d)).iter_rows(named=True)}
    return {"dibaca": d.laporan.dibaca, "isi": isi}


def _angka(x: float, desimal: int = 0) -> str:
    """A number as the Indonesian interface writes it (362.170; 656,1)."""
    teks = f"{x:,.{desimal}f}"
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


def test_contoh_nasional_skala_nyata(halaman, artefak, harapan):
    page = halaman
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    tunggu(page)
    page.get_by_role("button", name="Pakai data contoh nasional").click()
    page.get_by_test_id("stMetricLabel").get_by_text("Baris dibaca", exact=True).wait_for(timeout=180_000)
    tunggu(page, 180_000)
    assert metrik(page, "Baris dibaca") == _angka(harapan["dibaca"])
    i25 = harapan["isi"][2025]
    assert i25["baris_rincian"] > 350_000 and 640 < i25["per_pemda"] < 670  # real scale, not 48 per pemda
    teks = page.get_by_test_id("stText").all_inner_texts()
    baris = (f"2025: {_angka(i25['jumlah_pemda'])} pemda · {_angka(i25['baris_rincian'])} baris rincian · "
             f"rata-rata {_angka(i25['per_pemda'], 1)} per pemda ({i25['per_pemda_min']}–{i25['per_pemda_maks']})")
    assert baris in teks, teks
    assert any(t.startswith("rincian_nasional_2025_dokumen.csv — rincian: ") for t in teks), teks
    page.screenshot(path=str(artefak / "skala_nyata_data.png"))

    # the overview of one province at real scale: every chart drawn (no Vega row limit hit), documents counted
    buka(page, "Ringkasan")
    page.get_by_role("heading", name="Ringkasan 2025").wait_for()
    masukan = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Provinsi").locator("input")
    masukan.click()
    masukan.fill("Kalimantan Tengah")
    page.get_by_role("option", name="Kalimantan Tengah", exact=True).click()
    tunggu(page)
    assert metrik(page, "Jumlah pemda") == "15"
    assert re.fullmatch(r"\d{1,3} %", metrik(page, "Dokumen diterima"))
    grafik = page.get_by_test_id("stVegaLiteChart")
    assert grafik.count() >= 6
    for i in range(grafik.count()):
        g = grafik.nth(i)
        g.scroll_into_view_if_needed()
        assert g.locator("svg, canvas").count() > 0, f"chart {i} not drawn"
    page.screenshot(path=str(artefak / "skala_nyata_ringkasan_kalteng.png"))
    # a chart's image is built when its download is clicked (the page sends the chart's data as Arrow)
    with page.expect_download(timeout=60_000) as unduhan:
        page.get_by_role("button", name="Unduh grafik (PNG)").first.click()
    png = unduhan.value.path().read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000


def test_unggah_menampilkan_tahap(halaman, artefak):
    """The stages of an upload, in the order they ran, each with its outcome; kept above the report."""
    page = halaman
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    tunggu(page)
    isi = buat_rincian_dokumen(2025, KALTENG)
    unggah_csv(page, "kalteng_dokumen.csv", isi.encode())
    n = isi.count("\n") - 1
    status = page.get_by_test_id("stExpander").filter(has_text="Selesai dalam").first
    assert re.search(rf"Selesai dalam \d+,\d dtk: {_angka(n)} dari {_angka(n)} baris dipakai", status.inner_text())
    status.locator("summary").click()
    status.get_by_text("1. Membaca file").wait_for()
    baris = [t for t in status.inner_text().splitlines() if t.strip()]
    urutan = [next(i for i, t in enumerate(baris) if t.startswith(awal)) for awal in (
        "1. Membaca file", f"✓ kalteng_dokumen.csv: {_angka(n)} baris dibaca", "2. Memeriksa setiap baris",
        f"✓ Pemeriksaan selesai: {_angka(n)} baris dipakai", "3. Menghitung skor", "✓ Skor dan ringkasan siap")]
    assert urutan == sorted(urutan), baris
    page.screenshot(path=str(artefak / "skala_nyata_tahap_unggah.png"))
    # the upload widget is emptied once the rows are in (the bytes are not kept); the report stays
    assert page.locator('[data-testid="stFileUploaderFile"]').count() == 0
    assert metrik(page, "Baris dibaca") == _angka(n)
