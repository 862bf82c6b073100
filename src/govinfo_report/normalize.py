"""Normalised copies of text for matching: script folding, whitespace, numbers and money.

The Report always keeps original text; everything here produces a *copy* used to compare
labels and headings, and to read numbers.  All functions run in time linear in their input
(``str.translate`` and patterns without nested quantifiers).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Final

from govinfo_report._t2s_table import T2S
from govinfo_report.patterns import char_class, code_class, lazy, lazy_re

__all__ = [
    "WHITE_SPACE",
    "Money",
    "fold",
    "fold_chars",
    "folded_pattern",
    "has_traditional",
    "is_split_number",
    "is_value",
    "label_key",
    "parse_count",
    "parse_money",
    "script_counts",
    "simplified_only_count",
    "traditional_count",
    "unfolded",
]

# Length-preserving character fold: full-width ASCII, ideographic space, corner quotes,
# and traditional → simplified ideographs.
_CHAR_TABLE: dict[int, int] = dict(T2S)
_CHAR_TABLE.update({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})
_CHAR_TABLE.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break space
        0x300C: 0x201C,  # 「
        0x300D: 0x201D,  # 」
        0x300E: 0x201C,  # 『
        0x300F: 0x201D,  # 』
        0x2212: 0x2D,  # minus sign
        0x2014: 0x2D,  # em dash
        0x2013: 0x2D,  # en dash
        0xFE63: 0x2D,  # small hyphen-minus
        0x3001: 0x3001,  # 、 stays
    }
)

#: Taiwan words that a plain character fold leaves wrong, as they read after ``fold_chars``
#: (檔案 → 档案 → 文件).  Curated: each entry is a whole word swapped by a
#: "Taiwan-converted" text, and none of them damages a mainland label.
TAIWAN_WORDS: Final[dict[str, str]] = {
    "档案": "文件",
    "资讯": "信息",
    "入口网站": "门户网站",
    "最佳化": "优化",
    "智慧型": "智能",
    "计画": "计划",
    "网际网路": "互联网",
    "网路": "网络",
    "软体": "软件",
    "视讯": "视频",
    "程式": "程序",
    "反覆": "反复",
    "重覆": "重复",
}
# The standard library's engine: on an alternation of literals it scans 2-3× faster than ``regex``.
_WORDS_RE: Final = lazy_re("|".join(sorted(TAIWAN_WORDS, key=len, reverse=True)))

_TRADITIONAL: Final = frozenset(T2S)
_SIMPLIFIED_ONLY: Final = frozenset(set(T2S.values()) - set(T2S))


def fold_chars(text: str) -> str:
    """Fold width, quotes and traditional characters, one character for one.

    The result has the same length as ``text``, so a match in it is a match at the same
    offsets in the original.

    Args:
        text: any text.

    Returns:
        The folded copy.

    """
    if _folding().search(text) is None:
        return text  # nothing to fold (many lines of simplified text): no copy, no translation
    return text.translate(_fold_table())


@cache
def _folding() -> re.Pattern[str]:
    """Return the pattern of a character that ``fold_chars`` changes.

    ``re`` finds one in a class of thousands at a few nanoseconds a character, several
    times faster than ``str.translate`` copies one (the class in ``regex`` is ~90× slower).
    """
    changed = [code for code, value in enumerate(_fold_table()) if value != code]
    return re.compile(code_class(changed))


#: Code points a translation list covers: the Basic Multilingual Plane.
_BMP: Final = 0x10000


@cache
def _identity() -> list[int | str]:
    """Every BMP code point mapped to itself, shared (copied) by the translation lists."""
    return list(range(_BMP))


def _translation_list(table: dict[int, int] | dict[int, str]) -> list[int | str]:
    """Return the BMP part of ``table`` as a list indexed by code point (identity where it maps nothing).

    ``str.translate`` looks each character up as ``table[ord(c)]``: a dict raises and
    clears a ``KeyError`` for every character it does not map, a list answers at once
    (about twice as fast on Chinese text); a character past the list's end raises
    ``IndexError``, which ``translate`` takes as unmapped, like a missing key.
    """
    indexed = _identity()[:]
    for code, value in table.items():
        if code < _BMP:
            indexed[code] = value
    return indexed


@cache
def _fold_table() -> list[int | str]:
    """``_CHAR_TABLE`` for ``str.translate`` (it maps BMP characters only); built on first use."""
    return _translation_list(_CHAR_TABLE)


#: What ``\s`` matches in ``regex``: Unicode's White_Space characters.
WHITE_SPACE: Final = (
    "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)


def unfolded(chars: str) -> str:
    """Return every character that ``fold_chars`` turns into one of ``chars``, in code point order.

    ``fold_chars`` maps one character to one, so ``fold_chars(text)[i]`` is in ``chars``
    exactly when ``text[i]`` is in ``unfolded(chars)``: a pattern on the folded text can be
    looked for in the text itself, without folding it.
    """
    return _unfolded(frozenset(chars))


def folded_pattern(folded: str) -> str:
    """Return a pattern (``re`` or ``regex``) that matches in a text where ``fold_chars`` of it reads ``folded``.

    ``re.finditer(folded_pattern(s), text)`` finds, at the same offsets, what
    ``fold_chars(text).find(s)`` would, one after another, without folding ``text``.
    """
    return "".join(char_class(unfolded(char)) for char in folded)


@cache
def _unfolded(chars: frozenset[str]) -> str:
    codes = {ord(c) for c in chars if ord(c) >= _BMP or _CHAR_TABLE.get(ord(c), ord(c)) == ord(c)}
    codes.update(code for code, value in _CHAR_TABLE.items() if code < _BMP and chr(value) in chars)
    return "".join(map(chr, sorted(codes)))


def _nfkc_folded(text: str) -> str:
    """Return ``fold_chars(NFKC(text))``, normalising only when the fold leaves work for NFKC.

    Chinese text is almost never in NFKC (full-width punctuation), but the character fold
    already maps every full-width form and space the way NFKC does, so its result usually
    is; ``is_normalized`` is some 60 times cheaper than ``normalize``.  For every code
    point, ``fold_chars(c)`` in NFKC implies ``fold_chars(NFKC(c)) == fold_chars(c)``
    (checked by ``tests/test_normalize.py`` over all of Unicode).
    """
    folded = fold_chars(text)
    if unicodedata.is_normalized("NFKC", folded):
        return folded
    return fold_chars(unicodedata.normalize("NFKC", text))


def fold(text: str) -> str:
    """Fold a text fully for matching: NFKC, characters (``fold_chars``), Taiwan words.

    Args:
        text: any text.

    Returns:
        A simplified-script, half-width copy; its length may differ from ``text``.

    """
    folded = _nfkc_folded(text)
    if _WORDS_RE.search(folded) is None:  # most lines: one scan, no substitution
        return text if folded == text else folded  # unchanged: the text itself, not a copy kept
    return _WORDS_RE.sub(lambda m: TAIWAN_WORDS[m.group()], folded)


# A leading enumeration marker of a row label: 一、 （一） (一) 1. 1、 1． ① …
_ENUM_RE: Final = lazy(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.]|\(\s*[一二三四五六七八九十]{1,3}\s*\)"
    r"|\d{1,2}\s*[.、)](?!\d)|[\u2460-\u2473])"
)
# Everything that is not a letter, digit or ideograph carries no meaning in a label key.
_NOISE_RE: Final = lazy(r"[^\p{L}\p{N}]+")


def split_marker(text: str) -> tuple[str, str]:
    """Split a folded label into its enumeration marker and the rest.

    Args:
        text: a label already passed through ``fold``.

    Returns:
        ``(marker, rest)``; the marker is ``""`` when there is none.

    """
    stripped = text.strip()
    match = _ENUM_RE.match(stripped)
    if match is None:
        return "", stripped
    return match.group(), stripped[match.end() :]


def label_key(text: str) -> str:
    """Return the comparison key of a label: folded, marker removed, only letters and digits.

    Args:
        text: a label as printed (any script, any width, spaces anywhere).

    Returns:
        The key; ``"(三) 不予 公開"`` and ``"（三）不予公开"`` have the same key.

    """
    if len(text) > _CACHED_LENGTH:
        return _label_key(text)
    return _label_key_cached(text)


def _label_key(text: str) -> str:
    _, rest = split_marker(_NOISE_SPACES.sub("", fold(text)))
    return _NOISE_RE.sub("", rest)


#: Texts up to this length have their label keys and blankness cached: labels and cells
#: repeat from table to table and report to report; long texts (prose) are not kept.
_CACHED_LENGTH: Final = 160
_label_key_cached = lru_cache(maxsize=1 << 15)(_label_key)


_NOISE_SPACES: Final = lazy(r"\s+")


# Every character of one script translated to a mark; counting the marks counts the script.
_TRADITIONAL_MARK: Final = "\x00"
_SIMPLIFIED_MARK: Final = "\x01"
_TO_MARK: Final = {
    **{code: _TRADITIONAL_MARK for code in _TRADITIONAL},
    **{code: _SIMPLIFIED_MARK for code in _SIMPLIFIED_ONLY},
}
# The marks of characters past the BMP (simplified-only ideographs of the extensions).
_ASTRAL_MARKS: Final = {code: mark for code, mark in _TO_MARK.items() if code >= _BMP}


@cache
def _mark_table() -> list[str | None]:
    """Each BMP code point's mark, or None: ``str.translate`` by it deletes every other character."""
    table: list[str | None] = [None] * _BMP
    for code, mark in _TO_MARK.items():
        if code < _BMP:
            table[code] = mark
    return table


