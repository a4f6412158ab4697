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
        union = pc.unique(pa.array(everything, type=pa.string()))
        union = union.take(pc.array_sort_indices(union))
        maps = [np.asarray(pc.index_in(pa.array(a, type=pa.string()), value_set=union), dtype=np.int64)
                for a in arrays]
        return np.asarray(union.to_pylist(), dtype=object), maps
    except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate, which UTF-8 cannot hold
        union, inverse = np.unique(everything, return_inverse=True)
        return union.astype(object), np.split(inverse.astype(np.int64), np.cumsum([len(a) for a in arrays])[:-1])
