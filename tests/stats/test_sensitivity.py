import numpy as np
import pytest

from framing.counts import Counts, TermIndex
from framing.stats import lexicon_comparison, sensitivity


def counts_for(table, tokens):
    table = np.asarray(table)
    keys = tuple(("lx", "cat", t) for t in ("one-sided", "common", "rare", "unused"))
    return Counts(("A", "B"), TermIndex(keys), table, np.zeros_like(table), (table > 0).astype(int),
                  np.asarray(tokens), np.zeros(2, int), np.array([10, 10]))


def test_one_sided_term_leads_under_the_default_and_falls_under_a_tiny_uniform_prior():
    # A uses "one-sided" 27 times and B never; "common" 60 vs 40 in equal-length groups.
    c = counts_for([[27, 60, 2, 0], [0, 40, 0, 0]], [10_000, 10_000])
    s = sensitivity(c).set_index(["group", "term"])
    row = s.loc[("A", "one-sided")]
    assert row["rank default"] == 1 and row["z default"] > 1.96
    assert row["z uniform 0.01"] < 1 and row["rank uniform 0.01"] > 1
    assert ("A", "unused") not in s.index  # never used: nothing to rank
    assert np.isnan(s.loc[("A", "rare"), "rank default, min 5 uses"])  # 2 uses: below the minimum
    assert not s.loc[("A", "rare"), "robust"]
    # The default column is the comparison table's z.
    cmp = lexicon_comparison(c).set_index(["group", "term"])
    assert row["z default"] == pytest.approx(cmp.loc[("A", "one-sided"), "z"])
