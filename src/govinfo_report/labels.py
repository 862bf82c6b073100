"""Recognising a printed row label as a row of a template table.

Exact match on the label key first (``normalize.label_key``).  For typos, a fallback
whose edit budget grows with the label's length and which demands a unique best match,
then one for labels printed with characters left out (a subsequence of one row's key):
short labels (规章, 其他, 行政处罚) match exactly or not at all, so 规章 never becomes 总计
and 行政处罚 never becomes 行政许可; a label is compared whole, never searched for inside
a longer one (其他 is not found in 其他法律行政法规禁止公开).
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

import attrs

from govinfo_report.normalize import fold, label_key, split_marker
from govinfo_report.template import RowSpec, TableSpec

__all__ = ["LabelMatch", "LabelMatcher", "bounded_distance", "edit_budget"]


@attrs.frozen
class LabelMatch:
    """A recognised label."""

    row: RowSpec
    #: Edits between the printed key and the template key (0 for an exact match).
    distance: int


def edit_budget(length: int) -> int:
    """Edits tolerated for a template key of this many characters (0 below six)."""
    if length < 6:
        return 0
    if length < 10:
        return 1
    if length < 16:
        return 2
    return 3


def bounded_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance of ``a`` and ``b`` if it is at most ``limit``, else None.

    Runs in O(len(a) * limit): only a diagonal band of the table is computed.
    """
    if abs(len(a) - len(b)) > limit:
        return None
    if a == b:
        return 0
    big = limit + 1
    previous = [j if j <= limit else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        low, high = max(1, i - limit), min(len(b), i + limit)
        current = [big] * (len(b) + 1)
        current[0] = i if i <= limit else big
        for j in range(low, high + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if min(current[max(0, low - 1) : high + 1]) > limit:
            return None
        previous = current
    return previous[len(b)] if previous[len(b)] <= limit else None


def _marker_core(marker: str) -> str:
    """``"(七)"`` → ``"(七)"``, ``"七、"`` → ``"七"``, ``"1."`` → ``"1"``."""
    core = "".join(marker.split())
    return core.rstrip("、.,)") + (")" if core.startswith("(") else "")


#: An abridged label keeps at least this share of the row key's characters, and this many.
MIN_KEPT = 0.7
MIN_ABRIDGED = 6

#: The longest text ``LabelMatcher.split`` tries to cut in two.
MAX_SPLIT = 120


class LabelMatcher:
    """Matches printed labels against the rows of one table spec.

    Build one with ``LabelMatcher.of(spec)``: a matcher is shared by every table of its
    spec, so that its caches serve every report a process parses.
    """

    #: The matcher of each spec, by ``id`` (a spec's hash walks all its rows), with the
    #: spec itself kept so that the id cannot be reused.
    _shared: ClassVar[dict[int, tuple[TableSpec, LabelMatcher]]] = {}

    @classmethod
    def of(cls, spec: TableSpec) -> LabelMatcher:
        """Return the shared matcher of ``spec``, building it the first time."""
        entry = cls._shared.get(id(spec))
        if entry is None or entry[0] is not spec:
            entry = cls._shared[id(spec)] = (spec, cls(spec))
        return entry[1]

    def __init__(self, spec: TableSpec) -> None:
        """Index the rows of ``spec`` by their label keys."""
        self.spec = spec
        self._exact: dict[str, list[RowSpec]] = {}
        for row in spec.rows:
            for key in row.keys:
                self._exact.setdefault(key, []).append(row)
        header_keys = {label_key(h) for h in spec.header_labels}
        #: Keys that are also column headers (总计, 其他): the row needs its marker.
        self._needs_marker = {key for key in self._exact if key in header_keys}
        #: The characters of each key: a printed key with more characters that its
        #: candidate lacks than the edits it may differ by cannot match it (no DP needed).
        self._chars = {key: frozenset(key) for key in self._exact}
        #: Per character, the keys that hold it: the candidates of a printed key are
        #: found from its characters instead of by trying every key.
        self._holding: dict[str, set[str]] = {}
        for key in self._exact:
            for char in self._chars[key]:
                self._holding.setdefault(char, set()).add(key)
        self._order = {key: index for index, key in enumerate(self._exact)}
        #: The keys a label may be a fuzzy match of, with their edit budgets.
        self._fuzzy_keys = [
            (key, rows, edit_budget(len(key)))
            for key, rows in self._exact.items()
            if edit_budget(len(key)) and key not in self._needs_marker
        ]
        #: Those keys by the lengths of the printed keys they are within reach of (a
        #: length differing by more than the budget takes more edits than it allows).
        self._fuzzy_by_length: dict[int, list[tuple[str, list[RowSpec], int]]] = {}
        for entry in self._fuzzy_keys:
            key, _, budget = entry
            for length in range(len(key) - budget, len(key) + budget + 1):
                self._fuzzy_by_length.setdefault(length, []).append(entry)
        #: Every row by each of its label keys, the first row of the spec winning a shared
        #: key: what a glued label's suffixes are looked up in (``align``).
        self.rows_by_key: dict[str, RowSpec] = {key: row for row in reversed(spec.rows) for key in row.keys if key}
        self._match = lru_cache(maxsize=4096)(self._match_uncached)
        self._split = lru_cache(maxsize=4096)(self._split_uncached)

    def match(self, text: str) -> LabelMatch | None:
        """Return the row a printed label names, or None."""
        return self._match(text)

    def exact(self, text: str) -> LabelMatch | None:
        """Return the row a label names exactly (after folding), never a fuzzy match."""
        key = label_key(text)
        rows = self._exact.get(key) if key else None
        if not rows:
            return None
        return self._pick(rows, key, split_marker("".join(fold(text).split()))[0], 0)

    def split(self, text: str) -> tuple[int, LabelMatch, LabelMatch] | None:
        """Read ``text`` as two data-row labels run together (``行政处罚行政强制``).

        Returns the cut and the two rows, or None.

        A wrapped layout joins a row whose cells are all blank onto the label above it, as
        if it were a continuation.  Only exact matches count, and only one cut may work.
        Texts longer than ``MAX_SPLIT`` are not tried (keeps hostile input linear).
        """
        return self._split(text)

    def _split_uncached(self, text: str) -> tuple[int, LabelMatch, LabelMatch] | None:
        if len(text) > MAX_SPLIT:
            return None
        found = None
        for cut in range(1, len(text)):
            head = self.exact(text[:cut])  # most cuts end here: the tail is looked up only after a head
            if head is None or head.row.is_group:
                continue
            tail = self.exact(text[cut:])
            if tail is None or tail.row.is_group:
                continue
            if found is not None:
                return None
            found = (cut, head, tail)
        return found

    def _match_uncached(self, text: str) -> LabelMatch | None:
        folded = "".join(fold(text).split())
        marker, _ = split_marker(folded)
        key = label_key(text)
        if not key:
            return None
        rows = self._exact.get(key)
        if rows:
            return self._pick(rows, key, marker, 0)
        return self._fuzzy(key, marker)

    def _pick(self, rows: list[RowSpec], key: str, marker: str, distance: int) -> LabelMatch | None:
        core = _marker_core(marker)
        if key in self._needs_marker:
            rows = [r for r in rows if r.marker and _marker_core(r.marker) == core]
        if len(rows) != 1:
            return None
        return LabelMatch(rows[0], distance)

    def _fuzzy(self, key: str, marker: str) -> LabelMatch | None:
        best: int | None = None
        winners: dict[str, RowSpec] = {}
        candidates = self._fuzzy_by_length.get(len(key), ())  # in reach of its length, in key order
        chars = frozenset(key)
        for candidate, rows, budget in candidates:
            if len(chars - self._chars[candidate]) > budget:
                continue  # each character the candidate lacks takes an edit of its own
            distance = bounded_distance(key, candidate, budget)
            if distance is None:
                continue
            if best is None or distance < best:
                best, winners = distance, {r.key: r for r in rows}
            elif distance == best:
                winners.update({r.key: r for r in rows})
        if best is None:
            return self._abridged(key)
        if len(winners) != 1:
            return None
        return LabelMatch(next(iter(winners.values())), best)

    def _abridged(self, key: str) -> LabelMatch | None:
        """Match a label printed with characters left out (``其他法律行政止公开``).

        The printed key must be a subsequence of exactly one row's key, keep at least
        ``MIN_KEPT`` of its characters and be ``MIN_ABRIDGED`` characters or longer.
        """
        if len(key) < MIN_ABRIDGED:
            return None
        found: dict[str, tuple[RowSpec, int]] = {}
        # A subsequence uses only the candidate's characters: the keys holding all of them.
        holding = []
        for char in frozenset(key):
            keys = self._holding.get(char)
            if keys is None:
                return None  # a character that no key holds: no key has the printed one as a subsequence
            holding.append(keys)
        for candidate in sorted(set.intersection(*holding), key=self._order.__getitem__):
            rows = self._exact[candidate]
            if candidate in self._needs_marker or len(key) < MIN_KEPT * len(candidate) or len(key) >= len(candidate):
                continue
            remaining = iter(candidate)
            if all(char in remaining for char in key):
                found.update({r.key: (r, len(candidate) - len(key)) for r in rows})
        if len(found) != 1:
            return None
        row, distance = next(iter(found.values()))
        return LabelMatch(row, distance)
