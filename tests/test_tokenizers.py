from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.errors import GovinfoReportError, UnknownLayoutError
from govinfo_report.render import render
from govinfo_report.tokenizers import (
    LinesTokenizer,
    PipeTokenizer,
    Registry,
    TabTokenizer,
    Tokenizer,
    TokenRow,
    WrappedTokenizer,
    default_tokenizers,
)
from govinfo_report.tokenizers.base import (
    CellSpan,
    DelimitedTokenizer,
    PackedSpans,
    is_separator,
    split_delimited,
    split_located,
)

from .conftest import SEEDS, seed_text


def test_pipe_splits_cells_and_drops_rules() -> None:
    rows = PipeTokenizer().tokenize(["(七)總計 | 7 | 7 | | |", "---|---|---", "", "規章 | 0"])
    assert rows == [TokenRow(("(七)總計", "7", "7", "", "", ""), 0), TokenRow(("規章", "0"), 3)]


def test_tab_keeps_leading_empty_cells() -> None:
    rows = TabTokenizer().tokenize(["\t\t2. 其他\t0\t1", "-------------\t---\t---"])
    assert rows == [TokenRow(("", "", "2. 其他", "0", "1"), 0)]


def test_lines_groups_numbers_under_the_label_above() -> None:
    rows = LinesTokenizer().tokenize(["規章", "0", " 0", "", "規範性檔案", "21", "1454464元", "信息內容"])
    assert rows == [
        TokenRow(("規章", "0", "0"), 0),
        TokenRow(("規範性檔案", "21", "1454464元"), 4),
        TokenRow(("信息內容",), 7),
    ]


def test_wrapped_joins_continuation_fragments_after_page_breaks() -> None:
    lines = [
        "\t\t5. 属于三类内部事务信\t0\t0\t0",
        "",
        "\t息\t\t\t",
        "\t3. 要求提\t1\t0\t1",
        "",
        "\t供公 开出 版物\t\t\t",
        "第二十条第（五）项\t\t\t",
    ]
    rows = WrappedTokenizer().tokenize(lines)
    assert [r.cells[:3] for r in rows] == [
        ("", "", "5. 属于三类内部事务信息"),
        ("", "3. 要求提供公 开出 版物", "1"),
        ("第二十条第（五）项", "", ""),
    ]
    assert [r.line for r in rows] == [0, 3, 6]


def test_wrapped_scores_only_when_fragments_exist() -> None:
    plain = ["行政许可\t299\t136\t10,022", "行政处罚\t1\t2\t3"]
    wrapped = ["5. 属于三类内部事务信\t0\t0", "", "\t息\t"]
    assert WrappedTokenizer().score(plain) == 0.0
    assert WrappedTokenizer().score(wrapped) > TabTokenizer().score(wrapped)


@pytest.mark.parametrize(
    ("stem", "layouts"),
    [
        (SEEDS[0], {"active_disclosure": "pipe", "applications": "pipe", "reviews": "pipe"}),
        (SEEDS[1], {"active_disclosure": "lines", "applications": "lines", "reviews": "lines"}),
        (SEEDS[2], {"active_disclosure": "tab", "applications": "wrapped", "reviews": "tab"}),
        (SEEDS[3], {"active_disclosure": "pipe", "applications": "pipe", "reviews": "pipe"}),
        (SEEDS[4], {"applications": "pipe"}),
    ],
)
def test_detection_on_each_seed_table(stem: str, layouts: dict[str, str]) -> None:
    report = govinfo_report.parse(seed_text(stem))
    found = {d.table: d.message.split("'")[1] for d in report.diagnostics if d.code == "layout-detected" and d.table}
    assert found == layouts


def test_detection_does_not_depend_on_registry_order() -> None:
    tokenizers = list(default_tokenizers())
    texts = [seed_text(stem).split("\n") for stem in SEEDS]
    expected = [Registry(tokenizers).detect(lines) for lines in texts]
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(tokenizers)
        assert [Registry(tokenizers).detect(lines) for lines in texts] == expected
        tokenizers.reverse()
        assert [type(t) for t in map(Registry(tokenizers).detect, texts)] == [type(t) for t in expected]


