"""Benchmark: parse time per MB from a normal report up to 20 MB inputs.

Run from the project root (``python benchmarks/linear.py``); prints a Markdown table.
Two kinds of large input: a real report whose prose is repeated, and a report whose table
三 has many table-like lines.  Time per MB staying flat means parsing is linear.  Figures
are ratios measured in one run: the machines are shared and noisy.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import govinfo_report

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "fixtures" / "002_0d16514126ac40ad.txt").read_text(encoding="utf-8")
MB = 1024 * 1024


def prose_repeated(target: int) -> str:
    """Return the seed with its overview prose repeated until the text is about ``target`` bytes."""
    head, rest = SEED.split("二、主动公开政府信息情况", 1)
    overview = head.split("一、总体情况", 1)[1]
    copies = max(0, (target - len(SEED.encode())) // max(1, len(overview.encode())))
    return head + overview * copies + "二、主动公开政府信息情况" + rest


def table_lines(count: int) -> str:
    """Return the seed with ``count`` table-like lines added to table 三."""
    line = "\t(七) 总计\t67\t6\t2\t0\t1\t1\t77\n"
    head, rest = SEED.split("四、结转下年度继续办理", 1)
    return head + line * count + "四、结转下年度继续办理" + rest


def measure(text: str, repeat: int) -> float:
    """Best-of-``repeat`` seconds to parse ``text``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        govinfo_report.parse(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    """Print the table of sizes, seconds and seconds per MB, with ratios to the first row."""
    cases: list[tuple[str, Callable[[], str], int]] = [
        ("seed report (002)", lambda: SEED, 20),
        ("prose repeated, 1 MB", lambda: prose_repeated(1 * MB), 3),
        ("prose repeated, 5 MB", lambda: prose_repeated(5 * MB), 1),
        ("prose repeated, 20 MB", lambda: prose_repeated(20 * MB), 1),
        ("table lines, 1,000", lambda: table_lines(1_000), 3),
        ("table lines, 10,000", lambda: table_lines(10_000), 2),
        ("table lines, 100,000", lambda: table_lines(100_000), 1),
        (
            "table lines, 100,000 × long labels (≈20 MB)",
            lambda: table_lines(100_000).replace("(七) 总计", "(七) 总计" + "说明" * 28),
            1,
        ),
    ]
    rows = []
    for name, build, repeat in cases:
        text = build()
        size = len(text.encode()) / MB
        seconds = measure(text, repeat)
        rows.append((name, size, seconds, seconds / size))
    base = rows[0][3]
    print("| input | size (MB) | seconds | s/MB | s/MB ÷ seed's |")
    print("|---|---:|---:|---:|---:|")
    for name, size, seconds, per_mb in rows:
        print(f"| {name} | {size:.2f} | {seconds:.3f} | {per_mb:.2f} | {per_mb / base:.2f} |")
    print()
    print(f"median s/MB over the large inputs ÷ seed's: {statistics.median(r[3] for r in rows[1:]) / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
