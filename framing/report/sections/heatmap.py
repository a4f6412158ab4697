"""The lexicon heat map: how often each group uses each category, per 10,000 tokens."""
from __future__ import annotations

from .. import figures as figs
from ..inputs import ReportInputs
from ..model import Figure, Section
from ..tables import table


def build(inputs: ReportInputs) -> Section:
    cats, groups = inputs.figure_categories, list(inputs.figure_groups)
    behind = table("heatmap-table", "Category rates of every group (the table behind the heat map)",
                   inputs.categories[["group", "category", "count", "quoted_count", "tokens", "rate_per_10k"]],
                   max_rows=40, command="framing stats CORPUS --table categories")
    freq = inputs.frequencies
    terms = table("term-table", "Every term: counts, documents, rates",
                  freq[freq["count"] > 0][["group", "category", "term", "count", "quoted_count", "documents",
                                           "group_documents", "tokens", "rate_per_10k"]],
                  max_rows=80, note="Terms a group never uses are left out here; framing stats CORPUS prints "
                                    "every row.", command="framing stats CORPUS")
    caption = ("Darker cells: the group uses the category's words more often, per 10,000 tokens (the scale is "
               "beside the map). The number in a cell is the raw count.")
    if inputs.pooled:
        caption += f" '{inputs.pooled}' pools every group not shown."
    fig = Figure("fig-heatmap", figs.heatmap(cats, groups, "Lexicon categories: rate per 10,000 tokens "
                                             "(number in each cell = count)"), caption, behind)
    data = {"heatmap": {"all": figs.heatmap_arrays(inputs.categories, list(inputs.groups)),
                        "categories": list(dict.fromkeys(cats["category"])), "groups": groups}}
    return Section("heatmap", "Lexicon heat map", (
        "How often each group uses each category of the lexicon, relative to its length. Hover for the count "
        "and the denominator; click a cell to read the sentences.",), figures=(fig,), tables=(terms,), data=data)
