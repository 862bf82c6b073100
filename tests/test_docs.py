from __future__ import annotations

import argparse
import doctest
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report import cli
from govinfo_report.schema import TemplateVersion
from govinfo_report.template import iter_cells

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_identifiers_page_lists_every_key() -> None:
    text = (DOCS / "identifiers.md").read_text(encoding="utf-8")
    for version in TemplateVersion:
        for spec, row, column in iter_cells(version):
            assert f"`{spec.key}`" in text
            assert f"`{row.key}`" in text
            assert f"`{column.key}`" in text


def test_every_diagnostic_code_seen_is_documented() -> None:
    import govinfo_report

    from .conftest import FIXTURES

    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    for path in FIXTURES.glob("*.txt"):
        for diagnostic in govinfo_report.parse(path.read_text(encoding="utf-8")).diagnostics:
            assert f"`{diagnostic.code}`" in text
    for path in (FIXTURES / "real").glob("*.txt"):
        try:
            report = govinfo_report.parse(path.read_bytes())
        except govinfo_report.GovinfoReportError:
            continue  # read by later readers (glued crawler text)
        for diagnostic in report.diagnostics:
            assert f"`{diagnostic.code}`" in text, diagnostic.code


ROOT = DOCS.parent


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    """The one command of docs/conf.py: Sphinx with warnings as errors."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    reference = (tmp_path / "reference.html").read_text(encoding="utf-8")
    assert "govinfo_report.schema.ApplicantCounts" in reference
    assert "自然人" in reference  # field docs come from the #: comments


def test_tutorial_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(DOCS / "tutorial.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 20
    assert result.failed == 0


def test_cli_page_documents_every_option() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    top = cli._parser()
    commands = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in commands.choices.items():
        assert f"`{name}" in text
        for action in command._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}`" in text, f"{name} {option}"
