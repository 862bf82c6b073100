from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.labels import MIN_ABRIDGED, MIN_KEPT, LabelMatcher, bounded_distance, edit_budget
from govinfo_report.schema import TemplateVersion
from govinfo_report.template import RowSpec, TableSpec, table, tables

V19, V21 = TemplateVersion.V2019, TemplateVersion.V2021


def matcher(key: str, version: TemplateVersion = V19) -> LabelMatcher:
    return LabelMatcher(table(version, key))


def key_of(m: LabelMatcher, text: str) -> str | None:
    found = m.match(text)
    return None if found is None else found.row.key


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("（七）总计", "total"),
        ("(七)總計", "total"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted"),
        ("(二)部分公開(區分處理的,只計這一情況,不計其他情況)", "partially_granted"),
        ("3.危及「三安全一穩定」", "withheld_security_stability"),
        ("5、屬於三類內容事務信息", "withheld_internal_affairs"),
        ("8.屬于行政查詢事務", "withheld_administrative_query"),
        ("4. 无 正当 理由 大量 反复 申请", "declined_excessive"),
        ("四、結轉下年度繼續辦理", "carried_forward"),
        ("（三）不予公开", "_withheld"),
    ],
)
def test_labels_in_every_script(text: str, row: str) -> None:
    assert key_of(matcher("applications"), text) == row


def test_table_two_labels_simplified_traditional_and_taiwan() -> None:
    m = matcher("active_disclosure")
    assert key_of(m, "規範性檔案") == "normative_documents"
    assert key_of(m, "规范性文件") == "normative_documents"
    assert key_of(m, "政府集中採購") == "centralized_procurement"
    assert key_of(matcher("active_disclosure", V21), "行政規範性檔案") == "normative_documents"


def test_social_organisation_variant_is_a_column_not_a_row() -> None:
    assert key_of(matcher("applications"), "社会组织") is None


def test_column_headers_need_their_marker_to_be_rows() -> None:
    assert key_of(matcher("applications"), "总计") is None  # the 总计 column header
    assert key_of(matcher("applications", V21), "其他") is None  # the 其他 column header
    assert key_of(matcher("applications", V21), "3.其他") == "other_other"


@pytest.mark.parametrize(
    ("text", "not_row"),
    [
        ("规章", "total"),  # 规章 is two edits from 总计
        ("其他", "total"),  # 其他 is two edits from 合计/总计
        ("行政处罚", "administrative_licensing"),
        ("行政许可", "administrative_punishment"),
        ("行政强制", "administrative_punishment"),
    ],
)
def test_near_miss_labels_of_other_rows_are_not_confused(text: str, not_row: str) -> None:
    for spec in tables(V19):
        found = LabelMatcher(spec).match(text)
        assert found is None or (found.row.key != not_row and found.distance == 0)


def test_short_labels_never_match_fuzzily() -> None:
    m = matcher("active_disclosure")
    assert m.match("规草") is None  # one edit from 规章, but too short to guess
    assert m.match("行政处理") is None  # one edit from both 行政处罚 and … : no guess


def test_other_is_not_found_inside_a_longer_label() -> None:
    assert key_of(matcher("applications", V21), "2.其他法律行政法规禁止公开") == "withheld_prohibited_by_law"


def test_typo_in_a_long_label_is_matched_and_reported() -> None:
    m = matcher("applications")
    found = m.match("1.本机关不掌握相关政府信心")
    assert found is not None
    assert found.row.key == "unavailable_not_held"
    assert found.distance == 1


def test_ambiguous_fuzzy_match_is_refused() -> None:
    rows = (RowSpec("a", "属于国家秘密甲"), RowSpec("b", "属于国家秘密乙"))
    spec = TableSpec(key="t", title="t", rows=rows, header_labels=(), version=TemplateVersion.V2021)
    m = LabelMatcher(spec)
    assert m.match("属于国家秘密丙") is None  # one edit from both: no unique best
    assert key_of(m, "属于国家秘密甲") == "a"


def test_bounded_distance() -> None:
    assert bounded_distance("kitten", "sitting", 3) == 3
    assert bounded_distance("kitten", "sitting", 2) is None
    assert bounded_distance("abc", "abc", 0) == 0
    assert bounded_distance("a" * 10, "b" * 30, 3) is None
    assert [edit_budget(n) for n in (2, 5, 6, 9, 10, 16)] == [0, 0, 1, 1, 2, 3]


