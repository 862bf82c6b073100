"""Report metadata: title, reporting body, year, signing date and script."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import islice

import regex

from govinfo_report.normalize import WHITE_SPACE, fold_chars, folded_pattern, has_traditional, script_counts, unfolded
from govinfo_report.patterns import char_class, lazy
from govinfo_report.schema import Script
from govinfo_report.sections import is_page_noise

__all__ = [
    "SCRIPT_SAMPLE",
    "detect_script",
    "detect_script_of_lines",
    "find_title",
    "organization_from_body",
    "organization_from_signature",
    "organization_from_title",
    "signing_date",
    "year_from_text",
]

_YEAR_RE = lazy(r"((?:19|20)\d{2})\s*年")
_TITLE_TAIL_RE = lazy(r"(?:政府)?(?:信息公开|政务公开)\S{0,6}?年度报告.*$")
_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "О": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DATE_RE = lazy(
    r"(?P<y>\d{4}|[〇零○О一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$"
)
_ORG_SUFFIXES = (
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "办公室",
    "办公厅",
    "管理委员会",
    "委员会",
    "管委会",
    "政府",
    "街道办事处",
    "办事处",
    "局",
    "厅",
    "委",
    "办",
    "中心",
    "院",
    "署",
    "区",
    "县",
    "市",
    "州",
    "旗",
    "镇",
    "乡",
    "街道",
)
#: A year opening the overview's first sentence (``2023年，``), and what ends a name.
_LEADING_YEAR_RE = lazy(r"^\s*(?:19|20)\d{2}\s*年(?:度)?\s*[,，、]?\s*")
_NAME_BREAK_RE = lazy(r"[,，。、;；:：\s]")
_ORG_SUFFIX_RE = lazy("(?:" + "|".join(_ORG_SUFFIXES) + ")")


def _is_title(folded_line: str) -> bool:
    text = "".join(folded_line.split())
    return "年度报告" in text and len(text) <= 80 and not text.startswith("《") and "。" not in text


def _title_at(lines: Sequence[str], folded: Sequence[str], index: int) -> tuple[int, str]:
    """Return the title whose line ``index`` is: with the line above when it wrapped there.

    A PDF breaks a long title (``2025 年上海市人民政府办公厅政府信息公开`` / ``工作年度报告``):
    a title line without a year, under a short line with one, is that line's end.
    """
    text = lines[index].strip()
    if index > 0 and _YEAR_RE.search(folded[index]) is None:
        above = "".join(folded[index - 1].split())
        if above and len(above) <= 40 and "。" not in above and _YEAR_RE.search(above) and "年度报告" not in above:
            return index - 1, lines[index - 1].strip() + text
    return index, text


def find_title(lines: Sequence[str], folded: Sequence[str], stop: int) -> tuple[int, str] | None:
    """Return ``(index, title)`` of the first title-like line before line ``stop``."""
    index = next((i for i in range(min(stop, len(lines))) if _is_title(folded[i])), None)
    return None if index is None else _title_at(lines, folded, index)


def _title_candidates(lines: Sequence[str], folded: Sequence[str], stop: int) -> list[str]:
    indices = [i for i in range(min(stop, len(lines))) if _is_title(folded[i])]
    return ["".join(_title_at(lines, folded, i)[1].split()) for i in indices]


def organization_from_title(lines: Sequence[str], folded: Sequence[str], stop: int) -> str | None:
    """Return the body named in a title line: before the year, else before 政府信息公开….

    A title of the form ``<body><year>年…年度报告`` is preferred over ``<year>年<body>…``.
    """
    after_year: str | None = None
    for title in _title_candidates(lines, folded, stop):
        chars = fold_chars(title)
        match = _YEAR_RE.search(chars)
        if match and match.start() > 0:
            return title[: match.start()].strip() or None
        rest_start = match.end() if match else 0
        rest = chars[rest_start:]
        tail = _TITLE_TAIL_RE.search(rest)
        name = title[rest_start : rest_start + (tail.start() if tail else len(rest))].strip()
        if name and after_year is None:
            after_year = name
    return after_year


def organization_from_signature(folded: Sequence[str], lines: Sequence[str], date_index: int | None) -> str | None:
    """Return the short line just above the signing date, when it names a body."""
    if date_index is None:
        return None
    for index in range(date_index - 1, max(-1, date_index - 3), -1):
        text = "".join(folded[index].split())
        if not text:
            continue
        if len(text) <= 30 and _ORG_SUFFIX_RE.search(text[-7:]) and "。" not in text:
            return "".join(lines[index].split())
        break
    return None


def organization_from_body(paragraph: str, whole: str) -> str | None:
    """Last resort: the subject of the overview's first sentence (``兴庆区坚持…``).

    Takes the longest prefix, ending in an administrative suffix, that the text repeats;
    a first person (我区, 本机关) is not a name.
    """
    text = fold_chars(paragraph.strip())
    year = _LEADING_YEAR_RE.match(text)
    start = year.end() if year else 0
    head = text[start : start + 24]
    if not head or head[0] in "我本全各":
        return None
    best: str | None = None
    for match in _ORG_SUFFIX_RE.finditer(head):
        name = head[: match.end()]
        if len(name) < 2 or _NAME_BREAK_RE.search(name):
            break
        # said twice in the folded text, which is not made: found where its characters fold to the name's
        if len(list(islice(re.finditer(folded_pattern(name), whole), 2))) == 2:
            best = paragraph.strip()[start : start + len(name)]
    return best


@cache
def _unfolded_year() -> regex.Pattern[str]:
    r"""``_YEAR_RE`` on a text before ``fold_chars``: where the folded text has a match, at the same offsets.

    Each character of the pattern stands for those that fold to it (``unfolded``); ``\d``
    stays itself, because the fold maps no digit to a non-digit and no non-digit to a digit
    (checked by a test).
    """
    one, nine, two, zero, space, year = (char_class(unfolded(c)) for c in ("1", "9", "2", "0", WHITE_SPACE, "年"))
    return regex.compile(rf"((?:{one}{nine}|{two}{zero})\d{{2}}){space}*{year}")


def year_from_text(text: str) -> int | None:
    """Return the most frequent ``20xx年`` in a text (ties: the earlier year), or None."""
    years = Counter(int(fold_chars(m.group(1))) for m in _unfolded_year().finditer(text))
    if not years:
        return None
    return sorted(years.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if text.endswith("十"):
        return 10 * _CN_DIGITS[text[0]]
    if "十" in text:
        return 10 * _CN_DIGITS[text[0]] + _CN_DIGITS[text[2]]
    return _CN_DIGITS[text]


def signing_date(lines: Sequence[str], folded: Sequence[str]) -> tuple[int, datetime.date] | None:
    """Return the date a report is signed on: a short line ending in a date, among its last lines."""
    seen = 0
    for index in range(len(lines) - 1, -1, -1):
        text = folded[index].strip()
        if not text or is_page_noise(text):
            continue
        seen += 1
        if seen > 4:
            return None
        if len(text) > 40:
            continue
        match = _DATE_RE.search(text)
        if match is None:
            continue
        try:
            return index, datetime.date(_number(match["y"]), _number(match["m"]), _number(match["d"]))
        except (ValueError, KeyError):
            return None
    return None


#: How many characters from the start of a text decide its script.
SCRIPT_SAMPLE = 200_000
#: How many characters of lines are joined at a time to count their script.
_SCRIPT_CHUNK = 65_536


def detect_script(text: str) -> Script:
    """Traditional when traditional-only characters outnumber simplified-only ones (first ``SCRIPT_SAMPLE``)."""
    return _script_of([text[:SCRIPT_SAMPLE]])


def detect_script_of_lines(lines: Iterable[str]) -> Script:
    """Return ``detect_script`` of the lines joined by newlines, joining at most 64K characters at a time."""
    chunks: list[str] = []
    left = SCRIPT_SAMPLE
    chunk: list[str] = []
    size = 0
    for line in lines:
        if left <= 0:
            break
        piece = line[:left]
        chunk.append(piece)
        size += len(piece)
        left -= len(line) + 1  # the newline that joins it to the next counts for neither script
        if size >= _SCRIPT_CHUNK:
            chunks.append("".join(chunk))
            chunk, size = [], 0
    chunks.append("".join(chunk))
    return _script_of(chunks)


def _script_of(chunks: Sequence[str]) -> Script:
    """Traditional when the chunks' traditional-only characters outnumber their simplified-only ones."""
    if not any(map(has_traditional, chunks)):
        return Script.SIMPLIFIED  # none to outnumber anything: the simplified ones need no count
    traditional = simplified = 0
    for chunk in chunks:
        counts = script_counts(chunk)
        traditional, simplified = traditional + counts[0], simplified + counts[1]
    return Script.TRADITIONAL if traditional > simplified else Script.SIMPLIFIED
