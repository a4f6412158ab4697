"""Scale benchmark (issue 13): `python benchmarks/bench_scale.py [--sizes 250,500,1000] [--partitions 16]
[--text-from PATH --text-col COL] [--skip-dask] [--all-runs] [--keep DIR]`.

Generates a news corpus of 1 GB (the largest `--sizes`, in MB of JSON Lines; 200,000 articles of
about 5,000 bytes at 1 GB) from 10 sources, written as `--partitions` JSON Lines files of the same
size; a smaller size is the first files of the same corpus (hard links, no copies), so every run
reads partitions of one size and memory can be compared across sizes. Then counts each size as a
whole process, timed wall-clock including imports:

    python -m framing count 'DIR/size-1000/*.jsonl' -l israel-gaza --jobs N [--engine dask] --save OUT.framing -q

with `--jobs 2` at every size, and at the largest size also `--jobs 1` (the baseline) and
`--engine dask --jobs 2` (a local 2-worker cluster; `--all-runs`: both at every size too), while
sampling the memory of the process and all its children every 0.2 s (PSS from
/proc/PID/smaps_rollup, summed; `_pss.py`). Prints one row per run (size, engine/jobs, seconds,
MB/s, CPU seconds of the whole tree and MB per CPU second, which the load of other processes
changes less than wall-clock, peak PSS), the speed-up of `--jobs 2` over `--jobs 1`, whether
every run of a size wrote byte-identical counts files, the corpus' own rates next to real
coverage, and the targets:

- 1 GB with `--jobs 2` in at most 2 minutes (>= 8.3 MB/s) and at most 2 GB (2,000 MB) peak PSS;
- the report of the largest size as a user makes it, `python -m framing report 'DIR/*.jsonl' -l
  israel-gaza -o page.html -q` (counted in partitions, then the page, in one process), in at
  most 2 minutes per GB and 2 GB; and its `--jobs 2` counts file made into the page
  (`python -m framing report OUT.framing -o page.html -q`), at most 2 GB, the page within the
  report's 15 MB budget;
- peak PSS flat across sizes: the largest at most 20% above the smallest (`--jobs 2` runs);
- `--engine dask` within 1.5x the seconds of `--jobs 2` at the largest size.

MB are 10^6 bytes of partition files throughout. The corpus (deterministic for `--seed`):

- Text: without `--text-from`, sentences built from real-looking news templates (officials
  quoted, casualty figures, places, dates in the text: "on Oct. 7", "since Tuesday") whose slots
  take the bundled `israel-gaza` lexicon's terms, quotations (`"...," an official said`), and
  filler sentences drawn from the seed articles' word frequencies (`_corpus.seed_words`, lexicon
  words and the words of reporting verbs and casualties taken out so the templates alone set
  the rates). The mix is set to the rates of the AllSides Middle East articles counted by
  framing (`REFERENCE`): per 10,000 tokens about 81 lexicon matches, 142 reporting clauses and
  30 casualty clauses; 21% of tokens inside quotation marks; a match in 87% of articles (the
  corpus made here: about 81, 148 and 32; 20%; 93%; 1 in 7 articles is on another subject and
  holds no term). Most sentences name no speaker, and most quotations go on from one whose
  speaker is named (`P_QUOTE_ON`) and go on past their opening words (`QUOTE_TAILS`); before
  2026-12-03 every template quote and most sentences had one, 341 reporting clauses and 49
  casualty clauses per 10,000 tokens, 2.4 and 1.6 times real coverage (BASIL's 300 articles
  have 146 reporting clauses per 10,000 tokens too), and 14 quotations recurring word for word
  were removed by the cleaning as boilerplate.
  Each article also has its own cast (people and places named in a few sentences) and rare
  words, from a made-up vocabulary of 2 million drawn by a 1/rank law, so that it has about as
  many distinct words as real news (per 650,000 tokens: 12,800 distinct and 8,700 seen once,
  against 22,700 and 7,900 in the AllSides articles). Without them a template corpus has a few
  thousand words in all, every article shares its rarest words with hundreds of others, and the
  near-duplicate search of framing's cleaning costs far more than on real text (17x the time
  and twice the memory at 15 MB per file, measured).
  With `--text-from PATH --text-col COL` (a table, or a folder of tables holding that column:
  /work/shared/corpora/allsides_baly2020_middle_east with content_original,
  /work/shared/corpora/breach_canadian_gaza_2023 with sentence), sentences sampled from that
  real text instead (AllSides: about 85 matches per 10k tokens, 23% quoted; the Breach
  sentences were chosen for words of death and give about 520).
- Articles: lengths log-normal (median about 3,850 characters), paragraphs of 1 to 4 sentences;
  per source a house style: datelines ("GAZA CITY (Reuters) - "), straight or curly quotation
  marks, footers (fixed ones, which framing's cleaning removes as boilerplate, and ones naming
  reporters, which it keeps), a date column in the source's format (ISO, ISO with time, RSS,
  "October 7, 2023", 10/07/2023), 2% undated; id, source, date, title, url, text.
"""
from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import json
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import read_table, seed_words
from _pss import PeakPSS, available

LEXICON = "israel-gaza"
OFF_TOPIC = 0.14  # share of articles on other subjects (no lexicon term)
# framing count of /work/shared/corpora/allsides_baly2020_middle_east (859 articles, 772,098 tokens)
# (framing attributions and framing casualties: 10,994 and 2,319 rows; BASIL's 300 articles: 146 and 8.6 per 10k)
REFERENCE = {"matches per 10k tokens": 80.7, "quoted share of tokens": 0.211, "articles with a match": 0.873,
             "reporting clauses per 10k tokens": 142.4, "casualty clauses per 10k tokens": 30.0}
TARGET_SECONDS_PER_GB, TARGET_PEAK_MB, TARGET_FLAT, TARGET_DASK = 120.0, 2000.0, 0.20, 1.5
TARGET_PAGE_MB = 15.0  # the report's page budget (README, "Within a budget")

# ---------------------------------------------------------------------------------------------
# Sentences


