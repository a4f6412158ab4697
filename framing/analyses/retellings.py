"""Retellings: articles of different sources that tell the same story, found without reading
every pair.

Each article becomes a TF-IDF vector of the project's own tokens (the tokenizer of every count;
scikit-learn's English stop words and numbers left out), sublinear term frequency, cut to its
`TERMS_PER_DOC` heaviest terms and L2-normalised. Cosine similarities come from sparse products
of blocks of `BLOCK` articles against all others, so no Python loop runs over pairs, and the cut
keeps the products sparse: the cost grows with the number of articles times the few articles
that share heavy terms with each, close to linear for news.

Pairs: for every article and every other source, its most similar article there. Two articles
are a pair when each is the other's best match in the other's source (mutual best) and their
similarity is at least `threshold`. When every group is a single article (a corpus without
sources, like the bundled seeds) each article's one best match over all the others is used
instead, since a best match "in each other group" would then be every article.

Pairs join into same-story groups (connected components); when a group holds at most one
article per source, any two of its articles are a pair too, even if neither was the other's
best (three outlets telling one story give three pairs). A group with two articles of one
source is a chain of related stories, and only its direct pairs stand. When the corpus names
its stories (a `story` or `event` column, `story=`), those labels decide instead and TF-IDF
only measures.

Scale: on a corpus about one topic nearly every two articles share a heavy term, so the
products are close to dense (AllSides: 858 of 859 per row) and the cost grows with the square
of the number of articles; an inverted index over rare terms or MinHash would be needed for
200,000 articles. Near-duplicates (`pairs_above`, cosine 0.9 and more) need far less: only the
pairs that share a rare term of each of the two documents are scored.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from ..model import Corpus
from ..tokenize import tokenize

DEFAULT_THRESHOLD = 0.1  # cosine, below which a mutual best match is not a story (benchmarks/validate_basil.py)
TERMS_PER_DOC = 300  # heaviest terms kept per article: sparse products, and on BASIL the same pairs as all terms
BLOCK = 2000
COLUMNS = ["doc_a", "doc_b", "group_a", "group_b", "similarity", "found_by"]
_STOP = frozenset(ENGLISH_STOP_WORDS)


def _terms(text: str) -> list[str]:
    return [t for t in tokenize(text) if t not in _STOP and not t.isdigit()]


def document_vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """documents x terms TF-IDF rows, each cut to its TERMS_PER_DOC heaviest terms, L2-normalised."""
    if not texts:
        return sparse.csr_matrix((0, 0))
    vectorizer = TfidfVectorizer(analyzer=_terms, sublinear_tf=True, norm=None, dtype=np.float64)
    try:
        x = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # no document has a single term
        return sparse.csr_matrix((len(texts), 0))
    x.sort_indices()
    rows, cols, vals = [], [], []
    for i in range(x.shape[0]):
        lo, hi = x.indptr[i], x.indptr[i + 1]
        data = x.data[lo:hi]
        keep = np.argsort(-data, kind="stable")[:TERMS_PER_DOC]
        rows.append(np.full(len(keep), i))
        cols.append(x.indices[lo:hi][keep])
        vals.append(data[keep])
    cut = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=x.shape)
    norms = np.sqrt(np.asarray(cut.multiply(cut).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.diags(1 / norms) @ cut


def block_products(left: sparse.csr_matrix, right: sparse.csr_matrix,
                   block: int = BLOCK) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The nonzero entries of `left @ right.T`, `block` rows of `left` at a time: (row, col,
    value) arrays per block, rows numbered in `left`. With L2-normalised rows, the cosines."""
    for start in range(0, left.shape[0], block):
        s = (left[start:start + block] @ right.T).tocoo()
        yield s.row + start, s.col, s.data


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


def best_matches(x: sparse.csr_matrix, group_codes: np.ndarray) -> pd.DataFrame:
    """For every document and every other group in which some document shares a term with it:
    the most similar document there (ties: the first in corpus order). Columns: doc, group,
    best, similarity (positions, not ids)."""
    parts = []
    for row, col, val in block_products(x, x):
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