def test_unknown_layout_lists_valid_names() -> None:
    with pytest.raises(UnknownLayoutError) as info:
        govinfo_report.parse(seed_text(SEEDS[0]), layout="csv")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, GovinfoReportError)
    assert "lines, pipe, spaced, tab, wrapped" in str(info.value)


def test_forced_layout_by_alias() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[0]), layout="PIPES")
    assert report.applications is not None
    assert report.applications.total.total == 7


class _Broken(Tokenizer):
    name = "broken"

    def score(self, lines: Sequence[str]) -> float:
        raise RuntimeError("bug in a plugin")

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        return []


class _Junk(_Broken):
    name = "junk"

    def score(self, lines: Sequence[str]) -> float:
        return float("nan")


def test_a_scorer_that_raises_or_returns_junk_counts_as_zero() -> None:
    registry = Registry([*default_tokenizers(), _Broken(), _Junk()])
    scores = {t.name: s for s, t in registry.scores(seed_text(SEEDS[0]).split("\n"))}
    assert scores["broken"] == 0.0
    assert scores["junk"] == 0.0
    assert registry.detect(seed_text(SEEDS[0]).split("\n")).name == "pipe"  # type: ignore[union-attr]


def test_name_collisions_are_refused() -> None:
    class Again(_Broken):
        name = "pipe"

    with pytest.raises(ValueError, match="claimed twice"):
        Registry([PipeTokenizer(), Again()])


_SPANS = st.lists(st.none() | st.tuples(st.integers(0, 500), st.integers(0, 80), st.integers(0, 80)), max_size=12)


@given(_SPANS, st.integers(-14, 14), st.integers(-14, 14))
def test_packed_spans_read_as_the_tuple_they_pack(spans: list[CellSpan | None], start: int, stop: int) -> None:
    # Token rows hold their spans packed (one tuple of offsets); every way of reading
    # them must give what the tuple of spans gives.
    packed, expected = PackedSpans(spans), tuple(spans)
    assert len(packed) == len(expected)
    assert tuple(packed) == expected
    assert packed == expected
    assert packed == PackedSpans(spans)
    assert repr(packed) == repr(expected)
    assert tuple(packed[start:stop]) == expected[start:stop]
    assert tuple(packed[::-1]) == expected[::-1]
    for index in range(-len(expected), len(expected)):
        assert packed[index] == expected[index]
    with pytest.raises(IndexError):
        packed[len(expected)]
    assert bool(packed) is bool(expected)


def test_split_located_packs_the_spans_of_one_line() -> None:
    cells, spans = split_located("| 规章 | 3 |", 7, regex.compile(r"\|"))
    assert cells == ["", "规章", "3", ""]
    assert isinstance(spans, PackedSpans)
    assert spans == ((7, 0, 0), (7, 2, 4), (7, 7, 8), (7, 10, 10))


@given(
    st.text(alphabet=st.sampled_from(" \t|,，　\u00a0\u3000\n0123规章总计"), max_size=40),
    st.sampled_from(["\t", "|", ",", "，", " | ", "||"]),
    st.integers(0, 99),
)
def test_split_delimited_is_split_located_on_the_escaped_delimiter(line: str, delimiter: str, index: int) -> None:
    cells, spans = split_delimited(line, index, delimiter)
    expected_cells, expected_spans = split_located(line, index, regex.compile(regex.escape(delimiter)))
    assert (cells, list(spans)) == (expected_cells, list(expected_spans))


@pytest.mark.parametrize("delimiter", ["", None, 3])
def test_a_delimited_tokenizer_with_no_delimiter_is_refused_when_defined(delimiter: object) -> None:
    with pytest.raises(TypeError, match="delimiter must be a non-empty string"):
        type("Broken", (DelimitedTokenizer,), {"name": "broken", "delimiter": delimiter})


