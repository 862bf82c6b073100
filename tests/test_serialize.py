from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import records, schema
from govinfo_report.serialize import (
    SCHEMA_VERSION,
    SerializationError,
    from_dict,
    from_json,
    to_dict,
    to_json,
    write_csv,
    write_jsonl,
)
from govinfo_report.template import tables

from .conftest import FIXTURES

ALL_FIXTURES = sorted(FIXTURES.glob("*.txt"))

counts = st.none() | st.integers(-(10**12), 10**12)
money = st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9)


@st.composite
def table_of(draw: st.DrawFn, spec: Any) -> Any:
    values = {}
    for row in spec.data_rows:
        for column in row.columns:
            values[(row.key, column.key)] = draw(money if column.money else counts)
    return records.build(spec, values)


@st.composite
def reports(draw: st.DrawFn) -> schema.Report:
    version = draw(st.sampled_from(schema.TemplateVersion))
    active, applications, reviews = tables(version)
    cell = st.builds(schema.Cell, st.sampled_from(["applications"]), st.text(max_size=5), st.text(max_size=5), counts)
    diagnostic = st.builds(
        schema.Diagnostic,
        code=st.text(min_size=1, max_size=12),
        severity=st.sampled_from(schema.Severity),
        message=st.text(max_size=40),
        line=st.none() | st.integers(1, 10**6),
        table=st.none() | st.sampled_from(["applications", "reviews"]),
        row=st.none() | st.text(max_size=8),
        column=st.none() | st.text(max_size=8),
        cells=st.lists(cell, max_size=3).map(tuple),
        difference=st.none() | st.integers(-50, 50) | st.decimals(allow_nan=False, allow_infinity=False, places=2),
    )
    section = st.builds(
        schema.Section,
        number=st.none() | st.integers(1, 10),
        key=st.none() | st.sampled_from(["overview", "problems"]),
        title=st.text(max_size=20),
        text=st.text(max_size=200),
        line=st.integers(1, 5000),
    )
    return schema.Report(
        title=draw(st.none() | st.text(max_size=40)),
        organization=draw(st.none() | st.text(max_size=20)),
        year=draw(st.none() | st.integers(2000, 2100)),
        published=draw(st.none() | st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))),
        template=version,
        script=draw(st.sampled_from(schema.Script)),
        sections=tuple(draw(st.lists(section, max_size=4))),
        active_disclosure=draw(st.none() | table_of(active)),
        applications=draw(st.none() | table_of(applications)),
        reviews=draw(st.none() | table_of(reviews)),
        diagnostics=tuple(draw(st.lists(diagnostic, max_size=4))),
    )


@given(reports())
def test_json_round_trip_property(report: schema.Report) -> None:
    assert from_json(to_json(report)) == report


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.stem)
def test_json_round_trip_on_fixtures(path: Any) -> None:
    report = govinfo_report.parse(path.read_text(encoding="utf-8"))
    text = to_json(report)
    assert from_json(text) == report
    assert from_json(text.encode()) == report


def test_document_shape() -> None:
    report = govinfo_report.parse((FIXTURES / "001_7d13f807e6d276cb.txt").read_text(encoding="utf-8"))
    data = json.loads(to_json(report))
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["template"] == "2019"
    assert data["script"] == "traditional"
    assert data["active_disclosure"]["centralized_procurement"]["amount"] == "145.4464"
    assert data["applications"]["new_received"]["total"] == 26


def _document() -> dict[str, Any]:
    report = govinfo_report.parse((FIXTURES / "qingshan_2022_v2021.txt").read_text(encoding="utf-8"))
    return to_dict(report)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["applications"]["total"].__setitem__("total", "139"),  # "7" is not 7
        lambda d: d["active_disclosure"]["administrative_fees"].__setitem__("amount", 1024.56),  # floats lose digits
        lambda d: d.__setitem__("unexpected", 1),  # extra keys
        lambda d: d["reviews"]["litigation_direct"].__setitem__("appealed", 3),
        lambda d: d.__setitem__("schema_version", 99),
        lambda d: d.__setitem__("published", "yesterday"),
        lambda d: d.__setitem__("year", 2022.0),
        lambda d: d["active_disclosure"]["administrative_fees"].__setitem__("amount", "1.2e3"),  # not as written
        lambda d: d["active_disclosure"]["administrative_fees"].__setitem__("amount", "12\n"),
        lambda d: d["active_disclosure"]["administrative_fees"].__setitem__("amount", "NaN"),
    ],
)
def test_structuring_is_strict(damage: Any) -> None:
    document = _document()
    damage(document)
    with pytest.raises(SerializationError):
        from_dict(document)


def test_not_json_is_a_serialization_error() -> None:
    with pytest.raises(SerializationError):
        from_json("{not json")
    with pytest.raises(SerializationError):
        from_json("[1, 2]")


def test_2019_and_2021_tables_come_back_as_their_classes() -> None:
    for name, cls in [
        ("003_4ec185c68d50ccd4.txt", schema.ActiveDisclosure2019),
        ("qingshan_2022_v2021.txt", schema.ActiveDisclosure2021),
    ]:
        report = govinfo_report.parse((FIXTURES / name).read_text(encoding="utf-8"))
        assert type(from_json(to_json(report)).active_disclosure) is cls


def test_csv_long_format_keeps_blanks_and_exact_money() -> None:
    report = govinfo_report.parse((FIXTURES / "000_fb35a360553c7541.txt").read_text(encoding="utf-8"))
    out = io.StringIO()
    assert write_csv([("000.txt", report)], out) == 198
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["source", "organization", "year", "template", "table", "row", "column", "value"]
    by_key = {(r["row"], r["column"]): r["value"] for r in rows}
    assert by_key[("centralized_procurement", "amount")] == "1372.16"
    assert by_key[("new_received", "total")] == "7"
    assert by_key[("declined_duplicate", "total")] == "1"
    assert by_key[("carried_over", "natural_person")] == ""  # blank, not 0


def test_jsonl_long_format() -> None:
    report = govinfo_report.parse((FIXTURES / "001_7d13f807e6d276cb.txt").read_text(encoding="utf-8"))
    out = io.StringIO()
    write_jsonl([("001.txt", report), ("again.txt", report)], out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 396
    amount = next(r for r in lines if r["column"] == "amount")
    assert amount == {
        "source": "001.txt",
        "organization": report.organization,
        "year": 2019,
        "template": "2019",
        "table": "active_disclosure",
        "row": "centralized_procurement",
        "column": "amount",
        "value": "145.4464",
    }
    assert Decimal(amount["value"]) == Decimal("145.4464")


def test_round_trip_keeps_evolved_reports_equal() -> None:
    report = govinfo_report.parse((FIXTURES / "002_0d16514126ac40ad.txt").read_text(encoding="utf-8"))
    edited = attrs.evolve(report, year=None, published=datetime.date(2020, 2, 29))
    assert from_json(to_json(edited)) == edited
