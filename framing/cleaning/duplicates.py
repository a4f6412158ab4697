"""Duplicates: documents that repeat another, exactly or nearly, counted per group.

- Exact: the same text once case is folded, whitespace collapsed and punctuation removed (so
  CoreNLP's re-joined tokens " The  violence  came ..." equal the sentence as printed).
- Near: TF-IDF cosine of at least `near` (default `NEAR` = 0.9), on the vectors of the
  retellings analysis (`framing.analyses.retellings.weigh`: the project's tokens, stop words and
  numbers left out, each document cut to its 300 heaviest terms), so a sentence re-tagged with
  an updated death toll or a headline with one word changed is a near duplicate. Exact
  duplicates are near duplicates too, and each text is weighed once. Pairs come from
  `retellings.pairs_above`: sparse block products over each document's rarest terms only, never
  a Python loop over pairs. The term counts (`Duplicates.terms`, every distinct text) travel
  with the cleaned corpus, so the retellings weigh them instead of tokenizing the corpus again.

Within a group, documents are taken in corpus order: a document repeats the first document
before it that it duplicates and that is itself kept (exactly; or, for near, the most similar
such document), so the first document of each cluster is kept and every dropped document is
a duplicate of a kept one, not only of a chain of others. Across groups, copies (syndicated
wire stories, one publisher under two names) are counted and listed but never dropped: a
comparison of sources needs each source's copy.

`dedupe(corpus, found, mode)` keeps, per group, every document (`none`), the first of each
set of exact duplicates (`exact`), or the first of each cluster of near duplicates (`near`),
and lists the others in `skipped` with the id of the document kept in their place.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..analyses.retellings import TermCounts, pairs_above, term_counts, weigh
from ..model import Corpus, Skipped

NEAR = 0.9
Mode = Literal["exact", "near", "none"]
MODES: tuple[Mode, ...] = get_args(Mode)
_PUNCTUATION = re.compile(r"[^\w\s]+|_+")


@dataclass(frozen=True)
class Cluster:
    """Documents that repeat one another, the first in corpus order first (the one kept)."""

    kind: Literal["exact", "near"]  # exact: all the same text after normalisation
    members: tuple[str, ...]  # ids, in corpus order
    positions: tuple[int, ...]  # their positions in the corpus
    groups: tuple[str, ...]  # the group (within a group), or the groups in order of first member
    similarity: float  # the lowest cosine of a member to the first (within a group) or of a pair (across)


@dataclass(frozen=True)
class GroupDuplicates:
    """One group's duplicate counts. `exact` and `near` are the documents that dedupe drops."""

    documents: int
    exact: int  # documents that repeat an earlier document of the group exactly
    near: int  # documents that repeat an earlier kept document of the group at cosine >= near (exact included)
    exact_across: int  # documents with an exact copy in another group
    near_across: int  # documents with a near duplicate (or an exact copy) in another group


@dataclass(frozen=True)
class Duplicates:
    """What `find_duplicates` found. Per document (by position in the corpus): the document it
    repeats exactly (`exact_of`) and nearly (`near_of`) within its group, itself if none, and the
    cosine to the latter (`similarity`: 1.0 for itself or an exact copy)."""

    ids: tuple[str, ...]
    labels: tuple[str, ...]
    exact_of: tuple[int, ...]
    near_of: tuple[int, ...]
    similarity: tuple[float, ...]
    clusters: tuple[Cluster, ...]  # within groups: each kept document with the documents it stands for
    across: tuple[Cluster, ...]  # exact copies and near duplicates spanning groups (connected by pairs)
    groups: dict[str, GroupDuplicates]
    near: float = NEAR
    # The terms of every distinct text, counted once: for the retellings of the cleaned corpus.
    terms: TermCounts | None = field(default=None, compare=False, repr=False)

    def representative(self, position: int, mode: Mode = "near") -> str:
        """The id of the document kept in place of the document at `position` under `mode`."""
        mode = check_mode(mode)
        of = {"exact": self.exact_of, "near": self.near_of, "none": range(len(self.ids))}[mode]
        return self.ids[of[position]]


def check_mode(mode: str) -> Mode:
    """`mode` if it is one of MODES; otherwise a ValueError that lists them."""
    if mode not in MODES:
        raise ValueError(f"unknown de-duplication mode {mode!r}; use one of {', '.join(MODES)}")
    return mode  # type: ignore[return-value]


