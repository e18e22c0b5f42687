"""The Simulasi, Rencana aksi and Sensitivitas bobot pages in a real Chromium against a real
`streamlit run`: upload a file, apply an action and read the index before → after, set a target
and see the checklist, move a weight. Screenshots go to tests/artifacts/ for a person to judge."""

from __future__ import annotations

import pytest
from test_analisis import KALTENG, buat_rincian
from test_dashboard_browser import buka, metrik, tunggu, unggah_csv

pytestmark = pytest.mark.browser


def angka_id(teks: str) -> float:
    return float(teks.replace(".", "").replace(",", "."))


def pilih(page, label: str, opsi: str) -> None:
    """A selectbox in the page body: open it by its label and click the option."""
    kotak = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").filter(has_text=label).first
    kotak.click()
    page.get_by_role("option", name=opsi, exact=True).click()
    tunggu(page)


def test_simulasi_dan_rencana_di_browser(halaman, artefak):
    page = halaman
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    tunggu(page)
    unggah_csv(page, "kalteng_2025.csv", buat_rincian(2025, KALTENG, seed=4).encode())

    # 1. Simulasi: the default pemda is the one with the lowest index; the first action offered is the
    # pemda's own (upload what is missing), not KPK's verification
    buka(page, "Simulasi")
    page.get_by_role("heading", name="Simulasi what-if 2025").wait_for(timeout=60_000)
    sebelum = metrik(page, "Indeks sebelum")
    assert sebelum == metrik(page, "Indeks sesudah")  # no action yet
    page.get_by_role("button", name="Tambah aksi").click()
    tunggu(page)
    page.get_by_text("1. Unggah dokumen yang belum diunggah:", exact=False).first.wait_for(timeout=60_000)
    sesudah = metrik(page, "Indeks sesudah")
    assert metrik(page, "Indeks sebelum") == sebelum
    assert angka_id(sesudah) > angka_id(sebelum), (sebelum, sesudah)
    assert metrik(page, "Kategori") in {"Merah", "Kuning", "Biru", "Hijau"}
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 1  # the waterfall
    page.screenshot(path=str(artefak / "simulasi.png"), full_page=True)

    # a second action: fix returned documents
    pilih(page, "Jenis aksi", "Perbaiki dokumen yang dikembalikan")
    page.get_by_role("button", name="Tambah aksi").click()
    tunggu(page)
    page.get_by_text("2. Perbaiki dokumen yang dikembalikan:", exact=False).first.wait_for(timeout=60_000)
    assert angka_id(metrik(page, "Indeks sesudah")) >= angka_id(sesudah)

    # 2. Rencana aksi: target Biru, then the checklist by area and its download
    buka(page, "Rencana aksi")
    page.get_by_role("heading", name="Rencana aksi 2025").wait_for(timeout=60_000)
    pilih(page, "Target", "Biru (indeks 50)")
    page.get_by_role("heading", name="Daftar periksa per area dan indikator").wait_for(timeout=60_000)
    assert angka_id(metrik(page, "Indeks sesudah")) >= 50
    assert page.get_by_test_id("stExpander").count() >= 1
    assert page.get_by_role("button", name="Unduh daftar periksa (XLSX) untuk OPD").count() == 1
    page.screenshot(path=str(artefak / "rencana_aksi.png"), full_page=True)

    # 3. Sensitivitas bobot: the page draws with the default weights
    buka(page, "Sensitivitas bobot")
    page.get_by_role("heading", name="Sensitivitas bobot area 2025").wait_for(timeout=60_000)
    assert metrik(page, "Pemda berganti kategori") == "0"
    page.screenshot(path=str(artefak / "sensitivitas.png"), full_page=True)
    assert page.dialog_terekam == []
