"""Discovery: the words outside the lexicon that most distinguish each group."""
from __future__ import annotations

from ... import stats
from ...contexts import word_contexts
from ..inputs import ReportInputs
from ..model import Section
from ..tables import table
from .comparison import without_lexicon_forms

WORD_CONTEXTS = 12  # occurrences of each discovered word embedded in the page


def build(inputs: ReportInputs) -> Section:
    top = inputs.discovery
    if top.empty:
        return Section("discovery", "Discovery: words the lexicon does not cover",
                       ("Not enough text to compare vocabularies.",))
    # A lexicon term has its row (with its variants) in the Fightin' Words section: one z per term.
    top = without_lexicon_forms(top, inputs).copy()
    order = {g: i for i, g in enumerate(inputs.groups)}
    top = top.assign(_g=top["group"].map(order)).sort_values(["_g"], kind="mergesort").drop(columns="_g")
    top["evidence"] = stats.strength_of_evidence(top)
    shown = table("discovery-table", "Distinguishing terms per group (candidates for the lexicon)",
                  top[["group", "term", "count", "other_count", "documents", "delta", "z", "q", "evidence",
                       "in_lexicon"]], max_rows=200, command="framing discover CORPUS")
    a = inputs.analysis
    shown_terms = set(top[top["group"].isin(inputs.shown)]["term"])
    labels = [a.doc_groups[d.id] for d in a.corpus.documents]
    words = word_contexts(a.corpus, shown_terms, labels, per_term=WORD_CONTEXTS)
    return Section("discovery", "Discovery: words the lexicon does not cover", (
        "The words and two-word phrases that most distinguish each group from the rest, over the whole vocabulary "
        "(common function words removed). Terms the lexicon counts are left out here (their rows are in the "
        "Fightin' Words section); in_lexicon marks phrases that contain a lexicon term. The others are "
        "candidates a teacher may add, after reading them in context: click a word in the Fightin' Words plot "
        "to see where it is used.",), tables=(shown,), data={"words": words})