def script_counts(text: str) -> tuple[int, int]:
    """Count the characters only traditional script uses and those only simplified uses.

    One ``str.translate`` by a list that keeps only the marks (a character past the BMP,
    which the list does not reach, is kept as it is and marked by a dict in a second
    translate of what is left) and two ``str.count``: several times faster than a loop
    over the characters, and the text is never copied whole.
    """
    marked = text.translate(_mark_table())
    traditional, simplified = marked.count(_TRADITIONAL_MARK), marked.count(_SIMPLIFIED_MARK)
    if traditional + simplified != len(marked):  # characters past the BMP are left
        marked = marked.translate(_ASTRAL_MARKS)
        traditional, simplified = marked.count(_TRADITIONAL_MARK), marked.count(_SIMPLIFIED_MARK)
    return traditional, simplified


def has_traditional(text: str) -> bool:
    """Tell whether ``text`` holds a character only traditional script uses (``traditional_count(text) > 0``).

    One ``re`` search that stops at the first such character: most reports have none, and
    then the simplified ones need not be counted to know which script is the larger.
    """
    return _traditional().search(text) is not None


@cache
def _traditional() -> re.Pattern[str]:
    """Return the pattern of a character only traditional script uses (what ``script_counts`` counts first)."""
    return re.compile(code_class(_TRADITIONAL))


