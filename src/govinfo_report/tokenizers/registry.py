"""Finding tokenizers: built-ins, plugins from an entry-point group, and scored detection."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.metadata import entry_points

from govinfo_report.errors import UnknownLayoutError
from govinfo_report.tokenizers.base import Tokenizer, safe_score
from govinfo_report.tokenizers.builtin import (
    LinesTokenizer,
    PipeTokenizer,
    SpacedTokenizer,
    TabTokenizer,
    WrappedTokenizer,
)

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
)


@cache
def plugin_tokenizers() -> tuple[Tokenizer, ...]:
    """Load the tokenizers of the entry-point group once; a plugin that fails is skipped with a warning.

    An entry point may name a ``Tokenizer`` subclass or an instance.
    """
    found: list[Tokenizer] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = point.load()
            tokenizer = loaded() if isinstance(loaded, type) else loaded
        except Exception as exc:  # noqa: BLE001 - one broken plugin must not break parsing
            warnings.warn(f"govinfo_report: tokenizer plugin {point.name!r} failed to load: {exc}", stacklevel=2)
            continue
        if not isinstance(tokenizer, Tokenizer):
            warnings.warn(f"govinfo_report: plugin {point.name!r} is not a Tokenizer", stacklevel=2)
            continue
        found.append(tokenizer)
    return tuple(found)


def default_tokenizers() -> tuple[Tokenizer, ...]:
    """Return the built-ins followed by every installed plugin."""
    return tuple(cls() for cls in BUILTIN_TOKENIZERS) + plugin_tokenizers()


class Registry:
    """A set of tokenizers, looked up by name or alias, and a detector.

    Detection never depends on the order tokenizers were given in: the best
    ``(score, priority, name)`` wins.
    """

    def __init__(self, tokenizers: Iterable[Tokenizer]) -> None:
        """Build a registry; names and aliases must not collide.

        Raises:
            ValueError: two tokenizers claim the same name or alias.

        """
        self._tokenizers = tuple(sorted(tokenizers, key=lambda t: t.name))
        self._by_name: dict[str, Tokenizer] = {}
        for tokenizer in self._tokenizers:
            for name in (tokenizer.name, *tokenizer.aliases):
                key = name.lower()
                if key in self._by_name and self._by_name[key] is not tokenizer:
                    raise ValueError(f"tokenizer name {name!r} is claimed twice")
                self._by_name[key] = tokenizer

    @property
    def tokenizers(self) -> tuple[Tokenizer, ...]:
        """The tokenizers, sorted by name."""
        return self._tokenizers

    def names(self) -> tuple[str, ...]:
        """Return the primary names, sorted."""
        return tuple(t.name for t in self._tokenizers)

    def get(self, name: str) -> Tokenizer:
        """Return the tokenizer with this name or alias (case-insensitive).

        Raises:
            UnknownLayoutError: no such tokenizer; the message lists the valid names.

        """
        found = self._by_name.get(name.lower())
        if found is None:
            raise UnknownLayoutError(name, self.names())
        return found

    def scores(self, lines: Sequence[str]) -> list[tuple[float, Tokenizer]]:
        """Every tokenizer's guarded score for ``lines``, best first."""
        scored = [(safe_score(t, lines), t) for t in self._tokenizers]
        scored.sort(key=lambda pair: (pair[0], pair[1].priority, pair[1].name), reverse=True)
        return scored

    def detect(self, lines: Sequence[str]) -> Tokenizer | None:
        """Return the best-scoring tokenizer, or None when every score is 0."""
        scored = self.scores(lines)
        if not scored or scored[0][0] <= 0.0:
            return None
        return scored[0][1]
