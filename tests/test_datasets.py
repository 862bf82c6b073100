"""From a folder of reports to a dataset: the wide form, the long form with report columns, data frames."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pandas as pd
import pytest

import govinfo_report
from govinfo_report import MissingDependencyError, TemplateVersion, parse, to_frame
from govinfo_report.serialize import from_dict
from govinfo_report.serialize.wide import CELL_FIELDS, REPORT_FIELDS, WIDE_FIELDS, cell_column, wide_row
from govinfo_report.template import cell_keys, iter_cells, tables

from .conftest import FIXTURES, SEEDS, seed_text

REAL = FIXTURES / "real"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo_report", *args], capture_output=True, text=True, check=False, timeout=600
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, the real reports, a junk file and a file no reader can read."""
    root = tmp_path_factory.mktemp("reports")
    for stem in SEEDS:
        shutil.copy(FIXTURES / f"{stem}.txt", root / f"{stem}.txt")
    for path in REAL.iterdir():
        if path.is_file() and path.suffix != ".md":
            shutil.copy(path, root / path.name)
    (root / "junk.txt").write_text("这不是一份年度报告。\n只是一些文字。\n", encoding="utf-8")
    (root / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return root


def test_the_wide_columns_name_every_cell_of_both_versions_once() -> None:
    assert len(set(WIDE_FIELDS)) == len(WIDE_FIELDS)
    every = {cell_column(s.key, r.key, c.key) for version in TemplateVersion for s, r, c in iter_cells(version)}
    assert set(CELL_FIELDS) == every
    assert WIDE_FIELDS[: len(REPORT_FIELDS)] == REPORT_FIELDS


def test_a_wide_row_is_the_report_cells_and_blank_where_its_version_has_none() -> None:
    report = parse(seed_text(SEEDS[1]))
    row = wide_row("001.txt", report)
    for cell in govinfo_report.cells(report):
        text = row[cell_column(cell.table, cell.row, cell.column)]
        assert text == (
            None
            if cell.value is None
            else format(cell.value, "f")
            if isinstance(cell.value, Decimal)
            else str(cell.value)
        )
    only_2021 = {cell_column(s.key, r.key, c.key) for s, r, c in iter_cells(TemplateVersion.V2021)} - {
        cell_column(s.key, r.key, c.key) for s, r, c in iter_cells(TemplateVersion.V2019)
    }
    assert only_2021
    assert all(row[name] is None for name in only_2021)
    assert (row["status"], row["template"], row["year"]) == ("ok", "2019", 2019)


def test_a_folder_becomes_a_wide_csv_pandas_loads_with_integer_dtypes_one_row_per_file(folder: Path) -> None:
    result = run("parse", str(folder), "--format", "wide-csv", "-q")
    assert result.returncode == 1  # two files failed, and said so
    frame = pd.read_csv(io.StringIO(result.stdout), dtype_backend="numpy_nullable")
    files = sorted(p.name for p in folder.iterdir())
    assert sorted(Path(s).name for s in frame["source"]) == files
    failed = frame[frame["status"] == "failed"]
    assert sorted(Path(s).name for s in failed["source"]) == ["junk.txt", "legacy.doc"]
    assert failed["error"].str.contains("ReportNotFoundError|UnsupportedFormatError").all()
    assert str(frame["applications.new_received.total"].dtype) == "Int64"
    assert str(frame["year"].dtype) == "Int64"
    pdf = frame[frame["source"].str.endswith(".pdf")].iloc[0]
    assert pdf["applications.new_received.total"] == 21
    assert pdf["errors"] == 2  # the source's broken R4, counted
    assert "failed" in result.stderr or "junk.txt" in result.stderr


def test_the_long_csv_carries_the_report_on_every_row() -> None:
    report = parse(seed_text(SEEDS[1]))
    out = io.StringIO()
    govinfo_report.serialize.write_csv([("001.txt", report)], out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), dtype_backend="numpy_nullable")
    assert list(frame.columns) == ["source", "organization", "year", "template", "table", "row", "column", "value"]
    assert set(frame["organization"]) == {report.organization}
    assert set(frame["year"]) == {2019}


