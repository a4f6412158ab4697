"""Reading a delimited or JSON Lines file into a DataFrame of one row per record, accounting for
every record: those that cannot be read are returned as `Skipped` with their line number, and
cells that look like a quoting error are reported. Never a raw parser message."""
from __future__ import annotations

import csv
import io
import json
import operator
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..errors import InputError
from ..model import Skipped
from ..text import DecodeFailure, decode
from .dialect import WRAPPED, Dialect, Header, Quoting, role_names, sniff, unwrap

EOF_MARK = "\x1a"  # Ctrl-Z: old DOS editors end a file with it
SUSPICIOUS_LINES = 10  # a cell holding this many line breaks, in a column whose cells hold none
SUSPICIOUS_LENGTH = 50  # or this many times the column's median length (and over 2,000 characters)


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame
    lines: tuple[int, ...]  # the line where each row starts, for messages
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()
    encoding: str = "utf-8"


def read_delimited(data: bytes, origin: str, *, hint: str, sep: str | None = None, quoting: Quoting = "auto",
                   header: Header = "auto", names: Sequence[str] | None = None, skip_lines: int = 0) -> Table:
    """A CSV/TSV file's records. Detects what is not given, and when quoting was only detected
    and cells swallowed the lines after them, reads the file again without quoting if that
    gives every line the same fields. `skip_lines`: lines of the file before those of `data`
    after its header, when `data` is a piece of a file (its header line, then later records)."""
    try:
        decoded = decode(data)
    except DecodeFailure as exc:
        raise InputError(origin, str(exc)) from None
    text, skipped = _strip_eof(decoded.text, origin, skip_lines)
    if not text.strip():
        raise InputError(origin, "empty file")
    dialect = sniff(text, hint=hint, sep=sep, quoting=quoting, header=header)
    notes = []
    if decoded.fallback:
        notes.append(f"{origin}: not valid UTF-8; decoded as Windows-1252 (check accents)")
    table = _parse(text, origin, dialect, names, skip_lines)
    suspicious = _suspicious(table)
    if quoting == "auto" and dialect.quoting == "none" and not _unquoted_agrees(text, dialect.sep):
        # Chosen on a sample; further down, lines disagree: quoted cells after all.
        dialect = Dialect(dialect.sep, "csv", dialect.header, dialect.fields)
        table = _parse(text, origin, dialect, names, skip_lines)
        suspicious = _suspicious(table)
    elif ((suspicious or table.skipped) and quoting == "auto" and dialect.quoting == "csv"
            and _unquoted_agrees(text, dialect.sep)):
        dialect = Dialect(dialect.sep, "none", dialect.header, dialect.fields)
        notes.append(f"{origin}: read without quoting: with quotation marks as quotes, {len(suspicious)} cell(s) "
                     f"ran over the lines after them and {len(table.skipped)} record(s) had too many fields, while "
                     "every line splits into the same fields without (give --quoting csv to insist)")
        table = _parse(text, origin, dialect, names, skip_lines)
        suspicious = _suspicious(table)
    for row, column, why in suspicious[:5]:
        notes.append(f"{origin}:{table.lines[row]} (column {column!r}): {why}; likely a quoting error "
                     "(check --quoting and --sep)")
    if len(suspicious) > 5:
        notes.append(f"{origin}: {len(suspicious) - 5} more cell(s) like these")
    if not dialect.header and not names:
        notes.append(f"{origin}: no header row ({dialect.describe()}); columns read as "
                     f"{', '.join(map(str, table.frame.columns))} (name them with --columns)")
    return Table(table.frame, table.lines, (*skipped, *table.skipped), (*notes, *table.notes), decoded.encoding)


def _strip_eof(text: str, origin: str, skip_lines: int = 0) -> tuple[str, list[Skipped]]:
    stripped = text.rstrip("\r\n")
    if stripped.endswith(EOF_MARK) and stripped[:-1].endswith(("\n", "\r")):
        line = stripped.count("\n") + 1 + skip_lines
        return stripped[:-1], [Skipped(f"{origin}:{line}", "end-of-file mark (Ctrl-Z), not a record")]
    return text, []


def _parse(text: str, origin: str, dialect: Dialect, names: Sequence[str] | None, skip_lines: int = 0) -> Table:
    bad: list[str] = []
    if names and len(names) != dialect.fields:
        raise InputError(origin, f"--columns names {len(names)} columns but the file has {dialect.fields} "
                         f"({dialect.describe()})")
    kwargs = dict(sep=dialect.sep, dtype=object, keep_default_na=False, on_bad_lines="warn", index_col=False,
                  quoting=csv.QUOTE_NONE if dialect.quoting == "none" else csv.QUOTE_MINIMAL)
    if names:
        kwargs.update(names=list(names), header=0 if dialect.header else None)
    elif not dialect.header:
        kwargs.update(header=None)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = pd.read_csv(io.StringIO(text), **kwargs)
        bad = [str(w.message) for w in caught if issubclass(w.category, pd.errors.ParserWarning)]
    except pd.errors.ParserError as exc:
        line = _line_in(str(exc))
        raise InputError(origin, f"cannot be read as {dialect.describe()} ({_plain(str(exc))}); "
                         "check --sep and --quoting", line=line) from None
    except (ValueError, pd.errors.EmptyDataError) as exc:
        raise InputError(origin, f"cannot be read as a table: {_plain(str(exc))}") from None
    if not names and not dialect.header:
        sample = frame.head(300).astype(str).values.tolist()
        frame.columns = role_names(sample, frame.shape[1])
    frame.columns = [str(c) for c in frame.columns]
    if dialect.quoting == "none":
        if dialect.header and not names:  # a header row wrapped in quotation marks like its cells
            frame.columns = [unwrap(c) for c in frame.columns]
        frame = _unwrapped(frame)
    first = (2 if dialect.header else 1) + skip_lines
    lines = _row_lines(frame, first, dialect.quoting)
    skipped = []
    found = [m for message in bad for m in re.finditer(r"line (\d+): expected (\d+) fields?, saw (\d+)", message)]
    record_lines = _record_lines(text, dialect, {int(m[1]) for m in found}) if found else {}
    for m in found:
        skipped.append(Skipped(f"{origin}:{record_lines[int(m[1])] + skip_lines}",
                               f"{m[3]} fields where the header has {m[2]} (a separator inside a cell, or a quoting "
                               "error?)"))
    return Table(frame, lines, tuple(skipped))


