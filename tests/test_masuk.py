"""The login component's rules on the Simulasi page (tampilan.komponen.masuk), through AppTest: a saved
scenario is overwritten or deleted only after the person ticks the question, a guest (login configured,
nobody logged in) gets a login offer instead of the save and delete buttons, and every change is in the
audit trail."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest
from test_dashboard import APP, buka, tanpa_galat
from test_halaman_simulasi import SIM, berkas, tambah_aksi  # noqa: F401 - the module's upload fixture

from mcsp_rules.riwayat.store import Store

AUTH = {"client_id": "x", "client_secret": "y", "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "z", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


@pytest.fixture
def url(tmp_path, monkeypatch) -> str:
    u = f"duckdb://{tmp_path}/mcsp.duckdb"
    monkeypatch.setenv("MCSP_DATABASE_URL", u)
    monkeypatch.setenv("MCSP_DUCKDB_LEPAS_DETIK", "0")
    return u


def simulasi(berkas, secrets: dict | None = None) -> AppTest:  # noqa: F811
    at = AppTest.from_file(APP, default_timeout=240)
    for k, v in (secrets or {}).items():
        at.secrets[k] = v
    at.run()
    at.file_uploader[0].set_value([(p.name, p.read_bytes(), "text/csv") for p in berkas])
    at.run()
    tanpa_galat(at)
    return buka(at, SIM)


def test_menimpa_dan_menghapus_skenario_perlu_persetujuan(url, berkas):  # noqa: F811
    at = simulasi(berkas)
    at.text_input(key="sim_nama").set_value("Kejar 75")
    at.run()
    at.button(key="sim_simpan").click()
    at.run()
    tanpa_galat(at)
    pertama = Store(url).muat_skenario("Kejar 75")
    # the same name again: the button waits for the tick, and nothing is overwritten before it
    tambah_aksi(at, "terima_verifikasi")
    assert at.button(key="sim_simpan").disabled
    at.checkbox(key="sim_timpa_yakin").check().run()
    at.button(key="sim_simpan").click()
    at.run()
    tanpa_galat(at)
    kedua = Store(url).muat_skenario("Kejar 75")
    assert kedua != pertama and len(json.loads(kedua)["aksi"]) == 1
    # deleting: the same
    assert at.button(key="sim_hapus_tersimpan").disabled
    at.checkbox(key="sim_hapus_yakin").check().run()
    at.button(key="sim_hapus_tersimpan").click()
    at.run()
    assert Store(url).daftar_skenario().is_empty()
    assert Store(url).audit().sort("id")["aksi"].to_list() == ["skenario_simpan", "skenario_timpa", "skenario_hapus"]


def test_tamu_tidak_menyimpan_skenario(url, berkas):  # noqa: F811
    Store(url).simpan_skenario("Ada", '{"aksi": []}')
    at = simulasi(berkas, {"auth": AUTH})
    assert not [b for b in at.button if b.key in ("sim_simpan", "sim_hapus_tersimpan")]
    assert any(b.key == "masuk_sim_simpan" for b in at.button)
    assert at.selectbox(key="sim_pilih_tersimpan").options == ["Ada"]  # loading stays possible
