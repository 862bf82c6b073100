"""The long format: every template cell of a report, once, in template order."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo_report.schema import Cell, Report
from govinfo_report.template import iter_cells

__all__ = ["cells"]


def cells(report: Report) -> Iterator[Cell]:
    """Yield every cell of the report's template version exactly once, in template order.

    A table the report lacks yields its cells with value None.

    Args:
        report: a parsed report.

    Returns:
        An iterator of ``Cell(table, row, column, value, span)``; ``span`` says where
        the value was read.

    """
    spans = {(p.table, p.row, p.column): p.span for p in report.provenance}
    for spec, row, column in iter_cells(report.template):
        table = getattr(report, spec.key)
        value = None
        if table is not None:
            record = getattr(table, row.key)
            value = None if record is None else getattr(record, column.key)
        yield Cell(spec.key, row.key, column.key, value, spans.get((spec.key, row.key, column.key)))
