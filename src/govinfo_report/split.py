"""Splitting glued digit runs into cells by the template's identities, never by guessing.

A glued row prints all its numbers as one run (``640020470`` for seven columns).  Each
run has a set of possible splits into the row's number of cells: every cell a number as
the template allows it (no leading zeros except ``0`` itself, a minus sign only in a
column that may be negative, a decimal point only in money).  The splits of every row
are narrowed first by the identities within the row (R3, R4), then across the whole
table by the identities between rows (R1, R2): the combinations of the rows still open
are tried, and a cell takes a value only when every consistent combination gives it the
same one.

A run whose cells are blocks of terms followed by their total (R3's six applicant columns
and 总计, table 四's outcomes and 总计) is searched block by block: the total first, then
terms that sum to it, so no piece is longer than the total allows.  Any other run is
enumerated whole.  The search is bounded: a run is not split when the block search takes
more than ``MAX_STEPS`` steps, or, enumerated whole, it has more than ``MAX_SPLITS``
compositions (a 14-digit run into 7 cells has 1,716); rows still open are combined
only while the product of their candidates is at most ``MAX_COMBINATIONS``; beyond either
bound, cells stay blank unless every candidate agrees, and the diagnostic says the bound
was reached.  Work is therefore at most ``rows × MAX_SPLITS + MAX_COMBINATIONS × rows``
evaluations of small sums.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation

import attrs

from govinfo_report.identities import holds
from govinfo_report.patterns import lazy
from govinfo_report.template import ColumnSpec, Identity

__all__ = ["MAX_COMBINATIONS", "MAX_SPLITS", "Outcome", "RowRun", "count_splits", "solve", "splits"]

#: Largest number of compositions of one run that are enumerated.
MAX_SPLITS = 20_000
#: Largest number of combinations of open rows that are tried against the table's identities.
MAX_COMBINATIONS = 20_000
#: Largest number of steps of the block search of one run (terms summing to their total).
MAX_STEPS = 5_000

Slot = tuple[str, str]
Number = int | Decimal

_COUNT = lazy(r"0|[1-9]\d*")
_SIGNED = lazy(r"-?(?:0|[1-9]\d*)")
_MONEY = lazy(r"(?:0|[1-9]\d*)(?:\.\d+)?")


@attrs.frozen
class RowRun:
    """One glued run: the cells it holds, in order, and its characters (spaces removed).

    A run usually holds one template row; table 四's single run holds all three.
    """

    #: Names the run in the outcome (its first row's key).
    key: str
    #: ``(row key, column)`` of each cell the run holds, in printed order.
    slots: tuple[tuple[str, ColumnSpec], ...]
    digits: str

    @property
    def rows(self) -> frozenset[str]:
        """The template rows whose cells the run holds."""
        return frozenset(row for row, _ in self.slots)


@attrs.frozen
class Outcome:
    """What the search decided for a table's glued runs."""

    #: Each cell's text (a substring of its run's ``digits``) and its offset there, or None.
    cells: dict[Slot, tuple[str, int] | None]
    #: Cells left blank because the candidates disagree: every value they could take.
    ambiguous: dict[Slot, tuple[str, ...]]
    #: Runs with no split at all that satisfies the identities within them.
    unsplittable: tuple[str, ...]
    #: Runs with more compositions than ``MAX_SPLITS``.
    too_long: tuple[str, ...]
    #: Runs cut more than one way by length alone that the identities split one way.
    by_identities: tuple[str, ...]
    #: True when the combinations of open runs exceeded ``MAX_COMBINATIONS``.
    bounded: bool
    #: True when no combination of the open runs satisfies the table's identities.
    inconsistent: bool


def count_splits(length: int, parts: int) -> int:
    """Return how many ways a run of ``length`` characters cuts into ``parts`` non-empty pieces."""
    if parts < 1 or length < parts:
        return 0
    return math.comb(length - 1, parts - 1)


def _valid(piece: str, column: ColumnSpec) -> bool:
    if column.money:
        return _MONEY.fullmatch(piece) is not None
    if column.signed:
        return _SIGNED.fullmatch(piece) is not None
    if piece.isascii():  # the search asks this of every piece it tries: ``_COUNT`` by string tests
        return piece == "0" or (piece[:1] in "123456789" and piece.isdigit())
    return _COUNT.fullmatch(piece) is not None


