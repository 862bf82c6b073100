"""The tokenizer contract: text lines of one table → rows of cell strings.

A tokenizer only splits text; it knows nothing of the template.  Turning its rows into
template rows is ``align``'s job.  Contract, as in Pygments' lexers: a handful of class
attributes and two methods.
"""

from __future__ import annotations

import abc
import math
import sys
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Final, overload

import attrs
import regex

from govinfo_report.normalize import WHITE_SPACE
from govinfo_report.patterns import lazy

__all__ = [
    "CellSpan",
    "DelimitedTokenizer",
    "PackedSpans",
    "TokenRow",
    "Tokenizer",
    "is_markdown",
    "is_separator",
    "located_row",
    "nonblank",
    "safe_score",
    "split_delimited",
    "split_located",
    "strip_borders",
]

#: Where a cell was read: ``(line, start, end)``, the 0-based index of the line in the lines
#: given to ``tokenize`` and the cell's stripped text as ``lines[line][start:end]``.
CellSpan = tuple[int, int, int]


class PackedSpans(Sequence[CellSpan | None]):
    """The spans of a row's cells packed in one flat tuple of offsets.

    It reads as the tuple ``((line, start, end) or None, ...)`` it stands for and compares
    equal to it, at less than half its memory (one tuple instead of one per cell):
    table-heavy text has a row for every line.
    """

    __slots__ = ("_flat", "_gaps")

    def __init__(self, spans: Sequence[CellSpan | None]) -> None:
        """Pack ``spans`` (a cell without a span is None)."""
        self._gaps = None in spans
        self._flat = tuple(x for span in spans for x in (_NO_SPAN if span is None else span))

    @classmethod
    def _of(cls, flat: tuple[int, ...], *, gaps: bool) -> PackedSpans:
        """Wrap offsets already packed: ``line, start, end`` per cell, ``-1, -1, -1`` for no span."""
        packed = cls.__new__(cls)
        packed._flat, packed._gaps = flat, gaps
        return packed

    def __len__(self) -> int:
        return len(self._flat) // 3

    @overload
    def __getitem__(self, index: int) -> CellSpan | None: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[CellSpan | None]: ...

    def __getitem__(self, index: int | slice) -> CellSpan | Sequence[CellSpan | None] | None:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step == 1:
                return PackedSpans._of(self._flat[3 * start : 3 * max(start, stop)], gaps=self._gaps)
            return tuple(self)[index]
        size = len(self)
        if not -size <= index < size:
            raise IndexError("span index out of range")
        at = 3 * (index % size)
        span = self._flat[at : at + 3]
        return None if span[0] < 0 else (span[0], span[1], span[2])

    def __iter__(self) -> Iterator[CellSpan | None]:
        flat = iter(self._flat)
        triples = zip(flat, flat, flat, strict=True)
        if not self._gaps:
            return triples
        return (None if span[0] < 0 else span for span in triples)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (tuple, PackedSpans)) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]  # equal to tuples, so no hash of its own

    def __repr__(self) -> str:
        return repr(tuple(self))


_NO_SPAN: CellSpan = (-1, -1, -1)


@attrs.frozen
class TokenRow:
    """One row as a tokenizer found it."""

    #: The cells' original text, stripped of surrounding whitespace; "" for an empty cell.
    cells: tuple[str, ...]
    #: 0-based index, in the lines given to ``tokenize``, of the row's first line.
    line: int
    #: Where each cell was read, parallel to ``cells`` (None for a cell that is not a
    #: substring of one line, such as a label joined from wrapped pieces); ``()`` when the
    #: tokenizer does not say.  Values without a span get none in the ``Report``.  A tuple,
    #: or a ``PackedSpans``, which reads as one.
    spans: Sequence[CellSpan | None] = attrs.field(default=(), eq=False)


