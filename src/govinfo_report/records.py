"""Template cells → the typed records of ``schema``: the one place that knows both.

The template is plain data (keys, labels, identities) and the records know nothing of
parsing; this module pairs them: each template table with its record class, each row with
the record class whose fields are its columns.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs

from govinfo_report import schema
from govinfo_report.schema import TemplateVersion, Value
from govinfo_report.template import TableSpec

__all__ = ["build", "row_class", "table_class"]

_TABLE_CLASSES: dict[tuple[str, TemplateVersion], type[Any]] = {
    ("active_disclosure", TemplateVersion.V2019): schema.ActiveDisclosure2019,
    ("active_disclosure", TemplateVersion.V2021): schema.ActiveDisclosure2021,
    ("applications", TemplateVersion.V2019): schema.Applications,
    ("applications", TemplateVersion.V2021): schema.Applications,
    ("reviews", TemplateVersion.V2019): schema.Reviews,
    ("reviews", TemplateVersion.V2021): schema.Reviews,
}
_ROW_CLASSES: tuple[type[Any], ...] = (
    schema.DocumentCounts2019,
    schema.ItemCounts,
    schema.FeeItems,
    schema.Procurement,
    schema.DocumentCounts2021,
    schema.DecisionCount,
    schema.FeeAmount,
    schema.ApplicantCounts,
    schema.ReviewOutcomes,
)


def table_class(spec: TableSpec) -> type[Any]:
    """Return the record class of a template table."""
    return _TABLE_CLASSES[(spec.key, spec.version)]


@cache
def _by_columns() -> dict[tuple[str, ...], type[Any]]:
    return {tuple(f.name for f in attrs.fields(cls)): cls for cls in _ROW_CLASSES}


def row_class(columns: tuple[str, ...]) -> type[Any]:
    """Return the record class whose fields are exactly these column keys, in order."""
    return _by_columns()[columns]


def build(spec: TableSpec, values: dict[tuple[str, str], Value]) -> Any:
    """Build a table's record from ``{(row, column): value}``; absent cells are None."""
    rows = {
        r.key: row_class(tuple(c.key for c in r.columns))(**{c.key: values.get((r.key, c.key)) for c in r.columns})
        for r in spec.data_rows
    }
    return table_class(spec)(**rows)
