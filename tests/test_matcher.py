"""Each matching rule of lexicons/README.md against hand-counted text."""
import pytest

from framing.corpus import read_corpus
from framing.lexicon import load_lexicon
from framing.matcher import Matcher
from framing.model import Category, Document, Lexicon, Term
from framing.text import normalize


def lexicon(*terms, contrast=False):
    built = tuple(t if isinstance(t, Term) else Term(t) for t in terms)
    return Lexicon("t", (Category("c", built, contrast=contrast),))


def found(lx, text, nested=False):
    doc = Document("d", normalize(text))
    return [(m.term, m.surface) for m in Matcher(lx, nested=nested).match(doc)]


def test_rule1_case_insensitive_unless_marked():
    lx = lexicon("hostages", Term("AP", case_sensitive=True))
    assert found(lx, "HOSTAGES, Hostages, hostages; AP said, the ap, Ap") == [
        ("hostages", "HOSTAGES"), ("hostages", "Hostages"), ("hostages", "hostages"), ("AP", "AP")]


def test_rule2_whole_words_and_hyphen_compounds():
    assert found(lexicon("war"), "warn postwar warfare war, post-war war-torn wars") == [
        ("war", "war"), ("war", "war"), ("war", "war")]
    assert found(lexicon("hostage"), "hostage-taking") == [("hostage", "hostage")]
    assert found(lexicon("hostage", "hostage-taking"), "hostage-taking and a hostage") == [
        ("hostage-taking", "hostage-taking"), ("hostage", "hostage")]


def test_rule3_whitespace_line_breaks_hyphens_and_dashes():
    lx = lexicon("Hamas-run health ministry")
    text = "Hamas-run health ministry; Hamas run\nhealth   ministry; Hamas\u2014run health-ministry; Hamasrun health ministry"
    assert [s for _, s in found(lx, text)] == ["Hamas-run health ministry", "Hamas run\nhealth ministry",
                                               "Hamas\u2014run health-ministry"]


def test_rule4_apostrophes_and_possessives():
    lx = lexicon(Term("Gaza Health Ministry", variants=("Gaza's Health Ministry",)), "Hamas")
    text = "Gaza\u2019s Health Ministry and Gaza's health ministry said Hamas\u2019s and Hamas' leaders"
    assert found(lx, text) == [("Gaza Health Ministry", "Gaza's Health Ministry"),
                               ("Gaza Health Ministry", "Gaza's health ministry"), ("Hamas", "Hamas"), ("Hamas", "Hamas")]


def test_rule5_variants_and_wildcards():
    lx = lexicon(Term("captives", variants=("captive",)), "massacre*")
    text = "a captive, two captives, captivity, massacre, massacres, massacred, mass"
    assert found(lx, text) == [("captives", "captive"), ("captives", "captives"), ("massacre*", "massacre"),
                               ("massacre*", "massacres"), ("massacre*", "massacred")]


def test_wildcard_inside_a_phrase():
    assert found(lexicon("massacre* in Gaza"), "massacres in Gaza, massacre in gaza, massacre at Gaza") == [
        ("massacre* in Gaza", "massacres in Gaza"), ("massacre* in Gaza", "massacre in gaza")]


def test_rule6_leftmost_longest_and_nested_option():
    lx = lexicon("Hamas-run health ministry", "health ministry", "Hamas", "ministry")
    text = "the Hamas-run health ministry and the health ministry"
    assert found(lx, text) == [("Hamas-run health ministry", "Hamas-run health ministry"),
                               ("health ministry", "health ministry")]
    nested = found(lx, text, nested=True)
    assert sorted(nested) == sorted([
        ("Hamas-run health ministry", "Hamas-run health ministry"), ("Hamas", "Hamas"),
        ("health ministry", "health ministry"), ("ministry", "ministry"),
        ("health ministry", "health ministry"), ("ministry", "ministry")])


def test_rule6_longest_wins_even_when_a_shorter_term_starts_first_in_the_list():
    lx = lexicon("war", "war crimes", "crimes")
    assert found(lx, "war crimes and crimes of war") == [("war crimes", "war crimes"), ("crimes", "crimes"),
                                                          ("war", "war")]


def test_rule7_offsets_and_surface():
    text = normalize("They said \u201chostages\u201d. Then:\nthe Hamas run health ministry.")
    doc = Document("d", text)
    for m in Matcher(lexicon("hostages", "Hamas-run health ministry")).match(doc):
        assert text[m.start:m.end] == m.surface and m.doc_id == "d"


def test_rule8_quotation_marks_straight_curly_and_line_breaks():
    text = ("Officials said \u201cthe hostages\nwill return\u201d while the captives wait. "
            "He said \"captives are 'safe'\" today.\n\n\u201cThe hostages are alive,\n\n\u201cand the captives too,\u201d she said. "
            "Later the hostages\u2026")
    ms = Matcher(lexicon("hostages", "captives")).match(Document("d", normalize(text)))
    assert [(m.term, m.quoted) for m in ms] == [("hostages", True), ("captives", False), ("captives", True),
                                               ("hostages", True), ("captives", True), ("hostages", False)]


def test_unicode_whose_lowercase_changes_length_keeps_offsets():
    text = "\u0130stanbul hostages and more hostages"
    ms = Matcher(lexicon("hostages")).match(Document("d", text))
    assert [(m.start, m.surface) for m in ms] == [(9, "hostages"), (27, "hostages")]


@pytest.fixture(scope="module")
def seed_counts():
    lx = load_lexicon("israel-gaza")
    matcher = Matcher(lx)
    corpus = read_corpus(__import__("conftest").SEEDS)
    out = {}
    for doc in corpus:
        for m in matcher.match(doc):
            out.setdefault(doc.id[:3], {}).setdefault(m.term, []).append(m)
    return out


# Counted by hand (and with grep -o -i -w) in the four seed files.
@pytest.mark.parametrize("doc, term, count", [
    ("000", "captives", 11), ("001", "captives", 9), ("002", "captives", 0), ("003", "captives", 2),
    ("000", "hostages", 0), ("001", "hostages", 0), ("002", "hostages", 5), ("003", "hostages", 0),
    ("002", "prisoners", 2), ("003", "prisoners", 3), ("003", "prisoners of war", 1), ("003", "administrative detainees", 1),
    ("000", "genocidal war", 1), ("000", "war", 2), ("002", "Hamas-run health ministry", 2),
    ("002", "health ministry", 0), ("000", "Palestinian Health Ministry", 1), ("001", "Palestinian Health Ministry", 1),
    ("000", "besieged enclave", 1), ("001", "restrict aid", 1), ("000", "starvation", 1),
    ("002", "ceasefire", 5), ("001", "ceasefire", 2), ("000", "aid seekers", 2),
])
def test_seed_counts(seed_counts, doc, term, count):
    assert len(seed_counts.get(doc, {}).get(term, [])) == count


def test_seed_quoted_matches(seed_counts):
    assert [m.surface for m in seed_counts["002"]["ethnic cleansing"]] == ["ethnic cleansing"]
    assert seed_counts["002"]["ethnic cleansing"][0].quoted
    assert [m.quoted for m in seed_counts["003"]["war"]] == [True]  # "... is \u201cat war.\u201d"
    assert not any(m.quoted for m in seed_counts["000"]["captives"])
