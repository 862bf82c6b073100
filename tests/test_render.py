"""Renderers and the round-trip properties: parse(render(r)) carries r, in every layout and script.

What each rendering can carry, compared with ``govinfo_report.testing.content``: every cell,
the metadata (title, organization, year, signing date, template, script) and the text of the
sections without a table. Not compared: diagnostics (they describe the text, not the
report), section line numbers (they depend on the layout), and the text of sections 二, 三
and 四, which *is* the table as printed. Script conversion is compared through
``as_rendered`` (the texts written in that script). Losses, where a layout has them, are
stated in each test.
"""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report.testing
from govinfo_report import Parser, Report, Severity, TemplateVersion, cells, parse, records
from govinfo_report.errors import RenderError, UnknownLayoutError
from govinfo_report.render import render, table_rows, to_script
from govinfo_report.render.grid import CellStyle
from govinfo_report.template import tables
from govinfo_report.testing import as_rendered, content, reports, same_content
from govinfo_report.tokenizers import Tokenizer, TokenRow
from govinfo_report.tokenizers.registry import default_tokenizers

from .conftest import SEEDS, seed_text

SCRIPTS = ("simplified", "traditional", "taiwan")
DELIMITED = ("pipe", "tab", "wrapped")


def detected(report: Report) -> dict[str, str]:
    """Table key → the tokenizer named by its layout-detected diagnostic."""
    return {d.table: d.message.split("'")[1] for d in report.diagnostics if d.code == "layout-detected" and d.table}


def problems(report: Report) -> list[str]:
    return [f"{d.code}: {d.message}" for d in report.diagnostics if d.severity >= Severity.WARNING]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("layout", DELIMITED)
@given(report=reports())
def test_delimited_layouts_round_trip_exactly(layout: str, script: str, report: Report) -> None:
    """Pipe, tab and wrapped carry everything, blank cells included; detection names the layout.

    Table 三 is always detected as rendered. In 二 and 四 (labels with no enumeration marker)
    an all-blank row right after a numbered row looks like a wrapped label's continuation,
    so ``wrapped`` may win there, and alignment splits the joined label (``label-split``);
    the cells are the same either way. 四's labels are too short to wrap, so a wrapped
    rendering of it reads as ``tab``.
    """
    parsed = parse(render(report, layout=layout, script=script))
    assert content(parsed) == content(as_rendered(report, script))
    assert problems(parsed) == []
    assert set(detected(parsed).values()) <= {layout, "tab" if layout == "wrapped" else "wrapped"}
    assert detected(parsed)["applications"] == layout


@pytest.mark.parametrize("script", SCRIPTS)
@given(report=reports())
def test_spaced_layout_round_trips_exactly(script: str, report: Report) -> None:
    """Space-separated cells, a dash for an empty one: everything comes back, by position."""
    parsed = parse(render(report, layout="spaced", script=script))
    assert content(parsed) == content(as_rendered(report, script))
    assert problems(parsed) == []
    assert detected(parsed)["applications"] == "spaced"


@pytest.mark.parametrize("script", SCRIPTS)
@given(report=reports(blanks=False))
def test_lines_layout_round_trips_a_report_without_blanks(script: str, report: Report) -> None:
    """One cell per line loses every empty cell (see the collapsed property); filled ones come back."""
    parsed = parse(render(report, layout="lines", script=script))
    assert same_content(parsed, as_rendered(report, script))
    assert set(detected(parsed).values()) == {"lines"}