def split_located(line: str, index: int, separator: regex.Pattern[str]) -> tuple[list[str], PackedSpans]:
    """Split ``line`` at ``separator`` into stripped cells and their spans.

    Args:
        line: one line of text.
        index: its index in the lines given to ``tokenize``.
        separator: what stands between cells.

    Returns:
        The cells (``""`` for an empty one) and, parallel to them, their spans.

    """
    cells: list[str] = []
    flat: list[int] = []
    start = 0
    for match in (*separator.finditer(line), None):
        stop = len(line) if match is None else match.start()
        piece = line[start:stop]
        stripped = sys.intern(piece.strip())  # cells repeat (0, 1, a label): one string each
        lead = start + len(piece) - len(piece.lstrip())
        cells.append(stripped)
        flat += (index, lead, lead + len(stripped))
        if match is not None:
            start = match.end()
    return cells, PackedSpans._of(tuple(flat), gaps=False)


def split_delimited(line: str, index: int, delimiter: str) -> tuple[list[str], PackedSpans]:
    """Split ``line`` at each ``delimiter`` into stripped cells and their spans.

    What ``split_located`` gives with the delimiter's escaped pattern, from ``str.split``
    and the pieces' lengths (no match object per cell: table-heavy text has a row a line).

    Args:
        line: one line of text.
        index: its index in the lines given to ``tokenize``.
        delimiter: the text between cells (not empty).

    Returns:
        The cells (``""`` for an empty one) and, parallel to them, their spans.

    """
    cells: list[str] = []
    flat: list[int] = []
    start = 0
    step = len(delimiter)
    for piece in line.split(delimiter):
        stripped = piece.strip()
        lead = start if stripped is piece else start + len(piece) - len(piece.lstrip())
        stripped = sys.intern(stripped)  # cells repeat (0, 1, a label): one string each
        cells.append(stripped)
        flat += (index, lead, lead + len(stripped))
        start += len(piece) + step
    return cells, PackedSpans._of(tuple(flat), gaps=False)


def is_markdown(lines: Sequence[str]) -> bool:
    """Tell whether a table's lines are a markdown table (they hold a ``|---|`` rule)."""
    # every rule has a run of three dashes: the pattern only for lines that do
    return any("---" in line and _MARKDOWN_RULE.fullmatch(line) for line in lines)


def strip_borders(
    line: str, cells: list[str], spans: Sequence[CellSpan | None], delimiter: str
) -> tuple[list[str], Sequence[CellSpan | None]]:
    """Drop the empty cells that a bordered row's outer delimiters make (``| a | b |``)."""
    stripped = line.strip()
    if len(cells) >= 3 and stripped[:1] == stripped[-1:] == delimiter:
        return cells[1:-1], spans[1:-1]
    return cells, spans


def located_row(cells: Sequence[str], spans: Sequence[CellSpan | None], line: int) -> TokenRow:
    """Build a ``TokenRow`` from parallel lists of cells and spans (packed: ``PackedSpans``)."""
    if isinstance(spans, PackedSpans):
        return TokenRow(tuple(cells), line, spans)
    return TokenRow(tuple(cells), line, PackedSpans(spans) if spans else ())