def splits(digits: str, columns: Sequence[ColumnSpec]) -> Iterator[tuple[int, ...]]:
    """Yield every way to cut ``digits`` into one valid number per column, as cut offsets.

    Each yield is the start offset of every piece (the first is 0).
    """
    count = len(columns)
    cuts: list[int] = []

    # A nested function that called itself by name would be a reference cycle (it holds its own
    # closure cell), freed only by the garbage collector: it is handed itself as ``again``.
    def walk(start: int, column: int, again: Callable[..., Iterator[tuple[int, ...]]]) -> Iterator[tuple[int, ...]]:
        remaining = count - column
        if remaining == 1:
            if _valid(digits[start:], columns[column]):
                yield (*cuts, start)
            return
        # leave at least one character for each later column
        for end in range(start + 1, len(digits) - remaining + 2):
            if not _valid(digits[start:end], columns[column]):
                if digits[start] == "0" and not columns[column].money:
                    break  # a count starting with 0 is only "0": longer pieces are invalid too
                continue
            cuts.append(start)
            yield from again(end, column + 1, again)
            cuts.pop()

    if count and len(digits) >= count:
        yield from walk(0, 0, walk)


def _blocks(run: RowRun, identities: Sequence[Identity]) -> tuple[list[tuple[int, int]], list[Identity]] | None:
    """Cut the run's slots into blocks ``[terms…, total]`` that are identities, if every slot is in one.

    R3 (six applicant columns, then 总计) and table 四's R4 (four outcomes, then 总计) print
    their terms first and their total last: such a run is split block by block, each
    block's terms summing to its total, which bounds every piece by the total.
    Returns ``(start, end)`` slot ranges and the identities they are, or None when the
    run is not made of such blocks.
    """
    index = {(row, column.key): i for i, (row, column) in enumerate(run.slots)}
    blocks = []
    held = []
    for identity in identities:
        if len(identity.left) != 1 or not all(cell in index for cell in identity.cells):
            continue
        terms = sorted(index[cell] for cell in identity.right)
        total = index[identity.left[0]]
        if terms == list(range(terms[0], terms[0] + len(terms))) and total == terms[-1] + 1:
            blocks.append((terms[0], total + 1))
            held.append(identity)
    blocks.sort()
    position = 0
    for start, end in blocks:
        if start != position:
            return None
        position = end
    return (blocks, held) if position == len(run.slots) and blocks else None


class _Budget:
    """Counts the steps of a search and says when it has run out."""

    def __init__(self, steps: int) -> None:
        self.left = steps

    def spend(self) -> bool:
        self.left -= 1
        return self.left >= 0


def block_splits(
    digits: str, columns: Sequence[ColumnSpec], blocks: Sequence[tuple[int, int]], budget: _Budget
) -> Iterator[tuple[int, ...]]:
    """Yield the splits of ``digits`` in which each block's terms sum to its total (cut offsets).

    Each block's total is chosen first; its terms are then searched with the total as a
    budget, so a piece longer than the total has digits is never tried.
    """

    # A nested function that called itself by name would be a reference cycle (it holds its own
    # closure cell), freed only by the garbage collector: it is handed itself as ``again``.
    def terms(
        start: int,
        stop: int,
        column: int,
        last: int,
        budget_left: int,
        cuts: list[int],
        again: Callable[..., Iterator[list[int]]],
    ) -> Iterator[list[int]]:
        if not budget.spend():
            return
        if column == last:
            piece = digits[start:stop]
            if _valid(piece, columns[column]) and _number(piece, columns[column]) == budget_left:
                yield [*cuts, start]
            return
        remaining = last - column  # pieces still to place after this one
        for end in range(start + 1, stop - remaining + 1):
            piece = digits[start:end]
            if not _valid(piece, columns[column]):
                if digits[start] == "0":
                    break
                continue
            value = int(_number(piece, columns[column]))
            if value > budget_left:
                break  # longer pieces are larger still
            if not _reachable(budget_left - value, stop - end, remaining):
                continue
            yield from again(end, stop, column + 1, last, budget_left - value, [*cuts, start], again)

    def walk(
        block: int, start: int, cuts: list[int], again: Callable[..., Iterator[tuple[int, ...]]]
    ) -> Iterator[tuple[int, ...]]:
        if block == len(blocks):
            if start == len(digits):
                yield tuple(cuts)
            return
        first, end_slot = blocks[block]
        total_column = end_slot - 1
        slots_after = len(columns) - end_slot
        count = total_column - first  # the block's terms
        last_end = len(digits) - slots_after
        ends = [len(digits)] if block == len(blocks) - 1 else range(start + end_slot - first, last_end + 1)
        for end in ends:
            for total_start in range(start + count, end):
                piece = digits[total_start:end]
                if not _valid(piece, columns[total_column]):
                    continue
                total = int(_number(piece, columns[total_column]))
                if not _reachable(total, total_start - start, count):
                    continue
                for found in terms(start, total_start, first, total_column - 1, total, [], terms):
                    yield from again(block + 1, end, [*cuts, *found, total_start], again)
                if budget.left < 0:
                    return

    yield from walk(0, 0, [], walk)


