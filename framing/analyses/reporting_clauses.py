"""The reporting clauses of one document: every form of a reporting verb the scanner finds, less
those inside quotations or inside an exception ("have a say"), each given to the speaker rules."""
from __future__ import annotations

from .reporting_document import _Document
from .reporting_speakers import _speaker
from .sentence_bounds import sentence_around
from .verbs import VerbClasses


def _document_rows(doc_id: str, group: str, text: str, verbs: VerbClasses, out: list[tuple],
                   sentences: bool = True, quotes: list[tuple[int, int]] | None = None) -> None:
    """Append to `out` one row (doc_id, group, speaker, verb, class, start, end, sentence) per
    reporting clause of `text`, in text order; without `sentences`, the sentence is None (see
    `sentence_of`); `quotes`: the text's `quote_spans`, when known."""
    hits = verbs._scan.spans(text)
    first = verbs._at_start.match(text)
    if first:
        hits.insert(0, first.span(1))
    if not hits:
        return
    doc = _Document(text, quotes)
    forms = verbs.forms
    exceptions = verbs._exception_rx
    pstart, pend = 0, -1
    for s, e in hits:
        if doc.quotes and doc.quoted(s):
            continue
        key = text[s:e]
        if key not in forms:  # "according  to" across spaces or a line break
            key = " ".join(key.lower().split())
        base, cls, kind = forms[key]
        if key in exceptions:
            reach = verbs._exception_reach
            if any(m.start() <= s and e <= m.end()
                   for m in exceptions[key].finditer(text, max(0, s - reach), min(len(text), e + reach))):
                continue
        if s >= pend:
            pstart, pend = _paragraph(text, s, e)
        words = _speaker(doc, s, e, pstart, pend, base, kind)
        if words:
            if sentences:
                a, b = doc.sentence_at(s, pstart, pend)
                out.append((doc_id, group, " ".join(words), base, cls, s, e, text[a:b].strip()))
            else:
                out.append((doc_id, group, " ".join(words), base, cls, s, e, None))


def _paragraph(text: str, s: int, e: int) -> tuple[int, int]:
    """[start, end) of the paragraph (text between blank lines) holding text[s:e]."""
    pstart = text.rfind("\n\n", 0, s)
    pend = text.find("\n\n", e)
    return 0 if pstart < 0 else pstart + 2, len(text) if pend < 0 else pend


def sentence_of(text: str, s: int, e: int) -> str:
    """The sentence of the clause whose verb is text[s:e], as its row gives it."""
    pstart, pend = _paragraph(text, s, e)
    a, b = sentence_around(text, s, pstart, pend)
    return text[a:b].strip()
