"""One document as the attribution rules read it: its text, which offsets are quoted, and the
sentence around a verb."""
from __future__ import annotations

from bisect import bisect_right

from ..quotes import quote_spans
from .sentence_bounds import sentence_around


class _Document:
    """One document's text with what the rules ask of it, computed when first asked."""

    __slots__ = ("text", "quotes", "q_starts", "sentence")

    def __init__(self, text: str, quotes: list[tuple[int, int]] | None = None):
        self.text = text
        self.quotes = quote_spans(text) if quotes is None else quotes
        self.q_starts = [a for a, _ in self.quotes]
        self.sentence = (0, 0)  # the last sentence found, as [start, end) before trimming

    def quoted(self, pos: int) -> bool:
        k = bisect_right(self.q_starts, pos) - 1
        return k >= 0 and pos < self.quotes[k][1]

    def sentence_at(self, pos: int, pstart: int, pend: int) -> tuple[int, int]:
        """[start, end) of the sentence at `pos` as `sentence_starts(text)` bounds it (untrimmed; at
        the paragraph's edges `pstart` and `pend`, which differ from it by whitespace only).

        Verbs come in text order and often several to a sentence: the last sentence is kept."""
        a, b = self.sentence
        if a <= pos < b:
            return a, b
        self.sentence = sentence_around(self.text, pos, pstart, pend)
        return self.sentence
