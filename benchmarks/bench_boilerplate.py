"""Boilerplate speed and sameness: `python benchmarks/bench_boilerplate.py PATH[::TEXT_COL] ... [--rounds 3]`.

Each PATH is a corpus as `framing report` reads it (a table, a folder of articles, a folder of
tables: e.g. a `bench_scale.py` partition, or
/work/shared/corpora/allsides_baly2020_middle_east/articles_middle_east.csv.gz::content_original
with its text column after `::`).
Per corpus, in this process: `framing.cleaning.without_boilerplate` (finding and removal, each
line normalised once for both), and the same with the module as it was before (the frozen copy
`benchmarks/_boilerplate_reference.py`: find, then remove, the same rules) as the baseline,
timed in turns, each the best of `--rounds`. Both must find the same texts (kind, text, documents,
example, per group) and leave the same documents, word for word; the script exits 1 if not.
Printed: MB/s of each (MB of UTF-8 text), the ratio, and what was found.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _boilerplate_reference as reference

from framing.cleaning import without_boilerplate
from framing.cleaning.boilerplate import find_boilerplate
from framing.corpus import read_corpus
from framing.grouping import group_labels
from framing.reading.options import Columns


def labels_of(corpus) -> list[str]:
    return group_labels(corpus, "source")  # as without_boilerplate(corpus, by="source") groups them


def baseline(corpus):
    return reference.remove_boilerplate(corpus, reference.find_boilerplate(corpus, labels_of(corpus)))


def current(corpus):
    return without_boilerplate(corpus, by="source")


def best(fn, corpus, rounds: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(rounds):
        t0 = time.perf_counter()
        out = fn(corpus)
        times.append(time.perf_counter() - t0)
    return min(times), out


def same(corpus) -> list[str]:
    """What differs between the two (empty: nothing)."""
    labels = labels_of(corpus)
    old = reference.find_boilerplate(corpus, labels)
    new = find_boilerplate(corpus, labels)
    problems = []
    for g in old.groups:
        a = [(r.kind, r.text, r.documents, r.example) for r in old.groups[g]]
        b = [(r.kind, r.text, r.documents, r.example) for r in new.groups.get(g, ())]
        if a != b:
            problems.append(f"group {g!r}: found {len(b)} texts, the baseline {len(a)}: "
                            f"{sorted(set(b) ^ set(a))[:3]}")
    (kept_old, removal_old), (kept_new, removal_new) = baseline(corpus), current(corpus)
    if [(d.id, d.text, d.title) for d in kept_old.documents] != [(d.id, d.text, d.title) for d in kept_new.documents]:
        problems.append("the documents left differ")
    if [(s.path, s.reason) for s in kept_old.skipped] != [(s.path, s.reason) for s in kept_new.skipped]:
        problems.append("the documents skipped differ")
    if {g: vars(r) for g, r in removal_old.groups.items()} != {g: vars(r) for g, r in removal_new.groups.items()}:
        problems.append("the removal counts differ")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    failed = False
    for arg in args.paths:
        path, _, column = arg.partition("::")
        corpus = read_corpus(path, Columns(text=column or "text"))
        mb = sum(len(d.text.encode("utf-8")) for d in corpus.documents) / 1e6
        t_old, _ = best(baseline, corpus, args.rounds)
        t_new, (_, removal) = best(current, corpus, args.rounds)
        problems = same(corpus)
        failed |= bool(problems)
        found = find_boilerplate(corpus, labels_of(corpus))
        print(f"{path}: {len(corpus):,} documents, {mb:.1f} MB, {len(found.found())} boilerplate texts, "
              f"{removal.affected:,} documents cleaned")
        print(f"  before (find, then remove): {t_old:6.2f} s {mb / t_old:6.1f} MB/s")
        print(f"  now (without_boilerplate):  {t_new:6.2f} s {mb / t_new:6.1f} MB/s = {t_old / t_new:.2f}x")
        print("  same texts found and same documents left: " + ("yes" if not problems else "NO: " + "; ".join(problems)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