def traditional_count(text: str) -> int:
    """Count characters that only traditional script uses."""
    return script_counts(text)[0]


def simplified_only_count(text: str) -> int:
    """Count characters that only simplified script uses."""
    return script_counts(text)[1]


# Numbers -------------------------------------------------------------------------------

_COUNT_RE: Final = lazy(r"[-+]?\d{1,3}(?:,\d{3})+|[-+]?\d+")
_MONEY_RE: Final = lazy(r"(?P<num>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<unit>万元|元|万)?")
_MAX_DIGITS: Final = 40


class Money:
    """Units a money cell can carry.

    ``WAN`` is 万元 (ten thousand yuan), ``YUAN`` is 元, ``NONE`` means the cell said nothing.
    """

    WAN: Final = "万元"
    YUAN: Final = "元"
    NONE: Final = ""


# Whitespace between two parts of a number (``4 0 0``, ``1 ,000``, ``3. 5``): never one number.
_SPLIT_DIGITS: Final = lazy(r"[\d.,]\s+[\d.,]")


def _clean_number(text: str) -> str:
    """Fold a cell for reading as a number; "" when it cannot be one.

    Spaces around the number and before its unit are dropped; spaces *between digits*
    make it not a number: a number's own digits are never separated by spaces (the text
    of ``pdftotext -layout`` puts whole cells side by side that way).
    """
    if len(text) > 4 * _MAX_DIGITS:  # no number is this long, even with spaces and a unit
        return ""
    folded = _nfkc_folded(text)
    if _SPLIT_DIGITS.search(folded) is not None:
        return ""
    return _NOISE_SPACES.sub("", folded)


