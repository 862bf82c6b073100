"""Writing a batch as it is parsed: one report at a time, each whole, in any output format.

``ReportWriter.add`` writes a report's records in one piece and flushes, so output that
stops (Ctrl-C, a closed pipe, a killed process) is valid up to the last whole report; a
JSON list is closed by ``close``.  ``done_sources`` reads back which sources an existing
output holds, for resuming a batch.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from govinfo_report.describe import describe
from govinfo_report.schema import Report
from govinfo_report.serialize.json import to_dict
from govinfo_report.serialize.records import write_csv, write_jsonl
from govinfo_report.serialize.wide import write_wide_csv

__all__ = ["FORMATS", "RESUMABLE", "ReportWriter", "done_sources", "render_body"]

#: Output format names and what each writes.
FORMATS: dict[str, str] = {
    "text": "each report as readable text",
    "json": 'a JSON list of {"source", "report"} documents',
    "jsonl": 'one {"source", "report"} JSON document per line',
    "csv": "the long form: one row per template cell, with the report's source, organization, year, template",
    "cells-jsonl": "the long form as JSON Lines",
    "wide-csv": "the wide form: one row per file (failed ones included), one column per template cell",
}
#: Formats whose files can be appended to, and read back by ``done_sources``.
RESUMABLE = frozenset({"jsonl", "csv", "cells-jsonl", "wide-csv"})


def render_body(fmt: str, source: str, report: Report | None, error: str | None = None) -> str | None:
    """Return one file's records in ``fmt``, without the output's header (what a worker process sends back).

    A failed file (``report`` None) is a row in the wide form and None (nothing) in the others.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; formats: {', '.join(FORMATS)}")
    if fmt == "wide-csv":
        piece = io.StringIO()
        write_wide_csv([(source, report, error)], piece, header=False)
        return piece.getvalue()
    if report is None:
        return None
    if fmt == "csv":
        piece = io.StringIO()
        write_csv([(source, report)], piece, header=False)
        return piece.getvalue()
    if fmt == "cells-jsonl":
        piece = io.StringIO()
        write_jsonl([(source, report)], piece)
        return piece.getvalue()
    if fmt == "jsonl":
        return json.dumps({"source": source, "report": to_dict(report)}, ensure_ascii=False) + "\n"
    if fmt == "json":
        return json.dumps({"source": source, "report": to_dict(report)}, ensure_ascii=False, indent=1)
    return f"== {source}\n{describe(report)}\n"


def _header(fmt: str) -> str:
    """Return what an output in ``fmt`` starts with (the CSV column names), else ``""``."""
    piece = io.StringIO()
    if fmt == "wide-csv":
        write_wide_csv([], piece, header=True)
    elif fmt == "csv":
        write_csv([], piece, header=True)
    return piece.getvalue()


class ReportWriter:
    """Writes reports to ``out`` in ``fmt``, each report whole and flushed."""

    def __init__(self, out: TextIO, fmt: str, *, header: bool = True) -> None:
        """Start an output; ``header=False`` when appending to one that has its header."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}; formats: {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self.header = header
        self.count = 0

    def add(self, source: str, report: Report | None, error: str | None = None) -> None:
        """Write one file's result (a failed file: a row in the wide form, nothing elsewhere)."""
        self.add_body(render_body(self.fmt, source, report, error))

    def add_body(self, body: str | None) -> None:
        """Write one file's records rendered already by ``render_body`` (in a worker process, say)."""
        if body is None:
            return
        first = self.count == 0
        if self.fmt == "json":
            body = ("[\n" if first else ",\n") + body
        elif first and self.header:
            body = _header(self.fmt) + body
        self.out.write(body)
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        """End the output (a JSON list's closing bracket; ``[]`` for an empty one)."""
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "[]\n")
        self.out.flush()


def done_sources(path: Path, fmt: str) -> set[str]:
    """Return the sources an output file of a resumable format already holds.

    A line cut short (the process killed while writing) is not counted, so its file is
    parsed again; the caller appends after the last whole line.
    """
    if fmt not in RESUMABLE:
        raise ValueError(f"--resume needs one of the formats {', '.join(sorted(RESUMABLE))}, not {fmt!r}")
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    whole = [line for line in lines if line.endswith("\n")]
    if fmt in ("jsonl", "cells-jsonl"):
        return {json.loads(line)["source"] for line in whole if line.strip()}
    rows: Iterable[list[str]] = csv.reader(whole[1:])
    return {row[0] for row in rows if row}
