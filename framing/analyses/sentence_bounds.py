"""The sentence around one offset, found by reading only the text near it.

`sentence_around(text, pos)` gives the [start, end) that `framing.sentences.sentence_starts(text)`
gives the sentence holding `pos`, without splitting the whole text: the attribution and agency
stages need the sentences of a few thousand hits, and splitting every text (or a window of 600
characters around every hit, as they did) cost them a fifth to a quarter of their time.

Why reading near `pos` gives the whole text's answer. The splitter's starts come from two
regular expressions scanned over the text (`_END`, a run of . ! ? and closing marks, then
whitespace; `_BLANK_LINE`) and checks that read the text itself (the character after, the word
before the full stop). Both patterns match only punctuation, closing marks and whitespace, so a
match can never contain a word character. A scan begun just after a word character therefore
finds exactly the matches the scan of the whole text finds from there on: no match of the whole
text begins before it and runs past it, and none ends at it. The checks are run on the whole
text, so they see what they see there. The scan begins a little before `pos` and starts further
back until a start lies between it and `pos` (or it reaches `lo`, a point at which a sentence is
known to begin); it stops at the first start after `pos` (or at `hi`).

A property test (tests/analyses/test_attribution.py) compares it with `sentence_starts` on random
texts of titles, initials, quotes, brackets and blank lines; on every word start of seven corpora
(1.2 million positions) the two agree.
"""
from __future__ import annotations

import re

# The splitter's own patterns and checks, so that the two can never disagree on a rule.
from ..sentences import _BLANK_LINE, _END, _TITLES, _abbreviation, _starts_sentence

_SENTENCE_END = _END
_WORD = re.compile(r"\w")
_FIRST_WIDTH = 240  # characters read before `pos` at first: most sentences start within them
# A full stop after this many letters ends no title and no initial: `_abbreviation` need not run.
_PAST_TITLES = max(map(len, _TITLES)) + 1


def _starts_here(text: str, m: re.Match[str]) -> bool:
    """Whether the end of the `_END` match `m` starts a sentence (as `sentence_starts` decides)."""
    after = m.end()
    if after >= len(text) or not _starts_sentence(text[after]):
        return False
    dot = m.start()
    if text[dot] != "." or m.group().count(".") != 1:
        return True
    if dot >= _PAST_TITLES and text[dot - _PAST_TITLES:dot].isalpha():
        return True  # "... the ministry. The": the word before is longer than any title
    return not _abbreviation(text, dot)


def sentence_around(text: str, pos: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """[start, end) of the sentence of `sentence_starts(text)` that holds offset `pos`, untrimmed.

    `lo` must be 0 or an offset just after a blank line ("\\n\\n"), `hi` the end of the text or
    the offset of a blank line, with lo <= pos < hi: the search stays between them. When the
    sentence is the first of the paragraph it starts at `lo`, and when it is the last it ends at
    `hi`, which differ from the splitter's bounds by whitespace only (`.strip()` makes them equal).
    """
    hi = len(text) if hi is None else hi
    width = _FIRST_WIDTH
    while True:
        w0 = pos - width
        if w0 <= lo:
            w0 = lo
        elif not (text[w0 - 1].isalnum() or text[w0 - 1] == "_"):  # not already after a word character
            m = _WORD.search(text, w0, pos)
            w0 = m.end() if m else pos
        end = hi
        before = []  # the matches that end at or before `pos`, checked last first
        for m in _SENTENCE_END.finditer(text, w0, hi):
            if m.end() >= hi:
                break  # runs into the blank line at `hi`: a start at or past it
            if m.end() <= pos:
                before.append(m)
            elif _starts_here(text, m):
                end = m.end()
                break
        start = -1
        for m in reversed(before):
            if _starts_here(text, m):
                start = m.end()
                break
        if text.find("\n", w0, end) >= 0:  # blank lines inside the paragraph ("\n \n")
            for m in _BLANK_LINE.finditer(text, w0, end):
                if m.end() >= end:
                    break
                if m.end() <= pos:
                    start = max(start, m.end())
                else:
                    end = m.end()
                    break
        if start >= 0 or w0 == lo:
            return (start if start >= 0 else lo), end
        width *= 4
