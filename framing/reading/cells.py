"""Table cells as text: what a cell of a CSV, JSON Lines or Parquet file may hold, and what it
becomes. A cell is never stored as the Python printout of a value (`['para 1', 'para 2']`)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..errors import InputError

PARAGRAPH = "\n\n"


class CellError(ValueError):
    """A cell of a type that cannot be read as text; the message names the type."""


def cell_text(value: Any) -> str | None:
    """The text of one cell, stripped; None when empty or missing.

    Strings as they are; numbers and booleans written plainly; bytes decoded as UTF-8; a list of
    strings (paragraphs) joined with blank lines, a list of lists of strings (paragraphs of
    sentences, as in BASIL's JSON Lines) with blank lines between paragraphs and spaces between
    sentences. Anything else (mappings, deeper lists, undecodable bytes) raises `CellError`."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            return bytes(value).decode("utf-8").strip() or None
        except UnicodeDecodeError as exc:
            raise CellError(f"bytes that are not UTF-8 text (at byte {exc.start})") from None
    if _is_sequence(value):
        paragraphs = [" ".join(filter(None, map(_flat, v))) if _is_sequence(v) else _flat(v) for v in value]
        return PARAGRAPH.join(p for p in paragraphs if p) or None
    if isinstance(value, dict):
        raise CellError("a mapping ({...}); give a string, or a list of strings (paragraphs)")
    text = _scalar(value)
    if text is None:
        raise CellError(f"a value of type {type(value).__name__}; give a string")
    return text or None


def _flat(value: Any) -> str | None:
    if _is_sequence(value) or isinstance(value, dict):
        raise CellError("lists nested more than two deep, or mappings in a list; give a string, a list of "
                        "paragraphs, or a list of paragraphs as lists of sentences")
    return cell_text(value)


def _is_sequence(value: Any) -> bool:
    # numpy arrays come from Parquet list columns; checked by name so numpy is not imported here.
    return isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray"


def _scalar(value: Any) -> str | None:
    """numpy scalars, pandas timestamps and missing markers (NA, NaT) as text, else None."""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # a numpy scalar
        return cell_text(value.item())
    return None


def column_texts(values: list[Any], column: str, origin: str, lines: Sequence[int]) -> list[str | None]:
    """`cell_text` of every value of a column; the first bad cell stops reading with its line."""
    if all(type(v) is str for v in values):  # the common case: a CSV read as strings
        return [v.strip() or None for v in values]
    out = []
    for i, v in enumerate(values):
        try:
            text = cell_text(v)
        except CellError as exc:
            raise InputError(origin, f"a cell holds {exc}", line=lines[i], column=column) from None
        out.append(text or None)
    return out
