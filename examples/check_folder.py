"""List the reports of a folder whose totals do not add up (勾稽关系).

Usage: python examples/check_folder.py [FOLDER]   (default: examples/pages)

For each broken identity: the cells it involves with their values, and by how much the
two sides differ. The parser never changes a number; this is how you find the ones to
look at. Exit status 1 when any report has a broken identity.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govinfo_report
from govinfo_report import Severity

PAGES = Path(__file__).resolve().parent / "pages"


def main(argv: list[str]) -> int:
    """Print the broken identities of every report in the folder; return 1 if there are any."""
    folder = Path(argv[1]) if len(argv) > 1 else PAGES
    broken = 0
    for path in sorted(folder.rglob("*.txt")):
        try:
            report = govinfo_report.parse(path.read_bytes())
        except govinfo_report.ReportNotFoundError:
            continue  # not a report at all
        errors = [d for d in report.diagnostics if d.code.startswith("identity-") and d.severity is Severity.ERROR]
        if not errors:
            print(f"ok      {path.name}")
            continue
        broken += 1
        print(f"BROKEN  {path.name}: {report.organization} {report.year}")
        for d in errors:
            at = f" at line {d.line}" if d.line else ""
            print(f"  {d.code}{at}, {d.where()}: off by {d.difference}")
            terms = ", ".join(f"{c.row}/{c.column}={c.value}" for c in d.cells)
            print(f"    {terms}")
    print(f"{broken} report(s) with broken totals")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
