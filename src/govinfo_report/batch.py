"""Parsing many files: outcomes as data, streamed in input order, in one process or several.

``parse_files`` is what the command line runs, and what a pipeline on many machines can run
per partition: each file gives an ``Outcome`` — the report, or the error that stopped it as
text and type name — and never raises for a bad file, so outcomes cross process boundaries
(they pickle) and a batch is never stopped by one file.  Outcomes come in the order of the
inputs as soon as each is ready, so a writer can stream them: memory stays flat in the
number of files.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from govinfo_report.errors import GovinfoReportError
from govinfo_report.parser import default_parser
from govinfo_report.schema import Report

__all__ = ["Outcome", "Render", "parse_file", "parse_files"]

#: Files handed to a worker process at a time.
CHUNK = 4


@attrs.frozen
class Outcome:
    """The result of parsing one input: a report, or the error that stopped it."""

    #: The file name as given (``-`` for standard input).
    source: str
    #: The report, None when the file failed.
    report: Report | None
    #: ``"ReportNotFoundError: …"`` when the file failed, else None.
    error: str | None = None
    #: The error's class name (``"DecodingError"``), for counting failures by kind.
    error_type: str | None = None
    #: The file's output records, when the batch was asked to render them where it parsed
    #: (``parse_files(render=...)``); the report itself is then not sent back.
    text: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the file gave a report."""
        return self.error is None


#: Renders one file's result as output text: ``(source, report or None, error or None)``.
Render = Callable[[str, Report | None, str | None], str | None]


def parse_file(
    source: str,
    *,
    layout: str | None = None,
    strict: bool = False,
    data: bytes | None = None,
    render: Render | None = None,
) -> Outcome:
    """Parse one file (or ``data`` read already) into an ``Outcome``; the library's errors and I/O errors are data.

    With ``render``, the outcome carries ``render(source, report, error)`` as its ``text``
    instead of the report.
    """
    try:
        raw = data if data is not None else Path(source).read_bytes()
        outcome = Outcome(source, default_parser.parse(raw, layout=layout, strict=strict))
    except (GovinfoReportError, OSError) as error:
        outcome = Outcome(source, None, f"{type(error).__name__}: {error}", type(error).__name__)
    if render is None:
        return outcome
    return attrs.evolve(outcome, report=None, text=render(source, outcome.report, outcome.error))


def _job(job: tuple[str, str | None, bool, bytes | None, Render | None]) -> Outcome:
    source, layout, strict, data, render = job
    return parse_file(source, layout=layout, strict=strict, data=data, render=render)


def _ignore_interrupt() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the batch cleanly)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def parse_files(
    sources: Iterable[str],
    *,
    layout: str | None = None,
    strict: bool = False,
    jobs: int = 1,
    stdin: bytes | None = None,
    render: Render | None = None,
) -> Iterator[Outcome]:
    """Yield an ``Outcome`` per source, in the order given, each as soon as it and those before it are done.

    Args:
        sources: file names; ``-`` stands for ``stdin``.
        layout: force a tokenizer for every table.
        strict: a report with warnings is a failed file.
        jobs: processes to parse in (1: in this process).
        stdin: the bytes of standard input, for the source ``-``.
        render: render each result where it was parsed (it must pickle, e.g. a
            ``functools.partial`` of ``serialize.stream.render_body``); outcomes then carry
            ``text`` instead of the report, so a parent process writing the output does
            not spend its time unpickling reports.

    Closing the generator early (or Ctrl-C while it is consumed) cancels the files not
    started yet and stops the workers.

    """
    work = ((s, layout, strict, stdin if s == "-" else None, render) for s in sources)
    if jobs <= 1:
        yield from map(_job, work)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupt)
    try:
        yield from pool.map(_job, work, chunksize=CHUNK)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
