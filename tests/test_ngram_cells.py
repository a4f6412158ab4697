"""framing.ngram_cells: adding up the n-gram cells of several batches."""
from collections import Counter

import numpy as np

from framing.ngram_cells import Cells, merge_cells


def test_cells_added_up_equal_a_dictionary_of_sums():
    # merge_cells adds the later batches into the first by binary search and insertion: checked
    # against plain sums, with the first batch empty, smaller or larger than the rest.
    rng = np.random.default_rng(3)

    def batch(n):
        keys = np.unique(rng.integers(0, 400, n) * 4 + rng.integers(0, 3, n))  # (column, group), distinct
        return Cells(keys // 4, keys % 4, rng.integers(1, 9, len(keys)), rng.integers(1, 3, len(keys)))

    for sizes in ([0, 50, 40], [300, 20], [10, 200, 200, 5], [100, 0], [60], [0, 0]):
        parts = [batch(n) for n in sizes]
        want: Counter = Counter()
        docs: Counter = Counter()
        for c in parts:
            for col, g, n, d in zip(*c):
                want[int(col), int(g)] += int(n)
                docs[int(col), int(g)] += int(d)
        got = merge_cells(parts, 3)
        pairs = list(zip(got.column.tolist(), got.group.tolist()))
        assert pairs == sorted(want)  # sorted by column, then group, each once
        assert got.count.tolist() == [want[p] for p in pairs] and got.documents.tolist() == [docs[p] for p in pairs]
