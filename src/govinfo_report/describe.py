"""A readable plain-text view of a ``Report``: metadata, sections, tables, diagnostics."""

from __future__ import annotations

import unicodedata

from govinfo_report.schema import Report, Value
from govinfo_report.template import tables

__all__ = ["describe"]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _show(value: Value) -> str:
    return "·" if value is None else str(value)


def describe(report: Report, *, diagnostics: bool = True) -> str:
    """Render a report as aligned plain text for people (not meant to be parsed back).

    Args:
        report: the report to show.
        diagnostics: include the diagnostics list.

    Returns:
        The text; blank cells show as ``·``.

    """
    out = [
        f"title:        {report.title or '(none)'}",
        f"organization: {report.organization or '(unknown)'}",
        f"year:         {report.year or '(unknown)'}",
        f"published:    {report.published.isoformat() if report.published else '(no date)'}",
        f"template:     {report.template.value}    script: {report.script.value}",
        "",
        "sections:",
    ]
    for section in report.sections:
        number = section.number if section.number is not None else "-"
        out.append(f"  {number}. {section.title}  [{section.key or 'non-standard'}, {len(section.text)} chars]")
    for spec in tables(report.template):
        out.append("")
        table = getattr(report, spec.key)
        if table is None:
            out.append(f"{spec.key}: (not in the report)")
            continue
        out.append(f"{spec.key}: {spec.title}")
        label_width = max(_width(row.key) for row in spec.data_rows) + 2
        header: tuple[str, ...] = ()
        for row in spec.data_rows:
            keys = tuple(column.key for column in row.columns)
            widths = [max(_width(k), 6) for k in keys]
            if keys != header:
                header = keys
                out.append(
                    "  "
                    + _pad("", label_width)
                    + "  ".join(_pad(k, w, right=True) for k, w in zip(keys, widths, strict=False))
                )
            record = getattr(table, row.key)
            values = [_show(None if record is None else getattr(record, key)) for key in keys]
            out.append(
                "  "
                + _pad(row.key, label_width)
                + "  ".join(_pad(v, w, right=True) for v, w in zip(values, widths, strict=False))
            )
    if diagnostics and report.diagnostics:
        out.append("")
        out.append(f"diagnostics ({len(report.diagnostics)}):")
        for d in report.diagnostics:
            line = f"line {d.line}" if d.line else "-"
            out.append(f"  {d.severity!s:7} {d.code:22} {_pad(line, 9)} {d.where():40} {d.message}")
    return "\n".join(out) + "\n"
