"""Who acts: whether a sentence about deaths names who caused them."""
from __future__ import annotations

from ... import stats
from ...analyses.agency import CONSTRUCTIONS, agency_table
from .. import figures as figs
from ..inputs import EXAMPLES, ReportInputs
from ..model import Figure, Section
from ..tables import table

LABELS = {"active": "active (Israeli strikes killed 12)", "passive_agent": "passive with agent (killed by Israel)",
          "passive_agentless": "passive, no agent (were killed)", "intransitive": "intransitive (died)",
          "nominal": "noun (deaths, the toll)"}


def build(inputs: ReportInputs) -> Section | None:
    rows = inputs.casualties
    if rows is None or rows.empty:
        return None
    drawn = inputs.pooled_rows(rows).assign(label=lambda d: d["construction"].map(LABELS))
    shares = stats.label_shares(drawn, "label", [LABELS[c] for c in CONSTRUCTIONS], list(inputs.figure_groups),
                                "how deaths are told")
    per_group = agency_table(rows)
    fig = Figure("fig-agency", figs.contrast_bars(shares, "how deaths are told", list(inputs.figure_groups),
                                                       "Deaths and injuries: who is named as acting"),
                 "Each bar is one group's clauses about deaths and injuries, by construction. The three on the "
                 "right name nobody who caused them.",
                 table("agency-table", "Constructions and the agentless share per group", per_group, max_rows=40,
                       command="framing casualties CORPUS"))
    examples = inputs.casualty_examples
    intro = (
        "Who did it, or nobody. 'Israeli strikes killed 12 people' and '12 people were killed by Israel' name "
        "who acted; '12 people were killed', '12 people died' and 'the death toll rose' do not. The agentless "
        "forms are not false, but they leave a reader to guess, and the Breach study of Canadian newspapers "
        "found Palestinian deaths told that way more often than Israeli ones.",
        "agentless_share: the share of casualty clauses that name no one (passive without agent, intransitive, "
        "noun). Found by rules, not by a parser (see the README for their precision and recall).",
    )
    return Section("agency", "Who acts: how deaths are told", intro, figures=(fig,),
                   tables=(table("agency-examples", "Examples: passives with and without an agent",
                                 examples[["group", "doc_id", "verb", "construction", "agent", "sentence"]],
                                 max_rows=EXAMPLES, command="framing casualties CORPUS"),))
