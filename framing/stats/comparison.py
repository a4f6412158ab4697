"""Fightin' Words over lexicon terms: one-vs-rest and pairwise, with corrections and flags."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..counts import Counts
from .logodds import DEFAULT_K, compare
from .multiple import FDR, benjamini_hochberg, two_sided_p

MIN_COUNT = 5      # fewer occurrences in the two sides together: the z-score rests on too little
MIN_DOCUMENTS = 3  # fewer documents using the term: one article's habit, not a source's


def add_corrections(df: pd.DataFrame, by=("group", "versus")) -> pd.DataFrame:
    """p-values, Benjamini-Hochberg q-values within each comparison, and `significant`."""
    df = df.copy()
    p = two_sided_p(df["z"].to_numpy())
    q = np.empty_like(p)
    # BH within each comparison: sort rows by comparison (stable), correct each block, scatter back.
    codes = np.zeros(len(df), dtype=np.int64)
    for col in by:
        c, uniques = pd.factorize(df[col])
        codes = codes * (len(uniques) + 1) + c
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    bounds = np.flatnonzero(np.diff(sorted_codes)) + 1
    for block in np.split(order, bounds):
        if len(block):
            q[block] = benjamini_hochberg(p[block])
    df["p"], df["q"] = p, q
    df["significant"] = q < FDR
    return df


def lexicon_comparison(counts: Counts, voice: str = "all", method: str = "mcq2008", pairs: bool = False,
                       k: float = DEFAULT_K) -> pd.DataFrame:
    """Each group against the rest (or each ordered pair) for every lexicon term.

    Denominators are the groups' token totals, and the informative prior comes from the whole
    corpus's counts of each term (a_w = k * corpus count + 0.01), so a term one source uses 27
    times and another never stands out instead of vanishing under a tiny uniform prior.
    """
    if len(counts.groups) < 2:
        raise ValueError("comparisons need at least two groups")
    values, tokens = counts.voice(voice)
    keys = counts.terms.keys
    columns = [f"{i}" for i in range(len(keys))]  # positions: term names may repeat across lexicons
    matrix = pd.DataFrame(values, index=list(counts.groups), columns=columns)
    kwargs = {"tokens": tokens} if method == "mcq2008" else {}
    df = compare(matrix, method=method, pairs=pairs and method != "monroe-groups", k=k, **kwargs)
    pos = df["term"].astype(int).to_numpy()
    df["lexicon"] = [keys[i][0] for i in pos]
    df["category"] = [keys[i][1] for i in pos]
    df["term"] = [keys[i][2] for i in pos]
    g_index = {g: i for i, g in enumerate(counts.groups)}
    gi = df["group"].map(g_index).to_numpy()
    docs = counts.documents[gi, pos]
    if pairs and method != "monroe-groups":
        other_docs = counts.documents[df["versus"].map(g_index).to_numpy(), pos]
        other_tokens = tokens[df["versus"].map(g_index).to_numpy()]
    else:
        other_docs = counts.documents.sum(axis=0)[pos] - docs
        other_tokens = tokens.sum() - tokens[gi]
    df["documents"] = docs
    df["other_documents"] = other_docs
    df["tokens"] = tokens[gi]
    df["other_tokens"] = other_tokens
    df["rate_per_10k"] = np.divide(df["count"] * 10_000, df["tokens"], out=np.zeros(len(df)), where=df["tokens"] > 0)
    df["other_rate_per_10k"] = np.divide(df["other_count"] * 10_000, df["other_tokens"], out=np.zeros(len(df)),
                                         where=df["other_tokens"] > 0)
    df["few_counts"] = (df["count"] + df["other_count"]) < MIN_COUNT
    df["few_documents"] = (df["documents"] + df["other_documents"]) < MIN_DOCUMENTS
    df["method"] = method
    df["voice"] = voice
    df = add_corrections(df)
    order = ["group", "versus", "lexicon", "category", "term", "count", "other_count", "rate_per_10k",
             "other_rate_per_10k", "documents", "other_documents", "tokens", "other_tokens", "delta", "variance",
             "z", "p", "q", "significant", "few_counts", "few_documents", "method", "voice"]
    return df[order]


def with_bootstrap(comparison: pd.DataFrame, boot: pd.DataFrame) -> pd.DataFrame:
    """One-vs-rest comparison rows with the document-level bootstrap interval of delta beside the
    token-level z, and `documents_agree`: False where the two tell different stories (z says
    significant but the interval crosses zero, or the reverse)."""
    keys = ["group", "lexicon", "category", "term"]
    merged = comparison.merge(boot[keys + ["delta_low", "delta_high", "same_side"]], on=keys, how="left")
    excludes_zero = (merged["delta_low"] > 0) | (merged["delta_high"] < 0)
    agree = (merged["significant"] == excludes_zero).astype("boolean")
    agree[merged["delta_low"].isna()] = pd.NA  # no interval (a one-document group): no verdict
    merged["documents_agree"] = agree
    return merged


EVIDENCE_LABELS = {
    "strong": "q < 0.05 and, where articles were resampled, they agree",
    "chance?": "|z| passes 1.96, but with this many terms tested a z that size turns up by chance (q >= 0.05)",
    "articles disagree": "the word-level z and the article-level interval tell different stories: trust the articles",
    "thin": "fewer than 5 uses or fewer than 3 documents: an anecdote, not a pattern",
    "weak": "|z| below 1.96: no sign of a difference",
}


def strength_of_evidence(df: pd.DataFrame) -> pd.Series:
    """One plain-language label per comparison row (see EVIDENCE_LABELS), from z, q, the
    thin-evidence flags and, when present, `documents_agree`. The first that applies wins:
    thin, articles disagree, strong, chance?, weak."""
    z = df["z"].astype(float).abs().to_numpy()
    q = df["q"].astype(float).to_numpy()
    thin = (df["few_counts"] | df["few_documents"]).to_numpy(dtype=bool)
    disagree = np.zeros(len(df), dtype=bool)
    if "documents_agree" in df:
        disagree = (df["documents_agree"].astype("boolean") == False).fillna(False).to_numpy(dtype=bool)  # noqa: E712
    label = np.select([thin, disagree, q < FDR, z >= 1.96], ["thin", "articles disagree", "strong", "chance?"],
                      default="weak")
    return pd.Series(label, index=df.index, name="evidence")
