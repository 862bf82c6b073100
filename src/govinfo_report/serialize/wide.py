"""The wide form: one row per report (or per file that failed), one column per template cell.

Columns, in this order (``WIDE_FIELDS``):

- the report: ``source``, ``status`` (``ok``, or ``failed`` for a file that could not be
  parsed), ``error`` (the error's type and message for a failed file), ``organization``,
  ``year``, ``template`` (``2019``/``2021``), ``script``, ``published`` (ISO date),
  ``errors`` and ``warnings`` (how many diagnostics of each level), ``tables_missing``
  (table keys that the report lacks, ``;``-separated);
- the indicators of ``govinfo_report.indicators`` (``indicator.disclosure_rate`` …), their
  definitions in ``indicators.INDICATORS``;
- every template cell of both versions, named ``table.row.column`` with the keys of
  ``docs/identifiers.md``: table by table, each table's 2021 cells in template order, then
  the 2019 cells the 2021 template lacks.  A cell the report's version does not have is
  blank, like a cell the report leaves blank.

Values are exact text: a count as digits, money in 万元 with its decimals as printed
(``7730.28``), a blank cell empty — never 0.  ``cell_column`` names a cell's column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from govinfo_report.cells import cells
from govinfo_report.indicators import INDICATORS, indicators
from govinfo_report.schema import Report, Severity, TemplateVersion
from govinfo_report.serialize.records import value_text
from govinfo_report.template import TABLE_KEYS, iter_cells

__all__ = [
    "CELL_FIELDS",
    "INDICATOR_FIELDS",
    "REPORT_FIELDS",
    "WIDE_FIELDS",
    "cell_column",
    "wide_row",
    "write_wide_csv",
]

#: The report-level columns of the wide form.
REPORT_FIELDS: tuple[str, ...] = (
    "source",
    "status",
    "error",
    "organization",
    "year",
    "template",
    "script",
    "published",
    "errors",
    "warnings",
    "tables_missing",
)


def cell_column(table: str, row: str, column: str) -> str:
    """Return the wide form's column name of a template cell: ``table.row.column``."""
    return f"{table}.{row}.{column}"


def _cell_fields() -> tuple[str, ...]:
    by_table: dict[str, list[str]] = {key: [] for key in TABLE_KEYS}
    for version in (TemplateVersion.V2021, TemplateVersion.V2019):
        for spec, row, column in iter_cells(version):
            by_table[spec.key].append(cell_column(spec.key, row.key, column.key))
    return tuple(name for key in TABLE_KEYS for name in dict.fromkeys(by_table[key]))


#: One column per template cell of either version.
CELL_FIELDS: tuple[str, ...] = _cell_fields()
#: One column per indicator.
INDICATOR_FIELDS: tuple[str, ...] = tuple(f"indicator.{i.key}" for i in INDICATORS)
#: Every column of the wide form: the report's, its indicators, its cells.
WIDE_FIELDS: tuple[str, ...] = REPORT_FIELDS + INDICATOR_FIELDS + CELL_FIELDS


def report_fields(source: str, report: Report) -> dict[str, str | int | None]:
    """Return the report-level columns of a parsed report (also the long CSV's first columns)."""
    severities = [d.severity for d in report.diagnostics]
    return {
        "source": source,
        "status": "ok",
        "error": None,
        "organization": report.organization,
        "year": report.year,
        "template": report.template.value,
        "script": report.script.value,
        "published": report.published.isoformat() if report.published else None,
        "errors": sum(s >= Severity.ERROR for s in severities),
        "warnings": sum(s is Severity.WARNING for s in severities),
        "tables_missing": ";".join(key for key in TABLE_KEYS if getattr(report, key) is None),
    }


def wide_row(source: str, report: Report | None, error: str | None = None) -> dict[str, str | int | None]:
    """Return a report's wide row, or a failed file's (``status`` failed, its ``error``, no cells)."""
    if report is None:
        row: dict[str, str | int | None] = dict.fromkeys(WIDE_FIELDS)
        row.update(source=source, status="failed", error=" ".join((error or "not parsed").split()))
        return row
    row = dict.fromkeys(WIDE_FIELDS)
    row.update(report_fields(source, report))
    for key, value in indicators(report).items():
        row[f"indicator.{key}"] = value_text(value) or None
    for cell in cells(report):
        row[cell_column(cell.table, cell.row, cell.column)] = value_text(cell.value) or None
    return row


def _text(value: str | int | None) -> str:
    return "" if value is None else str(value)


def wide_rows(outcomes: Iterable[tuple[str, Report | None, str | None]]) -> Iterator[dict[str, str | int | None]]:
    """Yield the wide row of each ``(source, report or None, error or None)``."""
    for source, report, error in outcomes:
        yield wide_row(source, report, error)


def write_wide_csv(
    outcomes: Iterable[tuple[str, Report | None, str | None]], out: TextIO, *, header: bool = True
) -> int:
    """Write one CSV row per ``(source, report or None, error or None)``; return the rows written.

    A failed file (report None) gets a row too: its status, its error, blank cells.
    """
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(WIDE_FIELDS)
    count = 0
    for row in wide_rows(outcomes):
        writer.writerow([_text(row[name]) for name in WIDE_FIELDS])
        count += 1
    return count
