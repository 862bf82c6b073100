"""JSON for ``Report``: a cattrs converter in the style of ``cattrs.preconf.json``.

Dates are ISO strings, money is a decimal string (a float would lose digits), enums are
their values, and a ``schema_version`` travels with every document.  Structuring is strict:
unknown keys are refused, and ``"7"`` is not an int nor ``1.9`` a Decimal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from types import UnionType
from typing import Any, Union, get_args, get_origin

import cattrs
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _json_converter

from govinfo_report.errors import GovinfoReportError
from govinfo_report.schema import ActiveDisclosure2019, ActiveDisclosure2021, Report

__all__ = [
    "DECIMAL_PATTERN",
    "SCHEMA_VERSION",
    "SerializationError",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
]

#: Version of the JSON document layout; bumped on any incompatible change.
SCHEMA_VERSION = 1

#: Money as the serializer writes it: plain decimal digits, no exponent, no float.
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
_DECIMAL = re.compile(DECIMAL_PATTERN)


class SerializationError(GovinfoReportError, ValueError):
    """A document that is not a serialized ``Report`` of a supported schema version."""


def _decimal(value: object, _: object = None) -> Decimal:
    if not isinstance(value, str):
        raise TypeError(f"money must be a decimal string, not {type(value).__name__} {value!r}")
    if not _DECIMAL.fullmatch(value):
        raise ValueError(f"not a plain decimal string (digits, optional sign and point): {value!r}")
    return Decimal(value)


def _int(value: object, _: object = None) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {type(value).__name__} {value!r}")
    return value


def _str(value: object, _: object = None) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__} {value!r}")
    return value


def _number(value: object, _: object = None) -> int | Decimal | None:
    """Structure a cell value: null, an integer count, or a decimal string (money)."""
    if value is None:
        return None
    if type(value) is int:
        return value
    return _decimal(value)


def _active(converter: cattrs.Converter) -> Any:
    def structure(value: object, _: object) -> ActiveDisclosure2019 | ActiveDisclosure2021 | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise TypeError(f"active_disclosure must be an object, not {type(value).__name__}")
        regulations = value.get("regulations")
        is_2019 = "centralized_procurement" in value or (isinstance(regulations, dict) and "new_made" in regulations)
        if is_2019:
            return converter.structure(value, ActiveDisclosure2019)
        return converter.structure(value, ActiveDisclosure2021)

    return structure


def _is_union_of(*members: type) -> Callable[[Any], bool]:
    wanted = set(members)

    def predicate(annotation: Any) -> bool:
        return get_origin(annotation) in (Union, UnionType) and set(get_args(annotation)) == wanted

    return predicate


def make_converter() -> JsonConverter:
    """Return a converter for ``Report`` documents (``dumps``/``loads`` and the hooks).

    The converter is strict: extra keys, strings where numbers belong and floats where
    money belongs are errors.
    """
    converter = _json_converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(Decimal, lambda d: format(d, "f"))
    converter.register_structure_hook(Decimal, _decimal)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook_func(_is_union_of(int, Decimal, type(None)), _number)
    converter.register_structure_hook_func(
        _is_union_of(ActiveDisclosure2019, ActiveDisclosure2021, type(None)), _active(converter)
    )
    return converter


_CONVERTER = make_converter()


def to_dict(report: Report, *, provenance: bool = False) -> dict[str, Any]:
    """Return the report as plain JSON-ready data, with ``schema_version`` first.

    Args:
        report: the report.
        provenance: also write where each value was read (``provenance``: a list of
            ``{table, row, column, span: {line, start, end}}``); left out by default.

    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(_CONVERTER.unstructure(report))
    if not provenance:
        del data["provenance"]
    return data


def from_dict(data: dict[str, Any]) -> Report:
    """Build a ``Report`` from ``to_dict`` output.

    Raises:
        SerializationError: unknown schema version, extra or missing keys, wrong types.

    """
    if not isinstance(data, dict):
        raise SerializationError(f"a report document is an object, not {type(data).__name__}")
    body = dict(data)
    version = body.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        raise SerializationError(f"unsupported schema_version {version!r} (this library reads {SCHEMA_VERSION})")
    try:
        return _CONVERTER.structure(body, Report)
    except (cattrs.BaseValidationError, TypeError, ValueError, KeyError) as error:
        detail = "; ".join(cattrs.transform_error(error)) if isinstance(error, cattrs.BaseValidationError) else error
        raise SerializationError(f"not a valid report document: {detail}") from error


def to_json(report: Report, *, indent: int | None = None, provenance: bool = False) -> str:
    """Serialize a report to a JSON string (UTF-8 text, Chinese kept as is).

    ``provenance=True`` also writes where each value was read (see ``to_dict``).
    """
    return json.dumps(to_dict(report, provenance=provenance), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """Read a report back from ``to_json`` output; ``from_json(to_json(r)) == r``.

    Raises:
        SerializationError: the text is not JSON or not a report document.

    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SerializationError(f"not JSON: {error}") from error
    return from_dict(data)
