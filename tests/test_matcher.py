"""Each matching rule of lexicons/README.md against hand-counted text, and the fast scan against
the rules' regexes run one category at a time."""
import functools
import random
import re

import pytest

from framing.clitics import with_proclitics
from framing.corpus import read_corpus
from framing.lexicon import bundled_lexicons, load_lexicon
from framing.matcher import Matcher
from framing.matcher import _pattern as framing_pattern
from framing.model import Category, Document, Lexicon, Term
from framing.quotes import QuoteIndex
from framing.text import fold, normalize, term_key


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


def test_rule6_at_one_start_a_letter_goes_before_a_wildcard():
    # Longest is decided word by word, as the category's trie regex tries its branches: at one
    # start a form going on with a letter is tried before one whose `*` matches the rest of the
    # word, so `abc` wins in `abc d` though `ab* d` would cover more.
    assert found(lexicon("ab* d", "abc"), "abc d, abcx d") == [("abc", "abc"), ("ab* d", "abcx d")]


def test_rule6_longest_wins_even_when_a_shorter_term_starts_first_in_the_list():
    lx = lexicon("war", "war crimes", "crimes")
    assert found(lx, "war crimes and crimes of war") == [("war crimes", "war crimes"), ("crimes", "crimes"),
                                                          ("war", "war")]


def categories(*cats):
    """A lexicon of several categories: (name, [terms]) pairs, in that order."""
    return Lexicon("t", tuple(Category(name, tuple(t if isinstance(t, Term) else Term(t) for t in terms))
                              for name, terms in cats))


def found_by_category(lx, text, nested=False):
    doc = Document("d", normalize(text))
    return [(m.category, m.term, m.surface) for m in Matcher(lx, nested=nested).match(doc)]


def test_rule6_categories_are_matched_independently():
    # A term inside a longer term of another category counts in its own category; inside a
    # longer term of its own category it does not.
    lx = categories(("fighting", ["war", "war crimes"]), ("crimes", ["crimes"]))
    assert found_by_category(lx, "war crimes, crimes of war") == [
        ("fighting", "war crimes", "war crimes"), ("crimes", "crimes", "crimes"),
        ("crimes", "crimes", "crimes"), ("fighting", "war", "war")]
    # Partial overlaps too: each category keeps its own leftmost-longest matches.
    lx = categories(("a", ["Hamas-run health"]), ("b", ["health ministry"]))
    assert found_by_category(lx, "the Hamas-run health ministry") == [
        ("a", "Hamas-run health", "Hamas-run health"), ("b", "health ministry", "health ministry")]


def test_rule6_order_is_start_end_then_category_order():
    # The same span in two categories comes out in the lexicon's order of categories, not by name.
    lx = categories(("zeta", ["Hamas"]), ("alpha", ["Hamas", "Hamas-run"]), ("mid", ["run"]))
    expected = [("zeta", "Hamas", "Hamas"), ("alpha", "Hamas-run", "Hamas-run"), ("mid", "run", "run")]
    assert found_by_category(lx, "Hamas-run") == expected
    assert Matcher(lx).find("Hamas-run") == [(0, 5, "zeta", "Hamas"), (0, 9, "alpha", "Hamas-run"),
                                             (6, 9, "mid", "run")]
    # nested also counts `Hamas` of alpha, inside alpha's own `Hamas-run`; the tie at (0, 5) keeps category order
    assert found_by_category(lx, "Hamas-run", nested=True) == [
        ("zeta", "Hamas", "Hamas"), ("alpha", "Hamas", "Hamas"), ("alpha", "Hamas-run", "Hamas-run"),
        ("mid", "run", "run")]


def test_rule6_bundled_hamas_run_health_ministry():
    matcher = Matcher(load_lexicon("israel-gaza"))
    text = normalize("The Hamas-run health ministry said so. The Hamas-run police and the health ministry.")
    assert [(m.category, m.term, m.surface) for m in matcher.match(Document("d", text))] == [
        ("control attribution", "Hamas-run", "Hamas-run"),
        ("casualty sourcing", "Hamas-run health ministry", "Hamas-run health ministry"),
        ("control attribution", "Hamas-run", "Hamas-run"),
        ("casualty sourcing", "health ministry", "health ministry")]


