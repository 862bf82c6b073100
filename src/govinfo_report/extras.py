"""Optional dependencies (extras): import one when a feature needs it, or say which extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from govinfo_report.errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, what: str, extra: str) -> ModuleType:
    """Import an optional extra's module, or say which extra installs it.

    Args:
        module: the module to import (``"pdfplumber"``).
        what: what needs it, for the message (``"reading PDF files"``).
        extra: the extra of ``govinfo-report`` that installs it (``"pdf"``).

    Raises:
        MissingDependencyError: the module is not installed.

    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingDependencyError(what, extra, module) from error
