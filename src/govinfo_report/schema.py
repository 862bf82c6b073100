"""The typed result of parsing: ``Report``, its tables, sections and diagnostics.

Frozen, slotted attrs classes with tuples, never lists; behaviour lives in other modules.
Field names of the table classes are the identifiers of ``spec/template.md`` (table, row
and column keys), and nothing else.
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal

import attrs

from govinfo_report.versions import TemplateVersion

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "ApplicantCounts",
    "Applications",
    "Cell",
    "DecisionCount",
    "Diagnostic",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "FeeAmount",
    "FeeItems",
    "ItemCounts",
    "Procurement",
    "Provenance",
    "Report",
    "ReviewOutcomes",
    "Reviews",
    "Script",
    "Section",
    "Severity",
    "Span",
    "TableSource",
    "TemplateVersion",
    "Value",
]

#: A cell's value: a count, an amount in 万元, or None for a blank or missing cell.
Value = int | Decimal | None


class Script(enum.Enum):
    """The Chinese script a report is written in."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


class Severity(str, enum.Enum):
    """How much a diagnostic matters; ordered, so ``d.severity >= Severity.WARNING`` works."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Position in the order info < warning < error."""
        return _SEVERITY_RANK[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@attrs.frozen
class Span:
    """Where a value was read in the input: ``text[start:end]`` is the cell as printed.

    Offsets are characters of the text given to ``parse`` (for bytes, of the decoded
    text that ``govinfo_report.decode`` returns; for an HTML page, of the page; for a PDF
    or Word file, of ``Parser.read(source).text``, the text the reader made), end
    exclusive.  A PDF's values also say the page and the box they were printed in.
    """

    #: 1-based line of the input.
    line: int
    #: Offset of the value's first character in the whole text.
    start: int
    #: Offset just past the value's last character.
    end: int
    #: 1-based page it was printed on, for a PDF; None for text and pages.
    page: int | None = None
    #: Where on the page: ``(x0, top, x1, bottom)`` in PDF points from the page's
    #: top-left corner; None where there is no page.
    box: tuple[float, float, float, float] | None = None


@attrs.frozen
class Provenance:
    """The place in the input that one template cell's value was read from."""

    #: Table key.
    table: str
    #: Row key.
    row: str
    #: Column key.
    column: str
    #: Where the value was read.
    span: Span


@attrs.frozen
class Cell:
    """One template cell in the long format (see ``govinfo_report.cells``)."""

    #: Table key: ``active_disclosure``, ``applications`` or ``reviews``.
    table: str
    #: Row key.
    row: str
    #: Column key.
    column: str
    #: The value: int, Decimal (money, in 万元) or None for blank.
    value: Value
    #: Where the value was read (None for a blank cell); not part of equality.
    span: Span | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Diagnostic:
    """Something the parser noticed: a problem with the input or an inference it made."""

    #: Stable, kebab-case identifier, e.g. ``"cell-inferred"`` (see docs/diagnostics.md).
    code: str
    #: How much it matters.
    severity: Severity
    #: Human-readable explanation, in English.
    message: str
    #: 1-based line of the input where it happened, when known.
    line: int | None = None
    #: Table key (``"applications"`` …), when it concerns a table.
    table: str | None = None
    #: Row key, when it concerns a row.
    row: str | None = None
    #: Column key, when it concerns a cell.
    column: str | None = None
    #: For a broken identity: the cells it involves, with their values; for an ambiguous
    #: cell (``cell-ambiguous``): the cell once per value it could take.
    cells: tuple[Cell, ...] = ()
    #: For a broken identity: left side minus right side.
    difference: int | Decimal | None = None

    def where(self) -> str:
        """Return ``table/row/column`` (the parts that are known), or ``"-"``."""
        parts = [p for p in (self.table, self.row, self.column) if p]
        return "/".join(parts) if parts else "-"


@attrs.frozen
class Section:
    """One numbered section of the report, with its original text."""

    #: Its number (一 → 1 …), or None when the heading has no numeral.
    number: int | None
    #: The canonical key (``"overview"`` …), or None for a non-standard section.
    key: str | None
    #: The heading as printed, without its numeral.
    title: str
    #: The original text under the heading, up to the next heading.
    text: str
    #: 1-based line of the heading.
    line: int


# Table 二 ------------------------------------------------------------------------------


@attrs.frozen
class DocumentCounts2019:
    """Table 二, block 第二十条第（一）项, 2019 template."""

    #: 本年新制作数量
    new_made: int | None = None
    #: 本年新公开数量
    new_published: int | None = None
    #: 对外公开总数量
    total_published: int | None = None


@attrs.frozen
class ItemCounts:
    """Table 二, blocks （五） and （六）, 2019 template."""

    #: 上一年项目数量
    previous_count: int | None = None
    #: 本年增/减 (may be negative)
    change: int | None = None
    #: 处理决定数量
    decisions: int | None = None


@attrs.frozen
class FeeItems:
    """Table 二, block （八）, 2019 template."""

    #: 上一年项目数量
    previous_count: int | None = None
    #: 本年增/减 (may be negative)
    change: int | None = None


@attrs.frozen
class Procurement:
    """Table 二, block （九）, 2019 template."""

    #: 采购项目数量
    projects: int | None = None
    #: 采购总金额, in 万元
    amount: Decimal | None = None


@attrs.frozen
class DocumentCounts2021:
    """Table 二, block 第二十条第（一）项, 2021 template."""

    #: 本年制发件数
    issued: int | None = None
    #: 本年废止件数
    repealed: int | None = None
    #: 现行有效件数
    in_force: int | None = None


@attrs.frozen
class DecisionCount:
    """Table 二, blocks （五） and （六）, 2021 template."""

    #: 本年处理决定数量
    decisions: int | None = None


@attrs.frozen
class FeeAmount:
    """Table 二, block （八）, 2021 template."""

    #: 本年收费金额, in 万元
    amount: Decimal | None = None


@attrs.frozen
class ActiveDisclosure2019:
    """Table 二 (主动公开政府信息情况) of the 2019 template."""

    regulations: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    normative_documents: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    administrative_licensing: ItemCounts = attrs.field(factory=ItemCounts)
    other_administrative_services: ItemCounts = attrs.field(factory=ItemCounts)
    administrative_punishment: ItemCounts = attrs.field(factory=ItemCounts)
    administrative_enforcement: ItemCounts = attrs.field(factory=ItemCounts)
    administrative_fees: FeeItems = attrs.field(factory=FeeItems)
    centralized_procurement: Procurement = attrs.field(factory=Procurement)


@attrs.frozen
class ActiveDisclosure2021:
    """Table 二 (主动公开政府信息情况) of the 2021 template."""

    regulations: DocumentCounts2021 = attrs.field(factory=DocumentCounts2021)
    normative_documents: DocumentCounts2021 = attrs.field(factory=DocumentCounts2021)
    administrative_licensing: DecisionCount = attrs.field(factory=DecisionCount)
    administrative_punishment: DecisionCount = attrs.field(factory=DecisionCount)
    administrative_enforcement: DecisionCount = attrs.field(factory=DecisionCount)
    administrative_fees: FeeAmount = attrs.field(factory=FeeAmount)


# Table 三 ------------------------------------------------------------------------------


@attrs.frozen
class ApplicantCounts:
    """One row of table 三: counts by applicant type."""

    #: 自然人
    natural_person: int | None = None
    #: 商业企业
    commercial_enterprise: int | None = None
    #: 科研机构
    research_institution: int | None = None
    #: 社会公益组织 (also printed 社会组织)
    social_welfare_org: int | None = None
    #: 法律服务机构
    legal_service_org: int | None = None
    #: 其他 (under 法人或其他组织)
    other_org: int | None = None
    #: 总计
    total: int | None = None


def _row() -> ApplicantCounts:
    return ApplicantCounts()


@attrs.frozen
class Applications:
    """Table 三 (收到和处理政府信息公开申请情况).

    ``other`` is a row of the 2019 template only (None in 2021); the three ``other_*`` rows
    are rows of the 2021 template only (None in 2019).
    """

    new_received: ApplicantCounts = attrs.field(factory=_row)
    carried_over: ApplicantCounts = attrs.field(factory=_row)
    granted: ApplicantCounts = attrs.field(factory=_row)
    partially_granted: ApplicantCounts = attrs.field(factory=_row)
    withheld_state_secret: ApplicantCounts = attrs.field(factory=_row)
    withheld_prohibited_by_law: ApplicantCounts = attrs.field(factory=_row)
    withheld_security_stability: ApplicantCounts = attrs.field(factory=_row)
    withheld_third_party: ApplicantCounts = attrs.field(factory=_row)
    withheld_internal_affairs: ApplicantCounts = attrs.field(factory=_row)
    withheld_process_information: ApplicantCounts = attrs.field(factory=_row)
    withheld_enforcement_file: ApplicantCounts = attrs.field(factory=_row)
    withheld_administrative_query: ApplicantCounts = attrs.field(factory=_row)
    unavailable_not_held: ApplicantCounts = attrs.field(factory=_row)
    unavailable_needs_creation: ApplicantCounts = attrs.field(factory=_row)
    unavailable_unclear: ApplicantCounts = attrs.field(factory=_row)
    declined_complaint: ApplicantCounts = attrs.field(factory=_row)
    declined_duplicate: ApplicantCounts = attrs.field(factory=_row)
    declined_publication: ApplicantCounts = attrs.field(factory=_row)
    declined_excessive: ApplicantCounts = attrs.field(factory=_row)
    declined_confirmation: ApplicantCounts = attrs.field(factory=_row)
    other: ApplicantCounts | None = None
    other_overdue_correction: ApplicantCounts | None = None
    other_unpaid_fee: ApplicantCounts | None = None
    other_other: ApplicantCounts | None = None
    total: ApplicantCounts = attrs.field(factory=_row)
    carried_forward: ApplicantCounts = attrs.field(factory=_row)


# Table 四 ------------------------------------------------------------------------------


@attrs.frozen
class ReviewOutcomes:
    """One block of table 四: outcomes of reviews or of lawsuits."""

    #: 结果维持
    upheld: int | None = None
    #: 结果纠正
    corrected: int | None = None
    #: 其他结果
    other: int | None = None
    #: 尚未审结
    pending: int | None = None
    #: 总计
    total: int | None = None


@attrs.frozen
class Reviews:
    """Table 四 (政府信息公开行政复议、行政诉讼情况)."""

    #: 行政复议
    administrative_review: ReviewOutcomes = attrs.field(factory=ReviewOutcomes)
    #: 行政诉讼 / 未经复议直接起诉
    litigation_direct: ReviewOutcomes = attrs.field(factory=ReviewOutcomes)
    #: 行政诉讼 / 复议后起诉
    litigation_after_review: ReviewOutcomes = attrs.field(factory=ReviewOutcomes)


# The report ----------------------------------------------------------------------------


@attrs.frozen
class TableSource:
    """How one table was read: by which reader, and cut into cells how."""

    #: Table key (``"active_disclosure"`` …).
    table: str
    #: The reader that read the source (``"text"``, ``"html"`` …).
    reader: str
    #: The tokenizer that cut the table's text into cells (``"pipe"`` …), ``"cells"`` when
    #: the source had cut them itself (an HTML table), None when no table was found.
    layout: str | None


@attrs.frozen(repr=False)
class Report:
    """A parsed 政府信息公开工作年度报告.

    ``str(report)`` is the readable view (metadata, the three tables, the diagnostics);
    ``repr(report)`` is one short line.
    """

    #: The title line as printed, or None when the report has none.
    title: str | None
    #: The reporting body (from the title, else the signature, else the body text).
    organization: str | None
    #: The year reported on.
    year: int | None
    #: The signing date at the end, if any.
    published: datetime.date | None
    #: The template version the tables follow.
    template: TemplateVersion
    #: The script the report is written in.
    script: Script
    #: The numbered sections, in order of appearance.
    sections: tuple[Section, ...]
    #: Table 二, None when the report lacks it.
    active_disclosure: ActiveDisclosure2019 | ActiveDisclosure2021 | None
    #: Table 三, None when the report lacks it.
    applications: Applications | None
    #: Table 四, None when the report lacks it.
    reviews: Reviews | None
    #: What the parser noticed, in order of the input.
    diagnostics: tuple[Diagnostic, ...] = ()
    #: Where every value was read, in template order; not part of equality, and in JSON
    #: only when asked for (``to_json(report, provenance=True)``).
    provenance: tuple[Provenance, ...] = attrs.field(default=(), eq=False, repr=False, metadata={"optional": True})
    #: The reader that read the source (``"text"``, ``"html"`` …); not part of equality.
    reader: str = attrs.field(default="text", eq=False, repr=False, metadata={"optional": True})
    #: How each table present was read; not part of equality.
    tables_read: tuple[TableSource, ...] = attrs.field(default=(), eq=False, repr=False, metadata={"optional": True})

    def __repr__(self) -> str:
        counts = {s: sum(d.severity is s for d in self.diagnostics) for s in Severity}
        said = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n) or "none"
        return (
            f"<Report {self.title or self.organization or 'untitled'!r} year={self.year} "
            f"template={self.template.value} diagnostics: {said}>"
        )

    def __str__(self) -> str:
        from govinfo_report.describe import describe  # describe reads this module's classes

        return describe(self)

    def span(self, table: str, row: str, column: str) -> Span | None:
        """Return where the value of a cell was read, or None (a blank or missing cell)."""
        return next((p.span for p in self.provenance if p.column == column and p.row == row and p.table == table), None)

    def section(self, key: str) -> Section | None:
        """Return the section with this key (``"overview"`` …), or None."""
        return next((s for s in self.sections if s.key == key), None)
