"""The report's discovery tables: the plotted one-vs-rest and pair comparisons over the whole
vocabulary, and each group's top terms."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .. import stats
from ..model import Corpus, Lexicon
from ..ngrams import NgramCounts
from ..text import term_key

DISCOVERY_TOP = 15    # distinguishing terms per group in the discovery table
PLOT_POINTS = 600     # rows of each plotted comparison (the extremes and the most frequent terms), chosen once

Tables = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]  # vocabulary, vocabulary pairs, discovery


def without_lexicon_forms(df: pd.DataFrame, lexicons) -> pd.DataFrame:
    """The rows whose term is not itself a form of a lexicon term (those have their own rows)."""
    forms = {term_key(f) for lx in lexicons for _, t in lx.terms() for f in t.forms}
    terms = pd.unique(df["term"])
    is_form = dict(zip(terms, (term_key(t) in forms for t in terms)))
    return df[~df["term"].map(is_form).astype(bool)]


def discovery_tables(corpus: Corpus, lexicons: Sequence[Lexicon], ngrams: NgramCounts | None,
                     shown: Sequence[str], pair_groups: Sequence[str]) -> Tables:
    """(the plotted rows of each shown group against the rest, those of each ordered pair of
    `pair_groups`, each group's top terms without the lexicon's own forms); empty without n-grams."""
    empty = pd.DataFrame(columns=stats.discover_columns())
    if ngrams is None:
        return empty, empty, empty
    # The candidates found once for the three tables; their cells are dropped once the groups x
    # terms table is made from them, so that both are held together only while it is.
    found = stats.discovery_candidates(ngrams)
    # A lexicon term has its own row (with its variants): one z per term on the page.
    top = without_lexicon_forms(stats.discover(corpus, lexicons, ngrams=ngrams, candidates=found, top=DISCOVERY_TOP),
                                lexicons)
    found = stats.candidate_table(ngrams, found)
    vocabulary = stats.vocabulary_comparison(corpus, ngrams=ngrams, candidates=found, only=shown, points=PLOT_POINTS)
    pairs = (stats.vocabulary_comparison(corpus, ngrams=ngrams, candidates=found, pairs=True, only=pair_groups,
                                         points=PLOT_POINTS) if pair_groups else empty)
    return vocabulary, pairs, top
