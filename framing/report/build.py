"""From an analysis to a `Report`: compute every table, then the figures drawn from them."""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd

from .. import stats
from ..analysis import Analysis, analyse
from ..model import Corpus, Document
from . import figures as figs
from .model import Figure, Report, Section, Table

MAX_CONTEXTS = 3000        # keyword-in-context rows embedded in the page
MAX_READING_DOCS = 200     # articles available in the annotated reading view
MAX_READING_CHARS = 30_000
CONTEXT_CHARS = 90
MAX_POINTS = 800           # terms per comparison in the Fightin' Words plot
MAX_PAIR_GROUPS = 6        # above this many groups, only one-vs-rest comparisons are offered


def _table(id_: str, title: str, df: pd.DataFrame, max_rows: int = 60, note: str | None = None) -> Table:
    shown = df.head(max_rows)
    rows = tuple(tuple(_cell(v) for v in r) for r in shown.itertuples(index=False))
    if len(df) > max_rows:
        note = (note + " " if note else "") + f"Showing {max_rows} of {len(df)} rows; download the CSV for all."
    return Table(id_, title, tuple(map(str, df.columns)), rows, df.to_csv(index=False, float_format="%.6g"), note)


def _cell(v):
    if isinstance(v, (float, np.floating)):
        return "" if math.isnan(v) else f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.bool_, bool)):
        return "yes" if v else ""
    return v


def _blind_mapping(groups: tuple[str, ...]) -> dict[str, str]:
    letters = [chr(ord("A") + i) if i < 26 else f"G{i + 1}" for i in range(len(groups))]
    return {g: f"Source {letter}" for g, letter in zip(groups, letters)}


def _blinded(analysis: Analysis, mapping: dict[str, str]) -> Analysis:
    """The same analysis with group names (and ids, which may contain them) replaced."""
    counter: dict[str, int] = {}
    new_ids = {}
    for d in analysis.corpus.documents:
        label = mapping[analysis.doc_groups[d.id]]
        counter[label] = counter.get(label, 0) + 1
        new_ids[d.id] = f"{label.split()[-1]}-{counter[label]}"
    docs = tuple(replace(d, id=new_ids[d.id], source=None, url=None, meta={}) for d in analysis.corpus.documents)
    corpus = replace(analysis.corpus, documents=docs, name="blinded corpus", skipped=(), notes=())
    profiles = tuple(replace(p, doc_id=new_ids[p.doc_id], group=mapping[p.group],
                             matches=tuple(m._replace(doc_id=new_ids[p.doc_id]) for m in p.matches))
                     for p in analysis.profiles)
    counts = replace(analysis.counts, groups=tuple(mapping[g] for g in analysis.counts.groups))
    return replace(analysis, corpus=corpus, groups=counts.groups, profiles=profiles, counts=counts,
                   doc_groups={new_ids[k]: mapping[g] for k, g in analysis.doc_groups.items()})


VOICE_LABELS = {
    "all": "all text, quotations included",
    "own": "the reporter's own words (quotations left out)",
    "quoted": "quotations only",
}


