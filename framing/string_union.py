"""The sorted union of several arrays of strings, and where each array's strings are in it: how
merging tallies renumbers the n-gram vocabulary and the clause tables' speakers and verbs.

Arrow (C++) hashes, sorts and looks the strings up: a merge of a tally holding a million words
with a few small ones costs a fraction of a second, where Python sets and dicts cost seconds.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def sorted_union(parts: Sequence[np.ndarray | Sequence[str]]) -> tuple[np.ndarray, list[np.ndarray]]:
    """The union of `parts` in code-point order (an object array of str), and each part's indices
    in it (int64, one per string). Each index map is increasing when its part is sorted."""
    arrays = [np.asarray(p, dtype=object) for p in parts]
    everything = np.concatenate(arrays) if arrays else np.zeros(0, object)
    try:
        # UTF-8 byte order is code-point order, so Arrow's sort is Python's.
        strings = pa.array(everything, type=pa.string())
        union = pc.unique(strings)
        union = union.take(pc.array_sort_indices(union))
        where = np.asarray(pc.index_in(strings, value_set=union), dtype=np.int64)
        union = np.asarray(union.to_pylist(), dtype=object)
    except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate, which UTF-8 cannot hold
        union, where = np.unique(everything, return_inverse=True)
        union, where = union.astype(object), where.astype(np.int64)
    return union, np.split(where, np.cumsum([len(a) for a in arrays])[:-1])
