"""framing.cleaning.boilerplate as it was before its finding read fewer lines (runs before
sentences, two-word openings before longer ones, punctuation-free text only where a phrase's
words are) and before each line was normalised once for finding and removal: kept for
benchmarks/bench_boilerplate.py, which times both in one run and checks they find and remove the
same. Not used by framing. Its docstring as it was:

Boilerplate: text that a scraper picked up around the articles of a source (a copyright
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

from framing.model import Corpus, Document, Skipped
from framing.ngrams import STOP_WORDS
from framing.sentences import sentence_starts

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


def _word_key(word: str) -> str:
    return _DIGITS.sub("0", word.casefold())


def _key(text: str) -> str:
    """The normal form compared: its words are those of `_word_key`, one space apart."""
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


def _lines(text: str) -> list[tuple[str, str]]:
    """(key, line) of the text's non-blank lines, stripped."""
    return [(_key(line), line.strip()) for line in text.split("\n") if line.strip()]


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
    docs = corpus.documents
    if len(labels) != len(docs):
        raise ValueError(f"{len(labels)} labels for {len(docs)} documents")
    members: dict[str, list[Document]] = defaultdict(list)
    for d, label in zip(docs, labels):
        members[label].append(d)
    groups = {}
    for group, group_docs in members.items():
        rows = _find_group(group_docs, _threshold(len(group_docs), min_share, min_docs), edges, publisher)
        groups[group] = tuple(sorted(rows, key=lambda r: (-r.documents, KINDS.index(r.kind), r.text)))
    return Boilerplate(groups=groups, documents={g: len(m) for g, m in members.items()}, labels=tuple(labels),
                       ids=tuple(d.id for d in docs), min_share=min_share, min_docs=min_docs, spread=spread)


def _find_group(docs: list[Document], threshold: int, edges: bool, publisher: bool) -> list[Repeated]:
    found = _find_suffixes(docs, threshold) if publisher else []
    doc_lines = [lines for lines in (_lines(d.text) for d in docs) if len(lines) > 1]
    if len(doc_lines) < threshold:
        return found
    examples: dict[str, str] = {}
    line_docs: Counter[str] = Counter()
    for lines in doc_lines:
        line_docs.update({k for k, _ in lines})
        for k, line in lines:
            examples.setdefault(k, line)
    boiler = {k for k, n in line_docs.items() if n >= threshold}
    found += [Repeated(k, "line", line_docs[k], examples[k]) for k in boiler]
    if not edges:
        return found
    # The rest is read on the lines that stay.
    doc_lines = [[(k, line) for k, line in lines if k not in boiler] for lines in doc_lines]
    sentence_docs: Counter[str] = Counter()
    opening_docs: Counter[tuple[str, ...]] = Counter()
    for lines in doc_lines:
        sentences: set[str] = set()
        openings: set[tuple[str, ...]] = set()
        for k, line in lines:
            words = k.split(" ")
            if len(words) > 2:
                for s in _edge_sentences(line):
                    if s is None:
                        continue
                    sk = _key(s)
                    if len(sk.split(" ")) <= MAX_SENTENCE_WORDS and any(c.isalnum() for c in sk):
                        sentences.add(sk)
                        examples.setdefault(sk, s)
            for n in range(2, min(MAX_OPENING_WORDS, len(words) - 1) + 1):
                openings.add(tuple(words[:n]))
        sentence_docs.update(sentences)
        opening_docs.update(openings)
    found += [Repeated(k, "sentence", n, examples[k]) for k, n in sentence_docs.items()
              if n >= threshold and k not in boiler]
    bare_docs = [" " + " \n ".join(_bare(k) for k, _ in lines) + " " for lines in doc_lines]
    openings = _openings(opening_docs, bare_docs, max(threshold, math.ceil(OPENING_SHARE * len(docs))))
    found += [Repeated(" ".join(o), "opening", n, _example(doc_lines, o)) for o, n in openings.items()]
    found += _inner(doc_lines, bare_docs, openings, threshold)
    return found


def _openings(opening_docs: Counter[tuple[str, ...]], bare_docs: list[str],
              threshold: int) -> dict[tuple[str, ...], int]:
    frequent = {o: n for o, n in opening_docs.items() if n >= threshold}
    widest: dict[tuple[str, ...], int] = {}  # the most documents any one-word extension reaches
    for o, n in frequent.items():
        if len(o) > 2:
            widest[o[:-1]] = max(widest.get(o[:-1], 0), n)
    out = {}
    for o, n in frequent.items():
        if not _has_content(o) or (len(o) < MAX_OPENING_WORDS and widest.get(o, 0) >= 0.5 * n):
            continue
        needle = " " + _bare(" ".join(o)) + " "
        if n >= PURITY * sum(needle in text for text in bare_docs):
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


