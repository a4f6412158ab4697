"""Language detection without a model: hand-labelled sentences written for these tests."""
import pytest

from framing.languages import UNDETERMINED, detect_language, language_code

LABELLED = [
    ("en", "The hostages were taken to Gaza, and the army said it was searching for them."),
    ("en", "Officials said on Monday that the talks had stalled over the release of prisoners."),
    ("fr", "Les otages ont été emmenés à Gaza, selon l'armée, qui a lancé des recherches."),
    ("fr", "Le gouvernement a annoncé une trêve pour permettre l'entrée de l'aide humanitaire dans la bande."),
    ("de", "Die Geiseln wurden nach Gaza gebracht, sagte die Armee, die nach ihnen sucht."),
    ("es", "Los rehenes fueron llevados a Gaza, según el ejército, que los busca desde el sábado."),
    ("it", "Gli ostaggi sono stati portati a Gaza, ha detto l'esercito, che li sta cercando."),
    ("pt", "Os reféns foram levados para Gaza, segundo o exército, que está à procura deles."),
    ("nl", "De gijzelaars werden naar Gaza gebracht, zei het leger, dat naar hen zoekt."),
    ("ru", "Заложники были доставлены в Газу, и армия заявила, что ищет их."),
    ("uk", "Заручників доставили до Гази, і армія заявила, що шукає їх та їхні родини."),
    ("ar", "نُقل الرهائن إلى غزة، وقال الجيش إنه يبحث عنهم."),
    ("ar", "أفاد مراسلنا بأن الأسرى أُطلق سراحهم #غزة #Gaza #Palestine #FreePalestine"),
    ("he", 'החטופים הועברו לעזה, כך מסר צה"ל, שממשיך לחפש אחריהם.'),
    ("hi", "बंधकों को गाजा ले जाया गया, सेना ने कहा कि वह उनकी तलाश कर रही है। #Israel #Gaza #Hamas #news"),
    ("fa", "گروگان‌ها به غزه منتقل شدند و ارتش گفت که در جستجوی آنها است."),
    ("ur", "یرغمالیوں کو غزہ لے جایا گیا، فوج نے کہا کہ وہ ان کی تلاش کر رہی ہے۔"),
    ("el", "Οι όμηροι μεταφέρθηκαν στη Γάζα, είπε ο στρατός."),
]


@pytest.mark.parametrize("expected,text", LABELLED)
def test_labelled_sentences(expected, text):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "12345 !!!", "Gaza", "LIVE | #Gaza", "Hamas Israel UN"])
def test_too_little_to_tell_is_undetermined(text):
    assert detect_language(text) == UNDETERMINED


@pytest.mark.parametrize("value,code", [("French", "fr"), ("fr", "fr"), ("FR", "fr"), ("fr-CA", "fr"),
                                        ("Arabic", "ar"), ("hebrew", "he"), ("Klingon", "klingon")])
def test_language_code(value, code):
    assert language_code(value) == code


def test_discovery_leaves_out_the_function_words_of_the_corpus_languages():
    """A corpus with French documents: French articles and prepositions are not candidates;
    Arabic and Hebrew stop words are left out everywhere (other scripts cannot clash with English)."""
    import pandas as pd

    from framing.corpus import from_dataframe
    from framing.stats import discover

    fr = ["Les otages de la bande de Gaza sont dans les tunnels, selon le Hamas et des familles."] * 6
    en = ["The hostages in the Gaza Strip are held in tunnels, families of the captives said."] * 6
    ar = ["قال مسؤولون في غزة إن الرهائن في الأنفاق وإن على العالم أن يتحرك من أجلهم الآن."] * 6
    corpus = from_dataframe(pd.DataFrame({"text": fr + en + ar, "source": ["A"] * 6 + ["B"] * 6 + ["C"] * 6}))
    terms = set(discover(corpus, top=40)["term"])
    assert {"otages", "tunnels", "hostages", "الرهائن"} <= terms
    assert not terms & {"les", "la", "de", "des", "dans", "le", "et", "في", "إن", "على", "من"}
