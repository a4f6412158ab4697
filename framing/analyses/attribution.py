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
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from ..errors import LexiconError, Problem
from ..lexicon import bundled_dir, load_lexicon, resolve
from ..matcher import compile_forms
from ..model import Corpus, Lexicon
from ..quotes import quote_spans
from ..sentences import sentence_starts
from ..text import term_key

COLUMNS = ("doc_id", "group", "speaker", "verb", "verb_class", "start", "end", "sentence")
TABLE_COLUMNS = ("group", "speaker", "verb_class", "count")
VERBS_FILE = "verbs.yaml"
REQUIRED_CLASSES = ("neutral", "distancing")

# --- the verb file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbClass:
    name: str
    verbs: tuple[str, ...]  # base forms
    note: str | None = None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerbClasses:
    """The reporting verbs: classes, and each surface form's (base, class, kind)."""

    classes: tuple[VerbClass, ...]
    forms: dict[str, tuple[str, str, str]]  # form (lower case, capitalised, capitals) -> (base, class, kind)
    exceptions: dict[str, tuple[str, ...]]  # base -> phrases in which its forms do not count
    path: str | None = None
    _scanner: re.Pattern[str] = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    _at_start: re.Pattern[str] = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    _exception_rx: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)  # by form
    _exception_reach: int = field(default=0, repr=False, compare=False)  # characters an exception spans

    def verb_class(self, verb: str) -> str | None:
        """The class of a base form or any inflection (`claimed` -> distancing), or None."""
        entry = self.forms.get(" ".join(verb.lower().split()))
        return entry[1] if entry else None


def _kind(form: str, base: str) -> str:
    """How a form is used: `phrase` (the speaker follows: according to), `ing`, `base`, `pres`, `past`."""
    words = form.split()
    if len(base.split()) > 1 and base.split()[-1] in {"to", "of", "by"}:
        return "phrase"
    head = words[0]
    if head.endswith("ing") and head != base.split()[0]:
        return "ing"
    if head == base.split()[0]:
        return "base"
    if head.endswith("s") and not head.endswith("ss"):
        return "pres"
    return "past"


