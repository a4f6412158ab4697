"""Rendering a `Report` to one self-contained HTML page.

The page is a Jinja2 template with autoescaping on. Figures and widget data travel as JSON inside
`<script type="application/json">` blocks, with `<`, `>` and `&` written as \\u escapes so no
string from the corpus can close the block; the page's own script reads them with JSON.parse and
puts corpus text into the document only through textContent. plotly.js is inlined once.
Sections are numbered here, in page order.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache

import plotly.io as pio
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from plotly.offline import get_plotlyjs

from .figures import PALETTE
from .model import Report
from .tables import within_budget

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})
_URL = re.compile(r"https?://[^\s<>\"'|]+[^\s<>\"'|.,;:)]")


def script_json(value) -> str:
    """JSON that is safe to place inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).translate(_SCRIPT_SAFE)


def figure_json(figure) -> str:
    return pio.to_json(figure, validate=False, pretty=False, remove_uids=True).translate(_SCRIPT_SAFE)


def linkify(value) -> Markup:
    """Text with its http(s) addresses as links; everything else escaped."""
    text = str(value)
    out, at = [], 0
    for m in _URL.finditer(text):
        out.append(escape(text[at:m.start()]))
        url = escape(m.group())
        out.append(Markup(f'<a href="{url}" rel="noopener noreferrer" target="_blank">{url}</a>'))
        at = m.end()
    out.append(escape(text[at:]))
    return Markup("").join(out)


@lru_cache(maxsize=1)
def _page_script() -> str:
    from importlib.resources import files

    return files("framing.report").joinpath("templates", "report.js").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("framing.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["linkify"] = linkify
    return env


def _budgeted(report: Report) -> Report:
    """The report with its CSV downloads cut to the page's budget (`tables.within_budget`)."""
    every = [t for s in report.sections for t in (*s.tables, *(f.table for f in s.figures if f.table))]
    fitted = {t.id: t for t in within_budget(every)}
    sections = tuple(replace(s, tables=tuple(fitted[t.id] for t in s.tables),
                             figures=tuple(replace(f, table=fitted[f.table.id]) if f.table else f for f in s.figures))
                     for s in report.sections)
    return replace(report, sections=sections)


def render_report(report: Report) -> str:
    report = _budgeted(report)
    tables = {t.id: t.csv for s in report.sections for t in (*s.tables, *(f.table for f in s.figures if f.table))}
    data = dict(report.data, csv=tables, palette=PALETTE)
    template = _environment().get_template("report.html.j2")
    numbered = [(f"{i}. {s.title}", s) for i, s in enumerate(report.sections, 1)]
    return template.render(
        report=report, sections=numbered, plotly_js=get_plotlyjs(), page_script=_page_script(),
        data_json=script_json(data),
        figures=[(f.id, figure_json(f.figure)) for s in report.sections for f in s.figures])
