"""Category rates per period: how a group's wording moves over time."""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from ..analysis import Analysis
from ..voice import Voice, check_voice

PERIODS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
COLUMNS = ["group", "period", "lexicon", "category", "count", "tokens", "documents", "rate_per_10k", "voice"]


def time_frequencies(analysis: Analysis, voice: Voice = "all", period: str = "month",
                     top: int | None = 3) -> pd.DataFrame:
    """One row per group, period and category (the `top` most frequent categories, or all with
    `top=None`): matches, tokens and dated documents of that group in that period, and the rate
    per 10,000 tokens. Undated documents are left out; periods with no document of a group are
    absent for that group (not zero)."""
    voice = check_voice(voice)
    if period not in PERIODS:
        raise ValueError(f"period must be one of {tuple(PERIODS)}, not {period!r}")
    fmt = PERIODS[period]
    dates = analysis.document_dates()
    if not dates:
        return pd.DataFrame(columns=COLUMNS)
    dtm, tokens, group = analysis.document_matrix(voice)
    dated = np.flatnonzero([d is not None for d in dates])
    if not len(dated):
        return pd.DataFrame(columns=COLUMNS)
    groups = analysis.counts.groups
    keys = pd.DataFrame({"group": [groups[g] for g in group[dated]],
                         "period": [dates[i].strftime(fmt) for i in dated], "tokens": tokens[dated]})
    per_period = (keys.groupby(["group", "period"], sort=False)
                  .agg(tokens=("tokens", "sum"), documents=("tokens", "size")).reset_index())
    # Each category's matches per document: the term columns summed by category.
    terms = analysis.counts.terms.keys
    order = [(lx.name, c.name) for lx in analysis.lexicons for c in lx.categories]
    column = {k: i for i, k in enumerate(order)}
    by_category = sparse.csr_matrix((np.ones(len(terms)), ([column[t[:2]] for t in terms], np.arange(len(terms)))),
                                    shape=(len(order), len(terms)))
    per_doc = np.asarray((dtm[dated] @ by_category.T).todense(), dtype=np.int64)
    totals = per_doc.sum(axis=0)
    # The most frequent categories; ties in the lexicon's order.
    ranked = sorted((i for i in range(len(order)) if totals[i] > 0), key=lambda i: (-totals[i], i))
    chosen = ranked if top is None else ranked[:top]
    if not chosen:
        return pd.DataFrame(columns=COLUMNS)
    counted = pd.concat([keys[["group", "period"]]] * len(chosen), ignore_index=True).assign(
        lexicon=np.repeat([order[i][0] for i in chosen], len(dated)),
        category=np.repeat([order[i][1] for i in chosen], len(dated)),
        count=per_doc[:, chosen].T.ravel())
    counted = counted.groupby(["group", "period", "lexicon", "category"], sort=False)["count"].sum().reset_index()
    cats = pd.DataFrame([order[i] for i in chosen], columns=["lexicon", "category"])
    out = per_period.merge(cats, how="cross").merge(counted, how="left", on=["group", "period", "lexicon", "category"])
    out["count"] = out["count"].fillna(0).astype(np.int64)
    out["rate_per_10k"] = np.divide(out["count"] * 10_000, out["tokens"], out=np.zeros(len(out)),
                                    where=out["tokens"] > 0)
    out["voice"] = voice
    return out.sort_values(["group", "category", "period"], kind="mergesort", ignore_index=True)[COLUMNS]