ACTORS = ["Israeli officials", "the Israeli military", "Hamas officials", "a spokesperson for the Israeli army",
          "the United Nations", "UN Secretary-General Antonio Guterres", "US Secretary of State Antony Blinken",
          "Prime Minister Benjamin Netanyahu", "the Palestinian Authority", "Egyptian mediators", "Qatari officials",
          "aid agencies", "the World Health Organization", "residents", "a senior Hamas official", "the White House",
          "the International Committee of the Red Cross", "doctors at al-Shifa hospital", "UNRWA", "the European Union",
          "a senior Israeli official", "witnesses", "the Israeli Defense Forces", "Defense Minister Yoav Gallant",
          "President Joe Biden", "a US official", "human rights groups", "the mayor of Rafah", "local journalists",
          "Amnesty International"]
PLACES = ["Gaza City", "Khan Younis", "Rafah", "northern Gaza", "the Jabalia refugee camp", "Deir al-Balah",
          "southern Israel", "Jenin", "Nablus", "the Kerem Shalom crossing", "the Rafah crossing", "Beit Hanoun",
          "Tel Aviv", "Jerusalem", "the Nuseirat camp", "central Gaza", "Beit Lahia", "Sderot", "Kibbutz Be'eri",
          "Ramallah", "Tulkarm", "the Mawasi area", "Cairo", "Doha", "southern Lebanon"]
DATELINES = ["GAZA CITY", "JERUSALEM", "TEL AVIV", "RAFAH, Gaza Strip", "KHAN YOUNIS, Gaza Strip", "CAIRO",
             "DOHA, Qatar", "RAMALLAH, West Bank", "BEIRUT", "WASHINGTON", "UNITED NATIONS", "DEIR AL-BALAH, Gaza Strip"]
SAID = ["said", "said on Sunday", "told reporters", "said in a statement", "wrote on X", "told Reuters", "added",
        "said on Tuesday", "told the BBC", "said at a news conference", "said late on Friday", "told CNN"]
WHEN = ["on Tuesday", "on Oct. 7", "on October 7, 2023", "last week", "on 12 November", "since Oct. 7",
        "early on Sunday", "on Monday night", "overnight", "on Dec. 1", "in late October", "on 9 January 2024",
        "this week", "on Thursday", "two days earlier", "on March 3", "since Saturday", "on Nov. 24, 2023"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "eighth", "tenth", "12th", "20th"]
NEUTRAL_NOUNS = ["fighting", "talks", "negotiations", "strikes", "evacuation", "shelling", "bombardment",
                 "displacement", "aid deliveries", "airstrikes", "power cuts", "protests", "crisis", "deal"]
NEUTRAL_VERBS = ["were wounded", "were injured", "were evacuated", "were displaced", "were rescued", "were treated",
                 "were arrested", "were detained overnight", "were missing", "were trapped under rubble"]
VERB_TERMS = {"killed", "died", "were killed", "lost their lives", "found dead", "abducted", "taken hostage",
              "held hostage"}
# Relative frequencies of the commonest terms in the AllSides articles (the rest: 10 each).
TERM_WEIGHTS = {"war": 1336, "killed": 644, "conflict": 476, "terrorists": 424, "militants": 382, "fighters": 367,
                "were killed": 323, "ceasefire": 243, "died": 151, "clashes": 115, "victims": 110, "hostages": 97,
                "West Bank": 94, "casualties": 92, "militant group": 89, "invasion": 88, "offensive": 87,
                "prisoners": 80, "terrorist organisation": 78, "truce": 70, "Gaza Strip": 66, "resistance": 62,
                "military operation": 61, "massacre*": 50, "attackers": 40}

