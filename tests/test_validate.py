from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import ApplicantCounts, Severity, TemplateVersion, ValidationError, records, validate
from govinfo_report.template import iter_cells, tables

from .conftest import SEEDS, fixture_text, seed_text


def broken() -> govinfo_report.Report:
    return govinfo_report.parse(fixture_text("qingshan_2022_broken_total.txt"))


def test_clean_reports_break_no_identity() -> None:
    for text in [fixture_text("qingshan_2022_v2021.txt"), *map(seed_text, SEEDS)]:
        assert [d for d in govinfo_report.parse(text).diagnostics if d.code.startswith("identity-")] == []


def test_a_broken_total_is_reported_on_every_identity_it_breaks() -> None:
    found = {(d.code, d.row, d.column): d for d in broken().diagnostics if d.code.startswith("identity-")}
    assert set(found) == {
        ("identity-r1", None, "natural_person"),
        ("identity-r2", "total", "natural_person"),
        ("identity-r3", "total", "total"),
    }
    r2 = found[("identity-r2", "total", "natural_person")]
    assert r2.severity is Severity.ERROR
    assert r2.difference == -1  # 118 printed, 119 summed
    assert r2.cells[0] == govinfo_report.Cell("applications", "total", "natural_person", 118)
    assert len(r2.cells) == 1 + 21  # 总计 and the 21 leaf result rows of 2021
    assert "118 ≠ 119" in r2.message
    assert found[("identity-r1", None, "natural_person")].difference == 1  # 120 + 6 vs 118 + 7
    assert found[("identity-r3", "total", "total")].difference == 1  # 139 vs 138


def test_numbers_are_never_fixed() -> None:
    report = broken()
    assert report.applications is not None
    assert report.applications.total.natural_person == 118


def test_blank_terms_count_as_zero_and_are_named() -> None:
    report = govinfo_report.parse(fixture_text("qingshan_2022_v2021.txt"))
    assert report.applications is not None
    edited = attrs.evolve(
        report,
        applications=attrs.evolve(report.applications, carried_over=ApplicantCounts(total=7)),
    )
    r3 = [d for d in validate(edited) if d.code == "identity-r3"]
    assert len(r3) == 1
    assert r3[0].row == "carried_over"
    assert "blank terms counted as 0: carried_over/natural_person" in r3[0].message
    assert r3[0].difference == 7


def test_all_blank_identities_are_not_checked() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[0]))  # most rows of 三 are blank
    assert not [d for d in validate(report) if d.code.startswith("identity-")]


def test_negative_counts_break_r5_but_change_may_be_negative() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[0]))  # change = -3, -1, -21
    assert not [d for d in report.diagnostics if d.code == "identity-r5"]
    text = seed_text(SEEDS[0]).replace("規章 | 0 | 0 | 0", "規章 | -4 | 0 | 0")
    r5 = [d for d in govinfo_report.parse(text).diagnostics if d.code == "identity-r5"]
    assert [(d.row, d.column) for d in r5] == [("regulations", "new_made")]


@given(st.sets(st.integers(0, 200), max_size=12))
def test_r5_names_every_negative_unsigned_cell_in_template_order(chosen: set[int]) -> None:
    report = govinfo_report.parse(fixture_text("qingshan_2022_v2021.txt"))
    every = list(iter_cells(report.template))
    negative = [every[i] for i in sorted(chosen) if i < len(every)]
    edited = report
    for spec, row, column in negative:
        records_ = getattr(edited, spec.key)
        record = attrs.evolve(getattr(records_, row.key), **{column.key: -1})
        edited = attrs.evolve(edited, **{spec.key: attrs.evolve(records_, **{row.key: record})})
    r5 = [d for d in validate(edited) if d.code == "identity-r5"]
    expected = [(s.key, r.key, c.key) for s, r, c in negative if not c.signed]
    assert [(d.table, d.row, d.column) for d in r5] == expected
    assert all(d.cells[0].value == -1 for d in r5)


def test_strict_raises_with_every_warning() -> None:
    with pytest.raises(ValidationError) as info:
        govinfo_report.parse(fixture_text("qingshan_2022_broken_total.txt"), strict=True)
    error = info.value
    assert isinstance(error, ValueError)
    assert [d.code for d in error.diagnostics] == ["identity-r1", "identity-r2", "identity-r3"]
    assert "identity-r2 @ applications/total/natural_person: R2" in str(error)
    assert isinstance(error.report, govinfo_report.Report)


def test_strict_passes_a_clean_report() -> None:
    report = govinfo_report.parse(fixture_text("qingshan_2022_v2021.txt"), strict=True)
    assert report.year == 2022


def test_strict_counts_undetermined_cells_as_problems() -> None:
    with pytest.raises(ValidationError) as info:
        govinfo_report.parse(seed_text(SEEDS[0]), strict=True)
    assert {d.code for d in info.value.diagnostics} == {"cell-ambiguous"}


def test_schema_classes_and_template_agree_key_for_key() -> None:
    rows_by_class: dict[type, set[str]] = {}
    for version in TemplateVersion:
        for spec in tables(version):
            rows_by_class.setdefault(records.table_class(spec), set()).update(r.key for r in spec.data_rows)
            for row in spec.data_rows:
                cls = records.row_class(tuple(c.key for c in row.columns))
                assert [f.name for f in attrs.fields(cls)] == [c.key for c in row.columns]
    # a class shared by both versions (table 三, 四) has the rows of either
    for cls, rows in rows_by_class.items():
        assert {f.name for f in attrs.fields(cls)} == rows, cls.__name__


@pytest.mark.parametrize("version", list(TemplateVersion))
def test_identities_are_over_cells_of_their_table(version: TemplateVersion) -> None:
    for spec in tables(version):
        cells = {(r.key, c.key) for r in spec.data_rows for c in r.columns}
        for identity in spec.identities:
            assert set(identity.cells) <= cells, identity.code
    codes = [i.code for spec in tables(version) for i in spec.identities]
    assert codes.count("identity-r1") == codes.count("identity-r2") == 7
    assert codes.count("identity-r4") == 3
