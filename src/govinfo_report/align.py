"""Alignment: token rows of one table → values of its template rows.

Tokenizers say where cells are; this module says which template cell each number is.
It recognises row labels (``labels``), moves numbers printed on a group label to the
group's first child, joins labels wrapped onto a following row, and places the numbers of
collapsed rows with the identities (``placement``).  Every inference leaves a diagnostic.
"""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from govinfo_report.identities import Number, cell_weights, identities_within
from govinfo_report.labels import LabelMatch, LabelMatcher
from govinfo_report.normalize import (
    Money,
    fold,
    is_blank,
    is_split_number,
    is_value,
    label_key,
    parse_money,
    split_marker,
    to_wan,
)
from govinfo_report.patterns import lazy
from govinfo_report.placement import MAX_SEARCH, Placement, Slot, place
from govinfo_report.schema import Cell, Diagnostic, Severity, Value
from govinfo_report.split import MAX_COMBINATIONS, MAX_SPLITS, MAX_STEPS, RowRun, solve
from govinfo_report.template import ColumnSpec, Identity, RowSpec, TableSpec
from govinfo_report.tokenizers.base import CellSpan, PackedSpans, TokenRow

__all__ = ["AlignedTable", "align", "header_money_unit"]

#: Longest label assembled from wrapped fragments (keeps alignment linear on junk).
MAX_WRAPPED_LABEL = 80
#: Repeats of one row named one by one (``row-duplicate``); one more diagnostic counts the rest.
MAX_DUPLICATES = 10

#: In the search across collapsed rows: an identity (its index), what one choice adds to its
#: left sum less its right sum, and the bounds that difference must stay within for the
#: rows after the choice to be able to bring it to 0.
_Move = tuple[int, Number, Number, Number]
#: A choice's moves, and of them the identities it changes with what it adds to each.
_Moves = tuple[list[_Move], list[tuple[int, Number]]]


@attrs.frozen
class AlignedTable:
    """What alignment found for one table."""

    spec: TableSpec
    #: ``{(row, column): value}`` for every cell found (blank cells as None).
    values: dict[Slot, Value]
    diagnostics: tuple[Diagnostic, ...]
    #: Data rows whose label (or position, for table 四) was found.
    rows_found: frozenset[str]
    #: How many numbers were placed in cells.
    numbers: int
    #: Where each value was read, by slot: ``(line, start, end)`` with ``line`` the
    #: 0-based index in the whole text (the ``offset`` given to ``align`` added).
    sources: dict[Slot, CellSpan] = attrs.field(factory=dict)


class _Located(str):
    """A cell's text that remembers where the tokenizer read it.

    Alignment moves cell texts between lists (labels dropped, blanks stripped, rows
    flattened); a ``str`` that carries its span goes along unchanged, so whichever cell
    a value is finally read from, its place in the source is known.  A slot, not a
    ``__dict__``: a quarter of the memory and two thirds of the time to make one.
    """

    __slots__ = ("span",)
    span: CellSpan


@attrs.frozen
class _OpenRow:
    """A collapsed row that several placements fit: its slots, its numbers and the placements."""

    columns: tuple[tuple[RowSpec, ColumnSpec], ...]
    filled: tuple[str, ...]
    line: int
    placement: Placement

    @property
    def slots(self) -> tuple[Slot, ...]:
        """The ``(row, column)`` cells the row's numbers may go to."""
        return tuple((r.key, c.key) for r, c in self.columns)

    @property
    def amounts(self) -> tuple[Decimal, ...]:
        """The row's numbers, in printed order."""
        return tuple(_amount(text) for text in self.filled)


@attrs.frozen
class _Orphan:
    """A row kept for ``place_orphans``: its label (None: it had none), its value cells, its line.

    The cells are kept as plain text with their spans packed, not as located copies: a
    junk table can hold one such row per line until the table ends.
    """

    text: str | None
    cells: tuple[str, ...]
    spans: PackedSpans
    line: int

    @classmethod
    def of(cls, text: str | None, values: Sequence[str], line: int) -> _Orphan:
        """Keep ``values`` (located cells) as text and spans."""
        spans = PackedSpans([v.span if isinstance(v, _Located) else None for v in values])
        label = None if text is None else str(text)  # a located label's copy would be kept with it
        return cls(label, tuple(sys.intern(str(v)) for v in values), spans, line)

    def values(self) -> list[str]:
        """Return the value cells again, located where they were read."""
        return _with_spans(self.cells, self.spans)


#: A row as alignment reads it: its cells (a list of its own, value cells located) and its line.
_Row = tuple[list[str], int]
#: A token row's spans (empty: none).
_Spans = Sequence[CellSpan | None]
#: A row as ``_Aligner.run`` reads it: its cells (a list of its own, not located), its line and its spans.
_SpannedRow = tuple[list[str], int, _Spans]


def _located(row: TokenRow) -> _Row:
    """Return ``row``'s cells, each that has a span as a ``_Located`` text, and its line."""
    if not row.spans:
        return list(row.cells), row.line
    cells = _with_spans(row.cells, row.spans)
    cells.extend(row.cells[len(cells) :])
    return cells, row.line


def _located_values(values: list[str], spans: _Spans) -> list[str]:
    """Return a row's value cells, each that has a span as a ``_Located`` text (``_located`` of them alone)."""
    cells = _with_spans(values, spans)
    cells.extend(values[len(cells) :])
    return cells


def _with_spans(texts: Sequence[str], spans: Sequence[CellSpan | None]) -> list[str]:
    """Return each text that has a span (as far as there are spans) as a ``_Located`` copy.

    Only a cell a value can be read from needs one: label text stays as it is (a located
    copy of every label would be kept by every cache that sees it).
    """
    cells: list[str] = []
    for text, span in zip(texts, spans, strict=False):
        # ``_is_label`` inlined (it is asked of every cell of every row); a long cell gets a copy.
        if span is not None and text and (len(text) > _MAX_CACHED_CELL or _may_be_read(text)):
            text = _Located(text)
            text.span = span
        cells.append(text)
    return cells


def header_money_unit(rows: Sequence[TokenRow]) -> str:
    """Return the money unit that the header of a table states (``单位：万元`` …), or ``Money.NONE``."""
    for row in rows:
        for cell in row.cells:
            # both units end in 元, and only 元 folds to a text holding it (tests/test_normalize.py)
            if "元" not in cell or is_value(cell):
                continue
            text = fold(cell)
            if "万元" in text:
                return Money.WAN
            if "元" in text and ("单位" in text or "(元)" in text or "金额" in text):
                return Money.YUAN
    return Money.NONE


@attrs.define
class _Label:
    """The label part of a token row."""

    texts: list[str]
    leaf: LabelMatch | None
    group: LabelMatch | None


