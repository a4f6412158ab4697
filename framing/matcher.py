"""Finding lexicon terms in documents: exact, whole-word, leftmost-longest, with offsets.

The rules (tested one by one in tests/test_matcher.py):

1. Case-insensitive unless a term is marked `case_sensitive`; case-insensitive terms also read
   the Arabic alef forms أ إ آ ٱ as ا (`framing.text.fold`), so إسرائيل counts in اسرائيل.
2. Whole words only, as `framing.tokenize` splits them: a hyphen separates words, so `hostage`
   counts in `hostage-taking` unless a longer entry of the same category covers the compound
   (the tokenizer reads the compound as the two words `hostage taking`); `don` does not count
   in `don't`, one word.
3. Words of a multi-word term match across any whitespace (line breaks included); a space, hyphen
   or dash between two words of a term matches a space, hyphen or dash in the text.
4. Straight and curly apostrophes are the same (the text is normalised); a possessive `'s` after
   a term still counts for it.
5. Variants count toward their term; `*` at the end of a word matches the rest of that word.
6. Leftmost-longest and non-overlapping within one category; categories are matched
   independently, so a match may overlap a match of another category (`Hamas-run` in control
   attribution inside `Hamas-run health ministry` in casualty sourcing) and each counts in its
   own category. `nested=True` also counts terms inside longer ones of the same category.
   A term's `exceptions` drop its matches that lie inside an occurrence of an exception phrase.
7. Every match keeps document, offsets and surface form; 8. and whether it is inside quotes.
Matches come out sorted by start, end and the order of categories (and terms) in the lexicon.

The rules are defined by trie-shaped regular expressions (`framing.matching_rules`), one per
category: its matches are the category's. Scanning with them costs a regex attempt at every
character, so the text is instead scanned once by an Aho-Corasick automaton of every form's text
(`framing.matching_scan`), and the rules are checked only where a form's text occurs; the two give
the same matches (tests/test_matcher.py compares them). A category whose forms the automaton
cannot find (a word that is only `*`, which the lexicon loader refuses) is scanned with its regex.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .clitics import with_proclitics
from .matching_exceptions import Exceptions, drop_exceptions, exception_regexes
from .matching_rules import atoms, compile_forms, contains_form, trie_order
from .matching_rules import pattern as _pattern
from .matching_scan import Hit, OddSeparators, Scan, Target, flatten, form_keys
from .model import Document, Lexicon, Match, Term
from .quotes import quote_spans
from .text import fold, normalize, term_key

__all__ = ["Matcher", "compile_forms", "contains_form"]


@dataclass(frozen=True, order=True, slots=True)
class _Entry:
    rank: tuple[int, int]  # (category, term) position in the lexicon: the order of matches at the same offsets
    category: str
    term: str
    exceptions: Exceptions = field(default=(), compare=False)
    case_sensitive: bool = field(default=False, compare=False)


class _Lookup:
    """Which entry of a category a surface found by its forms of one kind (case-sensitive or
    not) counts for: the entry whose exact form it is, else that of the first wildcard form
    that matches it, longer stems first (`massacres*` before `mass*`)."""

    def __init__(self, items: list[tuple[Term, _Entry]], case_sensitive: bool):
        self._cs = case_sensitive
        self._exact: dict[str, _Entry] = {}
        self._wild: list[tuple[re.Pattern[str], _Entry]] = []
        for term, entry in items:
            for form in term.forms:
                if "*" in form:
                    # run on `term_key` of a surface: folded unless the term is case-sensitive
                    self._wild.append((re.compile(_pattern([form], lower=not case_sensitive) + r"\Z"), entry))
                else:
                    self._exact[term_key(form, case_sensitive)] = entry
        self._wild.sort(key=lambda item: -len(item[0].pattern))
        self._cache: dict[str, _Entry] = {}

    def __call__(self, surface: str) -> _Entry:
        entry = self._cache.get(surface)
        if entry is None:
            entry = self._find(surface)
            if len(self._cache) < 100_000:
                self._cache[surface] = entry
        return entry

    def _find(self, surface: str) -> _Entry:
        key = term_key(surface, self._cs)
        if key in self._exact:
            return self._exact[key]
        for regex, entry in self._wild:
            if regex.match(key):
                return entry
        raise AssertionError(f"matched {surface!r} but no lexicon entry claims it")  # a bug, not bad input


class _Kind:
    """The forms of one kind, case-insensitive (matched in the folded text) or case-sensitive,
    of every unit: an automaton for those it can find, a regex per unit for the others."""

    def __init__(self, units: list[list[tuple[Term, _Entry]]], case_sensitive: bool, nested: bool):
        self.case_sensitive = case_sensitive
        self.units: set[int] = set()
        self.regexes: list[tuple[int, re.Pattern[str], _Entry | None, _Lookup | None]] = []
        targets: dict[str, list[Target]] = {}
        for unit, items in enumerate(units):
            items = [(term, entry) for term, entry in items if term.case_sensitive == case_sensitive]
            if not items:
                continue
            self.units.add(unit)
            lookup = None if nested else _Lookup(items, case_sensitive)
            forms = [(form, entry, atoms(form if case_sensitive else fold(form)))
                     for term, entry in items for form in term.forms]
            keys = [form_keys(form_atoms) for _, _, form_atoms in forms]
            if None in keys:
                regex = re.compile(_pattern([form for form, _, _ in forms], lower=not case_sensitive))
                self.regexes.append((unit, regex, items[0][1] if nested else None, lookup))
                continue
            orders = {key: i for i, key in enumerate(sorted({trie_order(a) for _, _, a in forms}))}
            for (form, entry, form_atoms), form_targets in zip(forms, keys):
                order = orders[trie_order(form_atoms)]
                if lookup is not None:  # exact forms: one entry whatever the separators; wildcards: by surface
                    entry = None if "*" in form else _known(lookup, form_targets[0][0])
                for key, confirmed in form_targets:
                    targets.setdefault(key, []).append(Target(unit, order, entry, form if confirmed else None, lookup))
        self.scan = Scan(targets, not case_sensitive) if targets else None


def _known(lookup: _Lookup, key: str) -> _Entry | None:
    """The entry every match of an exact form counts for: that of its key, whatever separators
    the text has between its words (`term_key` reads them all as one space). None if no entry
    claims it, so that the error is raised where the reference regex would meet it."""
    try:
        return lookup(key)
    except AssertionError:
        return None


class Matcher:
    """A lexicon compiled for matching. Picklable, so it can be shipped to worker processes.

    Each category is matched on its own (leftmost-longest within it), each term when `nested`.
    Case-insensitive forms are matched in the folded text (`framing.text.fold`, of the text's
    length, so offsets stay exact), case-sensitive ones in the text.
    """

    def __init__(self, lexicon: Lexicon, nested: bool = False):
        self.lexicon = lexicon
        self.nested = nested
        prefixed = with_proclitics(lexicon)  # Arabic and Hebrew: each form with its joined prefixes too
        entries = [[(term, _Entry((ci, ti), category.name, term.term, exception_regexes(term), term.case_sensitive))
                    for ti, term in enumerate(category.terms)]
                   for ci, category in enumerate(prefixed.categories)]
        # The units whose matches may not overlap one another: categories, or terms when nested.
        units = [[item] for items in entries for item in items] if nested else entries
        kinds = [_Kind(units, case_sensitive, nested) for case_sensitive in (False, True)]
        self._kinds = [kind for kind in kinds if kind.units]
        # categories with terms of both kinds: the two kinds' matches are merged leftmost-longest
        self._mixed = kinds[0].units & kinds[1].units

    def __reduce__(self):
        # The automata are not picklable: a copy compiles the lexicon again.
        return (Matcher, (self.lexicon, self.nested))

    def _hits(self, text: str) -> list[Hit]:
        """Every match, sorted by start, end and lexicon order (see `Hit`)."""
        try:
            per_kind = self._kind_hits(text, False)
        except OddSeparators:
            per_kind = self._kind_hits(text, True)
        if len(per_kind) < 2:
            hits, checked = per_kind[0] if per_kind else ([], [])
        else:
            (folded, folded_checked), (exact, exact_checked) = per_kind
            hits = _merge_kinds(folded, exact, self._mixed) if self._mixed else folded + exact
            checked = folded_checked + exact_checked
        hits.sort()
        return drop_exceptions(text, hits, checked) if checked else hits

    def _kind_hits(self, text: str, odd_separators: bool) -> list[tuple[list[Hit], list[Hit]]]:
        """The matches of each kind of forms, and those of entries with exceptions. The text is
        flattened before it is folded: the two commute (separators fold to themselves and have
        no case), and a text whose only non-ASCII characters were dashes is then ASCII, which
        `fold` reads much faster."""
        flat = flatten(text, odd_separators)
        out = []
        for kind in self._kinds:
            hits, checked = kind.scan.matches(flat if kind.case_sensitive else fold(flat)) if kind.scan else ([], [])
            if kind.regexes:
                haystack = text if kind.case_sensitive else fold(text)
                for unit, regex, entry, lookup in kind.regexes:
                    for m in regex.finditer(haystack):
                        found = entry if lookup is None else lookup(m.group())
                        hits.append((m.start(), m.end(), (found.rank, unit, 0, found)))
                        if found.exceptions:
                            checked.append(hits[-1])
            out.append((hits, checked))
        return out

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, category, term) of every match in `text`, by position, then category order."""
        return [(start, end, info[3].category, info[3].term) for start, end, info in self._hits(text)]

    def match(self, doc: Document, quotes: Sequence[tuple[int, int]] | None = None) -> tuple[Match, ...]:
        """All matches in one document: a pure function of the document, for a map over a corpus.
        `quotes`: the text's `quote_spans`, when already found."""
        text = doc.text
        hits = self._hits(text)
        if not hits:
            return ()
        spans = quote_spans(text) if quotes is None else quotes
        # Whether a start is quoted, as framing.quotes.QuoteIndex answers it (the last quotation
        # starting at or before it ends after it), walking the quotations as the starts grow.
        q, last, quote_end = 0, len(spans), -1
        next_quote = spans[0][0] if spans else len(text) + 1
        name, doc_id = self.lexicon.name, doc.id
        new = tuple.__new__  # Match(...) runs a Python-level __new__; this builds the same tuple in C
        out = []
        for start, end, info in hits:
            if start >= next_quote:
                while q < last and spans[q][0] <= start:
                    quote_end = spans[q][1]
                    q += 1
                next_quote = spans[q][0] if q < last else len(text) + 1
            e = info[3]
            out.append(new(Match, (doc_id, name, e.category, e.term, start, end, text[start:end], start < quote_end)))
        return tuple(out)

    def unmatchable(self) -> list[str]:
        """Forms the matcher cannot find in their own text: each is a lexicon error."""
        bad = []
        for _, term in self.lexicon.terms():
            for form in term.forms:
                sample = normalize(form.replace("*", ""))
                if not any(s == 0 and e == len(sample) for s, e, *_ in self.find(sample)):
                    bad.append(form)
        return bad


def _merge_kinds(folded: list[Hit], exact: list[Hit], mixed: set[int]) -> list[Hit]:
    """The hits of both kinds, where a category with forms of both kinds keeps its leftmost-longest
    ones: by start, the longer first, a case-insensitive one before a case-sensitive one of the
    same span, without overlap."""
    out = [hit for hit in folded + exact if hit[2][1] not in mixed]
    for category in mixed:
        kept: list[Hit] = []
        both = [hit for hit in folded if hit[2][1] == category] + [hit for hit in exact if hit[2][1] == category]
        for hit in sorted(both, key=lambda h: (h[0], -h[1])):
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        out += kept
    return out
