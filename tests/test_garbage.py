"""A parse leaves no reference cycles behind: what it builds is freed as soon as it is dropped.

A cycle (a nested function that calls itself by name, say) is freed only by the garbage
collector, whose passes then cost every caller time in proportion to what is alive.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator

import pytest

import govinfo_report

from .conftest import FIXTURES, REAL_REPORTS, real_bytes

SOURCES = [p.name for p in sorted(FIXTURES.glob("*.txt"))] + [f"real/{name}" for name in REAL_REPORTS]


@pytest.fixture
def saved_garbage() -> Iterator[list[object]]:
    """Collect first, then keep what the collector finds unreachable instead of freeing it."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield gc.garbage
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()


# not the PDF: pdfminer's layout objects (pages, characters, graphic states) refer to each other
@pytest.mark.parametrize("name", [n for n in SOURCES if not n.endswith(".pdf")])
def test_a_parse_leaves_no_reference_cycles(name: str, saved_garbage: list[object]) -> None:
    data = real_bytes(name.removeprefix("real/")) if name.startswith("real/") else (FIXTURES / name).read_bytes()
    gc.set_debug(0)
    govinfo_report.parse(data)  # what the library builds once per process is built here, not counted
    gc.collect()
    saved_garbage.clear()
    gc.set_debug(gc.DEBUG_SAVEALL)
    report = govinfo_report.parse(data)
    del report
    gc.collect()
    functions = Counter(getattr(o, "__qualname__", "") for o in saved_garbage if callable(o))
    assert not saved_garbage, f"{len(saved_garbage)} objects in cycles; functions among them: {dict(functions)}"
