"""The command line's `count` verb (partitions, jobs, engines, the counts file) and the tables
`stats` prints from a counts file."""
from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from .cli_common import (
    DEFAULT_LEXICON,
    EXIT_OK,
    _need_two_groups,
    _note_one_document_groups,
    _progress,
    _read_options,
    _Usage,
    _write_table,
)
from .errors import FramingError

# The tables a counts file can give: those computed from group x term counts, and the rates per
# month from the documents' counts and dates.
COUNTS_TABLES = ("terms", "categories", "compare", "pairs", "contrast", "sensitivity", "evidence", "translations",
                 "time")


def _cmd_count(args) -> int:
    tally, lexicons, by = _counted(args)
    if args.table or not args.save:
        _write_table(counts_table(tally, tuple(lexicons), by, args.table or "terms", voice=args.voice,
                                  method=args.method), args.format)
    return EXIT_OK


def _counted(args):
    """(tally, lexicons, by) of the command's corpus or counts file with every --add counted in,
    written to --save when given."""
    from .api import load_lexicons
    from .engines import IN_MEMORY_BYTES, count_corpus
    from .engines.store import dump, is_counts_file, load
    from .model import Skipped
    from .output import atomic_write, check_output_path

    if getattr(args, "dedupe", "none") != "none":
        raise _Usage("--dedupe compares every document with every other, and counting in partitions never holds "
                     "the whole corpus: leave it out, or report a part saved as a file of its own (framing report "
                     f"reads up to {IN_MEMORY_BYTES // 10**6} MB whole)")
    if args.save:
        if not is_counts_file(args.save):
            raise _Usage(f"--save {args.save}: a counts file's name ends in .framing")
        check_output_path(args.save)
    options, selection = _read_options(args)
    if is_counts_file(args.corpus):
        base = load(args.corpus)
        if args.lexicon:
            raise _Usage("the counts file holds its lexicons; leave out --lexicon when adding to it")
        lexicons, by = base[1], base[2]
        if args.by not in ("source", by):
            raise _Usage(f"{args.corpus} groups documents by {by!r}; give --by {by} or leave it out")
        if not args.add:
            if args.save and Path(args.save).resolve() != Path(args.corpus).resolve():
                atomic_write(args.save, partial(dump, base[0], lexicons, by))
            return base
        sources, add_to = args.add, base
    else:
        if args.add:
            raise _Usage("--add adds corpora to a counts file: framing count counts.framing --add NEW")
        lexicons, by = load_lexicons(args.lexicon or [DEFAULT_LEXICON]), args.by
        sources, add_to = [args.corpus], None
    before = len(add_to[0]) if add_to else 0
    tally = count_corpus(sources, lexicons, options=options, by=by, selection=selection,
                         boilerplate=not args.keep_boilerplate, nested=args.nested, jobs=args.jobs,
                         engine=args.engine, scheduler=args.scheduler, add_to=add_to,
                         progress=_progress(args, "counting", unit="partition"))
    if not args.quiet:
        from .cli_common import _summarise_skipped

        new = [Skipped(where, reason) for where, reason in tally.skipped[len(add_to[0].skipped) if add_to else 0:]]
        if new:
            _summarise_skipped(new)
        added = f" ({len(tally) - before:,} added)" if add_to else ""
        print(f"framing: {len(tally):,} documents{added} in {len(tally.groups):,} groups", file=sys.stderr)
        _note_one_document_groups(args, len(tally), len(tally.groups))
        from .engines.job import FILE_SOURCES
        from .engines.tally import TWICE

        for note in (FILE_SOURCES, TWICE):
            if note in tally.notes:
                print(f"framing: note: {note}", file=sys.stderr)
    if args.save:
        atomic_write(args.save, partial(dump, tally, tuple(lexicons), by))
        print(f"framing: wrote {args.save}", file=sys.stderr)
    return tally, tuple(lexicons), by


def counts_table(tally, lexicons, by: str, table: str, *, voice: str = "all", method: str = "mcq2008"):
    """One of `COUNTS_TABLES` from a tally (the same functions `framing stats` uses)."""
    from . import stats
    from .engines.tally import as_analysis

    if table == "time":
        if len(tally.dates) != len(tally.ids):
            raise FramingError("--table time needs the documents' dates, which counts files of version 1 do not "
                               "hold: count the corpus again")
        return stats.time_frequencies(as_analysis(tally, lexicons, by, ""), voice)
    counts = tally.counts()
    if table == "terms":
        return stats.frequencies(counts, voice=voice)
    if table == "categories":
        return stats.category_frequencies(counts, voice=voice)
    if table in ("compare", "pairs"):
        _need_two_groups(counts.groups, by)
        return stats.lexicon_comparison(counts, voice=voice, method=method, pairs=table == "pairs")
    if table == "sensitivity":
        _need_two_groups(counts.groups, by)
        return stats.sensitivity(counts, voice=voice)
    if table == "evidence":
        return stats.contrast_evidence(counts, lexicons, voice=voice)
    if table == "translations":
        return stats.translation_table(counts, lexicons)
    if table == "contrast":
        return stats.contrast_shares(counts, lexicons, voice=voice)
    raise FramingError(f"--table {table} needs the documents, not only their counts: give the corpus itself")


def stats_from_counts_file(args) -> int:
    """`framing stats counts.framing --table ...`: the tables that need only the counts."""
    from .engines.store import load

    if args.bootstrap:
        raise _Usage("--bootstrap needs the documents: give the corpus itself, not a counts file")
    tally, lexicons, by = load(Path(args.corpus))
    _write_table(counts_table(tally, lexicons, by, args.table, voice=args.voice, method=args.method),
                 args.format)
    return EXIT_OK