def test_rule6_bundled_genocidal_war():
    # `genocidal war` is in naming the fighting with `war`; `genocidal` is a variant of `genocide`
    # in legal and moral framing: both count, `war` inside `genocidal war` does not.
    matcher = Matcher(load_lexicon("israel-gaza"))
    text = "a genocidal war, a war and genocidal rhetoric"
    assert [(m.category, m.term, m.surface) for m in matcher.match(Document("d", text))] == [
        ("legal and moral framing", "genocide", "genocidal"),
        ("naming the fighting", "genocidal war", "genocidal war"),
        ("naming the fighting", "war", "war"),
        ("legal and moral framing", "genocide", "genocidal")]


def one_category_at_a_time(lx, text):
    """The definition of rule 6: each category matched on its own, then all sorted."""
    out = []
    for rank, category in enumerate(lx.categories):
        found_here = Matcher(Lexicon("one", (category,))).find(text)
        out += [(s, e, rank, c, t) for s, e, c, t in found_here]
    return [(s, e, c, t) for s, e, _, c, t in sorted(out)]


def test_shared_scans_find_what_one_scan_per_category_finds(seeds_dir):
    # One automaton scans the forms of every category at once; that must change nothing.
    texts = [d.text for d in read_corpus(seeds_dir)]
    for path in bundled_lexicons():
        lx = load_lexicon(path)
        assert all(Matcher(lx).find(t) == one_category_at_a_time(lx, t) for t in texts), path.name
    rng = random.Random(9)
    words = ["ab", "abc", "b", "ba", "Ab", "c", "cab", "\u0130b", "\u00df", "ss", "a'b", "x"]
    for _ in range(250):
        cats, seen = [], set()
        for ci in range(rng.randint(2, 5)):
            terms = []
            for _ in range(rng.randint(1, 3)):
                ws = [rng.choice(words) + ("*" if rng.random() < 0.15 else "") for _ in range(rng.randint(1, 3))]
                form = rng.choice([" ", "-"]).join(ws)
                if form.lower() not in seen:
                    seen.add(form.lower())
                    terms.append(Term(form, case_sensitive=rng.random() < 0.2))
            cats.append(Category(f"c{ci}", tuple(terms)))
        lx = Lexicon("r", tuple(c for c in cats if c.terms))
        matcher = Matcher(lx)
        for _ in range(4):
            text = normalize(" ".join(rng.choice(words + ["AB", "abcd", "-", "\u2014", "Bab"])
                                      for _ in range(rng.randint(3, 12))))
            assert matcher.find(text) == one_category_at_a_time(lx, text), (lx, text)


def test_rule6_a_case_sensitive_hamza_form_is_not_hidden_by_another_category():
    # Case-insensitive forms read أ as ا, so a case-sensitive أب of one category and a
    # case-insensitive اب of another both count in أب (the regex matcher's shared scans, which
    # did not see the fold, kept only the second).
    lx = categories(("a", [Term("\u0623\u0628", case_sensitive=True)]), ("b", ["\u0627\u0628"]))
    text = "\u0623\u0628 \u0627\u0628"
    assert Matcher(lx).find(text) == one_category_at_a_time(lx, text) == [
        (0, 2, "a", "\u0623\u0628"), (0, 2, "b", "\u0627\u0628"), (3, 5, "b", "\u0627\u0628")]


def test_exceptions_drop_only_the_matches_inside_them():
    prisoners = Term("prisoners", variants=("prisoner",), exceptions=("prisoners' rights", "prisoner rights"))
    lx = categories(("captivity", [prisoners]), ("rights", ["rights"]))
    text = normalize("Prisoners\u2019 rights groups said the prisoners were freed. A prisoner-rights lawyer, "
                     "prisoners rights, and the rights of prisoners.")
    ms = Matcher(lx).match(Document("d", text))
    # Dropped: `Prisoners'` and `prisoner` (hyphen = space). Kept: `prisoners rights` (no
    # apostrophe, and `prisoners` is not the word `prisoner`) and the two others.
    assert [(m.term, m.start) for m in ms if m.category == "captivity"] == [
        ("prisoners", text.index("prisoners were")), ("prisoners", text.index("prisoners rights")),
        ("prisoners", text.rindex("prisoners"))]
    assert [m.surface for m in ms if m.category == "rights"] == ["rights"] * 4  # other terms are untouched
    nested = Matcher(lx, nested=True).match(Document("d", text))
    assert [m.start for m in nested if m.category == "captivity"] == [m.start for m in ms if m.category == "captivity"]


