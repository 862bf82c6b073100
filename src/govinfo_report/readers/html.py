"""HTML pages as government sites serve them → a ``Document``.

A report pasted from Word into a CMS, inside the site's header, menus and footer: block
elements (``<p>``, ``<div>``, headings, list items, ``<br>``) become lines; every
``<table>`` that holds no other table becomes rows of cells, spans expanded (a merged
cell's text in its first position, the positions it covers empty, never copied); a table
that holds other tables is page layout and its cells are read as blocks.  Text split
across ``<span>``/``<font>`` runs is joined, whitespace is folded as a browser folds it,
``<script>``, ``<style>`` and comments are dropped.  Each character keeps its offset in
the page, so a value can be shown where it was read.

The page is tokenized by one regular expression (no binary dependency, several times
faster than the standard library's ``html.parser``, offsets exact by construction);
unclosed tags are closed as HTML implies them (a ``<td>`` by the next cell, a ``<p>`` by
the next block).  Everything is linear in the size of the page: open elements are
counted by name, the tree is walked without recursion, and spans are capped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import ClassVar

import regex

from govinfo_report.decode import decode
from govinfo_report.patterns import lazy, lazy_re
from govinfo_report.readers.base import Document, Grid, Reader, Segment
from govinfo_report.readers.grid import Placed, flow, spread

__all__ = ["HtmlReader", "decode_html", "tokens"]

#: Elements whose content is never text of the page.
_SKIP = frozenset({"script", "style", "noscript", "template", "select", "textarea", "svg"})
#: Elements that end the line before them and after them.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    }
)  # fmt: skip
#: Elements that have no content and no end tag.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
#: Start tags that close an open ``<p>`` (as HTML's parser does).
_CLOSES_P = _BLOCK - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "title"}
#: A start tag closes the innermost open element of these tags, unless one of the others is nearer.
_IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "td": (frozenset({"td", "th"}), frozenset({"table", "tr"})),
    "th": (frozenset({"td", "th"}), frozenset({"table", "tr"})),
    "tr": (frozenset({"tr"}), frozenset({"table"})),
    **dict.fromkeys(("tbody", "thead", "tfoot"), (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"}))),
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "table"})),
}
_IMPLIED_P = (frozenset({"p"}), frozenset({"td", "th", "table", "div", "li"}))
#: Inline elements that change nothing of how their text is read (Word's runs above all):
#: the tree does not hold them, their text goes straight to the element around them.
_TRANSPARENT = frozenset(
    {
        "a", "abbr", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "label",
        "mark", "nobr", "o:p", "q", "s", "samp", "small", "span", "strike", "sub", "sup", "time", "tt", "u", "var",
    }
)  # fmt: skip
#: Those of them whose start tag says nothing either (a link's may name an attachment).
_RUNS = _TRANSPARENT - {"a"}
#: Emphasis that often carries a heading at the start of a paragraph (``<strong>一、总体情况</strong>正文``).
_EMPHASIS = frozenset({"strong", "b"})
#: Largest colspan and rowspan honoured (HTML itself caps colspan at 1000).
MAX_COLSPAN = 64
MAX_ROWSPAN = 256
#: How many of a line's enclosing blocks are kept (outermost first) to tell the report's container.
MAX_PATH = 64
#: How far up the open elements an implied end tag is looked for.
_IMPLIED_DEPTH = 64

_WHITESPACE = lazy_re(r"[ \t\n\r\f\v\u00a0\u200b\ufeff]+")
_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", regex.IGNORECASE)
_MARKUP = lazy(r"<(?:html|head|body|meta|div|p|table|tr|td|span|br|font|title|a)\b", regex.IGNORECASE)
#: One token of a page (its kind is the outermost group's name): text, a tag (quotes
#: respected, else up to the next ">"), an end tag, a character reference, a comment, a
#: declaration, or a "<" or "&" that starts none of these.
_NAME = r"[a-zA-Z][^\t\n\r\f />\x00]*"
_REFERENCE = r"&(?:\#[xX][0-9a-fA-F]{1,8}|\#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?"
_TOKEN = lazy_re(
    # white space alone between tags (Word's indentation: most text tokens of a saved page)
    r"(?P<space>[ \t\n\r\f\v\u00a0\u200b\ufeff]+)(?![^<&])"
    r"|(?P<text>[^<&]+)"
    rf"""|(?P<start><(?P<name>{_NAME})(?:(?P<attrs>[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>|(?P<loose>[^>]*)>))"""
    rf"|(?P<end></(?P<end_name>{_NAME})[^>]*>)"
    rf"|(?P<reference>{_REFERENCE})"
    r"|(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<declaration><[!?/][^>]*>?)"
    r"|(?P<stray>[<&])",
    re.DOTALL,
)
_TEXT_TOKEN = lazy_re(rf"(?P<reference>{_REFERENCE})|(?P<text>[^&]+|&)")
_ATTRIBUTE = lazy(r"""([^\s/=>"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>"']*))?""")
#: Start tags whose attributes are read, and what the attributes must contain to be parsed.
_ATTRIBUTED = {"td": "span", "th": "span", "a": "href"}
#: Elements whose content is raw text up to their own end tag.
_RAW_TEXT = frozenset({"script", "style"})
_ATTACHMENT = lazy(r"\.(?:pdf|docx?|wps|xlsx?|ofd)(?:$|[?#])", regex.IGNORECASE)


@functools.cache
def _unescape() -> Callable[[str], str]:
    """Return ``html.unescape``, imported on first use: its entity table is a third of a reader's import."""
    import html  # deferred on purpose: ``import govinfo_report`` stays light

    return html.unescape


#: A piece of text and where it is in the page: ``(text, start, end, exact)``.
_Piece = tuple[str, int, int, bool]
#: White space alone between two tags: one piece for all of them, read as a space (``_Line.add``).
_SPACE: _Piece = (" ", 0, 0, True)


class _Element:
    __slots__ = ("attrs", "children", "has_caption", "has_table", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Element | _Piece] = []
        self.has_table = False  # a table inside this table
        self.has_caption = False  # a caption inside this table (and no table between)


class _TreeBuilder:
    """Builds a forgiving tree from the page's tokens; text pieces keep their offsets into the page."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = _Element("#root", {})
        self.stack = [self.root]
        self.open: dict[str, int] = {}  # how many elements of each tag are open
        self.tables: list[_Element] = []
        self.skipping = 0
        self.links: list[str] = []

    def build(self) -> _Element:
        """Read the page's tokens in one pass and return the tree's root.

        The tokens are ``tokens(text)``'s, read here straight from the pattern: a start tag of
        raw text (``_raw_text_end``) restarts it after its end tag, as ``tokens`` does.
        """
        text = self.text
        end = text.rfind(">") + 1
        position = 0
        while position < end:
            restart = self._read(_TOKEN.finditer(text, position, end))
            if restart is None:
                position = end
            elif restart < 0:
                return self.root  # raw text left unclosed: the rest of the page is its content
            else:
                position = restart
        self._read(_TEXT_TOKEN.finditer(text, position))
        return self.root

    def _read(self, found: Iterator[re.Match[str]]) -> int | None:
        """Read tokens into the tree; at a start tag of raw text, return where to go on (-1: nowhere)."""
        stack = self.stack  # changed in place only (``push``, ``pop_to``): looked up once
        for match in found:
            kind = match.lastgroup
            if kind == "space":
                if not self.skipping:
                    stack[-1].children.append(_SPACE)
            elif kind == "text":
                if not self.skipping:
                    start, stop = match.span()
                    stack[-1].children.append((match.group(), start, stop, True))
            elif kind == "start":
                name, attributes, loose = match.group("name", "attrs", "loose")
                tag = name.lower()
                if tag in _RUNS:
                    continue
                if attributes is None:
                    attributes = loose  # an unclosed quote: the tag runs to the next ">"
                wanted = _ATTRIBUTED.get(tag)  # only spans and links are read, so only they are parsed
                parsed = _attributes(attributes) if wanted and wanted in attributes.lower() else []
                if attributes.endswith("/"):
                    self.handle_startendtag(tag, parsed)
                    continue
                self.handle_starttag(tag, parsed)
                if tag in _RAW_TEXT:
                    closing = _raw_text_end(self.text, tag, match.end())
                    if closing is None:
                        return -1
                    self._end(closing)
                    return closing.end()
            elif kind == "end":
                self._end(match)
            elif kind == "reference":
                self._reference(match.group(), match.start())
            elif kind == "stray":
                self.handle_data(match.group(), match.start())
            # comments, declarations and processing instructions are dropped
        return None

    def _end(self, match: re.Match[str]) -> None:
        tag = match.group("end_name").lower()
        if tag not in _TRANSPARENT:
            self.handle_endtag(tag)

    # Structure ---------------------------------------------------------------------------

    def push(self, element: _Element) -> None:
        self.stack[-1].children.append(element)
        self.stack.append(element)
        self.open[element.tag] = self.open.get(element.tag, 0) + 1

    def pop_to(self, tag: str) -> None:
        """Close open elements up to and including the innermost ``tag``."""
        while len(self.stack) > 1:
            element = self.stack.pop()
            self.open[element.tag] -= 1
            if element.tag == "table" and self.tables and self.tables[-1] is element:
                self.tables.pop()
            if element.tag in _SKIP:
                self.skipping -= 1
            if element.tag == tag:
                return

    def implied(self, tags: frozenset[str], stop: frozenset[str]) -> None:
        """Close the innermost open element of ``tags`` unless a ``stop`` element is nearer."""
        open_ = self.open
        for tag in tags:
            if open_.get(tag):
                break
        else:
            return
        for element in reversed(self.stack[-_IMPLIED_DEPTH:]):
            if element.tag in stop:
                return
            if element.tag in tags:
                self.pop_to(element.tag)
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # what ``implied`` looks for first, asked here: most start tags imply no end
        rule = _IMPLIED_END.get(tag)
        if rule is not None and any(map(self.open.get, rule[0])):
            self.implied(*rule)
        if tag in _CLOSES_P and any(map(self.open.get, _IMPLIED_P[0])):
            self.implied(*_IMPLIED_P)
        if tag == "a":
            href = next((v for k, v in attrs if k == "href" and v), None)
            if href and _ATTACHMENT.search(href):
                self.links.append(href)
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skipping:
                self.stack[-1].children.append(_Element(tag, {}))
            return
        if tag in _TRANSPARENT:
            return  # its text belongs to the element around it, as the walk would read it anyway
        element = _Element(tag, {k: v or "" for k, v in attrs if k in ("colspan", "rowspan")} if attrs else {})
        if tag == "table":
            if self.tables:
                self.tables[-1].has_table = True
            self.tables.append(element)
        elif tag == "caption" and self.tables:
            self.tables[-1].has_caption = True  # the open tables are those on the stack, innermost last
        if tag in _SKIP:
            self.skipping += 1
        self.push(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _TRANSPARENT:
            return
        if tag == "br":
            self.handle_starttag("br", [])
        elif self.open.get(tag):
            self.pop_to(tag)

    # Text -----------------------------------------------------------------------------

    def add(self, piece: _Piece) -> None:
        if not self.skipping:
            self.stack[-1].children.append(piece)

    def handle_data(self, data: str, start: int) -> None:
        self.add((data, start, start + len(data), True))

    def _reference(self, raw: str, start: int) -> None:
        value = _unescape()(raw)
        self.add((value, start, start + len(raw), value == raw))


class _Line:
    """Text being gathered into one line, whitespace folded, with its segments."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.space = False  # a space is pending before the next text
        self.boundary = False  # a paragraph or line break inside a cell came before the next text

    def add(self, piece: _Piece) -> None:
        if piece is _SPACE:  # what white space alone comes to below, without looking at it
            self.space = self.length > 0
            return
        text, start, end, exact = piece
        if not exact:
            if _WHITESPACE.fullmatch(text):
                self.space = self.length > 0
            elif text:
                self._emit(text, start, end, exact=False)
            return
        first = _WHITESPACE.search(text)
        if first is None:  # most pieces: text without spaces
            self._emit(text, start, end, exact=True)
            return
        if first.start() == 0 and first.end() == len(text):  # and Word's indentation between tags
            self.space = self.length > 0
            return
        position = 0
        for match in _WHITESPACE.finditer(text):
            if match.start() > position:
                self._emit(text[position : match.start()], start + position, start + match.start(), exact=True)
            self.space = self.length > 0
            position = match.end()
        if position < len(text):
            self._emit(text[position:], start + position, end, exact=True)

    def _emit(self, text: str, start: int, end: int, *, exact: bool) -> None:
        if self.boundary and self.parts and self.parts[-1][-1:].isdigit() and text[:1].isdigit():
            self.space = True  # digits of two paragraphs are two numbers, never one
        self.boundary = False
        if self.space:
            self.parts.append(" ")
            self.segments.append((self.length, start, start, False))
            self.length += 1
            self.space = False
        self.parts.append(text)
        self.segments.append((self.length, start, end, exact))
        self.length += len(text)

    def take(self) -> tuple[str, list[Segment]]:
        text, segments = "".join(self.parts), self.segments
        self.parts, self.segments, self.length, self.space, self.boundary = [], [], 0, False, False
        return text, segments


class _Blocks:
    """Walks the tree and writes the document's lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.segments: list[Sequence[Segment]] = []
        self.grids: dict[int, Grid] = {}
        self.paths: list[tuple[int, ...]] = []
        self.line = _Line()
        self.tables = 0
        self.open: list[int] = []  # the block elements open around the text, outermost first
        self.ids = 0

    def flush(self) -> None:
        text, segments = self.line.take()
        if text.strip():
            self.add_line(text, segments)

    def add_line(self, text: str, segments: Sequence[Segment]) -> None:
        self.lines.append(text)
        self.segments.append(segments)
        self.paths.append(tuple(self.open[:MAX_PATH]))

    def walk(self, root: _Element) -> None:
        # (element or piece, entering) on an explicit stack: deep markup is no recursion.
        todo: list[tuple[_Element | _Piece, bool]] = [(root, True)]
        while todo:
            node, entering = todo.pop()
            if isinstance(node, tuple):
                self.line.add(node)
                continue
            tag = node.tag
            if not entering:
                if tag in _BLOCK or (tag in _EMPHASIS and node.attrs.get("#lead")):
                    self.flush()
                if tag in _BLOCK:
                    self.open.pop()
                continue
            if tag in _SKIP:
                continue
            if tag in ("br", "hr"):
                self.flush()
                continue
            if tag == "table" and not node.has_table:
                self.flush()
                self.grid(node)
                continue
            if tag in _BLOCK:
                self.flush()
                self.ids += 1
                self.open.append(self.ids)
            elif tag in _EMPHASIS and self.line.length == 0:
                node.attrs["#lead"] = "1"  # a heading printed in bold at a paragraph's start
            todo.append((node, False))
            todo.extend((child, True) for child in reversed(node.children))

    def grid(self, table: _Element) -> None:
        """Write a table's rows as lines of cells, spans expanded without copying."""
        index = self.tables
        self.tables += 1
        rows: list[list[tuple[str, list[Segment]]]] = []
        spans: list[list[tuple[int, int]]] = []
        # a table with no caption pushed into it has none: its tree is not searched for one
        for caption in _descendants(table, frozenset({"caption"})) if table.has_caption else ():
            self.walk(caption)
            self.flush()
        for row in _rows(table):
            cells: list[tuple[str, list[Segment]]] = []
            sizes: list[tuple[int, int]] = []
            for element in row:
                cells.append(_cell_text(element))
                sizes.append(
                    (_span(element.attrs.get("colspan"), MAX_COLSPAN), _span(element.attrs.get("rowspan"), MAX_ROWSPAN))
                )
            rows.append(cells)
            spans.append(sizes)
        positions = flow(spans)
        placed = [
            Placed(r, c, rowspan, colspan, cell[0], cell[1])
            for r, (cells, sizes, at) in enumerate(zip(rows, spans, positions, strict=True))
            for cell, (colspan, rowspan), (_, c) in zip(cells, sizes, at, strict=True)
        ]
        for laid in spread(placed, len(rows)):
            texts: list[str | None] = []
            segments: list[Segment] = []
            length = 0
            for c, (text, cell_segments) in enumerate(laid):
                if c:
                    length += 1
                segments.extend((at + length, start, end, exact) for at, start, end, exact in cell_segments or ())
                texts.append(text)
                length += len(text or "")
            if any(texts):
                self.grids[len(self.lines)] = Grid(tuple(texts), index)
                self.add_line("\t".join(t or "" for t in texts), segments)


def _attributes(source: str) -> list[tuple[str, str | None]]:
    """Read a start tag's attributes: lower-cased names, values unquoted and unescaped."""
    attributes: list[tuple[str, str | None]] = []
    for match in _ATTRIBUTE.finditer(source):
        value = match.group(2)
        if value is not None:
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            value = _unescape()(value)
        attributes.append((match.group(1).lower(), value))
    return attributes


@functools.cache
def _raw_end(tag: str) -> re.Pattern[str]:
    """Return the pattern of a raw-text element's end tag, in any case (an ``end`` token)."""
    return re.compile(rf"(?P<end></(?P<end_name>{tag})(?=[\s/>]|\Z)[^>]*>?)", re.IGNORECASE)


def _raw_text_end(text: str, tag: str, start: int) -> re.Match[str] | None:
    """Return the end tag (an ``end`` token) of the raw text that opens at ``start``, or None: unclosed."""
    return _raw_end(tag).search(text, start)


def tokens(text: str) -> Iterator[re.Match[str]]:
    """Yield a page's tokens in order, each a match whose ``lastgroup`` names its kind.

    The kinds are ``space`` (white space alone up to the next tag or reference), ``text``,
    ``start``, ``end``, ``reference``, ``comment``, ``declaration`` and ``stray`` (a ``<``
    or ``&`` that starts nothing).  The content of ``<script>`` and
    ``<style>`` is skipped up to their own end tag, which is yielded.  No tag can end after
    the page's last ``>``, so what follows it is text: one pass, linear on unclosed markup.
    (The reader's tree builder reads the same tokens without this generator between.)
    """
    end = text.rfind(">") + 1
    position = 0
    while position < end:
        raw: tuple[str, int] | None = None
        for match in _TOKEN.finditer(text, position, end):
            yield match
            if match.lastgroup == "start" and match.group("name").lower() in _RAW_TEXT:
                attributes, loose = match.group("attrs", "loose")
                if not (loose if attributes is None else attributes).endswith("/"):
                    raw = (match.group("name").lower(), match.end())
                    break
        if raw is None:
            position = end
            break
        closing = _raw_text_end(text, *raw)
        if closing is None:
            return  # unclosed: the rest of the page is the element's content
        yield closing
        position = closing.end()
    yield from _TEXT_TOKEN.finditer(text, position)


def _span(value: str | None, cap: int) -> int:
    """Read a colspan/rowspan attribute: a positive whole number, 1 otherwise (``0`` included)."""
    if not value:
        return 1
    digits = value.strip().split(".")[0]
    if not digits.isdigit():
        return 1
    return min(max(int(digits), 1), cap)


def _descendants(element: _Element, tags: frozenset[str]) -> Iterator[_Element]:
    """Yield the elements with these tags under ``element``, not looking inside them."""
    todo = list(reversed(element.children))
    while todo:
        node = todo.pop()
        if isinstance(node, tuple):
            continue
        if node.tag in tags:
            yield node
            continue
        todo.extend(reversed(node.children))


def _rows(table: _Element) -> Iterator[list[_Element]]:
    """Yield each row of a table as its cells (a cell outside any ``<tr>`` starts a row of its own)."""
    loose: list[_Element] = []
    for node in _descendants(table, frozenset({"tr", "td", "th", "caption"})):
        if node.tag == "caption":
            continue
        if node.tag == "tr":
            if loose:
                yield loose
                loose = []
            yield list(_descendants(node, frozenset({"td", "th"})))
        else:
            loose.append(node)
    if loose:
        yield loose


def _cell_text(cell: _Element) -> tuple[str, list[Segment]]:
    """Return a cell's text on one line: paragraphs and line breaks inside it are joined (a wrapped label)."""
    line = _Line()
    todo: list[_Element | _Piece] = list(reversed(cell.children))
    while todo:
        node = todo.pop()
        if isinstance(node, tuple):
            line.add(node)
        elif node.tag in ("br", "hr") or node.tag in _BLOCK:
            line.space = False
            line.boundary = True
            todo.extend(reversed(node.children))
        elif node.tag not in _SKIP:
            todo.extend(reversed(node.children))
    return line.take()


def decode_html(data: bytes) -> str:
    """Decode a page by its own declaration (BOM, ``<meta charset>``, ``http-equiv``), else as text is decoded."""
    if data.startswith(b"\xef\xbb\xbf"):
        return decode(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    match = _CHARSET.search(data[:8192])
    if match is not None:
        name = match.group(1).decode("ascii").lower()
        encoding = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}.get(name, name)
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
    return decode(data)


class HtmlReader(Reader):
    """Reads HTML pages: lines of the page's blocks, and its tables as cells."""

    name: ClassVar[str] = "html"
    aliases: ClassVar[tuple[str, ...]] = ("htm", "xhtml")
    priority: ClassVar[int] = 10
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".shtml", ".xhtml")

    def detect(self, source: str | bytes) -> float:
        """Score a source as HTML by its first few kilobytes."""
        head = source[:4096]
        sample = head.decode("latin-1") if isinstance(head, bytes) else head
        start = sample.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
        if start.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in sample.lower():
            return 1.0
        if start.startswith(("<!doctype html", "<html")):
            return 1.0
        tags = len(_MARKUP.findall(sample))
        if tags >= 3:
            return 0.9 if start.startswith("<") else 0.6
        return 0.0

    def read(self, source: str | bytes) -> Document:
        """Read a page into lines and cells, keeping each character's offset in the page."""
        text = decode_html(bytes(source)) if isinstance(source, (bytes, bytearray, memoryview)) else source
        builder = _TreeBuilder(text)
        blocks = _Blocks()
        blocks.walk(builder.build())
        blocks.flush()
        return Document(
            text,
            tuple(blocks.lines),
            self.name,
            grids=blocks.grids,
            segments=tuple(blocks.segments),
            paths=tuple(blocks.paths),
            attachments=tuple(dict.fromkeys(builder.links)),
        )
