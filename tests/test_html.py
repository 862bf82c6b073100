"""HTML pages: the reader stage, markup as sites serve it, and round trips through rendered pages."""

from __future__ import annotations

import re
from decimal import Decimal
from unittest import mock

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import GovinfoReportError, Report, ReportNotFoundError, Severity, UnknownFormatError, parse
from govinfo_report.readers import Document, HtmlReader, TextReader, decode_html
from govinfo_report.render import to_script
from govinfo_report.render.html import render_html
from govinfo_report.testing import content, reports

from .conftest import fixture_text, real_bytes, real_golden
from .test_provenance import read_from_source

PAGE = "002_shuyang_fgj_2023.html"
V2021 = fixture_text("qingshan_2022_v2021.txt")


_MARKUP = re.compile(r"<[^>]*>|<!--.*?-->", re.DOTALL)


def in_page(report: Report, page: str) -> list[str]:
    """Values not printed at their span; markup inside a span (Word's runs, a comment) is not text."""
    return read_from_source(report, page, clean=lambda printed: _MARKUP.sub("", printed))


def read(page: str) -> Document:
    return HtmlReader().read(page)


def grid_rows(page: str) -> list[tuple[str | None, ...]]:
    document = read(page)
    return [document.grids[i].cells for i in sorted(document.grids)]


def prose(report: Report) -> Report:
    """HTML carries no blank lines nor runs of spaces in prose: compare paragraphs only."""

    def paragraphs(text: str) -> str:
        return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())

    report = content(report)
    return attrs.evolve(report, sections=tuple(attrs.evolve(s, text=paragraphs(s.text)) for s in report.sections))


# The real page --------------------------------------------------------------------------


def test_the_saved_page_is_read_exactly_from_its_bytes() -> None:
    report = parse(real_bytes(PAGE))
    golden = real_golden(PAGE.rsplit(".", 1)[0])
    got = [(c.table, c.row, c.column, c.value) for c in govinfo_report.cells(report)]
    want = [
        (c["table"], c["row"], c["column"], None if c["value"] is None else Decimal(str(c["value"])))
        for c in golden["cells"]
    ]
    assert got == want
    assert (report.organization, report.year, report.template.value) == ("沭阳县发展和改革局", 2023, "2021")
    assert report.reader == "html"
    assert {t.layout for t in report.tables_read} == {"cells"}
    assert [d for d in report.diagnostics if d.severity >= Severity.WARNING] == []


def test_the_saved_page_values_are_read_where_their_span_says() -> None:
    data = real_bytes(PAGE)
    report = parse(data)
    assert read_from_source(report, decode_html(data)) == []
    # diagnostics and sections point at lines of the page, not of the document
    heading = next(s for s in report.sections if s.key == "applications")
    assert "三、收到和处理" in decode_html(data).split("\n")[heading.line - 1]


def test_blank_applicant_columns_stay_blank_and_zeros_stay_zero() -> None:
    report = parse(real_bytes(PAGE))
    assert report.applications is not None
    assert report.reviews is not None
    assert report.applications.new_received.commercial_enterprise is None
    assert report.applications.new_received.natural_person == 26
    assert report.reviews.litigation_direct.upheld == 0


# Detection and decoding -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "html"),
    [
        ("<!DOCTYPE html><html>", True),
        ("\ufeff  <html lang='zh'>", True),
        ("<div><p>一、总体情况</p><table><tr><td>1</td></tr></table></div>", True),
        ("一、总体情况\n规章 | 1 | 2 | 3", False),
        ("使用 <p> 标记的说明", False),
    ],
)
def test_html_is_recognised_by_its_content(head: str, html: bool) -> None:
    assert (HtmlReader().detect(head) > TextReader().detect(head)) is html
    assert (HtmlReader().detect(head.encode("utf-8")) > TextReader().detect(head)) is html


def _page(body: str, charset: str = "utf-8") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return f"<html><head>{meta}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("declared", "encoding"), [("gb2312", "gb18030"), ("GBK", "gbk"), ("big5", "big5"), ("utf-8", "utf-8")]
)
def test_bytes_are_decoded_by_the_page_declaration(declared: str, encoding: str) -> None:
    page = render_html(parse(V2021))
    page = page.replace('<meta charset="utf-8">', f'<meta charset="{declared}">')
    if encoding == "big5":
        page = to_script(page, "traditional")
        assert parse(page.encode("big5", errors="replace")).applications == parse(V2021).applications
        return
    assert parse(page.encode(encoding)).applications == parse(V2021).applications


