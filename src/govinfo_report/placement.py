"""Placing the numbers of a collapsed row into template columns by the identities.

A renderer that drops empty cells leaves ``7 | 7`` for a row of seven columns: the
numbers keep their order but lose their positions.  Every order-preserving placement is
tried, and every one under which the row's identities hold is kept: alignment then
narrows them by the identities between rows (R1, R2), and a cell gets a number only when
all the placements left agree on it.  None is ever preferred to another.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import attrs

from govinfo_report.identities import Number, placement_check
from govinfo_report.template import Identity

__all__ = ["Placement", "place"]

Slot = tuple[str, str]

#: Placements tried at most; C(15, 7) = 6435 is the largest a template row needs.
MAX_PLACEMENTS = 10_000
#: Choices tried at most when combining the open collapsed rows of a table against the
#: identities between rows (``align``'s search); past it, what the rows leave open stays
#: blank with ``cell-ambiguous`` saying the search was bounded.
MAX_SEARCH = 2_000


@attrs.frozen
class Placement:
    """Where each number went."""

    #: The slot of each number, in order.
    slots: tuple[Slot, ...]
    #: How many placements satisfy the identities (0: none did, the leading one is used).
    satisfying: int
    #: True when the search stopped at ``MAX_PLACEMENTS`` before trying every placement.
    truncated: bool = False
    #: Every placement that satisfies the identities, in the order tried.
    every: tuple[tuple[Slot, ...], ...] = ()


def place(numbers: Sequence[Number], slots: Sequence[Slot], identities: Sequence[Identity]) -> Placement:
    """Choose, for ``numbers`` in order, a subset of ``slots`` in order.

    Args:
        numbers: the numbers of the collapsed row, in printed order (fewer than slots);
            ints or Decimals (whole numbers as ints sum faster, to the same answer).
        slots: the ``(row, column)`` positions available, in template order.
        identities: those over the slots' rows alone; when there are none the numbers
            take the leading slots.

    Returns:
        Every placement satisfying ``check`` (``every``; ``slots`` is the first of them)
        and how many do; the leading placement with ``satisfying=0`` when none does.

    """
    count = len(numbers)
    leading = tuple(slots[:count])
    if not identities or count == 0 or count >= len(slots):
        return Placement(leading, 0)
    check = placement_check(identities, slots)
    found: list[tuple[Slot, ...]] = []
    for tried, positions in enumerate(combinations(range(len(slots)), count)):
        if tried >= MAX_PLACEMENTS:
            return Placement(found[0] if found else leading, len(found), truncated=True, every=tuple(found))
        if check(positions, numbers):
            found.append(tuple(slots[p] for p in positions))
    return Placement(found[0] if found else leading, len(found), every=tuple(found))