def _brute_force(matcher: LabelMatcher, key: str) -> tuple[str, int] | None:
    """The fuzzy-then-abridged match of a key, by trying every template key (no index)."""
    best: int | None = None
    winners: dict[str, RowSpec] = {}
    for candidate, rows in matcher._exact.items():
        budget = edit_budget(len(candidate))
        if not budget or candidate in matcher._needs_marker:
            continue
        distance = bounded_distance(key, candidate, budget)
        if distance is not None and (best is None or distance < best):
            best, winners = distance, {r.key: r for r in rows}
        elif distance is not None and distance == best:
            winners.update({r.key: r for r in rows})
    if best is not None:
        return (next(iter(winners)), best) if len(winners) == 1 else None
    if len(key) < MIN_ABRIDGED:
        return None
    found: dict[str, tuple[str, int]] = {}
    for candidate, rows in matcher._exact.items():
        if candidate in matcher._needs_marker or not MIN_KEPT * len(candidate) <= len(key) < len(candidate):
            continue
        remaining = iter(candidate)
        if all(char in remaining for char in key):
            found.update({r.key: (r.key, len(candidate) - len(key)) for r in rows})
    return next(iter(found.values())) if len(found) == 1 else None


@given(st.data())
def test_the_character_index_finds_what_trying_every_key_finds(data: st.DataObject) -> None:
    # _fuzzy and _abridged look candidates up by their characters; on keys damaged as
    # PDFs damage them (characters dropped, changed, added), they must match as a search
    # over every key does.
    spec = data.draw(st.sampled_from([s for v in TemplateVersion for s in tables(v)]))
    matcher = LabelMatcher(spec)
    key = list(data.draw(st.sampled_from(sorted(matcher._exact))))
    for _ in range(data.draw(st.integers(0, 4))):
        at = data.draw(st.integers(0, max(0, len(key) - 1)))
        action = data.draw(st.sampled_from(["drop", "change", "add"]))
        char = data.draw(st.sampled_from("公开申请不予其他行政甲乙"))
        if action == "drop" and key:
            del key[at]
        elif action == "change" and key:
            key[at] = char
        else:
            key.insert(at, char)
    printed = "".join(key)
    if not printed or printed in matcher._exact:
        return
    match = matcher._fuzzy(printed, "")
    assert (None if match is None else (match.row.key, match.distance)) == _brute_force(matcher, printed)


@given(st.text(alphabet=st.sampled_from("0123 .-—/万元总计属于\u3000"), min_size=1, max_size=12))
def test_a_cell_is_read_for_a_value_when_it_is_no_label_or_a_glued_run(cell: str) -> None:
    from govinfo_report import align

    assert align._may_be_read(cell) == (not align._is_label(cell) or align._is_run(cell))


@given(st.lists(st.text(alphabet=st.sampled_from("0123 .-—/万元总计属于\u3000"), max_size=170), max_size=6))
def test_the_label_cells_of_a_row_are_those_is_label_tells(cells: list[str]) -> None:
    from govinfo_report import align

    assert align._label_indices(cells) == [i for i, c in enumerate(cells) if align._is_label(c)]


@given(st.text(alphabet=st.sampled_from("0123 .,-—/万元件%\u3000"), max_size=12))
def test_a_cell_is_read_as_split_blank_or_its_amount_unit_and_whole_count(cell: str) -> None:
    from govinfo_report import align
    from govinfo_report.normalize import Money, is_blank, is_split_number, parse_money

    split, reading = align._read(cell)
    assert split == is_split_number(cell)
    parsed = None if split or is_blank(cell) else parse_money(cell)
    if parsed is None:
        assert reading is None
    else:
        amount, unit = parsed
        whole = int(amount) if unit == Money.NONE and amount == amount.to_integral_value() else None
        assert reading == (amount, unit, whole)


def test_rows_by_key_give_each_label_key_its_first_row() -> None:
    for version in TemplateVersion:
        for spec in tables(version):
            by_key = LabelMatcher.of(spec).rows_by_key
            for key, row in by_key.items():
                assert row is next(r for r in spec.rows if key in r.keys)
            assert set(by_key) == {key for row in spec.rows for key in row.keys if key}
