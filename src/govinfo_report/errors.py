"""The library's exceptions: one base class, subclasses that are also the matching builtin."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govinfo_report.schema import Diagnostic

__all__ = [
    "DecodingError",
    "GovinfoReportError",
    "ParseError",
    "RenderError",
    "ReportNotFoundError",
    "UnknownFormatError",
    "UnknownLayoutError",
    "UnknownNameError",
    "ValidationError",
]


class GovinfoReportError(Exception):
    """Base of every error the library raises.

    Attributes:
        line: 1-based input line where it happened, when known.
        table: table key where it happened, when known.

    """

    def __init__(self, message: str, *, line: int | None = None, table: str | None = None) -> None:
        """Create the error with a message and where it happened."""
        super().__init__(message)
        self.message = message
        self.line = line
        self.table = table

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"line {self.line}" if self.line else "", self.table or "") if p)
        return f"{self.message} ({where})" if where else self.message


class ParseError(GovinfoReportError, ValueError):
    """The input could not be read as a report."""


class ReportNotFoundError(ParseError):
    """The text has none of a report's landmarks (no section headings, no tables)."""


class UnknownNameError(GovinfoReportError, LookupError):
    """A plugin name that nothing registered answers to.

    Attributes:
        name: the name asked for.
        valid: the names that exist.

    """

    #: What the name names, for the message (``"layout"``, ``"format"``).
    kind = "name"

    def __init__(self, name: str, valid: Iterable[str]) -> None:
        """Create the error; the message lists the valid names."""
        self.name = name
        self.valid = tuple(valid)
        super().__init__(f"unknown {self.kind} {name!r}; valid {self.kind}s: {', '.join(self.valid)}")


class UnknownLayoutError(UnknownNameError):
    """A layout name (``parse(..., layout=...)``) that no registered tokenizer answers to."""

    kind = "layout"


class UnknownFormatError(UnknownNameError):
    """A source format name (``parse(..., format=...)``) that no registered reader answers to."""

    kind = "format"


class DecodingError(ParseError, UnicodeError):
    """Bytes that none of the encodings these sites use could decode.

    Attributes:
        encodings: the encodings tried, in order.

    """

    def __init__(self, encodings: Sequence[str]) -> None:
        """Create the error; the message names the encodings tried."""
        self.encodings = tuple(encodings)
        super().__init__(f"could not decode the input as any of: {', '.join(self.encodings)}")


class ValidationError(GovinfoReportError, ValueError):
    """``parse(..., strict=True)`` found problems of warning level or above.

    Attributes:
        diagnostics: every diagnostic of warning level and above, in order.
        report: the report that was parsed, for inspection.

    """

    def __init__(self, diagnostics: Sequence[Diagnostic], report: object = None) -> None:
        """Create the error from the diagnostics that made it."""
        self.diagnostics = tuple(diagnostics)
        self.report = report
        lines = [f"{d.code} @ {d.where()}: {d.message}" for d in self.diagnostics]
        super().__init__(f"{len(lines)} problem(s):\n" + "\n".join(lines))


class RenderError(GovinfoReportError, ValueError):
    """A report cannot be rendered as asked: the layout has no renderer, or an option is invalid."""
