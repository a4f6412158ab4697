"""What the command line's verbs share: exit codes, argument types, loading a corpus with its
skipped inputs reported, and writing a table. Imports nothing heavy at module level."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import FramingError

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
DEFAULT_LEXICON = "israel-gaza"
SHOW_SKIPPED = 10
READ_NOTICE_BYTES = 50 * 2**20  # say that reading has started when it may take more than a second or two


def _progress(args, desc: str, unit: str = "document"):
    """A progress callback for a stage: a bar on standard error, in the stage's own unit when it
    hands over a `framing.progress.Work` (documents, or MB of text), after two seconds."""
    if args.quiet:
        return None
    from tqdm import tqdm

    def bar(items):
        sizes = getattr(items, "sizes", None)
        label = getattr(items, "unit", unit)
        if sizes is None:
            yield from tqdm(items, desc=desc, unit=f" {label}s", delay=2, file=sys.stderr, leave=False)
            return
        with tqdm(total=round(sum(sizes), 1), desc=desc, unit=f" {label}", delay=2, file=sys.stderr,
                  leave=False, bar_format="{desc}: {percentage:3.0f}%|{bar}| {n:.1f}/{total:.1f}{unit} "
                                          "[{elapsed}<{remaining}]") as shown:
            for item, size in zip(items, sizes):
                yield item
                shown.update(size)

    return bar


def _read_options(args):
    """(ReadOptions, Selection) of the corpus options, checked once."""
    from .corpus import Columns, ReadOptions
    from .selection import Selection

    try:
        options = ReadOptions(
            columns=Columns(text=args.text_col, source=args.source_col, date=args.date_col, title=args.title_col,
                            url=args.url_col, id=args.id_col, language=args.language_col),
            names=args.columns, header="no" if args.no_header else "auto", quoting=args.quoting, sep=args.sep,
            dayfirst=args.dayfirst, follow_symlinks=args.follow_symlinks, file_type=args.file_type,
            keep_marks=args.keep_marks)
        selection = Selection(where=tuple(args.where), since=args.since, until=args.until)
    except FramingError as exc:
        raise _Usage(str(exc)) from None
    return options, selection


def _read(args):
    """The corpus the options describe: read, then the documents chosen by --where, --since and
    --until; every input left out is listed (summarised) on standard error."""
    from .api import load_corpus
    from .cleaning import clean
    from .selection import select

    options, selection = _read_options(args)
    if not args.quiet:
        from .resources import corpus_bytes, memory_warning

        size = corpus_bytes(args.corpus)  # one walk of a folder, not one per message
        warning = memory_warning(size)
        if warning:
            print(f"framing: warning: {warning}", file=sys.stderr)
        if size >= READ_NOTICE_BYTES:
            print(f"framing: reading {args.corpus} ({size / 2**20:,.0f} MB)...", file=sys.stderr)
    corpus = select(load_corpus(args.corpus, options=options), selection)
    corpus = clean(corpus, by=args.by, boilerplate=not args.keep_boilerplate, dedupe_mode=args.dedupe)
    if not args.quiet:
        if corpus.skipped:
            _summarise_skipped(corpus.skipped)
        _summarise_cleaning(corpus.cleaning)
    return corpus


def _note_one_document_groups(args, documents: int, groups: int) -> None:
    """Say so when grouping by source made every document its own group (no document names its
    source): fine for a few articles, as the seeds are compared; past a few dozen, rarely meant."""
    if not args.quiet and args.by == "source" and documents == groups > ONE_DOCUMENT_GROUPS:
        print(f"framing: note: no document names its source, so each of the {documents:,} documents is its own "
              "group; give the column that names it (--source-col COLUMN) or another grouping (--by FIELD)",
              file=sys.stderr)


def _summarise(args, corpus, analysis) -> None:
    """The notes on an analysis of a corpus read whole: languages, and one-document groups."""
    _summarise_languages(args, analysis)
    _note_one_document_groups(args, len(corpus), len(analysis.groups))


def _summarise_languages(args, analysis) -> None:
    """Say which documents a lexicon was not applied to, because of their language."""
    if args.quiet:
        return
    for name, langs in analysis.unmatched_languages().items():
        if langs:
            shown = ", ".join(f"{n:,} {lang}" for lang, n in langs.items())
            print(f"framing: lexicon {name!r} counts documents in its own language only; not applied to "
                  f"{sum(langs.values()):,} documents in other languages ({shown})", file=sys.stderr)


def _summarise_cleaning(cleaning) -> None:
    removal = cleaning.removal
    if removal is not None and removal.affected:
        rows = cleaning.boilerplate_rows(top=1)
        most = "; ".join(f"{r['source']}: {r['removed most often']}" for r in rows[:3])
        print(f"framing: boilerplate removed from {removal.affected:,} documents ({removal.lines:,} lines, "
              f"{removal.pieces:,} pieces of lines), e.g. {most}; --keep-boilerplate keeps it", file=sys.stderr)
    groups = cleaning.duplicates.groups.values()
    exact, near = sum(g.exact for g in groups), sum(g.near for g in groups)
    across = sum(g.exact_across for g in groups)
    if exact or near or across:
        action = ("dropped" if cleaning.dedupe != "none" else "kept; --dedupe exact|near drops them")
        print(f"framing: duplicates within groups: {exact:,} exact, {near:,} near ({action}); {across:,} documents "
              "have an exact copy in another group (never dropped)", file=sys.stderr)


def _summarise_skipped(skipped) -> None:
    from collections import Counter

    reasons = Counter(s.reason for s in skipped)
    summary = "; ".join(f"{n} {reason}" for reason, n in reasons.most_common(5))
    more = f"; {len(reasons) - 5} other reasons" if len(reasons) > 5 else ""
    print(f"framing: skipped {len(skipped)} input(s) ({summary}{more}):", file=sys.stderr)
    for s in skipped[:SHOW_SKIPPED]:
        print(f"  {s.path}: {s.reason}", file=sys.stderr)
    if len(skipped) > SHOW_SKIPPED:
        print(f"  ... and {len(skipped) - SHOW_SKIPPED} more (all are listed in the report's overview)",
              file=sys.stderr)


def _load(args):
    from .api import load_lexicons

    corpus = _read(args)
    lexicons = load_lexicons(args.lexicon or [DEFAULT_LEXICON])
    return corpus, lexicons


def _write_table(df, fmt: str, output: str | None = None) -> None:
    """The table as CSV or JSON records on standard output, or into `output` (whole or not at all)."""
    from .output import atomic_write_text, safe_cells

    if fmt == "json":
        text = df.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    else:
        text = safe_cells(df).to_csv(index=False, float_format="%.6g")
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output, text)


def _corpus_and_labels(args):
    from .grouping import group_labels

    corpus = _read(args)
    return corpus, group_labels(corpus, args.by)


def _where(value: str):
    from .selection import parse_where

    try:
        return parse_where(value)
    except FramingError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--where ")) from None


def _date(value: str):
    from .reading.dates import DateError, parse_date

    try:
        return parse_date(value)
    except DateError as exc:
        raise argparse.ArgumentTypeError(f"{value!r}: {exc}") from None


def _names(value: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(","))
    if not all(names) or len(set(names)) != len(names):
        raise argparse.ArgumentTypeError(f"expected distinct column names separated by commas, not {value!r}")
    return names


def _separator(value: str) -> str:
    sep = {"\\t": "\t", "tab": "\t", "\t": "\t"}.get(value.lower(), value)
    if len(sep) != 1 or sep in "\"\r\n":
        raise argparse.ArgumentTypeError(f"expected one character such as , ; | or \\t, not {value!r}")
    return sep


def _fraction(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        x = -1.0
    if not 0 <= x <= 1:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, not {value!r}")
    return x


def _need_field(corpus, field: str | None) -> None:
    if field and not any(field in d.meta for d in corpus.documents):
        fields = sorted({k for d in corpus.documents for k in d.meta})
        raise FramingError(f"no document has the field {field!r}; available: {', '.join(fields) or 'none'}")


def _non_negative(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, not {value!r}")
    return n


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return n


class _Usage(Exception):
    """Options that parse but contradict each other: a usage error (exit 2)."""


ONE_DOCUMENT_GROUPS = 50  # documents, each its own group, past which the user is told


def _need_two_groups(groups: Sequence[str], by: str) -> None:
    if len(groups) < 2:
        raise FramingError(f"all documents are in one group ({groups[0]!r}, by {by}); "
                           "comparisons need at least two: put each source in its own folder, add a source "
                           "column, or choose another field with --by")
