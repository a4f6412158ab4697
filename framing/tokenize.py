"""The one analyzer that defines what a token is, for documents and lexicon entries alike.

What NLTK's `RegexpTokenizer` does with one pattern (its `tokenize` is `re.findall` with it; the
tests compare the two), run on `re` directly: importing nltk costs about a second per process
(it imports scikit-learn, scipy.stats and pandas), and every command tokenizes. Rules:

- a token is a run of letters/digits, or several joined by inner apostrophes (`don't`); a
  hyphen separates words, as it does for the matcher and in lexicon keys (`framing.text.term_key`):
  `hostage-taking` is the two words `hostage taking`, so the lexicon entry `hostage-taking`, the
  bigram discovery counts and the matcher's `hostage` inside the compound all agree. A hyphen is
  not a phrase break, so the bigram survives (`tokenize_phrases`);
- French and Italian elisions are split off (`l'otage` -> `l`, `otage`; `qu'il` -> `qu`, `il`),
  so the word after the article counts as itself;
- a possessive `'s` is removed (`Hamas's` -> `hamas`), so it counts as the word it follows
  (as is the `'s` of `it's`, which the tokenizer cannot tell from a possessive);
- dotted abbreviations stay whole (`U.S.` -> `u.s.`); links (`https://...`, `www....`) are not
  words and are left out;
- tokens are lower-cased, and Arabic alef forms read as the bare alef (`framing.text.fold`, the
  form the matcher compares words in);
- every script: a word keeps its combining marks (Arabic harakat, Hebrew niqqud, Devanagari
  vowel signs: युद्ध and مُحَمَّد are one token each), and a Hebrew acronym keeps its gershayim
  (צה"ל). Texts without marks or Hebrew take a faster pattern that gives the same tokens.

Tokens are for counting only; offsets always come from the matcher, on the original text.
"""
from __future__ import annotations

import re

from .marks import MARK_RANGES
from .text import fold

TOKEN_PATTERN = r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:'[^\W_]+)*"
_MARKS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in MARK_RANGES)
_HEBREW = "\u05d0-\u05ea"
# A word: letters, then any marks each followed by more letters (the marks may end the word).
_WORD = rf"[^\W_]+(?:[{_MARKS}]+[^\W_]*)*"
FULL_TOKEN_PATTERN = rf"(?:[^\W\d_]\.){{2,}}|{_WORD}(?:(?:'|(?<=[{_HEBREW}])\"(?=[{_HEBREW}])){_WORD})*"
# Where the full pattern is needed; elsewhere both give the same tokens.
_NEEDS_FULL = re.compile(f"[{_MARKS}{_HEBREW}]")


_find_tokens = re.compile(TOKEN_PATTERN).findall
_find_full_tokens = re.compile(FULL_TOKEN_PATTERN).findall
# "'s" after a letter or digit. The apostrophe comes first (then a look-behind) so that the
# regex engine can skip to each apostrophe instead of trying every position: 10x faster.
_POSSESSIVE = re.compile(r"'(?<=[^\W_]')s\b")


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# An elided article or pronoun: one of these letters (or qu) alone before an apostrophe and a letter.
_ELISION = re.compile(r"'(?:(?<=(?<![^\W_])[cdjlmnst]')|(?<=(?<![^\W_])qu'))(?=[^\W\d_])")


def prepare(text: str) -> str:
    """Lower-case, drop links (a URL is not words: "https", "t.co" and its path would be counted)
    and possessive 's, on the whole text at C speed rather than per token."""
    text = fold(text)
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "'" not in text:
        return text
    return _ELISION.sub("' ", _POSSESSIVE.sub("", text))


def _split(prepared: str) -> list[str]:
    find = _find_full_tokens if not prepared.isascii() and _NEEDS_FULL.search(prepared) else _find_tokens
    return find(prepared)


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens of `text` (already normalised), possessives removed."""
    return _split(prepare(text))


# Any run of punctuation that is not inside a token, or a line break: where a phrase ends. A
# hyphen joining two words (`pro-life`, `U.S.-backed`) is not a break: the words are a phrase.
_BREAK_PATTERN = r"(?:(?!(?<=[\w.])-\w)[^\w\s])+|_+|\n"
_phrase_regexp = re.compile(f"{FULL_TOKEN_PATTERN}|{_BREAK_PATTERN}")
# On text already `prepare`d. ngrams calls it once per distinct whitespace-separated chunk, so
# the full pattern costs little here.
phrase_findall = _phrase_regexp.findall


def tokenize_phrases(text: str) -> list[str]:
    """`tokenize`'s tokens, in order, with a mark between two tokens wherever punctuation or a
    line break separates them (so "Gaza, the" is not read as the phrase "gaza the"). A mark is
    any string that does not start with a letter or digit; `is_break` tells them apart."""
    return _phrase_regexp.findall(prepare(text))


def is_break(item: str) -> bool:
    """Whether an item of `tokenize_phrases` is a phrase break rather than a token."""
    return not item[0].isalnum()


def count_tokens(text: str) -> int:
    """The number of tokens `tokenize` returns."""
    return len(_split(prepare(text)))
