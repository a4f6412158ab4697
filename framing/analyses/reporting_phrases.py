"""The word lists and phrase readers of the attribution rules: which words may stand in a
speaker's phrase, and how far a phrase runs before or after a reporting verb."""
from __future__ import annotations

import re

# --- word lists ----------------------------------------------------------------------------------


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
_NO_CONTENT = _NOT_CONTENT | _TIME | _ADVERBS  # words that alone name nobody


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
    return any(word.lower() not in _NO_CONTENT for word in words)


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
        if not tok[0].isalnum():
            break
        low = tok.lower()
        if after_det:
            # A determiner begins a phrase, unless a preposition inside a longer one comes before it.
            if low in _NP_PREPS and i > 0 and tokens[i - 1][0].isalnum() and tokens[i - 1].lower() not in _STOPS:
                words.append(tok)
                after_det = False
                i -= 1
                continue
            break
        if low in _STOPS:
            if (low == "and" and words and words[-1][0].isupper() and i > 0 and tokens[i - 1][0].isupper()
                    and tokens[i - 1].lower() not in _STOPS):
                words.append(tok)
                i -= 1
                continue
            break
        if low in _NP_PREPS:
            if not words or i == 0 or not tokens[i - 1][0].isalnum() or tokens[i - 1].lower() in _STOP_DET:
                break
            if low == "to" and not (words[-1][0].isupper() or words[-1].lower() in _DET_POSS
                                    or words[-1][0].isdigit()):
                break  # "adviser to the prime minister", not "unable to independently verify"
        if low in _DAYS and not words:
            break
        if (tok.islower() and (tok in _IRREGULAR_PAST or tok.endswith("ed"))  # _past_verb(tok)
                and not (i > 0 and tokens[i - 1].lower() in _DET_POSS)):
            break  # "the report showed medicines said": a verb ends the phrase ("the elected officials" does not)
        words.append(tok)
        after_det = low in _DET_POSS
        i -= 1
    touched = i <= 0  # ran out of tokens, or stopped at the first one, perhaps for want of the one before
    if not words:
        return words, touched
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

