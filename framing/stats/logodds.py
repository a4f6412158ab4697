"""The log-odds ratio with an informative Dirichlet prior ("Fightin' Words").

Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), eqs. 16, 18-20:

    delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w))
    var_w  ~= 1/(y_wi + a_w) + 1/(y_wj + a_w)
    z_w    = delta_w / sqrt(var_w)

Three variants circulate under the name; `compare` offers each by name:

- "mcq2008": the paper's equations above (2-term variance, one prior for both groups).
- "scattertext": Scattertext's `LogOddsRatioInformativeDirichletPrior` (4-term variance, the
  prior scaled per group to `sigma` times the group's size, `scale_type='class-size'`) and its
  `LogOddsRatioUninformativeDirichletPrior` (constant a_w, 4-term variance).
- "monroe-groups": Monroe's multi-group course version (`fwgroups` in his TextAsDataCourse):
  prior proportional to expected counts, double-centred log counts, 4-term variance.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

DEFAULT_K = 0.1  # prior mass relative to the corpus: a_w = k * (background count of w) + FLOOR
FLOOR = 0.01     # keeps a_w > 0 for terms the background never saw


def _vector(x, name: str) -> np.ndarray:
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional")
    if np.any(arr < 0) or not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must hold finite, non-negative counts")
    return arr


def _others(v: np.ndarray, axis: int = -1) -> np.ndarray:
    """For each element, the sum of the others along `axis`, from prefix and suffix sums:
    `v.sum() - v` cancels when one element holds nearly all of the sum, and leaves 0 (or less)
    where the others are tiny (a prior's floor next to a huge count), so a log of 0."""
    v = np.moveaxis(np.asarray(v, dtype=float), axis, -1)
    zero = np.zeros(v.shape[:-1] + (1,))
    before = np.concatenate((zero, np.cumsum(v, axis=-1)[..., :-1]), axis=-1)
    after = np.concatenate((np.flip(np.cumsum(np.flip(v, -1), axis=-1), -1)[..., 1:], zero), axis=-1)
    return np.moveaxis(before + after, -1, axis)


def informative_prior(background, k: float = DEFAULT_K, floor: float = FLOOR) -> np.ndarray:
    """a_w = k * background_w + floor: the default prior, from the whole corpus's counts.

    With k fixed, a_0 = k * N + floor * V grows with the corpus, so the prior weighs the same
    relative to the data in a small class reader as in a million-article archive.
    """
    return k * _vector(background, "background") + floor


def log_odds_dirichlet(counts_a, counts_b, prior=None, *, n_a: float | None = None, n_b: float | None = None,
                       a0: float | None = None) -> pd.DataFrame:
    """The 2008 paper's delta, variance and z per term, for group a against group b.

    `counts_a`, `counts_b`: aligned counts (array-likes or Series of equal length).
    `prior`: a scalar (the same a_w for every term, a_0 = a_w * V: the uninformative prior), a
    vector of a_w, or None for the informative default from the two groups' summed counts.
    `n_a`, `n_b`, `a0`: totals when the vectors hold only part of the vocabulary (a lexicon's
    terms); by default the sums of the vectors and of the prior.
    """
    y_a, y_b = _vector(counts_a, "counts_a"), _vector(counts_b, "counts_b")
    if y_a.shape != y_b.shape:
        raise ValueError(f"counts_a and counts_b differ in length ({len(y_a)} and {len(y_b)})")
    if prior is None:
        a = informative_prior(y_a + y_b)
    elif np.ndim(prior) == 0:
        a = np.full_like(y_a, float(prior))
    else:
        a = _vector(prior, "prior")
        if a.shape != y_a.shape:
            raise ValueError("prior must be a scalar or have one value per term")
    if np.any(a <= 0):
        raise ValueError("every prior value a_w must be positive")
    # n_i + a_0 - y_wi - a_w, the other terms' counts and prior, summed without cancelling
    prior_rest = _others(a) if a0 is None else float(a0) - a
    rest_a = (_others(y_a) if n_a is None else float(n_a) - y_a) + prior_rest
    rest_b = (_others(y_b) if n_b is None else float(n_b) - y_b) + prior_rest
    delta = np.log((y_a + a) / rest_a) - np.log((y_b + a) / rest_b)
    variance = 1.0 / (y_a + a) + 1.0 / (y_b + a)
    index = counts_a.index if isinstance(counts_a, pd.Series) else None
    return pd.DataFrame({"delta": delta, "variance": variance, "z": delta / np.sqrt(variance)}, index=index)


def scattertext_log_odds(counts_a, counts_b, background=None, *, sigma: float = 10.0,
                         alpha_w: float | None = None, starting_count: float = 0.01) -> pd.DataFrame:
    """Scattertext 0.2.2's two variants, as reproduced against its outputs.

    Informative (default): prior_w = background_w + starting_count (background defaults to
    a + b, i.e. `PriorFactory(...).use_all_categories()`), scaled per group to a_wi =
    prior_w * n_i * sigma / sum(prior). Uninformative (`alpha_w` given): a_w = alpha_w.
    Both use the 4-term variance 1/(y_i+a) + 1/(n_i+a_0-y_i-a) + 1/(y_j+a) + 1/(n_j+a_0-y_j-a).
    A group with no counts at all (a source without any lexicon match) gets a prior of 0 in the
    informative variant, so every log odds would be log(0/0); Scattertext gives NaN there. Here
    such a comparison has delta = z = 0 and an infinite variance: no evidence either way.
    """
    y_i, y_j = _vector(counts_a, "counts_a"), _vector(counts_b, "counts_b")
    n_i, n_j = y_i.sum(), y_j.sum()
    if alpha_w is not None:
        a_i = a_j = np.full_like(y_i, float(alpha_w))
    else:
        prior = _vector(y_i + y_j if background is None else background, "background") + starting_count
        a_i = prior * n_i * sigma / prior.sum()
        a_j = prior * n_j * sigma / prior.sum()
    index = counts_a.index if isinstance(counts_a, pd.Series) else None
    if alpha_w is None and (n_i == 0 or n_j == 0):
        zero = np.zeros_like(y_i)
        return pd.DataFrame({"delta": zero, "variance": np.full_like(y_i, np.inf), "z": zero}, index=index)
    rest_i = _others(y_i) + _others(a_i)  # n_i + a_0i - y_wi - a_wi without cancelling
    rest_j = _others(y_j) + _others(a_j)
    delta = np.log((y_i + a_i) / rest_i) - np.log((y_j + a_j) / rest_j)
    variance = 1 / (y_i + a_i) + 1 / rest_i + 1 / (y_j + a_j) + 1 / rest_j
    return pd.DataFrame({"delta": delta, "variance": variance, "z": delta / np.sqrt(variance)}, index=index)


def monroe_groups(counts: np.ndarray, k: float = DEFAULT_K) -> dict[str, np.ndarray]:
    """Monroe's multi-group Fightin' Words (`fwgroups`, k.prior = 0.1) on a groups x terms matrix.

    a_gw = y_gw + k * n_g * c_w / N (the document-level prior summed over each group's
    documents); delta = log a centred over groups, then over terms; the variance has four terms.
    Terms no group uses are dropped by Monroe; here they get delta = z = 0, and so do groups
    with no counts at all (whose log a would be -inf, and make every group's delta NaN).
    """
    y = np.asarray(counts, dtype=float)
    if y.ndim != 2 or y.shape[0] < 2:
        raise ValueError("monroe-groups needs a groups x terms matrix with at least two groups")
    cells = np.ix_(y.sum(axis=1) > 0, y.sum(axis=0) > 0)  # the groups and terms with counts
    delta = np.zeros_like(y)
    se = np.ones_like(y)
    yu = y[cells]
    if yu.size:
        a = yu + k * np.outer(yu.sum(axis=1), yu.sum(axis=0)) / yu.sum()
        log_a = np.log(a)
        centred = log_a - log_a.mean(axis=0, keepdims=True)
        delta[cells] = centred - centred.mean(axis=1, keepdims=True)
        # a_g - a, a_w - a and a_0 - a_g - a_w + a, summed without cancelling; 0 (an infinite
        # variance, z = 0) when only one group or one term has counts
        in_row = _others(a, axis=1)
        with np.errstate(divide="ignore"):
            se[cells] = np.sqrt(1 / a + 1 / in_row + 1 / _others(a, axis=0) + 1 / _others(in_row, axis=0))
    return {"delta": delta, "variance": se ** 2, "z": delta / se}


METHODS = ("mcq2008", "scattertext", "monroe-groups")


def compare(counts: pd.DataFrame, method: str = "mcq2008", prior=None, *, tokens: Sequence[float] | None = None,
            background=None, k: float = DEFAULT_K, pairs: bool = False) -> pd.DataFrame:
    """Every group against the rest (or every pair, `pairs=True`) by one named method.

    `counts`: groups x terms (index = group labels, columns = terms). `tokens`: each group's
    token total when `counts` holds only some terms (a lexicon); by default the row sums.
    `prior` (mcq2008 only): scalar, vector, or None for the informative default
    k * background + 0.01, the background being the corpus's counts (`background`, default
    the column sums). Returns a tidy frame: group, versus, term, count, other_count, delta,
    variance, z.
    """
    rows = comparisons(counts.to_numpy(dtype=float), [str(g) for g in counts.index], method, prior, tokens=tokens,
                       background=background, k=k, pairs=pairs)
    return tidy(rows, counts.columns)


class Comparison(NamedTuple):
    """One comparison's results, as arrays aligned with the terms."""

    group: str
    versus: str
    count: np.ndarray
    other_count: np.ndarray
    scores: Mapping[str, np.ndarray]  # "delta", "variance", "z"


def comparisons(y: np.ndarray, groups: Sequence[str], method: str = "mcq2008", prior=None, *,
                tokens: Sequence[float] | None = None, background=None, k: float = DEFAULT_K,
                pairs: bool = False, only: Sequence[str] | None = None) -> list[Comparison]:
    """`compare` on a groups x terms array, one tuple of arrays per comparison (no frame).

    `only`: compute just the comparisons of these groups (against the rest, or, with `pairs`,
    against each other of them); the prior and "the rest" still come from every group."""
    return list(each_comparison(y, groups, method, prior, tokens=tokens, background=background, k=k, pairs=pairs,
                                only=only))


def each_comparison(y: np.ndarray, groups: Sequence[str], method: str = "mcq2008", prior=None, *,
                    tokens: Sequence[float] | None = None, background=None, k: float = DEFAULT_K,
                    pairs: bool = False, only: Sequence[str] | None = None) -> Iterator[Comparison]:
    """`comparisons`, each computed when it is taken: a caller that keeps a few rows of each holds
    one comparison's arrays at a time, not all of them (with their p- and q-values, the 30
    pairs of six groups over 1.3 million n-grams held 1.1 GB). The arguments are checked at once."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    n_terms = y.shape[1]
    n = y.sum(axis=1) if tokens is None else np.asarray(tokens, dtype=float)
    if method == "monroe-groups":
        if pairs:
            raise ValueError("monroe-groups compares all groups at once; use pairs=False")
        res = monroe_groups(y, k=k)
        return iter([Comparison(g, "(all groups)", y[i], y.sum(axis=0) - y[i], {key: v[i] for key, v in res.items()})
                     for i, g in enumerate(groups)])
    bg = y.sum(axis=0) if background is None else _vector(background, "background")
    if method == "mcq2008":
        if prior is not None:
            a, a0 = prior, float(np.sum(prior)) if np.ndim(prior) else float(prior) * n_terms
        elif tokens is None:
            a = informative_prior(bg, k)
            a0 = float(a.sum())
        else:
            # Only some terms are compared (a lexicon, or discovery's candidates without stop
            # words): a_0 spans the whole vocabulary, k * N. The floor's mass is left out, since
            # it depends on how many terms a caller compares: so a lexicon term and the same
            # word in discovery, with the same counts, get the same z.
            a = informative_prior(bg, k)
            a0 = k * float(n.sum())

    def one(ya, yb, na, nb):
        if method == "scattertext":
            return scattertext_log_odds(ya, yb, background=bg if background is not None else None,
                                        alpha_w=prior if np.ndim(prior) == 0 and prior is not None else None)
        if tokens is None:  # the totals are the vectors' sums, which log_odds_dirichlet adds up without cancelling
            return log_odds_dirichlet(ya, yb, a)
        return log_odds_dirichlet(ya, yb, a, n_a=na, n_b=nb, a0=a0)

    chosen = range(len(groups)) if only is None else [list(groups).index(g) for g in only]

    def each() -> Iterator[Comparison]:
        if pairs:
            for i in chosen:
                for j in chosen:
                    if i != j:
                        yield Comparison(groups[i], groups[j], y[i], y[j], one(y[i], y[j], n[i], n[j]))
        else:
            total = y.sum(axis=0)
            for i in chosen:
                rest = total - y[i]
                yield Comparison(groups[i], "rest", y[i], rest, one(y[i], rest, n[i], n.sum() - n[i]))

    return each()


def tidy(rows: Sequence[Comparison], terms) -> pd.DataFrame:
    """One long frame for all comparisons, built from concatenated arrays (not per-comparison frames)."""
    n = len(terms)
    # Index.take rather than arrays of Python strings: with pandas' Arrow-backed strings each
    # column is then a C-level gather instead of a conversion of every string.
    per_row = np.repeat(np.arange(len(rows)), n)
    return pd.DataFrame({
        "group": pd.Index([r.group for r in rows], dtype=object).astype(str).take(per_row),
        "versus": pd.Index([r.versus for r in rows], dtype=object).astype(str).take(per_row),
        "term": pd.Index(terms).take(np.tile(np.arange(n), len(rows))),
        "count": np.concatenate([r.count for r in rows]).astype(np.int64),
        "other_count": np.concatenate([r.other_count for r in rows]).astype(np.int64),
        "delta": np.concatenate([np.asarray(r.scores["delta"], dtype=float) for r in rows]),
        "variance": np.concatenate([np.asarray(r.scores["variance"], dtype=float) for r in rows]),
        "z": np.concatenate([np.asarray(r.scores["z"], dtype=float) for r in rows]),
    })
