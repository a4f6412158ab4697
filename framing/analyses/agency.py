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
of `framing.sentences.sentence_spans`, computed on a window around each hit and widened until
the sentence's boundaries lie inside it (the same spans as on the whole text, checked on every
hit of the AllSides articles), or on the whole text when hits are dense. No tagger, no
downloaded data: word lists and the shape of the few tokens around each verb.
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
- Speed: 24 MB/s on one core on the AllSides Middle East articles (benchmarks/bench_agency.py).

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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import pandas as pd

from ..model import Corpus
from ..sentences import sentence_spans

CONSTRUCTIONS = ("active", "passive_agent", "passive_agentless", "intransitive", "nominal")
AGENTLESS = ("passive_agentless", "intransitive", "nominal")
COLUMNS = ["doc_id", "group", "verb", "construction", "agent", "start", "end", "sentence"]

# ---------------------------------------------------------------------------------------------
# Word forms. kind: ed (participle or past of a transitive verb), base, s (3rd person), ing,
# nb (noun or verb base: murder), ns (noun plural or verb 3rd person: murders), noun, death,
# dead, toll, die (intransitive finite), dying, lose (lost their lives), shot, shooting, kill.
_FORMS: dict[str, tuple[str, str]] = {
    "kill": ("kill", "kill"), "kills": ("kill", "s"), "killed": ("kill", "ed"), "killing": ("kill", "ing"),
    "killings": ("kill", "noun"),
    "die": ("die", "die"), "dies": ("die", "die"), "died": ("die", "die"), "dying": ("die", "dying"),
    "dead": ("die", "dead"), "death": ("die", "death"), "deaths": ("die", "noun"),
    "shoot": ("shoot", "base"), "shoots": ("shoot", "s"), "shot": ("shoot", "shot"),
    "shooting": ("shoot", "shooting"), "shootings": ("shoot", "noun"),
    "wounded": ("wound", "ed"), "wounding": ("wound", "ing"),
    "injure": ("injure", "base"), "injures": ("injure", "s"), "injured": ("injure", "ed"),
    "injuring": ("injure", "ing"),
    "perish": ("perish", "die"), "perishes": ("perish", "die"), "perished": ("perish", "die"),
    "perishing": ("perish", "dying"),
    "starve": ("starve", "base"), "starves": ("starve", "s"), "starved": ("starve", "ed"),
    "starving": ("starve", "ing"), "starvation": ("starve", "noun"),
    "massacre": ("massacre", "nb"), "massacres": ("massacre", "ns"), "massacred": ("massacre", "ed"),
    "massacring": ("massacre", "ing"),
    "slaughter": ("slaughter", "nb"), "slaughters": ("slaughter", "ns"), "slaughtered": ("slaughter", "ed"),
    "slaughtering": ("slaughter", "ing"),
    "murder": ("murder", "nb"), "murders": ("murder", "ns"), "murdered": ("murder", "ed"),
    "murdering": ("murder", "ing"),
    "toll": ("toll", "toll"), "tolls": ("toll", "toll"),
    "casualty": ("casualty", "noun"), "casualties": ("casualty", "noun"),
    "fatality": ("fatality", "noun"), "fatalities": ("fatality", "noun"),
    "slay": ("slay", "base"), "slays": ("slay", "s"), "slain": ("slay", "ed"), "slaying": ("slay", "ing"),
    "slayings": ("slay", "noun"),
    "butchered": ("butcher", "ed"), "butchering": ("butcher", "ing"),
    "assassinate": ("assassinate", "base"), "assassinates": ("assassinate", "s"),
    "assassinated": ("assassinate", "ed"), "assassinating": ("assassinate", "ing"),
    "assassination": ("assassinate", "noun"), "assassinations": ("assassinate", "noun"),
}


