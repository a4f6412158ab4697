"""The Aho-Corasick word scan finds what the regular expression it replaces finds: random text made
of the listed words, their prefixes and extensions, hyphens, boundaries and other characters."""
import random
import re

import pytest

from framing.analyses.verbs import load_verb_classes
from framing.analyses.word_boundary import BEFORE_WORD
from framing.analyses.word_scan import WordScan

WORDS = ["kill", "killed", "killing", "killings", "die", "died", "death", "deaths", "death toll", "death tolls",
         "lost their lives", "lost", "toll", "said", "say", "according to"]
PIECES = [*WORDS, "skill", "soldier", "deadline", "tolls", "-", "_", "x", "9", "é", "\u00e9t\u00e9", "lives",
          "their", " ", " ", "  ", "\n", "\n\n", '"', "'", "(", "[", "/", "\u2014", "\u2013", ".", ",", "\u00a0",
          "\u3000", "K"]


def expression(words):
    # The alternation, longest word first: at each place the engine takes the first that fits.
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(BEFORE_WORD + "(" + body + r")(?![\w-])")


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(["", "", " "]) for _ in range(rng.randrange(0, 40)))


@pytest.mark.parametrize("seed", range(5))
def test_the_scan_finds_what_the_expression_finds(seed):
    rng = random.Random(seed)
    scan, rx = WordScan(WORDS), expression(WORDS)
    for _ in range(2000):
        text = random_text(rng)
        pos = rng.choice([0, 0, rng.randrange(0, len(text) + 1)])
        assert scan.spans(text, pos) == [m.span(1) for m in rx.finditer(text, pos)], (text, pos)


def test_the_casualty_and_reporting_scanners_agree_with_their_expressions():
    from framing.analyses.casualty_words import _CANDIDATE, _FORMS, _MULTIWORD

    rng = random.Random(3)
    words = [*_FORMS, *_MULTIWORD]
    scan = WordScan(words)
    pieces = [*words, *PIECES]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randrange(0, 30)))
        assert scan.spans(text) == [m.span(1) for m in _CANDIDATE.finditer(text)], text
    verbs = load_verb_classes()  # reporting verbs, in three cases, "state" only before "that"
    pieces = [*verbs.forms, "that", "United States", "the state", "stated", *PIECES]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randrange(0, 30)))
        assert verbs._scan.spans(text) == [m.span(1) for m in verbs._scanner.finditer(text)], text


@pytest.mark.parametrize("seed", range(3))
def test_bound_words_count_where_their_pattern_follows_and_free_words_come_first(seed):
    # "state" counts only before "that"; "stat" and "states that" (free) are tried before it.
    rng = random.Random(seed)
    free, bound, then = ["said", "stat", "states that", "stated"], ["state", "states", "State"], r"\s+that\b"
    scan = WordScan(free, bound, re.compile(then))
    alternation = "|".join(re.escape(w) for w in sorted(free, key=len, reverse=True))
    bounded = "|".join(re.escape(w) for w in sorted(bound, key=len, reverse=True))
    rx = re.compile(BEFORE_WORD + "((?:" + alternation + "|(?:" + bounded + ")(?=" + then + r")))(?![\w-])")
    pieces = [*free, *bound, "that", "thats", "the", "  that", "\nthat", *PIECES]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randrange(0, 30)))
        assert scan.spans(text) == [m.span(1) for m in rx.finditer(text)], text


def test_a_word_longer_than_the_text_no_words_and_a_copy():
    import pickle

    assert WordScan(["killed"]).spans(" kill") == []
    assert WordScan(["kill"]).spans(" kill") == [(1, 5)]
    assert WordScan([]).spans(" kill") == []
    copy = pickle.loads(pickle.dumps(WordScan(["said"], ["state"], re.compile(" that"))))
    assert copy.spans(" said, state that") == [(1, 5), (7, 12)]
    with pytest.raises(ValueError):
        WordScan(["kill", ""])
