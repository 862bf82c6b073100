"""Parse every report of a folder into one CSV of cells, ready for pandas.

Usage: python examples/batch_to_csv.py [FOLDER] [OUT.csv]
(defaults: examples/pages and cells.csv)

One record per template cell: ``source,organization,year,template,table,row,column,value``; money keeps its exact
decimal text and a blank cell stays empty. Files that are not reports are listed and
skipped. Then, for instance::

    import pandas as pd
    cells = pd.read_csv("cells.csv", dtype={"value": "string"})
    wide = cells.pivot_table(index="source", columns=["table", "row", "column"], values="value", aggfunc="first")

The command line does the same in one go: ``govinfo-report parse FOLDER -f csv -o OUT.csv``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govinfo_report
from govinfo_report.schema import Report
from govinfo_report.serialize import write_csv

PAGES = Path(__file__).resolve().parent / "pages"


def main(argv: list[str]) -> int:
    """Write the cells of every ``*.txt`` report under the folder; return 1 if a file failed."""
    folder = Path(argv[1]) if len(argv) > 1 else PAGES
    target = Path(argv[2]) if len(argv) > 2 else Path("cells.csv")
    reports: list[tuple[str, Report]] = []
    failed = 0
    for path in sorted(folder.rglob("*.txt")):
        try:
            reports.append((path.name, govinfo_report.parse(path.read_bytes())))
        except govinfo_report.GovinfoReportError as error:
            failed += 1
            print(f"skipped {path.name}: {error}", file=sys.stderr)
    with target.open("w", encoding="utf-8", newline="") as out:
        records = write_csv(reports, out)
    print(f"{records} cells of {len(reports)} reports written to {target}; {failed} file(s) skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
