"""Rendering a `Report` to one self-contained HTML page.

The page is a Jinja2 template with autoescaping on. Figures and widget data travel as JSON inside
`<script type="application/json">` blocks, with `<`, `>` and `&` written as \\u escapes so no
string from the corpus can close the block; the page's own script reads them with JSON.parse and
puts corpus text into the document only through textContent. plotly.js is inlined once.
Sections are numbered here, in page order.

Escaping is not the only defence: the page's content-security policy (`content_security_policy`)
runs only the two scripts it ships, named by the SHA-256 of their exact text, and nothing else (no
inline event handler, no eval, no network). The JSON blocks are data, never run: a browser does not
execute a script element whose type is not JavaScript, so they need no hash (and giving them one
would only let their text run as a script).
"""
from __future__ import annotations

import base64
import hashlib
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
from .names import isolate, visible_controls
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


def csp_hash(text: str) -> str:
    """The CSP source that allows an inline <script> or <style> whose text is exactly `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _inline(text: str, tag: str) -> str:
    """`text` as the browser will read it inside <tag>: the HTML parser turns CR LF and CR into LF
    (and a hash is of the text it reads); it cannot hold its own end tag."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if f"</{tag}" in text.lower():
        raise ValueError(f"an inline {tag} cannot contain </{tag}")
    return text


def _template_file(name: str) -> str:
    from importlib.resources import files

    return files("framing.report").joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _page_script() -> str:
    return _inline(_template_file("report.js"), "script")


@lru_cache(maxsize=1)
def _page_style() -> str:
    return _inline(_template_file("report.css"), "style")


@lru_cache(maxsize=1)
def _plotly_js() -> str:
    return _inline(get_plotlyjs(), "script")


# A <style> element plotly.js builds with fixed text (the map library's, at load time): its text
# is a JavaScript string literal without escapes, right after createElement("style").
_STYLE_LITERAL = re.compile(r"""createElement\("style"\).{0,300}?\.textContent=(?:'([^'\\]*)'|"([^"\\]*)")""",
                            re.S)


@lru_cache(maxsize=1)
def plotly_styles() -> tuple[str, ...]:
    """The texts of the <style> elements plotly.js adds to the page: an empty one that it then fills
    through the CSS object model (which the policy does not govern), and those with fixed text."""
    return ("", *dict.fromkeys(a or b for a, b in _STYLE_LITERAL.findall(_plotly_js())))


def content_security_policy(scripts: tuple[str, ...], styles: tuple[str, ...]) -> str:
    """The page's policy: nothing from anywhere (`default-src 'none'`, so no fetch, frame, font,
    worker or plugin), scripts and style elements only with the exact texts given, images only
    from data: and blob: URLs (plotly.js draws a heat map as a data: image, downloads are blobs).

    Style attributes stay 'unsafe-inline': plotly.js sets them with setAttribute (the colour bar,
    the heat map's image-rendering, bold hover text); naming each value with 'unsafe-hashes' would
    tie the page to the strings of one plotly.js release, and a style attribute cannot run code.
    `style-src 'unsafe-inline'` is the fallback of browsers that know neither style-src-elem nor
    style-src-attr (a hash there would switch 'unsafe-inline' off and break the figures' styles)."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(dict.fromkeys(map(csp_hash, scripts))),
        "style-src-elem " + " ".join(dict.fromkeys(map(csp_hash, styles))),
        "style-src-attr 'unsafe-inline'",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("framing.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["linkify"] = linkify
    env.filters["isolate"] = isolate
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
    # The only scripts and style the page runs: the policy names each by the hash of this exact text.
    plotly_js, page_script, page_style = _plotly_js(), _page_script(), _page_style()
    csp = content_security_policy((plotly_js, page_script), (page_style, *plotly_styles()))
    assert not set(csp) & set('"<>&'), csp  # written into the attribute as it is
    return template.render(
        report=report, sections=numbered, plotly_js=plotly_js, page_script=page_script, page_style=page_style,
        csp=csp, page_title=visible_controls(report.title), subtitle=visible_controls(report.subtitle),
        lexicon_names=[visible_controls(n) for n in report.lexicon_names],
        blind_key=[(letter, visible_controls(real)) for letter, real in report.blind_key],
        data_json=script_json(data),
        figures=[(f.id, figure_json(f.figure)) for s in report.sections for f in s.figures])
