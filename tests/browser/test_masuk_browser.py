"""The shared deployment as it is run (docs/deploy.md): scripts/dashboard.sh started from another folder
with a PostgreSQL store (MCSP_DATABASE_URL) and a secrets file (MCSP_SECRETS) configuring Streamlit's
login against a local OpenID Connect provider (oidc-provider-mock, in a thread) and the roles. In a real
Chromium: a guest sees a login offer and no save, import or delete on Tren and Simulasi; an editor
logs in and imports; a reader (the default role) only looks; only an admin deletes, restores and sees the audit trail; no page shows the
store's password; the launcher's settings hold (the upload limit, outside the repository)."""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pytest
from peladen import _port_bebas, jalankan_streamlit
from test_dashboard_browser import buka, tunggu
from test_halaman_tren import MINGGU
from test_store import server_postgres  # noqa: F401 - the PostgreSQL server fixture

pytestmark = pytest.mark.browser

AKAR = Path(__file__).resolve().parents[2]
ADMIN, EDITOR, PEMBACA = "kepala@inspektorat.go.id", "operator@inspektorat.go.id", "tamu@contoh.go.id"
SANDI = "s3cr3t-pg"


@pytest.fixture(scope="module")
def penyedia_oidc():
    """A local OpenID Connect provider: its authorization form lets a test log in as any e-mail."""
    os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on loopback
    oidc = pytest.importorskip("oidc_provider_mock")
    with oidc.run_server_in_thread(port=0) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def database_pg(server_postgres):  # noqa: F811
    """A database with a password-protected owner, so a URL that carries a password is what runs."""
    import psycopg

    nama = f"uji_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server_postgres}/postgres", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {nama}")
    alamat = server_postgres.split("@", 1)[1]
    yield f"postgresql://mcsp@{alamat}/{nama}?password={SANDI}&connect_timeout=10"
    with psycopg.connect(f"{server_postgres}/postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)")


@pytest.fixture(scope="module")
def server_bersama(artefak, tmp_path_factory, penyedia_oidc, database_pg):
    """scripts/dashboard.sh as the service unit of docs/deploy.md runs it, but started from /tmp."""
    folder = tmp_path_factory.mktemp("deploy")
    port = _port_bebas()
    secrets = folder / "secrets.toml"
    secrets.write_text(f"""[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "uji-cookie-{uuid.uuid4().hex}"
client_id = "mcsp-uji"
client_secret = "rahasia-uji"
server_metadata_url = "{penyedia_oidc}/.well-known/openid-configuration"

[mcsp]
peran_bawaan = "pembaca"

[mcsp.peran]
"{ADMIN}" = "admin"
"{EDITOR}" = "editor"
""", encoding="utf-8")
    env = {"MCSP_DATABASE_URL": database_pg, "MCSP_SECRETS": str(secrets), "MCSP_PORT": str(port),
           "MCSP_BATAS_UKURAN_MB": "7", "AUTHLIB_INSECURE_TRANSPORT": "1"}
    with jalankan_streamlit(artefak, "streamlit_masuk.log", env, perintah=["bash", str(AKAR / "scripts" / "dashboard.sh")],
                            cwd="/tmp", port=port, host="localhost") as url:
        yield url


@pytest.fixture
def konteks(chromium, server_bersama):
    k = chromium.new_context(viewport={"width": 1440, "height": 2400}, locale="id-ID")
    yield k
    k.close()


def _masuk(page, email: str) -> None:
    """Log in through the provider's form as ``email`` (a new session: the app reloads after the callback)."""
    page.get_by_test_id("stSidebar").get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/oauth2/authorize.*"), timeout=60_000)
    page.locator('input[name="sub"]').fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.get_by_text(f"Masuk sebagai {email}", exact=False).wait_for(timeout=60_000)
    tunggu(page)


def _unggah(page, nama: str) -> None:
    page.locator('input[type="file"]').set_input_files([{"name": nama, "mimeType": "text/csv", "buffer": MINGGU[nama]}])
    page.get_by_test_id("stMetricLabel").get_by_text("Baris dibaca", exact=True).wait_for(timeout=120_000)
    tunggu(page)


def _tidak_ada_sandi(page, admin: bool = False) -> None:
    """The password never; the store's location (masked) only for an admin."""
    isi = page.content()
    for kata in (SANDI,) if admin else (SANDI, "postgresql://"):
        i = isi.find(kata)
        assert i < 0, isi[max(i - 300, 0):i + 100]


