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
