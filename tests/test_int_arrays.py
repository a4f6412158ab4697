"""framing.int_arrays.narrow, and the tallies' arrays kept narrow without losing a value."""
import numpy as np

from framing.engines.clauses import merge_clauses, no_clauses
from framing.int_arrays import narrow
from framing.ngrams import NgramCounts, count_chunk

BIG = 2**31 - 1  # the largest int32


def test_narrow_keeps_int32_up_to_its_bounds_and_int64_past_them():
    assert narrow(np.array([0, BIG, -BIG - 1], np.int64)).dtype == np.int32
    assert narrow(np.array([BIG + 1], np.int64)).dtype == np.int64
    assert narrow(np.array([-BIG - 2], np.int64)).dtype == np.int64
    assert narrow(np.array([BIG + 1], np.int64))[0] == BIG + 1
    assert narrow(np.zeros((0, 2), np.int64)).shape == (0, 2)
    wide = np.array([[1, 2], [3, BIG + 5]], np.int64)
    assert narrow(wide).dtype == np.int64 and (narrow(wide) == wide).all()


def test_counted_cells_are_int32():
    c = count_chunk(["Gaza ceasefire talks resume", "ceasefire talks stall"], [0, 1], ("a", "b"))
    assert {a.dtype for a in c.cells} == {np.dtype(np.int32)}
    assert c.bigrams.dtype == np.int32


def test_merged_counts_past_int32_are_exact():
    # Two batches whose one cell holds a count near the int32 limit: the sum must not wrap.
    parts = []
    for _ in range(2):
        c = count_chunk(["ceasefire"], [0], ("a",))
        parts.append(NgramCounts(c.groups, c.words, c.bigrams, c.cells._replace(count=np.array([BIG], np.int32)),
                                 c.group_tokens))
    total = NgramCounts.total(parts)
    assert total.cells.count.dtype == np.int64
    assert total.cells.count.tolist() == [2 * BIG]  # by hand: 2 x (2^31 - 1)
    assert total.cells.documents.tolist() == [2] and total.cells.documents.dtype == np.int32


def test_merged_clauses_are_narrow():
    empty = no_clauses(("speaker",))
    merged = merge_clauses([(empty, np.zeros(0, bool), ()), (empty, np.zeros(0, bool), ())])
    assert merged.doc.dtype == np.int32 and merged.codes.dtype == np.int32 and merged.codes.shape == (0, 1)
