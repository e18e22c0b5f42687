"""What the benchmarks measure the same way: a call timed over repetitions, and the engine's side of a
comparison with pandas (load with every rule, then score)."""

from __future__ import annotations

import statistics
import time


def waktu(fn, ulang: int) -> tuple[float, float]:
    """(median, fastest) seconds of ``ulang`` calls of ``fn``."""
    hasil = []
    for _ in range(ulang):
        t = time.perf_counter()
        fn()
        hasil.append(time.perf_counter() - t)
    return statistics.median(hasil), min(hasil)


def engine_skor(files):
    """``mcsp_rules.load`` (reading and every rule) and ``score`` of ``files``: (data, scores per pemda)."""
    import mcsp_rules

    data = mcsp_rules.load(list(files))
    return data, mcsp_rules.score(data)