def _trie(words: Sequence[str]) -> str:
    """One regular expression for many words, as a trie: the engine never tries the same prefix twice."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        parts = [re.escape(k) + build(node[k]) for k in sorted(k for k in node if k)]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)


_MULTIWORD = ["death toll", "death tolls", "loss of life", "loss of lives", "losses of life", "losses of lives",
              *(f"{v} {p} {life}" for v in ("lost", "lose", "loses", "losing")
                for p in ("their", "his", "her", "its", "our", "my", "your") for life in ("life", "lives"))]
# The first character is a boundary (space, newline, quote, bracket, slash, dash): the engine
# skips to those in C. Matched on " " + the lower-cased text.
_CANDIDATE = re.compile(r"[\s\"'(\[/—](" + _trie([*_FORMS, *_MULTIWORD]) + r")(?![\w-])")
# Tokens: numbers with separators (65,208), words with inner hyphens and apostrophes (Hamas-run,
# Israel's), initials and a few abbreviations with their full stop (U.S., Mr., Oct.), a plural
# possessive's apostrophe (Hamas'), and any other character alone.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['-]\w+)*(?:(?<=\b[A-Z])\.(?:[A-Za-z]\.)*|(?<=\b(?:Mr|Dr|Ms|Lt|St))\."
                    r"|(?<=\b(?:Mrs|Gen|Col|Sgt|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\."
                    r"|(?<=\b(?:Capt|Prof|Sept))\.|(?<=[sS])'(?=\s))?|[^\w\s]")

# "X to death": participles that make a casualty clause, with their base form.
_TO_DEATH = {
    "beaten": "beat", "stabbed": "stab", "burned": "burn", "burnt": "burn", "crushed": "crush",
    "hacked": "hack", "bludgeoned": "bludgeon", "stoned": "stone", "tortured": "torture",
    "frozen": "freeze", "choked": "choke", "trampled": "trample", "strangled": "strangle",
    "clubbed": "club", "battered": "batter", "kicked": "kick", "lynched": "lynch", "put": "put",
    "bled": "bleed", "hanged": "hang", "shelled": "shell", "bombed": "bomb", "gunned": "gun",
}

_BE = frozenset("am is are was were be been being get gets got gotten getting 're".split())
_HAVE = frozenset("have has had 've 'd having".split())
_MODAL = frozenset("will would could can may might must shall should 'll did do does didn't don't doesn't won't "
                   "can't cannot couldn't wouldn't shouldn't".split())
_ADVERB = frozenset("also reportedly allegedly already all both each just later then ever never not n't still "
                    "subsequently previously apparently even mostly mainly either too again first once recently "
                    "now soon nearly almost allegedly purportedly ultimately eventually since far so".split())
_CONTROL = frozenset("vowed vow vows threatened threaten threatens tried try tries trying wants want wanted plans "
                     "plan planned planning sought seek seeks continues continue continued continuing attempted "
                     "attempts attempt intended intends intend aims aim aimed began begin begins started start "
                     "starts used going promised promises pledged pledges refused decided set sets seemed seems "
                     "appeared appears tend tends meant means needed needs able unable likely about managed manages "
                     "failed fails".split())
_LEFT_STOP = frozenset(
    "said says say saying told tells reported reports reporting that which who whom whose when where while "
    "whereas as after before because since if unless although though and but or nor so than according claimed "
    "claims added adds stated states noted notes warned warns believe believes believed think thinks thought "
    "alleged alleges insisted insists confirmed confirms denied denies is are was were be been being has have "
    "had will would could can may might must should shall do does did to with amid despite including like "
    "there here how why what whether until once yet thus however meanwhile announced announces estimated "
    "estimates suggested suggests showed shows show".split())
_LEAD_PREP = frozenset("on in at during since throughout over across from".split())
_LEAD_WORD = frozenset("overnight earlier later yesterday today tonight meanwhile separately elsewhere also then "
                       "now last this".split())
_DET = frozenset("a an the this that these those such any no every each another".split())
_NOMINAL_LEFT = _DET | frozenset(
    "mass targeted deliberate indiscriminate extrajudicial brutal senseless wanton continued ongoing systematic "
    "alleged recent latest apparent possible revenge honor honour police drive-by school fatal deadly random "
    "their his her its our my your of mob ritual cold-blooded horrific gruesome".split())
_IRREGULAR_PAST = frozenset(
    "hit struck shot led took made began fought threw blew drove ran went came sent brought set put held left "
    "broke overran swept tore opened fired launched pounded bombarded shelled stormed raided attacked "
    "targeted rained".split())
_ED_ADJECTIVE = frozenset("armed masked suspected alleged unidentified so-called united unnamed "
                          "unarmed hundred".split())
_ING_NOUN = frozenset("bombing shelling shooting fighting uprising building bombings shootings killing "
                      "killings".split())
_QUANTITY = frozenset("at least more than about nearly almost some up to over another other others many dozens "
                      "hundreds thousands scores dozen hundred thousand people civilians more fewer around "
                      "roughly approximately an additional a further".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                          "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred "
                          "dozens hundreds thousands scores millions several".split())
_OBJECT_START = frozenset("a an the these those his her their its our my your him them us me you himself herself "
                          "themselves itself everyone anyone someone somebody everybody people all both each "
                          "several many some no any at more nearly about almost up over another this".split())
_NOT_OBJECT = frozenset(
    "in on at by during since after before when while as and or but with without over near inside outside across "
    "amid from to for so than said says according yesterday today tonight overnight instantly immediately there "
    "here too also alone together outright ago recently earlier later last this that which who where because "
    "if until under into onto through throughout despite following including among between along around "
    "nearby then again too within upon per almost nearly only mostly".split())
_TIME = frozenset("week weekend month year day days morning afternoon evening night time year's week's "
                  "summer winter spring autumn fall past".split())
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. "
    "monday tuesday wednesday thursday friday saturday sunday the a an".split())
_ACTOR = frozenset(
    "soldier soldiers troops forces force army military militaries police policemen officers settler settlers "
    "militants militant gunmen gunman fighters fighter sniper snipers terrorists terrorist militia militias "
    "militiamen jihadists insurgents rebels attackers attacker assailant assailants regime government navy "
    "jets warplanes commandos guards guard paratroopers marines tanks gangs gang mob".split())
_INSTRUMENT = frozenset(
    "strike strikes airstrike airstrikes raid raids attack attacks bombing bombings bombardment bombardments "
    "shelling fire gunfire rocket rockets missile missiles drone drones explosion explosions blast blasts "
    "assault offensive operation operations shooting shootings ambush incursion incursions war campaign siege "
    "invasion onslaught retaliation counteroffensive barrage bomb bombs shell shells mortar mortars grenade "
    "grenades violence rampage massacre crossfire fighting hostilities onslaughts bullets bullet "
    "shrapnel".split())
_INSTRUMENT_PREP = frozenset("in during under from after following amid when as".split())
_BY_NOT = frozenset(
    "then now far contrast comparison accident mistake chance default design suicide name nightfall dawn noon "
    "midnight midday morning evening afternoon night tonight today tomorrow yesterday early late itself "
    "themselves himself herself some one most hand car air sea land foot boat year year-end lethal far".split())
_BY_NOT_AFTER_DET = frozenset("time end dozen dozens hundreds thousands score scores way hour day week month year "
                              "weekend evening morning afternoon night numbers".split())
_RIGHT_STOP = frozenset(
    "in on at near during since after before when while as but or that which who whom said says according to "
    "from with for amid over last this is are was were has have had will would could can may might "
    "including bringing raising taking leaving while whereas because if where into onto outside inside near "
    "across along around behind beyond through throughout toward towards against between among under via "
    "despite within".split())
_SCAN_STOP = frozenset("said says according but who which whom that where including bringing raising taking "
                       "while whereas because if".split())
_CLAUSE_STOP = frozenset("said says told reported that according".split())
_INTRO = frozenset("on in at during after before late early earlier overnight since meanwhile separately elsewhere "
                   "last this yesterday today according as when while despite amid following".split())
_FILM = frozenset("film films video videos footage scene scenes photo photos photograph photographs picture "
                  "pictures movie movies documentary episode episodes commercial hoops baskets pool".split())
_KILL_NOT = frozenset("bill bills deal deals proposal proposals plan plans legislation measure measures story time "
                      "engine lights process idea momentum talks project amendment program programme buzz mood "
                      "chances hopes hope appetite rumors rumours motion switch chain list zone box count ratio "
                      "shot".split())
_DEATH_NOT = frozenset("penalty penalties row sentence sentences threat threats squad squads wish metal knell "
                       "spiral trap star valley warrant warrants".split())
_ABSTRACT = frozenset("process peace deal talks negotiations ceasefire truce plan dream dreams hope hopes idea "
                      "democracy industry journalism newspapers print agreement accord accords solution party "
                      "movement era economy diplomacy initiative coalition project novel author".split())
_TOLL_NOT = frozenset("road roads booth booths free plaza bridge lane lanes charge charges fee fees collector gate "
                      "gates highway way ways on tunnel".split())
_SHOOTING_NOT = frozenset("range ranges star stars guard guards gallery script schedule percentage".split())
_NOT_VICTIM = _FILM | _KILL_NOT
_POSSESSIVE_WORDS = frozenset("his her their its our my your".split())
_TAKE = frozenset("take takes took taken taking".split())
_PREDICATE_VERBS = frozenset("were was are is include included includes rose numbered had have has remain "
                             "remained received lay lie lies being been".split())
_LEAVE = frozenset("left leaving leaves leave".split())
_ACTION_NOMINAL = frozenset("kill massacre murder slaughter shoot slay assassinate".split())
_GROUP_ACT = frozenset("massacre slaughter".split())  # acts of a group: "the Hamas massacre" names its doer
_PUNCT_STOP = frozenset(",;:()\"—[]!?.")
_REPORTING = frozenset("say says said claim claims claimed believe believes believed think thinks estimate "
                       "estimates".split())
_CLAUSE_BREAK = frozenset(",;:—")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.".split())
_CAUSE = frozenset("caused causing cause causes".split())
_CAUSE_PAIRS = frozenset({("resulted", "in"), ("resulting", "in"), ("result", "in"), ("results", "in"),
                          ("led", "to"), ("leading", "to"), ("lead", "to"), ("leads", "to")})
_CAUSE_PREPS = frozenset({("wake", "of"), ("result", "of"), ("because", "of"), ("due", "to"), ("aftermath", "of")})
_CLASH = frozenset("clash clashes battle battles fighting confrontation confrontations firefight firefights "
                   "gunbattle gunbattles gunfight gunfights skirmish skirmishes exchanges".split())
_ATTACK_VERB = frozenset("struck hit fired shelled bombed attacked opened launched targeted stormed raided pounded "
                         "bombarded shot rammed ambushed detonated dropped rained blew".split())
_CAUSED = frozenset("caused carried committed perpetrated inflicted".split())
_TIME_TAIL = frozenset("late early overnight earlier on last this morning afternoon evening night week weekend "
                       "day month year".split())
_BEFORE_NUMBER = frozenset("at over up more nearly almost around about some roughly approximately".split())
_ASIDE = frozenset("most mostly many mainly largely".split())
_NOMINAL_NEXT = frozenset("spree sprees field fields machine machines zone zones ground grounds".split())
_MAX_NP = 8
_LEFT_TOKENS, _RIGHT_TOKENS = 40, 50  # tokens read on each side of a hit
_CLAUSE_TOKENS = 80  # tokens read back to find the clause a participle hangs on

Token = tuple  # (text, lower, start, end)


def _tokens(text: str, a: int, b: int) -> list[Token]:
    return [(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, a, b)]


def _is_word(t: Token) -> bool:
    return t[0][0].isalnum()


def _is_number(low: str) -> bool:
    return low[0].isdigit() or low in _NUMBER_WORDS


def _is_adverb(low: str) -> bool:
    return low in _ADVERB or (len(low) > 4 and low.endswith("ly") and low.isalpha())


def _is_verb(t: Token) -> bool:
    """A token that ends a subject read rightwards: an auxiliary, a known past or a lower-case -ed."""
    low = t[1]
    return (low in _BE or low in _HAVE or low in _MODAL or low in _IRREGULAR_PAST
            or (low.endswith("ed") and t[0].islower() and low not in _ED_ADJECTIVE))


def _party(np: Sequence[Token]) -> bool:
    """Whether a phrase names someone: a capitalised word (not a month, day or article), a
    possessive, or an actor noun."""
    for text, low, _, _ in np:
        if low in _ACTOR or low.endswith("'s") or low.endswith("s'"):
            return True
        if text[0].isupper() and low not in _MONTHS_DAYS and not low[0].isdigit():
            return True
    return False


def names_party(agent: str) -> bool:
    """Whether an agent's text names someone by framing's rule (a capitalised word other than a
    month, day or article; a possessive; or an actor noun such as soldiers, settlers, gunmen):
    "Israeli airstrikes" and "Hamas" do, "An air strike" and "the blast" do not."""
    return bool(agent) and _party(_tokens(agent, 0, len(agent)))


def _span(np: Sequence[Token]) -> tuple[int, int] | None:
    """The agent's offsets, without a trailing time ("Israeli airstrikes late Tuesday")."""
    end = len(np)
    while end > 1 and (np[end - 1][1] in _MONTHS_DAYS or np[end - 1][1] in _TIME_TAIL
                       or (np[end - 1][1][0].isdigit() and np[end - 2][1] in _MONTHS)):
        end -= 1
    return (np[0][2], np[end - 1][3]) if np else None


