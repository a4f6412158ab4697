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
The thresholds, values and normal forms are in `boilerplate_forms`, finding in
`boilerplate_finding`, removal in `boilerplate_removal`; this module is their entry point.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Corpus
from .boilerplate_finding import _find
from .boilerplate_forms import (
    KINDS,
    MIN_DOCS,
    MIN_SHARE,
    Boilerplate,
    GroupRemoval,
    Kind,
    Removal,
    Repeated,
)
from .boilerplate_removal import _remove


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


__all__ = ["KINDS", "MIN_DOCS", "MIN_SHARE", "Boilerplate", "GroupRemoval", "Kind", "Removal", "Repeated",
           "find_and_remove", "find_boilerplate", "remove_boilerplate"]
