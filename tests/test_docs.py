from __future__ import annotations

from pathlib import Path

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
