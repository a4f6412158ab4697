"""Retellings at scale: `python benchmarks/bench_retellings.py [PATH] [--text-col COL] [--source-col COL]
[--sizes 25000,50000,100000,200000] [--baseline-sizes 6250,12500,25000] [--repeat renamed|plain] [--jobs N]`.

The corpus at each size is made of the articles of PATH (a CSV or JSON-lines table, e.g. the
AllSides Middle East articles with `--text-col content_original`) or, without PATH, of synthetic
one-topic articles (stories of two to five tellings among 20 sources: words of the seeds, words
of the topic, and the story's own names). The first copy is the articles as they are; each
further copy (`--repeat renamed`, the default) is a new set of stories on the same topic: every
word found in at most 2% of the articles (names, places, details) gets a suffix naming the copy,
and one paragraph in ten is dropped, so copies share the topic's vocabulary and not their
stories', as a larger corpus about one topic would. `--repeat plain` repeats the articles
unchanged (every story then grows with the corpus: the worst case for the candidates).

Per size, in a fresh process: the vectors (`term_counts` on `--jobs` processes, default all
cores from 5 MB, then `weigh`), then `retellings(corpus, labels, vectors=...)`: seconds (and CPU
seconds, which other users of a shared machine disturb less), articles per second, the peak memory of the main process above the texts (Linux: VmHWM after a
reset through /proc/self/clear_refs; the counting workers' memory comes on top), the pairs found,
and how many of the stories of the first copy each copy tells again: the share of the pairs of
the first copy alone (synthetic: of the true story pairs) found again between the same articles
of each copy ("recall"), and the share of pairs found that are such pairs ("precision"). At the
baseline sizes, the same vectors also go through the full products of every article against all
others (the algorithm before issue 10, `full_product_pairs`), with the share of its pairs that
the candidates find. Then the growth exponent between consecutive sizes,
log(t2 / t1) / log(n2 / n1): 1 is linear, 2 quadratic.
"""
from __future__ import annotations

import argparse
import math
import multiprocessing
import re
import resource
import sys
import time
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import read_table

from framing.analyses import retellings as rt
from framing.model import Corpus, Document

_WORD = re.compile(r"[^\W\d_]+")
RARE_SHARE = 0.02  # words in at most this share of the articles are a story's own, renamed per copy
DROP_PARAGRAPHS = 0.1


# --- the algorithm before issue 10, for the baseline -----------------------------------------

def full_product_best_matches(x, group_codes: np.ndarray) -> pd.DataFrame:
    """Every document's most similar document in each other group, from the full block products
    of all documents against all (the cost grows with the square of the documents)."""
    parts = []
    for row, col, val in rt.block_products(x, x):
        other = group_codes[col] != group_codes[row]
        row, col, val = row[other], col[other], val[other]
        key = row.astype(np.int64) * (group_codes.max() + 1) + group_codes[col]
        order = np.lexsort((col, -val, key))
        key, row, col, val = key[order], row[order], col[order], val[order]
        first = np.concatenate([[True], key[1:] != key[:-1]]) if len(key) else np.array([], bool)
        parts.append(pd.DataFrame({"doc": row[first], "group": group_codes[col[first]], "best": col[first],
                                   "similarity": val[first]}))
    if not parts:
        return pd.DataFrame(columns=["doc", "group", "best", "similarity"])
    return pd.concat(parts, ignore_index=True)


def full_product_pairs(x, codes: np.ndarray, threshold: float) -> np.ndarray:
    """`retellings._similar_pairs` as it was before issue 10: mutual best matches of the full products."""
    if x.shape[1] == 0:
        return np.zeros((0, 3), dtype=np.int64)
    best = full_product_best_matches(x, codes)
    best = best[best["similarity"] >= threshold]
    if np.bincount(codes).max() == 1:
        best = best.sort_values(["doc", "similarity", "best"], ascending=[True, False, True], kind="mergesort")
        best = best.drop_duplicates("doc")
        lookup = pd.Series(best["best"].to_numpy(), index=best["doc"].to_numpy())
        back = lookup.reindex(best["best"].to_numpy()).to_numpy()
    else:
        n_groups = int(codes.max()) + 1
        lookup = pd.Series(best["best"].to_numpy(), index=best["doc"].to_numpy() * n_groups + best["group"].to_numpy())
        back = lookup.reindex(best["best"].to_numpy() * n_groups + codes[best["doc"].to_numpy()]).to_numpy()
    return rt._joined(best[back == best["doc"].to_numpy()], x.shape[0], codes)


