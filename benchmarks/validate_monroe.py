"""framing's `monroe-groups` against Burt Monroe's own `fwgroups` R code, run by R on the same data:
`python benchmarks/validate_monroe.py POLIBLOG_DIR --rmd FILE [--rscript Rscript]`.

POLIBLOG_DIR holds the poliblog5k counts (vocab.txt, counts_long.csv.gz, docvars.csv; see
../shared/corpora/poliblog5k_monroe_fightinwords/SOURCE.md). FILE is Monroe's tutorial
"TADA - FightinWords.Rmd" from github.com/burtmonroe/TextAsDataCourse (Tutorials/), from
which the `fwgroups` function is taken as written; its code is not copied into this project.
Needs R (base R only: `apt-get install r-base-core`).

Both compare the 2,853 Conservative and 2,147 Liberal posts, and then the six blogs. Prints
the largest difference in zeta, delta and se over every group and term, and each group's
top 10 terms by both.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from framing.stats import monroe_groups

R_SCRIPT = """
args <- commandArgs(trailingOnly = TRUE)
source(args[1])
trip <- read.csv(args[2])
meta <- read.csv(args[3], stringsAsFactors = FALSE)
nd <- nrow(meta); nt <- as.integer(args[4])
dtm <- matrix(0, nd, nt)
dtm[cbind(trip$doc_index + 1, trip$term_index + 1)] <- trip$count
colnames(dtm) <- paste0("t", seq_len(nt) - 1)
for (field in c("rating", "blog")) {
  fw <- fwgroups(dtm, groups = as.factor(meta[[field]]))
  for (part in c("zeta", "delta", "se")) {
    write.csv(fw[[part]], file.path(args[5], paste0(field, "_", part, ".csv")))
  }
}
"""


def fwgroups_source(rmd: Path) -> str:
    """The `fwgroups` function of Monroe's Rmd, as written there."""
    text = rmd.read_text(encoding="utf-8")
    m = re.search(r"^fwgroups <- function.*?^}\s*$", text, flags=re.S | re.M)
    if not m:
        sys.exit(f"{rmd}: no 'fwgroups <- function ... }}' block found")
    return m.group(0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("poliblog", type=Path)
    ap.add_argument("--rmd", type=Path, required=True, help="Monroe's 'TADA - FightinWords.Rmd'")
    ap.add_argument("--rscript", default="Rscript")
    args = ap.parse_args()
    vocab = (args.poliblog / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    trip = pd.read_csv(args.poliblog / "counts_long.csv.gz")
    meta = pd.read_csv(args.poliblog / "docvars.csv")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "fw.R").write_text(fwgroups_source(args.rmd), encoding="utf-8")
        (tmp / "run.R").write_text(R_SCRIPT, encoding="utf-8")
        trip.to_csv(tmp / "trip.csv", index=False)
        meta[["rating", "blog"]].to_csv(tmp / "meta.csv", index=False)
        proc = subprocess.run([args.rscript, str(tmp / "run.R"), str(tmp / "fw.R"), str(tmp / "trip.csv"),
                               str(tmp / "meta.csv"), str(len(vocab)), str(tmp)], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"R failed:\n{proc.stderr}")
        theirs = {name: pd.read_csv(tmp / f"{name}.csv", index_col=0)
                  for name in (f"{f}_{p}" for f in ("rating", "blog") for p in ("zeta", "delta", "se"))}
    for field in ("rating", "blog"):
        # framing: the groups x terms counts, as any framing table gives them.
        groups = sorted(meta[field].unique())
        g_of_doc = meta[field].map({g: i for i, g in enumerate(groups)}).to_numpy()
        counts = np.zeros((len(groups), len(vocab)))
        np.add.at(counts, (g_of_doc[trip["doc_index"]], trip["term_index"]), trip["count"])
        res = monroe_groups(counts)
        ours = {"zeta": res["z"], "delta": res["delta"], "se": np.sqrt(res["variance"])}
        cols = [int(c[1:]) for c in theirs[f"{field}_zeta"].columns]  # the terms fwgroups kept
        print(f"{field}: {len(groups)} groups, {len(cols)} terms")
        for part in ("zeta", "delta", "se"):
            r = theirs[f"{field}_{part}"].loc[groups].to_numpy()
            f = ours[part][:, cols]
            print(f"  {part:5s} largest difference {np.max(np.abs(r - f)):.2e} (largest |value| {np.max(np.abs(r)):.2f})")
        for i, g in enumerate(groups):
            r_top = [vocab[cols[j]] for j in np.argsort(-theirs[f"{field}_zeta"].loc[g].to_numpy(), kind="stable")[:10]]
            f_top = [vocab[j] for j in np.argsort(-ours["zeta"][i], kind="stable")[:10]]
            print(f"  {g:12s} R: {' '.join(r_top)}")
            print(f"  {'':12s} framing: {' '.join(f_top)}  ({'same' if r_top == f_top else 'DIFFERENT'})")


if __name__ == "__main__":
    main()
