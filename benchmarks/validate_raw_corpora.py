"""Read every table and folder under a corpora directory the way a new user would, and account
for every record: `python benchmarks/validate_raw_corpora.py PATH/TO/corpora [--only NAME]`.

For each file: the records found by an independent count (Python's csv module with the
dialect framing detected, or lines for JSON Lines; Parquet rows), framing's documents, its
skipped inputs by reason, and whether documents + skipped = records; then what cleaning finds
(boilerplate removed per source, exact and near duplicates). A file without a `text` column is
read with the column framing's own error message names (the user's next step), and said so.
Nothing of the corpora is written anywhere.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import logging
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

from framing.cleaning import clean
from framing.corpus import Columns, read_corpus
from framing.errors import InputError
from framing.reading.dialect import looks_like_table, sniff
from framing.text import decode

TABLES = (".csv", ".tsv", ".jsonl", ".gz", ".zip", ".txt", ".parquet")


def raw_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    elif path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            data = zf.read(zf.namelist()[0])
    return decode(data).text


def independent_records(path: Path) -> int | None:
    """Records counted without framing's reader: JSON Lines by non-blank lines; delimited files by
    Python's csv module in the dialect framing detected (so the count checks the bookkeeping,
    not the detection); a Ctrl-Z last line counts as a record, as framing lists it."""
    name = path.name.removesuffix(".gz").removesuffix(".zip")
    text = raw_text(path)
    if name.endswith(".jsonl"):
        return sum(1 for line in text.splitlines() if line.strip())
    hint = "\t" if name.endswith(".tsv") else ","
    dialect = looks_like_table(text) if name.endswith(".txt") else sniff(text, hint=hint)
    if dialect is None:
        return None
    if dialect.quoting == "none":
        rows = [line for line in text.splitlines() if line.strip()]
    else:
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=dialect.sep) if any(c.strip() for c in r)]
    return len(rows) - (1 if dialect.header else 0)


def suggested_text_column(message: str) -> str | None:
    m = re.search(r"--text-col (\S+)\)", message)
    return m.group(1) if m else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path)
    parser.add_argument("--only", help="only files whose path contains this")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    files = sorted(p for p in args.corpora.rglob("*") if p.is_file() and p.suffix in TABLES
                   and (not args.only or args.only in str(p)))
    for path in files:
        rel = path.relative_to(args.corpora)
        t = time.perf_counter()
        columns, how = Columns(), "as it is"
        try:
            corpus = read_corpus(path, columns)
        except InputError as exc:
            column = suggested_text_column(str(exc))
            if column is None:
                print(f"{rel}: refused: {str(exc).split(': ', 1)[-1][:160]}")
                continue
            columns, how = Columns(text=column), f"with --text-col {column} (as the error message says)"
            try:
                corpus = read_corpus(path, columns)
            except InputError as exc2:
                print(f"{rel}: refused {how}: {str(exc2).split(': ', 1)[-1][:160]}")
                continue
        records = independent_records(path) if path.suffix != ".parquet" else None
        found = len(corpus) + len(corpus.skipped)
        reasons = Counter(s.reason.split(" (")[0] for s in corpus.skipped)
        cleaned = clean(corpus)
        c = cleaned.cleaning
        removal = c.removal
        groups = c.duplicates.groups.values()
        top = [f"{r['source']}: {r['removed most often'].split('; ')[0]}" for r in c.boilerplate_rows(top=1)[:2]]
        balance = "?" if records is None else ("=" if records == found else "!=")
        print(f"{rel} ({how}): {records} records {balance} {len(corpus):,} documents + {len(corpus.skipped):,} "
              f"skipped {dict(reasons)}; {len({d.source for d in corpus}):,} sources; boilerplate: "
              f"{removal.affected:,} documents cleaned ({removal.lines:,} lines, {removal.pieces:,} pieces)"
              f"{', e.g. ' + '; '.join(top) if top else ''}; duplicates within groups: "
              f"{sum(g.exact for g in groups):,} exact, {sum(g.near for g in groups):,} near; "
              f"{sum(g.exact_across for g in groups):,} with an exact copy in another group; "
              f"{time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
