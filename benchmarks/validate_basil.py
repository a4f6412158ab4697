"""Same-story pairs against BASIL's event ids: `python benchmarks/validate_basil.py DIR`.

DIR is shared/corpora/basil_2019_fox_nyt_hpo (100 events, each told by Fox News, the New York
Times and HuffPost; see its SOURCE.md). The event column (`triplet-uuid`) is the truth and is
never shown to framing. Printed: precision and recall of framing's pairs (mutual best matches
among the candidates, joined into same-story groups), and, as baselines measured in the same run
on the same vectors: the same with the full products of every article against all others (the
algorithm before issue 10, `bench_retellings.full_product_pairs`), mutual best matches alone,
and a plain similarity threshold.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from framing import load_corpus
from framing.analyses import retellings as rt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_retellings import full_product_pairs


def load(folder: Path) -> pd.DataFrame:
    df = pd.read_json(folder / "articles.jsonl.gz", lines=True)
    df["source"] = df["source"].str.lower()
    df["text"] = ["\n\n".join(" ".join(p) for p in paras) for paras in df["body-paragraphs"]]
    # A few uuids are the string "empty": the file name is the id.
    df["id"] = [Path(f).stem for f in df["_file"]]
    return df[["id", "source", "title", "text", "triplet-uuid"]]


def score(pairs: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float]:
    hit = len(pairs & truth)
    return hit / max(len(pairs), 1), hit / max(len(truth), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--threshold", type=float, default=rt.DEFAULT_THRESHOLD)
    args = ap.parse_args()
    df = load(args.folder)
    event = dict(zip(df["id"], df["triplet-uuid"]))
    corpus = load_corpus(df.drop(columns=["triplet-uuid"]), name="basil")
    labels = [d.source for d in corpus.documents]
    ids = [d.id for d in corpus.documents]
    truth = {tuple(sorted((a, b))) for a in ids for b in ids
             if a < b and event[a] == event[b] and labels[ids.index(a)] != labels[ids.index(b)]}
    t0 = time.perf_counter()
    found = rt.retellings(corpus, labels, threshold=args.threshold)
    elapsed = time.perf_counter() - t0
    mb = sum(len(d.text) for d in corpus.documents) / 1e6
    ours = {tuple(sorted(p)) for p in zip(found["doc_a"], found["doc_b"])}
    p, r = score(ours, truth)
    print(f"{len(corpus)} articles, {len(truth)} true cross-outlet pairs, {mb:.1f} MB in {elapsed:.2f} s")
    print(f"framing (mutual best, joined into story groups, cosine >= {args.threshold}): "
          f"precision {p:.3f} recall {r:.3f} ({len(ours)} pairs)")
    mutual = {tuple(sorted(p)) for p, how in zip(zip(found["doc_a"], found["doc_b"]), found["found_by"])
              if how == "mutual best"}
    p, r = score(mutual, truth)
    print(f"baseline, mutual best alone (same threshold): precision {p:.3f} recall {r:.3f}")
    x = rt.document_vectors([d.text for d in corpus.documents])
    codes = np.asarray(pd.factorize(pd.Series(labels))[0], dtype=np.int64)
    a, b = rt.candidate_pairs(x, codes)
    full = full_product_pairs(x, codes, args.threshold)
    full = {tuple(sorted((ids[i], ids[j]))) for i, j, _ in full}
    p, r = score(full, truth)
    print(f"baseline, full products (before issue 10, same rules): precision {p:.3f} recall {r:.3f} "
          f"({len(full)} pairs; {len(ours & full)} in common); the candidates scored: {len(a):,} pairs, "
          f"{len(a) / max(len(ids) * (len(ids) - 1) / 2, 1):.1%} of all")
    sim = (x @ x.T).toarray()
    for t in (0.2, 0.3, 0.4):
        plain = {tuple(sorted((ids[i], ids[j]))) for i, j in zip(*np.nonzero(np.triu(sim, 1) >= t))
                 if codes[i] != codes[j]}
        p, r = score(plain, truth)
        print(f"baseline, plain threshold cosine >= {t}: precision {p:.3f} recall {r:.3f}")


if __name__ == "__main__":
    sys.exit(main())
