"""Retellings, attribution and agency together against discovery, on the same ~30 MB of real
articles: `python benchmarks/bench_analyses.py PATH [--text-col COL] [--source-col COL] [--mb 30]`.

The articles of PATH (e.g. the AllSides Middle East CSV, `--text-col content_original`) are
repeated, each copy with its own id, up to `--mb` megabytes, as `bench_discover.py` does. In one
run, after imports, each on all cores as the report runs it: `stats.discover` (the baseline:
the time discovery takes today), then `retellings` (its term counts, which the report shares
with cleaning's near duplicates, and the pairing, timed apart), `attributions` and `casualties`
(`per_document_rows`, as the report calls them). Target of issue 10: the three together take no
longer than discovery. Printed: seconds and MB/s of each, and the ratio.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from framing import load_corpus, stats
from framing.analyses.agency import casualties
from framing.analyses.attribution import attributions
from framing.analyses.parallel import per_document_rows
from framing.analyses.retellings import retellings, term_counts, weigh


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--text-col", default="text")
    ap.add_argument("--source-col", default="source")
    ap.add_argument("--mb", type=float, default=30.0)
    args = ap.parse_args()
    raw = pd.read_csv(args.path) if ".csv" in args.path.name else pd.read_json(args.path, lines=True)
    raw = raw[[args.text_col, args.source_col]].dropna()
    raw.columns = ["text", "source"]
    size = raw["text"].str.len().sum()
    copies = max(1, int(round(args.mb * 1e6 / size)))
    df = pd.concat([raw] * copies, ignore_index=True)
    df["id"] = [f"a{i}" for i in range(len(df))]
    corpus = load_corpus(df, name="bench")
    labels = [d.source for d in corpus.documents]
    mb = sum(len(d.text) for d in corpus.documents) / 1e6
    print(f"{len(corpus):,} articles ({copies} copies of {len(raw):,}), {mb:.1f} MB, {len(set(labels))} sources")
    timings, made = {}, {}
    steps = [("discover (baseline)", lambda: stats.discover(corpus, labels=labels, top=30)),
             ("retellings: counts", lambda: made.setdefault("x", weigh(term_counts([d.text for d in corpus.documents])))),
             ("retellings: pairs", lambda: retellings(corpus, labels, vectors=made["x"])),
             ("attributions", lambda: per_document_rows(attributions, corpus, labels)),
             ("casualties", lambda: per_document_rows(casualties, corpus, labels))]
    for name, fn in steps:
        t0 = time.perf_counter()
        fn()
        timings[name] = time.perf_counter() - t0
        print(f"  {name:<20} {timings[name]:6.1f} s  {mb / timings[name]:6.1f} MB/s", flush=True)
    three = sum(t for name, t in timings.items() if name != "discover (baseline)")
    base = timings["discover (baseline)"]
    print(f"  the three together: {three:.1f} s, {mb / three:.1f} MB/s = {three / base:.1f}x discovery "
          f"(target: at most 1x: {'met' if three <= base else 'NOT met'})")


if __name__ == "__main__":
    main()