def parse_count(text: str) -> int | None:
    """Read a whole-number cell: ``"10,022"`` → 10022, ``" 0"`` → 0, ``"-3"`` → -3.

    Args:
        text: the cell as printed.

    Returns:
        The integer, or None when the cell is not a whole number (blank included).

    """
    clean = _clean_number(text)
    if not clean or len(clean) > _MAX_DIGITS or _COUNT_RE.fullmatch(clean) is None:
        return None
    return int(clean.replace(",", ""))


@lru_cache(maxsize=1 << 16)
def parse_money(text: str) -> tuple[Decimal, str] | None:
    """Read a money cell: ``"1372.16萬元"``, ``"1454464元"``, ``"49533.4728"``.

    Args:
        text: the cell as printed.

    Returns:
        ``(amount as printed, unit)`` with unit one of ``Money.WAN``, ``Money.YUAN``,
        ``Money.NONE``; None when the cell is not a money value.  Conversion to 万元 is
        ``to_wan``'s job, since a bare number takes its unit from the header.

    """
    clean = _clean_number(text)
    if not clean or len(clean) > _MAX_DIGITS + 2:
        return None
    match = _MONEY_RE.fullmatch(clean)
    if match is None:
        return None
    try:
        amount = Decimal(match.group("num").replace(",", ""))
    except InvalidOperation:  # pragma: no cover
        return None
    unit = match.group("unit") or Money.NONE
    return amount, Money.WAN if unit == "万" else unit


def to_wan(amount: Decimal, unit: str) -> Decimal:
    """Express an amount in 万元 exactly (元 are divided by 10,000 by moving the point)."""
    if unit == Money.YUAN:
        return amount.scaleb(-4)
    return amount


_SPLIT_NUMBER: Final = lazy(r"[-+]?[\d.,]*\d(?:\s+[\d.,]*\d[\d.,]*)+")


@lru_cache(maxsize=1 << 16)
def is_split_number(text: str) -> bool:
    """Tell whether a cell is digits set apart by spaces (``3 1``): a number damaged, not two.

    Such a cell stands where a number stood; it is never read as one (see ``parse_money``).
    """
    return len(text) <= 4 * _MAX_DIGITS and _SPLIT_NUMBER.fullmatch(fold_chars(text.strip())) is not None


def is_value(text: str) -> bool:
    """Tell whether a cell holds a number (count, decimal or money)."""
    return parse_money(text) is not None


BLANK_MARKS: Final = frozenset({"", "-", "--", "—", "——", "/", "／", "无", "無", "空"})


def is_blank(text: str) -> bool:
    """Tell whether a cell is blank: empty, or a dash or slash standing for nothing."""
    if text in BLANK_MARKS:
        return True
    if len(text) > _CACHED_LENGTH:
        return _is_blank(text)
    return _is_blank_cached(text)


def _is_blank(text: str) -> bool:
    return _NOISE_SPACES.sub("", text) in BLANK_MARKS


_is_blank_cached = lru_cache(maxsize=1 << 15)(_is_blank)
