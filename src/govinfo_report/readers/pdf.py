"""PDF attachments → a ``Document``: ruled tables as cells, the rest as lines (extra ``govinfo-report[pdf]``).

pdfplumber finds ruled tables by their lines and reports a merged cell once, as one box
over the positions it covers (never copied); those boxes are laid out by the readers'
one rule for spans (``readers.grid``).  Text outside the tables' cells — headings, prose,
a table drawn without rules, and the page frame some WPS documents draw around the whole
text — becomes lines in reading order, each character at its column as ``pdftotext
-layout`` places it, which the text tokenizers cut as they cut any text.  A table cut
by a page break is one table: the label cells cut at the break are not read as blank
cells of the next page.  Page numbers stay lines, which sectioning
leaves out as page furniture.

What cannot be read is said, never guessed: a page of glyphs without a Unicode map
(``(cid:123)``) is left out with a diagnostic naming it, and a document of nothing else
raises ``GarbledTextError``; a document with no text at all (a scan) raises
``NoTextLayerError``.  Every cell and character keeps its page and box, which provenance
reports beside offsets into the document's text.

Chosen by measurement on the government PDF fixture (5 pages, ruled tables): pdfplumber
reads the tables in about 60 ms a page; pypdfium2 is faster (text only) but gives no
cells, and PyMuPDF's licence (AGPL) rules it out.
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from govinfo_report.errors import (
    GarbledTextError,
    NoTextLayerError,
    ParseError,
    UnsupportedFormatError,
)
from govinfo_report.extras import require
from govinfo_report.normalize import is_value
from govinfo_report.readers.base import Box, Document, Grid, Reader
from govinfo_report.readers.grid import Placed, spread
from govinfo_report.schema import Diagnostic, Severity

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.table import Table

__all__ = ["PdfReader"]

#: Share of a page's characters without a Unicode map above which the page is garbled.
GARBLED_SHARE = 0.3
#: Cell edges closer than this (points) are one edge.
EDGE_TOLERANCE = 2.0
#: Top and bottom share of a page where a short line is a running header or a page number.
MARGIN = 0.1
#: A line in the margin at most this long is furniture, not text between two tables.
MARGIN_LINE = 20

_BBox = tuple[float, float, float, float]


@attrs.frozen
class _Block:
    """A line of a page: text (with a box per character) or a row of a table's cells."""

    top: float
    text: str
    boxes: tuple[Box, ...]
    #: The row's positions when it is a table row; None for text.
    cells: tuple[str | None, ...] | None = None
    #: Index of the table on its page (rows of one table share it).
    table: int = -1
    #: A short line in the top or bottom margin (running header, page number).
    margin: bool = False


class PdfReader(Reader):
    """Reads PDF files: ruled tables as cells, everything else as lines of text."""

    name: ClassVar[str] = "pdf"
    priority: ClassVar[int] = 20
    extensions: ClassVar[tuple[str, ...]] = (".pdf",)

    def detect(self, source: str | bytes) -> float:
        """Score a source as PDF: bytes with ``%PDF-`` in their first kilobyte, as PDF readers allow."""
        return 1.0 if isinstance(source, bytes) and b"%PDF-" in source[:1024] else 0.0

    def read(self, source: str | bytes) -> Document:
        """Read a PDF's pages into lines and cells.

        Raises:
            MissingDependencyError: pdfplumber (the ``pdf`` extra) is not installed.
            UnsupportedFormatError: the PDF was given as ``str`` (its bytes are needed).
            ParseError: the file is not a PDF pdfplumber can open (damaged, encrypted).
            NoTextLayerError: no page has text (a scan: it needs OCR).
            GarbledTextError: every page's text is glyphs without a Unicode map.

        """
        if isinstance(source, str):
            raise UnsupportedFormatError("a PDF must be given as bytes (Path.read_bytes()), not as text")
        pdfplumber: Any = require("pdfplumber", "reading PDF files", "pdf")
        try:
            pdf = pdfplumber.open(io.BytesIO(bytes(source)))
        except Exception as error:  # noqa: BLE001 - pdfminer raises many unrelated types for a bad file
            raise ParseError(f"not a readable PDF: {type(error).__name__}: {error}") from None
        with pdf:
            try:
                pages = [_read_page(page, number) for number, page in enumerate(pdf.pages, start=1)]
            except (GarbledTextError, NoTextLayerError):
                raise
            except Exception as error:  # noqa: BLE001 - a damaged page is a bad source, not our bug
                raise ParseError(f"the PDF could not be read: {type(error).__name__}: {error}") from None
        return _document(pages, self.name)


