"""Validate the agency stage against hand labels nobody on this team wrote:
`python benchmarks/validate_breach.py PATH/TO/breach_canadian_gaza_2023`.

The Breach (Benjamin Cuthbert, github.com/bncuthbert/breach-gaza-coverage, Dec 2023) kept every
sentence with a fatal verb or noun from the Globe and Mail, the Toronto Star and the National
Post, 7 Oct - 24 Nov 2023, and labelled each with its victim (Israeli, Palestinian, Both,
Neither) and the responsible party it names (Israel, Hamas, Both, Neither). The published
finding: Palestinian deaths were more often reported without a responsible party than Israeli
deaths, in all three papers.

framing reads the same sentences (each one a document, normalised) with
`framing.analyses.agency.casualties` and prints, per paper and victim (Palestinian or Israeli;
"Both" and "Neither" left out):

- `clauses` and `agentless` share: the share of casualty clauses that are passive without an
  agent, intransitive or nominal (`agency_table`'s `agentless_share`), framing's own measure;
- `no agent`: the share of sentences in which framing names no agent in any clause (a
  sentence without a casualty clause counts as naming none);
- `no party`: the same, counting only agents that name a party by framing's rule
  (`names_party`: "Israeli airstrikes", "Hamas", "settlers" do; "an air strike", "the blast" do
  not), which is closer to what the coders labelled;
- `coders none`: the share the coders labelled responsible = Neither;
- `agree`: how often "framing names an agent" agrees with "the coders name a responsible
  party" (sentence by sentence), with the precision and recall of framing's "agent named";
  `agree party`: the same for "framing names a party";
- whether the published direction (Palestinian > Israeli) comes out for framing's measures.

The filter is the notebook's (`date >= '2023-10-07' and date <= '2023-11-24'`, as strings).
Nothing of the corpus is written anywhere.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from framing.analyses.agency import agency_table, casualties, names_party
from framing.model import Corpus, Document
from framing.text import normalize

OUTLETS = {"globe": "Globe and Mail", "star": "Toronto Star", "post": "National Post"}
VICTIMS = ("Palestinian", "Israeli")


def load(path: Path) -> pd.DataFrame:
    frames = []
    for outlet in OUTLETS:
        df = pd.read_csv(path / f"{outlet}_sentences.csv", dtype=str, keep_default_na=False)
        df = df[(df["date"] >= "2023-10-07") & (df["date"] <= "2023-11-24")]
        frames.append(df.assign(outlet=outlet))
    df = pd.concat(frames, ignore_index=True)
    df["doc_id"] = [f"{o}-{k}" for k, o in enumerate(df["outlet"])]
    return df


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sentences = load(Path(sys.argv[1]))
    corpus = Corpus("breach", tuple(Document(i, normalize(t)) for i, t in zip(sentences["doc_id"], sentences["sentence"])))
    rows = casualties(corpus, list(sentences["outlet"]))
    rows = rows.merge(sentences[["doc_id", "victim", "responsible"]], on="doc_id")
    sentences["framing_named"] = sentences["doc_id"].isin(rows.loc[rows["agent"] != "", "doc_id"])
    party = rows["agent"].map(names_party)
    sentences["framing_party"] = sentences["doc_id"].isin(rows.loc[party, "doc_id"])
    sentences["framing_found"] = sentences["doc_id"].isin(rows["doc_id"])
    sentences["coders_named"] = sentences["responsible"] != "Neither"
    print(f"{len(sentences)} labelled sentences; framing finds a casualty clause in "
          f"{sentences['framing_found'].mean():.1%} of them ({len(rows)} clauses)\n")

    header = (f"{'paper':<15} {'victim':<12} {'sentences':>9} {'clauses':>7} {'agentless':>9} {'no agent':>8} "
              f"{'no party':>8} {'coders none':>11} {'agree':>6} {'prec':>5} {'recall':>6} {'agree party':>11}")
    print(header)
    print("-" * len(header))
    result = {}
    for outlet, name in OUTLETS.items():
        for victim in VICTIMS:
            s = sentences[(sentences["outlet"] == outlet) & (sentences["victim"] == victim)]
            r = rows[(rows["group"] == outlet) & (rows["victim"] == victim)]
            table = agency_table(r, by="victim")
            agentless = float(table["agentless_share"].iloc[0]) if len(table) else float("nan")
            no_agent = 1 - s["framing_named"].mean()
            no_party = 1 - s["framing_party"].mean()
            agree_party = (s["framing_party"] == s["coders_named"]).mean()
            coders_none = 1 - s["coders_named"].mean()
            agree = (s["framing_named"] == s["coders_named"]).mean()
            both = (s["framing_named"] & s["coders_named"]).sum()
            precision = both / max(s["framing_named"].sum(), 1)
            recall = both / max(s["coders_named"].sum(), 1)
            result[outlet, victim] = (agentless, no_agent, no_party, coders_none)
            print(f"{name:<15} {victim:<12} {len(s):>9} {len(r):>7} {agentless:>9.1%} {no_agent:>8.1%} "
                  f"{no_party:>8.1%} {coders_none:>11.1%} {agree:>6.1%} {precision:>5.2f} {recall:>6.2f} "
                  f"{agree_party:>11.1%}")
    s = sentences[sentences["victim"].isin(VICTIMS)]
    print(f"\nall three papers, Palestinian or Israeli victims ({len(s)} sentences): framing's \"agent named\" "
          f"agrees with the coders for {(s['framing_named'] == s['coders_named']).mean():.1%}, "
          f"\"party named\" for {(s['framing_party'] == s['coders_named']).mean():.1%}")

    print("\nPublished direction: Palestinian deaths more often without a responsible party than Israeli deaths")
    measures = ("framing agentless", "framing no agent", "framing no party", "coders none")
    for outlet, name in OUTLETS.items():
        pal, isr = result[outlet, "Palestinian"], result[outlet, "Israeli"]
        print(f"  {name}: " + "; ".join(f"{m} {p:.1%} vs {i:.1%} ({'yes' if p > i else 'NO'})"
                                       for m, p, i in zip(measures, pal, isr)))
    for k, m in enumerate(measures[:3]):
        ok = all(result[o, "Palestinian"][k] > result[o, "Israeli"][k] for o in OUTLETS)
        print(f"direction reproduced in all three papers by {m}: {'yes' if ok else 'NO'}")

    counts = rows[rows["victim"].isin(VICTIMS)].groupby(["victim", "construction"]).size().unstack(fill_value=0)
    print("\nclauses by construction (three papers):")
    print(counts.to_string())


if __name__ == "__main__":
    main()
