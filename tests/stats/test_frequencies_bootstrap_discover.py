import pandas as pd
import pytest

from framing.analysis import analyse
from framing.corpus import from_dataframe, read_corpus
from framing.lexicon import load_lexicon
from framing.model import Category, Lexicon, Term
from framing.stats import bootstrap, discover, frequencies, lexicon_comparison
from framing.tokenize import count_tokens


@pytest.fixture(scope="module")
def seeds():
    from conftest import SEEDS

    return analyse(read_corpus(SEEDS), [load_lexicon("israel-gaza")])


def test_frequencies_denominators(seeds):
    f = frequencies(seeds.counts).set_index(["group", "term"])
    row = f.loc[("000_fc39facc4893a606", "captives")]
    tokens = count_tokens(seeds.corpus.documents[0].text)
    assert (row["count"], row["documents"], row["tokens"]) == (11, 1, tokens)
    assert row["rate_per_10k"] == pytest.approx(11 / tokens * 10_000)
    quoted = frequencies(seeds.counts, voice="quoted").set_index(["group", "term"])
    assert quoted.loc[("002_615c4032b1948ec8", "ethnic cleansing"), "count"] == 1
    own = frequencies(seeds.counts, voice="own").set_index(["group", "term"])
    assert own.loc[("002_615c4032b1948ec8", "ethnic cleansing"), "count"] == 0


def small_corpus():
    rows = []
    for i in range(6):
        # Rates differ from article to article, so resampling articles moves them.
        rows.append({"text": "The hostages were held. " * (1 + i % 2) + "Officials said xylophone today. " * (1 + i),
                     "source": "A"})
        rows.append({"text": "The captives were held. " * (1 + i % 3) + "Officials said marimba today. " * (2 + i),
                     "source": "B"})
    return from_dataframe(pd.DataFrame(rows))


def group_tokens(corpus, groups):
    """Each group's token total, summed document by document with the tokenizer (not ngrams)."""
    totals = dict.fromkeys(groups, 0)
    for d in corpus.documents:
        totals[d.source] += count_tokens(d.text)
    return [totals[g] for g in groups]


def lexicon():
    return Lexicon("mini", (Category("captivity", (Term("hostages"), Term("captives")), contrast=True),))


def test_bootstrap_is_reproducible_and_resamples_documents():
    a = analyse(small_corpus(), [lexicon()])
    one = bootstrap(a, replicates=50, seed=3)
    two = bootstrap(a, replicates=50, seed=3)
    other = bootstrap(a, replicates=50, seed=4)
    pd.testing.assert_frame_equal(one, two)
    assert not one[["rate_low", "rate_high"]].equals(other[["rate_low", "rate_high"]])
    row = one.set_index(["group", "term"]).loc[("A", "hostages")]
    assert row["delta_low"] > 0 and row["same_side"] == 1.0


def test_bootstrap_with_one_document_per_group_gives_no_interval(seeds):
    b = bootstrap(seeds, replicates=20, seed=1)
    assert b["rate_low"].isna().all() and b["delta_high"].isna().all()
    assert (b["group_documents"] == 1).all()


def test_bootstrap_disagreement_is_flagged():
    from framing.stats import with_bootstrap

    # "hostages" is concentrated in one article of A: many tokens, one editorial choice.
    rows = [{"text": "The hostages. " * 40 + "filler words here. " * 20, "source": "A"}]
    rows += [{"text": "Officials said filler words here today. " * 12, "source": "A"} for _ in range(5)]
    rows += [{"text": "Officials said filler words here today. " * 12, "source": "B"} for _ in range(6)]
    a = analyse(from_dataframe(pd.DataFrame(rows)), [lexicon()])
    table = with_bootstrap(lexicon_comparison(a.counts), bootstrap(a, replicates=200, seed=5))
    row = table.set_index(["group", "term"]).loc[("A", "hostages")]
    assert row["significant"]                                  # token-level z: 40 vs 0
    # A resample misses that article with probability (5/6)^6 = 33%; then A and B have the same
    # counts (0) and the same length, delta = 0, so the interval reaches zero.
    assert row["delta_low"] <= 0 < row["delta_high"]
    assert 0.5 < row["same_side"] < 0.8
    assert not row["documents_agree"]


