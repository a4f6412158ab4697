"""Where quoted speech is, so counts can separate a source's own words from words it quotes.

Works on text from `framing.text.normalize`, where every double mark (curly, low-9 „, « ») is '"'
and every single one (curly, low-9 ‚) is "'", the same character as the apostrophe. Which way a
mark faced is gone, so it is read from the characters around it. Quotation state never leaves a
paragraph (paragraphs are separated by blank lines; each document is read on its own).

Conventions read
- Double marks. A '"' after the start, a space, an opening bracket, a dash or a slash, and before
  anything but a space or , ; : ! ? ) ] }, opens; one after anything but a space or an opening
  bracket, and before the end, a space, punctuation or a dash, closes. Any other '"' (French
  spaced guillemets « ... » become ` " ... " `; `said,"We`) closes the open quotation or, if none
  is open, opens one. So „German“, »German«, «French» and English marks all pair.
- Closing mark only. A closing mark with no opening mark before it in its paragraph quotes the
  paragraph up to it: sentence datasets and cut articles start inside a quotation (`We killed
  dozens of terrorists," Mr. Netanyahu told reporters.`).
- Quotations over several paragraphs. A paragraph break ends an open quotation: the newspaper
  convention reopens each paragraph of a long quotation with a mark and closes only the last.
  A paragraph that continues one without reopening is the closing-mark-only case.
- Single marks ('indiscriminate bombing', headline style) count only as a pair within one line,
  one sentence and 250 characters: the opening mark at the start of a word (after the start, a
  space, an opening bracket, a dash or a '"') and before a letter, the closing mark at the end of
  a word (before anything but a letter or digit), more than one letter between them. So
  apostrophes inside words (Israel's, don't, O'Brien) are never marks, and neither are those
  opening a number ('90s) or a common elision ('em, 'til, 'cause, 'tis, 'twas, rock 'n' roll).
  A sentence ends at . ! ? then a space and a capital, except after an initial or a title.
- Hebrew. A '"' between Hebrew letters is gershayim (צה"ל, רמטכ"ל, ח"כ) and a "'" after a Hebrew
  letter is geresh (ג'ורג', פרופ'): neither is a mark. The exception is a one- or two-letter
  prefix before a quoted name (ל"הארץ", ב"ידיעות אחרונות"): a '"' after a word-initial ב ה ו כ ל
  מ ש and before two or more letters opens, but only if it closes within its paragraph
  (acronyms such as ש"ח or מ"ר have one letter after the mark and are never read so). The real
  gershayim and geresh (U+05F4, U+05F3) are not quotation marks at all.

Known limits
- Single-quoted quotations of more than one sentence (British body text) are not read, nor are
  single-quoted Hebrew ones (the closing mark after a Hebrew letter reads as geresh), nor single
  guillemets ‹ › (normalisation leaves them as they are).
- A plural possessive inside a single-quoted span closes it early ('Gazans' homes are gone' is
  read as 'Gazans'), and an elision not in the list pairs with a plural possessive after it in
  the sentence (the 'burbs' schools).
- A stray closing mark after the paragraph's first quotation is ignored (where its quotation
  began cannot be known); an opening mark never closed quotes the rest of its paragraph, and a
  second opening mark while one is open ends the first quotation there and starts another.
- A '"' after a digit (12" screen) closes an open quotation but never starts the
  closing-mark-only case, so a quotation that a paragraph starts inside and that ends on a
  digit is missed.
- A Hebrew acronym with a plural suffix after a one- or two-letter prefix (מש"קים) is read as a
  prefixed opening mark; it is dropped unless a closing mark follows in the paragraph.

One compiled regular expression finds and classifies every mark and paragraph break in a single
scan (in C); Python then pairs the few marks it found.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

# Hebrew letters (final forms included), Yiddish ligatures, and the points that may sit between a
# letter and the gershayim after it.
_HEB = "\u05b0-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u05d0-\u05ea\u05f0-\u05f2"
_HEB_LETTER = "\u05d0-\u05ea\u05f0-\u05f2"
_PREFIX = "\u05d1\u05d4\u05d5\u05db\u05dc\u05de\u05e9"  # ב ה ו כ ל מ ש: letters prefixed to a word
# What a mark that opens may follow, and what a mark that closes may precede (besides the
# start or end of the text).
_BEFORE_OPEN = r"\s(\[{\u2014/-"
_AFTER_CLOSE = r"\s.,;:!?)\]}\u2026\u2014/-"

# Inside a single-quoted span: any character but a mark or a line break; an apostrophe before a
# letter (Israel's) or the last one of 'n'; a full stop, "!" or "?" that ends no sentence (not
# followed by a space and then a capital or the end), or that ends an initial (U.S.) or a title
# (Mr.). The alternatives exclude one another, so that a span with no closing mark fails after
# one try per character instead of backtracking through every way of reading them.
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Lt", "Col", "Gen", "Sen", "Rep", "Gov", "Sgt", "Prof")
# At most this many characters between single marks: a headline's quotation is far shorter, and
# an opening mark with no partner (Hebrew text has no capitals to end a sentence) then costs a
# bounded look ahead, never a scan to the end of a long line.
_SINGLE_MAX = 250
# Words that start with an apostrophe (shelled 'em, 'til dawn): never an opening mark.
_ELISIONS = r"(?:[Ee]m|[Tt]il|[Cc]ause|[Tt]is|[Tt]was|[Nn])(?![^\W_])"
_SENTENCE_END = r"\s(?:[A-Z\s]|\Z)|\Z"
_SINGLE_BODY = (
    r"(?:[^'\"\n.!?]"
    r"|'(?=[^\W_])"
    r"|(?<=\s'[nN])'(?![^\W_])"
    rf"|[!?](?!{_SENTENCE_END})"
    rf"|\.(?:(?!{_SENTENCE_END})|(?={_SENTENCE_END})"
    r"(?:(?<=[A-Z]\.)(?<![^\W_][A-Z]\.)|" + "|".join(rf"(?<={t}\.)" for t in _TITLES) + r")))"
)

# Every alternative starts with its literal character and names its kind with an empty group
# after it: then the engine skips ahead to the next '"', "'" or line break in C instead of trying
# each alternative at each character (four times faster). The lookbehinds include the mark itself.
_SCAN = re.compile(
    r"\n(?P<para>)\s*\n"
    # ל"הארץ": a prefix of one or two letters at a word start, then two letters or more.
    rf"|\"(?P<tentative>)(?:(?<=[{_PREFIX}]\")(?<![\w][{_PREFIX}]\")"
    rf"|(?<=[{_PREFIX}][{_PREFIX}]\")(?<![\w][{_PREFIX}][{_PREFIX}]\"))(?=[{_HEB_LETTER}]{{2}})"
    rf"|\"(?P<open>)(?<![^{_BEFORE_OPEN}]\")(?=[^\s,;:!?)\]}}])"
    # 12" screen: a mark after a digit may be an inch mark.
    rf"|\"(?P<weak_close>)(?<=\d\")(?=[{_AFTER_CLOSE}]|\Z)"
    rf"|\"(?P<close>)(?<=[^\s(\[{{]\")(?=[{_AFTER_CLOSE}]|\Z)"
    # Anything else but gershayim (a mark between Hebrew letters).
    rf"|\"(?P<either>)(?:(?<![{_HEB}]\")|(?![{_HEB_LETTER}]))"
    # A single-quoted span: not an elision, more than one letter, not Hebrew (its closing mark would
    # read as geresh), no closing "'" of rock 'n' roll.
    rf"|'(?P<single>)(?<![^\"{_BEFORE_OPEN}]')(?=[^\W\d_])(?![^\W\d_]'(?![^\W_]))(?!{_ELISIONS})"
    rf"(?![{_HEB_LETTER}]){_SINGLE_BODY}{{0,{_SINGLE_MAX}}}?"
    rf"'(?<![\s'\"(\[{{\u2014/{_HEB}-]')(?<!\s'[nN]')(?![^\W_])"
)


def _marks(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each mark, paragraph break and single-quoted span, in order."""
    return [(m.lastgroup, m.start(), m.end()) for m in _SCAN.finditer(text)]


