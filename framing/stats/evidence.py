"""Which contrasts are worth a class's time: document-level evidence that two groups prefer
different words for the same referent."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..counts import Counts
from ..model import Lexicon
from ..voice import Voice
from .contrast import contrast_sets

Z95 = 1.959963984540054
MIN_SET_DOCUMENTS = 5  # documents of a group mentioning the referent at all: fewer is an anecdote
COLUMNS = ["lexicon", "category", "group", "versus", "term", "versus_term", "documents_term", "documents_versus_term",
           "versus_documents_term", "versus_documents_versus_term", "log_odds", "log_odds_low", "z"]


def contrast_evidence(counts: Counts, lexicons: Sequence[Lexicon], voice: Voice = "all",
                      min_documents: int = MIN_SET_DOCUMENTS) -> pd.DataFrame:
    """Every pair of groups that prefer different terms of a contrast set, with the document-level
    evidence for it, strongest first.

    A group's preferred term is the one most of its documents use (ties: the lexicon's order). For
    groups A and B preferring t_A and t_B, the 2 x 2 table counts documents, not words: A's
    documents using t_A and t_B, B's documents using t_A and t_B. `log_odds` is the log odds
    ratio with 0.5 added to each cell, `z` divides it by its standard error (sqrt of the sum of
    the inverse cells) and `log_odds_low` is its 95% lower bound, log_odds - 1.96 se: the smallest
    difference the articles support. Rows are ranked by it, so a large, sure contrast (Reuters
    never saying "captives") ranks above a merely frequent one. Documents count once however
    often they repeat a word, so one prolific article cannot carry the contrast. Groups whose
    documents mention the set fewer than `min_documents` times in all are left out. Counts of
    documents use every mention (the `voice` only picks which counts decide the preferred term).
    """
    values, _ = counts.voice(voice)
    rows = []
    for lx, category, cols in contrast_sets(counts, lexicons):
        docs = counts.documents[:, cols]
        used = values[:, cols]
        sizeable = np.flatnonzero((docs.sum(axis=1) >= min_documents) & (used.sum(axis=1) > 0))
        if len(sizeable) < 2:
            continue
        # Preferred term: most documents, then most uses, then lexicon order.
        n_terms = len(cols)
        key = (docs[sizeable] * (used.max() + 1) + used[sizeable]) * n_terms + (n_terms - 1 - np.arange(n_terms))
        preferred = key.argmax(axis=1)
        # Every pair of sizeable groups at once (a before b in group order).
        i, j = np.triu_indices(len(sizeable), k=1)
        ta, tb = preferred[i], preferred[j]
        keep = ta != tb
        i, j, ta, tb = i[keep], j[keep], ta[keep], tb[keep]
        a, b = sizeable[i], sizeable[j]
        cells = np.stack([docs[a, ta], docs[a, tb], docs[b, ta], docs[b, tb]]).astype(float)
        smoothed = cells + 0.5
        log_odds = np.log(smoothed[0] * smoothed[3] / (smoothed[1] * smoothed[2]))
        se = np.sqrt((1 / smoothed).sum(axis=0))
        names = [t.term for t in category.terms]
        for k in range(len(a)):
            rows.append([lx.name, category.name, counts.groups[a[k]], counts.groups[b[k]], names[ta[k]],
                         names[tb[k]], *cells[:, k].astype(int).tolist(), log_odds[k], log_odds[k] - Z95 * se[k],
                         log_odds[k] / se[k]])
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.sort_values(["log_odds_low", "group", "versus"], ascending=[False, True, True], kind="mergesort",
                          ignore_index=True)
