from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
import pytest

import govinfo_report
from govinfo_report import Parser, ReportNotFoundError, TemplateVersion, Tokenizer, TokenRow, records
from govinfo_report.errors import GovinfoReportError, ParseError
from govinfo_report.schema import Value
from govinfo_report.template import tables
from govinfo_report.tokenizers import registry as registry_module

from .conftest import SEEDS, seed_text

MINIMAL = """示例县人民政府2020年政府信息公开工作年度报告
一、总体情况
2020年，示例县依法公开政府信息。
二、主动公开政府信息情况
第二十条第（九）项 | |
信息内容 | 采购项目数量 | 采购总金额
政府集中采购 | 3 | 25.5
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。
"""


def test_non_text_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        govinfo_report.parse(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        govinfo_report.parse(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "今日新闻：某地举办运动会。", "用户登录\n密码\n忘记密码"])
def test_text_that_is_not_a_report(text: str) -> None:
    with pytest.raises(ReportNotFoundError) as info:
        govinfo_report.parse(text)
    assert isinstance(info.value, ParseError)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, GovinfoReportError)


def test_money_without_any_unit_is_read_as_wan_and_said() -> None:
    report = govinfo_report.parse(MINIMAL)
    assert isinstance(report.active_disclosure, govinfo_report.ActiveDisclosure2019)
    assert report.active_disclosure.centralized_procurement.amount == Decimal("25.5")
    assert any(d.code == "money-unit-assumed" for d in report.diagnostics)
    assert any(d.code == "row-missing" and d.row == "regulations" for d in report.diagnostics)
    assert report.applications is None
    assert report.reviews is None


def test_money_header_in_yuan_is_converted() -> None:
    text = MINIMAL.replace("采购总金额", "采购总金额（单位：元）").replace("25.5", "1,234,500")
    report = govinfo_report.parse(text)
    assert isinstance(report.active_disclosure, govinfo_report.ActiveDisclosure2019)
    assert report.active_disclosure.centralized_procurement.amount == Decimal("123.45")


def test_template_from_year_when_labels_say_nothing() -> None:
    neutral = MINIMAL.replace("政府集中采购 | 3 | 25.5", "行政处罚 | 7").replace("采购项目数量 | 采购总金额", "")
    later = govinfo_report.parse(neutral.replace("2020年", "2022年"))
    assert later.template is govinfo_report.TemplateVersion.V2021
    assert isinstance(later.active_disclosure, govinfo_report.ActiveDisclosure2021)
    assert later.active_disclosure.administrative_punishment.decisions == 7
    assert govinfo_report.parse(neutral).template is govinfo_report.TemplateVersion.V2019


def test_crlf_and_bom_are_accepted() -> None:
    text = "\ufeff" + seed_text(SEEDS[3]).replace("\n", "\r\n")
    plain = govinfo_report.parse(seed_text(SEEDS[3]))
    assert list(govinfo_report.cells(govinfo_report.parse(text))) == list(govinfo_report.cells(plain))


def test_cells_of_a_report_without_tables_are_all_blank() -> None:
    report = govinfo_report.parse(MINIMAL)
    records = list(govinfo_report.cells(report))
    assert len(records) == 198
    assert {c.value for c in records if c.table != "active_disclosure"} == {None}


class UpperTokenizer(Tokenizer):
    """Cells separated by ``;`` — a stand-in for a third-party layout."""

    name = "semicolon"
    aliases = ("semi",)
    priority = 0.5

    def score(self, lines: Sequence[str]) -> float:
        content = [line for line in lines if line.strip()]
        return 1.0 if content and sum(";" in line for line in content) / len(content) > 0.5 else 0.0

    def tokenize(self, lines: Sequence[str]) -> list[TokenRow]:
        return [TokenRow(tuple(c.strip() for c in line.split(";")), i) for i, line in enumerate(lines) if line.strip()]


def test_custom_parser_with_own_tokenizer() -> None:
    text = seed_text(SEEDS[3]).replace(" | ", ";").replace("|", ";")
    parser = Parser(tokenizers=[*govinfo_report.tokenizers.default_tokenizers(), UpperTokenizer()])
    report = parser.parse(text)
    assert any(d.code == "layout-detected" and "semicolon" in d.message for d in report.diagnostics)
    assert report.applications is not None
    assert report.applications.total.total == 0
    assert parser.parse(text, layout="semi").applications == report.applications


class _EntryPoint:
    name = "semicolon"

    def load(self) -> Any:
        return UpperTokenizer


def test_plugins_come_from_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_entry_points(*, group: str) -> list[_EntryPoint]:
        assert group == "govinfo_report.tokenizers"
        return [_EntryPoint()]

    registry_module.plugin_tokenizers.cache_clear()
    monkeypatch.setattr(govinfo_report.plugins, "entry_points", fake_entry_points)
    try:
        names = Parser().registry.names()
        assert "semicolon" in names
    finally:
        registry_module.plugin_tokenizers.cache_clear()


def test_a_broken_plugin_is_skipped_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        name = "broken"

        def load(self) -> Any:
            raise ImportError("missing dependency")

    registry_module.plugin_tokenizers.cache_clear()
    monkeypatch.setattr(
        govinfo_report.plugins, "entry_points", lambda *, group: [Broken()] if group.endswith("tokenizers") else []
    )
    try:
        with pytest.warns(UserWarning, match="broken"):
            names = Parser().registry.names()
        assert names == ("glued", "lines", "pipe", "spaced", "tab", "wrapped")
    finally:
        registry_module.plugin_tokenizers.cache_clear()


def test_extra_numbers_are_reported_not_dropped_silently() -> None:
    text = seed_text(SEEDS[3]).replace("规章 | 0 | 0 | 0 |", "规章 | 0 | 0 | 0 | 5 |")
    report = govinfo_report.parse(text)
    extra = [d for d in report.diagnostics if d.code == "extra-numbers"]
    assert len(extra) == 1
    assert extra[0].row == "regulations"
    assert "5" in extra[0].message


def test_unrecognised_label_with_numbers_is_reported() -> None:
    text = seed_text(SEEDS[3]).replace("行政强制 | 0 | 0 | 0 |", "行政强制 | 0 | 0 | 0 |\n行政检查 | 4 | 4 | 4 |")
    report = govinfo_report.parse(text)
    unknown = [d for d in report.diagnostics if d.code == "label-unrecognised"]
    assert len(unknown) == 1
    assert "行政检查" in unknown[0].message
    assert unknown[0].table == "active_disclosure"


def test_template_contradicted_by_year_is_reported() -> None:
    report = govinfo_report.parse(seed_text(SEEDS[3]).replace("2020年政府信息公开", "2022年政府信息公开"))
    assert report.year == 2022
    assert report.template is govinfo_report.TemplateVersion.V2019  # the labels decide
    assert any(d.code == "template-year-mismatch" for d in report.diagnostics)


@pytest.mark.parametrize("version", list(TemplateVersion))
def test_records_build_reads_a_copy_of_a_spec_as_the_template_own(version: TemplateVersion) -> None:
    for spec in tables(version):
        slots = [(r.key, c.key) for r in spec.data_rows for c in r.columns]
        values: dict[tuple[str, str], Value] = {slot: n for n, slot in enumerate(slots)}
        values.pop(next(iter(values)))  # a cell absent: None in the record
        copy = attrs.evolve(spec)
        assert copy is not spec
        built = records.build(spec, values)
        assert records.build(copy, values) == built
        for row in spec.data_rows:
            for column in row.columns:
                assert getattr(getattr(built, row.key), column.key) == values.get((row.key, column.key))