class _Aligner:
    def __init__(self, spec: TableSpec, offset: int, money_unit: str, *, positional: bool = False) -> None:
        self.spec = spec
        self.positional = positional
        self.offset = offset
        self.money_unit = money_unit
        self.matcher = LabelMatcher.of(spec)
        self.values: dict[Slot, Value] = {}
        self.filled: set[str] = set()
        self.found: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        self.numbers = 0
        self.sources: dict[Slot, CellSpan] = {}
        #: Rows as they got numbers, in the order of the text: a row key, or an orphan
        #: whose label was lost or not recognised.
        self.sequence: list[str | _Orphan] = []
        #: Numbers printed apart from the table with a note naming their column:
        #: ``(number, column key, note, line)``, in the order of the text.
        self.noted: list[tuple[str, str, str, int]] = []
        #: Rows short by exactly one number that no identity places: ``(row, numbers,
        #: line, the row-ambiguous diagnostic)``, for ``place_noted``.
        self.short: list[tuple[RowSpec, list[str], int, Diagnostic]] = []
        #: Collapsed rows that several placements fit, for ``settle_collapsed``.
        self.open: list[_OpenRow] = []
        #: Each message said, kept once: a junk table repeats one diagnostic per line.
        self.messages: dict[str, str] = {}
        #: Per row key: how often it appeared again, the line of the first repeat not said
        #: one by one, and whether its diagnostics name the row (``duplicate``).
        self.repeats: dict[str, tuple[int, int, bool]] = {}

    # Diagnostics -----------------------------------------------------------------------

    def diag(
        self,
        code: str,
        severity: Severity,
        message: str,
        line: int | None,
        *,
        cells: tuple[Cell, ...] = (),
        row: str | None = None,
        column: str | None = None,
    ) -> Diagnostic:
        diagnostic = Diagnostic(
            code=code,
            severity=severity,
            message=self.messages.setdefault(message, message),
            line=None if line is None else self.offset + line + 1,
            table=self.spec.key,
            row=row,
            column=column,
            cells=cells,
        )
        self.diagnostics.append(diagnostic)
        return diagnostic

    def duplicate(self, row: RowSpec, line: int, *, named: bool) -> None:
        """Say that ``row`` appears again with numbers (the first is kept), one by one up to ``MAX_DUPLICATES``.

        ``named``: the diagnostic names the row (its key in ``Diagnostic.row``).  Past the
        limit the repeats are counted, for ``count_repeats``: a junk table of one row
        repeated a hundred thousand times gets a dozen diagnostics, not a hundred thousand.
        """
        count, first, _ = self.repeats.get(row.key, (0, line, named))
        count += 1
        if count <= MAX_DUPLICATES:
            self.diag(
                "row-duplicate",
                Severity.WARNING,
                f"row {row.label!r} appears again; kept the first",
                line,
                row=row.key if named else None,
            )
        self.repeats[row.key] = (count, line if count == MAX_DUPLICATES + 1 else first, named)

    def count_repeats(self) -> None:
        """Say how often each row appeared again past the ``MAX_DUPLICATES`` named one by one."""
        for key, (count, line, named) in self.repeats.items():
            if count > MAX_DUPLICATES:
                row = self.spec.row(key)
                self.diag(
                    "row-duplicate",
                    Severity.WARNING,
                    f"row {row.label!r} appears {count - MAX_DUPLICATES:,} more times from this line on, "
                    f"not named one by one; kept the first",
                    line,
                    row=key if named else None,
                )

    # Values ----------------------------------------------------------------------------

    def convert(self, row: RowSpec, column: ColumnSpec, text: str, reading: _Reading, line: int) -> Value:
        amount, unit, whole = reading
        if column.money:
            if unit == Money.NONE:
                unit = self.money_unit
            if unit == Money.NONE:
                self.diag(
                    "money-unit-assumed",
                    Severity.INFO,
                    f"amount {text!r} gives no unit, nor does the header: read as 万元",
                    line,
                    row=row.key,
                    column=column.key,
                )
                unit = Money.WAN
            return to_wan(amount, unit)
        if whole is None:
            self.diag(
                "count-not-whole",
                Severity.WARNING,
                f"{text!r} is not a whole number; cell left blank",
                line,
                row=row.key,
                column=column.key,
            )
            return None
        return whole

    def put(self, row: RowSpec, column: ColumnSpec, text: str | None, line: int) -> None:
        value: Value = None
        if text is not None:
            split, reading = _read_cached(text) if len(text) <= _MAX_CACHED_CELL else _read(text)
            if split:
                self.diag(
                    "number-split",
                    Severity.WARNING,
                    f"{text!r} is digits set apart by spaces, not one number; cell left blank",
                    line,
                    row=row.key,
                    column=column.key,
                )
            elif reading is not None:
                value = self.convert(row, column, text, reading, line)
        slot = (row.key, column.key)
        self.values[slot] = value
        self.sources.pop(slot, None)
        if value is not None:
            self.numbers += 1
            if isinstance(text, _Located):
                at, start, end = text.span
                self.sources[slot] = (self.offset + at, start, end)

    def within(self, rows: Sequence[RowSpec]) -> tuple[Identity, ...]:
        """Return the identities over ``rows`` alone, which a collapsed row's placement must satisfy."""
        return identities_within(self.spec, {r.key for r in rows})

    def assign(self, rows: Sequence[RowSpec], cells: Sequence[str], line: int) -> None:
        """Put a row's value cells into the columns of ``rows`` (one row, or all of 四)."""
        columns = [(r, c) for r in rows for c in r.columns]
        width = len(columns)
        for r in rows:
            self.found.add(r.key)
        if self.positional:
            self.assign_positions(rows, columns, cells, line)
            return
        if len(cells) == width:  # the first of the candidates below, and most rows: no stripping needed
            for (r, c), text in zip(columns, cells, strict=True):
                self.put(r, c, text, line)
            return
        both = _strip(cells, leading=True)
        tail = _strip(cells, leading=False)
        filled = [c for c in cells if not is_blank(c)]
        # A row that shows every cell position is read by position, whatever its blanks and
        # whether or not its identities hold; only a row that is really short is collapsed.
        # Blanks *between* numbers show positions too (a collapsed row has none): such a row
        # padded with more trailing blanks than it needs is its first ``width`` cells.
        candidates = [list(cells), tail, both]
        if len(tail) < width <= len(cells) and _inner_blank(tail):
            candidates.append(tail + [""] * (width - len(tail)))
        for candidate in candidates:
            if len(candidate) == width:
                for (r, c), text in zip(columns, candidate, strict=False):
                    self.put(r, c, text, line)
                return
        for r, c in columns:
            self.values.setdefault((r.key, c.key), None)
        if not filled:
            return
        if len(filled) == width and not _inner_blank(cells):
            for (r, c), text in zip(columns, filled, strict=False):
                self.put(r, c, text, line)
            return
        if len(filled) >= width:
            # Which of them are the row's (a page number? a number whose digits a PDF set
            # apart?) nothing says: reading any would be a guess.
            self.diag(
                "extra-numbers",
                Severity.WARNING,
                f"{len(filled)} numbers and {len(cells) - len(filled)} blank cells for {width} columns "
                f"({', '.join(filled)}); which are the row's is unknown: cells left blank",
                line,
                row=rows[0].key if len(rows) == 1 else None,
            )
            return
        self.collapsed(rows, columns, filled, line)

    def assign_positions(
        self, rows: Sequence[RowSpec], columns: list[tuple[RowSpec, ColumnSpec]], cells: Sequence[str], line: int
    ) -> None:
        """Read a row of cells the source cut itself, by position, left-aligned as a browser shows it.

        Blank cells are blank cells; cells beyond the template's width are left out only
        when they are blank (an empty extra column), else the row stays blank.
        """
        width = len(columns)
        items = list(cells)
        if len(items) > width and all(is_blank(c) for c in items[width:]):
            items = items[:width]
        elif len(items) > width and all(is_blank(c) for c in items[: len(items) - width]):
            items = items[len(items) - width :]
        if len(items) > width:
            filled = [c for c in items if not is_blank(c)]
            for r, c in columns:
                self.values.setdefault((r.key, c.key), None)
            self.diag(
                "extra-numbers",
                Severity.WARNING,
                f"{len(items)} cells for {width} columns ({', '.join(filled)}); which are the row's is unknown: "
                "cells left blank",
                line,
                row=rows[0].key if len(rows) == 1 else None,
            )
            return
        for index, (r, c) in enumerate(columns):
            self.put(r, c, items[index] if index < len(items) else None, line)

    def collapsed(
        self, rows: Sequence[RowSpec], columns: list[tuple[RowSpec, ColumnSpec]], filled: list[str], line: int
    ) -> None:
        amounts = [_whole(_amount(text)) for text in filled]  # whole numbers as ints: faster sums, same answers
        slots = [(r.key, c.key) for r, c in columns]
        within = self.within(rows)
        placement = place(amounts, slots, within)
        by_slot = {(r.key, c.key): (r, c) for r, c in columns}
        if placement.satisfying == 0:
            # Nothing tells which columns these numbers are in: a guess would be an
            # invented reading, so the cells stay blank and the numbers are listed.
            why = "no placement satisfies the identities" if within else "no identity constrains this row"
            diagnostic = self.diag(
                "row-ambiguous",
                Severity.WARNING,
                f"row shows {len(filled)} of {len(columns)} numbers ({', '.join(filled)}) and {why}: "
                f"they could be in any {len(filled)} of the columns {', '.join(c.key for _, c in columns)}; "
                "cells left blank",
                line,
                row=rows[0].key if len(rows) == 1 else None,
            )
            if len(rows) == 1 and len(filled) == len(columns) - 1 and not within:
                self.short.append((rows[0], filled, line, diagnostic))
            return
        if placement.satisfying > 1 or placement.truncated:
            # Several placements satisfy the row's identities: the identities between
            # rows may narrow them once the whole table is read (``settle_collapsed``).
            for r, c in columns:
                self.values.setdefault((r.key, c.key), None)
            self.open.append(_OpenRow(tuple(columns), tuple(filled), line, placement))
            return
        for slot, text in zip(placement.slots, filled, strict=False):
            r, c = by_slot[slot]
            self.put(r, c, text, line)
            self.diag(
                "cell-inferred",
                Severity.INFO,
                f"row shows {len(filled)} of {len(columns)} numbers; {text} placed here as "
                "the only placement that satisfies the identities",
                line,
                row=r.key,
                column=c.key,
            )

    def settle_collapsed(self) -> None:
        """Place the collapsed rows that their own identities left open, by the identities between rows.

        The combinations of the open rows' placements are tried against the identities
        that involve them (R1, R2 across rows; the rows already read fixed), as long as
        there are at most ``MAX_COMBINATIONS``.  A cell takes a number only when every
        consistent combination puts the same number (or none) there; any other cell stays
        blank with ``cell-ambiguous`` listing what it could be.
        """
        if not self.open:
            return
        open_slots = {slot for row in self.open for slot in row.slots}
        rows_of = [{slot[0] for slot in row.slots} for row in self.open]
        # A cell outside the open rows counts only when it was read: a row not found, or
        # one with a warning (cells left blank for want of a reading), is not known blank.
        doubtful = {d.row for d in self.diagnostics if d.severity >= Severity.WARNING and d.row is not None}
        known = {slot for slot in self.values if slot[0] not in doubtful} | open_slots
        checked = [
            i
            for i in self.spec.identities
            if any(cell in open_slots for cell in i.cells)
            and all(cell in known for cell in i.cells)
            and not any(i.rows <= rows for rows in rows_of)
        ]
        needed = {cell for identity in checked for cell in identity.cells}
        base = {slot: value for slot, value in self.values.items() if slot in needed and slot not in open_slots}
        options = [list(row.placement.every) for row in self.open]
        bounded = any(r.placement.truncated for r in self.open)
        inconsistent = False
        if checked and not bounded:
            consistent = self.consistent_placements(checked, base, options)
            if consistent is None:
                bounded = True
            elif all(consistent):
                options = [[p for p in o if p in kept] for o, kept in zip(options, consistent, strict=True)]
            else:
                inconsistent = True  # the source's totals do not add up: the rows stay as open as they were
        for row, placements in zip(self.open, options, strict=True):
            self.settle_row(row, placements, bounded=bounded, inconsistent=inconsistent, across=bool(checked))
        self.open = []

    def consistent_placements(
        self, checked: Sequence[Identity], base: dict[Slot, Value], options: Sequence[Sequence[tuple[Slot, ...]]]
    ) -> list[set[tuple[Slot, ...]]] | None:
        """Return, per open row, the placements that some consistent combination of all open rows uses.

        Placements that put the same non-zero numbers in the same cells are one choice (a
        0 and a blank add the same to every sum, and an identity of zeros and blanks holds
        either way), so a row of zeros is no choice at all.  A depth-first search over
        those choices, rows with the largest numbers first (totals before their terms):
        after each row, the identities over its cells are kept only while they can still
        hold (``may_hold``: counts are never negative).  At most ``placement.MAX_SEARCH``
        choices are tried in all; None when the search hits that bound.
        """
        if any(column.signed for row in self.open for _, column in row.columns):
            return None  # a negative term could undo any partial sum: no pruned search
        # each row's numbers read once, not at every use; whole ones as ints
        amounts = [tuple(_whole(amount) for amount in row.amounts) for row in self.open]
        groups: list[dict[tuple[tuple[Slot, Number], ...], list[tuple[Slot, ...]]]] = []
        for row_amounts, placements in zip(amounts, options, strict=True):
            grouped: dict[tuple[tuple[Slot, Number], ...], list[tuple[Slot, ...]]] = {}
            for placement in placements:
                key = tuple((slot, amount) for slot, amount in zip(placement, row_amounts, strict=True) if amount)
                grouped.setdefault(key, []).append(placement)
            groups.append(grouped)
        order = sorted(
            (k for k in range(len(self.open)) if len(groups[k]) > 1 or any(groups[k])),
            key=lambda k: -max(amounts[k], default=0),
        )
        counted = cell_weights(tuple(checked))
        slots = [set(self.open[k].slots) for k in order]
        touching: list[list[int]] = []
        # What the rows not yet placed can still add to each side of each identity: per
        # row, its largest numbers, one per cell of the side in that row (a suffix sum).
        sides_in: list[dict[int, list[int]]] = []  # per row: identity -> [its left cells, its right cells] in the row
        for row_slots in slots:
            sides: dict[int, list[int]] = {}
            for slot in row_slots:
                for number, left, right, _ in counted.get(slot, ()):
                    side = sides.setdefault(number, [0, 0])
                    side[0] += left
                    side[1] += right
            sides_in.append(sides)
            touching.append(sorted(sides))
        largest = [sorted(amounts[k], reverse=True) for k in order]
        reach: list[list[tuple[Number, Number]]] = []
        for number in range(len(checked)):
            caps: list[tuple[Number, Number]] = [(0, 0)] * (len(order) + 1)
            for d in range(len(order) - 1, -1, -1):
                left, right = sides_in[d].get(number, (0, 0))
                caps[d] = (caps[d + 1][0] + sum(largest[d][:left], 0), caps[d + 1][1] + sum(largest[d][:right], 0))
            reach.append(caps)
        consistent: list[set[tuple[Slot, ...]]] = [set() for _ in self.open]
        for k in range(len(self.open)):
            if k not in order:  # zeros only: every placement is as good as another
                consistent[k].update(options[k])
        # Each identity's left sum less its right sum over the cells placed so far (the fixed rows' to start with).
        differences: list[Number] = [0] * len(checked)
        for cell, value in base.items():
            if value:
                for number, left, right, _ in counted.get(cell, ()):
                    differences[number] += value * (left - right)
        # Per row, each identity it touches with the bounds its difference must stay within
        # once the row is placed: what the later rows can still add to either side.
        bounds = [
            [(number, -reach[number][d + 1][0], reach[number][d + 1][1]) for number in touching[d]]
            for d in range(len(order))
        ]
        chosen: list[tuple[tuple[Slot, Number], ...]] = []
        tried = 0
        moves_at: list[dict[tuple[tuple[Slot, Number], ...], _Moves]] = [{} for _ in order]

        def moves(depth: int, key: tuple[tuple[Slot, Number], ...]) -> _Moves:
            """Per identity the choice touches: what it adds to the difference, and the bounds left by later rows."""
            adds: dict[int, Number] = {}
            for slot, amount in key:
                for number, _, _, sign in counted.get(slot, ()):
                    adds[number] = adds.get(number, 0) + sign * amount
            # the identities the choice changes first: they are the ones it breaks, as a rule
            found: list[_Move] = []
            unchanged: list[_Move] = []
            for number, low, high in bounds[depth]:
                add = adds.get(number, 0)
                (found if add else unchanged).append((number, add, low, high))
            found += unchanged
            made = (found, [(number, delta) for number, delta, _, _ in found if delta])
            moves_at[depth][key] = made
            return made

        # A nested function that called itself by name would be a reference cycle (it holds its own
        # closure cell), freed only by the garbage collector: it is handed itself as ``again``.
        def search(depth: int, again: Callable[..., bool]) -> bool:
            nonlocal tried
            if depth == len(order):
                for k, key in zip(order, chosen, strict=True):
                    consistent[k].update(groups[k][key])
                return True
            for key in groups[order[depth]]:
                tried += 1
                if tried > MAX_SEARCH:
                    return False
                made = moves_at[depth].get(key)
                checks, changes = made if made is not None else moves(depth, key)
                # Each identity can still hold: neither side is past what the other can reach.
                for number, delta, low, high in checks:
                    if not low <= differences[number] + delta <= high:
                        break
                else:
                    for number, delta in changes:
                        differences[number] += delta
                    chosen.append(key)
                    finished = again(depth + 1, again)
                    chosen.pop()
                    if not finished:
                        return False
                    for number, delta in changes:
                        differences[number] -= delta
            return True

        if not order:
            return consistent
        return consistent if search(0, search) else None

    def settle_row(
        self, row: _OpenRow, placements: Sequence[tuple[Slot, ...]], *, bounded: bool, inconsistent: bool, across: bool
    ) -> None:
        """Give an open collapsed row the cells its placements agree on; the others stay blank, named."""
        narrowed = len(placements) < row.placement.satisfying
        # What each placement puts in each of the row's cells (None: blank), read by cell.
        index = {slot: n for n, slot in enumerate(row.slots)}
        table: list[list[str | None]] = []
        for placement in placements:
            texts: list[str | None] = [None] * len(row.columns)
            for slot, text in zip(placement, row.filled, strict=True):
                texts[index[slot]] = text
            table.append(texts)
        by_cell = zip(*table, strict=True) if table else [()] * len(row.columns)
        why = []
        if bounded:
            why.append(f"the search across rows was bounded at {MAX_SEARCH:,} choices")
        if inconsistent:
            why.append("no combination satisfies the identities across rows (the source's totals do not add up)")
        if not across:
            why.append("no identity between rows constrains it")
        shows = (
            f"row shows {len(row.filled)} of {len(row.columns)} numbers ({', '.join(row.filled)}) and "
            f"{len(placements)} placements satisfy the identities{' (' + '; '.join(why) + ')' if why else ''}; "
        )
        for (r, c), cell_texts in zip(row.columns, by_cell, strict=True):
            distinct = list(dict.fromkeys(cell_texts))
            if distinct == [None]:
                self.put(r, c, None, row.line)
                continue
            if len(distinct) == 1 and not (bounded and not narrowed and row.placement.truncated):
                (text,) = distinct
                self.put(r, c, text, row.line)
                how = (
                    f"the {len(placements)} of its {row.placement.satisfying} placements that the identities "
                    "between rows leave"
                    if narrowed
                    else f"all {len(placements)} placements that satisfy the identities"
                )
                self.diag(
                    "cell-inferred",
                    Severity.INFO,
                    f"row shows {len(row.filled)} of {len(row.columns)} numbers; {text} placed here: {how} put it here",
                    row.line,
                    row=r.key,
                    column=c.key,
                )
                continue
            self.put(r, c, None, row.line)
            shown = " or ".join(str(t) if t is not None else "blank" for t in distinct)
            self.diag(
                "cell-ambiguous",
                Severity.WARNING,
                f"{shows}this cell could be {shown}: left blank",
                row.line,
                cells=tuple(Cell(self.spec.key, r.key, c.key, _candidate(t, c)) for t in distinct),
                row=r.key,
                column=c.key,
            )

    # Rows ------------------------------------------------------------------------------

    def label(self, cells: Sequence[str], labelled: Sequence[int]) -> _Label:
        """Match the label cells of a row (``labelled``: their indices, ``_label_indices``)."""
        texts = [cells[i] for i in labelled]
        leaf = group = None
        for text in texts:
            match = self.matcher.match(text)
            if match is None:
                continue
            if match.row.is_group:
                group = match
            else:
                leaf = match
        return _Label(texts, leaf, group)

    def fill(self, match: LabelMatch, cells: Sequence[str], line: int) -> None:
        row = match.row
        if match.distance:
            self.diag(
                "label-fuzzy-matched",
                Severity.INFO,
                f"label read as {row.label!r} ({match.distance} edit(s) away)",
                line,
                row=row.key,
            )
        has_numbers = any(not is_blank(c) for c in cells)
        if row.key in self.filled and has_numbers:
            self.duplicate(row, line, named=True)
            return
        if row.key in self.filled:
            return
        self.assign((row,), cells, line)
        if has_numbers:
            self.filled.add(row.key)
            self.sequence.append(row.key)

    def unjoin(self, rows: Iterable[_SpannedRow]) -> Iterator[tuple[list[str], int, list[int], _Spans]]:
        """Split a label that is two row labels run together into two rows.

        The first keeps the numbers; the second is the label alone (a row of blanks),
        which is what the wrapped layout had joined onto the label above it.  Each row
        comes with its line, the indices of its label cells (``_label_indices``) and the
        spans its cells had (the label alone has none).
        """
        for cells, line, spans in rows:
            texts = _label_indices(cells)
            if len(texts) != 1 or self.matcher.match(cells[texts[0]]) is not None:
                yield cells, line, texts, spans
                continue
            split = self.matcher.split(cells[texts[0]])
            if split is None:
                yield cells, line, texts, spans
                continue
            cut, head, tail = split
            text = cells[texts[0]]
            head_cells = list(cells)
            head_cells[texts[0]] = text[:cut]
            self.diag(
                "label-split",
                Severity.INFO,
                f"label {text!r} read as two rows, {head.row.label!r} and {tail.row.label!r} (blank)",
                line,
                row=tail.row.key,
            )
            yield head_cells, line, _label_indices(head_cells), spans
            tail_cells = [text[cut:]]
            yield tail_cells, line, _label_indices(tail_cells), ()

    def run(self, rows: Iterable[_SpannedRow]) -> None:
        """Tables 二 and 三: one template row per labelled token row, put back together.

        Text from PDFs separates a row's pieces: a label wrapped above and below its
        numbers, numbers on a line of their own after their label (``waiting``) or before
        it (``held``), numbers printed on a group label (``carried``).  Each is joined to
        the row it belongs to, and a diagnostic says so where it is not plain.
        """
        carried: tuple[LabelMatch, list[str], int] | None = None  # numbers on a group label
        waiting: tuple[LabelMatch, int] | None = None  # a leaf label with no numbers yet
        unknown: tuple[str, list[str], int] | None = None  # an unrecognised label
        held: tuple[list[str], int] | None = None  # numbers with no label yet
        last: tuple[LabelMatch, str] | None = None  # the last leaf row and its label text
        for cells, line, labelled, spans in self.unjoin(rows):
            label = self.label(cells, labelled)
            values = _after_labels(cells, labelled)
            has_numbers = any(not is_blank(c) for c in values)
            if spans and not (has_numbers and label.leaf is not None and label.leaf.row.key in self.filled):
                # Located only now: a row whose leaf is filled already is a repeat, and its
                # numbers are not read (``fill`` asks only whether it has any).
                values = _located_values(values, spans[len(cells) - len(values) :])
            if not has_numbers and label.leaf is None and label.group is None:
                text = "".join(label.texts)
                if len(label_key(text)) <= 1:
                    continue  # a character of a group label printed down the margin (三 、 本 年 …)
                if last is not None and unknown is None and not _starts_row(text):
                    match = self.matcher.match(last[1] + text)
                    if match is not None and match.row.key == last[0].row.key:
                        last = (match, last[1] + text)
                        continue  # the rest of the last row's label, wrapped below its numbers
            if (
                label.leaf is None
                and label.group is None
                and label.texts
                and unknown is not None
                and not (has_numbers and any(not is_blank(c) for c in unknown[1]))  # two rows of numbers
            ):
                merged = unknown[0] + "".join(label.texts)
                match = self.matcher.match(merged) if len(merged) <= MAX_WRAPPED_LABEL else None
                if match is not None and not match.row.is_group:
                    label.leaf = match
                    if not has_numbers:
                        values, has_numbers = unknown[1], any(not is_blank(c) for c in unknown[1])
                    unknown = None
                elif len(merged) <= MAX_WRAPPED_LABEL:
                    unknown = (merged, unknown[1] if any(not is_blank(c) for c in unknown[1]) else values, unknown[2])
                    continue
            if (
                unknown is not None
                and not label.texts
                and has_numbers
                and _starts_row(unknown[0])
                and not any(not is_blank(c) for c in unknown[1])
            ):
                # numbers between the two halves of a wrapped label: keep them with the first
                unknown = (unknown[0], values, unknown[2])
                continue
            if unknown is not None:
                self.report_unknown(*unknown)
                unknown = None
            if held is not None and (label.texts or label.group is not None):
                numbers, at = held
                held = None
                column = self.note_column(label, numbers, has_numbers)
                if column is not None:
                    self.noted.append((next(n for n in numbers if not is_blank(n)), column, "".join(label.texts), at))
                    continue
                if label.leaf is not None and not has_numbers and label.leaf.row.key not in self.filled:
                    self.diag(
                        "numbers-above-label",
                        Severity.INFO,
                        f"numbers printed on the line above label {label.leaf.row.label!r} read as its own",
                        at,
                        row=label.leaf.row.key,
                    )
                    self.fill(label.leaf, numbers, at)
                    waiting = None
                    last = (label.leaf, "".join(label.texts))
                    continue
                self.numbers_without_label(numbers, at)
            if carried is not None:
                group, numbers, at = carried
                carried = None
                child = self.spec.first_child(group.row.key)
                if label.leaf is not None and child is not None and label.leaf.row.key == child.key and not has_numbers:
                    self.diag(
                        "group-numbers-carried",
                        Severity.INFO,
                        f"numbers printed on group label {group.row.label!r} belong to its first row {child.label!r}",
                        at,
                        row=child.key,
                    )
                    self.fill(label.leaf, numbers, at)
                    waiting = None
                    continue
                self.diag(
                    "group-row-numbers",
                    Severity.WARNING,
                    f"group label {group.row.label!r} carries numbers ({', '.join(n for n in numbers if n)}) "
                    "that no row of the group takes",
                    at,
                    row=group.row.key,
                )
            if label.leaf is not None:
                if has_numbers or waiting is None or waiting[0].row.key != label.leaf.row.key:
                    self.fill(label.leaf, values, line)
                waiting = None if has_numbers else (label.leaf, line)
                last = (label.leaf, "".join(label.texts))
            elif label.group is not None:
                self.found.add(label.group.row.key)
                carried = (label.group, values, line) if has_numbers else None
                waiting = None
            elif label.texts:
                text = "".join(label.texts)
                if has_numbers or len(text) <= MAX_WRAPPED_LABEL:
                    unknown = (text, values, line)
                waiting = None
            elif has_numbers:
                if waiting is not None:
                    self.filled.discard(waiting[0].row.key)
                    self.fill(waiting[0], values, line)
                    waiting = None
                else:
                    if held is not None:
                        self.numbers_without_label(*held)
                    held = (values, line)
        if carried is not None:
            group, numbers, at = carried
            self.diag(
                "group-row-numbers",
                Severity.WARNING,
                f"group label {group.row.label!r} carries numbers that no row of the group takes",
                at,
                row=group.row.key,
            )
        if unknown is not None:
            self.report_unknown(*unknown)
        if held is not None:
            self.numbers_without_label(*held)
        self.settle_collapsed()
        self.place_noted()
        self.place_orphans()

    def note_column(self, label: _Label, numbers: Sequence[str], has_numbers: bool) -> str | None:
        """Return the column that a note line names for the one number printed above it.

        A converter that pulls a cell with a note out of its table leaves the number and
        the note (``22`` / ``（其中修订 16 件）``) on lines of their own.  Only a note in
        brackets, without numbers of its own cells, naming exactly one column counts.
        """
        if label.leaf is not None or label.group is not None or has_numbers:
            return None
        if sum(1 for n in numbers if not is_blank(n)) != 1:
            return None
        note = fold("".join(label.texts)).strip()
        if not (note.startswith("(") and note.endswith(")")):
            return None
        named = {
            column.key
            for row in self.spec.data_rows
            for column in row.columns
            if any(word in note for word in column.note_words)
        }
        return named.pop() if len(named) == 1 else None

    def place_noted(self) -> None:
        """Give each row short by one number the number printed apart with a note, in order.

        Only when there are exactly as many noted numbers as such rows, and each note names
        a column of its row: the noted number goes to the column its note names, the row's
        own numbers to the other columns in order.  Otherwise the noted numbers are
        reported as numbers without a label and the rows stay blank.
        """
        if not self.noted:
            return
        pairs = list(zip(self.short, self.noted, strict=False))
        if len(self.short) != len(self.noted) or any(
            column not in {c.key for c in row.columns} for (row, *_), (_, column, _, _) in pairs
        ):
            for number, _, note, line in self.noted:
                self.diag(
                    "numbers-without-label",
                    Severity.WARNING,
                    f"number {number} printed apart with note {note!r}: no row short of one number takes it",
                    line,
                )
            return
        for (row, numbers, line, ambiguous), (number, column, note, at) in pairs:
            self.diagnostics.remove(ambiguous)
            own = iter(numbers)
            for spec in row.columns:
                if spec.key == column:
                    self.put(row, spec, number, at)
                else:
                    self.put(row, spec, next(own), line)
            self.diag(
                "number-by-note",
                Severity.WARNING,
                f"row shows {len(numbers)} of {len(row.columns)} numbers ({', '.join(numbers)}); {number}, printed "
                f"apart from the table with the note {note!r}, is read as its {column!r} cell (the note names that "
                "column; rows and such numbers taken in the order of the text)",
                at,
                row=row.key,
                column=column,
            )

    def numbers_without_label(self, values: list[str], line: int) -> None:
        """Keep a line of numbers that no label took, for ``place_orphans``."""
        self.sequence.append(_Orphan.of(None, values, line))

    def report_unknown(self, text: str, values: list[str], line: int) -> None:
        """Keep a row whose label is not a row of the table, for ``place_orphans``."""
        if any(not is_blank(v) for v in values):
            self.sequence.append(_Orphan.of(text, values, line))

    def place_orphans(self) -> None:
        """Place rows whose label was lost or unreadable by their position, where it is unambiguous.

        A run of such rows between two rows that were read (the anchors) takes the
        template rows between the anchors that are still empty, in order, when there are
        exactly as many of them as rows in the run; every other such row is reported and
        its numbers are not used.
        """
        order = {row.key: i for i, row in enumerate(self.spec.data_rows)}
        items = self.sequence
        start = 0
        while start < len(items):
            if isinstance(items[start], str):
                start += 1
                continue
            stop = start
            while stop < len(items) and not isinstance(items[stop], str):
                stop += 1
            run = [item for item in items[start:stop] if not isinstance(item, str)]
            before = items[start - 1] if start > 0 else None
            after = items[stop] if stop < len(items) else None
            if not (isinstance(before, str) and isinstance(after, str) and order[before] < order[after]):
                for orphan in run:
                    self.report_orphan(orphan.text, orphan.cells, orphan.line)
                start = stop
                continue
            targets = [r for r in self.spec.data_rows[order[before] + 1 : order[after]] if r.key not in self.filled]
            if len(targets) == len(run):
                for row, orphan in zip(targets, run, strict=True):
                    text, values, line = orphan.text, orphan.values(), orphan.line
                    shown = "no label" if text is None else f"label {text!r}"
                    self.diag(
                        "row-by-position",
                        Severity.WARNING,
                        f"numbers with {shown} ({', '.join(v for v in values if v)}) read as row {row.label!r}: "
                        f"the only row left between {self.spec.row(before).label!r} and {self.spec.row(after).label!r}",
                        line,
                        row=row.key,
                    )
                    self.found.add(row.key)
                    self.filled.add(row.key)
                    self.assign((row,), values, line)
            else:
                for orphan in run:
                    self.report_orphan(orphan.text, orphan.cells, orphan.line)
            start = stop

    def report_orphan(self, text: str | None, values: Sequence[str], line: int) -> None:
        """Say that a row's numbers were not used: no label, or one not of this table."""
        numbers = ", ".join(v for v in values if not is_blank(v))
        if text is None:
            self.diag("numbers-without-label", Severity.WARNING, f"numbers with no row label: {numbers}", line)
        else:
            self.diag(
                "label-unrecognised",
                Severity.WARNING,
                f"row label {text!r} is not a row of this table; its numbers ({numbers}) were not used",
                line,
            )

    # Glued rows ------------------------------------------------------------------------

    def glued_label(self, text: str) -> RowSpec | None:
        """Return the row whose label the text ends with (the longest such suffix), or None.

        Glued text runs a table's header, group labels and a row's label together
        (``…现行有效件数规章``); only an exact label key counts, never a fuzzy match.
        """
        keys = self.matcher.rows_by_key  # built once per table spec, with its matcher
        for start in range(max(0, len(text) - MAX_WRAPPED_LABEL), len(text)):
            row = keys.get(label_key(text[start:]))
            if row is not None:
                return row
        return None

    def run_glued(self, rows: Iterable[_Row]) -> None:
        """Rows of label text and digit runs: split every run by the table's identities (``split``)."""
        entries: list[list[Any]] = []  # [row or None, label text, run text, run span, line]
        for cells, line in rows:
            run = cells[-1] if cells and _is_run(cells[-1]) else None
            label = "".join(c for c in (cells[:-1] if run is not None else cells))
            row = self.glued_label(label) if label else None
            entries.append([row, label, run, getattr(run, "span", None), line])
        for previous, entry in itertools.pairwise(entries):
            row, label = entry[0], fold(entry[1]).lstrip()
            run = previous[2]
            if row is None or not label.startswith(".") or not row.marker.isdigit() or run is None:
                continue
            if "".join(run.split()).endswith(row.marker):
                kept = run.rstrip()[: -len(row.marker)]
                span = previous[3]
                previous[2] = _Located(kept) if kept.strip() else None
                if previous[2] is not None and span is not None:
                    previous[2].span = (span[0], span[1], span[1] + len(kept))
                previous[3] = None if previous[2] is None else previous[2].span
                self.diag(
                    "list-numeral-unglued",
                    Severity.INFO,
                    f"the digits before {entry[1]!r} end with its list numeral {row.marker}: taken off them",
                    previous[4],
                    row=row.key,
                )
        runs: list[RowRun] = []
        where: dict[str, tuple[str, CellSpan | None, int, list[int]]] = {}
        unlabelled: list[list[Any]] = []
        for row, label, run, span, line in entries:
            if row is not None:
                self.found.add(row.key)
            if run is None:
                continue
            if row is None or row.is_group:
                unlabelled.append([row, label, run, span, line])
                continue
            if row.key in where:
                self.duplicate(row, line, named=False)
                continue
            digits, offsets = _run_digits(run)
            runs.append(RowRun(row.key, tuple((row.key, c) for c in row.columns), digits))
            where[row.key] = (run, span, line, offsets)
        if self.spec.key == "reviews" and len(unlabelled) == 1 and not runs:
            _, _, run, span, line = unlabelled.pop()
            digits, offsets = _run_digits(run)
            slots = tuple((r.key, c) for r in self.spec.data_rows for c in r.columns)
            runs.append(RowRun(self.spec.data_rows[0].key, slots, digits))
            where[self.spec.data_rows[0].key] = (run, span, line, offsets)
            self.found.update(r.key for r in self.spec.data_rows)
        for _, label, run, _, line in unlabelled:
            self.report_orphan(label or None, [run], line)
        self.place_runs(runs, where)

    def place_runs(self, runs: Sequence[RowRun], where: dict[str, tuple[str, CellSpan | None, int, list[int]]]) -> None:
        """Put the cells the split decided; say how each run was split, and why a cell stays blank."""
        outcome = solve(runs, self.spec.identities, {})
        for run in runs:
            text, span, line, offsets = where[run.key]
            unit = _unit(text)
            shown = ", ".join(
                outcome.cells[(r, c.key)][0] if outcome.cells.get((r, c.key)) else "?"  # type: ignore[index]
                for r, c in run.slots
            )
            if run.key in outcome.unsplittable:
                self.diag(
                    "glued-unsplittable",
                    Severity.WARNING,
                    f"no split of the digits {text!r} into {len(run.slots)} cells satisfies the identities "
                    "within the row (broken in the source, or cells missing): cells left blank",
                    line,
                    row=run.key,
                )
            elif run.key in outcome.too_long:
                self.diag(
                    "glued-too-long",
                    Severity.WARNING,
                    f"the digits {text!r} cut into {len(run.slots)} cells too many ways to search (more than "
                    f"{MAX_SPLITS:,} compositions, or {MAX_STEPS:,} search steps): not split, cells left blank",
                    line,
                    row=run.key,
                )
            elif run.key in outcome.by_identities:
                self.diag(
                    "glued-split",
                    Severity.INFO,
                    f"the digits {text!r} read as {shown}: the only split that the identities allow",
                    line,
                    row=run.key,
                )
            for r, column in run.slots:
                row = self.spec.row(r)
                cell = outcome.cells.get((r, column.key))
                if cell is None:
                    self.put(row, column, None, line)
                    candidates = outcome.ambiguous.get((r, column.key))
                    if candidates:
                        bound = f" (search bounded at {MAX_COMBINATIONS:,} combinations)" if outcome.bounded else ""
                        broken = " (no combination satisfies the identities across rows)" * outcome.inconsistent
                        values = tuple(
                            Cell(self.spec.key, r, column.key, _amount(c) if column.money else int(c))
                            for c in candidates
                        )
                        self.diag(
                            "cell-ambiguous",
                            Severity.WARNING,
                            f"the digits {text!r} split several ways{bound}{broken}; this cell could be "
                            f"{', '.join(candidates[:12])}{' …' if len(candidates) > 12 else ''}: left blank",
                            line,
                            cells=values,
                            row=r,
                            column=column.key,
                        )
                    continue
                piece, offset = cell
                located = _Located(piece + unit if column.money else piece)
                if span is not None:
                    start = span[1] + offsets[offset]
                    located.span = (span[0], start, span[1] + offsets[offset + len(piece) - 1] + 1)
                self.put(row, column, located, line)
                if r not in self.filled:
                    self.filled.add(r)
                    self.sequence.append(r)
        if outcome.inconsistent:
            self.diag(
                "glued-inconsistent",
                Severity.WARNING,
                "no way to split the open digit runs satisfies the identities between rows: the source's totals "
                "do not add up; only what each row's own identity determines was read",
                None,
            )

    def run_reviews(self, rows: Iterable[_Row]) -> None:
        """Table 四: one data row of 15 numbers, or one labelled row per block."""
        unlabelled: list[tuple[list[str], int]] = []
        for cells, line, labelled, _ in self.unjoin((cells, line, ()) for cells, line in rows):
            label = self.label(cells, labelled)
            values = _after_labels(cells, labelled)
            filled = [c for c in values if not is_blank(c)]
            if not filled:
                continue
            if label.leaf is not None and len(filled) <= len(label.leaf.row.columns):
                self.fill(label.leaf, values, line)
                continue
            unlabelled.append((values, line))
        if len(unlabelled) == 1:
            self.assign(self.spec.data_rows, *unlabelled[0])
        elif unlabelled:
            flat = [c for values, _ in unlabelled for c in values if not is_blank(c)]
            self.assign(self.spec.data_rows, flat, unlabelled[0][1])


