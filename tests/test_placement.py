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


def test_a_row_showing_every_cell_position_is_read_by_position() -> None:
    # Seven cells, the last five blank: the row shows every position, so 7 and 7 are
    # 自然人 and 商业企业 even though R3 then breaks (reported, never "fixed").
    text = seed_text("000_fb35a360553c7541").replace(
        "一、本年新收政府信息公開申請數量 | 7 | 7 | |||||||", "一、本年新收政府信息公開申請數量 | 7 | 7 | | | | |"
    )
    report = govinfo_report.parse(text)
    assert report.applications is not None
    assert report.applications.new_received == govinfo_report.ApplicantCounts(natural_person=7, commercial_enterprise=7)
    assert any(d.code == "identity-r3" and d.row == "new_received" for d in report.diagnostics)


def test_a_blank_total_column_stays_blank() -> None:
    # A real row: 总计 left blank by the source; its numbers must not move into it.
    text = seed_text("000_fb35a360553c7541").replace(
        "一、本年新收政府信息公開申請數量 | 7 | 7 | |||||||",
        "一、本年新收政府信息公開申請數量 | 258 | 12 |  |  | 1 | 1 |  |",
    )
    report = govinfo_report.parse(text)
    assert report.applications is not None
    assert report.applications.new_received == govinfo_report.ApplicantCounts(
        natural_person=258, commercial_enterprise=12, legal_service_org=1, other_org=1
    )
    assert not any(d.code == "cell-inferred" and d.row == "new_received" for d in report.diagnostics)
