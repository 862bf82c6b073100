"""What ``import govinfo_report`` loads, and the names it loads on first use."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys

import pytest
import regex

import govinfo_report
from govinfo_report.patterns import lazy, lazy_re


def test_importing_the_package_leaves_the_serializers_plugins_and_extras_unloaded() -> None:
    program = (
        "import sys, govinfo_report\n"
        "print(' '.join(sorted(m for m in ("
        "'govinfo_report.serialize', 'govinfo_report.frame', 'importlib.metadata',"
        " 'zipfile', 'cattrs', 'pdfplumber', 'mammoth', 'pandas') if m in sys.modules)))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert loaded.split() == []


def test_lazy_names_are_there_on_first_use_and_listed() -> None:
    for name in ("to_json", "from_json", "to_dict", "from_dict", "to_frame", "indicators", "render"):
        assert name in dir(govinfo_report)
        assert callable(getattr(govinfo_report, name))
    report = govinfo_report.parse("一、总体情况\n本机关2023年……\n二、主动公开政府信息情况\n")
    assert govinfo_report.from_json(govinfo_report.to_json(report)) == report


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        govinfo_report.no_such_name  # noqa: B018 - the lookup is the test


def test_a_lazy_pattern_behaves_as_the_compiled_one() -> None:
    text = "（三）不予公开 12 件，-3 万元"
    for source in (r"\d+", r"(?P<n>-?\d+)\s*(?P<unit>万元|件)", r"[^\p{L}\p{N}]+"):
        pattern, compiled = lazy(source), regex.compile(source)
        assert pattern.findall(text) == compiled.findall(text)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert pattern.sub("_", text) == compiled.sub("_", text)
        assert pattern.pattern == source
    assert lazy(r"abc", regex.IGNORECASE).fullmatch("ABC") is not None
    assert "lazy(" in repr(lazy("x"))
    standard = lazy_re(r"(?P<n>\d+)\s*件", re.IGNORECASE)
    assert [m.group("n") for m in standard.finditer(text)] == ["12"]
    assert standard.flags & re.IGNORECASE


def test_reports_and_their_patterns_survive_pickling_across_processes() -> None:
    report = govinfo_report.parse("一、总体情况\n本机关2023年……\n二、主动公开政府信息情况\n")
    assert pickle.loads(pickle.dumps(report)) == report
