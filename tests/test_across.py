"""Checks across reports: a planted break between two years of one body, a copied report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from govinfo_report import parse
from govinfo_report.across import body_key, check_across

from .conftest import fixture_text

YEAR_2022 = fixture_text("qingshan_2022_v2021.txt")


def next_year(text: str, *, carried_over: str = "7\t2\t0\t0\t0\t0\t9", in_force: str = "88") -> str:
    """The same body's 2023 report: carried over what 2022 carried forward (unless planted otherwise)."""
    text = text.replace("2022年", "2023年").replace("2023年1月1日起至2023年12月31日", "2023年1月1日起至2023年12月31日")
    text = text.replace(
        "二、上年结转政府信息公开申请数量\t\t6\t1\t0\t0\t0\t0\t7", f"二、上年结转政府信息公开申请数量\t\t{carried_over}"
    )
    # 2023: 4 issued, 3 repealed → 87 + 4 − 3 = 88 in force
    return text.replace("行政规范性文件 | 12 | 3 | 87", f"行政规范性文件 | 4 | 3 | {in_force}")


def test_consistent_years_give_no_finding() -> None:
    reports = [("2022.txt", parse(YEAR_2022)), ("2023.txt", parse(next_year(YEAR_2022)))]
    assert reports[1][1].year == 2023
    assert check_across(reports) == []


def test_a_planted_break_between_years_is_found_naming_both_reports_and_cells() -> None:
    planted = next_year(YEAR_2022, carried_over="5\t2\t0\t0\t0\t0\t7", in_force="90")
    findings = check_across([("2022.txt", parse(YEAR_2022)), ("2023.txt", parse(planted))])
    codes = sorted({f.diagnostic.code for f in findings})
    assert codes == ["across-carry-over", "across-in-force"]
    carry = [f for f in findings if f.diagnostic.code == "across-carry-over"]
    assert {f.diagnostic.column for f in carry} == {"natural_person", "total"}
    assert all((f.first, f.second) == ("2022.txt", "2023.txt") for f in findings)
    in_force = next(f for f in findings if f.diagnostic.code == "across-in-force")
    assert [c.value for c in in_force.diagnostic.cells] == [87, 4, 3, 90]


def test_a_copied_report_and_a_jump_are_flagged() -> None:
    report = parse(YEAR_2022)
    findings = check_across([("a.txt", report), ("b.txt", report)])
    assert [f.diagnostic.code for f in findings] == ["across-copied"]
    jumped = next_year(YEAR_2022).replace(
        "一、本年新收政府信息公开申请数量\t\t120\t15\t2\t1\t3\t0\t141",
        "一、本年新收政府信息公开申请数量\t\t800\t15\t2\t1\t3\t25\t846",
    )
    jumps = [
        f
        for f in check_across([("2022.txt", report), ("2023.txt", parse(jumped))])
        if f.diagnostic.code == "across-jump"
    ]
    assert [(f.diagnostic.row, [c.value for c in f.diagnostic.cells]) for f in jumps] == [("new_received", [141, 846])]
    assert body_key("青山區人民政府") == body_key("青山区 人民政府")


def test_check_across_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "2022.txt").write_text(YEAR_2022, encoding="utf-8")
    (tmp_path / "2023.txt").write_text(next_year(YEAR_2022, carried_over="5\t2\t0\t0\t0\t0\t7"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "check", "--across", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "across-carry-over" in result.stdout
    assert "2 finding(s) across reports" in result.stderr
