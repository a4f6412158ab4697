"""Discovery scored from the non-zero cells against two other computations: the full groups x terms
table (`vocabulary_comparison`, the same floats) and a plain Python one written from the formulas
(counts from Counters, math.log, Benjamini-Hochberg by hand), on corpora with many groups, short
documents, ties in z and tops longer than what a group uses."""
import math
import random
from collections import Counter

import pandas as pd
import pytest

from framing.corpus import from_dataframe
from framing.languages import UNDETERMINED, detect_language, stop_words
from framing.stats import discover, discover_top, vocabulary_comparison
from framing.tokenize import count_tokens, tokenize_phrases

VOCAB = ["hostages", "captives", "gaza", "strip", "war", "the", "of", "in", "u.s.", "pro-life", "2023", "said",
         "truce", "aid", "raid", "x", "tunnels", "families", "army", "talks"]
SEPS = [" ", " ", " ", ", ", ". ", "\n", " \u2014 ", ' "']


def random_corpus(rng: random.Random, n_groups: int, n_docs: int):
    rows = []
    for i in range(n_docs):
        length = rng.choice([1, 2, 3, 5, 8, 40])  # mostly headlines, now and then an article
        text = "".join(rng.choice(VOCAB) + rng.choice(SEPS) for _ in range(length))
        rows.append({"text": text, "source": f"s{rng.randrange(n_groups) if i >= n_groups else i}"})
    return from_dataframe(pd.DataFrame(rows))


CASES = [(3, 12, 1, 1), (12, 60, 1, 3), (20, 80, 2, 10), (8, 200, 3, 50), (30, 90, 1, 200)]


@pytest.mark.parametrize("n_groups,n_docs,min_count,top", CASES)
def test_the_same_rows_as_the_top_of_the_full_table(n_groups, n_docs, min_count, top):
    corpus = random_corpus(random.Random(n_groups * 1000 + n_docs), n_groups, n_docs)
    fast = discover(corpus, top=top, min_count=min_count)
    full = discover_top(vocabulary_comparison(corpus, min_count=min_count), top=top)
    pd.testing.assert_frame_equal(fast, full, check_exact=True)


@pytest.mark.parametrize("n_groups,n_docs,min_count,top", CASES[:4])
def test_pairs_and_chosen_groups_match_the_full_table(n_groups, n_docs, min_count, top):
    corpus = random_corpus(random.Random(n_groups + n_docs), n_groups, n_docs)
    groups = list(dict.fromkeys(d.source for d in corpus.documents))
    only = groups[1:4]
    for pairs in (False, True):
        fast = discover(corpus, top=top, min_count=min_count, pairs=pairs, only=only)
        full = discover_top(vocabulary_comparison(corpus, min_count=min_count, pairs=pairs, only=only), top=top)
        pd.testing.assert_frame_equal(fast, full, check_exact=True)


def test_discover_never_builds_the_groups_by_terms_table(monkeypatch):
    from framing.ngrams import NgramCounts

    def dense(*args, **kwargs):
        raise AssertionError("discover built the dense table")

    monkeypatch.setattr(NgramCounts, "candidates", dense)
    assert len(discover(random_corpus(random.Random(3), 10, 50), top=5, min_count=1))


def plain_discovery(corpus, top: int, min_count: int, k: float = 0.1) -> list[tuple]:
    """Discovery from its definition, term by term, in plain Python: each document's candidate
    n-grams (its language's stop words out), one-vs-rest Fightin' Words (mcq2008, a_w = k * count
    + 0.01, a_0 = k * N, token totals as denominators), BH over all terms, the top by z then term."""
    docs = corpus.documents
    langs = [d.language or detect_language(d.text) for d in docs]
    corpus_langs = set(langs) - {UNDETERMINED}
    counts, documents, tokens = {}, {}, Counter()
    for d, lang in zip(docs, langs):
        stop = stop_words(lang, corpus_langs)
        items = tokenize_phrases(d.text)
        grams = [t for t in items if t[0].isalnum() and t not in stop and not t.isdigit()]
        grams += [f"{a} {b}" for a, b in zip(items, items[1:]) if a[0].isalnum() and b[0].isalnum()
                  and not (a.isdigit() or b.isdigit()) and not (a in stop and b in stop)]
        counts.setdefault(d.source, Counter()).update(grams)
        documents.setdefault(d.source, Counter()).update(set(grams))
        tokens[d.source] += count_tokens(d.text)
    groups = list(dict.fromkeys(d.source for d in docs))
    total = sum((counts[g] for g in groups), Counter())
    terms = sorted(t for t, n in total.items() if n >= min_count and (" " in t or len(t) > 1))
    all_docs = sum((documents[g] for g in groups), Counter())
    big_n = sum(tokens.values())
    rows = []
    for g in groups:
        n_a, n_b = tokens[g], big_n - tokens[g]
        scored = []
        for t in terms:
            ya, yb = counts[g][t], total[t] - counts[g][t]
            a, a0 = k * total[t] + 0.01, k * big_n
            delta = math.log((ya + a) / (n_a - ya + a0 - a)) - math.log((yb + a) / (n_b - yb + a0 - a))
            variance = 1 / (ya + a) + 1 / (yb + a)
            z = delta / math.sqrt(variance)
            scored.append([t, ya, yb, z, documents[g][t], all_docs[t] - documents[g][t], math.erfc(abs(z) / math.sqrt(2))])
        by_p = sorted(range(len(scored)), key=lambda i: scored[i][-1])
        q, running = [0.0] * len(scored), 1.0
        for rank in range(len(by_p), 0, -1):  # q_(i) = min over j >= i of p_(j) * n / j
            i = by_p[rank - 1]
            running = min(running, scored[i][-1] * len(scored) / rank)
            q[i] = running
        best = sorted(range(len(scored)), key=lambda i: (-scored[i][3], scored[i][0]))[:top]
        rows += [(g, *scored[i][:6], q[i]) for i in best]
    return rows


