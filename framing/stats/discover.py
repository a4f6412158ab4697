"""Discovery outside the lexicon: the unigrams and bigrams that most distinguish each group.

Tokens come from the project's analyzer (the same tokens as everywhere else). Stop words
(scikit-learn's English list, no download) are dropped as unigrams, and bigrams made only of stop
words are dropped; bigrams are formed before stop words are removed, so no bigram spans a removed
word. Counting is a map over documents (a `Counter` per document, whose C implementation is
several times faster than `CountVectorizer`'s Python loop: see benchmarks/bench_discover.py)
and a sum per group, on all cores for large corpora.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..analysis import Analysis
from ..matcher import Matcher
from ..tokenize import tokenize
from .comparison import add_corrections
from .logodds import DEFAULT_K, compare

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
_PARALLEL_MIN_CHARS = 5_000_000


def _is_candidate(gram: str) -> bool:
    """Unigrams: not a stop word or a number. Bigrams: not two stop words, and no number."""
    if " " not in gram:
        return gram not in STOP_WORDS and not gram.isdigit()
    a, b = gram.split(" ")
    return not (a.isdigit() or b.isdigit() or (a in STOP_WORDS and b in STOP_WORDS))


def ngrams(text: str) -> list[str]:
    """The candidate unigrams and bigrams of one text, in order (unigrams first)."""
    toks = tokenize(text)
    grams = toks + list(map(" ".join, zip(toks, toks[1:])))
    return [g for g in grams if _is_candidate(g)]


GroupCounts = dict[str, tuple[Counter, Counter]]  # group -> (n-gram counts, documents per n-gram)


def _count_chunk(items: Sequence[tuple[str, str]]) -> GroupCounts:
    # Count every unigram and bigram with Counter's C loop, and filter stop words and numbers once
    # per distinct n-gram at the end instead of once per occurrence.
    raw: GroupCounts = {}
    for group, text in items:
        counts, docs = raw.setdefault(group, (Counter(), Counter()))
        toks = tokenize(text)
        grams = list(map(" ".join, zip(toks, toks[1:])))
        counts.update(toks)
        counts.update(grams)
        docs.update(set(toks))
        docs.update(set(grams))
    out: GroupCounts = {}
    for group, (counts, docs) in raw.items():
        keep = [g for g in counts if _is_candidate(g)]
        out[group] = (Counter({g: counts[g] for g in keep}), Counter({g: docs[g] for g in keep}))
    return out


def count_ngrams(items: Sequence[tuple[str, str]], n_jobs: int | None = None) -> GroupCounts:
    """(group, text) pairs -> per group, the count of every candidate n-gram and the number of
    documents using it. The result does not depend on `n_jobs`."""
    if n_jobs is None:
        n_jobs = (os.cpu_count() or 1) if sum(len(t) for _, t in items) >= _PARALLEL_MIN_CHARS else 1
    if n_jobs <= 1 or len(items) < 2 * n_jobs:
        return _count_chunk(items)
    bounds = np.linspace(0, len(items), n_jobs * 2 + 1).astype(int)
    parts = Parallel(n_jobs=n_jobs)(delayed(_count_chunk)(items[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a)
    total: GroupCounts = {}
    for part in parts:
        for group, (counts, docs) in part.items():
            if group not in total:
                total[group] = (counts, docs)
            else:
                total[group][0].update(counts)
                total[group][1].update(docs)
    return total


def _matrix(per_group: GroupCounts, groups: Sequence[str], which: int) -> tuple[np.ndarray, np.ndarray]:
    """(sorted vocabulary, groups x vocabulary counts) from per-group Counters, without a dict of dicts."""
    keys = [np.fromiter(per_group[g][which].keys(), dtype=object) if g in per_group else np.array([], dtype=object)
            for g in groups]
    values = [np.fromiter(per_group[g][which].values(), dtype=np.int64) if g in per_group else np.array([], np.int64)
              for g in groups]
    codes, vocab = pd.factorize(np.concatenate(keys) if keys else np.array([], dtype=object), sort=True)
    matrix = np.zeros((len(groups), len(vocab)), dtype=np.int64)
    rows = np.repeat(np.arange(len(groups)), [len(k) for k in keys])
    np.add.at(matrix, (rows, codes), np.concatenate(values))
    return np.asarray(vocab, dtype=object), matrix


def covered_by(terms: Sequence[str], matchers: Sequence[Matcher]) -> np.ndarray:
    """Whether each candidate is itself a lexicon match (the whole candidate, or any word of it)."""
    out = np.zeros(len(terms), dtype=bool)
    for i, term in enumerate(terms):
        out[i] = any(m.find(term) for m in matchers)
    return out


def vocabulary_comparison(analysis: Analysis, min_count: int = 3, k: float = DEFAULT_K,
                          n_jobs: int | None = None) -> pd.DataFrame:
    """One-vs-rest Fightin' Words (mcq2008, informative prior) over every candidate unigram and
    bigram seen at least `min_count` times, with document counts and BH q-values."""
    groups = list(analysis.groups)
    per_group = count_ngrams([(analysis.doc_groups[d.id], d.text) for d in analysis.corpus.documents], n_jobs=n_jobs)
    vocab, counts = _matrix(per_group, groups, 0)
    keep = counts.sum(axis=0) >= min_count
    if len(groups) < 2 or not keep.any():
        return pd.DataFrame(columns=["group", "versus", "term", "count", "other_count", "delta", "variance", "z",
                                     "documents", "p", "q", "significant"])
    doc_vocab, documents = _matrix(per_group, groups, 1)  # same keys as the counts, so the same order
    assert len(doc_vocab) == len(vocab)
    result = compare(pd.DataFrame(counts[:, keep], index=groups, columns=vocab[keep]), method="mcq2008", k=k)
    result["documents"] = documents[:, keep].ravel()
    return add_corrections(result)


def discover_top(comparison: pd.DataFrame, analysis: Analysis, top: int = 30) -> pd.DataFrame:
    """The `top` rows per group of a `vocabulary_comparison` by z (groups in corpus order), each
    marked whether a lexicon of the analysis already covers it."""
    order = {g: i for i, g in enumerate(analysis.groups)}
    result = comparison.assign(_g=comparison["group"].map(order), _z=-comparison["z"].astype(float))
    result = (result.sort_values(["_g", "_z", "term"], kind="mergesort").groupby("group", sort=False).head(top)
              .drop(columns=["_g", "_z"]))
    matchers = [Matcher(lx) for lx in analysis.lexicons]
    result["in_lexicon"] = covered_by(result["term"].tolist(), matchers)
    result["ngram"] = np.where(result["term"].str.contains(" "), 2, 1)
    return result.reset_index(drop=True)


def discover(analysis: Analysis, top: int = 30, min_count: int = 3, k: float = DEFAULT_K,
             n_jobs: int | None = None) -> pd.DataFrame:
    """The `top` terms per group by one-vs-rest z, marked whether a lexicon already covers them:
    candidates for the lexicon. Terms seen fewer than `min_count` times in all are not ranked."""
    return discover_top(vocabulary_comparison(analysis, min_count=min_count, k=k, n_jobs=n_jobs), analysis, top)
