from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = sorted(p.stem for p in FIXTURES.glob("*.txt") if p.stem[:3].isdigit())


def seed_text(stem: str) -> str:
    return (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")


def golden(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "golden" / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE: "ci" (the default, what .ci/run uses),
# "fast" for quick local runs, "thorough" before a release.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=120, deadline=None, suppress_health_check=_SLOW_OK)
settings.register_profile("fast", max_examples=20, deadline=None, suppress_health_check=_SLOW_OK)
settings.register_profile("thorough", max_examples=2000, deadline=None, suppress_health_check=_SLOW_OK)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


REAL = FIXTURES / "real"
#: The real reports (as published or archived), by stem; read them as bytes.
REAL_REPORTS = sorted(p.name for p in REAL.iterdir() if p.is_file() and p.stem[:3].isdigit())
#: The real reports that have golden cells.
REAL_GOLDEN = sorted(p.stem for p in (REAL / "golden").glob("*.json"))


def real_bytes(name: str) -> bytes:
    return (REAL / name).read_bytes()


def real_golden(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REAL / "golden" / f"{stem}.json").read_text(encoding="utf-8"))
    return data
