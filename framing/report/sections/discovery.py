"""Discovery: the words outside the lexicon that most distinguish each group."""
from __future__ import annotations

from ... import stats
from ...engines.job import IN_MEMORY_BYTES
from ..inputs import ReportInputs
from ..model import Section
from ..tables import table


def build(inputs: ReportInputs) -> Section | None:
    if inputs.from_counts and inputs.ngrams is None:  # a counts file without its vocabulary
        return None
    top = inputs.discovery
    if top.empty:
        return Section("discovery", "Discovery: words the lexicon does not cover",
                       ("Not enough text to compare vocabularies.",))
    order = {g: i for i, g in enumerate(inputs.groups)}
    top = top.assign(_g=top["group"].map(order)).sort_values(["_g"], kind="mergesort").drop(columns="_g")
    top["evidence"] = stats.strength_of_evidence(top)
    shown = table("discovery-table", "Distinguishing terms per group (candidates for the lexicon)",
                  top[["group", "term", "count", "other_count", "documents", "delta", "z", "q", "evidence",
                       "in_lexicon"]], max_rows=200, command="framing discover CORPUS")
    return Section("discovery", "Discovery: words the lexicon does not cover", (
        "The words and two-word phrases that most distinguish each group from the rest, over the whole vocabulary "
        "(common function words removed). Terms the lexicon counts are left out here (their rows are in the "
        "Fightin' Words section); in_lexicon marks phrases that contain a lexicon term. The others are "
        "candidates a teacher may add, after reading them in context: "
        + (f"framing report of a corpus up to {IN_MEMORY_BYTES // 10**6} MB shows where each is used (counts hold "
           "no texts)." if inputs.from_counts
           else "click a word in the Fightin' Words plot to see where it is used."),), tables=(shown,),
        data={"words": inputs.word_contexts})
