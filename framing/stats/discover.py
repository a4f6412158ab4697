"""Discovery outside the lexicon: the unigrams and bigrams that most distinguish each group.

Candidates and their counts come from `framing.ngrams` (the project's tokens; each document's
stop words, numbers and phrases across punctuation left out); each group is compared with the
rest (or with each other group) by the same Fightin' Words method as the lexicon terms, so the
two rankings can be read side by side, on all text, the reporter's own words or quotations only.

`discover` never builds the groups x terms table: a term a group never uses has a z that
depends on the term's total count alone (its count is 0, the rest's is the total, its prior
follows the total), so each comparison scores the terms its groups use and one value per
distinct total for the others, which gives every term's z, and the q-values over all terms, at
a cost that grows with the non-zero cells, not with groups x vocabulary.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..grouping import group_labels
from ..matcher import Matcher
from ..model import Corpus, Lexicon
from ..ngrams import Candidates, NgramCounts, Progress, count_ngrams, document_languages
from ..quotes import voice_text
from ..voice import check_voice
from .candidates import CandidateTable, _given, candidate_table, discovery_candidates
from .comparison import MIN_COUNT, MIN_DOCUMENTS
from .logodds import DEFAULT_K, Comparison, each_comparison, informative_prior, log_odds_dirichlet, tidy
from .multiple import FDR, benjamini_hochberg, bh_of_distinct, two_sided_p
from .plot_rows import plotted, top_positions

# Comparisons scored together when only the plotted rows are kept: their arrays are freed after.
SCORED_AT_ONCE = 4
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
                     voice: str = "all", n_jobs: int | None = None, progress: Progress | None = None,
                     languages: Sequence[str | None] | None = None) -> NgramCounts:
    """The n-gram counts discovery scores, per group (`by`, or each document's label in corpus
    order), in one voice. Count once, then pass as `ngrams=` to score several ways. Each
    document drops its own language's stop words: `languages` (corpus order; an `Analysis`'s
    profiles have them), else its `language`, else the language detected from its whole text."""
    voice = check_voice(voice)
    docs = corpus.documents
    texts = [voice_text(d.text, voice) for d in docs]
    if labels is None:
        labels = group_labels(corpus, by)
    elif len(labels) != len(texts):
        raise ValueError(f"{len(labels)} labels for {len(texts)} documents")
    if languages is None:
        languages = [d.language for d in docs]
    elif len(languages) != len(texts):
        raise ValueError(f"{len(languages)} languages for {len(texts)} documents")
    if voice != "all":  # detected on the whole text, not on the part counted
        languages = document_languages([d.text for d in docs], languages)
    return count_ngrams(texts, labels, n_jobs=n_jobs, progress=progress, languages=languages)


def _counts(corpus: Corpus, by: str, n_jobs: int | None, progress: Progress | None, voice: str,
            labels: Sequence[str] | None, ngrams: NgramCounts | None,
            languages: Sequence[str | None] | None) -> NgramCounts:
    if ngrams is not None:
        return ngrams
    return count_vocabulary(corpus, by, labels=labels, voice=voice, n_jobs=n_jobs, progress=progress,
                            languages=languages)


def _score(c: CandidateTable, rows: list[Comparison], pairs: bool) -> _Scored:
    """The comparisons `rows` of the candidates (of pairs of groups, or each group against the
    rest), with their documents, p- and q-values, as arrays."""
    groups = c.ngrams.groups
    p = np.vstack([two_sided_p(r.scores["z"]) for r in rows])
    mine = c.documents[[groups.index(r.group) for r in rows]]
    others = (c.documents[[groups.index(r.versus) for r in rows]] if pairs
              else c.documents.sum(axis=0, keepdims=True) - mine)
    return _Scored(c.ngrams, c.ids, rows, mine, others, p, np.vstack([benjamini_hochberg(x) for x in p]))


def _comparisons(c: CandidateTable, k: float, pairs: bool, only: Sequence[str] | None) -> Iterator[Comparison]:
    """Every candidate scored in each comparison of `only` (default: every group), one at a time."""
    # Denominators are the groups' token totals, as for lexicon terms: the same word with the
    # same counts gets the same z in discovery and in the lexicon comparison.
    return each_comparison(c.matrix, c.ngrams.groups, "mcq2008", k=k, pairs=pairs, tokens=c.tokens, only=only)


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
                          points: int | None = None, languages: Sequence[str | None] | None = None,
                          candidates: CandidateTable | None = None) -> pd.DataFrame:
    """Fightin' Words (mcq2008, informative prior) over every candidate unigram and bigram seen
    at least `min_count` times, each group against the rest (or each ordered pair of groups,
    `pairs=True`), with document counts, Benjamini-Hochberg q-values within each comparison and
    the lexicon comparison's thin-evidence flags (`few_counts`, `few_documents`). Groups are made
    as in `analyse` (`by`), in order of first appearance. `voice`: all text, the reporter's own
    words ("own": quotations cut out) or quotations only ("quoted"). `labels`: each document's
    group, in corpus order, in place of `by` (an `Analysis`'s own groups); `only`: compute just
    these groups' comparisons (the prior and "the rest" still span every group); `ngrams`: the
    counts of `count_vocabulary`, when already made (then `by`, `labels`, `voice` and `languages`
    are theirs); `points`: per comparison, only the rows a plot draws (the `points // 6` highest
    and lowest z, then the most frequent terms, up to `points` rows), q-values still over every
    term; `languages`: each document's language, as in `count_vocabulary`; `candidates`: those of
    `candidate_table(ngrams, min_count=min_count)`, when already made."""
    counts = _counts(corpus, by, n_jobs, progress, voice, labels, ngrams, languages)
    cands = _given(candidates, ngrams) if candidates is not None else candidate_table(counts, min_count=min_count)
    if cands is None:
        return pd.DataFrame(columns=COLUMNS)
    rows = _comparisons(cands, k, pairs, only)
    if points is None:
        return _frame(_score(cands, list(rows), pairs))
    # A few comparisons at a time, of which only the plotted rows are kept.
    frames = [_frame(scored, [plotted(r, points) for r in scored.rows])
              for scored in (_score(cands, chunk, pairs) for chunk in _batches(rows, SCORED_AT_ONCE))]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    """`items` in lists of `size` (the last may be shorter)."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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
             ngrams: NgramCounts | None = None, languages: Sequence[str | None] | None = None,
             candidates: Candidates | None = None) -> pd.DataFrame:
    """The `top` terms of each comparison by z (each group against the rest, or each ordered
    pair), marked whether one of `lexicons` already covers them: candidates for the lexicon.
    Terms seen fewer than `min_count` times in all are not ranked. The same rows as
    `discover_top(vocabulary_comparison(...))`, without building the full table: every term's z
    and q-value is known (q-values are over all of them), but only the non-zero cells are scored
    one by one (module top). Needs no lexicon matching. `labels`, `only` and `languages` as in
    `vocabulary_comparison`."""
    counts = _counts(corpus, by, n_jobs, progress, voice, labels, ngrams, languages)
    cands = discovery_candidates(counts, min_count) if candidates is None else _given(candidates, ngrams)
    groups = counts.groups
    if len(groups) < 2 or not len(cands.ids):
        return discover_top(pd.DataFrame(columns=COLUMNS), lexicons, top)
    scale = _Scale.of(cands, counts.tokens(), k)
    chosen = [groups.index(g) for g in (groups if only is None else only)]
    if pairs:
        tops = [_top(scale, cands, i, j, top) for i in chosen for j in chosen if i != j]
    else:
        tops = [_top(scale, cands, i, None, top) for i in chosen]
    return discover_top(_top_frame(counts, cands, tops), lexicons, top)