REPORTED = [
    "{A} said {W} that {num} people {K} in {P}.",
    "The {N} in {P} entered its {ord} week {W}, with {num} people {K}, according to {A}.",
    "{A} {S} {W} that talks on the {N} were continuing in Cairo and Doha.",
    "Satellite images reviewed by {A} showed widespread damage in {P}, where the {N} has displaced most residents.",
    "{A} called for an end to the {N}, saying the situation in {P} was deteriorating.",
    "The {N} has drawn criticism from {A}, who warned of a wider regional escalation.",
    "In {P}, {num} people {K} when an airstrike hit a residential building {W}.",
    "Aid groups said {num} trucks had crossed into Gaza through {P} {W}, far short of what is needed.",
    "{A} did not immediately respond to a request for comment.",
    "The figures could not be independently verified.",
    "{A} said the {N} would continue until its goals were met.",
    "Families of the {N} held a rally in {P} {W}, demanding a deal to bring them home.",
    "It was not clear how many of those who {K} were {N}.",
    "Electricity and water supplies to {P} have been cut {W}.",
    "The {N} began after the attack of October 7, 2023, in which about 1,200 people {K} and some 250 were taken into Gaza.",
    "According to {A}, {num} people {K} in {P} {W}, most of them women and children.",
    "{A} accused the other side of blocking the {N} and of violating international law.",
    "The latest round of {N} came as {A} prepared to meet regional leaders {W}.",
    "Hospitals in {P} are running out of fuel, {A} said.",
    "The military said it had struck more than {n} targets {W}, including tunnels and command centres.",
    "Residents of {P} described a night of heavy {N}, with explosions heard across the city.",
    "{A} estimated that {num} people had fled to {P} {W}.",
    "Diplomats said a vote on the {N} at the Security Council could come {W}.",
    "Israel says it targets {N} and accuses them of hiding among civilians, a charge they deny.",
    # Sentences of fact, without a speaker: most of a news article's sentences name none.
    "The {N} in {P} continued {W}, with heavy {N} reported near the hospital.",
    "Long queues formed outside the few bakeries still open in {P} {W}.",
    "Schools run by the United Nations in {P} have been turned into shelters for the {N}.",
    "The road between {P} and {P} was closed {W} after the {N}.",
    "Fuel shortages have forced water desalination plants in {P} to shut down.",
    "The {N} is the longest since the blockade of Gaza began in 2007.",
    "Convoys carrying flour and medicine waited at {P} {W} for permission to enter.",
    "Thousands of families moved south from {P} {W}, many of them on foot.",
    "The {N} has left large parts of {P} in ruins.",
    "Mobile phone and internet services in {P} went down again {W}.",
    "Prices of basic goods in {P} have risen sharply since the {N} began.",
    "Rockets were fired towards {P} {W}, setting off sirens across the area.",
    "Most of the {N} took place in {P}, about 10 kilometres from the border.",
    "The only power station in {P} stopped working {W}.",
    "Queues at the crossing into {P} stretched for several kilometres {W}.",
    "The {N} came a day after a meeting of foreign ministers in Cairo.",
    "Hundreds of people gathered in {P} {W} to mourn the {N}.",
    "Food parcels were handed out at a school in {P} {W}.",
    "A second convoy reached {P} {W}, carrying water and medical supplies.",
    "The {N} is expected to be discussed at a summit in Doha {W}.",
    "Many of the buildings along the main road in {P} were damaged in the {N}.",
    "Students in {P} have not been to school since the {N} began.",
    "The talks on the {N} were adjourned {W} without a date to resume.",
    "Ambulances lined up outside the hospital in {P} {W}.",
    "{num} people {K} in {P} {W}, the latest in a series of strikes on the area.",
    "Among those who {K} in {P} were {num} children.",
    "The bodies of {num} people who {K} were brought to the hospital in {P} {W}.",
    "In the {N} that followed, {num} people {K} and many more were wounded.",
]
QUOTES = [
    "We will not stop until the {N} are brought home",
    "There is no safe place in {P}",
    "This is {N}, and the world is watching",
    "The {N} must end now",
    "We have lost everything, our homes, our families, our future",
    "Our goal is clear, and we will achieve it",
    "Every hour that passes costs more lives in {P}",
    "The situation is catastrophic, and it is getting worse by the day",
    "We are talking about {num} people who {K} {W}",
    "I saw the bodies with my own eyes",
    "Nobody should have to live like this, not in {P} and not anywhere",
    "The {N} is a matter for the courts to decide",
    "We are doing everything we can to get aid to the people who need it",
    "They came at dawn, and by the afternoon the whole street was gone",
]
# Most quotations go on past their opening words, in ways that vary: without this, 14 quotations
# would recur word for word in more than 5% of a source's articles, and framing's cleaning would
# rightly remove them as boilerplate (it did, before 2026-12-03: about 14 sentences per source).
QUOTE_TAILS = ["and nobody is listening", "and we have said so {W}", "in {P} and everywhere else",
               "and that has not changed since {W}", "whatever anyone says in {P}", "and the {N} shows it",
               "and {num} families know it", "as we told the committee {W}", "and it has been like this since {W}",
               "even here in {P}", "and I say it again {W}", "and the numbers from {P} prove it"]
P_TAIL = 0.85
QUOTE_FRAMES = ['"{Q}," {A} {S}.', '{A} {S}: "{Q}."', '"{Q}," {A} {S}. "{Q2}."', '{A} {S} that "{Q2}."']
# A quotation that goes on from the one before, its speaker already named (as real quotes run on).
QUOTE_ON = ['"{Q}."', '"{Q}. {Q2}."']
P_QUOTE_ON = 0.6  # share of quoted sentences that go on, without a speaker of their own
TITLES = ["Live updates: {N} in {P}", "{A} says {num} people {K} in {P}", "What we know about the {N}",
          "{P}: {N} enters its {ord} week", "Talks on {N} resume as pressure grows", "Inside {P}, a city under {N}",
          "Aid trickles into {P} as {N} continues", "{A} warns of wider {N}"]


# Each article's own people and places, as in real news, where an article's rarest words (names)
# are shared by few others: CAST sentences hold slots \x01 \x02 \x03 (people) and \x04 (a place or
# organisation) filled per article with names from a vocabulary of 2 million, drawn with a
# 1/rank (Zipf) law, so a few names recur across the corpus and most are rare.
CAST = [
    "\x01, a resident of {P}, said {W} that her family had fled twice.",
    '"{Q}," said \x01, who was sheltering in a school in {P}.',
    "\x02, an analyst at the \x04 Institute, said the {N} could last for months.",
    "\x01 reported from {P}; \x02 contributed reporting from \x04.",
    "The family of \x03 said they had not heard from him {W}.",
    "Officials in \x04 said {num} people had arrived {W}.",
    "\x02 told reporters the delegation would meet again in \x04.",
    "Speaking in \x04, \x03 said the negotiations had stalled.",
    "\x03, whose brother lives in {P}, said he had not slept for days.",
    "A spokesperson for \x04 declined to comment on the remarks by \x02.",
    "The house of \x01 in {P} was destroyed {W}.",
    "\x02 and \x03 have been sheltering in a tent near \x04 since the {N} began.",
    "\x03 drove through {P} {W} to reach his parents in \x04.",
    "A photograph of \x01 holding her daughter was shared widely online.",
    "\x02 has worked at the \x04 hospital for 12 years.",
    "The \x04 Institute published its report on the {N} {W}.",
]
P_CAST = 0.15  # share of an article's sentences that name its cast
# Filler words replaced, per article, by rare words from the same 1/rank law (lower case): with
# the names, a corpus gets about as many distinct words as real news of its size.
RARE, P_RARE = "\x05", 0.12
SYLLABLES = ("ka mal zir dor an bel sha rin tov el ha mir nu sef ya lo gar ib ra den ko vi tam sul ne far ze bar "
             "hil os ud qas ma ri ten jo lev am sa dun").split()
NAMES = 2_000_000


def pseudo_word(i: int) -> str:
    """The `i`th made-up name: its syllables in base 40, at least two."""
    out = []
    while True:
        i, r = divmod(i, len(SYLLABLES))
        out.append(SYLLABLES[r])
        if i == 0 and len(out) >= 2:
            return "".join(out).capitalize()


def cast(rng: np.random.Generator) -> list[str]:
    """Names for the slots \x01 to \x04: three people (first and last name) and a place."""
    ranks = np.exp(rng.random(7) * np.log(NAMES)).astype(np.int64)
    words = [pseudo_word(int(r)) for r in ranks]
    return [f"{words[0]} {words[1]}", f"{words[2]} {words[3]}", f"{words[4]} {words[5]}", words[6]]