#: A run's blocks and the identities they are (``_blocks``).
_Blocks = tuple[list[tuple[int, int]], list[Identity]]
#: ``_plan``'s: by the identities' id and the run's cells, the identities and cells themselves
#: (so that a reused id cannot mislead), the run's own identities and its blocks.
_PLANS: dict[
    tuple[int, tuple[tuple[str, int], ...]],
    tuple[Sequence[Identity], tuple[tuple[str, ColumnSpec], ...], tuple[Identity, ...], _Blocks | None],
] = {}
#: Plans kept at most (the template has some hundred rows; arbitrary callers may have more).
_MAX_PLANS = 1024


def _plan(run: RowRun, identities: Sequence[Identity]) -> tuple[tuple[Identity, ...], _Blocks | None]:
    """Return the identities within ``run``'s rows and its blocks (``_blocks``), worked out once per row.

    Every report's run of a row has the same cells, and what follows from them alone is
    kept: by the identities' ``id`` and the cells, checked in full on every use.
    """
    key = (id(identities), tuple((row, id(column)) for row, column in run.slots))
    found = _PLANS.get(key)
    if found is not None and found[0] is identities and found[1] == run.slots:
        return found[2], found[3]
    rows = run.rows
    own = tuple(i for i in identities if i.rows <= rows)
    blocks = _blocks(run, own)
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[key] = (identities, run.slots, own, blocks)
    return own, blocks


