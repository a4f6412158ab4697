"""The candidate scan of framing.matcher: one Aho-Corasick pass finds every occurrence of every
form's literal text, and the matching rules are then checked on those hits only.

The automaton does not read the text itself but its *flat* copy: the text (folded for
case-insensitive forms) with every separator (space, line break, hyphen, dash) a space, of the
same length, so offsets need no mapping. A form's key is its words joined by single spaces, so
`Hamas-run` and `Hamas run` are both `hamas run` there. An occurrence with a run of separators
between two words (`Hamas\n\nrun`, `Hamas - run`) is found by a *gap key* instead: the words
before the first such run, then two spaces; the form's regex confirms it from its start. The flat
copy keeps every other character, so the rules read it as they would the text: a separator is a
non-word character either way.

Checked on each hit, as the regexes of `framing.matching_rules` define them: the start and end
of a whole word (`_START`, `_END`: no word character around; after an apostrophe only a
possessive s, unless the form ends in an elided word), and, for a form with a `*` or a gap key,
the form's own regex from the hit's start (the key of a form with a `*` is its text before the
`*`). Which form wins at a position is the one its trie regex would try first (`trie_order`),
and the matches of one unit (a category, or a term when nested) are taken left to right without
overlap, as `finditer` takes them.
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from ahocorasick_rs import AhoCorasick, Implementation

from .matching_rules import ELISIONS, pattern, words

# Separators other than the space and the line break: normalised text has none (framing.text),
# so a text that has some is flattened by a regex, slower, instead of three str.replace.
_ODD_SEPARATORS = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")
_SEPARATOR_CHAR = re.compile(r"[\s\-\u2014]")
_GAP = "  "  # a run of two separators or more, as the flat copy has it


def flatten(text: str, odd_separators: bool) -> str:
    """`text` with each separator a space. `odd_separators`: the text may have separators other
    than the space, the line break, '-' and the em dash."""
    if odd_separators:
        return _SEPARATOR_CHAR.sub(" ", text)
    return text.replace("\n", " ").replace("-", " ").replace("\u2014", " ")


def form_keys(form_atoms: list[object]) -> list[tuple[str, bool]] | None:
    """What the automaton looks for to find a form: (key, whether the form's regex must confirm a
    hit). The form's text up to its `*` or its end (confirmed if it has a `*`), then for each
    gap between its words there the words before it and `_GAP` (confirmed). None for a form the
    scan cannot find: one with a word that is only a `*` (the loader refuses those), or none."""
    key: list[str] = []
    gaps: list[tuple[str, bool]] = []
    star = False
    for chars, star in words(form_atoms):
        if not chars:
            return None
        if key:
            gaps.append((" ".join(key) + _GAP, True))
        key.append(chars)
        if star:
            break
    return [(" ".join(key), star), *gaps]


class Target(NamedTuple):
    """A form (or forms of the same atoms) of one unit, found at the hits of a key.

    `order`: the form's place in its unit's `trie_order`; `entry`: what a match counts for, or
    None to ask `lookup(surface)`; `confirm`: the form, when its regex must confirm a hit (the
    regex is compiled when first needed: most gap keys are never hit)."""

    unit: int
    order: int
    entry: Any
    confirm: str | None
    lookup: Any


# A match: (start, end, (entry.rank, unit, order of its form in the unit, entry)). Sorted, matches
# come by start, end and lexicon order; the entry itself is never compared. An entry has `rank`
# and `exceptions`: a match of an entry with exceptions needs a second look after the scan.
Hit = tuple


class OddSeparators(Exception):
    """The text was flattened as normalised text is, and it has other separators."""


class Scan:
    """An automaton over the keys of every form of one kind (case-insensitive or not), and the
    units they belong to."""

    def __init__(self, targets: dict[str, list[Target]], lower: bool):
        keys = list(targets)
        self._lower = lower  # the forms are case-insensitive: their regexes read the folded text
        # A key of one exact form whose entry is known and has no exceptions, the usual case, is
        # checked inline.
        self._fast: list[tuple[Any, int, int, Any] | None] = []
        # None for the key of an odd separator: its hit means the text must be flattened by the regex
        self._slow: list[tuple[Target, ...] | None] = []
        for key in keys:
            ts = tuple(dict.fromkeys(targets[key]))
            one = ts[0]
            fast = len(ts) == 1 and one.confirm is None and one.entry is not None and not one.entry.exceptions
            self._fast.append((one.entry.rank, one.unit, one.order, one.entry) if fast else None)
            self._slow.append(ts)
        keys.extend(_ODD_SEPARATORS)
        self._fast.extend([None] * len(_ODD_SEPARATORS))
        self._slow.extend([None] * len(_ODD_SEPARATORS))
        # A DFA scans about twice as fast as the default NFA, for a larger automaton.
        self._automaton = AhoCorasick(keys, implementation=Implementation.DFA)
        self._regexes: dict[str, re.Pattern[str]] = {}

    def matches(self, flat: str) -> tuple[list[Hit], list[Hit]]:
        """Each unit's matches in the text whose flat copy is `flat`, by the rules, and those of
        them whose entry has exceptions; raises OddSeparators if `flat` has separators other
        than spaces."""
        found: list[Hit] = []
        checked: list[Hit] = []
        append = found.append
        last_end = 0  # the furthest end of a hit so far: a hit starting before it overlaps one
        overlaps = False
        fast, slow = self._fast, self._slow
        n = len(flat)
        # Hits come by their end; the boundary checks read the flat copy (see the module docstring).
        for key, s, e in self._automaton.find_matches_as_indexes(flat, overlapping=True):
            info = fast[key]
            if info is None:
                for hit in self._confirmed(flat, slow[key], s, e, checked):
                    overlaps = overlaps or hit[0] < last_end
                    last_end = max(last_end, hit[1])
                    append(hit)
                continue
            if s:
                c = flat[s - 1]
                if c != " " and (c.isalnum() or c == "_"):
                    continue
            if e < n:
                c = flat[e]
                if c != " " and (c.isalnum() or c == "_" or c == "'" and _joins(flat, e)):
                    continue
            if s < last_end:
                overlaps = True
            if e > last_end:
                last_end = e
            append((s, e, info))
        return _resolved(found) if overlaps else found, checked

    def _confirmed(self, flat: str, targets: tuple[Target, ...] | None, s: int, e: int,
                   checked: list[Hit]) -> list[Hit]:
        """The hits of a key that is not checked inline (several forms, a `*`, a gap key, an entry
        with exceptions); those of entries with exceptions also go to `checked`."""
        if targets is None:
            raise OddSeparators
        if s and (flat[s - 1].isalnum() or flat[s - 1] == "_"):
            return []
        out = []
        ends_word = None
        for unit, order, entry, confirm, lookup in targets:
            if confirm is not None:
                regex = self._regexes.get(confirm)
                if regex is None:
                    regex = self._regexes[confirm] = re.compile(pattern([confirm], self._lower))
                m = regex.match(flat, s)
                if m is None:
                    continue
                end = m.end()
            else:
                if ends_word is None:
                    ends_word = _ends_word(flat, e)
                if not ends_word:
                    continue
                end = e
            if entry is None:
                entry = lookup(flat[s:end])
            out.append((s, end, (entry.rank, unit, order, entry)))
            if entry.exceptions:
                checked.append(out[-1])
        return out


def _ends_word(text: str, e: int) -> bool:
    """Whether a form's match may end at `e`: `_END` of framing.matching_rules."""
    if e == len(text):
        return True
    c = text[e]
    return not (c.isalnum() or c == "_" or c == "'" and _joins(text, e))