def test_jsonl_is_one_report_a_line_and_cells_jsonl_the_long_form(tmp_path: Path) -> None:
    for stem in SEEDS[:2]:
        shutil.copy(FIXTURES / f"{stem}.txt", tmp_path / f"{stem}.txt")
    reports = [json.loads(line) for line in run("parse", str(tmp_path), "-f", "jsonl", "-q").stdout.splitlines()]
    assert len(reports) == 2
    assert from_dict(reports[0]["report"]) == parse(seed_text(SEEDS[0]))
    cells = run("parse", str(tmp_path), "-f", "cells-jsonl", "-q").stdout.splitlines()
    assert len(cells) == 2 * 198
    assert set(json.loads(cells[0])) == {
        "source",
        "organization",
        "year",
        "template",
        "table",
        "row",
        "column",
        "value",
    }


def test_excel_output_has_a_bom_and_version_is_printed(tmp_path: Path) -> None:
    out = tmp_path / "wide.csv"
    assert (
        run("parse", str(FIXTURES / f"{SEEDS[1]}.txt"), "-f", "wide-csv", "--excel", "-o", str(out), "-q").returncode
        == 0
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfsource,status,")
    version = run("--version")
    assert version.stdout.strip() == f"govinfo-report {govinfo_report.__version__}"


def test_to_frame_keeps_counts_as_nullable_integers_and_money_exact() -> None:
    reports = [(stem, parse(seed_text(stem))) for stem in SEEDS[:4]]
    reports.append(("104.pdf", parse((REAL / "104_hongze_district_2023.pdf").read_bytes())))
    wide = to_frame(reports)
    assert len(wide) == 5
    assert str(wide["applications.new_received.total"].dtype) == "Int64"
    assert wide["applications.new_received.natural_person"].isna().iloc[0]  # seed 000: undetermined, blank
    amounts = wide["active_disclosure.centralized_procurement.amount"]
    assert amounts.iloc[1] == Decimal("145.4464")
    assert isinstance(amounts.iloc[1], Decimal)
    assert wide["active_disclosure.administrative_fees.amount"].iloc[4] == Decimal("7730.28")
    long = to_frame(reports, form="long")
    assert len(long) == 4 * 198 + 200
    assert long["value"].map(type).isin([int, Decimal, type(None)]).all()
    with pytest.raises(ValueError, match="form"):
        to_frame(reports, form="tall")  # type: ignore[arg-type]


def test_to_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"govinfo-report\[pandas\]"):
        to_frame([parse(seed_text(SEEDS[1]))])


def test_str_is_the_readable_view_and_repr_one_short_line() -> None:
    report = parse(seed_text(SEEDS[1]))
    assert "organization: 河源市人民政府辦公室" in str(report)
    assert "\n" not in repr(report)
    assert len(repr(report)) < 200
    assert "year=2019" in repr(report)


@pytest.mark.parametrize("version", list(TemplateVersion))
def test_cell_keys_are_the_cells_in_template_order_once_each(version: TemplateVersion) -> None:
    keys = cell_keys(version)
    assert keys == tuple((s.key, r.key, c.key) for s, r, c in iter_cells(version))
    assert len(set(keys)) == len(keys)
    assert keys is cell_keys(version)  # built once per version


@pytest.mark.parametrize("version", list(TemplateVersion))
def test_table_rows_are_looked_up_as_a_scan_finds_them(version: TemplateVersion) -> None:
    for spec in tables(version):
        assert spec.data_rows == tuple(r for r in spec.rows if not r.is_group)
        for row in spec.rows:
            assert spec.row(row.key) is next(r for r in spec.rows if r.key == row.key)
        with pytest.raises(KeyError):
            spec.row("no such row")
        assert attrs.evolve(spec) == spec
