"""Properties of the matcher on random lexicons and texts: offsets point at the matched form, and
counts do not depend on how the words are spaced or on unrelated text around them."""
from collections import Counter

from hypothesis import assume, given
from hypothesis import strategies as st

from framing.lexicon import _check
from framing.matcher import Matcher, compile_forms
from framing.model import Category, Document, Lexicon, Term
from framing.text import normalize, term_key

# Words of terms, and filler words that no form matches (none starts with a term word, so no
# wildcard stem matches one either). Both include letters whose case mapping is unusual: the
# German sharp s, the Turkish dotted capital I (it lower-cases to two characters, which sends
# the matcher down its IGNORECASE path) and the Greek final sigma. Istanbul is there both ways.
WORDS = ["war", "crimes", "hostage", "hostages", "Hamas", "run", "health", "ministry", "Gaza", "AP",
         "caf\u00e9", "stra\u00dfe", "Istanbul", "\u0130stanbul", "\u03c3\u03b1\u03c2", "na\u00efve"]
FILLER = ["the", "and", "said", "of", "on", "Monday", "officials", "\u00fcber", "\u0130zmir", "\u03b4\u03ad\u03ba\u03b1",
          "\u65e5\u672c", "2024", "(", ")", '"', "'", ",", ".", ":"]
SEPARATORS = [" ", " ", " ", "-", "\u2014", "\n", ", ", ". ", "'s ", " (", ") ", "\n\n", " - "]


@st.composite
def cased(draw, word):
    """`word` as written, upper-cased (also the Turkish way), title-cased or with random letters
    upper-cased."""
    how = draw(st.sampled_from(["same", "upper", "title", "random", "turkish"]))
    if how == "upper":
        return word.upper()
    if how == "turkish":  # Turkish capitals: i is \u0130 (dotted), as in \u0130stanbul
        return word.replace("i", "\u0130").upper()
    if how == "title":
        return word.title()
    if how == "random":
        flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
        return "".join(c.upper() if f else c for c, f in zip(word, flips))
    return word


@st.composite
def forms(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
    joins = draw(st.lists(st.sampled_from([" ", "-", "\u2014"]), min_size=len(words), max_size=len(words)))
    if draw(st.integers(0, 4)) == 0:  # a wildcard ending one word
        k = draw(st.integers(0, len(words) - 1))
        words[k] += "*"
    return "".join(w + j for w, j in zip(words, joins))[:-1] if len(words) > 1 else words[0]


@st.composite
def terms(draw):
    main = draw(forms())
    variants = tuple(draw(st.lists(forms(), max_size=2)))
    exceptions = ()
    if draw(st.integers(0, 3)) == 0:  # a phrase around the term's own form, whose matches it drops
        word = draw(st.sampled_from(WORDS))
        exceptions = (f"{word} {main}" if draw(st.booleans()) else f"{main} {word}",)
    return Term(main, variants, case_sensitive=draw(st.integers(0, 5)) == 0, exceptions=exceptions)


@st.composite
def lexicons(draw):
    categories = []
    for ci in range(draw(st.integers(1, 3))):
        ts = draw(st.lists(terms(), min_size=1, max_size=4, unique_by=lambda t: t.term))
        categories.append(Category(f"c{ci}", tuple(ts)))
    lexicon = Lexicon("t", tuple(categories))
    assume(not _check(lexicon, "t", {}))  # only lexicons the loader accepts (forms listed once...)
    return lexicon


@st.composite
def token_texts(draw, vocabulary, min_size=0, max_size=25):
    tokens = draw(st.lists(st.sampled_from(vocabulary).flatmap(cased), min_size=min_size, max_size=max_size))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(tokens), max_size=len(tokens)))
    return normalize("".join(t + s for t, s in zip(tokens, seps)))


texts = token_texts(WORDS + FILLER)
fillers = token_texts(FILLER, min_size=1, max_size=8)


def counts(matcher, text):
    return Counter((m.category, m.term) for m in matcher.match(Document("d", text)))


def term_of(lexicon, category, name):
    return next(t for c in lexicon.categories if c.name == category for t in c.terms if t.term == name)


@given(lexicons(), texts, st.booleans())
def test_offsets_point_at_a_form_of_the_term(lexicon, text, nested):
    for m in Matcher(lexicon, nested=nested).match(Document("d", text)):
        assert text[m.start:m.end] == m.surface
        term = term_of(lexicon, m.category, m.term)
        cs = term.case_sensitive
        exact = [f for f in term.forms if "*" not in f]
        wild = [f for f in term.forms if "*" in f]
        assert (any(term_key(m.surface, cs) == term_key(f, cs) for f in exact)
                or any(compile_forms([f], cs).fullmatch(m.surface) for f in wild)), (m, term)


@given(lexicons(), texts, st.booleans())
def test_counts_do_not_depend_on_line_breaks_between_words(lexicon, text, nested):
    matcher = Matcher(lexicon, nested=nested)
    assert counts(matcher, text.replace(" ", "\n")) == counts(matcher, text)


@given(lexicons(), texts, fillers, fillers, st.booleans())
def test_counts_do_not_depend_on_text_around_without_terms(lexicon, text, before, after, nested):
    matcher = Matcher(lexicon, nested=nested)
    assert not counts(matcher, before) and not counts(matcher, after)
    assert counts(matcher, f"{before} {text} {after}") == counts(matcher, text)
