"""The analysis stage: corpus + lexicons -> document profiles -> group counts."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .counts import Counts, DocumentProfile, TermIndex, count, document_term_matrix, lexicon_applies, profile_documents
from .grouping import grouper
from .matcher import Matcher
from .model import Corpus, Document, Lexicon
from .progress import Progress, Work
from .workers import default_jobs, process_pool

_PARALLEL_MIN_CHARS = 20_000_000  # below this, starting worker processes costs more than it saves
CHUNK = 500  # documents profiled together: their tokens are counted in one pass
# (FRAMING_PARALLEL_MIN_CHARS replaces it: see framing.workers)


@dataclass(frozen=True)
class Analysis:
    """Every document's matches and counts, per group. A lexicon is applied to the documents of
    its language and to undetermined ones (`counts.lexicon_applies`); each profile says its
    document's language."""

    corpus: Corpus
    lexicons: tuple[Lexicon, ...]
    by: str
    groups: tuple[str, ...]
    doc_groups: dict[str, str]
    profiles: tuple[DocumentProfile, ...]
    counts: Counts
    # The same counts on headlines alone (documents with a title), or None when none has one.
    headlines: Counts | None = None
    # Per-document counts when the analysis comes from a counts file (`framing.engines`): then
    # `corpus` holds no documents and `profiles` is empty, but documents can still be resampled.
    tally: Any = None

    def document_matrix(self, voice: str = "all") -> tuple[Any, Any, Any]:
        """(documents x terms counts, each document's tokens, each document's group index into
        `counts.groups`) in `voice`: what resampling documents needs."""
        import numpy as np

        if self.tally is not None:
            # The analysis's groups are the tally's, in its order, perhaps renamed for the page
            # (visible controls, blinding): the tally's own group indices are theirs.
            if len(self.tally.groups) != len(self.counts.groups):
                raise ValueError("the analysis's groups are not the tally's")
            return self.tally.document_matrix(voice)
        dtm, tokens = document_term_matrix(self.profiles, self.counts.terms, voice)
        g_index = {g: i for i, g in enumerate(self.counts.groups)}
        return dtm, tokens, np.array([g_index[p.group] for p in self.profiles], dtype=np.int64)

    def document_dates(self) -> tuple[Any, ...] | None:
        """Each document's date (None: undated), in the order of `document_matrix`'s rows; None
        when the dates were not recorded (a version 1 counts file)."""
        if self.tally is not None:
            return self.tally.dates if len(self.tally.dates) == len(self.tally.ids) else None
        dates = {d.id: d.date for d in self.corpus.documents}
        return tuple(dates[p.doc_id] for p in self.profiles)

    def languages(self) -> dict[str, int]:
        """Documents per language, most first."""
        from collections import Counter

        languages = self.tally.languages if self.tally is not None else (p.language for p in self.profiles)
        return dict(Counter(languages).most_common())

    def unmatched_languages(self) -> dict[str, dict[str, int]]:
        """Per lexicon, the documents it was not applied to because of their language."""
        langs = self.languages()
        return {lx.name: {lang: n for lang, n in langs.items() if not lexicon_applies(lx.language, lang)}
                for lx in self.lexicons}


_worker_matchers: Sequence[Matcher] = ()


def _init_worker(matchers: Sequence[Matcher]) -> None:
    # Ship the compiled lexicons once per worker process, not once per chunk.
    global _worker_matchers
    _worker_matchers = matchers


_Chunk = tuple[list[tuple[Document, str]], Sequence[int] | None, Sequence[list[tuple[int, int]]] | None]


def _profile_chunk(chunk: _Chunk) -> list[DocumentProfile]:
    pairs, tokens, quotes = chunk
    return profile_documents(pairs, _worker_matchers, tokens, quotes)


def _chunks(pairs: list[tuple[Document, str]], tokens: Sequence[int] | None,
            quotes: Sequence[list[tuple[int, int]]] | None) -> list[_Chunk]:
    def part(values, i):
        return None if values is None else values[i:i + CHUNK]

    return [(pairs[i:i + CHUNK], part(tokens, i), part(quotes, i)) for i in range(0, len(pairs), CHUNK)]


def analyse(corpus: Corpus, lexicons: Sequence[Lexicon], by: str = "source", nested: bool = False,
            workers: int | None = None, progress: Progress | None = None, *,
            tokens: Sequence[int] | None = None, quotes: Sequence[list[tuple[int, int]]] | None = None) -> Analysis:
    """Match every lexicon in every document and count per group.

    `workers=None` uses all cores for large corpora and one for small ones; the result is the
    same either way (profiles keep corpus order). `tokens`, `quotes`: each document's token
    count (`framing.ngram_items.token_counts`) and quotations (`framing.quotes.quote_spans`), when
    the caller has them.
    """
    key = grouper(corpus, by)
    matchers = [Matcher(lx, nested=nested) for lx in lexicons]
    pairs = [(d, key(d)) for d in corpus.documents]
    for name, given in (("token counts", tokens), ("quotation lists", quotes)):
        if given is not None and len(given) != len(pairs):
            raise ValueError(f"{len(given)} {name} for {len(pairs)} documents")
    chunks = _chunks(pairs, tokens, quotes)
    if workers is None:
        size = sum(len(d.text) for d in corpus.documents)
        workers = default_jobs(size, _PARALLEL_MIN_CHARS)
    if workers > 1:
        with process_pool(workers, initializer=_init_worker, initargs=(matchers,)) as pool:
            # One step per document, whatever the chunking.
            results = Work((p for chunk in pool.map(_profile_chunk, chunks) for p in chunk), len(pairs))
            profiles = tuple(progress(results) if progress else results)
    else:
        results = Work((p for c, n, q in chunks for p in profile_documents(c, matchers, n, q)), len(pairs))
        profiles = tuple(progress(results) if progress else results)
    groups = tuple(dict.fromkeys(g for _, g in pairs))
    terms = TermIndex.of(lexicons)
    counts = count(profiles, terms, groups)
    # Headlines are short: matching them costs little next to the bodies, on one core.
    # A headline is in its article's language (too short to tell on its own).
    language = {p.doc_id: p.language for p in profiles}
    titled = [(replace(d, text=d.title, language=language[d.id]), g) for d, g in pairs if d.title]
    headlines = count(profile_documents(titled, matchers), terms, groups) if titled else None
    return Analysis(corpus, tuple(lexicons), by, groups, {d.id: g for d, g in pairs}, profiles, counts, headlines)
