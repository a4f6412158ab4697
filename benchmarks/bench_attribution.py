"""Speed of the attribution stage (`framing.analyses.attribution.attributions`) on real articles:
`python benchmarks/bench_attribution.py PATH [--text-col COL] [--repeat N]`.

Reads a table of articles (`.csv`, `.csv.gz`, `.jsonl`, `.parquet`; e.g. the AllSides Middle
East articles, `--text-col content_original`), normalises the texts as framing does, and times
`attributions` alone (best of N runs, one core). Prints MB/s (UTF-8 bytes of the normalised
texts), the rows found, and, for comparison, the time of the parts every run needs whatever the
rules: the candidate regex, the quotation spans, and `sentence_spans` over every text.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from framing.analyses.attribution import attributions, load_verb_classes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import best_time, stage_corpus

from framing.quotes import quote_spans
from framing.sentences import sentence_spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--text-col", default="content_original")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    corpus, labels, texts, mb = stage_corpus(args.path, args.text_col)
    verbs = load_verb_classes()
    rows = attributions(corpus, labels, verbs=verbs)
    total = best_time(lambda: attributions(corpus, labels, verbs=verbs), args.repeat)
    scan = best_time(lambda: [len(verbs._scanner.findall(t)) for t in texts], args.repeat)
    quotes = best_time(lambda: [quote_spans(t) for t in texts], args.repeat)
    sentences = best_time(lambda: [sentence_spans(t) for t in texts], args.repeat)
    print(f"{len(texts)} documents, {mb:.2f} MB, {len(rows)} attributions "
          f"({rows['verb_class'].value_counts().to_dict()})")
    print(f"attributions: {total:.3f} s = {mb / total:.1f} MB/s")
    print(f"  for comparison: candidate regex {scan:.3f} s ({mb / scan:.0f} MB/s), quotation spans "
          f"{quotes:.3f} s, sentence_spans of every text {sentences:.3f} s ({mb / sentences:.0f} MB/s)")


if __name__ == "__main__":
    main()
