"""Reports → pandas data frames, wide or long (extra ``govinfo-report[pandas]``).

Dtypes are chosen so that nothing is invented or rounded:

- counts are pandas' nullable ``Int64``: a blank cell is ``<NA>``, never 0 and never a
  float (a NumPy integer column cannot hold a blank, and float64 would print ``7.0``);
- money (万元) is ``decimal.Decimal`` objects in an ``object`` column: exact as printed
  (``7730.28``), and ``sum()`` of a column is exact too.  A float would round
  (``24252.311082`` has more digits than users expect to keep, and sums drift); strings
  would make every user convert them.  ``frame[col].astype(float)`` is there when
  exactness does not matter;
- ``year``, ``errors`` and ``warnings`` are ``Int64``; text columns are ``string``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from govinfo_report.cells import cells
from govinfo_report.extras import require
from govinfo_report.indicators import INDICATORS, indicators
from govinfo_report.schema import Report, TemplateVersion
from govinfo_report.serialize.records import FIELDS
from govinfo_report.serialize.wide import CELL_FIELDS, INDICATOR_FIELDS, REPORT_FIELDS, cell_column, report_fields
from govinfo_report.template import iter_cells

__all__ = ["to_frame"]

#: Wide cell columns that hold money (Decimal), not counts.
_MONEY = frozenset(
    cell_column(spec.key, row.key, column.key)
    for version in TemplateVersion
    for spec, row, column in iter_cells(version)
    if column.money
)
_INTEGER_FIELDS = ("year", "errors", "warnings")
_COUNT_INDICATORS = frozenset(i.key for i in INDICATORS if not i.is_rate)


def _pairs(reports: Iterable[Report | tuple[str, Report]]) -> Iterable[tuple[str, Report]]:
    for index, item in enumerate(reports):
        if isinstance(item, Report):
            yield str(index), item
        else:
            yield item


def to_frame(reports: Iterable[Report | tuple[str, Report]], *, form: Literal["wide", "long"] = "wide") -> Any:
    """Return the reports as a ``pandas.DataFrame``.

    Args:
        reports: reports, or ``(source, report)`` pairs (a bare report's source is its
            position, ``"0"``, ``"1"`` …).
        form: ``"wide"``: one row per report, the columns of
            ``serialize.wide.WIDE_FIELDS`` (report columns, then one per template cell,
            named ``table.row.column``, both template versions); ``"long"``: one row per
            template cell, the columns of ``serialize.FIELDS``, ``value`` an ``object``
            column of ``int``, ``Decimal`` or ``None``.

    Raises:
        MissingDependencyError: pandas (the ``pandas`` extra) is not installed.
        ValueError: ``form`` is neither ``"wide"`` nor ``"long"``.

    """
    pandas: Any = require("pandas", "to_frame", "pandas")
    if form not in ("wide", "long"):
        raise ValueError(f"form must be 'wide' or 'long', not {form!r}")
    pairs = list(_pairs(reports))
    if form == "long":
        return _long(pandas, pairs)
    records = []
    for source, report in pairs:
        record: dict[str, Any] = dict(report_fields(source, report))
        record.update((f"indicator.{key}", value) for key, value in indicators(report).items())
        record.update(dict.fromkeys(CELL_FIELDS))
        record.update((cell_column(c.table, c.row, c.column), c.value) for c in cells(report))
        records.append(record)
    frame = pandas.DataFrame.from_records(records, columns=[*REPORT_FIELDS, *INDICATOR_FIELDS, *CELL_FIELDS])
    for name in INDICATOR_FIELDS:  # counts Int64, rates exact Decimal like money
        counted = name.removeprefix("indicator.") in _COUNT_INDICATORS
        frame[name] = frame[name].astype("Int64" if counted else object)
    for name in REPORT_FIELDS:
        frame[name] = frame[name].astype("Int64" if name in _INTEGER_FIELDS else "string")
    for name in CELL_FIELDS:
        if name not in _MONEY:
            frame[name] = frame[name].astype("Int64")
        else:
            frame[name] = frame[name].astype(object)
    return frame


def _long(pandas: Any, pairs: list[tuple[str, Report]]) -> Any:
    rows = [
        (source, report.organization, report.year, report.template.value, c.table, c.row, c.column, c.value)
        for source, report in pairs
        for c in cells(report)
    ]
    frame = pandas.DataFrame.from_records(rows, columns=list(FIELDS))
    for name in FIELDS:
        if name == "year":
            frame[name] = frame[name].astype("Int64")
        elif name != "value":
            frame[name] = frame[name].astype("string")
    frame["value"] = frame["value"].astype(object)
    return frame