def _lexicon_forms() -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """(noun forms, verb forms, their weights): every form of every term of the lexicon, a term's
    weight shared by its forms (wildcard terms written out)."""
    from framing.lexicon import load_lexicon

    nouns, verbs, wn, wv = [], [], [], []
    for _, term in load_lexicon(LEXICON).terms():
        weight = TERM_WEIGHTS.get(term.term, 10) / len(term.forms)
        for form in term.forms:
            form = form.replace("*", "s")
            if term.term in VERB_TERMS or form in VERB_TERMS:
                verbs.append(form), wv.append(weight)
            else:
                nouns.append(form), wn.append(weight)
    return nouns, verbs, np.array(wn) / sum(wn), np.array(wv) / sum(wv)


def clause_words() -> set[str]:
    """The words of reporting verbs and of casualty words (every form), which filler leaves out so
    that the templates alone set the rates of reporting and casualty clauses."""
    from framing.analyses.casualty_words import _FORMS
    from framing.analyses.verbs import load_verb_classes

    forms = {w.lower() for form in load_verb_classes().forms for w in form.split()}
    return (forms - {"to"}) | set(_FORMS)


class TemplateText:
    """Sentences from `REPORTED`, `QUOTES` and seed-word filler; `p_term` is the chance a noun or
    verb slot takes a lexicon term rather than a neutral word."""

    def __init__(self, rng: np.random.Generator, *, p_term: float = 0.30, p_quote: float = 0.18,
                 p_filler: float = 0.25) -> None:
        self.rng, self.p_term, self.p_quote, self.p_filler = rng, p_term, p_quote, p_filler
        self.nouns, self.verbs, self.wn, self.wv = _lexicon_forms()
        left_out = {w.lower() for f in self.nouns + self.verbs for w in re.split(r"[\s-]+", f)} | clause_words()
        vocab, p = seed_words()
        keep = np.array([re.split(r"['\u2019]", w.lower())[0] not in left_out for w in vocab])
        self.vocab = [str(w) for w in np.array(vocab, dtype=object)[keep]]
        self.vocab_cdf = np.cumsum(p[keep] / p[keep].sum())
        self.noun_cdf, self.verb_cdf = np.cumsum(self.wn), np.cumsum(self.wv)

    def _draw(self, cdf: np.ndarray, n: int | None = None):
        """Indices drawn with the probabilities whose cumulative sums are `cdf`."""
        return np.minimum(np.searchsorted(cdf, self.rng.random(n), side="right"), len(cdf) - 1)

    def _pick(self, items):
        return items[int(self.rng.integers(len(items)))]

    def _noun(self) -> str:
        if self.rng.random() < self.p_term:
            return self.nouns[int(self._draw(self.noun_cdf))]
        return self._pick(NEUTRAL_NOUNS)

    def _verb(self) -> str:
        if self.rng.random() < self.p_term:
            return self.verbs[int(self._draw(self.verb_cdf))]
        return self._pick(NEUTRAL_VERBS)

    def _num(self) -> str:
        r = self.rng.random()
        n = int(self.rng.lognormal(4, 1.5)) + 2
        return (f"at least {n:,}" if r < 0.4 else f"more than {n:,}" if r < 0.6 else f"{n:,}" if r < 0.8
                else self._pick(["dozens of", "hundreds of", "several", "thousands of"]))

    def fill(self, template: str) -> str:
        out = template
        for slot, fn in (("{A}", lambda: self._pick(ACTORS)), ("{P}", lambda: self._pick(PLACES)),
                         ("{W}", lambda: self._pick(WHEN)), ("{S}", lambda: self._pick(SAID)),
                         ("{N}", self._noun), ("{K}", self._verb), ("{num}", self._num),
                         ("{n}", lambda: f"{int(self.rng.integers(50, 5000)):,}"),
                         ("{ord}", lambda: self._pick(ORDINALS))):
            while slot in out:
                out = out.replace(slot, fn(), 1)
        return out[0].upper() + out[1:]

    def filler(self) -> str:
        words = []
        for i in self._draw(self.vocab_cdf, 80):
            w = self.vocab[i]
            if len(words) >= 40:
                break
            if w == ".":
                if len(words) >= 6:
                    break
                continue
            if w in ",;:" and (not words or words[-1] in ",;:"):
                continue
            words.append(RARE if words and w not in ",;:" and self.rng.random() < P_RARE else w)
        text = " ".join(words).replace(" ,", ",").replace(" ;", ";").replace(" :", ":").rstrip(",;:")
        return text[0].upper() + text[1:] + "."

    def quote(self) -> str:
        """A quotation's words: one of `QUOTES`, mostly going on with one of `QUOTE_TAILS`."""
        q = self._pick(QUOTES)
        return f"{q}, {self._pick(QUOTE_TAILS)}" if self.rng.random() < P_TAIL else q

    def sentence(self) -> str:
        r = self.rng.random()
        if r < self.p_quote:
            frame = self._pick(QUOTE_ON if self.rng.random() < P_QUOTE_ON else QUOTE_FRAMES)
            return self.fill(frame.replace("{Q}", self.quote()).replace("{Q2}", self.quote()))
        if r < self.p_quote + self.p_filler:
            return self.filler()
        return self.fill(self._pick(REPORTED))

    def title(self) -> str:
        return self.fill(self._pick(TITLES))


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019)]?\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")


def real_sentences(path: Path, column: str) -> list[str]:
    """The distinct sentences of `column` in a table, or in every table of a folder that has it."""
    from framing.engines.job import TABLE_SUFFIXES

    files = ([p for p in sorted(path.iterdir()) if p.name.lower().endswith(TABLE_SUFFIXES)] if path.is_dir()
             else [path])
    seen: dict[str, None] = {}
    used = []
    for f in files:
        table = read_table(f)
        if column not in table.columns:
            continue
        used.append(f.name)
        for text in table[column].dropna().astype(str):
            for para in re.split(r"\n\s*\n|\n", text):
                for s in _SENTENCE_END.split(para.strip()):
                    s = " ".join(s.split())
                    if len(s) >= 20:
                        seen.setdefault(s, None)
    if not used:
        sys.exit(f"bench_scale: no table in {path} has a column {column!r}")
    print(f"text from {path} ({', '.join(used)}, column {column}): {len(seen):,} distinct sentences")
    return list(seen)