def _trie(words: list[str]) -> str:
    """One regex alternation for `words`, shaped as a trie (a space matches any whitespace)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # the end of a word last: at any start the longest form wins
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(root)


def _from_lexicon(lexicon: Lexicon) -> VerbClasses:
    forms: dict[str, tuple[str, str, str]] = {}
    exceptions: dict[str, tuple[str, ...]] = {}
    classes = []
    for category in lexicon.categories:
        for term in category.terms:
            base = " ".join(term.term.lower().split())
            for form in term.forms:
                key = " ".join(form.lower().split())
                forms[key] = (base, category.name, _kind(key, base))
            if term.exceptions:
                exceptions[base] = term.exceptions
        classes.append(VerbClass(category.name, tuple(" ".join(t.term.lower().split()) for t in category.terms),
                                 category.note, category.references))
    # Every form as it is looked up: lower case, capitalised, capitals (the scanner finds these).
    lookup = {}
    for key, entry in forms.items():
        for surface in (key, key[:1].upper() + key[1:], key.upper()):
            lookup.setdefault(surface, entry)
    # "state" and "states" count only before "that" (the rules say so too): in the scanner, the
    # thousands of "United States" and "the state" never reach Python.
    free = sorted(k for k, (b, _, kd) in lookup.items() if not (b in _NEEDS_THAT and kd in ("base", "pres")))
    bound = sorted(set(lookup) - set(free))
    trie = _trie(free) if not bound else "(?:" + _trie(free) + "|" + _trie(bound) + r"(?=\s+that\b))"
    # The character before a form is consumed (a space, a quotation mark, a bracket...): a search
    # that must first find one of a few characters runs several times faster than one tried at
    # every position. A form at the very start of a text is found by `_at_start`; a form joined
    # to a word by a hyphen ("self-reported", "say-so") is not a reporting verb.
    scanner = re.compile(r"[\s\"'(\[/\u2014](" + trie + r")(?![\w-])")
    at_start = re.compile(r"(" + trie + r")(?![\w-])")
    # Exceptions are looked for only around forms they contain ("have a say": say, not said).
    exception_rx: dict[str, re.Pattern[str]] = {}
    for surface, (base, _, _) in lookup.items():
        phrases = [p for p in exceptions.get(base, ()) if re.search(
            r"(?<!\w)" + re.escape(" ".join(surface.lower().split())) + r"(?!\w)", term_key(p))]
        if phrases:
            exception_rx[surface] = compile_forms(phrases)
    # An exception's words may be separated by any run of spaces: read generously around the hit.
    reach = 2 * max((len(p) for ps in exceptions.values() for p in ps), default=0) + 8
    return VerbClasses(tuple(classes), lookup, exceptions, lexicon.path, scanner, at_start, exception_rx, reach)


def _term_lines(path: Path) -> dict[tuple[str, str], int]:
    """(category, lower-cased term) -> line, read from the YAML nodes (for problems found after loading)."""
    lines: dict[tuple[str, str], int] = {}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return lines
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, cats in root.value:
        if key.value != "categories" or not isinstance(cats, yaml.SequenceNode):
            continue
        for cat in cats.value:
            if not isinstance(cat, yaml.MappingNode):
                continue
            fields = {k.value: v for k, v in cat.value}
            name = fields.get("name")
            terms = fields.get("terms")
            if not isinstance(name, yaml.ScalarNode) or not isinstance(terms, yaml.SequenceNode):
                continue
            for node in terms.value:
                term = node
                if isinstance(node, yaml.MappingNode):
                    term = {k.value: v for k, v in node.value}.get("term")
                if isinstance(term, yaml.ScalarNode):
                    lines[(name.value.strip(), term.value.strip().lower())] = node.start_mark.line + 1
    return lines


def load_verb_classes(path: str | Path | None = None) -> VerbClasses:
    """The reporting verbs and their classes, from `path` or the bundled `lexicons/verbs.yaml`.

    `path` may also be a name, as for lexicons: `"verbs"` is `./lexicons/verbs.yaml` when that
    local copy exists (`framing lexicons copy verbs` makes one) and the bundled file otherwise.

    The file is a lexicon (lexicons/README.md): each category a class, each term a verb in its
    base form with its inflections as variants, and exceptions as phrases in which the verb does
    not count. Everything is read as text. Beyond the lexicon checks, the classes `neutral` and
    `distancing` must be present, a form may not use '*' (write each inflection out) and
    `case_sensitive` is not used. Every problem is raised at once as a `LexiconError`.
    """
    file = resolve(path) if path is not None else bundled_dir() / VERBS_FILE
    lexicon = load_lexicon(file)
    lines = _term_lines(file) if file.suffix.lower() in {".yaml", ".yml"} else {}
    problems = []
    for category in lexicon.categories:
        for term in category.terms:
            line = lines.get((category.name, term.term.lower()))
            if any("*" in form for form in term.forms):
                problems.append(Problem(str(file), f"verb {term.term!r} (class {category.name!r}) uses '*': write each "
                                                   "inflection out as a variant (say: says, said, saying)", line))
            if term.case_sensitive:
                problems.append(Problem(str(file), f"verb {term.term!r} (class {category.name!r}) is marked "
                                                   "case_sensitive, which verbs do not use: remove it", line))
    names = {c.name for c in lexicon.categories}
    for required in REQUIRED_CLASSES:
        if required not in names:
            problems.append(Problem(str(file), f"no class named {required!r}: the verb file needs the classes "
                                               f"{' and '.join(REQUIRED_CLASSES)} (it may add others)", 1))
    if problems:
        raise LexiconError(sorted(problems, key=lambda p: p.line or 0))
    return _from_lexicon(lexicon)


_DEFAULT: list[VerbClasses] = []


def _default_verbs() -> VerbClasses:
    if not _DEFAULT:
        _DEFAULT.append(load_verb_classes())
    return _DEFAULT[0]


# --- word lists ----------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?:[A-Z]\.)+"  # U.S., U.N., the initial of David H. Petraeus
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Cpl|Rev|St|Jr|Sr|Pres)\."
    r"|\w+(?:[-'.]\w+)*'?"
    r"|[^\w\s]"
)


def _words(s: str) -> set[str]:
    return set(s.split())


_DETS = _words("the a an this that these those")
_POSS = _words("his her its their our my your")
_QUANT = _words("some any no every each such many several other another both all most few")
_NUMBERS = _words("one two three four five six seven eight nine ten dozens hundreds thousands")
_SPEAKER_WORDS = _words("he she they it we i you some many others several few most one")  # a speaker on its own
_BE = _words("is are was were be been being")
_AUX = _BE | _words("has have had having will would could can may might must shall should did does do")
_NEG = _words("not never cannot no")
_DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_MONTHS = _words("january february march april june july august september october november december")
_ADVERBS = _words(
    "also later earlier previously repeatedly again often long already once separately then recently publicly "
    "privately falsely wrongly initially first still now further immediately quickly reportedly officially "
    "openly explicitly simply just even subsequently ultimately finally formally widely consistently yesterday "
    "today tonight variously flatly strongly vehemently angrily firmly categorically emphatically quietly "
    "loudly himself herself themselves itself only last week month year weekend night morning evening "
    "afternoon on") | _DAYS  # with "on", "last" and the days: "Israel on Monday said", "Hamas last week claimed"
_NOT_ADVERBS = _words("family assembly anomaly monopoly homily italy rally ally supply reply")
_NP_PREPS = _words("of for in at from with to")  # may stand inside a speaker's phrase
_STOPS = _words(
    "that which who whom whose and or but while as because when after before if though although since where "
    "whereas until so than then also nor yet whether how what why however meanwhile by neither according") | _AUX
_FWD_STOP = _STOPS | _DAYS | _MONTHS | _words(
    "on at after before during to said says told more fewer than about nearly almost over around some least in "
    "amid despite earlier later not this last yesterday today tonight its his her their")
_LEADERS = _words(
    "on in at after before during however meanwhile earlier later separately since following despite amid asked "
    "speaking for with by under yesterday today last but and also still instead nevertheless overnight then now "
    "when while as although though if in")
_IRREGULAR_PAST = _words(
    "said told made gave took sent put set left held began won lost met ran struck hit saw came went got kept "
    "brought found thought wrote spoke rose fell shot fought led sought drew threw broke chose drove stood sold "
    "spent built paid laid meant cut let became")
_RELATIVE = _words("who which whose whom")
# Before claim(s), report(s), estimate(s), state(s): words that make them nouns.
_NOUN_BEFORE = _DETS | _POSS | _QUANT | _NUMBERS | _BE | _words(
    "false new unsubstantiated unverified unconfirmed conflicting media news press insurance initial earlier "
    "latest local official recent multiple further previous first similar separate competing dubious baseless "
    "wild contested disputed annual final preliminary independent intelligence police of there by in on for to "
    "with from about against over rival government's")
# After claim(s), report(s), estimate(s): words that make them nouns. A verb agreeing with a
# singular subject follows a singular noun ("the report says"), a plural verb a plural noun ("reports
# say"); "Turkey claims is a recording" is the verb.
_NOUN_AFTER = _words(
    "of about from by will would could can may might had suggested showed indicated emerged circulated varied "
    "ranged published released put suggesting said")
_NOUN_AFTER_SINGULAR = _NOUN_AFTER | _words("is was has says suggests shows indicates")
_NOUN_AFTER_PLURAL = _NOUN_AFTER | _words("are were have say suggest show indicate vary range")
_SAY_NOUN_BEFORE = _DETS | _POSS | _words(
    "no any final more greater equal real last full little much bigger meaningful direct decisive")
_NOUNABLE = _words("say claim report estimate state")
_NEEDS_THAT = _words("state")  # in the base form and the -s form, a verb only before "that"
_PAST_ADJ_BEFORE = _DETS | _POSS | _QUANT | _NUMBERS | _words(
    "of for with over about against into on in from by under among newly unconfirmed latest last first new recent "
    "previous other widely much so-called purported")
_ALLEGED_NEXT = _DETS | _POSS | _words("that to he she they it we i you")
_DENY_OBJECTS = _words("entry access permission permits permit visas visa bail passage treatment food water aid "
                       "fuel justice parole exit")
_REDUCED_PASSIVE = _words("report estimate confirm")
_NO_INFINITIVE = _words("say report allege estimate state")  # "said to be" can only be a passive
_REDUCED_BEFORE = _words("with amid after despite of over by following including and")
_CLAUSE_NEXT = _words("that he she they it we i there")
_SPEECH_NEXT = _words('that " :')
_SPEECH_EVENTS = _words("statement letter conference report message tweet post video interview release speech "
                        "note email cable briefing announcement communique")  # "a statement saying ..."
_COORDINATION = _words("and but")
_PARTICIPLE_AFTER = _words(', "')
_GO_ON = _words("went go goes going gone")
_OPENING_CONJUNCTIONS = _words("but and yet so")
_SPEECH_ING = _words("say claim allege insist maintain contend deny confirm acknowledge admit warn state")
_NOT_SPEAKERS = _words("plan plans schedule script tradition custom law laws rules protocol procedure")
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|i|ern|can)$")
_NATIONALITIES = _words("Arab French Dutch Greek Thai British German Western Eastern Soviet Swiss Welsh Scottish "
                        "Irish Afghan Pakistani Kurdish Houthi")
_INVERSION_AFTER = _words('" , : ; ( \u2014 \' . ! ?')
_ENDS = _words(". ! ?")
_CLAIM_ENDS = _words(". ! ? ) ;")
_BRACKET_BREAKS = _words('" ; : ( ) \u2014 . ! ?')
_SENSES = _words("maintain contend admit deny claim report")
_MAINTAIN_NEXT = _words('that " :') | _words("he she they it we i you some many others several few most one there")
_LIVES = _words("lives life")
_INVERTED_PRONOUNS = _words("he she they")
_RELATIVE_BARE = _words("who which")
_NEGATING = _words("neither nor nobody none no")  # before or at the start of a speaker: nobody said it
_AFTER_INVERSION = _DAYS | _NP_PREPS | _words(
    "on in at after before during last this yesterday today tonight earlier later when while as who which whose and "
    "but according")
_DET_POSS = _DETS | _POSS
_DET_POSS_QUANT = _DETS | _POSS | _QUANT
_NOT_CONTENT = _DETS | _POSS | _QUANT | _NP_PREPS | _STOPS | _SPEAKER_WORDS
_TIME = _DAYS | _MONTHS
_STOP_DET = _STOPS | _DETS
_OPENING_PREPS = _NP_PREPS | _words("on after during")
_TRAILING = _NP_PREPS | _DETS | _POSS | _words("and")


def _nationality(tok: str) -> bool:
    return tok in _NATIONALITIES or bool(_NATIONALITY.match(tok))


def _past_verb(tok: str) -> bool:
    return tok.islower() and (tok in _IRREGULAR_PAST or tok.endswith("ed"))


def _negative(low: str) -> bool:
    return low in _NEG or low.endswith("n't")


def _adverb(low: str) -> bool:
    return low in _ADVERBS or (len(low) > 5 and low.endswith("ly") and low not in _NOT_ADVERBS)


def _valid(words: list[str]) -> bool:
    """Whether a phrase can name a speaker: a content word, or a pronoun standing alone."""
    if not words or words[0].lower() in _NEGATING:
        return False
    last = words[-1].lower()
    if len(words) == 1 and last in _SPEAKER_WORDS:
        return True
    if last in _NP_PREPS:
        return False
    for word in words:
        low = word.lower()
        if low not in _NOT_CONTENT and low not in _TIME and low not in _ADVERBS:
            return True
    return False


# --- speaker phrases ----------------------------------------------------------------------------
#
# Each reader returns (words, touched): `touched` when it ran into the first token it was given,
# so that a caller holding a cut-off window can read again with a wider one.

def _backward(tokens: list[str], end: int | None = None) -> tuple[list[str], bool]:
    """The noun phrase that ends at tokens[end - 1] (up to 8 words)."""
    i = (len(tokens) if end is None else end) - 1
    words: list[str] = []
    after_det = False
    while len(words) < 8:
        if i < 0:
            break
        tok = tokens[i]
        low = tok.lower()
        if not tok[:1].isalnum():
            break
        if after_det:
            # A determiner begins a phrase, unless a preposition inside a longer one comes before it.
            if low in _NP_PREPS and i > 0 and tokens[i - 1][:1].isalnum() and tokens[i - 1].lower() not in _STOPS:
                words.append(tok)
                after_det = False
                i -= 1
                continue
            break
        if low in _STOPS:
            if (low == "and" and words and words[-1][:1].isupper() and i > 0 and tokens[i - 1][:1].isupper()
                    and tokens[i - 1].lower() not in _STOPS):
                words.append(tok)
                i -= 1
                continue
            break
        if low in _NP_PREPS:
            if not words or i == 0 or not tokens[i - 1][:1].isalnum() or tokens[i - 1].lower() in _STOP_DET:
                break
            if low == "to" and not (words[-1][:1].isupper() or words[-1].lower() in _DET_POSS
                                    or words[-1][:1].isdigit()):
                break  # "adviser to the prime minister", not "unable to independently verify"
        if low in _DAYS and not words:
            break
        if _past_verb(tok) and not (i > 0 and tokens[i - 1].lower() in _DET_POSS):
            break  # "the report showed medicines said": a verb ends the phrase ("the elected officials" does not)
        words.append(tok)
        after_det = low in _DET_POSS
        i -= 1
    touched = i <= 0  # ran out of tokens, or stopped at the first one, perhaps for want of the one before
    words.reverse()
    while words and words[0].lower() in _STOPS:
        words = words[1:]
    # An opening preposition and its object are not the speaker ("In Gaza officials said").
    if words and words[0].lower() in _OPENING_PREPS:
        k = 1
        while k < len(words) - 1 and words[k][:1].isupper():
            k += 1
        words = words[k:]
    while words and (words[0].lower() in _TIME or _adverb(words[0].lower())):
        words = words[1:]
    return words, touched


def _forward(tokens: list[str], start: int = 0) -> list[str]:
    """The noun phrase that begins at tokens[start] (up to 8 words)."""
    words: list[str] = []
    n = len(tokens)
    for k in range(start, min(n, start + 12)):
        tok = tokens[k]
        low = tok.lower()
        if not tok[:1].isalnum():
            break
        if low in _FWD_STOP:
            follows = tokens[k + 1] if k + 1 < n else ""
            place = follows[:1].isupper() and follows.lower() not in _TIME
            if low == "in" and words and place:
                words.append(tok)
                continue
            if low == "and" and words and place and words[-1][:1].isupper():
                words.append(tok)
                continue
            if not (low in _DET_POSS_QUANT and not words):  # "according to some estimates"
                break
        if tok[0].isdigit() and words and words[-1].lower() not in _DETS:
            break
        words.append(tok)
        if len(words) >= 8:
            break
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return words


def _bracket(left: list[str]) -> tuple[list[str], bool]:
    """For `X, <bracket>,` before a verb: X, when the bracket is a relative clause, an apposition
    or an aside ("Mark Regev, a senior adviser, said"; "the rebels, however, deny")."""
    j = len(left) - 2
    while j >= 0 and left[j] != ",":
        if left[j] in _BRACKET_BREAKS and not (left[j] == "." and left[j + 1] == ","):  # "Sen. X, R-Ariz., said"
            return [], False
        j -= 1
    if j < 0:
        return [], True
    segment = left[j + 1:-1]
    if not segment or len(segment) > 25:
        return [], False
    words, touched = _backward(left, j)
    # Two brackets ("Soeren Kern, an analyst at the institute, which tracks ..., said"): the
    # phrase found is itself an apposition when a comma comes before it.
    # A name before it is the speaker ("Senator Saxby Chambliss, Republican of Georgia, who ...").
    start = j - len(words)
    if words and start > 1 and left[start - 1] == ",":
        outer, touched_outer = _backward(left, start - 1)
        before = start - 1 - len(outer)
        if (_valid(outer) and outer[0][:1].isupper() and outer[0].lower() not in _DET_POSS
                and (before <= 0 or left[before - 1].lower() not in _LEADERS)
                and (words[0].lower() in _DET_POSS or words[0][:1].islower() or segment[0].lower() in _RELATIVE)):
            return outer, touched_outer
        touched = touched or touched_outer
    return words, touched


def _clause_subject(tokens: list[str]) -> list[str]:
    """The subject of the clause the tokens begin: the words up to its first verb (a guess)."""
    i, n = 0, len(tokens)
    if n and tokens[0].lower() in _OPENING_CONJUNCTIONS:
        i = 1
    if i < n and tokens[i] == '"':
        close = next((k for k in range(i + 1, n) if tokens[k] == '"'), None)
        if close is None:
            return []
        i = close + 1
        if i < n and tokens[i] == ",":
            i += 1
    if i < n:
        first = tokens[i].lower()
        for k in range(i, min(n, i + 10)):
            if tokens[k] == ",":
                if first in _LEADERS or first.endswith("ing") or _adverb(first):
                    i = k + 1
                break
            if not tokens[k][:1].isalnum():
                break
    words: list[str] = []
    for k in range(i, n):
        tok = tokens[k]
        low = tok.lower()
        if not tok[:1].isalnum() or low in _AUX or low in _IRREGULAR_PAST or low in _STOPS:
            break
        if tok.islower() and low.endswith("ed") and not (words and words[-1].lower() in _DET_POSS):
            break
        if words and _adverb(low):
            continue  # "He even threatened Israel, claiming"
        words.append(tok)
        if len(words) >= 8:
            break
    return words if _valid(words) else []


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


# --- tables --------------------------------------------------------------------------------------

_LEADING_DET = re.compile(r"^(?:(?:the|a|an|this|that|these|those)\s+)+", re.IGNORECASE)
_PRONOUNS = ("he", "she", "they", "it", "we", "i", "you", "him", "her", "them")


def normalize_speaker(speakers: pd.Series) -> pd.Series:
    """Speakers as compared across rows: lower-cased, spaces collapsed, leading determiners
    dropped ("The Health Ministry" -> "health ministry"). Vectorised; takes and returns a Series."""
    s = speakers.astype("string").str.lower().str.split().str.join(" ")
    return s.str.replace(_LEADING_DET, "", regex=True)


def attribution_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Counts per group, speaker (normalised) and verb class: group, speaker, verb_class, count.

    Sorted by group, then by the speaker's total in the group (largest first), then class.
    """
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else "object") for c in TABLE_COLUMNS})
    keyed = rows.assign(speaker=normalize_speaker(rows["speaker"]))
    table = keyed.groupby(["group", "speaker", "verb_class"], sort=False).size().rename("count").reset_index()
    total = table.groupby(["group", "speaker"])["count"].transform("sum")
    table = table.assign(_total=total).sort_values(["group", "_total", "speaker", "verb_class"],
                                                   ascending=[True, False, True, True], kind="stable")
    return table.drop(columns="_total").reset_index(drop=True)[list(TABLE_COLUMNS)]


