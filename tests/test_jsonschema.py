from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import govinfo_report
from govinfo_report import schema
from govinfo_report.serialize import to_dict
from govinfo_report.serialize.jsonschema import dumps, json_schema, shipped_schema

from .conftest import FIXTURES
from .test_serialize import reports

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_shipped_copies_are_current() -> None:
    """Package data and docs copy equal the generated schema (else run scripts/generate_schema.py)."""
    text = dumps(json_schema())
    assert shipped_schema() == json_schema()
    assert (ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_real_output_validates(path: Path) -> None:
    document = to_dict(govinfo_report.parse(path.read_text(encoding="utf-8")))
    VALIDATOR.validate(document)
    VALIDATOR.validate(json.loads(govinfo_report.to_json(govinfo_report.parse(path.read_text(encoding="utf-8")))))


@given(reports())
def test_every_serialized_report_validates(report: schema.Report) -> None:
    VALIDATOR.validate(json.loads(govinfo_report.to_json(report)))


def _errors(document: dict[str, Any]) -> list[str]:
    """Every message, including those inside anyOf branches (nullable fields are anyOf)."""
    pending = list(VALIDATOR.iter_errors(document))
    messages = []
    while pending:
        error = pending.pop()
        messages.append(error.message)
        pending.extend(error.context or ())
    return messages


def _seed_document() -> dict[str, Any]:
    path = FIXTURES / "qingshan_2022_v2021.txt"
    return to_dict(govinfo_report.parse(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("applications", "total", "total"), "7", "'7' is not of type 'integer'"),
        # 7.0 is an integer to JSON Schema (a mathematical type); the converter refuses it too.
        (("applications", "total", "total"), 7.5, "7.5 is not of type 'integer'"),
        (("active_disclosure", "administrative_fees", "amount"), 1.5, "1.5 is not of type 'string'"),
        (("active_disclosure", "administrative_fees", "amount"), "1e3", "'1e3' does not match"),
        (("template",), "2020", "'2020' is not one of ['2019', '2021']"),
        (("schema_version",), 2, "1 was expected"),
    ],
)
def test_schema_refuses_what_the_converter_refuses(path: tuple[str, ...], value: object, expected: str) -> None:
    document = _seed_document()
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert any(expected in message for message in _errors(document)), _errors(document)
    with pytest.raises(govinfo_report.serialize.SerializationError):
        govinfo_report.from_dict(document)


def test_schema_refuses_extra_and_missing_keys() -> None:
    document = _seed_document()
    document["reviews"]["administrative_review"]["surplus"] = 1
    del document["applications"]["total"]["natural_person"]
    messages = " | ".join(_errors(document))
    assert "'surplus' was unexpected" in messages
    assert "'natural_person' is a required property" in messages


def test_descriptions_come_from_the_field_comments() -> None:
    defs = json_schema()["$defs"]
    assert defs["ApplicantCounts"]["properties"]["natural_person"]["description"] == "自然人"
    assert defs["Diagnostic"]["properties"]["difference"]["description"].startswith("For a broken identity")
    assert json_schema()["properties"]["active_disclosure"]["description"] == "Table 二, None when the report lacks it."
