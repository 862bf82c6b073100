"""Write (or check) the parser's output on the whole fixture set, for the byte-identical test.

Every optimisation must leave ``to_json(parse(...))`` unchanged on every fixture.  This
script writes ``tests/fixtures/snapshots/<case>.json`` from the current parser; run it only
when a change of output is intended (and say so in the commit).  ``tests/test_snapshots.py``
compares against the files, case by case.

    python scripts/snapshot.py           # rewrite the snapshots
    python scripts/snapshot.py --check   # exit 1 and name the cases that differ
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.snapshots import SNAPSHOTS, cases, output  # noqa: E402


def main() -> int:
    """Rewrite the snapshot files, or with ``--check`` list the cases whose output changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, source in cases():
        path = SNAPSHOTS / f"{name}.json"
        text = output(source)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                changed.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    for name in changed:
        print(f"changed: {name}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
