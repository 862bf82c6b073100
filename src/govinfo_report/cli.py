"""The ``govinfo-report`` command line: parse, check and list layouts, for one file or a folder.

Exit status: 0 all went well; 1 a file could not be parsed (``parse``) or a report has
error-level diagnostics (``check``); 2 the command line was wrong.

Batches of more than a few files show a progress bar on standard error when it is a
terminal and tqdm is installed (``pip install "govinfo-report[cli]"``); standard output
only ever carries the requested format.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TextIO

from govinfo_report import __version__
from govinfo_report.across import check_across
from govinfo_report.batch import Outcome, Render, parse_files
from govinfo_report.errors import GovinfoReportError
from govinfo_report.parser import default_parser
from govinfo_report.schema import Diagnostic, Report, Severity
from govinfo_report.serialize.records import value_text
from govinfo_report.serialize.stream import FORMATS, RESUMABLE, ReportWriter, done_sources, render_body

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
#: Stopped by Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
#: A batch of at least this many files gets a progress bar (on a terminal).
PROGRESS_MIN_FILES = 5
_CLI_EXTRA = 'pip install "govinfo-report[cli]"'


def _suffixes() -> frozenset[str]:
    """File name endings picked up from folders: every reader's, plugins' included."""
    return frozenset(suffix for reader in default_parser.readers.readers for suffix in reader.extensions)


def _sources(names: Sequence[str], skipped: list[Path] | None = None) -> Iterator[str]:
    """Expand folders into the files a reader takes, in sorted order; other files go to ``skipped``."""
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            suffixes = _suffixes()
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in suffixes:
                    yield str(file)
                elif skipped is not None:
                    skipped.append(file)
        else:
            yield name


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


def _outcomes(
    args: argparse.Namespace, sources: list[str], strict: bool, progress: str, render: Render | None = None
) -> Iterator[Outcome]:
    stdin = sys.stdin.buffer.read() if "-" in sources else None
    outcomes = parse_files(sources, layout=args.layout, strict=strict, jobs=args.jobs, stdin=stdin, render=render)
    return iter(_progress(outcomes, len(sources), progress))


def _usage(message: str) -> int:
    print(f"govinfo-report: {message}", file=sys.stderr)
    return EXIT_USAGE


def _open_output(args: argparse.Namespace) -> tuple[TextIO, bool, set[str]] | int:
    """Open ``-o`` before any parsing (a bad path is a usage error now, not after the batch).

    Returns:
        The stream, whether it needs a header, and the sources already in it (``--resume``);
        or an exit status.

    """
    if not args.output or args.output == "-":
        if args.resume:
            return _usage("--resume needs an output file (-o FILE)")
        if args.excel:
            sys.stdout.write("\ufeff")
        return sys.stdout, True, set()
    path = Path(args.output)
    if not path.parent.is_dir():
        return _usage(f"cannot write {path}: no such directory {path.parent}")
    done: set[str] = set()
    if args.resume and path.exists() and path.stat().st_size:
        try:
            done = done_sources(path, args.format)
        except ValueError as error:
            return _usage(str(error))
        text = path.read_text(encoding="utf-8-sig")
        whole = text[: text.rfind("\n") + 1]
        if whole != text:  # a record cut short by the run that stopped: drop it, its file is parsed again
            path.write_text(whole, encoding="utf-8-sig" if args.excel else "utf-8")
        return open(path, "a", encoding="utf-8", newline=""), False, done
    if args.resume and args.format not in RESUMABLE:
        return _usage(f"--resume needs one of the formats {', '.join(sorted(RESUMABLE))}")
    try:
        return open(path, "w", encoding="utf-8-sig" if args.excel else "utf-8", newline=""), True, done
    except OSError as error:
        return _usage(f"cannot write {path}: {error.strerror}")


def _closed_pipe() -> int:
    """Stop quietly when standard output was closed (``| head``), as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PROBLEMS


