"""The reader contract: a source (text, a page, a file's bytes) → a ``Document`` of lines.

A reader turns what the user holds into lines of text for sectioning; where the source
has tables already cut into cells (an HTML ``<table>``, a ruled PDF table), the rows of
those tables are lines too, and the document keeps their cells (``Document.grids``) so
that no tokenizer has to guess them again.  Every character of a line can be traced
back to its place in the source (``Document.locate``), which is what provenance reports.
"""

from __future__ import annotations

import abc
import bisect
import itertools
from array import array
from collections.abc import Mapping, Sequence
from typing import ClassVar, overload

import attrs

from govinfo_report.patterns import lazy_re
from govinfo_report.schema import Diagnostic

__all__ = ["Box", "ContiguousSegments", "Document", "Grid", "Reader", "Segment", "line_starts"]

_NEWLINE = lazy_re(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Return the offset in ``text`` where each line begins (CRLF, CR or LF; a BOM skipped)."""
    if "\r" not in text or text.count("\r") == text.count("\r\n"):
        # Every line ends in LF: the lines' lengths say where they start (4× the pattern's speed).
        lengths = itertools.accumulate(map(len, text.split("\n")), initial=0)
        starts = [start + index for index, start in enumerate(lengths)]
        starts.pop()
    else:
        starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    starts[0] = len(text) - len(text.lstrip("\ufeff"))
    return starts


#: A run of a document line that comes from one place in the source:
#: ``(column in the line, offset in the source, offset where it ends in the source,
#: exact)``.  An exact segment maps character for character; an inexact one (an entity
#: ``&#49;``, a run of whitespace folded into one space) maps as a whole.
Segment = tuple[int, int, int, bool]

#: Where a run of a document line was printed on a page: ``(column where it starts in
#: the line, column where it ends, 1-based page, x0, top, x1, bottom)``, in PDF points
#: from the page's top-left corner (pdfplumber's coordinates).
Box = tuple[int, int, int, float, float, float, float]


class ContiguousSegments(Sequence[Sequence[Segment]]):
    """Segments of lines that are each one exact run of the source: one offset per line.

    The text reader's lines cut at headings map this way; holding an offset per line
    instead of a tuple of segments costs 8 bytes a line instead of some 200.
    """

    __slots__ = ("_lengths", "_offsets")

    def __init__(self, lines: Sequence[str], offsets: Sequence[int]) -> None:
        """Map ``lines[i]`` to the source text from ``offsets[i]`` on, character for character."""
        if len(lines) != len(offsets):
            raise ValueError("one offset per line")
        self._lengths = array("q", map(len, lines))
        self._offsets = array("q", offsets)

    def __len__(self) -> int:
        return len(self._offsets)

    @overload
    def __getitem__(self, index: int) -> Sequence[Segment]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Sequence[Segment]]: ...

    def __getitem__(self, index: int | slice) -> Sequence[Segment] | Sequence[Sequence[Segment]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        offset = self._offsets[index]
        return ((0, offset, offset + self._lengths[index], True),)

    def source_range(self, line: int, start: int, end: int) -> tuple[int, int]:
        """Return the source offsets of ``lines[line][start:end]``: what ``Document.locate`` maps, without segments."""
        offset = self._offsets[line]
        limit = offset + self._lengths[line]
        return min(offset + start, limit), min(offset + max(start, end - 1) + 1, limit)

    def source_ranges(self, places: Sequence[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """Return ``source_range(*place)`` of each place, in order (one call for all: a report has hundreds)."""
        offsets, lengths = self._offsets, self._lengths
        ranges = []
        for line, start, end in places:
            offset = offsets[line]
            limit = offset + lengths[line]
            # ``source_range`` with the min and max written out (builtin calls cost more than the sums)
            first = offset + start
            last = offset + (end if end > start else start + 1)
            ranges.append((first if first < limit else limit, last if last < limit else limit))
        return ranges


@attrs.frozen
class Grid:
    """A row of a table that the source had already cut into cells.

    Its line in ``Document.lines`` is the cells joined by tabs; a merged cell's text is in
    the first position it covers, never copied (a copied number would be read twice).
    """

    #: The cells' text, whitespace folded: "" for an empty cell, or for a position that a
    #: value's cell above covers (a blank position: the columns after it keep their
    #: place); None for a position that is part of another cell (a label's rowspan, any
    #: colspan), which is not a cell of this row.
    cells: tuple[str | None, ...]
    #: Index of the table in the document (rows of one table share it).
    table: int


@attrs.frozen
class Document:
    """What a reader made of a source: lines, the rows of tables in them, and where each came from."""

    #: The source as text (decoded); provenance offsets index it.
    text: str
    #: The document's lines, as sectioning and tokenizers read them.
    lines: tuple[str, ...]
    #: The name of the reader that made it (``"text"``, ``"html"`` …).
    reader: str
    #: Lines that are rows of a table already cut into cells, by line index.
    grids: Mapping[int, Grid] = attrs.field(factory=dict)
    #: Per line, the segments that map its characters to the source; None when the lines
    #: are the source's own lines (the text reader).
    segments: Sequence[Sequence[Segment]] | None = attrs.field(default=None, repr=False, eq=False)
    #: Files the source links to that may be the report itself (``….pdf``, ``….doc``).
    attachments: tuple[str, ...] = ()
    #: Per line, the elements enclosing it (outermost first, as ids), for sources with
    #: structure (a page); None for text.
    paths: Sequence[tuple[int, ...]] | None = attrs.field(default=None, repr=False, eq=False)
    #: Per line, where its runs were printed on a page (a PDF's cells and characters), by
    #: line index; empty for sources without pages.
    boxes: Mapping[int, Sequence[Box]] = attrs.field(factory=dict, repr=False, eq=False)
    #: What the reader noticed and the report should say (pages left out, text it could
    #: not map); the parser adds them to the report's diagnostics.
    notes: tuple[Diagnostic, ...] = ()
    _starts: list[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", line_starts(self.text))

    @classmethod
    def from_text(cls, text: str, reader: str = "text") -> Document:
        """Build the document of a plain text: its lines, cut at CRLF, CR or LF."""
        lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return cls(text, tuple(lines), reader)

    @property
    def line_starts(self) -> list[int]:
        """The offset in ``text`` where each of the source's lines begins."""
        return self._starts

    def container_end(self, lines: Sequence[int]) -> int | None:
        """Return the last line inside the innermost element that encloses all of ``lines``.

        This is where a page's report ends: the site's footer and related links after the
        report's container are not its last section's text.  None when the source has no
        structure or no element encloses them all.
        """
        if self.paths is None or not lines:
            return None
        common = self.paths[lines[0]]
        for line in lines[1:]:
            path = self.paths[line]
            size = 0
            while size < min(len(common), len(path)) and common[size] == path[size]:
                size += 1
            common = common[:size]
        if not common:
            return None
        end = max(lines)
        while end + 1 < len(self.paths) and self.paths[end + 1][: len(common)] == common:
            end += 1
        return end

    def locate(self, line: int, start: int, end: int) -> tuple[int, int, int]:
        """Return where ``lines[line][start:end]`` is in the source.

        Returns:
            ``(1-based line of the source, start offset, end offset)``, offsets into ``text``.

        """
        starts = self._starts
        if self.segments is None:
            return line + 1, starts[line] + start, starts[line] + end
        if isinstance(self.segments, ContiguousSegments):
            first, last = self.segments.source_range(line, start, end)
            return bisect.bisect_right(starts, first), first, max(first, last)
        segments = self.segments[line]
        if not segments:
            return self.source_line(line), 0, 0
        first = _source_offset(segments, start, at_end=False)
        last = _source_offset(segments, max(start, end - 1), at_end=True)
        return bisect.bisect_right(starts, first), first, max(first, last)

    def locate_all(self, places: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Return ``locate(*place)`` of each place, in order, asking how lines map once rather than per place."""
        starts = self._starts
        segments = self.segments
        if segments is None:
            return [(line + 1, starts[line] + start, starts[line] + end) for line, start, end in places]
        if not isinstance(segments, ContiguousSegments):
            return [self.locate(*place) for place in places]
        line_of = bisect.bisect_right
        return [(line_of(starts, first), first, max(first, last)) for first, last in segments.source_ranges(places)]

    def place(self, line: int, start: int, end: int) -> tuple[int, tuple[float, float, float, float]] | None:
        """Return the page and the box where ``lines[line][start:end]`` was printed, or None.

        The box is the union of the boxes of the line's runs that overlap the columns.
        """
        boxes = [box for box in self.boxes.get(line, ()) if box[0] < max(end, start + 1) and box[1] > start]
        if not boxes:
            return None
        page = boxes[0][2]
        same = [box for box in boxes if box[2] == page]
        return page, (
            min(box[3] for box in same),
            min(box[4] for box in same),
            max(box[5] for box in same),
            max(box[6] for box in same),
        )

    def source_line(self, line: int) -> int:
        """Return the 1-based line of the source where document line ``line`` (0-based) begins."""
        if self.segments is None:
            return line + 1
        segments = self.segments[line] if 0 <= line < len(self.segments) else ()
        return bisect.bisect_right(self._starts, segments[0][1]) if segments else 1


def _source_offset(segments: Sequence[Segment], column: int, *, at_end: bool) -> int:
    """Map a column of a line to the source through its segments."""
    index = max(bisect.bisect_right(segments, column, key=lambda segment: segment[0]) - 1, 0)
    start_column, source_start, source_end, exact = segments[index]
    if not exact:
        return source_end if at_end else source_start
    offset = source_start + (column - start_column)
    return min(offset + 1, source_end) if at_end else min(offset, source_end)


class Reader(abc.ABC):
    """Turns a source into a ``Document``; subclass it to read another format.

    Class attributes, as for tokenizers: ``name`` (used in ``parse(..., format=name)``),
    ``aliases``, ``priority`` (breaks ties in detection) and ``extensions`` (file name
    endings the command line picks up from folders).
    """

    name: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    priority: ClassVar[int] = 0
    extensions: ClassVar[tuple[str, ...]] = ()

    @abc.abstractmethod
    def detect(self, source: str | bytes) -> float:
        """Return how sure this reader is that ``source`` is its format, from 0.0 to 1.0.

        It must look at a bounded prefix only and never raise.
        """

    @abc.abstractmethod
    def read(self, source: str | bytes) -> Document:
        """Read ``source`` into a document.

        Raises:
            GovinfoReportError: a subclass saying what is wrong with the source
                (``DecodingError``, ``ReportNotFoundError`` …), never a bare builtin error.

        """
