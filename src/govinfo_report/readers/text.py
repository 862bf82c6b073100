"""Plain text, as pasted, extracted from a PDF or saved by a crawler → a ``Document`` of its lines.

Crawler text with every tag removed keeps a whole report on one line; the section headings
in it (``…本年度报告。二、主动公开政府信息情况 第二十条…``) are put on lines of their own,
each character still mapped to its place in the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import ClassVar

import regex

from govinfo_report.decode import decode
from govinfo_report.normalize import WHITE_SPACE, fold_chars, unfolded
from govinfo_report.patterns import char_class, lazy
from govinfo_report.readers.base import ContiguousSegments, Document, Reader
from govinfo_report.sections import section_title_key

__all__ = ["TextReader", "break_at_headings", "cut_at_headings"]

#: Lines at least this long are searched for section headings run into them.
LONG_LINE = 300
#: A section heading inside a line: a numeral, 、, and a title ending in 情况 or 事项.
_INLINE_HEADING = lazy(r"[一二三四五六]\s*、\s*(?P<title>[^\d。；;，,：:]{2,30}?(?:情况|事项))")


@cache
def _unfolded_heading() -> regex.Pattern[str]:
    r"""``_INLINE_HEADING`` on the line before ``fold_chars``: it matches where the folded line would.

    ``fold_chars`` maps one character to one; each character of the pattern stands for
    those that fold to it (``unfolded``), and the title's excluded characters for those
    that fold to one of them (a digit folds to a digit and nothing else does: ``\d`` stays).
    """

    def folding_to(chars: str) -> str:
        return char_class(unfolded(chars))

    space = folding_to(WHITE_SPACE)
    stops = "".join(map(regex.escape, unfolded("。；;，,：:")))
    title = rf"[^\d{stops}]{{2,30}}?(?:{folding_to('情')}{folding_to('况')}|{folding_to('事')}{folding_to('项')})"
    return regex.compile(rf"{folding_to('一二三四五六')}{space}*{folding_to('、')}{space}*(?P<title>{title})")


def break_at_headings(line: str) -> list[tuple[int, int]]:
    """Return where to cut a long line so that each section heading in it starts a line: ``(start, end)`` pieces.

    Only a heading whose title is a known section title counts (三、本年度办理结果 is a row
    of table 三, not a heading).  Titles are matched as folded, but the line is not folded:
    the pattern is the folded one's in the line's own characters (``_unfolded_heading``).
    """
    found = ((m.start(), m.end(), fold_chars(m.group("title"))) for m in _unfolded_heading().finditer(line))
    return cut_at_headings(len(line), found)


def cut_at_headings(length: int, found: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` pieces of a line of ``length`` cut around the headings found.

    ``found``: ``(start, end, title as folded)`` of each heading-shaped match, in order.
    """
    cuts = [0]
    for start, end, title in found:
        if section_title_key(title) is None:
            continue
        if start > cuts[-1]:
            cuts.append(start)
        if end < length:
            cuts.append(end)
    cuts = sorted(set(cuts))
    return list(zip(cuts, [*cuts[1:], length], strict=True))


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
        return _broken(document)


def _broken(document: Document) -> Document:
    """Put the section headings run into long lines on lines of their own, keeping every offset.

    The document itself when no long line holds a heading to cut at (most reports): its
    lines are then already the source's lines.
    """
    cut = {
        index: pieces
        for index, line in enumerate(document.lines)
        if len(line) >= LONG_LINE and len(pieces := break_at_headings(line)) > 1
    }
    if not cut:
        return document
    starts = document.line_starts
    lines: list[str] = []
    offsets: list[int] = []
    for index, line in enumerate(document.lines):
        for start, end in cut.get(index, ((0, len(line)),)):
            lines.append(line[start:end])
            offsets.append(starts[index] + start)
    return Document(document.text, tuple(lines), document.reader, segments=ContiguousSegments(lines, offsets))