# --- left of a hit -----------------------------------------------------------------------------

def _skip_left(left: list[Token], i: int, words: frozenset) -> int:
    while i >= 0 and (left[i][1] in words or _is_adverb(left[i][1])):
        i -= 1
    return i


def _np_left(left: list[Token], i: int) -> list[Token]:
    """The noun phrase ending at left[i], walking left to a boundary (at most _MAX_NP tokens),
    without a leading time or place phrase ("On Tuesday Israeli strikes" -> "Israeli strikes")."""
    out: list[Token] = []
    while i >= 0 and len(out) < _MAX_NP:
        t = left[i]
        low = t[1]
        if not _is_word(t) or low in _LEFT_STOP or (out and low in _IRREGULAR_PAST):
            break
        if low.endswith("ed") and t[0].islower() and low not in _ED_ADJECTIVE and out:
            break
        out.append(t)
        i -= 1
    out.reverse()
    trimmed = out
    while trimmed and (trimmed[0][1] in _LEAD_PREP or trimmed[0][1] in _LEAD_WORD):
        prep = trimmed[0][1] in _LEAD_PREP
        trimmed = trimmed[1:]
        if prep and trimmed and trimmed[0][1] in _DET:
            trimmed = trimmed[1:]
        if prep and len(trimmed) > 1:
            trimmed = trimmed[1:]
    return trimmed if trimmed else out


