"""Statistics: pure functions from counts to tables.

- `frequencies`, `category_frequencies`: counts, document shares and rates per group.
- `log_odds_dirichlet`: the 2008 paper's Fightin' Words on two count vectors.
- `compare`: the three variants (mcq2008, scattertext, monroe-groups) on a groups x terms table.
- `lexicon_comparison`: one-vs-rest and pairwise over lexicon terms, with BH q-values and flags.
- `contrast_shares`: shares within contrast sets with Wilson intervals.
- `bootstrap`: document-level resampling intervals.
- `discover`: distinguishing unigrams and bigrams outside the lexicon.
- `sensitivity`: whether a term's rank survives other priors and minimum counts.
"""
from ..ngrams import count_ngrams
from .bootstrap import bootstrap
from .comparison import MIN_COUNT, MIN_DOCUMENTS, lexicon_comparison, with_bootstrap
from .contrast import contrast_shares, wilson_interval
from .discover import discover, discover_top, vocabulary_comparison
from .frequencies import category_frequencies, frequencies
from .logodds import METHODS, compare, informative_prior, log_odds_dirichlet, monroe_groups, scattertext_log_odds
from .multiple import benjamini_hochberg, two_sided_p
from .sensitivity import sensitivity

__all__ = [
    "METHODS",
    "MIN_COUNT",
    "MIN_DOCUMENTS",
    "benjamini_hochberg", "sensitivity",
    "bootstrap",
    "category_frequencies",
    "compare",
    "contrast_shares",
    "count_ngrams",
    "discover",
    "discover_top",
    "frequencies",
    "informative_prior",
    "lexicon_comparison", "with_bootstrap",
    "log_odds_dirichlet",
    "monroe_groups",
    "scattertext_log_odds",
    "two_sided_p",
    "vocabulary_comparison",
    "wilson_interval",
]