def test_a_delimited_tokenizer_subclass_may_inherit_its_delimiter() -> None:
    class Semicolon(DelimitedTokenizer):
        name = "semicolon"
        delimiter = ";"

    class Child(Semicolon):
        name = "child"

    assert Child.delimiter == ";"
    assert [row.cells for row in Child().tokenize(["规章;3"])] == [("规章", "3")]


# The definition ``is_separator`` had: a fullmatch of this class (``\s`` as ``regex`` reads it).
_RULE_LINE_RE = regex.compile(r"[\s|\-=_—+:：]*")


def test_is_separator_is_the_rule_pattern_on_every_character() -> None:
    differ = [
        code for code in range(0x110000) if is_separator(chr(code)) != (_RULE_LINE_RE.fullmatch(chr(code)) is not None)
    ]
    assert differ == []


@given(st.text(alphabet=st.sampled_from(" \t\u3000\xa0\x1c|-=_—+:：-—0一a"), max_size=20))
def test_is_separator_is_the_rule_pattern(line: str) -> None:
    assert is_separator(line) == (_RULE_LINE_RE.fullmatch(line) is not None)


@given(st.lists(st.text(alphabet=" \t|:-—a", max_size=14), max_size=4))
def test_is_markdown_is_a_rule_line_among_them(lines: list[str]) -> None:
    # is_markdown asks the rule pattern only of lines with three dashes in a row
    from govinfo_report.tokenizers.base import _MARKDOWN_RULE, is_markdown

    assert is_markdown(lines) == any(_MARKDOWN_RULE.fullmatch(line) for line in lines)


@given(st.text(alphabet=" \t|｜a一\u3000", max_size=10))
def test_glued_layout_sees_the_other_layouts_delimiters(line: str) -> None:
    from govinfo_report.tokenizers.glued import _delimited

    assert _delimited(line) == (regex.search(r"[|\t｜]| {2,}", line) is not None)


def _wrapped_score_row_by_row(lines: list[str]) -> float:
    """``WrappedTokenizer.score`` as first written: whether a row has a label asked of every row."""
    from govinfo_report.normalize import is_value

    tokenizer = WrappedTokenizer()
    delimiter = tokenizer._delimiter(lines)
    if delimiter is None:
        return 0.0
    previous_has_label = False
    for line in lines:
        if is_separator(line):
            continue
        cells = [cell.strip() for cell in line.split(delimiter)]
        if previous_has_label and tokenizer._fragment(cells) is not None:
            return 0.95
        previous_has_label = any(cell and not is_value(cell) for cell in cells) and any(is_value(c) for c in cells)
    return 0.0


_PIECES = st.sampled_from(["\t", "|", " ", "-", "12", "0", "属于", "信息", "（一）", "#", "五、"])


@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=8))
def test_wrapped_score_asks_of_the_row_above_only_under_a_fragment(lines: list[str]) -> None:
    assert WrappedTokenizer().score(lines) == _wrapped_score_row_by_row(lines)


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("wrap", [None, 6])
def test_wrapped_score_of_a_seed_is_the_row_by_row_score(stem: str, wrap: int | None) -> None:
    lines = render(govinfo_report.parse(seed_text(stem)), layout="tab", wrap=wrap).splitlines()
    assert WrappedTokenizer().score(lines) == _wrapped_score_row_by_row(lines)


def test_the_spaced_tokens_are_what_regex_reads_as_non_space_runs() -> None:
    # ``_TOKEN_RE`` is ``\S+`` written for the standard library's engine: over all of Unicode
    # the same characters are white space
    import sys

    from govinfo_report.tokenizers import builtin

    regex_space = regex.compile(r"\s")
    differ = [
        code
        for code in range(sys.maxunicode + 1)
        if (builtin._TOKEN_RE.fullmatch(chr(code)) is None) != (regex_space.fullmatch(chr(code)) is not None)
    ]
    assert differ == []
    line = "（一）\u3000予以公开  12 \x1c 3\t—"
    assert [m.span() for m in builtin._TOKEN_RE.finditer(line)] == [m.span() for m in regex.finditer(r"\S+", line)]


