"""A ``Report`` → an HTML page as government sites serve one.

The tables are real grids with ``rowspan``/``colspan`` (the group label 三、本年度办理结果
down the left, 法人或其他组织 over five columns, table 四's two-level header); with
``word=True`` the markup is what Word pasted into a CMS leaves (labels cut into
``<span>``/``<font>`` runs, ``<p>`` inside cells, ``<o:p>`` and ``&nbsp;`` for blank
cells, ``mso-`` styles, comments); with ``chrome=True`` the report sits inside a portal's
header, menus, metadata table and footer.  It is how the property tests make pages.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterator
from typing import Any

from govinfo_report.render.grid import CellStyle, _column_label, _header, _label, _marker, _value
from govinfo_report.render.report import _heading, _sections
from govinfo_report.schema import Report
from govinfo_report.template import TABLE_KEYS, RowSpec, TableSpec, table

__all__ = ["render_html", "table_grid"]

_BLOCK_ARTICLES = {
    "regulations": "一",
    "administrative_licensing": "五",
    "administrative_punishment": "六",
    "administrative_fees": "八",
    "centralized_procurement": "九",
}

#: A cell of a grid: text, colspan, rowspan, whether it is a header/label (not a value).
_Cell = tuple[str, int, int, bool]


def _active(spec: TableSpec, record: Any, style: CellStyle) -> Iterator[list[_Cell]]:
    width = max(len(r.columns) for r in spec.data_rows)
    for row in spec.data_rows:
        if row.key in _BLOCK_ARTICLES:
            yield [(_header(f"第二十条第（{_BLOCK_ARTICLES[row.key]}）项", style), width + 1, 1, True)]
            labels = [_column_label(c, style) for c in row.columns]
            cells = [(_header("信息内容", style), 1, 1, True)]
            last = len(labels) - 1
            cells += [(label, 1 if i < last else width - last, 1, True) for i, label in enumerate(labels)]
            yield cells
        values = [_value(getattr(getattr(record, row.key), c.key), c, style) for c in row.columns]
        yield [
            (_label(row.label, style), 1, 1, True),
            *[(v, 1 if i < len(values) - 1 else width - len(values) + 1, 1, False) for i, v in enumerate(values)],
        ]


def _applications(spec: TableSpec, record: Any, style: CellStyle) -> Iterator[list[_Cell]]:
    columns = spec.data_rows[0].columns
    yield [
        (_header("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", style), 3, 3, True),
        (_header("申请人情况", style), len(columns), 1, True),
    ]
    yield [
        (_header(columns[0].label, style), 1, 2, True),
        (_header("法人或其他组织", style), len(columns) - 2, 1, True),
        (_header(columns[-1].label, style), 1, 2, True),
    ]
    yield [(_header(c.label, style), 1, 1, True) for c in columns[1:-1]]
    descendants: dict[str, int] = {}
    for row in spec.data_rows:
        group = row.group
        while group is not None:
            descendants[group] = descendants.get(group, 0) + 1
            group = spec.row(group).group
    opened: set[str] = set()
    for row in spec.data_rows:
        cells: list[_Cell] = []
        chain: list[RowSpec] = []
        group = row.group
        while group is not None:
            chain.insert(0, spec.row(group))
            group = spec.row(group).group
        for parent in chain:
            if parent.key not in opened:
                opened.add(parent.key)
                cells.append((_label(parent.label, style, _marker(parent)), 1, descendants[parent.key], True))
        cells.append((_label(row.label, style, _marker(row)), 3 - len(chain), 1, True))
        record_row = getattr(record, row.key)
        cells += [(_value(None if record_row is None else getattr(record_row, c.key), c, style), 1, 1, False)
                  for c in row.columns]  # fmt: skip
        yield cells


def _reviews(spec: TableSpec, record: Any, style: CellStyle) -> Iterator[list[_Cell]]:
    blocks = spec.data_rows
    columns = blocks[0].columns
    width = len(columns)
    yield [(_header(blocks[0].label, style), width, 1, True), (_header("行政诉讼", style), width * 2, 1, True)]
    yield [(_header(c.label, style), 1, 2, True) for c in columns] + [
        (_header(b.label, style), width, 1, True) for b in blocks[1:]
    ]
    yield [(_header(c.label, style), 1, 1, True) for _ in blocks[1:] for c in columns]
    yield [(_value(getattr(getattr(record, b.key), c.key), c, style), 1, 1, False) for b in blocks for c in columns]


_ROWS = {"active_disclosure": _active, "applications": _applications, "reviews": _reviews}


def table_grid(report: Report, key: str) -> list[list[tuple[str, int, int, bool]]]:
    """Return a table of the report as the template draws it: rows of ``(text, colspan, rowspan, is_label)``.

    Cells are given row by row, left to right, as HTML places them (a cell goes to the
    first position no cell above covers).  The page renderer writes them as ``<td>``; the
    test suite's PDF and Word writers draw them, so that every format is the same grid.
    Empty when the report has no such table.
    """
    record = getattr(report, key)
    if record is None:
        return []
    return list(_ROWS[key](table(report.template, key), record, CellStyle()))


class _Writer:
    def __init__(self, word: bool, seed: int) -> None:
        self.word = word
        self.random = random.Random(seed)

    def runs(self, text: str) -> str:
        """Text as Word leaves it: cut into runs of one to four characters (a number is never cut)."""
        if not self.word or not text:
            return html.escape(text)
        if text.lstrip("-").replace(".", "").replace(",", "").isdigit():
            return f'<span style="font-family:宋体;mso-bidi-font-size:10.5pt">{html.escape(text)}</span>'
        pieces, at = [], 0
        while at < len(text):
            size = self.random.randint(1, 4)
            tag = self.random.choice(("span", "font"))
            style = 'style="font-family:仿宋_GB2312"' if tag == "span" else 'face="方正仿宋_GBK"'
            pieces.append(f"<{tag} {style}>{html.escape(text[at : at + size])}</{tag}>")
            at += size
        return "".join(pieces)

    def cell(self, text: str, colspan: int, rowspan: int, label: bool) -> str:
        spans = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
        if not self.word:
            return f"<td{spans}>{html.escape(text)}</td>"
        if not text:
            inner = self.random.choice(("<o:p>&nbsp;</o:p>", "&nbsp;", "<o:p></o:p>", ""))
        elif label and len(text) > 6 and self.random.random() < 0.3:
            cut = self.random.randint(2, len(text) - 2)
            inner = f"{self.runs(text[:cut])}<br>{self.runs(text[cut:])}"
        else:
            inner = self.runs(text)
        return (
            f'<td width="64" valign="center" style="mso-border-alt:solid windowtext .5pt"{spans}>'
            f'<p class="MsoNormal" align="center" style="text-align:center">{inner}<o:p></o:p></p></td>'
        )

    def paragraph(self, text: str, *, heading: bool = False) -> str:
        inner = self.runs(text)
        if heading:
            inner = f"<strong>{inner}</strong>" if self.word else f"<h3>{inner}</h3>"
            return f'<p class="MsoNormal" style="mso-line-height-rule:exactly">{inner}</p>' if self.word else inner
        if self.word:
            return f'<p class="MsoNormal" style="text-indent:2em;mso-char-indent-count:2.0">{inner}<o:p></o:p></p>'
        return f"<p>{inner}</p>"


_CHROME_BEFORE = """<div class="header"><div class="logo">某某市人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<table class="meta"><tr><td>名称</td><td colspan="3">{title}</td></tr>
<tr><td>索引号</td><td>11320000/2024-00012</td><td>发布机构</td><td>{organization}</td></tr>
<tr><td>发布日期</td><td>2024-01-15</td><td>文号</td><td></td></tr></table>
<script>var _hmt = _hmt || []; document.write("<p>一、总体情况</p>");</script>
<style>.content p {{ text-indent: 2em; }}</style>
"""
_CHROME_AFTER = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/a.html">2022年政府信息公开工作年度报告</a></li></ul></div>
<div class="footer"><p>主办单位：某某市人民政府办公室</p><p>网站标识码：3200000001 备案号：苏ICP备00000000号</p></div>
"""


