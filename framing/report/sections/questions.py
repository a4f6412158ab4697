"""Questions for discussion, chosen by evidence: the contrasts that documents (not word counts)
show most surely between sizeable groups."""
from __future__ import annotations

from ..inputs import ReportInputs
from ..model import Section
from ..names import embed, isolate

LIMIT = 5
PER_CATEGORY = 2


def build(inputs: ReportInputs) -> Section | None:
    ev = inputs.evidence
    if ev.empty:
        return None
    notes = {c.name: c.note or "" for lx in inputs.analysis.lexicons for c in lx.categories}
    out, per_category, pairs_used, explained = [], {}, set(), set()
    for r in ev.itertuples(index=False):
        pair = frozenset((r.group, r.versus))
        if per_category.get(r.category, 0) >= PER_CATEGORY or pair in pairs_used:
            continue
        per_category[r.category] = per_category.get(r.category, 0) + 1
        pairs_used.add(pair)
        note = ("" if r.category in explained or not notes.get(r.category)
                else f" ({r.category}: {isolate(notes[r.category])})")
        explained.add(r.category)
        out.append(
            f"{embed(r.group)}: {_uses(r.documents_term, r.term)} and "
            f"{_uses(r.documents_versus_term, r.versus_term)}; "
            f"{embed(r.versus)}: {_uses(r.versus_documents_term, r.term)} and "
            f"{_uses(r.versus_documents_versus_term, r.versus_term)}. What does each word assume about who or what "
            f"it describes?{note}")
        if len(out) >= LIMIT:
            break
    intro = ("Predict, then discuss. Each question names two groups that prefer different words for the same "
             "referent, chosen where the evidence is strongest: counted in articles, not in words, so that one "
             "article repeating a word cannot carry it (framing stats --table evidence lists every such pair).",)
    return Section("questions", "Questions for discussion", intro, items=tuple(out))


def _uses(n, term: str) -> str:
    n = int(n)
    term = embed(term)
    return (f"no article uses '{term}'" if n == 0 else f"1 article uses '{term}'" if n == 1
            else f"{n} articles use '{term}'")
