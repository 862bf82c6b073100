"""Every example runs, on the bundled saved pages, and does what its docstring says."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_parse_report(tmp_path: Path) -> None:
    result = run("parse_report.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "organization: 高新區(新市區)政府" in result.stdout
    assert "centralized_procurement              26  1372.16" in result.stdout


def test_batch_to_csv(tmp_path: Path) -> None:
    result = run("batch_to_csv.py", cwd=tmp_path)
    assert result.returncode == 1  # login.txt is not a report
    assert "skipped login.txt" in result.stderr
    with (tmp_path / "cells.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 198 + 200 + 200  # one 2019 report (Big5), two 2021 reports (GBK, UTF-8)
    assert {r["source"] for r in rows} == {"gaoxin_2020.txt", "qingshan_2022.txt", "qingshan_2022_revised.txt"}
    amount = next(r for r in rows if r["source"] == "gaoxin_2020.txt" and r["column"] == "amount")
    assert amount["value"] == "1372.16"


def test_check_folder(tmp_path: Path) -> None:
    result = run("check_folder.py", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "ok      gaoxin_2020.txt" in lines
    assert "BROKEN  qingshan_2022_revised.txt: 青山区人民政府 2022" in lines
    assert "  identity-r3, applications/total/total: off by 1" in lines
    assert lines[-1] == "1 report(s) with broken totals"


def test_scraper_loop_stores_and_resumes(tmp_path: Path) -> None:
    first = run("scraper_loop.py", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "not a report: https://www.example.gov.cn/zwgk/login.html" in first.stderr
    assert "attachment_only.html: " in first.stderr
    assert "2023年政府信息公开工作年度报告.pdf" in first.stderr  # the page links the report as a PDF
    assert first.stdout.splitlines()[-1] == "4 stored, 2 skipped, 0 already done"
    records = [json.loads(line) for line in (tmp_path / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["errors"] for r in records] == [0, 0, 0, 3]
    assert records[0]["report"]["script"] == "traditional"
    assert records[2]["report"]["reader"] == "html"  # a GB2312 page with chrome, from Word
    assert records[2]["report"]["applications"] == records[1]["report"]["applications"]
    second = run("scraper_loop.py", cwd=tmp_path)
    assert second.stdout.splitlines()[-1] == "0 stored, 2 skipped, 4 already done"
