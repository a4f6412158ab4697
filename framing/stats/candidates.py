"""The n-grams discovery scores, found once per vocabulary: their non-zero cells (for the top
terms, `stats.discover`) and the groups x terms table made from them (for the plotted
comparisons, `stats.vocabulary_comparison`)."""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..ngrams import Candidates, NgramCounts


class CandidateTable(NamedTuple):
    """The candidates of one vocabulary as groups x terms arrays: what `vocabulary_comparison`
    scores (`candidate_table` makes it)."""

    ngrams: NgramCounts
    ids: np.ndarray  # the n-grams compared, in term order
    matrix: np.ndarray  # groups x terms counts
    documents: np.ndarray  # groups x terms documents
    tokens: np.ndarray  # per group


def _single_letters(counts: NgramCounts) -> np.ndarray:
    """Per column, whether it is a word of one letter (a Hebrew prefix cut from its word by a
    quotation mark, an elided French article): not a candidate."""
    short = np.fromiter(map(len, counts.words), dtype=np.int64, count=len(counts.words)) <= 1
    return np.concatenate([short, np.zeros(len(counts.bigrams), dtype=bool)])


def discovery_candidates(ngrams: NgramCounts, min_count: int = 3) -> Candidates:
    """The n-grams discovery scores (seen `min_count` times in all, not a single letter), with
    their cells: find them once to score one vocabulary several ways, as the report does
    (`discover(candidates=...)`, `candidate_table`)."""
    return ngrams.candidate_cells(min_count, exclude=_single_letters(ngrams))


def candidate_table(ngrams: NgramCounts, cells: Candidates | None = None, min_count: int = 3) -> CandidateTable | None:
    """The candidates' counts as groups x terms arrays (the full table), from `cells` (those of
    `discovery_candidates(ngrams, min_count)`) when already found; None when there is nothing to
    compare. Pass it as `vocabulary_comparison(candidates=...)` for several comparisons."""
    ids, matrix, documents = ngrams.dense(cells if cells is not None else discovery_candidates(ngrams, min_count),
                                          count_dtype=float)
    if len(ngrams.groups) < 2 or not len(ids):
        return None
    return CandidateTable(ngrams, ids, matrix, documents, ngrams.tokens())


def _given(candidates: Candidates | CandidateTable, ngrams: NgramCounts | None) -> Candidates | CandidateTable:
    """`candidates`, checked to be of `ngrams`."""
    if ngrams is None:
        raise ValueError("candidates= are those of ngrams=: give both")
    if isinstance(candidates, CandidateTable) and candidates.ngrams is not ngrams:
        raise ValueError("candidates= were made of other n-grams than ngrams=")
    return candidates
