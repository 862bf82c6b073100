from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import metadata
from govinfo_report.normalize import Money, fold, is_blank, label_key, parse_count, parse_money, to_wan


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), (" 0", 0), ("10,022", 10022), ("1,478", 1478), ("-3", -3), ("－21", -21), ("１２", 12), ("+5", 5)],
)
def test_counts(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    "text",
    ["", " ", "1.5", "10,02", "abc", "1 2 3a", "7萬元", "9" * 50, "4 0 0 0 0 0 4", "72   64", "1 ,000", "10, 022"],
)
def test_not_counts(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("1372.16萬元", Decimal("1372.16"), Money.WAN),
        ("1454464元", Decimal("1454464"), Money.YUAN),
        ("49533.4728", Decimal("49533.4728"), Money.NONE),
        ("1,234.5 万元", Decimal("1234.5"), Money.WAN),
        ("3万", Decimal("3"), Money.WAN),
    ],
)
def test_money(text: str, amount: Decimal, unit: str) -> None:
    assert parse_money(text) == (amount, unit)


@pytest.mark.parametrize("text", ["4 0", "3. 5", "12 万元 3", "1 234.5"])
def test_digits_separated_by_spaces_are_never_one_amount(text: str) -> None:
    assert parse_money(text) is None


def test_yuan_become_wan_exactly() -> None:
    assert to_wan(Decimal("1454464"), Money.YUAN) == Decimal("145.4464")
    assert str(to_wan(Decimal("1"), Money.YUAN)) == "0.0001"
    assert to_wan(Decimal("12.5"), Money.WAN) == Decimal("12.5")


def test_blank_is_not_zero() -> None:
    assert is_blank("")
    assert is_blank(" ")
    assert is_blank("—")
    assert is_blank("/")
    assert not is_blank("0")


def test_fold_handles_taiwan_words_and_width() -> None:
    assert fold("規範性檔案") == "规范性文件"
    assert fold("入口網站最佳化") == "门户网站优化"
    assert fold("（一）") == "(一)"
    assert fold("「三安全一穩定」") == "“三安全一稳定”"


@pytest.mark.parametrize(
    "text",
    ["（三）不予公开", "(三) 不予 公開", "(三)不予公開", "三、不予公开", " 不 予 公 开 "],
)
def test_label_key_ignores_script_space_markers_and_punctuation(text: str) -> None:
    assert label_key(text) == "不予公开"


def test_the_fold_skips_nfkc_only_where_nfkc_would_change_nothing() -> None:
    # fold() normalises to NFKC only when fold_chars leaves a text that is not in NFKC;
    # that is exact because no code point folds into NFKC form unless NFKC-then-fold agrees.
    import sys
    import unicodedata

    from govinfo_report.normalize import fold_chars

    wrong = []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        folded = fold_chars(char)
        if unicodedata.is_normalized("NFKC", folded) and fold_chars(unicodedata.normalize("NFKC", char)) != folded:
            wrong.append(f"U+{code:04X}")
    assert wrong == []
    assert fold("（三）不予公開①") == "(三)不予公开1"


@given(
    lines=st.lists(st.text(alphabet="國国這这abc ", max_size=30), max_size=20),
    sample=st.integers(1, 60),
    chunk=st.integers(1, 40),
)
def test_script_of_lines_is_the_script_of_their_joined_text(lines: list[str], sample: int, chunk: int) -> None:
    # a short sample and short chunks: the cuts fall inside lines
    with mock.patch.object(metadata, "SCRIPT_SAMPLE", sample), mock.patch.object(metadata, "_SCRIPT_CHUNK", chunk):
        assert metadata.detect_script_of_lines(lines) == metadata.detect_script("\n".join(lines))


def test_has_traditional_is_a_traditional_count_above_zero_over_all_of_unicode() -> None:
    import sys

    from govinfo_report import normalize

    differ = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if normalize.has_traditional(chr(code)) != (normalize.script_counts(chr(code))[0] > 0)
    ]
    assert differ == []


@given(st.text(alphabet="國国這这abc\U00020000 ", max_size=30))
def test_detect_script_is_the_larger_count(text: str) -> None:
    from govinfo_report import normalize
    from govinfo_report.schema import Script

    traditional, simplified = normalize.script_counts(text)
    expected = Script.TRADITIONAL if traditional > simplified else Script.SIMPLIFIED
    assert metadata.detect_script(text) == expected
    assert metadata.detect_script_of_lines(text.split(" ")) == metadata.detect_script(text.replace(" ", "\n"))


def test_the_translation_lists_translate_every_code_point_as_their_tables() -> None:
    # fold_chars and script_counts translate with lists indexed by code point (faster than
    # a dict); over all of Unicode, surrogates included, they must say what the dicts say.
    import sys

    from govinfo_report import normalize

    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert normalize.fold_chars(everything) == everything.translate(normalize._CHAR_TABLE)
    marked = everything.translate(normalize._TO_MARK)
    counts = (marked.count("\x00") - everything.count("\x00"), marked.count("\x01") - everything.count("\x01"))
    assert normalize.script_counts(everything) == counts
    assert counts[0] > 2000
    assert counts[1] > 2000
    bmp_only = "".join(map(chr, range(0x10000)))
    assert normalize.script_counts(bmp_only)[1] == counts[1] - len(normalize._ASTRAL_MARKS)