def _reachable(total: int, length: int, pieces: int) -> bool:
    """Tell whether ``length`` digits cut into ``pieces`` numbers (no leading zeros) can sum to ``total``.

    The longest piece has at least ``ceil(length / pieces)`` digits, so the sum is at least
    ``10 ** (that - 1)`` when that is 2 or more; no piece has more than
    ``length - pieces + 1`` digits, so the sum is below ``pieces * 10 ** that``.
    """
    if pieces == 0:
        return length == 0 and total == 0
    if length < pieces:
        return False
    longest = -(-length // pieces)
    low: int = 10 ** (longest - 1) if longest >= 2 else 0
    high: int = pieces * 10 ** (length - pieces + 1)
    return low <= total < high


def _number(text: str, column: ColumnSpec) -> Number:
    return Decimal(text) if column.money else int(text)


def _values(run: RowRun, cut: tuple[int, ...]) -> dict[Slot, Number]:
    ends = (*cut[1:], len(run.digits))
    return {
        (row, column.key): _number(run.digits[start:end], column)
        for (row, column), start, end in zip(run.slots, cut, ends, strict=True)
    }


def solve(runs: Sequence[RowRun], identities: Sequence[Identity], fixed: Mapping[Slot, Number | None]) -> Outcome:
    """Split every run so that the identities hold; a cell gets a value only when it is determined.

    Args:
        runs: the table's glued runs.
        identities: the table's identities.
        fixed: values already read elsewhere in the table (rows that were not glued).

    Returns:
        The cells, the ambiguous ones with their candidates, and what was bounded or broken.

    """
    candidates: dict[str, list[tuple[int, ...]]] = {}
    raw: dict[str, int] = {}
    unsplittable: list[str] = []
    too_long: list[str] = []
    by_key = {run.key: run for run in runs}
    rows_of = {run.key: run.rows for run in runs}
    for run in runs:
        columns = [column for _, column in run.slots]
        own, blocks = _plan(run, identities)
        raw[run.key] = count_splits(len(run.digits), len(columns))
        budget = _Budget(MAX_STEPS)
        unchecked: Sequence[Identity] = own  # the identities a cut must still be checked against
        if blocks is not None and all(not c.money and not c.signed for c in columns):
            cuts: Iterator[tuple[int, ...]] = block_splits(run.digits, columns, blocks[0], budget)
            unchecked = [i for i in own if not any(i is block for block in blocks[1])]  # the blocks hold by making
        elif raw[run.key] <= MAX_SPLITS:
            cuts = splits(run.digits, columns)
        else:
            too_long.append(run.key)
            continue
        found: list[tuple[int, ...]] = []
        for cut in cuts:
            if all(holds(i, _values(run, cut)) for i in unchecked):
                found.append(cut)
        if budget.left < 0:
            too_long.append(run.key)
            continue
        if found:
            candidates[run.key] = found
        else:
            unsplittable.append(run.key)

    # identities between runs: tried over the combinations of the runs still open
    open_runs = [key for key, found in candidates.items() if len(found) > 1]
    closed = {row for key in (*unsplittable, *too_long) for row in rows_of[key]}
    checked = [
        i
        for i in identities
        if i.rows.isdisjoint(closed)
        and any(not i.rows.isdisjoint(rows_of[key]) for key in open_runs)
        and not any(i.rows <= rows_of[key] for key in candidates)
    ]
    base: dict[Slot, Number | None] = dict(fixed)
    for key, found in candidates.items():
        if len(found) == 1:
            base.update(_values(by_key[key], found[0]))
    product = math.prod(len(candidates[key]) for key in open_runs) if open_runs else 1
    bounded = product > MAX_COMBINATIONS
    inconsistent = False
    chosen = dict(candidates)
    if open_runs and checked and not bounded:
        consistent: dict[str, set[tuple[int, ...]]] = {key: set() for key in open_runs}
        for combination in _combinations([candidates[key] for key in open_runs]):
            values = dict(base)
            for key, cut in zip(open_runs, combination, strict=True):
                values.update(_values(by_key[key], cut))
            if all(holds(i, values) for i in checked):
                for key, cut in zip(open_runs, combination, strict=True):
                    consistent[key].add(cut)
        if any(not cuts for cuts in consistent.values()):
            inconsistent = True  # broken in the source: the open runs stay open
        else:
            chosen.update({key: sorted(cuts) for key, cuts in consistent.items()})
    cells: dict[Slot, tuple[str, int] | None] = {}
    ambiguous: dict[Slot, tuple[str, ...]] = {}
    by_identities = [key for key, found in chosen.items() if len(found) == 1 and raw[key] > 1]
    for key, found in chosen.items():
        run = by_key[key]
        for index, (row, column) in enumerate(run.slots):
            pieces: dict[str, int] = {}
            for cut in found:
                text, offset = _piece(run, cut, index)
                pieces[text] = min(offset, pieces.get(text, offset))
            if len(pieces) == 1:
                ((text, offset),) = pieces.items()
                cells[(row, column.key)] = (text, offset)
            else:
                cells[(row, column.key)] = None
                ambiguous[(row, column.key)] = tuple(sorted(pieces, key=_order))
    for key in (*unsplittable, *too_long):
        for row, column in by_key[key].slots:
            cells[(row, column.key)] = None
    return Outcome(cells, ambiguous, tuple(unsplittable), tuple(too_long), tuple(by_identities), bounded, inconsistent)


def _piece(run: RowRun, cut: tuple[int, ...], index: int) -> tuple[str, int]:
    start = cut[index]
    end = cut[index + 1] if index + 1 < len(cut) else len(run.digits)
    return run.digits[start:end], start


def _order(text: str) -> tuple[int, Decimal]:
    try:
        return 0, Decimal(text)
    except InvalidOperation:  # pragma: no cover - pieces are numbers by construction
        return 1, Decimal(0)


def _combinations(options: Sequence[Sequence[tuple[int, ...]]]) -> Iterator[tuple[tuple[int, ...], ...]]:
    """Yield every choice of one option per row (an iterative product)."""
    if not options:
        return
    indices = [0] * len(options)
    while True:
        yield tuple(option[i] for option, i in zip(options, indices, strict=True))
        position = len(options) - 1
        while position >= 0:
            indices[position] += 1
            if indices[position] < len(options[position]):
                break
            indices[position] = 0
            position -= 1
        if position < 0:
            return
