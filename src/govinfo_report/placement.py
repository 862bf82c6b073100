"""Placing the numbers of a collapsed row into template columns by the identities.

A renderer that drops empty cells leaves ``7 | 7`` for a row of seven columns: the
numbers keep their order but lose their positions.  Every order-preserving placement is
tried, and every one under which the row's identities hold is kept: alignment then
narrows them by the identities between rows (R1, R2), and a cell gets a number only when
all the placements left agree on it.  None is ever preferred to another.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from itertools import combinations

import attrs

from govinfo_report.identities import Number, cell_weights, placement_check
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
    if math.comb(len(slots), count) <= MAX_PLACEMENTS:  # every placement is decided: the search may prune
        found = _satisfying(numbers, slots, identities)
        return Placement(found[0] if found else leading, len(found), every=tuple(found))
    check = placement_check(identities, slots)
    found = []
    for tried, positions in enumerate(combinations(range(len(slots)), count)):
        if tried >= MAX_PLACEMENTS:
            return Placement(found[0] if found else leading, len(found), truncated=True, every=tuple(found))
        if check(positions, numbers):
            found.append(tuple(slots[p] for p in positions))
    return Placement(found[0] if found else leading, len(found), every=tuple(found))


def _satisfying(
    numbers: Sequence[Number], slots: Sequence[Slot], identities: Sequence[Identity]
) -> list[tuple[Slot, ...]]:
    """Return every placement under which the identities hold, in the order ``combinations`` gives them.

    What ``placement_check`` tells of each placement, found depth first: the numbers take
    slots left to right, each identity keeps the sum of its left cells less its right
    cells so far, and once the search is past an identity's last slot that sum must be
    0 — a choice that breaks it is not followed further (nor are the later slots for the
    same number, which leave it as broken).  Counts are exact (ints, or Decimals of a few
    digits), so the difference is 0 exactly when the two sums are equal.
    """
    touching, complete_at, complete_from = _weighing(tuple(slots), tuple(identities))
    differences: list[Number] = [0] * len(identities)
    chosen: list[int] = []
    found: list[tuple[Slot, ...]] = []
    count = len(numbers)

    # A nested function that called itself by name would be a reference cycle (it holds its own
    # closure cell), freed only by the garbage collector: it is handed itself as ``again``.
    def search(k: int, start: int, again: Callable[..., None]) -> None:
        number = numbers[k] or 0
        last = k + 1 == count  # every later slot stays blank: every identity is complete
        for p in range(start, len(slots) - (count - k) + 1):
            for i, weight in touching[p]:
                differences[i] += number * weight
            for i in complete_from[p] if last else complete_at[p]:
                if differences[i]:  # broken (counts are exact: 0 exactly when the sums are equal)
                    break
            else:
                if last:
                    found.append(tuple(slots[q] for q in (*chosen, p)))
                else:
                    chosen.append(p)
                    again(k + 1, p + 1, again)
                    chosen.pop()
            for i, weight in touching[p]:
                differences[i] -= number * weight
            for i in complete_at[p]:
                if differences[i]:
                    return  # slot p left blank for this number breaks an identity: so do all later ones

    search(0, 0, search)
    return found


#: (``touching``, ``complete_at``, ``complete_from``) of ``_weighing``.
_Weighing = tuple[tuple[tuple[tuple[int, int], ...], ...], tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]


@functools.lru_cache(maxsize=256)
def _weighing(slots: tuple[Slot, ...], identities: tuple[Identity, ...]) -> _Weighing:
    """Return how the identities weigh the slots, for ``_satisfying`` (the template's rows: worked out once).

    Per slot, each identity with a cell there and its weight (+1 a left cell, -1 a right
    one); per slot, the identities whose last weighed slot it is; and per slot, those
    whose last weighed slot it is or a later one.
    """
    # per identity, per slot: how often the slot is on its left less how often on its right
    weights = [[0] * len(slots) for _ in identities]
    counted = cell_weights(identities)
    for slot, p in {slot: p for p, slot in enumerate(slots)}.items():  # a repeated slot weighs at its last place
        for i, left, right, _ in counted.get(slot, ()):
            weights[i][p] = left - right
    # per slot, each identity it weighs in with its weight
    touching = [[(i, weight[p]) for i, weight in enumerate(weights) if weight[p]] for p in range(len(slots))]
    complete_at: list[list[int]] = [[] for _ in slots]  # the identities whose last weighed slot it is
    for i, weight in enumerate(weights):
        weighed = [p for p, w in enumerate(weight) if w]
        if weighed:
            complete_at[weighed[-1]].append(i)
    complete_from: list[list[int]] = [[] for _ in range(len(slots) + 1)]  # ... at that slot or a later one
    for p in range(len(slots) - 1, -1, -1):
        complete_from[p] = complete_at[p] + complete_from[p + 1]
    return tuple(map(tuple, touching)), tuple(map(tuple, complete_at)), tuple(map(tuple, complete_from))