def test_a_wrong_declaration_falls_back_to_detection() -> None:
    page = render_html(parse(V2021)).replace('<meta charset="utf-8">', '<meta charset="big5">')
    assert parse(page.encode("gb18030")).applications == parse(V2021).applications


def test_format_forces_a_reader_and_an_unknown_one_names_the_valid_ones() -> None:
    page = render_html(parse(V2021))
    assert parse(page, format="html").applications == parse(V2021).applications
    assert parse(page).reader == "html"
    with pytest.raises(ReportNotFoundError):
        parse(page, format="text")  # markup read as plain text has no heading lines
    with pytest.raises(UnknownFormatError, match="html") as raised:
        parse(page, format="docx-nope")
    assert isinstance(raised.value, LookupError)
    assert "text" in raised.value.valid


# Markup ---------------------------------------------------------------------------------


def test_spans_are_expanded_without_copying_values() -> None:
    page = (
        "<table><tr><td rowspan='2'>组</td><td colspan='2'>头</td><td colspan='0'>零</td></tr>"
        "<tr><td>1</td><td rowspan=2>2</td><td>3</td></tr><tr><td>a</td><td>4</td><td>5</td></tr></table>"
    )
    # None: part of another cell (left out of the row); "": below a value (a blank position)
    assert grid_rows(page) == [("组", "头", None, "零"), (None, "1", "2", "3"), ("a", "4", "", "5")]


def test_word_runs_paragraphs_breaks_and_blanks_in_cells() -> None:
    page = (
        "<table><tr><td><p><span>申请人情</span><font face='x'>况</font></p></td>"
        "<td><p>本年新</p><p>制作数量</p></td><td>本年新<br>公开数量</td>"
        "<td><o:p>&nbsp;</o:p></td><td>&nbsp;</td><td><p>1</p><p>2</p></td></tr></table>"
    )
    assert grid_rows(page) == [("申请人情况", "本年新制作数量", "本年新公开数量", "", "", "1 2")]


def test_comments_scripts_styles_and_unclosed_tags() -> None:
    page = (
        "<!-- 一、总体情况 --><script>var a = '<td>9</td>';</script><style>td{color:red}</style>"
        "<p>一、总体情况<p>正文<table><tr><td>规章<td>1<td>2<tr><td>行政许可<td>3</table><div>尾"
    )
    document = read(page)
    assert [document.grids[i].cells for i in sorted(document.grids)] == [("规章", "1", "2"), ("行政许可", "3")]
    assert [line for i, line in enumerate(document.lines) if i not in document.grids] == ["一、总体情况", "正文", "尾"]


def test_tags_are_tokenized_as_browsers_do() -> None:
    page = (
        "<P CLASS=x>一、总体情况</P><p title='a>b' style=\"c>d\">正文&nbsp甲&amp;乙&#x4e00;&unknown;</p>"
        "<script type='text/javascript'>if (a</b) { document.write('<p>假</p>') }</SCRIPT >"
        "<table><tr><TD COLSPAN=\"2\">规章</td><td/><td rowspan='2' colspan=1>1</td></tr></table>"
        "<br/>2 < 3 & 4<!-- <p>注释</p> --><![CDATA[x]]><?php echo 1 ?><p>尾"
    )
    document = read(page)
    assert [document.grids[i].cells for i in sorted(document.grids)] == [("规章", None, "", "1")]  # None: spanned
    lines = [line for i, line in enumerate(document.lines) if i not in document.grids]
    assert lines == ["一、总体情况", "正文 甲&乙一&unknown;", "2 < 3 & 4", "尾"]


def test_an_unclosed_quote_ends_the_tag_at_the_next_bracket() -> None:
    document = read("<p title='unclosed>一、总体情况</p><p>正文")
    assert document.lines == ("一、总体情况", "正文")


@pytest.mark.parametrize(
    "unit",
    ["<a ", "<a b='x", '<a "', "<a '>", "<!--", "<", "&#", "<td colspan='", "</", "<script>"],
)
def test_hostile_markup_is_tokenized_in_one_pass(unit: str) -> None:
    """200,000 repeats of a piece that starts a tag, a quote or a comment and never ends it."""
    page = "<html><p>一、总体情况</p>" + unit * 200_000 + ">"
    assert read(page).lines[0].startswith("一、总体情况")


