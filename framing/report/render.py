"""Rendering a `Report` to one self-contained HTML page.

The page is a Jinja2 template with autoescaping on. Figures and widget data travel as JSON inside
`<script type="application/json">` blocks, with `<`, `>` and `&` written as \\u escapes so no
string from the corpus can close the block; the page's own script reads them with JSON.parse and
puts corpus text into the document only through textContent. plotly.js is inlined once.
"""
from __future__ import annotations

import json
from functools import lru_cache

import plotly.io as pio
from jinja2 import Environment, PackageLoader, select_autoescape
from plotly.offline import get_plotlyjs

from .figures import PALETTE
from .model import Report

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})


def script_json(value) -> str:
    """JSON that is safe to place inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).translate(_SCRIPT_SAFE)


def figure_json(figure) -> str:
    return pio.to_json(figure, validate=False, pretty=False, remove_uids=True).translate(_SCRIPT_SAFE)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("framing.report", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True),
                       trim_blocks=True, lstrip_blocks=True)


def render_report(report: Report) -> str:
    tables = {t.id: t.csv for s in report.sections for t in (*s.tables, *(f.table for f in s.figures if f.table))}
    data = dict(report.data, csv=tables, palette=PALETTE)
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report, plotly_js=get_plotlyjs(), data_json=script_json(data),
        figures=[(f.id, figure_json(f.figure)) for s in report.sections for f in s.figures])
