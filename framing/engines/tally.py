"""What a batch of documents contributes to the counts, kept per document so batches can be merged.

A `Tally` holds, for each document counted: its id, group, language, tokens and quoted tokens,
and its row of lexicon term counts (all text and inside quotations) as sparse matrices. That is
small next to the texts (a few numbers per document; the lexicon's terms are few and most
documents match a handful), and it is enough for everything the counts say: group sums
(`counts()`, equal to `framing.analyse(...).counts` on the same documents), documents per term,
and document-level resampling. Keeping documents rather than group sums is what makes merging
exact: a document already counted (by id) in an earlier batch or an earlier run is dropped,
never added twice (`merge`).

Pure values and functions: a batch's tally is computed where its documents are (a worker
process, a Dask worker) and only the tally travels.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..context_sample import SampledContext, merge_samples
from ..counts import Counts, TermIndex
from ..ngrams import NgramCounts
from .clauses import DEATHS, SAID, Clauses, merge_clauses, no_clauses

MERGE_EVERY = 8  # tallies merged at once by merge_stream: each merge re-reads the whole tally so far
# (its vocabulary and cells), so merging less often saves the main process CPU time that the
# workers need (a piece's tally is about 11 MB: seven waiting cost little memory)
TWICE = ("discovery left out: documents had an id counted before (see the skipped inputs), and the vocabulary's "
         "group sums cannot lose them; give each document its own id")


@dataclass(frozen=True)
class Tally:
    terms: TermIndex
    groups: tuple[str, ...]      # in first-seen order
    ids: tuple[str, ...]         # one per document, unique
    group: np.ndarray            # per document: index into groups
    languages: tuple[str, ...]   # per document
    tokens: np.ndarray           # per document, all text
    quoted_tokens: np.ndarray    # per document, inside quotation marks
    count: sparse.csr_matrix     # documents x terms, all text
    quoted: sparse.csr_matrix    # documents x terms, inside quotation marks
    skipped: tuple[tuple[str, str], ...] = ()  # (where, reason) of input records not counted
    notes: tuple[str, ...] = ()
    contexts: tuple[SampledContext, ...] = ()  # each term's sample of matches (framing.context_sample)
    dates: tuple[dt.date | None, ...] = ()  # per document (empty: not recorded, as in version 1 files)
    said: Clauses | None = None    # the documents' reporting clauses (None: not recorded, before version 3)
    deaths: Clauses | None = None  # and casualty clauses (framing.engines.clauses)
    # Discovery's n-gram counts (all text) over `groups`: of the documents of a known language,
    # and of those of undetermined language, whose stop words depend on the languages of the
    # whole corpus (`vocabulary`). None: not recorded (before version 3, or a document counted twice).
    ngrams: NgramCounts | None = None
    und_ngrams: NgramCounts | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def counts(self) -> Counts:
        """Group x term sums, as `framing.counts.count` gives them for the same documents."""
        n_groups = len(self.groups)
        member = sparse.csr_matrix((np.ones(len(self.ids), np.int64), (self.group, np.arange(len(self.ids)))),
                                   shape=(n_groups, len(self.ids)))
        total = np.asarray((member @ self.count).todense(), np.int64)
        quoted = np.asarray((member @ self.quoted).todense(), np.int64)
        present = self.count.copy()
        present.data = np.ones_like(present.data)
        documents = np.asarray((member @ present).todense(), np.int64)
        tokens = np.bincount(self.group, weights=self.tokens, minlength=n_groups).astype(np.int64)
        q_tokens = np.bincount(self.group, weights=self.quoted_tokens, minlength=n_groups).astype(np.int64)
        n_docs = np.bincount(self.group, minlength=n_groups).astype(np.int64)
        return Counts(self.groups, self.terms, total, quoted, documents, tokens, q_tokens, n_docs)


    def vocabulary(self) -> NgramCounts | None:
        """Discovery's n-gram counts of every document, as `stats.count_vocabulary` gives them for
        the same documents (voice "all"): the undetermined-language documents' counts lose the
        function words of the corpus's languages, which only the whole corpus tells."""
        if self.ngrams is None or self.und_ngrams is None:
            return None
        from ..languages import UNDETERMINED, stop_words

        corpus_languages = sorted(set(self.languages) - {UNDETERMINED})
        und = self.und_ngrams.without_stop_words(stop_words(UNDETERMINED, corpus_languages))
        return NgramCounts.total([self.ngrams.regrouped(self.groups), und.regrouped(self.groups)])

    def document_matrix(self, voice: str) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
        """(documents x terms counts, tokens, group index into `groups`) in `voice`, as
        `framing.counts.document_term_matrix` gives them for the same documents."""
        from ..voice import check_voice

        voice = check_voice(voice)
        if voice == "all":
            dtm, tokens = self.count, self.tokens
        elif voice == "quoted":
            dtm, tokens = self.quoted, self.quoted_tokens
        else:
            dtm, tokens = self.count - self.quoted, self.tokens - self.quoted_tokens
        dtm = sparse.csr_matrix(dtm, dtype=np.int64)
        dtm.eliminate_zeros()
        return dtm, np.asarray(tokens, np.int64), np.asarray(self.group, np.int64)


