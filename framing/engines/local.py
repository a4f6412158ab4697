"""The map over partitions on this machine: one process, or a pool of `jobs` worker processes."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..progress import Progress, Work
from ..workers import process_pool
from .job import CountJob, Partition, count_partition
from .tally import Tally

_job: CountJob | None = None


def _init(job: CountJob) -> None:
    # The job (its compiled lexicons) is sent once per worker, not once per partition.
    global _job
    _job = job


def _count(partition: Partition) -> Tally:
    assert _job is not None
    return count_partition(partition, _job)


def run_local(parts: Sequence[Partition], job: CountJob, *, jobs: int = 1,
              progress: Progress | None = None) -> Iterator[Tally]:
    """Each partition's tally, in partition order, as it is ready. One partition uses the `jobs`
    processes inside it (documents in chunks); several are spread over the processes, one
    partition each, so reading one file overlaps counting another. The tallies do not depend on
    `jobs`."""
    if len(parts) == 1 or jobs <= 1:
        items = progress(Work(parts, len(parts), unit="partition")) if progress else parts
        for p in items:
            yield count_partition(p, job, workers=jobs if len(parts) == 1 else 1)
        return
    with process_pool(min(jobs, len(parts)), initializer=_init, initargs=(job,)) as pool:
        results = Work(pool.map(_count, parts), len(parts), unit="partition")
        yield from (progress(results) if progress else results)
