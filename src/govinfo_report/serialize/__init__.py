"""Serializers: JSON documents of whole reports, and the long cell format (CSV, JSON Lines)."""

from govinfo_report.serialize.json import (
    SCHEMA_VERSION,
    SerializationError,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from govinfo_report.serialize.jsonschema import json_schema, shipped_schema
from govinfo_report.serialize.records import FIELDS, value_text, write_csv, write_jsonl

__all__ = [
    "FIELDS",
    "SCHEMA_VERSION",
    "SerializationError",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "shipped_schema",
    "to_dict",
    "to_json",
    "value_text",
    "write_csv",
    "write_jsonl",
]
