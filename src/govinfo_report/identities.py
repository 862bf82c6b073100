"""The one evaluator of the template's identities (勾稽关系), kept as data in ``template``.

Validation reports the identities that a report breaks; alignment uses the same ones to
place the numbers of collapsed rows and to split glued digit runs; the hypothesis
strategies build reports that satisfy them.  A blank term is None; an identity whose
terms are all blank holds vacuously, otherwise blanks count as 0 (``spec/template.md``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence, Set
from decimal import Decimal

from govinfo_report.template import APPLICANT_COLUMNS, REVIEW_COLUMNS, Identity, TableSpec

__all__ = [
    "APPLICANT_TERMS",
    "REVIEW_ROWS",
    "REVIEW_TERMS",
    "applicant_row_holds",
    "cell_weights",
    "holds",
    "identities_within",
    "may_hold",
    "placement_check",
    "review_rows_hold",
    "sides",
    "sum_holds",
]

Number = int | Decimal
Cells = Mapping[tuple[str, str], Number | None]

#: The six applicant columns whose sum is 总计 (R3).
APPLICANT_TERMS: tuple[str, ...] = tuple(c.key for c in APPLICANT_COLUMNS[:-1])
#: The four outcome columns whose sum is 总计 (R4).
REVIEW_TERMS: tuple[str, ...] = tuple(c.key for c in REVIEW_COLUMNS[:-1])
#: The three rows of table 四.
REVIEW_ROWS: tuple[str, ...] = ("administrative_review", "litigation_direct", "litigation_after_review")


def sides(identity: Identity, cells: Cells) -> tuple[Number, Number] | None:
    """Return the sums of the left and right cells, blanks as 0; None when every cell is blank."""
    values = [cells.get(cell) for cell in identity.cells]
    if all(v is None for v in values):
        return None
    left = sum((v or 0) for v in values[: len(identity.left)])
    right = sum((v or 0) for v in values[len(identity.left) :])
    return left, right


def holds(identity: Identity, cells: Cells) -> bool:
    """Tell whether ``identity`` holds over ``cells`` (``{(row, column): value}``; absent is blank)."""
    found = sides(identity, cells)
    return found is None or found[0] == found[1]


def placement_check(
    identities: Sequence[Identity], slots: Sequence[tuple[str, str]]
) -> Callable[[Sequence[int], Sequence[Number]], bool]:
    """Return ``holds`` of every identity as a function of numbers put at positions of ``slots``.

    ``check(positions, numbers)`` tells what ``holds(identity, {slots[p]: n ...})`` tells of
    each identity (a cell outside ``slots`` is blank), summing in the same order, without
    building a mapping per candidate: for a search that tries thousands of placements.
    """
    index = {slot: i for i, slot in enumerate(slots)}
    blank = len(slots)  # the position of every cell outside ``slots``: always 0
    compiled = [
        (tuple(index.get(cell, blank) for cell in i.left), tuple(index.get(cell, blank) for cell in i.right))
        for i in identities
    ]
    values: list[Number] = [0] * (blank + 1)

    def check(positions: Sequence[int], numbers: Sequence[Number]) -> bool:
        for position, number in zip(positions, numbers, strict=True):
            values[position] = number or 0
        try:
            get = values.__getitem__
            return all(sum(map(get, left)) == sum(map(get, right)) for left, right in compiled)
        finally:
            for position in positions:
                values[position] = 0

    return check


def may_hold(identity: Identity, cells: Cells, unknown: Collection[tuple[str, str]]) -> bool:
    """Tell whether ``identity`` can still hold once the ``unknown`` cells get values ≥ 0 (or stay blank).

    With no unknown cell this is ``holds``.  With unknown cells on one side only, that
    side's known sum may not exceed the other side's (the unknowns can only add to it);
    with unknown cells on both sides anything is possible.  For pruning a search over
    cells that hold counts, which are never negative.
    """
    left_unknown = any(cell in unknown for cell in identity.left)
    right_unknown = any(cell in unknown for cell in identity.right)
    if not left_unknown and not right_unknown:
        return holds(identity, cells)
    if left_unknown and right_unknown:
        return True
    left = sum((cells.get(cell) or 0) for cell in identity.left if cell not in unknown)
    right = sum((cells.get(cell) or 0) for cell in identity.right if cell not in unknown)
    return left <= right if left_unknown else right <= left


def identities_within(spec: TableSpec, rows: Set[str]) -> tuple[Identity, ...]:
    """Return the identities of ``spec`` whose cells all lie in ``rows``."""
    return tuple(i for i in spec.identities if i.rows <= rows)


@functools.lru_cache(maxsize=64)
def cell_weights(identities: tuple[Identity, ...]) -> dict[tuple[str, str], tuple[tuple[int, int, int, int], ...]]:
    """Return where each cell counts in ``identities`` (the template's: worked out once per set of them).

    Per cell, in the identities' order: each identity (its index in ``identities``) with
    how often the cell is on its left and on its right, and the sign of a number there in
    its left sum less its right sum (+1 a cell on the left, -1 one on the right only).
    The searches over collapsed rows read it; the mapping is shared: callers only read it.
    """
    counted: dict[tuple[str, str], list[tuple[int, int, int, int]]] = {}
    for number, identity in enumerate(identities):
        on_left: dict[tuple[str, str], int] = {}
        on_right: dict[tuple[str, str], int] = {}
        for cell in identity.left:
            on_left[cell] = on_left.get(cell, 0) + 1
        for cell in identity.right:
            on_right[cell] = on_right.get(cell, 0) + 1
        for cell in dict.fromkeys(identity.cells):
            left, right = on_left.get(cell, 0), on_right.get(cell, 0)
            counted.setdefault(cell, []).append((number, left, right, 1 if left else -1))
    return {cell: tuple(weights) for cell, weights in counted.items()}


def sum_holds(total: Number | None, terms: Iterable[Number | None]) -> bool:
    """Tell whether ``total == sum(terms)``, blanks as 0 unless every value is blank."""
    values = list(terms)
    if total is None and all(v is None for v in values):
        return True
    return (total or 0) == sum((v or 0) for v in values)


def applicant_row_holds(row: Mapping[str, Number | None]) -> bool:
    """R3 for one row of table 三: 总计 is the sum of the six applicant columns."""
    return sum_holds(row.get("total"), (row.get(k) for k in APPLICANT_TERMS))


def review_rows_hold(cells: Cells) -> bool:
    """R4 for every row of table 四, given ``{(row, column): value}``."""
    return all(sum_holds(cells.get((row, "total")), (cells.get((row, k)) for k in REVIEW_TERMS)) for row in REVIEW_ROWS)
