"""Finding lexicon terms in documents: exact, whole-word, leftmost-longest, with offsets.

The rules (tested one by one in tests/test_matcher.py):

1. Case-insensitive unless a term is marked `case_sensitive`.
2. Whole words only; a hyphen separates words, so `hostage` counts in `hostage-taking` unless a
   longer entry covers the compound.
3. Words of a multi-word term match across any whitespace (line breaks included); a space, hyphen
   or dash between two words of a term matches a space, hyphen or dash in the text.
4. Straight and curly apostrophes are the same (the text is normalised); a possessive `'s` after
   a term still counts for it.
5. Variants count toward their term; `*` at the end of a word matches the rest of that word.
6. Leftmost-longest and non-overlapping within one lexicon; `nested=True` also counts terms
   inside longer ones.
7. Every match keeps document, offsets and surface form; 8. and whether it is inside quotes.

All forms of a lexicon compile into one regular expression shaped as a character trie, so the
text is scanned once whatever the number of terms (see benchmarks/bench_match.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import term_key
from .model import Document, Lexicon, Match
from .quotes import QuoteIndex
from .text import normalize

_SEP = object()
_STAR = object()
SEPARATOR = r"[\s\-\u2014]+"
_SPLIT = re.compile(SEPARATOR)
_END = r"(?!\w)"


def _atoms(form: str) -> list[object]:
    atoms: list[object] = []
    for i, word in enumerate(w for w in _SPLIT.split(normalize(form).strip()) if w):
        if i:
            atoms.append(_SEP)
        if word.endswith("*"):
            atoms.extend(word[:-1])
            atoms.append(_STAR)
        else:
            atoms.extend(word)
    return atoms


class _Trie:
    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        self.children: dict[object, _Trie] = {}
        self.terminal = False

    def add(self, atoms: list[object]) -> None:
        node = self
        for atom in atoms:
            node = node.children.setdefault(atom, _Trie())
        node.terminal = True

    def regex(self) -> str:
        # Longer continuations first, the end of a term last: at any start the longest form wins.
        alts = [_atom_regex(a) + child.regex() for a, child in sorted(self.children.items(), key=_order)]
        if self.terminal:
            alts.append(_END)
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"


def _order(item: tuple[object, _Trie]) -> tuple[int, str]:
    atom = item[0]
    if atom is _SEP:
        return (0, "")
    if atom is _STAR:
        return (2, "")
    return (1, str(atom))


def _atom_regex(atom: object) -> str:
    if atom is _SEP:
        return SEPARATOR
    if atom is _STAR:
        return r"\w*"
    return re.escape(str(atom))


def _pattern(forms: list[str], lower: bool) -> str:
    """One trie-shaped regex for `forms`; `lower` when it will run on lower-cased text."""
    if not forms:
        return r"(?!)"
    trie = _Trie()
    for form in forms:
        trie.add(_atoms(form.lower() if lower else form))
    return r"(?<!\w)" + trie.regex()


def _leftmost_longest(hits: list[tuple]) -> list[tuple]:
    out: list[tuple] = []
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if not out or hit[0] >= out[-1][1]:
            out.append(hit)
    return out


@dataclass(frozen=True)
class _Entry:
    category: str
    term: str


class Matcher:
    """A lexicon compiled for matching. Picklable, so it can be shipped to worker processes.

    Case-insensitive forms run on `text.lower()` with a case-sensitive regex, which is about
    twice as fast as re.IGNORECASE; texts whose lower-casing changes their length (rare Unicode
    letters) use the IGNORECASE twin so that offsets stay exact.
    """

    def __init__(self, lexicon: Lexicon, nested: bool = False):
        self.lexicon = lexicon
        self.nested = nested
        self._exact: dict[tuple[bool, str], _Entry] = {}
        self._wild: list[tuple[bool, re.Pattern[str], _Entry]] = []
        forms_ci: list[str] = []
        forms_cs: list[str] = []
        self._per_term: list[tuple[re.Pattern[str], _Entry]] = []
        for category, term in lexicon.terms():
            entry = _Entry(category.name, term.term)
            cs = term.case_sensitive
            for form in term.forms:
                (forms_cs if cs else forms_ci).append(form)
                if "*" in form:
                    regex = re.compile(_pattern([form], lower=False) + r"\Z", 0 if cs else re.IGNORECASE)
                    self._wild.append((cs, regex, entry))
                else:
                    self._exact[(cs, term_key(form, cs))] = entry
            if nested:
                self._per_term.append((re.compile(_pattern(list(term.forms), lower=False),
                                                  0 if cs else re.IGNORECASE), entry))
        # Longer wildcard stems first, so `massacres*` is preferred to `mass*` for the same word.
        self._wild.sort(key=lambda item: -len(item[1].pattern))
        self._lower = re.compile(_pattern(forms_ci, lower=True))
        self._ignorecase = re.compile(_pattern(forms_ci, lower=False), re.IGNORECASE)
        self._cs = re.compile(_pattern(forms_cs, lower=False)) if forms_cs else None
        self._cache: dict[bool, dict[str, _Entry]] = {False: {}, True: {}}  # surface -> entry, per case rule

    def _entry(self, surface: str, cs: bool) -> _Entry:
        entry = self._lookup(surface, cs)
        if len(self._cache[cs]) < 100_000:
            self._cache[cs][surface] = entry
        return entry

    def _lookup(self, surface: str, cs: bool) -> _Entry:
        key = (cs, term_key(surface, cs))
        if key in self._exact:
            return self._exact[key]
        normal = term_key(surface, True)
        for wild_cs, regex, entry in self._wild:
            if wild_cs == cs and regex.match(normal):
                return entry
        raise AssertionError(f"matched {surface!r} but no lexicon entry claims it")  # a bug, not bad input

    def _scan(self, text: str):
        """(start, end, entry) for every leftmost-longest match; the hot loop, kept lean."""
        lowered = text.lower()
        scans = [(self._lower, lowered, False) if len(lowered) == len(text) else (self._ignorecase, text, False)]
        if self._cs is not None:
            scans.append((self._cs, text, True))
        hits = []
        for regex, haystack, cs in scans:
            cache = self._cache[cs]
            for m in regex.finditer(haystack):
                surface = m.group()
                entry = cache.get(surface) or self._entry(surface, cs)
                hits.append((m.start(), m.end(), entry))
        if len(scans) > 1:
            hits = _leftmost_longest(hits)
        return hits

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, category, term) of every match in `text`, in order of position."""
        if self.nested:
            found = {(m.start(), m.end(), e.category, e.term)
                     for regex, e in self._per_term for m in regex.finditer(text)}
            return sorted(found)
        return [(start, end, e.category, e.term) for start, end, e in self._scan(text)]

    def match(self, doc: Document) -> tuple[Match, ...]:
        """All matches in one document: a pure function of the document, for a map over a corpus."""
        text = doc.text
        if self.nested:
            hits = [(s, e, _Entry(c, t)) for s, e, c, t in self.find(text)]
        else:
            hits = self._scan(text)
        if not hits:
            return ()
        quotes = QuoteIndex(text)
        name, doc_id = self.lexicon.name, doc.id
        return tuple([Match(doc_id, name, e.category, e.term, start, end, text[start:end], start in quotes)
                      for start, end, e in hits])

    def unmatchable(self) -> list[str]:
        """Forms the matcher cannot find in their own text: each is a lexicon error."""
        bad = []
        for _, term in self.lexicon.terms():
            for form in term.forms:
                sample = normalize(form.replace("*", ""))
                if not any(s == 0 and e == len(sample) for s, e, *_ in self.find(sample)):
                    bad.append(form)
        return bad
