"""Correction for testing many terms at once."""
from __future__ import annotations

import numpy as np

FDR = 0.05


def two_sided_p(z) -> np.ndarray:
    """Normal two-sided p-values of z-scores: 2 * norm.sf(|z|), computed as scipy.stats computes
    it (norm.sf(x) is ndtr(-x)), the same floats, without its per-call overhead and the half
    second that importing scipy.stats takes."""
    from scipy.special import ndtr

    return 2 * ndtr(-np.abs(np.asarray(z, dtype=float)))


def benjamini_hochberg(p) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values); a term is significant when q < FDR.

    Computed over the distinct p-values: terms tied at one p share one q (p * n / the last rank
    of the tie, or less from larger p), and a vocabulary's p-values are few distinct ones (a
    term's p follows from its counts, mostly small), so hashing them (`pd.factorize`) and sorting
    the distinct ones costs less than sorting every term. The same floats as the sort of all."""
    p = np.asarray(p, dtype=float)
    n = len(p)
    if n == 0:
        return p
    import pandas as pd

    codes, distinct = pd.factorize(p)
    if (codes < 0).any():  # a NaN p: the q-values are all NaN, as the plain sort gives them
        return np.full(n, np.nan)
    return bh_of_distinct(distinct, np.bincount(codes, minlength=len(distinct)), n)[codes]


def bh_of_distinct(p: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Benjamini-Hochberg q-values of p-values of which `weights[i]` terms have value `p[i]`, `n`
    terms in all: `benjamini_hochberg` of the expanded list, the same floats. Terms tied at one p
    get the q of the last of them, p * n / (their last rank), or less from larger ones."""
    order = np.argsort(p)  # ties need no order: a tie's terms share one q
    sp, last = p[order], np.cumsum(weights[order])
    ends = np.flatnonzero(np.append(sp[1:] != sp[:-1], True))
    ranked = sp[ends] * n / last[ends]
    q = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    out = np.empty(len(p))
    out[order] = q[np.searchsorted(ends, np.arange(len(sp)))]
    return out
