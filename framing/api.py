"""The public entry points: load, analyse, report. Each is a thin, documented wrapper over a stage."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .analysis import Analysis, analyse
from .corpus import Columns, from_dataframe, read_corpus
from .lexicon import load_lexicon
from .model import Corpus, Lexicon
from .output import atomic_write_text, check_output_path


def load_corpus(source: str | Path | pd.DataFrame, columns: Columns | None = None, name: str | None = None, *,
                follow_symlinks: bool = False) -> Corpus:
    """A corpus from a folder of .txt files, a table file, or a DataFrame. In a folder, symbolic
    links are skipped (and listed) unless `follow_symlinks`, and never read outside the folder."""
    if isinstance(source, pd.DataFrame):
        return from_dataframe(source, columns, name=name or "corpus")
    return read_corpus(source, columns, name=name, follow_symlinks=follow_symlinks)


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


__all__ = ["analyse", "load_corpus", "load_lexicons", "write_report", "Analysis", "Columns"]
