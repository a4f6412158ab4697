"""Uncertainty that respects documents: resample articles, not tokens.

Word counts cluster in articles (one article repeating a word ten times is one editorial choice,
not ten), so token-level z-scores overstate certainty. Here each group's documents are drawn with
replacement, counts are re-summed, and the statistic recomputed; the 2.5th and 97.5th
percentiles give the interval. Seeded, so the same seed gives the same intervals. A group of a
single document gets no interval (NaN).
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from ..analysis import Analysis
from .logodds import DEFAULT_K, informative_prior

DEFAULT_REPLICATES = 200
DEFAULT_SEED = 20081
_DRAWN_AT_ONCE = 4_000_000  # documents x replicates drawn at once (32 MB of counts)


class _Blocks(NamedTuple):
    """The documents sorted group by group, made once for every replicate's draw."""

    order: np.ndarray       # document indices, grouped
    slot_start: np.ndarray  # per slot (one per document, in its group's block): where the block starts
    slot_size: np.ndarray   # and how many documents it has


def _blocks(doc_groups: np.ndarray, n_groups: int) -> _Blocks:
    order = np.argsort(doc_groups, kind="stable")
    sizes = np.bincount(doc_groups, minlength=n_groups)
    starts = np.cumsum(sizes) - sizes
    slot_group = doc_groups[order]
    return _Blocks(order, starts[slot_group], sizes[slot_group])


def _draws(blocks: _Blocks, rng: np.random.Generator) -> np.ndarray:
    """How often each document is drawn in one replicate: each group redraws as many of its own
    documents as it has, with replacement (one vectorised draw for all groups)."""
    picks = blocks.slot_start + (rng.random(len(blocks.order)) * blocks.slot_size).astype(np.int64)
    return np.bincount(blocks.order[picks], minlength=len(blocks.order)).astype(float)


def bootstrap(analysis: Analysis, voice: str = "all", replicates: int = DEFAULT_REPLICATES,
              seed: int = DEFAULT_SEED, k: float = DEFAULT_K) -> pd.DataFrame:
    """Per group and term: bootstrap intervals of the rate per 10k tokens and of the one-vs-rest
    delta (the paper's formula, prior fixed at the full-sample one), plus the share of replicates
    on the observed side of zero."""
    counts = analysis.counts
    dtm, doc_tokens, doc_groups = analysis.document_matrix(voice)
    n_groups, n_terms = len(counts.groups), dtm.shape[1]
    observed, observed_tokens = counts.voice(voice)
    a = informative_prior(observed.sum(axis=0), k)
    a0 = k * observed_tokens.sum()  # as in lexicon_comparison: the prior over the whole vocabulary
    from scipy import sparse  # here: discovery and reading need no scipy

    rng = np.random.default_rng(seed)
    # Single precision: the intervals are read to three digits, and hundreds of groups times
    # hundreds of replicates would otherwise dominate the report's memory.
    rates = np.empty((replicates, n_groups, n_terms), dtype=np.float32)
    deltas = np.empty((replicates, n_groups, n_terms), dtype=np.float32)
    blocks = _blocks(doc_groups, n_groups)
    # Each group's documents x terms counts, transposed, and tokens: a replicate's sums are then
    # those matrices times its draws, a batch of replicates at once (sparse times dense columns
    # costs far less than a sparse product per replicate). The sums are of whole numbers, so
    # they are exact whatever the order of the additions.
    ends = np.cumsum(np.bincount(doc_groups, minlength=n_groups))
    starts = ends - np.bincount(doc_groups, minlength=n_groups)
    grouped = sparse.csr_matrix(dtm, dtype=float)[blocks.order]
    parts = [grouped[s:e].T.tocsr() for s, e in zip(starts, ends)]
    tokens = np.asarray(doc_tokens, dtype=float)[blocks.order]
    at_once = max(1, min(replicates, _DRAWN_AT_ONCE // max(len(doc_groups), 1)))
    for first in range(0, replicates, at_once):
        batch = range(first, min(first + at_once, replicates))
        draws = np.column_stack([_draws(blocks, rng) for _ in batch])[blocks.order]  # documents, grouped x batch
        ys = np.zeros((len(batch), n_groups, n_terms))
        ns = np.zeros((len(batch), n_groups))
        for g, (s, e) in enumerate(zip(starts, ends)):
            if e > s:
                ys[:, g, :] = (parts[g] @ draws[s:e]).T
                ns[:, g] = tokens[s:e] @ draws[s:e]
        for i, r in enumerate(batch):
            y, n = ys[i], ns[i]                          # groups x terms, groups
            rates[r] = np.divide(y * 10_000, n[:, None], out=np.zeros_like(y), where=n[:, None] > 0)
            rest_y, rest_n = y.sum(axis=0) - y, n.sum() - n
            deltas[r] = (np.log((y + a) / (n[:, None] + a0 - y - a))
                         - np.log((rest_y + a) / (rest_n[:, None] + a0 - rest_y - a)))
    keys = counts.terms.keys
    obs_y, obs_n = observed, observed_tokens
    obs_rest_y, obs_rest_n = obs_y.sum(axis=0) - obs_y, obs_n.sum() - obs_n
    obs_delta = (np.log((obs_y + a) / (obs_n[:, None] + a0 - obs_y - a))
                 - np.log((obs_rest_y + a) / (obs_rest_n[:, None] + a0 - obs_rest_y - a)))
    r_lo, r_hi = np.percentile(rates, [2.5, 97.5], axis=0)
    d_lo, d_hi = np.percentile(deltas, [2.5, 97.5], axis=0)
    same_side = (np.sign(deltas) == np.sign(obs_delta)[None]).mean(axis=0)
    g = np.repeat(np.arange(n_groups), n_terms)
    t = np.tile(np.arange(n_terms), n_groups)
    df = pd.DataFrame({
        "group": pd.Index(list(counts.groups), dtype=object).take(g),
        "lexicon": pd.Index([k[0] for k in keys], dtype=object).take(t),
        "category": pd.Index([k[1] for k in keys], dtype=object).take(t),
        "term": pd.Index([k[2] for k in keys], dtype=object).take(t),
        "rate_low": r_lo.ravel(), "rate_high": r_hi.ravel(), "delta": obs_delta.ravel(),
        "delta_low": d_lo.ravel(), "delta_high": d_hi.ravel(), "same_side": same_side.ravel(),
        "group_documents": np.bincount(doc_groups, minlength=n_groups)[g],
    })
    # One document cannot be resampled into anything but itself: no interval, rather than a
    # zero-width one that looks certain.
    single = df["group_documents"] < 2
    df.loc[single, ["rate_low", "rate_high", "delta_low", "delta_high", "same_side"]] = np.nan
    df["replicates"] = replicates
    df["seed"] = seed
    df["voice"] = voice
    return df
