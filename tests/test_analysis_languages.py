"""A lexicon counts in documents of its own language (and undetermined ones), and says so."""
import pandas as pd

from framing.analysis import analyse
from framing.corpus import from_dataframe
from framing.grouping import group_labels
from framing.model import Category, Lexicon, Term


def lexicon(name, language, *forms):
    return Lexicon(name, (Category("captivity", tuple(Term(f) for f in forms)),), language=language)


def test_lexicons_apply_to_their_language_only():
    rows = [
        {"text": "The hostages were taken to Gaza, and the army said it was searching.", "source": "A"},
        # Arabic text quoting the English word: the English lexicon does not count it.
        {"text": "قال الجيش إن الرهائن (hostages) نقلوا إلى غزة وإنه يبحث عنهم.", "source": "B"},
        {"text": "Hostages freed", "source": "C"},  # a headline too short to tell: every lexicon applies
        {"text": "Les otages ont été emmenés à Gaza, selon l'armée.", "source": "D", "language": "French"},
    ]
    a = analyse(from_dataframe(pd.DataFrame(rows)), [lexicon("en", "en", "hostages"), lexicon("ar", "ar", "رهائن")])
    assert [p.language for p in a.profiles] == ["en", "ar", "und", "fr"]
    counts = {(m.lexicon, p.group) for p in a.profiles for m in p.matches}
    assert counts == {("en", "A"), ("ar", "B"), ("en", "C")}
    assert a.unmatched_languages() == {"en": {"ar": 1, "fr": 1}, "ar": {"en": 1, "fr": 1}}


def test_group_by_language():
    rows = [{"text": "The hostages were taken, the army said on Monday."},
            {"text": "قال الجيش إن الرهائن نقلوا إلى غزة."}, {"text": "Texte court.", "language": "fr"}]
    assert group_labels(from_dataframe(pd.DataFrame(rows)), "language") == ["en", "ar", "fr"]
