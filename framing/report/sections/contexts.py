"""Keyword in context: every lexicon match with the words around it (a budgeted sample in the
page, all of them in the CSV download and from `framing matches`)."""
from __future__ import annotations

import math

from ...contexts import context
from ..inputs import ReportInputs
from ..model import Section
from .reading import document_labels

MAX_CONTEXTS = 3000  # rows embedded for browsing; the CSV download holds every match


def build(inputs: ReportInputs) -> Section | None:
    if inputs.from_counts:  # no texts to read
        return None
    a = inputs.analysis
    texts = {d.id: d.text for d in a.corpus.documents}
    names = document_labels(a)
    matches = [m for p in a.profiles for m in p.matches]
    total = len(matches)
    sample = matches
    if total > MAX_CONTEXTS:
        # The same share of every term's matches, so rare terms stay reachable.
        by_term: dict[tuple[str, str], list] = {}
        for m in matches:
            by_term.setdefault((m.category, m.term), []).append(m)
        per_term = max(1, MAX_CONTEXTS // len(by_term))
        sample = [m for ms in by_term.values() for m in ms[:: max(1, math.ceil(len(ms) / per_term))][:per_term]]
    rows = [[a.doc_groups[m.doc_id], names[m.doc_id], m.category, m.term,
             *context(texts[m.doc_id], m.start, m.end), int(m.quoted)] for m in sample]
    data = {"kwic": {"columns": ["group", "document", "category", "term", "left", "match", "right", "quoted"],
                     "rows": rows, "total": total, "sampled": len(rows) < total}}
    intro = ["Every match with the words around it. Filter by group, category or term, or type to search; click a "
             "term in any chart to come here. 'quoted' marks words inside quotation marks: the source is reporting "
             "someone else's words, not using them in its own voice. 'download these contexts' saves every "
             "context the filters select, not only the ones listed."]
    if len(rows) < total:
        intro.append(f"The page holds {len(rows):,} of the {total:,} matches, the same share of each term's; "
                     "framing matches CORPUS writes every one, with its sentence and offsets.")
    return Section("contexts", "Keyword in context", tuple(intro), widget="kwic", data=data)
