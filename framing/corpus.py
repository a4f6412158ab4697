"""Reading corpora: folders of text files (with an optional manifest), CSV/TSV, JSON Lines,
Parquet, or a pandas DataFrame, into one `Corpus` of normalised `Document`s.

Only this module touches the input files. Problems that make the whole input unusable raise
`InputError` (naming the file, and line or column where one applies); problems with a single
document skip it and list it in `Corpus.skipped` with the reason.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import InputError
from .model import Corpus, Document, Skipped
from .text import DecodeFailure, decode, normalize

log = logging.getLogger(__name__)

TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")


@dataclass(frozen=True)
class Columns:
    """Which table columns hold which document field (the CLI's --text-col, --source-col, ...)."""

    text: str = "text"
    source: str = "source"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    id: str = "id"


def read_corpus(path: str | Path, columns: Columns | None = None, name: str | None = None, *,
                follow_symlinks: bool = False) -> Corpus:
    """Read a folder of `.txt` files or one table file into a `Corpus`.

    In a folder, symbolic links are listed as skipped unless `follow_symlinks`, and even then a
    link is read only when its target lies inside the folder: a corpus folder must never ship a
    file from elsewhere on the machine (a link to /etc/passwd) into a shareable page."""
    path = Path(path)
    columns = columns or Columns()
    if not path.exists():
        raise InputError(path, "no such file or folder; check the path")
    name = name or (path.stem if path.is_file() else path.resolve().name)
    if path.is_dir():
        return _read_folder(path, name, follow_symlinks)
    if _table_suffix(path) in TABLE_SUFFIXES:
        name = name if name != path.stem else _table_stem(path)
        return from_dataframe(_read_table(path), columns, name=name, origin=str(path))
    if path.suffix.lower() == ".txt":
        return _finish(name, [_read_text_file(path, path.parent, {})], origin=path)
    raise InputError(path, f"unsupported file type {path.suffix!r}; give a folder of .txt files or a "
                     ".csv, .tsv, .jsonl or .parquet file (optionally .gz, or alone in a .zip)")


def _table_suffix(path: Path) -> str:
    """The table format of `path`, looking through .gz and inside a one-file .zip."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return suffixes[-2] if len(suffixes) > 1 else ""
    if suffixes and suffixes[-1] == ".zip":
        member = _zip_member(path)
        return Path(member).suffix.lower() if member else ""
    return suffixes[-1] if suffixes else ""


def _table_stem(path: Path) -> str:
    return path.name.split(".")[0]


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
    return path.read_bytes()


def from_dataframe(df: pd.DataFrame, columns: Columns | None = None, name: str = "corpus",
                   origin: str = "<DataFrame>") -> Corpus:
    """A `Corpus` from a DataFrame with one row per document; extra columns become metadata."""
    columns = columns or Columns()
    if columns.text not in df.columns:
        raise InputError(origin, f"no text column {columns.text!r}; columns are {list(map(str, df.columns))}; "
                         "name the text column with --text-col", column=columns.text)
    known = {columns.text, columns.source, columns.date, columns.title, columns.url, columns.id}
    n = len(df)

    def column(name: str) -> list[Any]:
        return df[name].tolist() if name in df.columns else [None] * n

    raw_texts = [_cell(v) or "" for v in column(columns.text)]
    texts = [normalize(t) for t in raw_texts]
    sources, dates, ids = column(columns.source), column(columns.date), column(columns.id)
    titles, urls = column(columns.title), column(columns.url)
    extra = [c for c in df.columns if c not in known]
    metas = df[extra].to_dict("records") if extra else [{}] * n
    parsed_dates: dict[str, tuple[dt.date | None, bool]] = {}  # news dates repeat: parse each once
    results: list[Document | Skipped] = []
    notes: list[str] = []
    for i in range(n):
        # Line numbers count the header as line 1, as a spreadsheet shows them.
        where = f"{origin}:{i + 2}"
        if not texts[i]:
            results.append(Skipped(where, "empty text"))
            continue
        date_text = _cell(dates[i])
        if date_text not in parsed_dates:
            date, note = _parse_date(date_text, where)
            parsed_dates[date_text] = (date, note is not None)
        date, bad = parsed_dates[date_text]
        if bad:
            notes.append(f"{where}: date {date_text!r} is not a date; left empty")
        results.append(Document(
            id=_cell(ids[i]) or f"row{i + 2}", text=texts[i], source=_cell(sources[i]), date=date,
            title=_clean_opt(titles[i]), url=_cell(urls[i]), meta={k: v for k, v in metas[i].items() if _cell(v)},
        ))
    return _finish(name, results, origin=origin, notes=notes)


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None


def _clean_opt(value: Any) -> str | None:
    text = _cell(value)
    return normalize(text) if text else None


def _parse_date(value: str | None, where: str) -> tuple[dt.date | None, str | None]:
    if not value:
        return None, None
    try:
        return pd.Timestamp(value).date(), None
    except (ValueError, TypeError):
        return None, f"{where}: date {value!r} is not a date; left empty"


def _read_table(path: Path) -> pd.DataFrame:
    import io

    suffix = _table_suffix(path)
    try:
        if suffix == ".parquet":
            return pd.read_parquet(io.BytesIO(_table_bytes(path)))
        if suffix in {".jsonl", ".ndjson"}:
            return _read_jsonl(path)
        data = _table_bytes(path)
        if not data.strip():
            raise InputError(path, "empty file")
        decoded = decode(data)
        sep = "\t" if suffix == ".tsv" else ","
        # dtype=object: every cell a Python str straight from the C parser (pandas' Arrow-backed
        # strings would be converted back one by one when the documents are built).
        if decoded.encoding in ("utf-8", "utf-8-sig"):
            # Valid UTF-8 (just checked): let the C parser read the bytes rather than re-encode the text.
            return pd.read_csv(io.BytesIO(data), sep=sep, dtype=object, keep_default_na=False,
                               encoding=decoded.encoding)
        return pd.read_csv(io.StringIO(decoded.text), sep=sep, dtype=object, keep_default_na=False)
    except InputError:
        raise
    except DecodeFailure as exc:
        raise InputError(path, str(exc)) from None
    except pd.errors.ParserError as exc:
        line = _line_from_message(str(exc))
        raise InputError(path, f"not a valid table: {exc}", line=line) from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def _read_jsonl(path: Path) -> pd.DataFrame:
    try:
        text = decode(_table_bytes(path)).text
    except DecodeFailure as exc:
        raise InputError(path, str(exc)) from None
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"not valid JSON ({exc.msg}); each line must be one JSON object", line=n) from None
        if not isinstance(row, dict):
            raise InputError(path, "each line must be a JSON object ({...})", line=n)
        rows.append(row)
    if not rows:
        raise InputError(path, "empty file")
    return pd.DataFrame(rows)


def _line_from_message(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _walk(root: Path, follow_symlinks: bool) -> tuple[list[Path], list[Skipped]]:
    """The `.txt` files of a folder (any case of the extension), in path order, and every other
    entry listed with the reason it is not read. Links are followed only when asked and only
    to targets inside `root`; hidden files and folders are listed, not read."""
    top = root.resolve()
    files, skipped = [], []
    manifests = {top / m for m in MANIFEST_NAMES}
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        for d in sorted(dirs):
            if d.startswith("."):
                skipped.append(Skipped(str(here / d), "hidden folder, not read"))
            elif (here / d).is_symlink():
                skipped.append(Skipped(str(here / d), "link to a folder, not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here / d).is_symlink())
        for n in sorted(names):
            path = here / n
            if n.startswith("."):
                skipped.append(Skipped(str(path), "hidden file, not read"))
                continue
            if path.resolve() in manifests and not path.is_symlink():
                continue
            if not n.lower().endswith(".txt"):
                skipped.append(Skipped(str(path), "not a .txt file"))
                continue
            if path.is_symlink():
                target = path.resolve()
                if not follow_symlinks:
                    skipped.append(Skipped(str(path), "symbolic link, not followed (--follow-symlinks reads links "
                                                      "that stay inside the corpus folder)"))
                    continue
                if not target.is_relative_to(top) or not target.is_file():
                    skipped.append(Skipped(str(path), "symbolic link to a file outside the corpus folder, not read"))
                    continue
            files.append(path)
    return sorted(files), skipped


def _read_folder(root: Path, name: str, follow_symlinks: bool = False) -> Corpus:
    files, skipped = _walk(root, follow_symlinks)
    manifest = _read_manifest(root)
    if not files:
        raise InputError(root, "no .txt files in this folder (searched recursively); "
                         "put one article per .txt file, or give a .csv/.jsonl/.parquet file")
    for rel, (line, _) in manifest.items():
        if not (root / rel).is_file():
            raise InputError(_manifest_path(root), f"names file {rel!r}, which does not exist", line=line)
    results: list[Document | Skipped] = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        meta = manifest.get(rel, (None, {}))[1]
        results.append(_read_text_file(path, root, meta))
    return _finish(name, [*results, *skipped], origin=root)


def _manifest_path(root: Path) -> Path:
    for candidate in MANIFEST_NAMES:
        if (root / candidate).is_file():
            return root / candidate
    return root / MANIFEST_NAMES[0]


def _read_manifest(root: Path) -> dict[str, tuple[int, dict[str, str]]]:
    """file (relative path) -> (line in the manifest, metadata)."""
    path = _manifest_path(root)
    if not path.is_file():
        return {}
    df = _read_table(path)
    if "file" not in df.columns:
        raise InputError(path, f"a manifest needs a 'file' column; columns are {list(df.columns)}", column="file")
    out: dict[str, tuple[int, dict[str, str]]] = {}
    for i, row in enumerate(df.to_dict("records")):
        line = i + 2 if path.suffix == ".csv" else i + 1
        rel = _cell(row.pop("file"))
        if not rel:
            raise InputError(path, "empty 'file' value", line=line, column="file")
        out[rel] = (line, {k: v for k, v in row.items() if _cell(v) is not None})
    return out


def _read_text_file(path: Path, root: Path, meta: Mapping[str, Any]) -> Document | Skipped:
    rel = path.relative_to(root).as_posix() if path != root else path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(str(path), f"cannot read: {exc.strerror}")
    if not data.strip():
        return Skipped(str(path), "empty file")
    try:
        decoded = decode(data)
    except DecodeFailure as exc:
        return Skipped(str(path), str(exc))
    text = normalize(decoded.text)
    date = None
    header = _DATE_HEADER.match(text)
    if header:
        try:
            date = dt.date.fromisoformat(header.group(1))
            text = text[header.end():].lstrip()
        except ValueError:
            pass  # not a real date: leave the text as written
    if not text:
        return Skipped(str(path), "no text after the date line")
    meta = dict(meta)
    parts = Path(rel).parts
    source = _cell(meta.pop("source", None)) or (parts[0] if len(parts) > 1 else None)
    manifest_date, _ = _parse_date(_cell(meta.pop("date", None)), str(path))
    extra = {"file": rel}
    if decoded.fallback:
        extra["encoding"] = "cp1252"
    return Document(
        id=_cell(meta.pop("id", None)) or Path(rel).with_suffix("").as_posix(),
        text=text, source=source, date=manifest_date or date,
        title=_clean_opt(meta.pop("title", None)), url=_cell(meta.pop("url", None)),
        meta={**extra, **meta},
    )


def _finish(name: str, results: Iterable[Document | Skipped], origin: str | Path,
            notes: Iterable[str] = ()) -> Corpus:
    docs = [r for r in results if isinstance(r, Document)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    notes = list(notes)
    for d in docs:
        if d.meta.get("encoding") == "cp1252":
            notes.append(f"{d.meta.get('file', d.id)}: not valid UTF-8; decoded as Windows-1252 (check accents)")
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
