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

from ..grouping import group_labels
from ..languages import corpus_languages, function_words
from ..matcher import Matcher
from ..model import Corpus, Lexicon
from ..ngrams import NgramCounts, Progress, count_ngrams
from ..quotes import voice_text
from ..voice import check_voice
from .comparison import MIN_COUNT, MIN_DOCUMENTS
from .logodds import DEFAULT_K, Comparison, comparisons, tidy
from .multiple import FDR, benjamini_hochberg, two_sided_p

COLUMNS = ["group", "versus", "term", "count", "other_count", "delta", "variance", "z", "documents",
           "other_documents", "p", "q", "significant", "few_counts", "few_documents"]


def discover_columns() -> list[str]:
    """The columns of `vocabulary_comparison` (and of `discover`, which adds in_lexicon and ngram)."""
    return list(COLUMNS)


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


def count_vocabulary(corpus: Corpus, by: str = "source", *, labels: Sequence[str] | None = None,
                     voice: str = "all", n_jobs: int | None = None, progress: Progress | None = None) -> NgramCounts:
    """The n-gram counts discovery scores, per group (`by`, or each document's label in corpus
    order), in one voice. Count once, then pass as `ngrams=` to score several ways."""
    voice = check_voice(voice)
    texts = [voice_text(d.text, voice) for d in corpus.documents]
    if labels is None:
        labels = group_labels(corpus, by)
    elif len(labels) != len(texts):
        raise ValueError(f"{len(labels)} labels for {len(texts)} documents")
    return count_ngrams(texts, labels, n_jobs=n_jobs, progress=progress)


class _Candidates(NamedTuple):
    ngrams: NgramCounts
    ids: np.ndarray  # the n-grams compared, in term order
    matrix: np.ndarray  # groups x terms counts
    documents: np.ndarray  # groups x terms documents
    tokens: np.ndarray  # per group


BLOCK_GROUPS = 64  # one-vs-rest comparisons scored at a time by `discover`: bounds its memory


def _candidates(corpus: Corpus, by: str, min_count: int, n_jobs: int | None, progress: Progress | None,
                voice: str, labels: Sequence[str] | None, ngrams: NgramCounts | None) -> _Candidates | None:
    """The candidates' counts; None when there is nothing to compare."""
    counts = ngrams if ngrams is not None else count_vocabulary(corpus, by, labels=labels, voice=voice,
                                                                 n_jobs=n_jobs, progress=progress)
    ids, matrix, documents = counts.candidates(min_count)
    # Stop words of other Latin-script languages in the corpus (French "la", "des"), which the
    # counting's English list does not hold; other scripts' lists are in the counting already.
    # Single letters (a Hebrew prefix cut from its word by a quotation mark) are not candidates either.
    extra = function_words(corpus_languages(corpus.documents))
    if len(ids):
        terms = pd.Series(counts.strings(ids), dtype=object)
        keep = (terms.str.len() > 1).to_numpy().copy()
        if extra:
            keep &= ~terms.map(lambda t: all(w in extra for w in t.split(" "))).to_numpy(dtype=bool)
        ids, matrix, documents = ids[keep], matrix[:, keep], documents[:, keep]
    if len(counts.groups) < 2 or not len(ids):
        return None
    return _Candidates(counts, ids, matrix.astype(float), documents, counts.tokens())


def _score(c: _Candidates, k: float, pairs: bool, only: Sequence[str] | None) -> _Scored:
    """Every candidate scored, as arrays, for the comparisons of `only` (default: every group)."""
    groups = c.ngrams.groups
    # Denominators are the groups' token totals, as for lexicon terms: the same word with the
    # same counts gets the same z in discovery and in the lexicon comparison.
    rows = comparisons(c.matrix, groups, "mcq2008", k=k, pairs=pairs, tokens=c.tokens, only=only)
    p = np.vstack([two_sided_p(r.scores["z"]) for r in rows])
    mine = c.documents[[groups.index(r.group) for r in rows]]
    others = (c.documents[[groups.index(r.versus) for r in rows]] if pairs
              else c.documents.sum(axis=0, keepdims=True) - mine)
    return _Scored(c.ngrams, c.ids, rows, mine, others, p, np.vstack([benjamini_hochberg(x) for x in p]))


def _frame(scored: _Scored, columns: Sequence[np.ndarray] | None = None) -> pd.DataFrame:
    """The tidy table of the comparisons: all terms, or the term positions `columns[i]` of row i."""
    if columns is None:
        df = tidy(scored.rows, scored.ngrams.strings(scored.ids))
        take = [slice(None)] * len(scored.rows)
    else:
        # Built from concatenated slices, not one small frame per comparison.
        lengths = np.array([len(c) for c in columns], dtype=np.int64)
        per_row = np.repeat(np.arange(len(scored.rows)), lengths)
        flat = np.concatenate(columns) if len(columns) else np.array([], dtype=np.int64)
        df = pd.DataFrame({
            "group": pd.Index([r.group for r in scored.rows], dtype=object).astype(str).take(per_row),
            "versus": pd.Index([r.versus for r in scored.rows], dtype=object).astype(str).take(per_row),
            "term": pd.Index(scored.ngrams.strings(scored.ids[flat])),
            "count": np.concatenate([r.count[c] for r, c in zip(scored.rows, columns)]).astype(np.int64),
            "other_count": np.concatenate([r.other_count[c] for r, c in zip(scored.rows, columns)]).astype(np.int64),
            **{key: np.concatenate([np.asarray(r.scores[key], dtype=float)[c] for r, c in zip(scored.rows, columns)])
               for key in ("delta", "variance", "z")},
        })
        take = columns
    for name in ("documents", "other_documents", "p", "q"):
        df[name] = np.concatenate([getattr(scored, name)[i, c] for i, c in enumerate(take)])
    df["significant"] = df["q"] < FDR
    df["few_counts"] = (df["count"] + df["other_count"]) < MIN_COUNT
    df["few_documents"] = (df["documents"] + df["other_documents"]) < MIN_DOCUMENTS
    return df[COLUMNS]


