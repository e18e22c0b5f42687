"""The real-scale national sample (one row per required document, ~362 000 rows a year), generated on first
use and cached, so that the repository stays small.

    from skala_nyata import path_skala_nyata     # with sample_data/ on sys.path, or
    path = path_skala_nyata(2025)                # by file path: see muat_modul() in bench/bench_skala.py

The file lives in the user cache directory (``$MCSP_CACHE_DIR``, else ``$XDG_CACHE_HOME/mcsp``, else
``~/.cache/mcsp``) under a name that carries the generator's version: ``generate.SKALA_NYATA_VERSI`` plus a
hash of everything the output depends on (generate.py, the built-in catalogues, the region list). Change any
of them and the next call writes a new file (and removes the old one). Writing goes to a temporary file that
is renamed into place, so two processes generating at once never read half a file.

Independent of mcsp_rules (the generator reads the catalogues by file path): it runs without the package
installed, like generate.py.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
SUMBER = [
    FOLDER / "generate.py",
    FOLDER.parent / "mcsp_rules" / "area" / "area_2023.py",
    FOLDER.parent / "mcsp_rules" / "area" / "area_2024_2025.py",
    FOLDER.parent / "mcsp_rules" / "data" / "wilayah" / "provinces.csv",
    FOLDER.parent / "mcsp_rules" / "data" / "wilayah" / "regencies.csv",
]


@lru_cache(maxsize=1)
def generator():
    """sample_data/generate.py as a module (imported by path: sample_data is not a package)."""
    spec = importlib.util.spec_from_file_location("mcsp_sample_generate", FOLDER / "generate.py")
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def versi() -> str:
    """The generator version: its constant plus a hash of the sources the output depends on."""
    h = hashlib.sha256()
    for f in SUMBER:
        h.update(f.read_bytes())
    return f"v{generator().SKALA_NYATA_VERSI}-{h.hexdigest()[:12]}"


def folder_cache() -> Path:
    if os.environ.get("MCSP_CACHE_DIR"):
        return Path(os.environ["MCSP_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mcsp"


def path_skala_nyata(tahun: int = 2025, folder: Path | None = None) -> Path:
    """The cached real-scale national CSV of ``tahun`` (2023, 2024 or 2025), written first if missing or stale."""
    folder = Path(folder) if folder else folder_cache()
    folder.mkdir(parents=True, exist_ok=True)
    awalan = f"rincian_nasional_{tahun}_dokumen-"
    path = folder / f"{awalan}{versi()}.csv"
    if path.exists():
        return path
    fd, sementara = tempfile.mkstemp(prefix=awalan, suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        generator().tulis_skala_nyata(Path(sementara), tahun)
        os.replace(sementara, path)
    finally:
        if os.path.exists(sementara):
            os.unlink(sementara)
    for lama in folder.glob(f"{awalan}*.csv"):
        if lama != path:
            lama.unlink(missing_ok=True)
    return path
