"""Contrast sets: competing words for one referent, and each group's share of each."""
from __future__ import annotations

from .. import figures as figs
from ..inputs import ReportInputs
from ..model import Figure, Section
from ..tables import table


def build(inputs: ReportInputs) -> Section:
    figures, data = [], []
    shares, everyone = inputs.figure_shares, inputs.shares
    for lx in inputs.analysis.lexicons:
        for cat in lx.categories:
            if not cat.contrast:
                continue
            sub = shares[(shares["lexicon"] == lx.name) & (shares["category"] == cat.name)]
            if sub["count"].sum() == 0:
                continue
            slug = f"fig-contrast-{len(figures)}"
            all_groups = everyone[(everyone["lexicon"] == lx.name) & (everyone["category"] == cat.name)]
            behind = table(f"{slug}-table", f"{cat.name}: shares in every group",
                           all_groups[all_groups["set_total"] > 0].drop(columns=["lexicon", "voice"]),
                           note="Groups that never mention the referent are left out.",
                           command="framing stats CORPUS --table contrast")
            figures.append(Figure(slug, figs.contrast_bars(sub, cat.name, list(inputs.figure_groups)),
                                  cat.note or "", behind))
            # Only the groups that mention the referent: the picker draws the others as empty bars.
            mentioning = set(all_groups.loc[all_groups["set_total"] > 0, "group"])
            data.append({"id": slug, "all": figs.contrast_arrays(all_groups, [g for g in inputs.groups
                                                                               if g in mentioning])})
    intro = ("Competing words for the same referent. Each bar is one group; each colour one word; the bar shows "
             "what share of the group's mentions of the referent use that word (the number is the count). "
             "Intervals (in the hover and the table) are 95% Wilson intervals, which treat mentions as independent; "
             "with few documents they are too narrow.",)
    if not figures:
        intro += ("No contrast set of the lexicon occurs in this corpus.",)
    return Section("contrast", "Contrast sets", intro, figures=tuple(figures), data={"contrast": data})
