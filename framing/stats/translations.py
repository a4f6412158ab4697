"""Terms side by side across languages: each lexicon term that translates an English one
(`translation_of` in a lexicon), with the documents that use it, beside the English term's."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..counts import Counts
from ..model import Lexicon

COLUMNS = ["english_term", "category", "language", "lexicon", "term", "documents", "count"]


def translation_table(counts: Counts, lexicons: Sequence[Lexicon]) -> pd.DataFrame:
    """One row per term of a translation set: the English term itself (language of its lexicon)
    and every term of another lexicon whose `translation_of` names it, with the documents (over
    all groups) that use it and its count. Empty when no loaded lexicon has translation links."""
    position = counts.terms.position()
    documents = counts.documents.sum(axis=0)
    total = counts.count.sum(axis=0)
    linked = {t.translation_of for lx in lexicons for _, t in lx.terms() if t.translation_of}
    rows = []
    for lx in lexicons:
        for category, term in lx.terms():
            english = term.translation_of or (term.term if term.term in linked and not term.translation_of else None)
            if english is None:
                continue
            i = position[(lx.name, category.name, term.term)]
            rows.append({"english_term": english, "category": category.name, "language": lx.language,
                         "lexicon": lx.name, "term": term.term, "documents": int(documents[i]),
                         "count": int(total[i])})
    df = pd.DataFrame(rows, columns=COLUMNS)
    if df.empty:
        return df
    order = {lang: i for i, lang in enumerate(dict.fromkeys(lx.language for lx in lexicons))}
    df["_l"] = df["language"].map(order)
    df["_d"] = -df["documents"].astype(np.int64)
    return df.sort_values(["english_term", "_l", "_d", "term"], kind="mergesort").drop(columns=["_l", "_d"]) \
        .reset_index(drop=True)