def _inner(doc_lines: list[list[tuple[str, str]]], bare_docs: list[str], openings: dict[tuple[str, ...], int],
           threshold: int) -> list[Repeated]:
    """Phrases of the lines that boilerplate openings open, repeated there and rare elsewhere."""
    if not openings:
        return []
    sizes = sorted({len(o) for o in openings}, reverse=True)
    phrase_docs: Counter[tuple[str, ...]] = Counter()
    opened_by: dict[tuple[str, ...], tuple[str, ...]] = {}  # phrase -> an opening of a line it is in
    for lines in doc_lines:
        seen: set[tuple[str, ...]] = set()
        for k, _ in lines:
            words = k.split(" ")
            start = _longest_opening(words, openings, sizes)
            if start:
                rest = words[start:]
                for n in range(MIN_INLINE_WORDS, MAX_OPENING_WORDS + 1):
                    for i in range(len(rest) - n + 1):
                        phrase = tuple(rest[i:i + n])
                        seen.add(phrase)
                        opened_by.setdefault(phrase, tuple(words[:start]))
        phrase_docs.update(seen)
    # A widget's own text is in most of its lines: at least half the documents of the opening.
    frequent = sorted(((p, n) for p, n in phrase_docs.items() if n >= threshold and _has_content(p)
                       and n >= 0.5 * openings[opened_by[p]]), key=lambda pn: (-pn[1], -len(pn[0]), pn[0]))
    if not frequent:
        return []
    # Where a phrase occurs outside the opened lines: the documents' text without those lines.
    outside = [" " + " \n ".join(_bare(k) for k, _ in lines
                                 if not _longest_opening(k.split(" "), openings, sizes)) + " "
               for lines in doc_lines]
    kept: list[str] = []
    out = []
    for p, n in frequent:
        joined = " " + " ".join(p) + " "
        if any(joined in q or q in joined for q in kept):
            continue  # overlaps a phrase already kept, of more documents
        needle = " " + _bare(joined) + " "
        if needle.strip() and n >= PURITY * (n + sum(needle in text for text in outside)):
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
        self.anchors = {max(_DIGITS.split(" ".join(p)), key=len) for p in inline} - {""}
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
    starting = rule.edge_firsts.get(key.split(" ", 1)[0])
    if starting and key.startswith(starting):
        return True
    ending = rule.edge_lasts.get(key.rsplit(" ", 1)[-1])
    return bool(ending) and key.endswith(ending)


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
        text, lines, pieces = _clean(d.text, d.source, rule, tally, whole=True)
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


def _clean(text: str, source: str | None, rule: _Rules, tally: Counter[str], *, whole: bool) -> tuple[str, int, int]:
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
        new, n = _clean_line(line.strip(), rule, tally)
        if new:
            pieces += n
            out.append(new)
        else:
            removed += 1
    if not removed and not pieces:
        return text, 0, 0
    return _BLANKS.sub("\n\n", "\n".join(out)).strip(), removed, pieces


def _words(line: str) -> list[tuple[int, str]]:
    """(offset, key) of each word of a line."""
    return list(zip((m.start() for m in _WORD.finditer(line)), _key(line).split(" ")))


def _clean_line(line: str, rule: _Rules, tally: Counter[str]) -> tuple[str, int]:
    """The line without its boilerplate ("" if none is left or it is a widget), and the pieces removed."""
    key = _key(line)
    if key in rule.edges:
        tally[f"{'line' if key in rule.lines else 'sentence'}: {key}"] += 1
        return "", 0
    found: Counter[str] = Counter()
    if rule.edges and key.count(" ") >= 2 and _edge_candidate(key, rule):
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
        if _key(line) in rule.edges:
            found[f"sentence: {_key(line)}"] += 1
            tally.update(found)
            return "", 0
    edge_pieces = sum(found.values())
    words = None
    cuts: list[tuple[int, int]] = []
    start = 0
    first_word = line.split(None, 1)[0] if line else ""
    widget_only = False
    if rule.opening_starts and _word_key(first_word) in rule.opening_starts:
        words = _words(line)
        start = _longest_opening([w[1] for w in words], rule.all_openings, rule.opening_sizes)
        if start:
            opening = tuple(w[1] for w in words[:start])
            widget_only = opening in rule.widget_openings
            cuts.append((0, words[start][0]))
            found[f"opening: {' '.join(opening)}"] += 1
    index = rule.inner if start else rule.inline
    if index and (start or any(a in key for a in rule.anchors)):
        if words is None:
            words = _words(line)
        i = start
        while i < len(words):
            for phrase, label in index.get(words[i][1], ()):
                n = len(phrase)
                if tuple(w[1] for w in words[i:i + n]) == phrase:
                    cuts.append((words[i][0], words[i + n][0] if i + n < len(words) else len(line)))
                    found[label] += 1
                    i += n - 1
                    break
            i += 1
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