def normal_form(text: str) -> str:
    """The text compared for exact duplicates: case folded, punctuation removed, whitespace collapsed."""
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def find_duplicates(corpus: Corpus, labels: Sequence[str], *, near: float = NEAR) -> Duplicates:
    """Exact and near duplicates (cosine >= `near`), within each group and across groups.

    `labels`: each document's group, in corpus order (module docstring for the rules)."""
    if isinstance(near, bool) or not isinstance(near, (int, float)) or not 0 < near <= 1:
        raise ValueError(f"near must be a cosine above 0 and at most 1, not {near!r}")
    docs = corpus.documents
    if len(labels) != len(docs):
        raise ValueError(f"{len(labels)} labels for {len(docs)} documents")
    n = len(docs)
    labels = tuple(labels)
    # Exact: one key per distinct normal form; within a group, the first document with it.
    key_of: dict[str, int] = {}
    keys = np.fromiter((key_of.setdefault(normal_form(d.text), len(key_of)) for d in docs), dtype=np.int64, count=n)
    first: dict[tuple[int, str], int] = {}
    exact_of = np.array([first.setdefault((int(k), g), i) for i, (k, g) in enumerate(zip(keys, labels))],
                        dtype=np.int64)
    # Near: pairs of distinct texts, scored once per text (the first document's of each).
    row_of: dict[str, int] = {}
    rows = np.fromiter((row_of.setdefault(d.text, len(row_of)) for d in docs), dtype=np.int64, count=n)
    counted = term_counts(list(row_of))
    first_of_key = np.unique(keys, return_index=True)[1]  # keys are numbered in order of first use
    ka, kb, ksim = pairs_above(weigh(counted.rows(rows[first_of_key])), near)
    near_of, similarity = _leaders(keys, labels, exact_of, ka, kb, ksim)
    groups = _counts(keys, labels, exact_of, near_of, ka, kb, len(key_of))
    ids = tuple(d.id for d in docs)
    return Duplicates(ids=ids, labels=labels, exact_of=tuple(exact_of.tolist()), near_of=tuple(near_of.tolist()),
                      similarity=tuple(similarity.tolist()),
                      clusters=_clusters(ids, labels, keys, near_of, similarity),
                      across=_across(ids, labels, keys, ka, kb, ksim), groups=groups, near=float(near),
                      terms=counted)


def _by_group_and_key(keys: np.ndarray, labels: tuple[str, ...], exact_of: np.ndarray) -> dict[int, dict[str, int]]:
    """key -> {group: its first document with that key}."""
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for i in np.flatnonzero(exact_of == np.arange(len(keys))):
        out[int(keys[i])][labels[i]] = int(i)
    return out


