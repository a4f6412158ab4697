"""Pure functions from result tables to Plotly figures. Every string that came from the corpus or
a lexicon is HTML-escaped before it reaches Plotly, which renders a subset of HTML in labels.

Hover texts are `hovertemplate`s over `customdata`, so the page's script can redraw a figure for
other groups by swapping arrays, without building any text of its own.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

# Paul Tol's colour-blind-safe qualitative palettes: "muted" then "light", 17 distinct colours, so
# that a lexicon's categories (12 in israel-gaza) never share one.
PALETTE = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
           "#EE8866", "#BBCC33", "#FFAABB", "#77AADD", "#EEDD88", "#99DDFF", "#44BB99", "#DDDDDD"]
SEQUENTIAL = "Cividis"  # perceptually uniform and readable with colour-vision deficiency
_LAYOUT = dict(template="plotly_white", font=dict(family="system-ui, sans-serif", size=13),
               margin=dict(l=10, r=10, t=60, b=10))
Z_LINE = 1.96


def esc(value) -> str:
    return html.escape(str(value), quote=False)


HEATMAP_HOVER = ("%{y} in %{x}<br>%{customdata[0]:,} matches / %{customdata[1]:,} tokens"
                 "<br>= %{z:.2f} per 10,000 tokens<br>click: show the sentences<extra></extra>")


def _grid(df: pd.DataFrame, rows: list, row_col: str, groups: list[str], value: str, fill: float) -> np.ndarray:
    """rows x groups array of `value` from a long table (a pivot, without pivot_table's overhead)."""
    out = np.full((len(rows), len(groups)), fill, dtype=float)
    r = pd.Index(rows).get_indexer(df[row_col])
    g = pd.Index(groups).get_indexer(df["group"])
    ok = (r >= 0) & (g >= 0)
    out[r[ok], g[ok]] = df[value].to_numpy(dtype=float)[ok]
    return out


def heatmap_arrays(cats: pd.DataFrame, groups: list[str]) -> dict:
    """categories x groups arrays of rate, count and tokens (the figure's data, for any groups)."""
    labels = list(dict.fromkeys(cats["category"]))
    tokens = cats.drop_duplicates("group").set_index("group")["tokens"]
    return {"categories": labels, "groups": list(groups),
            "rate": np.round(_grid(cats, labels, "category", groups, "rate_per_10k", 0.0), 4).tolist(),
            "count": _grid(cats, labels, "category", groups, "count", 0).astype(np.int64).tolist(),
            "tokens": tokens.reindex(groups).fillna(0).to_numpy(dtype=np.int64).tolist()}


def heatmap(cats: pd.DataFrame, groups: list[str], title: str) -> go.Figure:
    """categories x groups, rate per 10,000 tokens (darker = more), counts in the cells."""
    a = heatmap_arrays(cats, groups)
    custom = [[[c, a["tokens"][j]] for j, c in enumerate(row)] for row in a["count"]]
    fig = go.Figure(go.Heatmap(z=a["rate"], x=[esc(g) for g in groups], y=[esc(c) for c in a["categories"]],
                               colorscale=SEQUENTIAL, reversescale=True, text=a["count"], texttemplate="%{text}",
                               customdata=custom, hovertemplate=HEATMAP_HOVER,
                               colorbar=dict(title="per 10k")))
    fig.update_layout(**_LAYOUT, height=140 + 34 * len(a["categories"]),
                      yaxis=dict(autorange="reversed"), xaxis=dict(tickangle=-30, automargin=True),
                      title=title)
    return fig


CONTRAST_HOVER = ("%{customdata[0]} in %{y}: %{customdata[1]} of %{customdata[2]} mentions = %{x:.0%}"
                  "<br>95% interval %{customdata[3]:.0%} to %{customdata[4]:.0%}<extra></extra>")


def contrast_arrays(shares: pd.DataFrame, groups: list[str]) -> dict:
    """terms x groups arrays of one contrast set: count, share and its interval, and the set total."""
    terms = list(dict.fromkeys(shares["term"]))

    def grid(col: str, fill: float = 0.0) -> list:
        values = _grid(shares, terms, "term", groups, col, fill)
        return np.round(np.where(np.isnan(values), fill, values), 4).tolist()

    total = shares.drop_duplicates("group").set_index("group")["set_total"].reindex(groups).fillna(0)
    return {"terms": terms, "groups": list(groups), "count": grid("count"), "share": grid("share"),
            "low": grid("share_low"), "high": grid("share_high", 1.0),
            "total": total.to_numpy(dtype=np.int64).tolist()}


def contrast_bars(shares: pd.DataFrame, category: str, groups: list[str], title: str | None = None) -> go.Figure:
    """One horizontal stacked bar per group: the share of each competing term in one contrast set."""
    a = contrast_arrays(shares, groups)
    fig = go.Figure()
    for i, term in enumerate(a["terms"]):
        counts = a["count"][i]
        custom = [[esc(term), int(c), int(t), lo, hi, term]
                  for c, t, lo, hi in zip(counts, a["total"], a["low"][i], a["high"][i])]
        fig.add_trace(go.Bar(y=[esc(g) for g in groups], x=a["share"][i], orientation="h", name=esc(term),
                             marker_color=PALETTE[i % len(PALETTE)], customdata=custom,
                             hovertemplate=CONTRAST_HOVER, text=[str(int(c)) if c else "" for c in counts],
                             textposition="inside"))
    fig.update_layout(**_LAYOUT, barmode="stack", height=150 + 30 * len(groups),
                      xaxis=dict(tickformat=".0%", range=[0, 1], title="share of the set's mentions"),
                      yaxis=dict(autorange="reversed", automargin=True),
                      legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
                      title=dict(text=title or f"{esc(category)}: which word each group uses", y=0.98, yanchor="top"))
    return fig


FW_HOVER = ("<b>%{customdata[0]}</b>%{customdata[6]}<br>%{customdata[1]} vs %{customdata[2]}"
            "<br>delta = %{customdata[3]:.2f}, z = %{y:.2f}, q = %{customdata[4]:.3f}"
            "<br>click: show the sentences<extra></extra>")


def fightin_words(first: dict, title: str) -> go.Figure:
    """The classic plot of log frequency (x) against z (y) for one comparison; the page's selector
    swaps in the arrays of another (`first` and the others are made by `fightin_words_points`)."""
    fig = go.Figure(go.Scatter(**fightin_words_trace(first)))
    fig.add_hline(y=Z_LINE, line=dict(dash="dot", color="#888"))
    fig.add_hline(y=-Z_LINE, line=dict(dash="dot", color="#888"))
    fig.update_layout(**_LAYOUT, height=600, showlegend=False,
                      xaxis=dict(title="log10 of the term's total count (more frequent to the right)"),
                      yaxis=dict(title=first["y_title"]), title=title)
    return fig


def fightin_words_trace(points: dict) -> dict:
    """The scatter trace of one comparison's points (the page's script builds the same from data)."""
    z = np.asarray(points["z"], dtype=float)
    colour = np.where(z >= Z_LINE, PALETTE[0], np.where(z <= -Z_LINE, PALETTE[1], "#BBBBBB")).tolist()
    symbol = ["diamond" if lx else "circle" for lx in points["lexicon"]]
    position = ["top center" if v >= 0 else "bottom center" for v in z]
    return dict(x=points["x"], y=points["z"], mode="markers+text", text=points["text"], textposition=position,
                marker=dict(color=colour, size=[10 if lx else 7 for lx in points["lexicon"]], symbol=symbol,
                            line=dict(width=0)),
                customdata=points["custom"], hovertemplate=FW_HOVER, textfont=dict(size=11), cliponaxis=False)


def timeline(rates: pd.DataFrame, groups: list[str]) -> go.Figure:
    """Category rates per period and group (the top categories only)."""
    fig = go.Figure()
    dashes = ["solid", "dash", "dot", "dashdot"]
    categories = list(dict.fromkeys(rates["category"]))
    for group in groups:
        for category in categories:
            sub = rates[(rates["group"] == group) & (rates["category"] == category)]
            if sub.empty:
                continue
            fig.add_trace(go.Scatter(
                x=sub["period"], y=sub["rate_per_10k"], mode="lines+markers", name=f"{esc(group)}: {esc(category)}",
                line=dict(color=PALETTE[groups.index(group) % len(PALETTE)],
                          dash=dashes[categories.index(category) % len(dashes)]),
                customdata=np.column_stack([sub["count"], sub["tokens"], sub["documents"]]).tolist(),
                hovertemplate=(f"{esc(group)}, {esc(category)}, %{{x}}: %{{customdata[0]}} / %{{customdata[1]:,}} "
                               "tokens in %{customdata[2]} documents<extra></extra>")))
    fig.update_layout(**_LAYOUT, height=460, yaxis=dict(title="per 10,000 tokens"), xaxis=dict(title="month"),
                      legend=dict(orientation="h", x=0, y=-0.2, yanchor="top"), title="Category rates over time")
    return fig
