"""The one timing rule of the benchmark scripts: the best of a few runs, in seconds."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(run: Callable[[], object], repeat: int = 3) -> float:
    """Best-of-``repeat`` seconds of ``run()`` (the least disturbed by a shared, noisy machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)
