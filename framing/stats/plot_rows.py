"""Which terms of a comparison a plot draws, and the highest values of an array, by partitions
rather than full sorts: a report draws a few hundred of a million terms in each of dozens of
comparisons (framing.stats.discover)."""
from __future__ import annotations

import numpy as np

from .logodds import Comparison


def top_positions(z: np.ndarray, top: int) -> np.ndarray:
    """The positions of the `top` highest z, ties broken by position (term order), sorted: a
    partition finds the cut in linear time, and only the terms at or above it are sorted."""
    n = min(max(top, 0), len(z))
    if n == 0:
        return np.array([], dtype=np.int64)
    cut = np.partition(-z, n - 1)[n - 1]
    above = np.flatnonzero(-z <= cut)
    return np.sort(above[np.lexsort((above, -z[above]))][:n])


def plotted(r: Comparison, points: int) -> np.ndarray:
    """Term positions of one comparison worth drawing: the `points // 6` highest and lowest z each,
    then the most frequent terms up to `points` (ties broken by position, i.e. by term). As
    `plotted_by_sorting` picks them, by partitions: a report draws a few hundred of a million
    terms in each of dozens of comparisons, and sorting every term twice per comparison took
    4.4 of the 44 seconds of a 1 GB corpus's page."""
    z = np.asarray(r.scores["z"], dtype=float)
    if not np.isfinite(z).all():
        return plotted_by_sorting(r, points)  # where argsort puts a NaN is its own rule
    side = min(points // 6, len(z))
    # The highest z (ties: the first term) and the lowest (ties: the last, as the end of a
    # stable sort by -z has them).
    low = len(z) - 1 - top_positions(-z[::-1], side)
    chosen = dict.fromkeys([*top_positions(z, side).tolist(), *low.tolist()])
    total = r.count + r.other_count
    # The loop below takes at most `points` of the most frequent terms, whichever are chosen already.
    frequent = top_positions(total, points)
    for i in frequent[np.lexsort((frequent, -total[frequent]))].tolist():
        if len(chosen) >= points:
            break
        if total[i] > 0:
            chosen.setdefault(i)
    return np.array(sorted(chosen), dtype=np.int64)


def plotted_by_sorting(r: Comparison, points: int) -> np.ndarray:
    """`plotted`, by sorting every term by z and by frequency."""
    z = np.asarray(r.scores["z"], dtype=float)
    side = min(points // 6, len(z))
    order = np.argsort(-z, kind="stable")
    extreme = np.concatenate([order[:side], order[::-1][:side]])
    total = r.count + r.other_count
    frequent = np.argsort(-total, kind="stable")
    chosen = dict.fromkeys(extreme.tolist())
    for i in frequent.tolist():
        if len(chosen) >= points:
            break
        if total[i] > 0:
            chosen.setdefault(i)
    return np.array(sorted(chosen), dtype=np.int64)
