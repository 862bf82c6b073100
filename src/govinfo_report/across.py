"""Checks across reports: one body's consecutive years, and reports copied from one another.

Reports are matched by body with a normalised organization name (script folded to
simplified, spaces and punctuation removed).  For the same body in years N and N+1:

- ``across-carry-over``: 结转下年度继续办理 of year N should equal 上年结转 of year N+1, per
  applicant column;
- ``across-in-force``: 现行有效件数 of year N+1 should equal year N's plus N+1's 本年制发
  minus its 本年废止 (2021 template, 规章 and 行政规范性文件);
- ``across-jump``: a key figure (新收申请, 办结, 复议, 诉讼 totals) changed by more than 5× or
  less than 0.2× (both years at least ``JUMP_FLOOR``, so 1 → 6 is not flagged).

And for any two reports: ``across-copied`` when their three tables are identical and not
empty (a report copied from another, or the same file twice).  Findings are warnings: the
reports say what they say; these checks say where two of them disagree, naming both and
the cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs
import regex

from govinfo_report.normalize import fold
from govinfo_report.schema import Cell, Diagnostic, Report, Severity, TemplateVersion, Value
from govinfo_report.template import APPLICANT_COLUMNS

__all__ = ["JUMP_FLOOR", "Finding", "body_key", "check_across"]

#: A year-over-year ratio is flagged only when both years' figures are at least this.
JUMP_FLOOR = 10
_NOT_NAME = regex.compile(r"[\s\p{P}\p{S}]+")
_KEY_FIGURES = (
    ("applications", "new_received", "total", "新收申请"),
    ("applications", "total", "total", "办结 (总计)"),
    ("reviews", "administrative_review", "total", "行政复议总计"),
    ("reviews", "litigation_direct", "total", "未经复议直接起诉总计"),
)


@attrs.frozen
class Finding:
    """Two reports that disagree, and how."""

    #: The earlier (or first) report's source and the later (or second) one's.
    first: str
    second: str
    diagnostic: Diagnostic


def body_key(organization: str | None) -> str | None:
    """Return the name a body is matched by: folded to simplified script, no spaces or punctuation."""
    if not organization:
        return None
    return _NOT_NAME.sub("", fold(organization)) or None


def _value(report: Report, table: str, row: str, column: str) -> Value:
    record = getattr(getattr(report, table), row, None)
    return None if record is None else getattr(record, column, None)


def _carry_over(a: tuple[str, Report], b: tuple[str, Report]) -> Iterable[Finding]:
    (first, earlier), (second, later) = a, b
    for column in APPLICANT_COLUMNS:
        forward = _value(earlier, "applications", "carried_forward", column.key)
        over = _value(later, "applications", "carried_over", column.key)
        if forward is None or over is None or forward == over:
            continue
        yield Finding(
            first,
            second,
            Diagnostic(
                "across-carry-over",
                Severity.WARNING,
                f"{earlier.year} carried forward {forward} ({column.key}) but {later.year} carried over {over}: "
                f"{first} and {second} disagree",
                table="applications",
                row="carried_over",
                column=column.key,
                cells=(
                    Cell("applications", "carried_forward", column.key, forward),
                    Cell("applications", "carried_over", column.key, over),
                ),
            ),
        )


def _in_force(a: tuple[str, Report], b: tuple[str, Report]) -> Iterable[Finding]:
    (first, earlier), (second, later) = a, b
    if earlier.template is not TemplateVersion.V2021 or later.template is not TemplateVersion.V2021:
        return
    for row in ("regulations", "normative_documents"):
        before = _value(earlier, "active_disclosure", row, "in_force")
        issued = _value(later, "active_disclosure", row, "issued")
        repealed = _value(later, "active_disclosure", row, "repealed")
        now = _value(later, "active_disclosure", row, "in_force")
        if None in (before, issued, repealed, now):
            continue
        expected = before + issued - repealed  # type: ignore[operator]
        if expected == now:
            continue
        yield Finding(
            first,
            second,
            Diagnostic(
                "across-in-force",
                Severity.WARNING,
                f"{row}: {earlier.year} had {before} in force, {later.year} issued {issued} and repealed {repealed}, "
                f"so {expected} should be in force, but {later.year} says {now}",
                table="active_disclosure",
                row=row,
                column="in_force",
                cells=(
                    Cell("active_disclosure", row, "in_force", before),
                    Cell("active_disclosure", row, "issued", issued),
                    Cell("active_disclosure", row, "repealed", repealed),
                    Cell("active_disclosure", row, "in_force", now),
                ),
            ),
        )


def _jumps(a: tuple[str, Report], b: tuple[str, Report]) -> Iterable[Finding]:
    (first, earlier), (second, later) = a, b
    for table, row, column, name in _KEY_FIGURES:
        before, after = _value(earlier, table, row, column), _value(later, table, row, column)
        if before is None or after is None or min(before, after) < JUMP_FLOOR:
            continue
        ratio = Decimal(after) / Decimal(before)
        if Decimal("0.2") <= ratio <= 5:
            continue
        yield Finding(
            first,
            second,
            Diagnostic(
                "across-jump",
                Severity.WARNING,
                f"{name} went from {before} ({earlier.year}) to {after} ({later.year}), ×{ratio:.2f}: check both",
                table=table,
                row=row,
                column=column,
                cells=(Cell(table, row, column, before), Cell(table, row, column, after)),
            ),
        )


def _tables(report: Report) -> tuple[object, ...] | None:
    tables = (report.active_disclosure, report.applications, report.reviews)
    return tables if any(t is not None for t in tables) else None


def check_across(reports: Sequence[tuple[str, Report]]) -> list[Finding]:
    """Check ``(source, report)`` pairs against one another (see the module's checks)."""
    found: list[Finding] = []
    bodies: dict[str, dict[int, tuple[str, Report]]] = {}
    for source, report in reports:
        key = body_key(report.organization)
        if key is not None and report.year is not None:
            bodies.setdefault(key, {}).setdefault(report.year, (source, report))
    for years in bodies.values():
        for year in sorted(years):
            if year + 1 in years:
                pair = (years[year], years[year + 1])
                found.extend(_carry_over(*pair))
                found.extend(_in_force(*pair))
                found.extend(_jumps(*pair))
    seen: dict[tuple[object, ...], str] = {}
    for source, report in reports:
        tables = _tables(report)
        if tables is None:
            continue
        if tables in seen:
            found.append(
                Finding(
                    seen[tables],
                    source,
                    Diagnostic(
                        "across-copied",
                        Severity.WARNING,
                        f"the three tables of {source} are identical to those of {seen[tables]}: a copied report?",
                    ),
                )
            )
        else:
            seen[tables] = source
    return found
