"""What boilerplate is, as finding and removal compare it: the thresholds, the values found
and removed, and the normal forms of lines, sentences and suffixes (see framing.cleaning.boilerplate)."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..ngrams import STOP_WORDS
from ..sentences import sentence_starts

MIN_SHARE = 0.05
MIN_DOCS = 5
MAX_SENTENCE_WORDS = 12
MAX_OPENING_WORDS = 10  # "Media playback is unsupported on your device Media caption" is 9
MIN_INLINE_WORDS = 3
PURITY = 0.9
SMALL_GROUP_SHARE = 0.5  # or in half of a group's documents,
SMALL_GROUP_DOCS = 3  # and at least three of them
# An opening is kept as boilerplate only when it opens lines in this share of a group's documents
# too: openings are ordinary words far more often than whole lines are ("The New York Times
# reports that" opens 6 of 82 Christian Science Monitor articles; widgets' openings open most).
OPENING_SHARE = 0.2
MAX_SUFFIX_CHARS = 80  # a " - Publisher" suffix is a name, not a clause
Kind = Literal["publisher", "line", "sentence", "opening", "inner"]
KINDS: tuple[Kind, ...] = ("publisher", "line", "sentence", "opening", "inner")

_DIGITS = re.compile(r"\d+")
_ONE_TO_NINE = bytes.maketrans(b"123456789", b"000000000")
_ZEROS = re.compile(rb"00+")
_ASCII = bytes(range(128))
_WORD = re.compile(r"\S+")
# The words of a stripped line up to the start of word MAX_SENTENCE_WORDS + 2 (no match: fewer words).
_HEAD = re.compile(rf"(?:\S+\s+){{{MAX_SENTENCE_WORDS + 1}}}(?=\S)")
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"[ \t]{2,}")
_BLANKS = re.compile(r"\n{3,}")
# Left between a removed opening and the rest of the line ("WASHINGTON (CNN) -- The ...").
_LEAD = " \t-\u2014\u2013:|\u00b7\u2022"


@dataclass(frozen=True)
class Repeated:
    """One boilerplate text of one group."""

    text: str  # the normalised form compared (case folded, whitespace collapsed, digit runs as 0)
    kind: Kind
    documents: int  # the group's documents it was found in (an opening: opening a line there)
    example: str  # its first occurrence, as written


@dataclass(frozen=True)
class Boilerplate:
    """What `find_boilerplate` found: per group, the repeated texts, most documents first."""

    groups: dict[str, tuple[Repeated, ...]]
    documents: dict[str, int]  # group -> its documents
    labels: tuple[str, ...]  # each document's group, in corpus order
    ids: tuple[str, ...]  # the documents' ids: `remove_boilerplate` checks it gets the same corpus
    min_share: float = MIN_SHARE
    min_docs: int = MIN_DOCS
    spread: bool = True

    def threshold(self, group: str) -> int:
        """The number of documents a text needs to be boilerplate of `group`."""
        return _threshold(self.documents.get(group, 0), self.min_share, self.min_docs)

    def found(self, group: str | None = None, kind: Kind | None = None) -> list[Repeated]:
        """The texts found, of one group or all, of one kind or all."""
        return [r for g, rows in self.groups.items() if group is None or g == group
                for r in rows if kind is None or r.kind == kind]


@dataclass(frozen=True)
class GroupRemoval:
    """What removal changed in one group."""

    documents: int = 0  # the group's documents
    affected: int = 0  # documents with some text removed
    emptied: int = 0  # documents left with no text, moved to `skipped`
    lines: int = 0  # whole lines removed: boilerplate lines, widgets, lines left empty
    pieces: int = 0  # sentences, openings and suffixes removed from text that stays
    characters: int = 0  # characters removed, text and title
    occurrences: dict[str, int] = field(default_factory=dict)  # "kind: text" -> times removed, most first


@dataclass(frozen=True)
class Removal:
    """What `remove_boilerplate` changed, per group."""

    groups: dict[str, GroupRemoval]

    @property
    def affected(self) -> int:
        return sum(g.affected for g in self.groups.values())

    @property
    def emptied(self) -> int:
        return sum(g.emptied for g in self.groups.values())

    @property
    def lines(self) -> int:
        return sum(g.lines for g in self.groups.values())

    @property
    def pieces(self) -> int:
        return sum(g.pieces for g in self.groups.values())

    @property
    def characters(self) -> int:
        return sum(g.characters for g in self.groups.values())


# ---------------------------------------------------------------------------------------------
# Normal forms


def _threshold(n: int, min_share: float, min_docs: int) -> int:
    usual = max(min_docs, math.ceil(min_share * n - 1e-9))
    # A small group (Fox Online News: 5 articles, 3 ending "CLICK HERE TO GET THE FOX NEWS APP"):
    # half of its documents, and at least SMALL_GROUP_DOCS, also make boilerplate.
    small = max(SMALL_GROUP_DOCS, math.ceil(SMALL_GROUP_SHARE * n - 1e-9))
    return min(usual, small) if min_docs > SMALL_GROUP_DOCS else usual


def _key(text: str) -> str:
    """The normal form compared: words case folded, each run of digits one 0, one space apart."""
    return _digits_as_zero(" ".join(text.split()).casefold())


def _digits_as_zero(text: str) -> str:
    """`text` with each run of digits (any script's) as one 0. A str pattern tests every
    character's category (40 MB/s), so when the only digits are ASCII ones, as in most texts,
    the UTF-8 bytes are translated instead (1-9 to 0, then runs of 0 to one: 400 MB/s)."""
    data = text.encode("utf-8", "surrogatepass")
    if not text.isascii():
        others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # the non-ASCII characters
        if any(c.isdecimal() for c in set(others)):  # what \d matches: category Nd
            return _DIGITS.sub("0", text)
    return _ZEROS.sub(b"0", data.translate(_ONE_TO_NINE)).decode("utf-8", "surrogatepass")


def _bare(key: str) -> str:
    """A key without punctuation, to find its words anywhere in a text."""
    return " ".join(_NON_WORD.sub(" ", key).split())


def _has_content(words: Sequence[str]) -> bool:
    """Whether some word is more than a stop word, a number or a single letter."""
    return any(len(p) > 1 and p not in STOP_WORDS and not p.isdigit() for w in words for p in _NON_WORD.split(w))


def _edge_sentences(line: str) -> tuple[str | None, str | None]:
    """The first and the last sentence of a stripped line of several sentences, each only if
    of at most `MAX_SENTENCE_WORDS` words. Only the words near the ends are split, so the cost
    does not grow with the line (a photo gallery is a line of 40,000 characters)."""
    n = MAX_SENTENCE_WORDS + 1
    fourteenth = _HEAD.match(line)
    if fourteenth is None:  # a short line: split it whole
        cuts = sentence_starts(line)
        if len(cuts) < 2:
            return None, None
        return line[:cuts[1]].rstrip(), line[cuts[-1]:]
    head = sentence_starts(line[:fourteenth.end()])  # the 14th word shows whether a sentence starts before it
    rest = line.rsplit(None, n)[0]
    offset = len(line) - len(line[len(rest):].lstrip())
    tail = sentence_starts(line[offset:])
    first = line[:head[1]].rstrip() if len(head) > 1 else None
    last = line[offset + tail[-1]:] if len(tail) > 1 else None
    return first, last


def _suffix(value: str | None) -> str | None:
    """The text after the last " - ", if it is short enough to be a publisher's name."""
    if not value or " - " not in value:
        return None
    suffix = value.rpartition(" - ")[2].strip()
    return suffix if suffix and len(suffix) <= MAX_SUFFIX_CHARS and "\n" not in suffix else None


def _source_suffix(value: str | None, source: str | None) -> str | None:
    """The " - <source>" ending `value` (the source as written there), or None."""
    if not value or not source:
        return None
    tail = " - " + " ".join(source.split())  # the text is normalised: one space between words
    if len(value) > len(tail) and value[-len(tail):].casefold() == tail.casefold():
        return value[-len(tail) + 3:]
    return None


def _lines(text: str, keys: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(key, line) of the text's non-blank lines, stripped; `keys` (line -> key) is filled in,
    so that removal does not normalise the lines finding did again. The text is case folded and
    its digits read at once (neither changes a line break), then cut into lines."""
    folded = _digits_as_zero(text.casefold()).split("\n")
    out = []
    for line, low in zip(text.split("\n"), folded):
        line = line.strip()
        if line:
            k = " ".join(low.split())
            if keys is not None:
                keys[line] = k
            out.append((k, line))
    return out
