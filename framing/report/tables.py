"""Tables for the page: the rows shown, their cells formatted for reading, and the CSV behind them."""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd

from ..output import safe_cells
from .model import Table

MAX_CSV_CHARS = 1_500_000  # per table embedded in the page; the CLI prints any table whole
PAGE_CSV_CHARS = 3_000_000  # all tables of a page together (see `within_budget`)


def table(id_: str, title: str, df: pd.DataFrame, max_rows: int = 60, note: str | None = None,
          command: str | None = None) -> Table:
    """The first `max_rows` rows shown, all rows (within the page's budget) in the CSV download.

    `command`: the `framing` command that prints the whole table, named when the CSV is cut."""
    notes = [note] if note else []
    shown = df.head(max_rows)
    if max_rows == 0:
        notes.append(f"{len(df):,} rows, in the CSV download.")
    elif len(df) > max_rows:
        notes.append(f"Showing {max_rows:,} of {len(df):,} rows; the CSV download has all of them.")
    df = safe_cells(df)  # the download opens in spreadsheets
    csv = df.to_csv(index=False, float_format="%.6g")
    if len(csv) > MAX_CSV_CHARS:
        # Rows are sorted with the most useful first, so a cut keeps the head of the table.
        keep = max(1, int(len(df) * MAX_CSV_CHARS / len(csv)))
        csv = df.head(keep).to_csv(index=False, float_format="%.6g")
        if notes and notes[-1].startswith("Showing"):
            notes.pop()
            notes.append(f"Showing {min(max_rows, keep):,} of {len(df):,} rows.")
        notes.append(f"To keep the page small the CSV download holds the first {keep:,} of {len(df):,} rows"
                     + (f"; `{command}` prints them all." if command else "."))
    rows = tuple(tuple(cell(v) for v in r) for r in shown.itertuples(index=False))
    return Table(id_, title, tuple(map(str, df.columns)), rows, csv, " ".join(notes) or None, command, len(df))


def within_budget(tables: list[Table], budget: int = PAGE_CSV_CHARS) -> list[Table]:
    """The tables with the largest CSVs cut (keeping their first rows) until all fit in `budget`
    characters together; each cut table says so in its note, naming the command that prints it."""
    sizes = [len(t.csv) for t in tables]
    if sum(sizes) <= budget:
        return tables
    # Give every table an equal share, and what small tables leave unused to the large ones.
    share, left, order = budget, len(tables), sorted(range(len(tables)), key=lambda i: sizes[i])
    caps = [0] * len(tables)
    for i in order:
        caps[i] = min(sizes[i], share // left)
        share -= caps[i]
        left -= 1
    out = []
    for t, size, cap in zip(tables, sizes, caps):
        if size <= cap:
            out.append(t)
            continue
        lines = t.csv.splitlines(keepends=True)
        kept, used = [lines[0]], len(lines[0])
        for line in lines[1:]:
            if used + len(line) > cap:
                break
            kept.append(line)
            used += len(line)
        note = (f"{t.note} " if t.note else "") + (
            f"To keep the page under 15 MB the CSV download holds the first {len(kept) - 1:,} of "
            f"{t.total_rows:,} rows" + (f"; `{t.command}` prints them all." if t.command else "."))
        out.append(replace(t, csv="".join(kept), note=note))
    return out


def cell(v):
    """A value as the page prints it: missing as empty, booleans as 'yes' or empty, numbers to
    three significant digits (thousands separated), never in exponent notation below 1e-3 unless
    the value really is that small."""
    if v is None or v is pd.NA or v is pd.NaT:
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "yes" if v else ""
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            return ""
        if v == 0:
            return "0"
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        if abs(v) < 0.001:
            return f"{v:.1e}"
        return f"{v:.3g}"
    return v
