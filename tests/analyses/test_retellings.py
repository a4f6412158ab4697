"""Retellings: which articles tell one story, and what changed between two tellings.
Expected values are read off the seed texts by hand (see the comments) or built into the fixtures."""
import pandas as pd
import pytest

from framing import load_corpus
from framing.analyses.alignment import align
from framing.analyses.retellings import retellings
from framing.corpus import from_dataframe


@pytest.fixture(scope="module")
def seeds():
    from conftest import SEEDS

    return load_corpus(SEEDS)


def text(corpus, prefix):
    return next(d.text for d in corpus.documents if d.id.startswith(prefix))


def test_the_seeds_two_tellings_are_the_only_pair(seeds):
    pairs = retellings(seeds, [d.id for d in seeds.documents])
    assert list(zip(pairs["doc_a"], pairs["doc_b"])) == [("000_fc39facc4893a606", "001_cbc4fbe6991676f0")]
    assert pairs.loc[0, "found_by"] == "mutual best"


def test_a_story_column_decides_when_named(seeds):
    story = [d.meta.get("story") for d in seeds.documents]
    pairs = retellings(seeds, [d.id for d in seeds.documents], story=story)
    assert list(pairs["found_by"]) == ["story column"] and pairs.loc[0, "doc_a"].startswith("000")


def test_three_outlets_two_stories_give_every_cross_outlet_pair():
    flood = "The river flooded the valley town overnight, forcing {n} families from their homes as rescuers waded in."
    vote = "Parliament passed the budget after a late vote, with the finance minister promising {n} new schools."
    rows = []
    for outlet, n in [("A", "hundreds of"), ("B", "some 300"), ("C", "many")]:
        rows.append({"id": f"{outlet}-flood", "source": outlet, "text": flood.format(n=n) + f" Reporting by {outlet}."})
        rows.append({"id": f"{outlet}-vote", "source": outlet, "text": vote.format(n=n) + f" Reporting by {outlet}."})
    corpus = from_dataframe(pd.DataFrame(rows))
    pairs = retellings(corpus, [d.source for d in corpus.documents])
    found = {tuple(sorted(p)) for p in zip(pairs["doc_a"], pairs["doc_b"])}
    expected = {tuple(sorted((f"{a}-{s}", f"{b}-{s}"))) for s in ("flood", "vote") for a, b in
                [("A", "B"), ("A", "C"), ("B", "C")]}
    assert found == expected
    assert (pairs["group_a"] != pairs["group_b"]).all()


def test_threshold_is_checked():
    corpus = from_dataframe(pd.DataFrame([{"text": "a b c", "source": "x"}, {"text": "a b c", "source": "y"}]))
    with pytest.raises(ValueError, match="threshold"):
        retellings(corpus, ["x", "y"], threshold=2)


def test_the_changes_between_the_seeds_tellings(seeds):
    """The five kinds of change the seeds were written to teach (000 -> 001, read by hand)."""
    al = align(text(seeds, "000"), text(seeds, "001"))
    changes = [(c.kind, c.a, c.b) for c in al.changes()]
    # "wounded by Israel since the start of the war" -> "wounded since the conflict began"
    assert ("dropped", "by Israel", "") in changes
    # "whereas United States President Donald Trump" -> "while former US President Donald Trump"
    assert ("title", "whereas United States", "while former US") in changes
    # "a video of two Israeli captives" -> "videos of four Israeli captives"
    assert ("number", "two", "four") in changes
    # "As Israel continues to starve the enclave" -> "As Israel continues to restrict aid"
    assert ("substituted", "starve the enclave", "restrict aid") in changes
    # Whole sentences only one telling has.
    only_a = [c.a for c in al.changes() if c.kind == "sentence dropped"]
    only_b = [c.b for c in al.changes() if c.kind == "sentence added"]
    assert any(s.startswith("The Palestinian group says an expanded Israeli ground invasion") for s in only_a)
    assert any(s.startswith("That was a reference to Israeli Prime Minister") for s in only_a)
    assert only_b == ["The humanitarian toll in Gaza remains catastrophic."]


def test_aligned_parts_rebuild_both_sentences(seeds):
    al = align(text(seeds, "000"), text(seeds, "001"))
    for s in al.sentences:
        assert "".join(t for t, _ in s.parts_a) == (s.a or "")
        assert "".join(t for t, _ in s.parts_b) == (s.b or "")
    # Sentences keep their order on both sides.
    a = [s.a for s in al.sentences if s.a]
    assert a == sorted(a, key=text(seeds, "000").index)


