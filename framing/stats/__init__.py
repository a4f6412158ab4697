"""Statistics: pure functions from counts to tables.

- `frequencies`, `category_frequencies`: counts, document shares and rates per group.
- `log_odds_dirichlet`: the 2008 paper's Fightin' Words on two count vectors.
- `compare`: the three variants (mcq2008, scattertext, monroe-groups) on a groups x terms table.
- `lexicon_comparison`: one-vs-rest and pairwise over lexicon terms, with BH q-values and flags.
- `contrast_shares`: shares within contrast sets with Wilson intervals.
- `bootstrap`: document-level resampling intervals.
- `discover`: distinguishing unigrams and bigrams outside the lexicon.
- `sensitivity`: whether a term's rank survives other priors and minimum counts.
- `by_size`, `pool_groups`: many groups on one page (the largest, and the rest pooled).
- `contrast_evidence`: document-level evidence that two groups prefer different words.
- `time_frequencies`: category rates per period.
- `translation_table`: terms and their translations in other lexicons, side by side.
"""
from ..ngrams import count_ngrams
from .bootstrap import bootstrap
from .candidates import candidate_table, discovery_candidates
from .comparison import (
    EVIDENCE_LABELS,
    MIN_COUNT,
    MIN_DOCUMENTS,
    lexicon_comparison,
    strength_of_evidence,
    with_bootstrap,
)
from .contrast import contrast_shares, label_shares, wilson_interval
from .discover import (
    count_vocabulary,
    discover,
    discover_columns,
    discover_top,
    vocabulary_comparison,
)
from .evidence import contrast_evidence
from .frequencies import category_frequencies, frequencies
from .logodds import METHODS, compare, informative_prior, log_odds_dirichlet, monroe_groups, scattertext_log_odds
from .multiple import benjamini_hochberg, two_sided_p
from .pooling import by_size, pool_groups, pooled_label
from .sensitivity import sensitivity
from .time import time_frequencies
from .translations import translation_table

__all__ = [
    "EVIDENCE_LABELS", "METHODS", "strength_of_evidence",
    "MIN_COUNT",
    "MIN_DOCUMENTS",
    "benjamini_hochberg", "sensitivity",
    "bootstrap", "by_size", "pool_groups", "pooled_label", "contrast_evidence", "time_frequencies",
    "category_frequencies",
    "compare",
    "contrast_shares", "label_shares",
    "count_ngrams", "count_vocabulary",
    "candidate_table", "discover", "discover_columns", "discovery_candidates",
    "discover_top",
    "frequencies",
    "informative_prior",
    "lexicon_comparison", "with_bootstrap",
    "log_odds_dirichlet",
    "monroe_groups",
    "scattertext_log_odds",
    "translation_table", "two_sided_p",
    "vocabulary_comparison",
    "wilson_interval",
]
