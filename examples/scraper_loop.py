"""Use the library inside a scraper loop (no network: saved pages stand in for responses).

Usage: python examples/scraper_loop.py [PAGES] [OUT.jsonl]
(defaults: examples/pages and reports.jsonl)

What a crawler does with each page it fetched: hand the raw bytes to ``parse`` (it tells an
HTML page from text and finds the encoding: the page's own ``<meta charset>``, else UTF-8,
GB18030/GBK or Big5), keep the report as one JSON line, and keep going
whatever happens — a page that is not a report, or one that cannot be decoded, is logged
with its reason. Pages already in the output are skipped, so a stopped run resumes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import govinfo_report
from govinfo_report import Severity

PAGES = Path(__file__).resolve().parent / "pages"


def fetched_pages(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Stand-in for the network: yield (url, body) for each saved page."""
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html")):
        yield f"https://www.example.gov.cn/zwgk/{path.stem}.html", path.read_bytes()


def done_urls(target: Path) -> set[str]:
    """URLs already stored by a previous run."""
    if not target.exists():
        return set()
    with target.open(encoding="utf-8") as lines:
        return {json.loads(line)["url"] for line in lines if line.strip()}


def main(argv: list[str]) -> int:
    """Parse every page not yet stored, append it to the JSON Lines file; return 0."""
    folder = Path(argv[1]) if len(argv) > 1 else PAGES
    target = Path(argv[2]) if len(argv) > 2 else Path("reports.jsonl")
    seen = done_urls(target)
    stored = skipped = 0
    with target.open("a", encoding="utf-8") as out:
        for url, body in fetched_pages(folder):
            if url in seen:
                continue
            try:
                report = govinfo_report.parse(body)
            except govinfo_report.ReportNotFoundError as error:  # says so when it links a PDF instead
                print(f"not a report: {url}: {error}", file=sys.stderr)
                skipped += 1
                continue
            except govinfo_report.GovinfoReportError as error:  # e.g. DecodingError
                print(f"unreadable: {url}: {error}", file=sys.stderr)
                skipped += 1
                continue
            errors = sum(d.severity is Severity.ERROR for d in report.diagnostics)
            record = {"url": url, "errors": errors, "report": govinfo_report.to_dict(report)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            stored += 1
            print(f"stored: {report.organization} {report.year} ({errors} error diagnostics) {url}")
    print(f"{stored} stored, {skipped} skipped, {len(seen)} already done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
