"""Benchmark: splitting glued digit runs by the identities, on real text and on worst cases.

Run from the project root (``python benchmarks/glued.py``); prints a Markdown table. The
worst cases are tables of 25 rows of random digit runs (14, 28 and 40 digits a row): no
identity holds, so every bound of the search is met. Figures are ratios measured in one
run: the machines are shared and noisy.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

from timing import best

import govinfo_report
from govinfo_report.schema import TemplateVersion
from govinfo_report.split import RowRun, solve
from govinfo_report.template import table

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"


def worst_case(length: int) -> Callable[[], object]:
    """Return a call that splits 25 rows of random ``length``-digit runs of table 三."""
    spec = table(TemplateVersion.V2021, "applications")
    rnd = random.Random(length)
    runs = [
        RowRun(r.key, tuple((r.key, c) for c in r.columns), "".join(rnd.choices("0123456789", k=length)))
        for r in spec.data_rows[:25]
    ]
    return lambda: solve(runs, spec.identities, {})


def main() -> int:
    """Print seconds per case, with ratios to parsing the real glued report 005."""
    cases: list[tuple[str, Callable[[], object], int]] = [
        ("parse real glued report 005", lambda: govinfo_report.parse((REAL / "005_pingtan_2021.txt").read_bytes()), 10),
        (
            "parse real glued report 110",
            lambda: govinfo_report.parse((REAL / "110_pingtan_natres_2019.txt").read_bytes()),
            10,
        ),
        ("split 25 rows × 14 random digits", worst_case(14), 5),
        ("split 25 rows × 28 random digits", worst_case(28), 3),
        ("split 25 rows × 40 random digits", worst_case(40), 1),
    ]
    rows = [(name, best(call, repeat)) for name, call, repeat in cases]
    base = rows[0][1]
    print("| case | seconds | ÷ real report 005 |")
    print("|---|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {seconds / base:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
