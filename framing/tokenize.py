"""The one analyzer that defines what a token is, for documents and lexicon entries alike.

Built on NLTK's `RegexpTokenizer`, which needs no downloaded data. Rules:

- a token is a run of letters/digits; hyphenated compounds stay one token (`pro-life`,
  `hostage-taking`), and so do words with an inner apostrophe (`don't`);
- a possessive `'s` is removed (`Hamas's` -> `hamas`), so it counts as the word it follows;
- dotted abbreviations stay whole (`U.S.` -> `u.s.`);
- tokens are lower-cased.
"""
from __future__ import annotations

import re

from nltk.tokenize import RegexpTokenizer

TOKEN_PATTERN = r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'][^\W_]+)*"
_POSSESSIVE = re.compile(r"'s$")
_tokenizer = RegexpTokenizer(TOKEN_PATTERN)


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens of `text` (already normalised), possessives removed."""
    return [_POSSESSIVE.sub("", tok.lower()) for tok in _tokenizer.tokenize(text)]


def count_tokens(text: str) -> int:
    """The number of tokens `tokenize` would return, without building them."""
    return len(_tokenizer.tokenize(text))
