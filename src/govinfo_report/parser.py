"""``Parser``: source → document → sections → token rows → template rows → ``Report``.

``Parser.parse`` is a short chain of named stages: read (a reader turns the source into a
``Document``), sections, tables (tokenized, or already cells), align, metadata, validate.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

import attrs

from govinfo_report import metadata, records
from govinfo_report.align import AlignedTable, align
from govinfo_report.errors import ReportNotFoundError, ValidationError
from govinfo_report.furniture import find_furniture
from govinfo_report.normalize import fold, is_value, label_key
from govinfo_report.placement import Slot
from govinfo_report.prose import MAX_PROSE, PROSE_SECTIONS, check_prose
from govinfo_report.readers.base import Document, Grid, Reader
from govinfo_report.readers.registry import ReaderRegistry, default_readers
from govinfo_report.schema import (
    Diagnostic,
    Provenance,
    Report,
    Section,
    Severity,
    Span,
    TableSource,
    TemplateVersion,
)
from govinfo_report.sections import Heading, build_sections, find_headings, section_bodies
from govinfo_report.template import TABLE_KEYS, cell_keys, table, tables
from govinfo_report.tokenizers.base import CellSpan, Tokenizer, TokenRow
from govinfo_report.tokenizers.registry import Registry, default_tokenizers
from govinfo_report.validate import validate

__all__ = ["Parser", "TableText", "default_parser"]

_TABLE_NUMERALS = {"active_disclosure": "二", "applications": "三", "reviews": "四"}


@attrs.frozen
class TableText:
    """The text of one table and how it was tokenized."""

    key: str
    #: 0-based index of the first line of the table's text in the whole input.
    offset: int
    #: The lines the tokenizer read: the table's, page furniture left out.
    lines: tuple[str, ...]
    tokenizer: Tokenizer | None
    #: Rows with their lines counted from ``offset`` in the whole input (furniture included).
    rows: tuple[TokenRow, ...]
    #: True when the rows are cells the source had already cut (an HTML table), not tokenized.
    from_cells: bool = False

    @property
    def layout(self) -> str | None:
        """How the rows were cut: a tokenizer's name, ``"cells"`` for the source's own cells, or None."""
        if self.from_cells:
            return "cells"
        return self.tokenizer.name if self.tokenizer is not None and self.rows else None


class Parser:
    """Parses report texts; holds the tokenizers it may use.

    ``govinfo_report.parse`` is ``default_parser.parse``; build a ``Parser`` to choose
    the tokenizers yourself (for instance to add one without installing it as a plugin).
    """

    def __init__(self, tokenizers: Iterable[Tokenizer] | None = None, readers: Iterable[Reader] | None = None) -> None:
        """Create a parser.

        Args:
            tokenizers: the tokenizers to choose from; the built-ins and installed plugins
                when None.
            readers: the readers to choose from; the built-ins and installed plugins when None.

        Raises:
            ValueError: two tokenizers, or two readers, share a name or alias.

        """
        self._registry: Registry | None = None
        self._readers: ReaderRegistry | None = None
        if tokenizers is not None:
            self._registry = Registry(tokenizers)  # names checked now, as documented
        if readers is not None:
            self._readers = ReaderRegistry(readers)

    @property
    def registry(self) -> Registry:
        """The tokenizers this parser chooses from, looked up by name and detected by score.

        For a parser built without ``tokenizers``, plugins are loaded on first use, not
        when ``govinfo_report`` is imported: a plugin may itself import ``govinfo_report``.
        """
        if self._registry is None:
            self._registry = Registry(default_tokenizers())
        return self._registry

    @property
    def readers(self) -> ReaderRegistry:
        """The readers this parser chooses from (plugins loaded on first use, like tokenizers)."""
        if self._readers is None:
            self._readers = ReaderRegistry(default_readers())
        return self._readers

    def read(self, source: str | bytes, *, format: str | None = None) -> Document:
        """Read a source into a ``Document``: the first stage of ``parse``.

        Args:
            source: text, or the bytes of a text file or a page.
            format: the reader to use (``"text"``, ``"html"`` or a plugin's); detected from
                the content when None.

        Raises:
            TypeError: ``source`` is neither ``str`` nor ``bytes``.
            UnknownFormatError: no reader has the name ``format``.
            DecodingError: bytes in none of the supported encodings.

        """
        if isinstance(source, (bytearray, memoryview)):
            source = bytes(source)
        if not isinstance(source, (str, bytes)):
            raise TypeError(f"parse() takes str or bytes, not {type(source).__name__}")
        reader = self.readers.get(format) if format is not None else self.readers.detect(source)
        return reader.read(source)

    def parse(
        self,
        source: str | bytes,
        *,
        format: str | None = None,
        layout: str | None = None,
        strict: bool = False,
    ) -> Report:
        """Parse one 政府信息公开工作年度报告.

        Args:
            source: the report as text (any script; CRLF or LF), an HTML page, or their
                bytes (UTF-8, GB18030/GBK or Big5; a page's own charset declaration first).
            format: the reader to use (``"text"``, ``"html"`` …); detected from the content
                when None.
            layout: the name of the tokenizer to use for every text table; detected per
                table when None.
            strict: raise ``ValidationError`` when any diagnostic is a warning or worse.

        Returns:
            The report, with diagnostics for everything missing, broken or inferred.

        Raises:
            TypeError: ``source`` is neither ``str`` nor ``bytes``.
            UnknownFormatError: no reader has the name ``format``.
            UnknownLayoutError: no tokenizer has the name ``layout``.
            DecodingError: bytes in none of the supported encodings.
            ReportNotFoundError: the source has no section headings of a report.
            ValidationError: ``strict`` and a diagnostic of warning level or above.

        """
        forced = self.registry.get(layout) if layout is not None else None
        document = self.read(source, format=format)
        diagnostics: list[Diagnostic] = list(document.notes)
        lines, folded, headings, furniture = self._sections(document, diagnostics)
        texts = {key: self._table_text(key, document, lines, headings, forced, furniture) for key in TABLE_KEYS}
        bodies = section_bodies(lines, folded, headings, end=_report_end(document, headings))
        sections = build_sections(lines, folded, headings, bodies=bodies)
        title = metadata.find_title(lines, folded, headings[0].index)
        year = self._year(title[1] if title else None, lines, sections)
        version = self._version(texts, year, diagnostics)
        built, read_at = self._align(version, texts, diagnostics)
        report = Report(
            title=title[1] if title else None,
            organization=self._organization(lines, folded, headings, sections, diagnostics),
            year=year,
            published=self._published(lines, folded),
            template=version,
            script=metadata.detect_script_of_lines(lines),
            sections=sections,
            active_disclosure=built["active_disclosure"],
            applications=built["applications"],
            reviews=built["reviews"],
            diagnostics=(),
            provenance=_provenance(version, read_at, document),
            reader=document.reader,
            tables_read=tuple(
                TableSource(key, document.reader, text.layout) for key, text in texts.items() if text is not None
            ),
        )
        diagnostics.extend(self._missing(report, texts, read_at, title, year))
        report = _in_source_lines(report, diagnostics, document)
        report = attrs.evolve(report, diagnostics=report.diagnostics + validate(report))
        prose = check_prose(report, folded=_folded_prose(sections, bodies, folded))
        report = attrs.evolve(report, diagnostics=report.diagnostics + prose)
        if strict:
            serious = [d for d in report.diagnostics if d.severity >= Severity.WARNING]
            if serious:
                raise ValidationError(serious, report)
        return report

    # Stages ----------------------------------------------------------------------------

    def _sections(
        self, document: Document, diagnostics: list[Diagnostic]
    ) -> tuple[list[str], list[str], list[Heading], frozenset[int]]:
        """Fold the lines, leave page furniture out and find the section headings.

        Raises:
            ReportNotFoundError: no heading; the message names attachments the page links.

        """
        lines = list(document.lines)
        folded = [fold(line) for line in lines]
        furniture = self._remove_furniture(lines, folded, diagnostics)
        headings = find_headings(lines, folded)
        if not headings:
            message = "no section heading of an annual report (一、总体情况 …) was found"
            if document.attachments:
                shown = ", ".join(document.attachments[:5])
                message += f"; the page links the report as an attachment, parse that file instead: {shown}"
            raise ReportNotFoundError(message)
        return lines, folded, headings, furniture

    def _version(
        self, texts: dict[str, TableText | None], year: int | None, diagnostics: list[Diagnostic]
    ) -> TemplateVersion:
        """Decide the template version from the tables' labels, else from the year."""
        version, from_labels = _template_version(texts.values(), year)
        if from_labels and year is not None and (year >= 2021) != (version is TemplateVersion.V2021):
            diagnostics.append(
                Diagnostic(
                    "template-year-mismatch",
                    Severity.INFO if version is TemplateVersion.V2019 else Severity.WARNING,
                    f"tables follow the {version.value} template but the report is on {year}",
                )
            )
        return version

    def _align(
        self, version: TemplateVersion, texts: dict[str, TableText | None], diagnostics: list[Diagnostic]
    ) -> tuple[dict[str, Any], dict[tuple[str, str, str], CellSpan]]:
        """Align each table's rows with the template: the records, and where each value was read."""
        built: dict[str, Any] = {}
        read_at: dict[tuple[str, str, str], CellSpan] = {}
        for key, table_text in texts.items():
            built[key], sources = self._table(version, table_text, diagnostics)
            read_at.update({(key, row, column): span for (row, column), span in sources.items()})
        return built, read_at

    def _organization(
        self,
        lines: Sequence[str],
        folded: Sequence[str],
        headings: Sequence[Heading],
        sections: Sequence[Section],
        diagnostics: list[Diagnostic],
    ) -> str | None:
        """Name the reporting body: from the title, else the signature, else the overview's subject."""
        organization = metadata.organization_from_title(lines, folded, headings[0].index)
        if organization is None:
            dated = metadata.signing_date(lines, folded)
            organization = metadata.organization_from_signature(folded, lines, dated[0] if dated else None)
        if organization is None:
            overview = next((s for s in sections if s.key == "overview"), None)
            if overview is not None:
                first = next((p for p in overview.text.split("\n") if p.strip()), "")
                organization = metadata.organization_from_body(first, "\n".join(lines))
                if organization is not None:
                    diagnostics.append(
                        Diagnostic(
                            "organization-guessed",
                            Severity.INFO,
                            f"no title or signature names the body; {organization!r} is the subject of the overview",
                        )
                    )
        return organization

    @staticmethod
    def _published(lines: Sequence[str], folded: Sequence[str]) -> datetime.date | None:
        dated = metadata.signing_date(lines, folded)
        return dated[1] if dated else None

    @staticmethod
    def _missing(
        report: Report,
        texts: dict[str, TableText | None],
        read_at: dict[tuple[str, str, str], CellSpan],
        title: tuple[int, str] | None,
        year: int | None,
    ) -> list[Diagnostic]:
        """Say what the report lacks: numbers in every table, a title, a year."""
        said = []
        if not read_at:
            said.append(
                Diagnostic(
                    "no-numbers",
                    Severity.WARNING,
                    "no number was read from any of the three tables "
                    f"({', '.join(_missing_tables(texts))}): the report's tables are missing or unreadable",
                )
            )
        if title is None:
            said.append(Diagnostic("title-missing", Severity.INFO, "the report has no title line"))
        if year is None:
            said.append(Diagnostic("year-missing", Severity.WARNING, "no year found in the title or the text"))
        return said

    # Steps -----------------------------------------------------------------------------

    @staticmethod
    def _remove_furniture(lines: list[str], folded: list[str], diagnostics: list[Diagnostic]) -> frozenset[int]:
        """Blank page numbers and running headers in place (line numbers stay), saying so.

        Returns:
            The indices of the furniture lines, which tables leave out altogether (an
            empty line inside a table can stand for an empty cell; furniture cannot).

        """
        furniture = find_furniture(folded)
        for kind, indices in (("page number", furniture.page_numbers), ("running header", furniture.running_headers)):
            for index in indices:
                diagnostics.append(
                    Diagnostic(
                        "page-furniture",
                        Severity.INFO,
                        f"{kind} {lines[index].strip()!r} left out",
                        line=index + 1,
                    )
                )
                lines[index] = folded[index] = ""
        return furniture.lines

    def _table_text(
        self,
        key: str,
        document: Document,
        lines: Sequence[str],
        headings: Sequence[Heading],
        forced: Tokenizer | None,
        furniture: frozenset[int],
    ) -> TableText | None:
        """Cut a table's section into rows: the source's own cells where it has them, else tokenized."""
        for position, heading in enumerate(headings):
            if heading.key != key:
                continue
            start = heading.index + 1
            stop = headings[position + 1].index if position + 1 < len(headings) else len(lines)
            kept = [i - start for i in range(start, stop) if i not in furniture]
            region = tuple(lines[start + i] for i in kept)
            grids = [(i, document.grids[start + i]) for i in kept if start + i in document.grids]
            if grids:
                return TableText(key, start, region, None, tuple(_grid_row(i, g) for i, g in grids), from_cells=True)
            tokenizer = forced or self.registry.detect(region)
            rows = tuple(tokenizer.tokenize(region)) if tokenizer is not None else ()
            if len(kept) < stop - start:  # furniture left out: the rows' lines are of the kept lines
                rows = tuple(_renumber(row, kept) for row in rows)
            return TableText(key, start, region, tokenizer, rows)
        return None

    def _year(self, title: str | None, lines: Sequence[str], sections: Sequence[Section]) -> int | None:
        if title is not None:
            year = metadata.year_from_text(title)
            if year is not None:
                return year
        overview = next((s for s in sections if s.key == "overview"), None)
        if overview is not None:
            year = metadata.year_from_text(overview.text)
            if year is not None:
                return year
        return metadata.year_from_text("\n".join(lines))

    def _table(
        self, version: TemplateVersion, text: TableText | None, diagnostics: list[Diagnostic]
    ) -> tuple[Any, dict[Slot, CellSpan]]:
        if text is None:
            return None, {}
        spec = table(version, text.key)
        numeral = _TABLE_NUMERALS[text.key]
        if text.layout is None:
            diagnostics.append(
                Diagnostic(
                    "table-missing",
                    Severity.WARNING,
                    f"section {numeral} has no table",
                    line=text.offset,
                    table=text.key,
                )
            )
            return None, {}
        glued = text.tokenizer is not None and text.tokenizer.glued
        aligned: AlignedTable = align(spec, text.rows, offset=text.offset, positional=text.from_cells, glued=glued)
        diagnostics.extend(aligned.diagnostics)
        if aligned.numbers == 0 and not aligned.values and not aligned.rows_found:
            diagnostics.append(
                Diagnostic(
                    "table-missing",
                    Severity.WARNING,
                    f"section {numeral} has no row of table {numeral}",
                    line=text.offset,
                    table=text.key,
                )
            )
            return None, {}
        undetermined = any(d.code in ("cell-ambiguous", "row-ambiguous") for d in aligned.diagnostics)
        if aligned.numbers == 0 and not undetermined:
            diagnostics.append(
                Diagnostic(
                    "table-empty",
                    Severity.WARNING,
                    f"table {numeral} is present ({text.layout} layout) but holds no numbers",
                    line=text.offset + 1,
                    table=text.key,
                )
            )
        else:
            for row in spec.data_rows:
                if row.key not in aligned.rows_found:
                    diagnostics.append(
                        Diagnostic(
                            "row-missing",
                            Severity.WARNING,
                            f"row {row.label!r} of table {numeral} was not found; its cells are blank",
                            table=text.key,
                            row=row.key,
                        )
                    )
        how = "from the source's own cells" if text.from_cells else f"with the {text.layout!r} tokenizer"
        diagnostics.append(
            Diagnostic(
                "layout-detected", Severity.INFO, f"table {numeral} read {how}", line=text.offset + 1, table=text.key
            )
        )
        return records.build(spec, aligned.values), aligned.sources


def _renumber(row: TokenRow, kept: Sequence[int]) -> TokenRow:
    """Map a row tokenized from the lines ``kept`` back to line indices of the whole region."""

    def line(index: int) -> int:
        return kept[index] if 0 <= index < len(kept) else index

    spans = tuple(None if span is None else (line(span[0]), span[1], span[2]) for span in row.spans)
    return TokenRow(row.cells, line(row.line), spans)


def _report_end(document: Document, headings: Sequence[Heading]) -> int | None:
    """Where the report ends in a page: after the element that holds all its headings."""
    end = document.container_end([h.index for h in headings])
    return None if end is None else end + 1


def _grid_row(index: int, grid: Grid) -> TokenRow:
    """Turn a row of cells the source had already cut into a token row of the region (line ``index``).

    Positions that are part of another cell (a label's rowspan, a colspan) are left out;
    the row's spans are columns of its line in the document (the cells joined by tabs).
    """
    cells: list[str] = []
    spans: list[CellSpan | None] = []
    column = 0
    for cell in grid.cells:
        if cell is not None:
            cells.append(cell)
            spans.append((index, column, column + len(cell)) if cell else None)
        column += len(cell or "") + 1
    return TokenRow(tuple(cells), index, tuple(spans))


def _folded_prose(
    sections: Sequence[Section], bodies: Sequence[tuple[int, int]], folded: Sequence[str]
) -> list[str | None]:
    """Return each prose section's text folded, from its lines already folded (None: not prose, or too long).

    ``fold`` of lines joined by newlines is their folds joined: a newline maps to itself,
    NFKC never composes across one, and no Taiwan word holds one (tests/test_normalize.py).
    """
    return [
        "\n".join(folded[first:last]).strip("\n")
        if section.key in PROSE_SECTIONS and len(section.text) <= MAX_PROSE
        else None
        for section, (first, last) in zip(sections, bodies, strict=True)
    ]


def _provenance(
    version: TemplateVersion, read_at: dict[tuple[str, str, str], CellSpan], document: Document
) -> tuple[Provenance, ...]:
    """Turn ``(line index, start, end)`` places in the document into spans of the source, in template order."""
    if not read_at:
        return ()
    keys = [key for key in cell_keys(version) if key in read_at]
    places = [read_at[key] for key in keys]
    if document.boxes:  # only a PDF's lines say where on a page they were printed
        spans = [
            Span(*located) if (printed := document.place(*place)) is None else Span(*located, *printed)
            for place, located in zip(places, document.locate_all(places), strict=True)
        ]
    else:
        spans = [_span(*located) for located in document.locate_all(places)]
    return tuple(_placed(*key, span) for key, span in zip(keys, spans, strict=True))


# A report's hundreds of Spans and Provenances are built by setting their slots directly:
# what their attrs ``__init__`` does (frozen: an ``object.__setattr__`` by name per field),
# without looking each field up by name, 1.3-1.4x faster.  tests/test_provenance.py checks
# the fields are these and have no converter, validator or default but the ones set here.
_new = object.__new__
_span_line, _span_start, _span_end, _span_page, _span_box = (
    Span.__dict__[field.name].__set__ for field in attrs.fields(Span)
)
_table, _row, _column, _where = (Provenance.__dict__[field.name].__set__ for field in attrs.fields(Provenance))


def _span(line: int, start: int, end: int) -> Span:
    """Return ``Span(line, start, end)``."""
    span: Span = _new(Span)
    _span_line(span, line)
    _span_start(span, start)
    _span_end(span, end)
    _span_page(span, None)
    _span_box(span, None)
    return span


def _placed(table: str, row: str, column: str, span: Span) -> Provenance:
    """Return ``Provenance(table, row, column, span)``."""
    provenance: Provenance = _new(Provenance)
    _table(provenance, table)
    _row(provenance, row)
    _column(provenance, column)
    _where(provenance, span)
    return provenance


def _in_source_lines(report: Report, diagnostics: list[Diagnostic], document: Document) -> Report:
    """Give the report its diagnostics, in order, with lines of the source (a page's, not the document's)."""

    def line(number: int) -> int:
        return document.source_line(number - 1)

    def moved(diagnostic: Diagnostic) -> Diagnostic:
        if diagnostic.line is None or (number := line(diagnostic.line)) == diagnostic.line:
            return diagnostic  # the same line: no copy (table-heavy input has one per row)
        return _at_line(diagnostic, number)

    if document.segments is not None:
        diagnostics = [moved(d) for d in diagnostics]
        sections = tuple(attrs.evolve(s, line=line(s.line)) for s in report.sections)
        report = attrs.evolve(report, sections=sections)
    diagnostics.sort(key=lambda d: (d.line is None, d.line or 0))
    return attrs.evolve(report, diagnostics=tuple(diagnostics))


def _at_line(diagnostic: Diagnostic, line: int) -> Diagnostic:
    """Return ``attrs.evolve(diagnostic, line=line)``, spelled out (2.3× faster: a glued text moves them all)."""
    return Diagnostic(
        diagnostic.code,
        diagnostic.severity,
        diagnostic.message,
        line,
        diagnostic.table,
        diagnostic.row,
        diagnostic.column,
        diagnostic.cells,
        diagnostic.difference,
    )


def _missing_tables(texts: dict[str, TableText | None]) -> list[str]:
    """Describe, per table, why it gave nothing: no section, no rows, or no numbers."""
    said = []
    for key, text in texts.items():
        numeral = _TABLE_NUMERALS[key]
        if text is None:
            said.append(f"no section {numeral}")
        elif not text.rows:
            said.append(f"section {numeral} has no table")
        else:
            said.append(f"table {numeral} has no numbers")
    return said


def _template_version(texts: Iterable[TableText | None], year: int | None) -> tuple[TemplateVersion, bool]:
    """Decide the template from the table labels; the year decides when they say nothing.

    Each label cell votes for a version once per marker of that version its label key
    holds (``TableSpec.markers``).

    Returns:
        The version and whether the labels decided it.

    """
    # each distinct cell text counted once, its votes times how often it is there ("0" and "" above all)
    cells = Counter(cell for text in texts if text is not None for row in text.rows for cell in row.cells)
    counts = [
        (_cell_votes(cell) if len(cell) <= _MAX_VOTING_CELL else _votes_of(cell), times)
        for cell, times in cells.items()
    ]
    votes = {version: sum(c[i] * times for c, times in counts) for i, version in enumerate(TemplateVersion)}
    if votes[TemplateVersion.V2019] != votes[TemplateVersion.V2021]:
        return max(votes, key=lambda v: votes[v]), True
    if year is not None and year <= 2020:
        return TemplateVersion.V2019, False
    return TemplateVersion.V2021, False


@cache
def _version_markers() -> tuple[tuple[str, ...], ...]:
    """Each version's markers, in ``TemplateVersion`` order."""
    return tuple(tuple(m for spec in tables(version) for m in spec.markers) for version in TemplateVersion)


def _votes_of(cell: str) -> tuple[int, ...]:
    """How many markers of each version a cell's label key holds (none for a value or an empty cell)."""
    if not cell or is_value(cell):
        return (0,) * len(TemplateVersion)
    key = label_key(cell)
    return tuple(sum(map(key.__contains__, markers)) for markers in _version_markers())


#: Cells up to this length have their votes cached: the same labels open every report.
_MAX_VOTING_CELL = 160
_cell_votes = lru_cache(maxsize=1 << 14)(_votes_of)


#: The parser behind ``govinfo_report.parse``.
default_parser = Parser()
