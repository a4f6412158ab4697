"""Choosing which documents a study looks at: field values (`--where source=Reuters,AP`) and a
date range (`--since`, `--until`). Documents left out are listed as skipped with the reason, so
every record stays accounted for."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .errors import FramingError
from .grouping import field_value
from .model import Corpus, Document, Skipped
from .reading.dates import DateError, parse_date


@dataclass(frozen=True, kw_only=True)
class Selection:
    """`where`: (field, accepted values) pairs, all of which must hold (values of one field are
    alternatives, compared exactly); `since` / `until`: inclusive date bounds, which leave out
    undated documents."""

    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise FramingError(f"--since {self.since} is after --until {self.until}")
        for name, values in self.where:
            if not name or not values or not all(values):
                raise FramingError(f"--where {name}={','.join(values)}: give a field and one or more values")

    def __bool__(self) -> bool:
        return bool(self.where or self.since or self.until)


def parse_where(text: str) -> tuple[str, tuple[str, ...]]:
    """`FIELD=VALUE[,VALUE...]` as (field, values)."""
    name, eq, values = text.partition("=")
    if not eq or not name.strip() or not values.strip():
        raise FramingError(f"--where {text!r}: write FIELD=VALUE or FIELD=VALUE1,VALUE2")
    return name.strip(), tuple(v.strip() for v in values.split(",") if v.strip())


def parse_bound(text: str, option: str) -> dt.date:
    try:
        return parse_date(text)
    except DateError as exc:
        raise FramingError(f"{option} {text!r}: {exc}") from None


def select(corpus: Corpus, selection: Selection) -> Corpus:
    """The documents of `corpus` that `selection` keeps; the others move to `skipped`."""
    if not selection:
        return corpus
    tests = [(name, set(values), field_value(corpus, name)) for name, values in selection.where]
    kept: list[Document] = []
    left: list[Skipped] = []
    for d in corpus.documents:
        reason = _reason(d, tests, selection)
        if reason:
            left.append(Skipped(str(d.meta.get("file") or f"document {d.id}"), reason))
        else:
            kept.append(d)
    if not kept:
        raise FramingError(f"no document is left after the selection ({_describe(selection)}); "
                           f"{len(left)} were left out, e.g. {left[0].path}: {left[0].reason}")
    note = f"selected {len(kept):,} of {len(corpus):,} documents ({_describe(selection)})"
    return replace(corpus, documents=tuple(kept), skipped=(*corpus.skipped, *left), notes=(*corpus.notes, note))


def _reason(d: Document, tests: Sequence, selection: Selection) -> str | None:
    for name, values, value in tests:
        if value(d) not in values:
            return f"left out by --where {name}={','.join(sorted(values))}"
    if selection.since or selection.until:
        if d.date is None:
            return "left out by --since/--until: no date"
        if selection.since and d.date < selection.since:
            return f"left out by --since {selection.since}"
        if selection.until and d.date > selection.until:
            return f"left out by --until {selection.until}"
    return None


def _describe(selection: Selection) -> str:
    parts = [f"{name}={','.join(values)}" for name, values in selection.where]
    if selection.since:
        parts.append(f"since {selection.since}")
    if selection.until:
        parts.append(f"until {selection.until}")
    return "; ".join(parts)
