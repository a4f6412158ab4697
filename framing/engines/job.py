"""One counting job: which files, how to read them, what to count, and the map over one file.

A corpus to count is a list of partitions: one table file, one folder of text files, or the
files of a glob pattern (`news/*.jsonl`) or of a folder of tables, each read on its own by
`framing.corpus.read_corpus` with every reading rule (dialect, columns, dates, skipped lines).
`count_partition` is the map: read a partition, choose and clean its documents, match and count
them, and return its `Tally`; merging the tallies in partition order (`tally.merge`) is the
reduce. Memory therefore follows the largest partition, not the corpus, and any engine (one
process, a pool, a Dask cluster) gives the same result: each partition's tally is a pure function
of the partition and the job.

Boilerplate is found within each partition (its lines repeated across a source's documents in
that file), so a corpus split into many small files finds less of it than one file would.
"""
from __future__ import annotations

import glob
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError
from ..model import Lexicon
from ..reading.options import ReadOptions
from ..selection import Selection
from .tally import Tally, empty, of_profiles

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".csv.gz", ".tsv.gz", ".jsonl.gz", ".ndjson.gz")
_LINE_ID = re.compile(r"row\d+")


@dataclass(frozen=True)
class CountJob:
    """Everything a worker needs to count a partition: picklable, and the same for every one."""

    lexicons: tuple[Lexicon, ...]
    options: ReadOptions = field(default_factory=ReadOptions)
    by: str = "source"
    selection: Selection = field(default_factory=Selection)
    boilerplate: bool = True
    nested: bool = False
    exclude: frozenset[str] = frozenset()  # ids already counted (framing count --add)


def partitions(source: str | Path) -> tuple[str, ...]:
    """The partitions of a corpus, in a fixed order: a file, a folder of .txt files (one
    partition), a folder holding table files (each a partition), or a glob pattern."""
    text = str(source)
    if any(ch in text for ch in "*?["):
        found = sorted(p for p in glob.glob(text, recursive=True) if Path(p).is_file())
        if not found:
            raise InputError(text, "no file matches this pattern")
        return tuple(found)
    path = Path(source)
    if not path.exists():
        raise InputError(path, "no such file or folder; check the path")
    if path.is_dir() and not _text_folder(path):
        tables = sorted(str(p) for p in path.iterdir() if p.is_file() and p.name.lower().endswith(TABLE_SUFFIXES))
        if tables:
            return tuple(tables)
    return (str(path),)


def _text_folder(path: Path) -> bool:
    """A folder of articles (with perhaps a manifest.csv beside them), read as one corpus."""
    return any(p.suffix.lower() == ".txt" for p in path.rglob("*"))


def count_partition(partition: str, job: CountJob, *, workers: int = 1) -> Tally:
    """The map: one partition's tally. A document without an id of its own (a table row, named
    by its line) is named by its partition too, so rows of two files never collide."""
    from ..analysis import analyse
    from ..cleaning import clean
    from ..corpus import read_corpus
    from ..counts import TermIndex
    from ..selection import select

    corpus = select(read_corpus(partition, options=job.options), job.selection)
    corpus = clean(corpus, by=job.by, boilerplate=job.boilerplate, dedupe_mode="none")
    qualified = [replace(d, id=f"{partition}:{d.id}") if _LINE_ID.fullmatch(d.id) else d for d in corpus.documents]
    skipped = [(s.path, s.reason) for s in corpus.skipped]
    counted = [d for d in qualified if d.id not in job.exclude]
    skipped += [(d.id, "already counted (in the counts file added to)") for d in qualified if d.id in job.exclude]
    terms = TermIndex.of(job.lexicons)
    if not counted:
        return replace(empty(terms), skipped=tuple(skipped), notes=corpus.notes)
    analysis = analyse(replace(corpus, documents=tuple(counted)), job.lexicons, by=job.by, nested=job.nested,
                       workers=workers)
    return of_profiles(analysis.profiles, terms, skipped=skipped, notes=corpus.notes)


def count_partitions(parts: Sequence[str], job: CountJob) -> list[Tally]:
    """The map over several partitions in this process, in order."""
    return [count_partition(p, job) for p in parts]
