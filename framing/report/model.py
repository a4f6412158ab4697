"""The report as data: sections of figures and tables, built by `build`, rendered by `render`."""
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
    csv: str  # the full table behind a figure, downloadable from the page
    note: str | None = None


@dataclass(frozen=True)
class Figure:
    id: str  # stable, so the same inputs give the same page
    figure: go.Figure
    caption: str
    table: Table | None = None  # the text alternative


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    widget: str | None = None  # "comparison", "kwic", "reading": interactive parts the template adds


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    data: dict[str, Any] = field(default_factory=dict)  # JSON for the page's widgets
    questions: tuple[str, ...] = ()
    blind_key: tuple[tuple[str, str], ...] = ()  # (letter, real name) when --blind
