"""The JSON Schema of a serialized ``Report``, generated from the schema classes.

``json_schema()`` walks the attrs classes of ``govinfo_report.schema`` and their type
annotations, so the schema cannot drift from the converter's output; descriptions come from
the classes' docstrings and the ``#:`` comments above their fields.  The same document is
shipped as package data (``report.schema.json``, see ``shipped_schema()``) and in ``docs/``;
``scripts/generate_schema.py`` rewrites both, and a test checks they are current.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import json
import types
import typing
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs
import regex

from govinfo_report.schema import Report
from govinfo_report.serialize.json import DECIMAL_PATTERN, SCHEMA_VERSION

__all__ = ["SCHEMA_ID", "json_schema", "shipped_schema"]

#: The ``$id`` of the schema document.
SCHEMA_ID = f"https://govinfo-report.readthedocs.io/schema/report-v{SCHEMA_VERSION}.json"

_FIELD_COMMENT = regex.compile(r"^\s*#:\s?(?P<text>.*)$")
_FIELD_LINE = regex.compile(r"^\s*(?P<name>[a-z_][a-z0-9_]*)\s*:")


def _field_comments(cls: type) -> dict[str, str]:
    """Return ``{field: text}`` from the ``#:`` comment lines above each field of ``cls``."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # pragma: no cover - source not shipped (zipped or frozen)
        return {}
    comments: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines():
        comment = _FIELD_COMMENT.match(line)
        if comment:
            pending.append(comment["text"].strip())
            continue
        field = _FIELD_LINE.match(line)
        if field and pending:
            comments[field["name"]] = " ".join(pending)
        pending = []
    return comments


def _description(cls: type) -> str:
    return inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0].replace("\n", " ")


class _Builder:
    """Turns annotations into schema fragments, collecting attrs classes in ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, annotation: Any) -> dict[str, Any]:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            members = typing.get_args(annotation)
            if type(None) in members and len(members) == 2:
                (other,) = (m for m in members if m is not type(None))
                return {"anyOf": [self.of(other), {"type": "null"}]}
            return {"anyOf": [self.of(m) for m in members]}
        if origin is tuple:
            args = typing.get_args(annotation)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            fixed = [self.of(arg) for arg in args]
            return {"type": "array", "prefixItems": fixed, "minItems": len(fixed), "maxItems": len(fixed)}
        if annotation is type(None):
            return {"type": "null"}
        if annotation is bool:
            return {"type": "boolean"}
        if annotation is int:
            return {"type": "integer"}
        if annotation is float:
            return {"type": "number"}
        if annotation is str:
            return {"type": "string"}
        if annotation is Decimal:
            return {"type": "string", "pattern": DECIMAL_PATTERN, "description": "a decimal number, exactly"}
        if annotation is datetime.date:
            return {"type": "string", "format": "date"}
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return {"enum": [member.value for member in annotation]}
        if attrs.has(annotation):
            return self.model(annotation)
        raise TypeError(f"no JSON Schema for {annotation!r}")  # pragma: no cover - a new field type

    def model(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name: classes may refer to each other
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        comments = _field_comments(cls)
        properties: dict[str, Any] = {}
        optional = {field.name for field in attrs.fields(cls) if field.metadata.get("optional")}
        for field in attrs.fields(cls):
            fragment = self.of(hints[field.name])
            if field.name in comments:
                fragment = {"description": comments[field.name], **fragment}
            properties[field.name] = fragment
        return {
            "type": "object",
            "description": _description(cls),
            "properties": properties,
            "required": [name for name in properties if name not in optional],
            "additionalProperties": False,
        }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of ``to_dict`` / ``to_json`` output.

    Every key but ``provenance`` (written on request) is required (the serializer writes
    blanks as ``null``), no other key is allowed, counts are integers and money is a decimal string.
    """
    builder = _Builder()
    report = builder.object_schema(Report)
    report["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **report["properties"]}
    report["required"] = ["schema_version", *report["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "govinfo_report Report",
        **report,
        "$defs": dict(sorted(builder.defs.items())),
    }


def dumps(schema: dict[str, Any]) -> str:
    """Return the schema as the text of the shipped file (stable order, Chinese kept)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def shipped_schema() -> dict[str, Any]:
    """Return the JSON Schema file shipped in the package (``report.schema.json``)."""
    text = resources.files("govinfo_report.serialize").joinpath("report.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
