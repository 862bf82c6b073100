"""Output stays byte-identical on the whole fixture set (the guard for speed work).

A failure here means a change altered what ``parse`` returns on some fixture.  If that
was the intent, rewrite the snapshots with ``python scripts/snapshot.py`` and say why in
the commit; if it was an optimisation, it is wrong.
"""

from __future__ import annotations

import difflib

import pytest

from tests.snapshots import SNAPSHOTS, cases, output

CASES = list(cases())


def test_every_snapshot_has_a_case() -> None:
    stored = {path.stem for path in SNAPSHOTS.glob("*.json")}
    assert stored == {name for name, _ in CASES}


@pytest.mark.parametrize(("name", "source"), CASES, ids=[name for name, _ in CASES])
def test_output_is_byte_identical(name: str, source: bytes | str) -> None:
    want = (SNAPSHOTS / f"{name}.json").read_text(encoding="utf-8")
    got = output(source)
    if got != want:
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "snapshot", "now", n=2, lineterm="")
        pytest.fail(f"{name}: output changed\n" + "\n".join(list(diff)[:60]))