# --- corpora ---------------------------------------------------------------------------------

def real_articles(path: Path, text_col: str, source_col: str) -> pd.DataFrame:
    raw = read_table(path)[[text_col, source_col]].dropna()
    raw.columns = ["text", "source"]
    return raw.astype(str).reset_index(drop=True).assign(story=None)


def synthetic_articles(n: int = 1000, sources: int = 20, seed: int = 3) -> pd.DataFrame:
    """One-topic articles, stories told by two to five sources each. A telling: 400 words drawn
    from a Zipf law over 20,000 invented words (the language, frequent words first), 20 of 60
    words of the topic, the story's 30 words (its names and details, each telling using about
    two thirds of them), and the seed texts' punctuation of paragraphs."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("bcdfghjklmnprstvwz"))
    vowels = np.array(list("aeiou"))

    def invent(k: int) -> np.ndarray:
        syllables = rng.choice(letters, (k, 4)).astype(object) + rng.choice(vowels, (k, 4)).astype(object)
        return np.array(["".join(row[: 2 + i % 3]) for i, row in enumerate(syllables)], dtype=object)

    language = invent(20_000)
    zipf = 1 / np.arange(1, len(language) + 1) ** 1.1
    zipf /= zipf.sum()
    topic = invent(60)
    rows, story = [], 0
    while len(rows) < n:
        own = rng.choice(language, 30, replace=False)
        for source in rng.choice(sources, size=int(rng.integers(2, 6)), replace=False):
            words = [*rng.choice(language, 400, p=zipf), *rng.choice(topic, 20),
                     *[w for w in own if rng.random() < 2 / 3 for _ in range(int(rng.integers(1, 3)))]]
            words = [words[i] for i in rng.permutation(len(words))]
            paragraphs = [" ".join(words[i:i + 60]) + "." for i in range(0, len(words), 60)]
            rows.append({"text": "\n\n".join(paragraphs), "source": f"S{source:02d}", "story": f"story{story}"})
        story += 1
    return pd.DataFrame(rows[:n])


def _templates(texts: list[str]) -> list[list[list[str]]]:
    """Each text's paragraphs, each cut right after every rare word: a copy joins the pieces with
    its suffix, one C call per paragraph."""
    df: dict[str, int] = {}
    for t in texts:
        for w in set(_WORD.findall(t.lower())):
            df[w] = df.get(w, 0) + 1
    rare = {w for w, k in df.items() if k <= max(1, RARE_SHARE * len(texts))}
    out = []
    for t in texts:
        paragraphs = []
        for para in t.split("\n"):
            if para.strip():
                pieces, last = [], 0
                for m in _WORD.finditer(para):
                    if m.group().lower() in rare:
                        pieces.append(para[last:m.end()])
                        last = m.end()
                paragraphs.append([*pieces, para[last:]])
        out.append(paragraphs)
    return out


def _suffix(copy: int) -> str:
    s = ""
    while True:
        s, copy = chr(97 + copy % 26) + s, copy // 26
        if not copy:
            return "q" + s


def scaled(base: pd.DataFrame, n: int, repeat: str, seed: int = 0) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """n articles, copy after copy of `base` (the first copy as it is): texts, sources, and each
    article's row in `base` and copy number."""
    rng = np.random.default_rng(seed)
    texts = base["text"].tolist()
    templates = _templates(texts) if repeat == "renamed" else None
    out, sources = [], base["source"].tolist()
    orig, copy = np.arange(n) % len(base), np.arange(n) // len(base)
    for a, c in zip(orig.tolist(), copy.tolist()):
        if c == 0 or templates is None:
            out.append(texts[a])
            continue
        paragraphs = templates[a]
        keep = rng.random(len(paragraphs)) >= DROP_PARAGRAPHS
        if not keep.any():
            keep[0] = True
        s = _suffix(c)
        out.append("\n\n".join(s.join(paragraphs[i]) for i in np.flatnonzero(keep)))
    return out, [sources[a] for a in orig], orig, copy


# --- measuring -------------------------------------------------------------------------------

