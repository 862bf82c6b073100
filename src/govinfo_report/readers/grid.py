"""Spanned cells → rows of positions: the one rule for merged cells, shared by the readers.

A source that cuts tables into cells (an HTML ``<table>``, a ruled PDF table, a Word
table) has merged cells: a label over several rows, a header over several columns, a
value cell drawn two rows high.  ``spread`` puts every cell at its position and says what
each position it covers holds, the same way for every reader:

- the cell's text in its first position (top left), never copied into the others — a
  copied number would be read twice;
- ``None`` in a position covered by a label (its rows below, its columns right) or by any
  cell's columns right: the position is part of another cell, not a cell of this row;
- ``""`` in a position that a value's cell covers in the rows below: a blank cell of that
  row, so the columns after it keep their place;
- ``None`` in a position no cell reaches.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

import attrs

from govinfo_report.normalize import is_value

__all__ = ["Placed", "flow", "spread"]

T = TypeVar("T")


@attrs.frozen
class Placed(Generic[T]):
    """A cell at its place in a table: top-left position, size and what the reader keeps of it."""

    row: int
    column: int
    rowspan: int
    colspan: int
    text: str
    #: The reader's own data for the cell (segments in the source, a box on a page).
    data: T


def spread(cells: Iterable[Placed[T]], rows: int) -> list[list[tuple[str | None, T | None]]]:
    """Return each of ``rows`` rows as its positions: ``(text, data)``, data None where a cell does not start.

    A row reaches as far right as its own cells or the cells above that cover it.  Cells
    that start in a position another cell already holds are dropped (overlapping spans
    in broken markup); spans are clipped at the last row.
    """
    starts: dict[tuple[int, int], Placed[T]] = {}
    covered: dict[tuple[int, int], bool] = {}  # True: part of another cell; False: a value's rows below
    widths = [0] * rows
    for cell in cells:
        if not 0 <= cell.row < rows or (cell.row, cell.column) in starts or (cell.row, cell.column) in covered:
            continue
        starts[cell.row, cell.column] = cell
        is_label = bool(cell.text) and not is_value(cell.text)
        for dr in range(min(cell.rowspan, rows - cell.row)):
            widths[cell.row + dr] = max(widths[cell.row + dr], cell.column + cell.colspan)
            for dc in range(cell.colspan):
                if dr or dc:
                    covered.setdefault((cell.row + dr, cell.column + dc), is_label or dc > 0)
    laid: list[list[tuple[str | None, T | None]]] = []
    for r in range(rows):
        positions: list[tuple[str | None, T | None]] = []
        for c in range(widths[r]):
            start = starts.get((r, c))
            if start is not None:
                positions.append((start.text, start.data))
            elif (r, c) in covered:
                positions.append((None if covered[r, c] else "", None))
            else:
                positions.append((None, None))
        laid.append(positions)
    return laid


def flow(rows: Sequence[Sequence[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """Place cells given row by row, left to right (HTML's rule): each cell's ``(row, column)``.

    ``rows`` holds each row's cells as ``(colspan, rowspan)``; a cell goes to the first
    position of its row that no cell above covers.
    """
    taken: set[tuple[int, int]] = set()
    placed: list[list[tuple[int, int]]] = []
    for r, sizes in enumerate(rows):
        column = 0
        here: list[tuple[int, int]] = []
        for colspan, rowspan in sizes:
            while (r, column) in taken:
                column += 1
            here.append((r, column))
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    taken.add((r + dr, column + dc))
            column += colspan
        placed.append(here)
    return placed
