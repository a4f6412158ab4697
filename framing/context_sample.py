"""The contexts a report shows: a sample of each term's matches that partitions can take apart
and merge exactly.

Each match gets a key, the first 8 bytes of BLAKE2b of its document's id and its offset: a number
that looks random but is the same on every run and machine. A term's sample is its `PER_TERM`
matches of smallest key (bottom-k sampling). The sample of a union of documents is the sample of
the union of its parts' samples, so `framing count` keeps only each partition's sample, and the
report of a counts file shows exactly the contexts the report of the corpus shows.

The page takes, of each term, its matches of smallest key up to the term's share of the page's
budget (`page_sample`), and lists them in corpus order. Every match, with its sentence, is in
`framing matches`.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .contexts import context
from .model import Document

PER_TERM = 200  # matches kept per term: the most the page shows of one term
LABEL_CHARS = 80


@dataclass(frozen=True)
class SampledContext:
    """One match in the sample, with what the page shows of it."""

    key: int  # the sampling key (`sample_key`)
    column: int  # the term's column in the counts (`framing.counts.TermIndex`)
    doc_id: str
    start: int
    end: int
    group: str
    document: str  # the document's name on the page (`document_label`)
    left: str
    match: str
    right: str
    quoted: bool


def document_label(doc: Document) -> str:
    """How a document is named on the page: its title, else its manifest description, else its id."""
    name = doc.title or str(doc.meta.get("description") or "") or doc.id
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "\u2026"


def sample_key(doc_id: str, start: int) -> int:
    digest = hashlib.blake2b(f"{doc_id}\0{start}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def sample(profiles: Iterable, documents: Mapping[str, Document], groups: Mapping[str, str],
           position: Mapping[tuple[str, str, str], int], per_term: int | None = None) -> tuple[SampledContext, ...]:
    """Each term's `per_term` matches of smallest key among the matches of `profiles`
    (`framing.counts.DocumentProfile`), sorted by term column and key. `position`: the column of
    each (lexicon, category, term); `groups`: each document's group."""
    per_term = PER_TERM if per_term is None else per_term
    candidates: dict[int, list[tuple[int, str, int, int, bool]]] = defaultdict(list)
    for p in profiles:
        for m in p.matches:
            column = position[(m.lexicon, m.category, m.term)]
            candidates[column].append((sample_key(p.doc_id, m.start), p.doc_id, m.start, m.end, bool(m.quoted)))
    out = []
    for column, rows in candidates.items():
        for key, doc_id, start, end, quoted in heapq.nsmallest(per_term, rows):
            doc = documents[doc_id]
            out.append(SampledContext(key, column, doc_id, start, end, groups[doc_id], document_label(doc),
                                      *context(doc.text, start, end), quoted))
    return _ordered(out)


def merge_samples(parts: Iterable[Sequence[SampledContext]], per_term: int | None = None) -> tuple[SampledContext, ...]:
    """The sample of the union of documents whose samples are `parts` (each already without the
    documents the union leaves out)."""
    per_term = PER_TERM if per_term is None else per_term
    by_column: dict[int, list[SampledContext]] = defaultdict(list)
    for part in parts:
        for c in part:
            by_column[c.column].append(c)
    return _ordered(c for rows in by_column.values()
                    for c in heapq.nsmallest(per_term, rows, key=lambda c: (c.key, c.doc_id, c.start, c.end)))


def page_sample(sampled: Sequence[SampledContext], total: int, limit: int,
                order: Mapping[str, int]) -> list[SampledContext]:
    """What the page lists: every term's sample when the `total` matches fit in `limit`, else
    each term's share of `limit` (the same number of each term's, so rare terms stay
    reachable), its matches of smallest key; in corpus order (`order`: each document's
    position), then by offset and term."""
    by_column: dict[int, list[SampledContext]] = defaultdict(list)
    for c in sampled:
        by_column[c.column].append(c)
    share = page_share(total, limit, len(by_column))
    chosen = [c for rows in by_column.values() for c in sorted(rows, key=_rank)[:share]]
    return sorted(chosen, key=lambda c: (order[c.doc_id], c.start, c.end, c.column))


def page_share(total: int, limit: int, terms: int) -> int:
    """How many of each term's sampled matches the page lists, of `total` matches of `terms` terms."""
    return PER_TERM if total <= limit else max(1, limit // max(1, terms))


def _rank(c: SampledContext) -> tuple:
    return c.key, c.doc_id, c.start, c.end


def _ordered(rows: Iterable[SampledContext]) -> tuple[SampledContext, ...]:
    return tuple(sorted(rows, key=lambda c: (c.column, *_rank(c))))
