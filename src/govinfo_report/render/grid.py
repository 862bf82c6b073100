"""A table record → rows of cell strings, printed the way the template prints them.

Layout-free: the rows are what a tokenizer would read back; a tokenizer's ``render``
flattens them into lines.  Damage that lives in the cells (collapsed rows, spaced labels,
group labels carrying numbers, full-width characters, thousands separators, money units)
is applied here.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from govinfo_report.errors import RenderError
from govinfo_report.schema import Value
from govinfo_report.template import ColumnSpec, RowSpec, TableSpec

__all__ = ["GROUP_STYLES", "MONEY_STYLES", "CellStyle", "table_rows"]

#: How group labels (（三）不予公开) are printed: on the first child's line, on a line of
#: their own, or carrying the first child's numbers with the child's label alone below.
GROUP_STYLES = ("shared", "own", "numbers")
#: Where money says its unit: the column header (万元 or 元), the cell (``1372.16万元``,
#: ``13721600元``), or nowhere (``bare``: the parser assumes 万元 and says so).
MONEY_STYLES = ("header-wan", "header-yuan", "cell-wan", "cell-yuan", "bare")

# Table 二 prints its rows in blocks headed by the article they report under.
_BLOCKS = {
    "regulations": "一",
    "administrative_licensing": "五",
    "administrative_punishment": "六",
    "administrative_fees": "八",
    "centralized_procurement": "九",
}
_APPLICATIONS_HEADER = (
    ("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "", "申请人情况"),
    ("", "", "自然人", "法人或其他组织", "", "", "", "", "总计"),
    ("", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""),
)
_FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F) if chr(c) not in "|"})


@attrs.frozen
class CellStyle:
    """How cells are written; every field's default is the clean form."""

    #: Drop the empty cells of each row (values move left; their columns are lost).
    collapse: bool = False
    #: A space between every two characters of a label (narrow PDF columns).
    spaced_labels: bool = False
    #: One of ``GROUP_STYLES``.
    groups: str = "shared"
    #: Full-width digits, brackets and punctuation (``１２０``, ``（一）``).
    full_width: bool = False
    #: Thousands separators in counts and amounts (``15,236``).
    thousands: bool = False
    #: One of ``MONEY_STYLES``.
    money: str = "header-wan"

    def __attrs_post_init__(self) -> None:
        if self.groups not in GROUP_STYLES:
            raise RenderError(f"unknown group style {self.groups!r}; valid: {', '.join(GROUP_STYLES)}")
        if self.money not in MONEY_STYLES:
            raise RenderError(f"unknown money style {self.money!r}; valid: {', '.join(MONEY_STYLES)}")


def _number(value: int | Decimal, style: CellStyle) -> str:
    if isinstance(value, int):
        return f"{value:,}" if style.thousands else str(value)
    return format(value, ",f" if style.thousands else "f")


def _value(value: Value, column: ColumnSpec, style: CellStyle) -> str:
    if value is None:
        return ""
    if not column.money or not isinstance(value, Decimal):
        text = _number(value, style)
    elif style.money in ("header-yuan", "cell-yuan"):
        text = _number((value * 10000).normalize(), style)
        text = text + "元" if style.money == "cell-yuan" else text
    else:
        text = _number(value, style) + ("万元" if style.money == "cell-wan" else "")
    return text.translate(_FULL_WIDTH) if style.full_width else text


def _marker(row: RowSpec) -> str:
    if not row.marker:
        return ""
    if row.marker.isdigit():
        return row.marker + "."
    if row.marker.startswith("("):
        return row.marker
    return row.marker + "、"


def _label(text: str, style: CellStyle, marker: str = "") -> str:
    if style.spaced_labels:
        text = " ".join(text[i : i + 2] for i in range(0, len(text), 2))
    text = marker + text
    return text.translate(_FULL_WIDTH) if style.full_width else text


def _header(text: str, style: CellStyle) -> str:
    return text.translate(_FULL_WIDTH) if style.full_width else text


def _column_label(column: ColumnSpec, style: CellStyle) -> str:
    label = column.label
    if column.money:
        label = label.split("(")[0]
        if style.money == "header-wan":
            label += "(单位:万元)"
        elif style.money == "header-yuan":
            label += "(单位:元)"
    return _header(label, style)


def _values(row: RowSpec, record: Any, style: CellStyle) -> list[str]:
    cells = [_value(None if record is None else getattr(record, c.key), c, style) for c in row.columns]
    return [c for c in cells if c] if style.collapse else cells


def _active_rows(spec: TableSpec, table: Any, style: CellStyle) -> Iterator[list[str]]:
    for row in spec.data_rows:
        if row.key in _BLOCKS:
            width = max(len(r.columns) for r in spec.data_rows)
            yield [_header(f"第二十条第({_BLOCKS[row.key]})项", style), *[""] * width]
            labels = [_column_label(c, style) for c in row.columns]
            yield [_header("信息内容", style), *labels, *[""] * (width - len(labels))]
        yield [_label(row.label, style), *_values(row, getattr(table, row.key), style)]


def _application_rows(spec: TableSpec, table: Any, style: CellStyle) -> Iterator[list[str]]:
    for header in _APPLICATIONS_HEADER:
        yield [_header(cell, style) for cell in header]
    pending_group: RowSpec | None = None
    for row in spec.rows:
        label = _label(row.label, style, _marker(row))
        if row.is_group:
            if style.groups == "own":
                yield ["", label]
            else:
                pending_group = row
            continue
        values = _values(row, getattr(table, row.key), style)
        if pending_group is None:
            # 一、 二、 四、 rows start in the first column, the others under their group
            top = not row.group and row.marker and not row.marker.startswith("(")
            yield [label, *values] if top else ["", label, *values]
            continue
        group_label = _label(pending_group.label, style, _marker(pending_group))
        pending_group = None
        if style.groups == "numbers" and any(values):
            yield ["", group_label, *values]
            yield ["", "", label]
        else:
            yield ["", group_label, label, *values]


def _review_rows(spec: TableSpec, table: Any, style: CellStyle) -> Iterator[list[str]]:
    first = spec.data_rows[0]
    yield ["", *(_header(c.label, style) for c in first.columns)]
    for row in spec.data_rows:
        yield [_label(row.label, style), *_values(row, getattr(table, row.key), style)]


def table_rows(spec: TableSpec, table: Any, style: CellStyle) -> list[list[str]]:
    """Return the rows of cells of one table: headers, then labelled data rows.

    Args:
        spec: the table of the report's template version.
        table: its record (``Applications`` …).
        style: how to write the cells.

    Returns:
        Rows of cell strings in simplified script; "" for an empty cell.

    """
    if spec.key == "active_disclosure":
        return list(_active_rows(spec, table, style))
    if spec.key == "applications":
        return list(_application_rows(spec, table, style))
    return list(_review_rows(spec, table, style))
