"""Where quoted speech is, so counts can separate a source's own words from words it quotes.

Works on normalised text, where every double quotation mark is '"'. Marks pair up in order; a
paragraph break (blank line) closes an open quotation, which follows the newspaper convention
that a quotation running over several paragraphs reopens each one with a mark and closes only
at its end. Single quotation marks are not tracked: in normalised text they cannot be told
apart from apostrophes.
"""
from __future__ import annotations

import bisect
import re

_MARKS = re.compile(r'"|\n\s*\n')


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included, in order."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARKS.finditer(text):
        if m.group() == '"':
            if opened is None:
                opened = m.start()
            else:
                spans.append((opened, m.end()))
                opened = None
        elif opened is not None:  # paragraph break inside an open quotation
            spans.append((opened, m.start()))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def voice_text(text: str, voice: str) -> str:
    """The words of `text` in one voice: "all" (the text), "own" (quotations cut out) or
    "quoted" (the quotations only). The pieces are joined by line breaks, so that no phrase is
    read across a cut; tokens are the same as those the lexicon counts give each voice."""
    if voice == "all":
        return text
    spans = quote_spans(text)
    if voice == "quoted":
        return "\n".join(text[s:e] for s, e in spans)
    if voice == "own":
        edges = [0, *(x for span in spans for x in span), len(text)]
        return "\n".join(text[a:b] for a, b in zip(edges[::2], edges[1::2]))
    raise ValueError(f"voice must be 'all', 'own' or 'quoted', not {voice!r}")


class QuoteIndex:
    """Answers 'is this offset inside a quotation?' in O(log n)."""

    def __init__(self, text: str):
        spans = quote_spans(text)
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def __contains__(self, offset: int) -> bool:
        if not self._starts:
            return False
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]