@pytest.mark.parametrize("n_groups,n_docs,min_count,top", CASES[:4])
def test_agrees_with_discovery_written_from_the_formulas(n_groups, n_docs, min_count, top):
    corpus = random_corpus(random.Random(7 * n_groups + n_docs), n_groups, n_docs)
    got = discover(corpus, top=top, min_count=min_count)
    want = plain_discovery(corpus, top, min_count)
    assert list(zip(got["group"], got["term"])) == [(r[0], r[1]) for r in want]
    assert got["count"].tolist() == [r[2] for r in want] and got["other_count"].tolist() == [r[3] for r in want]
    assert got["documents"].tolist() == [r[5] for r in want]
    assert got["other_documents"].tolist() == [r[6] for r in want]
    assert got["z"].to_numpy() == pytest.approx([r[4] for r in want], rel=1e-9, abs=1e-12)
    assert got["q"].to_numpy() == pytest.approx([r[7] for r in want], rel=1e-9, abs=1e-15)


def test_n_gram_keys_that_would_overflow_are_numbered_first(monkeypatch):
    import framing.ngrams

    corpus = random_corpus(random.Random(11), 6, 40)
    want = discover(corpus, top=20, min_count=1)
    monkeypatch.setattr(framing.ngrams, "_KEY_LIMIT", 1)
    pd.testing.assert_frame_equal(discover(corpus, top=20, min_count=1), want, check_exact=True)


def test_plotted_rows_are_the_full_tables_rows_when_scored_a_few_comparisons_at_a_time():
    # 6 groups compared in pairs are 30 comparisons, scored four at a time when only the
    # plotted rows are kept: the rows kept must be the full table's, value for value.
    from framing.stats.discover import SCORED_AT_ONCE

    rng = random.Random(5)
    words = [f"w{i}" for i in range(120)]
    rows = [{"id": f"d{i}", "source": f"s{i % 6}", "text": " ".join(rng.choices(words[: 40 + 10 * (i % 6)], k=60))}
            for i in range(120)]
    corpus = from_dataframe(pd.DataFrame(rows), name="t")
    for pairs in (False, True):
        full = vocabulary_comparison(corpus, pairs=pairs)
        plotted = vocabulary_comparison(corpus, pairs=pairs, points=12)
        assert plotted.groupby(["group", "versus"]).ngroups == (30 if pairs else 6) > SCORED_AT_ONCE
        kept = full.merge(plotted[["group", "versus", "term"]], on=["group", "versus", "term"])
        pd.testing.assert_frame_equal(kept.reset_index(drop=True), plotted.reset_index(drop=True))
        assert plotted.groupby(["group", "versus"]).size().max() <= 12


def test_candidates_found_once_score_the_same_as_each_call_finding_them():
    # The report finds a vocabulary's candidates once for its three tables.
    from framing.stats import candidate_table, count_vocabulary, discovery_candidates

    corpus = random_corpus(random.Random(5), 4, 60)
    ngrams = count_vocabulary(corpus)
    cells = discovery_candidates(ngrams)
    table = candidate_table(ngrams, cells)
    for pairs in (False, True):
        pd.testing.assert_frame_equal(
            vocabulary_comparison(corpus, ngrams=ngrams, candidates=table, pairs=pairs, points=50),
            vocabulary_comparison(corpus, ngrams=ngrams, pairs=pairs, points=50))
        pd.testing.assert_frame_equal(discover(corpus, ngrams=ngrams, candidates=cells, pairs=pairs, top=5),
                                      discover(corpus, ngrams=ngrams, pairs=pairs, top=5))
    pd.testing.assert_frame_equal(vocabulary_comparison(corpus, ngrams=ngrams, candidates=table),
                                  vocabulary_comparison(corpus, ngrams=ngrams))
    with pytest.raises(ValueError, match="give both"):
        discover(corpus, candidates=cells)
    with pytest.raises(ValueError, match="other n-grams"):
        vocabulary_comparison(corpus, ngrams=count_vocabulary(corpus), candidates=table)
