from framing.text import normalize
from framing.tokenize import count_tokens, tokenize


def test_hyphenated_possessive_abbreviation_and_case():
    text = normalize("Hamas\u2019s pro-life U.S. hostage-taking, don\u2019t Stop")
    assert tokenize(text) == ["hamas", "pro-life", "u.s.", "hostage-taking", "don't", "stop"]


def test_count_matches_tokenize():
    text = "The armed wing of Hamas, the Qassam Brigades, has released 48 captives' photos."
    assert count_tokens(text) == len(tokenize(text)) == 13
