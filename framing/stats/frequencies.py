"""Per-group counts, document shares and rates, as tidy tables."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..counts import Counts


def frequencies(counts: Counts, voice: str = "all") -> pd.DataFrame:
    """One row per group and term: count, quoted_count, documents, tokens, rate per 10,000 tokens.

    `voice` picks the text counted in `count`, `tokens` and the rate (all, own words, quotations);
    `quoted_count` and `own_count` are always shown so a reader sees the split.
    """
    values, tokens_by_group = counts.voice(voice)
    n_groups, n_terms = values.shape
    g = np.repeat(np.arange(n_groups), n_terms)
    t = np.tile(np.arange(n_terms), n_groups)
    keys = counts.terms.keys
    tokens = tokens_by_group[g]
    df = pd.DataFrame({
        "group": [counts.groups[i] for i in g],
        "lexicon": [keys[i][0] for i in t],
        "category": [keys[i][1] for i in t],
        "term": [keys[i][2] for i in t],
        "count": values.ravel(),
        "quoted_count": counts.quoted.ravel(),
        "own_count": (counts.count - counts.quoted).ravel(),
        "documents": counts.documents.ravel(),
        "group_documents": counts.group_documents[g],
        "tokens": tokens,
    })
    df["doc_share"] = df["documents"] / df["group_documents"]
    df["rate_per_10k"] = np.divide(df["count"] * 10_000, tokens, out=np.zeros(len(df)), where=tokens > 0)
    df["voice"] = voice
    return df


def category_frequencies(counts: Counts, voice: str = "all") -> pd.DataFrame:
    """Counts summed per category (terms of one category never overlap, so the sums are exact;
    matches of different categories may overlap, so categories are not to be added up)."""
    freq = frequencies(counts, voice)
    agg = freq.groupby(["group", "lexicon", "category"], sort=False).agg(
        count=("count", "sum"), quoted_count=("quoted_count", "sum"), own_count=("own_count", "sum"),
        tokens=("tokens", "first"), group_documents=("group_documents", "first")).reset_index()
    agg["rate_per_10k"] = np.divide(agg["count"] * 10_000, agg["tokens"], out=np.zeros(len(agg)),
                                    where=agg["tokens"] > 0)
    agg["voice"] = voice
    return agg
