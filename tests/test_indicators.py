"""Derived indicators: their definitions name real cells, blanks and zeros give None, never an error."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given

from govinfo_report import TemplateVersion, indicators, parse
from govinfo_report.indicators import INDICATORS
from govinfo_report.serialize.wide import wide_row
from govinfo_report.template import iter_cells
from govinfo_report.testing import reports

from .conftest import FIXTURES, SEEDS, seed_text


def test_every_indicator_names_cells_of_both_templates() -> None:
    for version in TemplateVersion:
        cells = {(s.key, r.key, c.key) for s, r, c in iter_cells(version)}
        for indicator in INDICATORS:
            for _, table, row, column in (*indicator.numerator, *indicator.denominator):
                assert (table, row, column) in cells, (version, indicator.key, row, column)


def test_rates_are_the_fractions_of_the_cells() -> None:
    report = parse(seed_text(SEEDS[1]))
    found = indicators(report)
    apps = report.applications
    assert apps is not None
    assert apps.new_received.total is not None
    assert apps.carried_over.total is not None
    assert apps.total.total is not None
    assert found["received_total"] == apps.new_received.total + apps.carried_over.total
    assert found["concluded"] == apps.total.total
    assert found["disclosure_rate"] == (Decimal(apps.granted.total or 0) / apps.total.total).quantize(
        Decimal("0.000001")
    )
    assert found["natural_person_share"] == Decimal("0.923077")  # 24 of 26


def test_an_undetermined_cell_or_a_zero_denominator_gives_none() -> None:
    collapsed = indicators(parse(seed_text(SEEDS[0])))
    assert collapsed["natural_person_share"] is None  # 自然人 is ambiguous in seed 000
    assert collapsed["concluded"] == 7  # 总计 is determined
    pdf = indicators(parse((FIXTURES / "real" / "104_hongze_district_2023.pdf").read_bytes()))
    assert pdf["review_correction_rate"] is None  # 复议 总计 0 − 尚未审结 0
    assert pdf["substantive_disclosure_rate"] == Decimal("0.190476")  # (0 + 4) / 21
    missing = indicators(parse(seed_text(SEEDS[4])))  # no table 三
    assert all(value is None for value in missing.values())


@given(reports())
def test_indicators_of_any_report_are_counts_rates_or_none(report: object) -> None:
    found = indicators(report)  # type: ignore[arg-type]
    assert list(found) == [i.key for i in INDICATORS]
    for indicator in INDICATORS:
        value = found[indicator.key]
        assert value is None or isinstance(value, Decimal if indicator.is_rate else int)
    for key in ("disclosure_rate", "substantive_disclosure_rate", "withheld_rate", "natural_person_share"):
        assert found[key] is None or Decimal(0) <= found[key] <= 1  # type: ignore[operator]


def test_the_wide_form_carries_the_indicators() -> None:
    row = wide_row("001.txt", parse(seed_text(SEEDS[1])))
    assert row["indicator.natural_person_share"] == "0.923077"
    assert row["indicator.concluded"] == "24"
