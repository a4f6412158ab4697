"""Counting candidate unigrams and bigrams per group, for discovery outside the lexicon.

Candidates: every token (the same tokens as `framing.tokenize`) and every pair of adjacent
tokens in one document with no punctuation or line break between them, except the document's
stop words (its own language's list and the other scripts' lists: `languages.stop_list_names`;
the language is the document's, or detected), numbers as unigrams, bigrams made only of stop
words, and bigrams with a number. Bigrams are formed before stop words are removed, so no bigram
spans a removed word.

Python never loops over tokens. Each prepared text is cut at whitespace and the chunks are
hashed to codes by Arrow (C++); the tokenizer runs over the distinct chunks only; numpy expands
each chunk's code into its items' codes (`framing.ngram_items`). Then one sort of (n-gram, document) keys, documents
numbered group by group, gives everything at once: the distinct bigrams, how often each n-gram
occurs in each group and in how many of its documents. Stop words, numbers and breaks are looked
up once per distinct word, not once per occurrence.

Words are kept in code-point order and bigrams in the order of their strings, so adding up
batches only merges sorted runs (`NgramCounts.total`), and the terms come out sorted.

Map/reduce: `count_chunk` maps a batch of documents to `NgramCounts` (a pure function of its
input), `NgramCounts.total` sums any number of them, so batches can be counted on any number of
processes or machines and added up in any order with the same result.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .int_arrays import narrow
from .languages import UNDETERMINED, detect_language, stop_list_names, stop_lists, stop_words
from .ngram_cells import Cells, merge_cells, run_starts
from .ngram_items import Items, _balanced_bounds, breaks, items, items_of
from .progress import Progress, Work
from .string_union import sorted_union
from .workers import default_jobs, process_pool

if TYPE_CHECKING:
    from scipy import sparse

# The lists of a document whose language is not known, in a corpus of one language: scikit-learn's
# English list and the lists of the other scripts.
STOP_WORDS = stop_words(UNDETERMINED)
_PARALLEL_MIN_CHARS = 5_000_000  # below this, starting worker processes costs more than it saves
# (FRAMING_PARALLEL_MIN_CHARS replaces it: see framing.workers)
BATCH_CHARS = 8_000_000  # per map task: bounds the memory of one batch and paces progress reports
MERGE_EVERY = 8
_KEY_LIMIT = 2**63  # (n-gram, document) keys are int64


class Candidates(NamedTuple):
    """The candidates seen often enough, in term order, and their non-zero cells group by group."""

    ids: np.ndarray  # n-gram ids (for `NgramCounts.strings`), in term order
    totals: np.ndarray  # int64 per term: occurrences in all groups
    documents: np.ndarray  # int64 per term: documents using it, all groups
    indptr: np.ndarray  # int64, groups + 1: the cells of group g are indptr[g]:indptr[g + 1]
    position: np.ndarray  # int64 per cell: the term's index in `ids`, ascending within a group
    count: np.ndarray  # int64 per cell
    cell_documents: np.ndarray  # int64 per cell


@dataclass(frozen=True)
class NgramCounts:
    """How often each candidate unigram and bigram occurs per group, and in how many documents.

    `words` is the vocabulary of items in code-point order (stop words, numbers and phrase breaks
    included, since bigrams are made of them); `bigrams` holds pairs of indices into `words`, in
    the order of their strings. A column is a word's index, or len(words) + a bigram's index;
    `cells` holds the non-zero (column, group) counts. A word's count leaves out its occurrences
    as a stop word of their document (they count in `tokens` all the same), so stop words,
    numbers and breaks have no unigram cells. `counts` and `documents` give the same as groups x
    columns sparse matrices.
    """

    groups: tuple[str, ...]
    words: np.ndarray  # object array of str
    bigrams: np.ndarray  # shape (n_bigrams, 2), int32 (int64 past 2^31 - 1 words)
    cells: Cells
    group_tokens: np.ndarray  # int64 per group: every token, stop words and numbers included

    @property
    def width(self) -> int:
        return len(self.words) + len(self.bigrams)

    @property
    def counts(self) -> sparse.csr_matrix:
        """groups x columns occurrences (int64)."""
        return self._matrix(self.cells.count)

    @property
    def documents(self) -> sparse.csr_matrix:
        """groups x columns: documents using the n-gram (int64)."""
        return self._matrix(self.cells.documents)

    def _matrix(self, values: np.ndarray) -> sparse.csr_matrix:
        from scipy import sparse  # only for callers that want a matrix: discovery reads the cells

        return sparse.csr_matrix((values, (self.cells.group, self.cells.column)),
                                 shape=(len(self.groups), self.width), dtype=np.int64)

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
        words, word_maps = sorted_union([p.words for p in parts])
        n_words = len(words)
        # Every map is increasing (each part's words are sorted, and so is the union), so each
        # part's bigram keys stay sorted: the union is a merge of sorted runs.
        keys = [_bigram_keys(m, p.bigrams, n_words) for m, p in zip(word_maps, parts)]
        merged = np.sort(np.concatenate(keys), kind="stable")
        bkeys = merged[run_starts(merged)]
        del merged
        wide = n_words + len(bkeys) > 2**31 - 1
        columns = []
        for m, k, p in zip(word_maps, keys, parts):
            c = p.cells.column
            is_word = c < len(p.words)
            moved = np.empty(len(c), np.int64 if wide else np.int32)
            moved[is_word] = m[c[is_word]]
            # Each distinct bigram is looked up once, then its cells take its new column.
            column_of = np.searchsorted(bkeys, k)
            column_of += n_words
            is_bigram = ~is_word
            moved[is_bigram] = column_of[c[is_bigram] - len(p.words)]
            del column_of, is_bigram
            columns.append(moved)
        del keys
        cells = merge_cells([p.cells._replace(column=c) for p, c in zip(parts, columns)], len(groups))
        del columns
        pairs = np.empty((len(bkeys), 2), np.int64 if n_words > 2**31 - 1 else np.int32)
        pairs[:, 0], pairs[:, 1] = bkeys // n_words, bkeys % n_words
        return NgramCounts(groups, words, pairs, cells,
                           np.sum([p.group_tokens for p in parts], axis=0).astype(np.int64))

    def regrouped(self, groups: Sequence[str]) -> NgramCounts:
        """The same counts over `groups`, which hold every group of these (in any order); a
        group with no documents here has no cells and no tokens."""
        groups = tuple(groups)
        if groups == self.groups:
            return self
        index = {g: i for i, g in enumerate(groups)}
        new = np.fromiter((index[g] for g in self.groups), np.int64, len(self.groups))
        c = self.cells
        group = narrow(new[c.group]) if len(c.group) else c.group
        order = np.lexsort((group, c.column))  # cells stay sorted by column, then group
        tokens = np.zeros(len(groups), np.int64)
        tokens[new] = self.group_tokens
        return NgramCounts(groups, self.words, self.bigrams,
                           Cells(c.column[order], group[order], c.count[order], c.documents[order]), tokens)

    def without_stop_words(self, stop: frozenset[str]) -> NgramCounts:
        """These counts as `count_chunk` gives them when every word of `stop` is also a stop word
        of each document counted: no unigram of one, no bigram of two. (Bigrams are formed
        before stop words go, so nothing else changes: the counts of documents of undetermined
        language, taken before the corpus's languages were known, made final.)"""
        is_stop = np.fromiter((w in stop for w in self.words), bool, len(self.words))
        n_words = len(self.words)
        column = self.cells.column
        word = column < n_words
        drop = np.zeros(len(column), bool)
        drop[word] = is_stop[column[word]]
        pairs = self.bigrams[column[~word] - n_words]
        drop[~word] = is_stop[pairs[:, 0]] & is_stop[pairs[:, 1]] if len(pairs) else False
        if not drop.any():
            return self
        keep = ~drop
        c = self.cells
        return NgramCounts(self.groups, self.words, self.bigrams,
                           Cells(c.column[keep], c.group[keep], c.count[keep], c.documents[keep]), self.group_tokens)

    def column_totals(self) -> np.ndarray:
        """Occurrences of each column in all groups (int64)."""
        return np.bincount(self.cells.column, weights=self.cells.count, minlength=self.width).astype(np.int64)

    def _kept(self, min_count: int, exclude: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """(ids of the candidates seen at least `min_count` times in all, in term order; each
        column's position among them, -1 for the others)."""
        n_words = len(self.words)
        keep = self.column_totals() >= max(min_count, 1)
        if exclude is not None:
            keep &= ~exclude
        unigrams = np.flatnonzero(keep[:n_words])
        bigrams = np.flatnonzero(keep[n_words:])
        # Terms in string order: a merge of the words (sorted) and the bigrams (sorted), a bigram
        # "a b" coming after the word "a" and before any longer word, since the space sorts
        # before every character a token can hold.
        first = self.bigrams[bigrams, 0]
        ids = np.empty(len(unigrams) + len(bigrams), dtype=np.int64)
        ids[np.arange(len(unigrams)) + np.searchsorted(first, unigrams, side="left")] = unigrams
        ids[np.arange(len(bigrams)) + np.searchsorted(unigrams, first, side="right")] = n_words + bigrams
        position = np.full(self.width, -1, dtype=np.int64)
        position[ids] = np.arange(len(ids))
        return ids, position

    def candidate_cells(self, min_count: int = 1, exclude: np.ndarray | None = None) -> Candidates:
        """The candidates seen at least `min_count` (and once) in all, in term order, with their
        non-zero cells group by group; `exclude`: columns never to keep (True per column)."""
        ids, position = self._kept(min_count, exclude)
        cells = self.cells
        pos = position[cells.column]
        kept = pos >= 0
        pos, group = pos[kept], cells.group[kept]
        # Cells are sorted by column: by position they are two sorted runs (words, bigrams),
        # which a stable sort merges; then a stable sort by group (radix for 16 bits) keeps that.
        order = np.argsort(pos, kind="stable")
        small = group.astype(np.int16) if len(self.groups) < 2**15 else group
        order = order[np.argsort(small[order], kind="stable")]
        count, docs = cells.count[kept][order].astype(np.int64), cells.documents[kept][order].astype(np.int64)
        indptr = np.concatenate([[0], np.cumsum(np.bincount(group, minlength=len(self.groups)))])
        n = len(ids)
        totals = np.bincount(pos, weights=cells.count[kept], minlength=n).astype(np.int64)
        documents = np.bincount(pos, weights=cells.documents[kept], minlength=n).astype(np.int64)
        return Candidates(ids, totals, documents, indptr.astype(np.int64), pos[order], count, docs)

    def candidates(self, min_count: int = 1, exclude: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`table` with n-gram ids (for `strings`) in place of the terms, and groups x terms
        dense counts and documents (for the full table; discovery reads `candidate_cells`)."""
        return self.dense(self.candidate_cells(min_count, exclude))

    def dense(self, c: Candidates, count_dtype: type = np.int64) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ids, groups x terms counts, documents) of candidates found by `candidate_cells`; the
        counts as `count_dtype` (float for scoring: whole numbers, exact, and no second copy)."""
        shape = (len(self.groups), len(c.ids))
        counts, documents = np.zeros(shape, dtype=count_dtype), np.zeros(shape, dtype=np.int64)
        rows = np.repeat(np.arange(len(self.groups)), np.diff(c.indptr))
        counts[rows, c.position] = c.count
        documents[rows, c.position] = c.cell_documents
        return c.ids, counts, documents

    def table(self, min_count: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(terms, counts, documents) of the candidates seen at least `min_count` (and once) in all,
        terms sorted as strings ("a b" for a bigram), whatever the order the batches came in."""
        ids, counts, documents = self.candidates(min_count)
        return self.strings(ids), counts, documents

    def tokens(self) -> np.ndarray:
        """Each group's token total (every word, stop words and numbers included): the same
        denominators as the lexicon counts, so both comparisons share one scale."""
        return self.group_tokens

    def strings(self, ids: np.ndarray) -> np.ndarray:
        """The terms of n-gram ids: the word, or its two words joined by a space."""
        ids = np.asarray(ids, dtype=np.int64)
        n_words = len(self.words)
        out = np.empty(len(ids), dtype=object)
        is_word = ids < n_words
        out[is_word] = self.words[ids[is_word]]
        pairs = self.bigrams[ids[~is_word] - n_words]
        out[~is_word] = self.words[pairs[:, 0]] + " " + self.words[pairs[:, 1]]
        return out


def _bigram_keys(word_map: np.ndarray, bigrams: np.ndarray, n_words: int) -> np.ndarray:
    """Each bigram's key (first word * n_words + second) in the merged vocabulary, computed in
    place: the corpus's tally has millions of bigrams, and each temporary array is 8 bytes one."""
    key = word_map[bigrams[:, 0]]
    key *= n_words
    key += word_map[bigrams[:, 1]]
    return key


def count_chunk(texts: Sequence[str], group_codes: Sequence[int], groups: Sequence[str],
                languages: Sequence[str | None] | None = None, corpus_languages: Iterable[str] = (),
                found: Items | None = None) -> NgramCounts:
    """The map step: the n-gram counts of one batch of documents (`group_codes[i]` is the index
    in `groups` of the group of `texts[i]`; `languages[i]` its language, None or "und" when not
    known: see `languages.stop_list_names`, with `corpus_languages` the languages of the corpus;
    `found`: `items(texts)`, when computed before)."""
    groups = tuple(groups)
    n_docs = len(texts)
    words, codes, lengths = items(texts) if found is None else found
    n_words = len(words)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    stop_bits, digit, mark = _word_kinds(words)
    stop = (stop_bits[codes] & _document_bits(languages, n_docs, corpus_languages)[doc]) != 0
    digit, mark = digit[codes], mark[codes]
    group_of_doc = np.asarray(group_codes, dtype=np.int64).reshape(-1)
    group_tokens = np.bincount(group_of_doc[doc[~mark]], minlength=len(groups)).astype(np.int64)
    # Unigrams: neither a break, a number nor a stop word of its document. Bigrams: adjacent
    # tokens of one document with no break between them, minus pairs of stop words and pairs
    # with a number.
    unigram = ~(mark | digit | stop)
    plain = ~(mark | digit)
    pair = (doc[1:] == doc[:-1]) & plain[:-1] & plain[1:] & ~(stop[:-1] & stop[1:])
    gram = np.concatenate([codes[unigram], n_words + codes[:-1][pair] * n_words + codes[1:][pair]])
    gram_doc = np.concatenate([doc[unigram], doc[1:][pair]])
    compact = None
    shift = max(n_docs - 1, 1).bit_length()  # keys: (n-gram << shift) | document
    if (n_words + n_words * n_words) << shift >= _KEY_LIMIT:  # keys would overflow: number n-grams first
        compact, gram = np.unique(gram, return_inverse=True)
    # Documents numbered group by group: within an n-gram's run of sorted keys, its documents'
    # groups then come in order, so (n-gram, group) cells are runs too: one sort does it all.
    by_group = np.argsort(group_of_doc, kind="stable")
    rank = np.empty(n_docs, dtype=np.int64)
    rank[by_group] = np.arange(n_docs)
    keys = np.sort((gram << shift) | rank[gram_doc])
    pair_starts = run_starts(keys)
    in_doc = np.diff(np.append(pair_starts, len(keys)))  # occurrences per (n-gram, document)
    pair_keys = keys[pair_starts]
    pair_gram = pair_keys >> shift
    pair_group = group_of_doc[by_group][pair_keys & ((1 << shift) - 1)]
    new = np.ones(len(pair_gram), dtype=bool)
    new[1:] = (pair_gram[1:] != pair_gram[:-1]) | (pair_group[1:] != pair_group[:-1])
    cell_starts = np.flatnonzero(new)
    count = np.add.reduceat(in_doc, cell_starts) if len(cell_starts) else in_doc
    cell_docs = np.diff(np.append(cell_starts, len(pair_gram)))
    cell_gram, cell_group = pair_gram[cell_starts], pair_group[cell_starts]
    if compact is not None:
        cell_gram = compact[cell_gram]
    # Bigram columns: the distinct bigram keys, already sorted (so in the order of their strings).
    is_bigram = cell_gram >= n_words
    bkeys = cell_gram[is_bigram]
    starts = run_starts(bkeys)
    first = np.zeros(len(bkeys), dtype=np.int64)
    first[starts] = 1
    column = cell_gram.copy()
    column[is_bigram] = n_words + np.cumsum(first) - 1
    distinct = bkeys[starts] - n_words
    bigrams = narrow(np.column_stack([distinct // max(n_words, 1), distinct % max(n_words, 1)]))
    return NgramCounts(groups, words, bigrams, Cells(narrow(column), narrow(cell_group), narrow(count),
                                                     narrow(cell_docs)), group_tokens)


def count_batches(texts: Sequence[str], group_codes: Sequence[int], groups: Sequence[str],
                  languages: Sequence[str | None] | None = None, corpus_languages: Iterable[str] = (),
                  found: Items | None = None) -> NgramCounts:
    """`count_chunk` in this process over batches of about BATCH_CHARS characters, added up (the
    same counts: a batch's arrays are several times its text, so memory stays bounded);
    `found`: `items(texts)`, when computed before."""
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    if not len(texts):
        return count_chunk([], np.zeros(0, np.int64), groups)
    codes = np.asarray(group_codes, dtype=np.int64)
    bounds = _balanced_bounds(sizes, max(1, -(-int(sizes.sum()) // BATCH_CHARS)))

    def batch(a: int, b: int) -> Items | None:
        if found is None:
            return None
        chosen = np.zeros(len(texts), dtype=bool)
        chosen[a:b] = True
        return items_of(found, chosen)

    return NgramCounts.total([count_chunk(texts[a:b], codes[a:b], groups,
                                          None if languages is None else languages[a:b], corpus_languages,
                                          batch(a, b))
                              for a, b in bounds])


_BITS: dict[str, int] = {}  # stop-word list name -> its bit
_WORD_BITS: dict[str, int] = {}  # word -> the bits of the lists holding it


def _stop_bits() -> tuple[dict[str, int], dict[str, int]]:
    if not _BITS:
        for i, (name, words) in enumerate(sorted(stop_lists().items())):
            _BITS[name] = 1 << i
            for w in words:
                _WORD_BITS[w] = _WORD_BITS.get(w, 0) | (1 << i)
    return _BITS, _WORD_BITS


def _document_bits(languages: Sequence[str | None] | None, n_docs: int, corpus_languages: Iterable[str]) -> np.ndarray:
    """Per document, the bits of the stop-word lists that apply to it."""
    bits, _ = _stop_bits()
    corpus_languages = tuple(sorted(set(corpus_languages)))
    by_language: dict[str | None, int] = {}

    def of(language: str | None) -> int:
        if language not in by_language:
            by_language[language] = sum(bits[n] for n in stop_list_names(language, corpus_languages))
        return by_language[language]

    if languages is None:
        return np.full(n_docs, of(None), dtype=np.int64)
    return np.fromiter(map(of, languages), dtype=np.int64, count=n_docs)


def _word_kinds(words: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per distinct word: the bits of the stop-word lists holding it, number, phrase break."""
    n = len(words)
    _, word_bits = _stop_bits()
    stop = np.fromiter(map(word_bits.get, words, [0] * n), dtype=np.int64, count=n)
    digit = np.fromiter(map(str.isdigit, words), dtype=bool, count=n)
    return stop, digit, breaks(words)


def document_languages(texts: Sequence[str], languages: Sequence[str | None] | None = None) -> list[str]:
    """Each text's language: `languages[i]` when given, else detected from `texts[i]`."""
    if languages is None:
        return [detect_language(t) for t in texts]
    return [lang or detect_language(t) for t, lang in zip(texts, languages)]


def count_ngrams(texts: Sequence[str], labels: Sequence[str], groups: Sequence[str] | None = None,
                 n_jobs: int | None = None, progress: Progress | None = None, *,
                 languages: Sequence[str | None] | None = None) -> NgramCounts:
    """Per group, the count of every candidate n-gram and the number of documents using it.

    `labels[i]` is the group of `texts[i]`; `groups` fixes the order of the groups (default:
    first appearance); `languages[i]` the language of `texts[i]` (ISO 639-1), detected from the
    text where not given, which says which stop words the document drops. Documents are counted
    in batches of about 8 million characters, merged as they finish, on `n_jobs` processes
    (default: all cores for 5 MB and more); the result does not depend on `n_jobs`. `progress`
    wraps the iterator of finished batches (e.g. tqdm).
    """
    groups = tuple(dict.fromkeys(labels)) if groups is None else tuple(groups)
    index = {g: i for i, g in enumerate(groups)}
    codes = np.fromiter((index.get(label, -1) for label in labels), dtype=np.int64, count=len(labels))
    if (codes < 0).any():
        raise ValueError(f"label {labels[int(np.argmax(codes < 0))]!r} is not one of the groups")
    if languages is not None and len(languages) != len(texts):
        raise ValueError(f"{len(languages)} languages for {len(texts)} texts")
    if not len(texts):
        return count_chunk([], codes, groups)
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    total = int(sizes.sum())
    if n_jobs is None:
        n_jobs = default_jobs(total, _PARALLEL_MIN_CHARS)
    bounds = _balanced_bounds(sizes, max(n_jobs, -(-total // BATCH_CHARS)))
    mb = [float(sizes[a:b].sum()) / 1e6 for a, b in bounds]  # progress in megabytes of text, not batches
    starts, ends = [a for a, _ in bounds], [b for _, b in bounds]
    given = [None if languages is None else languages[a:b] for a, b in bounds]
    batch_codes, batch_groups = [codes[a:b] for a, b in bounds], [groups] * len(bounds)
    if n_jobs <= 1:
        _share(texts)
        try:
            langs = list(map(_detect_batch, starts, ends, given))
            return _accumulate(map(_count_batch, starts, ends, batch_codes, batch_groups, langs,
                                   [_corpus_languages(langs)] * len(bounds)), mb, progress)
        finally:
            _share(())
    # The texts reach the workers through the initializer: a forked worker has them already,
    # nothing is pickled; only batch bounds go out, and counts come back.
    with process_pool(min(n_jobs, len(bounds)), initializer=_share, initargs=(texts,)) as pool:
        # Languages first, on all cores: a document of undetermined language drops the function
        # words of every language of the corpus, so counting needs all of them.
        langs = list(pool.map(_detect_batch, starts, ends, given))
        return _accumulate(pool.map(_count_batch, starts, ends, batch_codes, batch_groups, langs,
                                    [_corpus_languages(langs)] * len(bounds)), mb, progress)


_texts: Sequence[str] = ()  # the texts being counted, in this process


def _share(texts: Sequence[str]) -> None:
    global _texts
    _texts = texts


def _detect_batch(start: int, end: int, given: Sequence[str | None] | None) -> list[str]:
    return document_languages(_texts[start:end], given)


def _count_batch(start: int, end: int, group_codes: np.ndarray, groups: Sequence[str], languages: Sequence[str],
                 corpus_languages: Sequence[str]) -> NgramCounts:
    return count_chunk(_texts[start:end], group_codes, groups, languages, corpus_languages)


def _corpus_languages(per_batch: Iterable[Sequence[str]]) -> tuple[str, ...]:
    return tuple(sorted({lang for langs in per_batch for lang in langs} - {UNDETERMINED}))


def _accumulate(parts: Iterable[NgramCounts], mb: Sequence[float], progress: Progress | None) -> NgramCounts:
    """Add up batches as they come, several at a time: memory stays bounded by MERGE_EVERY
    batches, and each distinct n-gram is re-sorted once per MERGE_EVERY batches, not once per batch."""
    pending: list[NgramCounts] = []
    for part in progress(Work(parts, len(mb), unit="MB", sizes=mb)) if progress else parts:
        pending.append(part)
        if len(pending) == MERGE_EVERY:
            pending = [NgramCounts.total(pending)]
    return NgramCounts.total(pending)
