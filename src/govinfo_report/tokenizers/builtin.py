"""The built-in tokenizers: pipe, tab, lines and wrapped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar, Final

from govinfo_report.normalize import WHITE_SPACE, fold_chars, is_value
from govinfo_report.patterns import lazy, lazy_re
from govinfo_report.tokenizers.base import (
    _NO_SPAN,
    CellSpan,
    DelimitedTokenizer,
    PackedSpans,
    Tokenizer,
    TokenRow,
    is_markdown,
    is_separator,
    located_row,
    nonblank,
    split_delimited,
    strip_borders,
)

__all__ = ["LinesTokenizer", "PipeTokenizer", "SpacedTokenizer", "TabTokenizer", "WrappedTokenizer", "wrap_rows"]


class _MixedDelimited(DelimitedTokenizer):
    """A delimited layout whose tables may hold a spaced row (``行政许可 0``) among the others."""

    def split_located(self, line: str, index: int) -> tuple[list[str], Sequence[CellSpan | None]]:
        """Split at the delimiter; a line without it may be label then numbers, spaced."""
        if self.delimiter not in line:
            spaced = _undelimited_row(line, index)
            if spaced is not None:
                return spaced
        return super().split_located(line, index)


class PipeTokenizer(_MixedDelimited):
    """Cells separated by ``|`` (``(七)總計 | 7 | 7 | | |``)."""

    name = "pipe"
    aliases = ("pipes", "|", "markdown")
    priority = 0.3
    delimiter = "|"
    joiner = " | "


class TabTokenizer(_MixedDelimited):
    """Cells separated by tabs; leading tabs stand for spanned label columns."""

    name = "tab"
    aliases = ("tabs", "tsv", "\t")
    priority = 0.2
    delimiter = "\t"


class LinesTokenizer(Tokenizer):
    """One cell per line: a label line, then the row's numbers, one per line.

    A line that is not a number starts a new row; number lines join the current row.
    """

    name = "lines"
    aliases = ("line", "cell-per-line", "one-per-line")
    priority = 0.1

    def score(self, lines: Sequence[str]) -> float:
        """High when there are no delimiters and many lines are bare numbers."""
        content = nonblank(lines)
        if not content:
            return 0.0
        if any("|" in line or "\t" in line for line in content):
            return 0.0
        numbers = sum(1 for line in content if is_value(line))
        share = numbers / len(content)
        return 0.85 if share >= 0.25 else 0.4 * share

    def render(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """Every non-empty cell on a line of its own.

        Loses the empty cells (a row reads back collapsed) and the boundary between two
        rows of numbers or two label cells of one row.
        """
        return [cell for cells in rows for cell in cells if cell.strip()]

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        """Group each label line with the number lines that follow it.

        Empty lines between a row's label and one of its numbers are kept as empty
        cells: alignment reads a row by position when they make it exactly as wide as
        its template row, and drops them otherwise.
        """
        rows: list[TokenRow] = []
        cells: list[str] = []
        flat: list[int] = []  # the cells' spans, packed (``PackedSpans``): a row is short-lived until it is done
        gaps = False
        start = 0
        empty = 0
        for index, line in enumerate(lines):
            text = line.strip()
            if not text:
                empty += 1
                continue
            # str.strip takes off what lstrip and rstrip do: the end is the start plus the text
            lead = 0 if text is line else len(line) - len(line.lstrip())
            if cells and is_value(text):
                if empty:
                    cells.extend([""] * empty)
                    flat.extend(_NO_SPAN * empty)
                    gaps = True
                cells.append(text)
                flat += (index, lead, lead + len(text))
                empty = 0
                continue
            if cells:
                rows.append(TokenRow(tuple(cells), start, PackedSpans._of(tuple(flat), gaps=gaps)))
            cells, flat, gaps, start, empty = [text], [index, lead, lead + len(text)], False, index, 0
        if cells:
            rows.append(TokenRow(tuple(cells), start, PackedSpans._of(tuple(flat), gaps=gaps)))
        return rows


#: A run of characters that are not white space (``\S+`` as ``regex`` reads it).
_TOKEN_RE = lazy_re(f"[^{re.escape(WHITE_SPACE)}]+")
#: The characters ``str.split`` takes for white space and ``regex`` does not (the
#: information separators; tests/test_tokenizers.py checks all of Unicode).
_SPLIT_ONLY_SPACE = lazy_re("[\x1c-\x1f]")
# The start of a row label (1. （一） (一) 一、) after such a character.
_LABEL_START_RE = lazy(
    r"^(?:\d{1,2}\s*[.、．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])"
)
_GAP_RE = lazy_re(r" {2,}|\t")


# Marks that stand for an empty cell among a row's numbers.
_DASHES = frozenset({"-", "--", "—", "——", "/", "／"})


def _is_cell(token: str) -> bool:
    """Tell whether a space-separated token is a number cell or a dash for an empty one."""
    return token in _DASHES or is_value(token)


class SpacedTokenizer(Tokenizer):
    """Cells separated by spaces, as PDF text extraction writes them.

    ``pdftotext -layout`` aligns columns with runs of spaces; pdfplumber's
    ``extract_text`` leaves one space between cells.  Either way a row is a label (which
    may contain single spaces: ``4.无正当理由大量反复 申请``) followed by its numbers, each
    number its own cell: digits separated by spaces are never one number.  A dash or
    slash among the numbers is an empty cell.

    - The label part is cut into cells at gaps of two spaces or more and before a row's
      enumeration marker: a group label sharing the line with its first row
      (``（三）不予公开 1.属于国家秘密``), or a character of a group label printed
      vertically and set before a row's label (``三 2.其他法律…``), is a cell of its own.
    - A row with fewer numbers than a nearby row whose number columns it lines up with
      (within ``tolerance`` characters) gets empty cells where its blanks are, so that
      alignment reads it by position (``pdftotext -layout`` keeps those positions).
    - Labels wrapped above or below their numbers, and numbers printed on a line of their
      own, are rows as they stand: alignment puts them back together.
    """

    name = "spaced"
    aliases = ("space-aligned", "layout", "pdfplumber")
    priority = 0.15

    #: How far, in characters, a number's centre may sit from its column's.
    tolerance: ClassVar[float] = 1.5
    #: How many lines away a row may look for another row to take its columns from.
    reach: ClassVar[int] = 8

    def score(self, lines: Sequence[str]) -> float:
        """High when, with no delimiters, many lines end in numbers set apart by spaces."""
        content = nonblank(lines)
        if not content or any("|" in line or "\t" in line for line in content):
            return 0.0
        numbered = runs = 0
        for line in content:
            tokens = line.split()
            if len(tokens) >= 2 and is_value(tokens[-1]):
                numbered += 1
                runs += len(tokens) >= 3 and is_value(tokens[-2]) and is_value(tokens[-3])
        share = numbered / len(content)
        if runs:  # three numbers side by side: nothing but a row of this layout looks so
            return min(0.85, 0.6 + share)
        return 0.0 if share < 0.2 else min(0.85, 0.5 + share)

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        """One row per non-blank line: its label cells, then one cell per number."""
        rows: list[TokenRow] = []
        numbers: list[list[tuple[int, int]]] = []  # the number spans of each row
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            cells, spans, values = split_spaced(line, index)
            rows.append(located_row(cells, spans, index))
            numbers.append(values)
        blocks = self._blocks(rows, numbers)
        return [self._pad(rows, numbers, blocks, at) for at in range(len(rows))]

    def render(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """Cells two spaces apart, an empty cell after the label written ``-``.

        Loses empty cells before a row's first label (spanned label columns).
        """
        lines = []
        for cells in rows:
            first = next((i for i, cell in enumerate(cells) if cell), len(cells))
            if first < len(cells):
                lines.append("  ".join(cell or "-" for cell in cells[first:]))
        return lines

    def _pad(self, rows: list[TokenRow], numbers: list[list[tuple[int, int]]], blocks: list[int], at: int) -> TokenRow:
        """Give a short row empty cells where a nearby fuller row of its block has columns it lacks."""
        mine = numbers[at]
        if not mine:
            return rows[at]
        row = rows[at]
        for distance in range(1, self.reach + 1):
            for other in (at - distance, at + distance):
                if not 0 <= other < len(rows) or len(numbers[other]) <= len(mine) or blocks[other] != blocks[at]:
                    continue
                if abs(rows[other].line - row.line) > self.reach:
                    continue
                slots = self._columns(mine, numbers[other])
                if slots is None:
                    continue
                width = len(numbers[other])
                head = len(row.cells) - len(mine)
                cells = list(row.cells[:head]) + [""] * width
                spans = list(row.spans[:head]) + [None] * width
                for slot, k in zip(slots, range(head, len(row.cells)), strict=True):
                    cells[head + slot], spans[head + slot] = row.cells[k], row.spans[k]
                return located_row(cells, spans, row.line)
        return row

    @staticmethod
    def _blocks(rows: list[TokenRow], numbers: list[list[tuple[int, int]]]) -> list[int]:
        """Give each row the number of its block, whose columns may differ from the next's.

        A header row (two text cells or more, no number) or a block title
        (``第二十条第（五）项``) starts a new block.
        """
        blocks: list[int] = []
        block = 0
        for row, values in zip(rows, numbers, strict=True):
            numbered = any(is_value(cell) for cell in row.cells)
            title = _BLOCK_RE.search(fold_chars(" ".join(row.cells))) is not None
            if not numbered and (len(row.cells) - len(values) >= 2 or title):
                block += 1
            blocks.append(block)
        return blocks

    def _columns(self, mine: list[tuple[int, int]], theirs: list[tuple[int, int]]) -> list[int] | None:
        """Match each of ``mine`` to a distinct column of ``theirs`` in order, or None.

        Columns must be set apart by two spaces or more (pdfplumber's single spaces keep
        no positions), and every number must sit within ``tolerance`` of its column.
        """
        if any(theirs[i + 1][0] - theirs[i][1] < 2 for i in range(len(theirs) - 1)):
            return None
        centres = [(start + end) / 2 for start, end in theirs]
        slots: list[int] = []
        for start, end in mine:
            centre = (start + end) / 2
            best = min(range(len(centres)), key=lambda i: abs(centres[i] - centre))
            if abs(centres[best] - centre) > self.tolerance or (slots and best <= slots[-1]):
                return None
            slots.append(best)
        return slots


def split_spaced(line: str, index: int) -> tuple[list[str], list[CellSpan | None], list[tuple[int, int]]]:
    """Cut a line of space-separated cells: label cells, then one cell per number.

    Returns:
        The cells, their spans, and the ``(start, end)`` of each number cell.

    """
    tokens = _token_spans(line)
    cut = len(tokens)
    while cut > 0 and _is_cell(line[tokens[cut - 1][0] : tokens[cut - 1][1]]):
        cut -= 1
    label, values = tokens[:cut], _merge_split_digits(tokens[cut:])
    cells: list[str] = []
    spans: list[CellSpan | None] = []
    for start, end in _label_cells(line, label):
        cells.append(line[start:end])
        spans.append((index, start, end))
    for start, end in values:
        blank = line[start:end] in _DASHES  # merged digits "3 1" stay as printed
        cells.append("" if blank else line[start:end])
        spans.append(None if blank else (index, start, end))
    return cells, spans, values


def _token_spans(line: str) -> list[tuple[int, int]]:
    """Return where each run of non-white-space characters (``_TOKEN_RE``) is in ``line``.

    By ``str.split`` and ``str.find`` (several times faster than a match per token) where
    the two agree on what white space is, which is every line without an information
    separator: each token is found at or after the end of the one before, and only white
    space lies between them.
    """
    if _SPLIT_ONLY_SPACE.search(line) is not None:
        return [(m.start(), m.end()) for m in _TOKEN_RE.finditer(line)]
    spans = []
    end = 0
    for token in line.split():
        start = line.find(token, end)
        end = start + len(token)
        spans.append((start, end))
    return spans


def _undelimited_row(line: str, index: int) -> tuple[list[str], list[CellSpan | None]] | None:
    """Read a line without the table's delimiter as a spaced row, if it is label then numbers.

    PDF converters mix layouts within one table (``行政许可 0`` among ``| … |`` rows).
    """
    cells, spans, values = split_spaced(line, index)
    if not values or len(values) == len(cells) or not any(is_value(c) for c in cells):
        return None
    return cells, spans


def _merge_split_digits(values: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep digits set one space apart as one (damaged) cell where the row's cells are wider apart.

    ``pdftotext -layout`` sets cells two spaces apart or more; a single space between two
    of them (``3 1`` in ``0  1  3 1  1``) is a number whose digits came apart, which
    alignment then leaves blank (``number-split``) instead of reading two numbers.  With
    single spaces throughout (pdfplumber) nothing tells, and nothing is merged.
    """
    gaps = [values[i + 1][0] - values[i][1] for i in range(len(values) - 1)]
    if not gaps or min(gaps) > 1 or max(gaps) < 2:
        return values
    merged = [values[0]]
    for gap, span in zip(gaps, values[1:], strict=True):
        if gap == 1:
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _label_cells(line: str, tokens: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group a row's label tokens into cells: cut at wide gaps and before enumeration markers."""
    cells: list[tuple[int, int]] = []
    for start, end in tokens:
        if cells and not _GAP_RE.search(line, cells[-1][1], start) and not _starts_label(line[start:end]):
            cells[-1] = (cells[-1][0], end)
        else:
            cells.append((start, end))
    return cells


def _starts_label(token: str) -> bool:
    return _LABEL_START_RE.match(fold_chars(token)) is not None


# A row label that starts a row of its own: 一、 (一) 1. 1、 …
_MARKER_RE = lazy(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.、．])"
)
# A block header of table 二: 第二十条第（一）项.
_BLOCK_RE = lazy(r"第.{1,4}条")


