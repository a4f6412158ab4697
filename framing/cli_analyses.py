"""The command line's verbs beyond counting: retellings, diff, attributions, casualties."""
from __future__ import annotations

import sys
from pathlib import Path

from .cli_common import EXIT_OK, _corpus_and_labels, _need_field, _need_two_groups, _write_table
from .errors import FramingError


def _cmd_retellings(args) -> int:
    from .analyses.retellings import DEFAULT_THRESHOLD, retellings

    corpus, labels = _corpus_and_labels(args)
    _need_two_groups(tuple(dict.fromkeys(labels)), args.by)
    _need_field(corpus, args.story_col)
    story = [d.meta.get(args.story_col) or None for d in corpus.documents] if args.story_col else None
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    _write_table(retellings(corpus, labels, threshold=threshold, story=story), args.format)
    return EXIT_OK


def _cmd_attributions(args) -> int:
    from .analyses.attribution import attribution_table, attributions

    corpus, labels = _corpus_and_labels(args)
    rows = attributions(corpus, labels, verbs=args.verbs or "verbs")
    _write_table(attribution_table(rows) if args.table == "speakers" else rows, args.format)
    return EXIT_OK


def _cmd_casualties(args) -> int:
    from .analyses.agency import agency_table, casualties

    corpus, labels = _corpus_and_labels(args)
    rows = casualties(corpus, labels)
    _write_table(agency_table(rows) if args.table == "groups" else rows, args.format)
    return EXIT_OK


def _cmd_diff(args) -> int:
    from .analyses.alignment import align
    from .text import decode, normalize

    if args.corpus:
        from .api import load_corpus
        from .corpus import Columns

        corpus = load_corpus(args.corpus, columns=Columns(text=args.text_col, id=args.id_col))
        docs = {d.id: d.text for d in corpus.documents}
        missing = [x for x in (args.doc_a, args.doc_b) if x not in docs]
        if missing:
            raise FramingError(f"no document with the id {missing[0]!r} in {args.corpus} "
                               f"(ids look like {next(iter(docs), '?')!r})")
        a, b = docs[args.doc_a], docs[args.doc_b]
    else:
        texts = []
        for name in (args.doc_a, args.doc_b):
            path = Path(name)
            if not path.is_file():
                raise FramingError(f"{name}: no such file (to compare two documents of a corpus, add --corpus CORPUS)")
            texts.append(normalize(decode(path.read_bytes()).text))
        a, b = texts
    sys.stdout.write(_diff_text(align(a, b), args.doc_a, args.doc_b))
    return EXIT_OK


def _diff_text(alignment, name_a: str, name_b: str) -> str:
    """The alignment for a terminal: [-dropped-] and {+added+} marks, as `git diff --word-diff`."""
    marks = {"same": ("", ""), "changed": ("[-", "-]"), "dropped": ("[-", "-]"), "added": ("{+", "+}")}
    lines = [f"--- {name_a}", f"+++ {name_b}"]
    counts = alignment.counts()
    lines.append("changes: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n))
    for s in alignment.sentences:
        lines.append("")
        if s.a is None:
            lines.append("  only in B: {+" + s.b + "+}")
        elif s.b is None:
            lines.append("  only in A: [-" + s.a + "-]")
        else:
            a = "".join(f"{marks[k][0]}{t.rstrip()}{marks[k][1]}{t[len(t.rstrip()):]}" if k != "same" else t
                        for t, k in s.parts_a)
            b = "".join(f"{'{+'}{t.rstrip()}{'+}'}{t[len(t.rstrip()):]}" if k != "same" else t for t, k in s.parts_b)
            lines += [f"  A: {a}", f"  B: {b}"]
            notable = [c for c in s.changes if c.kind in ("number", "title", "dropped", "added", "substituted")]
            for c in notable:
                lines.append(f"     {c.kind}: {c.a or '-'} -> {c.b or '-'}")
    return "\n".join(lines) + "\n"
