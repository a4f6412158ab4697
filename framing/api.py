"""The public entry points: load, analyse, report. Each is a thin, documented wrapper over a stage."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from .analysis import Analysis, analyse
from .corpus import Columns, ReadOptions, from_dataframe, read_corpus
from .errors import FramingError
from .lexicon import load_lexicon
from .model import Corpus, Lexicon
from .output import atomic_write_text, check_output_path


def load_corpus(source: str | Path | pd.DataFrame, columns: Columns | None = None, name: str | None = None, *,
                options: ReadOptions | None = None, follow_symlinks: bool = False) -> Corpus:
    """A corpus from a folder of .txt files, a table file, or a DataFrame; `options` say how to
    read tables (see `ReadOptions`: header, quoting, separator, column names, day-first dates).
    In a folder, symbolic links are skipped (and listed) unless `follow_symlinks`, and never
    read outside the folder."""
    if isinstance(source, pd.DataFrame):
        return from_dataframe(source, columns, name=name or "corpus", options=options)
    return read_corpus(source, columns, name=name, options=options, follow_symlinks=follow_symlinks)


def clean(corpus: Corpus, *, by: str = "source", boilerplate: bool = True, dedupe: str = "none",
          near: float = 0.9) -> Corpus:
    """The corpus without scraping boilerplate (lines repeated across >= 5% and >= 5 of a source's
    documents, " - Publisher" suffixes; unless `boilerplate=False`), with exact and near
    duplicates (cosine >= `near`) counted per group of `by` and dropped when `dedupe` is "exact"
    or "near". Removed documents are listed in `skipped`; `corpus.cleaning` says what was done
    (the report's cleaning section shows it)."""
    from .cleaning import check_mode
    from .cleaning import clean as _clean

    try:
        mode = check_mode(dedupe)
    except ValueError as exc:
        raise FramingError(str(exc)) from None
    return _clean(corpus, by=by, boilerplate=boilerplate, dedupe_mode=mode, near=near)


def select(corpus: Corpus, *, where: Mapping[str, str | Sequence[str]] | None = None,
           since: dt.date | str | None = None, until: dt.date | str | None = None) -> Corpus:
    """The documents whose fields have the given values (`where={"source": ["Reuters", "AP"]}`)
    and whose dates lie in [since, until]; the others are listed in `skipped` with the reason."""
    from .selection import Selection, parse_bound
    from .selection import select as _select

    pairs = tuple((k, (v,) if isinstance(v, str) else tuple(v)) for k, v in (where or {}).items())
    since = parse_bound(since, "since") if isinstance(since, str) else since
    until = parse_bound(until, "until") if isinstance(until, str) else until
    return _select(corpus, Selection(where=pairs, since=since, until=until))


def load_lexicons(names: Iterable[str | Path]) -> tuple[Lexicon, ...]:
    """Lexicons by path or bundled name (see `framing lexicons`)."""
    return tuple(load_lexicon(n) for n in names)


def write_report(analysis: Analysis, path: str | Path, *, blind: bool = False, title: str | None = None,
                 voice: str = "all", groups: int = 12, story: str | None = None, progress=None) -> Path:
    """Build the report of an analysis and write it as one self-contained HTML file; `voice`:
    statistics on all text, the reporter's own words ("own") or quotations only ("quoted");
    `groups`: how many of the largest groups the figures draw (the rest are pooled)."""
    from .report import build_report, render_report

    report = build_report(analysis, blind=blind, title=title, voice=voice, groups=groups, story=story,
                          progress=progress)
    check_output_path(path)
    return atomic_write_text(path, render_report(report))


__all__ = ["analyse", "clean", "load_corpus", "load_lexicons", "select", "write_report", "Analysis", "Columns",
           "ReadOptions"]
