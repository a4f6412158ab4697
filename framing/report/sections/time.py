"""Over time: the most frequent categories, month by month, per group."""
from __future__ import annotations

from .. import figures as figs
from ..inputs import ReportInputs
from ..model import Figure, Section
from ..tables import table

MAX_LINES = 6  # groups drawn; the table has every group


def build(inputs: ReportInputs) -> Section | None:
    rates = inputs.time
    if rates is None:
        return None
    drawn = [g for g in inputs.shown[:MAX_LINES]]
    fig = Figure("fig-time", figs.timeline(rates[rates["group"].isin(drawn)], drawn),
                 f"Rates per month for the three most frequent categories, for the {len(drawn)} largest groups.",
                 table("time-table", "Rates per month, every group", rates, max_rows=40,
                       command="framing stats CORPUS --table time"))
    return Section("time", "Over time", ("How the use of the most frequent categories changes month by month, per "
                                         "group. Months with few documents swing widely: the table gives each "
                                         "month's documents and tokens.",), figures=(fig,))