def test_lexicon_comparison_flags_and_sides():
    a = analyse(small_corpus(), [lexicon()])
    cmp = lexicon_comparison(a.counts).set_index(["group", "term"])
    assert cmp.loc[("A", "hostages"), "z"] > 1.96 and cmp.loc[("A", "captives"), "z"] < -1.96
    assert cmp.loc[("A", "hostages"), "significant"]
    assert not cmp.loc[("A", "hostages"), "few_documents"]


def test_discover_finds_terms_outside_the_lexicon():
    d = discover(small_corpus(), [lexicon()], top=5).set_index(["group", "term"])
    assert ("A", "xylophone") in d.index and not d.loc[("A", "xylophone"), "in_lexicon"]
    assert ("B", "marimba") in d.index
    assert d.loc[("A", "hostages"), "in_lexicon"]
    assert "the" not in {t for _, t in d.index}  # stop words are not candidates
    # 6 A-articles use "xylophone" 1+2+...+6 = 21 times; B never does.
    assert (d.loc[("A", "xylophone"), "count"], d.loc[("A", "xylophone"), "other_count"]) == (21, 0)
    assert d.loc[("A", "xylophone"), "documents"] == 6


def test_discovery_scores_are_fightin_words_on_the_counts():
    from framing.stats import compare, vocabulary_comparison

    corpus = small_corpus()
    cmp = vocabulary_comparison(corpus, min_count=1)
    wide = cmp.pivot(index="group", columns="term", values="count")
    # Denominators: the groups' token totals, as for lexicon terms (the same z for the same counts).
    expected = compare(wide, method="mcq2008", tokens=group_tokens(corpus, wide.index)).set_index(["group", "term"])["z"]
    got = cmp.set_index(["group", "term"])["z"]
    assert got.to_numpy() == pytest.approx(expected.loc[got.index].to_numpy(), abs=1e-12)


def test_discovery_q_values_are_bh_within_each_comparison():
    from framing.stats import compare, vocabulary_comparison
    from framing.stats.comparison import add_corrections

    corpus = small_corpus()
    cmp = vocabulary_comparison(corpus, min_count=1)
    wide = cmp.pivot(index="group", columns="term", values="count")
    expected = add_corrections(compare(wide, method="mcq2008", tokens=group_tokens(corpus, wide.index))).set_index(["group", "term"])
    got = cmp.set_index(["group", "term"])
    for col in ("p", "q"):
        assert got[col].to_numpy() == pytest.approx(expected.loc[got.index, col].to_numpy(), abs=1e-12)


@pytest.mark.parametrize("top", [1, 2, 5, 1000])
def test_discover_is_the_top_of_the_full_comparison(top):
    # discover() scores every term but builds only the rows that can reach the top; with ties
    # in z at the cut (this corpus has many) it must still give exactly the full table's top.
    from framing.stats import discover_top, vocabulary_comparison

    corpus, lexicons = small_corpus(), [lexicon()]
    fast = discover(corpus, lexicons, top=top, min_count=1)
    full = discover_top(vocabulary_comparison(corpus, min_count=1), lexicons, top=top)
    pd.testing.assert_frame_equal(fast, full)


def test_discovery_voices_split_all_text_exactly(seeds):
    from framing.stats import vocabulary_comparison

    def wide(voice):
        cmp = vocabulary_comparison(seeds.corpus, min_count=1, voice=voice)
        return cmp.pivot(index="term", columns="group", values="count")

    everything, own, quoted = wide("all"), wide("own"), wide("quoted")
    own, quoted = own.reindex_like(everything).fillna(0), quoted.reindex_like(everything).fillna(0)
    assert (everything == own + quoted).all().all()  # quotation marks break phrases in every voice
    # The lexicon's quote tracking says the one "ethnic cleansing" of seed 002 is quoted speech.
    assert quoted.loc["ethnic cleansing", "002_615c4032b1948ec8"] == 1
    assert own.loc["ethnic cleansing", "002_615c4032b1948ec8"] == 0