def test_exceptions_follow_the_case_rule_of_their_term_and_wildcards():
    lx = lexicon(Term("AP", case_sensitive=True, exceptions=("AP Stylebook",)),
                 Term("hostages", exceptions=("hostage* crisis",)))
    text = "AP said; the AP Stylebook; the ap stylebook; AP stylebook. Hostages crisis, the hostages."
    assert found(lx, text) == [("AP", "AP"), ("AP", "AP"), ("hostages", "hostages")]


def test_exceptions_in_the_bundled_lexicon():
    matcher = Matcher(load_lexicon("israel-gaza"))
    text = normalize("Addameer, a prisoners\u2019 rights NGO, says 5,200 prisoners are held; a prisoner rights group agrees.")
    assert [(m.term, m.surface) for m in matcher.match(Document("d", text)) if m.category == "captivity"] == [
        ("prisoners", "prisoners")]


def test_unmatchable_sees_an_exception_that_swallows_its_form():
    lx = lexicon(Term("prisoners", variants=("prisoner",), exceptions=("prisoners",)))
    assert Matcher(lx).unmatchable() == ["prisoners"]


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


# Counted by hand (and with grep -o -i -w) in the four seed files. Categories are matched
# independently, so a term inside a longer term of another category counts too: `genocidal`
# (genocide) in 000's `genocidal war`, `besieged` (siege) in `besieged enclave` (000, 001),
# `Hamas-run` in 002's two `Hamas-run health ministry`, and `war` in 003's `prisoners of war`
# (003 has one other `war`). `war` inside `genocidal war` is in the same category: not counted.
# 003's third `prisoners` is in "a prisoners' rights NGO", an exception of the term.
@pytest.mark.parametrize("doc, term, count", [
    ("000", "captives", 11), ("001", "captives", 9), ("002", "captives", 0), ("003", "captives", 2),
    ("000", "hostages", 0), ("001", "hostages", 0), ("002", "hostages", 5), ("003", "hostages", 0),
    ("002", "prisoners", 2), ("003", "prisoners", 2), ("003", "prisoners of war", 1), ("003", "administrative detainees", 1),
    ("000", "genocidal war", 1), ("000", "war", 2), ("002", "Hamas-run health ministry", 2),
    ("002", "health ministry", 0), ("000", "Palestinian Health Ministry", 1), ("001", "Palestinian Health Ministry", 1),
    ("000", "besieged enclave", 1), ("001", "restrict aid", 1), ("000", "starvation", 1),
    ("002", "ceasefire", 5), ("001", "ceasefire", 2), ("000", "aid seekers", 2),
    ("000", "genocide", 1), ("000", "siege", 1), ("001", "siege", 1), ("002", "Hamas-run", 2),
    ("003", "war", 2), ("002", "war", 1),
])
def test_seed_counts(seed_counts, doc, term, count):
    assert len(seed_counts.get(doc, {}).get(term, [])) == count


def test_seed_quoted_matches(seed_counts):
    assert [m.surface for m in seed_counts["002"]["ethnic cleansing"]] == ["ethnic cleansing"]
    assert seed_counts["002"]["ethnic cleansing"][0].quoted
    # `prisoners of war` (not quoted), then "... is \u201cat war.\u201d"
    assert [m.quoted for m in seed_counts["003"]["war"]] == [False, True]
    assert not any(m.quoted for m in seed_counts["000"]["captives"])


def test_rule2_after_an_apostrophe_only_a_possessive_or_an_elision():
    # don't is one word (as the tokenizer reads it); l'otage is the article and the word
    assert found(lexicon("don", "otage", "l"), "don't Don's l'otage d'otages L'") == [
        ("don", "Don"), ("l", "l"), ("otage", "otage"), ("l", "L")]


