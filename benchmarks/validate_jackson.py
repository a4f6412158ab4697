"""Validate counts against published numbers nobody on this team wrote:
`python benchmarks/validate_jackson.py PATH/TO/holly_jackson_nyt_wp_wsj_2023`.

Holly Jackson's analysis of NYT coverage, 7-18 Oct 2023 (github.com/hollyjackson/casualty_mentions_nyt,
README): "slaughter" was used 53 times to describe Israeli deaths and 0 times for Palestinian
deaths; "massacre" 24 times and once. Her hand-tagged death sentences (victim = israel,
palestine or both) are in tagged_data_nyt_oct7_to_oct18.csv. framing counts `slaughter*` and
`massacre*` in them, grouped by victim, with and without de-duplicating repeated sentences.
Her counts were made on the articles, not only on these sentences, and her method is not
published, so small differences are expected; the direction and size must agree.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from framing import Columns, analyse, load_corpus
from framing.model import Category, Lexicon, Term
from framing.stats import frequencies

PUBLISHED = {("israel", "slaughter*"): 53, ("palestine", "slaughter*"): 0,
             ("israel", "massacre*"): 24, ("palestine", "massacre*"): 1}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = Path(sys.argv[1]) / "tagged_data_nyt_oct7_to_oct18.csv"
    lexicon = Lexicon("emotive", (Category("emotive", (Term("slaughter*"), Term("massacre*"))),))
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    for label, df in (("all rows", raw), ("repeated (article, sentence) pairs removed",
                                          raw.drop_duplicates(["article_index", "sentence"]))):
        corpus = load_corpus(df.reset_index(drop=True), Columns(text="sentence", source="category", id="none"))
        freq = frequencies(analyse(corpus, [lexicon]).counts).set_index(["group", "term"])["count"]
        print(f"{label}: {len(df)} sentences")
        for (group, term), published in PUBLISHED.items():
            ours = int(freq.get((group, term), 0))
            both = int(freq.get(("both", term), 0))
            print(f"  {term:<11} {group:<10} framing {ours:3d} (+{both} in sentences about both)  published {published:3d}")


if __name__ == "__main__":
    main()
