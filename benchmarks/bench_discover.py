"""Full-vocabulary discovery against Scattertext 0.2.2, in one run on the same corpus:
`python benchmarks/bench_discover.py [--mb 30] [--sources N] [--text-from CORPUS --text-col COL]
[--mix [--short-from CORPUS --short-col COL]] [--scattertext-python PYTHON] [--cli]`.

End to end for both, as whole processes (interpreter start and imports included, timed from
outside): read a CSV, tokenize, count unigrams and bigrams per source, score every term by
log-odds, each group against the rest. framing: `load_corpus` + `discover` (min_count=1, all
cores), what `framing discover` does but for the cleaning step. Scattertext:
`CorpusFromPandas(..., nlp=whitespace_nlp_with_sentences)` + `LogOddsRatioUninformativeDirichletPrior`
per category, run by PYTHON (a separate environment, since scattertext 0.2.2 pins an old SciPy:
`python -m venv st && st/bin/pip install scattertext==0.2.2 future six`). Each run is a fresh
process; framing's time is the median of `--repeat` runs (default 3), Scattertext's the median of
`--scattertext-repeat` runs (default 1). Prints both, the stages inside framing's process
(imports, reading, counting, scoring) and the ratio (target >= 30x).

Corpora: synthetic articles (default; 5 sources), real articles repeated up to --mb
(`--text-from`), or `--mix`: the shape that is hard for discovery, many groups (56 by default)
and many short documents, 4,300 full articles and 31,000 one-sentence documents per 30 MB (the
articles from --text-from, else synthetic; the short ones from --short-from, e.g. the Google-News
Gaza headlines, else synthetic sentences). `--cli` also times `framing discover CSV --quiet`
(which cleans the corpus first: boilerplate and duplicates). Also times scikit-learn's
CountVectorizer on the same n-grams, one core, as the baseline that framing.ngrams replaces.
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import documents

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

# What `framing discover` does (but for cleaning), in stages: imports, reading, counting, scoring.
FRAMING = textwrap.dedent("""
    import sys, time
    t0 = time.perf_counter()
    import framing
    from framing import stats
    lexicons = framing.load_lexicons(["israel-gaza"])
    t1 = time.perf_counter()
    corpus = framing.load_corpus(sys.argv[1])
    t2 = time.perf_counter()
    counts = stats.count_vocabulary(corpus)
    t3 = time.perf_counter()
    top = stats.discover(corpus, lexicons, min_count=1, ngrams=counts)
    t4 = time.perf_counter()
    n_terms = int((counts.column_totals() > 0).sum())
    print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, len(top), n_terms)
""")


def candidates(text: str) -> list[str]:
    """framing's candidate n-grams of one English text, as a CountVectorizer analyzer."""
    from framing.ngrams import STOP_WORDS
    from framing.tokenize import tokenize_phrases

    items = tokenize_phrases(text)
    words = [t for t in items if t[0].isalnum() and t not in STOP_WORDS and not t.isdigit()]
    return words + [f"{a} {b}" for a, b in zip(items, items[1:])
                    if a[0].isalnum() and b[0].isalnum() and not (a.isdigit() or b.isdigit())
                    and not (a in STOP_WORDS and b in STOP_WORDS)]


def real_texts(path: str, col: str) -> list[str]:
    from framing import Columns, load_corpus

    return [d.text for d in load_corpus(path, Columns(text=col))]


def repeated(texts: list[str], chars: float) -> list[str]:
    """`texts` over and over until they hold `chars` characters."""
    out, size = [], 0
    while size < chars:
        for t in texts:
            out.append(t)
            size += len(t)
            if size >= chars:
                break
    return out


def sentences(n: int, seed: int = 2) -> list[str]:
    """`n` synthetic one-sentence documents (a headline's length)."""
    return [d.split(".")[0][:90].strip() or "gaza" for d in documents(n * 100 / 1e6, doc_chars=100, seed=seed)][:n]


def corpus_texts(args) -> tuple[list[str], str]:
    target = args.mb * 1e6
    if args.mix:
        n_short = round(31_000 * args.mb / 30)
        short_pool = real_texts(args.short_from, args.short_col) if args.short_from else sentences(n_short)
        short = [short_pool[i % len(short_pool)] for i in range(n_short)]
        long_pool = real_texts(args.text_from, args.text_col) if args.text_from else documents(args.mb, 5800)
        long = repeated(long_pool, target - sum(map(len, short)))
        texts = long + short
        random.Random(0).shuffle(texts)
        what = (f"mix: {len(long):,} articles ({args.text_from or 'synthetic'}) and {len(short):,} short documents "
                f"({args.short_from or 'synthetic'})")
        return texts, what
    if args.text_from:
        return repeated(real_texts(args.text_from, args.text_col), target), f"real text from {args.text_from} (repeated)"
    return documents(args.mb), "synthetic text"