# ---------------------------------------------------------------------------------------------
# Articles


@dataclass(frozen=True)
class Source:
    name: str
    domain: str
    weight: float
    dateline: str | None  # "{D} (Reuters) - "
    footers: tuple[tuple[str, float], ...]  # (line, share of articles); {R} a reporter's name, {P} a place
    curly: bool
    date_format: str


SOURCES = (
    Source("Reuters", "reuters.com", 0.16, "{D} (Reuters) - ", (("Reporting by {R} and {R}; Editing by {R}", 0.8),
           ("Our Standards: The Thomson Reuters Trust Principles.", 0.7)), False, "iso_time"),
    Source("Associated Press", "apnews.com", 0.14, "{D} (AP) \u2014 ", (("Associated Press writers {R} and {R} "
           "contributed to this report.", 0.6), ("Follow AP's coverage of the war at https://apnews.com/hub/"
           "israel-hamas-war", 0.5)), False, "iso"),
    Source("BBC News", "bbc.co.uk", 0.12, None, (("Image source, Getty Images", 0.4), ("Related Topics", 0.6)),
           True, "rss"),
    Source("CNN", "cnn.com", 0.11, None, (("CNN's {R} and {R} contributed reporting.", 0.6),
           ("Sign up for CNN's Meanwhile in the Middle East newsletter.", 0.4)), True, "iso"),
    Source("Fox News", "foxnews.com", 0.10, None, (("CLICK HERE TO GET THE FOX NEWS APP", 0.5),
           ("{R} is a reporter for Fox News Digital.", 0.5)), False, "written"),
    Source("The Guardian", "theguardian.com", 0.09, None, (("Sign up to First Edition, our free daily "
           "newsletter", 0.3), ("{R} contributed reporting from {P}.", 0.3)), True, "iso_time"),
    Source("Al Jazeera", "aljazeera.com", 0.09, None, (("Source: Al Jazeera and news agencies", 0.8),), True, "rss"),
    Source("The New York Times", "nytimes.com", 0.08, None, (("{R} contributed reporting from {P}.", 0.5),
           ("A version of this article appears in print, Section A, Page 1 of the New York edition.", 0.4)),
           True, "iso"),
    Source("The Times of Israel", "timesofisrael.com", 0.06, None, (("Keep up to date with the latest news by "
           "joining our WhatsApp group.", 0.5),), False, "numeric"),
    Source("Haaretz", "haaretz.com", 0.05, None, (("Click the alert icon to follow topics:", 0.6),), False, "written"),
)
REPORTERS = ["Nidal al-Mughrabi", "Emily Rose", "Maayan Lubell", "Wafaa Shurafa", "Samy Magdy", "Julia Frankel",
             "Jeremy Bowen", "Lucy Williamson", "Abeer Salman", "Jeremy Diamond", "Trey Yingst", "Bethan McKernan",
             "Hoda Abdel-Hamid", "Isabel Kershner", "Patrick Kingsley", "Aaron Boxerman", "Raja Abdulrahim"]
START = dt.datetime(2023, 10, 7)
PERIOD_S = int((dt.datetime(2025, 1, 1) - START).total_seconds())


def _date(rng: np.random.Generator, fmt: str) -> str:
    if rng.random() < 0.02:
        return ""
    d = START + dt.timedelta(seconds=int(rng.integers(PERIOD_S)))
    if fmt == "iso":
        return d.strftime("%Y-%m-%d")
    if fmt == "iso_time":
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    if fmt == "rss":
        return d.strftime("%a, %d %b %Y %H:%M:%S GMT")
    if fmt == "written":
        return f"{d:%B} {d.day}, {d.year}"
    return d.strftime("%m/%d/%Y")


def _curly(text: str) -> str:
    out, opened = [], False
    for piece in text.split('"'):
        out.append(piece)
        out.append("\u201d" if opened else "\u201c")
        opened = not opened
    return "".join(out[:-1]).replace("'", "\u2019")