class _Scale(NamedTuple):
    """What every comparison of one discovery shares."""

    totals: np.ndarray  # float per term: its count in all groups
    prior: np.ndarray  # a_w per term
    a0: float  # the prior's mass (k * all tokens)
    tokens: np.ndarray  # float per group
    values: np.ndarray  # the distinct totals, ascending
    value_of: np.ndarray  # per term: the index of its total in `values`
    value_terms: np.ndarray  # per distinct total: how many terms have it
    value_prior: np.ndarray  # a_w of a term with that total
    by_value: np.ndarray  # the terms ordered by total, then by position
    value_start: np.ndarray  # where each distinct total's terms start in `by_value`

    @staticmethod
    def of(cands: Candidates, tokens: np.ndarray, k: float) -> _Scale:
        # The same prior and totals as `logodds.comparisons` computes from the groups x terms
        # table (tokens given: a_0 = k * N), value for value, so every z is the same float.
        totals = cands.totals.astype(float)
        n = np.asarray(tokens, dtype=float)
        values, value_of, value_terms = np.unique(totals, return_inverse=True, return_counts=True)
        by_value = np.argsort(value_of, kind="stable")
        return _Scale(totals, informative_prior(totals, k), k * float(n.sum()), n, values, value_of,
                      value_terms, informative_prior(values, k), by_value, np.cumsum(value_terms) - value_terms)


