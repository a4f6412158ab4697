"""Arabic and Hebrew proclitics: a bare lexicon form counts with its joined prefixes. Hand-made
sentences; each expected count is read off the sentence."""
import pytest

from framing.clitics import prefixed, with_proclitics
from framing.matcher import Matcher
from framing.model import Category, Document, Lexicon, Term


def lexicon(language, *forms):
    return Lexicon("t", (Category("captivity", tuple(Term(f) for f in forms)),), language=language)


@pytest.mark.parametrize("language,form,text,surfaces", [
    ("ar", "رهائن", "أفرج عن الرهائن والرهائن الآخرين وللرهائن حقوق، وتحدث بالرهائن", ["الرهائن", "والرهائن", "وللرهائن", "بالرهائن"]),
    ("ar", "رهائن", "رهائن جدد", ["رهائن"]),
    ("ar", "الاحتلال", "قال الاحتلال إن للاحتلال والاحتلال", ["الاحتلال", "للاحتلال", "والاحتلال"]),
    ("he", "חטופים", "החטופים, לחטופים ושהחטופים חזרו; חטופים נוספים", ["החטופים", "לחטופים", "ושהחטופים", "חטופים"]),
    ("he", "בני ערובה", "ובני ערובה נוספים", ["ובני ערובה"]),
])
def test_prefixed_forms_count_as_the_term(language, form, text, surfaces):
    matches = Matcher(lexicon(language, form)).match(Document("d", text))
    assert [m.surface for m in matches] == surfaces
    assert {m.term for m in matches} == {form}
    assert all(text[m.start:m.end] == m.surface for m in matches)


def test_words_that_only_contain_the_form_do_not_count():
    # رهائنهم (their hostages, a suffix) and a longer word are not prefixed forms.
    assert Matcher(lexicon("ar", "رهائن")).match(Document("d", "رهائنهم ورهائنية")) == ()


def test_other_languages_are_unchanged():
    en = lexicon("en", "hostages")
    assert with_proclitics(en) is en and prefixed("hostages", "en") == []
    assert [m.surface for m in Matcher(en).match(Document("d", "The hostages, whostages"))] == ["hostages"]
