"""Report size, speed and memory: `python benchmarks/bench_report.py [--docs 10000] [--gaza PATH]
[--baseline-rev REV] [--browser]`.

Scenarios, each run in a fresh process so that its peak memory is its own:

- `synthetic`: 10,000 real-looking articles from 5 sources (with titles and dates).
- `gaza` (with `--gaza PATH` to gaza-news.txt of the Google-News "Gaza" headlines, see
  shared/corpora/gaza_google_news_headlines/SOURCE.md): every headline of all 756 publishers, read
  as that file's notes say (tab-separated, no header, the trailing " - Publisher" stripped).

Printed per scenario: the time to read, match and build the report, peak memory, page size and,
with `--browser` (Debian's chromium), the time from navigation to the first figure drawn. The
baseline printed beside it is measured in the same run: pandas reading the same data, and with
`--baseline-rev REV` (e.g. the commit before the report was rebuilt) the same report made by that
revision's code, extracted with `git archive` into a temporary folder.
Targets: Gaza headlines under 30 s, under 1 GB, page under 15 MB, first figure within 5 s;
10,000 articles: page under 15 MB, build no slower than 30 s.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Run in a child process: builds one scenario's corpus, times the stages, prints JSON.
CHILD = r'''
import csv, datetime as dt, json, resource, sys, time
from pathlib import Path
import pandas as pd
scenario, arg, out = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
if scenario == "gaza":
    df = pd.read_csv(arg, sep="\t", header=None, names=["date", "source", "title", "url"],
                     quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
    df = df[df["source"] != ""]
    suffix = " - " + df["source"]
    df["text"] = [t[: -len(s)] if t.endswith(s) else t for t, s in zip(df["title"], suffix)]
    df = df.drop(columns=["title"])
    df["date"] = df["date"].str[:10]
else:
    sys.path.insert(0, sys.argv[4])
    from _corpus import documents
    n = int(arg)
    texts = documents(n * 4000 / 1e6)[:n]
    start = dt.date(2023, 10, 7)
    df = pd.DataFrame({"text": texts, "source": [f"Outlet {i % 5 + 1}" for i in range(len(texts))],
                       "title": [t[:80] for t in texts],
                       "date": [(start + dt.timedelta(days=i % 200)).isoformat() for i in range(len(texts))]})
t_pandas = time.perf_counter() - t0
from framing import analyse, load_corpus, load_lexicons, write_report
t0 = time.perf_counter()
corpus = load_corpus(df, name=scenario)
t_read = time.perf_counter() - t0
t0 = time.perf_counter()
analysis = analyse(corpus, load_lexicons(["israel-gaza"]))
t_match = time.perf_counter() - t0
t0 = time.perf_counter()
write_report(analysis, out)
t_report = time.perf_counter() - t0
print(json.dumps({"documents": len(corpus), "groups": len(analysis.groups), "pandas": t_pandas, "read": t_read,
                  "match": t_match, "report": t_report,
                  "peak_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6,
                  "mb": Path(out).stat().st_size / 1e6}))
'''


def run(scenario: str, arg: str, out: Path, code: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code))
    # From the output's folder: `python -c` puts the working directory first on sys.path, which
    # would import the checkout's framing whatever `code` says.
    res = subprocess.run([sys.executable, "-c", CHILD, scenario, arg, str(out), str(HERE)], env=env,
                         capture_output=True, text=True, check=False, cwd=out.parent)
    if res.returncode:
        raise SystemExit(f"{scenario} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def first_figure(path: Path) -> float | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        page.goto(path.as_uri(), timeout=300_000)
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length > 0", timeout=300_000)
        # Milliseconds from navigation to the first figure drawn (the page's script marks it);
        # for an older page without the mark, to the first plot found.
        ms = page.evaluate("window.__framingFirstFigure || performance.now()")
        browser.close()
    return ms / 1000


def line(name: str, r: dict, browser_s: float | None) -> str:
    total = r["read"] + r["match"] + r["report"]
    shown = f"{name:<10} {r['documents']:>6} docs {r['groups']:>4} groups | read {r['read']:5.1f} s  match {r['match']:5.1f} s" \
            f"  report {r['report']:6.1f} s  total {total:6.1f} s | peak {r['peak_gb']:.2f} GB | page {r['mb']:6.1f} MB"
    if browser_s is not None:
        shown += f" | first figure {browser_s:.1f} s"
    return shown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--gaza", type=Path, help="gaza-news.txt of the Google-News Gaza headlines")
    ap.add_argument("--baseline-rev", help="also run this git revision's code on the same data")
    ap.add_argument("--browser", action="store_true", help="time the first figure in Debian's chromium")
    args = ap.parse_args()
    scenarios = [("synthetic", str(args.docs))] + ([("gaza", str(args.gaza.resolve()))] if args.gaza else [])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        codes = [("now", ROOT)]
        if args.baseline_rev:
            old = tmp / "baseline"
            old.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline_rev, "framing", "lexicons"],
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
            codes.append((args.baseline_rev[:10], old))
        for scenario, arg in scenarios:
            results = {}
            for label, code in codes:
                out = tmp / f"{scenario}-{label}.html"
                t0 = time.perf_counter()
                r = run(scenario, arg, out, code)
                r["wall"] = time.perf_counter() - t0
                results[label] = r
                browser_s = first_figure(out) if args.browser else None
                r["browser"] = browser_s
                print(line(f"{scenario}/{label}", r, browser_s), flush=True)
            now = results["now"]
            total = now["read"] + now["match"] + now["report"]
            print(f"  baseline: pandas alone reads the data in {now['pandas']:.2f} s -> the report takes "
                  f"{total / max(now['pandas'], 1e-9):.0f}x that")
            if len(codes) > 1:
                base = results[codes[1][0]]
                base_total = base["read"] + base["match"] + base["report"]
                print(f"  against {codes[1][0]}: time {base_total / total:.1f}x faster, memory "
                      f"{base['peak_gb'] / now['peak_gb']:.1f}x less, page {base['mb'] / now['mb']:.1f}x smaller"
                      + (f", first figure {base['browser'] / now['browser']:.1f}x sooner"
                         if now.get("browser") and base.get("browser") else ""))
            if scenario == "gaza":
                ok = total < 30 and now["peak_gb"] < 1 and now["mb"] < 15 and (now["browser"] or 0) < 5
                print(f"  targets (under 30 s, 1 GB, 15 MB, first figure 5 s): {'met' if ok else 'NOT met'}")
            else:
                ok = now["mb"] < 15 and total <= 30
                print(f"  targets (page under 15 MB, build no slower than 30 s): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
