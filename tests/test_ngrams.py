import random
from collections import Counter

import numpy as np
import pytest

from framing.corpus import read_corpus
from framing.languages import UNDETERMINED, detect_language, stop_words
from framing.ngrams import STOP_WORDS, NgramCounts, count_chunk, count_ngrams
from framing.tokenize import tokenize_phrases

A1 = "Hostages were freed. The hostages, freed, went home."
A2 = "Gaza's war in 2023 went on. Hostages were held in Gaza."
B1 = "Captives\nwere held in Gaza and captives were freed"


def as_dict(counts):
    """group -> {term: (count, documents)} for the non-zero cells of a table."""
    terms, c, d = counts.table()
    return {g: {t: (int(c[i, j]), int(d[i, j])) for j, t in enumerate(terms) if c[i, j]}
            for i, g in enumerate(counts.groups)}


def test_counts_by_hand():
    assert {"were", "the", "in", "on", "and"} <= STOP_WORDS and not {"went", "home", "held"} & STOP_WORDS
    got = as_dict(count_ngrams([A1, A2, B1], ["A", "A", "B"], n_jobs=1))
    # Counted by hand. A1: hostages were freed | the hostages | freed | went home.
    # A2: gaza war in 2023 went on | hostages were held in gaza. B1: captives | were held in gaza
    # and captives were freed ("|" is punctuation or a line break: no bigram across it).
    assert got["A"] == {
        "hostages": (3, 2), "freed": (2, 1), "went": (2, 2), "home": (1, 1), "gaza": (2, 1), "war": (1, 1),
        "held": (1, 1), "hostages were": (2, 2), "were freed": (1, 1), "the hostages": (1, 1),
        "went home": (1, 1), "gaza war": (1, 1), "war in": (1, 1), "went on": (1, 1), "were held": (1, 1),
        "held in": (1, 1), "in gaza": (1, 1)}
    assert got["B"] == {
        "captives": (2, 1), "held": (1, 1), "gaza": (1, 1), "freed": (1, 1), "were held": (1, 1),
        "held in": (1, 1), "in gaza": (1, 1), "gaza and": (1, 1), "and captives": (1, 1),
        "captives were": (1, 1), "were freed": (1, 1)}


def reference(texts, labels, languages=None):
    """The same rules written the plain way, one Counter per group: a second implementation.
    Each text drops the stop words of its language (given, else detected)."""
    langs = [lang or detect_language(t) for t, lang in zip(texts, languages or [None] * len(texts))]
    corpus_langs = set(langs) - {UNDETERMINED}
    out = {}
    for text, label, lang in zip(texts, labels, langs):
        stop = stop_words(lang, corpus_langs)
        items = tokenize_phrases(text)
        words = [t for t in items if t[0].isalnum() and t not in stop and not t.isdigit()]
        pairs = [f"{a} {b}" for a, b in zip(items, items[1:])
                 if a[0].isalnum() and b[0].isalnum() and not (a.isdigit() or b.isdigit())
                 and not (a in stop and b in stop)]
        counts, docs = out.setdefault(label, (Counter(), Counter()))
        counts.update(words + pairs)
        docs.update(set(words + pairs))
    return {g: {t: (counts[t], docs[t]) for t in counts} for g, (counts, docs) in out.items()}


@pytest.fixture(scope="module")
def seed_texts():
    from conftest import SEEDS

    return [d.text for d in read_corpus(SEEDS).documents]


def test_agrees_with_the_plain_counter_on_the_seeds(seed_texts):
    labels = ["x", "y", "x", "z"]
    assert as_dict(count_ngrams(seed_texts, labels, n_jobs=1)) == reference(seed_texts, labels)


def random_texts(rng, n, vocab=("the", "of", "hostages", "captives", "Gaza's", "war", "2023", "U.S.", "pro-life",
                                 "don't", "in")):
    # Every kind of whitespace str.split cuts at, a line break in several spellings.
    seps = [" ", " ", " ", ", ", ". ", "\n", " \u2014 ", ' "', "\t", "\r\n", "\u00a0", "\u2028", "\x1c", "  ",
            "\u3000"]
    return ["".join(rng.choice(vocab) + rng.choice(seps) for _ in range(rng.randint(1, 30))) for _ in range(n)]


FRENCH = ("les", "otages", "de", "la", "bande", "sont", "dans", "front", "part", "Gaza", "selon", "des", "comment")


