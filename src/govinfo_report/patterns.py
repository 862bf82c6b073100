"""Regular expressions compiled on first use, so that importing the package stays cheap.

The ``regex`` module compiles a pattern in about half a millisecond; the package keeps some
forty patterns at module level, which cost every ``import govinfo_report`` about 20 ms
before a single report is parsed.  ``lazy(pattern)`` stands for ``regex.compile(pattern)``
and compiles on the first attribute looked up; it then keeps the compiled pattern's methods
as its own attributes, so that later calls cost what they cost on the pattern itself.
``lazy_re(pattern)`` does the same with the standard library's ``re``, for the few hot
patterns (the HTML tokenizer) that need none of ``regex``'s features and run faster in ``re``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, cast

import regex

__all__ = ["char_class", "code_class", "lazy", "lazy_re"]

#: What a pattern is used for; looking any of them up compiles the pattern once.
_BOUND = (
    "search", "match", "fullmatch", "sub", "subn", "split", "splititer", "findall", "finditer",
    "pattern", "flags", "groups", "groupindex",
)  # fmt: skip


class _LazyPattern:
    """A ``regex`` pattern compiled on first use (see the module docstring)."""

    def __init__(self, pattern: str, flags: int, compile: Callable[[str, int], Any] = regex.compile) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compile = compile

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy, pickle and the like probe for dunders: not a pattern's
            raise AttributeError(name)
        compiled = self._compile(self._pattern, self._flags)
        for bound in _BOUND:
            if hasattr(compiled, bound):  # re has no splititer
                setattr(self, bound, getattr(compiled, bound))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._pattern!r}, flags={self._flags})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Return ``regex.compile(pattern, flags)``, compiled when first used."""
    return cast("regex.Pattern[str]", _LazyPattern(pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return ``re.compile(pattern, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags, re.compile))


def char_class(chars: str) -> str:
    """Return a character class (``[…]``, for ``re`` or ``regex``) of exactly the characters of ``chars``."""
    return "[" + "".join(map(re.escape, chars)) + "]"


def code_class(codes: Iterable[int]) -> str:
    """Return a character class (``[…]``, for ``re`` or ``regex``) of exactly the code points ``codes``.

    Runs of consecutive code points are written as ranges (``a-z``): a class of thousands
    compiles in a fraction of the time.  ``[]`` matches nothing only in ``regex``: give at
    least one code point.
    """
    ordered = sorted(set(codes))
    if not ordered:
        raise ValueError("a character class needs at least one code point")
    runs: list[str] = []
    first = last = ordered[0]
    for code in [*ordered[1:], None]:
        if code is not None and code == last + 1:
            last = code
            continue
        runs.append(re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}")
        if code is not None:
            first = last = code
    return "[" + "".join(runs) + "]"
