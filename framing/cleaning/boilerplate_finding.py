"""Finding boilerplate: the repeated lines, edge sentences, openings, inner phrases and
publisher suffixes of each group (the rules are in framing.cleaning.boilerplate)."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..model import Corpus, Document
from .boilerplate_forms import (
    KINDS,
    MAX_OPENING_WORDS,
    MAX_SENTENCE_WORDS,
    MIN_INLINE_WORDS,
    OPENING_SHARE,
    PURITY,
    Boilerplate,
    Repeated,
    _bare,
    _edge_sentences,
    _has_content,
    _key,
    _lines,
    _source_suffix,
    _suffix,
    _threshold,
)


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
    if key.find(" ", key.find(" ") + 1) < 0:  # fewer than three words (find stops at the second space)
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
