"""Category rates per period: how a group's wording moves over time."""
from __future__ import annotations

import numpy as np
import pandas as pd

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
    dates = {d.id: d.date for d in analysis.corpus.documents if d.date}
    docs, hits = [], []
    for p in analysis.profiles:
        if p.doc_id not in dates:
            continue
        label = dates[p.doc_id].strftime(fmt)
        tokens = {"all": p.tokens, "own": p.tokens - p.quoted_tokens, "quoted": p.quoted_tokens}[voice]
        docs.append((p.group, label, tokens))
        hits += [(p.group, label, m.lexicon, m.category) for m in p.matches
                 if voice == "all" or m.quoted == (voice == "quoted")]
    if not docs:
        return pd.DataFrame(columns=COLUMNS)
    per_period = (pd.DataFrame(docs, columns=["group", "period", "tokens"])
                  .groupby(["group", "period"], sort=False).agg(tokens=("tokens", "sum"),
                                                                documents=("tokens", "size")).reset_index())
    hits_df = pd.DataFrame(hits, columns=["group", "period", "lexicon", "category"])
    totals = hits_df.groupby(["lexicon", "category"], sort=False).size()
    # The most frequent categories; ties in the lexicon's order.
    order = [(lx.name, c.name) for lx in analysis.lexicons for c in lx.categories]
    ranked = sorted((k for k in order if totals.get(k, 0) > 0), key=lambda k: (-totals[k], order.index(k)))
    chosen = ranked if top is None else ranked[:top]
    cats = pd.DataFrame(chosen, columns=["lexicon", "category"])
    grid = per_period.merge(cats, how="cross")
    counted = hits_df.groupby(["group", "period", "lexicon", "category"]).size().rename("count").reset_index()
    out = grid.merge(counted, how="left", on=["group", "period", "lexicon", "category"])
    out["count"] = out["count"].fillna(0).astype(np.int64)
    out["rate_per_10k"] = np.divide(out["count"] * 10_000, out["tokens"], out=np.zeros(len(out)),
                                    where=out["tokens"] > 0)
    out["voice"] = voice
    return out.sort_values(["group", "category", "period"], kind="mergesort", ignore_index=True)[COLUMNS]
