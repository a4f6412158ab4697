"""The report as data: sections of figures and tables, built by `sections`, rendered by `render`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    csv: str  # the table behind a figure, downloadable from the page
    note: str | None = None
    command: str | None = None  # the framing command that prints the whole table
    total_rows: int = 0  # rows of the whole table (the CSV may hold fewer, within the page's budget)


@dataclass(frozen=True)
class Figure:
    id: str  # stable, so the same inputs give the same page
    figure: go.Figure
    caption: str
    table: Table | None = None  # the text alternative


@dataclass(frozen=True)
class Section:
    id: str
    title: str  # without its number: numbers are given at render time
    intro: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    widget: str | None = None  # "comparison", "kwic", "reading", "picker": interactive parts the template adds
    items: tuple[str, ...] = ()  # a numbered list (the questions)
    panels: tuple[dict[str, Any], ...] = ()  # rendered by the template (the aligned tellings)
    data: dict[str, Any] = field(default_factory=dict)  # JSON for the page's script, merged across sections


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    blind_key: tuple[tuple[str, str], ...] = ()  # (letter, real name) when --blind
    lexicon_files: tuple[tuple[str, str, str], ...] = ()  # (lexicon, file, sha256) as used
    lexicon_names: tuple[str, ...] = ()  # shown under the title, each isolated (a name may be right to left)

    @property
    def data(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for s in self.sections:
            merged.update(s.data)
        return merged

    def _repr_html_(self) -> str:
        """The page inline in Jupyter: the same HTML in a sandboxed iframe, so its script and
        styles cannot touch the notebook's."""
        import html

        from .render import render_report

        page = html.escape(render_report(self), quote=True)
        return (f'<iframe srcdoc="{page}" sandbox="allow-scripts allow-downloads" '
                'style="width:100%;height:800px;border:1px solid #ddd"></iframe>')
