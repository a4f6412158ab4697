"""The typed, immutable values passed from stage to stage of the pipeline.

All shared types live here so that every stage can be read (and replaced) on its own:
reading gives a `Corpus`, loading gives a `Lexicon`, matching gives `Match`es, counting gives
`Counts`. Mappings inside frozen dataclasses are treated as read-only by convention (plain
dicts keep the values picklable for process pools and Dask).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    source: str | None = None
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    language: str | None = None  # ISO 639-1, from a column or manifest; None: detected when needed


@dataclass(frozen=True)
class Skipped:
    """An input that did not become a document, and why: listed to the user, never dropped silently."""

    path: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    name: str
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()  # things the user should know, e.g. a Windows-1252 fallback
    cleaning: Any = None  # framing.cleaning.clean.Cleaning: boilerplate and duplicates, when cleaned

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self):
        return iter(self.documents)


@dataclass(frozen=True)
class Term:
    """One lexicon entry: the name it is reported under and the surface forms that count for it.

    `exceptions` are phrases in which a match of the term does not count (`prisoners` inside
    `prisoners' rights`): a match that lies inside an occurrence of one of them is dropped.
    `translation_of` names the term (by its `term`) of another lexicon that this entry translates,
    e.g. `hostages` of `israel-gaza` for the Arabic رهائن, so that a report can set them side by side.
    """

    term: str
    variants: tuple[str, ...] = ()
    case_sensitive: bool = False
    note: str | None = None
    references: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    translation_of: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True)
class Category:
    name: str
    terms: tuple[Term, ...]
    note: str | None = None
    contrast: bool = False  # the terms are competing names for the same referent
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    name: str
    categories: tuple[Category, ...]
    language: str = "en"
    description: str | None = None
    references: tuple[str, ...] = ()
    path: str | None = None

    def terms(self) -> list[tuple[Category, Term]]:
        return [(c, t) for c in self.categories for t in c.terms]


class Match(NamedTuple):
    """One occurrence of a lexicon term, with enough to show it in context and check it by hand.

    A NamedTuple rather than a frozen dataclass: the matcher makes millions of these, and a
    tuple is created about five times faster while staying immutable and picklable.
    """

    doc_id: str
    lexicon: str
    category: str
    term: str
    start: int
    end: int
    surface: str
    quoted: bool
