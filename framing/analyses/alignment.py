"""Two tellings side by side: sentences aligned, and what changed between them, word by word.

Sentences come from `framing.sentences`. Two sentences can be aligned when they share enough
words (Dice coefficient of their lower-cased words, stop words left out, at least
`MIN_SIMILARITY`); among all order-keeping alignments the one with the largest total similarity
is chosen (dynamic programming over the two lists: a few hundred sentences at most). Inside an
aligned pair, `difflib`'s longest-matching-blocks diff of the words says what was substituted,
dropped or added; a change is a number change when a number (in digits or words) is on either
side, a title change when a title or office word is, a substitution otherwise. A sentence with
no partner was dropped or added whole.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..sentences import sentence_spans

MIN_SIMILARITY = 0.3
ChangeKind = Literal["substituted", "dropped", "added", "number", "title", "sentence dropped", "sentence added"]
Part = tuple[str, str]  # (text, "same" | "changed" | "dropped" | "added")

_WORD = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
_NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
hundreds thousand thousands million millions billion dozen dozens half more fewer several""".split())
_TITLES = frozenset("""president former prime minister secretary spokesman spokeswoman spokesperson chief general
gen commander official officials senator sen governor leader head director ambassador envoy king queen
minister's president's army military""".split())
_STOP = frozenset(ENGLISH_STOP_WORDS)


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    a: str  # the words on the first side ("" for an addition)
    b: str  # the words on the second side ("" for a drop)


@dataclass(frozen=True)
class AlignedSentence:
    a: str | None  # None: the sentence is only on the second side
    b: str | None
    similarity: float
    parts_a: tuple[Part, ...]
    parts_b: tuple[Part, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Alignment:
    sentences: tuple[AlignedSentence, ...]

    def changes(self) -> list[Change]:
        return [c for s in self.sentences for c in s.changes]

    def counts(self) -> dict[str, int]:
        kinds = [c.kind for c in self.changes()]
        return {k: kinds.count(k) for k in ("substituted", "dropped", "added", "number", "title", "sentence dropped",
                                            "sentence added")}


def _sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in sentence_spans(text) if text[s:e].strip()]


def _content(words: Sequence[str]) -> set[str]:
    return {w for w in (x.lower() for x in words) if w[0].isalnum() and w not in _STOP}


def _similarity(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _pairs(sim: np.ndarray) -> list[tuple[int, int]]:
    """The order-keeping alignment of largest total similarity (pairs below MIN_SIMILARITY never align)."""
    n, m = sim.shape
    score = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            take = score[i - 1, j - 1] + sim[i - 1, j - 1] if sim[i - 1, j - 1] >= MIN_SIMILARITY else -1.0
            score[i, j] = max(score[i - 1, j], score[i, j - 1], take)
    out, i, j = [], n, m
    while i and j:
        if sim[i - 1, j - 1] >= MIN_SIMILARITY and score[i, j] == score[i - 1, j - 1] + sim[i - 1, j - 1]:
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i, j] == score[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return out[::-1]


def _kind(a: Sequence[str], b: Sequence[str]) -> ChangeKind:
    words = [w.lower() for w in (*a, *b)]
    if any(any(ch.isdigit() for ch in w) or w in _NUMBER_WORDS for w in words):
        return "number"
    if any(w in _TITLES for w in words):
        return "title"
    return "substituted"


def _diff(a: str, b: str, similarity: float) -> AlignedSentence:
    ta, tb = list(_WORD.finditer(a)), list(_WORD.finditer(b))
    wa, wb = [m.group().lower() for m in ta], [m.group().lower() for m in tb]

    def piece(text: str, tokens: list, i: int, j: int) -> str:
        """The text of tokens i..j-1 with the space after them, so the parts rebuild the sentence."""
        start = 0 if i == 0 else tokens[i].start()
        end = len(text) if j >= len(tokens) else tokens[j].start()
        return text[start:end]

    def words(text: str, tokens: list, i: int, j: int) -> str:
        return text[tokens[i].start():tokens[j - 1].end()] if j > i else ""

    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    parts_a: list[Part] = []
    parts_b: list[Part] = []
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts_a.append((piece(a, ta, i1, i2), "same"))
            parts_b.append((piece(b, tb, j1, j2), "same"))
            continue
        if i2 > i1:
            parts_a.append((piece(a, ta, i1, i2), "changed" if j2 > j1 else "dropped"))
        if j2 > j1:
            parts_b.append((piece(b, tb, j1, j2), "changed" if i2 > i1 else "added"))
        sa, sb = wa[i1:i2], wb[j1:j2]
        if not any(w[0].isalnum() for w in (*sa, *sb)):
            continue  # punctuation only
        xa, xb = words(a, ta, i1, i2), words(b, tb, j1, j2)
        if sa and sb:
            changes.append(Change(_kind(sa, sb), xa, xb))
        elif sa:
            changes.append(Change("number" if _kind(sa, ()) == "number" else "dropped", xa, ""))
        else:
            changes.append(Change("number" if _kind((), sb) == "number" else "added", "", xb))
    return AlignedSentence(a, b, round(similarity, 4), tuple(parts_a), tuple(parts_b), tuple(changes))


def align(text_a: str, text_b: str) -> Alignment:
    """The sentences of two texts aligned, each aligned pair diffed word by word."""
    sa, sb = _sentences(text_a), _sentences(text_b)
    ca = [_content(_WORD.findall(s)) for s in sa]
    cb = [_content(_WORD.findall(s)) for s in sb]
    sim = np.array([[_similarity(x, y) for y in cb] for x in ca]).reshape(len(sa), len(sb))
    pairs = _pairs(sim)
    out: list[AlignedSentence] = []
    i = j = 0
    for pi, pj in [*pairs, (len(sa), len(sb))]:
        out += [AlignedSentence(s, None, 0.0, ((s, "dropped"),), (), (Change("sentence dropped", s, ""),))
                for s in sa[i:pi]]
        out += [AlignedSentence(None, s, 0.0, (), ((s, "added"),), (Change("sentence added", "", s),))
                for s in sb[j:pj]]
        if pi < len(sa) and pj < len(sb):
            out.append(_diff(sa[pi], sb[pj], float(sim[pi, pj])))
        i, j = pi + 1, pj + 1
    return Alignment(tuple(out))
