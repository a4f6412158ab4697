"""The non-zero cells of a groups x n-grams table (`framing.ngrams.NgramCounts`) and how the
cells of several batches add up: the reduce step of discovery's counting, and of merging tallies.

Cells are sorted by column, then by group, each (column, group) once; every array is int32
where its values fit (`framing.int_arrays.narrow`), keys and sums are computed in int64.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .int_arrays import narrow, narrow_dtype


class Cells(NamedTuple):
    """The non-zero cells of a groups x n-grams table, sorted by column, then by group. Each
    array is int32, or int64 where a value does not fit (`framing.int_arrays.narrow`)."""

    column: np.ndarray  # the n-gram (a word's index, or len(words) + a bigram's index)
    group: np.ndarray  # the group's index
    count: np.ndarray  # occurrences in the group's documents
    documents: np.ndarray  # the group's documents using it


def run_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts."""
    if not len(sorted_keys):
        return np.array([], dtype=np.int64)
    return np.flatnonzero(np.concatenate([[True], sorted_keys[1:] != sorted_keys[:-1]]))


def _keys(cells: Cells, shift: int) -> np.ndarray:
    """Each cell's (column, group) as one sortable int64, computed in place: for the corpus's
    tally, each temporary array of keys is 8 bytes a cell (72 MB at 1 GB)."""
    key = cells.column.astype(np.int64)
    key <<= shift
    key |= cells.group
    return key


def merge_cells(parts: Sequence[Cells], n_groups: int) -> Cells:
    """Cells of several batches (each sorted, on common columns) added up: the later batches by
    one sort (`_sum_cells`), then added into the first, the tally so far and the largest, by
    binary search and one insertion, so that its cells are neither sorted again nor copied more
    than once (merging the corpus's tally is the peak of the main process's memory)."""
    shift = max(n_groups - 1, 1).bit_length()
    first = parts[0]
    if len(parts) == 1:
        return Cells(*map(narrow, first))
    rest = parts[1] if len(parts) == 2 else _sum_cells(parts[1:], shift)
    if not len(rest.column):
        return Cells(*map(narrow, first))
    if not len(first.column):
        return Cells(*map(narrow, rest))
    key = _keys(first, shift)
    new_key = _keys(rest, shift)
    at = np.searchsorted(key, new_key)
    hit = at < len(key)
    hit[hit] = key[at[hit]] == new_key[hit]
    del key, new_key
    count = _added(first.count, at[hit], rest.count[hit])
    docs = _added(first.documents, at[hit], rest.documents[hit])
    new = ~hit
    at = at[new]
    return Cells(_inserted(first.column, at, rest.column[new]), _inserted(first.group, at, rest.group[new]),
                 _inserted(count, at, rest.count[new]), _inserted(docs, at, rest.documents[new]))


def _added(values: np.ndarray, at: np.ndarray, more: np.ndarray) -> np.ndarray:
    """A copy of `values` with `more` added at the (distinct) positions `at`, summed in int64."""
    sums = values[at].astype(np.int64) + more
    out = values.astype(np.result_type(values.dtype, narrow_dtype(sums)))
    out[at] = sums
    return out


def _inserted(values: np.ndarray, at: np.ndarray, more: np.ndarray) -> np.ndarray:
    """`values` with `more` inserted before the positions `at` (in order), narrowed."""
    return narrow(np.insert(values.astype(np.result_type(values.dtype, more.dtype), copy=False), at, more))


def _sum_cells(parts: Sequence[Cells], shift: int) -> Cells:
    """Cells of several batches (each sorted, on common columns) added up by one sort of their
    keys (sorted runs: a merge); keys and sums in int64, the cells narrowed."""
    key = np.concatenate([_keys(c, shift) for c in parts])
    order = np.argsort(key, kind="stable")  # sorted runs: a merge
    key = key[order]
    if not len(key):
        empty = np.zeros(0, np.int32)
        return Cells(empty, empty, empty, empty)
    starts = run_starts(key)
    distinct = key[starts]
    del key
    column, group = narrow(distinct >> shift), narrow(distinct & ((1 << shift) - 1))
    del distinct
    count = narrow(np.add.reduceat(np.concatenate([c.count for c in parts])[order], starts, dtype=np.int64))
    docs = narrow(np.add.reduceat(np.concatenate([c.documents for c in parts])[order], starts, dtype=np.int64))
    return Cells(column, group, count, docs)
