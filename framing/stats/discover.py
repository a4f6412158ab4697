"""Discovery outside the lexicon: the unigrams and bigrams that most distinguish each group.

Counting uses scikit-learn's `CountVectorizer` with the project's analyzer (the same tokens as
everywhere else). Stop words (scikit-learn's English list, no download) are dropped as unigrams,
and bigrams made only of stop words are dropped; bigrams are formed before stop words are
removed, so no bigram spans a removed word. Large corpora are counted on all cores, in chunks
whose vocabularies are merged exactly.
"""
from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from ..analysis import Analysis
from ..matcher import Matcher
from ..tokenize import tokenize
from .comparison import add_corrections
from .logodds import DEFAULT_K, compare

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
_PARALLEL_MIN_CHARS = 5_000_000


def ngrams(text: str) -> list[str]:
    """Unigrams (stop words removed) and bigrams (unless both words are stop words)."""
    toks = tokenize(text)
    out = [t for t in toks if t not in STOP_WORDS and not t.isdigit()]
    out.extend(f"{a} {b}" for a, b in zip(toks, toks[1:])
               if not (a in STOP_WORDS and b in STOP_WORDS) and not (a.isdigit() or b.isdigit()))
    return out


def _count_chunk(texts: Sequence[str]) -> tuple[np.ndarray, sparse.csr_matrix]:
    vec = CountVectorizer(analyzer=ngrams)
    X = vec.fit_transform(texts)
    return vec.get_feature_names_out(), X.tocsr()


def document_ngram_matrix(texts: Sequence[str], n_jobs: int | None = None) -> tuple[np.ndarray, sparse.csr_matrix]:
    """(vocabulary, documents x vocabulary counts); the vocabulary is sorted, so the result does not
    depend on the number of jobs."""
    if n_jobs is None:
        n_jobs = (os.cpu_count() or 1) if sum(map(len, texts)) >= _PARALLEL_MIN_CHARS else 1
    if n_jobs <= 1 or len(texts) < 2 * n_jobs:
        return _count_chunk(texts)
    bounds = np.linspace(0, len(texts), n_jobs * 4 + 1).astype(int)
    parts = Parallel(n_jobs=n_jobs)(delayed(_count_chunk)(texts[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a)
    vocab = np.unique(np.concatenate([v for v, _ in parts]))
    blocks = []
    for v, X in parts:
        remap = np.searchsorted(vocab, v)
        X = X.tocoo()
        blocks.append(sparse.csr_matrix((X.data, (X.row, remap[X.col])), shape=(X.shape[0], len(vocab))))
    return vocab, sparse.vstack(blocks).tocsr()


def covered_by(terms: Sequence[str], matchers: Sequence[Matcher]) -> np.ndarray:
    """Whether each candidate is itself a lexicon match (the whole candidate, or any word of it)."""
    out = np.zeros(len(terms), dtype=bool)
    for i, term in enumerate(terms):
        out[i] = any(m.find(term) for m in matchers)
    return out


def vocabulary_comparison(analysis: Analysis, min_count: int = 3, k: float = DEFAULT_K,
                          n_jobs: int | None = None) -> pd.DataFrame:
    """One-vs-rest Fightin' Words (mcq2008, informative prior) over every unigram and bigram seen
    at least `min_count` times, with document counts and BH q-values."""
    docs = analysis.corpus.documents
    vocab, X = document_ngram_matrix([d.text for d in docs], n_jobs=n_jobs)
    groups = list(analysis.groups)
    g_index = {g: i for i, g in enumerate(groups)}
    rows = [g_index[analysis.doc_groups[d.id]] for d in docs]
    membership = sparse.csr_matrix((np.ones(len(docs)), (rows, np.arange(len(docs)))), shape=(len(groups), len(docs)))
    group_counts = np.asarray((membership @ X).todense())
    doc_freq = np.asarray((membership @ (X > 0).astype(np.int64)).todense())
    keep = group_counts.sum(axis=0) >= min_count
    if len(groups) < 2 or not keep.any():
        return pd.DataFrame(columns=["group", "versus", "term", "count", "other_count", "delta", "variance", "z",
                                     "documents", "p", "q", "significant"])
    matrix = pd.DataFrame(group_counts[:, keep], index=groups, columns=vocab[keep])
    result = compare(matrix, method="mcq2008", k=k)
    kept_docs = doc_freq[:, keep]
    result["documents"] = kept_docs[result["group"].map(g_index).to_numpy(),
                                    np.tile(np.arange(int(keep.sum())), len(groups))]
    return add_corrections(result)


def discover(analysis: Analysis, top: int = 30, min_count: int = 3, k: float = DEFAULT_K,
             n_jobs: int | None = None) -> pd.DataFrame:
    """The `top` terms per group by one-vs-rest z, marked whether a lexicon already covers them:
    candidates for the lexicon. Terms seen fewer than `min_count` times in all are not ranked."""
    result = vocabulary_comparison(analysis, min_count=min_count, k=k, n_jobs=n_jobs)
    order = {g: i for i, g in enumerate(analysis.groups)}
    result = result.assign(_g=result["group"].map(order), _z=-result["z"].astype(float))
    result = (result.sort_values(["_g", "_z", "term"], kind="mergesort").groupby("group", sort=False).head(top)
              .drop(columns=["_g", "_z"]))
    matchers = [Matcher(lx) for lx in analysis.lexicons]
    result["in_lexicon"] = covered_by(result["term"].tolist(), matchers)
    result["ngram"] = np.where(result["term"].str.contains(" "), 2, 1)
    return result.reset_index(drop=True)
