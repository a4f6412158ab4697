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


def _progress(args, desc: str, unit: str = "doc"):
    if args.quiet:
        return None
    from tqdm import tqdm

    return lambda it: tqdm(it, desc=desc, unit=unit, delay=2, file=sys.stderr, leave=False)


def _load(args):
    from .api import load_corpus, load_lexicons
    from .corpus import Columns

    columns = Columns(text=args.text_col, source=args.source_col, date=args.date_col, title=args.title_col,
                      url=args.url_col, id=args.id_col)
    corpus = load_corpus(args.corpus, columns=columns, follow_symlinks=args.follow_symlinks)
    if not args.quiet and corpus.skipped:
        from collections import Counter

        reasons = Counter(s.reason for s in corpus.skipped)
        summary = "; ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        print(f"framing: skipped {len(corpus.skipped)} input(s) ({summary}):", file=sys.stderr)
        for s in corpus.skipped[:SHOW_SKIPPED]:
            print(f"  {s.path}: {s.reason}", file=sys.stderr)
        if len(corpus.skipped) > SHOW_SKIPPED:
            print(f"  ... and {len(corpus.skipped) - SHOW_SKIPPED} more (all are listed in the report's overview)",
                  file=sys.stderr)
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
    from .api import load_corpus
    from .corpus import Columns
    from .grouping import group_labels

    columns = Columns(text=args.text_col, source=args.source_col, date=args.date_col, title=args.title_col,
                      url=args.url_col, id=args.id_col)
    corpus = load_corpus(args.corpus, columns=columns, follow_symlinks=args.follow_symlinks)
    return corpus, group_labels(corpus, args.by)


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


def _need_two_groups(groups: Sequence[str], by: str) -> None:
    if len(groups) < 2:
        raise FramingError(f"all documents are in one group ({groups[0]!r}, by {by}); "
                           "comparisons need at least two: put each source in its own folder, add a source "
                           "column, or choose another field with --by")