class _Top(NamedTuple):
    """One comparison's top terms (in no order: `discover_top` sorts them) with their scores."""

    group: int
    versus: int | None  # None: the rest
    position: np.ndarray
    count: np.ndarray
    other_count: np.ndarray
    delta: np.ndarray
    variance: np.ndarray
    z: np.ndarray
    documents: np.ndarray
    other_documents: np.ndarray
    p: np.ndarray
    q: np.ndarray


def _cells(cands: Candidates, g: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a, b = cands.indptr[g], cands.indptr[g + 1]
    return cands.position[a:b], cands.count[a:b], cands.cell_documents[a:b]


def _top(scale: _Scale, cands: Candidates, g: int, h: int | None, top: int) -> _Top:
    """Group `g` against the rest (`h` None) or against group `h`: the `top` terms by z (ties
    broken by position, i.e. by term), with z and p computed as in the full table and q by
    Benjamini-Hochberg over every term."""
    position, count, docs = _cells(cands, g)
    if h is None:
        # The terms g uses; every other term has count 0, and the rest has all of its total.
        support, ya, da = position, count.astype(float), docs
        yb, db = scale.totals[support] - ya, cands.documents[support] - da
        outside = scale.values
        na, nb = scale.tokens[g], scale.tokens.sum() - scale.tokens[g]
    else:
        # The terms either group uses; every other term has count 0 on both sides.
        support, (ya, da, yb, db) = _union(_cells(cands, g), _cells(cands, h))
        ya, yb = ya.astype(float), yb.astype(float)
        outside = np.zeros_like(scale.values)
        na, nb = scale.tokens[g], scale.tokens[h]
    inside = log_odds_dirichlet(ya, yb, scale.prior[support], n_a=na, n_b=nb, a0=scale.a0)
    # The terms outside the support, one class per distinct total: `left` of them in class c.
    left = scale.value_terms - np.bincount(scale.value_of[support], minlength=len(scale.values))
    classes = np.flatnonzero(left)
    out = log_odds_dirichlet(np.zeros(len(classes)), outside[classes], scale.value_prior[classes],
                             n_a=na, n_b=nb, a0=scale.a0)
    z, z_out = inside["z"].to_numpy(), out["z"].to_numpy()
    p, p_out = two_sided_p(z), two_sided_p(z_out)
    q_all = bh_of_distinct(np.concatenate([p, p_out]), np.concatenate([np.ones(len(p), dtype=np.int64), left[classes]]),
                         len(scale.totals))
    q, q_out = q_all[:len(p)], q_all[len(p):]
    # The top: the support's best, and the first terms of the best classes.
    best = top_positions(z, top)
    class_pos, class_i = _class_terms(scale, support, classes, left[classes], z_out, top)
    pos = np.concatenate([support[best], class_pos])
    pick = np.lexsort((pos, -np.concatenate([z[best], z_out[class_i]])))[:top]
    mine = pick < len(best)
    s_i, c_i = best[pick[mine]], class_i[pick[~mine] - len(best)]

    def take(inside_values, outside_values) -> np.ndarray:
        return np.concatenate([np.asarray(inside_values)[s_i], np.asarray(outside_values)[c_i]])

    n_out = len(classes)
    outside_docs = cands.documents[pos[pick[~mine]]] if h is None else np.zeros(len(c_i), dtype=np.int64)
    return _Top(g, h, np.concatenate([support[s_i], pos[pick[~mine]]]), take(ya, np.zeros(n_out)),
                take(yb, outside[classes]), take(inside["delta"], out["delta"]),
                take(inside["variance"], out["variance"]), take(z, z_out),
                take(da, np.zeros(n_out, dtype=np.int64)), np.concatenate([np.asarray(db)[s_i], outside_docs]),
                take(p, p_out), take(q, q_out))


def _union(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """The sorted union of two groups' cell positions, and each group's counts and documents on
    it (0 where a group has no cell): a merge of two sorted runs."""
    position = np.concatenate([a[0], b[0]])
    order = np.argsort(position, kind="stable")
    merged = position[order]
    if not len(merged):
        return merged, (merged, merged, merged, merged)
    starts = np.flatnonzero(np.concatenate([[True], merged[1:] != merged[:-1]]))

    def on_union(values: np.ndarray, other: np.ndarray, first: bool) -> np.ndarray:
        padded = np.concatenate([values, np.zeros_like(other)] if first else [np.zeros_like(other), values])
        return np.add.reduceat(padded[order], starts)

    return merged[starts], (on_union(a[1], b[1], True), on_union(a[2], b[2], True),
                            on_union(b[1], a[1], False), on_union(b[2], a[2], False))


def _class_terms(scale: _Scale, support: np.ndarray, classes: np.ndarray, sizes: np.ndarray, z: np.ndarray,
                 top: int) -> tuple[np.ndarray, np.ndarray]:
    """(positions, index in `classes`) of the terms outside the support that can reach the top:
    the first `top` terms (by position) of each class whose z is at or above that of the class
    where `top` terms are reached, going down from the highest z."""
    if top <= 0 or not len(classes):
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    order = np.argsort(-z, kind="stable")
    reached = min(int(np.searchsorted(np.cumsum(sizes[order]), top)), len(order) - 1)
    chosen = order[z[order] >= z[order[reached]]]
    positions, which = [], []
    for i in chosen.tolist():
        c = classes[i]
        start, n = scale.value_start[c], scale.value_terms[c]
        # Its first terms, enough of them to leave `top` once the support's are taken out.
        first = scale.by_value[start:start + min(n, top + (n - sizes[i]))]
        if len(support):
            at = np.minimum(np.searchsorted(support, first), len(support) - 1)
            first = first[support[at] != first]
        positions.append(first[:top])
        which.append(np.full(len(positions[-1]), i, dtype=np.int64))
    return np.concatenate(positions), np.concatenate(which)


def _top_frame(counts: NgramCounts, cands: Candidates, tops: Sequence[_Top]) -> pd.DataFrame:
    """The tidy rows of the comparisons' tops, built as `_frame` builds them (same dtypes)."""
    groups = counts.groups
    lengths = np.array([len(t.position) for t in tops], dtype=np.int64)
    per_row = np.repeat(np.arange(len(tops)), lengths)
    flat = np.concatenate([t.position for t in tops]) if tops else np.array([], dtype=np.int64)

    def column(name: str) -> np.ndarray:
        return np.concatenate([getattr(t, name) for t in tops])

    df = pd.DataFrame({
        "group": pd.Index([groups[t.group] for t in tops], dtype=object).astype(str).take(per_row),
        "versus": pd.Index(["rest" if t.versus is None else groups[t.versus] for t in tops],
                           dtype=object).astype(str).take(per_row),
        "term": pd.Index(counts.strings(cands.ids[flat])),
        "count": column("count").astype(np.int64),
        "other_count": column("other_count").astype(np.int64),
        **{key: column(key).astype(float) for key in ("delta", "variance", "z")},
    })
    for name in ("documents", "other_documents"):
        df[name] = column(name).astype(np.int64)
    for name in ("p", "q"):
        df[name] = column(name)
    df["significant"] = df["q"] < FDR
    df["few_counts"] = (df["count"] + df["other_count"]) < MIN_COUNT
    df["few_documents"] = (df["documents"] + df["other_documents"]) < MIN_DOCUMENTS
    return df[COLUMNS]