def test_rule1_alef_forms_are_one_letter():
    # أسرى / اسرى and إسرائيل / اسرائيل are the same words written with and without hamza.
    lx = lexicon(Term("أسرى", variants=("الأسرى",)), "إسرائيل")
    text = "أسرى اسرى الاسرى إسرائيل اسرائيل آسرى"
    assert [s for _, s in found(lx, text)] == ["أسرى", "اسرى", "الاسرى", "إسرائيل", "اسرائيل", "آسرى"]
    # a case-sensitive term is compared exactly
    assert [s for _, s in found(lexicon(Term("أسرى", case_sensitive=True)), text)] == ["أسرى"]
    # exceptions and wildcards are folded alike
    held = Term("أسير*", exceptions=("نادي الأسير",))
    assert [s for _, s in found(lexicon(held), "نادي الاسير، اسيرة وأسيران")] == ["اسيرة"]


# --- the fast scan against the rules' regexes ----------------------------------------------------

@functools.lru_cache(maxsize=4096)
def rules_regex(forms, lower, around=""):
    """The trie regex of `forms` (a tuple), compiled; `around` wraps it, `{}` standing for it."""
    return re.compile((around or "{}").replace("{}", framing_pattern(list(forms), lower)))


def slow_find(lexicon, text, nested=False):
    """What `Matcher.find` must return, by the definitions alone: each category (each term when
    nested) scanned by the trie regex of its forms of each kind (case-insensitive ones in the
    folded text), the two kinds' matches merged leftmost-longest, a surface counted for the term
    whose form it is (a wildcard form's if none, longer patterns first; the term scanned when
    nested), matches inside an occurrence of one of their term's exceptions dropped, all sorted
    by start, end and the lexicon's order."""
    lexicon = with_proclitics(lexicon)
    folded = fold(text)
    out = []
    for ci, category in enumerate(lexicon.categories):
        for unit in ([t] for t in category.terms) if nested else [list(category.terms)]:
            hits = []
            for cs in (False, True):
                terms = [t for t in unit if t.case_sensitive == cs]
                regex = rules_regex(tuple(f for t in terms for f in t.forms), not cs)
                hits += [(m.start(), m.end(), terms[0] if nested else owner(terms, m.group(), cs))
                         for m in regex.finditer(text if cs else folded)]
            kept = []
            for start, end, term in sorted(hits, key=lambda h: (h[0], -h[1])):
                if (not kept or start >= kept[-1][1]) and not excepted(term, start, end, text, folded):
                    kept.append((start, end, term))
            out += [(s, e, (ci, category.terms.index(t)), category.name, t.term) for s, e, t in kept]
    return [(s, e, c, t) for s, e, _, c, t in sorted(out)]


def owner(terms, surface, cs):
    key = term_key(surface, cs)
    exact = [t for t in terms for f in t.forms if "*" not in f and term_key(f, cs) == key]
    wild = [(len(rules_regex((f,), not cs).pattern), i, t) for i, t in enumerate(terms) for f in t.forms
            if "*" in f and rules_regex((f,), not cs).fullmatch(key)]
    if not exact and not wild:  # a form with a word that is only `*` can match with a separator at its end
        raise AssertionError(f"no entry claims {surface!r}")
    return exact[0] if exact else min(wild, key=lambda w: (-w[0], w[1]))[2]


def excepted(term, start, end, text, folded):
    for phrase in term.exceptions:
        regex = rules_regex((phrase,), not term.case_sensitive, "(?=({}))")
        if any(m.start(1) <= start and end <= m.end(1) for m in regex.finditer(text if term.case_sensitive else folded)):
            return True
    return False


WORDS = ["ab", "abc", "b", "ba", "Ab", "c", "cab", "\u0130b", "\u00df", "ss", "a'b", "x", "l", "qu", "d", "s", "a.b",
         "\u0627\u0628", "\u0623\u0628\u0629", "\u05d0\u05d1"]
JOINS = [" ", " ", " ", "-", "\u2014", "\n", "\n\n", " - ", " \u2014 ", "--", ", ", ". ", "'s ", "' ", "'d ", "'t ",
         " \"", "\" ", " (", ") ", "\t", "\r\n", "\u00a0", "  "]


