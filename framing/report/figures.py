"""Pure functions from result tables to Plotly figures. Every string that came from the corpus or
a lexicon is HTML-escaped before it reaches Plotly, which renders a subset of HTML in labels."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

# Paul Tol's colour-blind-safe qualitative palette (as in plotly.express.colors.qualitative.Safe).
PALETTE = ["#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499", "#44AA99", "#999933", "#882255",
           "#661100", "#888888"]
SEQUENTIAL = "Cividis"  # perceptually uniform and readable with colour-vision deficiency
_LAYOUT = dict(template="plotly_white", font=dict(family="system-ui, sans-serif", size=13),
               margin=dict(l=10, r=10, t=40, b=10))


def esc(value) -> str:
    return html.escape(str(value), quote=False)


def heatmap(cats: pd.DataFrame, groups: list[str]) -> go.Figure:
    """categories x groups, rate per 10,000 tokens, with counts and denominators on hover."""
    cats = cats.copy()
    cats["label"] = cats["category"].map(esc)
    labels = list(dict.fromkeys(cats["label"]))
    rate = cats.pivot_table(index="label", columns="group", values="rate_per_10k", sort=False).reindex(labels)[groups]
    count = cats.pivot_table(index="label", columns="group", values="count", sort=False).reindex(labels)[groups]
    tokens = cats.drop_duplicates("group").set_index("group")["tokens"].reindex(groups)
    hover = [[f"{labels[i]} in {esc(g)}<br>{int(count.iloc[i, j])} matches / {int(tokens[g]):,} tokens"
              f"<br>= {rate.iloc[i, j]:.2f} per 10,000 tokens<br>click: show the sentences"
              for j, g in enumerate(groups)] for i in range(len(labels))]
    fig = go.Figure(go.Heatmap(z=rate.to_numpy(), x=[esc(g) for g in groups], y=labels, colorscale=SEQUENTIAL,
                               text=count.to_numpy().astype(int), texttemplate="%{text}", hoverinfo="text",
                               hovertext=hover, colorbar=dict(title="per 10k")))
    fig.update_layout(**_LAYOUT, height=120 + 34 * len(labels), yaxis=dict(autorange="reversed"),
                      title="Lexicon categories: rate per 10,000 tokens (number in each cell = count)")
    return fig


def contrast_bars(shares: pd.DataFrame, category: str, groups: list[str]) -> go.Figure:
    """One horizontal stacked bar per group: the share of each competing term in one contrast set."""
    sub = shares[shares["category"] == category]
    fig = go.Figure()
    terms = list(dict.fromkeys(sub["term"]))
    for i, term in enumerate(terms):
        rows = sub[sub["term"] == term].set_index("group").reindex(groups)
        hover = [f"{esc(term)} in {esc(g)}: {int(r['count'])} of {int(r['set_total'])} mentions"
                 + (f" = {r['share']:.0%}<br>95% interval {r['share_low']:.0%} to {r['share_high']:.0%}"
                    if r["set_total"] else "<br>no mentions of this set")
                 for g, r in rows.iterrows()]
        fig.add_trace(go.Bar(y=[esc(g) for g in groups], x=rows["share"].fillna(0).to_numpy(), orientation="h",
                             name=esc(term), marker_color=PALETTE[i % len(PALETTE)], hoverinfo="text",
                             hovertext=hover, text=[str(int(c)) if c else "" for c in rows["count"]],
                             textposition="inside", customdata=[term] * len(groups)))
    fig.update_layout(**_LAYOUT, barmode="stack", height=110 + 40 * len(groups),
                      xaxis=dict(tickformat=".0%", range=[0, 1], title="share of the set's mentions"),
                      yaxis=dict(autorange="reversed"), legend=dict(orientation="h", y=-0.25),
                      title=f"{esc(category)}: which word each group uses")
    return fig


def fightin_words(comparisons: pd.DataFrame, labels: list[str], lexicon_terms: set[str],
                  z_label: float = 1.96, max_labels: int = 12) -> go.Figure:
    """The classic plot: log frequency (x) against z (y), one trace per comparison, only the
    first visible; the page's selector switches traces. Significant terms are labelled."""
    fig = go.Figure()
    for i, label in enumerate(labels):
        sub = comparisons[comparisons["comparison"] == label]
        freq = np.log10(sub["count"] + sub["other_count"])
        # Label the strongest terms of each side even when none passes |z| = 1.96 (a small class
        # corpus), plus every lexicon term that does; colour alone says what is significant.
        strongest = set(sub.nlargest(max_labels // 2, "z")["term"]) | set(sub.nsmallest(max_labels // 2, "z")["term"])
        text = [esc(t) if t in strongest or (t in lexicon_terms and abs(z) >= z_label) else ""
                for t, z in zip(sub["term"], sub["z"])]
        colour = np.where(sub["z"] >= z_label, PALETTE[1], np.where(sub["z"] <= -z_label, PALETTE[4], "#BBBBBB"))
        hover = [f"<b>{esc(t)}</b><br>{int(a)} vs {int(b)} (rest)<br>delta = {d:.2f}, z = {z:.2f}, q = {q:.3f}"
                 f"<br>prior: informative, a_w = 0.1 x corpus count + 0.01<br>click: show the sentences"
                 for t, a, b, d, z, q in zip(sub["term"], sub["count"], sub["other_count"], sub["delta"], sub["z"],
                                             sub["q"])]
        fig.add_trace(go.Scatter(x=freq, y=sub["z"], mode="markers+text", text=text, textposition="top center",
                                 marker=dict(color=colour, size=7, line=dict(width=0)), hoverinfo="text",
                                 hovertext=hover, customdata=sub["term"].tolist(), name=esc(label),
                                 visible=(i == 0), textfont=dict(size=11)))
    fig.add_hline(y=z_label, line=dict(dash="dot", color="#888"))
    fig.add_hline(y=-z_label, line=dict(dash="dot", color="#888"))
    fig.update_layout(**_LAYOUT, height=560, showlegend=False,
                      xaxis=dict(title="log10 of the term's total count (more frequent to the right)"),
                      yaxis=dict(title="z-score (above: this group; below: the others)"),
                      title="Fightin' Words: log-odds z-score against frequency")
    return fig


def timeline(rates: pd.DataFrame, groups: list[str]) -> go.Figure:
    """Category rates per period and group (the top categories only)."""
    fig = go.Figure()
    for i, ((group, category), sub) in enumerate(rates.groupby(["group", "category"], sort=False)):
        fig.add_trace(go.Scatter(x=sub["period"], y=sub["rate_per_10k"], mode="lines+markers",
                                 name=f"{esc(group)}: {esc(category)}",
                                 line=dict(color=PALETTE[groups.index(group) % len(PALETTE)],
                                           dash=["solid", "dash", "dot", "dashdot"][i % 4]),
                                 hovertext=[f"{esc(group)}, {esc(category)}, {p}: {int(c)} / {int(t):,} tokens"
                                            for p, c, t in zip(sub["period"], sub["count"], sub["tokens"])],
                                 hoverinfo="text"))
    fig.update_layout(**_LAYOUT, height=420, yaxis=dict(title="per 10,000 tokens"), xaxis=dict(title="month"),
                      title="Category rates over time")
    return fig
