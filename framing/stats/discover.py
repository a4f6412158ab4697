"""Discovery outside the lexicon: the unigrams and bigrams that most distinguish each group.

Candidates and their counts come from `framing.ngrams` (the project's tokens; stop words,
numbers and phrases across punctuation left out); each group is compared with the rest by the
same Fightin' Words method as the lexicon terms, so the two rankings can be read side by side.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..grouping import group_labels
from ..matcher import Matcher
from ..model import Corpus, Lexicon
from ..ngrams import Progress, count_ngrams
from .comparison import add_corrections
from .logodds import DEFAULT_K, compare

COLUMNS = ["group", "versus", "term", "count", "other_count", "delta", "variance", "z", "documents", "p", "q",
           "significant"]


def covered_by(terms: Sequence[str], matchers: Sequence[Matcher]) -> np.ndarray:
    """Whether each candidate is itself a lexicon match (the whole candidate, or any word of it)."""
    out = np.zeros(len(terms), dtype=bool)
    for i, term in enumerate(terms):
        out[i] = any(m.find(term) for m in matchers)
    return out


def vocabulary_comparison(corpus: Corpus, by: str = "source", min_count: int = 3, k: float = DEFAULT_K,
                          n_jobs: int | None = None, progress: Progress | None = None) -> pd.DataFrame:
    """One-vs-rest Fightin' Words (mcq2008, informative prior) over every candidate unigram and
    bigram seen at least `min_count` times, with document counts and BH q-values. Groups are
    made as in `analyse` (`by`), in order of first appearance."""
    labels = group_labels(corpus, by)
    counts = count_ngrams([d.text for d in corpus.documents], labels, n_jobs=n_jobs, progress=progress)
    terms, matrix, documents = counts.table(min_count)
    if len(counts.groups) < 2 or not len(terms):
        return pd.DataFrame(columns=COLUMNS)
    result = compare(pd.DataFrame(matrix, index=list(counts.groups), columns=pd.Index(terms)), method="mcq2008", k=k)
    result["documents"] = documents.ravel()
    return add_corrections(result)


def discover_top(comparison: pd.DataFrame, lexicons: Sequence[Lexicon] = (), top: int = 30) -> pd.DataFrame:
    """The `top` rows per group of a `vocabulary_comparison` by z (groups in their order there),
    each marked whether one of `lexicons` already covers it."""
    order = {g: i for i, g in enumerate(pd.unique(comparison["group"]))}
    result = comparison.assign(_g=comparison["group"].map(order), _z=-comparison["z"].astype(float))
    result = (result.sort_values(["_g", "_z", "term"], kind="mergesort").groupby("group", sort=False).head(top)
              .drop(columns=["_g", "_z"]))
    matchers = [Matcher(lx) for lx in lexicons]
    result["in_lexicon"] = covered_by(result["term"].tolist(), matchers)
    result["ngram"] = np.where(result["term"].str.contains(" "), 2, 1)
    return result.reset_index(drop=True)


def discover(corpus: Corpus, lexicons: Sequence[Lexicon] = (), by: str = "source", top: int = 30,
             min_count: int = 3, k: float = DEFAULT_K, n_jobs: int | None = None,
             progress: Progress | None = None) -> pd.DataFrame:
    """The `top` terms per group by one-vs-rest z, marked whether one of `lexicons` already
    covers them: candidates for the lexicon. Terms seen fewer than `min_count` times in all are
    not ranked. Needs no lexicon matching, so it is the fast path for large corpora."""
    comparison = vocabulary_comparison(corpus, by=by, min_count=min_count, k=k, n_jobs=n_jobs, progress=progress)
    return discover_top(comparison, lexicons, top)
