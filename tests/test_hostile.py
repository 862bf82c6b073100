"""Hostile input: parse returns a Report or raises the library's own error, never anything else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import GovinfoReportError, Report

from .conftest import SEEDS, seed_text

SEED_LINES = [seed_text(stem).split("\n") for stem in SEEDS]


def outcome(text: str | bytes) -> Report | GovinfoReportError:
    try:
        return govinfo_report.parse(text)
    except GovinfoReportError as error:
        return error


# Text that looks like a report: headings, labels, delimiters, numbers, full-width forms.
_FRAGMENTS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "（七）总计",
    "(三)不予公開",
    "1.屬於國家秘密",
    "规章",
    "政府集中采购",
    "总计",
    "其他",
    "|",
    "\t",
    " | ",
    "\n",
    "\n\n",
    "0",
    "7",
    "-3",
    "10,022",
    "1372.16萬元",
    "元",
    "万元",
    "2020年",
    "2021年1月30日",
    "（",
    "）",
    "、",
    "—",
    "-----",
    "９",
    "𠀀",
    "\ufeff",
    "\r\n",
]
report_like = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=8), max_size=80).map("".join)


@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    assert isinstance(outcome(text), (Report, GovinfoReportError))


@given(report_like)
def test_report_like_text(text: str) -> None:
    assert isinstance(outcome(text), (Report, GovinfoReportError))


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    assert isinstance(outcome(data), (Report, GovinfoReportError))


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    lines = list(draw(st.sampled_from(SEED_LINES)))
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "pipes", "tabs", "number", "glue"]))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "cut":
            lines[at] = lines[at][: draw(st.integers(0, max(0, len(lines[at]))))]
        elif action == "pipes":
            lines[at] = lines[at].replace("\t", "|") + "|" * draw(st.integers(0, 20))
        elif action == "tabs":
            lines[at] = "\t".join(lines[at].split("|")) + "\t" * draw(st.integers(0, 20))
        elif action == "number":
            junk = draw(st.sampled_from(["9" * 60, "-99999999999", "1e9", "NaN", "∞", "１２３", "1,2,3", "0.5", "abc"]))
            lines[at] = lines[at].replace("0", junk, 1)
        else:
            lines[at : at + 2] = ["".join(lines[at : at + 2])]
    if draw(st.booleans()):
        lines = draw(st.permutations(lines))
    return "\n".join(lines)


@given(mutated_seed())
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_mutated_seed_reports(text: str) -> None:
    result = outcome(text)
    assert isinstance(result, (Report, GovinfoReportError))
    if isinstance(result, Report):
        assert len(list(govinfo_report.cells(result))) in (198, 200)


# Worst cases for the patterns and the alignment; each would hang if anything were
# quadratic or backtracked catastrophically.
WORST = {
    "long number with separators": "一、总体情况\n二、主动公开政府信息情况\n规章 | " + "1," * 200_000 + "1",
    "long line of digits": "一、总体情况\n" + "9" * 1_000_000,
    "many headings": "一、总体情况\n" * 50_000,
    "many unknown numbered lines": "一、总体情况\n" + "七、下一步工作计划\n" * 50_000,
    "many collapsed rows": "三、收到和处理政府信息公开申请情况\n" + "（七）总计 | 1 | 2 | 3\n" * 30_000,
    "many review numbers": "四、政府信息公开行政复议、行政诉讼情况\n" + "1 | 2\n" * 30_000,
    "long wrapped fragments": "三、收到和处理政府信息公开申请情况\n1. 属于国家秘密\t1\t1\n" + "\t息\n" * 30_000,
    "unrecognised labels": "三、收到和处理政府信息公开申请情况\n" + "".join(f"标签{i} | {i}\n" for i in range(20_000)),
    "pipes only": "三、收到和处理政府信息公开申请情况\n" + "|" * 500_000,
    "spaces in a heading": "一、" + " " * 200_000 + "总体情况",
    "date-like tail": "一、总体情况\n" + "二〇二一年十十十月" * 20_000,
}


@pytest.mark.parametrize("name", sorted(WORST))
def test_worst_cases_finish(name: str) -> None:
    assert isinstance(outcome(WORST[name]), (Report, GovinfoReportError))


def _with_repeats(text: str, row: str, times: int) -> str:
    """Return ``text`` with the line ``row`` printed ``times`` more times right after it."""
    assert f"\n{row}\n" in text
    return text.replace(f"\n{row}\n", f"\n{row}\n" + f"{row}\n" * times, 1)


@pytest.mark.parametrize("layout", ["tab", "glued"])
@pytest.mark.parametrize("times", [3, 10, 11, 250])
def test_a_repeated_row_is_named_ten_times_then_counted(layout: str, times: int) -> None:
    from govinfo_report.align import MAX_DUPLICATES
    from govinfo_report.render import render

    original = govinfo_report.parse(seed_text("002_0d16514126ac40ad"))
    text = render(original, layout=layout)
    row = next(line for line in text.split("\n") if "(七)" in line and "总计" in line)
    report = govinfo_report.parse(_with_repeats(text, row, times))
    assert report.applications == original.applications  # the first is kept
    repeats = [d for d in report.diagnostics if d.code == "row-duplicate"]
    named = [d for d in repeats if "appears again" in d.message]
    assert len(named) == min(times, MAX_DUPLICATES)
    first = named[0].line
    assert first is not None
    assert [d.line for d in named] == list(range(first, first + len(named)))
    counted = [d for d in repeats if d not in named]
    if times <= MAX_DUPLICATES:
        assert counted == []
        return
    (summary,) = counted
    assert f"appears {times - MAX_DUPLICATES:,} more times from this line on" in summary.message
    assert summary.line == first + MAX_DUPLICATES
    assert summary.severity is govinfo_report.Severity.WARNING
    assert summary.row == named[0].row