def _pair(marks: Iterable[tuple[str, int, int]], length: int) -> list[tuple[int, int]]:
    """Quotation spans from classified marks, state reset at every paragraph break."""
    spans: list[tuple[int, int]] = []
    para = 0             # where the current paragraph starts
    first = 0            # index in `spans` of the paragraph's first span
    opened: int | None = None
    tentative = False    # the open mark is a Hebrew prefix's: kept only if it closes
    quoted = False       # the paragraph has had a double-mark quotation (open or closed)
    for kind, start, end in marks:
        if kind == "single":
            if opened is None:  # inside a double quotation it is nested: already quoted
                spans.append((start, end))
        elif kind == "para":
            if opened is not None and not tentative:
                spans.append((opened, start))
            opened, para, first, quoted = None, end, len(spans), False
        elif opened is not None and kind in ("close", "weak_close", "either"):
            spans.append((opened, end))
            opened, quoted = None, True
        elif kind == "tentative":
            if opened is None:  # inside a quotation, more likely an acronym (מש"קים) than a name
                opened, tentative = start, True
        elif kind in ("open", "either"):
            if opened is not None and not tentative:
                # A second opening mark: the open quotation lost its closing mark; it ran to here.
                spans.append((opened, start))
            opened, tentative, quoted = start, False, True
        elif kind == "close" and not quoted:
            # The paragraph began inside a quotation: everything before this mark is quoted,
            # single-quoted spans in it included.
            del spans[first:]
            spans.append((para, end))
            quoted = True
        # Otherwise a stray closing mark, where its quotation began cannot be known: ignored.
    if opened is not None and not tentative:
        spans.append((opened, length))
    return spans


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included, sorted and disjoint. A quotation that the
    paragraph starts inside begins at the paragraph's first character."""
    return _pair(_marks(text), len(text))


def voice_text(text: str, voice: str) -> str:
    """The words of `text` in one voice: "all" (the text), "own" (quotations cut out) or
    "quoted" (the quotations only). The pieces are joined by line breaks, so that no phrase is
    read across a cut; tokens are the same as those the lexicon counts give each voice."""
    if voice == "all":
        return text
    spans = quote_spans(text)
    if voice == "quoted":
        return "\n".join(text[s:e] for s, e in spans)
    if voice == "own":
        edges = [0, *(x for span in spans for x in span), len(text)]
        return "\n".join(text[a:b] for a, b in zip(edges[::2], edges[1::2]))
    raise ValueError(f"voice must be 'all', 'own' or 'quoted', not {voice!r}")


class QuoteIndex:
    """Answers 'is this offset inside a quotation?' in O(log n)."""

    def __init__(self, text: str):
        spans = quote_spans(text)
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def __contains__(self, offset: int) -> bool:
        if not self._starts:
            return False
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]
