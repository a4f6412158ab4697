"""What was read and how it was grouped, with every skipped input and why."""
from __future__ import annotations

import pandas as pd

from ...engines.job import IN_MEMORY_BYTES
from ..inputs import ReportInputs
from ..model import Section
from ..names import visible_controls
from ..tables import table
from .reading import document_labels


def build(inputs: ReportInputs) -> Section:
    a = inputs.analysis
    c = a.counts
    index = {g: i for i, g in enumerate(c.groups)}
    first, last = {}, {}
    for d in a.corpus.documents:
        if d.date:
            g = a.doc_groups[d.id]
            first[g] = min(first.get(g, d.date), d.date)
            last[g] = max(last.get(g, d.date), d.date)
    names = document_labels(a)
    # One article per group (the seeds): say which article each group is, since ids are opaque.
    about = {a.doc_groups[d.id]: names[d.id] + (f" [story: {d.meta['story']}]" if d.meta.get("story") else "")
             for d in a.corpus.documents} if len(inputs.groups) == len(a.corpus) else {}
    rows = [{"group": g, **({"article": about[g]} if about else {}),
             "documents": int(c.group_documents[index[g]]), "tokens": int(c.tokens[index[g]]),
             "tokens in quotes": int(c.quoted_tokens[index[g]]), "lexicon matches": int(c.count[index[g]].sum()),
             "first date": first[g].isoformat() if g in first else "",
             "last date": last[g].isoformat() if g in last else ""} for g in inputs.groups]
    intro = [f"{inputs.documents:,} documents, {int(c.tokens.sum()):,} tokens, in {len(inputs.groups):,} groups "
             f"(by {a.by}), largest first. A token is a word as the tokenizer counts it (a hyphen separates "
             "words; 's is dropped)."]
    if inputs.from_counts:
        kept = ("the counts of every word and two-word phrase for discovery, its reporting verbs and casualty "
                "clauses (with the first examples of each), " if inputs.attributions is not None else "")
        missing = ["two tellings", "the reading view", "headlines"]
        if inputs.attributions is None:
            missing += ["discovery", "attribution", "agency: this file was written before framing counted them"]
        elif inputs.ngrams is None and len(inputs.groups) > 1:
            missing.append("discovery: " + ("the file keeps the vocabulary of all text, not of one voice"
                                            if inputs.voice != "all" else "documents repeated an id"))
        intro.append(f"Made from counts ({inputs.source.name}: a counts file, or a corpus counted in partitions): "
                     f"the counts and date of every document, {kept}without the texts, and a sample of each term's "
                     f"matches in context. The sections that read the texts ({', '.join(missing)}) need them: "
                     f"framing report reads a single file or folder of articles of up to "
                     f"{IN_MEMORY_BYTES // 10**6} MB of text whole (save a part of a larger corpus as a file of its "
                     "own); framing retellings, attributions and casualties read a file or folder whole, "
                     "whatever its size.")
    if inputs.pooled:
        intro.append(f"The figures show the {len(inputs.shown)} largest groups and pool the other "
                     f"{len(inputs.groups) - len(inputs.shown):,} as '{inputs.pooled}' (framing report --groups N "
                     "shows more); use 'Groups in the figures' below to bring any group in. Every group is in "
                     "the tables and their CSV downloads.")
    intro += [f"Lexicon: {lx.name} ({lx.language}; {len(lx.categories)} categories, "
              f"{sum(len(k.terms) for k in lx.categories)} terms)." for lx in a.lexicons]
    languages = a.languages()
    if set(languages) - {"und"} != {lx.language for lx in a.lexicons}:
        intro.append("Languages of the documents (their language column, else detected): "
                     + ", ".join(f"{lang} {n:,}" for lang, n in languages.items())
                     + ". A lexicon counts only in documents of its own language, and in those too short to tell "
                       "(und).")
        for name, langs in a.unmatched_languages().items():
            if langs:
                intro.append(f"{visible_controls(name)} was not applied to {sum(langs.values()):,} documents in "
                             "other languages (" + ", ".join(f"{lang} {n:,}" for lang, n in langs.items()) + ").")
    tables = [table("overview-groups", "Groups", pd.DataFrame(rows), max_rows=40)]
    skipped = inputs.source.skipped
    if skipped:
        tables.append(table("overview-skipped", "Inputs skipped, and why",
                            pd.DataFrame([{"input": visible_controls(s.path), "reason": visible_controls(s.reason)}
                                          for s in skipped])))
    else:
        intro.append("No input was skipped.")
    intro += [visible_controls(n) for n in inputs.source.notes]  # they name files
    data = {"groups": list(inputs.groups), "shown": list(inputs.shown), "pooled": inputs.pooled}
    return Section("overview", "Overview", tuple(intro), tables=tuple(tables),
                   widget="picker" if len(inputs.groups) > 1 else None, data=data)
