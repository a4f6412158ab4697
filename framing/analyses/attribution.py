"""Attribution: who is given a claim, and with which verb (issue 10).

`attributions(corpus, labels)` finds reporting clauses ("the ministry said", '"...," said the
spokesman', "according to the UN", "Hamas claims that", "X, who ..., said") and returns one row
per clause: doc_id, group, speaker (the phrase as written), verb (its base form), verb_class,
start and end (offsets of the verb or phrase in the document's text), sentence. The verbs and
their classes (neutral, distancing, endorsing, denial) come from `lexicons/verbs.yaml`, a file a
teacher can edit (`load_verb_classes`). `attribution_table` counts rows per group, speaker and
class; `attribution_asymmetry` shows, per group, which speakers get distancing verbs and which
get neutral ones.

How it works. One compiled regular expression finds every form of every verb in a document (in
C, at about 58 MB/s); Python then reads only the few words around each hit, with rules rather
than a part-of-speech tagger (NLTK's taggers need downloaded data). The rules, in order:

- a verb inside quotation marks is the quoted person's word, not the journalist's: skipped;
- nouns and adjectives are skipped by the word before or after: "a say", "the final say",
  "his claims", "insurance claims", "media reports of", "estimates vary", "the reported cases",
  "an estimated 300", "the alleged attacker", "the state" (state counts only before "that");
- senses that are not speech are skipped: "claimed the lives", "admitted to hospital", "denied
  entry", "contend with", "reports to the president", "maintain order" (maintain counts only
  before "that", a pronoun or a quotation), and the exceptions listed in the verb file
  ("according to plan");
- negated, infinitive and agentless passive verbs give no row: "did not confirm", "neither ...
  nor ... said", "declined to say", "was reported", "were told", "said to be"; a passive with an
  agent gives the agent ("confirmed by two officials"), "went on to say" its subject;
- the speaker is the noun phrase before the verb, read backwards over auxiliaries and adverbs
  ("has repeatedly claimed", "on Monday said") for up to 8 words, stopping at punctuation,
  conjunctions, "that" and quotation marks and keeping "of/for/in/at/from/with" inside the
  phrase ("the Hamas-run health ministry in Gaza", "a spokesman for the army"); a bracket before
  the verb is stepped over ("Mark Regev, a senior adviser, said", "the army, which ..., said",
  "the rebels, however, deny", "Sen. John McCain (R-Ariz.) told"), two brackets give the name
  before them, and a relative clause without commas is stepped over too ("witnesses who saw the
  blast said");
- after a quotation, a comma or at the start of a sentence the speaker follows the verb
  ('"...," said the spokesman'), if the clause ends with it (not in "..., said Congress has");
  it also follows "according to" and "by"; it ends at punctuation, "that", "on", "in" (unless a
  place name follows) and similar words;
- a participle after a comma or a quotation (", saying ...", ", insisting ..."), one after a
  statement or letter ("a letter saying"), and a verb after "and" or "but" take the subject of
  the clause: the words from the start of the sentence (after an opening phrase such as "On
  Tuesday,") up to its first verb; "with X saying" takes X.

The sentence of each row is the one `framing.sentences` gives (its splitter runs on a window of
the paragraph around the verb, which gives the same sentences; see `_Document.sentence_at`).

Measured quality. On the 82 hand-labelled sentences of `tests/analyses/test_attribution.py` (58
attributions; 27 sentences with none, among them "have a say", "insurance claims", "reported
cases" and "according to plan"), verb detection has precision 1.00 and recall 1.00, and the
speaker (exact match after `normalize_speaker`) precision 1.00 and recall 1.00. The rules were
written while looking at those sentences, so these numbers are an upper bound, not an estimate.
On real text, the AllSides Middle East corpus (859 articles, column `content_original`), four
random samples of rows (210 in all), each judged by hand before the rules were changed for what
it showed, had the right reading of the verb in 202 (precision 0.96) and the right speaker in
195 (0.93). Of 90 hits the rules rejected (two samples of 45), 17 were attributions after all;
with about 2,100 rejected hits among 13,100 outside quotations, that puts recall near 0.96 for
the verbs of the file. All 20 sampled hits skipped as quoted were inside quotations.

Speed: about 11 MB/s on one core on that corpus (`python benchmarks/bench_attribution.py
../shared/corpora/allsides_baly2020_middle_east/articles_middle_east.csv.gz`), short of the 20
MB/s aimed at. The candidate regex alone runs at 58 MB/s and the quotation spans cost little;
the sentence splitter (43 MB/s over whole texts) and about 12 microseconds of rules for each of
the 13,000 hits take the rest.

Where the rules fail:

- **Pronouns are speakers as written** ("he", "they", "it"): nothing resolves them to a name.
  `attribution_asymmetry` leaves them out by default, since "he" is a different person in every
  article.
- **Lists and long subjects**: "Both the Russians and the US said" gives "the US"; "Senators John
  McCain (R) of Arizona and Lindsey Graham (R) of South Carolina, who ..., said" gives "South
  Carolina"; "tunnels it said Hamas had built" can give the 8 words before "it" instead of "it";
  "States that border Syria said" gives "border Syria" (a relative "that" is not recognised).
- **Noun or verb** is decided by the neighbouring word: "A separate Monitor report notes" and
  "global reports on security" read as verbs; "what the opposition claims killed hundreds" reads
  as a noun; a nationality that does not end like one ("Thai", "Swiss" are listed) is not
  recognised as an adjective.
- **Participles and infinitives**: "a phone call ... telling them", "While claiming that ...",
  "emerged from the meeting to say" give no row; the clause subject of a participle is a guess
  that fails in long sentences ("Those who fled, saying").
- **Page furniture** is read as text: "Story Highlights Secretary of State said" gives "Story
  Highlights Secretary of State".
- **Quotation marks that do not pair** (a missing closing mark) put the rest of the paragraph
  inside a quotation, and its verbs are skipped.
- **Words in capitals** are found only as "said", "Said" or "SAID" (one form per case), and only
  verbs in the file are found: "added", "noted", "argued", "accused" give no row.
- **The class is the verb's class**, whatever the context: negation is read only in the forms
  above ("not", "never", "declined to", "neither ... nor"); hedges ("reportedly"), irony and
  scare quotes are not read.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..model import Corpus
from ..quotes import quote_spans
from ..sentences import sentence_starts
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
    _TOKEN,
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
from .verbs import VerbClasses, _default_verbs, load_verb_classes

COLUMNS = ("doc_id", "group", "speaker", "verb", "verb_class", "start", "end", "sentence")

# --- finding attributions -----------------------------------------------------------------------

_NEXT = re.compile(r"\s*([\w'-]+|[^\w\s])")
_SPACE = re.compile(r"\s+")
_BACK, _AHEAD, _GROW = 300, 300, 1200  # the first window around a row's verb, and how it widens
_SHORT, _LONG = 64, 320  # characters of left context read first, and when a phrase runs past them


class _Document:
    """One document's text with what the rules ask of it, computed when first asked."""

    __slots__ = ("text", "quotes", "q_starts", "sentence", "starts")

    def __init__(self, text: str):
        self.text = text
        self.quotes = quote_spans(text)
        self.q_starts = [a for a, _ in self.quotes]
        self.sentence = (0, 0)  # the last sentence found, as [start, end) before trimming
        self.starts: list[int] | None = None

    def quoted(self, pos: int) -> bool:
        k = bisect_right(self.q_starts, pos) - 1
        return k >= 0 and pos < self.quotes[k][1]

    def sentence_at(self, pos: int, pstart: int, pend: int) -> tuple[int, int]:
        """[start, end) of the sentence at `pos` as `sentence_starts(text)` bounds it (untrimmed).

        `sentence_starts` runs on a window of the paragraph around `pos`, widened until a start
        other than the window's own lies before `pos` and another after it (or the window is the
        paragraph). The starts inside such a window are those of the whole text: a blank line
        always ends a sentence, the splitter reads only the punctuation, the spaces and the word
        around each full stop, and the window begins at the start of a word (after a space), so
        that no word or run of punctuation is cut at its left edge; a start at its right edge,
        which the cut could hide, is never used.
        """
        a, b = self.sentence
        if a <= pos < b:
            return a, b
        text = self.text
        w0, w1 = self._word_start(max(pstart, pos - _BACK), pstart, pos), min(pend, pos + _AHEAD)
        while True:
            starts = sentence_starts(text[w0:w1])
            k = bisect_right(starts, pos - w0) - 1
            if k <= 0 and w0 > pstart:  # only the window's own start: the real one lies further back
                w0 = self._word_start(max(pstart, w0 - _GROW), pstart, w0)
                continue
            if k + 1 >= len(starts) and w1 < pend:
                w1 = min(pend, w1 + _GROW)
                continue
            a = w0 + starts[max(k, 0)]
            b = w0 + starts[k + 1] if k + 1 < len(starts) else w1
            self.sentence = (a, b)
            return a, b

    def _word_start(self, w0: int, pstart: int, limit: int) -> int:
        """The first position at or after `w0` that follows whitespace (or the paragraph's start)."""
        if w0 <= pstart:
            return pstart
        m = _SPACE.search(self.text, w0 - 1, limit)
        return m.end() if m else pstart


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
    tokens = _TOKEN.findall(text, e, min(pend, e + 120))
    for k, tok in enumerate(tokens):
        if tok in _ENDS:
            return tokens[:k]
    return tokens


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
    left = _TOKEN.findall(text, a, s)
    if cut and left:
        left = left[1:]  # possibly half a word
    prev = left[-1] if left else ""
    plow = prev.lower()

    def right() -> list[str]:
        return _right(text, e, pend)

    def wider() -> list[str] | None:
        return _speaker(doc, s, e, pstart, pend, base, kind, _LONG) if width < _LONG else None

    if kind == "phrase":
        words = _forward(right())
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
              or (_adverb(nxt) and any(_past_verb(t) for t in right()[1:2]))):
            return None  # "his claims", "Israeli claims", "reports of", "claims rose", "report also showed"
    if kind == "past" and (plow in _PAST_ADJ_BEFORE or prev[:1].isdigit() or plow.endswith("'s")):
        return None  # "the reported cases", "an estimated 300", "last week's reported attack"
    if base == "allege" and kind == "past" and not (
            nxt in _ALLEGED_NEXT or nxt_tok[:1].isupper() or nxt_tok[:1].isdigit() or plow in _INVERSION_AFTER):
        return None  # "alleged attacks", "alleged war crimes": an adjective unless a clause follows
    # Senses that are not speech.
    if base in _SENSES:
        if base == "maintain" and not (nxt in _MAINTAIN_NEXT or plow in _INVERSION_AFTER
                                       or "innocence" in [t.lower() for t in right()[:3]]):
            return None
        if base == "contend" and nxt == "with":
            return None
        if base == "admit" and (nxt == "into" or "hospital" in [t.lower() for t in right()[:4]]):
            return None
        if base == "deny" and any(t.lower() in _DENY_OBJECTS for t in right()[:3]):
            return None
        if base == "claim" and any(t.lower() in _LIVES for t in right()[:4]):
            return None
        if base == "report" and nxt == "to":
            return None

    # A bracket just before the verb is stepped over: "Sen. John McCain (R-Ariz.) told".
    if left and left[-1] == ")":
        k = next((k for k in range(len(left) - 2, max(-1, len(left) - 10), -1) if left[k] == "("), None)
        if k is None:
            return wider() if cut else None
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
        return wider()
    run = [t.lower() for t in left[j:]]
    rest = left[:j]
    if run:
        if any(_negative(t) for t in run):
            return None
    if rest and rest[-1].lower() == "to":
        if len(rest) >= 3 and rest[-2].lower() == "on" and rest[-3].lower() in _GO_ON:
            words, touched = _backward(rest, len(rest) - 3)  # "Carney went on to say"
            if touched and cut:
                return wider()
            return words if _valid(words) else None
        return None
    if kind == "past":
        if base in _NO_INFINITIVE and nxt == "to" and [t.lower() for t in right()[1:2]] in (["be"], ["have"]):
            return None  # "medicines said to be produced", "reported to have fled" ("claimed to be" is active)
        if nxt == "by":
            tokens = right()
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
            words, touched = _clause_subject(_TOKEN.findall(text, ss, s)), False
        elif rest and rest[-1][:1].isalnum() and base in _SPEECH_ING and (
                nxt in _SPEECH_NEXT or rest[-1].lower() in _SPEECH_EVENTS):
            # "sent a letter to Congress saying that ...": the subject of the clause speaks.
            ss, _ = doc.sentence_at(s, pstart, pend)
            words, touched = _clause_subject(_TOKEN.findall(text, ss, s)), False
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
            return wider()
        return words if _valid(words) else None

    if not rest or rest[-1] in _INVERSION_AFTER:
        words: list[str] = []
        if rest and rest[-1] == ",":
            words, touched = _bracket(rest)
            if touched and cut:
                return wider()
            opening = next((k for k in range(len(rest) - 2, -1, -1) if rest[k] == ","), None)
            if not _valid(words) and opening and rest[opening - 1].lower() in _COORDINATION:
                # "... and, in an interview with Fox News, said": the subject of the clause.
                ss, _ = doc.sentence_at(s, pstart, pend)
                return _clause_subject(_TOKEN.findall(text, ss, s)) or None
        if not _valid(words) and base != "tell" and nxt_tok:
            first = nxt_tok
            if (nxt in _DETS or nxt in _NUMBERS or nxt in _INVERTED_PRONOUNS
                    or (first[:1].isupper() and nxt not in _STOPS)):
                tokens = right()
                words = _forward(tokens)
                # An inverted speaker ends the clause ('..., said Ahmed Darwish, a witness'); a
                # phrase followed by a verb is the subject of what was said ('..., said Congress has').
                after = tokens[len(words)] if len(words) < len(tokens) else ""
                if after.islower() and after not in _AFTER_INVERSION:
                    words = []
        return words if _valid(words) else None
    if rest[-1].lower() in _COORDINATION:
        ss, _ = doc.sentence_at(s, pstart, pend)
        return _clause_subject(_TOKEN.findall(text, ss, s)) or None
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
                return wider()
            if _valid(words):
                return words
            break
    else:
        if cut and len(rest) < 11:
            return wider()
    words, touched = _backward(rest)
    if touched and cut:
        return wider()
    before = len(rest) - len(words) - 1
    if before >= 0 and rest[before].lower() in _NEGATING:
        return None  # "neither Bob Casey nor hawks like Richard Blumenthal said"
    return words if _valid(words) else None


