"""Which language a document is in: given by a column, or detected from the text.

Detection needs no model and no download: the script decides first (Arabic script: Arabic, or
Persian or Urdu by their own letters; Hebrew; Devanagari: Hindi; Greek; Cyrillic and Latin by
their function words), and among languages written in one script, the language whose most
frequent function words (articles, prepositions, pronouns: twenty per language, below) occur
most often in the text wins; a function word counts in lower case, or capitalised at the start of
a sentence, not as part of a name ("Al Jazeera", "Los Angeles") or an acronym ("UN"). A text with
too few of them (a short headline) or a tie is "und" (undetermined) rather than a guess. Names are
ISO 639-1 codes, as lexicons declare them.

Discovery's stop words per document language are here too (`stop_list_names`, `stop_lists`).

Known limits, stated plainly: a text mixing two languages gets the one with more function words;
Latin-script languages without a list here (Indonesian, Turkish, Polish...) are "und"; Marathi
and Nepali (Devanagari) read as Hindi.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType

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
_ASCII_WORDS = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")  # the same on ASCII text, twice as fast
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
        return _by_function_words(sample, "latin", ascii=True)
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


# A word at the start of the text or of a sentence (after . ! ? : ;), and its first letter.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;])[\W\d_]*([^\W\d_])")


def _initial_lower(match: re.Match) -> str:
    return match.group().lower()


def _by_function_words(sample: str, script: str, ascii: bool = False) -> str:
    # A function word counts written in lower case, or capitalised where a sentence starts
    # ("Les otages..."). Elsewhere a capital marks a name or an acronym: "Al Jazeera", "Los
    # Angeles", "UN News" are English ("al", "los", "un" would make them Spanish or French).
    # (Counted per distinct word, in C, then looked up: this runs once per document.)
    index = _INDEX[script]
    words = Counter((_ASCII_WORDS if ascii else _WORDS).findall(_SENTENCE_START.sub(_initial_lower, sample)))
    scores: dict[str, int] = {}
    for word in words.keys() & index.keys():
        for lang in index[word]:
            scores[lang] = scores.get(lang, 0) + words[word]
    ranked = sorted(scores.values(), reverse=True)[:2] + [0, 0]
    if ranked[0] < MIN_WORDS or ranked[0] == ranked[1]:
        return UNDETERMINED
    return max(scores, key=scores.get)  # the one language with the most


def language_code(value: str) -> str:
    """A language as written in a column ("French", "fr", "FR", "fr-CA") as its ISO 639-1 code,
    or the value lower-cased when it is neither a known name nor a code."""
    v = value.strip().lower()
    if v in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[v]
    base = re.split(r"[-_]", v)[0]
    return base if len(base) in (2, 3) and base.isalpha() else v


# scikit-learn's English stop words (`sklearn.feature_extraction.text.ENGLISH_STOP_WORDS`, BSD
# licence), copied: importing scikit-learn for them costs about a second. A test checks the copy.
ENGLISH_STOP_WORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also although
always am among amongst amoungst amount an and another any anyhow anyone anything anyway anywhere
are around as at back be became because become becomes becoming been before beforehand behind being
below beside besides between beyond bill both bottom but by call can cannot cant co con could
couldnt cry de describe detail do done down due during each eg eight either eleven else elsewhere
empty enough etc even ever every everyone everything everywhere except few fifteen fifty fill find
fire first five for former formerly forty found four from front full further get give go had has
hasnt have he hence her here hereafter hereby herein hereupon hers herself him himself his how
however hundred i ie if in inc indeed interest into is it its itself keep last latter latterly least
less ltd made many may me meanwhile might mill mine more moreover most mostly move much must my
myself name namely neither never nevertheless next nine no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
part per perhaps please put rather re same see seem seemed seeming seems serious several she should
show side since sincere six sixty so some somehow someone something sometime sometimes somewhere
still such system take ten than that the their them themselves then thence there thereafter thereby
therefore therein thereupon these they thick thin third this those though three through throughout
thru thus to together too top toward towards twelve twenty two un under until up upon us very via
was we well were what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves
""".split())