DAMAGE = [
    {"full_width": True},
    {"thousands": True},
    {"spaced_labels": True},
    {"groups": "own"},
    {"groups": "numbers"},
    {"noise": True},
    {"money": "cell-wan"},
    {"money": "cell-yuan"},
    {"money": "header-yuan"},
    {"money": "bare"},
    {"wrap": 5},
    {"wrap": 7, "page_breaks": True},
    {"full_width": True, "thousands": True, "spaced_labels": True, "groups": "numbers", "noise": True},
]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda d: ",".join(f"{k}={v}" for k, v in d.items()))
@given(report=reports(), layout=st.sampled_from(["pipe", "tab"]), script=st.sampled_from(SCRIPTS))
def test_damage_that_keeps_the_information_round_trips(
    damage: dict[str, object], layout: str, script: str, report: Report
) -> None:
    parsed = parse(render(report, layout=layout, script=script, **damage))  # type: ignore[arg-type]
    assert content(parsed) == content(as_rendered(report, script))
    allowed = {"money-unit-assumed"} if damage.get("money") == "bare" else set()
    assert {d.code for d in parsed.diagnostics if d.severity >= Severity.WARNING} <= allowed
    amounts = [c.value for c in cells(report) if c.column == "amount" and c.value is not None]
    if damage.get("money") == "bare" and amounts:
        assert any(d.code == "money-unit-assumed" for d in parsed.diagnostics)
    if "wrap" in damage:
        assert detected(parsed)["applications"] == "wrapped"


@given(report=reports(), layout=st.sampled_from(["pipe", "tab", "lines"]))
def test_collapsed_rows_read_only_what_the_identities_determine(layout: str, report: Report) -> None:
    """Dropping empty cells loses their columns: a cell gets a number only where every
    placement the identities allow (within the row, then across rows) agrees, and that
    number is the true one; a cell the source no longer determines is blank with
    ``cell-ambiguous`` naming the true value among its candidates, or its row is blank
    with ``row-ambiguous``; a row that was full comes back exactly.
    """
    parsed = parse(render(report, layout=layout, collapse=True))
    assert parsed.template is report.template
    candidates = {
        (d.table, d.row, d.column): {c.value for c in d.cells} for d in parsed.diagnostics if d.code == "cell-ambiguous"
    }
    ambiguous_rows = {(d.table, d.row) for d in parsed.diagnostics if d.code == "row-ambiguous"}
    original = {(c.table, c.row, c.column): c.value for c in cells(report)}
    got = {(c.table, c.row, c.column): c.value for c in cells(parsed)}
    for where, value in got.items():
        if value is not None:
            assert value == original[where], where  # nothing invented, nothing moved
        elif original[where] is not None:
            assert where in candidates or where[:2] in ambiguous_rows, where
            if where in candidates:
                assert original[where] in candidates[where]
    for table, row in {where[:2] for where in original}:
        before = {w: v for w, v in original.items() if w[:2] == (table, row)}
        if all(v is not None for v in before.values()) and table != "reviews":
            assert {w: got[w] for w in before} == before


@given(report=reports(), layout=st.sampled_from(DELIMITED), script=st.sampled_from(SCRIPTS))
def test_cells_of_the_parsed_rendering_are_the_cells_of_the_report(layout: str, script: str, report: Report) -> None:
    assert list(cells(parse(render(report, layout=layout, script=script)))) == list(cells(report))


@given(report=reports(broken=True), layout=st.sampled_from(DELIMITED))
def test_broken_totals_are_reported_never_fixed(layout: str, report: Report) -> None:
    parsed = parse(render(report, layout=layout))
    assert list(cells(parsed)) == list(cells(report))
    codes = {d.code for d in parsed.diagnostics if d.severity is Severity.ERROR}
    assert "identity-r3" in codes


@given(report=reports(missing_tables=True), layout=st.sampled_from(DELIMITED))
def test_missing_tables_stay_missing_and_are_named(layout: str, report: Report) -> None:
    parsed = parse(render(report, layout=layout))
    for key in ("active_disclosure", "reviews"):
        assert (getattr(parsed, key) is None) == (getattr(report, key) is None)
        if getattr(report, key) is None:
            assert any(d.code == "table-missing" and d.table == key for d in parsed.diagnostics)


@given(report=reports(), layout=st.sampled_from(["pipe", "tab", "wrapped", "lines"]), seed=st.integers(0, 2**32))
def test_detection_does_not_depend_on_registry_order(layout: str, seed: int, report: Report) -> None:
    text = render(report, layout=layout)
    shuffled = list(default_tokenizers())
    random.Random(seed).shuffle(shuffled)
    assert Parser(tokenizers=shuffled).parse(text) == parse(text)
    assert Parser(tokenizers=list(reversed(default_tokenizers()))).parse(text) == parse(text)


