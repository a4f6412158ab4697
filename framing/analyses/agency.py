"""Agency: who did it, or nobody. Casualty clauses and how each names (or leaves out) a doer.

`casualties(corpus, labels)` finds every clause that reports a death or an injury and says how
it is built. `agency_table(rows)` counts the constructions per group.

Constructions (column `construction`)

- `active`: the doer is the subject. "Israeli strikes killed 12" -> agent "Israeli strikes";
  also ", killing 12" (the subject of the clause it hangs on), "Hamas vowed to kill", "the strike,
  which killed 12", "an airstrike left 12 dead".
- `passive_agent`: a passive that names who: a `by` phrase ("were killed by Israel", "killed
  by Israeli gunfire", "at the hands of settlers") or, when it names a party, an instrument or
  attack ("were killed in Israeli airstrikes" -> agent "Israeli airstrikes"; "killed when an
  Israeli missile struck their car" -> "an Israeli missile"; "in clashes with Israeli forces";
  "in the wake of the Hamas attack"; "when Israel struck cars"). An instrument counts only when it
  names a party (a capitalised word such as Israeli, Hamas, IDF; a possessive; or an actor noun:
  soldiers, troops, forces, settlers, militants, gunmen...), because the question is who did
  it: "killed in an airstrike" names a cause and nobody, so it is `passive_agentless`. A `by`
  phrase always counts (it is the grammatical agent), so "killed by an airstrike" has agent
  "an airstrike"; `by` phrases of time or measure ("by Friday", "by the dozen", "by mistake")
  do not.
- `passive_agentless`: a passive without a doer: "were killed", "313 civilians killed",
  "the total killed to 2,518", "were killed in an airstrike", "were killed in Gaza".
- `intransitive`: nobody could be named: "died", "perished", "lost their lives", "children
  starved to death", "are dead".
- `nominal`: a noun instead of a clause: deaths, death toll, toll, casualties, fatalities, the
  dead, the wounded, killing(s), murder, massacre, slaughter, shooting, starvation, loss of life.

`agent` is the doer's text as written (with its determiner, without a trailing "late
Tuesday"). Intransitive and nominal clauses keep one too when the sentence names it: a party's
instrument or attack ("died in an Israeli strike"), a `by` phrase ("deaths caused by Israeli
strikes", "killings by settlers"), the subject of "caused" or "resulted in" ("an air strike
caused hundreds of deaths"), or, for an act, the word before it ("Israel's killing of aid
workers", "the Hamas massacre"). They still count as agentless in `agency_table`: the
construction is what let the writer leave the doer out.

Verbs (column `verb`, the base form): kill, die, shoot, wound, injure, lose ("lost their
lives", "loss of life"), perish, starve, massacre, slaughter, murder, slay (slain), butcher,
assassinate, and the participles of "X to death" (beat, stab, burn, crush, hack, stone,
torture, lynch...). Nominals carry the verb they name (deaths and the dead -> die; killings
and "killing spree" -> kill; starvation -> starve), or the noun when there is no verb: toll,
casualty, fatality. `bomb` is not a casualty verb ("bombed a hospital" names a target, not a
victim); bombs, strikes and shelling appear as instruments.

Not casualty clauses (on purpose): "killer app" (killer is never matched), "a dying trade",
"wounded soldiers", "starving children", "dead bodies" (a participle before a noun is a
description, not a clause), "shot a film" (shoot + film, video, footage, scene, photo...),
"the film was shot in Jordan", "shot down", "shot up", "shot at" (nobody is said to be hit),
"the death of the peace process" (death of + an abstract noun: process, talks, deal, peace,
plan, democracy...), "death penalty", "kill the bill" (kill + bill, deal, plan, proposal...),
"took a toll on", "toll road", "died down", "sentenced to death". Injury nouns (injury,
injuries, wounds) are left out: most uses in news are sport and medicine.

How: one compiled regular expression over the lower-cased text finds candidates (a trie of the
word forms whose first character is a word boundary, so the engine skips text in C); Python runs
only around each hit, on the tokens of its sentence (40 before, 50 after). Sentences are those
of `framing.sentences.sentence_spans`, found by reading the text near each hit only
(`sentence_bounds.sentence_around`; a property test compares them with the splitter's on the
whole text). No tagger, no downloaded data: word lists and the shape of the few tokens around
each verb.
`names_party(agent)` says whether an agent names someone by the rule above ("Israeli
airstrikes", "Hamas", "settlers" do; "an air strike", "the blast" do not).

Measured

- tests/analyses/test_agency.py, sentences written for the test in wire style: 80 sentences
  (72 casualty clauses, 14 negatives) on which the rules were developed (their first run:
  detection precision 0.99, recall 1.00, construction 0.99, agent 0.92; now all 1.00, so
  fitted), and 38 held-out sentences (40 clauses, 3 negatives) never used to change a rule:
  precision 0.98, recall 1.00, construction accuracy 0.97, agent accuracy 0.93 (exact text).
- The Breach's hand-labelled sentences from three Canadian papers (benchmarks/validate_breach.py,
  6,072 sentences): framing finds a casualty clause in 96% of them; "framing names an agent"
  agrees with "the coders name a responsible party" for 74% of the sentences about Palestinian
  or Israeli deaths (69-81% by paper and victim). The published direction comes out in all
  three papers: agentless share of Palestinian vs Israeli casualty clauses 60.6% vs 53.8%
  (Globe and Mail), 61.7% vs 52.4% (Toronto Star), 62.1% vs 59.3% (National Post), against the
  coders' 61.5/31.4, 50.6/25.7 and 56.8/34.3% of sentences without a responsible party: the
  same direction, a much smaller gap (the coders read context; see below). Counted by
  sentence ("no clause names an agent") the National Post comes out even (52.3% vs 52.6%).
- Speed: 26-28 MB/s on one core on the AllSides Middle East articles, 1.2-1.4 times the rules
  before issue 10 with the same rows (on a busy 2-core machine, the earlier rules at 19.6-21.5
  MB/s in the same runs; benchmarks/bench_agency.py times both on the same texts and checks the
  rows are the same). The candidate regex over the lower-cased text takes about two fifths of
  the time (about 70 MB/s whatever the rules: it tries a match at every word); tokenising the
  casualty sentences about a quarter.

Where the rules fail

- Grammar, not attribution. The coders of The Breach named Hamas for "the Oct. 7 massacre" and
  Israel for "an air strike killed 12" from context and knowledge; framing reads the clause:
  the first is a nominal without agent, the second active with agent "an air strike" (which
  `names_party` says names nobody). A doer named elsewhere in the sentence ("the Hamas attack,
  in which 1,200 people were killed") or in the sentence before is not seen.
- `framing.sentences` ends a sentence after "Oct." before a digit, so "Hamas's Oct. 7 attack,
  which killed 1,200" loses its subject; 14% of The Breach's sentences hold such a date
  (counting month abbreviations as titles there raises the agreement above to 75%, widens the
  Israeli/Palestinian gap, and gives the direction by sentence in all three papers too).
- Subjects are found by walking left to a boundary (punctuation, said, that, who, and...): a
  long subject is cut at 8 words, "and" ends a subject ("Israel and Hamas killed" -> "Hamas"),
  a present-tense verb the lists do not know is read as part of the subject (a headline "Air
  strike hits camp, killing several" -> "Air strike hits camp"), and a verb outside the lists
  leaves it empty ("Israel denies starving Gaza" -> "").
- Reduced passives are told from active pasts by what follows the verb: an object-like word
  means active. "Civilians killed yesterday" is passive, and so is a headline "Israel killed
  Tuesday"; figurative objects outside the lists count ("could kill off small bookshops").
- A party is a capitalised word, possessive or actor noun: places pass ("killed in Gaza City
  strikes"), unnamed actors pass ("killed by gunmen"). A possessive before an act names the
  doer only with "of" after it or for a group's act ("Israel's killing of", "Hamas's
  massacre"); "Khashoggi's murder" names the victim and gets no agent.
- A comma ends the search for an agent ("the slaughter, torture and rape inflicted by Hamas"),
  as does an adverb inside a coordination ("shot and seriously wounded by settlers": the
  shooting gets no agent).
- Negation and modality are not read: "no one was killed", "could kill" and "threatened to
  kill" are casualty clauses like any other.
- English news style only; quotations, title-case headlines and other registers do worse.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..model import Corpus
from .casualty_clauses import _classify
from .casualty_words import (
    _AT_START,
    _FORMS,
    _SCAN,
    AGENTLESS,
    COLUMNS,
    CONSTRUCTIONS,
    _Prev,
    _Sentence,
    names_party,
)
from .sentence_bounds import sentence_around

# --- sentences ---------------------------------------------------------------------------------

def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The span `sentence_spans(text)` gives the sentence holding offset `pos` (whitespace around
    it excluded), found by reading the text near `pos` only (see `sentence_bounds`)."""
    a, b = sentence_around(text, pos)
    chunk = text[a:b]
    return a + len(chunk) - len(chunk.lstrip()), a + len(chunk.rstrip())


