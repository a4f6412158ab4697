"""Duplicates: hand-built corpora whose exact and near duplicates are known by construction.

Near-duplicate cosines are derived by hand from texts of made-up words (no stop words, each word
once per text): when every word is in the same number of documents, all have one IDF weight and
a text's vector is uniform over its words, so cos(A, B) = |A & B| / sqrt(|A| |B|)."""
import numpy as np
import pytest
from scipy import sparse

from framing.analyses.retellings import block_products, pairs_above
from framing.cleaning.duplicates import MODES, dedupe, find_duplicates, kept_counts, normal_form
from framing.model import Corpus, Document


def corpus(*docs: tuple[str, str, str]) -> Corpus:
    return Corpus("t", tuple(Document(id=i, text=t, source=s) for i, s, t in docs))


def labels(c: Corpus) -> list[str]:
    return [d.source for d in c.documents]


def test_the_normal_form_ignores_case_spacing_and_punctuation():
    # Holly Jackson's CoreNLP sentences are tokens joined by two spaces.
    assert normal_form(" The  violence  came  a  day  later , officials  said . ") == \
        normal_form("the violence came a day later, officials said.") == "the violence came a day later officials said"


def test_exact_duplicates_within_and_across_groups():
    c = corpus(
        ("a1", "A", "Aid trucks crossed at Rafah."),
        ("a2", "A", "AID  trucks crossed at Rafah!"),   # exact copy of a1
        ("a3", "A", "Strikes hit Khan Younis overnight."),
        ("a4", "A", "aid trucks crossed at rafah"),     # exact copy of a1
        ("b1", "B", "Aid trucks crossed at Rafah"),     # the same text in another group
        ("b2", "B", "Parliament passed the budget."),
    )
    found = find_duplicates(c, labels(c))
    assert found.exact_of == (0, 0, 2, 0, 4, 5)
    a, b = found.groups["A"], found.groups["B"]
    assert (a.documents, a.exact, a.near, a.exact_across, a.near_across) == (4, 2, 2, 3, 3)
    assert (b.documents, b.exact, b.near, b.exact_across, b.near_across) == (2, 0, 0, 1, 1)
    assert [(cl.kind, cl.members) for cl in found.clusters] == [("exact", ("a1", "a2", "a4"))]
    assert [(cl.kind, cl.members, cl.groups) for cl in found.across] == [
        ("exact", ("a1", "a2", "a4", "b1"), ("A", "B"))]
    assert kept_counts(found) == {"A": {"none": 4, "exact": 2, "near": 2}, "B": {"none": 2, "exact": 2, "near": 2}}
    kept = dedupe(c, found, "exact")
    assert [d.id for d in kept.documents] == ["a1", "a3", "b1", "b2"]  # b1 kept: another group's copy
    assert [(s.path, s.reason.split(" (")[0]) for s in kept.skipped] == [
        ("a2", "exact duplicate of a1 in 'A'"), ("a4", "exact duplicate of a1 in 'A'")]
    assert len(kept.documents) + len(kept.skipped) == len(c.documents)


def test_a_changed_number_is_a_near_duplicate():
    # Numbers are not terms: the two sentences have the same vector (cosine 1) but differ as text.
    c = corpus(("n1", "A", "Death toll rises to 1,300 in Gaza zorvan"),
               ("n2", "A", "Death toll rises to 1,400 in Gaza zorvan"),
               ("n3", "A", "Quelmar trivok dashen"))
    found = find_duplicates(c, labels(c))
    assert found.exact_of == (0, 1, 2) and found.near_of == (0, 0, 2)
    assert found.similarity[1] == pytest.approx(1.0)
    g = found.groups["A"]
    assert (g.exact, g.near) == (0, 1)
    assert [(cl.kind, cl.members) for cl in found.clusters] == [("near", ("n1", "n2"))]
    kept = dedupe(c, found, "near")
    assert [d.id for d in kept.documents] == ["n1", "n3"]
    assert kept.skipped[0].reason.startswith("near duplicate of n1 in 'A' (cosine 1.000 >= 0.9)")
    assert dedupe(c, found, "exact").documents == c.documents


def test_a_dropped_document_repeats_a_kept_one_not_a_chain():
    # A = {a b}, B = {a b c d}, C = {c d}: every word is in two texts (one IDF), so
    # cos(A, B) = 2 / sqrt(2 * 4) = 0.707, cos(B, C) = 0.707, cos(A, C) = 0. At near = 0.7,
    # B repeats A and is dropped; C's only near text, B, is not kept, so C stays.
    words = {"a": "brenik", "b": "corvath", "c": "dulmero", "d": "fenstag"}
    text = lambda ks: " ".join(words[k] for k in ks)  # noqa: E731
    c = corpus(("A", "g", text("ab")), ("B", "g", text("abcd")), ("C", "g", text("cd")))
    found = find_duplicates(c, labels(c), near=0.7)
    assert found.near_of == (0, 0, 2)
    assert found.similarity[1] == pytest.approx(2 / np.sqrt(8))
    assert [d.id for d in dedupe(c, found, "near").documents] == ["A", "C"]
    assert find_duplicates(c, labels(c), near=0.71).near_of == (0, 1, 2)  # 0.707 < 0.71


