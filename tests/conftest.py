from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = sorted(p.stem for p in FIXTURES.glob("*.txt") if p.stem[:3].isdigit())


def seed_text(stem: str) -> str:
    return (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")


def golden(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "golden" / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
