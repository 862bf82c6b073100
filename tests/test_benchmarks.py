"""The benchmark suite still runs (its timings are not checked: CI machines are noisy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report.readers.html import _TreeBuilder

ROOT = Path(__file__).resolve().parent.parent


def test_the_suite_runs_in_quick_mode_and_prints_every_table() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    titles = [line for line in result.stdout.splitlines() if line.startswith("### ")]
    assert [t.split(":")[0] for t in titles] == [
        "### Fixtures", "### Readers against their libraries", "### Import", "### Memory", "### Time per MB",
        "### Batch",
    ]  # fmt: skip
    assert "× the regex floor" in result.stdout
    assert "seed 000_fb35a360553c7541.txt" in result.stdout


def test_write_replaces_only_the_block_between_the_markers(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    doc = tmp_path / "performance.md"
    doc.write_text("# Title\n\nprose\n", encoding="utf-8")
    run.write(doc, "first\n")
    run.write(doc, "second\n")
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\nprose\n")
    assert "second" in text
    assert "first" not in text
    assert text.count(run.START) == 1


def test_the_lxml_backed_tree_reads_the_same_document_as_the_tokenizer() -> None:
    """The measurement behind "no lxml fast path" compares like with like."""
    etree = pytest.importorskip("lxml.etree")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import html_lxml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    for _, text in html_lxml.pages()[:2]:
        ours = _TreeBuilder(text).build()
        theirs = html_lxml.lxml_tree(text, etree)
        assert theirs is not None
        assert html_lxml.document(theirs) == html_lxml.document(ours)
