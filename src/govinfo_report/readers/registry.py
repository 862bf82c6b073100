"""Finding readers: built-ins, plugins from an entry-point group, and detection by content."""

from __future__ import annotations

from functools import cache

from govinfo_report.errors import UnknownFormatError
from govinfo_report.plugins import PluginRegistry, load_plugins
from govinfo_report.readers.base import Reader
from govinfo_report.readers.html import HtmlReader
from govinfo_report.readers.office import DocxReader, LegacyOfficeReader
from govinfo_report.readers.pdf import PdfReader
from govinfo_report.readers.text import TextReader

__all__ = ["BUILTIN_READERS", "ENTRY_POINT_GROUP", "ReaderRegistry", "default_readers", "plugin_readers"]

#: Entry-point group through which other packages add readers (PDF, Office …).
ENTRY_POINT_GROUP = "govinfo_report.readers"

#: The built-in reader classes.
BUILTIN_READERS: tuple[type[Reader], ...] = (TextReader, HtmlReader, PdfReader, DocxReader, LegacyOfficeReader)


@cache
def plugin_readers() -> tuple[Reader, ...]:
    """Load the readers of the entry-point group once."""
    return load_plugins(ENTRY_POINT_GROUP, Reader)


def default_readers() -> tuple[Reader, ...]:
    """Return the built-ins followed by every installed plugin."""
    return tuple(cls() for cls in BUILTIN_READERS) + plugin_readers()


class ReaderRegistry(PluginRegistry[Reader]):
    """A set of readers, looked up by name or alias, and a detector of formats."""

    missing = UnknownFormatError

    @property
    def readers(self) -> tuple[Reader, ...]:
        """The readers, sorted by name."""
        return self._plugins

    def detect(self, source: str | bytes) -> Reader:
        """Return the reader whose ``detect`` scores ``source`` highest (ties: priority, then name).

        A reader whose ``detect`` raises counts as 0.  With no reader scoring above 0 the
        text reader is used when there is one.
        """
        scored = [(_score(reader, source), reader.priority, reader.name, reader) for reader in self._plugins]
        best = max(scored, key=lambda item: item[:3], default=None)
        if best is None or best[0] <= 0.0:
            return self.get("text")
        return best[3]


def _score(reader: Reader, source: str | bytes) -> float:
    try:
        value = float(reader.detect(source))
    except Exception:  # noqa: BLE001 - a plugin's bug must not break detection
        return 0.0
    return 0.0 if value != value else min(1.0, max(0.0, value))
