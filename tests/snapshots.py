"""The fixture set whose parsed output is kept byte for byte (see ``scripts/snapshot.py``).

The cases are every fixture file as stored (seeds, the qingshan reports, the real reports
as bytes) and each seed rendered in other layouts and damages, so that a change in any
tokenizer, the glued splitter, the HTML reader or the collapsed-row search shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import govinfo_report
from govinfo_report.render import render
from govinfo_report.render.html import render_html
from govinfo_report.schema import Report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SNAPSHOTS = FIXTURES / "snapshots"

#: Each seed, parsed, is written again in these ways.
RENDERINGS: dict[str, Callable[[Report], str]] = {
    "pipe-collapsed": lambda r: render(r, layout="pipe", collapse=True),
    "lines-wrapped": lambda r: render(r, layout="lines", wrap=6, page_breaks=True),
    "spaced": lambda r: render(r, layout="spaced", noise=True),
    "glued": lambda r: render(r, layout="glued"),
    "tab-traditional": lambda r: render(r, layout="tab", script="traditional", full_width=True),
    "html-word": lambda r: render_html(r, word=True, chrome=True, seed=7),
}


def _files() -> list[Path]:
    real = FIXTURES / "real"
    files = [p for p in FIXTURES.glob("*.txt")]
    files += [p for p in real.iterdir() if p.is_file() and p.stem[:3].isdigit()]
    return sorted(files)


def cases() -> Iterator[tuple[str, bytes | str]]:
    """Yield ``(name, source)`` for every case, in a stable order."""
    for path in _files():
        prefix = "real-" if path.parent.name == "real" else ""
        yield f"{prefix}{path.name}", path.read_bytes()
    for path in sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt")):
        report = govinfo_report.parse(path.read_bytes())
        for name, write in RENDERINGS.items():
            yield f"{path.stem}.{name}", write(report)


def output(source: bytes | str) -> str:
    """The case's parsed report as JSON, or the error it raises (a line ``error: Type: message``)."""
    try:
        return govinfo_report.to_json(govinfo_report.parse(source))
    except govinfo_report.GovinfoReportError as error:
        return f"error: {type(error).__name__}: {error}\n"
