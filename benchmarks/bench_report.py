"""Report size and speed for a large corpus: `python benchmarks/bench_report.py [--docs 10000]`.

Builds a corpus of real-looking articles from several sources (with titles and dates), writes
the report, and prints the time of each stage and the page's size. Targets for 10,000 articles
on a 2-core machine: the page under 15 MB, written in under a minute. The baseline printed
beside it is the time to merely read the same text from disk in this run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import documents

from framing import analyse, load_corpus, load_lexicons, write_report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--sources", type=int, default=5)
    args = ap.parse_args()
    texts = documents(args.docs * 4000 / 1e6)[: args.docs]
    start = dt.date(2023, 10, 7)
    df = pd.DataFrame({"text": texts, "source": [f"Outlet {i % args.sources + 1}" for i in range(len(texts))],
                       "title": [t[:80] for t in texts],
                       "date": [(start + dt.timedelta(days=i % 200)).isoformat() for i in range(len(texts))]})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.parquet"
        df.to_parquet(path)
        t0 = time.perf_counter()
        raw = pd.read_parquet(path)
        baseline = time.perf_counter() - t0
        t0 = time.perf_counter()
        corpus = load_corpus(path)
        t_read = time.perf_counter() - t0
        t0 = time.perf_counter()
        analysis = analyse(corpus, load_lexicons(["israel-gaza"]))
        t_match = time.perf_counter() - t0
        t0 = time.perf_counter()
        out = write_report(analysis, Path(tmp) / "report.html")
        t_report = time.perf_counter() - t0
        size = out.stat().st_size / 1e6
    total = t_read + t_match + t_report
    mb = raw["text"].str.len().sum() / 1e6
    print(f"corpus: {len(texts)} documents, {mb:.1f} MB, {args.sources} sources")
    print(f"read {t_read:6.1f} s   match+count {t_match:6.1f} s   build+render {t_report:6.1f} s   total {total:6.1f} s")
    print(f"baseline (pandas reading the same Parquet file): {baseline:.2f} s -> total is {total / baseline:.0f}x that")
    print(f"report size {size:.1f} MB (target < 15 MB: {'met' if size < 15 else 'NOT met'}); "
          f"time {total:.0f} s (target < 60 s: {'met' if total < 60 else 'NOT met'})")


if __name__ == "__main__":
    main()
