"""Annotated reading: whole articles with the lexicon's terms highlighted, two side by side."""
from __future__ import annotations

from ...analysis import Analysis
from ...context_sample import document_label
from ..inputs import ReportInputs
from ..model import Section

MAX_READING_CHARS = 1_200_000  # all articles embedded together (text and highlights), within the page's budget
SPAN_CHARS = 40  # what one highlight costs in the page
MAX_ARTICLE_CHARS = 30_000


def document_labels(analysis: Analysis) -> dict[str, str]:
    """How a document is named on the page: its title, else its manifest description, else its id."""
    return {d.id: document_label(d) for d in analysis.corpus.documents}


def build(inputs: ReportInputs) -> Section | None:
    if inputs.from_counts:  # no texts to read
        return None
    a = inputs.analysis
    by_id = {p.doc_id: p for p in a.profiles}
    names = document_labels(a)
    docs = list(a.corpus.documents)
    # The articles with the most matches first; the corpus order breaks ties and orders the list.
    ranked = sorted(range(len(docs)), key=lambda i: (-len(by_id[docs[i].id].matches), i))
    chosen, used = set(), 0
    for i in ranked:
        size = min(len(docs[i].text), MAX_ARTICLE_CHARS) + SPAN_CHARS * len(by_id[docs[i].id].matches)
        if used + size > MAX_READING_CHARS and chosen:
            break
        chosen.add(i)
        used += size
    out = []
    for i in sorted(chosen):
        d = docs[i]
        text = d.text[:MAX_ARTICLE_CHARS]
        # Longest first where two categories' matches start together: the page marks the outer
        # one and names the inner ones in its hover.
        spans = sorted([[m.start, m.end, m.category, m.term, int(m.quoted)] for m in by_id[d.id].matches
                        if m.end <= len(text)], key=lambda s: (s[0], -s[1]))
        story = d.meta.get("story")
        out.append({"id": d.id, "name": names[d.id], "group": a.doc_groups[d.id], "title": d.title or "",
                    "story": str(story) if story else "", "date": d.date.isoformat() if d.date else "",
                    "text": text, "spans": spans, "truncated": len(d.text) > len(text)})
    intro = ["Each article with the lexicon's terms highlighted by category; hover a highlight for the category's "
             "note. Choose two articles to read them side by side."]
    if len(out) < len(docs):
        intro.append(f"The page holds the {len(out):,} of {len(docs):,} articles with the most matches.")
    return Section("reading", "Annotated reading", tuple(intro), widget="reading",
                   data={"docs": {"documents": out, "total": len(docs)}, "categories": _categories(a)})


def _categories(a: Analysis) -> list[dict]:
    return [{"lexicon": lx.name, "name": c.name, "note": c.note or "", "contrast": c.contrast,
             "terms": [t.term for t in c.terms]} for lx in a.lexicons for c in lx.categories]