def _document_rows(doc_id: str, group: str, text: str, verbs: VerbClasses, out: list[tuple]) -> None:
    scanner = verbs._scanner
    hits = [m.span(1) for m in scanner.finditer(text)]
    first = verbs._at_start.match(text)
    if first:
        hits.insert(0, first.span(1))
    if not hits:
        return
    doc = _Document(text)
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
            pstart = text.rfind("\n\n", 0, s)
            pstart = 0 if pstart < 0 else pstart + 2
            pend = text.find("\n\n", e)
            pend = len(text) if pend < 0 else pend
        words = _speaker(doc, s, e, pstart, pend, base, kind)
        if words:
            a, b = doc.sentence_at(s, pstart, pend)
            out.append((doc_id, group, " ".join(words), base, cls, s, e, text[a:b].strip()))


def attributions(corpus: Corpus, labels: Sequence[str], *, verbs: VerbClasses | str | Path | None = None,
                 ) -> pd.DataFrame:
    """One row per reporting clause in the corpus (see the module docstring for the rules).

    `labels` gives each document's group, in corpus order. `verbs` is a `VerbClasses`, the path
    of a verb file, or None for the bundled `lexicons/verbs.yaml`. Columns: doc_id, group,
    speaker (as written, e.g. "the Hamas-run health ministry in Gaza"; see `normalize_speaker`),
    verb (base form), verb_class, start, end (offsets of the verb in the document's text),
    sentence. Rows are in corpus order, then by position.
    """
    documents = corpus.documents if isinstance(corpus, Corpus) else tuple(corpus)
    labels = list(labels)
    if len(labels) != len(documents):
        raise ValueError(f"labels has {len(labels)} entries for {len(documents)} documents; give one per document")
    if verbs is None:
        verbs = _default_verbs()
    elif not isinstance(verbs, VerbClasses):
        verbs = load_verb_classes(verbs)
    rows: list[tuple] = []
    for doc, group in zip(documents, labels):
        _document_rows(doc.id, group, doc.text, verbs, rows)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"start": "int64", "end": "int64"})


# The tables and the verb file have modules of their own; their public names stay importable here.
from .attribution_tables import (  # noqa: E402
    TABLE_COLUMNS,
    Asymmetry,
    attribution_asymmetry,
    attribution_table,
    normalize_speaker,
)

__all__ = ["COLUMNS", "TABLE_COLUMNS", "Asymmetry", "VerbClasses", "attribution_asymmetry", "attribution_table",
           "attributions", "load_verb_classes", "normalize_speaker"]
