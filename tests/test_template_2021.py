"""A 2021-template report of our own, with real numbers, in three layouts at once."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import ActiveDisclosure2021, ApplicantCounts, TemplateVersion
from govinfo_report.identities import APPLICANT_TERMS
from govinfo_report.normalize import is_value, label_key
from govinfo_report.parser import TableText, _template_version
from govinfo_report.template import tables
from govinfo_report.tokenizers import TokenRow

from .conftest import fixture_text

APPLICATIONS = {
    "new_received": (120, 15, 2, 1, 3, 0, 141),
    "carried_over": (6, 1, 0, 0, 0, 0, 7),
    "granted": (50, 6, 1, 0, 1, 0, 58),
    "partially_granted": (10, 2, 0, 0, 0, 0, 12),
    "withheld_state_secret": (1, 0, 0, 0, 0, 0, 1),
    "withheld_prohibited_by_law": (0, 0, 0, 0, 0, 0, 0),
    "withheld_security_stability": (0, 0, 0, 0, 0, 0, 0),
    "withheld_third_party": (4, 1, 0, 0, 0, 0, 5),
    "withheld_internal_affairs": (2, 0, 0, 0, 0, 0, 2),
    "withheld_process_information": (3, 0, 0, 0, 0, 0, 3),
    "withheld_enforcement_file": (1, 0, 0, 0, 0, 0, 1),
    "withheld_administrative_query": (2, 0, 0, 0, 0, 0, 2),
    "unavailable_not_held": (25, 3, 1, 1, 1, 0, 31),
    "unavailable_needs_creation": (3, 0, 0, 0, 0, 0, 3),
    "unavailable_unclear": (2, 0, 0, 0, 0, 0, 2),
    "declined_complaint": (4, 0, 0, 0, 0, 0, 4),
    "declined_duplicate": (3, 1, 0, 0, 0, 0, 4),
    "declined_publication": (1, 0, 0, 0, 0, 0, 1),
    "declined_excessive": (0, 0, 0, 0, 0, 0, 0),
    "declined_confirmation": (1, 0, 0, 0, 0, 0, 1),
    "other_overdue_correction": (5, 1, 0, 0, 0, 0, 6),
    "other_unpaid_fee": (0, 0, 0, 0, 0, 0, 0),
    "other_other": (2, 0, 0, 0, 1, 0, 3),
    "total": (119, 14, 2, 1, 3, 0, 139),
    "carried_forward": (7, 2, 0, 0, 0, 0, 9),
}
COLUMNS = (*APPLICANT_TERMS, "total")


def parse() -> govinfo_report.Report:
    return govinfo_report.parse(fixture_text("qingshan_2022_v2021.txt"))


def test_metadata() -> None:
    report = parse()
    assert report.template is TemplateVersion.V2021
    assert report.year == 2022
    assert report.organization == "青山区人民政府"
    assert report.published == datetime.date(2023, 1, 20)
    assert report.title == "青山区人民政府2022年政府信息公开工作年度报告"


def test_table_two_2021_columns_and_money() -> None:
    active = parse().active_disclosure
    assert isinstance(active, ActiveDisclosure2021)
    assert (active.normative_documents.issued, active.normative_documents.repealed) == (12, 3)
    assert active.normative_documents.in_force == 87
    assert active.administrative_licensing.decisions == 15236
    assert active.administrative_punishment.decisions == 2417
    assert active.administrative_fees.amount == Decimal("1024.56")


def test_table_three_2021_rows() -> None:
    applications = parse().applications
    assert applications is not None
    assert applications.other is None  # a group row in 2021
    for row, numbers in APPLICATIONS.items():
        assert getattr(applications, row) == ApplicantCounts(**dict(zip(COLUMNS, numbers, strict=False))), row


def test_table_four_from_lines_layout() -> None:
    reviews = parse().reviews
    assert reviews is not None
    assert reviews.administrative_review == govinfo_report.ReviewOutcomes(3, 1, 0, 1, 5)
    assert reviews.litigation_direct == govinfo_report.ReviewOutcomes(1, 0, 1, 0, 2)
    assert reviews.litigation_after_review == govinfo_report.ReviewOutcomes(0, 0, 0, 1, 1)


def test_cells_cover_the_2021_template_once() -> None:
    records = list(govinfo_report.cells(parse()))
    keys = [(c.table, c.row, c.column) for c in records]
    assert len(records) == 200
    assert len(set(keys)) == 200
    assert ("applications", "other", "total") not in keys
    assert ("active_disclosure", "administrative_fees", "amount") in keys
    assert all(c.value is not None for c in records)


def test_no_warnings_on_a_clean_report() -> None:
    assert [d for d in parse().diagnostics if d.severity >= govinfo_report.Severity.WARNING] == []


def _vote_by_pairs(texts: list[TableText | None], year: int | None) -> tuple[TemplateVersion, bool]:
    """``parser._template_version`` as first written: every (label key, marker) pair tried."""
    keys = [
        label_key(cell)
        for text in texts
        if text is not None
        for row in text.rows
        for cell in row.cells
        if cell and not is_value(cell)
    ]
    votes = {}
    for version in TemplateVersion:
        markers = [m for spec in tables(version) for m in spec.markers]
        votes[version] = sum(1 for key in keys for marker in markers if marker in key)
    if votes[TemplateVersion.V2019] != votes[TemplateVersion.V2021]:
        return max(votes, key=lambda v: votes[v]), True
    if year is not None and year <= 2020:
        return TemplateVersion.V2019, False
    return TemplateVersion.V2021, False


_MARKER_CELLS = st.sampled_from(
    ["新制作", "制发件数", "现行有效 ", "上一年项目", "收费金额（万元）", "3", "", "总计", "废止件数新公开"]
)


@given(
    st.lists(st.lists(st.lists(_MARKER_CELLS, max_size=4), max_size=5), max_size=3),
    st.one_of(st.none(), st.integers(2018, 2023)),
)
def test_the_version_vote_counts_each_marker_a_label_holds(
    tables_cells: list[list[list[str]]], year: int | None
) -> None:
    texts: list[TableText | None] = [
        TableText("applications", 0, (), None, tuple(TokenRow(tuple(cells), i) for i, cells in enumerate(rows)))
        for rows in tables_cells
    ]
    texts.append(None)
    assert _template_version(texts, year) == _vote_by_pairs(texts, year)
