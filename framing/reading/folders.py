"""Folders of `.txt` files, one article per file, with an optional manifest of metadata.

A folder must never ship a file from elsewhere on the machine into a shareable page: symbolic
links are listed as skipped unless followed on request, and even then only to targets inside
the folder."""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..languages import language_code
from ..model import Document, Skipped
from ..text import DecodeFailure, decode, normalize, strip_marks
from .cells import cell_text
from .dates import DateColumn, DateError, parse_date

_GLOB = re.compile(r"[*?\[]")


def is_glob(path: str | Path) -> bool:
    """Whether a corpus path is a glob pattern ('news/*.jsonl'), which partitions read."""
    return bool(_GLOB.search(str(path)))

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
# "date 2023-11-14" opening a file, alone on its line or before the first sentence.
_DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d[\d\-/.]*\d)\b[ \t]*\n?")


def walk(root: Path, follow_symlinks: bool) -> tuple[list[Path], list[Skipped]]:
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


def manifest_path(root: Path) -> Path:
    for candidate in MANIFEST_NAMES:
        if (root / candidate).is_file():
            return root / candidate
    return root / MANIFEST_NAMES[0]


def check_manifest(root: Path, manifest: Mapping[str, tuple[int, dict]]) -> None:
    for rel, (line, _) in manifest.items():
        if not (root / rel).is_file():
            raise InputError(manifest_path(root), f"names file {rel!r}, which does not exist", line=line)


def manifest_rows(path: Path, frame, lines) -> dict[str, tuple[int, dict[str, Any]]]:
    """file (relative path) -> (line in the manifest, metadata); a file named twice is an error."""
    if "file" not in frame.columns:
        raise InputError(path, f"a manifest needs a 'file' column; columns are {list(frame.columns)}", column="file")
    out: dict[str, tuple[int, dict[str, Any]]] = {}
    for line, row in zip(lines, frame.to_dict("records")):
        rel = cell_text(row.pop("file"))
        if not rel:
            raise InputError(path, "empty 'file' value", line=line, column="file")
        if rel in out:
            raise InputError(path, f"names file {rel!r} twice (lines {out[rel][0]} and {line}); "
                             "give each file one row", line=line, column="file")
        out[rel] = (line, {k: v for k, v in row.items() if cell_text(v) is not None})
    return out


def read_text_file(path: Path, root: Path, meta: Mapping[str, Any], dates: DateColumn,
                   notes: list[str], *, keep_marks: bool = False) -> Document | Skipped:
    """One article; its metadata from the manifest row, else a leading `date YYYY-MM-DD` line and
    the subfolder as the source."""
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
    text = normalize(decoded.text) if keep_marks else strip_marks(normalize(decoded.text))
    date = None
    header = _DATE_LINE.match(text)
    if header:
        try:
            date = parse_date(header.group(1))
        except DateError as exc:
            notes.append(f"{path}: the first line 'date {header.group(1)}' is not a date ({exc}); "
                         "the line is dropped and the article left undated")
        text = text[header.end():].lstrip()
    if not text:
        return Skipped(str(path), "no text after the date line")
    meta = dict(meta)
    parts = Path(rel).parts
    source = cell_text(meta.pop("source", None)) or (parts[0] if len(parts) > 1 else None)
    manifest_date = dates.parse(cell_text(meta.pop("date", None)), f"{rel} (manifest)")
    extra = {"file": rel}
    if decoded.fallback:
        extra["encoding"] = "cp1252"
        notes.append(f"{rel}: not valid UTF-8; decoded as Windows-1252 (check accents)")
    title = cell_text(meta.pop("title", None))
    language = cell_text(meta.pop("language", None))
    return Document(
        id=cell_text(meta.pop("id", None)) or Path(rel).with_suffix("").as_posix(),
        text=text, source=source, date=manifest_date or date,
        title=normalize(title) if title else None, url=cell_text(meta.pop("url", None)),
        meta={**extra, **{k: cell_text(v) for k, v in meta.items()}},
        language=language_code(language) if language else None,
    )

