"""Full-vocabulary discovery against Scattertext 0.2.2, in one run on the same corpus:
`python benchmarks/bench_discover.py [--mb 30] [--text-from CORPUS --text-col COL] [--scattertext-python PYTHON]`.

End to end for both: read a CSV, tokenize, count unigrams and bigrams per source, score every
term by log-odds, each group against the rest. framing: `load_corpus` + `discover` (min_count=1,
all cores), i.e. what `framing discover` does. Scattertext:
`CorpusFromPandas(..., nlp=whitespace_nlp_with_sentences)` + `LogOddsRatioUninformativeDirichletPrior`
per category, run by PYTHON (a separate environment, since scattertext 0.2.2 pins an old SciPy:
`python -m venv st && st/bin/pip install scattertext==0.2.2 future six`). Both timings start after
the imports, each in a fresh process; framing's time is the median of `--repeat` runs (default
3), Scattertext's the median of `--scattertext-repeat` runs (default 1; its import time is printed
apart). Prints MB/s for each and the ratio
(target >= 10x). Also times scikit-learn's CountVectorizer on the same n-grams, one core, as the
baseline that framing.ngrams replaces.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import documents

from framing import load_corpus
from framing.ngrams import STOP_WORDS, count_ngrams
from framing.tokenize import tokenize_phrases

SCATTERTEXT = textwrap.dedent("""
    import sys, time
    t0 = time.perf_counter()
    import pandas as pd, scattertext as st
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    df = pd.read_csv(sys.argv[1], keep_default_na=False)
    corpus = st.CorpusFromPandas(df, category_col="source", text_col="text",
                                 nlp=st.whitespace_nlp_with_sentences).build()
    tdf = corpus.get_term_freq_df()
    n = 0
    for cat in corpus.get_categories():
        col = cat + " freq"
        others = tdf.drop(columns=[col]).sum(axis=1)
        scores = st.LogOddsRatioUninformativeDirichletPrior().get_zeta_i_j_given_separate_counts(
            tdf[col].values, others.values)
        n += len(scores)
    print(time.perf_counter() - t0, len(tdf), n, t_import)
""")


FRAMING = textwrap.dedent("""
    import sys, time
    import framing
    from framing import stats
    lexicons = framing.load_lexicons(["israel-gaza"])
    t0 = time.perf_counter()
    corpus = framing.load_corpus(sys.argv[1])
    t_read = time.perf_counter() - t0
    top = stats.discover(corpus, lexicons, min_count=1)
    print(time.perf_counter() - t0, t_read, len(top))
""")


def candidates(text: str) -> list[str]:
    """framing's candidate n-grams of one text, as a CountVectorizer analyzer."""
    items = tokenize_phrases(text)
    words = [t for t in items if t[0].isalnum() and t not in STOP_WORDS and not t.isdigit()]
    return words + [f"{a} {b}" for a, b in zip(items, items[1:])
                    if a[0].isalnum() and b[0].isalnum() and not (a.isdigit() or b.isdigit())
                    and not (a in STOP_WORDS and b in STOP_WORDS)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=30)
    ap.add_argument("--sources", type=int, default=5)
    ap.add_argument("--text-from", metavar="CORPUS", help="use real articles (any corpus framing reads, repeated "
                    "up to --mb) instead of synthetic text, e.g. the AllSides CSV in ../shared/corpora")
    ap.add_argument("--text-col", default="text", help="text column of --text-from (default: text)")
    ap.add_argument("--repeat", type=int, default=3, help="framing runs (median reported; default 3)")
    ap.add_argument("--scattertext-repeat", type=int, default=1, help="Scattertext runs (median reported; default 1)")
    ap.add_argument("--scattertext-python", metavar="PYTHON", help="interpreter with scattertext 0.2.2 installed")
    args = ap.parse_args()
    if args.text_from:
        from framing import Columns

        real = [d.text for d in load_corpus(args.text_from, Columns(text=args.text_col))]
        texts = (real * max(1, int(np.ceil(args.mb * 1e6 / sum(map(len, real))))))
    else:
        texts = documents(args.mb)
    df = pd.DataFrame({"text": texts, "source": [f"outlet{i % args.sources}" for i in range(len(texts))]})
    mb = df["text"].str.len().sum() / 1e6
    print(f"corpus: {len(df)} documents, {mb:.1f} MB, {args.sources} sources"
          + (f", real text from {args.text_from} (repeated)" if args.text_from else ", synthetic text"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.csv"
        df.to_csv(path, index=False)
        # Each run in a fresh process, as Scattertext's, timed after the imports; the median of
        # --repeat runs, since a shared machine's timings vary from run to run.
        runs = []
        for _ in range(args.repeat):
            proc = subprocess.run([sys.executable, "-c", FRAMING, str(path)], capture_output=True, text=True)
            if proc.returncode != 0:
                sys.exit(f"framing failed: {proc.stderr.strip()}")
            runs.append([float(x) for x in proc.stdout.split()])
        ours, t_read, shown = (float(np.median([r[i] for r in runs])) for i in range(3))
        corpus = load_corpus(path)
        n_terms = len(count_ngrams([d.text for d in corpus.documents], ["g"] * len(corpus)).table()[0])
        print(f"framing     {ours:7.2f} s  {mb / ours:6.1f} MB/s  ({n_terms:,} terms scored, {shown:.0f} shown, "
              f"unigrams and bigrams, all cores; reading {t_read:.2f} s; median of "
              f"{', '.join(f'{r[0]:.2f}' for r in runs)})")
        sample = [d.text for d in corpus.documents[: max(1, len(texts) // 6)]]
        from sklearn.feature_extraction.text import CountVectorizer

        t0 = time.perf_counter()
        CountVectorizer(analyzer=candidates).fit_transform(sample)
        t_cv = time.perf_counter() - t0
        t0 = time.perf_counter()
        count_ngrams(sample, ["g"] * len(sample), n_jobs=1).table()
        t_ours = time.perf_counter() - t0
        print(f"counting the same n-grams of {sum(map(len, sample)) / 1e6:.1f} MB on one core: "
              f"CountVectorizer {t_cv:.2f} s, framing.ngrams {t_ours:.2f} s ({t_cv / t_ours:.1f}x)")
        if not args.scattertext_python:
            print("scattertext not run: pass --scattertext-python PYTHON (see --help)")
            return
        st_runs = []
        for _ in range(args.scattertext_repeat):
            proc = subprocess.run([args.scattertext_python, "-c", SCATTERTEXT, str(path)], capture_output=True,
                                  text=True)
            if proc.returncode != 0:
                print("scattertext failed:", proc.stderr.strip().splitlines()[-1])
                return
            st_runs.append(proc.stdout.split())
        theirs = float(np.median([float(r[0]) for r in st_runs]))
        n_terms, t_import = int(st_runs[0][1]), float(st_runs[0][3])
        print(f"scattertext {theirs:7.2f} s  {mb / theirs:6.1f} MB/s  ({n_terms:,} terms scored, one core; "
              f"import {t_import:.1f} s not counted; median of {', '.join(f'{float(r[0]):.1f}' for r in st_runs)})")
        print(f"ratio       {theirs / ours:7.1f}x faster (target >= 10x)")


if __name__ == "__main__":
    main()
