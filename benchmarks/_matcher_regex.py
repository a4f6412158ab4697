"""The previous framing.matcher (before the Aho-Corasick scan), kept for benchmarks/bench_match.py
to time in the same run: trie-shaped regexes scanned over the whole text. Not used by framing.
Its docstring as it was:

Finding lexicon terms in documents: exact, whole-word, leftmost-longest, with offsets.

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

Forms compile into regular expressions shaped as character tries, so the text is scanned once
whatever the number of terms (see benchmarks/bench_match.py). Categories none of whose matches
can ever overlap share a trie (`_groups` proves it from the words of their forms), since one
leftmost-longest scan of their forms finds exactly what a scan per category would. With several
such groups, one zero-width regex stops wherever a form of any group begins and captures each
group's match there (`_scanner`), so the text is still scanned once.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from framing.clitics import with_proclitics
from framing.model import Document, Lexicon, Match, Term
from framing.quotes import QuoteIndex
from framing.text import SEPARATORS, fold, normalize, term_key

_SEP = object()
_STAR = object()
SEPARATOR = SEPARATORS.pattern  # between the words of a form: one definition, in framing.text
_SPLIT = SEPARATORS
# A term begins and ends where a token does (framing.tokenize): not inside a run of word
# characters; a hyphen separates words (`war` counts in `post-war`); after an apostrophe only a
# possessive s may follow (`Hamas's`), since `don't` is one word, unless the word is an elided
# article or pronoun (`l'otage` is `l` and `otage`).
_START = r"(?<!\w)"
_ELIDED = r"(?<!(?<!\w)[cdjlmnstCDJLMNST])(?<!(?<!\w)[qQ][uU])"
_END = rf"(?!\w)(?!{_ELIDED}'(?!s(?!\w))\w)"


def _lower(text: str) -> str:
    """The text case-insensitive forms are matched in: `framing.text.fold`, of the text's length,
    so offsets in it are offsets in `text`. Case-insensitive matching is equality after this, the
    rule `term_key` applies; re.IGNORECASE would also take İ for i, or σ for ς, which no entry's
    key claims."""
    return fold(text)


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
    return _START + _trie_regex(forms, lower)


def _trie_regex(forms: list[str], lower: bool) -> str:
    trie = _Trie()
    for form in forms:
        trie.add(_atoms(_lower(form) if lower else form))
    return trie.regex()


def _scanner(parts: list[list[str]], lower: bool,
             flags: int = 0) -> tuple[re.Pattern[str] | None, list[tuple[int, int]]]:
    """The regex of one pass over a text for the forms of several groups, and its captures.

    One group (with forms of this kind): its trie regex, whose matches are the group's
    leftmost-longest matches (capture 0, the whole match). Several:
    a zero-width regex that stops wherever a form of any group begins (a trie of all forms as
    the guard) and captures there, for each group, the match its own trie regex would make at
    that position; the scan keeps a group's capture when it starts at or after the end of the
    group's previous match, which is exactly what the group's own `finditer` would find, in one
    pass instead of one per group. Captures are (capture number, group index).
    """
    present = [(gi, forms) for gi, forms in enumerate(parts) if forms]
    if not present:
        return None, []
    if len(present) == 1:
        gi, forms = present[0]
        return re.compile(_pattern(forms, lower), flags), [(0, gi)]
    every = [form for forms in parts for form in forms]
    # It consumes one character: after a zero-width match finditer would try the same position again.
    regex = (_START + "(?=" + _trie_regex(every, lower) + ")"
             + "".join(f"(?:(?=({_trie_regex(forms, lower)}))|)" for _, forms in present) + r"(?:[\s\S]|\Z)")
    return re.compile(regex, flags), [(k, gi) for k, (gi, _) in enumerate(present, start=1)]


def _leftmost_longest(hits: list[tuple]) -> list[tuple]:
    out: list[tuple] = []
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if not out or hit[0] >= out[-1][1]:
            out.append(hit)
    return out


def compile_forms(forms, case_sensitive: bool = False) -> re.Pattern[str]:
    """One regex finding `forms` in normalised text by the matching rules (leftmost-longest)."""
    return re.compile(_pattern(list(forms), lower=False), 0 if case_sensitive else re.IGNORECASE)


def _exception_regexes(term: Term) -> tuple[tuple[re.Pattern[str], int | None], ...]:
    """For each exception phrase of `term`: its regex and how many runs of word characters it
    has besides the first (None: it is looked for in the whole text; see `_excepted`)."""
    # Case-insensitive phrases are looked for in the folded text, as the terms are.
    lower = not term.case_sensitive
    local = all(_runs(normalize(form)) is not None for form in term.forms)
    out = []
    for phrase in term.exceptions:
        if not _WORD.search(normalize(phrase)):
            continue
        runs = _runs(normalize(phrase))
        if local and runs is not None:
            out.append((re.compile(_pattern([phrase], lower=lower)), len(runs) - 1))
        else:
            out.append((re.compile("(?=(" + _pattern([phrase], lower=lower) + "))"), None))
    return tuple(out)


def _drop_exceptions(text: str, hits: list[tuple]) -> list[tuple]:
    """`hits` without the matches that lie inside an occurrence of one of their term's exceptions."""
    scanned: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    folded = None
    out = []
    for hit in hits:
        entry = hit[2]
        if entry.exceptions:
            if entry.case_sensitive:
                haystack = text
            else:
                haystack = folded = folded if folded is not None else _lower(text)
            if _excepted(haystack, hit[0], hit[1], entry.exceptions, scanned):
                continue
        out.append(hit)
    return out