def whole_process(cmd: list[str]) -> tuple[float, float, str]:
    """Wall time of a fresh process, start to exit, its CPU time (its workers' included: on a
    shared machine the steadier number) and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=30)
    ap.add_argument("--sources", type=int, help="groups (default: 5, with --mix 56)")
    ap.add_argument("--text-from", metavar="CORPUS", help="use real articles (any corpus framing reads, repeated "
                    "up to --mb) instead of synthetic text, e.g. the AllSides CSV in ../shared/corpora")
    ap.add_argument("--text-col", default="text", help="text column of --text-from (default: text)")
    ap.add_argument("--mix", action="store_true", help="many groups and many short documents (see above)")
    ap.add_argument("--short-from", metavar="CORPUS", help="with --mix: the short documents, e.g. the Gaza headlines")
    ap.add_argument("--short-col", default="text", help="text column of --short-from (default: text)")
    ap.add_argument("--repeat", type=int, default=3, help="framing runs (median reported; default 3)")
    ap.add_argument("--scattertext-repeat", type=int, default=1, help="Scattertext runs (median reported; default 1)")
    ap.add_argument("--scattertext-python", metavar="PYTHON", help="interpreter with scattertext 0.2.2 installed")
    ap.add_argument("--cli", action="store_true", help="also time `framing discover CSV --quiet` (with cleaning)")
    args = ap.parse_args()
    sources = args.sources or (56 if args.mix else 5)
    texts, what = corpus_texts(args)
    df = pd.DataFrame({"text": texts, "source": [f"outlet{i % sources}" for i in range(len(texts))]})
    mb = df["text"].str.len().sum() / 1e6
    print(f"corpus: {len(df):,} documents, {mb:.1f} MB, {sources} sources, {what}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.csv"
        df.to_csv(path, index=False)
        runs = []
        for _ in range(args.repeat):
            elapsed, cpu, out = whole_process([sys.executable, "-c", FRAMING, str(path)])
            runs.append((elapsed, [float(x) for x in out.split()], cpu))
        ours, our_cpu = statistics.median(r[0] for r in runs), statistics.median(r[2] for r in runs)
        stages = [statistics.median(r[1][i] for r in runs) for i in range(4)]
        shown, n_terms = int(runs[0][1][4]), int(runs[0][1][5])
        print(f"framing     {ours:7.2f} s  {mb / ours:6.1f} MB/s  whole process ({n_terms:,} terms scored, {shown} shown, "
              f"all cores; CPU {our_cpu:.2f} s; median of {', '.join(f'{r[0]:.2f}' for r in runs)})")
        print(f"            inside: imports and lexicon {stages[0]:.2f} s, reading {stages[1]:.2f} s, "
              f"counting {stages[2]:.2f} s, scoring {stages[3]:.2f} s (the rest: interpreter start and exit)")
        if args.cli:
            cli = [whole_process([sys.executable, "-m", "framing", "discover", str(path), "--quiet"])[0]
                   for _ in range(args.repeat)]
            print(f"framing CLI {statistics.median(cli):7.2f} s  `framing discover --quiet`, whole process, with "
                  f"cleaning (median of {', '.join(f'{t:.2f}' for t in cli)})")
        sample = texts[: max(1, len(texts) // 6)]
        from sklearn.feature_extraction.text import CountVectorizer

        from framing.ngrams import count_ngrams

        t0 = time.perf_counter()
        CountVectorizer(analyzer=candidates).fit_transform(sample)
        t_cv = time.perf_counter() - t0
        t0 = time.perf_counter()
        count_ngrams(sample, ["g"] * len(sample), n_jobs=1, languages=["en"] * len(sample))
        t_ours = time.perf_counter() - t0
        print(f"counting the same n-grams of {sum(map(len, sample)) / 1e6:.1f} MB on one core: "
              f"CountVectorizer {t_cv:.2f} s, framing.ngrams {t_ours:.2f} s ({t_cv / t_ours:.1f}x)")
        if not args.scattertext_python:
            print("scattertext not run: pass --scattertext-python PYTHON (see --help)")
            return
        st_runs = []
        for _ in range(args.scattertext_repeat):
            try:
                elapsed, cpu, out = whole_process([args.scattertext_python, "-c", SCATTERTEXT, str(path)])
            except RuntimeError as exc:
                print("scattertext failed:", exc)
                return
            st_runs.append((elapsed, out.split(), cpu))
        theirs, their_cpu = statistics.median(r[0] for r in st_runs), statistics.median(r[2] for r in st_runs)
        inner, n_st, t_import = float(st_runs[0][1][0]), int(st_runs[0][1][1]), float(st_runs[0][1][3])
        print(f"scattertext {theirs:7.2f} s  {mb / theirs:6.1f} MB/s  whole process ({n_st:,} terms scored, one core; "
              f"CPU {their_cpu:.2f} s; imports {t_import:.1f} s, the work {inner:.1f} s; median of "
              f"{', '.join(f'{r[0]:.1f}' for r in st_runs)})")
        print(f"ratio       {theirs / ours:7.1f}x faster, whole processes (target >= 30x); CPU time "
              f"{their_cpu / our_cpu:.1f}x less")


if __name__ == "__main__":
    main()
