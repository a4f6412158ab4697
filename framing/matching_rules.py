"""The matching rules of framing.matcher as regular expressions: one trie-shaped regex for a list of
forms, whose match at a position is the match the rules define there.

These regexes are the definition the fast scan (`framing.matching_scan`) must agree with: it uses
them for what it does not do itself (wildcard forms, exceptions, odd forms), and tests compare the
two. A form is a list of atoms: its characters, `_SEP` between words, `_STAR` for a `*` ending a
word; a trie of atoms becomes an alternation tried in `trie_order`.
"""
from __future__ import annotations

import re

from .text import SEPARATORS, fold, normalize

_SEP = object()
_STAR = object()
SEPARATOR = SEPARATORS.pattern  # between the words of a form: one definition, in framing.text
# A term begins and ends where a token does (framing.tokenize): not inside a run of word
# characters; a hyphen separates words (`war` counts in `post-war`); after an apostrophe only a
# possessive s may follow (`Hamas's`), since `don't` is one word, unless the word is an elided
# article or pronoun (`l'otage` is `l` and `otage`).
_START = r"(?<!\w)"
ELISIONS = "cdjlmnstCDJLMNST"  # one-letter words written before an apostrophe (l'otage), and qu (qu'il)
_ELIDED = rf"(?<!(?<!\w)[{ELISIONS}])(?<!(?<!\w)[qQ][uU])"
_END = rf"(?!\w)(?!{_ELIDED}'(?!s(?!\w))\w)"


# Case-insensitive forms are matched in the text's `framing.text.fold`, of the text's length, so
# offsets in it are offsets in the text, with case-sensitive regexes: matching is equality after
# the fold, the rule `term_key` applies; re.IGNORECASE would also take İ for i, or σ for ς, which
# no entry's key claims.


def atoms(form: str) -> list[object]:
    """The atoms of `form` as written (fold it first for a case-insensitive match)."""
    out: list[object] = []
    for i, word in enumerate(w for w in SEPARATORS.split(normalize(form).strip()) if w):
        if i:
            out.append(_SEP)
        if word.endswith("*"):
            out.extend(word[:-1])
            out.append(_STAR)
        else:
            out.extend(word)
    return out


def words(form_atoms: list[object]) -> list[tuple[str, bool]]:
    """A form's atoms as its words: (the word's characters, whether a `*` ends it)."""
    out: list[tuple[str, bool]] = []
    chars: list[str] = []
    star = False
    for atom in [*form_atoms, _SEP]:
        if atom is _SEP:
            out.append(("".join(chars), star))
            chars, star = [], False
        elif atom is _STAR:
            star = True
        else:
            chars.append(str(atom))
    return out


class _Trie:
    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        self.children: dict[object, _Trie] = {}
        self.terminal = False

    def add(self, form_atoms: list[object]) -> None:
        node = self
        for atom in form_atoms:
            node = node.children.setdefault(atom, _Trie())
        node.terminal = True

    def regex(self) -> str:
        # Longer continuations first, the end of a term last: at any start the longest form wins,
        # word by word (see `trie_order`).
        alts = [_atom_regex(a) + child.regex()
                for a, child in sorted(self.children.items(), key=lambda item: _atom_order(item[0]))]
        if self.terminal:
            alts.append(_END)
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"


def _atom_order(atom: object) -> tuple[int, str]:
    if atom is _SEP:
        return (0, "")
    if atom is _STAR:
        return (2, "")
    return (1, str(atom))


_TERMINAL = (3, "")  # the end of a form: tried after every longer continuation


def trie_order(form_atoms: list[object]) -> tuple[tuple[int, str], ...]:
    """Where a form's path comes in the alternation order of its trie regex. At one position the
    regex tries paths in this order and keeps the first that matches: a form that matches there
    with the smallest key is the match, which need not be the longest (with `abc` and `ab* d`,
    `abc` wins in `abc d`)."""
    return (*map(_atom_order, form_atoms), _TERMINAL)


def _atom_regex(atom: object) -> str:
    if atom is _SEP:
        return SEPARATOR
    if atom is _STAR:
        return r"\w*"
    return re.escape(str(atom))


def pattern(forms: list[str], lower: bool) -> str:
    """One trie-shaped regex for `forms`; `lower` when it will run on lower-cased text."""
    if not forms:
        return r"(?!)"
    return _START + _trie_regex(forms, lower)


def _trie_regex(forms: list[str], lower: bool) -> str:
    trie = _Trie()
    for form in forms:
        trie.add(atoms(fold(form) if lower else form))
    return trie.regex()


def compile_forms(forms, case_sensitive: bool = False) -> re.Pattern[str]:
    """One regex finding `forms` in normalised text by the matching rules (leftmost-longest)."""
    return re.compile(pattern(list(forms), lower=False), 0 if case_sensitive else re.IGNORECASE)


def contains_form(term, phrase: str) -> bool:
    """Whether one of the forms of `term` occurs in `phrase` by the matching rules (whole words...)."""
    sample = normalize(phrase.replace("*", ""))
    if term.case_sensitive:
        return re.search(pattern(list(term.forms), lower=False), sample) is not None
    return re.search(pattern(list(term.forms), lower=True), fold(sample)) is not None
