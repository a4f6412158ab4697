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


def counted(texts, sources, languages=None):
    """group -> {term: count} of discovery's candidates (each document's stop words left out)."""
    import pandas as pd

    from framing.corpus import from_dataframe
    from framing.stats import count_vocabulary

    corpus = from_dataframe(pd.DataFrame({"text": texts, "source": sources}))
    terms, counts, _ = count_vocabulary(corpus, languages=languages).table()
    groups = list(dict.fromkeys(sources))
    return {g: {t: int(counts[i, j]) for j, t in enumerate(terms) if counts[i, j]} for i, g in enumerate(groups)}


EN = ["The minister would not comment on the place where the son of the hostage was held.",
      "Families said the army had to comment on the place of the raid and the son of the commander.",
      "Officials said the fire at the front of the building was part of the raid in the south."]
FR = ["Les soldats sont au front depuis des semaines, selon les familles des otages dans la bande de Gaza.",
      "Une mine a explosé sur le front, et les otages sont dans les tunnels selon le Hamas."]


def test_each_document_drops_its_own_languages_stop_words():
    from framing.languages import stop_words

    assert [detect_language(t) for t in EN + FR] == ["en"] * 3 + ["fr"] * 2
    # The words below are on one list and not on the other (checked, so the test says what it tests).
    assert {"comment", "son", "selon"} <= stop_words("fr") and not {"comment", "son", "selon"} & stop_words("en")
    assert {"front", "part", "the", "on"} <= stop_words("en") and not {"front", "part"} & stop_words("fr")
    got = counted(EN + FR, ["A"] * 3 + ["B"] * 2)
    a, b = got["A"], got["B"]
    # By hand. English articles keep the English words that are French stop words...
    assert (a["comment"], a["son"], a["place"]) == (2, 2, 2)
    assert "the" not in a and "on" not in a and "front" not in a and "part" not in a
    assert a["the place"] == 2 and "on the" not in a  # a bigram of two stop words is no candidate
    # ... and French articles the French words that are English stop words.
    assert b["front"] == 2 and b["au front"] == 1 and b["le front"] == 1
    assert not {"les", "des", "dans", "selon", "sont", "la", "le"} & set(b)
    assert "dans la" not in b and b["des semaines"] == 1


def test_undetermined_documents_drop_the_function_words_of_the_corpus_languages():
    headline = "Gaza : la trêve prolongée"
    assert detect_language(headline) == UNDETERMINED
    # In a corpus with French articles, a headline too short to tell may well be French ...
    with_french = counted(FR + [headline], ["B", "B", "C"])["C"]
    # (a bigram with one stop word is a candidate, as "the place" is)
    assert with_french == {"gaza": 1, "trêve": 1, "prolongée": 1, "la trêve": 1, "trêve prolongée": 1}
    # ... in an English one, "la" is a word like any other ("La Nación", "la" in "oh la la").
    assert counted(EN + [headline], ["A"] * 3 + ["C"])["C"]["la"] == 1
    # A language given for a document is taken as it is, detection or not.
    given = counted(EN + [headline], ["A"] * 3 + ["C"], languages=[None] * 3 + ["fr"])["C"]
    assert "la" not in given and given["trêve prolongée"] == 1


def test_other_scripts_stop_words_go_from_every_document():
    post = "قال مسؤولون في غزة إن الرهائن في الأنفاق، the families of the hostages said"
    assert detect_language(post) == "ar"
    got = counted(EN + [post], ["A"] * 3 + ["C"])["C"]
    assert {"الرهائن", "غزة", "families", "hostages"} <= set(got)
    assert not {"في", "إن", "ان", "the", "of"} & set(got)  # Arabic stop words and, from the Latin script, English ones


def test_capitals_inside_a_sentence_are_names_not_function_words():
    # "UN", "Al", "Los" are French and Spanish function words in lower case only.
    for text in ["No aid getting into Gaza, says UN aid agency - UN News",
                 "Israel-Hamas war updates: Israel raids Gaza's al-Shifa Hospital - Al Jazeera English",
                 "Inside a Gaza hospital: A Los Angeles doctor's story - Los Angeles Times"]:
        assert detect_language(text) != "fr" and detect_language(text) != "es"
    assert detect_language("Les otages de la bande de Gaza sont dans les tunnels.") == "fr"  # capital where a sentence starts


def test_english_stop_words_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as sklearn_list

    from framing.languages import ENGLISH_STOP_WORDS

    assert ENGLISH_STOP_WORDS == frozenset(sklearn_list)
