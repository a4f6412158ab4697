"""Per-document analyses on all cores: the rows of each batch of documents, concatenated in
corpus order, so the result is the same on one process or many."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import pandas as pd

from ..model import Corpus
from ..workers import default_jobs, process_pool

PARALLEL_MIN_CHARS = 5_000_000  # below this, starting worker processes costs more than it saves
# (FRAMING_PARALLEL_MIN_CHARS replaces it: see framing.workers)


def per_document_rows(fn: Callable[[Corpus, Sequence[str]], pd.DataFrame], corpus: Corpus,
                      labels: Sequence[str], n_jobs: int | None = None) -> pd.DataFrame:
    """`fn(corpus, labels)` computed over contiguous batches of documents on `n_jobs` processes
    (default: all cores from 5 MB of text). `fn` must be a module-level function whose rows
    depend on each document alone (attributions, casualties)."""
    docs = corpus.documents
    size = sum(len(d.text) for d in docs)
    if n_jobs is None:
        n_jobs = default_jobs(size, PARALLEL_MIN_CHARS)
    if n_jobs <= 1 or len(docs) < 2:
        return fn(corpus, labels)
    step = -(-len(docs) // n_jobs)
    bounds = [(i, min(i + step, len(docs))) for i in range(0, len(docs), step)]
    parts = [replace(corpus, documents=docs[a:b], skipped=(), notes=()) for a, b in bounds]
    with process_pool(len(parts)) as pool:
        frames = list(pool.map(fn, parts, [list(labels[a:b]) for a, b in bounds]))
    return pd.concat(frames, ignore_index=True)
