"""Speed of the agency stage (`framing.analyses.agency.casualties`) on real articles:
`python benchmarks/bench_agency.py PATH [--text-col COL] [--repeat N]`.

Reads a table of articles (`.csv`, `.csv.gz`, `.jsonl`, `.parquet`; e.g. the AllSides Middle
East articles, `--text-col content_original`), normalises the texts as framing does, and times
`casualties` alone (best of N runs, one core). Prints MB/s (UTF-8 bytes of the normalised
texts), clauses found, and the part of the time spent in the candidate regex and in sentence
splitting, for comparison.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from framing.analyses import agency

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import best_time, stage_corpus

from framing.sentences import sentence_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--text-col", default="content_original")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    corpus, labels, texts, mb = stage_corpus(args.path, args.text_col)
    rows = agency.casualties(corpus, labels)
    total = best_time(lambda: agency.casualties(corpus, labels), args.repeat)
    regex = best_time(lambda: [sum(1 for _ in agency._CANDIDATE.finditer(" " + t.lower())) for t in texts], args.repeat)
    split = best_time(lambda: [sentence_spans(t) for t in texts], args.repeat)
    print(f"{len(texts)} articles, {mb:.2f} MB; {len(rows)} casualty clauses")
    print(f"casualties: {total:.3f} s = {mb / total:.1f} MB/s (best of {args.repeat}, one core)")
    print(f"  for comparison: the candidate regex alone {mb / regex:.0f} MB/s; "
          f"sentence_spans over every whole text {mb / split:.0f} MB/s")
    print(rows["construction"].value_counts().to_string())


if __name__ == "__main__":
    main()