class Tokenizer(abc.ABC):
    """Base class of table tokenizers.

    Subclasses set the class attributes and implement ``score`` and ``tokenize``.  Both
    must accept any text without raising; the registry guards ``score`` anyway.
    """

    #: Unique name, used by ``parse(text, layout=name)``.
    name: ClassVar[str]
    #: Other names accepted for it.
    aliases: ClassVar[tuple[str, ...]] = ()
    #: Breaks ties between equal scores: higher wins.
    priority: ClassVar[float] = 0.0
    #: Its number cells are runs of glued digits holding several cells each; alignment
    #: splits them by the template's identities.
    glued: ClassVar[bool] = False

    @abc.abstractmethod
    def score(self, lines: Sequence[str]) -> float:
        """Return how likely, in 0..1, it is that ``lines`` are a table in this layout.

        Score only features distinctive of the layout.
        """

    @abc.abstractmethod
    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        """Split ``lines`` (one table's text) into rows of cells."""

    def render(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """Flatten rows of cells into lines of this layout: the inverse of ``tokenize``.

        ``tokenize(render(rows))`` gives back the rows' cells, up to what the layout cannot
        carry (documented by each tokenizer).  Optional: a tokenizer without a renderer
        keeps this default, and ``govinfo_report.render`` refuses its layout.

        Raises:
            NotImplementedError: this tokenizer has no renderer.

        """
        raise NotImplementedError(f"the {self.name!r} tokenizer has no renderer")

    @property
    def can_render(self) -> bool:
        """Tell whether this tokenizer overrides ``render``."""
        return type(self).render is not Tokenizer.render

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


def safe_score(tokenizer: Tokenizer, lines: Sequence[str]) -> float:
    """Ask a tokenizer for its score; a scorer that raises or returns junk counts as 0.0."""
    try:
        value = float(tokenizer.score(lines))
    except Exception:  # noqa: BLE001 - a plugin's bug must not break detection
        return 0.0
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


_MARKDOWN_RULE = lazy(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*")
#: The characters of a rule line: ``[\s|\-=_—+:：]``.
_SEPARATOR_CHARS: Final = WHITE_SPACE + "|-=_—+:："


def is_separator(line: str) -> bool:
    """Tell whether a line holds only rules and delimiters (``----|---``), or nothing."""
    # str.strip by a set of characters: a tenth of a regular expression's fullmatch
    return not line.strip(_SEPARATOR_CHARS)


def nonblank(lines: Sequence[str]) -> list[str]:
    """Return the lines that hold more than whitespace."""
    return [line for line in lines if line.strip()]


class DelimitedTokenizer(Tokenizer):
    """Cells separated by one delimiter character; one line per row."""

    #: The character between cells.
    delimiter: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Refuse a subclass whose ``delimiter`` is not a non-empty string (no line could be cut by it)."""
        super().__init_subclass__(**kwargs)
        if "delimiter" not in cls.__dict__:
            return  # inherited: checked with the class that set it (or abstract, and never cut with)
        delimiter = cls.__dict__["delimiter"]
        if not (isinstance(delimiter, str) and delimiter):
            raise TypeError(f"{cls.__qualname__}.delimiter must be a non-empty string, not {delimiter!r}")

    def score(self, lines: Sequence[str]) -> float:
        """Share of non-blank lines that contain the delimiter, discounted slightly."""
        content = [line for line in nonblank(lines) if not is_separator(line) or self.delimiter in line]
        if not content:
            return 0.0
        with_delimiter = sum(1 for line in content if self.delimiter in line)
        return 0.9 * with_delimiter / len(content)

    def split(self, line: str) -> tuple[str, ...]:
        """Split one line into stripped cells."""
        return tuple(cell.strip() for cell in line.split(self.delimiter))

    def split_located(self, line: str, index: int) -> tuple[list[str], Sequence[CellSpan | None]]:
        """Split one line into stripped cells and their spans (``index`` is the line's)."""
        return split_delimited(line, index, self.delimiter)

    #: What ``render`` puts between cells (spaces around a delimiter are stripped on reading).
    joiner: ClassVar[str | None] = None

    def render(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """One line per row, cells joined by the delimiter; every cell, empty ones included."""
        joiner = self.joiner if self.joiner is not None else self.delimiter
        return [joiner.join(cells) for cells in rows]

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        """One row per line holding a cell; blank and rule lines are dropped.

        In a markdown table (one with a ``|---|`` rule line), a line that begins and ends
        with the delimiter is a bordered row: its first and last delimiters are borders,
        not empty cells.
        """
        rows: list[TokenRow] = []
        markdown = is_markdown(lines)
        for index, line in enumerate(lines):
            if is_separator(line):
                continue
            cells, spans = self.split_located(line, index)
            if markdown:
                cells, spans = strip_borders(line, cells, spans, self.delimiter)
            rows.append(located_row(cells, spans, index))
        return rows
