"""Reading the noun phrases around a casualty verb: the subject or object to its left, the object,
`by` agent or instrument to its right, and the doer of a nominal ("the Hamas massacre")."""
from __future__ import annotations

from bisect import bisect_left

from .casualty_words import (
    _ACTION_NOMINAL,
    _ACTOR,
    _ADVERB,
    _ASIDE,
    _ATTACK_VERB,
    _BE,
    _BEFORE_NUMBER,
    _BY_NOT,
    _BY_NOT_AFTER_DET,
    _CAUSE,
    _CAUSE_PAIRS,
    _CAUSE_PREPS,
    _CAUSED,
    _CLASH,
    _CLAUSE_BREAK,
    _CLAUSE_STOP,
    _CLAUSE_TOKENS,
    _CONTROL,
    _DET,
    _ED_ADJECTIVE,
    _FORMS,
    _GROUP_ACT,
    _HAVE,
    _ING_NOUN,
    _INSTRUMENT,
    _INSTRUMENT_PREP,
    _INTRO,
    _IRREGULAR_PAST,
    _LEAD_PREP,
    _LEAD_WORD,
    _LEAVE,
    _LEFT_STOP,
    _MAX_NP,
    _MODAL,
    _MONTHS,
    _MONTHS_DAYS,
    _NOMINAL_LEFT,
    _NOT_OBJECT,
    _OBJECT_START,
    _POSSESSIVE_WORDS,
    _PUNCT_STOP,
    _QUANTITY,
    _REPORTING,
    _RIGHT_STOP,
    _SCAN_STOP,
    _TIME,
    Token,
    _is_adverb,
    _is_number,
    _is_verb,
    _is_word,
    _party,
    _Sentence,
)

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


