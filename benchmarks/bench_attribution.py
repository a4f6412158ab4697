"""Speed of the attribution stage (`framing.analyses.attribution.attributions`) on real articles:
`python benchmarks/bench_attribution.py PATH [--text-col COL] [--repeat N] [--baseline-rev REV]`.

Reads a table of articles (`.csv`, `.csv.gz`, `.jsonl`, `.parquet`; e.g. the AllSides Middle
East articles, `--text-col content_original`), normalises the texts as framing does, and times
`attributions` alone on one core: the CPU time of this process, best of N runs. Prints MB/s
(UTF-8 bytes of the normalised texts) and the rows found, and, in the same run and on the same
texts, the stage as it was at `--baseline-rev` (default: the revision before issue 10's speed
work), with the ratio and whether the rows are identical (`--baseline-rev none` skips it). The
two are timed in turn, run by run, so that a machine busy with something else slows both alike.
For comparison, the parts every run needs whatever the rules: the candidate scan, the
quotation spans, and `sentence_spans` over every text.
"""
from __future__ import annotations

import argparse
import atexit
import importlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import ROOT, stage_corpus

from framing.analyses.attribution import attributions, load_verb_classes
from framing.quotes import quote_spans
from framing.sentences import sentence_spans

# The last revision before the speed work of issue 10 (attributions 10.8-11.1 MB/s, casualties
# 23.8-24.5 MB/s on AllSides): the algorithm the ratios are measured against.
BASELINE_REV = "66018a59eec62c1c017fab4c761413fa28573429"


def baseline_module(rev: str, name: str) -> types.ModuleType:
    """`framing.analyses.<name>` as it was at git revision `rev`, imported beside the current one.

    The files of framing/analyses at `rev` are read with `git show` (nothing in the work tree or
    the repository changes) into a temporary package inside `framing`, so that their relative
    imports (`..model`, `..sentences`) find today's framing."""
    package = "framing._baseline_" + re.sub(r"\W", "_", rev)
    if package not in sys.modules:
        listing = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "framing/analyses/"],
                                 check=True, capture_output=True, text=True).stdout.split()
        folder = tempfile.mkdtemp(prefix="framing-baseline-")
        atexit.register(shutil.rmtree, folder, True)
        for path in (p for p in listing if p.endswith(".py")):
            source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], check=True,
                                    capture_output=True, text=True).stdout
            Path(folder, Path(path).name).write_text(source, encoding="utf-8")
        module = types.ModuleType(package)
        module.__path__ = [folder]
        sys.modules[package] = module
    return importlib.import_module(f"{package}.{name}")


def cpu_times(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The least CPU time of `repeat` runs of each function, in seconds, the functions run in turn."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--text-col", default="content_original")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--baseline-rev", default=BASELINE_REV, help="git revision to compare with, or 'none'")
    args = parser.parse_args()
    corpus, labels, texts, mb = stage_corpus(args.path, args.text_col)
    verbs = load_verb_classes()
    rows = attributions(corpus, labels, verbs=verbs)
    fns: dict[str, Callable[[], object]] = {"now": lambda: attributions(corpus, labels, verbs=verbs)}
    if args.baseline_rev != "none":
        old = baseline_module(args.baseline_rev, "attribution")
        old_verbs = old.load_verb_classes()
        old_rows = old.attributions(corpus, labels, verbs=old_verbs)
        fns["baseline"] = lambda: old.attributions(corpus, labels, verbs=old_verbs)
    times = cpu_times(fns, args.repeat)
    parts = cpu_times({"scan": lambda: [verbs._scan.spans(t) for t in texts],
                       "quotes": lambda: [quote_spans(t) for t in texts],
                       "sentences": lambda: [sentence_spans(t) for t in texts]}, args.repeat)
    print(f"{len(texts)} documents, {mb:.2f} MB, {len(rows)} attributions "
          f"({rows['verb_class'].value_counts().to_dict()})")
    print(f"attributions: {times['now']:.3f} s = {mb / times['now']:.1f} MB/s (CPU time, best of {args.repeat}, "
          "one core)")
    if "baseline" in times:
        print(f"  baseline {args.baseline_rev[:12]}: {times['baseline']:.3f} s = {mb / times['baseline']:.1f} MB/s; "
              f"now {times['baseline'] / times['now']:.2f}x as fast; rows identical: {old_rows.equals(rows)}")
    print(f"  for comparison: candidate scan {parts['scan']:.3f} s ({mb / parts['scan']:.0f} MB/s), quotation "
          f"spans {parts['quotes']:.3f} s, sentence_spans of every text {parts['sentences']:.3f} s "
          f"({mb / parts['sentences']:.0f} MB/s)")


if __name__ == "__main__":
    main()
