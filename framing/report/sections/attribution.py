"""Who is believed: the verbs that report each speaker's claims."""
from __future__ import annotations

from ... import stats
from ...analyses.attribution import attribution_tables
from .. import figures as figs
from ..inputs import EXAMPLES, ReportInputs
from ..model import Figure, Section
from ..names import isolate
from ..tables import table

CLASSES = ("neutral", "distancing", "endorsing", "denial")


def build(inputs: ReportInputs) -> Section | None:
    rows = inputs.attributions
    if rows is None or rows.empty:
        return None
    present = set(rows["verb_class"].unique())
    classes = [c for c in CLASSES if c in present] + sorted(present - set(CLASSES))
    speakers, asym = attribution_tables(rows)
    drawn = inputs.pooled_rows(rows)
    shares = stats.label_shares(drawn, "verb_class", classes, list(inputs.figure_groups), "reporting verbs")
    fig = Figure("fig-attribution", figs.contrast_bars(shares, "reporting verbs", list(inputs.figure_groups),
                                                            "Reporting verbs: which kind each group uses"),
                 "Each bar is one group's reporting verbs: the share that are neutral (said, reported), distancing "
                 "(claimed, alleged), endorsing (confirmed, acknowledged) or denials.",
                 table("attribution-table", "Speakers and verb classes per group", speakers,
                       max_rows=40, command="framing attributions CORPUS"))
    # Speakers are article text, shown as written but isolated from the sentence around them.
    items = [f"{p.group}: '{isolate(p.more_distanced)}' gets distancing verbs in {p.share_more:.0%} of {p.n_more} "
             f"attributions, '{isolate(p.less_distanced)}' in {p.share_less:.0%} of {p.n_less}."
             for p in asym.pairs.head(8).itertuples(index=False)]
    examples = inputs.attribution_examples
    intro = [
        "Who is given a claim, and with which verb. 'Said' and 'reported' pass a claim on without judging it; "
        "'claimed', 'alleged' and 'insisted' put distance between the reporter and the speaker and invite "
        "doubt; 'confirmed' and 'acknowledged' present the claim as true. When one side's figures are 'reported' "
        "and the other's 'claimed', the verb does the arguing.",
        "Found by rules, not by a parser (see the README for their precision and recall): check the examples.",
    ]
    if items:
        intro.append("Where a group gives one speaker distancing verbs much more often than another:")
    return Section("attribution", "Who is believed: reporting verbs", tuple(intro), items=tuple(items),
                   figures=(fig,),
                   tables=(table("attribution-examples", "Examples: every verb that is not neutral",
                                 examples[["group", "doc_id", "speaker", "verb", "verb_class", "sentence"]],
                                 max_rows=EXAMPLES, command="framing attributions CORPUS"),))

