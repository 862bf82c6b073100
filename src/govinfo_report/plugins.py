"""Loading plugins from entry-point groups, and looking them up by name.

Tokenizers (``govinfo_report.tokenizers``) and readers (``govinfo_report.readers``) are
both plugins: classes with a ``name`` and ``aliases``, loaded once, on first use.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from typing import Any, Generic, Protocol, TypeVar

from govinfo_report.errors import UnknownNameError

__all__ = ["NameIndex", "Named", "PluginRegistry", "load_plugins"]


class Named(Protocol):
    """What a plugin shows: a primary name and aliases."""

    @property
    def name(self) -> str:
        """The primary name."""

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names it answers to."""


T = TypeVar("T", bound=Named)


def entry_points(group: str) -> Iterable[Any]:
    """Return the installed entry points of ``group``.

    ``importlib.metadata`` costs some 14 ms to import, so it is imported here, when plugins
    are first looked up, not with the package.
    """
    from importlib import metadata

    return metadata.entry_points(group=group)


def load_plugins(group: str, kind: type[Any]) -> tuple[Any, ...]:
    """Load every entry point of ``group``; one that fails or is not a ``kind`` is skipped with a warning.

    An entry point may name a subclass of ``kind`` or an instance of one.
    """
    found: list[Any] = []
    for point in entry_points(group=group):
        try:
            loaded = point.load()
            plugin = loaded() if isinstance(loaded, type) else loaded
        except Exception as exc:  # noqa: BLE001 - one broken plugin must not break parsing
            warnings.warn(f"govinfo_report: {kind.__name__} plugin {point.name!r} failed to load: {exc}", stacklevel=3)
            continue
        if not isinstance(plugin, kind):
            warnings.warn(f"govinfo_report: plugin {point.name!r} is not a {kind.__name__}", stacklevel=3)
            continue
        found.append(plugin)
    return tuple(found)


class NameIndex(dict[str, T]):
    """Plugins by lower-cased name and alias; a name claimed twice is refused."""

    def __init__(self, plugins: Iterable[T], what: str) -> None:
        """Index ``plugins``.

        Raises:
            ValueError: two plugins claim the same name or alias.

        """
        super().__init__()
        for plugin in plugins:
            for name in (plugin.name, *plugin.aliases):
                key = name.lower()
                if key in self and self[key] is not plugin:
                    raise ValueError(f"{what} name {name!r} is claimed twice")
                self[key] = plugin

    def find(self, name: str, missing: Callable[[str], Exception]) -> T:
        """Return the plugin with this name or alias (case-insensitive), else raise ``missing(name)``."""
        found = self.get(name.lower())
        if found is None:
            raise missing(name)
        return found


class PluginRegistry(Generic[T]):
    """A set of plugins of one kind, sorted by name, looked up by name or alias."""

    #: The error for a name nothing answers to.
    missing: type[UnknownNameError] = UnknownNameError

    def __init__(self, plugins: Iterable[T]) -> None:
        """Build a registry; names and aliases must not collide.

        Raises:
            ValueError: two plugins claim the same name or alias.

        """
        self._plugins = tuple(sorted(plugins, key=lambda p: p.name))
        self._by_name = NameIndex(self._plugins, self.missing.kind)

    def names(self) -> tuple[str, ...]:
        """Return the primary names, sorted."""
        return tuple(p.name for p in self._plugins)

    def get(self, name: str) -> T:
        """Return the plugin with this name or alias (case-insensitive).

        Raises:
            UnknownNameError: the registry's subclass of it; the message lists the valid names.

        """
        return self._by_name.find(name, lambda missing: self.missing(missing, self.names()))
