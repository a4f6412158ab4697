"""The rows a plot draws (framing.stats.plot_rows), picked by partitions, against the same choice
made by two full sorts."""
from types import SimpleNamespace

import numpy as np

from framing.stats.plot_rows import plotted, plotted_by_sorting, top_positions


def test_plotted_rows_by_partition_are_those_by_sorting():
    # The rows a plot draws, found by partitions, against the same choice by two full sorts,
    # on comparisons with many tied z-scores and counts (and fewer terms than points).
    rng = np.random.default_rng(3)
    for n, points in [(5, 60), (60, 60), (1000, 60), (5000, 600), (300, 7)]:
        for _ in range(20):
            z = rng.integers(-4, 5, n) / 2.0
            count = rng.integers(0, 4, n)
            r = SimpleNamespace(scores={"z": z}, count=count, other_count=rng.integers(0, 3, n) * (count > 0))
            chosen = plotted(r, points)
            assert np.array_equal(chosen, plotted_by_sorting(r, points))
            if points >= 6:  # the first of the highest z and the last of the lowest are drawn
                assert {int(np.argmax(z)), n - 1 - int(np.argmin(z[::-1]))} <= set(chosen.tolist())


def test_top_positions_by_hand():
    z = np.array([1.0, 3.0, 3.0, 0.0, 3.0, 2.0])
    assert top_positions(z, 2).tolist() == [1, 2]  # three tie at 3.0: the first two
    assert top_positions(z, 4).tolist() == [1, 2, 4, 5]
    assert top_positions(z, 0).tolist() == [] and top_positions(z, 9).tolist() == [0, 1, 2, 3, 4, 5]
