"""Retellings: articles of different sources that tell the same story, found without reading
every pair, in time and memory that grow linearly with the number of articles.

Each article becomes a TF-IDF vector of the project's own tokens (the tokenizer of every count;
scikit-learn's English stop words and numbers left out), sublinear term frequency, cut to its
`TERMS_PER_DOC` heaviest terms and L2-normalised: `term_counts` (on all cores from 5 MB of
text), then `weigh`. The counts can be weighed again for some of the texts, so cleaning's near
duplicates and the retellings of the cleaned corpus tokenize it once (`corpus_vectors`).

Candidates: two articles are candidates when they share one of the `CANDIDATE_TERMS` heaviest
terms of each of them and each is among the `POSTINGS` articles that term weighs most in
(`candidate_terms`). No term then links more than POSTINGS articles, so a row of the candidates'
sparse products has at most CANDIDATE_TERMS x POSTINGS entries however many articles there are
(on a corpus about one topic the full products are dense: AllSides, 858 of 859 per row). The
products' values (the cosine over those heavy terms alone) only rank the candidates: each
article keeps its `CANDIDATES` best in each other group (`candidate_pairs`), and those pairs are
scored with the full vectors (`cosines`). No Python loop runs over pairs.

Pairs: for every article and every other source, its most similar candidate there. Two articles
are a pair when each is the other's best match in the other's source (mutual best) and their
similarity is at least `threshold`. A mutual best of the full products is found whenever its two
articles are candidates (a best match of all articles is the best of fewer): on BASIL every one
is, and the pairs are those of the full products; on AllSides 98% of the full products' pairs
are found, and every one with a cosine of 0.25 or more. What differs is weak pairs (cosine 0.1
to 0.2) of related stories, the README's limit: an article whose best match is not among its
candidates can pair with a weaker one (`benchmarks/bench_retellings.py` measures it at scale).
When every group is a single article (a corpus without sources, like the bundled seeds) each
article's one best match over all the others is used instead, since a best match "in each other
group" would then be every article.

Pairs join into same-story groups (connected components); when a group holds at most one
article per source, any two of its articles are a pair too, even if neither was the other's
best (three outlets telling one story give three pairs). A group with two articles of one
source is a chain of related stories, and only its direct pairs stand. When the corpus names
its stories (a `story` or `event` column, `story=`), those labels decide instead and TF-IDF
only measures.

Near-duplicates (`pairs_above`, cosine 0.9 and more) are exact rather than ranked: only the
pairs that share a rare term of each of the two documents can reach the threshold, and all of
them are scored.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..model import Corpus
from ..ngram_items import breaks, items
from ..workers import default_jobs, process_pool

DEFAULT_THRESHOLD = 0.1  # cosine, below which a mutual best match is not a story (benchmarks/validate_basil.py)
TERMS_PER_DOC = 300  # heaviest terms kept per article: sparse products, and on BASIL the same pairs as all terms
# The candidates (benchmarks/bench_retellings.py): on AllSides repeated to 6,250 articles, 50
# terms find 84% of the full products' pairs, 100 terms 95%; 200 postings rather than 100 and 5
# candidates per group rather than 3 each add about one point, and fewer weak pairs of their own.
CANDIDATE_TERMS = 100  # heaviest terms per article through which candidates are found
POSTINGS = 200  # articles a term links at most: those it weighs most in (a story's words are in fewer)
CANDIDATES = 3  # per article and other group, the candidates scored with the full vectors
BLOCK = 2000
BLOCK_ENTRIES = 4_000_000  # entries of one block of the candidates' products (about 100 MB of work arrays)
PARALLEL_MIN_CHARS = 5_000_000  # below this, starting worker processes costs more than they save
# (FRAMING_PARALLEL_MIN_CHARS replaces it: see framing.workers)
PAIR_CHUNK = 20_000  # pairs scored at once by `cosines`: bounds the memory of the rows copied
COLUMNS = ["doc_a", "doc_b", "group_a", "group_b", "similarity", "found_by"]


@functools.cache
def _stop_words() -> frozenset[str]:
    # Imported when first needed: scikit-learn takes seconds to import, and cleaning (which every
    # worker of `framing count` imports for boilerplate) reaches this module.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@dataclass(frozen=True, eq=False)
class TermCounts:
    """How often each term occurs in each of `texts`: `counts` is texts x terms (whole numbers;
    terms in alphabetical order, scikit-learn's, which decides ties in the cut to TERMS_PER_DOC).
    Weighed by `weigh`, for all texts or for some (`rows`: IDF is that of the rows weighed), so
    one count serves cleaning's near duplicates and the retellings.

    A cache, not a result: pickled (to a worker process), it arrives empty, and whoever needs
    vectors there counts again rather than every worker receiving a matrix of the whole corpus."""

    counts: sparse.csr_matrix
    texts: tuple[str, ...]

    def rows(self, positions: Sequence[int] | np.ndarray) -> TermCounts:
        positions = np.asarray(positions, dtype=np.int64)
        return TermCounts(self.counts[positions], tuple(self.texts[i] for i in positions))

    def positions(self, texts: Sequence[str]) -> np.ndarray | None:
        """The row of each of `texts` (the first row with that text), or None if one was not counted."""
        if self.counts.shape[0] != len(self.texts):
            return None
        row: dict[str, int] = {}
        for i, t in enumerate(self.texts):
            row.setdefault(t, i)
        found = [row.get(t, -1) for t in texts]
        return None if -1 in found else np.asarray(found, dtype=np.int64)

    def __reduce__(self):
        return TermCounts, (sparse.csr_matrix((0, 0), dtype=np.int32), ())


def term_counts(texts: Sequence[str], n_jobs: int | None = None) -> TermCounts:
    """The terms of each text counted: framing's tokens, scikit-learn's English stop words and
    numbers left out; the same counts as scikit-learn's `CountVectorizer(analyzer=...)`. On
    `n_jobs` processes (default: all cores from 5 MB of text), each counting a run of texts with
    its own vocabulary; the vocabularies are then merged, so the counts are the same either way."""
    texts = list(texts)
    if n_jobs is None:
        n_jobs = default_jobs(sum(map(len, texts)), PARALLEL_MIN_CHARS)
    if n_jobs <= 1 or len(texts) < 2 * n_jobs:
        parts = [_count(texts)]
    else:
        step = -(-len(texts) // (2 * n_jobs))  # two runs per process: one slow run does not hold up the rest
        starts = list(range(0, len(texts), step))
        with process_pool(n_jobs, initializer=_share, initargs=(texts,)) as pool:
            parts = list(pool.map(_count_shared, starts, [min(a + step, len(texts)) for a in starts]))
    return _merged(parts, texts)


_Counted = tuple[list[str], np.ndarray, np.ndarray, np.ndarray]  # words, word of each entry, counts, entries per text
_shared: list[str] = []


def _share(texts: list[str]) -> None:
    """Worker initializer: the texts, inherited through fork rather than pickled per task."""
    global _shared
    _shared = texts


def _count_shared(start: int, end: int) -> _Counted:
    return _count(_shared[start:end])


def _count(texts: Sequence[str]) -> _Counted:
    """Every token of each text counted without a Python loop over tokens: discovery's items
    (`framing.ngram_items.items`: Arrow cuts the texts at spaces, the tokenizer runs once per distinct
    chunk), phrase breaks left out, and one sparse sum of (text, word) pairs."""
    words, codes, per_text = items(texts)
    token = ~breaks(words)
    number = np.cumsum(token) - 1  # a token's number among the tokens
    keep = token[codes]
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), per_text)[keep]
    counted = sparse.csr_matrix((np.ones(len(doc), dtype=np.int32), (doc, number[codes[keep]])),
                                shape=(len(texts), int(token.sum())))
    counted.sum_duplicates()
    return (words[token].tolist(), counted.indices.astype(np.int32), counted.data.astype(np.int32),
            np.diff(counted.indptr).astype(np.int64))


def _merged(parts: Sequence[_Counted], texts: list[str]) -> TermCounts:
    """The runs' counts in one matrix: stop words and numbers taken out once per word of the
    vocabulary, not once per token, and the columns numbered in alphabetical order."""
    number: dict[str, int] = {}
    for words, *_ in parts:
        for w in words:
            number.setdefault(w, len(number))
    stop = _stop_words()
    kept = sorted(w for w in number if w not in stop and not w.isdigit())
    column = np.full(len(number), -1, dtype=np.int64)
    column[[number[w] for w in kept]] = np.arange(len(kept))
    col = np.concatenate([np.zeros(0, np.int32)] + [
        column[np.fromiter(map(number.__getitem__, words), dtype=np.int64, count=len(words))].astype(np.int32)[index]
        for words, index, _, _ in parts])
    val = np.concatenate([np.zeros(0, np.int32)] + [p[2] for p in parts])
    lengths = np.concatenate([np.zeros(0, np.int64)] + [p[3] for p in parts])
    keep = col >= 0
    # Each text's entries are consecutive: its row's start is the number of entries kept before it.
    kept_before = np.concatenate([[0], np.cumsum(keep)])
    indptr = kept_before[np.concatenate([[0], np.cumsum(lengths)])]
    counts = sparse.csr_matrix((val[keep], col[keep], indptr), shape=(len(texts), len(kept)))
    counts.sort_indices()
    return TermCounts(counts, tuple(texts))


def _top_in_rows(indptr: np.ndarray, values: np.ndarray, k: int, budget: int = 1 << 22) -> np.ndarray:
    """Which entries of a compressed sparse matrix (`indptr`, `values`, rows' entries in order)
    are among the `k` largest of their row (ties: the first entry). Rows longer than `k` are
    sorted side by side, padded to the longest of each chunk of about `budget` entries, with the
    rows ordered by length so that padding stays small: a sort along a short axis per chunk,
    instead of one sort of every entry by (row, value)."""
    indptr = np.asarray(indptr, dtype=np.int64)
    lengths = np.diff(indptr)
    keep = np.repeat(lengths <= k, lengths)
    long = np.flatnonzero(lengths > k)
    long = long[np.argsort(lengths[long], kind="stable")]
    i = 0
    while i < len(long):
        j = min(len(long), i + max(1, budget // int(lengths[long[i]])))
        while j > i + 1 and (j - i) * int(lengths[long[j - 1]]) > budget:  # the longest is the last
            j = i + max(1, budget // int(lengths[long[j - 1]]))
        rows = long[i:j]
        width = int(lengths[rows[-1]])
        padded = np.full((len(rows), width), np.inf)
        local = np.repeat(np.arange(len(rows)), lengths[rows])
        entry = np.arange(int(lengths[rows].sum())) - np.repeat(np.cumsum(lengths[rows]) - lengths[rows], lengths[rows])
        padded[local, entry] = -values[np.repeat(indptr[rows], lengths[rows]) + entry]
        top = np.argsort(padded, axis=1, kind="stable")[:, :k]
        keep[(indptr[rows][:, None] + top).ravel()] = True
        i = j
    return keep


def weigh(found: TermCounts, terms_per_doc: int = TERMS_PER_DOC) -> sparse.csr_matrix:
    """TF-IDF rows of the counted texts, as scikit-learn's `TfidfVectorizer(sublinear_tf=True,
    norm=None)` weighs them (1 + log tf, smoothed IDF of these rows), each cut to its
    `terms_per_doc` heaviest terms (ties: the first in alphabetical order) and L2-normalised."""
    counts = found.counts
    n = counts.shape[0]
    if counts.nnz == 0:
        return sparse.csr_matrix(counts.shape)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + n) / (1 + df)) + 1
    val = (np.log(counts.data.astype(np.float64)) + 1) * idf[counts.indices]
    keep = _top_in_rows(counts.indptr, val, terms_per_doc)  # each row's entries by column: ties by column
    indptr = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])[counts.indptr]
    val, indices = val[keep], counts.indices[keep]
    # The same operations, in the same order, as scikit-learn's rows and scipy's norms: the
    # vectors are bit for bit those of TfidfVectorizer (tests/analyses/test_retellings.py).
    norms = np.sqrt(np.asarray(sparse.csr_matrix((val * val, indices, indptr), shape=counts.shape).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix((val * np.repeat(1 / norms, np.diff(indptr)), indices, indptr), shape=counts.shape)


def document_vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """documents x terms TF-IDF rows, each cut to its TERMS_PER_DOC heaviest terms, L2-normalised."""
    if not texts:
        return sparse.csr_matrix((0, 0))
    return weigh(term_counts(texts))


def block_products(left: sparse.csr_matrix, right: sparse.csr_matrix,
                   block: int = BLOCK) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The nonzero entries of `left @ right.T`, `block` rows of `left` at a time: (row, col,
    value) arrays per block, rows numbered in `left`. With L2-normalised rows, the cosines."""
    right_t = right.T.tocsr()  # once: a product converts its right side to CSR
    for start in range(0, left.shape[0], block):
        s = (left[start:start + block] @ right_t).tocoo()
        yield s.row + start, s.col, s.data


def cosines(x: sparse.csr_matrix, a: np.ndarray, b: np.ndarray, chunk: int = PAIR_CHUNK) -> np.ndarray:
    """The dot products of rows a[i] and b[i] of `x` (cosines, for L2-normalised rows), `chunk`
    pairs at a time (each pair's two sorted rows merged by scipy: faster than looking terms up
    in a table, which is bound by memory latency)."""
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    if x.shape[1] == 0 or not len(a):
        return np.zeros(len(a))
    x = x.tocsr()
    parts = [np.asarray(x[a[i:i + chunk]].multiply(x[b[i:i + chunk]]).sum(axis=1)).ravel()
             for i in range(0, len(a), chunk)]
    return np.concatenate(parts)


def candidate_terms(x: sparse.csr_matrix, terms: int = CANDIDATE_TERMS, postings: int = POSTINGS) -> sparse.csr_matrix:
    """`x` with only the entries that find candidates: each row's `terms` heaviest, and of those,
    each column's `postings` heaviest (ties: the first row). A term of more articles than that
    says little about which story an article tells; cutting it keeps `q @ q.T` at no more than
    terms x postings entries per row."""
    x = x.tocsr()
    x.sort_indices()
    keep = _top_in_rows(x.indptr, x.data, terms)
    c = x.tocoo()
    by_row = sparse.csr_matrix((c.data[keep], (c.row[keep], c.col[keep])), shape=x.shape)
    by_column = by_row.tocsc()
    by_column.sort_indices()
    keep = _top_in_rows(by_column.indptr, by_column.data, postings)
    c = by_column.tocoo()
    return sparse.csr_matrix((c.data[keep], (c.row[keep], c.col[keep])), shape=x.shape)


def candidate_pairs(x: sparse.csr_matrix, groups: np.ndarray, *, per_group: int = CANDIDATES, pooled: bool = False,
                    terms: int = CANDIDATE_TERMS, postings: int = POSTINGS,
                    block_entries: int = BLOCK_ENTRIES) -> tuple[np.ndarray, np.ndarray]:
    """Pairs a < b of rows of different `groups` to score in full: for every row and every other
    group, the `per_group` rows there most similar over the `candidate_terms` (ties: the first);
    with `pooled`, the `per_group` most similar rows of all other groups together.

    The rows are put group by group (in their order within each), so that in each row of a
    block product the entries of one group are a run: the best of every run is then found
    `per_group` times over, by a maximum per run, without sorting the entries."""
    groups = np.asarray(groups, dtype=np.int64)
    n = len(groups)
    if n < 2 or x.shape[1] == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    perm = np.argsort(groups, kind="stable")
    g = groups[perm]
    q = candidate_terms(x, terms, postings)[perm]
    right = q.T.tocsr()
    # Blocks of rows whose products have at most about `block_entries` entries (a row's are at
    # most the articles of its terms), so that memory stays bounded whatever the caps.
    work = np.cumsum(q.astype(bool).astype(np.int64) @ np.diff(right.indptr))
    ends = np.unique(np.r_[np.searchsorted(work, np.arange(block_entries, work[-1], block_entries)), n])
    codes = [np.zeros(0, np.int64)]
    for start, end in zip(np.r_[0, ends[:-1]], ends):
        if end <= start:
            continue
        s = q[start:end] @ right
        s.sort_indices()
        row = np.repeat(np.arange(start, end), np.diff(s.indptr))
        col, val = s.indices.astype(np.int64), s.data.copy()
        other = g[col] != g[row]
        row, col, val = row[other], col[other], val[other]
        if not len(row):
            continue
        new = np.ones(len(row), dtype=bool)
        new[1:] = (row[1:] != row[:-1]) if pooled else (row[1:] != row[:-1]) | (g[col[1:]] != g[col[:-1]])
        starts = np.flatnonzero(new)
        run = np.cumsum(new) - 1
        chosen = np.zeros(len(row), dtype=bool)
        for _ in range(per_group):
            top = np.maximum.reduceat(val, starts)
            hits = np.flatnonzero((val == top[run]) & (val >= 0))
            if not len(hits):
                break
            first = hits[np.r_[True, run[hits[1:]] != run[hits[:-1]]]]  # the first best of each run
            chosen[first] = True
            val[first] = -1.0
        a, b = perm[row[chosen]], perm[col[chosen]]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
    code = distinct(np.concatenate(codes))
    return code // n, code % n


def distinct(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` of a 1-d array, by one sort: NumPy 2.4's `np.unique` hashes first,
    16 times slower on a million pair codes (1.16 s against 0.07 s)."""
    values = np.sort(values, kind="stable")
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def heavy_terms(x: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Each row of `x` (L2-normalised) cut to its heaviest terms, dropping the lightest ones for
    as long as their norm stays below `threshold`. Two rows with cosine >= threshold share a term
    kept here for each of them: without one, the cosine is at most the norm of the dropped terms
    (Cauchy-Schwarz; the "prefix filter" of Bayardo, Ma & Srikant 2007, WWW)."""
    x = x.tocoo()
    if x.nnz == 0 or threshold <= 0:
        return x.tocsr()
    order = np.lexsort((x.data, x.row))  # each row's terms, lightest first
    row, col, val = x.row[order], x.col[order], x.data[order]
    cum = np.cumsum(val * val)
    starts = np.concatenate([[True], row[1:] != row[:-1]])
    before = np.maximum.accumulate(np.where(starts, np.arange(len(row)), 0))  # first entry of the row
    within = cum - np.concatenate([[0.0], cum])[before]  # squared norm of the row's terms so far
    keep = within >= threshold * threshold * (1 - 1e-9)
    return sparse.csr_matrix((val[keep], (row[keep], col[keep])), shape=x.shape)


def pairs_above(x: sparse.csr_matrix, threshold: float, *, block: int = BLOCK,
                budget: int = 4_000_000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All pairs a < b of rows of `x` (non-negative, L2-normalised, as `document_vectors` makes
    them) whose cosine is at least `threshold` (> 0), with their cosines, sorted by (a, b).

    Candidates are the pairs in which each row shares one of the other's `heavy_terms` (a sparse
    block product over those terms only) and whose heavy terms leave the cosine able to reach the
    threshold; their cosines come, in chunks of rows, from the product of the rows with their
    candidates (at most `budget` entries) or, when cheaper (short texts), from multiplying each
    candidate pair's two rows. At a high threshold (near-duplicates, 0.9) a short text's heavy
    terms are its one or two rarest, so the cost grows with the documents that share a rare term
    rather than with the square of the corpus: 11,505 headlines give 229,000 entries and 38,680
    candidate pairs, where the full product has 106 million entries."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be above 0 and at most 1, not {threshold!r}")
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    n = x.shape[0]
    if n < 2 or x.shape[1] == 0:
        return empty
    x = x.tocsr()
    heavy = heavy_terms(x, threshold)
    light = x - heavy  # what a row's cosine with any other row can add beyond its heavy terms
    rest = np.sqrt(np.maximum(np.asarray(light.multiply(light).sum(axis=1)).ravel(), 0)) + 1e-9
    codes = []
    for row, col, val in block_products(heavy, x, block):
        # cos(a, b) <= heavy(a) . b + |light(a)|: drop pairs that cannot reach the threshold.
        keep = (row != col) & (val + rest[row] >= threshold)
        row, col = row[keep].astype(np.int64), col[keep].astype(np.int64)
        codes.append(np.minimum(row, col) * n + np.maximum(row, col))
    code = np.concatenate(codes) if codes else np.zeros(0, np.int64)
    # A pair above the threshold shares a heavy term of each of its rows: it was met from both.
    code, seen = np.unique(code, return_counts=True)
    code = code[seen == 2]
    if not len(code):
        return empty
    a, b = code // n, code % n
    rows, first = np.unique(a, return_index=True)
    ends = [*first[1:], len(a)]
    lengths = np.diff(x.indptr)
    out_a, out_b, out_s = [], [], []
    i = 0
    while i < len(rows):  # chunks of rows whose rows x candidates stay within the budget
        j, count = i + 1, ends[i] - first[i]
        while j < len(rows) and (j + 1 - i) * (count + ends[j] - first[j]) <= budget:
            count += ends[j] - first[j]
            j += 1
        lo, hi = first[i], ends[j - 1]
        r, c = rows[i:j], np.unique(b[lo:hi])
        if lengths[a[lo:hi]].sum() + lengths[b[lo:hi]].sum() < len(r) * len(c):
            # Few candidates of short rows: multiply each pair's two rows.
            ga, gb = a[lo:hi], b[lo:hi]
            sims = np.asarray(x[ga].multiply(x[gb]).sum(axis=1)).ravel()
        else:
            s = (x[r] @ x[c].T).tocoo()
            ga, gb, sims = r[s.row], c[s.col], s.data
        keep = (ga < gb) & (sims >= threshold - 1e-12)
        out_a.append(ga[keep])
        out_b.append(gb[keep])
        out_s.append(np.minimum(sims[keep], 1.0))
        i = j
    a, b, sims = np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_s)
    order = np.lexsort((b, a))
    return a[order], b[order], sims[order]


