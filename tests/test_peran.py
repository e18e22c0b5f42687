"""Roles from a deployment's secrets (mcsp_rules.peran): single-user mode without [auth], a guest who
changes nothing, the role of an e-mail, of its domain, the default, and a wrong role named clearly."""

from __future__ import annotations

import pytest

from mcsp_rules.galat import MCSPError
from mcsp_rules.peran import SYARAT, Pengguna, pengguna_cli, pengguna_web, peran_untuk

AUTH = {"auth": {"client_id": "x", "client_secret": "y", "server_metadata_url": "http://127.0.0.1:9/x"}}
SECRETS = {**AUTH, "mcsp": {"peran_bawaan": "pembaca", "peran": {
    "Kepala@Inspektorat.go.id": "admin", "@kpk.go.id": "editor", "os:mcsp": "admin"}}}


def test_without_auth_everything_is_allowed_single_user_mode():
    p = pengguna_web({}, False, None)
    assert p.mode_tunggal and all(p.boleh(a) for a in SYARAT)
    assert pengguna_cli({}).mode_tunggal


def test_a_guest_changes_nothing_and_is_told_to_log_in():
    tamu = pengguna_web(SECRETS, False, None)
    assert tamu.peran == "tamu" and not any(tamu.boleh(a) for a in SYARAT)
    with pytest.raises(MCSPError, match="masuk"):
        tamu.wajib("impor")


@pytest.mark.parametrize("email, peran, impor, hapus", [
    ("kepala@inspektorat.go.id", "admin", True, True),      # case-insensitive e-mail
    ("analis@kpk.go.id", "editor", True, False),             # the domain's role
    ("siapa@contoh.go.id", "pembaca", False, False),         # the default
])
def test_roles_of_logged_in_people(email, peran, impor, hapus):
    p = pengguna_web(SECRETS, True, email)
    assert (p.peran, p.boleh("impor"), p.boleh("hapus"), p.boleh("audit")) == (peran, impor, hapus, hapus)
    if not hapus:
        with pytest.raises(MCSPError, match="admin"):
            p.wajib("hapus")


def test_a_wrong_role_in_the_secrets_is_one_clear_sentence():
    with pytest.raises(MCSPError, match="superuser"):
        peran_untuk("a@b.id", {**AUTH, "mcsp": {"peran": {"a@b.id": "superuser"}}})


def test_unknown_actions_are_a_programming_error():
    with pytest.raises(ValueError):
        Pengguna("x", "admin").boleh("terbang")


def test_no_import_cycle_in_the_store_modules():
    """mcsp_rules.riwayat's modules (url, koneksi, skema, cache, audit, store, tren) import each other in
    one direction only, counting imports inside functions too."""
    import ast
    from pathlib import Path

    akar = Path(__file__).resolve().parent.parent
    graf = {}
    for f in (akar / "mcsp_rules" / "riwayat").glob("*.py"):
        nama = f"mcsp_rules.riwayat.{f.stem}"
        tepi = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                for a in node.names:
                    for calon in (f"{node.module}.{a.name}", node.module):
                        if calon.startswith("mcsp_rules.riwayat."):
                            tepi.add(calon)
                            break
            elif isinstance(node, ast.Import):
                tepi |= {a.name for a in node.names if a.name.startswith("mcsp_rules.riwayat.")}
        graf[nama] = tepi - {nama}

    def siklus(awal, jalan):
        for n in graf.get(jalan[-1], ()):
            if n == awal:
                return jalan + [n]
            if n not in jalan:
                s = siklus(awal, jalan + [n])
                if s:
                    return s
        return None

    for m in graf:
        assert siklus(m, [m]) is None, siklus(m, [m])


def test_the_deployment_guide_matches_the_code():
    """docs/deploy.md: its secrets example parses and gives the roles it says; every MCSP_ variable it sets
    is read by the launcher or the package."""
    import re
    import tomllib
    from pathlib import Path

    akar = Path(__file__).resolve().parent.parent
    doc = (akar / "docs" / "deploy.md").read_text(encoding="utf-8")
    toml = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    secrets = tomllib.loads(toml)
    assert pengguna_web(secrets, True, "kepala@inspektorat.example.go.id").peran == "admin"
    assert pengguna_web(secrets, True, "siapa@kpk.go.id").peran == "editor"
    assert pengguna_web(secrets, True, "orang@lain.id").peran == "pembaca"
    assert pengguna_cli(secrets).peran in ("pembaca", "admin")
    kode = (akar / "scripts" / "dashboard.sh").read_text() + "".join(
        p.read_text(encoding="utf-8") for p in (akar / "mcsp_rules").rglob("*.py"))
    env = set(re.findall(r"^(MCSP_[A-Z_]+)=", re.search(r"```sh\n(.*?)```", doc, re.S).group(1), re.M))
    assert env >= {"MCSP_DATABASE_URL", "MCSP_SECRETS"}
    assert all(v in kode for v in env), [v for v in env if v not in kode]
