"""The example plugin (examples/plugin), registered through the real entry-point group."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given

from govinfo_report import Parser, Report
from govinfo_report.render import render
from govinfo_report.testing import content, reports
from govinfo_report.tokenizers import registry

PLUGIN = Path(__file__).resolve().parent.parent / "examples" / "plugin" / "src"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Put the plugin on sys.path with a dist-info declaring its entry point, as pip would."""
    site = tmp_path_factory.mktemp("site")
    info = site / "govinfo_columns-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: govinfo-columns\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text("[govinfo_report.tokenizers]\ncolumns = govinfo_columns:ColumnsTokenizer\n")
    sys.path[:0] = [str(site), str(PLUGIN)]
    registry.plugin_tokenizers.cache_clear()
    yield
    sys.path.remove(str(site))
    sys.path.remove(str(PLUGIN))
    registry.plugin_tokenizers.cache_clear()


@pytest.mark.usefixtures("installed")
@given(report=reports())
def test_plugin_is_found_detected_and_round_trips(report: Report) -> None:
    parser = Parser()  # built-ins and installed plugins
    assert "columns" in parser.registry.names()
    text = render(report, layout="columns", registry=parser.registry)
    parsed = parser.parse(text)
    assert content(parsed) == content(report)
    assert {d.message.split("'")[1] for d in parsed.diagnostics if d.code == "layout-detected"} == {"columns"}
