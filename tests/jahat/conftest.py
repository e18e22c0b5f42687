"""Fixtures of the hostile-input suite: the corpus, written once per session into a tmp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from jahat.korpus import tulis_semua


@pytest.fixture(scope="session")
def korpus(tmp_path_factory) -> dict[str, Path]:
    """Every case as a file on disk (one folder per case, so file names may repeat)."""
    return tulis_semua(tmp_path_factory.mktemp("korpus"))
