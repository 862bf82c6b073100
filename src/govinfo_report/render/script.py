"""Writing simplified text in traditional script, or as "Taiwan-converted" text.

The inverse of the parser's fold: each simplified character is written in the traditional
form OpenCC's ``s2t`` gives it (generated table ``S2T``), and for ``taiwan`` the curated
Taiwan words come back (文件 → 檔案).  ``fold`` of the result is the input, which is what the
round-trip properties rely on.  Characters are converted one by one, without OpenCC's phrase
tables: plausible traditional text, not an editor's conversion.
"""

from __future__ import annotations

import regex

from govinfo_report._t2s_table import S2T
from govinfo_report.errors import RenderError
from govinfo_report.normalize import TAIWAN_WORDS

__all__ = ["SCRIPTS", "to_script"]

#: The scripts ``render`` writes.
SCRIPTS = ("simplified", "traditional", "taiwan")

# Mainland word → the Taiwan word in simplified characters (文件 → 档案), longest first.
_MAINLAND_WORDS = {mainland: taiwan for taiwan, mainland in sorted(TAIWAN_WORDS.items(), reverse=True)}
_MAINLAND_RE = regex.compile("|".join(sorted(_MAINLAND_WORDS, key=len, reverse=True)))


def to_script(text: str, script: str) -> str:
    """Write simplified ``text`` in ``script`` (one of ``SCRIPTS``).

    Raises:
        RenderError: an unknown script.

    """
    if script == "simplified":
        return text
    if script == "taiwan":
        text = _MAINLAND_RE.sub(lambda m: _MAINLAND_WORDS[m.group()], text)
    elif script != "traditional":
        raise RenderError(f"unknown script {script!r}; valid: {', '.join(SCRIPTS)}")
    return text.translate(S2T)
