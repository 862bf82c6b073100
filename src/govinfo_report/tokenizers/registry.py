"""Finding tokenizers: built-ins, plugins from an entry-point group, and scored detection."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from govinfo_report.errors import UnknownLayoutError
from govinfo_report.plugins import PluginRegistry, load_plugins
from govinfo_report.tokenizers.base import Tokenizer, safe_score
from govinfo_report.tokenizers.builtin import (
    LinesTokenizer,
    PipeTokenizer,
    SpacedTokenizer,
    TabTokenizer,
    WrappedTokenizer,
)
from govinfo_report.tokenizers.glued import GluedTokenizer

__all__ = ["BUILTIN_TOKENIZERS", "ENTRY_POINT_GROUP", "Registry", "default_tokenizers", "plugin_tokenizers"]

#: Entry-point group through which other packages add tokenizers.
ENTRY_POINT_GROUP = "govinfo_report.tokenizers"

#: The built-in tokenizer classes, listed explicitly.
BUILTIN_TOKENIZERS: tuple[type[Tokenizer], ...] = (
    PipeTokenizer,
    TabTokenizer,
    LinesTokenizer,
    WrappedTokenizer,
    SpacedTokenizer,
    GluedTokenizer,
)


@cache
def plugin_tokenizers() -> tuple[Tokenizer, ...]:
    """Load the tokenizers of the entry-point group once; a plugin that fails is skipped with a warning.

    An entry point may name a ``Tokenizer`` subclass or an instance.
    """
    return load_plugins(ENTRY_POINT_GROUP, Tokenizer)


def default_tokenizers() -> tuple[Tokenizer, ...]:
    """Return the built-ins followed by every installed plugin."""
    return tuple(cls() for cls in BUILTIN_TOKENIZERS) + plugin_tokenizers()


class Registry(PluginRegistry[Tokenizer]):
    """A set of tokenizers, looked up by name or alias, and a detector.

    Detection never depends on the order tokenizers were given in: the best
    ``(score, priority, name)`` wins.
    """

    missing = UnknownLayoutError

    @property
    def tokenizers(self) -> tuple[Tokenizer, ...]:
        """The tokenizers, sorted by name."""
        return self._plugins

    def scores(self, lines: Sequence[str]) -> list[tuple[float, Tokenizer]]:
        """Every tokenizer's guarded score for ``lines``, best first."""
        scored = [(safe_score(t, lines), t) for t in self._plugins]
        scored.sort(key=lambda pair: (pair[0], pair[1].priority, pair[1].name), reverse=True)
        return scored

    def detect(self, lines: Sequence[str]) -> Tokenizer | None:
        """Return the best-scoring tokenizer, or None when every score is 0."""
        scored = self.scores(lines)
        if not scored or scored[0][0] <= 0.0:
            return None
        return scored[0][1]
