"""Keyword in context: the words around a match or around any word, for reading a count."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .matcher import Matcher
from .model import Category, Corpus, Lexicon, Term
from .quotes import QuoteIndex

CONTEXT_CHARS = 90
_SPACE = re.compile(r"\s+")


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(left, match, right) with line breaks flattened to spaces."""
    def flat(s: str) -> str:
        return _SPACE.sub(" ", s)
    return flat(text[max(0, start - width):start]), flat(text[start:end]), flat(text[end:end + width])


def word_contexts(corpus: Corpus, terms: Iterable[str], labels: Sequence[str], per_term: int = 20,
                  width: int = CONTEXT_CHARS) -> dict[str, list[list]]:
    """Up to `per_term` occurrences of each term (in corpus order): [group, document, left, match,
    right, quoted]. The terms are compiled like a lexicon (one trie-shaped regex: whole words,
    any case, a possessive 's allowed), and the scan stops once every term has its share."""
    terms = sorted(set(terms))
    if not terms:
        return {}
    # Each word its own category, so that "city" is found inside "gaza city" too.
    words = Lexicon("words", tuple(Category(t, (Term(t),)) for t in terms))
    matcher = Matcher(words)
    out: dict[str, list[list]] = {t: [] for t in terms}
    open_terms = len(terms)
    for doc, group in zip(corpus.documents, labels):
        quotes = None
        for start, end, _, term in matcher.find(doc.text):
            rows = out[term]
            if len(rows) >= per_term:
                continue
            quotes = quotes or QuoteIndex(doc.text)
            rows.append([group, doc.id, *context(doc.text, start, end, width), int(start in quotes)])
            if len(rows) == per_term:
                open_terms -= 1
        if open_terms == 0:
            break
    return out
