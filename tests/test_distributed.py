"""The national-corpus recipe of docs/datasets.md: Dask bag over a LocalCluster of two worker processes."""

from __future__ import annotations

import pytest

from govinfo_report.batch import parse_file, parse_files

from .conftest import FIXTURES

distributed = pytest.importorskip("distributed")  # in the test extra; skipped only outside it


def test_a_dask_bag_over_two_workers_gives_the_outcomes_of_a_local_batch() -> None:
    import dask.bag as db

    files = [*sorted(str(p) for p in FIXTURES.glob("*.txt")), str(FIXTURES / "missing.txt")]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        outcomes = db.from_sequence(files, npartitions=2).map(parse_file).compute()  # type: ignore[no-untyped-call]
    assert outcomes == list(parse_files(files))  # errors come back as data, in order
    assert outcomes[-1].error_type == "FileNotFoundError"
    assert sum(o.ok for o in outcomes) == len(files) - 1