def vocabulary_comparison(corpus: Corpus, by: str = "source", min_count: int = 3, k: float = DEFAULT_K,
                          n_jobs: int | None = None, progress: Progress | None = None, voice: str = "all",
                          pairs: bool = False, *, labels: Sequence[str] | None = None,
                          only: Sequence[str] | None = None, ngrams: NgramCounts | None = None,
                          points: int | None = None) -> pd.DataFrame:
    """Fightin' Words (mcq2008, informative prior) over every candidate unigram and bigram seen
    at least `min_count` times, each group against the rest (or each ordered pair of groups,
    `pairs=True`), with document counts, Benjamini-Hochberg q-values within each comparison and
    the lexicon comparison's thin-evidence flags (`few_counts`, `few_documents`). Groups are made
    as in `analyse` (`by`), in order of first appearance. `voice`: all text, the reporter's own
    words ("own": quotations cut out) or quotations only ("quoted"). `labels`: each document's
    group, in corpus order, in place of `by` (an `Analysis`'s own groups); `only`: compute just
    these groups' comparisons (the prior and "the rest" still span every group); `ngrams`: the
    counts of `count_vocabulary`, when already made (then `by`, `labels` and `voice` are theirs);
    `points`: per comparison, only the rows a plot draws (the `points // 6` highest and lowest z,
    then the most frequent terms, up to `points` rows), q-values still over every term."""
    cands = _candidates(corpus, by, min_count, n_jobs, progress, voice, labels, ngrams)
    if cands is None:
        return pd.DataFrame(columns=COLUMNS)
    scored = _score(cands, k, pairs, only)
    if points is None:
        return _frame(scored)
    return _frame(scored, [_plotted(r, points) for r in scored.rows])


def _top_positions(z: np.ndarray, top: int) -> np.ndarray:
    """The positions of the `top` highest z, ties broken by position (term order), sorted: a
    partition finds the cut in linear time, and only the terms at or above it are sorted."""
    n = min(max(top, 0), len(z))
    if n == 0:
        return np.array([], dtype=np.int64)
    cut = np.partition(-z, n - 1)[n - 1]
    above = np.flatnonzero(-z <= cut)
    return np.sort(above[np.lexsort((above, -z[above]))][:n])


def _plotted(r: Comparison, points: int) -> np.ndarray:
    """Term positions of one comparison worth drawing: the `points // 6` highest and lowest z each,
    then the most frequent terms up to `points` (ties broken by position, i.e. by term)."""
    z = np.asarray(r.scores["z"], dtype=float)
    side = min(points // 6, len(z))
    order = np.argsort(-z, kind="stable")
    extreme = np.concatenate([order[:side], order[::-1][:side]])
    total = r.count + r.other_count
    frequent = np.argsort(-total, kind="stable")
    chosen = dict.fromkeys(extreme.tolist())
    for i in frequent.tolist():
        if len(chosen) >= points:
            break
        if total[i] > 0:
            chosen.setdefault(i)
    return np.array(sorted(chosen), dtype=np.int64)


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
             progress: Progress | None = None, voice: str = "all", pairs: bool = False, *,
             labels: Sequence[str] | None = None, only: Sequence[str] | None = None,
             ngrams: NgramCounts | None = None) -> pd.DataFrame:
    """The `top` terms of each comparison by z (each group against the rest, or each ordered
    pair), marked whether one of `lexicons` already covers them: candidates for the lexicon.
    Terms seen fewer than `min_count` times in all are not ranked. The same rows as
    `discover_top(vocabulary_comparison(...))`, without building the full table: every term is
    scored (q-values are over all of them) but only each comparison's top rows become a frame.
    Needs no lexicon matching. `labels` and `only` as in `vocabulary_comparison`."""
    cands = _candidates(corpus, by, min_count, n_jobs, progress, voice, labels, ngrams)
    if cands is None:
        return discover_top(pd.DataFrame(columns=COLUMNS), lexicons, top)
    wanted = list(cands.ngrams.groups if only is None else only)
    # One-vs-rest comparisons are independent: score them a block of groups at a time, so memory
    # stays bounded with hundreds of groups. Pairs need every chosen group at once.
    blocks = [wanted] if pairs else [wanted[i:i + BLOCK_GROUPS] for i in range(0, len(wanted), BLOCK_GROUPS)]
    frames = []
    for block in blocks:
        scored = _score(cands, k, pairs, block)
        # Positions follow the terms' string order, so a stable sort of -z breaks ties by term,
        # exactly as discover_top does on the full table (ties at the cut can be thousands of
        # terms for a group of one headline: they are never built).
        columns = [_top_positions(np.asarray(r.scores["z"], dtype=float), top) for r in scored.rows]
        frames.append(_frame(scored, columns))
    return discover_top(pd.concat(frames, ignore_index=True), lexicons, top)