def retellings(corpus: Corpus, labels: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD,
               story: Sequence[str | None] | None = None) -> pd.DataFrame:
    """Pairs of articles from different groups that tell the same story, most similar first.

    `labels`: each document's group in corpus order. `story`: each document's story label when
    the corpus names them (then pairs are the documents of different groups sharing a label).
    `found_by`: "story column", "mutual best" or "same story group"."""
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
    docs = corpus.documents
    if len(labels) != len(docs):
        raise ValueError(f"{len(labels)} labels for {len(docs)} documents")
    codes, _ = pd.factorize(pd.Series(list(labels), dtype=object))
    codes = np.asarray(codes, dtype=np.int64)
    x = document_vectors([d.text for d in docs])
    if story is not None:
        pairs = _story_pairs(story, codes)
        found = "story column"
    else:
        pairs, found = _similar_pairs(x, codes, threshold), None
    if not len(pairs):
        return pd.DataFrame(columns=COLUMNS)
    a, b = pairs[:, 0], pairs[:, 1]
    sim = np.asarray(x[a].multiply(x[b]).sum(axis=1)).ravel() if x.shape[1] else np.zeros(len(a))
    out = pd.DataFrame({"doc_a": [docs[i].id for i in a], "doc_b": [docs[i].id for i in b],
                        "group_a": [labels[i] for i in a], "group_b": [labels[i] for i in b],
                        "similarity": np.round(sim, 6),
                        "found_by": found if found else pairs[:, 2]})
    if found is None:
        out["found_by"] = np.where(pairs[:, 2] == 1, "mutual best", "same story group")
    return out.sort_values(["similarity", "doc_a", "doc_b"], ascending=[False, True, True], kind="mergesort",
                           ignore_index=True)


def _story_pairs(story: Sequence[str | None], codes: np.ndarray) -> np.ndarray:
    by_story: dict[str, list[int]] = {}
    for i, s in enumerate(story):
        if s:
            by_story.setdefault(str(s), []).append(i)
    pairs = [(i, j, 0) for members in by_story.values() for k, i in enumerate(members) for j in members[k + 1:]
             if codes[i] != codes[j]]
    return np.array(pairs, dtype=np.int64).reshape(-1, 3)


def _similar_pairs(x: sparse.csr_matrix, codes: np.ndarray, threshold: float) -> np.ndarray:
    """(a, b, 1 if mutual best else 2) with a < b, for pairs of documents of different groups."""
    if x.shape[1] == 0:
        return np.zeros((0, 3), dtype=np.int64)
    best = best_matches(x, codes)
    best = best[best["similarity"] >= threshold]
    if np.bincount(codes).max() == 1:
        # Every group is one document (a corpus without sources): "its best match in each other
        # group" would be every other document, so the best match is taken over all of them.
        best = best.sort_values(["doc", "similarity", "best"], ascending=[True, False, True], kind="mergesort")
        best = best.drop_duplicates("doc")
        lookup = pd.Series(best["best"].to_numpy(), index=best["doc"].to_numpy())
        back = lookup.reindex(best["best"].to_numpy()).to_numpy()
        mutual = best[back == best["doc"].to_numpy()]
        return _joined(mutual, x.shape[0], codes)
    n_groups = int(codes.max()) + 1
    lookup = pd.Series(best["best"].to_numpy(), index=best["doc"].to_numpy() * n_groups + best["group"].to_numpy())
    back = lookup.reindex(best["best"].to_numpy() * n_groups + codes[best["doc"].to_numpy()]).to_numpy()
    mutual = best[back == best["doc"].to_numpy()]
    return _joined(mutual, x.shape[0], codes)


def _joined(mutual: pd.DataFrame, n: int, codes: np.ndarray) -> np.ndarray:
    a = np.minimum(mutual["doc"].to_numpy(), mutual["best"].to_numpy())
    b = np.maximum(mutual["doc"].to_numpy(), mutual["best"].to_numpy())
    direct = np.unique(np.column_stack([a, b]), axis=0) if len(a) else np.zeros((0, 2), dtype=np.int64)
    graph = sparse.csr_matrix((np.ones(len(direct)), (direct[:, 0], direct[:, 1])), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    found = {(int(i), int(j)) for i, j in direct}
    extra = []
    sizes = np.bincount(component)
    for c in np.flatnonzero(sizes > 2):
        members = np.flatnonzero(component == c)
        if len(np.unique(codes[members])) < len(members):
            # Two articles of one source in a chain of pairs: a chain of related stories, not one
            # story told once by each outlet. Only its direct pairs stand.
            continue
        for k, i in enumerate(members):
            for j in members[k + 1:]:
                if codes[i] != codes[j] and (int(i), int(j)) not in found:
                    extra.append((int(i), int(j)))
    rows = [(i, j, 1) for i, j in sorted(found)] + [(i, j, 2) for i, j in extra]
    return np.array(rows, dtype=np.int64).reshape(-1, 3)
