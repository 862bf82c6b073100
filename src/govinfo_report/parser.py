"""``Parser``: text → lines → sections → token rows → template rows → ``Report``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from govinfo_report import metadata
from govinfo_report.align import AlignedTable, align
from govinfo_report.decode import decode
from govinfo_report.errors import ReportNotFoundError, ValidationError
from govinfo_report.furniture import find_furniture
from govinfo_report.normalize import fold, is_value, label_key
from govinfo_report.placement import Slot
from govinfo_report.schema import Diagnostic, Provenance, Report, Section, Severity, Span, TemplateVersion
from govinfo_report.sections import build_sections, find_headings
from govinfo_report.template import TABLE_KEYS, iter_cells, table, tables
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


class Parser:
    """Parses report texts; holds the tokenizers it may use.

    ``govinfo_report.parse`` is ``default_parser.parse``; build a ``Parser`` to choose
    the tokenizers yourself (for instance to add one without installing it as a plugin).
    """

    def __init__(self, tokenizers: Iterable[Tokenizer] | None = None) -> None:
        """Create a parser.

        Args:
            tokenizers: the tokenizers to choose from; the built-ins and installed plugins
                when None.

        Raises:
            ValueError: two tokenizers share a name or alias.

        """
        self._tokenizers = None if tokenizers is None else tuple(tokenizers)
        self._registry: Registry | None = None
        if self._tokenizers is not None:
            self._registry = Registry(self._tokenizers)  # names checked now, as documented

    @property
    def registry(self) -> Registry:
        """The tokenizers this parser chooses from, looked up by name and detected by score.

        For a parser built without ``tokenizers``, plugins are loaded on first use, not
        when ``govinfo_report`` is imported: a plugin may itself import ``govinfo_report``.
        """
        if self._registry is None:
            self._registry = Registry(default_tokenizers())
        return self._registry

    def parse(self, text: str | bytes, *, layout: str | None = None, strict: bool = False) -> Report:
        """Parse the text of one 政府信息公开工作年度报告.

        Args:
            text: the report as text (any script; CRLF or LF), or its bytes in UTF-8,
                GB18030/GBK or Big5.
            layout: the name of the tokenizer to use for every table; detected per table
                when None.
            strict: raise ``ValidationError`` when any diagnostic is a warning or worse.

        Returns:
            The report, with diagnostics for everything missing, broken or inferred.

        Raises:
            TypeError: ``text`` is neither ``str`` nor ``bytes``.
            UnknownLayoutError: no tokenizer has the name ``layout``.
            DecodingError: bytes in none of the supported encodings.
            ReportNotFoundError: the text has no section headings of a report.
            ValidationError: ``strict`` and a diagnostic of warning level or above.

        """
        if isinstance(text, (bytes, bytearray, memoryview)):
            text = decode(bytes(text))
        if not isinstance(text, str):
            raise TypeError(f"parse() takes str or bytes, not {type(text).__name__}")
        forced = self.registry.get(layout) if layout is not None else None
        lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
        folded = [fold(line) for line in lines]
        diagnostics: list[Diagnostic] = []
        furniture = self._remove_furniture(lines, folded, diagnostics)
        headings = find_headings(lines, folded)
        if not headings:
            raise ReportNotFoundError("no section heading of an annual report (一、总体情况 …) was found")
        sections = build_sections(lines, folded, headings)

        texts = {key: self._table_text(key, lines, headings, forced, furniture) for key in TABLE_KEYS}
        title = metadata.find_title(lines, folded, headings[0].index)
        year = self._year(title[1] if title else None, lines, sections)
        version, from_labels = _template_version(texts.values(), year)
        if from_labels and year is not None and (year >= 2021) != (version is TemplateVersion.V2021):
            diagnostics.append(
                Diagnostic(
                    "template-year-mismatch",
                    Severity.INFO if version is TemplateVersion.V2019 else Severity.WARNING,
                    f"tables follow the {version.value} template but the report is on {year}",
                )
            )
        built: dict[str, Any] = {}
        read_at: dict[tuple[str, str, str], CellSpan] = {}
        for key, table_text in texts.items():
            built[key], sources = self._table(version, table_text, diagnostics)
            read_at.update({(key, row, column): span for (row, column), span in sources.items()})

        dated = metadata.signing_date(lines, folded)
        organization = metadata.organization_from_title(lines, folded, headings[0].index)
        if organization is None:
            organization = metadata.organization_from_signature(folded, lines, dated[0] if dated else None)
        if organization is None:
            overview = next((s for s in sections if s.key == "overview"), None)
            if overview is not None:
                first = next((p for p in overview.text.split("\n") if p.strip()), "")
                organization = metadata.organization_from_body(first, text)
                if organization is not None:
                    diagnostics.append(
                        Diagnostic(
                            "organization-guessed",
                            Severity.INFO,
                            f"no title or signature names the body; {organization!r} is the subject of the overview",
                        )
                    )
        if not read_at:
            diagnostics.append(
                Diagnostic(
                    "no-numbers",
                    Severity.WARNING,
                    "no number was read from any of the three tables "
                    f"({', '.join(_missing_tables(texts))}): the report's tables are missing or unreadable",
                )
            )
        if title is None:
            diagnostics.append(Diagnostic("title-missing", Severity.INFO, "the report has no title line"))
        if year is None:
            diagnostics.append(Diagnostic("year-missing", Severity.WARNING, "no year found in the title or the text"))
        diagnostics.sort(key=lambda d: (d.line is None, d.line or 0))
        report = Report(
            title=title[1] if title else None,
            organization=organization,
            year=year,
            published=dated[1] if dated else None,
            template=version,
            script=metadata.detect_script(text),
            sections=sections,
            active_disclosure=built["active_disclosure"],
            applications=built["applications"],
            reviews=built["reviews"],
            diagnostics=tuple(diagnostics),
            provenance=_provenance(version, read_at, text),
        )
        report = attrs.evolve(report, diagnostics=report.diagnostics + validate(report))
        if strict:
            serious = [d for d in report.diagnostics if d.severity >= Severity.WARNING]
            if serious:
                raise ValidationError(serious, report)
        return report

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
        lines: Sequence[str],
        headings: Sequence[Any],
        forced: Tokenizer | None,
        furniture: frozenset[int],
    ) -> TableText | None:
        for position, heading in enumerate(headings):
            if heading.key != key:
                continue
            start = heading.index + 1
            stop = headings[position + 1].index if position + 1 < len(headings) else len(lines)
            kept = [i - start for i in range(start, stop) if i not in furniture]
            region = tuple(lines[start + i] for i in kept)
            tokenizer = forced or self.registry.detect(region)
            rows = tuple(_renumber(row, kept) for row in tokenizer.tokenize(region)) if tokenizer is not None else ()
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
        if text.tokenizer is None or not text.rows:
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
        aligned: AlignedTable = align(spec, text.rows, offset=text.offset)
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
        if aligned.numbers == 0:
            diagnostics.append(
                Diagnostic(
                    "table-empty",
                    Severity.WARNING,
                    f"table {numeral} is present ({text.tokenizer.name} layout) but holds no numbers",
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
        diagnostics.append(
            Diagnostic(
                "layout-detected",
                Severity.INFO,
                f"table {numeral} read with the {text.tokenizer.name!r} tokenizer",
                line=text.offset + 1,
                table=text.key,
            )
        )
        return spec.build(aligned.values), aligned.sources


def _renumber(row: TokenRow, kept: Sequence[int]) -> TokenRow:
    """Map a row tokenized from the lines ``kept`` back to line indices of the whole region."""

    def line(index: int) -> int:
        return kept[index] if 0 <= index < len(kept) else index

    spans = tuple(None if span is None else (line(span[0]), span[1], span[2]) for span in row.spans)
    return TokenRow(row.cells, line(row.line), spans)


_NEWLINE = regex.compile(r"\r\n|\r|\n")


def _provenance(
    version: TemplateVersion, read_at: dict[tuple[str, str, str], CellSpan], text: str
) -> tuple[Provenance, ...]:
    """Turn ``(line index, start, end)`` places into spans of the whole text, in template order.

    Lines are cut as ``parse`` cuts them (CRLF, CR or LF); leading BOMs are skipped.
    """
    if not read_at:
        return ()
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    starts[0] = len(text) - len(text.lstrip("\ufeff"))
    found: list[Provenance] = []
    for spec, row, column in iter_cells(version):
        place = read_at.get((spec.key, row.key, column.key))
        if place is not None:
            line, start, end = place
            span = Span(line + 1, starts[line] + start, starts[line] + end)
            found.append(Provenance(spec.key, row.key, column.key, span))
    return tuple(found)


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

    Returns:
        The version and whether the labels decided it.

    """
    keys = [
        label_key(cell)
        for text in texts
        if text is not None
        for row in text.rows
        for cell in row.cells
        if cell and not is_value(cell)
    ]
    votes = {}
    for version in TemplateVersion:
        markers = [m for spec in tables(version) for m in spec.markers]
        votes[version] = sum(1 for key in keys for marker in markers if marker in key)
    if votes[TemplateVersion.V2019] != votes[TemplateVersion.V2021]:
        return max(votes, key=lambda v: votes[v]), True
    if year is not None and year <= 2020:
        return TemplateVersion.V2019, False
    return TemplateVersion.V2021, False


#: The parser behind ``govinfo_report.parse``.
default_parser = Parser()
