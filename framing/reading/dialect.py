"""How a delimited text file is written: its separator, whether quotation marks quote cells, and
whether the first row is a header. Detected from a sample when the user does not say.

Why our own sniffer rather than `csv.Sniffer` or clevercsv: news tables hold long, multi-line,
quoted cells (a whole article per cell), and both judge quoting from a short sample of lines, so
they read the AllSides and convention CSVs as unquoted (clevercsv 0.8) or give up. Here each
candidate dialect is parsed on a sample of whole records and the one whose records agree on
their number of fields wins. Quoting is turned off when every line splits into the same number
of fields without it (multi-line quoted cells make that all but impossible): headline lists such
as the Google-News TSV, where a title starting with '"' would otherwise swallow the lines after
it. Cells that a spreadsheet wrapped in quotation marks are then unwrapped. The readers check
the choice on the whole file (`framing.reading.tables`).
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

Quoting = Literal["auto", "csv", "none"]
Header = Literal["auto", "yes", "no"]
SEPARATORS = (",", "\t", ";", "|")
SAMPLE_CHARS = 512 * 1024
SAMPLE_RECORDS = 300

csv.field_size_limit(2**31 - 1)  # one cell may hold a whole article


@dataclass(frozen=True)
class Dialect:
    sep: str
    quoting: Literal["csv", "none"]
    header: bool
    fields: int  # the number of fields most records have

    def describe(self) -> str:
        name = {",": "comma", "\t": "tab", ";": "semicolon", "|": "bar"}.get(self.sep, repr(self.sep))
        quoting = "quoted cells" if self.quoting == "csv" else "no quoting"
        return f"{name}-separated, {quoting}, {'a header row' if self.header else 'no header row'}"


def _sample(text: str) -> tuple[str, bool]:
    """The first SAMPLE_CHARS of `text`, cut after a line break; and whether it was cut."""
    if len(text) <= SAMPLE_CHARS:
        return text, False
    cut = text.rfind("\n", 0, SAMPLE_CHARS)
    return (text[:cut + 1] if cut > 0 else text[:SAMPLE_CHARS]), True


def _records(sample: str, sep: str, quoting: str, cut: bool) -> list[list[str]]:
    if quoting == "none":
        rows = [line.split(sep) for line in sample.splitlines() if line.strip()]
    else:
        # newline="": a lone \r outside quotes ends a record, as for pandas (not a csv.Error)
        rows = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=sep) if any(c.strip() for c in r)]
        if cut and rows:
            rows = rows[:-1]  # may be a record cut in the middle of a quoted cell
    return rows[:SAMPLE_RECORDS]


def _agreement(rows: list[list[str]]) -> tuple[float, int]:
    """The share of rows with the most common number of fields, and that number."""
    if not rows:
        return 0.0, 0
    fields, n = Counter(len(r) for r in rows).most_common(1)[0]
    return n / len(rows), fields


def sniff(text: str, *, hint: str = ",", sep: str | None = None, quoting: Quoting = "auto",
          header: Header = "auto") -> Dialect:
    """The dialect of a delimited file; `sep`, `quoting` and `header` override detection."""
    sample, cut = _sample(text)
    seps = (sep,) if sep else (hint, *(s for s in SEPARATORS if s != hint))
    best: tuple | None = None
    for s in seps:
        for q in ("csv", "none") if quoting == "auto" else (quoting,):
            rows = _records(sample, s, q, cut)
            share, fields = _agreement(rows)
            if q == "none" and quoting == "auto" and share < 1.0:
                continue  # without quoting only if every line of the sample has the same fields
            # A separator that splits at all; then the most agreement; then the file's own
            # extension; then no quoting, which keeps quotation marks in the text.
            score = (fields > 1, share, s == hint, q == "none")
            if best is None or score > best[0]:
                best = (score, s, q, rows, fields)
    assert best is not None
    _, s, q, rows, fields = best
    has_header = {"yes": True, "no": False}.get(header)
    if has_header is None:
        if q == "none":  # judged on the cells the reader will see, without a spreadsheet's wrapping
            rows = [[unwrap(c) for c in r] for r in rows]
        has_header = looks_like_header(rows)
    return Dialect(sep=s, quoting=q, header=has_header, fields=fields)


# A cell a spreadsheet wrapped in quotation marks, inner marks doubled: one definition for the
# sniffer (`unwrap`, cell by cell) and the reader (`tables._unwrapped`, column by column).
WRAPPED = re.compile(r'"(?:[^"]|"")*"', re.S)


def unwrap(cell: str) -> str:
    """A cell that a spreadsheet wrapped in quotation marks (`"a ""b"" c"`) without the wrapping,
    as `framing.reading.tables` reads it from a file without quoting; any other cell as it is."""
    return cell[1:-1].replace('""', '"') if WRAPPED.fullmatch(cell) else cell


def looks_like_table(text: str) -> Dialect | None:
    """The dialect of a `.txt` file that is really a table (every line of its sample splits into
    the same two or more fields on one separator), else None."""
    sample, cut = _sample(text)
    lines = [line for line in sample.splitlines() if line.strip() and line != "\x1a"]  # Ctrl-Z: end of file
    if len(lines) < 5:
        return None
    for s in ("\t", ",", ";", "|"):
        share, fields = _agreement([line.split(s) for line in lines[:SAMPLE_RECORDS]])
        if fields >= 2 and share >= 0.98:
            return sniff(text, hint=s)
    return None


# ---- the header row ------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?\Z")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{8}\Z")
_URL = re.compile(r"(?:https?://|www\.)\S+\Z", re.I)
_NAME = re.compile(r"[\w .\-/()#:]{1,60}\Z")


def _kind(cell: str) -> str:
    cell = cell.strip()
    if not cell:
        return "empty"
    if _NUMBER.match(cell):
        return "number"
    if _DATE.match(cell):
        return "date"
    if _URL.match(cell):
        return "url"
    return "text"


def column_kinds(rows: list[list[str]], width: int) -> list[str]:
    """The kind most cells of each column have (number, date, url, text, or mixed)."""
    kinds = []
    for j in range(width):
        cells = [_kind(r[j]) for r in rows if j < len(r)]
        cells = [k for k in cells if k != "empty"]
        if not cells:
            kinds.append("empty")
            continue
        kind, n = Counter(cells).most_common(1)[0]
        kinds.append(kind if n >= 0.8 * len(cells) else "mixed")
    return kinds


def looks_like_header(rows: list[list[str]]) -> bool:
    """Whether the first row names the columns rather than holding a record.

    Each column votes: one of numbers, dates or links whose first cell is not one (+1) or is
    (-1); a column of long texts whose first cell is a short name (+1); a column of repeated
    values (sources) whose first cell repeats below (-1) or never does (+1). Without votes, a
    first row of distinct short names is a header."""
    if len(rows) < 2:
        return True
    first, body = rows[0], rows[1:]
    votes = 0
    for j, kind in enumerate(column_kinds(body, len(first))):
        cell = first[j].strip()
        column = [r[j].strip() for r in body if j < len(r) and r[j].strip()]
        if not column:
            continue
        if kind in {"number", "date", "url"}:
            votes += 1 if _kind(cell) != kind else -1
        elif kind == "text":
            lengths = sorted(len(c) for c in column)
            median = lengths[len(lengths) // 2]
            distinct = len(set(column)) / len(column)
            if median >= 30 and len(cell) < 0.3 * median and _NAME.match(cell):
                votes += 1
            elif distinct < 0.5 and len(column) >= 10:
                votes += -1 if cell in set(column) else 1
    if votes:
        return votes > 0
    cells = [c.strip() for c in first]
    return all(cells) and len(set(cells)) == len(cells) and all(_NAME.match(c) for c in cells)


def role_names(rows: list[list[str]], width: int) -> list[str]:
    """Names for the columns of a file without a header: `date` and `url` for the columns that
    hold them, `text` for the longest texts, `source` for the text column whose values repeat
    most, `column_N` for the rest (1-based)."""
    kinds = column_kinds(rows, width)
    names = [f"column_{j + 1}" for j in range(width)]
    for role in ("date", "url"):
        if role in kinds:
            names[kinds.index(role)] = role
    texts = [j for j, k in enumerate(kinds) if k in {"text", "mixed"} and names[j].startswith("column_")]

    def median_length(j: int) -> int:
        lengths = sorted(len(r[j]) for r in rows if j < len(r))
        return lengths[len(lengths) // 2] if lengths else 0

    if texts:
        text = max(texts, key=median_length)
        names[text] = "text"
        rest = [j for j in texts if j != text]
        if rest:
            def distinct(j: int) -> float:
                column = [r[j] for r in rows if j < len(r)]
                return len(set(column)) / max(len(column), 1)

            source = min(rest, key=distinct)
            if distinct(source) < 0.5:
                names[source] = "source"
    return names
