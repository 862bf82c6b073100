"""Derived indicators of a report: totals and rates over the cells of tables 三 and 四, defined as data.

Each ``Indicator`` names the cells it adds up, for its value or for a rate's numerator and
denominator (a term can be subtracted: ``总计 − 尚未审结``).  Cells are read as validation
reads them: a blank cell counts as 0 unless every cell of the sum is blank, in which case
the sum is blank.  A value is None — never a guess, never a division error — when:

- a cell it uses is undetermined (``cell-ambiguous``: its value is unknown, not blank),
- the table it needs is missing, or every cell of a sum is blank,
- a rate's denominator is 0.

Rates are exact ``Decimal`` fractions (0 to 1) rounded to six places; counts are ``int``.
The definitions are the ones in use in studies of these reports (公开率 = 予以公开 ÷ 办结,
实质公开率 = (予以公开 + 部分公开) ÷ 办结, …); the 办结 count is （七）总计, the
applications concluded in the year.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal

import attrs

from govinfo_report.schema import Report, TemplateVersion, Value
from govinfo_report.template import table

__all__ = ["INDICATORS", "Indicator", "indicators"]

#: ``(sign, table, row, column)``: a cell added (+1) or subtracted (-1).
Term = tuple[int, str, str, str]
_PLACES = Decimal("0.000001")


def _cells(table: str, column: str, *rows: str, sign: int = 1) -> tuple[Term, ...]:
    return tuple((sign, table, row, column) for row in rows)


_A = "applications"
_R = "reviews"


def _group(group: str) -> tuple[str, ...]:
    """Return the rows under a group label of table 三 (the same in both versions), from the template."""
    return tuple(row.key for row in table(TemplateVersion.V2021, _A).rows if row.group == group)


_WITHHELD = _group("_withheld")
_UNAVAILABLE = _group("_unavailable")
_DECLINED = _group("_declined")
_LITIGATION = ("litigation_direct", "litigation_after_review")


@attrs.frozen
class Indicator:
    """One derived figure: a sum of cells, or a rate of two sums."""

    key: str
    #: The name used in Chinese studies of these reports.
    name: str
    #: What it measures.
    describe: str
    #: The cells summed for a count, or for a rate's numerator.
    numerator: tuple[Term, ...]
    #: The cells summed for a rate's denominator; empty for a count.
    denominator: tuple[Term, ...] = ()

    @property
    def is_rate(self) -> bool:
        """Whether the indicator is a ratio (else a count)."""
        return bool(self.denominator)


#: Every indicator, in the order ``indicators`` returns them.
INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "received_total", "受理总数", "applications to handle: new this year plus carried over",
        _cells(_A, "total", "new_received", "carried_over"),
    ),
    Indicator("concluded", "办结数", "applications concluded: （七）总计", _cells(_A, "total", "total")),
    Indicator(
        "disclosure_rate", "公开率", "予以公开 ÷ 办结",
        _cells(_A, "total", "granted"), _cells(_A, "total", "total"),
    ),
    Indicator(
        "substantive_disclosure_rate", "实质公开率", "(予以公开 + 部分公开) ÷ 办结",
        _cells(_A, "total", "granted", "partially_granted"), _cells(_A, "total", "total"),
    ),
    Indicator(
        "withheld_rate", "不予公开率", "不予公开 (its eight reasons) ÷ 办结",
        _cells(_A, "total", *_WITHHELD), _cells(_A, "total", "total"),
    ),
    Indicator(
        "unavailable_rate", "无法提供率", "无法提供 (its three reasons) ÷ 办结",
        _cells(_A, "total", *_UNAVAILABLE), _cells(_A, "total", "total"),
    ),
    Indicator(
        "not_held_share", "本机关不掌握占比", "本机关不掌握相关政府信息 ÷ 无法提供",
        _cells(_A, "total", "unavailable_not_held"), _cells(_A, "total", *_UNAVAILABLE),
    ),
    Indicator(
        "declined_rate", "不予处理率", "不予处理 (its five reasons) ÷ 办结",
        _cells(_A, "total", *_DECLINED), _cells(_A, "total", "total"),
    ),
    Indicator(
        "carried_forward_rate", "结转率", "结转下年度继续办理 ÷ 受理总数",
        _cells(_A, "total", "carried_forward"), _cells(_A, "total", "new_received", "carried_over"),
    ),
    Indicator(
        "natural_person_share", "自然人申请占比", "new applications from natural persons ÷ all new applications",
        _cells(_A, "natural_person", "new_received"), _cells(_A, "total", "new_received"),
    ),
    Indicator(
        "review_correction_rate", "复议纠错率", "复议 纠正 ÷ (复议 总计 − 尚未审结)",
        _cells(_R, "corrected", "administrative_review"),
        _cells(_R, "total", "administrative_review") + _cells(_R, "pending", "administrative_review", sign=-1),
    ),
    Indicator(
        "litigation_correction_rate", "诉讼纠错率", "诉讼 纠正 ÷ (诉讼 总计 − 尚未审结), both kinds of lawsuit",
        _cells(_R, "corrected", *_LITIGATION),
        _cells(_R, "total", *_LITIGATION) + _cells(_R, "pending", *_LITIGATION, sign=-1),
    ),
    Indicator(
        "dispute_rate", "争议转化率", "(复议 + 诉讼) 总计 ÷ new applications",
        _cells(_R, "total", "administrative_review", *_LITIGATION), _cells(_A, "total", "new_received"),
    ),
)  # fmt: skip


def _value(report: Report, table: str, row: str, column: str) -> Value:
    record = getattr(getattr(report, table), row, None)
    return None if record is None else getattr(record, column, None)


def _sum(report: Report, terms: Sequence[Term], unknown: set[tuple[str, str, str]]) -> Decimal | None:
    """Add the terms, blanks as 0; None when a table is missing, a cell unknown, or every cell blank."""
    if any(getattr(report, table) is None for _, table, _, _ in terms):
        return None
    if any((table, row, column) in unknown for _, table, row, column in terms):
        return None
    values = [(sign, _value(report, table, row, column)) for sign, table, row, column in terms]
    if all(value is None for _, value in values):
        return None
    return sum((Decimal(sign) * Decimal(value or 0) for sign, value in values), Decimal(0))


def indicators(report: Report) -> dict[str, int | Decimal | None]:
    """Return every indicator of ``INDICATORS`` for a report, by key (counts ``int``, rates ``Decimal``).

    Example: ``indicators(report)["disclosure_rate"]`` is ``Decimal("0.428571")`` for 3 of 7.
    """
    unknown = {
        (d.table, d.row, d.column)
        for d in report.diagnostics
        if d.code == "cell-ambiguous" and d.table and d.row and d.column
    }
    found: dict[str, int | Decimal | None] = {}
    for indicator in INDICATORS:
        top = _sum(report, indicator.numerator, unknown)
        if not indicator.is_rate:
            found[indicator.key] = None if top is None else int(top)
            continue
        bottom = _sum(report, indicator.denominator, unknown)
        if top is None or bottom is None or bottom == 0:
            found[indicator.key] = None
        else:
            found[indicator.key] = (top / bottom).quantize(_PLACES, rounding=ROUND_HALF_EVEN)
    return found
