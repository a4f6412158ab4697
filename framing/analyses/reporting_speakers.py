"""Who speaks: the rules that read the words around one reporting verb and give its speaker's
phrase, or None when the verb is not reporting speech there (see `framing.analyses.attribution`
for the rules in prose)."""
from __future__ import annotations

import re

from .reporting_document import _Document
from .reporting_phrases import (
    _AFTER_INVERSION,
    _ALLEGED_NEXT,
    _AUX,
    _BE,
    _CLAIM_ENDS,
    _CLAUSE_NEXT,
    _COORDINATION,
    _DENY_OBJECTS,
    _DETS,
    _ENDS,
    _GO_ON,
    _INVERSION_AFTER,
    _INVERTED_PRONOUNS,
    _LIVES,
    _MAINTAIN_NEXT,
    _NEGATING,
    _NO_INFINITIVE,
    _NOT_SPEAKERS,
    _NOUN_AFTER_PLURAL,
    _NOUN_AFTER_SINGULAR,
    _NOUN_BEFORE,
    _NOUNABLE,
    _NUMBERS,
    _PARTICIPLE_AFTER,
    _PAST_ADJ_BEFORE,
    _REDUCED_BEFORE,
    _REDUCED_PASSIVE,
    _RELATIVE_BARE,
    _SAY_NOUN_BEFORE,
    _SENSES,
    _SPEECH_EVENTS,
    _SPEECH_ING,
    _SPEECH_NEXT,
    _STOPS,
    _adverb,
    _backward,
    _bracket,
    _clause_subject,
    _forward,
    _nationality,
    _negative,
    _past_verb,
    _valid,
)
from .reporting_tokens import _tokens

_NEXT = re.compile(r"\s*([\w'-]+|[^\w\s])")
_SHORT, _LONG = 64, 320  # characters of left context read first, and when a phrase runs past them


def _clause_final(left: list[str]) -> bool:
    """Whether a verb ending its sentence has a speaker that opens the clause (", Hamas claims.")."""
    words, _ = _backward(left)
    before = len(left) - len(words) - 1
    return bool(words) and (before < 0 or left[before] in _INVERSION_AFTER)


def _after_infinitive(left: list[str]) -> bool:
    """Whether the word before is a verb after "to" ("to independently verify claims")."""
    k = len(left) - 2
    while k >= 0 and _adverb(left[k].lower()):
        k -= 1
    return k >= 0 and left[k].lower() == "to"


def _after_with(rest: list[str]) -> bool:
    """Whether the phrase that ends `rest` follows "with" ("with the front-runner saying")."""
    words, _ = _backward(rest)
    before = len(rest) - len(words) - 1
    return bool(words) and before >= 0 and rest[before].lower() == "with"


def _right(text: str, e: int, pend: int) -> list[str]:
    """The tokens after a verb, to the end of its sentence (or 120 characters)."""
    tokens = _tokens(text, e, min(pend, e + 120))
    for k, tok in enumerate(tokens):
        if tok in _ENDS:
            return tokens[:k]
    return tokens


def _wider(doc: _Document, s: int, e: int, pstart: int, pend: int, base: str, kind: str,
           width: int) -> list[str] | None:
    """The speaker read again with the long window, when a phrase ran into the short one's edge."""
    return _speaker(doc, s, e, pstart, pend, base, kind, _LONG) if width < _LONG else None