def test_agrees_with_the_plain_counter_on_documents_in_several_languages(monkeypatch):
    import framing.ngrams

    rng = random.Random(17)
    texts = random_texts(rng, 30) + random_texts(rng, 30, FRENCH) + ["la trêve", "Gaza : la trêve", "de la"]
    order = list(range(len(texts)))
    rng.shuffle(order)
    texts = [texts[i] for i in order]
    labels = [rng.choice("ABC") for _ in texts]
    langs = [detect_language(t) for t in texts]
    assert {"en", "fr", UNDETERMINED} <= set(langs)
    want = reference(texts, labels)
    assert as_dict(count_ngrams(texts, labels, n_jobs=1)) == want
    # Batches that hold no French document still drop French function words from undetermined
    # ones, on one process or several.
    monkeypatch.setattr(framing.ngrams, "BATCH_CHARS", 200)
    for n_jobs in (1, 2):
        assert as_dict(count_ngrams(texts, labels, n_jobs=n_jobs)) == want
    given = [None] * len(texts)
    given[0] = "fr" if langs[0] != "fr" else "en"
    assert as_dict(count_ngrams(texts, labels, n_jobs=1, languages=given)) == reference(texts, labels, given)


def test_agrees_with_the_plain_counter_on_random_text():
    rng = random.Random(11)
    for _ in range(20):
        texts = random_texts(rng, rng.randint(1, 12))
        labels = [rng.choice("ABC") for _ in texts]
        assert as_dict(count_ngrams(texts, labels, n_jobs=1)) == reference(texts, labels)


def test_merging_batches_in_any_split_and_order_gives_the_same_table(seed_texts):
    rng = random.Random(5)
    texts = seed_texts + random_texts(rng, 30)
    groups = ("A", "B")
    codes = [rng.randrange(2) for _ in texts]
    whole = count_chunk(texts, codes, groups).table()
    for _ in range(5):
        cuts = sorted(rng.sample(range(1, len(texts)), 3))
        bounds = list(zip([0, *cuts], [*cuts, len(texts)]))
        rng.shuffle(bounds)
        parts = [count_chunk(texts[a:b], codes[a:b], groups) for a, b in bounds]
        pairwise = parts[0]
        for p in parts[1:]:
            pairwise = pairwise.merge(p)
        for merged in (pairwise, NgramCounts.total(parts)):
            terms, c, d = merged.table()
            assert list(terms) == list(whole[0]) and (c == whole[1]).all() and (d == whole[2]).all()
    assert list(whole[0]) == sorted(whole[0])  # terms sort as strings


def test_result_does_not_depend_on_processes(seed_texts):
    texts = seed_texts * 5
    labels = ["A", "B"] * 10
    one, two = count_ngrams(texts, labels, n_jobs=1).table(), count_ngrams(texts, labels, n_jobs=2).table()
    assert list(one[0]) == list(two[0]) and (one[1] == two[1]).all() and (one[2] == two[2]).all()


def test_min_count_group_order_and_empty_input():
    counts = count_ngrams([B1, A1], ["B", "A"], groups=["A", "B"], n_jobs=1)
    assert counts.groups == ("A", "B")
    terms, c, _ = counts.table(min_count=2)
    assert set(terms) == {"captives", "freed", "hostages", "were freed"}  # each seen twice in all
    assert c[:, list(terms).index("captives")].tolist() == [0, 2]
    empty = count_ngrams([], [], n_jobs=1)
    assert len(empty.table()[0]) == 0
    with pytest.raises(ValueError, match="not one of the groups"):
        count_ngrams([A1], ["C"], groups=["A"])


