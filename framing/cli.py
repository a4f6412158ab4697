"""The command line: parses arguments, calls the public API, shows progress, maps errors to exit
codes (0 ok, 1 input error, 2 usage). No library module imports this one."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__
from .cli_analyses import _cmd_attributions, _cmd_casualties, _cmd_diff, _cmd_retellings
from .cli_common import (
    DEFAULT_LEXICON,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    _date,
    _fraction,
    _load,
    _names,
    _need_two_groups,
    _non_negative,
    _positive,
    _progress,
    _separator,
    _summarise,
    _Usage,
    _where,
    _write_table,
)
from .cli_count import COUNTS_TABLES, _cmd_count, stats_from_counts_file
from .cli_report import _cmd_report
from .errors import FramingError, LexiconError


def _corpus_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", help="a folder of .txt files (one subfolder per source, optional manifest.csv), "
                                  "or a .csv/.tsv/.jsonl/.parquet file")
    p.add_argument("--by", default="source", help="group documents by this field: source (default), "
                                                    "date:year|month|day, any metadata column, or several "
                                                    "separated by commas (source,victim)")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="in a folder, read symbolic links to .txt files inside it (default: list them as skipped)")
    s = p.add_argument_group("choosing documents")
    s.add_argument("--where", action="append", type=_where, default=[], metavar="FIELD=VALUE[,VALUE]",
                   help="keep documents whose field has one of these values (exact match); repeatable, all must hold")
    s.add_argument("--since", type=_date, metavar="DATE", help="keep documents dated on or after DATE")
    s.add_argument("--until", type=_date, metavar="DATE", help="keep documents dated on or before DATE")
    s.add_argument("--keep-boilerplate", action="store_true",
                   help="keep lines repeated across a source's documents (default: removed and listed; see README)")
    s.add_argument("--dedupe", choices=("none", "exact", "near"), default="none",
                   help="drop exact or near duplicates within each group (default: none, only counted and listed)")
    g = p.add_argument_group("table columns (for .csv/.tsv/.jsonl/.parquet)")
    for field in ("text", "source", "date", "title", "url", "id", "language"):
        g.add_argument(f"--{field}-col", default=field, metavar="NAME",
                       help=f"column with the {field} (default: {field}, in any case)")
    r = p.add_argument_group("reading tables (detected unless given)")
    r.add_argument("--no-header", action="store_true", help="the first row is a record, not column names")
    r.add_argument("--columns", type=_names, metavar="A,B,C", help="names of the table's columns, in order")
    r.add_argument("--quoting", choices=("auto", "csv", "none"), default="auto",
                   help="whether quotation marks quote cells (csv) or are text (none); default: detected")
    r.add_argument("--sep", type=_separator, metavar="CHAR", help="the separator: , ; | or \\t (default: detected)")
    r.add_argument("--dayfirst", action="store_true", help="read numeric dates as day/month/year (default month first)")
    r.add_argument("--keep-marks", action="store_true",
                   help="keep Arabic vowel marks (harakat) and Hebrew vowel points (niqqud); default: removed")
    r.add_argument("--file-type", choices=("auto", "text", "table"), default="auto",
                   help="read a .txt file as one article (text) or one document per line (table); default: "
                        "a table when every line splits into the same fields")


def _count_args(p: argparse.ArgumentParser) -> None:
    c = p.add_argument_group("counting in partitions and counts files (see README: Large corpora)")
    c.add_argument("--save", metavar="FILE.framing", help="write the counts file")
    c.add_argument("--add", action="append", default=[], metavar="CORPUS",
                   help="with a counts file as CORPUS: count these corpora too (documents already counted, by id, "
                        "are not counted again); repeatable")
    c.add_argument("--jobs", type=_positive, default=None, metavar="N",
                   help="worker processes (default: all cores); the counts are the same for every N")
    c.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or Dask (pip install 'framing[dask]')")
    c.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler, e.g. tcp://host:8786 "
                                                          "(default: a local cluster of --jobs workers)")


def _lexicon_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicon", "-l", action="append", metavar="FILE",
                   help=f"lexicon file or bundled name; repeatable (default: {DEFAULT_LEXICON})")
    p.add_argument("--nested", action="store_true", help="also count terms nested inside longer matched terms")


def _voice_arg(p: argparse.ArgumentParser,
               help_: str = "count all text, the reporter's own words, or quotations only (default: all)") -> None:
    p.add_argument("--voice", choices=("all", "own", "quoted"), default="all", help=help_)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Show how news sources word the same events "
                                     "differently: lexicon counts, Fightin' Words log-odds, and an HTML report.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    # Accepted before or after the command (`framing -q stats ...` and `framing stats ... -q`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--quiet", "-q", action="store_true", default=argparse.SUPPRESS,
                        help="no progress bars or notes, only errors")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show a traceback on internal errors")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bars or notes, only errors")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, parents=[common])

    p = command("report", "write the interactive HTML report of a corpus")
    _corpus_args(p)
    _lexicon_args(p)
    p.add_argument("--output", "-o", metavar="FILE", help="where to write (default: reports/<corpus>.html)")
    p.add_argument("--blind", action="store_true", help="replace group names by letters until revealed in the page")
    p.add_argument("--title", help="title shown on the page")
    p.add_argument("--story-col", metavar="NAME",
                   help="a column (or manifest field) naming each article's story, for the two-tellings section")
    p.add_argument("--groups", type=_positive, default=12, metavar="N",
                   help="draw the N largest groups in the figures and pool the rest (default: 12); every group "
                        "stays in the tables, and the page can bring any group into the figures")
    _voice_arg(p)
    _count_args(p)

    p = command("stats", "print counts and log-odds per group and lexicon term")
    _corpus_args(p)
    _lexicon_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    _voice_arg(p)
    p.add_argument("--table", choices=("terms", "categories", "compare", "pairs", "contrast", "sensitivity",
                                       "evidence", "headlines", "time", "translations"),
                   default="terms",
                   help="terms: counts and rates (default); categories; compare: log-odds, each group vs the "
                        "rest; pairs: every ordered pair of groups; contrast: shares within contrast sets; "
                        "sensitivity: term ranks under other priors and minimum counts; evidence: article-level "
                        "evidence that two groups prefer different words (the report's questions); headlines: "
                        "category rates on headlines; time: category rates per month; translations: terms beside their "
                        "translations in the other lexicons given (-l israel-gaza -l israel-gaza-ar ...)")
    p.add_argument("--method", choices=("mcq2008", "scattertext", "monroe-groups"), default="mcq2008",
                   help="Fightin' Words variant for --table compare/pairs (default: mcq2008)")
    p.add_argument("--bootstrap", type=_non_negative, default=0, metavar="N",
                   help="with --table compare: add document-level bootstrap intervals from N replicates")
    p.add_argument("--seed", type=_non_negative, default=20081, help="random seed of the bootstrap (default: 20081)")

    p = command("count", "count lexicon terms in a large corpus (files, folders, globs) on all cores or a Dask "
                         "cluster; save the counts to add to them later")
    _corpus_args(p)
    _lexicon_args(p)
    _count_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--table", choices=COUNTS_TABLES, default=None,
                   help="the table to print (default: terms, or none with --save)")
    p.add_argument("--method", choices=("mcq2008", "scattertext", "monroe-groups"), default="mcq2008",
                   help="Fightin' Words variant for --table compare/pairs (default: mcq2008)")
    _voice_arg(p)

    p = command("discover", "print distinguishing terms outside the lexicon (candidates)")
    _corpus_args(p)
    _lexicon_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--top", type=_positive, default=30, help="terms per comparison (default: 30)")
    _voice_arg(p)
    p.add_argument("--pairs", action="store_true", help="compare every ordered pair of groups, not each with the rest")

    p = command("matches", "print every lexicon match with its sentence, to check counts by hand")
    _corpus_args(p)
    _lexicon_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    _voice_arg(p, "list all matches, those in the reporter's own words, or those inside quotations (default: all)")

    p = command("retellings", "print pairs of articles of different groups that tell the same story")
    _corpus_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--story-col", metavar="NAME",
                   help="a column (or manifest field) naming each article's story: pairs then follow it")
    p.add_argument("--threshold", type=_fraction, default=None, metavar="X",
                   help="lowest cosine similarity of a pair found by its words (default: 0.1, see README)")

    p = command("attributions", "print every reporting clause: who is said to claim what, with which verb")
    _corpus_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--verbs", metavar="FILE", help="verb classes to use (default: ./lexicons/verbs.yaml if there, "
                                                   "else the bundled one)")
    p.add_argument("--table", choices=("rows", "speakers"), default="rows",
                   help="rows: one per reporting clause (default); speakers: counts per group, speaker and class")

    p = command("casualties", "print every sentence about deaths or injuries and whether it names who acted")
    _corpus_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--table", choices=("rows", "groups"), default="rows",
                   help="rows: one per casualty clause (default); groups: constructions and agentless share "
                        "per group (--by)")

    p = command("diff", "align two tellings sentence by sentence and show what changed")
    p.add_argument("doc_a", metavar="A", help="a text file, or a document id of --corpus")
    p.add_argument("doc_b", metavar="B", help="a text file, or a document id of --corpus")
    p.add_argument("--corpus", metavar="CORPUS", help="read A and B as document ids of this corpus")
    p.add_argument("--text-col", default="text", metavar="NAME", help="with a table --corpus: the text column")
    p.add_argument("--id-col", default="id", metavar="NAME", help="with a table --corpus: the id column")

    p = command("lexicons", "list the bundled lexicons, copy one to edit it, or check lexicon files")
    lsub = p.add_subparsers(dest="lexicon_command", metavar="ACTION")
    lsub.add_parser("list", help="list bundled lexicons and which file each name uses (default)")
    c = lsub.add_parser("check", help="validate lexicon files and report every problem with its line")
    c.add_argument("files", nargs="+", metavar="FILE")
    c = lsub.add_parser("copy", help="copy a bundled lexicon to ./lexicons/ to edit it; the copy is then used "
                                     "instead of the bundled one when framing runs from that folder's parent")
    c.add_argument("name", metavar="NAME", help="a bundled lexicon (see: framing lexicons)")
    c.add_argument("directory", nargs="?", default="lexicons", metavar="DIR",
                   help="where to put the copy (default: ./lexicons)")
    c.add_argument("--force", action="store_true", help="overwrite an existing file there")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING, format="framing: note: %(message)s")
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from .workers import collect_less, exit_at_once, exit_code, handle_interrupts

    collect_less()
    try:
        with handle_interrupts():  # Ctrl-C is never lost; SIGTERM unwinds like it (workers killed, outputs whole)
            return _COMMANDS[args.command](args)
    except LexiconError as exc:
        for problem in exc.problems:
            print(f"framing: lexicon error: {problem}", file=sys.stderr)
        return EXIT_INPUT
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except _Usage as exc:
        print(f"framing: usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:  # Ctrl-C: 130; SIGTERM (workers.Terminated): 143
        print("framing: terminated" if exit_code(exc) == 143 else "framing: interrupted", file=sys.stderr)
        if argv is None:  # the process is the command's: skip the teardown (seconds when loaded)
            exit_at_once(exit_code(exc))
        return exit_code(exc)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so in one line unless asked for the traceback
        if args.debug:
            raise
        print(f"framing: internal error: {type(exc).__name__}: {exc} (rerun with --debug and report it)",
              file=sys.stderr)
        return 3


def _cmd_stats(args) -> int:
    from . import stats
    from .api import analyse

    if args.bootstrap and (args.table != "compare" or args.method != "mcq2008"):
        raise _Usage("--bootstrap works with --table compare and --method mcq2008 only")
    if args.corpus.lower().endswith(".framing"):
        return stats_from_counts_file(args)
    corpus, lexicons = _load(args)
    analysis = analyse(corpus, lexicons, by=args.by, nested=args.nested, progress=_progress(args, "matching"))
    _summarise(args, corpus, analysis)
    if args.table == "terms":
        df = stats.frequencies(analysis.counts, voice=args.voice)
    elif args.table == "categories":
        df = stats.category_frequencies(analysis.counts, voice=args.voice)
    elif args.table in ("compare", "pairs"):
        _need_two_groups(analysis.groups, analysis.by)
        df = stats.lexicon_comparison(analysis.counts, voice=args.voice, method=args.method,
                                      pairs=args.table == "pairs")
        if args.bootstrap and args.table == "compare" and args.method == "mcq2008":
            boot = stats.bootstrap(analysis, voice=args.voice, replicates=args.bootstrap, seed=args.seed)
            df = stats.with_bootstrap(df, boot)
    elif args.table == "sensitivity":
        _need_two_groups(analysis.groups, analysis.by)
        df = stats.sensitivity(analysis.counts, voice=args.voice)
    elif args.table == "evidence":
        df = stats.contrast_evidence(analysis.counts, analysis.lexicons, voice=args.voice)
    elif args.table == "headlines":
        if analysis.headlines is None:
            raise FramingError("no document has a title; give the column with --title-col")
        df = stats.category_frequencies(analysis.headlines, voice=args.voice)
    elif args.table == "time":
        df = stats.time_frequencies(analysis, voice=args.voice, top=None)
    elif args.table == "translations":
        df = stats.translation_table(analysis.counts, analysis.lexicons)
    else:
        df = stats.contrast_shares(analysis.counts, analysis.lexicons, voice=args.voice)
    _write_table(df, args.format)
    return EXIT_OK


def _cmd_discover(args) -> int:
    from . import stats
    from .grouping import group_labels

    corpus, lexicons = _load(args)
    groups = tuple(dict.fromkeys(group_labels(corpus, args.by)))
    _need_two_groups(groups, args.by)
    df = stats.discover(corpus, lexicons, by=args.by, top=args.top, voice=args.voice, pairs=args.pairs,
                        progress=_progress(args, "counting words"))
    _write_table(df, args.format)
    return EXIT_OK


def _cmd_matches(args) -> int:
    from .api import analyse
    from .matches import matches_table
    from .output import check_output_path

    if args.output is not None:
        check_output_path(args.output)
    corpus, lexicons = _load(args)
    analysis = analyse(corpus, lexicons, by=args.by, nested=args.nested, progress=_progress(args, "matching"))
    _summarise(args, corpus, analysis)
    df = matches_table(analysis, voice=args.voice)
    _write_table(df, args.format, args.output)
    if args.output is not None:
        print(f"framing: wrote {len(df)} matches to {args.output}", file=sys.stderr if args.quiet else sys.stdout)
    return EXIT_OK


def _cmd_lexicons(args) -> int:
    from .lexicon import bundled_lexicons, load_lexicon, local_copy

    if args.lexicon_command == "copy":
        return _copy_lexicon(args)
    if args.lexicon_command == "check":
        failed = 0
        for f in args.files:
            try:
                lx = load_lexicon(f)
            except LexiconError as exc:
                failed += 1
                for problem in exc.problems:
                    print(f"{problem}", file=sys.stderr)
                continue
            from .matcher import Matcher

            bad = Matcher(lx).unmatchable()
            if bad:
                failed += 1
                for form in bad:
                    print(f"{f}: {form!r} can never be matched as written; check its characters", file=sys.stderr)
                continue
            n_terms = sum(len(c.terms) for c in lx.categories)
            print(f"{f}: ok ({len(lx.categories)} categories, {n_terms} terms)")
        return EXIT_INPUT if failed else EXIT_OK
    copies = False
    for bundled in bundled_lexicons():
        local = local_copy(bundled)
        used = local or bundled
        try:
            lx = load_lexicon(used)
        except LexiconError as exc:
            summary = f"INVALID: {exc} (framing lexicons check {used})"
        else:
            n_terms = sum(len(c.terms) for c in lx.categories)
            summary = f"{lx.name} ({len(lx.categories)} categories, {n_terms} terms)"
        if local is None:
            print(f"  {bundled.stem:<16} {summary}  {bundled}")
        else:
            copies = True
            print(f"* {bundled.stem:<16} {summary}  {local}  (local copy, used instead of the bundled {bundled})")
    if copies:
        print("* a local copy in ./lexicons/ takes precedence over the bundled file of that name")
    return EXIT_OK


def _copy_lexicon(args) -> int:
    from .lexicon import LOCAL_DIR, bundled_lexicons, copy_bundled

    if not args.force:
        for bundled in bundled_lexicons():
            dest = Path(args.directory) / bundled.name
            if args.name in (bundled.stem, bundled.name) and dest.exists() and dest.resolve() != bundled.resolve():
                raise FramingError(f"{dest} already exists; not overwritten: pass --force to replace it "
                                   "(edits made in it are lost)")
    written = copy_bundled(args.name, args.directory, overwrite=args.force)
    print(f"framing: copied the bundled {written.stem} to {written}")
    folder = Path(args.directory).resolve()
    if folder.name == LOCAL_DIR:
        print(f"framing: edit it there; when framing runs from {folder.parent}, --lexicon {Path(written).stem} "
              "uses this copy (it takes precedence over the bundled one)")
    else:
        print(f"framing: edit it there and use it with --lexicon {written} (only a folder named {LOCAL_DIR}/ "
              "takes precedence over the bundled lexicons)")
    return EXIT_OK


_COMMANDS = {"report": _cmd_report, "stats": _cmd_stats, "count": _cmd_count, "discover": _cmd_discover,
             "matches": _cmd_matches, "retellings": _cmd_retellings, "diff": _cmd_diff,
             "attributions": _cmd_attributions, "casualties": _cmd_casualties, "lexicons": _cmd_lexicons}

if __name__ == "__main__":
    sys.exit(main())