def _leaders(keys: np.ndarray, labels: tuple[str, ...], exact_of: np.ndarray, ka: np.ndarray, kb: np.ndarray,
             ksim: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each document's near representative within its group, and the cosine to it."""
    n = len(keys)
    firsts = _by_group_and_key(keys, labels, exact_of)
    # Document pairs (earlier, later) of one group, between the first documents of two texts.
    neighbours: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for a, b, sim in zip(ka.tolist(), kb.tolist(), ksim.tolist()):
        fa, fb = firsts[a], firsts[b]
        for g in (fa.keys() & fb.keys()):
            i, j = sorted((fa[g], fb[g]))
            neighbours[j].append((sim, i))
    near_of = np.arange(n)
    similarity = np.ones(n)
    for j in sorted(neighbours):  # corpus order: a document's neighbours before it are settled
        kept = [(sim, i) for sim, i in neighbours[j] if near_of[i] == i]
        if kept:
            sim, i = max(kept, key=lambda si: (si[0], -si[1]))  # the most similar; ties: the first
            near_of[j], similarity[j] = i, sim
    copies = exact_of != np.arange(n)  # an exact copy follows the first document of its text
    near_of[copies] = near_of[exact_of[copies]]
    similarity[copies] = similarity[exact_of[copies]]
    return near_of, similarity


def _counts(keys: np.ndarray, labels: tuple[str, ...], exact_of: np.ndarray, near_of: np.ndarray,
            ka: np.ndarray, kb: np.ndarray, n_keys: int) -> dict[str, GroupDuplicates]:
    groups_of: list[set[str]] = [set() for _ in range(n_keys)]
    for k, g in zip(keys.tolist(), labels):
        groups_of[k].add(g)
    reach = [set(s) for s in groups_of]  # the groups with an exact copy or a near duplicate of the text
    for a, b in zip(ka.tolist(), kb.tolist()):
        reach[a] |= groups_of[b]
        reach[b] |= groups_of[a]
    out: dict[str, dict[str, int]] = {}
    positions = np.arange(len(keys))
    for i, (k, g) in enumerate(zip(keys.tolist(), labels)):
        c = out.setdefault(g, {"documents": 0, "exact": 0, "near": 0, "exact_across": 0, "near_across": 0})
        c["documents"] += 1
        c["exact"] += int(exact_of[i] != positions[i])
        c["near"] += int(near_of[i] != positions[i])
        c["exact_across"] += int(len(groups_of[k]) > 1)
        c["near_across"] += int(len(reach[k]) > 1)
    return {g: GroupDuplicates(**c) for g, c in out.items()}


def _clusters(ids: tuple[str, ...], labels: tuple[str, ...], keys: np.ndarray, near_of: np.ndarray,
              similarity: np.ndarray) -> tuple[Cluster, ...]:
    members: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(near_of.tolist()):
        members[r].append(i)
    out = []
    for r, ms in members.items():
        if len(ms) < 2:
            continue
        exact = all(keys[m] == keys[r] for m in ms)
        out.append(Cluster(kind="exact" if exact else "near", members=tuple(ids[m] for m in ms),
                           positions=tuple(ms), groups=(labels[r],),
                           similarity=1.0 if exact else float(min(similarity[m] for m in ms[1:]))))
    return tuple(sorted(out, key=lambda c: c.positions[0]))


def _across(ids: tuple[str, ...], labels: tuple[str, ...], keys: np.ndarray, ka: np.ndarray, kb: np.ndarray,
            ksim: np.ndarray) -> tuple[Cluster, ...]:
    """Texts joined by exact copies or near pairs into clusters that span more than one group."""
    if not len(keys):
        return ()
    n_keys = int(keys.max()) + 1
    graph = sparse.csr_matrix((np.ones(len(ka)), (ka, kb)), shape=(n_keys, n_keys))
    _, component = connected_components(graph, directed=False)
    docs_of: dict[int, list[int]] = defaultdict(list)
    for i, k in enumerate(keys.tolist()):
        docs_of[int(component[k])].append(i)
    lowest: dict[int, float] = {}
    for a, s in zip(ka.tolist(), ksim.tolist()):
        c = int(component[a])
        lowest[c] = min(lowest.get(c, 1.0), s)
    out = []
    for c, ms in docs_of.items():
        groups = tuple(dict.fromkeys(labels[m] for m in ms))
        if len(groups) < 2:
            continue
        exact = len({int(keys[m]) for m in ms}) == 1
        out.append(Cluster(kind="exact" if exact else "near", members=tuple(ids[m] for m in ms), positions=tuple(ms),
                           groups=groups, similarity=1.0 if exact else lowest.get(c, 1.0)))
    return tuple(sorted(out, key=lambda cl: cl.positions[0]))


def kept_counts(found: Duplicates) -> dict[str, dict[Mode, int]]:
    """For each group, how many documents each mode keeps: {group: {"none": .., "exact": .., "near": ..}}."""
    return {g: {"none": c.documents, "exact": c.documents - c.exact, "near": c.documents - c.near}
            for g, c in found.groups.items()}


def dedupe(corpus: Corpus, found: Duplicates, mode: Mode) -> Corpus:
    """The corpus with, in each group, only the first document of each set of duplicates
    (`exact`, `near`) or all of them (`none`); the others are moved to `skipped`, naming the
    document kept in their place."""
    mode = check_mode(mode)
    docs = corpus.documents
    if len(docs) != len(found.ids) or any(d.id != i for d, i in zip(docs, found.ids)):
        raise ValueError("these duplicates were found on another corpus; call find_duplicates on this one")
    if mode == "none":
        return corpus
    of = found.exact_of if mode == "exact" else found.near_of
    kept, skipped = [], list(corpus.skipped)
    for i, d in enumerate(docs):
        r = of[i]
        if r == i:
            kept.append(d)
        elif found.exact_of[i] == found.exact_of[r] or mode == "exact":
            skipped.append(Skipped(d.id, f"exact duplicate of {docs[r].id} in {found.labels[i]!r} "
                                         "(the same text once case, spacing and punctuation are ignored)"))
        else:
            skipped.append(Skipped(d.id, f"near duplicate of {docs[r].id} in {found.labels[i]!r} "
                                         f"(cosine {found.similarity[i]:.3f} >= {found.near:g})"))
    dropped = len(docs) - len(kept)
    notes = (*corpus.notes, f"{dropped} {mode} duplicates dropped (the first of each kept, within each group)") \
        if dropped else corpus.notes
    return Corpus(name=corpus.name, documents=tuple(kept), skipped=tuple(skipped), notes=notes)
