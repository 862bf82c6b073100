"""Plain text, as pasted, extracted from a PDF or saved by a crawler → a ``Document`` of its lines."""

from __future__ import annotations

from typing import ClassVar

from govinfo_report.decode import decode
from govinfo_report.readers.base import Document, Reader

__all__ = ["TextReader"]


class TextReader(Reader):
    """Reads text: its lines are the document's lines, tables are found and tokenized per section."""

    name: ClassVar[str] = "text"
    aliases: ClassVar[tuple[str, ...]] = ("txt", "plain")
    priority: ClassVar[int] = 0
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".md", ".text")

    def detect(self, source: str | bytes) -> float:
        """Any source can be read as text: the lowest score above zero, the fallback."""
        return 0.01

    def read(self, source: str | bytes) -> Document:
        """Decode bytes (UTF-8, GB18030/GBK or Big5) and cut the text into lines."""
        text = decode(bytes(source)) if isinstance(source, (bytes, bytearray, memoryview)) else source
        return Document.from_text(text, self.name)
