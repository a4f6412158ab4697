"""From matches to counts: a map over documents, then a sum per group.

`profile_documents` is the map over a batch of documents (pure, picklable inputs); `count` is the per-group
reduce. The same two functions run on one core, on a process pool, or on a Dask bag.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .languages import UNDETERMINED, detect_language
from .matcher import Matcher
from .model import Document, Lexicon, Match
from .ngram_items import token_counts
from .quotes import quote_spans
from .voice import Voice, check_voice

if TYPE_CHECKING:
    from scipy import sparse


@dataclass(frozen=True)
class DocumentProfile:
    """What one document contributes to its group's counts."""

    doc_id: str
    group: str
    tokens: int
    quoted_tokens: int
    matches: tuple[Match, ...]
    language: str = UNDETERMINED  # the document's (from its column, else detected)


def lexicon_applies(lexicon_language: str | None, document_language: str) -> bool:
    """A lexicon counts in documents of its own language, and in those whose language could not
    be told (a short headline): an English lexicon is not applied to Arabic posts."""
    return not lexicon_language or document_language in (UNDETERMINED, lexicon_language)


def profile_document(doc: Document, group: str, matchers: Sequence[Matcher]) -> DocumentProfile:
    return profile_documents([(doc, group)], matchers)[0]


def profile_documents(pairs: Sequence[tuple[Document, str]], matchers: Sequence[Matcher],
                      tokens: Sequence[int] | None = None,
                      quotes: Sequence[list[tuple[int, int]]] | None = None) -> list[DocumentProfile]:
    """The profiles of (document, group) pairs, in order. Tokens are counted for the batch at once
    (`framing.ngram_items.token_counts`), the quotations' too, rather than a tokenizer pass per text;
    `tokens`, `quotes`: each text's count and `quote_spans`, when known (a counting job has its
    n-grams' items, and the attribution reads the quotations too)."""
    texts = [d.text for d, _ in pairs]
    spans = [quote_spans(t) for t in texts] if quotes is None else quotes
    tokens = token_counts(texts) if tokens is None else np.asarray(tokens, dtype=np.int64)
    quoted = token_counts([t[s:e] for t, sp in zip(texts, spans) for s, e in sp])
    owner = np.repeat(np.arange(len(pairs)), [len(sp) for sp in spans])
    quoted_tokens = np.bincount(owner, weights=quoted, minlength=len(pairs)).astype(np.int64)
    out = []
    for (doc, group), n, q, quotes in zip(pairs, tokens.tolist(), quoted_tokens.tolist(), spans):
        language = doc.language or detect_language(doc.text)
        matches = tuple(m for matcher in matchers if lexicon_applies(matcher.lexicon.language, language)
                        for m in matcher.match(doc, quotes))
        out.append(DocumentProfile(doc.id, group, n, q, matches, language))
    return out


@dataclass(frozen=True)
class TermIndex:
    """The terms counted, in lexicon order: (lexicon, category, term) per column."""

    keys: tuple[tuple[str, str, str], ...]

    @classmethod
    def of(cls, lexicons: Iterable[Lexicon]) -> TermIndex:
        return cls(tuple((lx.name, c.name, t.term) for lx in lexicons for c, t in lx.terms()))

    def position(self) -> dict[tuple[str, str, str], int]:
        return {k: i for i, k in enumerate(self.keys)}


@dataclass(frozen=True)
class Counts:
    """Group x term counts, split by voice, with the denominators beside them."""

    groups: tuple[str, ...]
    terms: TermIndex
    count: np.ndarray          # groups x terms, all text
    quoted: np.ndarray         # groups x terms, inside quotation marks
    documents: np.ndarray      # groups x terms, documents with at least one match
    tokens: np.ndarray         # per group, all text
    quoted_tokens: np.ndarray  # per group, inside quotation marks
    group_documents: np.ndarray

    def voice(self, voice: Voice = "all") -> tuple[np.ndarray, np.ndarray]:
        """(counts, tokens) for all text, the reporter's own words, or quotations only."""
        voice = check_voice(voice)
        if voice == "all":
            return self.count, self.tokens
        if voice == "quoted":
            return self.quoted, self.quoted_tokens
        return self.count - self.quoted, self.tokens - self.quoted_tokens

    def matrix(self, voice: str = "all") -> pd.DataFrame:
        """groups x terms counts as a DataFrame with term names as columns."""
        counts, _ = self.voice(voice)
        return pd.DataFrame(counts, index=list(self.groups), columns=[k[2] for k in self.terms.keys])


def count(profiles: Iterable[DocumentProfile], terms: TermIndex, groups: Sequence[str] | None = None) -> Counts:
    """Sum document profiles per group. Groups appear in first-seen order unless given."""
    profiles = list(profiles)
    order = list(groups) if groups is not None else list(dict.fromkeys(p.group for p in profiles))
    g_index = {g: i for i, g in enumerate(order)}
    t_index = terms.position()
    shape = (len(order), len(terms.keys))
    total, quoted, docs = np.zeros(shape, np.int64), np.zeros(shape, np.int64), np.zeros(shape, np.int64)
    tokens, q_tokens, n_docs = (np.zeros(len(order), np.int64) for _ in range(3))
    for p in profiles:
        g = g_index[p.group]
        tokens[g] += p.tokens
        q_tokens[g] += p.quoted_tokens
        n_docs[g] += 1
        seen = set()
        for m in p.matches:
            t = t_index[(m.lexicon, m.category, m.term)]
            total[g, t] += 1
            quoted[g, t] += m.quoted
            seen.add(t)
        for t in seen:
            docs[g, t] += 1
    return Counts(tuple(order), terms, total, quoted, docs, tokens, q_tokens, n_docs)


def document_term_matrix(profiles: Sequence[DocumentProfile], terms: TermIndex,
                         voice: str = "all") -> tuple[sparse.csr_matrix, np.ndarray]:
    """documents x terms counts and each document's token total, for resampling documents."""
    from scipy import sparse  # here: discovery and reading need no scipy

    t_index = terms.position()
    rows, cols = [], []
    tokens = np.zeros(len(profiles), np.int64)
    for i, p in enumerate(profiles):
        if voice == "all":
            tokens[i] = p.tokens
        elif voice == "quoted":
            tokens[i] = p.quoted_tokens
        else:
            tokens[i] = p.tokens - p.quoted_tokens
        for m in p.matches:
            if voice == "all" or (voice == "quoted") == m.quoted:
                rows.append(i)
                cols.append(t_index[(m.lexicon, m.category, m.term)])
    data = np.ones(len(rows), np.int64)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(profiles), len(terms.keys)), dtype=np.int64)
    matrix.sum_duplicates()
    return matrix, tokens
