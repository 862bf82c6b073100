"""PDF and Word attachments: the published PDF, generated files read back, and what cannot be read."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, Phase, given, settings

import govinfo_report
from govinfo_report import (
    GarbledTextError,
    MissingDependencyError,
    NoTextLayerError,
    ParseError,
    Report,
    UnsupportedFormatError,
    parse,
)
from govinfo_report.parser import default_parser
from govinfo_report.testing import reports

from .conftest import real_bytes, real_golden, seed_text
from .writers import break_unicode_map, to_docx, to_pdf

PDF = "104_hongze_district_2023.pdf"
SEEDS = ["000_fb35a360553c7541", "001_7d13f807e6d276cb", "002_0d16514126ac40ad", "003_4ec185c68d50ccd4"]


def values(report: Report) -> dict[tuple[str, str, str], object]:
    return {(c.table, c.row, c.column): c.value for c in govinfo_report.cells(report)}


# The published PDF ------------------------------------------------------------------------


def test_the_published_pdf_is_read_exactly_from_its_bytes() -> None:
    report = parse(real_bytes(PDF))
    golden = real_golden(PDF.rsplit(".", 1)[0])
    assert report.reader == "pdf"
    assert {t.layout for t in report.tables_read} == {"cells"}
    want = {(c["table"], c["row"], c["column"]): c["value"] for c in golden["cells"]}
    assert {key: None if value is None else Decimal(str(value)) for key, value in values(report).items()} == {
        key: None if value is None else Decimal(str(value)) for key, value in want.items()
    }
    codes = [d.code for d in report.diagnostics]
    assert codes.count("identity-r4") == 2  # the source's own broken totals, reported
    assert report.year == 2023


def test_every_pdf_value_is_printed_in_its_box_on_its_page() -> None:
    data = real_bytes(PDF)
    report = parse(data)
    text = default_parser.read(data).text
    assert report.provenance
    read = values(report)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for provenance in report.provenance:
            span = provenance.span
            value = read[provenance.table, provenance.row, provenance.column]
            assert text[span.start : span.end] == str(value)
            assert span.page is not None
            assert span.box is not None
            printed = pdf.pages[span.page - 1].crop(span.box).extract_text()
            assert printed.replace(" ", "").replace("\n", "") == str(value)


def test_a_table_cut_by_a_page_break_is_one_table_and_its_cut_labels_are_not_blank_cells() -> None:
    document = default_parser.read(real_bytes(PDF))
    after_break = next(i for i, line in enumerate(document.lines) if "3.补正后申请内容仍不明确" in line)
    before_break = next(i for i, line in enumerate(document.lines) if "2.没有现成信息需要另行制作" in line)
    assert document.grids[after_break].table == document.grids[before_break].table
    assert document.grids[after_break].cells[:3] == (None, None, "3.补正后申请内容仍不明确")
    # the page number between them is a line of text, which sectioning leaves out
    between = document.lines[before_break + 1 : after_break]
    assert [line.strip() for line in between] == ["- 3 -"]


def test_the_page_frame_around_the_text_is_not_a_table() -> None:
    document = default_parser.read(real_bytes(PDF))
    headings = [i for i, line in enumerate(document.lines) if line.strip().startswith(("一、总体情况", "二、主动公开"))]
    assert len(headings) == 2
    assert not any(i in document.grids for i in headings)


# Generated files read back ----------------------------------------------------------------


@pytest.mark.parametrize("stem", SEEDS)
def test_a_seed_written_as_pdf_reads_back_to_its_values(stem: str) -> None:
    report = parse(seed_text(stem))
    back = parse(to_pdf(report))
    assert values(back) == values(report)
    assert back.template is report.template
    assert [s.key for s in back.sections] == [s.key for s in report.sections]


@pytest.mark.parametrize("stem", SEEDS)
def test_tables_drawn_without_rules_are_read_from_the_text_with_its_layout(stem: str) -> None:
    report = parse(seed_text(stem))
    back = parse(to_pdf(report, ruled=False))
    assert {t.layout for t in back.tables_read} <= {"spaced", None}
    want, got = values(report), values(back)
    assert not [key for key, value in got.items() if value is not None and value != want[key]]  # nothing invented
    if stem != SEEDS[0]:  # seed 000's table 三 is nearly all blank cells: without rules, no column is known
        assert got == want


@pytest.mark.parametrize("stem", SEEDS)
def test_a_seed_written_as_docx_reads_back_to_its_values(stem: str) -> None:
    report = parse(seed_text(stem))
    back = parse(to_docx(report))
    assert back.reader == "docx"
    assert values(back) == values(report)
    assert [s.key for s in back.sections] == [s.key for s in report.sections]


# Writing and reading a file takes ~0.5 s: few examples, and no shrinking (a failure is
# reported as found, which is slower to read but keeps CI in minutes).
_FILES = settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


@_FILES
@given(reports())
def test_any_report_written_as_pdf_reads_back_to_its_values(report: Report) -> None:
    assert values(parse(to_pdf(report))) == values(report)


@_FILES
@given(reports())
def test_any_report_written_as_docx_reads_back_to_its_values(report: Report) -> None:
    assert values(parse(to_docx(report))) == values(report)


# What cannot be read ----------------------------------------------------------------------


def test_a_page_whose_glyphs_have_no_unicode_map_is_left_out_and_named() -> None:
    report = parse(seed_text(SEEDS[0]))
    data = break_unicode_map(to_pdf(report, unmapped_page="附件：本年新收申请21件"))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "(cid:" in pdf.pages[-1].extract_text()  # the file really is broken
        last = len(pdf.pages)
    back = parse(data)
    garbled = [d for d in back.diagnostics if d.code == "pdf-garbled-text"]
    assert len(garbled) == 1
    assert str(last) in garbled[0].message
    assert "cid" not in "".join(s.text for s in back.sections)
    assert values(back) == values(report)


def test_a_pdf_of_nothing_but_unmapped_glyphs_raises_garbled_text() -> None:
    data = break_unicode_map(to_pdf(parse(seed_text(SEEDS[0]))), font="STSong-Light")
    with pytest.raises(GarbledTextError, match="cid") as raised:
        parse(data)
    assert raised.value.pages[0] == 1


def test_a_pdf_without_text_raises_that_it_needs_ocr() -> None:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    drawing = canvas.Canvas(out)
    drawing.rect(72, 72, 300, 500, fill=1)  # a scan is a picture of a page: no characters
    drawing.showPage()
    drawing.save()
    with pytest.raises(NoTextLayerError, match="OCR") as raised:
        parse(out.getvalue())
    assert raised.value.pages == (1,)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer << >>\n%%EOF",
        b"%PDF-1.4\n" + bytes(300),
    ],
    ids=["no-pages", "truncated"],
)
def test_a_broken_pdf_raises_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        parse(data)


def test_pdf_given_as_text_is_refused_clearly() -> None:
    with pytest.raises(UnsupportedFormatError, match="bytes"):
        parse("%PDF-1.7 ...", format="pdf")


def test_pdf_without_the_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber → ImportError
    with pytest.raises(MissingDependencyError, match=r'pip install "govinfo-report\[pdf\]"') as raised:
        parse(real_bytes(PDF))
    assert isinstance(raised.value, ImportError)
    assert raised.value.extra == "pdf"


def test_docx_without_the_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    data = to_docx(parse(seed_text(SEEDS[0])))
    monkeypatch.setitem(sys.modules, "mammoth", None)
    with pytest.raises(MissingDependencyError, match=r"govinfo-report\[docx\]"):
        parse(data)


@pytest.mark.parametrize("signature", [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"], ids=["ole"])
def test_legacy_doc_and_wps_files_say_to_convert_them(signature: bytes) -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\.docx or PDF"):
        parse(signature + bytes(2048))


def test_a_zip_that_is_not_a_word_document_is_refused() -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError, match="not a Word document"):
        parse(out.getvalue(), format="docx")


# The command line -------------------------------------------------------------------------


def test_the_cli_reads_pdf_and_docx_from_folders(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(real_bytes(PDF))
    (tmp_path / "b.docx").write_bytes(to_docx(parse(seed_text(SEEDS[1]))))
    result = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "parse", "--format", "csv", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    sources = {line.split(",", 1)[0] for line in result.stdout.splitlines()[1:]}
    assert sources == {str(tmp_path / "a.pdf"), str(tmp_path / "b.docx")}


def test_a_batch_without_the_pdf_extra_reports_the_pdf_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(real_bytes(PDF))
    (tmp_path / "b.txt").write_text(seed_text(SEEDS[1]), encoding="utf-8")
    blocker = tmp_path / "site"
    blocker.mkdir()
    (blocker / "pdfplumber.py").write_text("raise ImportError('not installed here')\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "govinfo_report",
            "parse",
            "--format",
            "csv",
            str(tmp_path / "a.pdf"),
            str(tmp_path / "b.txt"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(blocker), "PATH": "/usr/bin:/bin"},
    )
    assert 'pip install "govinfo-report[pdf]"' in result.stderr
    assert "a.pdf" in result.stderr
    assert str(tmp_path / "b.txt") in result.stdout


def test_only_the_cells_before_a_rows_label_are_mended_after_a_page_break() -> None:
    from govinfo_report.readers.pdf import _uncut

    above = (None, None, "2.没有现成信息需要另行制作", "3", "3")
    assert _uncut(("", "", "3.补正后申请内容仍不明确", "0", "0"), above) == (
        None,
        None,
        "3.补正后申请内容仍不明确",
        "0",
        "0",
    )
    # a row whose label starts it keeps its blank values: they are cells, not a cut label
    row = ("(六)其他处理", None, "", "", "44")
    assert _uncut(row, above) == row


class _Page:
    """A page whose cell holds the given words (what pdfplumber's crop(...).extract_words() gives)."""

    def __init__(self, words: list[tuple[str, float, float]]) -> None:
        self.words = [{"text": text, "x0": x0, "x1": x1} for text, x0, x1 in words]

    def crop(self, box: object) -> _Page:
        return self

    def extract_words(self) -> list[dict[str, object]]:
        return self.words


def test_a_cell_of_numbers_over_columns_without_rules_is_split_where_each_number_is_printed() -> None:
    from govinfo_report.readers.grid import Placed
    from govinfo_report.readers.pdf import _unmerge

    xs = [0.0, 100.0, 130.0, 160.0, 190.0]  # a label column, then three value columns
    cell = Placed(3, 1, 1, 3, "21 4", (100.0, 10.0, 190.0, 20.0))
    pieces = _unmerge(_Page([("21", 105, 115), ("4", 170, 175)]), cell, xs)  # type: ignore[arg-type]
    assert pieces is not None
    assert [(p.column, p.text) for p in pieces] == [(1, "21"), (2, ""), (3, "4")]
    # two numbers in one column, a number across an edge, or one number: not split
    assert _unmerge(_Page([("21", 105, 112), ("4", 114, 120)]), cell, xs) is None  # type: ignore[arg-type]
    assert _unmerge(_Page([("21", 120, 140), ("4", 170, 175)]), cell, xs) is None  # type: ignore[arg-type]
    single = Placed(3, 1, 1, 3, "550", (100.0, 10.0, 190.0, 20.0))
    assert _unmerge(_Page([("550", 140, 150)]), single, xs) is None  # type: ignore[arg-type]