def test_the_most_similar_kept_document_is_the_representative():
    # X = {a b c d e f}, Y = {g h}, Z = {a b c d e f g h}: every word is in two texts (a-f in X
    # and Z, g-h in Y and Z). cos(X, Z) = 6 / sqrt(6 * 8) = 0.866,
    # cos(Y, Z) = 2 / sqrt(2 * 8) = 0.5. At near = 0.5 Z repeats X (the more similar), not Y.
    w = "brenik corvath dulmero fenstag gorlin hestrav ilvaro jomtek".split()
    c = corpus(("X", "g", " ".join(w[:6])), ("Y", "g", " ".join(w[6:])), ("Z", "g", " ".join(w)))
    found = find_duplicates(c, labels(c), near=0.5)
    assert found.near_of == (0, 1, 0)
    assert found.similarity[2] == pytest.approx(6 / np.sqrt(48))


def test_near_duplicates_across_groups_are_counted_not_dropped():
    c = corpus(("p", "A", "Toll rises to 5 in Gaza zorvan"), ("q", "B", "Toll rises to 6 in Gaza zorvan"),
               ("r", "B", "Quelmar trivok"))
    found = find_duplicates(c, labels(c))
    assert (found.groups["A"].near_across, found.groups["B"].near_across) == (1, 1)
    assert (found.groups["A"].exact_across, found.groups["B"].near) == (0, 0)
    assert [(cl.kind, cl.members, cl.groups) for cl in found.across] == [("near", ("p", "q"), ("A", "B"))]
    assert dedupe(c, found, "near").documents == c.documents


def test_modes_are_checked_once_at_the_boundary():
    c = corpus(("a", "A", "one text"), ("b", "A", "One text."))
    found = find_duplicates(c, labels(c))
    assert MODES == ("exact", "near", "none")
    assert dedupe(c, found, "none") is c
    with pytest.raises(ValueError, match="unknown de-duplication mode 'fuzzy'; use one of exact, near, none"):
        dedupe(c, found, "fuzzy")
    with pytest.raises(ValueError, match="another corpus"):
        dedupe(corpus(("z", "A", "other")), found, "exact")
    with pytest.raises(ValueError, match="near"):
        find_duplicates(c, labels(c), near=0)
    with pytest.raises(ValueError, match="labels"):
        find_duplicates(c, ["A"])
    assert found.representative(1, "exact") == "a" and found.representative(1, "none") == "b"


def test_an_empty_corpus_and_texts_without_terms():
    assert find_duplicates(Corpus("e", ()), []).groups == {}
    c = corpus(("a", "A", "the and of"), ("b", "A", "The, and of!"), ("c", "A", "2024"))
    found = find_duplicates(c, labels(c))
    assert found.exact_of == (0, 0, 2) and found.near_of == (0, 0, 2)


@pytest.mark.parametrize("budget", [1, 500, 10**9])  # 1: row by row products; 10**9: pair by pair
def test_pairs_above_finds_every_pair_a_full_product_finds(budget):
    # Random sparse unit rows, 40 of them repeated with a little noise (pairs near 1): the
    # heavy-term candidates miss nothing a full product finds above the threshold.
    rng = np.random.default_rng(7)
    x = sparse.random(300, 60, density=0.08, random_state=rng, format="csr")
    x = sparse.vstack([x, x[:40] * 1.0 + sparse.random(40, 60, density=0.01, random_state=rng) * 0.1]).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    x = (sparse.diags(1 / norms) @ x).tocsr()
    for threshold in (0.95, 0.8, 0.5):
        a, b, s = pairs_above(x, threshold, budget=budget)
        rows, cols, vals = (np.concatenate(v) for v in zip(*block_products(x, x, 50)))
        keep = (rows < cols) & (vals >= threshold - 1e-12)
        expected = sorted(zip(rows[keep].tolist(), cols[keep].tolist()))
        assert list(zip(a.tolist(), b.tolist())) == expected and len(expected) > 0
        assert np.allclose(s, np.asarray(x[a].multiply(x[b]).sum(axis=1)).ravel())


def test_every_distinct_text_is_counted_once_for_the_retellings():
    # a2 is a1 once punctuation is ignored (one near-duplicate key) but another text: both are
    # counted, so the retellings of the cleaned corpus find the counts of every document.
    c = corpus(("a1", "A", "Aid trucks crossed at Rafah zorvan."), ("a2", "A", "Aid trucks crossed at Rafah zorvan!"),
               ("a3", "A", "Aid trucks crossed at Rafah zorvan."), ("b1", "B", "Quelmar trivok dashen"))
    found = find_duplicates(c, labels(c))
    assert found.terms.counts.shape[0] == 3
    assert (found.terms.positions([d.text for d in c.documents]) == [0, 1, 0, 2]).all()
    assert found == find_duplicates(c, labels(c))  # the counts are not part of what was found
