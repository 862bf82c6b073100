"""Finding the six sections by their headings, and the lines of each.

A heading is recognised by its title, not by its numeral alone (markdown marks around it,
``## 二、…`` or ``**三、…**``, are ignored): rows of table 三 also begin
with 一、二、三、四、.  A numbered line whose title is not a known one is taken as a
non-standard section (六、下一步工作计划) only where it continues the numbering and no
known heading with that number follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs

from govinfo_report.normalize import fold_chars, label_key
from govinfo_report.patterns import lazy, lazy_re
from govinfo_report.schema import Section, TemplateVersion
from govinfo_report.template import tables

__all__ = [
    "NUMERALS",
    "Heading",
    "build_sections",
    "find_headings",
    "is_page_noise",
    "section_bodies",
    "section_title_key",
]

NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_HEADING_RE = lazy(r"^\s*(?:第\s*)?(?P<num>[一二三四五六七八九十])\s*(?:[、.,:]|部分)\s*(?P<title>[^|\t]{2,40}?)\s*$")
_MAX_TITLE = 40
# Markdown around a heading: ``## 二、…``, ``**三、…**``, ``> 四、…``.
_MARKDOWN_RE = lazy(r"^\s*(?:#{1,6}|>)\s*|\*\*|__")
#: What every heading has, markdown left in: a numeral, then spaces or markdown, then 、 . , : or 部.
#: The standard library's engine, a tenth of the two patterns above on a line without one;
#: its ``\s`` has every character of ``regex``'s (and four more), so it misses no heading.
#: A heading's numeral and what follows it, on the line's character fold (``_strip_numeral``).
_LEADING_NUMERAL_RE = lazy(r"^(?:第\s*)?[一二三四五六七八九十]\s*(?:[、.,:．，：]|部分)\s*")
_NUMERAL_RE = lazy_re(r"[一二三四五六七八九十][\s*_]*[、.,:部]")

#: Page chrome that scraped pages carry around a report (folded to simplified).
PAGE_NOISE = frozenset(
    {
        "用户登录",
        "相关词条",
        "热门词条",
        "联络我们",
        "联系我们",
        "返回顶部",
        "打印本页",
        "关闭窗口",
        "分享到",
        "发布",
        "全文",
        "首页",
        "注册",
        "网站地图",
        "隐私声明",
        "字号",
        "大",
        "中",
        "小",
        ">",
    }
)
#: Footer items that start a chrome token (版权所有：某某, 技术支持：某某, 备案号：…).
PAGE_NOISE_PREFIXES = ("版权所有", "技术支持", "主办单位", "承办单位", "备案号", "网站标识码")
_NOISE_SPLIT = lazy(r"[\s|｜>›»/·]+")


@attrs.frozen
class Heading:
    """A section heading found in the text."""

    #: 0-based line index.
    index: int
    number: int | None
    key: str | None
    #: The title as printed, without numeral.
    title: str


def section_title_key(title: str) -> str | None:
    """Return the section key a heading title names, or None for an unknown title."""
    t = label_key(title)
    if not t or len(t) > _MAX_TITLE:
        return None
    if "总体情况" in t or t in ("概述", "总体概况"):
        return "overview"
    if "主动公开政府信息" in t or (t.startswith("主动公开") and t.endswith("情况")):
        return "active_disclosure"
    if "收到和处理" in t or "处理政府信息公开申请" in t:
        return "applications"
    if ("行政复议" in t or "行政诉讼" in t) and "情况" in t:
        return "reviews"
    if ("存在" in t and "问题" in t) or t.endswith("改进情况"):
        return "problems"
    if "其他需要报告" in t:
        return "other_matters"
    return None


@cache
def _table_row_keys() -> frozenset[str]:
    keys: set[str] = set()
    for version in TemplateVersion:
        for spec in tables(version):
            for row in spec.rows:
                keys.update(row.keys)
    return frozenset(keys)


def is_page_noise(folded_line: str) -> bool:
    """Tell whether a (folded) line is page chrome: 用户登录, 相关词条, 联系我们 | 网站地图, 版权所有：….

    Every token of the line (split at spaces, ``|``, ``>``, ``/``) must be chrome.
    """
    if "".join(folded_line.split()).strip(",，:：") in PAGE_NOISE:
        return True
    tokens = [t.strip(",，:：") for t in _NOISE_SPLIT.split(folded_line) if t.strip(",，:：")]
    return bool(tokens) and all(t in PAGE_NOISE or t.startswith(PAGE_NOISE_PREFIXES) for t in tokens)


def find_headings(lines: Sequence[str], folded: Sequence[str]) -> list[Heading]:
    """Find section headings.

    Args:
        lines: the original lines.
        folded: ``normalize.fold`` of each line (same length as ``lines``).

    Returns:
        Headings in order of the text.

    """
    candidates: list[tuple[int, int, str, str | None]] = []
    for index, text in enumerate(folded):
        if len(text) > 80 or _NUMERAL_RE.search(text) is None:
            continue
        match = _HEADING_RE.match(_MARKDOWN_RE.sub("", text))
        if match is None:
            continue
        title = match.group("title")
        if title.endswith(("。", ";", "；")):
            continue
        number = NUMERALS[match.group("num")]
        original = _strip_numeral(lines[index])
        candidates.append((index, number, original, section_title_key(title)))
    # For each candidate: which numbers, and the smallest, of known headings after it.
    later_mask = [0] * (len(candidates) + 1)
    later_min = [len(NUMERALS) + 1] * (len(candidates) + 1)
    for position in range(len(candidates) - 1, -1, -1):
        later_mask[position] = later_mask[position + 1]
        later_min[position] = later_min[position + 1]
        _, number, _, key = candidates[position]
        if key is not None:
            later_mask[position] |= 1 << number
            later_min[position] = min(later_min[position], number)
    first_known = next((c[0] for c in candidates if c[3] is not None), None)
    row_keys = _table_row_keys()
    headings: list[Heading] = []
    last_number = 0
    for position, (index, number, title, key) in enumerate(candidates):
        if key is None:
            mask, smallest = later_mask[position + 1], later_min[position + 1]
            if first_known is None or index < first_known or number <= last_number:
                continue
            if mask >> number & 1 or number > smallest or label_key(title) in row_keys:
                continue
        headings.append(Heading(index, number, key, title))
        last_number = max(last_number, number)
    return headings


def _strip_numeral(line: str) -> str:
    stripped = _MARKDOWN_RE.sub("", line).strip()
    # match on the character fold (same length): a compatibility 六 (U+F9D1) is still 六
    match = _LEADING_NUMERAL_RE.match(fold_chars(stripped))
    return stripped[match.end() :].strip() if match else stripped


def build_sections(
    lines: Sequence[str],
    folded: Sequence[str],
    headings: Sequence[Heading],
    *,
    end: int | None = None,
    bodies: Sequence[tuple[int, int]] | None = None,
) -> tuple[Section, ...]:
    """Cut the text at the headings; page chrome at the very end is left out.

    Args:
        lines: the original lines.
        folded: ``normalize.fold`` of each line.
        headings: the headings found.
        end: where the report ends (a page's footer after it); the end of the lines when None.
        bodies: ``section_bodies(lines, folded, headings, end=end)``, when the caller has it.

    """
    if bodies is None:
        bodies = section_bodies(lines, folded, headings, end=end)
    return tuple(
        # blank lines at the edges left out before joining: no second copy of a long body
        Section(heading.number, heading.key, heading.title, "\n".join(lines[first:last]).strip("\n"), heading.index + 1)
        for heading, (first, last) in zip(headings, bodies, strict=True)
    )


def section_bodies(
    lines: Sequence[str], folded: Sequence[str], headings: Sequence[Heading], *, end: int | None = None
) -> list[tuple[int, int]]:
    r"""Return, per heading, the ``(first, last)`` lines of its section's body (``build_sections``' text).

    A section's text is ``"\n".join(lines[first:last])``: the lines after its heading up
    to the next, empty lines at either edge left out, page chrome at the very end too.
    """
    end = len(lines) if end is None else end
    while end > 0 and (not folded[end - 1].strip() or is_page_noise(folded[end - 1])):
        end -= 1
    bodies: list[tuple[int, int]] = []
    for position, heading in enumerate(headings):
        stop = headings[position + 1].index if position + 1 < len(headings) else max(end, heading.index + 1)
        first, last = heading.index + 1, stop
        while first < last and not lines[first]:
            first += 1
        while last > first and not lines[last - 1]:
            last -= 1
        bodies.append((first, last))
    return bodies
