"""Integer arrays as narrow as their values allow: how the tallies keep their n-gram cells,
bigram pairs and clause codes.

A merged tally of a gigabyte of news holds about 9 million n-gram cells and 2 million
reporting clauses; kept as int64, their indices and counts are most of the main process's memory
while it merges. Every value of them fits in 32 bits on any corpus a machine can count (a
column is one of at most a few hundred million n-grams, a count passes 2^31 only past two
billion tokens of one group), and where one does not, the array stays int64: nothing is ever
truncated. Arithmetic that can pass 2^31 (shifted keys, sums) is done in int64 by the callers.
"""
from __future__ import annotations

import numpy as np

_LOW, _HIGH = np.iinfo(np.int32).min, np.iinfo(np.int32).max


def narrow_dtype(values: np.ndarray) -> np.dtype:
    """int32 when every one of `values` (integers) fits in it, else int64."""
    fits = values.dtype == np.int32 or values.size == 0 or (_LOW <= values.min() and values.max() <= _HIGH)
    return np.dtype(np.int32 if fits else np.int64)


def narrow(values: np.ndarray) -> np.ndarray:
    """`values` (integers, any shape) as int32 when every one fits, else as int64."""
    values = np.asarray(values)
    return values.astype(narrow_dtype(values), copy=False)
