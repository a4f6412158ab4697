"""Boilerplate: text that a scraper picked up around the articles of a source (a copyright
footer, a newsletter box, a video widget), found by its repetition and removed before counting.

The threshold, per group (usually the source): a text is boilerplate of a group when it occurs
in at least `min_share` (default 5%) of the group's documents AND in at least `min_docs`
(default 5) of them; or, in a small group, in at least half of its documents and at least 3
(`SMALL_GROUP_SHARE`, `SMALL_GROUP_DOCS`), so a group of fewer than three finds none of its own. Texts are
compared after normalisation: case folded, whitespace collapsed, every run of digits read as
one `0` ("Copyright 2019 ..." and "Copyright 2020 ..." are one footer, "Hide Caption 3 of 22"
and "Hide Caption 12 of 61" one gallery marker). The texts, in the order they are looked for:

- `publisher`: the Google-News headline convention "<headline> - <Publisher>" ending a
  document's text or title, when the publisher is the document's source (whatever the count),
  or when the same suffix ends at least the threshold of the group's documents.
- `line`: a whole line.
- `sentence`: the first or last sentence of a longer line (at most `MAX_SENTENCE_WORDS` words,
  with a letter or digit): "Click here for reprint permission." after a copyright sentence,
  "Hide Caption 22 of 22" closing a photo gallery.
- `opening`: the first 2 to `MAX_OPENING_WORDS` words of a line ("JUST WATCHED <video title>",
  "Image copyright AFP Image caption <caption>", "Story highlights ..."), with three more
  conditions that keep ordinary openings ("The", "But the", "Mr Trump", "He said") out: one of
  its words is not a stop word or a number; at least `PURITY` (90%) of the group's documents
  that contain its words anywhere (punctuation ignored) have it opening a line; and the repeated
  text ends there (no single next word follows it in half its documents, or it reached
  `MAX_OPENING_WORDS` words). When nested openings qualify, the longest present is removed;
  a line left with a single word (a link, "Read or Share this story: <link>") goes whole.
- `inner`: a phrase of `MIN_INLINE_WORDS` to `MAX_OPENING_WORDS` words inside the lines that a
  boilerplate opening opens, in the threshold of documents there, and in at least `PURITY` of
  the documents that contain it only there ("Replay More Videos ... MUST WATCH" of the video
  widget).

Lines and edges are looked for only in documents of more than one line: a one-line document (a
headline) that repeats is a duplicate (`framing.cleaning.duplicates`), not boilerplate.

Removal: whole boilerplate lines go; boilerplate sentences are stripped from the edges of lines
(repeatedly), and those of `MIN_INLINE_WORDS` or more words wherever they occur inside a line
(a gallery repeats "Hide Caption 3 of 22" after every photo); a boilerplate opening is stripped;
a line in which boilerplate recurs (two pieces or more, one of them inside the line rather than
at an edge: a photo gallery, a video widget) is a widget and goes whole. With `spread` (the
default) the lines and sentences found in one group are removed from every group's documents,
so that a source's small sub-group (an author's columns scraped from the same site) loses the
same footer; another group's openings only mark its widgets there (an opening with one of its
inner phrases: the line goes), since alone they may be ordinary words elsewhere. Each group's
`Removal` counts what left its own documents.

Finding is a hash pass over the lines of the corpus, plus one substring test per document of a
group for each of its few candidate openings: linear in the corpus size. Removing is another.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ..model import Corpus, Document, Skipped
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
    return _DIGITS.sub("0", " ".join(text.split()).casefold())


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
    """(key, line) of the text's non-blank lines, stripped; `keys` (line -> key) is filled in
    and read, so that removal does not normalise the lines finding did again."""
    if keys is None:
        return [(_key(line), line.strip()) for line in text.split("\n") if line.strip()]
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            k = keys.get(line)
            if k is None:
                k = keys[line] = _key(line)
            out.append((k, line))
    return out


# ---------------------------------------------------------------------------------------------
# Finding


def find_boilerplate(corpus: Corpus, labels: Sequence[str], *, min_share: float = MIN_SHARE,
                     min_docs: int = MIN_DOCS, edges: bool = True, publisher: bool = True,
                     spread: bool = True) -> Boilerplate:
    """The boilerplate of each group: repeated lines; with `edges`, repeated sentences,
    openings and inner phrases at and in lines; with `publisher`, " - Publisher" suffixes.

    `labels`: each document's group, in corpus order. A text is boilerplate of a group when it is
    in at least `min_share` of the group's documents and in at least `min_docs` of them. `spread`:
    whether `remove_boilerplate` removes what one group's documents share from all documents
    (module docstring)."""
    if isinstance(min_share, bool) or not isinstance(min_share, (int, float)) or not 0 <= min_share <= 1:
        raise ValueError(f"min_share must be a share between 0 and 1, not {min_share!r}")
    if isinstance(min_docs, bool) or not isinstance(min_docs, int) or min_docs < 1:
        raise ValueError(f"min_docs must be a whole number of at least 1, not {min_docs!r}")
    return _find(corpus, labels, min_share, min_docs, edges, publisher, spread, None)


def _find(corpus: Corpus, labels: Sequence[str], min_share: float, min_docs: int, edges: bool, publisher: bool,
          spread: bool, keys: dict[str, str] | None) -> Boilerplate:
    docs = corpus.documents
    if len(labels) != len(docs):
        raise ValueError(f"{len(labels)} labels for {len(docs)} documents")
    members: dict[str, list[Document]] = defaultdict(list)
    for d, label in zip(docs, labels):
        members[label].append(d)
    groups = {}
    for group, group_docs in members.items():
        rows = _find_group(group_docs, _threshold(len(group_docs), min_share, min_docs), edges, publisher, keys)
        groups[group] = tuple(sorted(rows, key=lambda r: (-r.documents, KINDS.index(r.kind), r.text)))
    return Boilerplate(groups=groups, documents={g: len(m) for g, m in members.items()}, labels=tuple(labels),
                       ids=tuple(d.id for d in docs), min_share=min_share, min_docs=min_docs, spread=spread)


def _find_group(docs: list[Document], threshold: int, edges: bool, publisher: bool,
                keys: dict[str, str] | None = None) -> list[Repeated]:
    found = _find_suffixes(docs, threshold) if publisher else []
    doc_lines = [lines for lines in (_lines(d.text, keys) for d in docs) if len(lines) > 1]
    if len(doc_lines) < threshold:
        return found
    line_docs: Counter[str] = Counter()
    for lines in doc_lines:
        line_docs.update({k for k, _ in lines})
    boiler = {k for k, n in line_docs.items() if n >= threshold}
    examples = _first_lines(doc_lines, boiler)
    found += [Repeated(k, "line", line_docs[k], examples[k]) for k in boiler]
    if not edges:
        return found
    # The rest is read on the lines that stay, as word lists.
    doc_lines = [[(k, line) for k, line in lines if k not in boiler] for lines in doc_lines]
    found += _edge_repeats(doc_lines, threshold, boiler)
    opening_threshold = max(threshold, math.ceil(OPENING_SHARE * len(docs)))
    opening_docs = _opening_counts(doc_lines, opening_threshold)
    bare_docs = _BareDocs([[k for k, _ in lines] for lines in doc_lines])
    openings = _openings(opening_docs, bare_docs, opening_threshold)
    found += [Repeated(" ".join(o), "opening", n, _example(doc_lines, o)) for o, n in openings.items()]
    found += _inner(doc_lines, openings, threshold)
    return found


def _first_lines(doc_lines: list[list[tuple[str, str]]], wanted: set[str]) -> dict[str, str]:
    """The first line, as written, of each key in `wanted`."""
    out: dict[str, str] = {}
    if wanted:
        for lines in doc_lines:
            for k, line in lines:
                if k in wanted and k not in out:
                    out[k] = line
    return out


def _edge_repeats(doc_lines: list[list[tuple[str, str]]], threshold: int, boiler: set[str]) -> list[Repeated]:
    """The first and last sentences of lines (of at most MAX_SENTENCE_WORDS words) in `threshold`
    documents or more. Splitting a line into sentences is the costly part, so it is done only
    for the lines that can hold such a sentence: a sentence ends at a word ending in . ! or ?
    (before closing quotes or brackets) and begins after one, so a line's first sentence is one
    of the runs of words from its start to such a word, and its last one of the runs after such
    a word to its end (`_runs`); a line is split only when one of its runs (counted once per
    document, whichever edge) is in `threshold` documents, since every document holding a
    frequent sentence holds it as such a run."""
    run_docs: Counter[str] = Counter()
    line_runs = []
    for lines in doc_lines:
        per_line = [_runs(k) for k, _ in lines]
        line_runs.append(per_line)
        run_docs.update(set().union(*per_line))
    frequent = {r for r, n in run_docs.items() if n >= threshold}
    if not frequent:
        return []
    sentence_docs: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for lines, per_line in zip(doc_lines, line_runs):
        sentences: set[str] = set()
        for (_, line), runs in zip(lines, per_line):
            if runs.isdisjoint(frequent):
                continue
            for sentence in _edge_sentences(line):
                if sentence is None:
                    continue
                sk = _key(sentence)
                if len(sk.split(" ")) <= MAX_SENTENCE_WORDS and any(c.isalnum() for c in sk):
                    sentences.add(sk)
                    examples.setdefault(sk, sentence)
        sentence_docs.update(sentences)
    repeated = {k: n for k, n in sentence_docs.items() if n >= threshold and k not in boiler}
    # A sentence's example is a whole line with its key where there is one (as written, that
    # line comes first), else its first occurrence as a sentence.
    whole = _first_lines(doc_lines, set(repeated))
    return [Repeated(k, "sentence", n, whole.get(k, examples[k])) for k, n in repeated.items()]


_RUN_END = re.compile(r"[.!?][\"')\]]* ")  # the end of a word a sentence can end with, in a key
_FIRST_WORDS = re.compile(rf"(?:\S+ ){{{MAX_SENTENCE_WORDS}}}")  # a key's first words, each with its space


def _runs(key: str) -> set[str]:
    """The keys of the sentences a line of this key (three words or more) can begin or end
    with, and some more: its runs of at most MAX_SENTENCE_WORDS words from the start to a word
    a sentence can end with (not its last word), and from after such a word to the end."""
    if key.count(" ", 0, 200) < 2 and key.count(" ") < 2:
        return set()
    head = _FIRST_WORDS.match(key)
    head_text = key if head is None else head.group()  # the whole key: its last word is not followed by a space
    out = {key[:m.end() - 1] for m in _RUN_END.finditer(head_text)}
    parts = key.rsplit(" ", MAX_SENTENCE_WORDS + 1)  # the last words, and the word before them
    tail = key if len(parts) <= MAX_SENTENCE_WORDS + 1 else key[len(parts[0]) + 1:]
    out.update(tail[m.end():] for m in _RUN_END.finditer(tail))
    return out


def _opening_counts(doc_lines: list[list[tuple[str, str]]], threshold: int) -> dict[tuple[str, ...], list[int]]:
    """The documents (positions in `doc_lines`) in which each line opening of 2 to
    MAX_OPENING_WORDS words (a line has at least one word more) opens a line, for the openings
    of `threshold` documents or more. Every opening of a frequent one is frequent, so the longer
    openings are read only on lines whose first two words are."""
    pairs: Counter[str] = Counter()
    line_pairs = []
    for lines in doc_lines:
        firsts = [_first_two(k) for k, _ in lines]
        line_pairs.append(firsts)
        pairs.update(set(firsts))
    frequent = {p for p, n in pairs.items() if p and n >= threshold}
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    if not frequent:
        return {}
    for i, (lines, firsts) in enumerate(zip(doc_lines, line_pairs)):
        openings: set[tuple[str, ...]] = set()
        for (k, _), pair in zip(lines, firsts):
            if pair in frequent:
                words = k.split(" ", MAX_OPENING_WORDS)
                for n in range(2, min(MAX_OPENING_WORDS, len(words) - 1) + 1):
                    openings.add(tuple(words[:n]))
        for o in openings:
            found[o].append(i)
    return {o: docs for o, docs in found.items() if len(docs) >= threshold}


def _first_two(key: str) -> str:
    """The first two words of a key of three words or more, else ""."""
    second = key.find(" ", key.find(" ") + 1)
    return key[:second] if second > 0 and key.find(" ") >= 0 else ""


class _BareDocs:
    """Documents' lines without punctuation (`_bare`), one " \n " between lines, to count the
    documents a phrase's words are in (punctuation ignored). A document's is made only when a
    phrase's longest word is in its keys (every word of a key's bare form is in the key), so
    a phrase of rare words reads few documents."""

    def __init__(self, doc_keys: list[list[str]]):
        self._keys = doc_keys
        self._joined = ["\n".join(keys) for keys in doc_keys]
        self._bare: list[str | None] = [None] * len(doc_keys)

    def containing(self, phrase: str, known: set[int] = frozenset(), limit: float = math.inf) -> int:
        """How many documents, besides those of `known` (which hold it), have the bare form of
        `phrase` in their bare text (as whole words); counting stops once past `limit` (a bound
        past which the caller's test fails whatever the rest)."""
        needle = " " + _bare(phrase) + " "
        if not needle.strip():
            return 0
        longest = max(needle.split(), key=len)
        found = 0
        for i, joined in enumerate(self._joined):
            if i in known or longest not in joined:
                continue
            bare = self._bare[i]
            if bare is None:
                bare = self._bare[i] = " " + " \n ".join(_bare(k) for k in self._keys[i]) + " "
            if needle in bare:
                found += 1
                if found > limit:
                    break
        return found


def _openings(opening_docs: dict[tuple[str, ...], list[int]], bare_docs: _BareDocs,
              threshold: int) -> dict[tuple[str, ...], int]:
    frequent = {o: len(docs) for o, docs in opening_docs.items() if len(docs) >= threshold}
    widest: dict[tuple[str, ...], int] = {}  # the most documents any one-word extension reaches
    for o, n in frequent.items():
        if len(o) > 2:
            widest[o[:-1]] = max(widest.get(o[:-1], 0), n)
    out = {}
    for o, n in frequent.items():
        if not _has_content(o) or (len(o) < MAX_OPENING_WORDS and widest.get(o, 0) >= 0.5 * n):
            continue
        # Pure: at least PURITY of the documents holding its words (punctuation ignored) have
        # it opening a line, and those that do hold them.
        extra = bare_docs.containing(" ".join(o), set(opening_docs[o]), limit=n / PURITY - n + 1)
        if n >= PURITY * (n + extra):
            out[o] = n
    return out


def _example(doc_lines: list[list[tuple[str, str]]], words: tuple[str, ...]) -> str:
    for lines in doc_lines:
        for k, line in lines:
            if tuple(k.split(" ")[:len(words)]) == words:
                return " ".join(line.split()[:len(words)])
    return " ".join(words)


def _longest_opening(words: list[str], openings: set[tuple[str, ...]], sizes: list[int]) -> int:
    """How many words the longest boilerplate opening of `words` has (0: none)."""
    for n in sizes:
        if n < len(words) and tuple(words[:n]) in openings:
            return n
    return 0


def _inner(doc_lines: list[list[tuple[str, str]]], openings: dict[tuple[str, ...], int],
           threshold: int) -> list[Repeated]:
    """Phrases of the lines that boilerplate openings open, repeated there and rare elsewhere."""
    if not openings:
        return []
    sizes = sorted({len(o) for o in openings}, reverse=True)
    starts = {o[0] for o in openings}
    phrase_docs: Counter[tuple[str, ...]] = Counter()
    opened_by: dict[tuple[str, ...], tuple[str, ...]] = {}  # phrase -> an opening of a line it is in
    outside_keys = []  # each document's keys of the lines no opening opens
    for lines in doc_lines:
        seen: set[tuple[str, ...]] = set()
        outside = []
        for k, _ in lines:
            start, words = 0, None
            if k.partition(" ")[0] in starts:  # only a line whose first word opens one can be opened
                words = k.split(" ")
                start = _longest_opening(words, openings, sizes)
            if not start:
                outside.append(k)
                continue
            rest = words[start:]
            for n in range(MIN_INLINE_WORDS, MAX_OPENING_WORDS + 1):
                for i in range(len(rest) - n + 1):
                    phrase = tuple(rest[i:i + n])
                    seen.add(phrase)
                    opened_by.setdefault(phrase, tuple(words[:start]))
        phrase_docs.update(seen)
        outside_keys.append(outside)
    # A widget's own text is in most of its lines: at least half the documents of the opening.
    frequent = sorted(((p, n) for p, n in phrase_docs.items() if n >= threshold and _has_content(p)
                       and n >= 0.5 * openings[opened_by[p]]), key=lambda pn: (-pn[1], -len(pn[0]), pn[0]))
    if not frequent:
        return []
    # Where a phrase occurs outside the opened lines: the documents' text without those lines.
    outside_docs = _BareDocs(outside_keys)
    kept: list[str] = []
    out = []
    for p, n in frequent:
        joined = " " + " ".join(p) + " "
        if any(joined in q or q in joined for q in kept):
            continue  # overlaps a phrase already kept, of more documents
        if _bare(joined) and n >= PURITY * (n + outside_docs.containing(joined, limit=n / PURITY - n + 1)):
            kept.append(joined)
            example = next(line for lines in doc_lines for k, line in lines if joined.strip() in k)
            out.append(Repeated(joined.strip(), "inner", n, example))
    return out


def _find_suffixes(docs: list[Document], threshold: int) -> list[Repeated]:
    counts: Counter[str] = Counter()
    own: set[str] = set()
    examples: dict[str, str] = {}
    for d in docs:
        seen = set()
        for value in (d.text, d.title):
            s = _source_suffix(value, d.source)
            if s:
                own.add(_key(s))
            s = s or _suffix(value)
            if s:
                seen.add(_key(s))
                examples.setdefault(_key(s), s)
        counts.update(seen)
    return [Repeated(k, "publisher", n, examples[k]) for k, n in counts.items() if k in own or n >= threshold]


# ---------------------------------------------------------------------------------------------
# Removing


class _Rules:
    """Boilerplate indexed for removal: a group's own, and (with `spread`) what the other groups
    found. Another group's lines and sentences are removed as the group's own; its openings only
    open a widget (a line holding one of their inner phrases too), never alone: an opening is
    read off its own group's lines, and elsewhere it could be ordinary words."""

    def __init__(self, own: Iterable[Repeated], shared: Iterable[Repeated] = ()):
        self.lines: set[str] = set()
        self.edges: set[str] = set()  # removable at a line's edge: boilerplate sentences and lines
        self.openings: set[tuple[str, ...]] = set()  # stripped where they open a line
        self.widget_openings: set[tuple[str, ...]] = set()  # only open a widget
        self.suffixes: set[str] = set()
        inline: dict[tuple[str, ...], str] = {}  # phrase -> "kind: text", removed inside lines
        inner: dict[tuple[str, ...], str] = {}  # removed inside lines that a boilerplate opening opens
        for r, mine in [*((r, True) for r in own), *((r, False) for r in shared)]:
            words = tuple(r.text.split(" "))
            if r.kind == "publisher":
                if mine:
                    self.suffixes.add(r.text)
            elif r.kind == "line":
                self.lines.add(r.text)
                self.edges.add(r.text)
            elif r.kind == "sentence":
                self.edges.add(r.text)
                if len(words) >= MIN_INLINE_WORDS:
                    inline[words] = f"sentence: {r.text}"
            elif r.kind == "opening":
                (self.openings if mine else self.widget_openings).add(words)
            else:
                inner[words] = f"inner: {r.text}"
        self.widget_openings -= self.openings
        every = self.openings | self.widget_openings
        self.opening_sizes = sorted({len(o) for o in every}, reverse=True)
        self.opening_starts = {o[0] for o in every}
        self.all_openings = every
        self.inline = _index(inline)
        self.inner = _index({**inner, **inline})
        # The longest digit-free piece of each inline phrase: a line holding none is not scanned.
        anchored: dict[str, list[str]] = defaultdict(list)  # anchor -> the phrases (keys) it is part of
        for p in sorted(inline):
            anchored[max(_DIGITS.split(" ".join(p)), key=len)].append(" ".join(p))
        anchored.pop("", None)
        self.anchors = set(anchored)
        self.anchored = {a: tuple(ps) for a, ps in anchored.items()}
        # The texts removable at edges by their first and by their last word: a line whose key
        # neither begins nor ends with one of them is not split into sentences (a boilerplate
        # sentence's key begins or ends the key of a line it begins or ends).
        self.edge_firsts = _by_word(self.edges, first=True)
        self.edge_lasts = _by_word(self.edges, first=False)
        self.any_lines = bool(self.edges or every or inline)

    def __bool__(self) -> bool:
        return self.any_lines or bool(self.suffixes)


def _by_word(texts: Iterable[str], *, first: bool) -> dict[str, tuple[str, ...]]:
    """First (or last) word -> the texts with it, sorted."""
    out: dict[str, list[str]] = defaultdict(list)
    for t in sorted(texts):
        out[t.split(" ", 1)[0] if first else t.rsplit(" ", 1)[-1]].append(t)
    return {w: tuple(ts) for w, ts in out.items()}


def _edge_candidate(key: str, rule: _Rules) -> bool:
    """Whether the key of a line begins or ends with a text removable at its edges."""
    starting = rule.edge_firsts.get(_first_word(key))
    if starting and key.startswith(starting):
        return True
    ending = rule.edge_lasts.get(key[key.rfind(" ") + 1:])
    return bool(ending) and key.endswith(ending)


def _phrase_starts(key: str, anchors: list[str], rule: _Rules) -> list[int]:
    """The words (numbers, in order) of `key` at which one of the inline phrases of `anchors`
    begins, as whole words."""
    out = set()
    for a in anchors:
        for phrase in rule.anchored[a]:
            pos = key.find(phrase)
            while pos >= 0:
                end = pos + len(phrase)
                if (pos == 0 or key[pos - 1] == " ") and (end == len(key) or key[end] == " "):
                    out.add(key.count(" ", 0, pos))
                pos = key.find(phrase, pos + 1)
    return sorted(out)


def _first_word(key: str) -> str:
    """The first word of a key (without copying the rest, as split and partition would)."""
    space = key.find(" ")
    return key if space < 0 else key[:space]


def _index(phrases: dict[tuple[str, ...], str]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (phrase, label), longest phrase first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for p in sorted(phrases, key=len, reverse=True):
        out[p[0]].append((p, phrases[p]))
    return dict(out)


def remove_boilerplate(corpus: Corpus, found: Boilerplate) -> tuple[Corpus, Removal]:
    """A new corpus without the boilerplate `found` on this corpus, and what was removed.

    Documents left with no text are moved to `skipped` with the reason, so nothing is lost
    silently; a corpus note says how much was removed."""
    return _remove(corpus, found, None)


def find_and_remove(corpus: Corpus, labels: Sequence[str]) -> tuple[Corpus, Removal]:
    """`remove_boilerplate(corpus, find_boilerplate(corpus, labels))`, with each line normalised
    once for both (the normal forms are most of the cost)."""
    keys: dict[str, str] = {}
    found = _find(corpus, labels, MIN_SHARE, MIN_DOCS, True, True, True, keys)
    return _remove(corpus, found, keys)


def _remove(corpus: Corpus, found: Boilerplate, keys: dict[str, str] | None) -> tuple[Corpus, Removal]:
    docs = corpus.documents
    if len(docs) != len(found.ids) or any(d.id != i for d, i in zip(docs, found.ids)):
        raise ValueError("this boilerplate was found on another corpus; call find_boilerplate on this one")
    if found.spread:
        shared = [r for rows in found.groups.values() for r in rows if r.kind != "publisher"]
        everyone = _Rules((), shared)
        rules = {g: _Rules(rows, shared) if rows else everyone for g, rows in found.groups.items()}
    else:
        rules = {g: _Rules(rows) for g, rows in found.groups.items()}
    kept: list[Document] = []
    skipped = list(corpus.skipped)
    tallies: dict[str, Counter[str]] = defaultdict(Counter)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for d, group in zip(docs, found.labels):
        rule = rules[group]
        if not rule:
            kept.append(d)
            continue
        tally: Counter[str] = Counter()
        text, lines, pieces = _clean(d.text, d.source, rule, tally, whole=True, keys=keys)
        title, _, title_pieces = _clean(d.title, d.source, rule, tally, whole=False) if d.title else (d.title, 0, 0)
        if not tally:
            kept.append(d)
            continue
        c = counts[group]
        c["affected"] += 1
        c["lines"] += lines
        c["pieces"] += pieces + title_pieces
        c["characters"] += len(d.text) - len(text) + len(d.title or "") - len(title or "")
        tallies[group].update(tally)
        if not text:
            c["emptied"] += 1
            what = "; ".join(k for k, _ in tally.most_common(2))
            skipped.append(Skipped(d.id, f"only boilerplate of {group!r} left no text ({what})"))
            continue
        kept.append(replace(d, text=text, title=title or None))
    removal = Removal({g: GroupRemoval(documents=n, affected=counts[g]["affected"], emptied=counts[g]["emptied"],
                                       lines=counts[g]["lines"], pieces=counts[g]["pieces"],
                                       characters=counts[g]["characters"],
                                       occurrences=dict(tallies[g].most_common()))
                       for g, n in found.documents.items()})
    notes = list(corpus.notes)
    if removal.affected:
        notes.append(f"boilerplate removed from {removal.affected} documents ({removal.lines} lines and "
                     f"{removal.pieces} pieces of lines, {removal.characters:,} characters); "
                     f"{removal.emptied} left with no text and skipped")
    return Corpus(name=corpus.name, documents=tuple(kept), skipped=tuple(skipped), notes=tuple(notes)), removal


def _clean(text: str, source: str | None, rule: _Rules, tally: Counter[str], *, whole: bool,
           keys: dict[str, str] | None = None) -> tuple[str, int, int]:
    """(text without its boilerplate, lines removed, pieces removed); `tally` counts what went.
    `whole`: a document's text (a title only loses its publisher suffix)."""
    pieces = 0
    while rule.suffixes:  # repeatedly: "<headline> - The Washington Post - The Washington Post"
        suffix = _source_suffix(text, source) or _suffix(text)
        if not suffix or _key(suffix) not in rule.suffixes:
            break
        text = text[:len(text) - len(suffix)].rstrip()
        text = text[:-1].rstrip()  # the " -" before the publisher
        tally[f"publisher: {_key(suffix)}"] += 1
        pieces += 1
    if not whole or not rule.any_lines:
        return text, 0, pieces
    lines = text.split("\n")
    if sum(1 for line in lines if line.strip()) < 2:
        return text, 0, pieces
    out: list[str] = []
    removed = 0
    for line in lines:
        if not line.strip():
            out.append("")
            continue
        stripped = line.strip()
        new, n = _clean_line(stripped, rule, tally, keys.get(stripped) if keys else None)
        if new:
            pieces += n
            out.append(new)
        else:
            removed += 1
    if not removed and not pieces:
        return text, 0, 0
    return _BLANKS.sub("\n\n", "\n".join(out)).strip(), removed, pieces


def _words(line: str, key: str) -> list[tuple[int, str]]:
    """(offset, key) of each word of a line whose key is `key`."""
    return list(zip((m.start() for m in _WORD.finditer(line)), key.split(" ")))


def _clean_line(line: str, rule: _Rules, tally: Counter[str], key: str | None = None) -> tuple[str, int]:
    """The line without its boilerplate ("" if none is left or it is a widget), and the pieces
    removed; `key` is the line's `_key` when known."""
    if key is None:
        key = _key(line)
    if key in rule.edges:
        tally[f"{'line' if key in rule.lines else 'sentence'}: {key}"] += 1
        return "", 0
    edge = bool(rule.edges) and key.count(" ") >= 2 and _edge_candidate(key, rule)
    if not edge and _first_word(key) not in rule.opening_starts and not (
            rule.inline and any(a in key for a in rule.anchors)):
        return line, 0  # most lines: nothing of the rules can be in them
    found: Counter[str] = Counter()
    if edge:
        while True:
            first, last = _edge_sentences(line)
            if first is not None and _key(first) in rule.edges:
                line = line[len(first):].lstrip()
                found[f"sentence: {_key(first)}"] += 1
            elif last is not None and _key(last) in rule.edges:
                line = line[:len(line) - len(last)].rstrip()
                found[f"sentence: {_key(last)}"] += 1
            else:
                break
    line_key = key  # the key of the line as it is now
    if found:  # sentences stripped from its edges
        line_key = _key(line)
        if line_key in rule.edges:
            found[f"sentence: {line_key}"] += 1
            tally.update(found)
            return "", 0
    edge_pieces = sum(found.values())
    words = None
    cuts: list[tuple[int, int]] = []
    start = 0
    widget_only = False
    if rule.opening_starts and _first_word(line_key) in rule.opening_starts:
        words = _words(line, line_key)
        start = _longest_opening([w[1] for w in words], rule.all_openings, rule.opening_sizes)
        if start:
            opening = tuple(w[1] for w in words[:start])
            widget_only = opening in rule.widget_openings
            cuts.append((0, words[start][0]))
            found[f"opening: {' '.join(opening)}"] += 1
    index = rule.inner if start else rule.inline
    # The words a phrase can begin at: after an opening, any; else where a phrase whose anchor
    # the line holds occurs in its key (no phrase matches anywhere else).
    positions: Iterable[int] | None = None
    if index and start:
        positions = range(start, len(words))
    elif index and any(a in key for a in rule.anchors):
        positions = _phrase_starts(line_key, [a for a in rule.anchors if a in key], rule)
    if positions:
        if words is None:
            words = _words(line, line_key)
        after = start  # the first word not yet cut
        for i in positions:
            if i < after:
                continue
            for phrase, label in index.get(words[i][1], ()):
                n = len(phrase)
                if tuple(w[1] for w in words[i:i + n]) == phrase:
                    cuts.append((words[i][0], words[i + n][0] if i + n < len(words) else len(line)))
                    found[label] += 1
                    after = i + n
                    break
    inside = len(cuts) - (1 if start else 0)
    if widget_only and not inside:  # another group's opening, without its widget: ordinary words here
        cuts, start = [], 0
        del found[f"opening: {' '.join(opening)}"]
    tally.update(found)
    if inside and sum(found.values()) >= 2:
        tally["widget (the whole line)"] += 1
        return "", 0
    if not cuts:
        return line, edge_pieces
    kept, last = [], 0
    for a, b in cuts:
        kept.append(line[last:a])
        last = b
    kept.append(line[last:])
    new = _SPACES.sub(" ", "".join(kept)).strip().lstrip(_LEAD).strip()
    if start and " " not in new:  # an opening and one word: "Read or Share this story: <link>"
        return "", 0
    return new, edge_pieces + len(cuts)