def build_report(analysis: Analysis, *, blind: bool = False, title: str | None = None,
                 voice: str = "all") -> Report:
    """Every section of the page, as data. Pure: the same analysis gives the same report.

    `voice`: which words the counts and statistics are on (see VOICE_LABELS); the keyword-in-context
    and reading views always show every match, quoted ones marked."""
    if voice not in VOICE_LABELS:
        raise ValueError(f"voice must be one of {tuple(VOICE_LABELS)}, not {voice!r}")
    name = analysis.corpus.name
    skipped, notes = analysis.corpus.skipped, analysis.corpus.notes
    blind_key: tuple[tuple[str, str], ...] = ()
    if blind:
        mapping = _blind_mapping(analysis.groups)
        blind_key = tuple((v, k) for k, v in mapping.items())
        analysis = _blinded(analysis, mapping)
    groups = list(analysis.groups)
    freq = stats.frequencies(analysis.counts, voice)
    cats = stats.category_frequencies(analysis.counts, voice)
    shares = stats.contrast_shares(analysis.counts, analysis.lexicons, voice)
    if len(groups) > 1:
        lex_cmp = stats.with_bootstrap(stats.lexicon_comparison(analysis.counts, voice),
                                       stats.bootstrap(analysis, voice))
        sens = stats.sensitivity(analysis.counts, voice)
    else:
        lex_cmp = pd.DataFrame(columns=["group", "term", "count", "other_count", "z"])
        sens = None
    vocab_cmp = stats.vocabulary_comparison(analysis.corpus, by=analysis.by, voice=voice)
    sections = [
        _overview(analysis, skipped, notes),
        _heatmap_section(cats, freq, groups),
        _contrast_section(shares, analysis, groups),
        _comparison_section(analysis, vocab_cmp, lex_cmp, sens, groups),
        _discovery_section(analysis, vocab_cmp),
        Section("contexts", "6. Keyword in context", (
            "Every match with the words around it. Filter by group, category or term, or type to search; "
            "click a term in any chart to come here. 'quoted' marks words inside quotation marks: "
            "the source is reporting someone else's words, not using them in its own voice.",), widget="kwic"),
        Section("reading", "7. Annotated reading", (
            "Each article with the lexicon's terms highlighted by category; hover a highlight for the "
            "category's note. Choose two articles to read them side by side.",), widget="reading"),
        _method_section(analysis, voice),
    ]
    headlines = _headline_section(analysis, cats, groups, voice)
    if headlines:
        sections.append(headlines)
    timeline = _time_section(analysis, voice)
    if timeline:
        sections.append(timeline)
    data = {
        "groups": groups,
        "kwic": _contexts(analysis),
        "docs": _reading_docs(analysis),
        "categories": _category_notes(analysis),
        "heatmap_categories": list(dict.fromkeys(cats["category"])),
        "comparisons": [label for *_, label in _comparison_labels(groups)] if len(groups) > 1 else [],
    }
    return Report(
        title=title or f"How the sources word it: {name}",
        subtitle=(f"{len(analysis.corpus)} documents in {len(groups)} groups (by {analysis.by}); lexicons: "
                  + ", ".join(lx.name for lx in analysis.lexicons) + f"; words counted: {VOICE_LABELS[voice]}"),
        sections=tuple(sections), data=data, questions=tuple(_questions(shares, analysis)), blind_key=blind_key)


def _overview(analysis: Analysis, skipped, notes) -> Section:
    c = analysis.counts
    rows = []
    for i, g in enumerate(analysis.groups):
        dates = [d.date for d in analysis.corpus.documents if analysis.doc_groups[d.id] == g and d.date]
        rows.append({"group": g, "documents": int(c.group_documents[i]), "tokens": int(c.tokens[i]),
                     "tokens in quotes": int(c.quoted_tokens[i]), "lexicon matches": int(c.count[i].sum()),
                     "first date": min(dates).isoformat() if dates else "",
                     "last date": max(dates).isoformat() if dates else ""})
    intro = [f"{len(analysis.corpus)} documents, {int(c.tokens.sum()):,} tokens, grouped by {analysis.by}. "
             "A token is a word as the tokenizer counts it (hyphenated words count once; 's is dropped)."]
    intro += [f"Lexicon: {lx.name} ({len(lx.categories)} categories, {sum(len(k.terms) for k in lx.categories)} terms)."
              for lx in analysis.lexicons]
    tables = [_table("overview-groups", "Groups", pd.DataFrame(rows))]
    if skipped:
        tables.append(_table("overview-skipped", "Inputs skipped, and why",
                             pd.DataFrame([{"input": s.path, "reason": s.reason} for s in skipped])))
    else:
        intro.append("No input was skipped.")
    intro += list(notes)
    return Section("overview", "1. Overview", tuple(intro), tables=tuple(tables))


def _heatmap_section(cats: pd.DataFrame, freq: pd.DataFrame, groups: list[str]) -> Section:
    table = _table("heatmap-table", "Category rates (the table behind the heat map)",
                   cats[["group", "category", "count", "quoted_count", "tokens", "rate_per_10k"]], max_rows=40)
    terms = _table("term-table", "Every term: counts, documents, rates",
                   freq[freq["count"] > 0][["group", "category", "term", "count", "quoted_count", "documents",
                                            "group_documents", "tokens", "rate_per_10k"]],
                   max_rows=80, note="Terms with no match in a group are left out here and kept in the CSV.")
    fig = Figure("fig-heatmap", figs.heatmap(cats, groups),
                 "Darker cells: the group uses the category's words more often, per 10,000 tokens. "
                 "The number in a cell is the raw count.", table)
    return Section("heatmap", "2. Lexicon heat map", (
        "How often each group uses each category of the lexicon, relative to its length. Hover for the count "
        "and the denominator; click a cell to read the sentences.",), figures=(fig,), tables=(terms,))


