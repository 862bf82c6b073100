"""Every value in a Report was read from the source, at the place its span names."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

import govinfo_report
from govinfo_report.normalize import Money, parse_money, to_wan

from .conftest import SEEDS, seed_text


def read_from_source(
    report: govinfo_report.Report, text: str, clean: Callable[[str], str] = lambda printed: printed
) -> list[str]:
    """Return every value of ``report`` that is not what ``text`` prints at its span (after ``clean``)."""
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
        printed = clean(text[cell.span.start : cell.span.end])
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


# Real reports and damaged renderings ---------------------------------------------------

import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from govinfo_report.render import render  # noqa: E402
from govinfo_report.testing import reports  # noqa: E402

from .conftest import REAL_GOLDEN, real_bytes, real_golden  # noqa: E402

#: Real reports that are text (the PDF, the HTML page and the glued crawler text are read
#: by later readers); their values must be read where their spans say.
REAL_TEXT = [
    "011_shanghai_office_2025.txt",
    "105_hongze_district_2023_layout.txt",
    "106_hongze_district_2023_plumber.txt",
]


@pytest.mark.parametrize("name", REAL_TEXT)
def test_real_values_are_read_where_their_span_says(name: str) -> None:
    data = real_bytes(name)
    report = govinfo_report.parse(data)
    assert read_from_source(report, govinfo_report.decode(data)) == []


@pytest.mark.parametrize("name", REAL_TEXT)
def test_real_reports_have_no_invented_or_misread_value(name: str) -> None:
    stem = name.rsplit(".", 1)[0]
    assert stem in REAL_GOLDEN
    want = {(c["table"], c["row"], c["column"]): c["value"] for c in real_golden(stem)["cells"]}
    report = govinfo_report.parse(real_bytes(name))
    wrong = []
    for cell in govinfo_report.cells(report):
        expected = want[(cell.table, cell.row, cell.column)]
        if cell.value is not None and (expected is None or Decimal(str(expected)) != cell.value):
            wrong.append(f"{cell.table}/{cell.row}/{cell.column}: {cell.value!r}, the source says {expected!r}")
    assert wrong == []


@pytest.mark.parametrize("name", REAL_TEXT)
def test_real_texts_are_read_exactly(name: str) -> None:
    stem = name.rsplit(".", 1)[0]
    report = govinfo_report.parse(real_bytes(name))
    got = [(c.table, c.row, c.column, c.value) for c in govinfo_report.cells(report)]
    want = [
        (c["table"], c["row"], c["column"], None if c["value"] is None else Decimal(str(c["value"])))
        for c in real_golden(stem)["cells"]
    ]
    assert got == want
    if name.startswith("10"):
        r4 = {d.row for d in report.diagnostics if d.code == "identity-r4"}
        assert r4 == {"administrative_review", "litigation_after_review"}  # broken in the source: reported


_NUMBER_CELL = re.compile(r"(?<![\d.,])\d{2,}(?![\d.,])")


@st.composite
def damaged(draw: st.DrawFn) -> tuple[govinfo_report.Report, str]:
    """A generated report rendered in some layout, then damaged as PDF text gets damaged."""
    report = draw(reports(broken=draw(st.booleans())))
    layout = draw(st.sampled_from(["pipe", "tab", "wrapped", "spaced", "lines"]))
    lines = render(report, layout=layout).split("\n")
    furniture = ["— 3 —", "- 4 -", "-5-", "第 3 页 共 9 页"]
    if layout in ("pipe", "tab"):
        furniture.append("7")  # a bare page number between two delimited rows
    header = "某某区人民政府2023年政府信息公开工作年度报告"
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        page = draw(st.sampled_from(furniture))
        lines[at:at] = [page, header] if draw(st.booleans()) else [page]
    if layout != "lines":
        for _ in range(draw(st.integers(0, 3))):
            at = draw(st.integers(0, len(lines) - 1))
            # split a number's digits with spaces: never one number again
            lines[at] = _NUMBER_CELL.sub(lambda m: " ".join(m.group()), lines[at], count=1)
    return report, "\n".join(lines)


@given(case=damaged())
def test_damaged_renderings_invent_nothing(case: tuple[govinfo_report.Report, str]) -> None:
    """Whatever the damage, every value is read where its span says, and is the report's own
    (in its own cell, unless a diagnostic names the cell as placed by the identities).
    """
    report, text = case
    try:
        parsed = govinfo_report.parse(text)
    except govinfo_report.GovinfoReportError:
        return
    assert read_from_source(parsed, text) == []
    original = {(c.table, c.row, c.column): c.value for c in govinfo_report.cells(report)}
    # one cell per line loses blanks; a collapsed row's placement is an inference it names
    inferred = {(d.table, d.row, d.column) for d in parsed.diagnostics if d.code == "cell-inferred"}
    for cell in govinfo_report.cells(parsed):
        where = (cell.table, cell.row, cell.column)
        if cell.value is not None and parsed.template is report.template and where not in inferred:
            assert cell.value == original[(cell.table, cell.row, cell.column)], (cell, text)


def test_lines_cut_at_headings_map_by_one_offset_each() -> None:
    from govinfo_report.readers import ContiguousSegments, Document

    segments = ContiguousSegments(["一、总体情况", "正文"], [5, 20])
    assert len(segments) == 2
    assert segments[1] == segments[-1] == ((0, 20, 22, True),)
    assert segments[0:2] == [((0, 5, 11, True),), ((0, 20, 22, True),)]
    text = "x" * 5 + "一、总体情况" + "y" * 9 + "正文"
    document = Document(text, ("一、总体情况", "正文"), "text", segments=segments)
    assert document.locate(1, 0, 2) == (1, 20, 22)
    assert text[20:22] == "正文"
    with pytest.raises(ValueError, match="one offset per line"):
        ContiguousSegments(["a"], [])


@given(
    st.lists(st.text(alphabet="ab", max_size=6), min_size=1, max_size=5),
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 8), st.integers(0, 8)), max_size=8),
)
def test_source_ranges_are_source_range_of_each_place(lines: list[str], places: list[tuple[int, int, int]]) -> None:
    from govinfo_report.readers import ContiguousSegments, Document

    offsets = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    segments = ContiguousSegments(lines, offsets)
    places = [(line % len(lines), start, end) for line, start, end in places]
    assert segments.source_ranges(places) == [segments.source_range(*place) for place in places]
    document = Document("\n".join(lines), tuple(lines), "text", segments=segments)
    assert document.locate_all(places) == [document.locate(*place) for place in places]


@given(
    st.lists(st.text(alphabet="ab\n", max_size=6), min_size=1, max_size=6),
    st.data(),
)
def test_contiguous_segments_locate_as_the_same_segments_spelled_out(pieces: list[str], data: st.DataObject) -> None:
    # Document.locate takes a shortcut for ContiguousSegments; it must map every span as
    # the general path does over the same segments as tuples.
    from govinfo_report.readers import ContiguousSegments, Document

    lines = [piece.replace("\n", "") for piece in pieces]
    text = "\n".join(pieces)
    offsets = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=len(lines), max_size=len(lines))))
    contiguous = ContiguousSegments(lines, offsets)
    spelled = [contiguous[i] for i in range(len(lines))]
    fast = Document(text, tuple(lines), "text", segments=contiguous)
    general = Document(text, tuple(lines), "text", segments=spelled)
    line = data.draw(st.integers(0, len(lines) - 1))
    start = data.draw(st.integers(0, len(lines[line]) + 1))
    end = data.draw(st.integers(start, len(lines[line]) + 2))
    assert fast.locate(line, start, end) == general.locate(line, start, end)
    # locate_all maps as locate does, place by place, with each kind of segments and none
    places = [(line, start, end), *((i, 0, len(lines[i])) for i in range(len(lines)))]
    plain = Document(text, tuple(text.split("\n")), "text")
    for document in (fast, general, plain):
        assert document.locate_all(places) == [document.locate(*place) for place in places]


@given(st.text(alphabet="a国\r\n\ufeff", max_size=40))
def test_line_starts_are_where_each_newline_convention_ends_a_line(text: str) -> None:
    # line_starts splits at LF when no CR stands alone; the regular expression of the three
    # conventions is the definition it must agree with.
    from govinfo_report.readers.base import line_starts

    expected = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
    expected[0] = len(text) - len(text.lstrip("\ufeff"))
    assert line_starts(text) == expected


def test_spans_and_provenances_built_by_their_slots_are_what_their_classes_build() -> None:
    import attrs

    from govinfo_report import parser
    from govinfo_report.schema import Provenance, Span

    span_fields = attrs.fields(Span)
    assert [f.name for f in span_fields] == ["line", "start", "end", "page", "box"]
    assert [f.default for f in span_fields[3:]] == [None, None]
    assert [f.name for f in attrs.fields(Provenance)] == ["table", "row", "column", "span"]
    for field in (*span_fields, *attrs.fields(Provenance)):
        assert field.converter is None
        assert field.validator is None
        assert field.on_setattr is None
    span = parser._span(3, 10, 12)
    assert span == Span(3, 10, 12)
    assert repr(span) == repr(Span(3, 10, 12))
    assert hash(span) == hash(Span(3, 10, 12))
    placed = parser._placed("applications", "new", "natural_person", span)
    assert placed == Provenance("applications", "new", "natural_person", Span(3, 10, 12))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.line = 4  # type: ignore[misc]


def test_a_diagnostic_moved_to_a_source_line_keeps_every_other_field() -> None:
    # parse spells attrs.evolve(diagnostic, line=...) out for speed: it must keep up with the fields
    import attrs

    from govinfo_report import parser
    from govinfo_report.schema import Cell, Diagnostic, Severity

    assert [f.name for f in attrs.fields(Diagnostic)] == [
        "code",
        "severity",
        "message",
        "line",
        "table",
        "row",
        "column",
        "cells",
        "difference",
    ]
    diagnostic = Diagnostic(
        "identity-r1",
        Severity.ERROR,
        "R1: 1 ≠ 2",
        3,
        "applications",
        "total",
        "total",
        (Cell("applications", "total", "total", 1),),
        -1,
    )
    moved = parser._at_line(diagnostic, 7)
    assert moved == attrs.evolve(diagnostic, line=7)
    assert attrs.astuple(moved, recurse=False) == attrs.astuple(attrs.evolve(diagnostic, line=7), recurse=False)


def test_a_repeated_row_keeps_the_first_rows_numbers_and_spans() -> None:
    # alignment locates a row's cells only after its label: a repeat (whose numbers are not
    # read) is never located, and the values point at the row they came from
    text = seed_text("002_0d16514126ac40ad")
    row = "\t(七) 总计\t67\t6\t2\t0\t1\t1\t77\n"
    assert row in text
    repeated = text.replace(row, row + "\t(七) 总计\t68\t6\t2\t0\t1\t1\t78\n", 1)
    report = govinfo_report.parse(repeated)
    assert report.applications is not None
    assert report.applications.total.natural_person == 67
    assert report.applications.total.total == 77
    assert any(d.code == "row-duplicate" for d in report.diagnostics)
    assert read_from_source(report, repeated) == []
    first = repeated[: repeated.index(row)].count("\n") + 1
    spans = {
        c.span.line
        for c in govinfo_report.cells(report)
        if c.table == "applications" and c.row == "total" and c.span is not None
    }
    assert spans == {first}
