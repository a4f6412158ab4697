"""The same map and reduce on a Dask cluster (`pip install 'framing[dask]'`).

Each partition is one task: `count_partition` runs on a Dask worker, which reads the file where
it lies, so every worker must see the partitions at the same paths (a shared file system, or
files copied to each machine). Only the tallies, a few numbers per document, come back; they
are merged here in partition order, so the result is the same as on one machine.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..errors import FramingError
from .job import CountJob, Partition, count_partition
from .tally import Tally


def run_dask(parts: Sequence[Partition], job: CountJob, *, scheduler: str | None = None,
             workers: int = 2) -> list[Tally]:
    """Each partition's tally, in partition order, computed by Dask: on the cluster whose
    scheduler listens at `scheduler` (tcp://host:8786), or else on a local cluster of `workers`
    single-threaded worker processes, started and stopped here."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise FramingError("--engine dask needs Dask: pip install 'framing[dask]' (dask and distributed)") from None
    bag = db.from_sequence(list(parts), npartitions=max(1, len(parts))).map(count_partition, job)
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise FramingError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            return list(bag.compute())
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        return list(client.compute(bag).result())