def test_discovery_pairs_are_fightin_words_between_two_groups():
    from dataclasses import replace

    from framing.model import Corpus
    from framing.stats import compare, discover_top, vocabulary_comparison

    docs = small_corpus().documents
    corpus = Corpus("three", tuple(replace(d, source="C") if i % 3 == 0 else d for i, d in enumerate(docs)))
    lexicons = [lexicon()]
    cmp = vocabulary_comparison(corpus, min_count=1, pairs=True)
    assert len(set(zip(cmp["group"], cmp["versus"]))) == 6
    wide = vocabulary_comparison(corpus, min_count=1).pivot(index="group", columns="term", values="count")
    expected = compare(wide, method="mcq2008", pairs=True, tokens=group_tokens(corpus, wide.index)).set_index(
        ["group", "versus", "term"])["z"]
    got = cmp.set_index(["group", "versus", "term"])["z"]
    assert got.to_numpy() == pytest.approx(expected.loc[got.index].to_numpy(), abs=1e-12)
    fast = discover(corpus, lexicons, top=3, min_count=1, pairs=True)
    pd.testing.assert_frame_equal(fast, discover_top(cmp, lexicons, top=3))
    assert len(fast) == 6 * 3


def test_discovery_flags_thin_evidence_like_the_lexicon_comparison(seeds):
    from framing.stats import MIN_COUNT, MIN_DOCUMENTS, vocabulary_comparison

    cmp = vocabulary_comparison(small_corpus(), min_count=1).set_index(["group", "term"])
    # By hand: "xylophone" is in all 6 A-articles (21 times) and in no B-article.
    row = cmp.loc[("A", "xylophone")]
    assert (row["documents"], row["other_documents"]) == (6, 0)
    assert not row["few_counts"] and not row["few_documents"]
    four = vocabulary_comparison(seeds.corpus, min_count=1)  # four articles: most words are rare
    assert (four["few_counts"] == (four["count"] + four["other_count"] < MIN_COUNT)).all()
    assert (four["few_documents"] == (four["documents"] + four["other_documents"] < MIN_DOCUMENTS)).all()
    four = four.set_index(["group", "term"])
    # "al-arouri" (the bigram "al arouri": a hyphen separates words): 5 times, all in article 003
    # (grep of the seeds): enough uses, one article.
    row = four.loc[("003_183dc3059bcf71ec", "al arouri")]
    assert (row["count"], row["other_count"], row["documents"], row["other_documents"]) == (5, 0, 1, 0)
    assert not row["few_counts"] and row["few_documents"]


def test_a_lexicon_word_has_the_same_z_in_discovery_and_the_lexicon_comparison(seeds):
    # One number per question: for a lexicon term whose only form is one word, the lexicon
    # comparison and discovery count the same occurrences, so they must give the same z.
    from framing.stats import vocabulary_comparison

    words = vocabulary_comparison(seeds.corpus, min_count=1).set_index(["group", "term"])
    lex = lexicon_comparison(seeds.counts).set_index(["group", "term"])
    single = [t.term for lx in seeds.lexicons for _, t in lx.terms() if not t.variants and " " not in t.term
              and "-" not in t.term and "*" not in t.term]
    checked = 0
    for term in single:
        keys = [(g, term.lower()) for g in seeds.groups]
        # Same counts in every group (a word inside a longer lexicon term, like "war" in
        # "genocidal war", is counted by discovery but not as the shorter lexicon term).
        if all(k in words.index for k in keys) and all(
                lex.loc[(g, term), "count"] == words.loc[(g, term.lower()), "count"] for g in seeds.groups):
            for g in seeds.groups:
                assert words.loc[(g, term.lower()), "z"] == pytest.approx(lex.loc[(g, term), "z"], abs=1e-12)
                checked += 1
    assert checked >= 4  # "occupation" in all four seeds
    small = small_corpus()
    words = vocabulary_comparison(small, min_count=1).set_index(["group", "term"])
    lex = lexicon_comparison(analyse(small, [lexicon()]).counts).set_index(["group", "term"])
    for key in [("A", "hostages"), ("B", "hostages"), ("A", "captives"), ("B", "captives")]:
        assert words.loc[key, "count"] == lex.loc[key, "count"]
        assert words.loc[key, "z"] == pytest.approx(lex.loc[key, "z"], abs=1e-12)
