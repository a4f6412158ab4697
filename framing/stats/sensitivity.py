"""Does a term's rank survive other priors and minimum counts? (the sensitivity view)

For each group against the rest, lexicon terms are ranked by z (1 = most typical of the group)
under the default informative prior and under alternatives: a weaker and a stronger informative
prior (k = 0.01, k = 1) and two uniform priors (a_w = 0.01, the tiny prior that hides one-sided
terms, and a_w = 1); and, under the default prior, among only the terms used at least 5 or 10
times. A finding worth teaching keeps its rank across the columns.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..counts import Counts
from .logodds import DEFAULT_K, compare

PRIORS: dict[str, dict] = {
    "default": {"k": DEFAULT_K},
    "k=0.01": {"k": 0.01},
    "k=1": {"k": 1.0},
    "uniform 0.01": {"prior": 0.01},
    "uniform 1": {"prior": 1.0},
}
MIN_COUNTS = (5, 10)


def _ranks(df: pd.DataFrame) -> pd.Series:
    return df.groupby("group", sort=False)["z"].rank(ascending=False, method="min")


def sensitivity(counts: Counts, voice: str = "all", top: int = 10) -> pd.DataFrame:
    """One row per group and lexicon term used at least once: z and rank under each prior, rank
    among frequent terms only, the worst rank seen, and `robust` (in the top `top` everywhere)."""
    if len(counts.groups) < 2:
        raise ValueError("comparisons need at least two groups")
    values, tokens = counts.voice(voice)
    keys = counts.terms.keys
    matrix = pd.DataFrame(values, index=list(counts.groups), columns=[str(i) for i in range(len(keys))])
    base = None
    for label, kwargs in PRIORS.items():
        res = compare(matrix, method="mcq2008", tokens=tokens, **kwargs)
        if base is None:
            base = res[["group", "term", "count", "other_count"]].copy()
        base[f"z {label}"] = res["z"].to_numpy()
        base[f"rank {label}"] = _ranks(res).to_numpy()
    total = base["count"] + base["other_count"]
    for m in MIN_COUNTS:
        kept = base[total >= m]
        ranks = kept.assign(z=kept["z default"]).pipe(_ranks)
        base[f"rank default, min {m} uses"] = ranks.reindex(base.index)
    base = base[total > 0].copy()
    rank_cols = [c for c in base.columns if c.startswith("rank ")]
    base["best_rank"] = base[rank_cols].min(axis=1)
    base["worst_rank"] = base[rank_cols].max(axis=1)  # NaN (excluded by a minimum) is skipped
    base["robust"] = (base[rank_cols].fillna(np.inf) <= top).all(axis=1)
    pos = base["term"].astype(int).to_numpy()
    base.insert(1, "lexicon", [keys[i][0] for i in pos])
    base.insert(2, "category", [keys[i][1] for i in pos])
    base["term"] = [keys[i][2] for i in pos]
    return base.sort_values(["group", "rank default"], kind="mergesort").reset_index(drop=True)
