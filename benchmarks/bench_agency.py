"""Speed of the agency stage (`framing.analyses.agency.casualties`) on real articles:
`python benchmarks/bench_agency.py PATH [--text-col COL] [--repeat N] [--baseline-rev REV]`.

Reads a table of articles (`.csv`, `.csv.gz`, `.jsonl`, `.parquet`; e.g. the AllSides Middle
East articles, `--text-col content_original`), normalises the texts as framing does, and times
`casualties` alone on one core: the CPU time of this process, best of N runs. Prints MB/s (UTF-8
bytes of the normalised texts) and the clauses found, and, in the same run and on the same texts,
the stage as it was at `--baseline-rev` (default: the revision before issue 10's speed work),
with the ratio and whether the rows are identical (`--baseline-rev none` skips it), the two timed
in turn run by run (see bench_attribution.py). For comparison, the candidate scan alone and
`sentence_spans` over every text.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import stage_corpus
from bench_attribution import BASELINE_REV, baseline_module, cpu_times

from framing.analyses import agency
from framing.sentences import sentence_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--text-col", default="content_original")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--baseline-rev", default=BASELINE_REV, help="git revision to compare with, or 'none'")
    args = parser.parse_args()
    corpus, labels, texts, mb = stage_corpus(args.path, args.text_col)
    rows = agency.casualties(corpus, labels)
    fns: dict[str, Callable[[], object]] = {"now": lambda: agency.casualties(corpus, labels)}
    if args.baseline_rev != "none":
        old = baseline_module(args.baseline_rev, "agency")
        old_rows = old.casualties(corpus, labels)
        fns["baseline"] = lambda: old.casualties(corpus, labels)
    times = cpu_times(fns, args.repeat)
    parts = cpu_times({"scan": lambda: [agency._SCAN.spans(t.lower()) for t in texts],
                       "sentences": lambda: [sentence_spans(t) for t in texts]}, args.repeat)
    print(f"{len(texts)} articles, {mb:.2f} MB; {len(rows)} casualty clauses")
    print(f"casualties: {times['now']:.3f} s = {mb / times['now']:.1f} MB/s (CPU time, best of {args.repeat}, "
          "one core)")
    if "baseline" in times:
        print(f"  baseline {args.baseline_rev[:12]}: {times['baseline']:.3f} s = {mb / times['baseline']:.1f} MB/s; "
              f"now {times['baseline'] / times['now']:.2f}x as fast; rows identical: {old_rows.equals(rows)}")
    print(f"  for comparison: the candidate scan alone (with lower-casing) {mb / parts['scan']:.0f} MB/s; "
          f"sentence_spans over every whole text {mb / parts['sentences']:.0f} MB/s")
    print(rows["construction"].value_counts().to_string())


if __name__ == "__main__":
    main()