def test_identical_texts_have_no_changes():
    t = "One sentence here. Another one follows it.\n\nA third, in a new paragraph."
    al = align(t, t)
    assert al.changes() == [] and all(s.a == s.b for s in al.sentences)


def test_a_chain_through_two_articles_of_one_source_adds_no_pairs():
    # A1 ~ B1 and B1... : A has two articles on related stories; the chain A1 - B1 - A2 must not
    # make A1 and A2's partners into pairs of each other.
    base = "Talks on the ceasefire resumed in Cairo with mediators from Qatar and Egypt present today."
    rows = [
        {"id": "A1", "source": "A", "text": base + " Delegates discussed hostages and prisoners exchanges."},
        {"id": "A2", "source": "A", "text": base + " Delegates discussed aid trucks and border crossings."},
        {"id": "B1", "source": "B", "text": base + " Delegates discussed hostages and prisoners exchanges."},
        {"id": "C1", "source": "C", "text": base + " Delegates discussed aid trucks and border crossings."},
    ]
    corpus = from_dataframe(pd.DataFrame(rows))
    pairs = retellings(corpus, [d.source for d in corpus.documents])
    found = {tuple(sorted(p)) for p in zip(pairs["doc_a"], pairs["doc_b"])}
    assert ("A1", "B1") in found and ("A2", "C1") in found
    assert set(pairs["found_by"]) == {"mutual best"}


# --- Finding pairs at scale (issue 10): the candidates, and what they must not change ---------

import pickle  # noqa: E402

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer  # noqa: E402

from framing.analyses import retellings as rt  # noqa: E402
from framing.tokenize import tokenize  # noqa: E402


def _sklearn_vectors(texts):
    """The vectors as retellings made them before issue 10: scikit-learn's TfidfVectorizer,
    each row cut to its 300 heaviest terms (ties: the first column), L2-normalised."""
    def terms(text):
        return [t for t in tokenize(text) if t not in ENGLISH_STOP_WORDS and not t.isdigit()]
    x = TfidfVectorizer(analyzer=terms, sublinear_tf=True, norm=None).fit_transform(texts).tocsr()
    x.sort_indices()
    rows, cols, vals = [], [], []
    for i in range(x.shape[0]):
        lo, hi = x.indptr[i], x.indptr[i + 1]
        keep = np.argsort(-x.data[lo:hi], kind="stable")[:rt.TERMS_PER_DOC]
        rows.append(np.full(len(keep), i))
        cols.append(x.indices[lo:hi][keep])
        vals.append(x.data[lo:hi][keep])
    cut = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=x.shape)
    norms = np.sqrt(np.asarray(cut.multiply(cut).sum(axis=1)).ravel())
    return sparse.diags(1 / norms) @ cut


def test_the_vectors_are_scikit_learns_bit_for_bit(seeds):
    texts = [d.text for d in seeds.documents] * 2 + ["Gaza Gaza Gaza " * 200 + "ceasefire " * 150]  # a long row
    assert (rt.document_vectors(texts) != _sklearn_vectors(texts)).nnz == 0
    assert rt.document_vectors([]).shape == (0, 0)
    assert rt.document_vectors(["the and of", "2024"]).shape == (2, 0)  # no terms at all


def test_counting_on_two_processes_gives_the_same_counts(seeds):
    texts = [d.text for d in seeds.documents] * 3
    one, two = rt.term_counts(texts, n_jobs=1), rt.term_counts(texts, n_jobs=2)
    assert (one.counts != two.counts).nnz == 0 and one.counts.shape == two.counts.shape


def test_term_counts_are_a_cache_that_does_not_travel_to_workers(seeds):
    texts = [d.text for d in seeds.documents]
    counted = rt.term_counts(texts)
    assert (counted.positions(texts[::-1]) == np.arange(len(texts))[::-1]).all()
    assert counted.positions(["a text never counted"]) is None
    # Weighed for some texts: IDF is theirs; the terms only the others use stay as empty columns.
    some = rt.weigh(counted.rows([2, 0]))
    some = some[:, np.flatnonzero(some.getnnz(axis=0))]
    assert (some != rt.document_vectors([texts[2], texts[0]])).nnz == 0
    travelled = pickle.loads(pickle.dumps(counted))
    assert travelled.counts.shape == (0, 0) and travelled.positions(texts) is None


