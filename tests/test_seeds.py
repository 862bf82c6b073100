"""The five real seed reports parse to their golden cells and metadata."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo_report
from govinfo_report import Script, TemplateVersion

from .conftest import SEEDS, golden, seed_text


def _expected(value: object) -> object:
    return Decimal(value) if isinstance(value, str) else value


@pytest.mark.parametrize("stem", SEEDS)
def test_every_cell_matches_golden(stem: str) -> None:
    """Every cell is the golden one, except a cell the text does not determine (seed 000's
    rows lost their columns): blank, with ``cell-ambiguous`` naming the golden value."""
    report = govinfo_report.parse(seed_text(stem))
    candidates = {
        (d.table, d.row, d.column): {c.value for c in d.cells} for d in report.diagnostics if d.code == "cell-ambiguous"
    }
    got = [(c.table, c.row, c.column, c.value) for c in govinfo_report.cells(report)]
    want = [(c["table"], c["row"], c["column"], _expected(c["value"])) for c in golden(stem)["cells"]]
    assert len(got) == len(want)
    for (table, row, column, value), (*where, expected) in zip(got, want, strict=True):
        assert (table, row, column) == tuple(where)
        if (table, row, column) in candidates:
            assert value is None
            assert expected in candidates[table, row, column]
        else:
            assert value == expected, (table, row, column)
    assert len(candidates) == (45 if stem == SEEDS[0] else 0)


@pytest.mark.parametrize("stem", SEEDS)
def test_metadata_matches_golden(stem: str) -> None:
    report = govinfo_report.parse(seed_text(stem))
    want = golden(stem)
    assert report.year == want["year"]
    assert report.template is TemplateVersion(want["template"])
    assert report.script is Script(want["script"])
    assert (report.published.isoformat() if report.published else None) == want["published"]
    got_org = "".join((report.organization or "").split())
    want_org = "".join(want["organization"].split())
    assert got_org
    assert got_org in want_org or want_org in got_org


def test_money_values_are_exact_decimals_in_wan() -> None:
    amounts = {}
    for stem in SEEDS[:4]:
        report = govinfo_report.parse(seed_text(stem))
        assert isinstance(report.active_disclosure, govinfo_report.ActiveDisclosure2019)
        amounts[stem[:3]] = report.active_disclosure.centralized_procurement.amount
    assert amounts == {
        "000": Decimal("1372.16"),
        "001": Decimal("145.4464"),
        "002": Decimal("49533.4728"),
        "003": Decimal("0"),
    }
    assert all(type(a) is Decimal for a in amounts.values())


def test_collapsed_rows_leave_other_cells_blank_and_say_so() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[0]))
    assert report.applications is not None
    # 7 | 7 for seven columns: R3 puts the second 7 in 总计 whichever column the first is
    # in, and nothing in the table tells that column (every row lost its columns alike).
    assert report.applications.new_received == govinfo_report.ApplicantCounts(total=7)
    inferred = {(d.table, d.row, d.column) for d in report.diagnostics if d.code == "cell-inferred"}
    assert ("applications", "new_received", "total") in inferred
    ambiguous = {
        (d.table, d.row, d.column): {c.value for c in d.cells} for d in report.diagnostics if d.code == "cell-ambiguous"
    }
    assert ambiguous[("applications", "new_received", "natural_person")] == {7, None}
    # 1 | 1 for fifteen columns: any outcome of any block with that block's total
    assert ambiguous[("reviews", "administrative_review", "total")] == {1, None}
    assert report.reviews == govinfo_report.Reviews()


def test_seed_004_reports_missing_and_empty_tables() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[4]))
    codes = {(d.code, d.table) for d in report.diagnostics}
    assert ("table-missing", "active_disclosure") in codes
    assert ("table-missing", "reviews") in codes
    assert ("table-empty", "applications") in codes
    assert report.active_disclosure is None
    assert report.reviews is None
    assert report.applications == govinfo_report.Applications(
        other=None,
        other_overdue_correction=govinfo_report.ApplicantCounts(),
        other_unpaid_fee=govinfo_report.ApplicantCounts(),
        other_other=govinfo_report.ApplicantCounts(),
    )
    assert report.title is None


def test_group_label_numbers_go_to_first_child() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[2]))
    assert report.applications is not None
    assert report.applications.withheld_state_secret.total == 0
    assert any(d.code == "group-numbers-carried" and d.row == "withheld_state_secret" for d in report.diagnostics)


def test_sections_keep_original_text_and_nonstandard_titles() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[1]))
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.key for s in report.sections] == [
        "overview",
        "active_disclosure",
        "applications",
        "reviews",
        "problems",
        None,
    ]
    assert report.sections[5].title == "下一步工作計畫"
    assert report.sections[0].text.startswith("2019年,市府辦公室")
    assert "聯絡我們" not in report.sections[5].text  # page chrome after the report is left out
    overview = report.section("overview")
    assert overview is not None
    assert "檔案" not in overview.title
