"""Plain text, as pasted, extracted from a PDF or saved by a crawler → a ``Document`` of its lines.

Crawler text with every tag removed keeps a whole report on one line; the section headings
in it (``…本年度报告。二、主动公开政府信息情况 第二十条…``) are put on lines of their own,
each character still mapped to its place in the text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from govinfo_report.decode import decode
from govinfo_report.normalize import WHITE_SPACE, fold_chars, unfolded
from govinfo_report.patterns import char_class, lazy
from govinfo_report.readers.base import ContiguousSegments, Document, Reader
from govinfo_report.sections import section_title_key

__all__ = ["TextReader", "break_at_headings"]

#: Lines at least this long are searched for section headings run into them.
LONG_LINE = 300
#: A section heading inside a line: a numeral, 、, and a title ending in 情况 or 事项.
_INLINE_HEADING = lazy(r"[一二三四五六]\s*、\s*(?P<title>[^\d。；;，,：:]{2,30}?(?:情况|事项))")


@cache
def _inline_numeral() -> re.Pattern[str]:
    r"""``[一二三四五六]\s*、``, the start of ``_INLINE_HEADING``, on the text before folding.

    A line with no match cannot have a heading in it: ``fold_chars`` maps one character to
    one, and this looks for the characters that fold to the heading's (``unfolded``).
    """
    numeral, space, comma = (char_class(unfolded(chars)) for chars in ("一二三四五六", WHITE_SPACE, "、"))
    return re.compile(f"{numeral}{space}*{comma}")


def break_at_headings(line: str) -> list[tuple[int, int]]:
    """Return where to cut a long line so that each section heading in it starts a line: ``(start, end)`` pieces.

    Only a heading whose title is a known section title counts (三、本年度办理结果 is a row
    of table 三, not a heading).  Titles are matched on the folded line (same length).
    """
    if _inline_numeral().search(line) is None:  # most long lines (prose): no fold, no heading
        return [(0, len(line))]
    folded = fold_chars(line)
    cuts = [0]
    for match in _INLINE_HEADING.finditer(folded):
        if section_title_key(match.group("title")) is None:
            continue
        if match.start() > cuts[-1]:
            cuts.append(match.start())
        if match.end() < len(line):
            cuts.append(match.end())
    cuts = sorted(set(cuts))
    return list(zip(cuts, [*cuts[1:], len(line)], strict=True))


class TextReader(Reader):
    """Reads text: its lines are the document's lines, tables are found and tokenized per section."""

    name: ClassVar[str] = "text"
    aliases: ClassVar[tuple[str, ...]] = ("txt", "plain")
    priority: ClassVar[int] = 0
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".md", ".text")

    def detect(self, source: str | bytes) -> float:
        """Any source can be read as text: the lowest score above zero, the fallback."""
        return 0.01

    def read(self, source: str | bytes) -> Document:
        """Decode bytes (UTF-8, GB18030/GBK or Big5) and cut the text into lines (and long lines at headings)."""
        text = decode(bytes(source)) if isinstance(source, (bytes, bytearray, memoryview)) else source
        document = Document.from_text(text, self.name)
        if not any(len(line) >= LONG_LINE for line in document.lines):
            return document
        return _broken(document)


def _broken(document: Document) -> Document:
    """Put the section headings run into long lines on lines of their own, keeping every offset."""
    starts = document.line_starts
    lines: list[str] = []
    offsets: list[int] = []
    for index, line in enumerate(document.lines):
        pieces = break_at_headings(line) if len(line) >= LONG_LINE else [(0, len(line))]
        for start, end in pieces:
            lines.append(line[start:end])
            offsets.append(starts[index] + start)
    return Document(document.text, tuple(lines), document.reader, segments=ContiguousSegments(lines, offsets))