def _reset_peak() -> int:
    """Resets the peak resident memory (Linux) and returns the memory resident now, in kB."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    return _status("VmRSS")


def _status(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the counting workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def timed(fn):
    """(result, seconds, CPU seconds, peak MB above the memory resident before). CPU time is
    what the other users of a shared machine slow down least: the growth exponents use both."""
    before = _reset_peak()
    t0, c0 = time.perf_counter(), _cpu()
    out = fn()
    return out, time.perf_counter() - t0, _cpu() - c0, max(_status("VmHWM") - before, 0) / 1024


def _pair_set(frame: pd.DataFrame) -> set[tuple[int, int]]:
    a = frame["doc_a"].str.slice(1).astype(int).to_numpy()
    b = frame["doc_b"].str.slice(1).astype(int).to_numpy()
    return set(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist()))


def quality(found: set[tuple[int, int]], truth: set[tuple[int, int]], n_base: int, n: int,
            same_copy: bool) -> tuple[float, float]:
    """(recall, precision) of `found` (article positions) against the base's story pairs
    `truth` (positions in the base) told again in each copy."""
    orig = {(a, b): (a % n_base, b % n_base) for a, b in found}
    if same_copy:
        hits = sum(1 for (a, b), o in orig.items() if a // n_base == b // n_base and tuple(sorted(o)) in truth)
        told = sum(1 for c in range(-(-n // n_base)) for a, b in truth if c * n_base + b < n)
    else:
        hits = sum(1 for o in orig.values() if tuple(sorted(o)) in truth)
        told = None
    recall = hits / told if told else float("nan")
    return recall, hits / max(len(found), 1)


def run_size(base: pd.DataFrame, truth: set, n: int, args, baseline: bool) -> dict:
    texts, sources, _, _ = scaled(base, n, args.repeat)
    corpus = Corpus("bench", tuple(Document(id=f"a{i}", text=t, source=s) for i, (t, s) in enumerate(zip(texts, sources))))
    mb = sum(map(len, texts)) / 1e6
    counted, t_count, c_count, m_count = timed(lambda: rt.term_counts(texts, n_jobs=args.jobs))
    x, t_weigh, c_weigh, m_weigh = timed(lambda: rt.weigh(counted))
    counted = None  # the counts' memory is not the pairs'
    found, t_pairs, c_pairs, m_pairs = timed(lambda: rt.retellings(corpus, sources, vectors=x))
    pairs = _pair_set(found)
    out = {"n": n, "mb": mb, "vectors": t_count + t_weigh, "pairs": t_pairs, "cpu_pairs": c_pairs,
           "cpu_total": c_count + c_weigh + c_pairs, "mem_vectors": max(m_count, m_weigh),
           "mem_pairs": m_pairs, "found": len(pairs),
           "quality": quality(pairs, truth, len(base), n, args.repeat == "renamed")}
    if baseline:
        with mock.patch.object(rt, "_similar_pairs", full_product_pairs):
            old, t_old, c_old, m_old = timed(lambda: rt.retellings(corpus, sources, vectors=x))
        old_pairs = _pair_set(old)
        strong = _pair_set(old[old["similarity"] >= 0.25])
        out |= {"old_pairs": t_old, "old_cpu": c_old, "old_mem": m_old, "old_found": len(old_pairs),
                "old_quality": quality(old_pairs, truth, len(base), n, args.repeat == "renamed"),
                "old_kept": len(old_pairs & pairs) / max(len(old_pairs), 1),
                "strong_kept": len(strong & pairs) / max(len(strong), 1)}
    return out


def _in_child(conn, *a) -> None:
    try:
        conn.send(run_size(*a))
    except BaseException as exc:  # reported by the parent
        conn.send({"error": repr(exc)})
    conn.close()


def isolated(*a) -> dict:
    """`run_size` in a forked process: each size's peak memory is its own."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_in_child, args=(child, *a))
    proc.start()
    child.close()
    try:
        result = parent.recv()
    except EOFError:
        result = {"error": f"the process ended with code {proc.exitcode} (out of memory?)"}
    proc.join()
    return result


