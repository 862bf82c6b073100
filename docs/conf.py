"""Sphinx configuration: MyST pages, API reference from the docstrings.

Build (what the test suite does, warnings are errors)::

    sphinx-build -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # the docs build from a checkout even before installing

import govinfo_report  # noqa: E402  (needs the path above)

project = "govinfo-report"
author = "govinfo_report developers"
copyright = "govinfo_report developers"
release = govinfo_report.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "alabaster"
html_title = f"govinfo-report {release}"
