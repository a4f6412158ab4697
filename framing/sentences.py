"""Sentences: a deliberately simple splitter, shared by every analysis that reads a sentence.

- a sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or brackets) when
  whitespace and then an uppercase letter, a digit or a quotation mark follow;
- except after a title (`Mr.`, `Dr.`, `Gen.`, ...) or a single letter (`U.S.`, `J. Smith`);
- a blank line always ends a sentence (and a paragraph).

Regular expressions over the whole text, no downloaded model (NLTK's punkt needs data; pysbd
runs well under 1 MB/s).
"""
from __future__ import annotations

import re
from bisect import bisect_right

# Terminal punctuation, closing quotes or brackets, then whitespace; what follows is checked in code.
# `[.!?][.!?]*` rather than `[.!?]+` (the same pattern): one that begins with a character set lets
# the engine skip in C to the next . ! or ? (re does not look inside a repeat for it), twice as fast.
_END = re.compile(r"[.!?][.!?]*[\"')\]]*\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
# Titles and abbreviated months ("Oct. 7"): a full stop after them does not end a sentence.
_TITLES = frozenset("mr mrs ms dr prof st sen rep gen lt col sgt capt gov pres jr sr rev maj cpl adm "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


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
