from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import govinfo_report
from govinfo_report.identities import APPLICANT_TERMS, applicant_row_holds, review_rows_hold, sum_holds
from govinfo_report.placement import place

from .conftest import seed_text

COLUMNS = (*APPLICANT_TERMS, "total")
SLOTS = [("r", c) for c in COLUMNS]


def _check(cand: Mapping[tuple[str, str], Decimal | None]) -> bool:
    return applicant_row_holds({col: v for (_, col), v in cand.items()})


def test_earliest_placement_satisfying_r3() -> None:
    found = place([Decimal(7), Decimal(7)], SLOTS, _check)
    assert found.slots == (("r", "natural_person"), ("r", "total"))
    assert found.satisfying == 6


def test_unique_placement() -> None:
    found = place([Decimal(2), Decimal(3), Decimal(5)], SLOTS, _check)
    assert found.slots == (("r", "natural_person"), ("r", "commercial_enterprise"), ("r", "total"))


def test_no_placement_falls_back_to_leading_columns() -> None:
    found = place([Decimal(2), Decimal(9)], SLOTS[:3], _check)
    assert found.satisfying == 0
    assert found.slots == (("r", "natural_person"), ("r", "commercial_enterprise"))


def test_blank_terms_follow_the_spec() -> None:
    assert sum_holds(None, [None, None])
    assert sum_holds(3, [3, None])
    assert not sum_holds(None, [1])
    assert review_rows_hold({("administrative_review", "upheld"): 1, ("administrative_review", "total"): 1})


def test_reviews_collapsed_row_is_placed_across_blocks() -> None:
    text = seed_text("000_fb35a360553c7541").replace("\n1 | 1 | ", "\n2 | 1 | 3 | ")
    report = govinfo_report.parse(text)
    assert report.reviews == govinfo_report.Reviews(
        administrative_review=govinfo_report.ReviewOutcomes(upheld=2, corrected=1, total=3)
    )


def test_full_width_row_with_trailing_blanks_is_read_by_the_identities() -> None:
    # Seven cells, the last five blank: read positionally the row breaks R3 (7 ≠ blank),
    # while the collapsed reading natural_person=7, total=7 satisfies it.
    text = seed_text("000_fb35a360553c7541").replace(
        "一、本年新收政府信息公開申請數量 | 7 | 7 | |||||||", "一、本年新收政府信息公開申請數量 | 7 | 7 | | | | |"
    )
    report = govinfo_report.parse(text)
    assert report.applications is not None
    assert report.applications.new_received == govinfo_report.ApplicantCounts(natural_person=7, total=7)
