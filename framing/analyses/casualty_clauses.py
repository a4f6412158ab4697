"""Classifying one casualty hit: active, passive with or without its agent, intransitive or
nominal, with the agent named when there is one."""
from __future__ import annotations

from bisect import bisect_left

from .casualty_phrases import (
    _clause_subject,
    _has_object,
    _leaving,
    _nominal_agent,
    _np_left,
    _object_head,
    _object_left,
    _scan_agent,
    _skip_left,
    _subject,
)
from .casualty_words import (
    _ABSTRACT,
    _ACTOR,
    _ADVERB,
    _BE,
    _DEATH_NOT,
    _DET,
    _ED_ADJECTIVE,
    _FILM,
    _FORMS,
    _HAVE,
    _KILL_NOT,
    _LEFT_STOP,
    _LEFT_TOKENS,
    _MODAL,
    _NOMINAL_LEFT,
    _NOMINAL_NEXT,
    _NOT_OBJECT,
    _NOT_VICTIM,
    _POSSESSIVE_WORDS,
    _PREDICATE_VERBS,
    _QUANTITY,
    _RIGHT_TOKENS,
    _SHOOTING_NOT,
    _TAKE,
    _TO_DEATH,
    _TOLL_NOT,
    _is_adverb,
    _is_number,
    _is_word,
    _Prev,
    _Sentence,
    _span,
)


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


