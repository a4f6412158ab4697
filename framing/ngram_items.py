"""Texts as items: the tokens and phrase breaks of `framing.tokenize.tokenize_phrases`, for many
texts at once, as codes into one sorted vocabulary. Discovery's n-gram counts, the token counts
of the profiles and the retellings' term counts all start from them.

Chunks repeat far more than they differ: Arrow cuts the texts at spaces and hashes the chunks,
the tokenizer runs once per distinct chunk, numpy expands each chunk's code into its items'.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .string_union import sorted_union
from .tokenize import is_break, phrase_findall, prepare

ITEM_BATCH_CHARS = 2_000_000  # tokenized at once by `items_batched`

# A pilcrow is punctuation, so it becomes a phrase break just as a line break does.
_LINE_BREAK = " \u00b6 "
# Whitespace other than the space (tabs, line separators...: str.split's whitespace, which is
# `re`'s \s) becomes a space, so that Arrow can cut at ASCII whitespace alone. Arrow finds the
# texts that hold any (its regex engine has no Python \s: the characters are listed; U+3000 is
# the last whitespace character in Unicode).
_OTHER_SPACE = re.compile(r"[^\S ]")
_ARROW_OTHER_SPACE = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in map(chr, range(0x3001))
                                   if c.isspace() and c not in " \n") + "]"
# Between the distinct chunks handed to the tokenizer in one call: control characters that text
# rarely holds (and not whitespace).
_SEPARATOR = "\x00\x02"
_JOIN = f" {_SEPARATOR} "


def _prepared(texts: Sequence[str]) -> list[str]:
    """The texts `prepare`d, their line breaks made breaks of their own."""
    prepared = [prepare(t) for t in texts]
    return [t.replace("\n", _LINE_BREAK) if "\n" in t else t for t in prepared]


def _chunks(prepared: list[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """(codes of the whitespace-separated chunks of all texts, the distinct chunks, chunks per
    text). Arrow cuts and hashes in C++; it can cut at ASCII whitespace only, so texts holding
    other whitespace have it made spaces first (Arrow finds them)."""
    try:
        array = pa.array(prepared, type=pa.large_string())
        odd = np.flatnonzero(np.asarray(pc.match_substring_regex(array, _ARROW_OTHER_SPACE)))
        if len(odd):
            prepared = list(prepared)
            for i in odd.tolist():
                prepared[i] = _OTHER_SPACE.sub(" ", prepared[i])
            array = pa.array(prepared, type=pa.large_string())
    except (pa.ArrowException, UnicodeError):  # a lone surrogate, which UTF-8 cannot hold
        per_text = [t.split() for t in prepared]
        codes, distinct = _factorize([c for chunks in per_text for c in chunks])
        return codes, list(distinct), np.fromiter(map(len, per_text), dtype=np.int64, count=len(per_text))
    # Only spaces are left to cut at; Arrow's ASCII whitespace is the space and five control
    # characters replaced above (bytes of UTF-8 sequences are never ASCII).
    chunked = pc.ascii_split_whitespace(array)
    encoded = pc.dictionary_encode(chunked.flatten())
    return (np.asarray(encoded.indices, dtype=np.int64), encoded.dictionary.to_pylist(),
            np.diff(np.asarray(chunked.offsets, dtype=np.int64)))


def items(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The items of `tokenize_phrases` of every text, as (vocabulary in code-point order, codes,
    items per text).

    No token or phrase break spans whitespace, so the items of a text are the items of its
    whitespace-separated chunks in turn. Chunks repeat far more than they differ: Arrow cuts the
    texts at spaces and hashes the chunks to codes, the tokenizer runs over the distinct chunks
    only, and numpy expands each chunk's code into its items' codes.
    """
    if not len(texts):
        return np.array([], dtype=object), np.array([], dtype=np.int64), np.zeros(0, dtype=np.int64)
    chunk_codes, distinct, per_text = _chunks(_prepared(texts))
    piece_codes, words, n_pieces = _split_all(distinct, phrase_findall)
    order = _string_order(words)
    rank = np.empty(len(words), dtype=np.int64)
    rank[order] = np.arange(len(words))
    words, piece_codes = words[order], rank[piece_codes]
    # Occurrence j of chunk c stands for piece_codes[start[c]:start[c] + n_pieces[c]].
    start = np.cumsum(n_pieces) - n_pieces
    n = n_pieces[chunk_codes]
    ends = np.cumsum(n)
    total = int(ends[-1]) if len(ends) else 0
    codes = piece_codes[np.repeat(start[chunk_codes] - (ends - n), n) + np.arange(total)]
    upto = np.concatenate([[0], ends])  # items before each chunk
    edges = np.concatenate([[0], np.cumsum(per_text)])  # chunks before each text
    return words, codes, upto[edges[1:]] - upto[edges[:-1]]


