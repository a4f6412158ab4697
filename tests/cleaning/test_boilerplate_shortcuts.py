"""Boilerplate's shortcuts (runs before sentences, two-word openings before longer ones, bare text
only where a phrase's words are, one normal form per line, the phrases' positions found in the
key) change no result: random corpora full of near-boilerplate, compared with the module as it
was before them (benchmarks/_boilerplate_reference.py, a second implementation of the same rules)."""
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.cleaning import without_boilerplate
from framing.cleaning.boilerplate import find_boilerplate
from framing.cleaning.boilerplate_forms import _DIGITS, _digits_as_zero
from framing.model import Corpus, Document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import _boilerplate_reference as reference

# Pieces that make lines, sentences, openings and widgets repeat, and near misses of them: the
# same words with other punctuation, case or digits, at either edge of a line or inside it.
PIECES = [
    "Click here for reprint permission.", "click here for reprint permission!", "Copyright 2019 AP.",
    "Copyright 2020 AP.", "Copyright \u0662\u0660\u0661\u0669 AP.", "Hide Caption 3 of 22", "Hide Caption 12 of 61", "JUST WATCHED", "Replay More Videos",
    "MUST WATCH", "Story highlights", "Reporting by Jane Doe;", "Editing by Tom Roe.", "Sign up here.",
    "(Reuters) -", "GAZA CITY (Reuters) -", "The figures could not be verified.", '"We will win," he said.',
    "Mr. Smith said.", "U.S. officials said.", "Read or Share this story: http://x.co/1",
]
WORDS = "talks ceasefire aid trucks strike rubble convoy ministry officials said the a of in and on".split()

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(lambda ws: " ".join(ws).capitalize() + ".")
piece = st.one_of(st.sampled_from(PIECES), sentence)
line = st.lists(piece, min_size=1, max_size=5).map(" ".join)
text = st.lists(line, min_size=1, max_size=6).map("\n".join)
document = st.tuples(st.sampled_from(["A", "B", "C"]), text, st.one_of(st.none(), st.sampled_from(
    ["Title - A", "Title - The Post", "Headline"])))


def corpus_of(docs) -> Corpus:
    return Corpus("t", tuple(Document(id=str(i), text=t, source=s, title=title)
                             for i, (s, t, title) in enumerate(docs)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(document, min_size=3, max_size=40), st.sampled_from([1, 2, 3, 5]))
def test_same_texts_found_and_removed_as_before(docs, min_docs):
    c = corpus_of(docs)
    labels = [d.source for d in c.documents]
    new = find_boilerplate(c, labels, min_docs=min_docs, min_share=0.05)
    old = reference.find_boilerplate(c, labels, min_docs=min_docs, min_share=0.05)
    assert {g: [vars(r) for r in rows] for g, rows in new.groups.items()} == \
        {g: [vars(r) for r in rows] for g, rows in old.groups.items()}
    kept, removal = without_boilerplate(c, by="source")
    kept_old, removal_old = reference.remove_boilerplate(c, reference.find_boilerplate(c, labels))
    assert [(d.id, d.text, d.title) for d in kept.documents] == [(d.id, d.text, d.title) for d in kept_old.documents]
    assert [(s.path, s.reason) for s in kept.skipped] == [(s.path, s.reason) for s in kept_old.skipped]
    assert {g: vars(r) for g, r in removal.groups.items()} == {g: vars(r) for g, r in removal_old.groups.items()}


def test_the_random_corpora_do_find_every_kind():
    """The comparison above is not vacuous: corpora of these pieces have lines, sentences,
    openings and inner phrases to find, and removal changes them."""
    docs = [("A", "\n".join([f"Ceasefire talks {w} resumed. Copyright 2019 AP.",
                             f"JUST WATCHED Convoy {w} crossed Replay More Videos MUST WATCH",
                             f"Story highlights The ministry said {w} trucks crossed",
                             "Click here for reprint permission.", f"The strike hit {w} at night."]), None)
            for w in ["north", "south", "east", "west", "gaza", "rafah"]]
    c = corpus_of(docs)
    found = find_boilerplate(c, ["A"] * len(docs))
    assert {r.kind for r in found.found()} == {"line", "sentence", "opening", "inner"}
    kept, removal = without_boilerplate(c)
    assert removal.affected == 6
    assert all("Click here" not in d.text and "Copyright" not in d.text and "WATCH" not in d.text
               for d in kept.documents)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from("0123456789 \n\u0660\u0669\u06f5\uff11\U0001d7ce\u00b2\u2019é"),
                                  st.characters())))
def test_digit_runs_read_as_one_zero_as_the_pattern_reads_them(text):
    assert _digits_as_zero(text) == _DIGITS.sub("0", text)


def test_digit_runs_in_texts_with_lone_surrogates():
    text = "file\udc80 2019 and \u0661\u0662 x9"
    assert _digits_as_zero(text) == _DIGITS.sub("0", text) == "file\udc80 0 and 0 x0"
