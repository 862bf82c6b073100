"""Benchmark: would lxml make the HTML reader faster?  An lxml-backed tree, measured.

Run from the project root (``python benchmarks/html_lxml.py``; needs lxml).  The HTML reader
must know where in the page every character of a cell was printed (provenance), and lxml
gives no character offsets, only line numbers.  So an lxml-backed reader still scans the
page for its text pieces and their offsets (``readers.html.tokens``), then walks lxml's tree
and pairs each text and tail with the pieces it is made of.  This script builds that tree,
checks that it gives the same document as the pure-Python tokenizer (lines, segments, grids,
paths), and prints both times as a ratio measured in one run.
"""

from __future__ import annotations

import html
import importlib
import sys
from pathlib import Path
from typing import Any

from timing import best

import govinfo_report
from govinfo_report.readers import html as reader
from govinfo_report.render.html import render_html

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "tests" / "fixtures" / "real").glob("*.html"))

Piece = tuple[str, int, int, bool]


def pieces(text: str) -> list[Piece]:
    """Return the page's text pieces in order, with their offsets (what lxml cannot say)."""
    found: list[Piece] = []
    for match in reader.tokens(text):
        kind = match.lastgroup
        if kind in ("text", "space", "stray"):
            start, stop = match.span()
            found.append((match.group(), start, stop, True))
        elif kind == "reference":
            raw = match.group()
            value = html.unescape(raw)
            start, stop = match.span()
            found.append((value, start, stop, value == raw))
    return found


class _Pairing:
    """Pairs lxml's strings, in document order, with the pieces they are made of."""

    def __init__(self, found: list[Piece]) -> None:
        self.pieces = found
        self.index = 0
        self.offset = 0  # characters of the current piece already paired

    def take(self, text: str, into: list[Any] | None) -> bool:
        """Pair ``text`` with the next pieces (whitespace lxml dropped is skipped); False if it cannot."""
        at = 0
        while at < len(text):
            if self.index >= len(self.pieces):
                return False
            value, start, stop, exact = self.pieces[self.index]
            rest = value[self.offset :]
            if text.startswith(rest, at):
                if into is not None:
                    into.append((rest, start + self.offset, stop, exact))
                at += len(rest)
                self.index, self.offset = self.index + 1, 0
            elif rest.startswith(text[at:]) and exact:
                part = text[at:]
                if into is not None:
                    into.append((part, start + self.offset, start + self.offset + len(part), True))
                self.offset += len(part)
                at = len(text)
            elif self.offset == 0 and not rest.strip():
                self.index += 1
            else:
                return False
        return True

    def rest_is_blank(self) -> bool:
        """Say whether every piece lxml did not use is whitespace (nothing of the page was dropped)."""
        return not any(value.strip() for value, *_ in self.pieces[self.index :])


def lxml_tree(text: str, etree: Any) -> Any:
    """Build the reader's tree from lxml's, or None where lxml's text and the page's disagree."""
    pairing = _Pairing(pieces(text))
    page = etree.fromstring(text.encode("utf-8"), etree.HTMLParser(encoding="utf-8", huge_tree=True))
    root = reader._Element("#root", {})
    todo: list[tuple[Any, Any, Any, bool]] = [(page, root, None, False)]
    while todo:
        node, parent, table, skipping = todo.pop()
        if isinstance(node, str):
            if not pairing.take(node, None if skipping else parent.children):
                return None
            continue
        if node.tail:
            todo.append((node.tail, parent, table, skipping))
        tag = node.tag
        if not isinstance(tag, str):  # a comment or a processing instruction
            continue
        if tag in reader._VOID:
            if tag in ("br", "hr") and not skipping:
                parent.children.append(reader._Element(tag, {}))
            continue
        if tag in reader._TRANSPARENT:
            element = parent  # an inline run holds no element of its own, as in the reader's tree
        else:
            spans = ("colspan", "rowspan") if tag in ("td", "th") else ()
            element = reader._Element(tag, {name: value for name in spans if (value := node.get(name)) is not None})
            if not skipping:
                parent.children.append(element)
        if tag == "table":
            if table is not None:
                table.has_table = True
            table = element
        if tag in reader._RAW_TEXT:
            continue
        inner = skipping or tag in reader._SKIP
        if node.text and not pairing.take(node.text, None if inner else element.children):
            return None
        todo.extend((child, element, table, inner) for child in reversed(node))
    return root if pairing.rest_is_blank() else None


def pages() -> list[tuple[str, str]]:
    """Return the saved pages and each seed rendered as a Word page inside a site's chrome."""
    found = [(path.name, reader.decode_html(path.read_bytes())) for path in PAGES]
    for path in sorted((ROOT / "tests" / "fixtures").glob("[0-9][0-9][0-9]_*.txt")):
        report = govinfo_report.parse(path.read_bytes())
        found.append((f"{path.stem} rendered", render_html(report, word=True, chrome=True, seed=7)))
    return found


def document(root: Any) -> tuple[object, ...]:
    """Return what the reader makes of a tree: lines, segments, grids and paths."""
    blocks = reader._Blocks()
    blocks.walk(root)
    blocks.flush()
    return tuple(blocks.lines), tuple(blocks.segments), blocks.grids, tuple(blocks.paths)


def main() -> int:
    """Print, per saved page, whether both trees read the same and their times."""
    try:
        etree: Any = importlib.import_module("lxml.etree")
    except ImportError:
        print("lxml is not installed: pip install lxml", file=sys.stderr)
        return 1
    print("| page | same document | pure tokenizer tree (ms) | lxml-backed tree (ms) | lxml ÷ pure |")
    print("|---|---|---:|---:|---:|")
    for name, text in pages():
        ours = reader._TreeBuilder(text).build()
        theirs = lxml_tree(text, etree)
        same = theirs is not None and document(theirs) == document(ours)
        pure = best(lambda: reader._TreeBuilder(text).build(), 30)  # noqa: B023 (called in this iteration)
        backed = best(lambda: lxml_tree(text, etree), 30)  # noqa: B023
        ms = f"{pure * 1000:.2f} | {backed * 1000:.2f}"
        print(f"| {name} | {'yes' if same else 'no'} | {ms} | {backed / pure:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
