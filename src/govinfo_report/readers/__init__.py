"""Readers: what the user holds (text, an HTML page, a file's bytes) → a ``Document``."""

from govinfo_report.readers.base import Box, ContiguousSegments, Document, Grid, Reader, Segment
from govinfo_report.readers.html import HtmlReader, decode_html
from govinfo_report.readers.office import DocxReader, LegacyOfficeReader
from govinfo_report.readers.pdf import PdfReader
from govinfo_report.readers.registry import (
    BUILTIN_READERS,
    ENTRY_POINT_GROUP,
    ReaderRegistry,
    default_readers,
    plugin_readers,
)
from govinfo_report.readers.text import TextReader

__all__ = [
    "BUILTIN_READERS",
    "ENTRY_POINT_GROUP",
    "Box",
    "ContiguousSegments",
    "Document",
    "DocxReader",
    "Grid",
    "HtmlReader",
    "LegacyOfficeReader",
    "PdfReader",
    "Reader",
    "ReaderRegistry",
    "Segment",
    "TextReader",
    "decode_html",
    "default_readers",
    "plugin_readers",
]