def as_analysis(tally: Tally, lexicons: Sequence, by: str, name: str):
    """An `Analysis` of the tallied documents without their texts: counts, groups and per-document
    counts (for resampling) only; its corpus lists the skipped inputs and holds no documents."""
    from ..analysis import Analysis
    from ..model import Corpus, Skipped

    counts = tally.counts()
    corpus = Corpus(name, (), tuple(Skipped(where, reason) for where, reason in tally.skipped), tally.notes)
    doc_groups = {i: tally.groups[g] for i, g in zip(tally.ids, tally.group)}
    return Analysis(corpus, tuple(lexicons), by, counts.groups, doc_groups, (), counts, tally=tally)


def empty(terms: TermIndex) -> Tally:
    width = len(terms.keys)
    none = sparse.csr_matrix((0, width), dtype=np.int64)
    from ..ngrams import count_chunk

    nothing = count_chunk([], np.zeros(0, np.int64), ())
    return Tally(terms, (), (), np.zeros(0, np.int64), (), np.zeros(0, np.int64), np.zeros(0, np.int64), none, none,
                 said=no_clauses(SAID), deaths=no_clauses(DEATHS), ngrams=nothing, und_ngrams=nothing)


def of_profiles(profiles: Sequence, terms: TermIndex, *, skipped: Sequence[tuple[str, str]] = (),
                notes: Sequence[str] = (), contexts: Sequence[SampledContext] = (),
                dates: Sequence[dt.date | None] = (), said: Clauses | None = None,
                deaths: Clauses | None = None, ngrams: tuple[NgramCounts, NgramCounts] | None = None) -> Tally:
    """The tally of documents profiled by `framing.counts.profile_documents` (corpus order), with
    the sample of their matches' contexts (`framing.context_sample.sample`), the documents' dates,
    their reporting and casualty clauses (`framing.engines.clauses`), and discovery's n-gram
    counts (known language, undetermined) over the same groups."""
    position = terms.position()
    groups = tuple(dict.fromkeys(p.group for p in profiles))
    g_index = {g: i for i, g in enumerate(groups)}
    rows, cols, quoted = [], [], []
    for i, p in enumerate(profiles):
        for m in p.matches:
            rows.append(i)
            cols.append(position[(m.lexicon, m.category, m.term)])
            quoted.append(bool(m.quoted))
    shape = (len(profiles), len(terms.keys))
    rows_, cols_, quoted_ = np.asarray(rows, np.int64), np.asarray(cols, np.int64), np.asarray(quoted, bool)
    count = sparse.csr_matrix((np.ones(len(rows_), np.int64), (rows_, cols_)), shape=shape)
    inside = sparse.csr_matrix((np.ones(int(quoted_.sum()), np.int64), (rows_[quoted_], cols_[quoted_])), shape=shape)
    count.sum_duplicates()
    inside.sum_duplicates()
    return Tally(terms, groups, tuple(p.doc_id for p in profiles),
                 np.fromiter((g_index[p.group] for p in profiles), np.int64, len(profiles)),
                 tuple(p.language for p in profiles),
                 np.fromiter((p.tokens for p in profiles), np.int64, len(profiles)),
                 np.fromiter((p.quoted_tokens for p in profiles), np.int64, len(profiles)),
                 count, inside, tuple(skipped), tuple(notes), tuple(contexts), tuple(dates), said, deaths,
                 *(ngrams or (None, None)))