def _cmd_parse(args: argparse.Namespace) -> int:
    progress = "never" if args.quiet else args.progress
    skipped: list[Path] = []
    sources = list(_sources(args.files, skipped))
    opened = _open_output(args)
    if isinstance(opened, int):
        return opened
    out, header, done = opened
    todo = [s for s in sources if s not in done]
    writer = ReportWriter(out, args.format, header=header)
    parsed = failed = 0
    interrupted = False
    try:
        # each file's records are rendered where it was parsed: the parent only writes them
        for outcome in _outcomes(args, todo, args.strict, progress, partial(render_body, args.format)):
            writer.add_body(outcome.text)
            if outcome.ok:
                parsed += 1
            else:
                failed += 1
                print(f"govinfo-report: {outcome.source}: {outcome.error}", file=sys.stderr)
        writer.close()
    except KeyboardInterrupt:
        interrupted = True
        writer.close()
    except BrokenPipeError:
        return _closed_pipe()
    finally:
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        summary = f"{parsed} parsed, {failed} failed"
        if done:
            summary += f", {len(sources) - len(todo)} already in {args.output}"
        if skipped:
            summary += f", {len(skipped)} file(s) of no supported type skipped"
        print(f"govinfo-report: {summary}", file=sys.stderr)
    if interrupted:
        print(f"govinfo-report: interrupted; the output holds the {parsed + failed} file(s) done", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_PROBLEMS if failed else EXIT_OK


#: Codes that make a report a problem at the default level, besides errors.
PROBLEM_CODES = frozenset({"table-missing", "no-numbers", "table-empty"})
_CHECK_FIELDS = ("source", "severity", "code", "line", "table", "row", "column", "message", "cells")


def _diagnostic_record(source: str, d: Diagnostic, report: Report | None = None) -> dict[str, object]:
    """Return a diagnostic as a record: its cells with their values and, from ``report``, where each was read."""
    cells: list[dict[str, object]] = []
    for c in d.cells:
        cell: dict[str, object] = {
            "table": c.table,
            "row": c.row,
            "column": c.column,
            "value": value_text(c.value) or None,
        }
        span = report.span(c.table, c.row, c.column) if report is not None else None
        if span is not None:
            cell["span"] = {"line": span.line, "start": span.start, "end": span.end, "page": span.page}
        cells.append(cell)
    return {
        "source": source,
        "severity": d.severity.value,
        "code": d.code,
        "line": d.line,
        "table": d.table,
        "row": d.row,
        "column": d.column,
        "message": d.message,
        "cells": cells,
    }


def _cmd_check(args: argparse.Namespace) -> int:
    sources = list(_sources(args.files))
    files = problems = failed = 0
    by_code: Counter[str] = Counter()
    kept: list[tuple[str, Report]] = []  # for --across
    writer = csv.writer(sys.stdout, lineterminator="\n") if args.format == "csv" else None
    if writer is not None:
        writer.writerow(_CHECK_FIELDS)
    try:
        for outcome in _outcomes(args, sources, False, args.progress):
            files += 1
            if outcome.report is None:
                failed += 1
                print(f"govinfo-report: {outcome.source}: FAILED {outcome.error}", file=sys.stderr)
                continue
            if args.across:
                kept.append((outcome.source, outcome.report))
            diagnostics = outcome.report.diagnostics
            shown = [d for d in diagnostics if d.severity >= args.level]
            serious = [d for d in diagnostics if d.severity is Severity.ERROR or d.code in PROBLEM_CODES]
            problems += bool(serious)
            by_code.update(d.code for d in shown)
            if args.format == "jsonl":
                for d in shown:
                    print(json.dumps(_diagnostic_record(outcome.source, d, outcome.report), ensure_ascii=False))
            elif writer is not None:
                for d in shown:
                    record = _diagnostic_record(outcome.source, d, outcome.report)
                    record["cells"] = json.dumps(record["cells"], ensure_ascii=False) if d.cells else ""
                    writer.writerow(["" if record[k] is None else record[k] for k in _CHECK_FIELDS])
            elif shown or args.verbose:
                errors = sum(d.severity is Severity.ERROR for d in diagnostics)
                print(f"{outcome.source}: {errors} error(s), {len(shown)} shown")
                for d in shown:
                    line = f"line {d.line}" if d.line else "-"
                    print(f"  {d.severity.value:7} {d.code:24} {line:10} {d.where():45} {d.message}")
            sys.stdout.flush()
    except KeyboardInterrupt:
        print("govinfo-report: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _closed_pipe()
    findings = check_across(kept) if args.across else []
    for finding in findings:
        d = finding.diagnostic
        by_code[d.code] += 1
        if args.format == "text":
            print(f"{finding.first} ~ {finding.second}:\n  {d.severity.value:7} {d.code:24} {d.where():45} {d.message}")
        else:
            record = _diagnostic_record(f"{finding.first} ~ {finding.second}", d)
            if args.format == "jsonl":
                print(json.dumps(record, ensure_ascii=False))
            elif writer is not None:
                record["cells"] = json.dumps(record["cells"], ensure_ascii=False) if d.cells else ""
                writer.writerow(["" if record[k] is None else record[k] for k in _CHECK_FIELDS])
    codes = ", ".join(f"{code} {count}" for code, count in by_code.most_common()) or "none"
    print(
        f"govinfo-report: {files} file(s), {failed} failed, {problems} report(s) with errors or missing tables"
        + (f", {len(findings)} finding(s) across reports" if args.across else "")
        + f"; shown by code: {codes}",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if problems or failed or findings else EXIT_OK


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
    parse.add_argument(
        "--resume",
        action="store_true",
        help="skip the files OUT already holds and append the others (csv, wide-csv, jsonl, cells-jsonl)",
    )
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
    check.add_argument(
        "--format",
        "-f",
        choices=("text", "csv", "jsonl"),
        default="text",
        help="text for people; csv or jsonl: one record per diagnostic, with its cells",
    )
    check.add_argument(
        "--across",
        action="store_true",
        help="also check the reports against one another: one body's consecutive years, copied reports",
    )
    check.add_argument("--verbose", "-v", action="store_true", help="also name the reports with nothing to show")
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