def test_a_layout_table_holding_the_report_is_read_as_blocks() -> None:
    inner = "<table><tr><td>规章</td><td>1</td></tr></table>"
    page = f"<table><tr><td><p>二、主动公开政府信息情况</p>{inner}</td><td>侧栏</td></tr></table>"
    document = read(page)
    assert [document.grids[i].cells for i in sorted(document.grids)] == [("规章", "1")]
    assert "二、主动公开政府信息情况" in document.lines


def test_a_bold_heading_at_the_start_of_a_paragraph_is_its_own_line() -> None:
    document = read("<p><strong>一、总体情况</strong>本年度，我局…</p><p>二、<b>主动公开</b>政府信息情况</p>")
    assert document.lines == ("一、总体情况", "本年度，我局…", "二、主动公开政府信息情况")


def test_deeply_nested_markup_does_not_recurse() -> None:
    page = "<div>" * 50_000 + "一、总体情况" + "</div>" * 50_000
    assert read(page).lines == ("一、总体情况",)


def test_the_site_metadata_table_and_chrome_are_not_the_report() -> None:
    page = render_html(parse(V2021), chrome=True, word=True, seed=1)
    report = parse(page)
    assert prose(report) == prose(parse(V2021))
    assert [d for d in report.diagnostics if d.severity >= Severity.WARNING] == []


def test_a_page_without_a_report_or_with_only_an_attachment_says_so() -> None:
    with pytest.raises(ReportNotFoundError) as raised:
        parse(_page("<p>首页</p><ul><li><a href='/x.html'>新闻</a></li></ul>"))
    assert "attachment" not in str(raised.value)
    page = _page("<p>2023年政府信息公开工作年度报告</p><p><a href='/files/2023年报.pdf?v=1'>附件下载</a></p>")
    with pytest.raises(ReportNotFoundError, match=r"attachment.*2023年报\.pdf"):
        parse(page)


# Properties -----------------------------------------------------------------------------


@given(report=reports(), word=st.booleans(), chrome=st.booleans(), seed=st.integers(0, 2**16))
def test_rendered_pages_parse_back_to_their_report(report: Report, word: bool, chrome: bool, seed: int) -> None:
    """Every cell, blank cells included, and the metadata come back; prose as paragraphs."""
    page = render_html(report, word=word, chrome=chrome, seed=seed)
    parsed = parse(page.encode("utf-8"))
    assert prose(parsed) == prose(report)
    assert read_from_source(parsed, page) == []


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>", "<br>", "<div>", "</div>", "<span>",
     "<td colspan='3'>", "<td rowspan='99999'>", "<!--", "-->", "<script>", "</script>", "&nbsp;", "&#49;", "<o:p>",
     "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "规章", "1", "23", "<", ">", "&"]
)  # fmt: skip


@given(pieces=st.lists(st.one_of(_TAGS, st.text(max_size=5)), max_size=60))
def test_arbitrary_markup_gives_a_report_or_the_library_error(pieces: list[str]) -> None:
    page = "<html>" + "".join(pieces)
    try:
        report = parse(page)
    except GovinfoReportError:
        return
    assert in_page(report, page) == []


@given(data=st.data())
def test_mutated_real_page_gives_a_report_or_the_library_error(data: st.DataObject) -> None:
    page = real_bytes(PAGE).decode("utf-8")
    start = data.draw(st.integers(0, len(page)))
    stop = data.draw(st.integers(start, min(len(page), start + 400)))
    insert = data.draw(st.sampled_from(["", "<td>", "</table>", "<table>", "</tr><tr>", "<td>7</td>", "<!--"]))
    mutated = page[:start] + insert + page[stop:]
    try:
        report = parse(mutated)
    except GovinfoReportError:
        return
    assert in_page(report, mutated) == []


_SPACES = st.sampled_from([" ", "\n  ", "\t", "\u00a0", "\u200b", "\ufeff", "\u3000", " x "])


