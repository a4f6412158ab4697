"""Counting a corpus in partitions, on this machine or a Dask cluster, into a mergeable tally.

    tally = count_corpus("news/*.jsonl", lexicons, jobs=2)          # one process per core
    tally = count_corpus("news/*.jsonl", lexicons, engine="dask",   # or on a cluster
                         scheduler="tcp://10.0.0.5:8786")
    tally.counts()                                                   # == analyse(...).counts

`job.py` holds the map (`count_partition`), `tally.py` the values and the reduce (`merge`),
`local.py` and `dask_cluster.py` the two ways to run the map, `store.py` the counts file.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

from ..errors import FramingError
from ..model import Lexicon
from ..progress import Progress
from ..reading.options import ReadOptions
from ..selection import Selection
from .job import IN_MEMORY_BYTES, PIECE_BYTES, CountJob, file_sources, in_partitions, partitions
from .store import _lexicon_json
from .tally import Tally, merge, merge_stream

Engine = Literal["local", "dask"]
ENGINES: tuple[str, ...] = get_args(Engine)


def check_engine(engine: str) -> Engine:
    if engine not in ENGINES:
        raise FramingError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    return engine  # type: ignore[return-value]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def count_corpus(source: str | Sequence[str], lexicons: Sequence[Lexicon], *, options: ReadOptions | None = None,
                 by: str = "source", selection: Selection | None = None, boilerplate: bool = True,
                 nested: bool = False, jobs: int | None = None, engine: Engine = "local",
                 scheduler: str | None = None, add_to: tuple[Tally, Sequence[Lexicon], str] | None = None,
                 piece_bytes: int = PIECE_BYTES, progress: Progress | None = None,
                 verbs: str | Path = "verbs") -> Tally:
    """Count `source` (a file, a folder, a glob pattern, or several of these) in partitions and
    merge them in order. `add_to`: (tally, lexicons, by) of a counts file; its documents are
    kept, documents with an id it holds are not counted again, and its lexicons and grouping
    must be the ones given here. A JSON Lines file larger than `piece_bytes` is counted in pieces.
    `verbs`: the attribution's verb file or name (`framing.analyses.verbs.load_verb_classes`:
    "verbs" is ./lexicons/verbs.yaml when there is one, else the bundled file). In a corpus of
    several table files, a row that names no source takes its file's name (`job.file_sources`).
    The result is the same for every `jobs` and engine."""
    engine = check_engine(engine)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise FramingError(f"jobs must be at least 1, not {jobs}")
    lexicons = tuple(lexicons)
    if add_to is not None:
        old, old_lexicons, old_by = add_to
        if [_lexicon_json(lx) for lx in old_lexicons] != [_lexicon_json(lx) for lx in lexicons]:
            raise FramingError("the lexicons differ from those of the counts file; count with the same lexicons "
                               f"({', '.join(lx.name for lx in old_lexicons)}) or count the corpus again")
        if old_by != by:
            raise FramingError(f"the counts file groups documents by {old_by!r}, not {by!r}; give --by {old_by}")
    sources = [source] if isinstance(source, str) else list(source)
    parts = tuple(p for s in sources for p in partitions(s, piece_bytes, options))
    from ..analyses.verbs import load_verb_classes

    job = CountJob(lexicons, options or ReadOptions(), by, selection or Selection(), boilerplate, nested,
                   frozenset(add_to[0].ids) if add_to is not None else frozenset(), load_verb_classes(verbs),
                   file_sources(parts))
    if engine == "dask":
        from .dask_cluster import run_dask

        tallies = run_dask(parts, job, scheduler=scheduler, workers=jobs)
    else:
        if scheduler:
            raise FramingError("--scheduler is for --engine dask")
        from .local import run_local

        tallies = run_local(parts, job, jobs=jobs, progress=progress)
    # Merged as they come (run_local yields them in order), a few at a time: the main process
    # holds a few partitions' tallies, not all of them.
    return merge_stream(itertools.chain([add_to[0]] if add_to is not None else [], tallies))


__all__ = ["ENGINES", "IN_MEMORY_BYTES", "CountJob", "Engine", "Tally", "check_engine", "count_corpus", "in_partitions",
           "merge", "partitions"]
