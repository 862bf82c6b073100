r"""The speed figures in one command: every benchmark, as ratios measured in one run.

    python benchmarks/run.py                  # every suite, full sizes; prints Markdown
    python benchmarks/run.py --write          # … and puts the tables in docs/performance.md
    python benchmarks/run.py --quick          # small sizes and few repeats (what CI runs)
    python benchmarks/run.py --baseline PY    # also time the parser installed for the
                                              # interpreter PY (e.g. a venv holding the
                                              # previous release's wheel)
    python benchmarks/run.py fixtures import  # some suites only

The suites:

- ``fixtures``: ``parse`` on each seed and real fixture (median of many calls) against the
  floor of one ``re.findall(r"\d+")`` over the same text; the HTML page's reading against
  ``lxml.html.fromstring`` and the PDF's against pdfplumber's own ``extract_tables``, when
  those are installed; against ``--baseline`` when given.
- ``import``: ``import govinfo_report`` against ``import attrs, cattrs, regex`` (fresh
  interpreters, medians).
- ``memory``: peak Python allocations while parsing the large inputs, as a multiple of the
  input's size.
- ``linear``: seconds per MB from a normal report up to 20 MB of prose, table-like lines,
  long labels and distinct labels.
- ``batch``: the command line's ``--jobs 2`` against ``--jobs 1`` over a folder of reports.

The machines are shared and noisy: compare the ratios inside one run, not seconds across
runs.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"
MB = 1024 * 1024
_DIGITS = re.compile(r"\d+")

import govinfo_report  # noqa: E402 - after the constants the docstring names
from govinfo_report.decode import decode  # noqa: E402
from govinfo_report.readers import HtmlReader  # noqa: E402


@attrs.frozen
class Table:
    """One suite's result: a titled Markdown table with a line of reading under it."""

    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    notes: list[str] = attrs.field(factory=list)

    def markdown(self) -> str:
        """Return the table as Markdown, title first."""
        lines = [f"### {self.title}", "", "| " + " | ".join(self.header) + " |"]
        lines.append("|" + "|".join(["---"] + ["---:"] * (len(self.header) - 1)) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        if self.notes:
            lines += ["", *self.notes]
        return "\n".join(lines) + "\n"


@attrs.frozen
class Settings:
    """How hard to measure: ``quick`` is for CI, which checks the suite runs, not its figures."""

    quick: bool
    baseline: str | None

    def repeat(self, seconds_each: float, budget: float = 1.0) -> int:
        """How many calls fit in ``budget`` seconds (at least 3; 3 in quick mode)."""
        if self.quick:
            return 3
        return max(3, min(300, int(budget / max(seconds_each, 1e-6))))


def median_seconds(call: Callable[[], object], settings: Settings, budget: float = 1.0) -> float:
    """Median seconds of ``call()`` over as many calls as fit in the budget."""
    start = time.perf_counter()
    call()
    first = time.perf_counter() - start
    times = []
    for _ in range(settings.repeat(first, budget)):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fixture_sources() -> list[tuple[str, bytes]]:
    """Return the seeds and the real fixtures, as bytes, by a short name."""
    files = sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt"))
    files += sorted(p for p in (FIXTURES / "real").iterdir() if p.is_file() and p.stem[:3].isdigit())
    return [(("seed " if p.parent == FIXTURES else "real ") + p.name, p.read_bytes()) for p in files]


def _lxml_reading(data: bytes) -> Callable[[], object] | None:
    try:
        html = importlib.import_module("lxml.html")
    except ImportError:
        return None
    return partial(html.fromstring, data)


def _lxml_visiting(data: bytes) -> Callable[[], object] | None:
    """Return lxml's tree building plus one Python visit of every node: the least an lxml-backed reader would do."""
    try:
        html = importlib.import_module("lxml.html")
    except ImportError:
        return None

    def run() -> int:
        seen = 0
        for element in html.fromstring(data).iter():
            seen += len(element.attrib) + len(element.text or "") + len(element.tail or "") + (element.tag == "td")
        return seen

    return run


def _plumber_reading(data: bytes) -> Callable[[], object] | None:
    try:
        import pdfplumber
    except ImportError:
        return None

    def run() -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.extract_text()

    return run


def _subprocess_times(python: str, sources: Sequence[tuple[str, bytes]], settings: Settings) -> dict[str, float]:
    """Best-of parse seconds per fixture under an interpreter (``python``) and the govinfo_report it imports."""
    program = (
        "import json, statistics, sys, time\n"
        "import govinfo_report\n"
        "out = {}\n"
        "for name, path, repeat in json.load(sys.stdin):\n"
        "    data = open(path, 'rb').read()\n"
        "    times = []\n"
        "    try:\n"
        "        for _ in range(repeat):\n"
        "            start = time.perf_counter()\n"
        "            govinfo_report.parse(data)\n"
        "            times.append(time.perf_counter() - start)\n"
        "    except Exception:\n"
        "        continue  # this version cannot read it (an extra missing, a newer format)\n"
        "    out[name] = min(times)  # best of: the least disturbed by other load\n"
        "print(json.dumps(out))\n"
    )
    paths = {p.name: p for p in FIXTURES.rglob("*") if p.is_file()}
    jobs = [(name, str(paths[name.split(" ", 1)[1]]), 3 if settings.quick else 30) for name, _ in sources]
    result = subprocess.run([python, "-c", program], input=json.dumps(jobs), capture_output=True, text=True, check=True)
    times: dict[str, float] = json.loads(result.stdout)
    return times


def _against_baseline(python: str, sources: Sequence[tuple[str, bytes]], settings: Settings) -> dict[str, float]:
    """Baseline seconds ÷ this version's, per fixture, both timed in subprocesses taking turns.

    Each side is timed in rounds that alternate, and each keeps its best round: a change in
    the machine's load during the run falls on both alike.
    """
    theirs: dict[str, float] = {}
    ours: dict[str, float] = {}
    for _ in range(1 if settings.quick else 3):
        for store, interpreter in ((theirs, python), (ours, sys.executable)):
            for name, seconds in _subprocess_times(interpreter, sources, settings).items():
                store[name] = min(store.get(name, math.inf), seconds)
    return {name: theirs[name] / ours[name] for name in theirs if name in ours}


def fixtures(settings: Settings) -> list[Table]:
    """``parse`` per fixture against the regex floor, the readers' libraries and a baseline."""
    sources = fixture_sources()
    baseline = _against_baseline(settings.baseline, sources, settings) if settings.baseline else {}
    rows, readers = [], []
    ratios = []
    for name, data in sources:
        seconds = median_seconds(partial(govinfo_report.parse, data), settings)
        ms = f"{seconds * 1000:.2f}"
        if data.startswith(b"%PDF-"):
            floor = "—"
        else:
            text = decode(data)
            floor_seconds = median_seconds(partial(_DIGITS.findall, text), settings, 0.2)
            ratios.append(seconds / floor_seconds)
            floor = f"{seconds / floor_seconds:.0f}×"
        against = f"{baseline[name]:.2f}×" if name in baseline else "—"
        rows.append((name, ms, floor, against))
        reference = _plumber_reading(data) if data.startswith(b"%PDF-") else None
        if name.endswith((".html", ".htm")):
            reference = _lxml_reading(data)
            ours = median_seconds(partial(HtmlReader().read, data), settings)
            if reference is not None:
                theirs = median_seconds(reference, settings)
                readers.append((name, "HtmlReader.read", f"{ours / theirs:.2f}×", "lxml.html.fromstring"))
                visiting = _lxml_visiting(data)
                assert visiting is not None
                theirs = median_seconds(visiting, settings)
                readers.append(
                    (
                        name,
                        "HtmlReader.read",
                        f"{ours / theirs:.2f}×",
                        "lxml.html.fromstring + a Python visit of each node",
                    )
                )
        elif reference is not None:
            theirs = median_seconds(reference, settings, 3.0)
            readers.append((name, "parse", f"{seconds / theirs:.2f}×", "pdfplumber extract_tables+text"))
    notes = [
        f"Median over the text fixtures: parse = {statistics.median(ratios):.0f}× the regex floor"
        f" (max {max(ratios):.0f}×)."
    ]
    if baseline:
        notes.append(f"Speed-up over the baseline ({settings.baseline}): the last column (>1 is faster now).")
    tables = [
        Table(
            "Fixtures: parse against the floor",
            ("fixture", "parse (ms)", "÷ `re.findall(r'\\d+')`", "baseline ÷ now"),
            rows,
            notes,
        )
    ]
    if readers:
        tables.append(Table("Readers against their libraries", ("fixture", "ours", "ours ÷ theirs", "theirs"), readers))
    return tables


def _import_seconds(statements: Sequence[str], settings: Settings) -> list[list[float]]:
    """Seconds of each statement in fresh interpreters (bytecode cached as installs have it), by round.

    The statements take turns within each round, so that a change in the machine's load
    falls on all of them alike; the first round only writes the bytecode.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = 3 if settings.quick else 21

    def once(statement: str) -> float:
        program = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
        result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, env=env)
        return float(result.stdout)

    rounds = [[once(statement) for statement in statements] for _ in range(runs + 1)]
    return rounds[1:]


def imports(settings: Settings) -> list[Table]:
    """``import govinfo_report`` against importing its three core dependencies (medians of interleaved runs)."""
    seed = str(FIXTURES / "002_0d16514126ac40ad.txt")
    rounds = _import_seconds(
        [
            "import attrs, cattrs, regex",
            "import govinfo_report",
            f"import govinfo_report; govinfo_report.parse(open({seed!r}, 'rb').read())",
        ],
        settings,
    )
    core, ours, first = (statistics.median(r[i] for r in rounds) for i in range(3))
    over = statistics.median(r[1] - r[0] for r in rounds)
    over_first = statistics.median(r[2] - r[0] for r in rounds)
    rows = [
        ("import attrs, cattrs, regex", f"{core * 1000:.0f}", "—"),
        ("import govinfo_report", f"{ours * 1000:.0f}", f"+{over * 1000:.0f}"),
        ("import + first parse (seed 002)", f"{first * 1000:.0f}", f"+{over_first * 1000:.0f}"),
    ]
    return [
        Table(
            "Import",
            ("statement", "ms (median, fresh interpreter)", "over the core (median of the rounds' differences)"),
            rows,
        )
    ]


def prose_repeated(seed: str, target: int) -> str:
    """Return the seed with its overview prose repeated until the text is about ``target`` bytes."""
    head, rest = seed.split("二、主动公开政府信息情况", 1)
    overview = head.split("一、总体情况", 1)[1]
    copies = max(0, (target - len(seed.encode())) // max(1, len(overview.encode())))
    return head + overview * copies + "二、主动公开政府信息情况" + rest


def table_lines(seed: str, count: int, label: Callable[[int], str] = lambda i: "(七) 总计") -> str:
    """Return the seed with ``count`` table-like lines added to table 三, labelled by ``label(i)``."""
    head, rest = seed.split("四、结转下年度继续办理", 1)
    lines = "".join(f"\t{label(i)}\t67\t6\t2\t0\t1\t1\t77\n" for i in range(count))
    return head + lines + "四、结转下年度继续办理" + rest


def _distinct(i: int) -> str:
    return "其他事项" + "".join("甲乙丙丁戊己庚辛壬癸"[int(d)] for d in str(i))


def large_inputs(settings: Settings) -> list[tuple[str, str]]:
    """Return the large inputs, by name (small ones in quick mode)."""
    seed = (FIXTURES / "002_0d16514126ac40ad.txt").read_text(encoding="utf-8")
    size, lines = (1 * MB, 2_000) if settings.quick else (20 * MB, 100_000)
    return [
        (f"prose repeated, {size // MB} MB", prose_repeated(seed, size)),
        (f"table lines, {lines:,}", table_lines(seed, lines)),
        (f"table lines, {lines:,} × long labels", table_lines(seed, lines, lambda i: "(七) 总计" + "说明" * 28)),
        (f"table lines, {lines:,} × distinct labels", table_lines(seed, lines, _distinct)),
    ]


def memory(settings: Settings) -> list[Table]:
    """Peak traced allocations while parsing each large input, as a multiple of its size.

    A report is parsed first, so that what the library builds once per process (its
    translation tables, about 4 MB) is not counted against the first input.
    """
    govinfo_report.parse((FIXTURES / "002_0d16514126ac40ad.txt").read_bytes())
    rows = []
    for name, text in large_inputs(settings):
        data = text.encode()
        tracemalloc.start()
        govinfo_report.parse(data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append((name, f"{len(data) / MB:.1f}", f"{peak / MB:.1f}", f"{peak / len(data):.1f}×"))
    return [Table("Memory: peak while parsing", ("input", "input (MB)", "peak (MB)", "peak ÷ input"), rows)]


def linear(settings: Settings) -> list[Table]:
    """Seconds per MB of a normal report and of each large input."""
    seed = (FIXTURES / "002_0d16514126ac40ad.txt").read_bytes()
    base = median_seconds(lambda: govinfo_report.parse(seed), settings) / (len(seed) / MB)
    rows = [("seed report (002)", f"{len(seed) / MB:.2f}", f"{base:.2f}", "1.00")]
    for name, text in large_inputs(settings):
        data = text.encode()
        start = time.perf_counter()
        govinfo_report.parse(data)
        per_mb = (time.perf_counter() - start) / (len(data) / MB)
        rows.append((name, f"{len(data) / MB:.2f}", f"{per_mb:.2f}", f"{per_mb / base:.2f}"))
    return [Table("Time per MB", ("input", "MB", "s/MB", "÷ seed's"), rows)]


def batch(settings: Settings) -> list[Table]:
    """Time the command line over a folder of copies of the fixtures, ``--jobs 1`` against ``--jobs 2``."""
    count = 40 if settings.quick else 2_000
    sources = [data for _, data in fixture_sources() if not data.startswith(b"%PDF-")]
    folder = Path(tempfile.mkdtemp(prefix="govinfo-bench-"))
    try:
        for i in range(count):
            (folder / f"{i:05d}.txt").write_bytes(sources[i % len(sources)])
        seconds = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "govinfo_report", "parse", str(folder), "-f", "wide-csv",
                 "-o", str(folder / f"out{jobs}.csv"), "-q", "--jobs", str(jobs)],
                check=False, capture_output=True,
            )  # fmt: skip
            seconds[jobs] = time.perf_counter() - start
    finally:
        shutil.rmtree(folder)
    rows = [(f"--jobs {jobs}", f"{s:.2f}", f"{count / s:.0f}", f"{seconds[1] / s:.2f}×") for jobs, s in seconds.items()]
    return [Table(f"Batch: {count:,} files to wide CSV", ("command", "seconds", "files/s", "speed-up"), rows)]


SUITES: dict[str, Callable[[Settings], list[Table]]] = {
    "fixtures": fixtures,
    "import": imports,
    "memory": memory,
    "linear": linear,
    "batch": batch,
}


def write(doc: Path, text: str) -> None:
    """Replace what is between the benchmark markers in ``doc`` (append them if missing)."""
    old = doc.read_text(encoding="utf-8")
    block = f"{START}\n{text}{END}"
    if START in old and END in old:
        new = old[: old.index(START)] + block + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip("\n") + "\n\n## Benchmark suite\n\n" + block + "\n"
    doc.write_text(new, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen suites, print their tables, and write them to the docs if asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suites", nargs="*", choices=[*SUITES, []], help="default: all")
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--baseline", metavar="PYTHON", help="an interpreter with another govinfo_report")
    parser.add_argument("--write", action="store_true", help=f"put the tables in {DOC.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    settings = Settings(quick=args.quick, baseline=args.baseline)
    out = []
    for name in args.suites or list(SUITES):
        for table in SUITES[name](settings):
            print(table.markdown(), flush=True)
            out.append(table.markdown())
    if args.write:
        header = f"Measured by `python benchmarks/run.py` with govinfo_report {govinfo_report.__version__}"
        header += f", Python {sys.version.split()[0]}, in one run.\n\n"
        write(DOC, header + "\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
