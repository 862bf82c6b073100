"""The template's arithmetic identities (勾稽关系), as plain functions over cell values.

Used by alignment (to place the numbers of a collapsed row) and by validation (to report
broken totals).  A blank term is None; an identity whose terms are all blank holds
vacuously, otherwise blanks count as 0 (``spec/template.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

__all__ = [
    "APPLICANT_TERMS",
    "REVIEW_ROWS",
    "REVIEW_TERMS",
    "applicant_row_holds",
    "review_rows_hold",
    "sum_holds",
]

Number = int | Decimal

#: The six applicant columns whose sum is 总计 (R3).
APPLICANT_TERMS: tuple[str, ...] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
)
#: The four outcome columns whose sum is 总计 (R4).
REVIEW_TERMS: tuple[str, ...] = ("upheld", "corrected", "other", "pending")
#: The three rows of table 四.
REVIEW_ROWS: tuple[str, ...] = ("administrative_review", "litigation_direct", "litigation_after_review")


def sum_holds(total: Number | None, terms: Iterable[Number | None]) -> bool:
    """Tell whether ``total == sum(terms)``, blanks as 0 unless every value is blank."""
    values = list(terms)
    if total is None and all(v is None for v in values):
        return True
    return (total or 0) == sum((v or 0) for v in values)


def applicant_row_holds(row: Mapping[str, Number | None]) -> bool:
    """R3 for one row of table 三: 总计 is the sum of the six applicant columns."""
    return sum_holds(row.get("total"), (row.get(k) for k in APPLICANT_TERMS))


def review_rows_hold(cells: Mapping[tuple[str, str], Number | None]) -> bool:
    """R4 for every row of table 四, given ``{(row, column): value}``."""
    return all(sum_holds(cells.get((row, "total")), (cells.get((row, k)) for k in REVIEW_TERMS)) for row in REVIEW_ROWS)
