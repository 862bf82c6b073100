"""The 勾稽关系 checker: identities R1–R5 of the template, reported, never fixed.

| code | identity |
|---|---|
| ``identity-r1`` | per column of 三: new_received + carried_over == total + carried_forward |
| ``identity-r2`` | per column of 三: total == sum of the leaf result rows |
| ``identity-r3`` | per row of 三: total == sum of the six applicant columns |
| ``identity-r4`` | per row of 四: total == upheld + corrected + other + pending |
| ``identity-r5`` | counts are whole numbers ≥ 0 (except ``change``), amounts ≥ 0 |

A blank term is None.  An identity whose terms are all blank is not checked; otherwise
blanks count as 0 and the diagnostic says which terms were blank.  A cell the parser left
blank because the source does not determine it (a ``cell-ambiguous`` diagnostic of the
report) is unknown, not blank: an identity over it is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from govinfo_report.schema import Cell, Diagnostic, Report, Severity, TemplateVersion, Value
from govinfo_report.template import Identity, table, tables

__all__ = ["RESULT_ROWS", "validate"]

#: Table 三 rows that R2 sums, by template version (the leaf rows of 三、本年度办理结果),
#: read off the template's R2.
RESULT_ROWS: dict[TemplateVersion, tuple[str, ...]] = {
    version: tuple(
        dict.fromkeys(
            row
            for identity in table(version, "applications").identities
            if identity.code == "identity-r2"
            for row, _ in identity.right
        )
    )
    for version in TemplateVersion
}


def _check(identity: Identity, table_key: str, left: list[Value], right: list[Value]) -> Diagnostic | None:
    """Return the diagnostic of an identity whose sides differ (its cells built only then), else None."""
    if left.count(None) == len(left) and right.count(None) == len(right):
        return None
    lhs = sum([v or 0 for v in left], start=0)
    rhs = sum([v or 0 for v in right], start=0)
    if lhs == rhs:
        return None
    terms = tuple(
        Cell(table_key, row, column, value)
        for (row, column), value in zip(identity.cells, (*left, *right), strict=True)
    )
    blanks = [f"{c.row}/{c.column}" for c in terms if c.value is None]
    note = f"; blank terms counted as 0: {', '.join(blanks)}" if blanks else ""
    return Diagnostic(
        code=identity.code,
        severity=Severity.ERROR,
        message=f"{identity.describe}: {lhs} ≠ {rhs} (difference {lhs - rhs}){note}",
        table=table_key,
        row=identity.row,
        column=identity.column,
        cells=terms,
        difference=lhs - rhs,
    )


def _tables(report: Report) -> Iterator[Diagnostic]:
    """Every identity of the template (R1–R4) that the report's tables break (unknown cells not checked)."""
    unknown = {(d.table, d.row, d.column) for d in report.diagnostics if d.code == "cell-ambiguous"}
    for spec in tables(report.template):
        records = getattr(report, spec.key)
        if records is None:
            continue

        def values(slots: Sequence[tuple[str, str]], records: object = records) -> list[Value]:
            return [
                None if (record := getattr(records, row, None)) is None else getattr(record, column, None)
                for row, column in slots
            ]

        for identity in spec.identities:
            if unknown and any((spec.key, row, column) in unknown for row, column in identity.cells):
                continue
            broken = _check(identity, spec.key, values(identity.left), values(identity.right))
            if broken is not None:
                yield broken


def _signs(report: Report) -> Iterator[Diagnostic]:
    """R5 on every cell, in template order (``iter_cells``), each table's and row's record looked up once."""
    for spec in tables(report.template):
        records = getattr(report, spec.key)
        if records is None:
            continue
        for row in spec.data_rows:
            record = getattr(records, row.key, None)
            if record is None:
                continue
            for column in row.columns:
                value = None if column.signed else getattr(record, column.key, None)
                if value is None or value >= 0:
                    continue
                yield _negative(spec.key, row.key, column.key, value)


def _negative(table_key: str, row: str, column: str, value: int | Decimal) -> Diagnostic:
    """R5's error for a negative count or amount."""
    return Diagnostic(
        code="identity-r5",
        severity=Severity.ERROR,
        message=f"R5: {'an amount' if isinstance(value, Decimal) else 'a count'} cannot be negative ({value})",
        table=table_key,
        row=row,
        column=column,
        cells=(Cell(table_key, row, column, value),),
    )


def validate(report: Report) -> tuple[Diagnostic, ...]:
    """Check the arithmetic identities R1–R5 of a report's tables.

    ``parse`` runs this and adds the result to ``Report.diagnostics``; call it yourself on
    a ``Report`` you built or edited.  Numbers are never changed.

    Args:
        report: the report to check.

    Returns:
        One error-level diagnostic per broken identity, with the cells involved (and their
        values) in ``cells`` and left minus right in ``difference``.

    """
    return (*_tables(report), *_signs(report))