# Discovery's stop words, per document language. A document drops its own language's list and
# the lists of every other script, whose words cannot be words of its own (an Arabic post's
# English hashtags, an Arabic name in an English article); never another language's list of its
# own script, where spellings clash: French "comment", "place" and "son" are English words, and
# English "fire", "front" and "part" (on scikit-learn's list) French ones. A document whose
# language is undetermined (a headline too short to tell) or has no list here drops the default
# list of every script and the function words (module top) of the corpus's other languages,
# since it is most likely in one of them.
_SCRIPT = {"en": "latin", "fr": "latin", "de": "latin", "es": "latin", "it": "latin", "pt": "latin", "nl": "latin",
           "ru": "cyrillic", "uk": "cyrillic", "ar": "arabic", "fa": "arabic", "ur": "arabic", "he": "hebrew",
           "hi": "devanagari", "el": "greek"}
# The lists standing for a script when a document is in another one (or in none known).
_SCRIPT_DEFAULT = {"latin": ("en",), "cyrillic": ("iso:ru", "iso:uk"), "arabic": ("iso:ar", "iso:fa", "iso:ur"),
                   "hebrew": ("iso:he",), "devanagari": ("iso:hi",), "greek": ("iso:el",)}


# Frequent Hebrew function words missing from stopwords-iso's short Hebrew list (194 words): they
# led Hebrew discovery on the FIGNEWS posts.
_HEBREW_EXTRA = "בכל כדי בקרב לאחר עוד כבר יותר מאוד זו"


def own_stop_lists(language: str) -> tuple[str, ...]:
    """The names (keys of `stop_lists`) of a language's own stop words: scikit-learn's list for
    English; stopwords-iso's list and the function words above for the others; () when none."""
    if language == "en":
        return ("en",)
    if language not in _SCRIPT:
        return ()
    return (f"iso:{language}",) + ((f"fw:{language}",) if _function_word_language(language) else ())


def stop_list_names(language: str | None, corpus_languages: Iterable[str] = ()) -> frozenset[str]:
    """The stop-word lists (keys of `stop_lists`) discovery applies to a document in `language`
    ("und" or None: undetermined) of a corpus whose documents are in `corpus_languages`."""
    script = _SCRIPT.get(language or UNDETERMINED)
    names = {n for s, default in _SCRIPT_DEFAULT.items() if s != script for n in default}
    if script is not None:
        return frozenset(names | set(own_stop_lists(language)))
    return frozenset(names | {f"fw:{lang}" for lang in corpus_languages
                              if lang != "en" and _function_word_language(lang)})


def stop_words(language: str | None, corpus_languages: Iterable[str] = ()) -> frozenset[str]:
    """The words discovery leaves out of a document in `language` (see `stop_list_names`)."""
    lists = stop_lists()
    return frozenset().union(*(lists[n] for n in stop_list_names(language, corpus_languages)))


def _function_word_language(language: str) -> bool:
    return any(language in langs for langs in _FUNCTION_WORDS.values())


_STOP_LISTS: dict[str, frozenset[str]] = {}


def stop_lists() -> Mapping[str, frozenset[str]]:
    """Every stop-word list by name: "en" (scikit-learn's English list), "iso:<code>"
    (stopwords-iso's list; for languages not in the Latin script without entries holding ASCII
    letters or digits; Hebrew with the words above), "fw:<code>" (the function words above).
    Each list holds its words as given and as the analyzer reads them (`tokenize.prepare`: the
    case-folded form, e.g. Arabic alef forms as the bare alef), so they match the tokens."""
    if _STOP_LISTS:
        return MappingProxyType(_STOP_LISTS)
    import stopwordsiso

    from .tokenize import prepare

    def analysed(words: Iterable[str]) -> frozenset[str]:
        words = {w.lower() for w in words}
        return frozenset(words | {prepare(w).strip() for w in words})

    lists = {"en": analysed(ENGLISH_STOP_WORDS)}
    for lang, script in _SCRIPT.items():
        if lang == "en":
            continue
        words = {w for w in stopwordsiso.stopwords(lang) if script == "latin" or not re.search(r"[A-Za-z0-9]", w)}
        lists[f"iso:{lang}"] = analysed(words | (set(_HEBREW_EXTRA.split()) if lang == "he" else set()))
    for langs in _FUNCTION_WORDS.values():
        for lang, words in langs.items():
            if lang != "en":
                lists[f"fw:{lang}"] = analysed(words.split())
    _STOP_LISTS.update(lists)
    return MappingProxyType(_STOP_LISTS)
