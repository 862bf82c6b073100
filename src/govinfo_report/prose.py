"""Figures stated in the prose (R6): extracted with their meaning, checked against the tables.

Reports repeat their key figures in sentences (``本年度全区共收到70件申请``,
``全年制发行政规范性文件12件，废止3件，现行有效87件``, ``行政复议2宗``).  Where a sentence
says what a number counts, in one of the phrasings of ``PATTERNS``, it is a
``ProseFigure`` naming the cells it should equal.  Prose often counts differently from the
tables (a body's own applications only, another period), so a disagreement is an info
diagnostic (``prose-figure-differs``), never a warning, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from govinfo_report.normalize import fold
from govinfo_report.patterns import lazy
from govinfo_report.schema import Cell, Diagnostic, Report, Severity, TemplateVersion, Value

__all__ = ["MAX_PROSE", "PATTERNS", "PROSE_SECTIONS", "ProseFigure", "check_prose", "prose_figures"]

_N = r"\s*(?P<n>\d[\d,，]*)\s*"
_UNIT = r"(?:件|宗|起|个|条|次)"

#: ``(meaning, pattern, cells it should equal (summed), template versions it applies to)``.
PATTERNS: tuple[tuple[str, str, tuple[tuple[str, str, str], ...], frozenset[TemplateVersion]], ...] = (
    (
        "new applications",
        rf"(?:共|全年|本年度?|新)?(?:收到|受理|新收)(?:各类)?(?:政府信息公开)?申请(?:共|合计)?{_N}{_UNIT}",
        (("applications", "new_received", "total"),),
        frozenset(TemplateVersion),
    ),
    (
        "new applications",
        rf"(?:共|全年|本年度?)(?:收到|受理){_N}{_UNIT}(?:政府信息公开)?申请",
        (("applications", "new_received", "total"),),
        frozenset(TemplateVersion),
    ),
    (
        "normative documents issued",
        rf"制发(?:行政)?规范性文件{_N}件",
        (("active_disclosure", "normative_documents", "issued"),),
        frozenset({TemplateVersion.V2021}),
    ),
    (
        "normative documents in force",
        rf"(?:规范性文件[^。；]{{0,20}})?现行有效(?:的规范性文件)?{_N}件",
        (("active_disclosure", "normative_documents", "in_force"),),
        frozenset({TemplateVersion.V2021}),
    ),
    (
        "administrative reviews",
        rf"(?<!复议后)行政复议(?:案件)?(?:共)?{_N}{_UNIT}",
        (("reviews", "administrative_review", "total"),),
        frozenset(TemplateVersion),
    ),
    (
        "lawsuits",
        rf"行政诉讼(?:案件)?(?:共)?{_N}{_UNIT}",
        (("reviews", "litigation_direct", "total"), ("reviews", "litigation_after_review", "total")),
        frozenset(TemplateVersion),
    ),
)
_COMPILED = tuple((meaning, lazy(pattern), cells, versions) for meaning, pattern, cells, versions in PATTERNS)
#: How much of the overview is searched: the figures are stated in its opening paragraphs, and
#: the longest real overviews run to some 10,000 characters (a bound for huge inputs).
MAX_PROSE = 50_000
#: Sections whose prose is searched (not the tables' own sections, nor fees or plans).
PROSE_SECTIONS = ("overview",)


@attrs.frozen
class ProseFigure:
    """A number a sentence of the report states, and the table cells it should equal."""

    meaning: str
    value: int
    #: The sentence's text around the number, as folded.
    context: str
    cells: tuple[tuple[str, str, str], ...]


def prose_figures(report: Report, *, folded: Sequence[str | None] = ()) -> Iterator[ProseFigure]:
    """Yield the figures the overview states in a phrasing of ``PATTERNS`` (first of each meaning).

    Only the overview's first ``MAX_PROSE`` characters are searched.

    Args:
        report: the report whose sections are searched.
        folded: ``normalize.fold`` of ``section.text[:MAX_PROSE]`` for each of
            ``report.sections`` (None, or missing at the end: folded here), where the
            caller has them already (``parse`` folds every line once).

    """
    seen: set[str] = set()
    for index, section in enumerate(report.sections):
        if section.key not in PROSE_SECTIONS:
            continue
        given = folded[index] if index < len(folded) else None
        text = fold(section.text[:MAX_PROSE]) if given is None else given
        for meaning, pattern, cells, versions in _COMPILED:
            if meaning in seen or report.template not in versions:
                continue
            match = pattern.search(text)
            if match is None:
                continue
            seen.add(meaning)
            value = int(match.group("n").replace(",", "").replace("，", ""))
            yield ProseFigure(meaning, value, text[max(0, match.start() - 10) : match.end()], cells)


def _table_sum(report: Report, cells: tuple[tuple[str, str, str], ...]) -> tuple[int | None, tuple[Cell, ...]]:
    found: list[Cell] = []
    for table, row, column in cells:
        record = getattr(getattr(report, table), row, None)
        value: Value = None if record is None else getattr(record, column, None)
        found.append(Cell(table, row, column, value))
    if any(cell.value is None for cell in found):
        return None, tuple(found)
    return int(sum(cell.value for cell in found if cell.value is not None)), tuple(found)


def check_prose(report: Report, *, folded: Sequence[str | None] = ()) -> tuple[Diagnostic, ...]:
    """Compare each prose figure with its cells: an info diagnostic where they differ (blank cells: not compared).

    ``folded``: the sections' texts already folded, as ``prose_figures`` takes them.
    """
    said: list[Diagnostic] = []
    for figure in prose_figures(report, folded=folded):
        total, cells = _table_sum(report, figure.cells)
        if total is None or total == figure.value:
            continue
        table, row, column = figure.cells[0]
        said.append(
            Diagnostic(
                "prose-figure-differs",
                Severity.INFO,
                f"the text says {figure.value} ({figure.meaning}: …{figure.context}) but the table has {total}; "
                "prose often counts differently, nothing was changed",
                table=table,
                row=row,
                column=column,
                cells=cells,
            )
        )
    return tuple(said)