@given(
    st.text(max_size=400)
    | st.lists(st.sampled_from(["|", "\t", "\n", "1", "一、", "息", " ", "第二十条"])).map("".join)
)
def test_score_and_tokenize_never_raise(text: str) -> None:
    lines = text.split("\n")
    for tokenizer in default_tokenizers():
        assert 0.0 <= float(tokenizer.score(lines)) <= 1.0
        rows = tokenizer.tokenize(lines)
        assert all(isinstance(row, TokenRow) for row in rows)


@pytest.mark.parametrize("version", list(TemplateVersion))
@pytest.mark.parametrize("layout", ["pipe", "tab"])
def test_tokenizers_read_back_the_rows_they_render(version: TemplateVersion, layout: str) -> None:
    tokenizer = next(t for t in default_tokenizers() if t.name == layout)
    for spec in tables(version):
        table = records.build(spec, {})
        rows = table_rows(spec, table, CellStyle())
        rows = [[cell or "" for cell in row] for row in rows]
        back = [list(row.cells) for row in tokenizer.tokenize(tokenizer.render(rows))]
        assert back == [[c.strip() for c in row] for row in rows]


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("layout", ["pipe", "tab", "wrapped"])
def test_real_reports_survive_a_re_rendering(stem: str, layout: str) -> None:
    """Seeds re-rendered in a clean layout parse to the same cells and metadata.

    Lost: the lines between the title and the first heading, which a Report does not keep;
    seed 000 names its organization only there (高新區(新市區)政府), so its title alone
    reads back as 高新區(新市區). Compared: the organization wherever it was not read there.
    """
    original = parse(seed_text(stem))
    again = parse(render(original, layout=layout))
    assert list(cells(again)) == list(cells(original))
    assert (again.title, again.year, again.published, again.template, again.script) == (
        original.title,
        original.year,
        original.published,
        original.template,
        original.script,
    )
    if stem != "000_fb35a360553c7541":
        assert again.organization == original.organization
    without_table = [s for s in original.sections if getattr(original, s.key or "", None) is None]
    assert [s.text for s in again.sections if s in without_table or s.key in {u.key for u in without_table}] == [
        s.text for s in without_table
    ]


def test_render_refuses_what_it_cannot_write() -> None:
    report = parse(seed_text(SEEDS[0]))
    with pytest.raises(UnknownLayoutError, match="pipe"):
        render(report, layout="nope")
    with pytest.raises(RenderError, match="group style"):
        render(report, groups="sideways")
    with pytest.raises(RenderError, match="money style"):
        render(report, money="dollars")
    with pytest.raises(RenderError, match="script"):
        render(report, script="klingon")
    with pytest.raises(RenderError, match="wrap"):
        render(report, wrap=0)

    class ReadOnly(Tokenizer):
        name = "read-only"

        def score(self, lines: object) -> float:
            return 0.0

        def tokenize(self, lines: object) -> list[TokenRow]:
            return []

    parser = Parser(tokenizers=[*default_tokenizers(), ReadOnly()])
    with pytest.raises(RenderError, match="no renderer"):
        render(report, layout="read-only", registry=parser.registry)
    assert not ReadOnly().can_render
    assert all(t.can_render for t in default_tokenizers())


def test_render_normalises_a_messy_report_into_clean_tab_text() -> None:
    """The use on its own: seed 000 (collapsed pipe rows, traditional) → clean tab text."""
    original = parse(seed_text(SEEDS[0]))
    text = render(original, layout="tab")
    assert "\t" in text
    assert "|" not in text.split("三、", 1)[1].split("五、", 1)[0]
    assert to_script("政府信息公开", "traditional") == "政府信息公開"
    assert to_script("政府信息公开", "taiwan") == "政府資訊公開"


@given(report=reports())
def test_strategies_are_usable_from_the_public_module(report: Report) -> None:
    assert govinfo_report.testing.reports is reports
    assert report.diagnostics == ()
    assert attrs.evolve(report) == report
