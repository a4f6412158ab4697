"""The contexts' sample: each term's matches of smallest hash key, which partitions merge exactly."""
from __future__ import annotations

import hashlib
import random

import pandas as pd
import pytest

from framing import context_sample as cs
from framing.counts import DocumentProfile
from framing.model import Document, Match


def _key(doc_id: str, start: int) -> int:
    # Written out again from the documented definition, not taken from the module.
    return int.from_bytes(hashlib.blake2b(f"{doc_id}\0{start}".encode(), digest_size=8).digest(), "big")


def _corpus(rng: random.Random, n_docs: int = 40):
    terms = [("lx", "cat", t) for t in ("hostages", "captives", "war")]
    position = {k: i for i, k in enumerate(terms)}
    docs, profiles = {}, []
    for i in range(n_docs):
        doc_id = f"doc{i}"
        text = " ".join(rng.choice(["hostages", "captives", "war", "the", "and"]) for _ in range(60))
        docs[doc_id] = Document(doc_id, text, title=f"Title {i}" if i % 2 else None)
        matches, at = [], 0
        for word in text.split(" "):
            if word in ("hostages", "captives", "war"):
                matches.append(Match(doc_id, "lx", "cat", word, at, at + len(word), word, at % 3 == 0))
            at += len(word) + 1
        profiles.append(DocumentProfile(doc_id, "AB"[i % 2], 60, 0, tuple(matches)))
    return docs, profiles, position


def test_each_term_keeps_its_matches_of_smallest_key():
    docs, profiles, position = _corpus(random.Random(3))
    groups = {p.doc_id: p.group for p in profiles}
    got = cs.sample(profiles, docs, groups, position, per_term=7)
    for term, column in position.items():
        every = sorted((_key(p.doc_id, m.start), p.doc_id, m.start) for p in profiles for m in p.matches
                       if m.term == term[2])
        assert [(c.key, c.doc_id, c.start) for c in got if c.column == column] == every[:7]
    everything = cs.sample(profiles, docs, groups, position, per_term=10**6)
    assert len(everything) == sum(len(p.matches) for p in profiles)
    first = next(c for c in everything if c.doc_id == "doc1")
    assert first.document == "Title 1" and first.group == "B"
    assert first.match == docs["doc1"].text[first.start:first.end]
    assert docs["doc1"].text[:first.start].endswith(first.left)
    assert next(c for c in everything if c.doc_id == "doc0").document == "doc0"  # no title: the id


def test_the_sample_of_the_parts_is_the_sample_of_the_whole():
    rng = random.Random(8)
    docs, profiles, position = _corpus(rng, 60)
    groups = {p.doc_id: p.group for p in profiles}
    whole = cs.sample(profiles, docs, groups, position, per_term=5)
    for _ in range(5):
        cuts = sorted(rng.sample(range(1, len(profiles)), 3))
        parts = [profiles[a:b] for a, b in zip([0, *cuts], [*cuts, len(profiles)])]
        samples = [cs.sample(part, docs, groups, position, per_term=5) for part in parts]
        rng.shuffle(samples)
        assert cs.merge_samples(samples, per_term=5) == whole


def test_the_page_lists_every_term_alike_in_corpus_order():
    docs, profiles, position = _corpus(random.Random(5), 8)  # fewer than PER_TERM matches of each term
    groups = {p.doc_id: p.group for p in profiles}
    sampled = cs.sample(profiles, docs, groups, position)
    total = sum(len(p.matches) for p in profiles)
    order = {p.doc_id: i for i, p in enumerate(profiles)}
    everything = cs.page_sample(sampled, total, limit=total, order=order)
    assert len(everything) == total  # all fit: every match, as the profiles list them
    assert [(c.doc_id, c.start) for c in everything] == [(p.doc_id, m.start) for p in profiles for m in p.matches]
    few = cs.page_sample(sampled, total, limit=30, order=order)
    assert pd.Series([c.column for c in few]).value_counts().tolist() == [10, 10, 10]
    assert [order[c.doc_id] for c in few] == sorted(order[c.doc_id] for c in few)
    smallest = {col: sorted(c.key for c in sampled if c.column == col)[:10] for col in position.values()}
    assert all(c.key in smallest[c.column] for c in few)


@pytest.mark.parametrize("jobs", [1, 2])
def test_counting_in_partitions_samples_the_same_contexts(tmp_path, monkeypatch, jobs):
    from framing import load_lexicons
    from framing.engines import count_corpus

    monkeypatch.setattr(cs, "PER_TERM", 3)  # a sample smaller than the matches: the choice matters
    rng = random.Random(2)
    rows = [(f"d{i}", "ABC"[i % 3], " ".join(rng.choice(["hostages", "captives", "a war", "the", "Gaza"])
                                            for _ in range(40))) for i in range(90)]
    frame = pd.DataFrame(rows, columns=["id", "source", "text"])
    folder = tmp_path / "parts"
    folder.mkdir()
    for k in range(3):
        frame.iloc[k * 30:(k + 1) * 30].to_csv(folder / f"part{k}.csv", index=False)
    frame.to_csv(tmp_path / "all.csv", index=False)
    lexicons = load_lexicons(["israel-gaza"])
    whole = count_corpus(str(tmp_path / "all.csv"), lexicons, jobs=1).contexts
    parts = count_corpus(str(folder), lexicons, jobs=jobs).contexts
    assert len(whole) >= 9 and all(len([c for c in whole if c.column == col]) <= 3 for col in {c.column for c in whole})
    assert [(c.key, c.column, c.doc_id, c.start, c.left, c.match, c.right) for c in whole] == \
           [(c.key, c.column, c.doc_id, c.start, c.left, c.match, c.right) for c in parts]