def _object_left(left: list[Token], i: int) -> list[Token]:
    """The object before "of"/"for" ("accuse Israel of starving" -> "Israel"): names, actor
    nouns and possessives, with one determiner."""
    out: list[Token] = []
    while i >= 0 and len(out) < _MAX_NP:
        t = left[i]
        if t[0][0].isupper() or t[1] in _ACTOR or t[1].endswith("'s"):
            out.append(t)
        elif t[1] in _DET and out:
            out.append(t)
            break
        else:
            break
        i -= 1
    out.reverse()
    return out


def _subject(sent: _Sentence, left: list[Token], i: int) -> list[Token]:
    """The subject of a verb whose auxiliaries end at left[i]: a relative pronoun's antecedent
    ("the strike, which killed"; "bombardments that officials say have killed"), the doer of an
    infinitive ("vowed to kill", "ordered the army to kill"), the subject of the first of two
    coordinated verbs ("was an Israeli strike and had killed"), or the phrase before."""
    i = _skip_left(left, i, _HAVE | _MODAL | _ADVERB)
    if i < 0:
        return []
    low = left[i][1]
    if low == "to":
        i -= 1
        if i >= 0 and left[i][0].islower() and (left[i][1] in _CONTROL or left[i][1].endswith(("ed", "ing"))):
            i = _skip_left(left, i - 1, _HAVE | _MODAL | _BE | _ADVERB)
            if i >= 0 and left[i][0] == ",":  # ", claiming to have killed"
                return _clause_subject(sent, left[i][2])
    elif low in ("who", "which", "that"):
        i -= 1
        if i >= 0 and left[i][0] == ",":
            i -= 1
    elif low in ("and", "or"):
        return _clause_subject(sent, left[i][2])
    elif low in _REPORTING:
        for k in range(i - 1, max(-1, i - 10), -1):
            if not _is_word(left[k]):
                break
            if left[k][1] in ("which", "that", "who"):
                k -= 1
                if k >= 0 and left[k][0] == ",":
                    k -= 1
                return _np_left(left, k)
        return []
    return _np_left(left, i)


def _clause_subject(sent: _Sentence, pos: int) -> list[Token]:
    """The subject of the clause a participle hangs on (", killing 12", "after killing"): of the
    clause starts before `pos` (the sentence start, after a comma, a semicolon, a dash or "said"),
    the last whose words run into a verb; else the first that gives any words. An opening phrase
    ("On Monday,", "According to the ministry,") is never a subject."""
    k = bisect_left(sent.starts, pos)
    toks = sent.tokens[max(0, k - _CLAUSE_TOKENS):k]
    starts = [0] + [k + 1 for k, t in enumerate(toks) if t[1] in _CLAUSE_BREAK or t[1] in _CLAUSE_STOP]
    fallback: list[Token] = []
    for st in reversed(starts):
        if st < len(toks) and toks[st][1] in ("and", "but", "then"):
            st += 1
        if st >= len(toks) or toks[st][1] in _INTRO or toks[st][1] == "to" or \
                (toks[st][1].endswith("ing") and toks[st][0].islower()):
            continue
        out: list[Token] = []
        k = st
        while k < len(toks) and len(out) < 2 * _MAX_NP:
            t = toks[k]
            if _is_verb(t):
                if out:
                    return out[:_MAX_NP] if len(out) <= _MAX_NP else out[:_MAX_NP]
                break
            if not _is_word(t) or t[1] in _LEFT_STOP:
                break
            out.append(t)
            k += 1
        if out:
            fallback = out[:_MAX_NP]
    if not fallback and toks and toks[0][1] in _INTRO:  # "As Hamas gunmen made their way south, killing"
        out = []
        for t in toks[1:2 * _MAX_NP]:
            if _is_verb(t):
                return out[:_MAX_NP]
            if not _is_word(t) or t[1] in _LEFT_STOP:
                break
            out.append(t)
    return fallback


def _leaving(left: list[Token], i: int) -> int | None:
    """Index of "left"/"leaving" before a quantity ("left 12 dead", "leaving at least 30 wounded")."""
    j = i
    while j >= 0 and (left[j][1] in _QUANTITY or _is_number(left[j][1])) and i - j < 6:
        j -= 1
    if j < i and j >= 0 and left[j][1] in _LEAVE:
        return j
    return None