def _contrast_section(shares: pd.DataFrame, analysis: Analysis, groups: list[str]) -> Section:
    figures = []
    for lx in analysis.lexicons:
        for cat in lx.categories:
            sub = shares[(shares["lexicon"] == lx.name) & (shares["category"] == cat.name)]
            if not cat.contrast or sub["count"].sum() == 0:
                continue
            slug = f"fig-contrast-{len(figures)}"
            table = _table(f"{slug}-table", f"{cat.name}: shares", sub.drop(columns=["lexicon", "voice"]))
            figures.append(Figure(slug, figs.contrast_bars(sub, cat.name, groups),
                                  cat.note or "", table))
    intro = ("Competing words for the same referent. Each bar is one group; each colour one word; the bar shows "
             "what share of the group's mentions of the referent use that word (the number is the count). "
             "Intervals (in the hover and the table) are 95% Wilson intervals, which treat mentions as independent; "
             "with few documents they are too narrow.",)
    if not figures:
        intro += ("No contrast set of the lexicon occurs in this corpus.",)
    return Section("contrast", "3. Contrast sets", intro, figures=tuple(figures))


def _comparison_labels(groups: list[str]) -> list[tuple[str, str, str]]:
    labels = [(g, "rest", f"{g} vs all others") for g in groups]
    if 2 < len(groups) <= MAX_PAIR_GROUPS:
        labels += [(a, b, f"{a} vs {b}") for i, a in enumerate(groups) for b in groups[i + 1:]]
    return labels


def _comparison_section(analysis: Analysis, vocab_cmp: pd.DataFrame, lex_cmp: pd.DataFrame,
                        sens: pd.DataFrame | None, groups: list[str]) -> Section:
    if len(groups) < 2 or vocab_cmp.empty:
        return Section("comparison", "4. Fightin' Words", ("Needs at least two groups with shared vocabulary.",))
    parts = []
    labels = _comparison_labels(groups)
    pairs = {}
    if any(b != "rest" for _, b, _ in labels):
        # The same pairwise Fightin' Words as vocabulary_comparison(pairs=True) and `discover --pairs`
        # (prior from all groups and terms), computed on the counts already in hand.
        wide = vocab_cmp.pivot(index="group", columns="term", values="count").loc[groups]  # groups x terms
        rows = stats.logodds.comparisons(wide.to_numpy(dtype=float), groups, "mcq2008", pairs=True)
        pairs = {(r.group, r.versus): r for r in rows}
    for a, b, label in labels:
        if b == "rest":
            sub = vocab_cmp[vocab_cmp["group"] == a]
        else:
            sub = stats.comparison.add_corrections(stats.logodds.tidy([pairs[a, b]], wide.columns))
            sub = sub[sub["count"] + sub["other_count"] > 0]  # words neither of the two uses: nothing to plot
        parts.append(_plot_subset(sub).assign(comparison=label))
    plotted = pd.concat(parts, ignore_index=True)
    lexicon_terms = set(lex_cmp["term"])
    fig = Figure("fig-fightin-words", figs.fightin_words(plotted, [lbl for *_, lbl in labels],
                                                         {t.lower() for t in lexicon_terms}),
                 "Each dot is a word or two-word phrase. Up: used more by the first group; down: by the other(s). "
                 "Right: more frequent overall. Dotted lines: |z| = 1.96; coloured dots lie beyond them. Labelled: the "
                 "strongest terms of each side.",
                 _table("fw-table", "Points plotted", plotted.drop(columns=["variance"]), max_rows=0))
    top = []
    for a, _, label in labels[: len(groups)]:
        sub = vocab_cmp[vocab_cmp["group"] == a]
        up = sub.nlargest(10, "z")[["term", "count", "other_count", "delta", "z", "q"]].assign(side=a)
        down = sub.nsmallest(10, "z")[["term", "count", "other_count", "delta", "z", "q"]].assign(side="others")
        top.append(_table(f"fw-top-{len(top)}", f"{label}: top terms each side", pd.concat([up, down])))
    lex = _table("fw-lexicon", "Lexicon terms, each group against the rest (mcq2008, informative prior)",
                 lex_cmp[lex_cmp["count"] + lex_cmp["other_count"] > 0][
                     ["group", "category", "term", "count", "other_count", "rate_per_10k", "other_rate_per_10k",
                      "documents", "delta", "z", "q", "significant", "delta_low", "delta_high", "documents_agree",
                      "few_counts", "few_documents"]]
                 .sort_values("z", ascending=False), max_rows=60,
                 note="few_counts: fewer than 5 uses in all; few_documents: used in fewer than 3 documents. "
                      "Treat those rows as anecdotes, not patterns. delta_low and delta_high: 95% interval of "
                      "delta when articles (not words) are resampled, 200 times; documents_agree is 'no' where "
                      "that interval and the word-level z tell different stories (trust the articles), and "
                      "empty where a group has a single article.")
    tables = [*top, lex]
    if sens is not None:
        shown = sens[sens["rank default"] <= 10]
        tables.append(_table("fw-sensitivity", "Does the ranking survive other priors and minimum counts?", shown,
                             max_rows=60, note="Rank 1 = the term most typical of the group among lexicon terms. "
                             "Columns: the default informative prior, weaker (k=0.01) and stronger (k=1) ones, "
                             "uniform priors, and only terms used at least 5 or 10 times (empty: excluded). "
                             "robust: in the top 10 everywhere."))
    return Section("comparison", "4. Fightin' Words", (
        "Which words most distinguish one group from the other(s), by the log-odds ratio with an informative "
        "Dirichlet prior (Monroe, Colaresi and Quinn 2008). Delta is the effect size (log-odds difference); z "
        "divides it by its standard error; q is the Benjamini-Hochberg corrected p-value across all terms of the "
        "comparison. Choose a comparison below.",), figures=(fig,), tables=tuple(tables), widget="comparison")


