"""A whole ``Report`` → the text of a report, its tables flattened in a chosen layout."""

from __future__ import annotations

from govinfo_report.errors import RenderError
from govinfo_report.render.grid import CellStyle, table_rows
from govinfo_report.render.script import to_script
from govinfo_report.schema import Report, Script, Section
from govinfo_report.template import SECTION_KEYS, SECTION_TITLES, TABLE_KEYS, tables
from govinfo_report.tokenizers.base import Tokenizer
from govinfo_report.tokenizers.builtin import WrappedTokenizer, wrap_rows
from govinfo_report.tokenizers.registry import Registry, default_tokenizers

__all__ = ["NOISE_AFTER", "NOISE_BEFORE", "render"]

_NUMERALS = "一二三四五六七八九十"
#: Page chrome written before the report with ``noise=True`` (as scraped from a portal).
NOISE_BEFORE = ("首页 > 政务公开 > 政府信息公开年报", "用户登录 注册", "字号：大 中 小  打印本页  关闭窗口")
#: Page chrome written after the report with ``noise=True``.
NOISE_AFTER = ("相关词条", "热门词条", "联系我们 | 网站地图 | 隐私声明", "版权所有：本网站  技术支持：信息中心")


def _heading(section: Section) -> str:
    if section.number is None or not 1 <= section.number <= len(_NUMERALS):
        return section.title
    return f"{_NUMERALS[section.number - 1]}、{section.title}"


def _sections(report: Report) -> list[Section]:
    """Return the report's sections, plus a standard one for each table that has no section."""
    sections = list(report.sections)
    keys = {s.key for s in sections}
    for key in TABLE_KEYS:
        if getattr(report, key) is not None and key not in keys:
            number = SECTION_KEYS.index(key) + 1
            sections.append(Section(number=number, key=key, title=SECTION_TITLES[key], text="", line=0))
    return sections


def _table_lines(
    report: Report, key: str, tokenizer: Tokenizer, style: CellStyle, wrap: int | None, page_breaks: bool
) -> list[str]:
    spec = next(spec for spec in tables(report.template) if spec.key == key)
    rows = table_rows(spec, getattr(report, key), style)
    if wrap is not None or page_breaks:
        delimiter = "|" if tokenizer.name == "pipe" else "\t"
        return wrap_rows(rows, delimiter, wrap or WrappedTokenizer.width, page_break=page_breaks)
    try:
        return tokenizer.render(rows)
    except NotImplementedError as error:
        raise RenderError(str(error)) from error


def render(
    report: Report,
    *,
    layout: str = "pipe",
    script: str | None = None,
    collapse: bool = False,
    wrap: int | None = None,
    page_breaks: bool = False,
    spaced_labels: bool = False,
    groups: str = "shared",
    full_width: bool = False,
    thousands: bool = False,
    money: str = "header-wan",
    noise: bool = False,
    registry: Registry | None = None,
) -> str:
    """Write a report as text: title, sections, and its tables in one layout.

    The inverse of ``parse``: each table is flattened by the renderer of the tokenizer
    named ``layout``; every damage option is off by default.  Sections 二, 三 and 四 are
    written as their table (the stored text of those sections is the table as it was
    printed, so it is not copied); the other sections' text is written as is, signature
    and date included.

    Args:
        report: the report to write.
        layout: a tokenizer with a renderer (``pipe``, ``tab``, ``lines``, ``wrapped``, or a
            plugin's).
        script: ``simplified``, ``traditional`` or ``taiwan`` (traditional with Taiwan words:
            文件 → 檔案); by default the report's own script. The template's words are written
            in it; the report's own text (title, headings, prose) is converted only when the
            script changes, so re-rendering a report keeps its text exactly.
        collapse: drop each row's empty cells, so numbers lose their columns.
        wrap: wrap row labels at this many characters onto lines of their own (a delimited
            layout then reads as ``wrapped``).
        page_breaks: a blank line before each wrapped continuation (implies wrapping).
        spaced_labels: a space between every two characters of a label.
        groups: group labels on the first child's line (``shared``), on their own line
            (``own``), or carrying the first child's numbers (``numbers``).
        full_width: full-width digits, brackets and punctuation in the tables.
        thousands: thousands separators in numbers.
        money: where the money unit is written: ``header-wan``, ``header-yuan``, ``cell-wan``,
            ``cell-yuan`` or ``bare`` (nowhere).
        noise: portal chrome before and after the report.
        registry: where to find ``layout`` (default: built-ins and installed plugins).

    Returns:
        The text, one line per line, ending with a newline.

    Raises:
        UnknownLayoutError: no tokenizer is called ``layout``.
        RenderError: the tokenizer has no renderer, or an option has an unknown value.

    """
    tokenizer = (registry or Registry(default_tokenizers())).get(layout)
    style = CellStyle(
        collapse=collapse, spaced_labels=spaced_labels, groups=groups, full_width=full_width,
        thousands=thousands, money=money,
    )  # fmt: skip
    if wrap is not None and wrap < 1:
        raise RenderError(f"wrap must be 1 or more, not {wrap}")
    own = "traditional" if report.script is Script.TRADITIONAL else "simplified"
    script = script or own
    # The template's words are always written in the target script; the report's own text
    # only when the script changes (a traditional report's text is kept exactly as it is).
    convert_own = script != own and not (script == "taiwan" and own == "traditional")

    def mine(text: str) -> str:
        return to_script(text, script) if convert_own else text

    blocks: list[str] = []
    if noise:
        blocks.append(to_script("\n".join(NOISE_BEFORE), script))
    if report.title is not None:
        blocks.append(mine(report.title))
    for section in _sections(report):
        heading = mine(_heading(section))
        if section.key in TABLE_KEYS and getattr(report, section.key) is not None:
            lines = _table_lines(report, section.key, tokenizer, style, wrap, page_breaks)
            body = to_script("\n".join(lines), script)
        else:
            body = mine(section.text)
        blocks.append(f"{heading}\n\n{body}" if body else heading)
    if noise:
        blocks.append(to_script("\n".join(NOISE_AFTER), script))
    return "\n\n".join(blocks) + "\n"
