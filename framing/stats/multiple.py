"""Correction for testing many terms at once."""
from __future__ import annotations

import numpy as np

FDR = 0.05


def two_sided_p(z) -> np.ndarray:
    """Normal two-sided p-values of z-scores."""
    from scipy.stats import norm  # here: importing scipy.stats takes half a second

    return 2 * norm.sf(np.abs(np.asarray(z, dtype=float)))


def benjamini_hochberg(p) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values); a term is significant when q < FDR."""
    p = np.asarray(p, dtype=float)
    n = len(p)
    if n == 0:
        return p
    order = np.argsort(p)
    ranked = p[order] * n / np.arange(1, n + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.minimum(q, 1.0)
    return out
