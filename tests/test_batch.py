"""Batches as a user runs them: streamed output, Ctrl-C, a closed pipe, --resume, memory that stays flat."""

from __future__ import annotations

import csv
import io
import json
import resource
import shutil
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from govinfo_report.batch import Outcome, parse_file, parse_files
from govinfo_report.serialize.stream import FORMATS, ReportWriter, render_body

from .conftest import FIXTURES, SEEDS

COMMAND = [sys.executable, "-m", "govinfo_report"]
FAST = FIXTURES / f"{SEEDS[4]}.txt"  # the quickest seed to parse


def copies(folder: Path, count: int, source: Path = FAST) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        shutil.copy(source, folder / f"r{index:05d}.txt")
    return folder


def test_outcomes_are_data_in_input_order_and_pickle(tmp_path: Path) -> None:
    import pickle

    folder = copies(tmp_path / "in", 3)
    (folder / "bad.txt").write_text("不是报告", encoding="utf-8")
    names = sorted(str(p) for p in folder.iterdir())
    serial = list(parse_files(names))
    parallel = list(parse_files(names, jobs=2))
    assert [o.source for o in serial] == [o.source for o in parallel] == names
    assert serial == parallel
    bad = next(o for o in serial if o.source.endswith("bad.txt"))
    assert (bad.ok, bad.error_type) == (False, "ReportNotFoundError")
    assert pickle.loads(pickle.dumps(bad)) == bad
    assert parse_file(str(tmp_path / "missing.txt")).error_type == "FileNotFoundError"
    assert isinstance(serial[0], Outcome)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_records_rendered_in_the_workers_are_what_the_writer_writes_from_reports(tmp_path: Path, fmt: str) -> None:
    folder = copies(tmp_path / "in", 2)
    (folder / "bad.txt").write_text("不是报告", encoding="utf-8")
    names = sorted(str(p) for p in folder.iterdir())
    rendered = list(parse_files(names, jobs=2, render=partial(render_body, fmt)))
    assert [(o.ok, o.report) for o in rendered] == [(name != names[0], None) for name in names]  # bad.txt first
    from_reports, from_workers = io.StringIO(), io.StringIO()
    writer, other = ReportWriter(from_reports, fmt), ReportWriter(from_workers, fmt)
    for outcome, done in zip(parse_files(names), rendered, strict=True):
        writer.add(outcome.source, outcome.report, outcome.error)
        other.add_body(done.text)
    writer.close()
    other.close()
    assert from_workers.getvalue() == from_reports.getvalue()
    assert from_reports.getvalue()


def test_ctrl_c_stops_cleanly_with_the_output_valid_up_to_the_last_report(tmp_path: Path) -> None:
    folder = copies(tmp_path / "in", 400)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [*COMMAND, "parse", str(folder), "-f", "jsonl", "-o", str(out), "-q"], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    # bytes, not text: the poll may catch the writer in the middle of a character
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 5):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr
    assert "interrupted" in stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert 5 <= len(lines) < 400
    assert all(json.loads(line)["report"]["year"] for line in lines)  # every line whole


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    folder = copies(tmp_path / "in", 200)
    process = subprocess.Popen(
        [*COMMAND, "parse", str(folder), "-f", "csv", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("source,")
    process.stdout.close()  # as `| head -1` does
    _, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr
    assert process.returncode == 1


def test_resume_skips_what_the_output_holds_and_parses_a_record_cut_short_again(tmp_path: Path) -> None:
    folder = copies(tmp_path / "in", 3)
    out = tmp_path / "wide.csv"
    first = subprocess.run(
        [*COMMAND, "parse", str(folder), "-f", "wide-csv", "-o", str(out)], capture_output=True, text=True, check=False
    )
    assert first.returncode == 0
    copies(folder, 5)  # two more files
    with out.open("a", encoding="utf-8") as partial:
        partial.write(f"{folder / 'r00004.txt'},ok,,cut sho")  # a run killed mid-row
    again = subprocess.run(
        [*COMMAND, "parse", str(folder), "-f", "wide-csv", "-o", str(out), "--resume"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert "2 parsed, 0 failed, 3 already in" in again.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][0] == "source"
    assert sorted(Path(r[0]).name for r in rows[1:]) == [f"r{i:05d}.txt" for i in range(5)]


def test_usage_errors_come_before_any_parsing(tmp_path: Path) -> None:
    folder = copies(tmp_path / "in", 2)
    missing = subprocess.run(
        [*COMMAND, "parse", str(folder), "-o", str(tmp_path / "nope" / "x.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert "no such directory" in missing.stderr
    resume = subprocess.run([*COMMAND, "parse", str(folder), "--resume"], capture_output=True, text=True, check=False)
    assert resume.returncode == 2
    assert "--resume needs an output file" in resume.stderr


def test_skipped_files_are_counted(tmp_path: Path) -> None:
    folder = copies(tmp_path / "in", 1)
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04")
    result = subprocess.run([*COMMAND, "parse", str(folder), "-f", "csv"], capture_output=True, text=True, check=False)
    assert "1 parsed, 0 failed, 1 file(s) of no supported type skipped" in result.stderr


def _peak_rss_kib(folder: Path) -> int:
    subprocess.run(
        [*COMMAND, "parse", str(folder), "-f", "wide-csv", "-o", str(folder.parent / "out.csv"), "-q", "--jobs", "2"],
        check=True,
    )
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's")
def test_memory_stays_flat_in_the_number_of_files(tmp_path: Path) -> None:
    small = _peak_rss_kib(copies(tmp_path / "small", 100))
    large = _peak_rss_kib(copies(tmp_path / "large", 5000))  # the maximum over both runs
    assert large - small < 30 * 1024, (small, large)  # holding 5,000 reports would take hundreds of MB
