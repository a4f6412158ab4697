"""Matcher speed: `python benchmarks/bench_match.py [--mb 50] [--rounds 3] [--naive-mb 2]`.

Builds at least 50 MB of real-looking English text (or repeats the articles of --text-from),
normalised as framing reads it, and a 300-entry lexicon (100 of them phrases), then prints MB/s
per core (CPU time of this process) for
  - framing's Matcher.match (all matching rules, quotation marks, Match objects with offsets),
  - the previous matcher (benchmarks/_matcher_regex.py: trie-shaped regexes over the whole text)
    on the same text; the two are timed in turns, each the best of --rounds, so that other jobs
    on the machine weigh on both alike, and must find the same matches,
  - a naive loop of one regex per term (the same rules per term), on a sample,
and the ratios. Targets: >= 60 MB/s per core for Matcher.match, and >= 10x the naive loop. On a
busy machine the absolute MB/s drop; the ratio to the previous matcher, measured in the same
run, is the number to compare.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _matcher_regex
from _corpus import documents, seed_words

from framing.lexicon import load_lexicon
from framing.matcher import Matcher, _pattern
from framing.model import Category, Document, Lexicon, Term
from framing.text import normalize

TARGET = 60  # MB/s per core for Matcher.match


def lexicon_300() -> Lexicon:
    """The bundled Israel-Gaza terms, filled up to 300 entries (100 phrases) with corpus words."""
    base = load_lexicon("israel-gaza")
    terms = [t for c in base.categories for t in c.terms]
    phrases = [t for t in terms if " " in t.term or "-" in t.term]
    singles = [t for t in terms if t not in phrases]
    vocab, p = seed_words()
    rng = np.random.default_rng(2)
    words = [w.lower() for w in vocab if w.isalpha() and len(w) > 3]
    taken = {t.term.lower() for t in terms} | {v.lower() for t in terms for v in t.variants}
    while len(phrases) < 100:
        a, b = rng.choice(words, 2)
        if f"{a} {b}" not in taken:
            taken.add(f"{a} {b}")
            phrases.append(Term(f"{a} {b}"))
    for w in rng.permutation(words):
        if len(singles) + len(phrases) >= 300:
            break
        if w not in taken:
            taken.add(w)
            singles.append(Term(w))
    return Lexicon("bench", (Category("phrases", tuple(phrases)), Category("words", tuple(singles))))


def mb(docs) -> float:
    return sum(len(d.text) for d in docs) / 1e6


def cpu_seconds(matcher, docs) -> tuple[int, float]:
    """Matches found in `docs` and the CPU seconds it took."""
    t = time.process_time()
    n = sum(len(matcher.match(d)) for d in docs)
    return n, time.process_time() - t


def bench_naive(lx, docs):
    regexes = [re.compile(_pattern(list(t.forms), lower=False), re.IGNORECASE) for _, t in lx.terms()]
    t = time.process_time()
    n = sum(1 for d in docs for r in regexes for _ in r.finditer(d.text))
    return n, time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50, help="corpus size (default 50)")
    ap.add_argument("--rounds", type=int, default=3, help="timed runs of each matcher, in turns (default 3)")
    ap.add_argument("--naive-mb", type=float, default=2, help="sample size for the naive loop (default 2)")
    ap.add_argument("--text-from", metavar="CORPUS", help="use real articles (any corpus framing reads, repeated "
                    "up to --mb) instead of synthetic text, e.g. the AllSides CSV in ../shared/corpora")
    ap.add_argument("--text-col", default="text", help="text column of --text-from (default: text)")
    args = ap.parse_args()
    lx = lexicon_300()
    n_phrases = sum(1 for _, t in lx.terms() if " " in t.term or "-" in t.term)
    print(f"lexicon: {len(lx.terms())} entries, {n_phrases} phrases, "
          f"{sum(len(t.forms) for _, t in lx.terms())} forms")
    t = time.perf_counter()
    if args.text_from:
        from framing import Columns, load_corpus

        texts = [d.text for d in load_corpus(args.text_from, Columns(text=args.text_col))]
        texts = texts * max(1, int(np.ceil(args.mb * 1e6 / sum(map(len, texts)))))
    else:
        texts = [normalize(d) for d in documents(args.mb)]
    docs = [Document(str(i), text) for i, text in enumerate(texts)]
    print(f"corpus: {len(docs)} documents, {mb(docs):.1f} MB (built in {time.perf_counter() - t:.0f} s)")

    new, old = Matcher(lx), _matcher_regex.Matcher(lx)
    new_secs, old_secs = [], []
    for _ in range(args.rounds):
        n_new, secs = cpu_seconds(new, docs)
        new_secs.append(secs)
        n_old, secs = cpu_seconds(old, docs)
        old_secs.append(secs)
        if n_new != n_old:
            sys.exit(f"the matchers disagree: {n_new:,} matches against {n_old:,} before")
    ours, before = mb(docs) / min(new_secs), mb(docs) / min(old_secs)
    print(f"framing Matcher.match   {ours:7.1f} MB/s per core  ({n_new:,} matches in {mb(docs):.0f} MB; "
          f"best of {args.rounds})")
    print(f"previous matcher        {before:7.1f} MB/s per core  (the same matches; best of {args.rounds})")
    sample = docs[: max(1, int(len(docs) * args.naive_mb / args.mb))]
    n_naive, secs_naive = bench_naive(lx, sample)
    naive = mb(sample) / secs_naive
    print(f"naive per-term regexes  {naive:7.1f} MB/s per core  ({n_naive:,} matches in {mb(sample):.0f} MB sample, "
          f"overlaps included)")
    print(f"ratio to previous       {ours / before:7.1f}x")
    print(f"ratio to naive          {ours / naive:7.1f}x   (target >= 10x)")
    print(f"target per core         {'met' if ours >= TARGET else 'NOT met'}: {ours:.1f} MB/s vs {TARGET} MB/s; "
          f"cores here: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
