"""Store URLs: the default location, the two schemes, and masking every credential before a URL is shown.

``MCSP_DATABASE_URL``: ``duckdb:///path/file.duckdb`` or ``postgresql://user:password@host:port/db``
(libpq also accepts ``?password=…`` and ``?sslpassword=…`` in the query: those are masked too).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from mcsp_rules.galat import MCSPError

ENV_URL = "MCSP_DATABASE_URL"
# query parameters that carry a secret (libpq's and common driver spellings); compared case-insensitively
PARAMETER_RAHASIA = ("password", "sslpassword", "passfile", "pass", "pwd", "secret", "token", "sslkey", "apikey")


def url_bawaan() -> str:
    """``MCSP_DATABASE_URL`` or the embedded file under the user's data folder (XDG)."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    dasar = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"duckdb:///{(dasar / 'mcsp' / 'mcsp.duckdb').as_posix().lstrip('/')}"


def samarkan(url: str) -> str:
    """The URL with every credential replaced by ``***``: the userinfo's password (and the user name
    when the userinfo has no password but looks like a token), and secret query parameters."""
    url = str(url)
    # a libpq keyword string (host=… password=…) has no scheme
    url = re.sub(r"(?i)\b((?:ssl)?password)\s*=\s*('[^']*'|\S+)", r"\1=***", url) if "://" not in url else url
    # userinfo: scheme://user:password@host → scheme://user:***@host (the last @ before the path ends it)
    url = re.sub(r"(://[^/?#@:]*):[^/?#]*@", r"\1:***@", url)
    if "?" not in url:
        return url
    awal, _, kueri = url.partition("?")
    kueri, pagar, jangkar = kueri.partition("#")
    pasangan = parse_qsl(kueri, keep_blank_values=True)
    if not pasangan and kueri:
        return awal + "?***"
    aman = [(k, "***" if k.strip().lower() in PARAMETER_RAHASIA else v) for k, v in pasangan]
    return awal + "?" + urlencode(aman, safe="*/:@") + pagar + jangkar


def salah_url(url: str) -> MCSPError:
    return MCSPError(
        f"MCSP_DATABASE_URL tidak dikenal ({samarkan(url)}); pakai duckdb:///path/file.duckdb atau postgresql://…",
        f"unknown MCSP_DATABASE_URL ({samarkan(url)}); use duckdb:///path/file.duckdb or postgresql://…",
    )


def path_duckdb(url: str) -> Path:
    sisa = url[len("duckdb:"):]
    if sisa.startswith("//"):
        sisa = sisa[2:]  # duckdb:///abs/file → /abs/file
    if not sisa or sisa in (":memory:", "/:memory:"):
        raise MCSPError("database DuckDB harus berupa file (duckdb:///path/file.duckdb), bukan :memory:.",
                        "the DuckDB database must be a file (duckdb:///path/file.duckdb), not :memory:.")
    return Path(sisa).expanduser()


def dialek(url: str) -> str:
    if url.startswith("duckdb:"):
        return "duckdb"
    if url.startswith(("postgresql:", "postgres:")):
        return "postgresql"
    raise salah_url(url)
