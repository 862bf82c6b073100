"""The command line, end to end in subprocesses."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import cli

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
    assert "qingshan_2022_v2021.txt" not in result.stdout  # quiet on a clean report unless -v
    assert "2 file(s), 0 failed, 1 report(s) with errors" in result.stderr
    verbose = run("check", "-v", str(FIXTURES / "qingshan_2022_v2021.txt"))
    assert "qingshan_2022_v2021.txt: 0 error(s)" in verbose.stdout
    assert verbose.returncode == 0


def test_layouts_and_usage_errors() -> None:
    listed = run("layouts")
    assert listed.returncode == 0
    names = [line.split()[0] for line in listed.stdout.splitlines()]
    assert names == ["glued", "lines", "pipe", "spaced", "tab", "wrapped"]
    unknown = run("parse", str(FIXTURES / f"{SEEDS[0]}.txt"), "--layout", "csv")
    assert unknown.returncode == 2
    assert "valid layouts: glued, lines, pipe, spaced, tab, wrapped" in unknown.stderr
    assert run("frobnicate").returncode == 2
    assert "Example:" in run("parse", "--help").stdout


def test_progress_bar_goes_to_stderr_never_to_stdout(tmp_path: Path) -> None:
    result = run("parse", str(batch(tmp_path)), "--format", "jsonl", "--progress", "always")
    assert "7/7" in result.stderr  # tqdm's counter
    assert all(json.loads(line) for line in result.stdout.splitlines())


def test_no_progress_bar_when_not_a_terminal_or_quiet(tmp_path: Path) -> None:
    folder = batch(tmp_path)
    assert "7/7" not in run("parse", str(folder), "--format", "jsonl").stderr  # auto: stderr is a pipe here
    assert (
        run("parse", str(folder), "--format", "jsonl", "--progress", "always", "-q")
        .stderr.strip()
        .startswith("govinfo-report: " + str(folder))
    )  # quiet wins: only the failed file is reported


def test_auto_progress_on_a_terminal_for_a_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    folder = batch(tmp_path)
    assert cli.main(["check", str(folder), "--level", "error"]) == 1
    assert "7/7" in capsys.readouterr().err
    assert cli.main(["check", str(FIXTURES / "qingshan_2022_v2021.txt")]) == 0
    assert "1/1" not in capsys.readouterr().err  # a single file gets no bar


def test_missing_tqdm_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm raises ImportError
    assert cli.main(["parse", str(batch(tmp_path)), "--format", "csv", "--progress", "always"]) == 1
    captured = capsys.readouterr()
    assert 'pip install "govinfo-report[cli]"' in captured.err
    assert captured.out.startswith("source,organization,year,template,table,row,column,value")


def test_jobs_must_be_positive() -> None:
    result = run("parse", str(FIXTURES / "qingshan_2022_v2021.txt"), "--jobs", "0")
    assert result.returncode == 2
    assert "must be 1 or more" in result.stderr


def test_folders_include_html_pages(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(FIXTURES / "real" / "002_shuyang_fgj_2023.html", folder / "shuyang.html")
    shutil.copy(FIXTURES / "real" / "002_shuyang_fgj_2023.html", folder / "copy.htm")
    (folder / "notes.pdfx").write_text("not a report", encoding="utf-8")
    out = tmp_path / "cells.csv"
    result = run("parse", str(folder), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    sources = {line.split(",")[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert {Path(s).name for s in sources} == {"shuyang.html", "copy.htm"}


def test_check_jsonl_gives_each_diagnostic_with_its_cells_and_where_they_were_read() -> None:
    result = run("check", "-f", "jsonl", "--level", "error", str(FIXTURES / "qingshan_2022_broken_total.txt"))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["code"] for r in records} == {"identity-r1", "identity-r2", "identity-r3"}
    spans = [c["span"] for r in records for c in r["cells"] if "span" in c]
    assert spans
    assert all(s["line"] > 0 and s["end"] > s["start"] for s in spans)
