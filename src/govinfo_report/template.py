"""The two template versions as data: tables, rows, columns, labels and group rows.

Keys are those of ``spec/template.md``.  Labels are written in simplified script; matching
happens on ``normalize.label_key`` of both sides, so script, width, spaces, enumeration
markers and punctuation do not matter.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import attrs

from govinfo_report.normalize import label_key
from govinfo_report.versions import TemplateVersion

__all__ = [
    "SECTION_KEYS",
    "SECTION_TITLES",
    "TABLE_KEYS",
    "ColumnSpec",
    "Identity",
    "RowSpec",
    "TableSpec",
    "cell_keys",
    "iter_cells",
    "table",
    "tables",
]

#: Section keys in template order (一 … 六).
SECTION_KEYS: tuple[str, ...] = (
    "overview",
    "active_disclosure",
    "applications",
    "reviews",
    "problems",
    "other_matters",
)
#: The canonical heading title of each section (simplified script).
SECTION_TITLES: dict[str, str] = {
    "overview": "总体情况",
    "active_disclosure": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "reviews": "政府信息公开行政复议、行政诉讼情况",
    "problems": "存在的主要问题及改进情况",
    "other_matters": "其他需要报告的事项",
}
#: Table keys in template order (二, 三, 四).
TABLE_KEYS: tuple[str, ...] = ("active_disclosure", "applications", "reviews")


@attrs.frozen
class ColumnSpec:
    """A column of a template row."""

    key: str
    label: str
    #: Money column: values are Decimal amounts in 万元.
    money: bool = False
    #: May be negative (本年增/减).
    signed: bool = False
    #: Words by which a note printed beside a cell (``（含自然失效 29 件）``) names this
    #: column, for a number a converter pulled out of its row together with its note.
    note_words: tuple[str, ...] = ()


@attrs.frozen
class RowSpec:
    """A row of a template table; group rows have no columns of their own."""

    key: str
    label: str
    columns: tuple[ColumnSpec, ...] = ()
    #: Other accepted spellings of the label.
    aliases: tuple[str, ...] = ()
    #: Enumeration marker the row is printed with (``"(七)"``), folded; "" when none.
    marker: str = ""
    #: Key of the group this row belongs to (for 1.…8. under （三）不予公开).
    group: str | None = None
    #: A group row (e.g. （三）不予公开) that carries no numbers.
    is_group: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        """Label keys that identify this row."""
        return tuple(dict.fromkeys(label_key(x) for x in (self.label, *self.aliases)))


@attrs.frozen
class Identity:
    """One identity (勾稽关系) of a table: the sum of the ``left`` cells equals the sum of the ``right`` cells.

    Cells are ``(row, column)`` keys of the table.  Evaluated by ``identities.holds``: one
    whose cells are all blank holds vacuously; otherwise blanks count as 0.
    """

    #: Diagnostic code when it is broken (``identity-r1`` …).
    code: str
    left: tuple[tuple[str, str], ...]
    right: tuple[tuple[str, str], ...]
    #: What it says, for messages.
    describe: str
    #: The cell a diagnostic points at (the total), when there is one.
    row: str | None = None
    column: str | None = None
    #: Every cell it involves, left then right.
    cells: tuple[tuple[str, str], ...] = attrs.field(init=False, eq=False, repr=False)
    #: The rows its cells lie in.
    rows: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    @cells.default
    def _cells(self) -> tuple[tuple[str, str], ...]:
        return self.left + self.right

    @rows.default
    def _rows(self) -> frozenset[str]:
        return frozenset(row for row, _ in self.cells)


@attrs.frozen
class TableSpec:
    """A template table of one version."""

    key: str
    title: str
    rows: tuple[RowSpec, ...]
    #: Column-header labels seen above the rows (for recognising header lines).
    header_labels: tuple[str, ...]
    #: The template version the table belongs to.
    version: TemplateVersion
    #: Version markers: label fragments only this version prints.
    markers: tuple[str, ...] = ()
    #: The table's identities (R1–R4), as equations over its cells.
    identities: tuple[Identity, ...] = ()
    #: Rows that carry numbers, in template order (computed from ``rows``).
    data_rows: tuple[RowSpec, ...] = attrs.field(init=False, eq=False, repr=False)
    _by_key: dict[str, RowSpec] = attrs.field(init=False, eq=False, repr=False)

    @data_rows.default
    def _data_rows(self) -> tuple[RowSpec, ...]:
        return tuple(r for r in self.rows if not r.is_group)

    @_by_key.default
    def _rows_by_key(self) -> dict[str, RowSpec]:
        by_key: dict[str, RowSpec] = {}
        for r in self.rows:
            by_key.setdefault(r.key, r)  # the first row of a key, as a scan would find it
        return by_key

    def row(self, key: str) -> RowSpec:
        """Return the row with this key (data or group)."""
        return self._by_key[key]

    def first_child(self, group_key: str) -> RowSpec | None:
        """Return the first data row of a group, or None."""
        return next((r for r in self.rows if r.group == group_key and not r.is_group), None)


def _cols(
    *pairs: tuple[str, str],
    money: tuple[str, ...] = (),
    signed: tuple[str, ...] = (),
    notes: dict[str, tuple[str, ...]] | None = None,
) -> tuple[ColumnSpec, ...]:
    words = notes or {}
    return tuple(
        ColumnSpec(k, label, money=k in money, signed=k in signed, note_words=words.get(k, ())) for k, label in pairs
    )


# Table 二 ------------------------------------------------------------------------------

_DOCS_2019 = _cols(
    ("new_made", "本年新制作数量"), ("new_published", "本年新公开数量"), ("total_published", "对外公开总数量")
)
_ITEMS_2019 = _cols(
    ("previous_count", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量"), signed=("change",)
)
_FEES_2019 = _cols(("previous_count", "上一年项目数量"), ("change", "本年增/减"), signed=("change",))
_PROCUREMENT = _cols(("projects", "采购项目数量"), ("amount", "采购总金额"), money=("amount",))
_DOCS_2021 = _cols(
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
    notes={"issued": ("制发", "修订", "新制定", "印发"), "repealed": ("废止", "失效"), "in_force": ("现行有效",)},
)
_DECISIONS_2021 = _cols(("decisions", "本年处理决定数量"))
_FEES_2021 = _cols(("amount", "本年收费金额(单位:万元)"), money=("amount",))

_NORMATIVE_ALIASES = ("规范性文件", "行政规范性文件")

_ACTIVE_2019 = TableSpec(
    key="active_disclosure",
    title="主动公开政府信息情况",
    rows=(
        RowSpec("regulations", "规章", _DOCS_2019),
        RowSpec("normative_documents", "规范性文件", _DOCS_2019, aliases=_NORMATIVE_ALIASES),
        RowSpec("administrative_licensing", "行政许可", _ITEMS_2019),
        RowSpec("other_administrative_services", "其他对外管理服务事项", _ITEMS_2019),
        RowSpec("administrative_punishment", "行政处罚", _ITEMS_2019),
        RowSpec("administrative_enforcement", "行政强制", _ITEMS_2019),
        RowSpec("administrative_fees", "行政事业性收费", _FEES_2019),
        RowSpec("centralized_procurement", "政府集中采购", _PROCUREMENT),
    ),
    header_labels=("信息内容", *(c.label for c in _DOCS_2019 + _ITEMS_2019 + _PROCUREMENT)),
    version=TemplateVersion.V2019,
    markers=(
        "新制作",
        "新公开",
        "对外公开总数",
        "上一年项目",
        "本年增",
        "其他对外管理服务",
        "集中采购",
        "采购项目",
        "采购总金额",
    ),
)

_ACTIVE_2021 = TableSpec(
    key="active_disclosure",
    title="主动公开政府信息情况",
    rows=(
        RowSpec("regulations", "规章", _DOCS_2021),
        RowSpec("normative_documents", "行政规范性文件", _DOCS_2021, aliases=_NORMATIVE_ALIASES),
        RowSpec("administrative_licensing", "行政许可", _DECISIONS_2021),
        RowSpec("administrative_punishment", "行政处罚", _DECISIONS_2021),
        RowSpec("administrative_enforcement", "行政强制", _DECISIONS_2021),
        RowSpec("administrative_fees", "行政事业性收费", _FEES_2021),
    ),
    header_labels=("信息内容", *(c.label for c in _DOCS_2021 + _DECISIONS_2021 + _FEES_2021)),
    version=TemplateVersion.V2021,
    markers=("制发件数", "废止件数", "现行有效", "收费金额"),
)

# Table 三 ------------------------------------------------------------------------------

APPLICANT_COLUMNS = _cols(
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("social_welfare_org", "社会公益组织"),
    ("legal_service_org", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
_A = APPLICANT_COLUMNS


def _applications_rows(version: TemplateVersion) -> tuple[RowSpec, ...]:
    head = (
        RowSpec("new_received", "本年新收政府信息公开申请数量", _A, marker="一"),
        RowSpec("carried_over", "上年结转政府信息公开申请数量", _A, marker="二"),
        RowSpec("_results", "本年度办理结果", marker="三", is_group=True),
        RowSpec("granted", "予以公开", _A, marker="(一)", group="_results"),
        RowSpec(
            "partially_granted",
            "部分公开(区分处理的,只计这一情形,不计其他情形)",
            _A,
            aliases=("部分公开(区分处理的,只计这一情况,不计其他情况)", "部分公开"),
            marker="(二)",
        ),
        RowSpec("_withheld", "不予公开", marker="(三)", is_group=True),
        RowSpec("withheld_state_secret", "属于国家秘密", _A, marker="1", group="_withheld"),
        RowSpec("withheld_prohibited_by_law", "其他法律行政法规禁止公开", _A, marker="2", group="_withheld"),
        RowSpec("withheld_security_stability", "危及“三安全一稳定”", _A, marker="3", group="_withheld"),
        RowSpec("withheld_third_party", "保护第三方合法权益", _A, marker="4", group="_withheld"),
        RowSpec(
            "withheld_internal_affairs",
            "属于三类内部事务信息",
            _A,
            aliases=("属于三类内容事务信息",),
            marker="5",
            group="_withheld",
        ),
        RowSpec("withheld_process_information", "属于四类过程性信息", _A, marker="6", group="_withheld"),
        RowSpec("withheld_enforcement_file", "属于行政执法案卷", _A, marker="7", group="_withheld"),
        RowSpec(
            "withheld_administrative_query",
            "属于行政查询事项",
            _A,
            aliases=("属于行政查询事务",),
            marker="8",
            group="_withheld",
        ),
        RowSpec("_unavailable", "无法提供", marker="(四)", is_group=True),
        RowSpec("unavailable_not_held", "本机关不掌握相关政府信息", _A, marker="1", group="_unavailable"),
        RowSpec("unavailable_needs_creation", "没有现成信息需要另行制作", _A, marker="2", group="_unavailable"),
        RowSpec("unavailable_unclear", "补正后申请内容仍不明确", _A, marker="3", group="_unavailable"),
        RowSpec("_declined", "不予处理", marker="(五)", is_group=True),
        RowSpec("declined_complaint", "信访举报投诉类申请", _A, marker="1", group="_declined"),
        RowSpec("declined_duplicate", "重复申请", _A, marker="2", group="_declined"),
        RowSpec("declined_publication", "要求提供公开出版物", _A, marker="3", group="_declined"),
        RowSpec("declined_excessive", "无正当理由大量反复申请", _A, marker="4", group="_declined"),
        RowSpec("declined_confirmation", "要求行政机关确认或重新出具已获取信息", _A, marker="5", group="_declined"),
    )
    if version is TemplateVersion.V2019:
        other: tuple[RowSpec, ...] = (RowSpec("other", "其他处理", _A, marker="(六)"),)
    else:
        other = (
            RowSpec("other", "其他处理", marker="(六)", is_group=True),
            RowSpec(
                "other_overdue_correction",
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                _A,
                marker="1",
                group="other",
            ),
            RowSpec(
                "other_unpaid_fee",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                _A,
                marker="2",
                group="other",
            ),
            RowSpec("other_other", "其他", _A, marker="3", group="other"),
        )
    tail = (
        RowSpec("total", "总计", _A, marker="(七)"),
        RowSpec("carried_forward", "结转下年度继续办理", _A, marker="四"),
    )
    return head + other + tail


#: The 三 rows that are not results: R2 sums every other data row into 总计.
_NOT_RESULTS = ("new_received", "carried_over", "total", "carried_forward")


def _applications_identities(rows: tuple[RowSpec, ...]) -> tuple[Identity, ...]:
    """R1 and R2 per column, R3 per row (``spec/template.md``)."""
    results = tuple(r.key for r in rows if not r.is_group and r.key not in _NOT_RESULTS)
    found: list[Identity] = []
    for column in (c.key for c in _A):
        found.append(
            Identity(
                "identity-r1",
                (("new_received", column), ("carried_over", column)),
                (("total", column), ("carried_forward", column)),
                f"R1 in column {column}: 新收 + 上年结转 should equal 总计 + 结转下年度",
                column=column,
            )
        )
        found.append(
            Identity(
                "identity-r2",
                (("total", column),),
                tuple((row, column) for row in results),
                f"R2 in column {column}: 总计 should equal the sum of the result rows",
                row="total",
                column=column,
            )
        )
    for row in (r for r in rows if not r.is_group):
        found.append(
            Identity(
                "identity-r3",
                ((row.key, "total"),),
                tuple((row.key, c.key) for c in _A[:-1]),
                f"R3 in row {row.key}: 总计 should equal the sum of the six applicant columns",
                row=row.key,
                column="total",
            )
        )
    return tuple(found)


def _applications(version: TemplateVersion) -> TableSpec:
    rows = _applications_rows(version)
    return TableSpec(
        key="applications",
        title="收到和处理政府信息公开申请情况",
        rows=rows,
        header_labels=("申请人情况", "法人或其他组织", "社会组织", *(c.label for c in _A)),
        version=version,
        markers=("逾期不补正", "逾期未按收费通知") if version is TemplateVersion.V2021 else (),
        identities=_applications_identities(rows),
    )


# Table 四 ------------------------------------------------------------------------------

REVIEW_COLUMNS = _cols(
    ("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计")
)

_REVIEW_ROWS = (
    RowSpec("administrative_review", "行政复议", REVIEW_COLUMNS),
    RowSpec("litigation_direct", "未经复议直接起诉", REVIEW_COLUMNS),
    RowSpec("litigation_after_review", "复议后起诉", REVIEW_COLUMNS),
)

_REVIEWS = TableSpec(
    key="reviews",
    title="政府信息公开行政复议、行政诉讼情况",
    rows=_REVIEW_ROWS,
    header_labels=("行政诉讼", *(c.label for c in REVIEW_COLUMNS)),
    version=TemplateVersion.V2021,
    identities=tuple(
        Identity(
            "identity-r4",
            ((row.key, "total"),),
            tuple((row.key, c.key) for c in REVIEW_COLUMNS[:-1]),
            f"R4 in {row.key}: 总计 should equal 维持 + 纠正 + 其他 + 尚未审结",
            row=row.key,
            column="total",
        )
        for row in _REVIEW_ROWS
    ),
)


@cache
def tables(version: TemplateVersion) -> tuple[TableSpec, TableSpec, TableSpec]:
    """Return the three table specs (二, 三, 四) of a template version."""
    active = _ACTIVE_2019 if version is TemplateVersion.V2019 else _ACTIVE_2021
    return active, _applications(version), attrs.evolve(_REVIEWS, version=version)


def table(version: TemplateVersion, key: str) -> TableSpec:
    """Return one table spec by key."""
    for spec in tables(version):
        if spec.key == key:
            return spec
    raise KeyError(key)


def iter_cells(version: TemplateVersion) -> Iterator[tuple[TableSpec, RowSpec, ColumnSpec]]:
    """Yield every numeric cell of a version, in template order."""
    for spec in tables(version):
        for row in spec.data_rows:
            for column in row.columns:
                yield spec, row, column


@cache
def cell_keys(version: TemplateVersion) -> tuple[tuple[str, str, str], ...]:
    """Return every numeric cell of a version as ``(table, row, column)`` keys, in template order."""
    return tuple((spec.key, row.key, column.key) for spec, row, column in iter_cells(version))
