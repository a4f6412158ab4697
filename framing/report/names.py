"""Bidirectional control characters in what the page shows.

A right-to-left override (U+202E) in a source's name reverses the text after it, up to the end of
its line: the page would show other words, in another order, than its data holds. Names
(groups, document ids, lexicons, categories, terms) are shown with each control written as a
visible token instead: `visible_controls`. Article text is left as it is (Arabic and Hebrew use
U+200E and U+200F legitimately); where it shares a line with page text it is `isolate`d, so that
nothing inside it can reorder what is around it. The page's script mirrors `isolate` in report.js.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# ALM, LRM, RLM; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
_INITIATORS = "\u2066\u2067\u2068"
FSI, PDI = "\u2068", "\u2069"
# Paragraph separators (bidi class B): each ends every embedding, override and isolate before it.
_PARAGRAPH = re.compile("([\n\r\x1c-\x1e\x85\u2029])")


def _token(match: re.Match) -> str:
    return f"\u27e8U+{ord(match.group()):04X}\u27e9"


def has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


def visible_controls(name: str) -> str:
    """`name` with every bidirectional control character written as a visible token:
    "Outlet\\u202eB" becomes "Outlet⟨U+202E⟩B". A name without one is returned as it is."""
    return _CONTROL.sub(_token, name) if _CONTROL.search(name) else name


def renaming(names: Iterable[str]) -> dict[str, str]:
    """The names that hold bidirectional controls, each mapped to its visible form. A visible form
    that another name already is (or that an earlier name took) gets " (2)", " (3)"..., so that
    distinct names stay distinct; names without controls are not in the mapping."""
    names = list(dict.fromkeys(names))
    taken = {n for n in names if not has_controls(n)}
    out = {}
    for name in names:
        if name in taken or not has_controls(name):
            continue
        shown, n = visible_controls(name), 1
        candidate = shown
        while candidate in taken:
            n += 1
            candidate = f"{shown} ({n})"
        taken.add(candidate)
        out[name] = candidate
    return out


def _isolated(part: str) -> str:
    open_, stray = 0, 0
    for ch in part:
        if ch in _INITIATORS:
            open_ += 1
        elif ch == PDI:
            if open_:
                open_ -= 1
            else:
                stray += 1
    # A PDI without its own initiator would end our isolate early (and an element's isolation
    # too: the browser marks <bdi> with the same characters), so it gets one of its own.
    return FSI * (stray + 1) + part + PDI * (open_ + 1)


def isolate(text: str) -> str:
    """`text` between first-strong isolates (FSI ... PDI) that no control character inside it can
    end, when it holds any bidirectional control; otherwise `text` unchanged. The characters of
    `text` are kept: only invisible isolates are added around it (and around each of its
    paragraphs, since a paragraph separator ends every isolate)."""
    text = str(text)
    if not has_controls(text):
        return text
    parts = _PARAGRAPH.split(text)
    return "".join(_isolated(p) if i % 2 == 0 and has_controls(p) else p for i, p in enumerate(parts))


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def embed(name: str) -> str:
    """A name set into an English sentence: between isolates (FSI ... PDI) when it is written
    right to left, so "الجزيرة: 3 articles" is not displayed as "3 :الجزيرة"; else `isolate(name)`."""
    name = isolate(name)
    return f"\u2068{name}\u2069" if _RTL.search(name) else name
