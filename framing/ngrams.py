"""Counting candidate unigrams and bigrams per group, for discovery outside the lexicon.

Candidates: every token (the same tokens as `framing.tokenize`) and every pair of adjacent
tokens in one document with no punctuation or line break between them, except stop words
(scikit-learn's English list, and stopwords-iso's lists of languages in other scripts: Arabic,
Hebrew, Hindi, Persian, Urdu, Russian, Ukrainian, Greek; no download) and numbers as unigrams, bigrams made only of stop
words, and bigrams with a number. Bigrams are formed before stop words are removed, so no bigram
spans a removed word.

Python never loops over tokens: `str.split` cuts a batch into whitespace-separated chunks in C,
one hash pass (`pandas.factorize`) turns them into integer codes, the tokenizer runs over the
distinct chunks only, and bigrams, the stop-word filter and the per-group and per-document
counts are numpy operations on codes. Stop words and numbers are looked up once per distinct
word, not once per occurrence.

Map/reduce: `count_chunk` maps a batch of documents to `NgramCounts` (a pure function of its
input), `NgramCounts.total` sums any number of them, so batches can be counted on any number of
processes or machines and added up in any order with the same result.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .languages import other_script_stop_words
from .progress import Progress, Work
from .tokenize import is_break, phrase_findall, prepare
from .workers import default_jobs, process_pool

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | other_script_stop_words()
_PARALLEL_MIN_CHARS = 5_000_000  # below this, starting worker processes costs more than it saves
# (FRAMING_PARALLEL_MIN_CHARS replaces it: see framing.workers)
BATCH_CHARS = 8_000_000  # per map task: bounds the memory of one batch and paces progress reports
MERGE_EVERY = 8
_DENSE_CELLS = 1 << 24  # groups x n-grams up to which batches are summed in a dense array (128 MB)


@dataclass(frozen=True)
class NgramCounts:
    """How often each unigram and candidate bigram occurs per group, and in how many documents.

    `words` is the vocabulary of tokens (stop words and numbers included, since bigrams are made
    of them); `bigrams` holds pairs of indices into `words`. `counts` and `documents` are
    groups x (words + bigrams) sparse integer matrices, unigram columns first. Word order is the order
    of first appearance; `table` gives a sorted, order-independent view.
    """

    groups: tuple[str, ...]
    words: np.ndarray  # object array of str
    bigrams: np.ndarray  # int64, shape (n_bigrams, 2)
    counts: sparse.csr_matrix  # int64, shape (n_groups, n_words + n_bigrams)
    documents: sparse.csr_matrix  # same shape: documents using the n-gram

    def merge(self, other: NgramCounts) -> NgramCounts:
        """The counts of both batches together (the reduce step)."""
        return NgramCounts.total([self, other])

    @staticmethod
    def total(parts: Sequence[NgramCounts]) -> NgramCounts:
        """The counts of all batches together, in one pass (cheaper than merging pairwise)."""
        if not parts:
            raise ValueError("no counts to add up")
        groups = parts[0].groups
        if any(p.groups != groups for p in parts):
            raise ValueError("cannot merge counts over different groups")
        if len(parts) == 1:
            return parts[0]
        codes, words = pd.factorize(np.concatenate([p.words for p in parts]))
        n_words = len(words)
        word_maps = np.split(codes, np.cumsum([len(p.words) for p in parts])[:-1])
        keys = [m[p.bigrams[:, 0]] * n_words + m[p.bigrams[:, 1]] for m, p in zip(word_maps, parts)]
        bcodes, bkeys = pd.factorize(np.concatenate(keys))
        bigram_maps = np.split(bcodes, np.cumsum([len(k) for k in keys])[:-1])
        columns = [np.concatenate([w, n_words + b]) for w, b in zip(word_maps, bigram_maps)]
        shape = (len(groups), n_words + len(bkeys))
        return NgramCounts(groups, np.asarray(words, dtype=object),
                           np.column_stack([bkeys // n_words, bkeys % n_words]).astype(np.int64),
                           _stack([p.counts for p in parts], columns, shape),
                           _stack([p.documents for p in parts], columns, shape))

    def table(self, min_count: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(terms, counts, documents) of the candidates seen at least `min_count` (and once) in all,
        terms sorted as strings ("a b" for a bigram), whatever the order the batches came in."""
        ids, counts, documents = self.candidates(min_count)
        return self.strings(ids), counts, documents

    def candidates(self, min_count: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`table` with n-gram ids (for `strings`) in place of the terms, which are costly to build
        for every bigram when only a few will be shown."""
        n_words = len(self.words)
        keep = np.asarray(self.counts.sum(axis=0)).ravel() >= max(min_count, 1)
        keep[:n_words] &= _candidate_words(self.words)
        # Rank the words once; a bigram sorts as the pair of its words' ranks, which is its order
        # as a string because the space sorts before every character a token can hold.
        rank = np.empty(n_words, dtype=np.int64)
        rank[_string_order(self.words)] = np.arange(n_words)
        first = np.concatenate([rank, rank[self.bigrams[:, 0]]])
        second = np.concatenate([np.full(n_words, -1), rank[self.bigrams[:, 1]]])
        ids = np.flatnonzero(keep)
        ids = ids[np.lexsort((second[ids], first[ids]))]
        # Column selection is cheap on CSC and slow on CSR.
        return ids, self.counts.tocsc()[:, ids].toarray(), self.documents.tocsc()[:, ids].toarray()

    def tokens(self) -> np.ndarray:
        """Each group's token total (every word, stop words and numbers included): the same
        denominators as the lexicon counts, so both comparisons share one scale."""
        n_words = len(self.words)
        word_counts = self.counts.tocsc()[:, :n_words]
        _, _, mark = _word_kinds(self.words)
        return np.asarray(word_counts[:, np.flatnonzero(~mark)].sum(axis=1)).ravel().astype(np.int64)

    def strings(self, ids: np.ndarray) -> np.ndarray:
        """The terms of n-gram ids: the word, or its two words joined by a space."""
        n_words = len(self.words)
        out = np.empty(len(ids), dtype=object)
        is_word = ids < n_words
        out[is_word] = self.words[ids[is_word]]
        pairs = self.bigrams[ids[~is_word] - n_words]
        out[~is_word] = self.words[pairs[:, 0]] + " " + self.words[pairs[:, 1]]
        return out


def _stack(matrices: Sequence[sparse.csr_matrix], columns: Sequence[np.ndarray],
           shape: tuple[int, int]) -> sparse.csr_matrix:
    """The sum of `matrices`, column j of matrix i moved to `columns[i][j]`."""
    coo = [m.tocoo() for m in matrices]
    rows = np.concatenate([c.row for c in coo]).astype(np.int64)
    cols = np.concatenate([cols[c.col] for c, cols in zip(coo, columns)])
    data = np.concatenate([c.data for c in coo])
    if shape[0] * shape[1] <= _DENSE_CELLS:
        # Summing into a dense array is several times faster than scipy's per-row sort.
        dense = np.bincount(rows * shape[1] + cols, weights=data, minlength=shape[0] * shape[1])
        return sparse.csr_matrix(dense.reshape(shape).astype(np.int64))
    out = sparse.csr_matrix((data, (rows, cols)), shape=shape)
    out.sum_duplicates()
    return out


def _string_order(words: np.ndarray) -> np.ndarray:
    """The positions of `words` in code-point order. Arrow sorts the UTF-8 bytes, which is the
    same order, in C++; numpy would need a fixed-width copy as wide as the longest word."""
    try:
        return np.asarray(pc.array_sort_indices(pa.array(words, type=pa.string())))
    except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate, which UTF-8 cannot hold
        return np.argsort(words, kind="stable")


def _candidate_words(words: np.ndarray) -> np.ndarray:
    """Which words may stand alone as candidates: not a stop word, a number or a phrase break."""
    stop, digit, mark = _word_kinds(words)
    return ~(stop | digit | mark)


def count_chunk(texts: Sequence[str], group_codes: Sequence[int], groups: Sequence[str]) -> NgramCounts:
    """The map step: the n-gram counts of one batch of documents (`group_codes[i]` is the index
    in `groups` of the group of `texts[i]`)."""
    codes, words, lengths = _items(texts)
    n_words = len(words)
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    # Bigrams: adjacent tokens of one document with no phrase break between them, minus pairs of
    # stop words and pairs with a number.
    stop, digit, mark = _word_kinds(words)
    first, second = codes[:-1], codes[1:]
    ok = (doc[1:] == doc[:-1]) & ~(mark[first] | mark[second] | digit[first] | digit[second]
                                   | (stop[first] & stop[second]))
    bcodes, bkeys = pd.factorize(first[ok] * n_words + second[ok])
    width = n_words + len(bkeys)
    column = np.concatenate([codes, n_words + bcodes])
    column_doc = np.concatenate([doc, doc[1:][ok]])
    doc_group = np.asarray(group_codes, dtype=np.int64)
    counts = _tally(doc_group[column_doc] * width + column, len(groups), width)
    # Documents using each n-gram: each distinct (document, n-gram) pair counts once.
    pairs = _distinct(column_doc * width + column)
    documents = _tally(doc_group[pairs // width] * width + pairs % width, len(groups), width)
    return NgramCounts(tuple(groups), words, np.column_stack([bkeys // n_words, bkeys % n_words]), counts, documents)


# A pilcrow is punctuation, so it becomes a phrase break just as a line break does.
_LINE_BREAK = " \u00b6 "
# Between the texts of a batch: control characters that text rarely holds (and not whitespace,
# which str.split would cut: U+001C-U+001F are whitespace to Python).
_SEPARATOR = "\x00\x02"
_JOIN = f" {_SEPARATOR} "


def _items(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The items of `tokenize_phrases` of every text, as (codes, vocabulary, items per text).

    No token or phrase break spans whitespace, so the items of a text are the items of its
    whitespace-separated chunks in turn. Chunks repeat far more than they differ: the batch is
    split on whitespace at C speed (`str.split`), the chunks are hashed to codes, the tokenizer
    runs over the distinct chunks only, and numpy expands each chunk's code into its items' codes.
    Line breaks, which `str.split` would drop, are first turned into a break of their own.
    """
    # prepare() each text on its own: str.lower has a fast path for ASCII texts.
    chunk_codes, distinct, per_text = _split_all([prepare(t).replace("\n", _LINE_BREAK) for t in texts], str.split)
    piece_codes, words, n_pieces = _split_all(list(distinct), phrase_findall)
    # Occurrence j of chunk c stands for piece_codes[start[c]:start[c] + n_pieces[c]].
    start = np.cumsum(n_pieces) - n_pieces
    n = n_pieces[chunk_codes]
    ends = np.cumsum(n)
    codes = piece_codes[np.repeat(start[chunk_codes] - (ends - n), n) + np.arange(int(ends[-1]) if len(ends) else 0)]
    text_of_chunk = np.repeat(np.arange(len(texts)), per_text)
    lengths = np.bincount(text_of_chunk, weights=n, minlength=len(texts)).astype(np.int64)
    return codes, words, lengths


def _split_all(parts: Sequence[str], split: Callable[[str], list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes of the items `split` finds in every part, the distinct items, items per part).

    The parts are joined by a separator item and split in one call, which saves a call and a
    Python list per part (the parts are many and short); if a part happens to hold the separator,
    each part is split on its own.
    """
    if not parts:
        return np.array([], dtype=np.int64), np.array([], dtype=object), np.array([], dtype=np.int64)
    codes, distinct = pd.factorize(np.array(split(_JOIN.join(parts)), dtype=object))
    distinct = np.asarray(distinct, dtype=object)
    found = np.flatnonzero(distinct == _SEPARATOR)
    at = np.flatnonzero(codes == found[0]) if len(found) else np.array([], dtype=np.int64)
    if len(at) == len(parts) - 1:
        return np.delete(codes, at), distinct, np.diff(np.concatenate([[-1], at, [len(codes)]])) - 1
    per_part = [split(p) for p in parts]
    counts = np.fromiter(map(len, per_part), dtype=np.int64, count=len(parts))
    codes, distinct = pd.factorize(_objects(chain.from_iterable(per_part), int(counts.sum())))
    return codes, np.asarray(distinct, dtype=object), counts


def _objects(items: Iterable[str], count: int) -> np.ndarray:
    return np.fromiter(items, dtype=object, count=count)


def _word_kinds(words: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per distinct word: stop word, number, phrase break."""
    n = len(words)
    stop = np.fromiter((w in STOP_WORDS for w in words), dtype=bool, count=n)
    digit = np.fromiter((w.isdigit() for w in words), dtype=bool, count=n)
    mark = np.fromiter(map(is_break, words), dtype=bool, count=n)
    return stop, digit, mark


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct values of `keys`, sorted (a sort and a pass: several times faster than
    hashing when most keys are distinct, as (document, n-gram) pairs are)."""
    keys = np.sort(keys)
    return keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys


def _tally(keys: np.ndarray, n_groups: int, width: int) -> sparse.csr_matrix:
    """A groups x width matrix counting the occurrences of each key (group * width + column)."""
    keys = np.sort(keys)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])) if len(keys) else keys
    values = np.diff(np.append(starts, len(keys)))
    distinct = keys[starts]
    return sparse.csr_matrix((values, (distinct // width, distinct % width)), shape=(n_groups, width))


def count_ngrams(texts: Sequence[str], labels: Sequence[str], groups: Sequence[str] | None = None,
                 n_jobs: int | None = None, progress: Progress | None = None) -> NgramCounts:
    """Per group, the count of every candidate n-gram and the number of documents using it.

    `labels[i]` is the group of `texts[i]`; `groups` fixes the order of the groups (default:
    first appearance). Documents are counted in batches of about 8 million characters, merged as
    they finish, on `n_jobs` processes (default: all cores for 5 MB and more); the result does
    not depend on `n_jobs`. `progress` wraps the iterator of finished batches (e.g. tqdm).
    """
    groups = tuple(dict.fromkeys(labels)) if groups is None else tuple(groups)
    codes = pd.Index(groups).get_indexer(list(labels))
    if (codes < 0).any():
        raise ValueError(f"label {labels[int(np.argmax(codes < 0))]!r} is not one of the groups")
    if not len(texts):
        return count_chunk([], codes, groups)
    sizes = [len(t) for t in texts]
    total = sum(sizes)
    if n_jobs is None:
        n_jobs = default_jobs(total, _PARALLEL_MIN_CHARS)
    bounds = _balanced_bounds(sizes, max(n_jobs, -(-total // BATCH_CHARS)))
    args = ([texts[a:b] for a, b in bounds], [codes[a:b] for a, b in bounds], [groups] * len(bounds))
    mb = [sum(sizes[a:b]) / 1e6 for a, b in bounds]  # progress in megabytes of text, not batches
    if n_jobs <= 1:
        return _accumulate(map(count_chunk, *args), mb, progress)
    with process_pool(min(n_jobs, len(bounds))) as pool:
        return _accumulate(pool.map(count_chunk, *args), mb, progress)


def _accumulate(parts: Iterable[NgramCounts], mb: Sequence[float], progress: Progress | None) -> NgramCounts:
    """Add up batches as they come, several at a time: memory stays bounded by MERGE_EVERY
    batches, and each distinct n-gram is re-hashed once per MERGE_EVERY batches, not once per batch."""
    pending: list[NgramCounts] = []
    for part in progress(Work(parts, len(mb), unit="MB", sizes=mb)) if progress else parts:
        pending.append(part)
        if len(pending) == MERGE_EVERY:
            pending = [NgramCounts.total(pending)]
    return NgramCounts.total(pending)


def _balanced_bounds(sizes: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Contiguous (start, end) ranges with about the same number of characters each."""
    cumulative = np.cumsum(sizes)
    cuts = np.searchsorted(cumulative, cumulative[-1] * np.arange(1, parts) / parts)
    edges = [0, *sorted(set(int(c) + 1 for c in cuts)), len(sizes)]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]
