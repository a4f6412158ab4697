import numpy as np
import pytest

from framing.analysis import analyse
from framing.corpus import read_corpus
from framing.lexicon import load_lexicon
from framing.stats import benjamini_hochberg, contrast_shares, wilson_interval


def test_benjamini_hochberg_by_hand():
    # sorted p: .005 .01 .03 .04 -> p*n/rank = .02 .02 .04 .04 -> already monotone
    assert benjamini_hochberg([0.01, 0.04, 0.03, 0.005]).tolist() == pytest.approx([0.02, 0.04, 0.04, 0.02])
    # monotonicity: .01*3/1 = .03 > .02*3/2 = .03; .5*3/3 = .5
    assert benjamini_hochberg([0.5, 0.01, 0.02]).tolist() == pytest.approx([0.5, 0.03, 0.03])


def _bh_by_sorting(p):
    """The textbook procedure, one sort of every p-value: the reference."""
    p = np.asarray(p, dtype=float)
    n = len(p)
    order = np.argsort(p, kind="stable")
    q = np.minimum.accumulate((p[order] * n / np.arange(1, n + 1))[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.minimum(q, 1.0)
    return out


def test_benjamini_hochberg_over_distinct_values_is_the_sorting_procedure():
    from framing.stats.multiple import two_sided_p

    rng = np.random.default_rng(4)
    for _ in range(200):
        # rounded z: many ties, as a vocabulary's p-values have; some unrounded: none
        z = np.round(rng.normal(0, 3, rng.integers(1, 300)), rng.integers(0, 4))
        p = two_sided_p(z)
        assert np.array_equal(benjamini_hochberg(p), _bh_by_sorting(p))
    assert benjamini_hochberg([]).tolist() == []
    assert np.isnan(benjamini_hochberg([0.01, np.nan, 0.2])).all()
    assert np.isnan(_bh_by_sorting([0.01, np.nan, 0.2])).all()


def test_q_values_of_weighted_distinct_p_values_are_those_of_the_expanded_list():
    from framing.stats.multiple import bh_of_distinct, two_sided_p

    rng = np.random.default_rng(5)
    for _ in range(50):
        z = np.round(rng.normal(0, 3, rng.integers(1, 40)), rng.integers(0, 3))
        weights = rng.integers(1, 5, len(z))
        p = two_sided_p(z)
        expanded = _bh_by_sorting(np.repeat(p, weights))
        got = bh_of_distinct(p, weights, int(weights.sum()))
        assert np.array_equal(got, expanded[np.cumsum(weights) - 1])


def test_two_sided_p_without_scipy_stats_is_the_same_floats():
    from scipy.stats import norm

    from framing.stats.multiple import two_sided_p

    rng = np.random.default_rng(4)
    for _ in range(50):
        z = np.round(rng.normal(0, 3, rng.integers(1, 40)), rng.integers(0, 3))
        assert np.array_equal(two_sided_p(z), 2 * norm.sf(np.abs(z)))
    assert np.array_equal(two_sided_p([-40.0, 0.0, 1e-300, np.inf]), 2 * norm.sf([40.0, 0.0, 1e-300, np.inf]))


def test_wilson_interval_edges():
    low, high = wilson_interval([0, 10, 0], [10, 10, 0])
    z2 = 1.959963984540054 ** 2
    assert low[0] == 0 and high[0] == pytest.approx(z2 / (10 + z2))
    assert high[1] == pytest.approx(1) and low[1] == pytest.approx(10 / (10 + z2))
    assert (low[2], high[2]) == (0, 1)


def test_seed_captivity_shares_by_hand(seeds_dir):
    a = analyse(read_corpus(seeds_dir), [load_lexicon("israel-gaza")])
    s = contrast_shares(a.counts, a.lexicons)
    cap = s[s["category"] == "captivity"].set_index(["group", "term"])
    # 002 (the seed that says "hostages"): 4 x hostages + "taken hostage", and 2 x prisoners
    assert cap.loc[("002_615c4032b1948ec8", "hostages"), ["count", "set_total"]].tolist() == [5, 7]
    assert cap.loc[("002_615c4032b1948ec8", "hostages"), "share"] == pytest.approx(5 / 7)
    assert cap.loc[("002_615c4032b1948ec8", "captives"), "count"] == 0
    # 000 and 001 (the two tellings): only "captives"
    assert cap.loc[("000_fc39facc4893a606", "captives"), "share"] == 1.0
    assert cap.loc[("001_cbc4fbe6991676f0", "captives"), ["count", "set_total"]].tolist() == [9, 9]
    # 003: 2 captives, 2 prisoners (a third, in "a prisoners' rights NGO", is an exception of the
    # term), 1 prisoners of war, 1 administrative detention
    assert cap.loc[("003_183dc3059bcf71ec", "captives"), ["count", "set_total"]].tolist() == [2, 6]
    low, high = cap.loc[("002_615c4032b1948ec8", "hostages"), ["share_low", "share_high"]]
    assert low < 5 / 7 < high
