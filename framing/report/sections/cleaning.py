"""What was cleaned before counting: boilerplate removed per source, duplicates per group and
how many documents each de-duplication choice keeps (computed when the corpus was cleaned)."""
from __future__ import annotations

import pandas as pd

from ..inputs import ReportInputs
from ..model import Section
from ..names import visible_controls
from ..tables import table


def build(inputs: ReportInputs) -> Section | None:
    cleaning = inputs.source.cleaning
    if cleaning is None:
        return None
    letters = {real: letter for letter, real in inputs.blind_key}
    intro, tables = [], []
    removal = cleaning.removal
    if removal is None:
        intro.append("Boilerplate was kept (--keep-boilerplate): lines repeated across a source's documents, such "
                     "as captions and sign-up prompts, are counted like any text.")
    elif not removal.affected:
        intro.append("No boilerplate was found: no line repeats across 5% (and at least 5) of a source's documents.")
    else:
        intro.append(f"Boilerplate removed before counting: {removal.lines:,} lines and {removal.pieces:,} pieces of "
                     f"lines from {removal.affected:,} documents ({removal.characters:,} characters), lines repeated "
                     "across at least 5% (and 5) of a source's documents, and ' - Publisher' suffixes. "
                     "framing ... --keep-boilerplate keeps them.")
        if inputs.blind_key:  # sources and their suffixes (" - Reuters") would name the groups
            intro.append("The table of what was removed per source is left out of a blind report: it names them.")
        else:
            rows = cleaning.boilerplate_rows()
            tables.append(table("cleaning-boilerplate", "Boilerplate removed, per source",
                                pd.DataFrame(rows).map(lambda v: visible_controls(v) if isinstance(v, str) else v)))
    rows = cleaning.duplicate_rows()
    exact = sum(r["exact duplicates"] for r in rows)
    near = sum(r["near duplicates"] for r in rows)
    dropped = {"none": "All were kept (framing ... --dedupe exact or --dedupe near drops them).",
               "exact": "Exact duplicates were dropped (--dedupe exact): the first of each is kept.",
               "near": "Near duplicates were dropped (--dedupe near): the first of each cluster is kept."}
    intro.append(f"Duplicates within groups (by {cleaning.by}): {exact:,} exact (the same text once case, spacing and "
                 f"punctuation are ignored) and {near:,} near (TF-IDF cosine of at least {cleaning.duplicates.near:g}, "
                 f"exact ones included). {dropped[cleaning.dedupe]} Copies in other groups are counted, never "
                 "dropped: each source's copy belongs to its comparison.")
    if exact or near or any(r["exact copies in other groups"] for r in rows):
        for r in rows:
            r["group"] = visible_controls(letters.get(r["group"], r["group"]))
        tables.append(table("cleaning-duplicates", "Duplicates per group, and the documents each choice keeps",
                            pd.DataFrame(rows)))
    return Section("cleaning", "Cleaning: boilerplate and duplicates", tuple(intro), tables=tuple(tables))