def _speaker(doc: _Document, s: int, e: int, pstart: int, pend: int, base: str, kind: str,
             width: int = _SHORT) -> list[str] | None:
    """The speaker's words for the verb at text[s:e] (in the paragraph text[pstart:pend]), or None
    if it is not a reporting verb here (a noun, an adjective, negated, an agentless passive...)."""
    text = doc.text
    m = _NEXT.match(text, e, pend)
    nxt_tok = m.group(1) if m else ""
    nxt = nxt_tok.lower()
    if base == "state" and kind in ("base", "pres") and (nxt != "that" or text[s].isupper() and
                                                         s > pstart and text[s - 2:s - 1].isalnum()):
        return None  # "the state", "United States that required a response"
    a = max(pstart, s - width)
    cut = a > pstart  # the window does not reach back to the paragraph's start
    left = _tokens(text, a, s)
    if cut and left:
        left = left[1:]  # possibly half a word
    prev = left[-1] if left else ""
    plow = prev.lower()

    if kind == "phrase":
        words = _forward(_right(text, e, pend))
        if not _valid(words) or words[-1].lower() in _NOT_SPEAKERS:
            return None
        return words

    # Nouns and adjectives.
    if base in _NOUNABLE and kind in ("base", "pres"):
        if base == "say":
            if plow in _SAY_NOUN_BEFORE:
                return None
        elif ((plow in _NOUN_BEFORE and (prev.islower() or len(left) < 2 or not left[-2][:1].isalnum()))
              or plow.endswith("'s") or plow.endswith("'") or _nationality(prev)
              or (prev.islower() and plow.endswith("ing"))  # "confirming reports that"
              or (nxt in _CLAIM_ENDS and not _clause_final(left))  # "has denied rebel claims."
              or _after_infinitive(left)  # "unable to independently verify claims that"
              or nxt in (_NOUN_AFTER_PLURAL if kind == "pres" else _NOUN_AFTER_SINGULAR) or _past_verb(nxt_tok)
              or (_adverb(nxt) and any(_past_verb(t) for t in _right(text, e, pend)[1:2]))):
            return None  # "his claims", "Israeli claims", "reports of", "claims rose", "report also showed"
    if kind == "past" and (plow in _PAST_ADJ_BEFORE or prev[:1].isdigit() or plow.endswith("'s")):
        return None  # "the reported cases", "an estimated 300", "last week's reported attack"
    if base == "allege" and kind == "past" and not (
            nxt in _ALLEGED_NEXT or nxt_tok[:1].isupper() or nxt_tok[:1].isdigit() or plow in _INVERSION_AFTER):
        return None  # "alleged attacks", "alleged war crimes": an adjective unless a clause follows
    # Senses that are not speech.
    if base in _SENSES:
        if base == "maintain" and not (nxt in _MAINTAIN_NEXT or plow in _INVERSION_AFTER
                                       or "innocence" in [t.lower() for t in _right(text, e, pend)[:3]]):
            return None
        if base == "contend" and nxt == "with":
            return None
        if base == "admit" and (nxt == "into" or "hospital" in [t.lower() for t in _right(text, e, pend)[:4]]):
            return None
        if base == "deny" and any(t.lower() in _DENY_OBJECTS for t in _right(text, e, pend)[:3]):
            return None
        if base == "claim" and any(t.lower() in _LIVES for t in _right(text, e, pend)[:4]):
            return None
        if base == "report" and nxt == "to":
            return None

    # A bracket just before the verb is stepped over: "Sen. John McCain (R-Ariz.) told".
    if left and left[-1] == ")":
        k = next((k for k in range(len(left) - 2, max(-1, len(left) - 10), -1) if left[k] == "("), None)
        if k is None:
            return _wider(doc, s, e, pstart, pend, base, kind, width) if cut else None
        left = left[:k]
        prev = left[-1] if left else ""
        plow = prev.lower()
    # Auxiliaries and adverbs between the subject and the verb: "has repeatedly", "on Monday".
    j = len(left)
    while j > 0:
        low = left[j - 1].lower()
        if low in _AUX or _adverb(low) or _negative(low):
            j -= 1
        else:
            break
    if j == 0 and cut:
        return _wider(doc, s, e, pstart, pend, base, kind, width)
    run = [t.lower() for t in left[j:]]
    rest = left[:j]
    if run:
        if any(_negative(t) for t in run):
            return None
    if rest and rest[-1].lower() == "to":
        if len(rest) >= 3 and rest[-2].lower() == "on" and rest[-3].lower() in _GO_ON:
            words, touched = _backward(rest, len(rest) - 3)  # "Carney went on to say"
            if touched and cut:
                return _wider(doc, s, e, pstart, pend, base, kind, width)
            return words if _valid(words) else None
        return None
    if kind == "past":
        if (base in _NO_INFINITIVE and nxt == "to"
                and [t.lower() for t in _right(text, e, pend)[1:2]] in (["be"], ["have"])):
            return None  # "medicines said to be produced", "reported to have fled" ("claimed to be" is active)
        if nxt == "by":
            tokens = _right(text, e, pend)
            if len(tokens) > 1 and (tokens[1].lower() in _DETS or tokens[1][:1].isupper()
                                    or tokens[1].lower() in _NUMBERS):
                words = _forward(tokens, 1)
                return words if _valid(words) else None
        if any(t in _BE for t in run):
            return None  # an agentless passive: "was reported", "were told"
        if base in _REDUCED_PASSIVE and nxt not in _CLAUSE_NEXT:
            words, _ = _backward(left[:j])
            before = j - len(words) - 1
            if words and words[-1].islower() and before >= 0 and left[before].lower() in _REDUCED_BEFORE:
                return None  # "with widespread destruction reported across the Strip", "amid casualties reported"

    if kind == "ing":
        if any(t in _BE for t in run):
            words, touched = _backward(rest)
        elif rest and rest[-1] in _PARTICIPLE_AFTER:  # ", saying", '"premature" saying'
            ss, _ = doc.sentence_at(s, pstart, pend)
            words, touched = _clause_subject(_tokens(text, ss, s)), False
        elif rest and rest[-1][:1].isalnum() and base in _SPEECH_ING and (
                nxt in _SPEECH_NEXT or rest[-1].lower() in _SPEECH_EVENTS):
            # "sent a letter to Congress saying that ...": the subject of the clause speaks.
            ss, _ = doc.sentence_at(s, pstart, pend)
            words, touched = _clause_subject(_tokens(text, ss, s)), False
        elif rest and rest[-1][:1].isalnum() and _after_with(rest):
            words, touched = _backward(rest)  # "with Defense Secretary Chuck Hagel saying"
        elif len(rest) >= 3 and rest[-1].lower() == "as" and rest[-2].lower() in {"quoted", "cited"}:
            k = len(rest) - 2
            while k > 0 and rest[k - 1].lower() in _AUX:
                k -= 1
            words, touched = _backward(rest, k)
        else:
            return None
        if touched and cut:
            return _wider(doc, s, e, pstart, pend, base, kind, width)
        return words if _valid(words) else None

    if not rest or rest[-1] in _INVERSION_AFTER:
        words: list[str] = []
        if rest and rest[-1] == ",":
            words, touched = _bracket(rest)
            if touched and cut:
                return _wider(doc, s, e, pstart, pend, base, kind, width)
            opening = next((k for k in range(len(rest) - 2, -1, -1) if rest[k] == ","), None)
            if not _valid(words) and opening and rest[opening - 1].lower() in _COORDINATION:
                # "... and, in an interview with Fox News, said": the subject of the clause.
                ss, _ = doc.sentence_at(s, pstart, pend)
                return _clause_subject(_tokens(text, ss, s)) or None
        if not _valid(words) and base != "tell" and nxt_tok:
            first = nxt_tok
            if (nxt in _DETS or nxt in _NUMBERS or nxt in _INVERTED_PRONOUNS
                    or (first[:1].isupper() and nxt not in _STOPS)):
                tokens = _right(text, e, pend)
                words = _forward(tokens)
                # An inverted speaker ends the clause ('..., said Ahmed Darwish, a witness'); a
                # phrase followed by a verb is the subject of what was said ('..., said Congress has').
                after = tokens[len(words)] if len(words) < len(tokens) else ""
                if after.islower() and after not in _AFTER_INVERSION:
                    words = []
        return words if _valid(words) else None
    if rest[-1].lower() in _COORDINATION:
        ss, _ = doc.sentence_at(s, pstart, pend)
        return _clause_subject(_tokens(text, ss, s)) or None
    # A relative clause without commas: "witnesses who saw the blast said".
    for k in range(len(rest) - 1, max(-1, len(rest) - 11), -1):
        tok = rest[k]
        if not tok[:1].isalnum():
            break
        if tok.lower() in _RELATIVE_BARE:
            # "Rob Macaire, who said": the phrase before the comma ("the ambassador, Rob Macaire, who").
            end = k - 1 if k > 0 and rest[k - 1] == "," else k
            words, touched = _backward(rest, end)
            if touched and cut:
                return _wider(doc, s, e, pstart, pend, base, kind, width)
            if _valid(words):
                return words
            break
    else:
        if cut and len(rest) < 11:
            return _wider(doc, s, e, pstart, pend, base, kind, width)
    words, touched = _backward(rest)
    if touched and cut:
        return _wider(doc, s, e, pstart, pend, base, kind, width)
    before = len(rest) - len(words) - 1
    if before >= 0 and rest[before].lower() in _NEGATING:
        return None  # "neither Bob Casey nor hawks like Richard Blumenthal said"
    return words if _valid(words) else None
