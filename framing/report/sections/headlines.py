"""Headlines and bodies: the heat map again, on headlines alone."""
from __future__ import annotations

from .. import figures as figs
from ..inputs import ReportInputs
from ..model import Figure, Section
from ..tables import table


def build(inputs: ReportInputs) -> Section | None:
    cats = inputs.headline_categories
    if cats is None:
        return None
    n = sum(1 for d in inputs.analysis.corpus.documents if d.title)
    fig = Figure("fig-headlines", figs.heatmap(cats, list(inputs.figure_groups), "Headlines: rate per 10,000 "
                                               "headline tokens (number in each cell = count)"),
                 "The same heat map on headlines only (darker: more).",
                 table("headline-table", "Headline category rates", cats, max_rows=40,
                       command="framing stats CORPUS --table headlines"))
    return Section("headlines", "Headlines and bodies", (
        f"{n:,} documents have a headline. Headlines are where a reader's impression forms: compare this map "
        "with the one for the full texts.",), figures=(fig,))
