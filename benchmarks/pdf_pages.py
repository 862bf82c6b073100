"""Benchmark: pages per second of the PDF reader, against pdfplumber's own ``extract_tables``.

Run from the project root (``python benchmarks/pdf_pages.py``; needs the ``pdf`` extra, and
reportlab and python-docx from the ``test`` extra for the generated files); prints a
Markdown table. Inputs: the government PDF of the fixtures (5 pages, WPS, ruled tables)
and the seeds written as PDFs by the test suite's writer. For each file, best of a few
runs of:

- ``extract_tables``: pdfplumber opening the file and calling ``page.extract_tables()``
  and ``page.extract_text()`` on every page — the least a user reading tables and text
  with pdfplumber pays;
- ``read``: ``PdfReader().read`` — the same pages into a ``Document`` (cells laid out by
  their spans, text outside them, boxes kept);
- ``parse``: the whole ``govinfo_report.parse`` of the bytes.

Figures are ratios measured in one run: the machines are shared and noisy.
"""

from __future__ import annotations

import io
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402 - after the path that finds the tests' writer
from timing import best  # noqa: E402

import govinfo_report  # noqa: E402
from govinfo_report.readers import PdfReader  # noqa: E402
from tests.writers import to_pdf  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def plumber(data: bytes) -> None:
    """Read every page's tables and text with pdfplumber alone."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.extract_text()


def inputs() -> list[tuple[str, bytes]]:
    """Return the real PDF and the seeds written as PDFs."""
    files = [("104 hongze (real, WPS)", (FIXTURES / "real" / "104_hongze_district_2023.pdf").read_bytes())]
    for seed in sorted(FIXTURES.glob("00[0-3]_*.txt")):
        report = govinfo_report.parse(seed.read_text(encoding="utf-8"))
        files.append((f"seed {seed.name[:3]} (generated)", to_pdf(report)))
    return files


def main() -> int:
    """Print pages, seconds a page for each of the three, and the ratios to pdfplumber."""
    reader = PdfReader()
    print(
        "| file | pages | extract_tables ms/page | read ms/page | parse ms/page "
        "| read ÷ extract_tables | parse ÷ extract_tables |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, data in inputs():
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        base = best(partial(plumber, data)) / pages
        read = best(partial(reader.read, data)) / pages
        parse = best(partial(govinfo_report.parse, data)) / pages
        print(
            f"| {name} | {pages} | {base * 1000:.1f} | {read * 1000:.1f} | {parse * 1000:.1f} "
            f"| {read / base:.2f} | {parse / base:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
