"""Terms beside their translations: counts derived by hand from four short documents."""
import pandas as pd

from framing import stats
from framing.analysis import analyse
from framing.corpus import from_dataframe
from framing.model import Category, Lexicon, Term
from framing.report import build_report


def lexicons():
    en = Lexicon("en lex", (Category("captivity", (Term("hostages"), Term("captives"))),), language="en")
    ar = Lexicon("ar lex", (Category("captivity", (Term("رهائن", translation_of="hostages"),
                                                   Term("أسرى", translation_of="captives"))),), language="ar")
    return [en, ar]


ROWS = [{"text": "The hostages were freed on Monday, officials said.", "source": "A"},
        {"text": "The captives and the hostages were freed, officials said.", "source": "A"},
        {"text": "قال مسؤولون إن الأسرى والرهائن أفرج عنهم اليوم في غزة.", "source": "B"},
        {"text": "قال مسؤولون إن الأسرى أفرج عنهم اليوم.", "source": "B"}]


def test_translation_table_counts_documents_per_term():
    a = analyse(from_dataframe(pd.DataFrame(ROWS)), lexicons())
    t = stats.translation_table(a.counts, a.lexicons)
    got = {(r.english_term, r.language, r.term): r.documents for r in t.itertuples()}
    assert got == {("hostages", "en", "hostages"): 2, ("hostages", "ar", "رهائن"): 1,
                   ("captives", "en", "captives"): 1, ("captives", "ar", "أسرى"): 2}


def test_report_section_only_with_two_languages():
    report = build_report(analyse(from_dataframe(pd.DataFrame(ROWS)), lexicons()))
    (section,) = [s for s in report.sections if s.id == "translations"]
    assert section.tables[0].rows[0][1:] == ("captives", "captives (1)", "أسرى (2)")
    english_only = build_report(analyse(from_dataframe(pd.DataFrame(ROWS)), lexicons()[:1]))
    assert "translations" not in {s.id for s in english_only.sections}