def _caused(sent: _Sentence, left: list[Token], i: int) -> list[Token] | None:
    """The subject of "caused", "resulted in", "led to" before a casualty noun ("an Israeli air
    strike caused hundreds of deaths", "..., resulting in deaths")."""
    j = i
    while j >= 0 and i - j < 6 and (left[j][1] in _QUANTITY or _is_number(left[j][1]) or left[j][1] in ("of", "most")
                                    or (left[j][0].islower() and left[j][1].isalpha()
                                        and left[j][1] not in _CAUSE and left[j][1] not in ("in", "to"))):
        j -= 1
    if j < 0:
        return None
    low = left[j][1]
    if low in ("in", "to") and j >= 1 and (left[j - 1][1], low) in _CAUSE_PAIRS:
        j -= 1
    elif low not in _CAUSE:
        return None
    k = _skip_left(left, j - 1, _HAVE | _MODAL | _ADVERB)
    if k >= 0 and left[k][0] == ",":
        return _clause_subject(sent, left[k][2]) or None
    return _subject(sent, left, j - 1) or None


# --- right of a hit ----------------------------------------------------------------------------

def _np_right(right: list[Token], j: int) -> list[Token]:
    out: list[Token] = []
    while j < len(right) and len(out) < _MAX_NP:
        t = right[j]
        low = t[1]
        if low in _MONTHS and j + 1 < len(right) and right[j + 1][1][:1].isdigit():
            out.extend(right[j:j + 2])  # the Oct. 7 attack
            j += 2
            continue
        if not _is_word(t) or (low in _RIGHT_STOP and low != "of") or low in _IRREGULAR_PAST \
                or (out and low in _LEAD_WORD) or (low in _MONTHS_DAYS and low not in ("the", "a", "an")) \
                or (out and _is_adverb(low)):
            break
        if low == "and":
            nxt = right[j + 1] if j + 1 < len(right) else None
            if not (nxt and _is_word(nxt) and (nxt[0][0].isupper() or nxt[1] in _ACTOR)):
                break
        if out and t[0].islower() and ((low.endswith("ed") and low not in _ED_ADJECTIVE)
                                      or (low.endswith("ing") and low not in _ING_NOUN)):
            break
        out.append(t)
        j += 1
    while out and out[-1][1] in ("of", "and"):
        out.pop()
    return out


def _coordinated(right: list[Token], j: int) -> int:
    """Index past "and 166,271 wounded" / "and injured" / "or maimed" at right[j], else j."""
    if j < len(right) and right[j][1] in ("and", "or", ","):
        k = j + 1
        while k < len(right) and k - j <= 5 and (right[k][1] in _QUANTITY or _is_number(right[k][1])
                                                 or right[k][1] in ("people", "others", "civilians")):
            k += 1
        if k < len(right) and (_FORMS.get(right[k][1], ("", ""))[1] in ("ed", "shot")
                               or right[k][1] in ("maimed", "hurt", "injured", "wounded")):
            return k + 1
    return j


def _has_object(right: list[Token], j: int) -> bool:
    """Whether the words at right[j] read as a verb's object: a number, determiner, pronoun,
    name or noun, rather than a preposition, adverb, time or the end of the clause."""
    j = _coordinated(right, j)
    if j + 1 < len(right) and right[j][1] in ("and", "or") and _is_verb(right[j + 1]):
        j += 2  # killed and abducted civilians
    while j < len(right) and (_is_adverb(right[j][1]) or right[j][1] == "dead"):
        j += 1
    if j >= len(right) or not _is_word(right[j]):
        return False
    text, low = right[j][0], right[j][1]
    nxt = right[j + 1][1] if j + 1 < len(right) else ""
    if low in _NOT_OBJECT and not (low in _BEFORE_NUMBER and (nxt[:1].isdigit() or nxt in ("least", "than", "a"))):
        if low == "this" and nxt not in _TIME:
            return True
        return False
    if low in ("this", "last", "the", "that") and nxt in _TIME:
        return False
    if low in _MONTHS_DAYS and low not in ("the", "a", "an", "may"):
        return False
    if low in _OBJECT_START or _is_number(low) or text[0].isupper():
        return True
    return low.isalpha() and low not in _BE and low not in _HAVE and low not in _MODAL


def _object_head(right: list[Token], j: int) -> str:
    while j < len(right) and (right[j][1] in _DET or right[j][1] in _POSSESSIVE_WORDS or _is_adverb(right[j][1])):
        j += 1
    return right[j][1] if j < len(right) else ""


def _by_agent(right: list[Token], j: int) -> list[Token] | None:
    """The agent of a `by` at right[j - 1], unless the phrase is one of time or measure."""
    if j >= len(right) or not _is_word(right[j]):
        return None
    low = right[j][1]
    nxt = right[j + 1][1] if j + 1 < len(right) else ""
    if (low in _BY_NOT or low[0].isdigit() or (low in _MONTHS_DAYS and low not in ("the", "a", "an"))
            or (low in _DET and nxt in _BY_NOT_AFTER_DET)):
        return None
    return _np_right(right, j) or None


def _instrument(right: list[Token], j: int, prep: str) -> list[Token] | None:
    """The instrument or attack at right[j] when it names a party: "Israeli airstrikes",
    "Russia's siege" (of Mariupol: the party comes before "of"), "clashes with Israeli forces",
    and after "when" a party and an attack verb ("when Israel struck cars")."""
    np = _np_right(right, j)
    head = next((k for k, x in enumerate(np) if x[1] == "of"), len(np))
    np = np[:head]
    if not np:
        return None
    end = j + len(np)
    if np[-1][1] in _CLASH and end + 1 < len(right) and right[end][1] == "with":
        other = _np_right(right, end + 1)
        if other and _party(other):
            return [*np, right[end], *other]
    if any(x[1] in _INSTRUMENT or x[1] in _ACTOR for x in np) and _party(np):
        return np
    if prep == "when" and end < len(right) and right[end][1] in _ATTACK_VERB and _party(np):
        return np
    return None