def test_str_split_and_regex_disagree_on_white_space_only_at_the_information_separators() -> None:
    import sys

    from govinfo_report.normalize import WHITE_SPACE
    from govinfo_report.tokenizers import builtin

    differ = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() != (c in WHITE_SPACE))
    assert [builtin._SPLIT_ONLY_SPACE.fullmatch(c) is not None for c in differ] == [True] * 4
    assert differ == "\x1c\x1d\x1e\x1f"


@given(st.text(alphabet=st.sampled_from(" \t\n\x0b\x1c\x1f\x85\xa0\u1680\u2028\u3000\u180e12规章-—"), max_size=30))
def test_token_spans_are_the_non_space_runs_regex_finds(line: str) -> None:
    from govinfo_report.tokenizers import builtin

    assert builtin._token_spans(line) == [m.span() for m in regex.finditer(r"\S+", line)]


def _lines_rows_by_definition(lines: Sequence[str]) -> list[TokenRow]:
    # the tokenizer as first written: a span from lstrip and rstrip, a row from a list of spans
    from govinfo_report.normalize import is_value

    rows: list[TokenRow] = []
    cells: list[str] = []
    spans: list[CellSpan | None] = []
    start = empty = 0
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            empty += 1
            continue
        span = (index, len(line) - len(line.lstrip()), len(line.rstrip()))
        if is_value(text) and cells:
            cells += [""] * empty + [text]
            spans += [None] * empty + [span]
            empty = 0
            continue
        if cells:
            rows.append(TokenRow(tuple(cells), start, tuple(spans)))
        cells, spans, start, empty = [text], [span], index, 0
    if cells:
        rows.append(TokenRow(tuple(cells), start, tuple(spans)))
    return rows


@given(st.lists(st.lists(st.sampled_from([" ", "\u3000", "0", "12", "规章", "元", "\x1c"]), max_size=4).map("".join)))
def test_lines_rows_and_spans_are_their_definition(lines: list[str]) -> None:
    rows = LinesTokenizer().tokenize(lines)
    expected = _lines_rows_by_definition(lines)
    assert rows == expected
    assert [list(row.spans) for row in rows] == [list(row.spans) for row in expected]


def _wrapped_score_by_cells(tokenizer: WrappedTokenizer, lines: Sequence[str]) -> float:
    """``WrappedTokenizer.score`` as it was defined: every line cut into stripped cells."""
    from govinfo_report.tokenizers.builtin import _labelled_row

    delimiter = tokenizer._delimiter(lines)
    if delimiter is None:
        return 0.0
    previous: list[str] | None = None
    for line in lines:
        if is_separator(line):
            continue
        cells = [cell.strip() for cell in line.split(delimiter)]
        if previous is not None and tokenizer._fragment(cells) is not None and _labelled_row(previous):
            return 0.95
        previous = cells
    return 0.0


_WRAPPED_PIECES = st.sampled_from(
    ["|", "\t", " ", "\u3000", "\x1c", "\x1f", "\x85", "\xa0", "-", "12", "0", "息", "其他", "(一)", "1.", "#", "结果"]
)


@given(st.lists(st.lists(_WRAPPED_PIECES, max_size=8).map("".join), max_size=6))
@example(["其他|12", "\u3000|息\x1f|"])  # a fragment
@example(["其他|12", "息|结果"])  # two filled cells: no fragment
def test_the_wrapped_score_finds_a_fragment_as_cutting_lines_into_cells_does(lines: list[str]) -> None:
    # the score reads a line's one filled cell without cutting it into cells
    tokenizer = WrappedTokenizer()
    assert tokenizer.score(lines) == _wrapped_score_by_cells(tokenizer, lines)


def test_str_strip_strips_what_the_wrapped_score_strips() -> None:
    import sys

    from govinfo_report.tokenizers.builtin import _STRIPPED

    assert sorted(_STRIPPED) == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