class Writer:
    """Writes the partition files: `sentences` a pool to sample from, or None for templates."""

    def __init__(self, seed: int, sentences: list[str] | None, pool_size: int = 60_000) -> None:
        rng = np.random.default_rng([seed, 0])
        self.templates = TemplateText(rng)
        self.titles = [self.templates.title() for _ in range(5000)]
        self.cast = [self.templates.fill(self.templates._pick(CAST).replace("{Q}", self.templates.quote()))
                     for _ in range(5000)]
        if sentences is None:
            self.pool = [self.templates.sentence() for _ in range(pool_size)]
            # Articles on other subjects, about 1 in 8 in real coverage, hold no lexicon term.
            self.templates.p_term = 0.0
            self.other = [self.templates.sentence() for _ in range(pool_size // 4)]
        else:
            self.pool, self.other = sentences, []
        self.lengths = {id(self.pool): np.array([len(s) + 1 for s in self.pool]),
                        id(self.other): np.array([len(s) + 1 for s in self.other])}
        self.seed = seed
        weights = np.array([s.weight for s in SOURCES])
        self.source_cdf = np.cumsum(weights / weights.sum())
        self.source_cdf[-1] = 1.0

    def article(self, rng: np.random.Generator, source: Source) -> tuple[str, str]:
        target = min(max(rng.lognormal(np.log(3850), 0.55), 600), 40_000)
        pool = self.other if self.other and rng.random() < OFF_TOPIC else self.pool
        lengths = self.lengths[id(pool)]
        picks = rng.integers(len(pool), size=int(target / 60) + 40)
        names = cast(rng)
        in_cast = rng.random(len(picks)) < P_CAST
        paras, para, size, k = [], [], 0, 0
        para_len = int(rng.integers(1, 5))
        while size < target:
            if k == len(picks):
                picks, k = rng.integers(len(pool), size=200), 0
                in_cast = rng.random(len(picks)) < P_CAST
            if in_cast[k]:
                sentence = self.cast[picks[k] % len(self.cast)]
                for slot, name in zip("\x01\x02\x03\x04", names):
                    sentence = sentence.replace(slot, name)
                para.append(sentence)
                size += len(sentence) + 1
            else:
                sentence = pool[picks[k]]
                if RARE in sentence:
                    pieces = sentence.split(RARE)
                    ranks = np.exp(rng.random(len(pieces) - 1) * np.log(NAMES)).astype(np.int64)
                    sentence = pieces[0] + "".join(pseudo_word(int(r)).lower() + p for r, p in zip(ranks, pieces[1:]))
                para.append(sentence)
                size += lengths[picks[k]]
            k += 1
            if len(para) >= para_len:
                paras.append(" ".join(para))
                para, para_len = [], int(rng.integers(1, 5))
        if para:
            paras.append(" ".join(para))
        if source.dateline and rng.random() < 0.8:
            paras[0] = source.dateline.replace("{D}", DATELINES[int(rng.integers(len(DATELINES)))]) + paras[0]
        for line, share in source.footers:
            if rng.random() < share:
                while "{R}" in line:
                    line = line.replace("{R}", REPORTERS[int(rng.integers(len(REPORTERS)))], 1)
                paras.append(line.replace("{P}", PLACES[int(rng.integers(len(PLACES)))]))
        text = "\n\n".join(paras)
        title = self.titles[int(rng.integers(len(self.titles)))]
        if source.curly:
            text, title = _curly(text), _curly(title)
        return title, text

    def write(self, index: int, path: Path, size_bytes: int) -> tuple[int, int, int]:
        """Writes partition `index`: (articles, bytes of text, undated articles)."""
        rng = np.random.default_rng([self.seed, 1, index])
        n = text_bytes = undated = 0
        written = 0
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            while written < size_bytes:
                source = SOURCES[int(np.searchsorted(self.source_cdf, rng.random(), side="right"))]
                title, text = self.article(rng, source)
                date = _date(rng, source.date_format)
                slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
                doc_id = f"{source.domain.split('.')[0]}-{index:03d}-{n:06d}"
                line = json.dumps({"id": doc_id, "source": source.name, "date": date, "title": title,
                                   "url": f"https://www.{source.domain}/{slug}-{doc_id}",
                                   "text": text}, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                text_bytes += len(text.encode("utf-8"))
                undated += not date
                n += 1
        return n, text_bytes, undated


_writer: Writer | None = None


def _write_one(job: tuple[int, str, int]) -> tuple[int, int, int]:
    assert _writer is not None
    return _writer.write(job[0], Path(job[1]), job[2])


def generate(folder: Path, sizes: list[int], partitions: int, seed: int, sentences: list[str] | None
             ) -> tuple[dict[int, Path], dict[str, float]]:
    """Writes the partitions of the largest size and a folder per size linking its first files."""
    global _writer
    part_bytes = int(max(sizes) * 1e6 / partitions)
    counts = {s: max(1, round(s * 1e6 / part_bytes)) for s in sizes}
    files = [folder / "all" / f"part-{i:04d}.jsonl" for i in range(partitions)]
    files[0].parent.mkdir(parents=True)
    t0 = time.perf_counter()
    _writer = Writer(seed, sentences)
    jobs = [(i, str(p), part_bytes) for i, p in enumerate(files)]
    workers = min(len(os.sched_getaffinity(0)), partitions)
    if workers > 1:
        import multiprocessing as mp

        with mp.get_context("fork").Pool(workers) as pool:
            stats = pool.map(_write_one, jobs, chunksize=1)
    else:
        stats = [_write_one(j) for j in jobs]
    dirs = {}
    for size, k in counts.items():
        d = folder / f"size-{size:04d}"
        d.mkdir()
        for p in files[:k]:
            os.link(p, d / p.name)
        dirs[size] = d
    n = sum(s[0] for s in stats)
    info = {"articles": n, "text_mb": sum(s[1] for s in stats) / 1e6, "undated": sum(s[2] for s in stats) / n,
            "seconds": time.perf_counter() - t0, "part_mb": part_bytes / 1e6}
    return dirs, info


# ---------------------------------------------------------------------------------------------
# Runs


@dataclass
class Run:
    size: int
    label: str
    mb: float
    seconds: float
    cpu: float  # user + system seconds of the process and its reaped children
    peak_mb: float
    processes: int
    samples: int
    rc: int
    out: Path

    @property
    def mb_s(self) -> float:
        return self.mb / self.seconds


def run_count(folder: Path, size: int, jobs: int, engine: str, work: Path) -> Run:
    label = f"dask --jobs {jobs}" if engine == "dask" else f"local --jobs {jobs}"
    out = work / f"counts-{size}-{engine}-{jobs}.framing"
    cmd = [sys.executable, "-m", "framing", "count", str(folder / "*.jsonl"), "-l", LEXICON, "--jobs", str(jobs),
           *(["--engine", "dask"] if engine == "dask" else []), "--save", str(out), "-q"]
    mb = sum(p.stat().st_size for p in folder.glob("*.jsonl")) / 1e6
    return _timed(cmd, work / f"{out.stem}.log", work, Run(size, label, mb, 0.0, 0.0, 0.0, 0, 0, 0, out))


def run_report(counts: Path, size: int, work: Path) -> tuple[Run, float]:
    """The page of a counts file, as a whole process: the run, and the page's size in MB."""
    page = work / f"page-{size}.html"
    cmd = [sys.executable, "-m", "framing", "report", str(counts), "-o", str(page), "-q"]
    run = _timed(cmd, work / f"page-{size}.log", work,
                 Run(size, "report page", counts.stat().st_size / 1e6, 0.0, 0.0, 0.0, 0, 0, 0, page))
    return run, page.stat().st_size / 1e6 if run.rc == 0 else math.nan


def run_corpus_report(folder: Path, size: int, work: Path) -> tuple[Run, float]:
    """`framing report 'DIR/*.jsonl'` as a whole process (counted in partitions, then the page,
    in one process): the run, and the page's size in MB."""
    page = work / f"page-{size}-corpus.html"
    cmd = [sys.executable, "-m", "framing", "report", str(folder / "*.jsonl"), "-l", LEXICON, "-o", str(page), "-q"]
    mb = sum(p.stat().st_size for p in folder.glob("*.jsonl")) / 1e6
    run = _timed(cmd, work / f"page-{size}-corpus.log", work,
                 Run(size, "framing report", mb, 0.0, 0.0, 0.0, 0, 0, 0, page))
    return run, page.stat().st_size / 1e6 if run.rc == 0 else math.nan


def _timed(cmd: list[str], log: Path, work: Path, run: Run) -> Run:
    """`run` with the seconds, CPU seconds, peak PSS and exit code of `cmd` run as a process in `work`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=work, stdout=err, stderr=subprocess.STDOUT)
        with PeakPSS(proc.pid, interval=0.2) as peak:
            rc = proc.wait()
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if rc != 0:
        print(f"  FAILED (exit {rc}): {' '.join(cmd)}\n" + log.read_text(errors="replace")[-2000:], flush=True)
    return replace(run, seconds=seconds, cpu=cpu, peak_mb=peak.mb, processes=peak.processes, samples=peak.samples,
                   rc=rc)


def corpus_rates(path: Path) -> dict[str, float]:
    from framing.engines.store import load

    tally, _, _ = load(path)
    tokens = int(tally.tokens.sum())
    return {"articles": len(tally), "groups": len(tally.groups), "tokens": tokens,
            "matches per 10k tokens": tally.count.sum() / tokens * 1e4,
            "quoted share of tokens": tally.quoted_tokens.sum() / tokens,
            "articles with a match": float((tally.count.getnnz(axis=1) > 0).mean()),
            "reporting clauses per 10k tokens": len(tally.said) / tokens * 1e4 if tally.said is not None else math.nan,
            "casualty clauses per 10k tokens": len(tally.deaths) / tokens * 1e4 if tally.deaths is not None else math.nan,
            "languages": ", ".join(sorted(set(tally.languages)))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000", help="corpus sizes in MB (default 250,500,1000)")
    parser.add_argument("--partitions", type=int, default=16, help="files of the largest size (default 16)")
    parser.add_argument("--text-from", type=Path, help="sample sentences from this table or folder of tables")
    parser.add_argument("--text-col", default="text", help="the text column of --text-from")
    parser.add_argument("--skip-dask", action="store_true", help="leave out the --engine dask runs")
    parser.add_argument("--all-runs", action="store_true",
                        help="run --jobs 1 and dask at every size (default: at the largest only)")
    parser.add_argument("--keep", type=Path, help="write the corpus and counts files here and keep them")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or min(sizes) <= 0 or args.partitions < 1:
        parser.error("--sizes must be positive whole MB and --partitions at least 1")
    if not available():
        sys.exit("bench_scale: needs /proc/PID/smaps_rollup (Linux 4.14 or later) to measure PSS")
    if not args.skip_dask:
        try:
            import dask  # noqa: F401
            import distributed  # noqa: F401
        except ImportError:
            sys.exit("bench_scale: --engine dask needs dask and distributed (pip install 'framing[dask]'), "
                     "or give --skip-dask")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        if any(args.keep.iterdir()):
            sys.exit(f"bench_scale: --keep {args.keep} is not empty")
        work = args.keep
    else:
        work = Path(tempfile.mkdtemp(prefix="bench_scale-"))
    try:
        _main(args, sizes, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _main(args, sizes: list[int], work: Path) -> None:
    sentences = real_sentences(args.text_from, args.text_col) if args.text_from else None
    dirs, info = generate(work / "corpus", sizes, args.partitions, args.seed, sentences)
    print(f"corpus: {info['articles']:,} articles from {len(SOURCES)} sources in {args.partitions} JSON Lines files "
          f"of {info['part_mb']:.1f} MB ({info['text_mb']:,.0f} MB of text, {info['undated']:.1%} undated), "
          f"written in {info['seconds']:.0f} s to {work}")
    print("sizes: " + ", ".join(f"{s} MB = {len(list(d.glob('*.jsonl')))} files" for s, d in dirs.items()))
    configs = [(2, "local"), (1, "local")] + ([] if args.skip_dask else [(2, "dask")])
    plan = [(size, jobs, engine) for size in sizes for jobs, engine in configs
            if args.all_runs or size == max(sizes) or (jobs, engine) == (2, "local")]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    header = (f"{'size MB':>8}  {'engine/jobs':<16}{'seconds':>9}{'MB/s':>8}{'CPU s':>9}{'MB/CPU s':>10}"
              f"{'peak PSS MB':>13}{'procs':>7}")
    print(header)
    print("-" * len(header), flush=True)
    runs: list[Run] = []
    for size, jobs, engine in plan:
        print(f"bench_scale: counting {size} MB with {'dask' if engine == 'dask' else 'local'} --jobs {jobs} "
              f"(load average {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
        r = run_count(dirs[size], size, jobs, engine, work)
        runs.append(r)
        status = "" if r.rc == 0 else f"  exit {r.rc}"
        print(f"{r.mb:>8.0f}  {r.label:<16}{r.seconds:>9.1f}{r.mb_s:>8.2f}{r.cpu:>9.1f}{r.mb / r.cpu:>10.2f}"
              f"{r.peak_mb:>13.0f}{r.processes:>7}{status}", flush=True)
    top = [r for r in runs if r.size == max(sizes) and r.label == "local --jobs 2" and r.rc == 0]
    page = run_report(top[0].out, max(sizes), work) if top else None
    if page:
        r, page_mb = page
        print(f"{max(sizes):>8}  {'page from counts':<16}{r.seconds:>9.1f}{'':>8}{r.cpu:>9.1f}{'':>10}"
              f"{r.peak_mb:>13.0f}{r.processes:>7}  page {page_mb:.1f} MB" + ("" if r.rc == 0 else f"  exit {r.rc}"),
              flush=True)
    print(f"bench_scale: framing report of {max(sizes)} MB (load average {os.getloadavg()[0]:.1f})",
          file=sys.stderr, flush=True)
    direct = run_corpus_report(dirs[max(sizes)], max(sizes), work)
    r, page_mb = direct
    print(f"{r.mb:>8.0f}  {'framing report':<16}{r.seconds:>9.1f}{r.mb_s:>8.2f}{r.cpu:>9.1f}{r.mb / r.cpu:>10.2f}"
          f"{r.peak_mb:>13.0f}{r.processes:>7}  page {page_mb:.1f} MB" + ("" if r.rc == 0 else f"  exit {r.rc}"),
          flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    summarise(runs, sizes, args, page, direct)


def summarise(runs: list[Run], sizes: list[int], args, page: tuple[Run, float] | None = None,
              direct: tuple[Run, float] | None = None) -> None:
    ok = [r for r in runs if r.rc == 0]
    by = {(r.size, r.label): r for r in ok}
    top = max(sizes)
    print()
    print("side by side (peak PSS MB / seconds):")
    labels = list(dict.fromkeys(r.label for r in runs))
    ran = {(r.size, r.label) for r in runs}

    def cell(size: int, label: str, c: Run | None) -> str:
        return f"{c.peak_mb:.0f} / {c.seconds:.0f} s" if c else "failed" if (size, label) in ran else "-"
    print(f"{'engine/jobs':<16}" + "".join(f"{f'{s} MB':>16}" for s in sizes))
    for label in labels:
        cells = [by.get((s, label)) for s in sizes]
        print(f"{label:<16}" + "".join(f"{cell(s, label, c):>16}" for s, c in zip(sizes, cells)))
    print()
    for s in sizes:
        j1, j2 = by.get((s, "local --jobs 1")), by.get((s, "local --jobs 2"))
        if j1 and j2:
            print(f"speed-up {s} MB, --jobs 2 over --jobs 1: {j1.seconds / j2.seconds:.2f}x")
    identical = True
    for s in sizes:
        files = [r.out for r in runs if r.size == s]
        if len(files) < 2:
            continue
        same = all(r.rc == 0 for r in runs if r.size == s) and all(
            filecmp.cmp(files[0], f, shallow=False) for f in files[1:])
        identical &= same
        print(f"counts files of {s} MB ({len(files)} runs) identical: {'yes' if same else 'no'}")
    print(f"identical: {'yes' if identical else 'no'}")
    j2 = by.get((top, "local --jobs 2"))
    if j2:
        rates = corpus_rates(j2.out)
        print(f"\ncorpus counted ({top} MB): {rates['articles']:,} articles, {rates['groups']} groups, "
              f"{rates['tokens']:,} tokens, languages {rates['languages']}")
        for key, ref in REFERENCE.items():
            value = rates[key]
            shown = (f"{value:.1f}", f"{ref:.1f}") if "per 10k" in key else (f"{value:.1%}", f"{ref:.1%}")
            print(f"  {key}: {shown[0]} (AllSides Middle East articles: {shown[1]})")
    print("\ntargets:")
    verdicts = []

    def target(text: str, met: bool | None) -> None:
        verdicts.append(met)
        print(f"  {text}: {'n/a' if met is None else 'met' if met else 'NOT met'}")

    if j2:
        need = top / 1000 * TARGET_SECONDS_PER_GB
        scaled = "" if top == 1000 else f" (scaled from 2 min per GB to {top} MB)"
        target(f"--jobs 2 at {top} MB in <= {need:.0f} s{scaled}: {j2.seconds:.1f} s, {j2.mb_s:.2f} MB/s "
               f"(needs >= {1000 / TARGET_SECONDS_PER_GB:.1f} MB/s)", j2.seconds <= need)
        target(f"--jobs 2 at {top} MB peak PSS <= {TARGET_PEAK_MB:.0f} MB: {j2.peak_mb:.0f} MB",
               j2.peak_mb <= TARGET_PEAK_MB)
    if direct and direct[0].rc == 0:
        r = direct[0]
        need = top / 1000 * TARGET_SECONDS_PER_GB
        target(f"framing report 'DIR/*.jsonl' at {top} MB (counted in partitions, then the page, one process) in "
               f"<= {need:.0f} s: {r.seconds:.1f} s, {r.mb_s:.2f} MB/s", r.seconds <= need)
        target(f"framing report's peak PSS <= {TARGET_PEAK_MB:.0f} MB: {r.peak_mb:.0f} MB", r.peak_mb <= TARGET_PEAK_MB)
    if page and page[0].rc == 0:
        r, page_mb = page
        target(f"the page from the counts file: peak PSS <= {TARGET_PEAK_MB:.0f} MB: {r.peak_mb:.0f} MB "
               f"({r.seconds:.1f} s)", r.peak_mb <= TARGET_PEAK_MB)
        target(f"the page within its {TARGET_PAGE_MB:.0f} MB budget at {top} MB: {page_mb:.1f} MB",
               page_mb <= TARGET_PAGE_MB)
    peaks = [by[(s, "local --jobs 2")].peak_mb for s in sizes if (s, "local --jobs 2") in by]
    if len(peaks) > 1:
        growth = max(peaks) / min(peaks) - 1
        target(f"peak PSS flat within {TARGET_FLAT:.0%} over {', '.join(map(str, sizes))} MB (--jobs 2): "
               f"{' / '.join(f'{p:.0f}' for p in peaks)} MB, largest {growth:+.0%} over smallest",
               growth <= TARGET_FLAT)
    dk = by.get((top, "dask --jobs 2"))
    if dk and j2:
        target(f"dask within {TARGET_DASK}x of --jobs 2 at {top} MB: {dk.seconds:.1f} s = "
               f"{dk.seconds / j2.seconds:.2f}x", dk.seconds / j2.seconds <= TARGET_DASK)
    target("every run's counts file byte-identical", identical)
    print(f"targets met: {sum(bool(v) for v in verdicts)} of {len(verdicts)}")


if __name__ == "__main__":
    main()