Items = tuple[np.ndarray, np.ndarray, np.ndarray]  # what `items` gives: vocabulary, codes, items per text


def items_batched(texts: Sequence[str], batch_chars: int = ITEM_BATCH_CHARS) -> Items:
    """`items(texts)` computed about `batch_chars` characters at a time, the vocabularies then
    united: the same result, with the tokenizer's transient buffers (Arrow's copies of the
    texts, their chunks) those of one batch rather than of all the texts."""
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    total = int(sizes.sum())
    if total <= batch_chars:
        return items(texts)
    parts = [items(texts[a:b]) for a, b in _balanced_bounds(sizes, -(-total // batch_chars))]
    words, where = sorted_union([w for w, _, _ in parts])
    return (words, np.concatenate([w[codes] for w, (_, codes, _) in zip(where, parts)]),
            np.concatenate([n for _, _, n in parts]))


def items_of(found: Items, chosen: np.ndarray) -> Items:
    """`items` of the texts that the boolean mask `chosen` picks out of those `found` is of, as
    `items` of those texts alone gives them (the vocabulary narrowed to the words they use, in
    the same order), without tokenizing them again."""
    words, codes, per_text = found
    chosen = np.asarray(chosen, dtype=bool)
    codes = codes[np.repeat(chosen, per_text)]
    used = np.zeros(len(words), dtype=bool)
    used[codes] = True
    return words[used], (np.cumsum(used) - 1)[codes], per_text[chosen]


def token_counts(texts: Sequence[str], found: Items | None = None) -> np.ndarray:
    """How many tokens `framing.tokenize.tokenize` finds in each text (`count_tokens` of each),
    from `items` (or `found`, `items(texts)` computed before): the tokenizer runs once per
    distinct whitespace-separated chunk."""
    if not len(texts):
        return np.zeros(0, dtype=np.int64)
    words, codes, per_text = items(texts) if found is None else found
    token = ~breaks(words)
    before = np.concatenate([[0], np.cumsum(token[codes], dtype=np.int64)])  # tokens before each item
    ends = np.cumsum(per_text)
    return before[ends] - before[ends - per_text]


def _split_all(parts: Sequence[str], split: Callable[[str], list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes of the items `split` finds in every part, the distinct items, items per part).

    The parts are joined by a separator item and split in one call, which saves a call and a
    Python list per part (the parts are many and short); if a part happens to hold the separator,
    each part is split on its own.
    """
    if not parts:
        return np.array([], dtype=np.int64), np.array([], dtype=object), np.array([], dtype=np.int64)
    codes, distinct = _factorize(split(_JOIN.join(parts)))
    found = np.flatnonzero(distinct == _SEPARATOR)
    at = np.flatnonzero(codes == found[0]) if len(found) else np.array([], dtype=np.int64)
    if len(at) == len(parts) - 1:
        per_part = np.diff(np.concatenate([[-1], at, [len(codes)]])) - 1
        codes = np.delete(codes, at)
        if len(found):  # the separator is no item of any part
            distinct = np.delete(distinct, found[0])
            codes -= codes > found[0]
        return codes, distinct, per_part
    per_part = [split(p) for p in parts]
    counts = np.fromiter(map(len, per_part), dtype=np.int64, count=len(parts))
    codes, distinct = _factorize([item for items in per_part for item in items])
    return codes, distinct, counts


def _factorize(items: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct items in order of first appearance) of a list of strings."""
    try:
        encoded = pc.dictionary_encode(pa.array(items, type=pa.string()))
        return np.asarray(encoded.indices, dtype=np.int64), np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    except (pa.ArrowException, UnicodeError):  # a lone surrogate, which UTF-8 cannot hold
        index: dict[str, int] = {}
        codes = np.fromiter((index.setdefault(s, len(index)) for s in items), dtype=np.int64, count=len(items))
        return codes, np.asarray(list(index), dtype=object)


def _string_order(words: np.ndarray) -> np.ndarray:
    """The positions of `words` in code-point order. Arrow sorts the UTF-8 bytes, which is the
    same order, in C++; numpy would need a fixed-width copy as wide as the longest word."""
    try:
        return np.asarray(pc.array_sort_indices(pa.array(words, type=pa.string())), dtype=np.int64)
    except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate, which UTF-8 cannot hold
        return np.argsort(words, kind="stable")


def breaks(words: np.ndarray) -> np.ndarray:
    """Per distinct item of `items`: whether it is a phrase break rather than a token."""
    return np.fromiter(map(is_break, words), dtype=bool, count=len(words))


def _balanced_bounds(sizes: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Contiguous (start, end) ranges with about the same number of characters each."""
    cumulative = np.cumsum(sizes)
    cuts = np.searchsorted(cumulative, cumulative[-1] * np.arange(1, parts) / parts)
    edges = [0, *sorted(set(int(c) + 1 for c in cuts)), len(sizes)]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]