@dataclass(frozen=True)
class Asymmetry:
    """`speakers`: per group and speaker, n attributions, n_distancing, n_neutral, share_distancing,
    share_neutral (most distanced first). `pairs`: per group, each speaker whose share of distancing
    verbs exceeds by at least `threshold` that of the group's least distanced speaker (the one with
    the lowest share, and of those the most attributions), both with at least `min_n` attributions:
    group, more_distanced, less_distanced, share_more, share_less, n_more, n_less, difference. One
    row per distanced speaker, so the table stays as long as the list of speakers."""

    speakers: pd.DataFrame
    pairs: pd.DataFrame

    @property
    def groups(self) -> list[str]:
        """The groups in which some speaker is distanced much more than another."""
        return list(dict.fromkeys(self.pairs["group"]))


def attribution_asymmetry(rows: pd.DataFrame, *, threshold: float = 0.5, min_n: int = 2,
                          include_pronouns: bool = False) -> Asymmetry:
    """Which speakers a group gives distancing verbs and which neutral ones (see `Asymmetry`).

    Pronouns ("he", "they") are left out unless `include_pronouns`: they stand for different
    people in different articles. Rows without a speaker never occur (`attributions` drops them).
    """
    keyed = rows.assign(speaker=normalize_speaker(rows["speaker"])) if not rows.empty else rows
    if not include_pronouns and not keyed.empty:
        keyed = keyed[~keyed["speaker"].isin(_PRONOUNS)]
    spk_cols = ["group", "speaker", "n", "n_distancing", "n_neutral", "share_distancing", "share_neutral"]
    pair_cols = ["group", "more_distanced", "less_distanced", "share_more", "share_less", "n_more", "n_less",
                 "difference"]
    if keyed.empty:
        return Asymmetry(pd.DataFrame(columns=spk_cols), pd.DataFrame(columns=pair_cols))
    flags = keyed.assign(n_distancing=(keyed["verb_class"] == "distancing").astype("int64"),
                         n_neutral=(keyed["verb_class"] == "neutral").astype("int64"))
    speakers = flags.groupby(["group", "speaker"], sort=False).agg(
        n=("verb_class", "size"), n_distancing=("n_distancing", "sum"), n_neutral=("n_neutral", "sum")).reset_index()
    speakers["share_distancing"] = speakers["n_distancing"] / speakers["n"]
    speakers["share_neutral"] = speakers["n_neutral"] / speakers["n"]
    speakers = speakers.sort_values(["group", "share_distancing", "n", "speaker"],
                                    ascending=[True, False, False, True], kind="stable").reset_index(drop=True)
    enough = speakers.loc[speakers["n"] >= min_n, ["group", "speaker", "share_distancing", "n"]]
    least = (enough.sort_values(["group", "share_distancing", "n", "speaker"], ascending=[True, True, False, True],
                                kind="stable").drop_duplicates("group"))
    pairs = enough.merge(least, on="group", suffixes=("_a", "_b"))
    pairs = pairs[pairs["share_distancing_a"] - pairs["share_distancing_b"] >= threshold - 1e-12]
    pairs = pd.DataFrame({
        "group": pairs["group"], "more_distanced": pairs["speaker_a"], "less_distanced": pairs["speaker_b"],
        "share_more": pairs["share_distancing_a"], "share_less": pairs["share_distancing_b"],
        "n_more": pairs["n_a"], "n_less": pairs["n_b"],
        "difference": pairs["share_distancing_a"] - pairs["share_distancing_b"],
    }).sort_values(["group", "difference", "more_distanced", "less_distanced"],
                   ascending=[True, False, True, True], kind="stable").reset_index(drop=True)
    return Asymmetry(speakers[spk_cols], pairs[pair_cols])
