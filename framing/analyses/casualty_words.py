"""The word forms and word lists of the agency rules, the token type and the sentence a hit is
read in: what counts as a casualty verb or noun, and which words may stand around it."""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, chain
from operator import itemgetter

from .word_boundary import BEFORE_WORD
from .word_scan import WordScan

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
# skips to those in C. Matched on the lower-cased text, with `_AT_START` for a word at its start.
_CANDIDATE = re.compile(BEFORE_WORD + "(" + _trie([*_FORMS, *_MULTIWORD]) + r")(?![\w-])")
_AT_START = re.compile(r"(" + _trie([*_FORMS, *_MULTIWORD]) + r")(?![\w-])")
_SCAN = WordScan([*_FORMS, *_MULTIWORD])  # what `_CANDIDATE` finds, faster
# Tokens: numbers with separators (65,208), words with inner hyphens and apostrophes (Hamas-run,
# Israel's), initials and a few abbreviations with their full stop (U.S., Mr., Oct.), a plural
# possessive's apostrophe (Hamas'), and any other character alone. The look-ahead `(?=[.'])`
# before the endings changes nothing matched (each ending begins with one of the two): it spares
# the engine trying five look-behinds after every word.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['-]\w+)*(?:(?=[.'])(?:(?<=\b[A-Z])\.(?:[A-Za-z]\.)*"
                    r"|(?<=\b(?:Mr|Dr|Ms|Lt|St))\."
                    r"|(?<=\b(?:Mrs|Gen|Col|Sgt|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))\."
                    r"|(?<=\b(?:Capt|Prof|Sept))\.|(?<=[sS])'(?=\s)))?|[^\w\s]")
# The same tokens with the whitespace before each: `findall` then returns every token and every
# gap as strings, from which the offsets follow (tokens are only ever separated by whitespace,
# since any other character is a token), with no match object made per token.
_GAPPED = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")

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
_SECOND, _THIRD = itemgetter(1), itemgetter(2)


def _tokens(text: str, a: int, b: int) -> list[Token]:
    """The tokens of text[a:b] as (text, lower case, start, end), built by C-level iterators rather
    than a Python loop per token: every casualty sentence is tokenised, a quarter of the stage."""
    found = _GAPPED.findall(text, a, b)
    words = list(map(_SECOND, found))
    offsets = list(accumulate(map(len, chain.from_iterable(found)), initial=a))  # gap, token, gap, ...
    return list(zip(words, map(str.lower, words), offsets[1::2], offsets[2::2]))


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


class _Sentence:
    """A sentence's span and tokens (text, lower case, start, end), with the tokens' starts."""

    __slots__ = ("start", "end", "tokens", "starts")

    def __init__(self, text: str, start: int, end: int):
        self.start, self.end = start, end
        self.tokens = _tokens(text, start, end)
        self.starts = list(map(_THIRD, self.tokens))


class _Prev:
    __slots__ = ("construction", "agent", "end", "verbal")

    def __init__(self, construction: str, agent: tuple[int, int] | None, end: int, verbal: bool):
        self.construction, self.agent, self.end, self.verbal = construction, agent, end, verbal