def _joins(text: str, e: int) -> bool:
    """Whether the apostrophe at `e` makes the word before it go on (don't), so that no match
    ends there: not when a possessive s follows, nor after an elided word (l', qu')."""
    after = text[e + 1:e + 3]
    if not after or not (after[0].isalnum() or after[0] == "_"):
        return False
    if after[0] == "s" and (len(after) == 1 or not (after[1].isalnum() or after[1] == "_")):
        return False
    before = text[max(0, e - 3):e]
    if before[-1:] and before[-1] in ELISIONS and not _word_at(text, e - 2):
        return False
    return not (before[-2:-1] in ("q", "Q") and before[-1] in ("u", "U") and not _word_at(text, e - 3))


def _word_at(text: str, i: int) -> bool:
    return i >= 0 and (text[i].isalnum() or text[i] == "_")


def _resolved(hits: list[Hit]) -> list[Hit]:
    """`hits` (in the automaton's order, by the end of their keys), where two of them overlap,
    with each unit's overlapping hits (`war` and `war crimes`) resolved by `_leftmost`. Hits of
    different units may overlap: they are kept."""
    ends: dict[int, int] = {}  # the furthest end of a unit's hits so far
    crowded = set()
    for s, e, info in hits:
        end = ends.get(info[1], 0)
        if s < end:
            crowded.add(info[1])
        if e > end:
            ends[info[1]] = e
    if not crowded:
        return hits
    return [h for h in hits if h[2][1] not in crowded] + _leftmost([h for h in hits if h[2][1] in crowded])


def _leftmost(hits: list[Hit]) -> list[Hit]:
    """Each unit's matches among its hits, as `finditer` takes them: at each start the hit of the
    form first in trie order, then left to right without overlap."""
    out: list[Hit] = []
    unit, last_start, last_end = None, -1, 0
    for hit in sorted(hits, key=lambda h: (h[2][1], h[0], h[2][2])):
        if hit[2][1] != unit:
            unit, last_start, last_end = hit[2][1], -1, 0
        if hit[0] != last_start and hit[0] >= last_end:
            out.append(hit)
            last_end = hit[1]
        last_start = hit[0]
    return out
