"""Reports → PDF and Word files for the round-trip tests (reportlab and python-docx, test dependencies).

Both draw the tables as the template does (``render.html.table_grid``: the group label
down the left, headers over several columns), so a parsed file can be compared with the
report it was made from.  The PDF uses reportlab's built-in CID font STSong-Light, which
every PDF reader maps to Unicode (Adobe-GB1), so no font file is needed.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from govinfo_report import Report
from govinfo_report.readers.grid import flow
from govinfo_report.render.html import table_grid
from govinfo_report.render.report import _heading, _sections
from govinfo_report.template import TABLE_KEYS

FONT = "STSong-Light"
#: A second CID font, for pages whose Unicode map ``break_unicode_map`` removes.
BROKEN_FONT = "MSung-Light"


def _layout(rows: list[list[tuple[str, int, int, bool]]]) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """Place the grid's cells in a rectangle: the texts, and each span as (column, row, last column, last row)."""
    placed = flow([[(colspan, rowspan) for _, colspan, rowspan, _ in row] for row in rows])
    width = max(
        (c + cell[1] for row, at in zip(rows, placed, strict=True) for cell, (_, c) in zip(row, at, strict=True)),
        default=1,
    )
    matrix = [[""] * width for _ in rows]
    spans = []
    for row, at in zip(rows, placed, strict=True):
        for (text, colspan, rowspan, _), (r, c) in zip(row, at, strict=True):
            matrix[r][c] = text
            if colspan > 1 or rowspan > 1:
                spans.append((c, r, c + colspan - 1, min(r + rowspan, len(rows)) - 1))
    return matrix, spans


def to_pdf(report: Report, *, ruled: bool = True, unmapped_page: str | None = None) -> bytes:
    """Write a report as a PDF: title, headings and prose as paragraphs, tables ruled, spans merged.

    ``ruled=False`` draws the tables without lines (their text is all a reader has);
    ``unmapped_page``: text for a last page in ``BROKEN_FONT``, whose glyphs have no Unicode
    map once ``break_unicode_map`` has been applied to the file.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdfmetrics.registerFont(UnicodeCIDFont(BROKEN_FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=6, leading=8, wordWrap="CJK")
    story: list[Any] = []
    if report.title:
        story.append(Paragraph(escape(report.title), body))
    for section in _sections(report):
        story.append(Paragraph(escape(_heading(section)), body))
        grid = table_grid(report, section.key) if section.key in TABLE_KEYS else []
        if grid:
            matrix, spans = _layout(grid)
            data = [[Paragraph(escape(text), cell) if text else "" for text in row] for row in matrix]
            style: list[tuple[Any, ...]] = [("FONT", (0, 0), (-1, -1), FONT, 6)]
            if ruled:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
            style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in spans]
            story.append(Table(data, colWidths=[460 / len(matrix[0])] * len(matrix[0]), style=TableStyle(style)))
        else:
            story.extend(Paragraph(escape(line), body) for line in section.text.split("\n") if line.strip())
    if unmapped_page is not None:
        broken = ParagraphStyle("broken", fontName=BROKEN_FONT, fontSize=10, leading=14, wordWrap="CJK")
        story += [PageBreak(), Paragraph(escape(unmapped_page), broken)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=report.title or "").build(story)
    return out.getvalue()


def break_unicode_map(pdf: bytes, *, font: str = BROKEN_FONT) -> bytes:
    """Take a CID font's Unicode map away, as fonts embedded without ToUnicode have none: glyphs read as ``(cid:N)``.

    The font's encoding becomes Identity-H and its character collection one no reader
    knows; byte lengths stay the same, so the file's cross-reference table still holds.
    """
    encodings = {"STSong-Light": (b"/UniGB-UCS2-H", b"(GB1)"), "MSung-Light": (b"/UniCNS-UCS2-H", b"(CNS1)")}
    encoding, ordering = encodings[font]
    broken = pdf.replace(encoding, b"/Identity-H".ljust(len(encoding)))
    return broken.replace(ordering, b"(" + b"X" * (len(ordering) - 3) + b"1)")


def to_docx(report: Report) -> bytes:
    """Write a report as a .docx: paragraphs, and tables whose spans are Word's merged cells."""
    import docx

    document = docx.Document()
    if report.title:
        document.add_paragraph(report.title)
    for section in _sections(report):
        document.add_paragraph(_heading(section))
        grid = table_grid(report, section.key) if section.key in TABLE_KEYS else []
        if grid:
            matrix, spans = _layout(grid)
            table = document.add_table(rows=len(matrix), cols=len(matrix[0]))
            table.style = "Table Grid"
            for r, row in enumerate(matrix):
                for c, text in enumerate(row):
                    if text:
                        table.cell(r, c).text = text
            for c0, r0, c1, r1 in spans:
                merged = table.cell(r0, c0).merge(table.cell(r1, c1))
                merged.text = matrix[r0][c0]
        else:
            for line in section.text.split("\n"):
                if line.strip():
                    document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
