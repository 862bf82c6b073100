"""A third-party tokenizer: cells separated by runs of two or more spaces (``pdftotext -layout``)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from govinfo_report import Tokenizer, TokenRow

__all__ = ["ColumnsTokenizer"]

_GAP = regex.compile(r" {2,}")
_EMPTY = "-"  # an empty cell, so that columns keep their places


class ColumnsTokenizer(Tokenizer):
    """Whitespace-aligned columns: two or more spaces between cells, ``-`` for an empty one."""

    name = "columns"
    aliases = ("pdftotext", "aligned")
    priority = 0.05

    def score(self, lines: Sequence[str]) -> float:
        """Share of non-blank lines with a two-space gap and no tab or pipe, discounted."""
        content = [line for line in lines if line.strip()]
        if not content or any("|" in line or "\t" in line for line in content):
            return 0.0
        gapped = sum(1 for line in content if _GAP.search(line.strip()))
        return 0.88 * gapped / len(content)

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        """One row per non-blank line, split at the gaps; ``-`` cells are empty."""
        rows = []
        for index, line in enumerate(lines):
            if line.strip():
                cells = tuple("" if c == _EMPTY else c for c in _GAP.split(line.strip()))
                rows.append(TokenRow(cells, index))
        return rows

    def render(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """Cells padded to their column's width, empty cells written ``-``."""
        widths: dict[int, int] = {}
        for cells in rows:
            for i, cell in enumerate(cells):
                widths[i] = max(widths.get(i, 0), len(cell or _EMPTY))
        return [
            "  ".join((cell or _EMPTY).ljust(widths[i]) for i, cell in enumerate(cells)).rstrip()
            for cells in rows
            if any(cells)
        ]