# --- public ------------------------------------------------------------------------------------

def _candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased form) of every casualty word or phrase of `text`, in order: one
    scan of the lower-cased text, read as if a space came first (a word at the very start counts,
    and the scan goes on after it), without copying the text to put one there."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets exact
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    first = _AT_START.match(low)
    hits = [(s, e, low[s:e]) for s, e in _SCAN.spans(low, first.end() if first else 0)]
    if first:
        hits.insert(0, (0, first.end(), first.group(1)))
    return hits


def _document_rows(text: str) -> list[tuple]:
    hits = _candidates(text)
    if not hits:
        return []
    rows = []
    sent: _Sentence | None = None
    prev: _Prev | None = None
    for s, e, key in hits:
        if sent is None or not (sent.start <= s and e <= sent.end):
            sent = _Sentence(text, *_sentence_span(text, s))
            prev = None
        if key.startswith("death toll"):
            lemma, kind = "toll", "noun"
        elif key.startswith("loss"):
            lemma, kind = "lose", "loss"
        elif key.startswith("los"):
            lemma, kind = "lose", "lose"
        else:
            lemma, kind = _FORMS[key]
        got = _classify(sent, s, e, lemma, kind, prev)
        if got is None:
            continue
        verb, construction, agent, start, end, verbal = got
        rows.append((verb, construction, text[agent[0]:agent[1]] if agent else "", start, end,
                     text[sent.start:sent.end]))
        prev = _Prev(construction, agent, end, verbal)
    return rows


