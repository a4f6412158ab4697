"""Proclitics: the conjunctions, prepositions and article that Arabic and Hebrew write joined to
the next word (والرهائن "and the hostages", בחטופים "in the hostages"). A lexicon in these
languages lists bare forms; the matcher counts each form with any of these prefixes too, by
adding the prefixed forms as variants of the same term (so a match's surface is the whole
written word, and counts, contexts and the lexicon check need no special case).

Known limits: a word that merely begins with the letters of a prefix and a form (Hebrew ל + an
infinitive, מ + a noun: לעצור, מעצורים) is counted; lexicon authors leave out forms that run into
such words (lexicons/README.md). Suffixed pronouns (رهائنهم "their hostages") are not added.
"""
from __future__ import annotations

from dataclasses import replace

from .model import Lexicon, Term

_ARABIC = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "ول", "فب", "فل", "وك")
_HEBREW = ("ה", "ו", "ב", "ל", "מ", "ש", "כ", "וה", "וב", "ול", "ומ", "וש", "שה", "שב", "של", "שמ", "מה", "כש", "וכש",
           "ושה", "ומה", "כשה", "לכ", "ולכ", "בה", "לה", "מב")
PROCLITICS: dict[str, tuple[str, ...]] = {"ar": _ARABIC, "he": _HEBREW}


def prefixed(form: str, language: str) -> list[str]:
    """`form` with each proclitic of `language` written before it (none for other languages).
    An Arabic form with its article (الاحتلال) takes the prefixes before the article, and ل
    merges with it (للاحتلال)."""
    prefixes = PROCLITICS.get(language, ())
    if not prefixes:
        return []
    if language == "ar" and form.startswith("ال"):
        bare = form[2:]
        return [*(p + form for p in ("و", "ف", "ب", "ك", "وب", "فب", "وك")), *(p + bare for p in ("لل", "ولل", "فلل"))]
    return [p + form for p in prefixes]


def with_proclitics(lexicon: Lexicon) -> Lexicon:
    """The lexicon with every form's prefixed forms added as variants (unchanged for languages
    without proclitics). Prefixed forms already listed are not repeated."""
    if lexicon.language not in PROCLITICS:
        return lexicon

    def term(t: Term) -> Term:
        have = set(t.forms)
        extra = [p for f in t.forms for p in prefixed(f, lexicon.language) if p not in have]
        return replace(t, variants=(*t.variants, *dict.fromkeys(extra)))

    return replace(lexicon, categories=tuple(replace(c, terms=tuple(term(t) for t in c.terms))
                                             for c in lexicon.categories))
