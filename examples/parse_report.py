"""Parse one report and print it in a readable form.

Usage: python examples/parse_report.py [REPORT.txt]   (defaults to the bundled example)
"""

from __future__ import annotations

import sys
from pathlib import Path

import govinfo_report
from govinfo_report.describe import describe

DEFAULT = Path(__file__).resolve().parent / "reports" / "gaoxin_2020.txt"


def main(argv: list[str]) -> int:
    """Parse the file named in ``argv`` (or the bundled example) and print it."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    report = govinfo_report.parse(path.read_text(encoding="utf-8"))
    sys.stdout.write(describe(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
