"""Crawler text with no cell separators: runs split by the identities, never by guessing."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from decimal import Decimal
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import Report, Severity, TemplateVersion, parse, split
from govinfo_report.normalize import parse_money
from govinfo_report.readers.text import break_at_headings
from govinfo_report.render import render
from govinfo_report.split import MAX_STEPS, RowRun, solve, splits
from govinfo_report.template import Identity, table
from govinfo_report.testing import reports
from govinfo_report.tokenizers import GluedTokenizer

from .conftest import fixture_text, real_bytes, real_golden

V2021 = fixture_text("qingshan_2022_v2021.txt")
GLUED_GOLDEN = ["005_pingtan_2021", "110_pingtan_natres_2019"]


def ambiguous(report: Report) -> dict[tuple[str, str, str], list[object]]:
    """Each ambiguous cell and the values it could take (the diagnostic's cells)."""
    return {
        (d.table or "", d.row or "", d.column or ""): [c.value for c in d.cells]
        for d in report.diagnostics
        if d.code == "cell-ambiguous"
    }


def check_against_truth(parsed: Report, truth: Mapping[tuple[str, str, str], object]) -> list[str]:
    """Every value read is the truth; every true value left blank has a diagnostic that lists it."""
    problems = []
    open_cells = ambiguous(parsed)
    for cell in govinfo_report.cells(parsed):
        key = (cell.table, cell.row, cell.column)
        want = truth[key]
        if cell.value is not None:
            if want is None or Decimal(str(want)) != cell.value:
                problems.append(f"{key}: read {cell.value}, the source says {want}")
        elif want is not None and key in open_cells:
            if Decimal(str(want)) not in [Decimal(str(c)) for c in open_cells[key]]:
                problems.append(f"{key}: blank, but {want} is not among its candidates {open_cells[key]}")
        elif want is not None:
            problems.append(f"{key}: blank ({want} in the source) with no cell-ambiguous diagnostic")
    return problems


@pytest.mark.parametrize("stem", GLUED_GOLDEN)
def test_glued_real_reports_read_only_what_the_text_determines(stem: str) -> None:
    report = parse(real_bytes(f"{stem}.txt"))
    truth = {(c["table"], c["row"], c["column"]): c["value"] for c in real_golden(stem)["cells"]}
    assert check_against_truth(report, truth) == []
    blank = {key for key in ambiguous(report)}
    assert {key[0] for key in blank} == {"active_disclosure"}  # 二 has no identities; 三 and 四 split fully
    assert {t.layout for t in report.tables_read} == {"glued"}


def test_a_glued_report_that_does_not_add_up_is_reported_not_fixed() -> None:
    report = parse(real_bytes("004_pingtan_2020.txt"))
    assert isinstance(report.active_disclosure, govinfo_report.ActiveDisclosure2019)
    fees = report.active_disclosure.administrative_fees
    assert (fees.previous_count, fees.change) == (35, -15)  # a minus sign only where the column is signed
    punishment = ambiguous(report)[("active_disclosure", "administrative_punishment", "change")]
    assert -18 in punishment
    assert report.active_disclosure.administrative_punishment.previous_count == 2648
    r2 = [d for d in report.diagnostics if d.code == "identity-r2"]
    assert r2
    assert all(d.severity is Severity.ERROR for d in r2)


def test_headings_run_into_one_line_are_put_on_lines_of_their_own() -> None:
    line = (
        "正文……本年度报告。二、主动公开政府信息情况 第二十条规章000"
        "三、本年度办理结果（一）予以公开1001三、收到和处理政府信息公开申请情况自然人"
    )
    pieces = [line[a:b] for a, b in break_at_headings(line)]
    assert pieces == [
        "正文……本年度报告。",
        "二、主动公开政府信息情况",
        " 第二十条规章000三、本年度办理结果（一）予以公开1001",
        "三、收到和处理政府信息公开申请情况",
        "自然人",
    ]


def test_a_long_line_with_no_heading_in_it_leaves_the_lines_as_they_are() -> None:
    from govinfo_report.readers import TextReader
    from govinfo_report.readers.text import LONG_LINE

    prose = "本年度，我局认真贯彻落实政府信息公开条例。" * (LONG_LINE // 10)
    text = f"一、总体情况\n{prose}\n二、主动公开政府信息情况\n"
    document = TextReader().read(text)
    assert document.segments is None
    assert document.lines == tuple(text.split("\n"))
    cut = TextReader().read(text.replace(prose, prose + "二、主动公开政府信息情况"))
    assert cut.segments is not None
    assert cut.lines[2] == "二、主动公开政府信息情况"


def _break_by_folding_first(line: str) -> list[tuple[int, int]]:
    """``break_at_headings`` as it was defined: the line folded, then the heading pattern searched in it."""
    from govinfo_report.normalize import fold_chars
    from govinfo_report.readers.text import _INLINE_HEADING, cut_at_headings

    found = ((m.start(), m.end(), m.group("title")) for m in _INLINE_HEADING.finditer(fold_chars(line)))
    return cut_at_headings(len(line), found)


_LINE_PIECES = (
    *(
        "二、",
        "六 、",
        "二",
        "六",
        "\uf9d1",
        "、",
        "､",
        " ",
        "\u3000",
        "\x1c",
        "。",
        "，",
        "１",
        "1",
        "自然人",
        "情",
        "況",
        "事",
    ),
    *("主动公开政府信息情况", "主動公開政府資訊情況", "其他需要报告的事项", "其他需要報告的事項", "收到和处理"),
)


@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=30))
def test_breaking_long_lines_is_searching_them_folded(pieces: list[str]) -> None:
    line = "".join(pieces)
    assert break_at_headings(line) == _break_by_folding_first(line)