def random_lexicon(rng):
    """Up to four categories of overlapping forms: wildcards, case-sensitive terms, exceptions,
    now and then a word that is only `*` (the loader refuses it; the matcher scans it with its regex)."""
    categories, seen = [], set()
    for ci in range(rng.randint(1, 4)):
        terms = []
        for _ in range(rng.randint(1, 4)):
            forms = []
            for _ in range(rng.randint(1, 3)):
                ws = [rng.choice(WORDS) + ("*" if rng.random() < 0.25 else "") for _ in range(rng.randint(1, 3))]
                if rng.random() < 0.02:
                    ws.append("*")
                form = rng.choice([" ", "-", "\u2014"]).join(ws)
                if term_key(form) not in seen:
                    seen.add(term_key(form))
                    forms.append(form)
            if forms:
                exceptions = (f"{rng.choice(WORDS)} {forms[0]}",) if rng.random() < 0.15 else ()
                terms.append(Term(forms[0], tuple(forms[1:]), case_sensitive=rng.random() < 0.2, exceptions=exceptions))
        if terms:
            categories.append(Category(f"c{ci}", tuple(terms)))
    return Lexicon("r", tuple(categories), language=rng.choice(["en"] * 6 + ["ar", "he"]))


def random_text(rng, lexicon):
    """Forms of the lexicon, cut short, run into other words, re-cased, prefixed, among other words."""
    forms = [f for _, t in lexicon.terms() for f in t.forms]
    pieces = []
    for _ in range(rng.randint(1, 14)):
        if rng.random() < 0.6:
            words = [w.rstrip("*") + (rng.choice(["", "", "c", "bx"]) if w.endswith("*") else "")
                     for w in re.split(r"[\s\-\u2014]+", rng.choice(forms)) if w]
            words = [rng.choice([w, w.upper(), w.title(), "\u0648" + w, "\u05d4" + w]) for w in words]
            if rng.random() < 0.2:
                words = words[:-1] + [words[-1] + rng.choice(["x", "'s", "'t"])] if rng.random() < 0.5 else words[:-1]
            pieces.append("".join(w + rng.choice(JOINS) for w in words).strip() or "x")
        else:
            pieces.append(rng.choice(WORDS + ["AB", "abcd", "Bab", "don't", "l'", "qu'", "_", "1", "\u0627\u0644"]))
    return "".join(p + rng.choice(JOINS) for p in pieces)


def outcome(find, *args):
    try:
        return find(*args)
    except AssertionError:
        return "a match no entry claims"


def test_fast_scan_finds_what_the_rules_regexes_find():
    rng = random.Random(13)
    for _ in range(300):
        lexicon = random_lexicon(rng)
        if not lexicon.categories:
            continue
        for nested in (False, True):
            matcher = Matcher(lexicon, nested=nested)
            for _ in range(3):
                raw = random_text(rng, lexicon)
                for text in (raw, normalize(raw)):  # raw text has odd separators (tabs, CR, no-break spaces)
                    assert outcome(matcher.find, text) == outcome(slow_find, lexicon, text, nested), (lexicon, text)
                if isinstance(outcome(matcher.find, text), str):
                    continue
                quotes = QuoteIndex(text)
                assert [m.quoted for m in matcher.match(Document("d", text))] == [
                    s in quotes for s, *_ in matcher.find(text)]


def test_fast_scan_with_hundreds_of_letters_outside_latin1():
    # A lexicon of words of a large script (here CJK, space-separated): terms, phrases of two of
    # them, and in the text look-alike words of other letters in the same places.
    rng = random.Random(7)
    letters = [chr(0x4E00 + i) for i in range(360)]
    for _ in range(10):
        vocabulary = ["".join(rng.sample(letters, rng.randint(1, 2))) for _ in range(200)]
        terms = {w: Term(w, (rng.choice(vocabulary) + " " + rng.choice(vocabulary),)) for w in vocabulary[:150]}
        lx = Lexicon("cjk", (Category("c", tuple(terms.values())),))
        matcher = Matcher(lx)
        alias = {c: letters[(i + 119) % len(letters)] for i, c in enumerate(letters)}
        words = vocabulary + ["".join(alias[c] for c in w) for w in vocabulary]
        text = " ".join(rng.choice(words) + rng.choice(["", "", "x", "'s"]) for _ in range(300))
        assert matcher.find(text) == slow_find(lx, text)
        assert len(matcher.find(text)) > 20  # half the words are the lexicon's: many of them count