_RUN_RE = lazy(r"-?\d[\d.\s\u00a0\u3000-]*(?:万元|元)?")


def _is_run(cell: str) -> bool:
    """Tell whether a cell is a glued run of digits (with signs, points, spaces and a money unit)."""
    return _RUN_RE.fullmatch(cell) is not None


def _unit(run: str) -> str:
    """Return the money unit a run ends with (``万元``, ``元``) or ""."""
    return next((unit for unit in ("万元", "元") if run.endswith(unit)), "")


def _run_digits(run: str) -> tuple[str, list[int]]:
    """Return the run's characters without spaces and unit, and each one's offset in the run."""
    body = run[: len(run) - len(_unit(run))]
    kept = [(i, ch) for i, ch in enumerate(body) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _strip(cells: Sequence[str], *, leading: bool) -> list[str]:
    items = list(cells)
    while items and is_blank(items[-1]):
        items.pop()
    if leading:
        start = 0
        while start < len(items) and is_blank(items[start]):
            start += 1
        items = items[start:]
    return items


def _is_label(cell: str) -> bool:
    """Tell whether a cell is label text: not empty, not a number, blank mark or split number."""
    if not cell:
        return False
    return _is_label_text(cell) if len(cell) > _MAX_CACHED_CELL else _is_label_cached(cell)


def _is_label_text(cell: str) -> bool:
    return not is_value(cell) and not is_blank(cell) and not is_split_number(cell)


#: Cells up to this length have their kind cached: alignment asks it of each cell a few
#: times, and cells repeat (0, 1, the same labels) from row to row and report to report.
_MAX_CACHED_CELL = 160
_is_label_cached = functools.lru_cache(maxsize=1 << 15)(_is_label_text)


#: How a cell reads as a number: the amount and unit printed, and the count it is when it
#: is a whole number with no unit (None otherwise).
_Reading = tuple[Decimal, str, int | None]


def _read(text: str) -> tuple[bool, _Reading | None]:
    """Read a cell for ``put``: whether it is digits set apart by spaces, and its reading (None: blank, no number)."""
    if is_split_number(text):
        return True, None
    if is_blank(text):
        return False, None
    parsed = parse_money(text)
    if parsed is None:
        return False, None
    amount, unit = parsed
    whole = int(amount) if unit == Money.NONE and amount == amount.to_integral_value() else None
    return False, (amount, unit, whole)


#: Cells repeat (0, 1, 2 …) within a report and across reports: each is read once.
_read_cached = functools.lru_cache(maxsize=1 << 15)(_read)


@functools.lru_cache(maxsize=1 << 15)
def _may_be_read(cell: str) -> bool:
    """Tell whether a value may be read from a (short, non-empty) cell: it is no label text, or a glued run."""
    return not _is_label_cached(cell) or _is_run(cell)


def _starts_row(text: str) -> bool:
    """Tell whether a label text begins with a row's enumeration marker (1. （一） 一、)."""
    return bool(split_marker("".join(fold(text).split()))[0])


def _inner_blank(cells: Sequence[str]) -> bool:
    """Tell whether a blank cell sits between two filled ones."""
    filled = [i for i, c in enumerate(cells) if not is_blank(c)]
    return bool(filled) and any(is_blank(c) for c in cells[filled[0] : filled[-1]])


def _label_indices(cells: Sequence[str]) -> list[int]:
    """Return the indices of a row's label cells (``_is_label``), asked once per row."""
    # ``_is_label`` inlined: it is asked of every cell of every row
    return [
        i
        for i, c in enumerate(cells)
        if c and (_is_label_cached(c) if len(c) <= _MAX_CACHED_CELL else _is_label_text(c))
    ]


def _after_labels(cells: Sequence[str], labelled: Sequence[int]) -> list[str]:
    """Return the cells after the row's last label cell (all cells when there is no label).

    ``labelled``: the indices of the label cells (``_label_indices``).
    """
    return list(cells[labelled[-1] + 1 :]) if labelled else list(cells)


def _candidate(text: str | None, column: ColumnSpec) -> Value:
    """Return a value a cell could take, as the cell would hold it (an int for a count)."""
    if text is None:
        return None
    return _amount(text) if column.money else int(_amount(text))


def _whole(amount: Decimal) -> Number:
    """Return ``amount`` as an int when it is a whole number, else itself (equal either way).

    The searches over collapsed rows add and compare numbers many times: ints are exact
    and several times faster at it than Decimals.
    """
    return int(amount) if amount == amount.to_integral_value() else amount


def _amount(text: str) -> Decimal:
    parsed = parse_money(text)
    return parsed[0] if parsed is not None else Decimal(0)


def align(
    spec: TableSpec,
    rows: Sequence[TokenRow],
    *,
    offset: int = 0,
    money_unit: str | None = None,
    positional: bool = False,
    glued: bool = False,
) -> AlignedTable:
    """Align the token rows of one table with its template.

    Args:
        spec: the table of the report's template version.
        rows: what the tokenizer produced for the table's lines.
        offset: 0-based line number of the table's first line in the whole text.
        money_unit: the unit bare money cells are in; read from the header when None.
        positional: the rows are cells the source cut itself (an HTML table): each row is
            read by position, left-aligned, and a blank cell is never padding.
        glued: the rows are label text and digit runs holding several cells each (the
            ``glued`` tokenizer): runs are split by the table's identities.

    Returns:
        The values found, with a diagnostic for every inference and every problem.

    """
    unit = header_money_unit(rows) if money_unit is None else money_unit
    aligner = _Aligner(spec, offset, unit, positional=positional)
    # One row at a time: a cell's located copy lives only as long as the value read from it.
    located = (_located(row) for row in rows)
    if glued:
        aligner.run_glued(located)
    elif spec.key == "reviews":
        aligner.run_reviews(located)
    else:
        aligner.run((list(row.cells), row.line, row.spans) for row in rows)
    aligner.settle_collapsed()  # ``run`` settles before placing orphans; the others here
    aligner.count_repeats()
    return AlignedTable(
        spec=spec,
        values=aligner.values,
        diagnostics=tuple(aligner.diagnostics),
        rows_found=frozenset(aligner.found),
        numbers=aligner.numbers,
        sources=aligner.sources,
    )
