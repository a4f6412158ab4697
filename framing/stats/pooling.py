"""Many groups on one page: rank them by size and pool the small ones into one column."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..counts import Counts


def by_size(counts: Counts) -> tuple[str, ...]:
    """The groups, most documents first; ties keep their order of first appearance (so the
    seeds, one article per group, stay in corpus order)."""
    order = np.argsort(-counts.group_documents, kind="stable")
    return tuple(counts.groups[i] for i in order)


def pooled_label(groups: Sequence[str], by: str) -> str:
    """A name for the pooled column that no real group has."""
    label = "other sources" if by == "source" else "other groups"
    while label in groups:
        label += " (pooled)"
    return label


def pool_groups(counts: Counts, keep: Sequence[str], label: str) -> Counts:
    """`counts` with the groups `keep` (in that order) and every other group summed into one
    group `label`, placed last. Documents belong to one group each, so summing the per-group
    document counts is exact. No pooled group when `keep` holds every group."""
    index = {g: i for i, g in enumerate(counts.groups)}
    unknown = [g for g in keep if g not in index]
    if unknown:
        raise ValueError(f"unknown groups {unknown!r}")
    rows = [index[g] for g in keep]
    rest = np.setdiff1d(np.arange(len(counts.groups)), rows)

    def take(a: np.ndarray) -> np.ndarray:
        kept = a[rows]
        return np.concatenate([kept, a[rest].sum(axis=0, keepdims=True)]) if len(rest) else kept

    groups = tuple(keep) + ((label,) if len(rest) else ())
    return replace(counts, groups=groups, count=take(counts.count), quoted=take(counts.quoted),
                   documents=take(counts.documents), tokens=take(counts.tokens),
                   quoted_tokens=take(counts.quoted_tokens), group_documents=take(counts.group_documents))
