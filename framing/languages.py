"""Which language a document is in: given by a column, or detected from the text.

Detection needs no model and no download: the script decides first (Arabic script: Arabic, or
Persian or Urdu by their own letters; Hebrew; Devanagari: Hindi; Greek; Cyrillic and Latin by
their function words), and among languages written in one script, the language whose most
frequent function words (articles, prepositions, pronouns: twenty per language, below) occur
most often in the text wins. A text with too few of them (a short headline) or a tie is
"und" (undetermined) rather than a guess. Names are ISO 639-1 codes, as lexicons declare them.

Known limits, stated plainly: a text mixing two languages gets the one with more function words;
Latin-script languages without a list here (Indonesian, Turkish, Polish...) are "und"; Marathi
and Nepali (Devanagari) read as Hindi.
"""
from __future__ import annotations

import re
from collections import Counter

UNDETERMINED = "und"
NAMES = {"ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "fa": "Persian", "ur": "Urdu", "el": "Greek",
         "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
         "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", UNDETERMINED: "undetermined"}
LANGUAGE_NAMES = {v.lower(): k for k, v in NAMES.items()}

SAMPLE = 600  # characters looked at: the opening of an article says which language it is in
MIN_WORDS = 2  # function words needed before a Latin or Cyrillic text gets a language

_SCRIPTS = (
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
    ("greek", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("latin", re.compile(r"[\u00c0-\u024f]")),  # and the ASCII letters, counted apart
)
_ASCII = re.compile(r"[\x00-\x7f]+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06af\u06cc]")  # پ چ ژ گ ی
_URDU = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06d2]")  # ٹ ڈ ڑ ں ھ ے

# The twenty or so most frequent function words of each language (from frequency lists of news
# text), chosen to be rare in the others of the same script.
_FUNCTION_WORDS = {
    "latin": {
        "en": "the of and to in is that for on with as was by at from are this be it has have were said",
        "fr": "de le la les des du un une et est dans pour que qui sur au aux pas par avec ce sont été ont "
              "à en il ne se",
        "de": "der die das und ist nicht ein eine den dem des mit sich auf für von zu im auch wird sind",
        "es": "de el los las del y en que por una con para se es al lo como más su sus fue han",
        "it": "il di che non per una sono del della dei nel gli alla anche come questo ha stato degli",
        "pt": "de os das dos não em uma para com por mais ao foi são pelo pela também está seu sua",
        "nl": "de het een van en dat niet zijn op voor met aan ook als maar er bij werd naar",
    },
    "cyrillic": {
        "ru": "и в не на что с по как это он она из для за от его но они так бы был",
        "uk": "і в не на що з по як це він вона із для за від його але вони та був",
    },
}
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# script -> function word -> the languages it is one of
_INDEX: dict[str, dict[str, tuple[str, ...]]] = {}
for _script, _langs in _FUNCTION_WORDS.items():
    for _lang, _words in _langs.items():
        for _w in _words.split():
            _INDEX.setdefault(_script, {})[_w] = (*_INDEX.get(_script, {}).get(_w, ()), _lang)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is in, or "und" when it cannot be told."""
    sample = text[:SAMPLE]
    if sample.isascii():
        return _by_function_words(sample, "latin")
    rest = _ASCII.sub("", sample)  # the scripts are told apart on the non-ASCII letters, a short string
    counts = {name: len(pattern.findall(rest)) for name, pattern in _SCRIPTS}
    counts["latin"] += len(_ASCII_LETTERS.findall(sample))
    if not any(counts.values()):
        return UNDETERMINED
    # A post in Hindi or Arabic often carries Latin hashtags and names: a script other than Latin
    # with a fifth of the letters is the language.
    others = {k: n for k, n in counts.items() if k != "latin"}
    script = max(others, key=others.get)
    if others[script] < 0.1 * sum(counts.values()):
        script = "latin"
    if script == "arabic":
        if len(_URDU.findall(sample)) >= 3:
            return "ur"
        return "fa" if len(_PERSIAN.findall(sample)) >= 3 else "ar"
    if script in ("hebrew", "devanagari", "greek"):
        return {"hebrew": "he", "devanagari": "hi", "greek": "el"}[script]
    return _by_function_words(sample, script)


def _by_function_words(sample: str, script: str) -> str:
    index = _INDEX[script]
    scores: Counter[str] = Counter()
    for word in _WORDS.findall(sample.lower()):
        langs = index.get(word)
        if langs:
            scores.update(langs)
    ranked = [*scores.most_common(2), ("", 0), ("", 0)]
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_WORDS or top == second:
        return UNDETERMINED
    return best


def language_code(value: str) -> str:
    """A language as written in a column ("French", "fr", "FR", "fr-CA") as its ISO 639-1 code,
    or the value lower-cased when it is neither a known name nor a code."""
    v = value.strip().lower()
    if v in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[v]
    base = re.split(r"[-_]", v)[0]
    return base if len(base) in (2, 3) and base.isalpha() else v


# Stop words of languages whose script is not Latin: they cannot remove an English content word,
# so one list serves every corpus. (Latin-script languages share spellings with English content
# words, "die", "con", "come", and would need the document's language; not done yet.)
OTHER_SCRIPT_LANGUAGES = ("ar", "he", "hi", "fa", "ur", "ru", "uk", "el")


# Frequent Hebrew function words missing from stopwords-iso's short Hebrew list (194 words): they
# led Hebrew discovery on the FIGNEWS posts.
_HEBREW_EXTRA = "בכל כדי בקרב לאחר עוד כבר יותר מאוד זו"


def other_script_stop_words() -> frozenset[str]:
    """stopwords-iso's lists for OTHER_SCRIPT_LANGUAGES, without entries holding ASCII letters,
    and a few Hebrew function words that its list lacks."""
    import stopwordsiso

    words = set(_HEBREW_EXTRA.split())
    for lang in OTHER_SCRIPT_LANGUAGES:
        words |= {w.lower() for w in stopwordsiso.stopwords(lang) if not re.search(r"[A-Za-z0-9]", w)}
    return frozenset(words)


def corpus_languages(documents, sample: int = 2000) -> set[str]:
    """The languages of a corpus's documents: their language column, else detected on up to
    `sample` documents spread over the corpus (enough to see every language with a share of
    more than a fraction of a percent)."""
    docs = list(documents)
    step = max(1, len(docs) // sample)
    return {d.language or detect_language(d.text) for d in docs[::step]} - {UNDETERMINED}


def function_words(languages) -> frozenset[str]:
    """The function words (module top) of the Latin- and Cyrillic-script languages among
    `languages` other than English: discovery leaves them out of a corpus that has documents in
    those languages ("la", "les", "des" led French discovery)."""
    return frozenset(w for script in _FUNCTION_WORDS.values() for lang, words in script.items()
                     if lang in languages and lang != "en" for w in words.split())
