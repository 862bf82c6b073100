"""Word documents → a ``Document`` (``.docx`` through mammoth, extra ``govinfo-report[docx]``).

mammoth (BSD, pure Python) turns a ``.docx`` into HTML with Word's merged cells as
``rowspan``/``colspan`` — a merged cell once, never copied (python-docx's cells repeat a
merged cell in every position it covers, which would read a number twice) — and the HTML
reader reads that.  Offsets in provenance index the HTML mammoth made (``Document.text``).

Legacy binary formats (``.doc``, WPS's ``.wps``, both OLE compound files) and other zip
formats (``.xlsx``, ``.ofd``) are recognised and refused with a typed error that says what
to do, rather than decoded as text.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

import attrs

from govinfo_report.errors import ParseError, UnsupportedFormatError
from govinfo_report.extras import require
from govinfo_report.readers.base import Document, Reader
from govinfo_report.readers.html import HtmlReader

__all__ = ["DocxReader", "LegacyOfficeReader"]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Largest uncompressed ``word/document.xml`` read (a zip bomb is refused, not inflated).
MAX_DOCUMENT_XML = 256 * 1024 * 1024


class DocxReader(Reader):
    """Reads Word ``.docx`` files: through mammoth's HTML, as a page."""

    name: ClassVar[str] = "docx"
    aliases: ClassVar[tuple[str, ...]] = ("word",)
    priority: ClassVar[int] = 20
    extensions: ClassVar[tuple[str, ...]] = (".docx",)

    def detect(self, source: str | bytes) -> float:
        """Score a source as ``.docx``: a zip whose first entries name ``word/``."""
        if not isinstance(source, bytes) or not source.startswith(_ZIP):
            return 0.0
        return 1.0 if b"word/" in source[:65536] else 0.5

    def read(self, source: str | bytes) -> Document:
        """Convert the document to HTML with mammoth and read that.

        Raises:
            MissingDependencyError: mammoth (the ``docx`` extra) is not installed.
            UnsupportedFormatError: a zip that is not a Word document (``.xlsx``, ``.ofd`` …).
            ParseError: a damaged ``.docx``.

        """
        if isinstance(source, str):
            raise UnsupportedFormatError("a .docx must be given as bytes (Path.read_bytes()), not as text")
        import zipfile  # only when a .docx is read: it costs start-up time to every parse

        data = bytes(source)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                info = next((i for i in archive.infolist() if i.filename == "word/document.xml"), None)
        except zipfile.BadZipFile as error:
            raise ParseError(f"not a readable .docx (a damaged zip): {error}") from None
        if info is None:
            raise UnsupportedFormatError(
                "a zip file that is not a Word document (no word/document.xml): "
                "save the report as .docx, PDF or HTML, or give its text"
            )
        if info.file_size > MAX_DOCUMENT_XML:
            raise ParseError(f"the .docx's text is {info.file_size} bytes unpacked, over {MAX_DOCUMENT_XML}")
        mammoth: Any = require("mammoth", "reading Word (.docx) files", "docx")
        try:
            page = mammoth.convert_to_html(io.BytesIO(data)).value
        except Exception as error:  # noqa: BLE001 - mammoth raises many types for a damaged file
            raise ParseError(f"the .docx could not be read: {type(error).__name__}: {error}") from None
        document = HtmlReader().read(f"<!DOCTYPE html><html><body>{page}</body></html>")
        return attrs.evolve(document, reader=self.name)


class LegacyOfficeReader(Reader):
    """Recognises legacy ``.doc``/``.wps`` files (OLE compound files) and says to convert them."""

    name: ClassVar[str] = "doc"
    aliases: ClassVar[tuple[str, ...]] = ("wps", "ole")
    priority: ClassVar[int] = 20
    extensions: ClassVar[tuple[str, ...]] = (".doc", ".wps")

    def detect(self, source: str | bytes) -> float:
        """Score a source by the OLE compound file signature."""
        return 1.0 if isinstance(source, bytes) and source.startswith(_OLE) else 0.0

    def read(self, source: str | bytes) -> Document:
        """Refuse the file: its binary format is not read.

        Raises:
            UnsupportedFormatError: always, saying how to convert it.

        """
        raise UnsupportedFormatError(
            "a legacy Word/WPS binary file (.doc/.wps) cannot be read: convert it to .docx or PDF first "
            "(for instance: libreoffice --headless --convert-to docx FILE)"
        )
