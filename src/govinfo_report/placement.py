"""Placing the numbers of a collapsed row into template columns by the identities.

A renderer that drops empty cells leaves ``7 | 7`` for a row of seven columns: the
numbers keep their order but lose their positions.  Every order-preserving placement is
tried, earliest columns first; the first one under which the identities hold wins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from itertools import combinations

import attrs

__all__ = ["Placement", "place"]

Slot = tuple[str, str]
Checker = Callable[[Mapping[Slot, Decimal | None]], bool]

#: Placements tried at most; C(15, 7) = 6435 is the largest a template row needs.
MAX_PLACEMENTS = 10_000


@attrs.frozen
class Placement:
    """Where each number went."""

    #: The slot of each number, in order.
    slots: tuple[Slot, ...]
    #: How many placements satisfy the identities (0: none did, the leading one is used).
    satisfying: int
    #: True when the search stopped at ``MAX_PLACEMENTS`` before trying every placement.
    truncated: bool = False


def place(numbers: Sequence[Decimal], slots: Sequence[Slot], check: Checker | None) -> Placement:
    """Choose, for ``numbers`` in order, a subset of ``slots`` in order.

    Args:
        numbers: the numbers of the collapsed row, in printed order (fewer than slots).
        slots: the ``(row, column)`` positions available, in template order.
        check: the identities over a candidate ``{slot: value}``; None when the table has
            none, in which case the numbers take the leading slots.

    Returns:
        The earliest placement satisfying ``check`` and how many do; the leading
        placement with ``satisfying=0`` when none does.

    """
    count = len(numbers)
    leading = tuple(slots[:count])
    if check is None or count == 0 or count >= len(slots):
        return Placement(leading, 0)
    first: tuple[Slot, ...] | None = None
    satisfying = 0
    for tried, positions in enumerate(combinations(range(len(slots)), count)):
        if tried >= MAX_PLACEMENTS:
            return Placement(first or leading, satisfying, truncated=True)
        candidate: dict[Slot, Decimal | None] = {slots[p]: n for p, n in zip(positions, numbers, strict=False)}
        if check(candidate):
            satisfying += 1
            if first is None:
                first = tuple(slots[p] for p in positions)
    return Placement(first or leading, satisfying)
