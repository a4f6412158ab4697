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
C, at about 60 MB/s; `VerbClasses` in `verbs.py`); Python then reads only the few words around
each hit (`reporting_clauses.py`, `reporting_speakers.py`, with the word lists and phrase
readers of `reporting_phrases.py` and the tokens of `reporting_tokens.py`), with rules rather
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

The sentence of each row is the one `framing.sentences` gives, found by reading the text near
the verb only (`sentence_bounds.sentence_around`, the same sentences as the splitter's on the
whole text; a property test compares them).

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

Speed: 12.5-14.0 MB/s on one core on that corpus, 1.3 times the rules before issue 10 with the
same rows (on a busy 2-core machine, the earlier rules at 9.6-10.5 MB/s in the same runs;
`python benchmarks/bench_attribution.py PATH --text-col content_original` times both on the same
texts and checks the rows are the same), short of the 20 MB/s aimed at. The candidate regex
takes about a fifth of the time (it tries a match at every word: about 60 MB/s whatever the
rules) and the quotation spans a tenth; the rest is 17-20 microseconds of Python for each of
the 13,900 hits (the tokens around the verb, the rules, the sentence).

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

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..model import Corpus
from .reporting_clauses import _document_rows, sentence_of
from .verbs import VerbClasses, _default_verbs, load_verb_classes

COLUMNS = ("doc_id", "group", "speaker", "verb", "verb_class", "start", "end", "sentence")


def attributions(corpus: Corpus, labels: Sequence[str], *, verbs: VerbClasses | str | Path | None = None,
                 sentences: bool = True, quotes: Sequence[list[tuple[int, int]]] | None = None) -> pd.DataFrame:
    """One row per reporting clause in the corpus (see the module docstring for the rules).

    `labels` gives each document's group, in corpus order. `verbs` is a `VerbClasses`, the path
    of a verb file, or None for the bundled `lexicons/verbs.yaml`. Columns: doc_id, group,
    speaker (as written, e.g. "the Hamas-run health ministry in Gaza"; see `normalize_speaker`),
    verb (base form), verb_class, start, end (offsets of the verb in the document's text),
    sentence. Rows are in corpus order, then by position. `sentences=False` leaves the sentence
    column empty (None), for a caller that keeps the other columns of every row and the
    sentences of a few (`with_sentences`): finding them is a sixth of the time. `quotes`: each
    document's `framing.quotes.quote_spans`, when the caller has them.
    """
    documents = corpus.documents if isinstance(corpus, Corpus) else tuple(corpus)
    labels = list(labels)
    if len(labels) != len(documents):
        raise ValueError(f"labels has {len(labels)} entries for {len(documents)} documents; give one per document")
    if quotes is not None and len(quotes) != len(documents):
        raise ValueError(f"{len(quotes)} quotation lists for {len(documents)} documents")
    if verbs is None:
        verbs = _default_verbs()
    elif not isinstance(verbs, VerbClasses):
        verbs = load_verb_classes(verbs)
    rows: list[tuple] = []
    for i, (doc, group) in enumerate(zip(documents, labels)):
        _document_rows(doc.id, group, doc.text, verbs, rows, sentences, None if quotes is None else quotes[i])
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"start": "int64", "end": "int64"})


def with_sentences(rows: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Rows of `attributions(corpus, ..., sentences=False)` with their sentences, as
    `attributions` gives them."""
    texts = {d.id: d.text for d in corpus.documents}
    sentence = [sentence_of(texts[i], s, e) for i, s, e in zip(rows["doc_id"], rows["start"], rows["end"])]
    return rows.assign(sentence=sentence)


def example_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows the report lists as examples, in order: every verb that is not neutral."""
    return rows[rows["verb_class"] != "neutral"]


# The tables and the verb file have modules of their own; their public names stay importable here.
from .attribution_tables import (  # noqa: E402
    TABLE_COLUMNS,
    Asymmetry,
    attribution_asymmetry,
    attribution_table,
    attribution_tables,
    normalize_speaker,
)

__all__ = ["COLUMNS", "TABLE_COLUMNS", "Asymmetry", "VerbClasses", "attribution_asymmetry", "attribution_table",
           "attribution_tables", "attributions", "example_rows", "load_verb_classes", "normalize_speaker",
           "with_sentences"]
