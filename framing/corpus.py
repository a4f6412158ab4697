"""Reading corpora: folders of text files (with an optional manifest), CSV/TSV, JSON Lines,
Parquet, or a pandas DataFrame, into one `Corpus` of normalised `Document`s.

Only this module (and `framing.reading`, its parts) touches the input files. Problems that make
the whole input unusable raise `InputError` (naming the file, and line or column where one
applies); a record that cannot become a document is listed in `Corpus.skipped` with its line
and reason, so every record of the input is either analysed or accounted for.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import InputError
from .languages import language_code
from .model import Corpus, Document, Skipped
from .reading.cells import column_texts
from .reading.dates import DateColumn
from .reading.dialect import looks_like_table
from .reading.folders import check_manifest, is_glob, manifest_path, manifest_rows, read_text_file, walk
from .reading.options import Columns, ReadOptions
from .reading.tables import Table, read_delimited, read_jsonl
from .text import DecodeFailure, decode, normalize, strip_marks

log = logging.getLogger(__name__)

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}

__all__ = ["Columns", "ReadOptions", "from_dataframe", "read_corpus", "read_piece"]


def read_corpus(path: str | Path, columns: Columns | None = None, name: str | None = None, *,
                options: ReadOptions | None = None, follow_symlinks: bool = False) -> Corpus:
    """Read a folder of `.txt` files or one table file into a `Corpus`; `options` say how (see
    `ReadOptions`), `columns` is a shorthand for `ReadOptions(columns=...)`.

    In a folder, symbolic links are listed as skipped unless `follow_symlinks`, and even then a
    link is read only when its target lies inside the folder: a corpus folder must never ship a
    file from elsewhere on the machine (a link to /etc/passwd) into a shareable page."""
    options = _options(columns, options, follow_symlinks)
    path = Path(path)
    if not path.exists():
        if is_glob(path):
            raise InputError(path, "a glob pattern is read in partitions, by framing count and framing report "
                             "(framing count 'PATTERN' --table ... prints the counts' tables); here, give a file "
                             "or a folder")
        raise InputError(path, "no such file or folder; check the path")
    name = name or (path.stem if path.is_file() else path.resolve().name)
    if path.is_dir():
        return _read_folder(path, name, options)
    suffix = _table_suffix(path)
    if suffix in TABLE_SUFFIXES or (suffix == ".txt" and options.file_type == "table"):
        name = name if name != path.stem else path.name.split(".")[0]
        return _from_table(_read_table(path, options), options, name, str(path))
    if suffix == ".txt":
        return _read_txt(path, name, options)
    raise InputError(path, f"unsupported file type {path.suffix!r}; give a folder of .txt files or a "
                     ".csv, .tsv, .jsonl or .parquet file (optionally .gz, or alone in a .zip)")


def _options(columns: Columns | None, options: ReadOptions | None, follow_symlinks: bool) -> ReadOptions:
    options = options or ReadOptions()
    if columns is not None:
        options = replace(options, columns=columns)
    if follow_symlinks:
        options = replace(options, follow_symlinks=True)
    return options


def _read_txt(path: Path, name: str, options: ReadOptions) -> Corpus:
    """One article, unless the file is a table saved as .txt (every line the same fields)."""
    if options.file_type == "auto":
        try:
            dialect = looks_like_table(decode(path.read_bytes()).text)
        except (OSError, DecodeFailure):
            dialect = None
        if dialect is not None:
            table = _read_table(path, options, hint=dialect.sep)
            note = (f"{path}: read as a table, one document per line ({dialect.describe()}), because every "
                    "line splits into the same fields; give --file-type text to read it as one article")
            return _from_table(replace(table, notes=(note, *table.notes)), options, name, str(path))
    notes: list[str] = []
    doc = read_text_file(path, path.parent, {}, DateColumn(options.dayfirst), notes, keep_marks=options.keep_marks)
    return _finish(name, [doc], origin=path, notes=notes)


def _table_suffix(path: Path) -> str:
    """The file format of `path`, looking through .gz and inside a one-file .zip."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ""
    if suffixes and suffixes[-1] == ".zip":
        member = _zip_member(path)
        return Path(member).suffix.lower() if member else ""
    return suffixes[-1] if suffixes else ""


def _zip_member(path: Path) -> str | None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if not n.endswith("/") and not n.startswith("__MACOSX")]
    except (OSError, zipfile.BadZipFile):
        return None
    return names[0] if len(names) == 1 else None


