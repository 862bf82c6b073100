#!/usr/bin/env python3
"""Write the JSON Schema of a serialized ``Report`` to the package and to ``docs/``.

The schema is generated from the attrs classes (``govinfo_report.serialize.jsonschema``);
run this after changing ``govinfo_report/schema.py``::

    python scripts/generate_schema.py

``tests/test_jsonschema.py`` fails while either file is out of date.
"""

from __future__ import annotations

from pathlib import Path

from govinfo_report.serialize.jsonschema import dumps, json_schema

ROOT = Path(__file__).resolve().parent.parent
TARGETS = (
    ROOT / "src" / "govinfo_report" / "serialize" / "report.schema.json",
    ROOT / "docs" / "report.schema.json",
)


def main() -> None:
    """Regenerate both copies of the schema."""
    text = dumps(json_schema())
    for target in TARGETS:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)} ({len(text)} characters)")


if __name__ == "__main__":
    main()
