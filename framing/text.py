"""Decoding bytes and normalising text, so that every later stage sees one form of each character.

Normalisation is what the matcher relies on: curly quotes and apostrophes become straight ones,
hyphen variants (and the Hebrew maqaf) become '-', dash variants become an em dash, invisible
characters (soft hyphens, zero-width spaces, the Arabic tatweel) go, and runs of spaces collapse. Offsets
of matches refer to the normalised text, which is also the text shown in the report.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02"}
_APOSTROPHES = {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"}
_HYPHENS = {c: "-" for c in "\u2010\u2011\u2012\u2043\u2212\ufe63\uff0d\u05be"}  # U+05BE: Hebrew maqaf
_DASHES = {c: "\u2014" for c in "\u2013\u2015\u2e3a\u2e3b\ufe58"}
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u0640"  # U+0640: Arabic tatweel, a stretch of the line
# Whitespace other than the space and the newline (tabs, form feeds, line and paragraph
# separators...) becomes a space. U+3000 is the last whitespace character in Unicode.
_SPACES = {c: " " for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n\r"}
_REPLACEMENTS = {**_QUOTES, **_APOSTROPHES, **_HYPHENS, **_DASHES, **dict.fromkeys(_INVISIBLE, ""), **_SPACES}
# A regex substitution that calls back only where a special character is: news text has few of
# them, and `str.translate` on a non-ASCII string costs a dictionary lookup for every character.
_SPECIAL = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")
_ASCII_TABLE = str.maketrans({c: r for c, r in _REPLACEMENTS.items() if c.isascii()})
_BLANKS = re.compile(r"\n{3,}")


def _replace(match: re.Match) -> str:
    return _REPLACEMENTS[match.group()]


def normalize(text: str) -> str:
    """NFKC, one form of quotes, apostrophes, hyphens and dashes, tidy whitespace.

    Paragraph breaks (blank lines) are kept because quotation tracking uses them.
    """
    if text.isascii():
        # NFKC changes nothing here, and translate has a fast path for ASCII.
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_ASCII_TABLE)
    else:
        # Invisible characters go before line endings are read: "\r<zero-width>\n" is one break.
        text = _SPECIAL.sub(_replace, unicodedata.normalize("NFKC", text))
        if not unicodedata.is_normalized("NFKC", text):
            # A dropped invisible character separated what NFKC composes ("a\u00ad\u0301").
            text = unicodedata.normalize("NFKC", text)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    while "  " in text:  # halves every run of spaces: far faster than a regex when runs are short
        text = text.replace("  ", " ")
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


# Arabic harakat, shadda, sukun and Quranic marks; Hebrew niqqud and cantillation (not maqaf,
# paseq, sof pasuq or nun hafukha, which are punctuation).
_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
                    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")


def strip_marks(text: str) -> str:
    """`text` without Arabic vowel marks (harakat) and Hebrew vowel points (niqqud): news is
    written mostly without them, and lexicons list forms without them, so a vocalised word
    (مُحَمَّد, שָׁלוֹם) counts as its plain spelling. Readers apply it unless told to keep marks."""
    return _MARKS.sub("", text) if not text.isascii() and _MARKS.search(text) else text


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    fallback: bool  # True when the bytes were not valid UTF-8/UTF-16 and Windows-1252 was used


class DecodeFailure(ValueError):
    """Bytes that are not text in any encoding we accept; the message says why."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes) -> Decoded:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 reported as a fallback."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, False)
            except UnicodeDecodeError as exc:
                raise DecodeFailure(f"invalid {encoding} after a byte-order mark at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise DecodeFailure("binary file (contains NUL bytes); save it as plain text (UTF-8)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as utf8_error:
        try:
            return Decoded(data.decode("cp1252"), "cp1252", True)
        except UnicodeDecodeError:
            raise DecodeFailure(
                f"undecodable bytes at byte {utf8_error.start}: not UTF-8, UTF-16 or Windows-1252; "
                "re-save the file as UTF-8"
            ) from None


# Between the words of a lexicon term: a space, a hyphen or a dash in the text is the same.
SEPARATORS = re.compile(r"[\s\-\u2014]+")


_DOTTED_I = "\u0130"  # İ: the one character whose lower case is two, "i\u0307"
# Arabic alef with hamza above or below, with madda, and alef wasla: written and left out
# interchangeably in news text (إسرائيل / اسرائيل, أسرى / اسرى), so they count as the bare alef.
_ALEF_FORMS = str.maketrans("\u0623\u0625\u0622\u0671", "\u0627\u0627\u0627\u0627")
_HAS_ALEF_FORM = re.compile("[\u0623\u0625\u0622\u0671]")


def fold(text: str) -> str:
    """The analyzer's case-insensitive form of `text`, of the same length (offsets in it are
    offsets in `text`): lower case, except that İ stays as it is (its lower case is two
    characters), and the Arabic alef forms أ إ آ ٱ read as ا. The tokenizer, the matcher and
    `term_key` compare words in this form; case-sensitive lexicon terms are compared unfolded."""
    if _DOTTED_I in text:
        text = _DOTTED_I.join(part.lower() for part in text.split(_DOTTED_I))
    else:
        text = text.lower()
    if not text.isascii() and _HAS_ALEF_FORM.search(text):
        text = text.translate(_ALEF_FORMS)
    return text


def term_key(form: str, case_sensitive: bool = False) -> str:
    """The canonical form under which two spellings count as the same entry."""
    key = SEPARATORS.sub(" ", normalize(form)).strip()
    return key if case_sensitive else fold(key)