def _excepted(text: str, start: int, end: int, exceptions, scanned) -> bool:
    """Whether [start, end) lies inside an occurrence of one of `exceptions` in `text`.

    An occurrence of a phrase that begins and ends with a word character covers whole runs of
    word characters of the text, as many as the phrase has (see `_runs`), so one containing the
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


# --- which categories can share a scan ----------------------------------------------------------

_WORD = re.compile(r"\w")
_RUNS = re.compile(r"\w+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _runs(form: str) -> list[tuple[str, bool]] | None:
    """The runs of word characters of `form` (as its regex sees it), in order: (run, is a `*` stem).

    A match of a form that begins and ends with a word character covers whole runs of word
    characters of the text, one for each run of the form (a stem matches a run it begins).
    None for a form that may begin or end otherwise: it is assumed to overlap anything.
    """
    words = [w for w in _SPLIT.split(form.strip()) if w]
    runs: list[tuple[str, bool]] = []
    for word in words:
        star = word.endswith("*")
        stem = word[:-1] if star else word
        if star and not (stem and _WORD.match(stem[-1])):
            return None
        runs.extend((run.translate(_ASCII_LOWER), False) for run in _RUNS.findall(stem))
        if star:
            runs[-1] = (runs[-1][0], True)
    if not runs or not _WORD.match(words[0][0]) or not (words[-1].endswith("*") or _WORD.match(words[-1][-1])):
        return None
    return runs


def _exact(chars: str) -> bool:
    """Whether a pattern's characters match only themselves: ASCII (compared lower-cased) and
    characters without case (Arabic, Hebrew, Devanagari...). A cased non-ASCII letter may match
    another in a case-insensitive scan, so it is compared as if it matched anything."""
    return chars.isascii() or all(c.lower() == c.upper() for c in chars)


def _may_meet(x: str, x_stem: bool, y: str, y_stem: bool) -> bool:
    """Whether one run of text can be matched by both runs of forms. A pattern character matches
    one text character; exact ones (see `_exact`) only themselves, any other anything."""
    if len(x) != len(y) and not (x_stem and len(x) < len(y)) and not (y_stem and len(y) < len(x)):
        return False
    return all(a == b or not (_exact(a) and _exact(b)) for a, b in zip(x, y))


def _may_overlap(a: list[tuple[str, bool]], b: list[tuple[str, bool]]) -> bool:
    """Whether a match of `a` and a match of `b` can share a run of the text, at any alignment."""
    for shift in range(1 - len(b), len(a)):
        if all(_may_meet(*a[k], *b[k - shift]) for k in range(max(0, shift), min(len(a), shift + len(b)))):
            return True
    return False


def _groups(lexicon: Lexicon) -> list[list[int]]:
    """Category indices in groups whose members' matches can never overlap one another.

    Two matches that overlap share a run of word characters of the text (each begins and ends
    with one), so some runs of the two forms must fit the same text at some alignment. Within a
    group, at any position of a text at most one category can match, so one leftmost-longest
    scan of all the group's forms finds the same matches as one scan per category. Categories
    are placed greedily, in order, into the first group with no conflict.
    """
    forms: list[tuple[int, list[tuple[str, bool]] | None]] = []
    for ci, category in enumerate(lexicon.categories):
        for term in category.terms:
            for form in term.forms:
                # the texts each regex runs on: the original, and for case-insensitive forms the lower-cased
                seen = {normalize(form)} if term.case_sensitive else {normalize(form), normalize(_lower(form))}
                forms.extend((ci, _runs(f)) for f in sorted(seen))
    n = len(lexicon.categories)
    clash: list[set[int]] = [set() for _ in range(n)]
    for ci in {ci for ci, runs in forms if runs is None}:
        clash[ci].update(range(n))
        for other in clash:
            other.add(ci)
    # Index of the forms by the start of their runs, so that only forms with a run that may fit
    # the same text run are compared.
    by_one: dict[str, set[int]] = {}
    by_two: dict[str, set[int]] = {}
    short_stems: dict[str, set[int]] = {}
    anywhere: set[int] = set()
    for i, (_, runs) in enumerate(forms):
        for run, stem in runs or ():
            head = run[:2]
            if not _exact(head):
                anywhere.add(i)
                continue
            by_one.setdefault(head[0], set()).add(i)
            if len(run) > 1:
                by_two.setdefault(head, set()).add(i)
            elif stem:
                short_stems.setdefault(head, set()).add(i)
    everything = set(range(len(forms)))
    for i, (ci, runs) in enumerate(forms):
        if runs is None:
            continue
        candidates = set(anywhere)
        for run, _ in runs:
            head = run[:2]
            if not _exact(head):
                candidates = everything
                break
            if len(run) == 1:
                candidates |= by_one.get(head, set())
            else:
                candidates |= by_two.get(head, set()) | short_stems.get(head[0], set())
        for j in candidates:
            cj, other = forms[j]
            if j > i and cj != ci and cj not in clash[ci] and other is not None and _may_overlap(runs, other):
                clash[ci].add(cj)
                clash[cj].add(ci)
    groups: list[list[int]] = []
    for ci in range(n):
        for group in groups:
            if not clash[ci].intersection(group):
                group.append(ci)
                break
        else:
            groups.append([ci])
    return groups


# --- the matcher --------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class _Entry:
    rank: tuple[int, int]  # (category, term) position in the lexicon: the order of matches at the same offsets
    category: str
    term: str
    exceptions: tuple[re.Pattern[str], ...] = field(default=(), compare=False)
    case_sensitive: bool = field(default=False, compare=False)


class _Group:
    """Categories whose matches never overlap one another, matched as one: their forms, and the
    lexicon entry each surface found belongs to."""

    def __init__(self, items: list[tuple[Term, _Entry]]):
        self.exact: dict[tuple[bool, str], _Entry] = {}
        self.wild: list[tuple[bool, re.Pattern[str], _Entry]] = []
        self.forms_ci: list[str] = []
        self.forms_cs: list[str] = []
        for term, entry in items:
            cs = term.case_sensitive
            for form in term.forms:
                (self.forms_cs if cs else self.forms_ci).append(form)
                if "*" in form:
                    # run on `term_key` of a surface: folded unless the term is case-sensitive
                    self.wild.append((cs, re.compile(_pattern([form], lower=not cs) + r"\Z"), entry))
                else:
                    self.exact[(cs, term_key(form, cs))] = entry
        # Longer wildcard stems first, so `massacres*` is preferred to `mass*` for the same word.
        self.wild.sort(key=lambda item: -len(item[1].pattern))
        self.cache: dict[bool, dict[str, _Entry]] = {False: {}, True: {}}  # surface -> entry, per case rule

    def entry(self, surface: str, cs: bool) -> _Entry:
        entry = self._lookup(surface, cs)
        if len(self.cache[cs]) < 100_000:
            self.cache[cs][surface] = entry
        return entry

    def _lookup(self, surface: str, cs: bool) -> _Entry:
        key = (cs, term_key(surface, cs))
        if key in self.exact:
            return self.exact[key]
        for wild_cs, regex, entry in self.wild:
            if wild_cs == cs and regex.match(key[1]):
                return entry
        raise AssertionError(f"matched {surface!r} but no lexicon entry claims it")  # a bug, not bad input


class Matcher:
    """A lexicon compiled for matching. Picklable, so it can be shipped to worker processes.

    Each category is matched on its own (leftmost-longest within it); categories whose matches
    can never overlap share one scan (see `_groups`). Case-insensitive forms run on the
    lower-cased text (`_lower`, of the text's length, so offsets stay exact) with a case-sensitive
    regex, which is about twice as fast as re.IGNORECASE.
    """

    def __init__(self, lexicon: Lexicon, nested: bool = False):
        self.lexicon = lexicon
        self.nested = nested
        prefixed = with_proclitics(lexicon)  # Arabic and Hebrew: each form with its joined prefixes too
        # Grouping compares every pair of forms, and prefixed forms share their first letters:
        # seconds for a few hundred terms. A lexicon with proclitics scans each category alone.
        groups = _groups(lexicon) if prefixed is lexicon else [[ci] for ci in range(len(lexicon.categories))]
        lexicon = prefixed
        entries = [[(term, _Entry((ci, ti), category.name, term.term, _exception_regexes(term),
                                      term.case_sensitive))
                    for ti, term in enumerate(category.terms)]
                   for ci, category in enumerate(lexicon.categories)]
        self._groups = [_Group([item for ci in group for item in entries[ci]]) for group in groups]
        ci_forms = [g.forms_ci for g in self._groups]
        cs_forms = [g.forms_cs for g in self._groups]
        self._lower, self._captures_ci = _scanner(ci_forms, lower=True)
        self._cs, self._captures_cs = _scanner(cs_forms, lower=False)
        # groups with both kinds of forms: their two passes are merged leftmost-longest
        self._mixed = [gi for gi, g in enumerate(self._groups) if g.forms_ci and g.forms_cs]
        self._exceptions = any(entry.exceptions for items in entries for _, entry in items)
        self._per_term: list[tuple[re.Pattern[str], bool, _Entry]] = []  # (regex, runs on the lowered text, entry)
        if nested:
            self._per_term = [(re.compile(_pattern(list(term.forms), lower=not term.case_sensitive)),
                               not term.case_sensitive, entry)
                              for items in entries for term, entry in items]

    def _scan(self, text: str) -> list[tuple[int, int, _Entry]]:
        """(start, end, entry) of every match, sorted by start, end and category order; the hot
        loop, kept lean."""
        passes = []
        if self._lower is not None:
            passes.append((self._lower, _lower(text), self._captures_ci, False))
        if self._cs is not None:
            passes.append((self._cs, text, self._captures_cs, True))
        groups = self._groups
        if len(groups) == 1:
            group, hits = groups[0], []
            for regex, haystack, _, cs in passes:
                cache = group.cache[cs]
                for m in regex.finditer(haystack):
                    surface = m.group()
                    entry = cache.get(surface) or group.entry(surface, cs)
                    hits.append((m.start(), m.end(), entry))
            if len(passes) > 1:
                hits = _leftmost_longest(hits)
        else:
            found: list[list[tuple[int, int, _Entry]]] = [[] for _ in groups]
            for regex, haystack, captures, cs in passes:
                last = [0] * len(groups)  # where each group's previous match ended
                caches = [group.cache[cs] for group in groups]
                for m in regex.finditer(haystack):
                    spans = m.regs  # all the captures' spans at once, cheaper than m.span(k) for each
                    for k, gi in captures:
                        start, end = spans[k]
                        if start >= last[gi]:  # -1 when the group has no match here
                            last[gi] = end
                            surface = haystack[start:end]
                            entry = caches[gi].get(surface) or groups[gi].entry(surface, cs)
                            found[gi].append((start, end, entry))
            if len(passes) > 1:
                for gi in self._mixed:
                    found[gi] = _leftmost_longest(found[gi])
            hits = [hit for group_hits in found for hit in group_hits]
            hits.sort()  # ties of offsets are ordered by the entries' rank
        if self._exceptions and hits:
            hits = _drop_exceptions(text, hits)
        return hits

    def _hits(self, text: str) -> list[tuple[int, int, _Entry]]:
        if not self.nested:
            return self._scan(text)
        lowered = _lower(text)
        hits = sorted({(m.start(), m.end(), e) for regex, lower, e in self._per_term
                       for m in regex.finditer(lowered if lower else text)})
        return _drop_exceptions(text, hits) if self._exceptions and hits else hits

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, category, term) of every match in `text`, by position, then category order."""
        return [(start, end, e.category, e.term) for start, end, e in self._hits(text)]

    def match(self, doc: Document) -> tuple[Match, ...]:
        """All matches in one document: a pure function of the document, for a map over a corpus."""
        text = doc.text
        hits = self._hits(text)
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


def contains_form(term: Term, phrase: str) -> bool:
    """Whether one of the forms of `term` occurs in `phrase` by the matching rules (whole words...)."""
    sample = normalize(phrase.replace("*", ""))
    if term.case_sensitive:
        return re.search(_pattern(list(term.forms), lower=False), sample) is not None
    return re.search(_pattern(list(term.forms), lower=True), _lower(sample)) is not None