#: What ``str.strip()`` strips: the White_Space characters and the four separators ``\x1c``-``\x1f``.
_STRIPPED: Final = WHITE_SPACE + "\x1c\x1d\x1e\x1f"


def _labelled_row(cells: Sequence[str]) -> bool:
    """Tell whether a row's cells hold label text and a value (a row a fragment can continue)."""
    return any(cell and not is_value(cell) for cell in cells) and any(is_value(c) for c in cells)


class WrappedTokenizer(Tokenizer):
    """Delimited rows (tab or pipe) whose labels wrap onto continuation lines.

    Text extracted from PDFs breaks a long label: ``5. 属于三类内部事务信`` with the
    numbers, then ``息`` alone on a later line, maybe after a blank line (a page break).
    A continuation line holds a single short text fragment with no number, no enumeration
    marker and no block header; it is appended to the label of the row above.
    """

    name = "wrapped"
    aliases = ("wrap", "pdf")
    priority = 0.4

    #: The longest fragment taken as a continuation.
    max_fragment: ClassVar[int] = 24
    #: The longest label continuations may build; past it a fragment is a row of its own
    #: (keeps tokenizing linear on hostile input).
    max_label: ClassVar[int] = 120

    def _delimiter(self, lines: Sequence[str]) -> str | None:
        content = nonblank(lines)
        tabs = sum(1 for line in content if "\t" in line)
        pipes = sum(1 for line in content if "|" in line)
        if not tabs and not pipes:
            return None
        return "\t" if tabs >= pipes else "|"

    def _fragment(self, cells: Sequence[str]) -> str | None:
        filled = [cell for cell in cells if cell]
        if len(filled) != 1:
            return None
        return self._fragment_text(filled[0])

    def _fragment_text(self, text: str) -> str | None:
        """Return the one filled cell of a line if it is a continuation fragment, else None."""
        folded = fold_chars(text)
        if (
            len(text) > self.max_fragment
            or is_value(text)
            or _MARKER_RE.match(folded)
            or _BLOCK_RE.search(folded)
            or folded.startswith("#")  # a markdown heading, not a label's continuation
        ):
            return None
        return text

    def score(self, lines: Sequence[str]) -> float:
        """0.95 when rows are delimited and at least one continuation fragment follows a row."""
        delimiter = self._delimiter(lines)
        if delimiter is None:
            return 0.0
        edges = delimiter + _STRIPPED
        previous: str | None = None  # the last line that is not a rule
        for line in lines:
            if is_separator(line):
                continue
            # The line's one filled cell, if it has one, without cutting it into cells: with
            # delimiters and white space gone from its ends, a line holding a delimiter still
            # has a filled cell on either side of it.  The fragment test first: most lines
            # fail it, and the row above is then not looked at.
            core = line.strip(edges)
            if (
                previous is not None
                and core
                and delimiter not in core
                and self._fragment_text(core) is not None
                and _labelled_row([cell.strip() for cell in previous.split(delimiter)])
            ):
                return 0.95
            previous = line
        return 0.0

    #: Label width at which ``render`` wraps.
    width: ClassVar[int] = 8

    def render(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """Tab-delimited rows whose last label wraps at ``width`` onto lines of its own.

        A row whose cells are all empty right after a numbered row reads back joined to
        that row's label; alignment splits such a label again (``label-split``).
        """
        return wrap_rows(rows, "\t", self.width)

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        """Split rows on the dominant delimiter and fold continuation lines into labels."""
        delimiter = self._delimiter(lines) or "\t"
        markdown = is_markdown(lines)
        rows: list[TokenRow] = []
        spans: Sequence[CellSpan | None]
        for index, line in enumerate(lines):
            if is_separator(line):
                continue
            spaced = _undelimited_row(line, index) if delimiter not in line else None
            cells, spans = spaced or split_delimited(line, index, delimiter)
            if markdown:
                cells, spans = strip_borders(line, cells, spans, delimiter)
            fragment = self._fragment(cells)
            at = _last_label(rows[-1].cells) if fragment is not None and rows else None
            if fragment is not None and at is not None and len(rows[-1].cells[at]) + len(fragment) <= self.max_label:
                prev, prev_spans = list(rows[-1].cells), list(rows[-1].spans)
                prev[at] = prev[at] + fragment
                prev_spans[at] = None  # a label joined from pieces is no one substring
                rows[-1] = located_row(prev, prev_spans, rows[-1].line)
                continue
            rows.append(located_row(cells, spans, index))
        return rows


def wrap_rows(rows: Sequence[Sequence[str]], delimiter: str, width: int, *, page_break: bool = False) -> list[str]:
    """Render delimited rows with the last label of each numbered row wrapped at ``width``.

    The continuation pieces go on lines of their own, in the label's column, as PDF text
    extraction leaves them; with ``page_break`` a blank line comes before the first one.
    Only pieces ``WrappedTokenizer`` reads as continuations are split off (never a piece
    that looks like a number, a marker or a block header): a label that cannot be cut so
    stays whole.
    """
    if width < 1:
        raise ValueError(f"wrap width must be 1 or more, not {width}")
    joiner = " | " if delimiter == "|" else delimiter
    fragment_ok = WrappedTokenizer()._fragment
    lines: list[str] = []
    for cells in rows:
        at = _last_label(cells)
        if at is None or len(cells[at]) <= width:
            lines.append(joiner.join(cells))
            continue
        label = cells[at]
        pieces = [label[i : i + width] for i in range(0, len(label), width)]
        if not all(fragment_ok([piece]) is not None and piece.strip() == piece for piece in pieces[1:]):
            lines.append(joiner.join(cells))
            continue
        lines.append(joiner.join([*cells[:at], pieces[0], *cells[at + 1 :]]))
        if page_break:
            lines.append("")
        lines.extend(joiner.join([*([""] * at), piece]) for piece in pieces[1:])
    return lines


def _last_label(cells: Sequence[str]) -> int | None:
    """Index of the last non-number, non-empty cell of a row that has numbers."""
    if not any(is_value(cell) for cell in cells):
        return None
    for index in range(len(cells) - 1, -1, -1):
        if cells[index] and not is_value(cells[index]):
            return index
    return None