@pytest.mark.parametrize("chars", ["一二三四五六", "、", "年0", "\t \u3000", "國"])
def test_unfolded_is_every_character_that_folds_into_the_set(chars: str) -> None:
    import sys

    from govinfo_report.normalize import WHITE_SPACE, fold_chars, unfolded

    chars = chars if chars.strip() else WHITE_SPACE
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    expected = "".join(c for c, f in zip(everything, fold_chars(everything), strict=True) if f in chars)
    assert unfolded(chars) == expected


def _find_all(text: str, needle: str) -> list[int]:
    """Where ``needle`` is in ``text``, one occurrence after another (as ``str.count`` counts them)."""
    found, at = [], text.find(needle)
    while needle and at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle))
    return found


@given(
    text=st.text(alphabet="區区兴興國国１1 \u3000.[]^-\\年", max_size=40),
    needle=st.text(alphabet="区兴国1 .[]^-\\年", min_size=1, max_size=4),
)
def test_folded_pattern_finds_what_the_folded_text_has(text: str, needle: str) -> None:
    import re

    from govinfo_report.normalize import fold_chars, folded_pattern

    assert [m.start() for m in re.finditer(folded_pattern(needle), text)] == _find_all(fold_chars(text), needle)


def test_the_overviews_subject_is_a_name_the_text_says_twice_in_either_script() -> None:
    paragraph = "2022年，興慶區堅持以人民為中心"
    assert metadata.organization_from_body(paragraph, paragraph + "\n兴庆区人民政府办公室") == "興慶區"
    assert metadata.organization_from_body(paragraph, paragraph + "\n本机关") is None


def test_the_fold_keeps_digits_digits_and_other_characters_other() -> None:
    # what metadata._unfolded_year relies on to keep \d as it is on the unfolded text
    import regex

    from govinfo_report.normalize import _CHAR_TABLE

    digit = regex.compile(r"\d")
    changed = [hex(k) for k, v in _CHAR_TABLE.items() if bool(digit.match(chr(k))) != bool(digit.match(chr(v)))]
    assert changed == []


@given(st.text(alphabet="1２9０20３4年\uf98e \u3000\n國", max_size=40))
def test_years_are_read_as_in_the_folded_text(text: str) -> None:
    from collections import Counter

    from govinfo_report.normalize import fold_chars

    years = Counter(int(m.group(1)) for m in metadata._YEAR_RE.finditer(fold_chars(text)))
    expected = sorted(years.items(), key=lambda item: (-item[1], item[0]))[0][0] if years else None
    assert metadata.year_from_text(text) == expected


def test_only_yuan_folds_to_a_text_holding_yuan() -> None:
    # ``align.header_money_unit`` folds only the cells that hold 元 (both units end in it)
    import sys

    from govinfo_report.normalize import TAIWAN_WORDS, fold

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if "元" in fold(c)] == ["元"]
    assert not any("元" in word for word in TAIWAN_WORDS.values())


def test_fold_chars_leaves_exactly_the_texts_it_does_not_change() -> None:
    # ``fold_chars`` skips the translation when no character of the text is one it changes
    import sys

    from govinfo_report.normalize import _fold_table, fold_chars

    table = _fold_table()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert fold_chars(char) == char.translate(table), hex(code)
    simplified = "规章 | 0"
    assert fold_chars(simplified) is simplified  # nothing to fold: the text itself, not a copy


@given(st.text(alphabet=st.sampled_from("规章號總（）：, 0１\u3000\uff5e\U00020000a"), max_size=12))
def test_fold_chars_is_the_translation(text: str) -> None:
    from govinfo_report.normalize import _fold_table, fold_chars

    assert fold_chars(text) == text.translate(_fold_table())


@given(st.sets(st.integers(0, 0x3000), min_size=1, max_size=40), st.integers(0, 0x3000))
def test_code_class_is_exactly_its_code_points(codes: set[int], probe: int) -> None:
    import re

    import regex

    from govinfo_report.patterns import code_class

    pattern = code_class(codes)
    for code in {probe, *codes, *(c + 1 for c in codes), *(c - 1 for c in codes if c)}:
        assert (re.fullmatch(pattern, chr(code)) is not None) == (code in codes)
        assert (regex.fullmatch(pattern, chr(code)) is not None) == (code in codes)


def test_code_class_of_nothing_is_refused() -> None:
    from govinfo_report.patterns import code_class

    with pytest.raises(ValueError, match="at least one"):
        code_class([])


_JOINED_PIECES = st.sampled_from(
    ["國", "国", "Ａ", "e", "\u0301", "\u3000", "網路", "软体", "最佳化", "①", "\n", " ", "ﬁ", "가", "\u1161", "\u11a8"]
)


@given(st.lists(st.lists(_JOINED_PIECES, max_size=6).map("".join), max_size=6))
def test_fold_of_lines_joined_by_newlines_is_their_folds_joined(lines: list[str]) -> None:
    # the parser folds every line once, and a section's text from its folded lines
    joined = "\n".join(lines)
    assert fold(joined) == "\n".join(map(fold, lines))
    assert fold(joined.strip("\n")) == "\n".join(map(fold, lines)).strip("\n")


def test_a_newline_folds_only_to_itself_and_nothing_else_to_one() -> None:
    import sys
    import unicodedata

    from govinfo_report.normalize import TAIWAN_WORDS

    assert fold("\n") == "\n"
    assert [f"U+{c:04X}" for c in range(sys.maxunicode + 1) if c != 10 and "\n" in fold(chr(c))] == []
    assert unicodedata.combining("\n") == 0
    assert not any("\n" in word for word in TAIWAN_WORDS)
