"""Figures in the prose (R6): read with their meaning, compared with the tables, never used to change them."""

from __future__ import annotations

from govinfo_report import Severity, parse
from govinfo_report.prose import prose_figures

from .conftest import FIXTURES, fixture_text

V2021 = fixture_text("qingshan_2022_v2021.txt")


def test_figures_are_read_with_what_they_count() -> None:
    found = {f.meaning: f.value for f in prose_figures(parse(V2021))}
    assert found == {"new applications": 141, "normative documents issued": 12, "normative documents in force": 87}
    pdf = parse((FIXTURES / "real" / "104_hongze_district_2023.pdf").read_bytes())  # 申请 21 件, spaced
    assert {f.meaning: f.value for f in prose_figures(pdf)} == {"new applications": 21}


def test_a_figure_that_differs_is_an_info_diagnostic_and_the_table_is_unchanged() -> None:
    report = parse(V2021.replace("受理政府信息公开申请141件", "受理政府信息公开申请150件"))
    differs = [d for d in report.diagnostics if d.code == "prose-figure-differs"]
    assert len(differs) == 1
    assert differs[0].severity is Severity.INFO
    assert (differs[0].row, differs[0].column) == ("new_received", "total")
    assert "150" in differs[0].message
    assert report.applications is not None
    assert report.applications.new_received.total == 141


def test_agreeing_figures_say_nothing() -> None:
    assert not [d for d in parse(V2021).diagnostics if d.code == "prose-figure-differs"]


def test_only_the_opening_of_a_huge_overview_is_searched() -> None:
    from govinfo_report import prose

    padding = "本年度，我局持续推进政务公开工作。\n" * (prose.MAX_PROSE // 17 + 1)
    late = V2021.replace("一、总体情况\n", "一、总体情况\n" + padding, 1)
    assert "new applications" not in {f.meaning for f in prose_figures(parse(late))}
    assert "new applications" in {f.meaning for f in prose_figures(parse(V2021))}


def test_the_overview_folded_from_its_lines_is_the_overview_folded() -> None:
    # parse hands check_prose the overview as its folded lines joined: the same text fold gives
    from govinfo_report import parser
    from govinfo_report.normalize import fold
    from govinfo_report.sections import build_sections, section_bodies

    from .conftest import SEEDS, seed_text

    texts = [V2021, *(seed_text(stem) for stem in SEEDS)]
    texts.append(V2021.replace("受理政府信息公开申请141件", "受理政府信息公開申請150件"))
    seen = 0
    for text in texts:
        lines, folded, headings, _ = parser.Parser()._sections(parser.Parser().read(text), [])
        bodies = section_bodies(lines, folded, headings)
        sections = build_sections(lines, folded, headings, bodies=bodies)
        for section, given in zip(sections, parser._folded_prose(sections, bodies, folded), strict=True):
            if given is not None:
                assert given == fold(section.text)
                seen += 1
    assert seen == len(texts)