def casualties(corpus: Corpus, labels: Sequence[str]) -> pd.DataFrame:
    """Every casualty clause of the corpus, one row each, in corpus and text order.

    `labels`: each document's group in corpus order. Columns: doc_id, group, verb (base form),
    construction (active | passive_agent | passive_agentless | intransitive | nominal), agent
    (the doer's text, "" when none is named), start and end (offsets into the normalised text),
    sentence. The rules are in the module docstring."""
    docs = corpus.documents
    if len(labels) != len(docs):
        raise ValueError(f"{len(labels)} labels for {len(docs)} documents")
    out: dict[str, list] = {c: [] for c in COLUMNS}
    for doc, label in zip(docs, labels):
        for verb, construction, agent, start, end, sentence in _document_rows(doc.text):
            out["doc_id"].append(doc.id)
            out["group"].append(label)
            out["verb"].append(verb)
            out["construction"].append(construction)
            out["agent"].append(agent)
            out["start"].append(start)
            out["end"].append(end)
            out["sentence"].append(sentence)
    frame = pd.DataFrame(out, columns=COLUMNS)
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    return frame


def agency_table(rows: pd.DataFrame, by: str = "group") -> pd.DataFrame:
    """Per group: clauses of each construction, and the shares that leave the doer out.

    - `clauses`: all casualty clauses; `documents`: documents with at least one.
    - `agentless_share` = (passive_agentless + intransitive + nominal) / clauses: how often the
      way a casualty is reported lets the doer go unnamed (grammatically, whatever the agent
      column holds for intransitive and nominal clauses).
    - `passive_agentless_share` = passive_agentless / (passive_agent + passive_agentless): of the
      passives, how many drop the doer (NaN without passives).
    - `agent_named_share`: clauses whose `agent` is not empty, whatever their construction.
    """
    cols = [by, *CONSTRUCTIONS, "clauses", "documents", "agentless_share", "passive_agentless_share",
            "agent_named_share"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    counts = pd.crosstab(rows[by], rows["construction"]).reindex(columns=list(CONSTRUCTIONS), fill_value=0)
    counts.columns.name = None
    table = counts.astype("int64")
    table["clauses"] = table[list(CONSTRUCTIONS)].sum(axis=1)
    table["documents"] = rows.groupby(by)["doc_id"].nunique()
    table["agentless_share"] = table[list(AGENTLESS)].sum(axis=1) / table["clauses"]
    passives = table["passive_agent"] + table["passive_agentless"]
    table["passive_agentless_share"] = (table["passive_agentless"] / passives.where(passives > 0)).astype(float)
    table["agent_named_share"] = (rows["agent"] != "").groupby(rows[by]).mean()
    return table.reset_index()[cols]


def example_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows the report lists as examples, in order: the passives, with an agent and without."""
    return rows[rows["construction"].isin(["passive_agentless", "passive_agent"])]


__all__ = ["AGENTLESS", "COLUMNS", "CONSTRUCTIONS", "agency_table", "casualties", "example_rows", "names_party"]
