"""Hypothesis strategies for whole reports, for our property tests and for plugin authors.

Needs hypothesis (``pip install "govinfo-report[testing]"``)::

    from hypothesis import given
    from govinfo_report import parse
    from govinfo_report.render import render
    from govinfo_report.testing import reports, same_content

    @given(reports())
    def test_my_layout_round_trips(report):
        assert same_content(parse(render(report, layout="my-layout")), report)

``reports()`` draws a report of either template version whose counts satisfy every
identity (``broken=True`` breaks one), with blank cells, money, consistent metadata (title,
organization, year, signing date) and section prose: sentences with numbers, 一、二、
inside the prose, and lines that look like table labels.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised without the extra only
    raise ImportError('govinfo_report.testing needs hypothesis: pip install "govinfo-report[testing]"') from error

import attrs

from govinfo_report import records
from govinfo_report.identities import APPLICANT_TERMS, REVIEW_TERMS, holds
from govinfo_report.render.script import to_script
from govinfo_report.schema import Report, Script, Section, TemplateVersion, Value
from govinfo_report.template import SECTION_KEYS, SECTION_TITLES, TABLE_KEYS, TableSpec, tables
from govinfo_report.validate import RESULT_ROWS

__all__ = [
    "ORGANIZATIONS",
    "applications",
    "as_rendered",
    "content",
    "money",
    "prose",
    "reports",
    "reviews",
    "same_content",
]

#: Reporting bodies the strategies draw from (the parser reads them back from the title).
ORGANIZATIONS = (
    "青山区人民政府",
    "北京市交通委员会",
    "江宁区市场监督管理局",
    "宁波市自然资源和规划局",
    "兴庆区人民政府办公室",
    "海淀区教育委员会",
    "成都市生态环境局",
    "广东省人力资源和社会保障厅",
)
_SENTENCES = (
    "全年主动公开政府信息{n}条，其中政策解读{m}篇。",
    "共受理政府信息公开申请{n}件，按时答复率100%。",
    "一是完善制度，二是加强培训，三是强化监督。",
    "（一）主动公开。全年制发行政规范性文件{m}件。",
    "（二）依申请公开。办结{n}件，结转下年度{m}件。",
    "行政许可 {n} 件",
    "政府网站发布信息{n}条，政务新媒体发布{m}条，举办新闻发布会{m}场。",
    "下一步，将进一步提高政府信息公开质量。",
    "本年度未收取信息处理费。",
    "1.加强组织领导。2.规范公开流程。",
)


def money(max_value: int = 10**6) -> st.SearchStrategy[Decimal]:
    """Amounts in 万元 with up to four decimals (what 元 converts to exactly)."""
    return st.integers(0, max_value * 10_000).map(lambda n: Decimal(n).scaleb(-4).normalize() if n else Decimal(0))


def _blank(value: int, blanks: bool, draw: st.DrawFn) -> int | None:
    """Write a zero as a blank cell sometimes (blank is not 0, but the identities read it so)."""
    return None if blanks and value == 0 and draw(st.booleans()) else value


@st.composite
def applications(draw: st.DrawFn, version: TemplateVersion, *, blanks: bool = True, broken: bool = False) -> Any:
    """Table 三 with R1–R3 holding (``broken``: one 总计 is off by one)."""
    spec = tables(version)[1]
    count = st.integers(0, 60)
    results = [spec.row(key) for key in RESULT_ROWS[version]]
    values: dict[tuple[str, str], Value] = {}
    totals = dict.fromkeys(APPLICANT_TERMS, 0)
    for row in results:
        for term in APPLICANT_TERMS:
            value = draw(count) if draw(st.integers(0, 3)) == 0 else 0
            totals[term] += value
            values[(row.key, term)] = value
    for term in APPLICANT_TERMS:
        forward = draw(count)
        over = draw(st.integers(0, totals[term] + forward))
        values[("total", term)] = totals[term]
        values[("carried_forward", term)] = forward
        values[("carried_over", term)] = over
        values[("new_received", term)] = totals[term] + forward - over
    for row in spec.data_rows:
        values[(row.key, "total")] = sum(int(values[(row.key, t)] or 0) for t in APPLICANT_TERMS)
    if broken:
        values[("total", "total")] = int(values[("total", "total")] or 0) + 1
    assert broken or all(holds(i, values) for i in spec.identities), "the strategy must satisfy R1–R3"
    return records.build(spec, {k: _blank(int(v or 0), blanks, draw) for k, v in values.items()})


@st.composite
def reviews(draw: st.DrawFn, *, blanks: bool = True) -> Any:
    """Table 四 with R4 holding in every row."""
    spec = tables(TemplateVersion.V2021)[2]
    values: dict[tuple[str, str], Value] = {}
    for row in spec.data_rows:
        terms = {t: draw(st.integers(0, 30)) for t in REVIEW_TERMS}
        for term, value in terms.items():
            values[(row.key, term)] = _blank(value, blanks, draw)
        values[(row.key, "total")] = _blank(sum(terms.values()), blanks and not any(terms.values()), draw)
    return records.build(spec, values)


@st.composite
def _active(draw: st.DrawFn, spec: TableSpec, *, blanks: bool) -> Any:
    values: dict[tuple[str, str], Value] = {}
    for row in spec.data_rows:
        for column in row.columns:
            if column.money:
                value: Value = draw(money())
            elif column.signed:
                value = draw(st.integers(-500, 500))
            else:
                value = draw(st.integers(0, 100_000))
            values[(row.key, column.key)] = None if blanks and value == 0 and draw(st.booleans()) else value
    return records.build(spec, values)


@st.composite
def prose(draw: st.DrawFn, *, max_sentences: int = 4) -> str:
    """Paragraphs of report prose: sentences with numbers, 一是… and label-like lines."""
    sentences = draw(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=max_sentences))
    numbers = st.integers(0, 99_999)
    lines = [s.format(n=draw(numbers), m=draw(numbers)) for s in sentences]
    return "\n".join(lines)


@st.composite
def reports(
    draw: st.DrawFn,
    *,
    version: TemplateVersion | None = None,
    broken: bool = False,
    blanks: bool = True,
    missing_tables: bool = False,
) -> Report:
    """Draw a whole report (no diagnostics) of either template version.

    Args:
        draw: supplied by hypothesis.
        version: the template version, or either.
        broken: table 三's grand total is off by one (an ``identity-r3`` and friends).
        blanks: some zeros are written as blank cells (None).
        missing_tables: a table may be absent (None, and its section keeps only prose).

    """
    version = version or draw(st.sampled_from(TemplateVersion))
    year = draw(st.integers(2019, 2020) if version is TemplateVersion.V2019 else st.integers(2021, 2025))
    organization = draw(st.sampled_from(ORGANIZATIONS))
    published = draw(st.dates(datetime.date(year + 1, 1, 5), datetime.date(year + 1, 3, 31)))
    active_spec = tables(version)[0]
    active = draw(_active(active_spec, blanks=blanks))
    applications_table = draw(applications(version, blanks=blanks, broken=broken))
    reviews_table = draw(reviews(blanks=blanks))
    if missing_tables:
        active = draw(st.sampled_from([active, None]))
        reviews_table = draw(st.sampled_from([reviews_table, None]))
    present = {"active_disclosure": active, "applications": applications_table, "reviews": reviews_table}
    signature = f"{organization}\n{published.year}年{published.month}月{published.day}日"
    sections = []
    for number, key in enumerate(SECTION_KEYS, start=1):
        # the text of a table section is its table, which render writes
        text = "" if key in present and present[key] is not None else draw(prose())
        if key == "other_matters":
            text = f"{text}\n\n{signature}"
        sections.append(Section(number=number, key=key, title=SECTION_TITLES[key], text=text, line=0))
    return Report(
        title=f"{organization}{year}年政府信息公开工作年度报告",
        organization=organization,
        year=year,
        published=published,
        template=version,
        script=Script.SIMPLIFIED,
        sections=tuple(sections),
        active_disclosure=active,
        applications=applications_table,
        reviews=reviews_table,
    )


def as_rendered(report: Report, script: str) -> Report:
    """Return ``report`` as it reads after ``render(report, script=script)``: texts converted."""

    def text(value: str | None) -> str | None:
        return None if value is None else to_script(value, script)

    sections = tuple(attrs.evolve(s, title=text(s.title) or "", text=text(s.text) or "") for s in report.sections)
    return attrs.evolve(
        report,
        title=text(report.title),
        organization=text(report.organization),
        sections=sections,
        script=Script.SIMPLIFIED if script == "simplified" else Script.TRADITIONAL,
    )


def content(report: Report) -> Report:
    """Return what a rendering can carry: no diagnostics, sections without lines nor table text.

    A table section's text is the table as printed, and ``line`` depends on the layout,
    so both are blanked; compare ``content(parse(render(r)))`` with ``content(r)``.
    """
    with_table = {key for key in TABLE_KEYS if getattr(report, key) is not None}
    sections = tuple(attrs.evolve(s, line=0, text="" if s.key in with_table else s.text) for s in report.sections)
    return attrs.evolve(report, diagnostics=(), sections=sections)


def same_content(parsed: Report, expected: Report) -> bool:
    """Tell whether ``parsed`` carries the same content as ``expected`` (see ``content``)."""
    return content(parsed) == content(expected)
