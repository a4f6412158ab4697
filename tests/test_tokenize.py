import pytest

from framing.text import normalize
from framing.tokenize import count_tokens, tokenize


def test_hyphenated_possessive_abbreviation_and_case():
    text = normalize("Hamas\u2019s pro-life U.S. hostage-taking, don\u2019t Stop")
    # a hyphen separates words, as in the matcher and in lexicon keys ("pro-life" is "pro life")
    assert tokenize(text) == ["hamas", "pro", "life", "u.s.", "hostage", "taking", "don't", "stop"]


def test_count_matches_tokenize():
    text = "The armed wing of Hamas, the Qassam Brigades, has released 48 captives' photos."
    assert count_tokens(text) == len(tokenize(text)) == 13


def test_same_tokens_as_plain_nltk_regexp_tokenizer():
    """Our patterns run on `re` must tokenize exactly as NLTK's own RegexpTokenizer does with them."""
    from nltk.tokenize import RegexpTokenizer

    from framing.tokenize import FULL_TOKEN_PATTERN, TOKEN_PATTERN, _find_full_tokens, _find_tokens

    text = normalize("Istanbul's U.S.-backed pro-life \u201chostage-taking\u201d don\u2019t 2,518 people_x caf\u00e9")
    assert _find_tokens(text) == RegexpTokenizer(TOKEN_PATTERN).tokenize(text)
    scripts = normalize('צה"ל והחטופים, مُحَمَّد والأسرى, युद्ध का अंत, l\'otage')
    assert _find_full_tokens(scripts) == RegexpTokenizer(FULL_TOKEN_PATTERN).tokenize(scripts)
    assert tokenize(text) == [(t[:-2] if t.endswith("'s") else t).lower()
                              for t in RegexpTokenizer(TOKEN_PATTERN).tokenize(text)]


def test_possessive_rule_agrees_with_the_plain_lookbehind():
    import random
    import re

    from framing.tokenize import _POSSESSIVE

    plain = re.compile(r"(?<=[^\W_])'s\b")
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice("as'_ 1\u00e9-.") for _ in range(rng.randint(0, 20)))
        assert _POSSESSIVE.sub("", text) == plain.sub("", text), repr(text)


def test_french_elisions_are_split_off_and_english_contractions_are_not():
    assert tokenize("L'otage d'Israël, qu'il libère j'ai s'il n'est c'est m'a t'a") == [
        "l", "otage", "d", "israël", "qu", "il", "libère", "j", "ai", "s", "il", "n", "est", "c", "est",
        "m", "a", "t", "a"]
    assert tokenize("don't O'Brien aujourd'hui Hamas's l' 'l'") == ["don't", "o'brien", "aujourd'hui", "hamas", "l", "l"]


# --- every script (issue 14) ------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("युद्ध का अंत", ["युद्ध", "का", "अंत"]),  # Devanagari vowel signs and virama stay in the word
    ("مُحَمَّد والرهائن", ["مُحَمَّد", "والرهائن"]),  # harakat and shadda
    ("שָׁלוֹם לכם", ["שָׁלוֹם", "לכם"]),  # niqqud
    ('צה"ל אמר', ['צה"ל', "אמר"]),  # gershayim inside a Hebrew acronym
    ("ג'נין", ["ג'נין"]),  # geresh
    ('"שלום" אמר', ["שלום", "אמר"]),  # quotation marks around a Hebrew word are not gershayim
    ("e\u0301te\u0301 and naïve", ["été", "and", "naïve"]),  # decomposed accents (normally composed by NFKC)
    ("Ελλάδα και Κύπρος", ["ελλάδα", "και", "κύπρος"]),
])
def test_words_of_every_script_are_whole(text, expected):
    import unicodedata

    assert [unicodedata.normalize("NFC", t) for t in tokenize(text)] == [unicodedata.normalize("NFC", e)
                                                                         for e in expected]
    assert count_tokens(text) == len(expected)


def test_fast_and_full_patterns_agree_where_both_apply():
    """Texts without marks or Hebrew take the fast pattern; the full one gives the same tokens."""
    import re

    from framing.tokenize import FULL_TOKEN_PATTERN, TOKEN_PATTERN, prepare

    text = prepare("The U.S. said pro-life don't Hamas's 2023—24 hostage-taking, café, naïve; foo_bar 3.5% x.y.z.")
    assert re.findall(FULL_TOKEN_PATTERN, text) == re.findall(TOKEN_PATTERN, text)


def test_mark_table_matches_this_python():
    """framing/marks.py is generated; every range it lists must be combining marks here, and when
    this Python has the same Unicode version, it must list every one."""
    import sys
    import unicodedata

    from framing.marks import MARK_RANGES, UNICODE_VERSION

    listed = {cp for a, b in MARK_RANGES for cp in range(a, b + 1)}
    assert all(unicodedata.category(chr(cp))[0] == "M" for cp in listed)
    if unicodedata.unidata_version == UNICODE_VERSION:
        marks = {cp for cp in range(sys.maxunicode + 1)
                 if unicodedata.category(chr(cp))[0] == "M" and not chr(cp).isalnum()}
        assert marks == listed


def test_a_hyphen_joins_a_phrase_and_other_punctuation_breaks_it():
    from framing.tokenize import is_break, tokenize_phrases

    items = tokenize_phrases("pro-life, U.S.-backed post-war -x y- a--b 2023\u201424")
    assert [i if not is_break(i) else "|" for i in items] == [
        "pro", "life", "|", "u.s.", "backed", "post", "war", "|", "x", "y", "|", "a", "|", "b", "2023", "|", "24"]


def test_one_word_terms_count_where_the_tokenizer_yields_that_word():
    # The matcher and the tokenizer define a word alike (issue 14): for every one-word term, its
    # matches in a text are exactly the tokenizer's occurrences of it, hyphens and apostrophes included.
    from framing.matcher import Matcher
    from framing.model import Category, Document, Lexicon, Term

    text = normalize("The anti-war march, post-war plans and war-torn towns; the war\u2019s cost. War, wars, "
                     "warfare and a war-like mood: war. Don't don, l'otage d'otages, the hostage-taking "
                     "and U.S.-backed talks in the U.S.")
    tokens = tokenize(text)
    for word in ("war", "don", "otage", "hostage", "taking", "u.s.", "backed", "l", "d"):
        lexicon = Lexicon("t", (Category("c", (Term(word),)),))
        assert len(Matcher(lexicon).match(Document("d", text))) == tokens.count(word), word
