"""Contrast sets: of all mentions of one referent, what share each competing term takes."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd

from ..counts import Counts
from ..model import Category, Lexicon

CONFIDENCE = 0.95


def wilson_interval(k, n, confidence: float = CONFIDENCE) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for k successes in n trials (n = 0 gives the whole range 0..1)."""
    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    from scipy.stats import norm  # here: importing scipy.stats takes half a second

    zc = norm.ppf(0.5 + confidence / 2)
    safe = np.where(n > 0, n, 1)
    p = k / safe
    denom = 1 + zc ** 2 / safe
    centre = (p + zc ** 2 / (2 * safe)) / denom
    half = zc * np.sqrt(p * (1 - p) / safe + zc ** 2 / (4 * safe ** 2)) / denom
    # At k = 0 (k = n) the bound is exactly 0 (1); computed, it comes out a rounding error away.
    low = np.where((n > 0) & (k > 0), np.clip(centre - half, 0, 1), 0.0)
    high = np.where((n > 0) & (k < n), np.clip(centre + half, 0, 1), 1.0)
    return low, high


def contrast_sets(counts: Counts, lexicons: Sequence[Lexicon]) -> Iterator[tuple[Lexicon, Category, list[int]]]:
    """Each contrast set of `lexicons` with the columns of its terms in `counts`, in lexicon order."""
    position = counts.terms.position()
    for lx in lexicons:
        for category in lx.categories:
            if category.contrast:
                yield lx, category, [position[(lx.name, category.name, t.term)] for t in category.terms]


def contrast_shares(counts: Counts, lexicons: Sequence[Lexicon], voice: str = "all") -> pd.DataFrame:
    """One row per contrast set, group and term: count, set total, share and its 95% Wilson interval."""
    values, _ = counts.voice(voice)
    rows = []
    for lx, category, cols in contrast_sets(counts, lexicons):
        for gi, group in enumerate(counts.groups):
            k = values[gi, cols]
            total = int(k.sum())
            low, high = wilson_interval(k, np.full(len(k), total))
            for j, term in enumerate(category.terms):
                rows.append({"group": group, "lexicon": lx.name, "category": category.name, "term": term.term,
                             "count": int(k[j]), "set_total": total,
                             "share": k[j] / total if total else np.nan,
                             "share_low": low[j], "share_high": high[j], "voice": voice})
    return pd.DataFrame(rows, columns=["group", "lexicon", "category", "term", "count", "set_total", "share",
                                       "share_low", "share_high", "voice"])


def label_shares(rows: pd.DataFrame, column: str, labels: Sequence[str], groups: Sequence[str],
                 name: str) -> pd.DataFrame:
    """Rows of an analysis (one per reporting verb, casualty clause, ...) as shares of each
    `column` label per group, with 95% Wilson intervals: the shape of `contrast_shares`
    (category = `name`, term = the label), for groups in `groups` order, every label listed. Rows
    with a `count` column are counted rows: each stands for `count` of them."""
    if not len(rows):
        counts = pd.Series(dtype="int64")
    else:
        grouped = rows.groupby(["group", column])
        counts = grouped["count"].sum() if "count" in rows else grouped.size()
    out = []
    for group in groups:
        k = np.array([int(counts.get((group, label), 0)) for label in labels])
        total = int(k.sum())
        low, high = wilson_interval(k, np.full(len(k), total))
        for j, label in enumerate(labels):
            out.append({"group": group, "lexicon": "", "category": name, "term": label, "count": int(k[j]),
                        "set_total": total, "share": k[j] / total if total else np.nan,
                        "share_low": low[j], "share_high": high[j]})
    return pd.DataFrame(out, columns=["group", "lexicon", "category", "term", "count", "set_total", "share",
                                      "share_low", "share_high"])
