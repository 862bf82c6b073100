"""The library's exceptions: one base class, subclasses that are also the matching builtin."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govinfo_report.schema import Diagnostic

__all__ = [
    "DecodingError",
    "GarbledTextError",
    "GovinfoReportError",
    "MissingDependencyError",
    "NoTextLayerError",
    "ParseError",
    "RenderError",
    "ReportNotFoundError",
    "UnknownFormatError",
    "UnknownLayoutError",
    "UnknownNameError",
    "UnsupportedFormatError",
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


class MissingDependencyError(GovinfoReportError, ImportError):
    """A source needs an optional extra that is not installed (PDF needs ``govinfo-report[pdf]``).

    Attributes:
        extra: the extra to install (``"pdf"``, ``"docx"``).
        module: the module that could not be imported.

    """

    def __init__(self, what: str, extra: str, module: str) -> None:
        """Create the error; the message says what to install."""
        self.extra = extra
        self.module = module
        super().__init__(f'{what} needs {module}, which is not installed: pip install "govinfo-report[{extra}]"')


class UnsupportedFormatError(ParseError):
    """A file format the library does not read (a legacy ``.doc``/``.wps``, a spreadsheet): convert it first."""


class NoTextLayerError(ParseError):
    """A PDF with no text to read (a scanned document): it needs OCR first.

    Attributes:
        pages: the 1-based pages without text.

    """

    def __init__(self, message: str, pages: Sequence[int] = ()) -> None:
        """Create the error with the pages that have no text."""
        self.pages = tuple(pages)
        super().__init__(message)


class GarbledTextError(ParseError):
    """A PDF whose fonts map no characters to Unicode (``(cid:123)``, U+FFFD): its text is not its words.

    Attributes:
        pages: the 1-based pages whose text is garbled.

    """

    def __init__(self, message: str, pages: Sequence[int] = ()) -> None:
        """Create the error with the garbled pages."""
        self.pages = tuple(pages)
        super().__init__(message)


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
