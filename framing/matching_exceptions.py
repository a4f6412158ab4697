"""A term's `exceptions`: its matches that lie inside an occurrence of an exception phrase are
dropped (`prisoners` inside `prisoners' rights`). Used by framing.matcher on its matches."""
from __future__ import annotations

import itertools
import re

from .matching_rules import pattern
from .model import Term
from .text import SEPARATORS, fold, normalize

_WORD = re.compile(r"\w")
_RUNS = re.compile(r"\w+")

Exceptions = tuple[tuple[re.Pattern[str], "int | None"], ...]


def exception_regexes(term: Term) -> Exceptions:
    """For each exception phrase of `term`: its regex and how many runs of word characters it
    has besides the first (None: it is looked for in the whole text; see `_excepted`)."""
    # Case-insensitive phrases are looked for in the folded text, as the terms are.
    lower = not term.case_sensitive
    local = all(_run_count(normalize(form)) is not None for form in term.forms)
    out = []
    for phrase in term.exceptions:
        if not _WORD.search(normalize(phrase)):
            continue
        runs = _run_count(normalize(phrase))
        if local and runs is not None:
            out.append((re.compile(pattern([phrase], lower=lower)), runs - 1))
        else:
            out.append((re.compile("(?=(" + pattern([phrase], lower=lower) + "))"), None))
    return tuple(out)


def drop_exceptions(text: str, hits: list[tuple], checked: list[tuple]) -> list[tuple]:
    """`hits` (start, end, (..., entry)) without those of `checked` that lie inside an occurrence
    of one of their term's exceptions (`entry.exceptions`, from `exception_regexes`)."""
    scanned: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    folded = None
    dropped = set()
    for hit in checked:
        entry = hit[2][-1]
        if entry.case_sensitive:
            haystack = text
        else:
            haystack = folded = folded if folded is not None else fold(text)
        if _excepted(haystack, hit[0], hit[1], entry.exceptions, scanned):
            dropped.add(id(hit))
    return [hit for hit in hits if id(hit) not in dropped] if dropped else hits


def _excepted(text: str, start: int, end: int, exceptions: Exceptions, scanned) -> bool:
    """Whether [start, end) lies inside an occurrence of one of `exceptions` in `text`.

    An occurrence of a phrase that begins and ends with a word character covers whole runs of
    word characters of the text, as many as the phrase has (see `_run_count`), so one containing the
    match begins at the match or at one of the few runs before it: the phrase is tried there
    only (from a given start it can match only one way), never over the whole text. Other
    phrases are found in the whole text, every occurrence, once per text.
    """
    starts = None
    for regex, before in exceptions:
        if before is None:
            spans = scanned.get(regex)
            if spans is None:
                spans = scanned[regex] = [m.span(1) for m in regex.finditer(text)]
            if any(s <= start and end <= e for s, e in spans):
                return True
            continue
        if starts is None:
            starts = _run_starts(text, start, max(b for _, b in exceptions if b is not None))
        for s in starts[:before + 1]:
            m = regex.match(text, s)
            if m is not None and m.end() >= end:
                return True
    return False


def _run_starts(text: str, pos: int, count: int) -> list[int]:
    """`pos`, then the starts of the `count` runs of word characters before it, nearest first."""
    starts = [pos]
    width = 64 * count
    while count:
        low = max(0, pos - width)
        found = [pos - m.end() for m in itertools.islice(_RUNS.finditer(text[low:pos][::-1]), count + 1)]
        if len(found) > count or low == 0:  # the last run found may be cut at `low`, the first `count` are not
            return starts + found[:count]
        width *= 4
    return starts


def _run_count(form: str) -> int | None:
    """How many runs of word characters of the text a match of `form` covers (as its regex sees
    it): one for each run of the form, a `*` stem counting as the run it begins. None for a form
    that may begin or end otherwise, whose occurrences are looked for in the whole text."""
    words = [w for w in SEPARATORS.split(form.strip()) if w]
    count = 0
    for word in words:
        star = word.endswith("*")
        stem = word[:-1] if star else word
        if star and not (stem and _WORD.match(stem[-1])):
            return None
        count += len(_RUNS.findall(stem))
    if not count or not _WORD.match(words[0][0]) or not (words[-1].endswith("*") or _WORD.match(words[-1][-1])):
        return None
    return count