def test_a_list_numeral_glued_to_the_digits_before_it_is_taken_back_by_its_label() -> None:
    text = V2021.replace(
        "\t\t5．属于三类内部事务信息\t2\t0\t0\t0\t0\t0\t2\n\t\t6．属于四类过程性信息\t3\t0\t0\t0\t0\t0\t3\n",
        "\t\t5．属于三类内部事务信息20000026.属于四类过程性信息3000003\n",
    )
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    stop = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开"))
    glued = "".join(line.replace("\t", "") for line in lines[start + 1 : stop])
    report = parse("\n".join([*lines[: start + 1], glued, *lines[stop:]]))
    assert report.applications == parse(V2021).applications
    assert any(d.code == "list-numeral-unglued" and d.row == "withheld_process_information" for d in report.diagnostics)


# The split itself ---------------------------------------------------------------------


def test_splits_respect_how_the_template_prints_numbers() -> None:
    docs = table(TemplateVersion.V2019, "active_disclosure").row("regulations").columns
    assert list(splits("000", docs)) == [(0, 1, 2)]
    assert list(splits("0012", docs)) == [(0, 1, 2)]  # "0" never leads a longer number
    items = table(TemplateVersion.V2019, "active_disclosure").row("administrative_fees").columns
    assert list(splits("35-15", items)) == [(0, 2)]  # the sign starts the signed column only
    money = table(TemplateVersion.V2019, "active_disclosure").row("centralized_procurement").columns
    assert [(0, c[1]) for c in splits("82059.2090", money)] == [(0, 1), (0, 3), (0, 4)]


def test_a_run_determined_by_its_row_identity_is_split_and_said_so() -> None:
    spec = table(TemplateVersion.V2021, "applications")
    row = spec.row("new_received")
    outcome = solve([RowRun(row.key, tuple((row.key, c) for c in row.columns), "640020470")], spec.identities, {})
    assert [outcome.cells[(row.key, c.key)][0] for c in row.columns] == ["64", "0", "0", "2", "0", "4", "70"]  # type: ignore[index]
    assert outcome.by_identities == ("new_received",)


def test_the_worst_case_search_is_bounded() -> None:
    """25 rows of 14-digit runs, and of 40-digit runs: every run either splits or says it reached the bound.

    Timings are in ``benchmarks/glued.py`` (well under a second for the 14-digit table).
    """
    spec = table(TemplateVersion.V2021, "applications")
    rnd = random.Random(7)
    for length in (14, 40):
        runs = [
            RowRun(r.key, tuple((r.key, c) for c in r.columns), "".join(rnd.choices("0123456789", k=length)))
            for r in spec.data_rows[:25]
        ]
        outcome = solve(runs, spec.identities, {})
        decided = set(outcome.unsplittable) | set(outcome.too_long) | {r for r, _ in outcome.cells}
        assert decided >= {run.key for run in runs}
    assert MAX_STEPS <= 10_000


# Properties ---------------------------------------------------------------------------


def _spaced(text: str, seed: int) -> str:
    """Put a stray space after some digits, as crawler text has them (``23 0 00 0 023``)."""
    rnd = random.Random(seed)
    return "".join(ch + (" " if ch.isdigit() and rnd.random() < 0.05 else "") for ch in text)


