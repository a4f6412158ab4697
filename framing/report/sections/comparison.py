"""Fightin' Words: which words most distinguish one group from the others, or from one other."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ... import stats
from .. import figures as figs
from ..discovery_tables import without_lexicon_forms
from ..inputs import ReportInputs
from ..model import Figure, Section
from ..tables import table

EXTRA_POINTS = 10_000  # points for all the groups outside the figures together: the page's budget
EXTRA_MIN, EXTRA_MAX = 6, 60  # points per such group (half its top words, half its lexicon terms)
LABELS_PER_SIDE = 5
LEXICON_NOTE = " (lexicon term: counts its variants too)"


def build(inputs: ReportInputs) -> Section:
    # From a counts file without its vocabulary (or in one voice) the plot draws the lexicon's terms alone.
    lexicon_only = inputs.ngrams is None
    if len(inputs.groups) < 2 or (inputs.vocabulary.empty and not lexicon_only):
        return Section("comparison", "Fightin' Words", ("Needs at least two groups with shared vocabulary.",))
    lex = inputs.lexicon_comparison
    lex_by_group = dict(tuple(lex.groupby("group", sort=False)))
    # A lexicon term is drawn once, from the lexicon comparison (variants included), so the page
    # gives one z per term and comparison. The rows a plot draws were chosen once, by
    # `stats.vocabulary_comparison(points=...)` (see discovery_tables.PLOT_POINTS): they are drawn as they are.
    vocabulary = without_lexicon_forms(inputs.vocabulary, inputs.analysis.lexicons)
    words_by_group = dict(tuple(vocabulary.groupby("group", sort=False)))
    comparisons, tops = [], []
    for g in inputs.shown:
        words = words_by_group.get(g, vocabulary.iloc[:0])
        lexicon_rows = lex_by_group[g]
        lexicon_rows = lexicon_rows[lexicon_rows["count"] + lexicon_rows["other_count"] > 0]
        comparisons.append(_points(f"{g} vs all others", g, "all others", words, lexicon_rows))
        tops.append(_top(lexicon_rows if lexicon_only else words, f"{g} vs all others", g, "all others"))
    pairs = inputs.vocabulary_pairs
    for i, a in enumerate(inputs.pair_groups):
        for b in inputs.pair_groups[i + 1:]:
            sub = pairs[(pairs["group"] == a) & (pairs["versus"] == b)]
            sub = sub[sub["count"] + sub["other_count"] > 0]  # words neither uses: nothing to plot
            comparisons.append(_points(f"{a} vs {b}", a, b, sub, None))
            tops.append(_top(sub, f"{a} vs {b}", a, b))
    extra = [g for g in inputs.groups if g not in inputs.shown]
    disc = inputs.discovery
    disc_by_group = dict(tuple(disc.groupby("group", sort=False)))
    half = max(EXTRA_MIN, min(EXTRA_MAX, EXTRA_POINTS // max(len(extra), 1))) // 2
    for g in extra:
        lexicon_rows = lex_by_group[g]
        lexicon_rows = lexicon_rows[lexicon_rows["count"] > 0].nlargest(half, "z")
        # A group without discovery rows (none from a counts file) draws its lexicon terms alone.
        words = disc_by_group[g].nlargest(half, "z") if g in disc_by_group else disc.iloc[:0]
        comparisons.append(_points(f"{g} vs all others", g, "all others", words, lexicon_rows, brief=True))
    first = comparisons[0]
    fig = Figure("fig-fightin-words", figs.fightin_words(first, "Fightin' Words: log-odds z-score against frequency"),
                 "Each dot is a word or two-word phrase, each diamond a lexicon term (with its variants). Up: used "
                 "more by the first group; down: by the other side. Right: more frequent overall. Dotted lines: "
                 "|z| = 1.96; coloured points lie beyond them. Labelled: the strongest terms of each side.",
                 table("fw-top", "Top terms of each comparison, each side",
                       pd.concat(tops, ignore_index=True), max_rows=40,
                       command="framing discover CORPUS [--pairs]"))
    intro = [
        "Which words most distinguish one group from the other(s), by the log-odds ratio with an informative "
        "Dirichlet prior (Monroe, Colaresi and Quinn 2008). Delta is the effect size (log-odds difference); z "
        "divides it by its standard error; q is the Benjamini-Hochberg corrected p-value across all terms of the "
        "comparison. A term has one z per comparison on this page: the lexicon table, the plot and discovery "
        "share the denominators (each group's tokens) and the prior.",
        "Why can |z| pass 1.96 while q does not pass 0.05? 1.96 is the bar for one term tested alone. Hundreds or "
        "thousands of terms are tested at once, and by chance about 5 in 100 pass 1.96 with no real difference; "
        "q raises the bar to keep such false finds under 5% of the terms called significant. The column "
        "'evidence' says in words which case a row is.",
    ]
    if extra:
        intro.append(f"The {len(extra):,} groups outside the figures each have a lighter comparison in the selector "
                     f"below: up to {half} of their most typical words and {half} of their lexicon terms, to keep the "
                     "page small (framing discover CORPUS and framing stats CORPUS --table compare list them all).")
    if inputs.pair_groups:
        intro.append(f"Pairwise comparisons are offered among the {len(inputs.pair_groups)} largest groups.")
    tables = [_lexicon_table(lex)]
    if inputs.sensitivity is not None:
        sens = inputs.sensitivity
        tables.append(table("fw-sensitivity", "Does the ranking survive other priors and minimum counts?",
                            sens[sens["rank default"] <= 10], max_rows=60,
                            note="Rank 1 = the term most typical of the group among lexicon terms. Columns: the "
                                 "default informative prior, weaker (k=0.01) and stronger (k=1) ones, uniform priors, "
                                 "and only terms used at least 5 or 10 times (empty: excluded). robust: in the top "
                                 "10 everywhere.", command="framing stats CORPUS --table sensitivity"))
    data = {"fw": [{k: v for k, v in c.items() if k != "first"} for c in comparisons]}
    return Section("comparison", "Fightin' Words", tuple(intro), figures=(fig,), tables=tuple(tables),
                   widget="comparison", data=data)


def _points(label: str, side: str, other: str, words: pd.DataFrame, lexicon_rows: pd.DataFrame | None,
            brief: bool = False) -> dict:
    parts = [words.assign(_lexicon=False)]
    if lexicon_rows is not None and len(lexicon_rows):
        parts.append(lexicon_rows.assign(_lexicon=True))
    pts = pd.concat(parts, ignore_index=True)
    z = pts["z"].astype(float).to_numpy()
    lexicon = pts["_lexicon"].to_numpy(dtype=bool)
    total = (pts["count"] + pts["other_count"]).to_numpy(dtype=float)
    x = np.log10(np.maximum(total, 1))
    labelled = _spaced_labels(x, z, sides=1 if brief else 2)
    custom = [[figs.esc(t), int(c), int(o), round(float(d), 4), round(float(q), 4), t, LEXICON_NOTE if lx else ""]
              for t, c, o, d, q, lx in zip(pts["term"], pts["count"], pts["other_count"], pts["delta"], pts["q"],
                                           lexicon)]
    return {"label": label, "x": np.round(x, 4).tolist(),
            "z": np.round(z, 4).tolist(), "lexicon": lexicon.astype(int).tolist(),
            "text": [figs.esc(t) if i in labelled else "" for i, t in enumerate(pts["term"])],
            "custom": custom, "y_title": f"z-score (above: {figs.esc(side)}; below: {figs.esc(other)})"}


def _spaced_labels(x: np.ndarray, z: np.ndarray, sides: int) -> set[int]:
    """The strongest points of each side to label, skipping any that would print over a label
    already placed (points at one spot, like several words used 5 times each, get one label)."""
    if not len(z):
        return set()
    dx = 0.07 * max(float(np.ptp(x)), 0.5)
    dz = 0.05 * max(float(np.ptp(z)), 2.0)
    chosen: list[int] = []
    for side in (1, -1)[:sides]:
        placed = 0
        for i in np.argsort(-side * z, kind="stable"):
            if placed == LABELS_PER_SIDE or side * z[i] <= 0:
                break
            if all(abs(x[i] - x[j]) > dx or abs(z[i] - z[j]) > dz for j in chosen):
                chosen.append(int(i))
                placed += 1
    return set(chosen)


def _top(sub: pd.DataFrame, label: str, side: str, other: str, n: int = 10) -> pd.DataFrame:
    cols = ["term", "count", "other_count", "delta", "z", "q"]
    sub = sub.astype({"z": float})  # an empty frame's columns are objects
    up = sub.nlargest(n, "z")[cols].assign(side=side)
    down = sub.nsmallest(n, "z")[cols].assign(side=other)
    out = pd.concat([up, down], ignore_index=True)
    out.insert(0, "comparison", label)
    return out


def _lexicon_table(lex: pd.DataFrame):
    shown = lex[(lex["count"] > 0) | (lex["z"].abs() >= 1.96)].copy()
    shown["evidence"] = stats.strength_of_evidence(shown)
    cols = ["group", "category", "term", "count", "other_count", "rate_per_10k", "other_rate_per_10k", "documents",
            "delta", "z", "q", "evidence", "delta_low", "delta_high", "documents_agree", "few_counts", "few_documents"]
    return table("fw-lexicon", "Lexicon terms, each group against the rest (mcq2008, informative prior)",
                 shown.sort_values(["z", "group", "term"], ascending=[False, True, True], kind="mergesort")[cols],
                 max_rows=60, command="framing stats CORPUS --table compare --bootstrap 200",
                 note="Rows where a group never uses the term and z is small are left out. evidence: "
                      + "; ".join(f"{k}: {v}" for k, v in stats.EVIDENCE_LABELS.items())
                      + ". delta_low and delta_high: 95% interval of delta when articles (not words) are "
                        "resampled, 200 times; documents_agree is empty where a group has a single article.")