def _record_lines(text: str, dialect: Dialect, records: set[int]) -> dict[int, int]:
    """The line each of the given records (numbered from 1, as the parser's messages number them:
    blank lines are records too) starts on, counting the line breaks inside quoted cells."""
    if dialect.quoting == "none":
        return {n: n for n in records}
    reader = csv.reader(io.StringIO(text), delimiter=dialect.sep)
    out, last, previous = {}, max(records), 0
    for n, _ in enumerate(reader, start=1):
        if n in records:
            out[n] = previous + 1
        if n >= last:
            break
        previous = reader.line_num
    return {n: out.get(n, n) for n in records}


def _unwrapped(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells a spreadsheet wrapped in quotation marks ("a ""b"" c") without the wrapping, in a
    file read without quoting: the marks are the exporter's, not the text's."""
    for column in frame.columns:
        values = frame[column]
        wrapped = values.str.fullmatch(WRAPPED.pattern, na=False) if values.dtype == object else None
        if wrapped is not None and wrapped.any():
            frame.loc[wrapped, column] = values[wrapped].str.slice(1, -1).str.replace('""', '"', regex=False)
    return frame


def _row_lines(frame: pd.DataFrame, first: int, quoting: str) -> tuple[int, ...]:
    """The line each row starts on: rows are lines unless quoted cells hold line breaks."""
    n = len(frame)
    if quoting == "none" or n == 0:
        return tuple(range(first, first + n))
    breaks = None
    for column in frame.columns:
        counts = frame[column].astype(str).str.count("\n").to_numpy()
        breaks = counts if breaks is None else breaks + counts
    starts, line = [], first
    for b in breaks.tolist():
        starts.append(line)
        line += 1 + b
    return tuple(starts)


def _suspicious(table: Table) -> list[tuple[int, str, str]]:
    """(row, column, why) of cells far longer than their column's others, or holding many line
    breaks where the column's cells hold none: the mark of a quotation mark that opened a cell
    and closed it many records later."""
    found = []
    frame = table.frame
    if len(frame) < 10:
        return found
    for column in frame.columns:
        values = frame[column].astype(str)
        lengths = values.str.len()
        breaks = values.str.count("\n")
        median = float(lengths.median())
        long = (lengths > max(2000.0, SUSPICIOUS_LENGTH * median)) if median > 0 else lengths > 2000
        broken = (breaks >= SUSPICIOUS_LINES) & (float(breaks.median()) == 0)
        for i in frame.index[(long | broken).to_numpy()]:
            found.append((int(i), column, f"{int(lengths[i]):,} characters and {int(breaks[i])} line breaks "
                                          f"(the column's median is {median:,.0f} characters)"))
    return sorted(found)


def _unquoted_agrees(text: str, sep: str) -> bool:
    """Whether every line of the whole file has the same number of separators (at least one)."""
    counts = set(map(operator.methodcaller("count", sep), filter(str.strip, text.splitlines())))
    return len(counts) == 1 and counts != {0}


def _line_in(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _plain(message: str) -> str:
    """A parser message without the parser's jargon."""
    message = message.replace("Error tokenizing data. C error: ", "").strip()
    return message.rstrip(".") or "unreadable"


# Lines of JSON Lines end at \n (or \r\n, \r) only: str.splitlines would also break a line at
# U+0085, U+2028 and U+2029, which JSON strings may hold unescaped (json.dumps(ensure_ascii=False)).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_jsonl(data: bytes, origin: str, first_line: int = 1, *, piece: bool = False) -> Table:
    """One JSON object per line; a line that is not one is skipped and listed with its number.
    `first_line`, `piece`: `data` is a piece of a file beginning at that line, which may hold no
    object at all (the file as a whole is judged by the other pieces)."""
    try:
        text = decode(data).text
    except DecodeFailure as exc:
        raise InputError(origin, str(exc)) from None
    rows, lines, skipped = [], [], []
    # Most files end lines with \n alone: str.split is then the same cut, several times faster.
    for n, line in enumerate(_LINE_BREAK.split(text) if "\r" in text else text.split("\n"), start=first_line):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            skipped.append(Skipped(f"{origin}:{n}", f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(row, dict):
            skipped.append(Skipped(f"{origin}:{n}", "not a JSON object ({...})"))
            continue
        rows.append(row)
        lines.append(n)
    if not rows and piece:
        return Table(pd.DataFrame(), (), tuple(skipped))
    if not rows:
        reason = f" ({skipped[0].path}: {skipped[0].reason})" if skipped else ""
        raise InputError(origin, f"no JSON objects in this file{reason}; each line must be one JSON object")
    return Table(pd.DataFrame(rows), tuple(lines), tuple(skipped))