def test_progress_sees_every_batch(seed_texts, monkeypatch):
    import framing.ngrams

    monkeypatch.setattr(framing.ngrams, "BATCH_CHARS", 5_000)
    seen = []

    def progress(items):
        seen.append(len(items))
        return items

    counts = count_ngrams(seed_texts, ["A", "B", "A", "B"], n_jobs=1, progress=progress)
    total = sum(map(len, seed_texts))
    assert seen == [len(framing.ngrams._balanced_bounds([len(t) for t in seed_texts], -(-total // 5_000)))]
    assert seen[0] > 1 and np.asarray(counts.counts.sum()) > 0


def test_many_batches_added_up_a_few_at_a_time(seed_texts, monkeypatch):
    import framing.ngrams

    texts, labels = seed_texts * 3, ["A", "B", "C"] * 4
    whole = count_chunk(texts, [0, 1, 2] * 4, ("A", "B", "C")).table()
    monkeypatch.setattr(framing.ngrams, "BATCH_CHARS", 3_000)
    monkeypatch.setattr(framing.ngrams, "MERGE_EVERY", 2)
    got = count_ngrams(texts, labels, n_jobs=1).table()
    assert list(got[0]) == list(whole[0]) and (got[1] == whole[1]).all() and (got[2] == whole[2]).all()


def test_terms_sort_by_code_point_whatever_the_script():
    texts = ["Zoë \u00e9t\u00e9 \U0001d400x \u0416 a-b ab a", "\uff21 \u00e9 z" + " x" * 3 + " y" * 5000]
    terms = list(count_ngrams(texts, ["A", "B"], n_jobs=1).table()[0])
    assert terms == sorted(terms) and "zoë été" in terms


def test_texts_holding_the_batch_separator_are_counted_alike():
    from framing.ngram_items import _SEPARATOR, _split_all
    from framing.tokenize import phrase_findall

    texts, labels = [A1, f"odd{_SEPARATOR}text and {_SEPARATOR} more", "", B1], ["A", "B", "A", "B"]
    assert as_dict(count_ngrams(texts, labels, n_jobs=1)) == reference(texts, labels)
    for parts in (["a b", "", "c\nd e"], ["a b", f"x{_SEPARATOR}y", "c"]):  # joined, and one by one
        codes, distinct, per_part = _split_all(parts, str.split)
        assert per_part.tolist() == [len(p.split()) for p in parts]
        assert distinct[codes].tolist() == [w for p in parts for w in p.split()]
    codes, distinct, per_part = _split_all(["said.", "gaza,", "u.s.", "x"], phrase_findall)
    assert per_part.tolist() == [2, 2, 1, 1] and distinct[codes].tolist() == ["said", ".", "gaza", ",", "u.s.", "x"]
    assert sorted(distinct.tolist()) == [",", ".", "gaza", "said", "u.s.", "x"]  # not the separator joining them


def test_the_items_of_some_texts_picked_from_all_are_theirs_alone(seed_texts):
    from framing.ngram_items import _SEPARATOR, items, items_batched, items_of

    rng = random.Random(8)
    texts = [*seed_texts, "", "l'otage d'Israël, U.S.-backed", f"odd{_SEPARATOR}text", "odd \ud800 hostages",
             *random_texts(rng, 30)]
    found = items(texts)
    for batch_chars in (1, 40, 10**9):  # united from batches, the same vocabulary and codes
        assert [a.tolist() for a in items_batched(texts, batch_chars)] == [a.tolist() for a in found]
    for chosen in ([True] * len(texts), [False] * len(texts), [rng.random() < 0.5 for _ in texts]):
        alone = items([t for t, c in zip(texts, chosen) if c])
        picked = items_of(found, np.array(chosen))
        assert [a.tolist() for a in picked] == [a.tolist() for a in alone]


def test_texts_that_utf8_cannot_hold_are_counted_alike():
    # A lone surrogate (from a careless decoder) makes Arrow refuse the batch: the plain path counts it.
    texts, labels = [A1, "odd \ud800 hostages were freed", B1], ["A", "B", "A"]
    assert as_dict(count_ngrams(texts, labels, n_jobs=1)) == reference(texts, labels)


def test_token_counts_are_the_tokenizers_counts_text_by_text(seed_texts):
    from framing.ngram_items import _SEPARATOR, token_counts
    from framing.tokenize import tokenize

    rng = random.Random(5)
    texts = [*seed_texts, "", "  \n ", "l'otage d'Israël, pro-life U.S.-backed Hamas's https://t.co/x 2023",
             f"odd{_SEPARATOR}text", "odd \ud800 hostages", "أسرى  חטופים\u00a0otages", *random_texts(rng, 30)]
    assert token_counts(texts).tolist() == [len(tokenize(t)) for t in texts]
    assert token_counts([]).tolist() == []


def test_undetermined_counts_made_final_with_the_corpus_languages():
    # Counted with the stop words of no corpus language, then given those of French: the same
    # as counting them knowing the corpus holds French (and the plain counter agrees).
    rng = random.Random(5)
    texts = ["la trêve et les otages", "Gaza : la trêve de la guerre", "de la", "the truce and the hostages"] \
        + random_texts(rng, 10, FRENCH)
    labels = [rng.choice("AB") for _ in texts]
    codes = np.array(["AB".index(x) for x in labels])
    und = [UNDETERMINED] * len(texts)
    early = count_chunk(texts, codes, ("A", "B"), und, ())
    final = early.without_stop_words(stop_words(UNDETERMINED, ["fr"]))
    assert as_dict(final) == as_dict(count_chunk(texts, codes, ("A", "B"), und, ("fr",)))
    assert as_dict(final) != as_dict(early)  # French function words were there to drop


def test_regrouped_counts_are_those_of_counting_with_the_new_groups(seed_texts):
    labels = ["AB"[i % 2] for i in range(len(seed_texts))]
    codes = np.array(["AB".index(x) for x in labels])
    part = count_chunk(seed_texts, codes, ("A", "B"))
    wider = part.regrouped(("C", "B", "A"))
    direct = count_chunk(seed_texts, np.array(["CBA".index(x) for x in labels]), ("C", "B", "A"))
    assert as_dict(wider) == as_dict(direct) and list(wider.tokens()) == list(direct.tokens())
    assert wider.tokens()[0] == 0


def test_count_batches_is_count_chunk_in_pieces(seed_texts, monkeypatch):
    import framing.ngrams

    monkeypatch.setattr(framing.ngrams, "BATCH_CHARS", 500)
    codes = np.arange(len(seed_texts)) % 3
    whole = count_chunk(seed_texts, codes, ("x", "y", "z"))
    assert as_dict(framing.ngrams.count_batches(seed_texts, codes, ("x", "y", "z"))) == as_dict(whole)
    assert as_dict(framing.ngrams.count_batches([], [], ("x",))) == {"x": {}}