def _scan_agent(right: list[Token], j: int, *, by: bool) -> list[Token] | None:
    """Who the clause after a casualty word names: a `by` phrase (when `by`), "at the hands of
    X", or an instrument or attack that names a party ("in Israeli airstrikes", "in the wake of
    the Hamas attack")."""
    n = len(right)
    seen = 0
    while j < n and seen < 16:
        t = right[j]
        low = t[1]
        if t[0] == "," and j + 1 < n and right[j + 1][1] in _ASIDE:
            j += 2  # "were killed, most of them civilians, in the Oct. 7 attacks by Hamas"
            continue
        if t[0] in _PUNCT_STOP or low in _SCAN_STOP:
            return None
        nxt = right[j + 1][1] if j + 1 < n else ""
        if (low in _BE or low in _HAVE or low in _MODAL) and nxt not in _CAUSED and nxt not in _BE:
            return None  # another verb: "the massacres indicates a keen awareness by the group" is not an agent
        if low in ("and", "or"):
            k = _coordinated(right, j)
            if k == j:
                return None
            j = k
            continue
        if low == "by" and by:
            agent = _by_agent(right, j + 1)
            if agent:
                return agent
        elif low == "hands" and nxt == "of":
            return _np_right(right, j + 2) or None
        elif (low, nxt) in _CAUSE_PREPS:
            agent = _instrument(right, j + 2, low)
            if agent:
                return agent
        elif low in _INSTRUMENT_PREP or (low == "by" and not by):
            if low == "by":
                np = _np_right(right, j + 1)
                if np:
                    return np
            agent = _instrument(right, j + 1, low)
            if agent:
                return agent
        j += 1
        seen += 1
    return None


def _nominal_agent(sent: _Sentence, left: list[Token], i: int, right: list[Token], lemma: str):
    """Who a casualty noun names: for an act (killing, massacre, murder, slaughter, shooting) a
    possessive or a capitalised word before it ("Israel's killing", "the Hamas massacre"); for
    any, the subject of "caused" or "resulted in" before it, or what follows ("deaths caused by
    Israeli strikes", "casualties in Russian shelling")."""
    # "Khashoggi's murder", "the Floyd killing" name the victim; with "of" after, or for a
    # group's act, the word before names the doer: "Israel's killing of", "the Hamas massacre".
    if lemma in _ACTION_NOMINAL and i >= 0 and (lemma in _GROUP_ACT or (right and right[0][1] == "of")):
        j = i
        while j >= 0 and left[j][0][0].isupper() and left[j][1] not in _MONTHS_DAYS and left[j][1] not in _DET \
                and left[j][1] not in _NOMINAL_LEFT:
            j -= 1
        if j < i:
            return left[j + 1:i + 1]
        if left[i][1].endswith(("'s", "s'")):  # the group's murder of
            k = i - 1
            while k >= 0 and _is_word(left[k]) and left[k][1] not in _LEFT_STOP and i - k < 4 \
                    and left[k][1] not in _DET:
                k -= 1
            return left[k + 1 if k < 0 or left[k][1] not in _DET else k:i + 1]
    return _caused(sent, left, i) or _scan_agent(right, 0, by=True)


# --- one hit -----------------------------------------------------------------------------------

class _Sentence:
    """A sentence's span and tokens (text, lower case, start, end), with the tokens' starts."""

    __slots__ = ("start", "end", "tokens", "starts")

    def __init__(self, text: str, start: int, end: int):
        self.start, self.end = start, end
        self.tokens = _tokens(text, start, end)
        self.starts = [t[2] for t in self.tokens]


class _Prev:
    __slots__ = ("construction", "agent", "end", "verbal")

    def __init__(self, construction: str, agent: tuple[int, int] | None, end: int, verbal: bool):
        self.construction, self.agent, self.end, self.verbal = construction, agent, end, verbal


def _coordination(sent: _Sentence, prev: _Prev | None, s: int) -> bool:
    """Whether the hit at `s` is coordinated with the previous verbal hit of its sentence:
    "killed at least 313 and injured", "have been killed and 166,271 wounded"."""
    if prev is None or not prev.verbal or s - prev.end > 80:
        return False
    gap = [t[1] for t in sent.tokens[bisect_left(sent.starts, prev.end):bisect_left(sent.starts, s)]]
    if not gap or len(gap) > 9:
        return False
    conj = max((k for k, w in enumerate(gap) if w in ("and", "or", ",")), default=-1)
    if conj < 0:
        return False
    for k, w in enumerate(gap):
        if k == conj or w == ",":
            continue
        if w in _LEFT_STOP and w not in ("and", "or", "at", "than", "to"):
            return False
        if w in _BE or w in _HAVE or (w.endswith("ed") and w.islower() and w not in _ED_ADJECTIVE):
            return False
        if k > conj and not (w in _QUANTITY or _is_number(w) or _is_adverb(w) or w in ("people", "others")):
            return False
        if not w[0].isalnum() and w != ",":
            return False
    return True