def _plot_subset(sub: pd.DataFrame) -> pd.DataFrame:
    strongest = sub.reindex(sub["z"].abs().sort_values(ascending=False).index).head(MAX_POINTS // 3)
    frequent = sub.assign(total=sub["count"] + sub["other_count"]).nlargest(MAX_POINTS - len(strongest), "total")
    keep = pd.concat([strongest, frequent.drop(columns="total")]).drop_duplicates("term")
    return keep.sort_values("term", kind="mergesort")


def _discovery_section(analysis: Analysis, vocab_cmp: pd.DataFrame) -> Section:
    if vocab_cmp.empty:
        return Section("discovery", "5. Discovery", ("Not enough text to compare vocabularies.",))
    top = stats.discover_top(vocab_cmp, analysis.lexicons, top=15)
    table = _table("discovery-table", "Distinguishing terms per group (candidates for the lexicon)",
                   top[["group", "term", "count", "other_count", "documents", "delta", "z", "q", "in_lexicon"]],
                   max_rows=200)
    return Section("discovery", "5. Discovery: words the lexicon does not cover", (
        "The words and two-word phrases that most distinguish each group from the rest, over the whole vocabulary "
        "(common function words removed). Terms marked in_lexicon are already counted by the lexicon; the others "
        "are candidates a teacher may add, after reading them in context.",), tables=(table,))


def _contexts(analysis: Analysis) -> dict:
    texts = {d.id: d.text for d in analysis.corpus.documents}
    matches = [m for p in analysis.profiles for m in p.matches]
    total = len(matches)
    if total > MAX_CONTEXTS:
        by_term: dict[str, list] = {}
        for m in matches:
            by_term.setdefault(m.term, []).append(m)
        per_term = max(1, MAX_CONTEXTS // len(by_term))
        matches = [m for ms in by_term.values() for m in ms[:: max(1, math.ceil(len(ms) / per_term))][:per_term]]
    rows = []
    for m in matches:
        text = texts[m.doc_id]
        left = text[max(0, m.start - CONTEXT_CHARS):m.start]
        right = text[m.end:m.end + CONTEXT_CHARS]
        rows.append([analysis.doc_groups[m.doc_id], m.doc_id, m.category, m.term,
                     left.replace("\n", " "), m.surface.replace("\n", " "), right.replace("\n", " "), int(m.quoted)])
    return {"columns": ["group", "document", "category", "term", "left", "match", "right", "quoted"],
            "rows": rows, "total": total}


def _reading_docs(analysis: Analysis) -> dict:
    by_id = {p.doc_id: p for p in analysis.profiles}
    docs = list(analysis.corpus.documents)
    chosen = sorted(docs, key=lambda d: -len(by_id[d.id].matches))[:MAX_READING_DOCS]
    chosen_ids = {d.id for d in chosen}
    out = []
    for d in docs:
        if d.id not in chosen_ids:
            continue
        text = d.text[:MAX_READING_CHARS]
        spans = [[m.start, m.end, m.category, m.term, int(m.quoted)] for m in by_id[d.id].matches if m.end <= len(text)]
        out.append({"id": d.id, "group": analysis.doc_groups[d.id], "title": d.title or "",
                    "date": d.date.isoformat() if d.date else "", "text": text, "spans": spans,
                    "truncated": len(d.text) > len(text)})
    return {"documents": out, "total": len(docs)}


def _category_notes(analysis: Analysis) -> list[dict]:
    return [{"lexicon": lx.name, "name": c.name, "note": c.note or "", "contrast": c.contrast,
             "terms": [t.term for t in c.terms]} for lx in analysis.lexicons for c in lx.categories]


def _method_section(analysis: Analysis, voice: str) -> Section:
    intro = (
        "Counting. A term counts where the lexicon's word or one of its variants appears as whole words, "
        "case-insensitive, across line breaks and hyphens ('Hamas-run' = 'Hamas run'); where terms overlap "
        "the longest wins, so 'Hamas-run health ministry' is not also counted as 'health ministry'. A possessive "
        "'s still counts. Matches inside quotation marks are marked 'quoted'.",
        f"Whose words. The counts, rates and statistics of this page are on {VOICE_LABELS[voice]}, tokens "
        "and matches alike. A source that quotes someone saying a word is not using that word in its own "
        "voice: compare the report on the reporter's own words (framing report --voice own) with the one on "
        "quotations (--voice quoted). The contexts and the reading view show every match.",
        "Rates. Count divided by the group's tokens, times 10,000. The denominator is printed next to every rate.",
        "Fightin' Words (Monroe, Colaresi and Quinn 2008). delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w)) "
        "- log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w)); var = 1/(y_wi + a_w) + 1/(y_wj + a_w); z = delta / sqrt(var). "
        "The prior a_w = 0.1 x (the word's count in the whole corpus) + 0.01 keeps rare words from looking "
        "decisive while still letting a word one source uses often and another never stand out.",
        "Corrections. With hundreds of words tested at once some z-scores exceed 1.96 by chance; q-values "
        "(Benjamini-Hochberg) control the share of false discoveries at 5%.",
        "Limits. Counting is not understanding: a word's meaning depends on the sentence, on who is quoted, and on "
        "what is left out. Words cluster in articles, so one long article can drive a group's numbers; check the "
        "documents column and read the contexts. A lexicon is someone's choice of words to watch: its notes say "
        "what each choice assumes, not which is right.",
    )
    rows = []
    for lx in analysis.lexicons:
        for c in lx.categories:
            rows.append({"lexicon": lx.name, "category": c.name, "contrast set": c.contrast,
                         "terms": ", ".join(t.term for t in c.terms), "why it matters": c.note or "",
                         "references": " | ".join(c.references)})
    refs = [{"lexicon": lx.name, "reference": r} for lx in analysis.lexicons for r in lx.references]
    tables = [_table("method-lexicon", "The lexicon's categories, notes and references", pd.DataFrame(rows),
                     max_rows=500)]
    if refs:
        tables.append(_table("method-references", "References", pd.DataFrame(refs), max_rows=500))
    return Section("method", "8. Method and teaching notes", intro, tables=tuple(tables))


def _headline_section(analysis: Analysis, body_cats: pd.DataFrame, groups: list[str], voice: str) -> Section | None:
    titled = [d for d in analysis.corpus.documents if d.title]
    if not titled:
        return None
    heads = Corpus(name="headlines", documents=tuple(Document(id=d.id, text=d.title, source=analysis.doc_groups[d.id])
                                                     for d in titled))
    head_analysis = analyse(heads, analysis.lexicons, by="source", workers=1)
    cats = stats.category_frequencies(head_analysis.counts, voice)
    fig = Figure("fig-headlines", figs.heatmap(cats, [g for g in groups if g in head_analysis.groups]),
                 "The same heat map on headlines only.", _table("headline-table", "Headline category rates", cats))
    return Section("headlines", "9. Headlines and bodies", (
        f"{len(titled)} documents have a headline. Headlines are where a reader's impression forms: compare this "
        "map with the one for the full texts (section 2).",), figures=(fig,))


def _time_section(analysis: Analysis, voice: str) -> Section | None:
    dated = {d.id: d.date for d in analysis.corpus.documents if d.date}
    periods = {d.strftime("%Y-%m") for d in dated.values()}
    if len(periods) < 2:
        return None
    rows = []
    for p in analysis.profiles:
        if p.doc_id not in dated:
            continue
        period = dated[p.doc_id].strftime("%Y-%m")
        tokens = {"all": p.tokens, "own": p.tokens - p.quoted_tokens, "quoted": p.quoted_tokens}[voice]
        rows.append({"group": p.group, "period": period, "category": None, "count": 0, "tokens": tokens})
        for m in p.matches:
            if voice != "all" and m.quoted != (voice == "quoted"):
                continue
            rows.append({"group": p.group, "period": period, "category": m.category, "count": 1, "tokens": 0})
    df = pd.DataFrame(rows)
    tokens = df.groupby(["group", "period"])["tokens"].sum()
    top = df.dropna(subset=["category"]).groupby("category")["count"].sum().nlargest(3).index
    hits = df[df["category"].isin(top)].groupby(["group", "period", "category"])["count"].sum()
    grid = pd.MultiIndex.from_product([tokens.index.get_level_values(0).unique(), sorted(periods), list(top)],
                                      names=["group", "period", "category"])
    rates = hits.reindex(grid, fill_value=0).reset_index()
    rates["tokens"] = [tokens.get((g, p), 0) for g, p in zip(rates["group"], rates["period"])]
    rates = rates[rates["tokens"] > 0]
    rates["rate_per_10k"] = rates["count"] / rates["tokens"] * 10_000
    fig = Figure("fig-time", figs.timeline(rates, list(analysis.groups)),
                 "Rates per month for the three most frequent categories.",
                 _table("time-table", "Rates per month", rates))
    return Section("time", "10. Over time", ("How the use of the most frequent categories changes month by month, "
                                             "per group. Months with few documents swing widely.",), figures=(fig,))


def _questions(shares: pd.DataFrame, analysis: Analysis, limit: int = 5) -> list[str]:
    """Predict-then-discuss prompts from the contrast sets where groups' preferred words differ."""
    out = []
    notes = {c.name: c.note for lx in analysis.lexicons for c in lx.categories}
    for category, sub in shares.groupby("category", sort=False):
        used = sub[sub["set_total"] > 0]
        if used.empty:
            continue
        preferred = used.sort_values(["group", "count"], ascending=[True, False]).groupby("group").head(1)
        preferred = preferred[preferred["count"] > 0]
        if preferred["term"].nunique() < 2:
            continue
        a = preferred.iloc[0]
        b = preferred[preferred["term"] != a["term"]].iloc[0]

        out.append(f"{a['group']} says {_uses(used, a['group'], a['term'], b['term'])}; {b['group']} says "
                   f"{_uses(used, b['group'], a['term'], b['term'])}. What does each word assume about who or what it "
                   f"describes? ({category}: {notes.get(category) or ''})".strip())
        if len(out) >= limit:
            break
    return out


def _uses(shares: pd.DataFrame, group: str, t1: str, t2: str) -> str:
    row = shares[shares["group"] == group].set_index("term")["count"]
    return f"'{t1}' {_times(row.get(t1, 0))} and '{t2}' {_times(row.get(t2, 0))}"


def _times(n) -> str:
    n = int(n)
    return "never" if n == 0 else "once" if n == 1 else f"{n} times"