def _table_bytes(path: Path) -> bytes:
    """The uncompressed bytes of a table file."""
    import gzip
    import zipfile

    if path.suffix.lower() == ".gz":
        try:
            return gzip.decompress(path.read_bytes())
        except (OSError, EOFError) as exc:
            raise InputError(path, f"not a valid .gz file: {exc}") from None
    if path.suffix.lower() == ".zip":
        member = _zip_member(path)
        if member is None:
            raise InputError(path, "a .zip corpus must hold exactly one table file")
        with zipfile.ZipFile(path) as zf:
            return zf.read(member)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def _read_table(path: Path, options: ReadOptions, hint: str | None = None) -> Table:
    import io

    suffix = _table_suffix(path)
    data = _table_bytes(path)
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(io.BytesIO(data))
        except (OSError, ValueError) as exc:
            raise InputError(path, f"not a readable Parquet file: {exc}") from None
        if options.names:
            frame = _renamed(frame, options.names, str(path))
        return Table(frame, tuple(range(1, len(frame) + 1)))
    if suffix in {".jsonl", ".ndjson"}:
        return read_jsonl(data, str(path))
    return read_delimited(data, str(path), hint=hint or ("\t" if suffix == ".tsv" else ","), sep=options.sep,
                          quoting=options.quoting, header=options.header, names=options.names)


def _renamed(frame: pd.DataFrame, names: Sequence[str], origin: str) -> pd.DataFrame:
    if len(names) != frame.shape[1]:
        raise InputError(origin, f"--columns names {len(names)} columns but the file has {frame.shape[1]}")
    return frame.set_axis(list(names), axis=1)


def from_dataframe(df: pd.DataFrame, columns: Columns | None = None, name: str = "corpus",
                   origin: str = "<DataFrame>", *, options: ReadOptions | None = None) -> Corpus:
    """A `Corpus` from a DataFrame with one row per document; extra columns become metadata."""
    options = _options(columns, options, False)
    return _from_table(Table(df, tuple(range(2, len(df) + 2))), options, name, origin)


def _plain(text: str) -> str:
    return strip_marks(normalize(text))


def _resolve(frame: pd.DataFrame, columns: Columns, origin: str) -> tuple[Columns, list[str]]:
    """`columns`, with a default name matched regardless of case when the table has no exact
    match (a "Text" column is the text)."""
    defaults, notes, found = Columns(), [], {}
    names = [str(c) for c in frame.columns]
    for field in ("text", "source", "date", "title", "url", "id", "language"):
        wanted = getattr(columns, field)
        if wanted in names or wanted != getattr(defaults, field):
            continue
        alike = [c for c in names if c.strip().lower() == wanted]
        if len(alike) == 1:
            found[field] = alike[0]
            notes.append(f"{origin}: column {alike[0]!r} read as the {field}")
    return replace(columns, **found), notes


def _longest(df: pd.DataFrame) -> str:
    """A hint naming the column whose cells hold the most words (not the longest links)."""
    words = {str(c): df[c].head(200).map(lambda v: str(v).count(" ")).median() for c in df.columns}
    best = max(words, key=words.get, default=None)
    return f" (the most words are in {best!r}: --text-col {best})" if best and words[best] >= 5 else ""


def _unique_or_none(ids: list[str | None], column: str, origin: str, notes: list[str]) -> list[str | None]:
    """The ids of a column the user did not name, if they identify the rows; else row numbers.
    (A column the user names must be unique: `_finish` says which ids repeat.)"""
    present = [i for i in ids if i]
    if len(set(present)) == len(present):
        return ids
    notes.append(f"{origin}: column {column!r} repeats values ({len(present) - len(set(present)):,} repeats), "
                 "so documents are identified by their line instead (name an id column with --id-col)")
    return [None] * len(ids)


def read_piece(path: str | Path, start: int, end: int, first_line: int, *, options: ReadOptions | None = None,
               head_end: int = 0, sep: str | None = None, quoting: str = "auto", header: bool = True) -> Corpus:
    """The documents of bytes [start, end) of a JSON Lines, CSV or TSV file, which begin at line
    `first_line`: a piece of a file too large to read at once (`framing.engines.job`). A CSV
    piece is read with the separator, quoting and header found for the whole file, after the
    header line (bytes [0, head_end)) when it has one. Lines are numbered as in the whole file,
    so rows are named and skipped lines listed as they would be."""
    options = options or ReadOptions()
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(head_end) if header and start > 0 else b""
            fh.seek(start)
            data = fh.read(end - start)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    name, origin = path.name.split(".")[0], str(path)
    if sep is None:
        table = read_jsonl(data, origin, first_line, piece=True)
        if table.frame.empty:
            return Corpus(name, (), table.skipped)
    else:
        skip = first_line - 2 if head else first_line - 1
        table = read_delimited(head + data, origin, hint=sep, sep=sep, quoting=quoting,  # type: ignore[arg-type]
                               header="yes" if header else "no", names=options.names, skip_lines=skip)
    return _from_table(table, options, name, origin)