@attrs.frozen
class _Page:
    number: int
    blocks: tuple[_Block, ...]
    #: No character at all (a scanned page, or a blank one).
    empty: bool
    #: Most characters have no Unicode map.
    garbled: bool
    #: Some characters have no Unicode map (kept as U+FFFD).
    unmapped: int


def _read_page(page: Page, number: int) -> _Page:
    """Read one page into blocks, top to bottom."""
    chars = page.chars
    if not chars:
        return _Page(number, (), empty=True, garbled=False, unmapped=0)
    unmapped = sum(1 for char in chars if _unmapped(char["text"]))
    if unmapped > GARBLED_SHARE * len(chars):
        return _Page(number, (), empty=False, garbled=True, unmapped=unmapped)
    blocks: list[_Block] = []
    cell_boxes: list[tuple[_BBox, list[_BBox]]] = []  # per table: its box, its cells' boxes
    for index, table in enumerate(page.find_tables()):
        rows, boxes = _table_rows(page, table, number, index)
        blocks.extend(rows)
        cell_boxes.append((_bbox(table.bbox), boxes))
    height = float(page.height)
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, cell_boxes))
    for line in outside.extract_text_lines(layout=True, return_chars=True, strip=False):
        text, char_boxes = _line_boxes(line, number)
        text = text.rstrip()
        if not text.strip():
            continue
        top, bottom = float(line["top"]), float(line["bottom"])
        margin = len(text.strip()) <= MARGIN_LINE and (bottom < MARGIN * height or top > (1 - MARGIN) * height)
        blocks.append(_Block(top, text, char_boxes, margin=margin))
    blocks.sort(key=lambda block: (block.top, block.cells is not None))
    return _Page(number, tuple(blocks), empty=False, garbled=False, unmapped=unmapped)


def _unmapped(text: str) -> bool:
    return text.startswith("(cid:") or "\ufffd" in text


def _inside(char: dict[str, Any], tables: Sequence[tuple[_BBox, Sequence[_BBox]]]) -> bool:
    """Whether a character's centre is inside one of the cells (looked for only in the tables around it)."""
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(
        any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in cells)
        for (tx0, ttop, tx1, tbottom), cells in tables
        if tx0 <= x <= tx1 and ttop <= y <= tbottom
    )


