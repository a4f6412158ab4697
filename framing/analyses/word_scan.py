"""Listed words where a word may begin, found by an Aho-Corasick scan: what the regular expression
`BEFORE_WORD + "(" + words + r")(?![\\w-])"` finds with `finditer`, several times faster.

The expression consumes the character before a word (a space, a quotation mark, a bracket...;
`word_boundary.BEFORE_WORD`), takes at each place the longest listed word not followed by a
word character or a hyphen, and goes on after it. The automaton holds every listed word with
each of those characters before it, so its hits begin where a word may; Python keeps, at each
place, the longest hit that ends where a word does, then the hits the expression's scan would
reach, left to right. `tests/analyses/test_word_scan.py` compares the two on random text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ahocorasick_rs import AhoCorasick, Implementation

from .word_boundary import BEFORE_CHARS


class WordScan:
    r"""The places of the listed `words` in texts (see the module docstring). `bound`: more words
    that count only where `then` matches just after them, tried where none of `words` fits, as
    the expression `BEFORE_WORD + "(" + "(?:" + words + "|" + bound + "(?=" + then + "))" + r")(?![\w-])"`
    does ("state" only before "that")."""

    def __init__(self, words: Iterable[str], bound: Iterable[str] = (), then: re.Pattern[str] | None = None):
        free, bound = sorted(set(words)), sorted(set(bound))
        if any(not w for w in free + bound):
            raise ValueError("a word scan cannot look for an empty word")
        if bound and then is None:
            raise ValueError("bound words need the pattern that must follow them")
        self.words = tuple(free + bound)
        self._free = len(free)  # the words before it are free, those from it bound
        self._then = then
        self._automaton = AhoCorasick([c + w for w in self.words for c in BEFORE_CHARS],
                                      implementation=Implementation.DFA) if self.words else None

    def __reduce__(self):
        # The automaton is not picklable: a copy (a worker's) builds it again.
        return (WordScan, (self.words[:self._free], self.words[self._free:], self._then))

    def spans(self, text: str, pos: int = 0) -> list[tuple[int, int]]:
        """(start, end) of each word found, in order, as the expression's `finditer(text, pos)`
        gives its group: the consumed character before each word is at `pos` or after."""
        if self._automaton is None:
            return []
        best: dict[int, tuple[bool, int]] = {}  # where a word starts -> (free, end) of its best fit
        n, per_word, free, then = len(text), len(BEFORE_CHARS), self._free, self._then
        for k, s, e in self._automaton.find_matches_as_indexes(text, overlapping=True):
            if s < pos or (e < n and (text[e].isalnum() or text[e] in "_-")):
                continue
            fit = (k // per_word < free, e)
            if not fit[0] and not then.match(text, e):  # type: ignore[union-attr]
                continue
            if best.get(s, (False, -1)) < fit:  # a free word first, then the longest
                best[s] = fit
        out = []
        reached = pos  # where the expression's scan has got to
        for s in sorted(best):
            if s >= reached:
                end = best[s][1]
                out.append((s + 1, end))
                reached = end
        return out
