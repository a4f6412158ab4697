"""The same word across languages: each English lexicon term beside its translations in the
other loaded lexicons (their `translation_of` links), with the documents that use each."""
from __future__ import annotations

import pandas as pd

from ... import stats
from ..inputs import ReportInputs
from ..model import Section
from ..names import visible_controls
from ..tables import table


def build(inputs: ReportInputs) -> Section | None:
    a = inputs.analysis
    if len({lx.language for lx in a.lexicons}) < 2:
        return None
    df = stats.translation_table(a.counts, a.lexicons)
    if df.empty or not df["documents"].any():
        return None
    used = df.groupby("english_term")["documents"].transform("sum") > 0
    df = df[used]
    languages = list(dict.fromkeys(df["language"]))
    rows = []
    for (english, category), part in df.groupby(["english_term", "category"], sort=False):
        row = {"category": visible_controls(category), "English term": visible_controls(english)}
        for lang in languages:
            cells = part[part["language"] == lang]
            row[lang] = "; ".join(f"{visible_controls(t)} ({n:,})" for t, n in zip(cells["term"], cells["documents"]))
        rows.append(row)
    intro = ("Each English term beside its translations in the other lexicons, with the number of documents "
             "that use each (a lexicon counts only in documents of its own language). Compare the choices "
             "within each language: which of its words for the same people does each language's press prefer? "
             "framing stats --table translations prints every row.",)
    return Section("translations", "The same word across languages", intro,
                   tables=(table("translations", "Terms and their translations, documents using each",
                                 pd.DataFrame(rows), command="framing stats --table translations"),))
