"""Page furniture: page numbers and running headers that text from a PDF carries between rows.

A page break inside a table leaves ``— 5 —``, ``- 4 -`` or ``第 3 页 共 9 页`` between two
rows, sometimes a bare ``3``, and often the report's running header again.  Read as cells
they become values (a page number) or join the next row's label (a header); this module
finds them so that the parser can leave them out before sectioning and say so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

import attrs
import regex

from govinfo_report.normalize import label_key
from govinfo_report.patterns import lazy
from govinfo_report.schema import TemplateVersion
from govinfo_report.template import tables

__all__ = ["Furniture", "find_furniture", "is_page_number"]

_PAGE_NUMBER = lazy(
    r"""^(?:
        [-~·]\s*\d{1,4}\s*[-~·]                                  # — 5 —  - 4 -  -1-
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?     # 第 3 页 共 9 页
      | 共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页          # 共 9 页 第 3 页
      | (?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?         # Page 3 of 9
    )$""",
    regex.VERBOSE | regex.IGNORECASE,
)
#: The characters a page number in ``_PAGE_NUMBER`` can start with.
_PAGE_NUMBER_FIRST = frozenset("-~·第共pP")
_BARE_NUMBER = lazy(r"^\d{1,3}$")
#: Shortest line taken for a running header, and how near a page number it must sit.
MIN_HEADER = 6
HEADER_REACH = 3


def is_page_number(folded_line: str) -> bool:
    """Tell whether a folded line is a page number in one of the forms printers use.

    ``— 5 —``, ``- 4 -``, ``-1-``, ``第 3 页 共 9 页``, ``Page 3 of 9``; a bare ``3`` is not
    one on its own (it may be a value): see ``find_furniture``.
    """
    stripped = folded_line.strip()
    return bool(stripped) and _is_page_number_stripped(stripped)


def _is_page_number_stripped(stripped: str) -> bool:
    # the pattern is anchored: a line that starts otherwise is not one (most lines, cheaply)
    return stripped[0] in _PAGE_NUMBER_FIRST and _PAGE_NUMBER.match(stripped) is not None


@attrs.frozen
class Furniture:
    """Lines that are page furniture, by kind."""

    #: 0-based indices of page-number lines.
    page_numbers: tuple[int, ...]
    #: 0-based indices of repeated running headers or footers next to a page number.
    running_headers: tuple[int, ...]

    @property
    def lines(self) -> frozenset[int]:
        """Every furniture line."""
        return frozenset(self.page_numbers + self.running_headers)


def _is_bare_number(line: str) -> bool:
    return _is_bare_number_stripped(line.strip())


def _is_bare_number_stripped(stripped: str) -> bool:
    return 0 < len(stripped) <= 3 and _BARE_NUMBER.match(stripped) is not None


def _between_delimited_rows(folded: Sequence[str], index: int) -> bool:
    """Tell whether the nearest non-blank lines above and below are delimited rows."""
    for step in (-1, 1):  # the line above first: when it is not a row, the one below is not looked for
        at = index + step
        while 0 <= at < len(folded) and not folded[at].strip():
            at += step
        if not 0 <= at < len(folded) or ("|" not in folded[at] and "\t" not in folded[at]):
            return False
    return True


@cache
def _header_keys() -> tuple[str, ...]:
    """Label keys of every column header: a table header printed again is not furniture."""
    keys = {label_key(h) for v in TemplateVersion for spec in tables(v) for h in spec.header_labels}
    return tuple(k for k in keys if len(k) >= 2)


def _is_table_header(line: str) -> bool:
    key = label_key(line)
    return any(h in key for h in _header_keys())


def find_furniture(folded: Sequence[str]) -> Furniture:
    """Find page numbers and running headers among the (folded) lines of a text.

    - A page number in a printed form (``is_page_number``) is furniture anywhere.
    - A bare number alone on a line is furniture only between two delimited rows
      (``|`` or tab), where no layout puts a value on a line of its own.
    - A running header is a line of ``MIN_HEADER`` characters or more, with no delimiter,
      printed more than once; its occurrences within ``HEADER_REACH`` lines of a page
      number are furniture, the others (the title itself, say) are kept.  A table's column
      header printed again after a page break is not furniture (it tells columns apart).

    Runs in time linear in the text.
    """
    numbers = []
    for i, line in enumerate(folded):
        stripped = line.strip()  # once for both tests: ``is_page_number``, ``_is_bare_number``
        # each test's cheap part first, here: most lines fail it, and no call is made for them
        if stripped and (
            (stripped[0] in _PAGE_NUMBER_FIRST and _is_page_number_stripped(stripped))
            or (len(stripped) <= 3 and _is_bare_number_stripped(stripped) and _between_delimited_rows(folded, i))
        ):
            numbers.append(i)
    if not numbers:
        return Furniture((), ())  # a running header is furniture only near a page number
    # Spaces left out, a line is no longer than it was: shorter lines are never headers.
    squashed = ["".join(line.split()) if len(line) >= MIN_HEADER else "" for line in folded]
    counts = Counter(s for s in squashed if len(s) >= MIN_HEADER and "|" not in s)  # tabs went with the spaces
    repeated = {s for s, n in counts.items() if n >= 2 and not _is_table_header(s)}
    near: set[int] = set()
    for i in numbers:
        near.update(at for at in range(max(0, i - HEADER_REACH), min(len(folded), i + HEADER_REACH + 1)))
    headers = [i for i in sorted(near) if squashed[i] in repeated]
    return Furniture(tuple(numbers), tuple(headers))
