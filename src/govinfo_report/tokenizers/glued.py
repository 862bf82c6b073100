"""Tables whose cells were glued together: crawler text with every tag removed.

``一、本年新收政府信息公开申请数量21710000218二、上年结转…``: a run of label text, then a
run of digits that is all of the row's numbers at once.  This tokenizer only cuts the
text into ``(label, digit run)`` rows; which numbers a run holds is decided by alignment,
from the template's identities (``split``).  Stray spaces inside a run are kept: they
are hints, not separators.  A list numeral glued to the previous row's digits
(``…326.属于四类过程性信息``) stays with those digits and the label starts with its dot;
alignment knows the label and takes the numeral back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from govinfo_report.patterns import lazy
from govinfo_report.tokenizers.base import CellSpan, Tokenizer, TokenRow

__all__ = ["GluedTokenizer"]

#: A run of a row's numbers: digits, with ``-`` before a digit, ``.`` between digits,
#: single spaces between digits, and a money unit at the end.
_RUN = lazy(r"-?\d(?:\d|\.(?=\d)|[ \u00a0\u3000](?=-?\d|\.\d)|-(?=\d))*(?:万元|元)?")
#: What follows a number in prose (``受理申请25件``), never a glued table's next label.
_UNITS = "件条个次人年月日项场家篇份名户起余多倍%％"
#: Label text followed directly by digits, and the digits by no unit: what a glued table is made of.
_GLUE = lazy(rf"[\p{{Han}}）)”\"][ \u00a0]?-?\d(?:[\d.]|[ \u00a0](?=\d))*(?![\d.]|\s*[{_UNITS}])")
_DIGIT = lazy(r"\d")
_TIGHT = lazy(rf"[\p{{Han}}）)]-?\d(?:[\d.]|[ \u00a0](?=\d))*(?![\d.]|\s*[{_UNITS}])")
#: How many label→digits joins a table needs before it reads as glued.
MIN_JOINS = 3
#: A single join reads as glued when its run is this long (table 四's 15 numbers in one run).
LONG_RUN = 10
_LEADING_ZERO = lazy(r"(?<![\d.])0\d")
_LONG_JOIN = lazy(rf"[\p{{Han}}）)][ \u00a0]?(?:\d[ \u00a0]?){{{LONG_RUN},}}")


def _delimited(line: str) -> bool:
    r"""Tell whether a line has a separator of the other layouts (``[|\t｜]| {2,}``), by four scans."""
    return "|" in line or "\t" in line or "｜" in line or "  " in line


class GluedTokenizer(Tokenizer):
    """Label text and digit runs with nothing between cells (crawler text)."""

    name: ClassVar[str] = "glued"
    aliases: ClassVar[tuple[str, ...]] = ("crawler", "stripped")
    priority: ClassVar[float] = 0.05
    #: Its number cells are digit runs holding several cells each, for alignment to split.
    glued: ClassVar[bool] = True

    def score(self, lines: Sequence[str]) -> float:
        """Score lines on which label text runs straight into digits, many times, undelimited."""
        undelimited = [line[:10_000] for line in lines if not _delimited(line[:10_000])]
        joins = joined_lines = 0
        for line in undelimited:
            found = len(_GLUE.findall(line))
            joins += found
            # a label running into its digits with not even a space: no other layout does that
            joined_lines += found > 0 and _TIGHT.search(line) is not None
        if joins >= MIN_JOINS:
            numbered = [line for line in lines if _DIGIT.search(line)]
            # the share of the lines with digits that run a label straight into them
            return 0.95 * joined_lines / max(1, len(numbered))
        if joins == 0:
            return 0.0
        # one or two joins: glued only when one of them is a long run (a table's numbers at once)
        long_runs = [match.group() for line in undelimited for match in _LONG_JOIN.finditer(line)]
        if not long_runs:
            return 0.0
        # "00" is no number of its own: digits of several cells set apart at random
        return 0.9 if any(_LEADING_ZERO.search(run) is not None for run in long_runs) else 0.5

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        """Cut each line into rows of ``(label, digit run)``; a label with no run is a row of its own."""
        rows: list[TokenRow] = []
        for index, line in enumerate(lines):
            start = 0
            for match in _RUN.finditer(line):
                label = line[start : match.start()]
                cells: list[str] = []
                spans: list[CellSpan | None] = []
                if label.strip():
                    lead = len(label) - len(label.lstrip())
                    cells.append(label.strip())
                    spans.append((index, start + lead, start + lead + len(label.strip())))
                cells.append(match.group())
                spans.append((index, match.start(), match.end()))
                rows.append(TokenRow(tuple(cells), index, tuple(spans)))
                start = match.end()
            rest = line[start:].strip()
            if rest:
                lead = start + len(line[start:]) - len(line[start:].lstrip())
                rows.append(TokenRow((rest,), index, ((index, lead, lead + len(rest)),)))
        return rows

    def render(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """Glue every row of the table onto one line, cells joined with nothing."""
        return ["".join("".join(cell.split()) for cell in row) for row in rows]
