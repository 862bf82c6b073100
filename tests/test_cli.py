"""The command line, end to end in subprocesses."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import govinfo_report

from .conftest import FIXTURES, SEEDS


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "nested").mkdir(parents=True)
    for stem in SEEDS:
        shutil.copy(FIXTURES / f"{stem}.txt", folder / f"{stem}.txt")
    shutil.copy(FIXTURES / "qingshan_2022_v2021.txt", folder / "nested" / "qingshan.txt")
    (folder / "login.txt").write_text("用户登录\n密码", encoding="utf-8")
    return folder


def test_folder_to_csv_with_a_broken_file_in_the_batch(tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    result = run("parse", str(batch(tmp_path)), "--format", "csv", "-o", str(out), "--jobs", "2")
    assert result.returncode == 1  # one file is not a report
    assert "login.txt: ReportNotFoundError" in result.stderr
    assert "6 parsed, 1 failed" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4 * 198 + 2 * 200  # four 2019 seeds, seed 004 and our 2021 fixture
    sources = list(dict.fromkeys(Path(r["source"]).name for r in rows))
    assert sources == [*(f"{s}.txt" for s in SEEDS), "qingshan.txt"]  # stable order


def test_parallel_output_equals_serial(tmp_path: Path) -> None:
    folder = batch(tmp_path)
    serial = run("parse", str(folder), "--format", "jsonl", "-q")
    parallel = run("parse", str(folder), "--format", "jsonl", "-q", "--jobs", "3")
    assert serial.stdout == parallel.stdout
    assert serial.stderr.strip().endswith(
        "ReportNotFoundError: no section heading of an annual report (一、总体情况 …) was found"
    )


def test_json_documents_round_trip_from_stdin() -> None:
    data = (FIXTURES / f"{SEEDS[1]}.txt").read_bytes()
    result = run("parse", "-", "--format", "json", stdin=data)
    assert result.returncode == 0
    documents = json.loads(result.stdout)
    assert [d["source"] for d in documents] == ["-"]
    assert govinfo_report.from_dict(documents[0]["report"]) == govinfo_report.parse(data)


def test_strict_makes_warnings_fail_the_file() -> None:
    result = run("parse", str(FIXTURES / f"{SEEDS[0]}.txt"), "--strict", "--format", "csv")
    assert result.returncode == 1
    assert "ValidationError" in result.stderr


def test_check_reports_broken_identities_and_exits_1() -> None:
    result = run("check", str(FIXTURES / "qingshan_2022_broken_total.txt"), str(FIXTURES / "qingshan_2022_v2021.txt"))
    assert result.returncode == 1
    assert "identity-r2" in result.stdout
    assert "qingshan_2022_v2021.txt: 0 error(s)" in result.stdout
    clean = run("check", str(FIXTURES / "qingshan_2022_v2021.txt"))
    assert clean.returncode == 0


def test_layouts_and_usage_errors() -> None:
    listed = run("layouts")
    assert listed.returncode == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["lines", "pipe", "tab", "wrapped"]
    unknown = run("parse", str(FIXTURES / f"{SEEDS[0]}.txt"), "--layout", "csv")
    assert unknown.returncode == 2
    assert "valid layouts: lines, pipe, tab, wrapped" in unknown.stderr
    assert run("frobnicate").returncode == 2
    assert "Example:" in run("parse", "--help").stdout
