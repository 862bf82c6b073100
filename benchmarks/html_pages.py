"""Benchmark: reading HTML pages, per MB, from a real page up to 20 MB of markup.

Run from the project root (``python benchmarks/html_pages.py``); prints a Markdown table. Inputs:
the real saved page (``tests/fixtures/real``), that page's report repeated inside one page,
and 20 MB of deeply nested and of unclosed markup (hostile pages). Time per MB staying
flat means reading is linear. With lxml installed, ``lxml.html.fromstring`` of the same
page is shown beside it as a yardstick (it builds a tree only; it does not read a report).
Figures are ratios measured in one run: the machines are shared and noisy.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import govinfo_report
from govinfo_report.errors import GovinfoReportError

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "tests" / "fixtures" / "real" / "002_shuyang_fgj_2023.html").read_text(encoding="utf-8")
MB = 1024 * 1024


def repeated(target: int) -> str:
    """Return the page with its body repeated until it is about ``target`` bytes."""
    head, body = PAGE.split("<body>", 1)
    copies = max(1, target // len(body.encode()))
    return head + "<body>" + body * copies


def nested(target: int) -> str:
    """Return ``target`` bytes of nested ``<div><span>`` around a heading (a hostile page)."""
    unit = "<div><span>"
    depth = target // (2 * len(unit))
    return "<html><body>" + unit * depth + "一、总体情况" + "</span></div>" * depth


def unclosed(target: int) -> str:
    """Return ``target`` bytes of table cells and paragraphs that are never closed."""
    unit = "<table><tr><td>规章<td>1<p>二、主动公开政府信息情况<p>"
    return "<html><body>" + unit * (target // len(unit.encode()))


def measure(build: Callable[[], object], repeat: int) -> float:
    """Best-of-``repeat`` seconds of ``build()``; the library's own errors count as done."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(GovinfoReportError):
            build()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    """Print the table of sizes, seconds and seconds per MB, with ratios to the real page's."""
    try:
        lxml_html: Any = importlib.import_module("lxml.html")
    except ImportError:
        lxml_html = None
    cases: list[tuple[str, str, int]] = [
        ("real page (002)", PAGE, 20),
        ("report repeated, 1 MB", repeated(1 * MB), 3),
        ("report repeated, 5 MB", repeated(5 * MB), 1),
        ("nested markup, 20 MB", nested(20 * MB), 1),
        ("unclosed cells, 20 MB", unclosed(20 * MB), 1),
    ]
    rows = []
    for name, page, repeat in cases:
        size = len(page.encode()) / MB
        seconds = measure(partial(govinfo_report.parse, page), repeat)
        tree = measure(partial(lxml_html.fromstring, page), repeat) if lxml_html is not None else None
        rows.append((name, size, seconds, seconds / size, tree))
    base = rows[0][3]
    print("| input | size (MB) | parse s | s/MB | s/MB ÷ real page's | ÷ lxml.html.fromstring |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, size, seconds, per_mb, tree in rows:
        versus = f"{seconds / tree:.1f}" if tree else "–"
        print(f"| {name} | {size:.2f} | {seconds:.3f} | {per_mb:.3f} | {per_mb / base:.2f} | {versus} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
