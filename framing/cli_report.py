"""The command line's `report` verb: a corpus read whole, or counted in partitions (a glob, a
folder of tables, a large corpus) and reported from its counts, as a counts file is."""
from __future__ import annotations

import sys
from pathlib import Path

from .cli_common import EXIT_OK, _load, _need_field, _progress, _summarise, _Usage
from .cli_count import _counted
from .reading.folders import is_glob


def _cmd_report(args) -> int:
    from .api import analyse, write_report
    from .engines import in_partitions
    from .engines.store import is_counts_file
    from .output import check_output_path

    if args.output:  # before any analysis: minutes of work must not end in "cannot write"
        check_output_path(args.output)
    if is_counts_file(args.corpus):
        return report_from_counts(args)
    if args.add:
        raise _Usage("--add adds corpora to a counts file: framing report FILE.framing --add NEW")
    if args.save or args.engine != "local" or args.scheduler or in_partitions(args.corpus):
        return report_from_counts(args)  # counted in partitions first, as framing count does
    corpus, lexicons = _load(args)
    out = check_output_path(Path(args.output) if args.output else Path("reports") / f"{corpus.name}.html")
    analysis = analyse(corpus, lexicons, by=args.by, nested=args.nested, progress=_progress(args, "matching"))
    _summarise(args, corpus, analysis)
    if not args.quiet:
        print(f"framing: {len(corpus)} documents in {len(analysis.groups)} groups; building the report "
              "(statistics, discovery, bootstrap, figures)...", file=sys.stderr)
    _need_field(corpus, args.story_col)
    written = write_report(analysis, out, blind=args.blind, title=args.title, voice=args.voice, groups=args.groups,
                           story=args.story_col,
                           progress=_progress(args, "counting words"))
    print(f"framing: wrote {written}", file=sys.stderr if args.quiet else sys.stdout)
    return EXIT_OK


def report_from_counts(args) -> int:
    """`framing report counts.framing [--add NEW] [--save counts.framing]`: the report of the
    counts; and `framing report CORPUS` of a corpus counted in partitions (a glob, a folder of
    tables, a corpus over IN_MEMORY_BYTES, or --save/--engine given), as `framing count` counts it."""
    from .api import write_report
    from .engines import IN_MEMORY_BYTES
    from .engines.store import is_counts_file
    from .engines.tally import as_analysis
    from .output import check_output_path

    counts_file = is_counts_file(args.corpus)
    name = Path(args.corpus).name if counts_file else _corpus_name(args.corpus)
    out = check_output_path(Path(args.output) if args.output else Path("reports") / f"{Path(name).stem}.html")
    if args.story_col:
        raise _Usage("--story-col needs the texts: give the corpus itself, not a counts file" if counts_file else
                     f"--story-col needs the texts, which a corpus counted in partitions (a glob, a folder of "
                     f"tables, over {IN_MEMORY_BYTES // 10**6} MB, or --save/--engine given) does not keep: "
                     "framing retellings CORPUS --story-col NAME pairs its articles")
    if not counts_file and not args.quiet:
        print(f"framing: {args.corpus}: counted in partitions on all cores, as framing count does, and the page "
              f"made from the counts (without texts: no two tellings, no reading view; framing report reads a "
              f"single file or folder of up to {IN_MEMORY_BYTES // 10**6} MB whole)", file=sys.stderr)
    tally, lexicons, by = _counted(args)
    if not counts_file:
        import gc

        from .workers import release_freed_memory

        # The counting's freed memory (the last merge, the pool's buffers) back to the system
        # before the page is made: else both are held at once.
        gc.collect()
        release_freed_memory()
    analysis = as_analysis(tally, lexicons, by, name)
    if not args.quiet:
        print(f"framing: {len(tally):,} documents in {len(tally.groups):,} groups; building the report "
              "(statistics, discovery, bootstrap, figures)...", file=sys.stderr)
    written = write_report(analysis, out, blind=args.blind, title=args.title, voice=args.voice, groups=args.groups)
    print(f"framing: wrote {written}", file=sys.stderr if args.quiet else sys.stdout)
    return EXIT_OK


def _corpus_name(source: str) -> str:
    """A corpus's name for its page: a file's or folder's name, or a glob's deepest folder
    without a wildcard ('news/2024/*.jsonl' -> '2024')."""
    parts = Path(source).parts
    plain = parts[:next((i for i, p in enumerate(parts) if is_glob(p)), len(parts))]
    return (Path(*plain) if plain else Path.cwd()).resolve().name or "corpus"
