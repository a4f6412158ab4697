"""Discovery outside the lexicon: the unigrams and bigrams that most distinguish each group.

Candidates and their counts come from `framing.ngrams` (the project's tokens; stop words,
numbers and phrases across punctuation left out); each group is compared with the rest (or
with each other group) by the same Fightin' Words method as the lexicon terms, so the two
rankings can be read side by side, on all text, the reporter's own words or quotations only.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..counts import VOICES
from ..grouping import group_labels
from ..matcher import Matcher
from ..model import Corpus, Lexicon
from ..ngrams import NgramCounts, Progress, count_ngrams
from ..quotes import voice_text
from .comparison import MIN_COUNT, MIN_DOCUMENTS
from .logodds import DEFAULT_K, Comparison, comparisons, tidy
from .multiple import FDR, benjamini_hochberg, two_sided_p

COLUMNS = ["group", "versus", "term", "count", "other_count", "delta", "variance", "z", "documents",
           "other_documents", "p", "q", "significant", "few_counts", "few_documents"]


def covered_by(terms: Sequence[str], matchers: Sequence[Matcher]) -> np.ndarray:
    """Whether each candidate is itself a lexicon match (the whole candidate, or any word of it)."""
    out = np.zeros(len(terms), dtype=bool)
    for i, term in enumerate(terms):
        out[i] = any(m.find(term) for m in matchers)
    return out


class _Scored(NamedTuple):
    ngrams: NgramCounts
    ids: np.ndarray  # the n-grams compared, in term order
    rows: list[Comparison]  # one per comparison: each group against the rest, or each ordered pair
    documents: np.ndarray  # comparisons x terms: documents of the row's group using the term
    other_documents: np.ndarray  # comparisons x terms: the same on the other side (the rest, or the other group)
    p: np.ndarray  # comparisons x terms
    q: np.ndarray  # comparisons x terms, Benjamini-Hochberg within each comparison


def _scored(corpus: Corpus, by: str, min_count: int, k: float, n_jobs: int | None, progress: Progress | None,
            voice: str, pairs: bool) -> _Scored | None:
    """Every candidate scored, as arrays; None when there is nothing to compare."""
    if voice not in VOICES:
        raise ValueError(f"voice must be one of {VOICES}, not {voice!r}")
    texts = [voice_text(d.text, voice) for d in corpus.documents]
    counts = count_ngrams(texts, group_labels(corpus, by), n_jobs=n_jobs, progress=progress)
    ids, matrix, documents = counts.candidates(min_count)
    if len(counts.groups) < 2 or not len(ids):
        return None
    rows = comparisons(matrix.astype(float), counts.groups, "mcq2008", k=k, pairs=pairs)
    p = np.vstack([two_sided_p(r.scores["z"]) for r in rows])
    mine = documents[[counts.groups.index(r.group) for r in rows]]
    others = (documents[[counts.groups.index(r.versus) for r in rows]] if pairs
              else documents.sum(axis=0, keepdims=True) - mine)
    return _Scored(counts, ids, rows, mine, others, p, np.vstack([benjamini_hochberg(x) for x in p]))


def _frame(scored: _Scored, columns: Sequence[np.ndarray] | None = None) -> pd.DataFrame:
    """The tidy table of the comparisons: all terms, or the term positions `columns[i]` of row i."""
    if columns is None:
        df = tidy(scored.rows, scored.ngrams.strings(scored.ids))
        take = [slice(None)] * len(scored.rows)
    else:
        rows = [Comparison(r.group, r.versus, r.count[c], r.other_count[c], {key: v[c] for key, v in r.scores.items()})
                for r, c in zip(scored.rows, columns)]
        df = pd.concat([tidy([r], scored.ngrams.strings(scored.ids[c])) for r, c in zip(rows, columns)],
                       ignore_index=True)
        take = columns
    for name in ("documents", "other_documents", "p", "q"):
        df[name] = np.concatenate([getattr(scored, name)[i, c] for i, c in enumerate(take)])
    df["significant"] = df["q"] < FDR
    df["few_counts"] = (df["count"] + df["other_count"]) < MIN_COUNT
    df["few_documents"] = (df["documents"] + df["other_documents"]) < MIN_DOCUMENTS
    return df[COLUMNS]


def vocabulary_comparison(corpus: Corpus, by: str = "source", min_count: int = 3, k: float = DEFAULT_K,
                          n_jobs: int | None = None, progress: Progress | None = None, voice: str = "all",
                          pairs: bool = False) -> pd.DataFrame:
    """Fightin' Words (mcq2008, informative prior) over every candidate unigram and bigram seen
    at least `min_count` times, each group against the rest (or each ordered pair of groups,
    `pairs=True`), with document counts, Benjamini-Hochberg q-values within each comparison and
    the lexicon comparison's thin-evidence flags (`few_counts`, `few_documents`). Groups are made
    as in `analyse` (`by`), in order of first appearance. `voice`: all text, the reporter's own
    words ("own": quotations cut out) or quotations only ("quoted")."""
    scored = _scored(corpus, by, min_count, k, n_jobs, progress, voice, pairs)
    return pd.DataFrame(columns=COLUMNS) if scored is None else _frame(scored)


def discover_top(comparison: pd.DataFrame, lexicons: Sequence[Lexicon] = (), top: int = 30) -> pd.DataFrame:
    """The `top` rows of each comparison (group and versus) of a `vocabulary_comparison` by z, in
    their order there, each marked whether one of `lexicons` already covers it."""
    keys = list(zip(comparison["group"], comparison["versus"]))
    order = {key: i for i, key in enumerate(dict.fromkeys(keys))}
    result = comparison.assign(_c=[order[key] for key in keys], _z=-comparison["z"].astype(float))
    result = (result.sort_values(["_c", "_z", "term"], kind="mergesort").groupby("_c", sort=False).head(top)
              .drop(columns=["_c", "_z"]))
    matchers = [Matcher(lx) for lx in lexicons]
    result["in_lexicon"] = covered_by(result["term"].tolist(), matchers)
    result["ngram"] = np.where(result["term"].str.contains(" "), 2, 1)
    return result.reset_index(drop=True)


def discover(corpus: Corpus, lexicons: Sequence[Lexicon] = (), by: str = "source", top: int = 30,
             min_count: int = 3, k: float = DEFAULT_K, n_jobs: int | None = None,
             progress: Progress | None = None, voice: str = "all", pairs: bool = False) -> pd.DataFrame:
    """The `top` terms of each comparison by z (each group against the rest, or each ordered
    pair), marked whether one of `lexicons` already covers them: candidates for the lexicon.
    Terms seen fewer than `min_count` times in all are not ranked. The same rows as
    `discover_top(vocabulary_comparison(...))`, without building the full table: every term is
    scored (q-values are over all of them) but only the rows that can reach a comparison's top
    (ties included) become a frame. Needs no lexicon matching."""
    scored = _scored(corpus, by, min_count, k, n_jobs, progress, voice, pairs)
    if scored is None:
        return discover_top(pd.DataFrame(columns=COLUMNS), lexicons, top)
    columns = []
    for r in scored.rows:
        neg_z = -np.asarray(r.scores["z"], dtype=float)
        n = min(top, len(neg_z))
        columns.append(np.flatnonzero(neg_z <= np.partition(neg_z, n - 1)[n - 1]) if n > 0 else np.array([], int))
    return discover_top(_frame(scored, columns), lexicons, top)