def best_matches(x: sparse.csr_matrix, group_codes: np.ndarray, *, per_group: int = CANDIDATES,
                 pooled: bool = False) -> pd.DataFrame:
    """For every document and every other group in which it has a candidate (`candidate_pairs`,
    in either direction): the most similar candidate there by the full cosine (ties: the first in
    corpus order). Columns: doc, group, best, similarity (positions, not ids)."""
    group_codes = np.asarray(group_codes, dtype=np.int64)
    if x.shape[0] < 2 or x.shape[1] == 0:
        return pd.DataFrame({c: np.zeros(0, np.int64) for c in ("doc", "group", "best")} | {"similarity": np.zeros(0)})
    a, b = candidate_pairs(x, group_codes, per_group=per_group, pooled=pooled)
    sim = cosines(x, a, b)
    doc, best, sim = np.concatenate([a, b]), np.concatenate([b, a]), np.concatenate([sim, sim])
    group = group_codes[best]
    key = doc * (int(group_codes.max()) + 1) + group
    order = np.lexsort((best, -sim, key))
    key, doc, best, group, sim = key[order], doc[order], best[order], group[order], sim[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    return pd.DataFrame({"doc": doc[first], "group": group[first], "best": best[first], "similarity": sim[first]})


def retellings(corpus: Corpus, labels: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD,
               story: Sequence[str | None] | None = None,
               vectors: sparse.csr_matrix | None = None) -> pd.DataFrame:
    """Pairs of articles from different groups that tell the same story, most similar first.

    `labels`: each document's group in corpus order. `story`: each document's story label when
    the corpus names them (then pairs are the documents of different groups sharing a label).
    `vectors`: the documents' `document_vectors` when already made (else they are made here, or
    taken from the corpus's cleaning when it counted these very texts).
    `found_by`: "story column", "mutual best" or "same story group"."""
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
    docs = corpus.documents
    if len(labels) != len(docs):
        raise ValueError(f"{len(labels)} labels for {len(docs)} documents")
    codes, _ = pd.factorize(pd.Series(list(labels), dtype=object))
    codes = np.asarray(codes, dtype=np.int64)
    x = vectors if vectors is not None else corpus_vectors(corpus)
    if x.shape[0] != len(docs):
        raise ValueError(f"{x.shape[0]} vectors for {len(docs)} documents")
    if story is not None:
        pairs = _story_pairs(story, codes)
        found = "story column"
    else:
        pairs, found = _similar_pairs(x, codes, threshold), None
    if not len(pairs):
        return pd.DataFrame(columns=COLUMNS)
    a, b = pairs[:, 0], pairs[:, 1]
    ids = np.array([d.id for d in docs], dtype=object)
    names = np.array(list(labels), dtype=object)
    out = pd.DataFrame({"doc_a": ids[a], "doc_b": ids[b], "group_a": names[a], "group_b": names[b],
                        "similarity": np.round(cosines(x, a, b), 6),
                        "found_by": found if found else pairs[:, 2]})
    if found is None:
        out["found_by"] = np.where(pairs[:, 2] == 1, "mutual best", "same story group")
    return out.sort_values(["similarity", "doc_a", "doc_b"], ascending=[False, True, True], kind="mergesort",
                           ignore_index=True)


def corpus_vectors(corpus: Corpus) -> sparse.csr_matrix:
    """The documents' vectors: weighed from the term counts that cleaning made of these very
    texts when it looked for near duplicates (`Corpus.cleaning.terms`), else counted here."""
    docs = corpus.documents
    counted = getattr(corpus.cleaning, "terms", None)
    if isinstance(counted, TermCounts):
        rows = counted.positions([d.text for d in docs])
        if rows is not None:
            return weigh(counted.rows(rows))
    return document_vectors([d.text for d in docs])


def _story_pairs(story: Sequence[str | None], codes: np.ndarray) -> np.ndarray:
    labelled = np.array([bool(s) for s in story])
    label, _ = pd.factorize(pd.Series([str(s) if s else "" for s in story], dtype=object))
    members = np.flatnonzero(labelled)
    a, b = _pairs_within(np.asarray(label, dtype=np.int64)[members])
    a, b = members[a], members[b]
    other = codes[a] != codes[b]
    pairs = np.column_stack([a[other], b[other], np.zeros(int(other.sum()), dtype=np.int64)])
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))] if len(pairs) else pairs.reshape(-1, 3)