@given(pieces=st.lists(st.one_of(_TAGS, _SPACES), max_size=60))
@example(pieces=["规章", "<span>", " ", "<span>", "1"])
def test_white_space_alone_between_tags_reads_as_the_text_token_it_was(pieces: list[str]) -> None:
    # ``space`` tokens are read as one shared piece; the page must read as when they were text
    from govinfo_report.readers import html

    page = "<html><body><p>" + "".join(pieces)
    as_text = re.compile(html._TOKEN.pattern.split("|", 1)[1], html._TOKEN.flags)
    assert html._TOKEN.pattern.startswith("(?P<space>")
    read = HtmlReader().read(page)
    with mock.patch.object(html, "_TOKEN", as_text):
        expected = HtmlReader().read(page)
    assert (read.lines, read.segments, read.grids, read.paths) == (
        expected.lines,
        expected.segments,
        expected.grids,
        expected.paths,
    )


_CAPTIONED = st.sampled_from(
    ["<table>", "</table>", "<caption>", "</caption>", "<tr>", "<td>", "</td>", "</tr>", "规章", "1", "<p>", " "]
)


@given(pieces=st.lists(_CAPTIONED, max_size=40))
@example(pieces=["<table>", "<caption>", "规章", "</caption>", "<tr>", "<td>", "1"])
@example(pieces=["<table>", "<tr>", "<td>", "<caption>", "规章", "</caption>", "1"])
def test_a_table_is_searched_for_captions_only_when_one_was_opened_in_it(pieces: list[str]) -> None:
    from govinfo_report.readers import html

    page = "<html><body>" + "".join(pieces)

    class Searched(html._Element):
        @property
        def has_caption(self) -> bool:
            return True  # every table searched, as before the mark

        @has_caption.setter
        def has_caption(self, value: bool) -> None:
            pass

    read = HtmlReader().read(page)
    with mock.patch.object(html, "_Element", Searched):
        expected = HtmlReader().read(page)
    assert (read.lines, read.segments, read.grids) == (expected.lines, expected.segments, expected.grids)


def _tree_from_tokens(text: str) -> tuple[object, ...]:
    """Build the page's tree from ``tokens(text)`` as the builder first did, and lay it out as lines."""
    from govinfo_report.readers import html

    builder = html._TreeBuilder(text)
    for match in html.tokens(text):
        kind = match.lastgroup
        if kind in ("space", "text"):
            if not builder.skipping:
                start, stop = match.span()
                builder.stack[-1].children.append((match.group(), start, stop, True))
        elif kind == "start":
            name, attributes, loose = match.group("name", "attrs", "loose")
            tag = name.lower()
            if tag in html._RUNS:
                continue
            attributes = loose if attributes is None else attributes
            wanted = html._ATTRIBUTED.get(tag)
            parsed = html._attributes(attributes) if wanted and wanted in attributes.lower() else []
            if attributes.endswith("/"):
                builder.handle_startendtag(tag, parsed)
            else:
                builder.handle_starttag(tag, parsed)
        elif kind == "end":
            tag = match.group("end_name").lower()
            if tag not in html._TRANSPARENT:
                builder.handle_endtag(tag)
        elif kind == "reference":
            builder._reference(match.group(), match.start())
        elif kind == "stray":
            builder.handle_data(match.group(), match.start())
    return _laid_out(builder.root)


def _laid_out(root: object) -> tuple[object, ...]:
    from govinfo_report.readers import html

    blocks = html._Blocks()
    blocks.walk(root)  # type: ignore[arg-type]
    blocks.flush()
    return (blocks.lines, blocks.segments, blocks.grids, blocks.paths)


_RAW = st.sampled_from(
    ["<script>", "</script>", "<style>", "</STYLE>", "<script/>", "<ScRiPt a='>'>", "</script", "</scriptx>",
     "<p>", "</p>", "<td>", "<table>", "规章", "1", " ", "&amp;", "<!--", "-->", ">", "<", "x"]
)  # fmt: skip


@given(pieces=st.lists(_RAW, max_size=30))
@example(pieces=["<p>", "规章", "<script>", "<p>", "x", "</script>", "1"])
@example(pieces=["<p>", "规章", "<style>", "1", "</STYLE", ">", "x"])
def test_the_builder_reads_the_tokens_that_tokens_yields(pieces: list[str]) -> None:
    from govinfo_report.readers import html

    page = "<html><body>" + "".join(pieces)
    assert _laid_out(html._TreeBuilder(page).build()) == _tree_from_tokens(page)
