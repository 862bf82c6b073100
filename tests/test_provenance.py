"""Every value in a Report was read from the source, at the place its span names."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo_report
from govinfo_report.normalize import Money, parse_money, to_wan

from .conftest import SEEDS, seed_text


def read_from_source(report: govinfo_report.Report, text: str) -> list[str]:
    """Return every value of ``report`` that is not what ``text`` prints at its span."""
    problems = []
    line_starts = [0]
    for index, char in enumerate(text):
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            line_starts.append(index + 1)
    for cell in govinfo_report.cells(report):
        where = f"{cell.table}/{cell.row}/{cell.column}"
        if cell.value is None:
            if cell.span is not None:
                problems.append(f"{where}: blank but has a span")
            continue
        if cell.span is None:
            problems.append(f"{where}: {cell.value!r} has no span")
            continue
        printed = text[cell.span.start : cell.span.end]
        parsed = parse_money(printed)
        if parsed is None:
            problems.append(f"{where}: {cell.value!r} read from {printed!r}, which is not a number")
            continue
        amount, unit = parsed
        readings = {amount, to_wan(amount, Money.YUAN)} if isinstance(cell.value, Decimal) else {amount}
        if unit == Money.YUAN:
            readings = {to_wan(amount, unit)}
        if cell.value not in readings:
            problems.append(f"{where}: {cell.value!r} but the source says {printed!r}")
        line = max(i for i, start in enumerate(line_starts) if start <= cell.span.start) + 1
        if line != cell.span.line:
            problems.append(f"{where}: span says line {cell.span.line}, offset is on line {line}")
    return problems


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_values_are_read_where_their_span_says(stem: str) -> None:
    text = seed_text(stem)
    report = govinfo_report.parse(text)
    assert read_from_source(report, text) == []
    assert len(report.provenance) == sum(c.value is not None for c in govinfo_report.cells(report))


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_spans_count_every_newline_convention_and_a_bom(newline: str) -> None:
    text = "\ufeff" + seed_text(SEEDS[0]).replace("\n", newline)
    report = govinfo_report.parse(text)
    assert read_from_source(report, text) == []


def test_spans_of_bytes_point_into_the_decoded_text() -> None:
    data = seed_text(SEEDS[0]).encode("big5", errors="replace")
    report = govinfo_report.parse(data)
    assert read_from_source(report, govinfo_report.decode(data)) == []


def test_provenance_is_not_part_of_equality_and_is_serialized_on_request() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[1]))
    import attrs

    assert attrs.evolve(report, provenance=()) == report
    assert "provenance" not in govinfo_report.to_dict(report)
    document = govinfo_report.to_json(report, provenance=True)
    back = govinfo_report.from_json(document)
    assert back.provenance == report.provenance
    assert govinfo_report.from_json(govinfo_report.to_json(report)).provenance == ()
