"""Writing what framing makes: whole files or nothing, and cells that a spreadsheet cannot run.

- `atomic_write_text`, `atomic_write_bytes`, `atomic_write`: into a temporary file beside the
  target, then renamed over it, so an interrupt leaves the previous file or the new one, never a
  half-written one.
- `check_output_path`: a path that cannot be written is refused before any analysis runs.
- `safe_cells`: CSV cells that begin with = + - @, a tab or a carriage return get a leading
  apostrophe (OWASP's rule against formula injection), since a source or a speaker named
  "=HYPERLINK(...)" would otherwise run as a formula when a teacher opens the CSV.
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from .errors import InputError

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def check_output_path(path: str | Path) -> Path:
    """`path` if a file can be written there (its folder is made if missing), else an InputError."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder; give a file name for the output, e.g. reports/corpus.html")
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(parent, f"cannot make the output folder: {exc.strerror or exc}") from None
    if not os.access(parent, os.W_OK):
        raise InputError(parent, "the output folder is not writable; choose another place with --output")
    if path.exists() and not os.access(path, os.W_OK):
        raise InputError(path, "exists and cannot be overwritten; choose another place with --output")
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write `text` (UTF-8) to `path` whole or not at all."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all."""
    return atomic_write(path, lambda fh: fh.write(data))


def atomic_write(path: str | Path, write: Callable[[BinaryIO], object]) -> Path:
    """`write(fh)` into a temporary file (binary, seekable) that becomes `path` once it is whole:
    for output too large to build in memory first."""
    from .workers import signals_deferred

    path = check_output_path(path)
    tmp = None
    try:
        with signals_deferred():  # a Ctrl-C between creating the file and naming it would leave it behind
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        # mkstemp makes the file private (0600); the output gets the mode a new file gets here
        # (0644 under the usual umask), or keeps that of the file it replaces.
        os.fchmod(fd, _mode(path))
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:  # a new file
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def safe_cells(df: pd.DataFrame) -> pd.DataFrame:
    """`df` with every text cell that a spreadsheet would read as a formula prefixed by "'"."""
    out = None
    for col in df.columns:
        series = df[col]
        if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
            continue
        text = series.astype("string")
        risky = text.str.startswith(_FORMULA_START).fillna(False).to_numpy(dtype=bool)
        if risky.any():
            out = df.copy() if out is None else out
            out[col] = series.where(~risky, "'" + text)
    return df if out is None else out
