"""The ``govinfo-report`` command line: parse, check and list layouts, for one file or a folder.

Exit status: 0 all went well; 1 a file could not be parsed (``parse``) or a report has
error-level diagnostics (``check``); 2 the command line was wrong.

Batches of more than a few files show a progress bar on standard error when it is a
terminal and tqdm is installed (``pip install "govinfo-report[cli]"``); standard output
only ever carries the requested format.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

import attrs

from govinfo_report import __version__
from govinfo_report.describe import describe
from govinfo_report.errors import GovinfoReportError
from govinfo_report.parser import default_parser
from govinfo_report.schema import Report, Severity
from govinfo_report.serialize import to_dict, write_csv, write_jsonl
from govinfo_report.serialize.wide import write_wide_csv

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
#: A batch of at least this many files gets a progress bar (on a terminal).
PROGRESS_MIN_FILES = 5
_CLI_EXTRA = 'pip install "govinfo-report[cli]"'


@attrs.frozen
class Outcome:
    """The result of parsing one input: a report, or the error that stopped it."""

    source: str
    report: Report | None
    error: str | None


def _suffixes() -> frozenset[str]:
    """File name endings picked up from folders: every reader's, plugins' included."""
    return frozenset(suffix for reader in default_parser.readers.readers for suffix in reader.extensions)


def _sources(names: Sequence[str]) -> Iterator[str]:
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            suffixes = _suffixes()
            yield from sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            yield name


def _parse_one(job: tuple[str, str | None, bool, bytes | None]) -> Outcome:
    source, layout, strict, data = job
    try:
        raw = data if data is not None else Path(source).read_bytes()
        return Outcome(source, default_parser.parse(raw, layout=layout, strict=strict), None)
    except (GovinfoReportError, OSError) as error:
        return Outcome(source, None, f"{type(error).__name__}: {error}")


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _progress(outcomes: Iterable[Outcome], total: int, mode: str) -> Iterable[Outcome]:
    """Wrap ``outcomes`` in a tqdm bar on stderr when ``mode`` and the batch call for one."""
    wanted = mode == "always" or (mode == "auto" and total >= PROGRESS_MIN_FILES and _stderr_is_terminal())
    if not wanted:
        return outcomes
    try:
        from tqdm import tqdm
    except ImportError:
        print(f"govinfo-report: for a progress bar, {_CLI_EXTRA}", file=sys.stderr)
        return outcomes
    return tqdm(outcomes, total=total, unit="file", file=sys.stderr, dynamic_ncols=True)


def _run(sources: list[str], layout: str | None, strict: bool, jobs: int, progress: str = "never") -> list[Outcome]:
    stdin = sys.stdin.buffer.read() if "-" in sources else None
    work = [(s, layout, strict, stdin if s == "-" else None) for s in sources]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(_progress(pool.map(_parse_one, work, chunksize=4), len(work), progress))
    return list(_progress(map(_parse_one, work), len(work), progress))


#: ``--format`` names and what each writes.
FORMATS = {
    "text": "each report as readable text",
    "json": 'a JSON list of {"source", "report"} documents',
    "jsonl": 'one {"source", "report"} JSON document per line',
    "csv": "the long form: one row per template cell, with the report's source, organization, year, template",
    "cells-jsonl": "the long form as JSON Lines",
    "wide-csv": "the wide form: one row per file (failed ones included), one column per template cell",
}


def _write(outcomes: list[Outcome], fmt: str, out: TextIO) -> None:
    good = [(o.source, o.report) for o in outcomes if o.report is not None]
    if fmt == "csv":
        write_csv(good, out)
    elif fmt == "cells-jsonl":
        write_jsonl(good, out)
    elif fmt == "wide-csv":
        write_wide_csv(((o.source, o.report, o.error) for o in outcomes), out)
    elif fmt == "jsonl":
        for source, report in good:
            out.write(json.dumps({"source": source, "report": to_dict(report)}, ensure_ascii=False) + "\n")
    elif fmt == "json":
        documents = [{"source": source, "report": to_dict(report)} for source, report in good]
        out.write(json.dumps(documents, ensure_ascii=False, indent=1) + "\n")
    else:
        for source, report in good:
            out.write(f"== {source}\n{describe(report)}\n")


def _cmd_parse(args: argparse.Namespace) -> int:
    progress = "never" if args.quiet else args.progress
    outcomes = _run(list(_sources(args.files)), args.layout, args.strict, args.jobs, progress)
    if args.output and args.output != "-":
        with open(args.output, "w", encoding="utf-8-sig" if args.excel else "utf-8", newline="") as out:
            _write(outcomes, args.format, out)
    else:
        if args.excel:
            sys.stdout.write("\ufeff")
        _write(outcomes, args.format, sys.stdout)
    failed = [o for o in outcomes if o.error is not None]
    for outcome in failed:
        print(f"govinfo-report: {outcome.source}: {outcome.error}", file=sys.stderr)
    if not args.quiet:
        print(f"govinfo-report: {len(outcomes) - len(failed)} parsed, {len(failed)} failed", file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    outcomes = _run(list(_sources(args.files)), args.layout, False, args.jobs, args.progress)
    bad = 0
    for outcome in outcomes:
        if outcome.report is None:
            bad += 1
            print(f"{outcome.source}: FAILED {outcome.error}")
            continue
        shown = [d for d in outcome.report.diagnostics if d.severity >= args.level]
        errors = sum(d.severity is Severity.ERROR for d in outcome.report.diagnostics)
        bad += errors > 0
        print(f"{outcome.source}: {errors} error(s), {len(shown)} shown")
        for d in shown:
            line = f"line {d.line}" if d.line else "-"
            print(f"  {d.severity.value:7} {d.code:24} {line:10} {d.where():45} {d.message}")
    return EXIT_PROBLEMS if bad else EXIT_OK


def _cmd_layouts(args: argparse.Namespace) -> int:
    for tokenizer in default_parser.registry.tokenizers:
        aliases = ", ".join(a if a.isprintable() else repr(a) for a in tokenizer.aliases)
        doc = (type(tokenizer).__doc__ or "").strip().splitlines()[0] if type(tokenizer).__doc__ else ""
        print(f"{tokenizer.name:10} priority {tokenizer.priority:<5} aliases: {aliases or '-':30} {doc}")
    return EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="govinfo-report",
        description="Parse 政府信息公开工作年度报告 (Chinese government information-disclosure annual reports).",
        epilog="Exit status: 0 success; 1 a file failed (parse) or a report has errors (check); 2 usage error.",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = top.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "files", nargs="+", metavar="FILE", help="report files, folders (*.txt, *.html … recursively) or -"
    )
    common.add_argument("--layout", help="force a tokenizer for every table (see `govinfo-report layouts`)")
    common.add_argument("--jobs", "-j", type=_positive, default=1, metavar="N", help="parse in N processes")
    common.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help=f"progress bar on stderr (auto: on a terminal, {PROGRESS_MIN_FILES}+ files; needs {_CLI_EXTRA})",
    )

    parse = commands.add_parser(
        "parse",
        parents=[common],
        help="parse reports and write them out",
        epilog="Example: govinfo-report parse reports/ --format csv -o cells.csv --jobs 4",
    )
    parse.add_argument(
        "--format",
        "-f",
        choices=tuple(FORMATS),
        default="text",
        help="; ".join(f"{name}: {what}" for name, what in FORMATS.items()),
    )
    parse.add_argument(
        "--excel", action="store_true", help="write the output file as UTF-8 with a BOM, which Excel needs for Chinese"
    )
    parse.add_argument("--output", "-o", metavar="OUT", help="write here instead of standard output")
    parse.add_argument("--strict", action="store_true", help="treat warnings as failures of that file")
    parse.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary on standard error")
    parse.set_defaults(run=_cmd_parse)

    check = commands.add_parser(
        "check",
        parents=[common],
        help="list broken identities and other diagnostics",
        epilog="Example: govinfo-report check reports/ --level error",
    )
    check.add_argument(
        "--level",
        type=Severity,
        choices=list(Severity),
        default=Severity.WARNING,
        help="lowest severity shown (default: warning)",
    )
    check.set_defaults(run=_cmd_check)

    layouts = commands.add_parser(
        "layouts", help="list the registered tokenizers, plugins included", epilog="Example: govinfo-report layouts"
    )
    layouts.set_defaults(run=_cmd_layouts)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if getattr(args, "layout", None):
        try:
            default_parser.registry.get(args.layout)
        except GovinfoReportError as error:
            print(f"govinfo-report: {error}", file=sys.stderr)
            return EXIT_USAGE
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
