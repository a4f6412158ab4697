"""Every lexicon match of an analysis as one tidy table, with the sentence it is in.

`matches_table(analysis)` gives one row per match, in corpus order and then in match order:
doc_id, group, lexicon, category, term, surface, start, end, quoted, sentence. `start` and `end`
are character offsets into the document's normalised text (`Document.text`), so
`text[start:end] == surface`.

Sentences come from a deliberately simple splitter (`sentence_spans`), good enough to read a
match in context and check it by hand:

- a sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or brackets) when
  whitespace and then an uppercase letter, a digit or a quotation mark follow;
- except after a title (`Mr.`, `Dr.`, `Gen.`, ...) or a single letter (`U.S.`, `J. Smith`);
- a blank line always ends a sentence (and a paragraph).

A match is never cut: if it spans a boundary, its sentence is the union of the sentences it
touches. Sentences are shown without the whitespace around them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import Analysis

COLUMNS = ("doc_id", "group", "lexicon", "category", "term", "surface", "start", "end", "quoted", "sentence")
_VOICES = ("all", "own", "quoted")

# Terminal punctuation, closing quotes or brackets, then whitespace; what follows is checked in code.
_END = re.compile(r"[.!?]+[\"')\]]*\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_TITLES = frozenset("mr mrs ms dr prof st sen rep gen lt col sgt capt gov pres jr sr rev maj cpl adm".split())


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"'"


def _abbreviation(text: str, end: int) -> bool:
    """Whether the word before the full stop at `end` is a title or a single letter (an initial)."""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:end].rstrip(".").split(".")[-1]
    return len(word) == 1 or word.lower() in _TITLES


def sentence_starts(text: str) -> list[int]:
    """Offsets at which sentences begin, sorted, starting with 0 (see the module docstring)."""
    starts = {0}
    for m in _END.finditer(text):
        after = m.end()
        if after >= len(text) or not _starts_sentence(text[after]):
            continue
        if text[m.start()] == "." and m.group().count(".") == 1 and _abbreviation(text, m.start()):
            continue
        starts.add(after)
    starts.update(m.end() for m in _BLANK_LINE.finditer(text))
    return sorted(s for s in starts if s < len(text) or s == 0)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace around it excluded; together they cover the text."""
    starts = sentence_starts(text)
    spans = []
    for a, b in zip(starts, [*starts[1:], len(text)]):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((a + lead, a + len(chunk.rstrip())))
    return spans


def sentence_at(text: str, start: int, end: int, starts: list[int] | None = None) -> str:
    """The sentence containing text[start:end]; the union of sentences if the span crosses a boundary."""
    starts = sentence_starts(text) if starts is None else starts
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    stop = starts[last + 1] if last + 1 < len(starts) else len(text)
    return text[starts[first]:stop].strip()


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