def _classify(sent: _Sentence, s: int, e: int, lemma: str, kind: str, prev: _Prev | None):
    """(verb, construction, agent span, start, end, verbal) for the hit text[s:e], or None."""
    k = bisect_left(sent.starts, s)
    left = sent.tokens[max(0, k - _LEFT_TOKENS):k]
    k = bisect_left(sent.starts, e, k)
    right = sent.tokens[k:k + _RIGHT_TOKENS]
    i = len(left) - 1
    l1 = left[i][1] if i >= 0 else ""
    r1 = right[0][1] if right else ""
    r2 = right[1][1] if len(right) > 1 else ""
    noun_after = bool(right) and _is_word(right[0]) and r1.isalpha() and right[0][0].islower() \
        and r1 not in _NOT_OBJECT and r1 not in _PREDICATE_VERBS and r1 not in _DET and not _is_adverb(r1) \
        and r1 not in ("of", "and", "or", "to", "by")

    if kind == "lose":  # lost their lives
        agent = _scan_agent(right, 0, by=False)
        return "lose", "intransitive", _span(agent) if agent else None, s, e, False
    if kind == "loss":
        return "lose", "nominal", None, s, e, False

    if kind == "death":
        if l1 == "to":  # beaten to death, starved to death, sentenced to death
            if i < 1:
                return None
            part = left[i - 1][1]
            if part in _FORMS or part not in _TO_DEATH:
                return None
            p_s, p_e = left[i - 1][2], left[i - 1][3]
            got = _classify(sent, p_s, p_e, _TO_DEATH[part], "ed", prev)
            if got is None:
                return None
            return got[0], got[1], got[2], p_s, e, got[5]
        if r1 in _DEATH_NOT:
            return None
        if r1 == "of":
            for t in right[1:5]:
                if t[1] in _ABSTRACT:
                    return None
                if t[1] not in _DET and not t[1].endswith("'s") and t[1] not in _POSSESSIVE_WORDS \
                        and not (t[1].isalpha() and t[1] in ("two-state", "old", "long")):
                    break
        kind = "noun"

    if kind == "toll":
        if r1 in _TOLL_NOT or any(t[1] in _TAKE for t in left[max(0, i - 3):]):
            return None
        agent = _scan_agent(right, 0, by=True)
        return "toll", "nominal", _span(agent) if agent else None, s, e, False

    if kind == "ns":
        kind = "noun"
    if kind == "nb":
        j = _skip_left(left, i, _ADVERB)
        if j >= 0 and (left[j][1] in _MODAL or left[j][1] in ("to", "they", "we", "i", "you", "who")):
            kind = "base"
        else:
            kind = "noun"

    if kind == "noun":
        agent = _nominal_agent(sent, left, i, right, lemma)
        return lemma, "nominal", _span(agent) if agent else None, s, e, False

    if kind == "dead":
        if i >= 0 and (_FORMS.get(l1, ("", ""))[1] in ("ed", "shot") or l1 in _TO_DEATH):
            return None  # shot dead, gunned dead: part of the verb before
        if noun_after and r1 not in ("and", "or"):
            return None  # dead bodies, dead end
        lv = _leaving(left, i)
        if lv is not None:
            subj = _clause_subject(sent, left[lv][2]) if lv > 0 and left[lv - 1][0] == "," \
                else _subject(sent, left, lv - 1)
            return "die", "active", _span(subj) if subj else None, s, e, True
        j = _skip_left(left, i, _ADVERB)
        if j >= 0 and (left[j][1] in _BE or left[j][1] in ("found", "lay", "lying", "left", "lie", "lies")):
            agent = _scan_agent(right, 0, by=False)
            return "die", "intransitive", _span(agent) if agent else None, s, e, False
        if j >= 0 and (left[j][1] in ("the", "and", "of", "'s") or _is_number(left[j][1])
                       or left[j][1] in _QUANTITY or left[j][1] in _ACTOR or left[j][0][0].isupper()
                       or left[j][1].endswith("s")):
            agent = _scan_agent(right, 0, by=True)
            return "die", "nominal", _span(agent) if agent else None, s, e, False
        return None

    if kind in ("die", "dying"):
        if r1 in ("down", "out", "away", "off", "hard"):
            return None
        if kind == "dying":
            if r1 == "to" and r2 != "death":
                return None
            if i >= 0 and l1 in _NOMINAL_LEFT and l1 not in ("of",):
                if noun_after:
                    return None  # a dying trade
                if l1 in ("the",):
                    return lemma, "nominal", None, s, e, False
        elif i >= 0 and l1 in ("a", "the") and kind == "die":
            return None  # the die is cast
        agent = _scan_agent(right, 0, by=False)
        return lemma, "intransitive", _span(agent) if agent else None, s, e, False

    if kind == "kill":
        if (i >= 0 and l1 in _DET) or r1 in _KILL_NOT:
            return None
        kind = "base"
    if kind == "shot":
        if i >= 0 and (l1 in _NOMINAL_LEFT or l1 in ("warning", "booster", "big", "long", "parting", "mug",
                                                      "first", "second", "last", "one", "flu", "cheap", "best")):
            return None
        if r1 in ("down", "up", "at", "to", "through", "across", "back", "out", "off") and r2 != "death":
            return None
        kind = "ed"
    if kind == "shooting":
        if r1 in _SHOOTING_NOT:
            return None  # shooting range, shooting star
        if i >= 0 and (l1 in _NOMINAL_LEFT or l1.endswith("'s") or left[i][0][0].isupper()):
            agent = _nominal_agent(sent, left, i, right, lemma)
            return "shoot", "nominal", _span(agent) if agent else None, s, e, False
        if r1 == "at":
            return None
        kind = "ing"

    if lemma in ("shoot", "kill") and kind in ("base", "s", "ed", "ing") and _object_head(right, 0) in _NOT_VICTIM:
        return None

    if kind == "ed":
        j = _skip_left(left, i, _ADVERB)
        lj = left[j][1] if j >= 0 else ""
        if lemma in ("wound", "injure") and j >= 0 and (lj in _DET or _is_number(lj) or lj in _POSSESSIVE_WORDS) \
                and noun_after:
            return None  # three (seriously) wounded soldiers
        if lj == "the" and not noun_after:
            agent = _scan_agent(right, 0, by=True)
            return lemma, "nominal", _span(agent) if agent else None, s, e, False
        if lj in _BE:
            if lemma == "shoot":
                subject = _np_left(left, _skip_left(left, j - 1, _HAVE | _MODAL | _BE))
                if subject and subject[-1][1] in _FILM:
                    return None  # the film was shot in Jordan
            agent = _scan_agent(right, 0, by=True)
            if agent:
                return lemma, "passive_agent", _span(agent), s, e, True
            if prev is not None and prev.construction == "passive_agent" and _coordination(sent, prev, s):
                return lemma, "passive_agent", prev.agent, s, e, True
            return lemma, "passive_agentless", None, s, e, True
        if lj in _HAVE:
            if lemma == "starve" and not _has_object(right, 0):
                return lemma, "intransitive", None, s, e, True
            subj = _subject(sent, left, j)
            return lemma, "active", _span(subj) if subj else None, s, e, True
        if _coordination(sent, prev, s):
            if prev.construction == "active":
                return lemma, "active", prev.agent, s, e, True
            agent = _scan_agent(right, 0, by=True)
            if agent:
                return lemma, "passive_agent", _span(agent), s, e, True
            return lemma, prev.construction, prev.agent, s, e, True
        lv = _leaving(left, i)
        if lv is not None:
            subj = _clause_subject(sent, left[lv][2]) if lv > 0 and left[lv - 1][0] == "," \
                else _subject(sent, left, lv - 1)
            return lemma, "active", _span(subj) if subj else None, s, e, True
        if lj in ("who", "which", "that") or _has_object(right, 0):
            subj = _subject(sent, left, i)
            return lemma, "active", _span(subj) if subj else None, s, e, True
        if lemma == "starve":
            return lemma, "intransitive", None, s, e, True
        agent = _scan_agent(right, 0, by=True)
        if agent:
            return lemma, "passive_agent", _span(agent), s, e, True
        return lemma, "passive_agentless", None, s, e, True

    if kind in ("base", "s"):
        if lemma == "starve" and not _has_object(right, 0):
            return lemma, "intransitive", None, s, e, True
        if _coordination(sent, prev, s) and prev.construction == "active":
            return lemma, "active", prev.agent, s, e, True
        subj = _subject(sent, left, i)
        return lemma, "active", _span(subj) if subj else None, s, e, True

    if kind == "ing":
        if i < 0 or (l1 in ("the", "a") and i == 0):
            return lemma, "nominal", None, s, e, False
        if (l1 in _NOMINAL_LEFT and l1 != "of") or r1 == "of" or l1.endswith("'s") or l1.endswith("s'") \
                or r1 in _NOMINAL_NEXT:
            if lemma == "starve" and noun_after:
                return None  # starving children
            agent = _nominal_agent(sent, left, i, right, lemma)
            return lemma, "nominal", _span(agent) if agent else None, s, e, False
        j = _skip_left(left, i, _ADVERB)
        lj = left[j][1] if j >= 0 else ""
        obj = _has_object(right, 0)
        if lemma == "starve" and not obj:
            agent = _scan_agent(right, 0, by=False)
            return lemma, "intransitive", _span(agent) if agent else None, s, e, False
        if lj in _BE:
            subj = _subject(sent, left, j - 1)
            return lemma, "active", _span(subj) if subj else None, s, e, True
        if _coordination(sent, prev, s) and prev.construction == "active":
            return lemma, "active", prev.agent, s, e, True
        if lj in (",", "with", "after", "before", "by", "while", "without", "from", "since", "on", "—",
                  "in", "of", "for", "and"):
            subj = None
            if lj in ("of", "for") and j >= 1 and (left[j - 1][0][0].isupper() or left[j - 1][1] in _ACTOR):
                subj = _object_left(left, j - 1)  # accused Hamas of killing, blamed the army for killing
            if not subj:
                subj = _clause_subject(sent, left[j][2])
            return lemma, "active", _span(subj) if subj else None, s, e, True
        if obj:
            subj = _subject(sent, left, i)
            return lemma, "active", _span(subj) if subj else None, s, e, True
        return lemma, "nominal", None, s, e, False
    return None