@given(report=reports(blanks=False), seed=st.integers(0, 2**16), spaces=st.booleans())
def test_glued_renderings_give_what_the_identities_determine(report: Report, seed: int, spaces: bool) -> None:
    text = render(report, layout="glued")
    text = _spaced(text, seed) if spaces else text
    parsed = parse(text)
    assert parsed.template is report.template
    truth = {(c.table, c.row, c.column): c.value for c in govinfo_report.cells(report)}
    assert check_against_truth(parsed, truth) == []
    # provenance: each split value is its digits inside the run (stray spaces aside)
    for cell in govinfo_report.cells(parsed):
        if cell.value is not None:
            assert cell.span is not None
            printed = "".join(text[cell.span.start : cell.span.end].split())
            parsed_money = parse_money(printed)
            assert parsed_money is not None
            assert parsed_money[0] == cell.value


def test_glued_is_detected_and_named() -> None:
    text = render(parse(V2021), layout="glued")
    report = parse(text)
    assert {t.layout for t in report.tables_read} == {"glued"}
    assert GluedTokenizer().score(["规章 | 0 | 0 | 0", "行政许可 | 5"]) == 0.0
    assert GluedTokenizer().score(["全年受理申请25件，办结20件，公开15条。"]) == 0.0


@given(st.text(alphabet="0123456789a\u0663-.", max_size=6))
def test_a_count_piece_is_valid_as_the_count_pattern_says(piece: str) -> None:
    # split._valid reads ASCII pieces by string tests; the pattern is the definition
    from govinfo_report import split
    from govinfo_report.template import iter_cells

    count = next(c for _, _, c in iter_cells(TemplateVersion.V2021) if not c.money and not c.signed)
    assert split._valid(piece, count) == (split._COUNT.fullmatch(piece) is not None)


def _glued_score_by_one_pass(lines: list[str]) -> float:
    """``GluedTokenizer.score`` as first written: every scan of every line in one pass."""
    from govinfo_report.tokenizers import glued

    joins = joined_lines = 0
    long_run = glued_zeros = False
    for line in lines:
        line = line[:10_000]
        if glued._delimited(line):
            continue
        found = len(glued._GLUE.findall(line))
        joins += found
        joined_lines += found > 0 and glued._TIGHT.search(line) is not None
        for match in glued._LONG_JOIN.finditer(line):
            long_run = True
            glued_zeros = glued_zeros or glued._LEADING_ZERO.search(match.group()) is not None
    if joins < glued.MIN_JOINS:
        if long_run and joins >= 1:
            return 0.9 if glued_zeros else 0.5
        return 0.0
    numbered = [line for line in lines if glued._DIGIT.search(line)]
    return 0.95 * joined_lines / max(1, len(numbered))


@given(st.lists(st.text(alphabet=st.sampled_from("申请数量总计0012345 \t|件）."), max_size=30), max_size=8))
@example(["总计1 00 2 00 3 00 4"])  # one join, a long run with "00" set apart
@example(["总计1234567891", "数量12"])  # two joins, a long run
@example(["总计12件", "数量3"])  # one join, no long run
def test_glued_score_looks_for_long_runs_only_when_the_joins_leave_it_open(lines: list[str]) -> None:
    assert GluedTokenizer().score(lines) == _glued_score_by_one_pass(lines)


@pytest.mark.parametrize("stem", ["004_pingtan_2020", "005_pingtan_2021", "110_pingtan_natres_2019"])
def test_glued_score_of_real_glued_text_is_the_one_pass_score(stem: str) -> None:
    lines = real_bytes(f"{stem}.txt").decode("utf-8").splitlines()
    assert GluedTokenizer().score(lines) == _glued_score_by_one_pass(lines) > 0


@settings(max_examples=30, deadline=None)
@given(reports())
def test_cuts_made_block_by_block_are_not_checked_again_against_their_blocks(report: Report) -> None:
    # the identities a run was cut by hold of every cut by construction: checking them again changes nothing
    text = render(report, layout="glued")
    skipped = govinfo_report.to_json(parse(text))
    original = split._blocks

    def blocks_checked_again(run: RowRun, identities: Sequence[Identity]) -> object:
        found = original(run, identities)
        return None if found is None else (found[0], [])

    with mock.patch.object(split, "_blocks", blocks_checked_again):
        checked = govinfo_report.to_json(parse(text))
    assert skipped == checked


def test_a_runs_plan_is_worked_out_once_and_is_what_its_cells_and_identities_give() -> None:
    from govinfo_report.template import tables

    for version in TemplateVersion:
        for spec in tables(version):
            for row in spec.data_rows:
                run = RowRun(row.key, tuple((row.key, c) for c in row.columns), "1")
                own = tuple(i for i in spec.identities if i.rows <= run.rows)
                expected = (own, split._blocks(run, own))
                assert split._plan(run, spec.identities) == expected
                assert split._plan(run, spec.identities) == expected  # from the plans kept
                assert split._plan(run, list(spec.identities)) == expected  # another sequence, the same
                assert split._plan(run, ()) == ((), None)  # other identities: not the kept plan
