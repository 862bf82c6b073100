"""Text as PDF extraction leaves it: spaced columns, page furniture, markdown, wrapped groups."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.furniture import find_furniture, is_page_number
from govinfo_report.normalize import fold
from govinfo_report.tokenizers import SpacedTokenizer

from .conftest import fixture_text, seed_text

V2021 = fixture_text("qingshan_2022_v2021.txt")
OVERDUE = "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"


@pytest.mark.parametrize("cut", [8, 12, 24])
def test_wrapped_group_label_sharing_a_line_with_its_first_row(cut: int) -> None:
    row = f"\t（六）其他处理\t{OVERDUE}\t5\t1\t0\t0\t0\t0\t6\n"
    assert row in V2021
    text = V2021.replace(row, f"\t（六）其他处理\t{OVERDUE[:cut]}\t5\t1\t0\t0\t0\t0\t6\n\n\t\t{OVERDUE[cut:]}\n")
    report = govinfo_report.parse(text)
    assert report.applications == govinfo_report.parse(V2021).applications


@given(st.text(alphabet=" \t-~·第共页pPaAgGeE.of/,12\u0663x", max_size=16))
def test_page_numbers_are_what_the_pattern_matches(line: str) -> None:
    # is_page_number looks at the first character before the pattern, _is_bare_number at the length
    from govinfo_report import furniture

    assert is_page_number(line) == (furniture._PAGE_NUMBER.match(line.strip()) is not None)
    assert furniture._is_bare_number(line) == (furniture._BARE_NUMBER.match(line.strip()) is not None)


@pytest.mark.parametrize("line", ["— 5 —", "- 4 -", "-1-", "第 3 页 共 9 页", "第3页", "Page 3 of 9"])
def test_page_numbers(line: str) -> None:
    assert is_page_number(fold(line))


@pytest.mark.parametrize("line", ["3", "2023", "-3", "第二十条第（五）项", "（七）总计 | 3"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(fold(line))


def test_a_bare_number_is_furniture_only_between_delimited_rows() -> None:
    lines = ["规章 | 1 | 2 | 3", "3", "行政许可 | 5", "", "8", "规章", "4"]
    assert find_furniture([fold(line) for line in lines]).page_numbers == (1,)


def _between_delimited_rows_by_definition(folded: list[str], index: int) -> bool:
    # the nearest non-blank line on each side, and the pattern the module once searched with
    neighbours = []
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(folded) and not folded[at].strip():
            at += step
        neighbours.append(0 <= at < len(folded) and re.search(r"[|\t]", folded[at]) is not None)
    return all(neighbours)


@given(st.lists(st.text(alphabet=" \t|｜1a", max_size=4), max_size=8), st.integers(0, 7))
def test_between_delimited_rows_is_its_definition(lines: list[str], index: int) -> None:
    from govinfo_report import furniture

    index = min(index, max(len(lines) - 1, 0))
    expected = _between_delimited_rows_by_definition(lines, index)
    assert furniture._between_delimited_rows(lines, index) == expected


def test_page_number_and_running_header_between_rows_are_left_out_and_named() -> None:
    text = seed_text("002_0d16514126ac40ad")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "属于国家秘密" in line)
    header = "某某区人民政府2019年政府信息公开工作年度报告"
    damaged = "\n".join([*lines[:at], "— 5 —", header, *lines[at:]])
    damaged = damaged.replace("\n五、", f"\n- 6 -\n{header}\n五、", 1)
    report = govinfo_report.parse(damaged)
    assert list(govinfo_report.cells(report)) == list(govinfo_report.cells(govinfo_report.parse(text)))
    furniture = [d for d in report.diagnostics if d.code == "page-furniture"]
    second = damaged.split("\n").index("- 6 -")
    assert {d.line for d in furniture} == {at + 1, at + 2, second + 1, second + 2}


def test_markdown_headings_are_headings() -> None:
    text = seed_text("003_4ec185c68d50ccd4")
    for numeral in "一二三四五六":
        text = text.replace(f"\n{numeral}、", f"\n## {numeral}、", 1)
    report = govinfo_report.parse(text)
    assert [s.key for s in report.sections][:4] == ["overview", "active_disclosure", "applications", "reviews"]
    assert report.applications == govinfo_report.parse(seed_text("003_4ec185c68d50ccd4")).applications
    bold = seed_text("003_4ec185c68d50ccd4").replace("\n三、", "\n**三、", 1)
    assert govinfo_report.parse(bold).section("applications") is not None


_HEADING_PIECES = (
    *("三", "十", "第", "、", ".", ":", "部", "分", "**", "__", "*", "## ", "> ", " ", "\x1c", "\t", "|"),
    *("收到和处理政府信息公开申请情况", "其他需要报告的事项", "总体情况", "。", "1", "(七)"),
)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "三、", "## 三、", "**十**、", "第三部分", " 三 . "]),
            st.lists(st.sampled_from(_HEADING_PIECES), max_size=8).map("".join),
        ).map("".join),
        max_size=12,
    )
)
def test_headings_are_what_the_heading_pattern_finds(lines: list[str]) -> None:
    # find_headings skips a line without a numeral before 、 . , : or 部 (markdown between)
    # by a cheaper pattern; with that test made to pass every line, it must find the same.
    import re
    from unittest import mock

    from govinfo_report import sections

    folded = [fold(line) for line in lines]
    with mock.patch.object(sections, "_NUMERAL_RE", re.compile("")):
        every_line = sections.find_headings(lines, folded)
    assert sections.find_headings(lines, folded) == every_line


def test_a_report_whose_tables_give_no_numbers_says_so() -> None:
    text = "一、总体情况\n全年无。\n二、主动公开政府信息情况\n见附件。\n三、收到和处理政府信息公开申请情况\n"
    report = govinfo_report.parse(text)
    (warning,) = [d for d in report.diagnostics if d.code == "no-numbers"]
    assert "table 二 has no numbers" in warning.message or "section 二 has no table" in warning.message
    assert "no section 四" in warning.message


def test_spaced_tokenizer_cuts_labels_numbers_and_vertical_characters() -> None:
    rows = SpacedTokenizer().tokenize(
        [
            "三 2.其他法律行政止公开 0 0 0 0 0 0 0",
            "（三）不予公开 1.属于国家秘密   1   0",
            "4.无正当理由大量反复 申请        0    -   0",
        ]
    )
    assert [r.cells for r in rows] == [
        ("三", "2.其他法律行政止公开", "0", "0", "0", "0", "0", "0", "0"),
        ("（三）不予公开", "1.属于国家秘密", "1", "0"),
        ("4.无正当理由大量反复 申请", "0", "", "0"),
    ]
    assert rows[2].spans[1] == (2, 22, 23)


def test_spaced_rows_get_their_blanks_back_from_a_fuller_row_above() -> None:
    rows = SpacedTokenizer().tokenize(
        [
            "一、本年新收   21    3      0     0   0   0     24",
            "二、上年结转    5                                5",
        ]
    )
    assert rows[1].cells == ("二、上年结转", "5", "", "", "", "", "", "5")


def test_single_spaced_digits_among_wider_gaps_stay_one_damaged_cell() -> None:
    (row,) = SpacedTokenizer().tokenize(["（一）予以公开   1   3 1   0"])
    assert row.cells == ("（一）予以公开", "1", "3 1", "0")


def test_a_spaced_row_inside_a_pipe_table_is_read() -> None:
    lines = ["| 规章 | 1 | 2 | 3 |", "行政许可 550", "22", "信息内容 本年"]
    rows = govinfo_report.tokenizers.PipeTokenizer().tokenize(lines)
    cells = [("", "规章", "1", "2", "3", ""), ("行政许可", "550"), ("22",), ("信息内容 本年",)]
    assert [r.cells for r in rows] == cells


def test_a_title_wrapped_over_two_lines_names_the_body() -> None:
    body = seed_text("003_4ec185c68d50ccd4").split("\n", 1)[1]
    text = "2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n" + body
    report = govinfo_report.parse(text)
    assert report.title == "2025 年上海市人民政府办公厅政府信息公开工作年度报告"
    assert report.organization == "上海市人民政府办公厅"


def test_a_row_whose_label_was_lost_is_placed_only_when_its_position_is_unambiguous() -> None:
    row = "\t\t2．重复申请\t"
    assert row in V2021
    report = govinfo_report.parse(V2021.replace(row, "\t\t\t", 1))
    assert report.applications == govinfo_report.parse(V2021).applications
    (placed,) = [d for d in report.diagnostics if d.code == "row-by-position"]
    assert placed.row == "declined_duplicate"
    # a lost label next to a row missing altogether: two rows could take the numbers
    ambiguous = V2021.replace(row, "\t\t\t", 1).replace("\t\t3．要求提供公开出版物\t1\t0\t0\t0\t0\t0\t1\n", "", 1)
    report = govinfo_report.parse(ambiguous)
    assert report.applications is not None
    assert report.applications.declined_duplicate == govinfo_report.ApplicantCounts()
    assert report.applications.declined_publication == govinfo_report.ApplicantCounts()
    assert not any(d.code == "row-by-position" for d in report.diagnostics)
    assert any(d.code == "numbers-without-label" for d in report.diagnostics)


_NOTED = """二、主动公开政府信息情况
22
（其中修订 16 件）
55
（含自然失效 29 件）
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 22 | 235 |
| 行政规范性文件 | 34 | 189 |
| 行政许可 | 0 |
三、收到和处理政府信息公开申请情况
"""


def _noted_report(table: str) -> govinfo_report.Report:
    body = V2021
    start = body.index("二、主动公开政府信息情况")
    stop = body.index("三、收到和处理政府信息公开申请情况")
    return govinfo_report.parse(body[:start] + table + body[stop + len("三、收到和处理政府信息公开申请情况\n") :])


def test_numbers_pulled_out_of_a_row_with_their_note_go_to_the_column_the_note_names() -> None:
    report = _noted_report(_NOTED)
    table = report.active_disclosure
    assert isinstance(table, govinfo_report.ActiveDisclosure2021)
    assert (table.regulations.issued, table.regulations.repealed, table.regulations.in_force) == (22, 22, 235)
    assert (table.normative_documents.issued, table.normative_documents.repealed) == (34, 55)
    assert table.normative_documents.in_force == 189
    noted = {(d.row, d.column) for d in report.diagnostics if d.code == "number-by-note"}
    assert noted == {("regulations", "issued"), ("normative_documents", "repealed")}
    assert not any(d.code in ("row-ambiguous", "numbers-without-label") for d in report.diagnostics)
    span = report.span("active_disclosure", "normative_documents", "repealed")
    assert span is not None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("（含自然失效 29 件）", "（含 29 件）"),  # the note names no column
        ("55\n（含自然失效 29 件）\n", ""),  # one noted number for two short rows
        ("| 规章 | 22 | 235 |", "| 规章 | 22 | 1 | 235 |"),  # one noted number for one short row, but two notes
    ],
)
def test_noted_numbers_are_not_used_unless_rows_and_notes_pair_up(old: str, new: str) -> None:
    report = _noted_report(_NOTED.replace(old, new))
    table = report.active_disclosure
    assert isinstance(table, govinfo_report.ActiveDisclosure2021)
    assert table.normative_documents == govinfo_report.DocumentCounts2021()
    assert not any(d.code == "number-by-note" for d in report.diagnostics)
