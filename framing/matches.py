"""Every lexicon match of an analysis as one tidy table, with the sentence it is in.

`matches_table(analysis)` gives one row per match, in corpus order and then in match order:
doc_id, group, lexicon, category, term, surface, start, end, quoted, sentence. `start` and `end`
are character offsets into the document's normalised text (`Document.text`), so
`text[start:end] == surface`.

Sentences come from `framing.sentences` (a simple splitter, good enough to read a match in
context and check it by hand).

A match is never cut: if it spans a boundary, its sentence is the union of the sentences it
touches. Sentences are shown without the whitespace around them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .sentences import sentence_at, sentence_spans, sentence_starts

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import Analysis

COLUMNS = ("doc_id", "group", "lexicon", "category", "term", "surface", "start", "end", "quoted", "sentence")
_VOICES = ("all", "own", "quoted")


def matches_table(analysis: Analysis, voice: str = "all") -> pd.DataFrame:
    """One row per lexicon match (see the module docstring for the columns).

    `voice`: every match ("all"), the reporter's own words only ("own": `quoted` is False) or
    quotations only ("quoted"). Deterministic: corpus order, then each document's match order.
    """
    import pandas as pd

    if voice not in _VOICES:
        raise ValueError(f"voice must be one of {_VOICES}, not {voice!r}")
    rows = []
    for doc, profile in zip(analysis.corpus.documents, analysis.profiles, strict=True):
        if doc.id != profile.doc_id:
            raise ValueError(f"profiles are not in corpus order: document {doc.id!r} has the profile "
                             f"of {profile.doc_id!r}")
        matches = [m for m in profile.matches if voice == "all" or m.quoted == (voice == "quoted")]
        if not matches:
            continue
        starts = sentence_starts(doc.text)
        for m in matches:
            rows.append((m.doc_id, profile.group, m.lexicon, m.category, m.term, m.surface, m.start, m.end,
                         bool(m.quoted), sentence_at(doc.text, m.start, m.end, starts)))
    df = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    return df.astype({"doc_id": object, "group": object, "lexicon": object, "category": object, "term": object,
                      "surface": object, "start": "int64", "end": "int64", "quoted": bool, "sentence": object})


__all__ = ["COLUMNS", "matches_table", "sentence_at", "sentence_spans", "sentence_starts"]