def render_html(report: Report, *, word: bool = False, chrome: bool = False, seed: int = 0) -> str:
    """Write a report as an HTML page.

    Args:
        report: the report to write.
        word: markup as Word pasted into a CMS leaves it (runs, ``<o:p>``, ``&nbsp;``,
            ``<br>`` inside labels, ``mso-`` styles); plain markup otherwise.
        chrome: the portal's header, navigation, breadcrumb, metadata table, scripts and
            footer around the report.
        seed: chooses where Word cuts runs and labels (the same seed, the same page).

    Returns:
        The page, a complete HTML document in UTF-8.

    """
    writer = _Writer(word, seed)
    style = CellStyle()
    parts = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">']
    parts.append(f"<title>{html.escape(report.title or '')}</title></head><body>")
    if chrome:
        parts.append(
            _CHROME_BEFORE.format(
                title=html.escape(report.title or ""), organization=html.escape(report.organization or "")
            )
        )
    parts.append('<div class="content"><!--StartFragment-->' if word else '<div class="content">')
    if report.title is not None:
        parts.append(writer.paragraph(report.title, heading=True))
    for section in _sections(report):
        parts.append(writer.paragraph(_heading(section), heading=True))
        if section.key in TABLE_KEYS and getattr(report, section.key) is not None:
            spec = table(report.template, section.key)
            parts.append('<table border="1" cellspacing="0" style="border-collapse:collapse"><tbody>')
            for cells in _ROWS[section.key](spec, getattr(report, section.key), style):
                parts.append("<tr>" + "".join(writer.cell(*cell) for cell in cells) + "</tr>")
            parts.append("</tbody></table>")
        else:
            parts.extend(writer.paragraph(line) for line in section.text.split("\n") if line.strip())
    parts.append("<!--EndFragment--></div>" if word else "</div>")
    if chrome:
        parts.append(_CHROME_AFTER)
    parts.append("</body></html>\n")
    return "\n".join(parts)
