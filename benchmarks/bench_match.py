"""Matcher speed: `python benchmarks/bench_match.py [--mb 200] [--naive-mb 5]`.

Builds at least 200 MB of real-looking English text and a 300-entry lexicon (100 of them
phrases), then prints MB/s for
  - framing's Matcher.match (all matching rules, quotation marks, Match objects with offsets),
  - a naive loop of one regex per term (the same rules per term), on a sample,
  - pyahocorasick (if installed), the fastest alternative found: exact lower-cased strings with a
    word-boundary check, without the hyphen/space equivalence or quotation tracking,
and the ratios, all measured in this run on this machine. Targets: >= 20 MB/s per core for
Matcher.match and >= 10x the naive loop.
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
from _corpus import documents, seed_words

from framing.lexicon import load_lexicon
from framing.matcher import Matcher, _pattern
from framing.model import Category, Document, Lexicon, Term


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
    return sum(len(d) for d in docs) / 1e6


def bench_matcher(lx, docs):
    matcher = Matcher(lx)
    wrapped = [Document(str(i), d) for i, d in enumerate(docs)]
    t = time.perf_counter()
    n = sum(len(matcher.match(d)) for d in wrapped)
    return n, time.perf_counter() - t


def bench_naive(lx, docs):
    regexes = [re.compile(_pattern(list(t.forms), lower=False), re.IGNORECASE) for _, t in lx.terms()]
    t = time.perf_counter()
    n = sum(1 for d in docs for r in regexes for _ in r.finditer(d))
    return n, time.perf_counter() - t


def bench_aho(lx, docs):
    try:
        import ahocorasick
    except ImportError:
        return None
    auto = ahocorasick.Automaton()
    for _, t in lx.terms():
        for form in t.forms:
            if "*" not in form:
                auto.add_word(form.lower(), form)
    auto.make_automaton()
    t = time.perf_counter()
    n = 0
    for d in docs:
        low = d.lower()
        for end, form in auto.iter_long(low):
            start = end - len(form) + 1
            if (start == 0 or not low[start - 1].isalnum()) and (end + 1 == len(low) or not low[end + 1].isalnum()):
                n += 1
    return n, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=200, help="corpus size for the matcher (default 200)")
    ap.add_argument("--naive-mb", type=float, default=5, help="sample size for the naive loop (default 5)")
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

        real = [d.text for d in load_corpus(args.text_from, Columns(text=args.text_col))]
        docs = real * max(1, int(np.ceil(args.mb * 1e6 / sum(map(len, real)))))
    else:
        docs = documents(args.mb)
    print(f"corpus: {len(docs)} documents, {mb(docs):.1f} MB (built in {time.perf_counter() - t:.0f} s)")
    sample = docs[: max(1, int(len(docs) * args.naive_mb / args.mb))]

    n, secs = bench_matcher(lx, docs)
    ours = mb(docs) / secs
    print(f"framing Matcher.match   {ours:7.1f} MB/s on one core  ({n:,} matches in {mb(docs):.0f} MB)")
    n_s, secs_s = bench_matcher(lx, sample)
    n_naive, secs_naive = bench_naive(lx, sample)
    naive = mb(sample) / secs_naive
    print(f"naive per-term regexes  {naive:7.1f} MB/s on one core  ({n_naive:,} matches in {mb(sample):.0f} MB sample;"
          f" framing finds {n_s:,} there, leftmost-longest)")
    aho = bench_aho(lx, sample)
    if aho:
        print(f"pyahocorasick iter_long {mb(sample) / aho[1]:7.1f} MB/s on one core  ({aho[0]:,} matches; exact strings only)")
    else:
        print("pyahocorasick           not installed (pip install pyahocorasick)")
    print(f"ratio framing / naive   {ours / naive:7.1f}x   (target >= 10x)")
    print(f"target per core         {'met' if ours >= 20 else 'NOT met'}: {ours:.1f} MB/s vs 20 MB/s; "
          f"cores here: {os.cpu_count()}")


if __name__ == "__main__":
    main()
