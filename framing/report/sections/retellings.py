"""Two tellings: articles of different groups that tell one story, aligned sentence by sentence."""
from __future__ import annotations

from collections import Counter

from ..inputs import MAX_PANELS, MAX_RETELLING_DOCS, ReportInputs
from ..model import Section
from ..names import embed, isolate
from ..tables import table

MAX_SENTENCES = 80    # per panel
NOTABLE = ("number", "title", "dropped", "added", "substituted")


def build(inputs: ReportInputs) -> Section | None:
    if inputs.from_counts:  # no texts to read
        return None
    pairs = inputs.retellings
    if pairs is None and len(inputs.groups) > 1 and len(inputs.analysis.corpus) > MAX_RETELLING_DOCS:
        return Section("retellings", "Two tellings of one story", (
            f"With {len(inputs.analysis.corpus):,} articles the page does not look for retellings (more than "
            f"{MAX_RETELLING_DOCS:,}: pairing them takes about a second per thousand articles). Name each "
            "article's story with framing report --story-col NAME, or list the pairs with framing retellings "
            "CORPUS and align any two with framing diff A B --corpus CORPUS.",))
    if pairs is None or pairs.empty:
        return None
    a = inputs.analysis
    docs = {d.id: d for d in a.corpus.documents}
    terms = {p.doc_id: Counter((m.category, m.term) for m in p.matches) for p in a.profiles}
    panels = []
    for r, al in zip(pairs.itertuples(index=False), inputs.alignments):
        ta, tb = terms[r.doc_a], terms[r.doc_b]
        lost = sorted(f"{embed(t)} ({embed(c)}) x{n}" for (c, t), n in (ta - tb).items())
        gained = sorted(f"{embed(t)} ({embed(c)}) x{n}" for (c, t), n in (tb - ta).items())
        # Most telling first: numbers, titles, then phrases dropped, added and swapped.
        changes = sorted((c for c in al.changes() if c.kind in NOTABLE), key=lambda c: NOTABLE.index(c.kind))
        panels.append({
            "title_a": _name(docs[r.doc_a], r.group_a), "title_b": _name(docs[r.doc_b], r.group_b),
            "similarity": f"{r.similarity:.2f}", "found_by": r.found_by, "counts": al.counts(),
            "rows": al.sentences[:MAX_SENTENCES], "cut": max(0, len(al.sentences) - MAX_SENTENCES),
            "lost": lost, "gained": gained,
            "changes": changes[:40],
        })
    intro = [
        "Articles of different groups that tell the same story, found by comparing their words (TF-IDF "
        "cosine, each article paired with its best match in the other group when that match is mutual, "
        "pairs joined into story groups), or by the corpus's own story column when it has one. Each panel "
        "aligns the two tellings sentence by sentence: struck-through words are only in the first telling, "
        "underlined ones only in the second, and whole sentences one side lacks stand alone.",
        "What to look for: an actor named on one side and missing on the other ('killed by Israel' and "
        "'killed'), a number or a title changed, a loaded word swapped for a milder one, a sentence left out. "
        "Each choice changes what a reader learns, and none is visible in word counts alone.",
    ]
    if len(pairs) > MAX_PANELS:
        intro.append(f"{len(pairs):,} pairs were found; the {MAX_PANELS} most similar are drawn here, and the "
                     "table lists them all (framing retellings CORPUS prints it; framing diff A B --corpus CORPUS "
                     "aligns any two).")
    shown = pairs.copy()
    return Section("retellings", "Two tellings of one story", tuple(intro),
                   tables=(table("retellings-table", "Pairs of tellings", shown, max_rows=30,
                                 command="framing retellings CORPUS"),),
                   widget="retellings", panels=tuple(panels))


def _name(doc, group: str) -> str:
    # A title is article text: shown as written, isolated from the heading around it.
    name = isolate(doc.title or str(doc.meta.get("description") or "") or doc.id)
    return name if group == doc.id else f"{group}: {name}"