def _pairs_within(group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All pairs i < j of positions with the same `group` value: a loop over the distinct group
    sizes (a few), each a fancy index of every group of that size at once."""
    order = np.argsort(group, kind="stable")
    g = group[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    sizes = np.diff(np.r_[starts, len(g)])
    out_a, out_b = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for size in np.unique(sizes[sizes > 1]):
        firsts = starts[sizes == size]
        members = order[firsts[:, None] + np.arange(size)]  # one row per group, positions ascending
        i, j = np.triu_indices(size, 1)
        out_a.append(members[:, i].ravel())
        out_b.append(members[:, j].ravel())
    return np.concatenate(out_a), np.concatenate(out_b)


def _similar_pairs(x: sparse.csr_matrix, codes: np.ndarray, threshold: float) -> np.ndarray:
    """(a, b, 1 if mutual best else 2) with a < b, for pairs of documents of different groups."""
    if x.shape[1] == 0 or len(codes) < 2:
        return np.zeros((0, 3), dtype=np.int64)
    # Every group one document (a corpus without sources): "its best match in each other group"
    # would be every other document, so the best match is taken over all of them.
    single = bool(np.bincount(codes).max() == 1)
    best = best_matches(x, codes, pooled=single)
    best = best[best["similarity"] >= threshold]
    if single:
        best = best.sort_values(["doc", "similarity", "best"], ascending=[True, False, True], kind="mergesort")
        best = best.drop_duplicates("doc")
        key, back_key = best["doc"].to_numpy(), best["best"].to_numpy()
    else:
        n_groups = int(codes.max()) + 1
        key = best["doc"].to_numpy() * n_groups + best["group"].to_numpy()
        back_key = best["best"].to_numpy() * n_groups + codes[best["doc"].to_numpy()]
    back = pd.Series(best["best"].to_numpy(), index=key).reindex(back_key).to_numpy()
    mutual = best[back == best["doc"].to_numpy()]
    return _joined(mutual, x.shape[0], codes)


def _joined(mutual: pd.DataFrame, n: int, codes: np.ndarray) -> np.ndarray:
    a = np.minimum(mutual["doc"].to_numpy(), mutual["best"].to_numpy()).astype(np.int64)
    b = np.maximum(mutual["doc"].to_numpy(), mutual["best"].to_numpy()).astype(np.int64)
    direct = np.unique(np.column_stack([a, b]), axis=0) if len(a) else np.zeros((0, 2), dtype=np.int64)
    graph = sparse.csr_matrix((np.ones(len(direct)), (direct[:, 0], direct[:, 1])), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    sizes = np.bincount(component)
    # Two articles of one source in a chain of pairs: a chain of related stories, not one story
    # told once by each outlet. Only its direct pairs stand; other groups of three or more join.
    per_source = distinct(component * (int(codes.max()) + 1) + codes)
    sources = np.bincount(per_source // (int(codes.max()) + 1), minlength=len(sizes))
    joins = (sizes > 2) & (sources == sizes)
    members = np.flatnonzero(joins[component])
    ea, eb = _pairs_within(component[members])
    ea, eb = members[ea], members[eb]
    extra = np.column_stack([np.minimum(ea, eb), np.maximum(ea, eb)])
    if len(extra):
        known = direct[:, 0] * n + direct[:, 1]
        extra = extra[~np.isin(extra[:, 0] * n + extra[:, 1], known)]
        extra = extra[np.lexsort((extra[:, 1], extra[:, 0]))]
    return np.concatenate([np.column_stack([direct, np.ones(len(direct), dtype=np.int64)]),
                           np.column_stack([extra, np.full(len(extra), 2, dtype=np.int64)])]).astype(np.int64)
