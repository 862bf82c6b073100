"""The packages as PyPI would get them: build, twine check, install the wheel fresh, parse.

Slow-ish (a build and a fresh virtual environment, ~20 s); deselect with ``-m "not packaging"``.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

import govinfo_report

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.packaging


def sh(*args: str | Path, cwd: Path | None = None) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=600, check=False)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    sh(sys.executable, "-m", "build", "--outdir", out, ROOT)  # the sdist, then the wheel from the sdist
    return out


def test_twine_check_passes(dist: Path) -> None:
    files = sorted(dist.iterdir())
    assert sorted(f.suffix for f in files) == [".gz", ".whl"]
    assert "PASSED" in sh(sys.executable, "-m", "twine", "check", "--strict", *files)


def test_wheel_carries_types_schema_and_tables(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"govinfo_report-{govinfo_report.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        text = archive.read(f"govinfo_report-{govinfo_report.__version__}.dist-info/METADATA").decode("utf-8")
    for name in ("py.typed", "serialize/report.schema.json", "_t2s_table.py", "tokenizers/registry.py"):
        assert f"govinfo_report/{name}" in names
    assert "License-Expression: Apache-2.0" in text
    assert "Provides-Extra: cli" in text
    assert "政府信息公开" in text  # keywords and the README as description


def test_sdist_carries_tests_and_fixtures(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for name in ("tests/fixtures/000_fb35a360553c7541.txt", "docs/conf.py", "examples/pages/login.txt", "LICENSE"):
        assert name in names


def installed_wheel(dist: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Install the built wheel into a fresh virtual environment; return it and its python."""
    (wheel,) = dist.glob("*.whl")
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    sh(python, "-m", "pip", "install", "-q", wheel)
    return env, python


def test_wheel_installs_in_a_fresh_venv_and_parses_a_seed(dist: Path, tmp_path: Path) -> None:
    env, python = installed_wheel(dist, tmp_path)
    seed = FIXTURES / "000_fb35a360553c7541.txt"
    script = (
        "import sys, govinfo_report\n"
        "from govinfo_report.serialize import shipped_schema\n"
        "r = govinfo_report.parse(open(sys.argv[1], encoding='utf-8').read())\n"
        "print(r.year, r.template.value, sum(1 for c in govinfo_report.cells(r) if c.value is not None))\n"
        "print(shipped_schema()['$id'])\n"
        "print(govinfo_report.__file__)\n"
    )
    out = sh(python, "-c", script, seed, cwd=tmp_path).splitlines()
    assert out[0].split()[:2] == ["2020", "2019"]
    assert out[1].endswith("report-v1.json")
    assert str(env) in out[2]  # the installed copy, not the checkout
    cli = sh(env / "bin" / "govinfo-report", "parse", seed, "--format", "csv", cwd=tmp_path)
    assert cli.startswith("source,organization,year,template,table,row,column,value")
    assert len(cli.splitlines()) == 1 + 198
    # The core installs with attrs, cattrs and regex only; a PDF then names the extra it needs.
    installed = {line.split("==")[0].lower() for line in sh(python, "-m", "pip", "freeze").splitlines()}
    assert {"attrs", "cattrs", "regex"} <= installed
    assert not installed & {"pdfplumber", "mammoth", "lxml", "pandas", "tqdm", "hypothesis"}
    pdf = FIXTURES / "real" / "104_hongze_district_2023.pdf"
    script = (
        "import sys, govinfo_report\n"
        "try:\n"
        "    govinfo_report.parse(open(sys.argv[1], 'rb').read())\n"
        "except govinfo_report.MissingDependencyError as error:\n"
        "    print(error.extra, error)\n"
    )
    said = sh(python, "-c", script, pdf, cwd=tmp_path)
    assert said.startswith("pdf ")
    assert 'pip install "govinfo-report[pdf]"' in said


def test_a_plugin_installed_with_pip_loads_and_reads_its_layout(dist: Path, tmp_path: Path) -> None:
    # The plugin does ``from govinfo_report import Tokenizer``: plugins must load lazily,
    # after govinfo_report has finished importing, or the import is circular.
    _, python = installed_wheel(dist, tmp_path)
    sh(python, "-m", "pip", "install", "-q", "--no-deps", ROOT / "examples" / "plugin")
    seed = FIXTURES / "000_fb35a360553c7541.txt"
    script = (
        "import sys, warnings\n"
        "warnings.simplefilter('error')\n"
        "import govinfo_report\n"
        "print(' '.join(govinfo_report.default_parser.registry.names()))\n"
        "r = govinfo_report.parse(open(sys.argv[1], encoding='utf-8').read())\n"
        "text = govinfo_report.render(r, layout='columns')\n"
        "back = govinfo_report.parse(text, layout='columns')\n"
        "print(back.applications == r.applications, back.active_disclosure == r.active_disclosure)\n"
    )
    out = sh(python, "-c", script, seed, cwd=tmp_path).splitlines()
    assert "columns" in out[0].split()
    assert out[1] == "True True"
