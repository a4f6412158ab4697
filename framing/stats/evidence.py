"""Which contrasts are worth a class's time: document-level evidence that two groups prefer
different words for the same referent."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..counts import Counts
from ..model import Lexicon
from ..voice import Voice

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
    position = counts.terms.position()
    rows = []
    for lx in lexicons:
        for category in lx.categories:
            if not category.contrast:
                continue
            cols = [position[(lx.name, category.name, t.term)] for t in category.terms]
            docs = counts.documents[:, cols]
            used = values[:, cols]
            sizeable = np.flatnonzero((docs.sum(axis=1) >= min_documents) & (used.sum(axis=1) > 0))
            if len(sizeable) < 2:
                continue
            # Preferred term: most documents, then most uses, then lexicon order.
            preferred = [max(range(len(cols)), key=lambda j, g=g: (docs[g, j], used[g, j], -j))
                         for g in range(len(docs))]
            for a in sizeable:
                for b in sizeable:
                    ta, tb = preferred[a], preferred[b]
                    if a >= b or ta == tb:
                        continue
                    cells = np.array([docs[a, ta], docs[a, tb], docs[b, ta], docs[b, tb]], dtype=float) + 0.5
                    log_odds = np.log(cells[0] * cells[3] / (cells[1] * cells[2]))
                    se = np.sqrt((1 / cells).sum())
                    rows.append([lx.name, category.name, counts.groups[a], counts.groups[b],
                                 category.terms[ta].term, category.terms[tb].term, int(docs[a, ta]),
                                 int(docs[a, tb]), int(docs[b, ta]), int(docs[b, tb]), log_odds, log_odds - Z95 * se,
                                 log_odds / se])
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.sort_values(["log_odds_low", "group", "versus"], ascending=[False, True, True], kind="mergesort",
                          ignore_index=True)
