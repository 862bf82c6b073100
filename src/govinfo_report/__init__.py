"""govinfo_report: parse Chinese government information-disclosure annual reports.

``parse(text)`` turns the text of a 政府信息公开工作年度报告 into a typed ``Report``;
``cells(report)`` flattens its tables into one record per template cell.

The parser's names are imported with the package; the serializers and ``to_frame``
only on first use (PEP 562), so that a scraper that only
parses does not pay for them at start-up.
"""

from typing import TYPE_CHECKING, Any

from govinfo_report.cells import cells
from govinfo_report.decode import decode
from govinfo_report.errors import (
    DecodingError,
    GarbledTextError,
    GovinfoReportError,
    MissingDependencyError,
    NoTextLayerError,
    ParseError,
    RenderError,
    ReportNotFoundError,
    UnknownFormatError,
    UnknownLayoutError,
    UnknownNameError,
    UnsupportedFormatError,
    ValidationError,
)
from govinfo_report.indicators import indicators
from govinfo_report.parser import Parser, default_parser
from govinfo_report.readers import Document, Reader
from govinfo_report.render import render
from govinfo_report.schema import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    ApplicantCounts,
    Applications,
    Cell,
    DecisionCount,
    Diagnostic,
    DocumentCounts2019,
    DocumentCounts2021,
    FeeAmount,
    FeeItems,
    ItemCounts,
    Procurement,
    Provenance,
    Report,
    ReviewOutcomes,
    Reviews,
    Script,
    Section,
    Severity,
    Span,
    TableSource,
    TemplateVersion,
)
from govinfo_report.tokenizers import Tokenizer, TokenRow
from govinfo_report.validate import validate

if TYPE_CHECKING:
    from govinfo_report.frame import to_frame
    from govinfo_report.serialize import from_dict, from_json, to_dict, to_json

__version__ = "0.1.0"

#: Public names loaded on first use, and the module each comes from.
_LAZY = {
    "from_dict": "govinfo_report.serialize",
    "from_json": "govinfo_report.serialize",
    "to_dict": "govinfo_report.serialize",
    "to_json": "govinfo_report.serialize",
    "to_frame": "govinfo_report.frame",
}


def __getattr__(name: str) -> Any:
    """Import a lazily loaded public name (``to_json``, ``to_frame`` …) on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govinfo_report' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names, the lazily loaded ones included."""
    return sorted({*globals(), *_LAZY})


#: Parse a report's text with the default parser (``Parser().parse``).
parse = default_parser.parse

__all__ = [
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "ApplicantCounts",
    "Applications",
    "Cell",
    "DecisionCount",
    "DecodingError",
    "Diagnostic",
    "Document",
    "DocumentCounts2019",
    "DocumentCounts2021",
    "FeeAmount",
    "FeeItems",
    "GarbledTextError",
    "GovinfoReportError",
    "ItemCounts",
    "MissingDependencyError",
    "NoTextLayerError",
    "ParseError",
    "Parser",
    "Procurement",
    "Provenance",
    "Reader",
    "RenderError",
    "Report",
    "ReportNotFoundError",
    "ReviewOutcomes",
    "Reviews",
    "Script",
    "Section",
    "Severity",
    "Span",
    "TableSource",
    "TemplateVersion",
    "TokenRow",
    "Tokenizer",
    "UnknownFormatError",
    "UnknownLayoutError",
    "UnknownNameError",
    "UnsupportedFormatError",
    "ValidationError",
    "__version__",
    "cells",
    "decode",
    "default_parser",
    "from_dict",
    "from_json",
    "indicators",
    "parse",
    "render",
    "to_dict",
    "to_frame",
    "to_json",
    "validate",
]
