"""Renderers: a ``Report`` back to text, each table flattened the way a tokenizer reads it.

``render(report, layout="tab")`` normalises a messy report into clean text; its damage
options reproduce what real reports suffer (collapsed rows, wrapped labels, traditional
script, page noise …), which is how the property tests generate variety.
"""

from govinfo_report.render.grid import GROUP_STYLES, MONEY_STYLES, CellStyle, table_rows
from govinfo_report.render.report import NOISE_AFTER, NOISE_BEFORE, render
from govinfo_report.render.script import SCRIPTS, to_script

__all__ = [
    "GROUP_STYLES",
    "MONEY_STYLES",
    "NOISE_AFTER",
    "NOISE_BEFORE",
    "SCRIPTS",
    "CellStyle",
    "render",
    "table_rows",
    "to_script",
]