def test_candidate_terms_bound_the_products():
    rng = np.random.default_rng(1)
    x = sparse.random(400, 80, density=0.3, random_state=rng, format="csr")
    q = rt.candidate_terms(x, terms=5, postings=7)
    assert np.diff(q.indptr).max() <= 5 and np.bincount(q.indices, minlength=80).max() <= 7
    by_row = rt.candidate_terms(x, terms=5, postings=10**9).toarray()
    by_column = rt.candidate_terms(x, terms=10**9, postings=7).toarray()
    dense = x.toarray()
    for i in range(400):  # a row's 5 heaviest (random values: no ties)
        assert set(np.flatnonzero(by_row[i])) == set(np.argsort(-dense[i])[:5])
    for j in range(80):  # a column's 7 heaviest
        assert set(np.flatnonzero(by_column[:, j])) == set(np.argsort(-dense[:, j])[:7])


def test_candidates_are_every_pair_sharing_a_term_when_nothing_is_cut():
    # Fewer terms per row and rows per term than the caps, and room for every candidate of each
    # group: the candidates are exactly the pairs of different groups with a term in common.
    rng = np.random.default_rng(2)
    x = sparse.random(120, 400, density=0.02, random_state=rng, format="csr")
    groups = rng.integers(0, 4, size=120)
    a, b = rt.candidate_pairs(x, groups, per_group=120)
    shares = (x @ x.T).tocoo()
    expected = {(i, j) for i, j in zip(shares.row.tolist(), shares.col.tolist()) if i < j and groups[i] != groups[j]}
    assert set(zip(a.tolist(), b.tolist())) == expected


def _full_product_mutual(x, groups):
    """Mutual best matches of the full cosine matrix (pairs i < j of different groups)."""
    s = (x @ x.T).toarray()
    s[groups[:, None] == groups[None, :]] = -1
    best = {}
    for i in range(len(groups)):
        for g in set(groups.tolist()) - {groups[i]}:
            cols = np.flatnonzero(groups == g)
            j = cols[np.argmax(s[i, cols])]
            if s[i, j] > 0:
                best[i, g] = j
    return {(min(i, j), max(i, j)) for (i, g), j in best.items() if best.get((j, groups[i])) == i}


def test_a_mutual_best_of_the_full_products_is_found_when_its_articles_are_candidates():
    # Stories told by three of five outlets, in words of one topic: nothing can beat a best
    # match of all articles among fewer, so every mutual best whose two articles are candidates
    # of each other is a mutual best here too.
    rng = np.random.default_rng(3)
    topic = [f"topicword{i}" for i in range(40)]
    rows = []
    for s in range(30):
        names = [f"story{s}name{k}" for k in range(4)]
        for outlet in rng.choice(5, 3, replace=False):
            words = list(rng.choice(topic, 30)) + list(rng.choice(names, 6)) + [f"outlet{outlet}x{s}"]
            rows.append({"id": f"{outlet}-{s}", "source": f"O{outlet}", "text": " ".join(words)})
    corpus = from_dataframe(pd.DataFrame(rows))
    labels = [d.source for d in corpus.documents]
    x = rt.document_vectors([d.text for d in corpus.documents])
    groups = np.asarray(pd.factorize(pd.Series(labels))[0])
    a, b = rt.candidate_pairs(x, groups)
    candidates = set(zip(a.tolist(), b.tolist()))
    full = _full_product_mutual(x, groups)
    found = rt.best_matches(x, groups)
    lookup = {(d, g): b for d, g, b in zip(found["doc"], found["group"], found["best"])}
    ours = {(min(i, j), max(i, j)) for (i, g), j in lookup.items() if lookup.get((j, groups[i])) == i}
    assert {p for p in full if p in candidates} <= ours
    assert len(full & candidates) >= 0.9 * len(full)
    pairs = retellings(corpus, labels)  # every telling of each story pairs with the others
    story = pairs["doc_a"].str.split("-").str[1] == pairs["doc_b"].str.split("-").str[1]
    assert story.sum() == 30 * 3
    assert (pairs.loc[story, "similarity"].min() > pairs.loc[~story, "similarity"].max())


def test_retellings_weigh_the_counts_cleaning_made(monkeypatch, seeds):
    from framing.cleaning import clean

    cleaned = clean(seeds)
    assert cleaned.cleaning.terms is not None
    expected = retellings(seeds, [d.id for d in seeds.documents])

    def no_counting(*a, **k):
        raise AssertionError("the texts were tokenized again")

    monkeypatch.setattr(rt, "term_counts", no_counting)
    pd.testing.assert_frame_equal(retellings(cleaned, [d.id for d in cleaned.documents]), expected)
