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
from govinfo_report.template import TableSpec, table

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


#: How a table's record is built: its spec, its class, and per data row the row's key,
#: its record class and, per column, the field and the ``(row, column)`` slot it reads.
_Plan = tuple[TableSpec, type[Any], tuple[tuple[str, type[Any], tuple[tuple[str, tuple[str, str]], ...]], ...]]


def _plan_of(spec: TableSpec) -> _Plan:
    rows = tuple(
        (r.key, row_class(tuple(c.key for c in r.columns)), tuple((c.key, (r.key, c.key)) for c in r.columns))
        for r in spec.data_rows
    )
    return spec, table_class(spec), rows


@cache
def _template_plan(key: str, version: TemplateVersion) -> _Plan:
    return _plan_of(table(version, key))


def build(spec: TableSpec, values: dict[tuple[str, str], Value]) -> Any:
    """Build a table's record from ``{(row, column): value}``; absent cells are None."""
    plan = _template_plan(spec.key, spec.version)
    if plan[0] is not spec:  # not the template's own spec: read this one
        plan = _plan_of(spec)
    _, table_record, rows = plan
    get = values.get
    return table_record(
        **{key: row_record(**{column: get(slot) for column, slot in slots}) for key, row_record, slots in rows}
    )
