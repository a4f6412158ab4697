"""Full-vocabulary discovery against Scattertext 0.2.2, in one run on the same corpus:
`python benchmarks/bench_discover.py [--mb 30] [--scattertext-python PYTHON]`.

End to end for both: read a CSV, tokenize, count unigrams and bigrams per source, score every
term by log-odds. framing: `load_corpus` + `analyse` (which also matches the lexicon) +
`vocabulary_comparison` on all cores. Scattertext: `CorpusFromPandas(..., nlp=whitespace_nlp_with_sentences)`
+ `LogOddsRatioUninformativeDirichletPrior` per category, run by PYTHON (a separate environment,
since scattertext 0.2.2 pins an old SciPy: `python -m venv st && st/bin/pip install
scattertext==0.2.2 future six`). Prints MB/s for each and the ratio (target >= 10x).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import documents

from framing import analyse, load_corpus, load_lexicons
from framing.stats import vocabulary_comparison

SCATTERTEXT = textwrap.dedent("""
    import sys, time
    t0 = time.perf_counter()
    import pandas as pd, scattertext as st
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
    print(time.perf_counter() - t0, len(tdf), n)
""")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=30)
    ap.add_argument("--sources", type=int, default=5)
    ap.add_argument("--scattertext-python", metavar="PYTHON", help="interpreter with scattertext 0.2.2 installed")
    args = ap.parse_args()
    texts = documents(args.mb)
    df = pd.DataFrame({"text": texts, "source": [f"outlet{i % args.sources}" for i in range(len(texts))]})
    mb = df["text"].str.len().sum() / 1e6
    print(f"corpus: {len(df)} documents, {mb:.1f} MB, {args.sources} sources")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.csv"
        df.to_csv(path, index=False)
        t0 = time.perf_counter()
        analysis = analyse(load_corpus(path), load_lexicons(["israel-gaza"]))
        result = vocabulary_comparison(analysis, min_count=1)
        ours = time.perf_counter() - t0
        print(f"framing     {ours:7.1f} s  {mb / ours:6.1f} MB/s  ({result['term'].nunique():,} terms scored, "
              f"unigrams and bigrams, all cores)")
        # Why discovery counts with Counter rather than scikit-learn's CountVectorizer: the same
        # n-grams, counted both ways on one core.
        from sklearn.feature_extraction.text import CountVectorizer

        from framing.stats.discover import count_ngrams, ngrams

        sample = [d.text for d in analysis.corpus.documents[: max(1, len(texts) // 6)]]
        t0 = time.perf_counter()
        CountVectorizer(analyzer=ngrams).fit_transform(sample)
        t_cv = time.perf_counter() - t0
        t0 = time.perf_counter()
        count_ngrams([("g", t) for t in sample], n_jobs=1)
        t_counter = time.perf_counter() - t0
        print(f"counting n-grams on one core: CountVectorizer {t_cv:.2f} s, Counter {t_counter:.2f} s "
              f"({t_cv / t_counter:.1f}x)")
        if not args.scattertext_python:
            print("scattertext not run: pass --scattertext-python PYTHON (see --help)")
            return
        proc = subprocess.run([args.scattertext_python, "-c", SCATTERTEXT, str(path)], capture_output=True, text=True)
        if proc.returncode != 0:
            print("scattertext failed:", proc.stderr.strip().splitlines()[-1])
            return
        secs, n_terms, _ = proc.stdout.split()
        theirs = float(secs)
        print(f"scattertext {theirs:7.1f} s  {mb / theirs:6.1f} MB/s  ({int(n_terms):,} terms scored, one core)")
        print(f"ratio       {theirs / ours:7.1f}x faster (target >= 10x)")


if __name__ == "__main__":
    main()