def exponent(rows: list[dict], key: str) -> list[str]:
    out = []
    for r1, r2 in zip(rows, rows[1:]):
        if r1.get(key) and r2.get(key):
            e = math.log(r2[key] / r1[key]) / math.log(r2["n"] / r1["n"])
            out.append(f"{r1['n']:,}->{r2['n']:,}: {e:.2f}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, nargs="?")
    ap.add_argument("--text-col", default="text")
    ap.add_argument("--source-col", default="source")
    ap.add_argument("--sizes", default="25000,50000,100000,200000")
    ap.add_argument("--baseline-sizes", default="6250,12500,25000",
                    help="sizes at which the full products run too (empty: none)")
    ap.add_argument("--repeat", choices=["renamed", "plain"], default="renamed")
    ap.add_argument("--jobs", type=int, default=None, help="processes counting terms (default: all cores from 5 MB)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    base_sizes = {int(s) for s in args.baseline_sizes.split(",") if s}
    base = real_articles(args.path, args.text_col, args.source_col) if args.path else synthetic_articles()
    # The stories of the first copy: the story column (synthetic), else the pairs found in it alone.
    if base["story"].notna().all():
        story = base["story"].to_numpy()
        src = base["source"].to_numpy()
        truth = {(a, b) for a in range(len(base)) for b in range(a + 1, len(base))
                 if story[a] == story[b] and src[a] != src[b]} if len(base) <= 5000 else set()
        what = "true story pairs"
    else:
        corpus = Corpus("base", tuple(Document(id=f"a{i}", text=t, source=s)
                                      for i, (t, s) in enumerate(zip(base["text"], base["source"]))))
        truth = _pair_set(rt.retellings(corpus, base["source"].tolist()))
        what = "pairs found in the first copy alone"
    print(f"{args.path or 'synthetic one-topic articles'}: {len(base):,} articles of {base['source'].nunique()} "
          f"sources, {base['text'].str.len().sum() / 1e6:.1f} MB; {len(truth):,} {what}; repeat: {args.repeat}")
    print(f"{'articles':>9} {'MB':>7} {'vectors s':>9} {'pairs s':>8} {'(cpu)':>7} {'total s':>8} {'(cpu)':>7} "
          f"{'art./s':>7} {'MB vect.':>8} {'MB pairs':>8} {'pairs':>8} {'recall':>6} {'prec.':>6}  algorithm")
    rows, old_rows = [], []
    for n in sorted(set(sizes) | base_sizes):
        r = isolated(base, truth, n, args, n in base_sizes)
        if "error" in r:
            print(f"{n:>9,} failed: {r['error']}", flush=True)
            continue
        r["total"] = r["vectors"] + r["pairs"]
        rec, prec = r["quality"]
        print(f"{n:>9,} {r['mb']:>7.1f} {r['vectors']:>9.1f} {r['pairs']:>8.1f} {r['cpu_pairs']:>7.1f} "
              f"{r['total']:>8.1f} {r['cpu_total']:>7.1f} {n / r['total']:>7.0f} {r['mem_vectors']:>8.0f} "
              f"{r['mem_pairs']:>8.0f} {r['found']:>8,} {rec:>6.3f} {prec:>6.3f}  candidates", flush=True)
        rows.append(r)
        if "old_pairs" in r:
            rec, prec = r["old_quality"]
            total = r["vectors"] + r["old_pairs"]
            print(f"{'':>9} {'':>7} {'':>9} {r['old_pairs']:>8.1f} {r['old_cpu']:>7.1f} {total:>8.1f} {'':>7} "
                  f"{n / total:>7.0f} {'':>8} {r['old_mem']:>8.0f} {r['old_found']:>8,} {rec:>6.3f} {prec:>6.3f}  "
                  f"full products (baseline): {r['pairs'] / r['old_pairs']:.2f}x the time; {r['old_kept']:.1%} of "
                  f"its pairs found, {r['strong_kept']:.1%} of those with cosine >= 0.25", flush=True)
            old_rows.append({"n": n, "pairs": r["old_pairs"], "cpu_pairs": r["old_cpu"], "mem_pairs": r["old_mem"]})
    print("growth exponents (1 = linear, 2 = quadratic):")
    for label, rs, key in [("candidates, pairs", rows, "pairs"), ("candidates, pairs (cpu)", rows, "cpu_pairs"),
                           ("candidates, total", rows, "total"), ("candidates, total (cpu)", rows, "cpu_total"),
                           ("candidates, memory of pairs", rows, "mem_pairs"),
                           ("full products, pairs", old_rows, "pairs"), ("full products, pairs (cpu)", old_rows, "cpu_pairs"),
                           ("full products, memory of pairs", old_rows, "mem_pairs")]:
        if len(rs) > 1:
            print(f"  {label}: " + "; ".join(exponent(rs, key)))


if __name__ == "__main__":
    main()
