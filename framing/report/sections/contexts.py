"""Keyword in context: lexicon matches with the words around them (each term's sample in the page,
`framing.context_sample`; every match in `framing matches`)."""
from __future__ import annotations

from ...context_sample import page_sample, page_share
from ..inputs import ReportInputs
from ..model import Section

MAX_CONTEXTS = 3000  # rows embedded for browsing


def build(inputs: ReportInputs) -> Section | None:
    a = inputs.analysis
    total = int(a.counts.count.sum())
    ids = a.tally.ids if a.tally is not None else [d.id for d in a.corpus.documents]
    order = {doc_id: k for k, doc_id in enumerate(ids)}
    sample = page_sample(inputs.contexts, total, MAX_CONTEXTS, order)
    keys = inputs.analysis.counts.terms.keys
    rows = [[c.group, c.document, keys[c.column][1], keys[c.column][2], c.left, c.match, c.right, int(c.quoted)]
            for c in sample]
    data = {"kwic": {"columns": ["group", "document", "category", "term", "left", "match", "right", "quoted"],
                     "rows": rows, "total": total, "sampled": len(rows) < total}}
    intro = ["Every match with the words around it. Filter by group, category or term, or type to search; click a "
             "term in any chart to come here. 'quoted' marks words inside quotation marks: the source is reporting "
             "someone else's words, not using them in its own voice. 'download these contexts' saves every "
             "context the filters select, not only the ones listed."]
    if len(rows) < total:
        share = page_share(total, MAX_CONTEXTS, len({c.column for c in inputs.contexts}))
        intro.append(f"The page holds {len(rows):,} of the {total:,} matches: at most {share:,} of each term's, "
                     "drawn at random but the same on every run (by a hash of the document and the offset), "
                     "so rare terms stay reachable. framing matches CORPUS writes every one, with its sentence "
                     "and offsets.")
    return Section("contexts", "Keyword in context", tuple(intro), widget="kwic", data=data)