# --- sentences ---------------------------------------------------------------------------------

def _sentence_in_window(text: str, s: int, e: int) -> tuple[int, int]:
    """The sentence of `sentence_spans(text)` holding text[s:e], found on a window around it:
    the window widens until the sentence starts at least 48 characters inside it (so the
    abbreviation check before the start sees whole words) and another sentence follows it."""
    n = len(text)
    width = 300
    while True:
        a, b = max(0, s - width), min(n, e + width)
        spans = sentence_spans(text[a:b])
        k = 0
        for k in range(len(spans) - 1, -1, -1):
            if spans[k][0] <= s - a:
                break
        if (a == 0 or (k >= 1 and spans[k][0] >= 48)) and (b == n or k + 1 < len(spans)):
            return a + spans[k][0], a + spans[k][1]
        width *= 2


_WINDOW_COST = 700  # characters a window costs; more hits than len(text) / this: split the whole text


# --- public ------------------------------------------------------------------------------------

def _document_rows(text: str) -> list[tuple]:
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets exact
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    hits = [(m.start(1) - 1, m.end(1) - 1, m.group(1)) for m in _CANDIDATE.finditer(" " + low)]
    if not hits:
        return []
    whole = sentence_spans(text) if len(hits) * _WINDOW_COST > len(text) else None
    whole_starts = [a for a, _ in whole] if whole else None
    rows = []
    sent: _Sentence | None = None
    prev: _Prev | None = None
    for s, e, key in hits:
        if sent is None or not (sent.start <= s and e <= sent.end):
            if whole:
                a, b = whole[max(0, bisect_right(whole_starts, s) - 1)]
            else:
                a, b = _sentence_in_window(text, s, e)
            sent = _Sentence(text, a, b)
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