def _from_table(table: Table, options: ReadOptions, name: str, origin: str) -> Corpus:
    df = table.frame
    columns, notes = _resolve(df, options.columns, origin)
    if columns.text not in df.columns:
        raise InputError(origin, f"no text column {columns.text!r}; columns are {list(map(str, df.columns))}; "
                         f"name the text column with --text-col{_longest(df)}", column=columns.text)
    known = {columns.text, columns.source, columns.date, columns.title, columns.url, columns.id, columns.language}
    n, lines = len(df), table.lines

    def column(name: str) -> list[str | None]:
        if name not in df.columns:
            return [None] * n
        return column_texts(df[name].tolist(), name, origin, lines)

    clean = normalize if options.keep_marks else _plain
    texts = [clean(t) if t else "" for t in column(columns.text)]
    sources, date_cells, ids = column(columns.source), column(columns.date), column(columns.id)
    titles, urls = column(columns.title), column(columns.url)
    languages = [language_code(v) if v else None for v in column(columns.language)]
    if columns.id == Columns().id or columns.id != options.columns.id:
        ids = _unique_or_none(ids, columns.id, origin, notes)
    extra = {c: column(c) for c in df.columns if c not in known}
    dates = DateColumn(options.dayfirst)
    results: list[Document | Skipped] = []
    for i in range(n):
        where = f"{origin}:{lines[i]}"
        if not texts[i]:
            results.append(Skipped(where, "empty text"))
            continue
        results.append(Document(
            id=ids[i] or f"row{lines[i]}", text=texts[i], source=sources[i],
            date=dates.parse(date_cells[i], where), title=clean(titles[i]) if titles[i] else None,
            url=urls[i], meta={k: v[i] for k, v in extra.items() if v[i]}, language=languages[i],
        ))
    summary = dates.summary(columns.date)
    notes = [*table.notes, *notes, *([summary] if summary else [])]
    return _finish(name, [*results, *table.skipped], origin=origin, notes=notes)


def _read_folder(root: Path, name: str, options: ReadOptions) -> Corpus:
    files, skipped = walk(root, options.follow_symlinks)
    manifest = _read_manifest(root, options)
    if not files:
        raise InputError(root, "no .txt files in this folder (searched recursively); "
                         "put one article per .txt file, or give a .csv/.jsonl/.parquet file (a folder of "
                         "such files is read in partitions, by framing count and framing report)")
    check_manifest(root, manifest)
    dates, notes = DateColumn(options.dayfirst), []
    results: list[Document | Skipped] = []
    for path in files:
        meta = manifest.get(path.relative_to(root).as_posix(), (None, {}))[1]
        results.append(read_text_file(path, root, meta, dates, notes, keep_marks=options.keep_marks))
    summary = dates.summary("date")
    return _finish(name, [*results, *skipped], origin=root, notes=[*notes, *([summary] if summary else [])])


def _read_manifest(root: Path, options: ReadOptions) -> dict[str, tuple[int, dict[str, Any]]]:
    path = manifest_path(root)
    if not path.is_file():
        return {}
    table = _read_table(path, replace(options, names=None, header="yes"))
    if table.skipped:
        s = table.skipped[0]
        raise InputError(path, f"a manifest row cannot be read ({s.path}: {s.reason})")
    return manifest_rows(path, table.frame, table.lines)


def _finish(name: str, results: Iterable[Document | Skipped], origin: str | Path,
            notes: Iterable[str] = ()) -> Corpus:
    docs = [r for r in results if isinstance(r, Document)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    notes = list(notes)
    seen: dict[str, str] = {}
    for d in docs:
        where = str(d.meta.get("file", d.id))
        if d.id in seen:
            raise InputError(origin, f"duplicate document id {d.id!r} ({seen[d.id]} and {where}); "
                             "document ids must be unique")
        seen[d.id] = where
    if not docs:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3])
        raise InputError(origin, f"no readable documents ({reasons})" if reasons else "no documents")
    for note in notes:
        log.warning(note)
    return Corpus(name=name, documents=tuple(docs), skipped=tuple(skipped), notes=tuple(notes))
