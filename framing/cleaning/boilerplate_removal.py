"""Removing boilerplate found by framing.cleaning.boilerplate_finding: whole lines, edge
sentences, openings, inline phrases, widgets and publisher suffixes (the rules are in
framing.cleaning.boilerplate)."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ..model import Corpus, Document, Skipped
from .boilerplate_finding import _longest_opening
from .boilerplate_forms import (
    _BLANKS,
    _DIGITS,
    _LEAD,
    _SPACES,
    _WORD,
    MIN_INLINE_WORDS,
    Boilerplate,
    GroupRemoval,
    Removal,
    Repeated,
    _edge_sentences,
    _key,
    _source_suffix,
    _suffix,
)


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
    joined = "\n".join(out)
    if "\n\n\n" in joined:  # a search for the pattern's first character alone costs 50 us a text
        joined = _BLANKS.sub("\n\n", joined)
    return joined.strip(), removed, pieces


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
