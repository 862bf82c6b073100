"""The long format on disk: one record per template cell, as CSV or JSON Lines.

Columns: ``source,organization,year,template,table,row,column,value`` — the report's
identity on every record, so that one file is enough for an analysis.  Money keeps its
exact decimal text; a blank cell stays empty (CSV) or null (JSON Lines), never 0.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import TextIO

from govinfo_report.cells import cells
from govinfo_report.schema import Report, Value

__all__ = ["FIELDS", "value_text", "write_csv", "write_jsonl"]

#: The header of the CSV and the keys of each JSON Lines record.
FIELDS: tuple[str, ...] = ("source", "organization", "year", "template", "table", "row", "column", "value")


def value_text(value: Value) -> str:
    """Return a cell value as exact text: ``""`` for blank, ``"145.4464"`` for money."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def write_csv(reports: Iterable[tuple[str, Report]], out: TextIO, *, header: bool = True) -> int:
    """Write the cells of ``(source, report)`` pairs as CSV; return the rows written."""
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(FIELDS)
    count = 0
    for source, report in reports:
        who = (source, report.organization or "", "" if report.year is None else report.year, report.template.value)
        for cell in cells(report):
            writer.writerow((*who, cell.table, cell.row, cell.column, value_text(cell.value)))
            count += 1
    return count


def write_jsonl(reports: Iterable[tuple[str, Report]], out: TextIO) -> int:
    """Write the cells as JSON Lines (money as a decimal string, blank as null)."""
    count = 0
    for source, report in reports:
        who = (source, report.organization, report.year, report.template.value)
        for cell in cells(report):
            value: int | str | None = value_text(cell.value) if isinstance(cell.value, Decimal) else cell.value
            record = dict(zip(FIELDS, (*who, cell.table, cell.row, cell.column, value), strict=True))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