def merge(parts: Sequence[Tally]) -> Tally:
    """The tallies in order, as one: groups in first-seen order, and a document whose id an earlier
    part already holds is left out (listed as skipped, so nothing is lost without a word). The
    result depends only on the parts and their order, never on where or when each was computed."""
    if not parts:
        raise ValueError("nothing to merge")
    terms = parts[0].terms
    for p in parts[1:]:
        if p.terms != terms:
            raise ValueError("tallies of different lexicons cannot be merged: count them with the same lexicons")
    seen: set[str] = set()
    keep_rows, skipped, notes = [], [], []
    for p in parts:
        keep = np.ones(len(p.ids), bool)
        for i, doc_id in enumerate(p.ids):
            if doc_id in seen:
                keep[i] = False
                skipped.append((doc_id, "already counted (a document with this id was counted before)"))
            else:
                seen.add(doc_id)
        keep_rows.append(keep)
        skipped.extend(p.skipped)
        notes.extend(n for n in p.notes if n not in notes)
    # Groups in the order their first kept document comes: a group whose every document was
    # counted before is not listed again.
    names = [p.groups[g] for p, k in zip(parts, keep_rows) for g in p.group[k]]
    groups = tuple(dict.fromkeys(names))
    g_index = {g: i for i, g in enumerate(groups)}
    if any(not k.all() for k in keep_rows) and all(p.ngrams is not None for p in parts) and TWICE not in notes:
        notes.append(TWICE)
    return Tally(
        terms, groups,
        tuple(i for p, k in zip(parts, keep_rows) for i, kept in zip(p.ids, k) if kept),
        np.fromiter((g_index[g] for g in names), np.int64, len(names)),
        tuple(lang for p, k in zip(parts, keep_rows) for lang, kept in zip(p.languages, k) if kept),
        np.concatenate([p.tokens[k] for p, k in zip(parts, keep_rows)]),
        np.concatenate([p.quoted_tokens[k] for p, k in zip(parts, keep_rows)]),
        sparse.vstack([p.count[k] for p, k in zip(parts, keep_rows)], format="csr", dtype=np.int64),
        sparse.vstack([p.quoted[k] for p, k in zip(parts, keep_rows)], format="csr", dtype=np.int64),
        tuple(skipped), tuple(notes),
        merge_samples(_kept_contexts(p, keep) for p, keep in zip(parts, keep_rows)),
        # Dates only when every part recorded them (a version 1 counts file did not).
        tuple(d for p, k in zip(parts, keep_rows) for d, kept in zip(p.dates, k) if kept)
        if all(len(p.dates) == len(p.ids) for p in parts) else (),
        # Clauses only when every part recorded them (counts files before version 3 did not).
        _merged_clauses(parts, keep_rows, "said"), _merged_clauses(parts, keep_rows, "deaths"),
        *_merged_ngrams(parts, keep_rows, groups))


def merge_stream(parts: Iterable[Tally], every: int = MERGE_EVERY) -> Tally:
    """`merge` of tallies that come one by one (from workers, in partition order), merging every
    `every` of them into the tally so far, so that memory holds a few partitions' tallies rather
    than all of them. The result depends only on the tallies, their order and `every`: every
    engine and number of jobs merges so."""
    from ..workers import release_freed_memory

    pending: list[Tally] = []
    for part in parts:
        pending.append(part)
        if len(pending) == every:
            pending = [merge(pending)]
            release_freed_memory()  # the merged tallies' memory, before the next ones arrive
    return merge(pending)


def _merged_ngrams(parts: Sequence[Tally], keep_rows: Sequence[np.ndarray], groups: tuple[str, ...]
                   ) -> tuple[NgramCounts | None, NgramCounts | None]:
    """The parts' n-gram counts added up over the merged groups; none when a part lacks them or
    when the merge drops one of its documents (group sums cannot lose a document: discovery is
    then left out rather than count it twice; the merge's note says so)."""
    if any(p.ngrams is None or p.und_ngrams is None for p in parts):
        return None, None
    if any(not k.all() for p, k in zip(parts, keep_rows) if len(p.ids)):
        return None, None
    return tuple(NgramCounts.total([getattr(p, name).regrouped(groups) for p in parts if len(p.ids)]
                                   or [getattr(parts[0], name).regrouped(groups)])
                 for name in ("ngrams", "und_ngrams"))


def _merged_clauses(parts: Sequence[Tally], keep_rows: Sequence[np.ndarray], name: str) -> Clauses | None:
    found = [getattr(p, name) for p in parts]
    if any(c is None for c in found):
        return None
    return merge_clauses([(c, k, p.ids) for c, k, p in zip(found, keep_rows, parts)])


def _kept_contexts(part: Tally, keep: np.ndarray) -> list[SampledContext]:
    """The part's sampled contexts of the documents the merge keeps."""
    kept = {doc_id for doc_id, k in zip(part.ids, keep) if k}
    return [c for c in part.contexts if c.doc_id in kept]