def _edges(values: Sequence[float]) -> list[float]:
    """Cluster coordinates closer than ``EDGE_TOLERANCE`` into one edge each."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _index(edges: Sequence[float], value: float) -> int:
    """Return the index of the edge nearest to ``value``."""
    at = bisect.bisect_left(edges, value)
    if at == len(edges) or (at > 0 and value - edges[at - 1] <= edges[at] - value):
        return max(at - 1, 0)
    return at


def _table_rows(pdf_page: Page, table: Table, page: int, index: int) -> tuple[list[_Block], list[_BBox]]:
    """Lay a ruled table's cells out as rows of positions.

    Returns:
        The table's rows as blocks, and the boxes of the cells they hold.  A row that is
        one cell across the whole table (prose inside a page frame, a caption) is not a
        row of cells: its characters are left to the page's lines.

    """
    found = [
        (bbox, text or "")
        for row, texts in zip(table.rows, table.extract(), strict=False)
        for bbox, text in zip(row.cells, texts, strict=False)
        if bbox is not None
    ]
    if not found:
        return [], []
    xs = _edges([x for bbox, _ in found for x in (bbox[0], bbox[2])])
    ys = _edges([y for bbox, _ in found for y in (bbox[1], bbox[3])])
    width = max(len(xs) - 1, 1)
    placed: list[Placed[_BBox]] = []
    for bbox, text in found:
        column, row = _index(xs, bbox[0]), _index(ys, bbox[1])
        colspan = max(_index(xs, bbox[2]) - column, 1)
        rowspan = max(_index(ys, bbox[3]) - row, 1)
        cell = Placed(row, column, rowspan, colspan, _cell_text(text), _bbox(bbox))
        placed.extend(_unmerge(pdf_page, cell, xs) or [cell])
    rows_of: dict[int, list[Placed[_BBox]]] = {}
    for cell in placed:
        rows_of.setdefault(cell.row, []).append(cell)
    prose = {r for r, cells in rows_of.items() if len(cells) == 1 and cells[0].colspan >= width}
    blocks: list[_Block] = []
    boxes: list[_BBox] = []
    for r, laid in enumerate(spread((c for c in placed if c.row not in prose), max(len(ys) - 1, 1))):
        if r in prose or not any(text for text, _ in laid):
            continue
        texts = tuple(text for text, _ in laid)
        line_boxes: list[Box] = []
        column = 0
        for cell_text, cell_box in laid:
            if cell_box is not None:
                boxes.append(cell_box)
                if cell_text:
                    line_boxes.append((column, column + len(cell_text), page, *cell_box))
            column += len(cell_text or "") + 1
        blocks.append(_Block(ys[r], "\t".join(t or "" for t in texts), tuple(line_boxes), cells=texts, table=index))
    return blocks, boxes


def _bbox(bbox: Sequence[float]) -> _BBox:
    x0, top, x1, bottom = (float(value) for value in bbox)
    return x0, top, x1, bottom


def _unmerge(page: Page, cell: Placed[_BBox], xs: Sequence[float]) -> list[Placed[_BBox]] | None:
    """Split a cell over several columns that holds only numbers, each printed inside one column.

    A table whose rules between value columns were not drawn gives one cell ``21 0 0 21``
    over four columns; where each number's characters lie within one column, and no two
    numbers in the same one, that is where the numbers are (an empty column a blank
    cell).  Anything else (a number across a column edge, two in one column) stays one
    cell, as printed; so does a cell of one number (a value drawn over several columns).
    """
    tokens = cell.text.split()
    if cell.colspan < 2 or len(tokens) < 2 or not all(is_value(token) for token in tokens):
        return None
    words = page.crop(cell.data).extract_words()
    if [word["text"] for word in words] != tokens:
        return None
    columns: dict[int, dict[str, Any]] = {}
    for word in words:
        inside = [
            c
            for c in range(cell.column, cell.column + cell.colspan)
            if xs[c] - EDGE_TOLERANCE <= word["x0"] and word["x1"] <= xs[c + 1] + EDGE_TOLERANCE
        ]
        if len(inside) != 1 or inside[0] in columns:
            return None
        columns[inside[0]] = word
    x0, top, x1, bottom = cell.data
    pieces: list[Placed[_BBox]] = []
    for c in range(cell.column, cell.column + cell.colspan):
        printed = columns.get(c)
        box = (max(x0, xs[c]), top, min(x1, xs[c + 1]), bottom)
        pieces.append(Placed(cell.row, c, cell.rowspan, 1, printed["text"] if printed else "", box))
    return pieces


def _cell_text(text: str) -> str:
    """Put a cell's lines on one line: CJK text joined as it wraps, Latin letters and digits kept apart."""
    parts = [part.strip() for part in text.replace("\r", "\n").split("\n")]
    joined = ""
    for part in parts:
        if not part:
            continue
        if joined and joined[-1].isascii() and joined[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            joined += " "
        joined += part
    return " ".join(joined.split())


def _line_boxes(line: dict[str, Any], page: int) -> tuple[str, tuple[Box, ...]]:
    """Return a text line, unmapped glyphs as U+FFFD, and the box of each of its characters."""
    text = ""
    boxes: list[Box] = []
    chars: Iterator[dict[str, Any]] = iter(line.get("chars", ()))
    pending = next(chars, None)
    for character in line["text"]:
        if pending is not None and character == pending["text"][:1]:
            glyph = "\ufffd" if _unmapped(pending["text"]) else pending["text"]
            boxes.append(
                (
                    len(text),
                    len(text) + len(glyph),
                    page,
                    float(pending["x0"]),
                    float(pending["top"]),
                    float(pending["x1"]),
                    float(pending["bottom"]),
                )
            )
            text += glyph
            skip = len(pending["text"]) - 1
            pending = next(chars, None)
            if skip:
                continue
        elif character.isspace():
            text += " "
        # a character of a multi-character glyph text (``(cid:12)``) is skipped
    return text, tuple(boxes)


def _document(pages: Sequence[_Page], name: str) -> Document:
    """Join the pages' blocks into a document, a table cut by a page break kept as one."""
    texts = [page for page in pages if not page.empty and not page.garbled]
    if not texts:
        garbled = [page.number for page in pages if page.garbled]
        if garbled:
            raise GarbledTextError(
                "the PDF's fonts map no characters to Unicode (its text extracts as (cid:…) glyphs) on "
                f"page(s) {_pages(garbled)}; its words cannot be read without OCR",
                garbled,
            )
        raise NoTextLayerError(
            "the PDF has no text layer (a scanned document?): it needs OCR (e.g. ocrmypdf) before it can be parsed",
            [page.number for page in pages],
        )
    notes = _notes(pages)
    lines: list[str] = []
    grids: dict[int, Grid] = {}
    boxes: dict[int, tuple[Box, ...]] = {}
    tables = 0
    table_of: dict[tuple[int, int], int] = {}
    last: tuple[int, _Block] | None = None  # the last block that is not margin, and its page
    last_table = -1
    for page in texts:
        for block in page.blocks:
            cells = block.cells
            if cells is not None:
                key = (page.number, block.table)
                if key not in table_of:
                    above = last[1].cells if last is not None and last[0] != page.number else None
                    if above is not None:  # the page began with this table right after a table
                        table_of[key] = last_table
                        cells = _uncut(cells, above)
                    else:
                        table_of[key] = tables
                        tables += 1
                grids[len(lines)] = Grid(cells, table_of[key])
                last_table = table_of[key]
            if block.boxes:
                boxes[len(lines)] = block.boxes
            lines.append("\t".join(c or "" for c in cells) if cells is not None else block.text)
            if not block.margin:
                last = (page.number, block)
    return Document("\n".join(lines), tuple(lines), name, grids=grids, boxes=boxes, notes=notes)


def _uncut(cells: tuple[str | None, ...], above: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """Mend the first row after a page break: the empty cells before its label, below a label, are that label cut.

    Only the cells before the row's first text can be a group label cut by the break (the
    rowspan of 三、本年度办理结果 went on); an empty cell after the row's own label is a
    blank value, which keeps its place.
    """
    uncut = list(cells)
    for column, cell in enumerate(cells):
        if cell != "":
            break
        over = above[column] if column < len(above) else ""
        if over is None or (over and not is_value(over)):
            uncut[column] = None
    return tuple(uncut)


def _notes(pages: Sequence[_Page]) -> tuple[Diagnostic, ...]:
    """Say which pages were left out or read with glyphs missing."""
    garbled = [page.number for page in pages if page.garbled]
    empty = [page.number for page in pages if page.empty]
    unmapped = [page for page in pages if page.unmapped and not page.garbled]
    said = [
        (garbled, "pdf-garbled-text", "left out: their fonts map no characters to Unicode ((cid:…) glyphs)"),
        (empty, "pdf-page-without-text", "have no text layer (scanned?) and were left out"),
        (
            [page.number for page in unmapped],
            "pdf-unmapped-glyphs",
            f"hold {sum(page.unmapped for page in unmapped)} glyph(s) without a Unicode map, read as U+FFFD: "
            "a number or label with one is not read",
        ),
    ]
    return tuple(
        Diagnostic(code, Severity.WARNING, f"page(s) {_pages(numbers)} {message}")
        for numbers, code, message in said
        if numbers
    )


def _pages(numbers: Sequence[int]) -> str:
    return ", ".join(str(number) for number in numbers)
