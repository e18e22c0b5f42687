"""The architecture holds: no import cycles in the engine (imports inside functions included), no
Streamlit below the pages, the docs' hook table matches the hookspecs, and every text key used exists
(and every text key exists because something uses it)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent
PAKET = AKAR / "mcsp_rules"


def _modul(path: Path) -> str:
    bagian = path.relative_to(AKAR).with_suffix("").parts
    return ".".join(bagian[:-1] if bagian[-1] == "__init__" else bagian)


def _semua_modul() -> dict[str, Path]:
    return {_modul(p): p for p in PAKET.rglob("*.py")}


def _di_type_checking(pohon: ast.AST) -> set[int]:
    """Line numbers of imports under `if TYPE_CHECKING:` (they never run)."""
    baris = set()
    for simpul in ast.walk(pohon):
        if isinstance(simpul, ast.If) and "TYPE_CHECKING" in ast.unparse(simpul.test):
            for anak in simpul.body:
                for s in ast.walk(anak):
                    if isinstance(s, (ast.Import, ast.ImportFrom)):
                        baris.add(s.lineno)
    return baris


def graf_impor() -> dict[str, set[str]]:
    """module → the project modules it imports explicitly (at any depth: module level or inside
    functions), as import-linter counts them: ``import a.b`` and ``from a.b import c`` are edges to
    a.b (or to a.b.c when c is a module); the parent packages Python runs on the way are not counted,
    except when a package itself is imported for its names (``import mcsp_rules``)."""
    modul = _semua_modul()
    graf: dict[str, set[str]] = {m: set() for m in modul}
    for nama, path in modul.items():
        pohon = ast.parse(path.read_text(encoding="utf-8"))
        lewati = _di_type_checking(pohon)
        paket = nama if path.name == "__init__.py" else nama.rpartition(".")[0]
        for s in ast.walk(pohon):
            if getattr(s, "lineno", None) in lewati:
                continue
            target: list[str] = []
            if isinstance(s, ast.Import):
                target = [a.name for a in s.names]
            elif isinstance(s, ast.ImportFrom):
                dasar = s.module or ""
                if s.level:
                    atas = paket.split(".")[: len(paket.split(".")) - (s.level - 1)]
                    dasar = ".".join(atas + ([dasar] if dasar else []))
                target = [f"{dasar}.{a.name}" if f"{dasar}.{a.name}" in modul else dasar for a in s.names]
            for t in target:
                if t in modul and t != nama:
                    graf[nama].add(t)
    return graf


def _siklus(graf: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    indeks, rendah, tumpukan, di_tumpukan, hasil = {}, {}, [], set(), []
    n = [0]

    def kunjungi(v):
        indeks[v] = rendah[v] = n[0]
        n[0] += 1
        tumpukan.append(v)
        di_tumpukan.add(v)
        for w in graf[v]:
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in di_tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = []
            while True:
                w = tumpukan.pop()
                di_tumpukan.discard(w)
                komponen.append(w)
                if w == v:
                    break
            if len(komponen) > 1:
                hasil.append(sorted(komponen))

    for v in graf:
        if v not in indeks:
            kunjungi(v)
    return hasil


def test_tidak_ada_siklus_impor_di_mesin():
    siklus = _siklus(graf_impor())
    assert siklus == [], f"import cycles: {siklus}"


def test_detektor_siklus_menemukan_siklus():
    assert _siklus({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def test_mesin_tidak_mengimpor_streamlit():
    for nama, path in _semua_modul().items():
        for s in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(s, ast.Import):
                assert not any(a.name.split(".")[0] == "streamlit" for a in s.names), nama
            elif isinstance(s, ast.ImportFrom):
                assert (s.module or "").split(".")[0] != "streamlit", nama


def test_tabel_hook_di_docs_sama_dengan_hookspecs():
    """docs/plugins.md lists every hook of hookspecs.py with its arguments, and no other (as
    datasette's documentation test does for its plugin hooks)."""
    import inspect

    from mcsp_rules.plugin import hookspecs

    spec = {nama: tuple(inspect.signature(f).parameters) for nama, f in vars(hookspecs).items()
            if nama.startswith("mcsp_") and callable(f)}
    teks = (AKAR / "docs" / "plugins.md").read_text(encoding="utf-8")
    tabel = {m.group(1): tuple(a.strip() for a in m.group(2).split(",") if a.strip())
             for m in re.finditer(r"^\| `(mcsp_\w+)\(([^)]*)\)` \|", teks, re.M)}
    assert tabel == spec


# ------------------------------------------------------------------------------------------ texts
def _berkas_kode() -> list[Path]:
    berkas = [AKAR / "dashboard.py", *PAKET.rglob("*.py"), *(AKAR / "tampilan").rglob("*.py")]
    return [p for p in berkas if p.name != "teks.py" or p.parent.name != "mcsp_rules"]


def _literal_dan_pola() -> tuple[set[str], list[re.Pattern]]:
    literal, pola = set(), []
    for p in _berkas_kode():
        for s in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(s, ast.Constant) and isinstance(s.value, str):
                literal.add(s.value)
            elif isinstance(s, ast.JoinedStr):
                bagian = [re.escape(v.value) if isinstance(v, ast.Constant) else ".+" for v in s.values]
                pola.append(re.compile("".join(bagian)))
    return literal, pola


def test_setiap_kunci_teks_yang_dipakai_ada():
    from mcsp_rules.teks import TEKS

    hilang = set()
    for p in _berkas_kode():
        for m in re.finditer(r"""(?<![.\w])(?:t|teks)\((?:args, |self\.args, )?"([A-Za-z_0-9 ]+)"[,)]""", p.read_text(encoding="utf-8")):
            if m.group(1) not in TEKS:
                hilang.add((p.name, m.group(1)))
    assert not hilang, sorted(hilang)


def test_tidak_ada_kunci_teks_mati():
    from mcsp_rules.teks import TEKS

    literal, pola = _literal_dan_pola()
    mati = sorted(k for k in TEKS if k not in literal and not any(p.fullmatch(k) for p in pola))
    assert not mati, f"text keys no code uses: {mati}"


@pytest.mark.parametrize("kunci", ["cli_ringkas_laporan", "hal_data"])
def test_teks_dua_bahasa(kunci):
    from mcsp_rules.teks import t

    assert t(kunci, "id") != t(kunci, "en") or kunci == "hal_data"


def test_memori_yang_dibebaskan_dikembalikan_kecuali_pengguna_mengatur_sendiri():
    """mcsp_rules sets Polars' allocator to return freed pages at once (the peak of a real-scale run and the
    dashboard's resident memory depend on it), before Polars loads, and leaves a user's own setting alone."""
    import os
    import subprocess
    import sys

    kode = ("import mcsp_rules, os, polars as pl; print(os.environ.get('_RJEM_MALLOC_CONF')); "
            "print(pl.DataFrame({'a': [1]}).height)")
    env = {k: v for k, v in os.environ.items() if k != "_RJEM_MALLOC_CONF"}
    bawaan = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True, check=True)
    # Polars puts its own defaults first and appends the variable: the last value of each option wins
    assert bawaan.stdout.split()[0].endswith(",dirty_decay_ms:200,muzzy_decay_ms:0") and bawaan.stdout.split()[1] == "1"
    sendiri = subprocess.run([sys.executable, "-c", kode], env={**env, "_RJEM_MALLOC_CONF": "dirty_decay_ms:5000"},
                             capture_output=True, text=True, check=True)
    assert sendiri.stdout.split()[0].endswith(",dirty_decay_ms:5000")