def test_tamu_editor_admin(konteks, server_bersama, database_pg, artefak):
    page = konteks.new_page()
    page.goto(server_bersama)
    page.get_by_role("heading", name="Data: unggah dan periksa").wait_for(timeout=60_000)
    tunggu(page)
    # the launcher's settings hold though Streamlit was started outside the repository
    assert page.get_by_text("7MB per file", exact=False).count() >= 1
    assert page.get_by_text("Anda belum masuk", exact=False).count() == 1
    assert page.get_by_text("Mode satu pengguna", exact=False).count() == 0

    # 1. a guest: may look and load data in the session, never save, import or delete
    _unggah(page, "kalteng_2025-10-13.csv")
    buka(page, "Tren")
    page.get_by_role("heading", name="Simpan data aktif sebagai snapshot").wait_for(timeout=60_000)
    assert page.get_by_role("button", name="Simpan snapshot").count() == 0
    assert page.get_by_test_id("stMain").get_by_role("button", name="Masuk").count() == 1
    assert page.get_by_text("Hapus snapshot").count() == 0 and page.get_by_text("Jejak audit").count() == 0
    _tidak_ada_sandi(page)
    page.screenshot(path=str(artefak / "masuk_tamu_tren.png"), full_page=True)
    buka(page, "Simulasi")
    page.get_by_role("heading", name=re.compile("Simulasi what-if")).wait_for(timeout=60_000)
    assert page.get_by_role("button", name="Simpan di penyimpanan lokal").count() == 0
    assert page.get_by_test_id("stMain").get_by_role("button", name="Masuk").count() == 1
    page.screenshot(path=str(artefak / "masuk_tamu_simulasi.png"), full_page=True)

    # 2. an editor logs in (a new session), loads the week and imports it; no delete, no audit trail
    _masuk(page, EDITOR)
    assert page.get_by_text("(editor)", exact=False).count() >= 1
    _unggah(page, "kalteng_2025-10-13.csv")
    buka(page, "Tren")
    page.get_by_role("button", name="Simpan snapshot").click()
    tunggu(page)
    page.get_by_test_id("stAlertContentSuccess").filter(has_text="disimpan").first.wait_for(timeout=120_000)
    assert page.get_by_text("Hapus snapshot").count() == 0 and page.get_by_text("Jejak audit").count() == 0
    _tidak_ada_sandi(page)
    page.screenshot(path=str(artefak / "masuk_editor_tren.png"), full_page=True)
    page.close()

    # 3. anyone else who logs in gets the default role, pembaca: sees the snapshot, changes nothing
    page = konteks.browser.new_context(viewport={"width": 1440, "height": 2400}, locale="id-ID").new_page()
    page.goto(server_bersama)
    tunggu(page)
    _masuk(page, PEMBACA)
    buka(page, "Tren")
    page.get_by_text("Peran Anda (pembaca) tidak mengizinkan", exact=False).first.wait_for(timeout=60_000)
    assert page.get_by_role("button", name="Simpan snapshot").count() == 0
    assert page.get_by_text("Hapus snapshot").count() == 0 and page.get_by_text("Jejak audit").count() == 0
    # the editor's snapshot is visible: listed (the table is a canvas grid) and its date read back
    assert page.get_by_role("heading", name="Snapshot tersimpan").count() == 1
    page.get_by_test_id("stMetricValue").filter(has_text="13/10/2025").first.wait_for(timeout=60_000)
    _tidak_ada_sandi(page)
    page.close()

    # 4. an admin: sees where the store is (masked), the audit trail with the editor's import, and deletes
    page = konteks.browser.new_context(viewport={"width": 1440, "height": 2400}, locale="id-ID").new_page()
    page.goto(server_bersama)
    tunggu(page)
    _masuk(page, ADMIN)
    buka(page, "Tren")
    page.get_by_text("Jejak audit").first.click()
    tunggu(page)
    audit = page.get_by_test_id("stExpander").filter(has_text="Jejak audit")
    audit.get_by_test_id("stDataFrame").first.wait_for(timeout=60_000)
    assert page.get_by_text("password=***", exact=False).count() >= 1  # the location, its password masked
    _tidak_ada_sandi(page, admin=True)
    page.get_by_text("Hapus snapshot").first.click()
    tunggu(page)
    page.get_by_text("Ya, hapus snapshot ini", exact=False).click()
    tunggu(page)
    page.get_by_role("button", name="Hapus", exact=True).click()
    tunggu(page)
    page.get_by_text("admin dapat memulihkannya", exact=False).first.wait_for(timeout=60_000)
    page.screenshot(path=str(artefak / "masuk_admin_tren.png"), full_page=True)

    # the audit trail in the store: the editor's import and the admin's delete, with who and when
    from mcsp_rules.riwayat.store import Store

    log = Store(database_pg).audit().sort("id")
    assert log.select("pengguna", "aksi").rows() == [(EDITOR, "impor"), (ADMIN, "hapus")]

