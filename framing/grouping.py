"""Which group a document belongs to: by source (default), a date period, or any metadata field."""
from __future__ import annotations

from collections.abc import Callable

from .errors import FramingError
from .model import Corpus, Document

UNKNOWN = "(unknown)"
_PERIODS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


def grouper(corpus: Corpus, by: str = "source") -> Callable[[Document], str]:
    """A function from document to group label.

    `by` is `source`, `date:year|month|day`, or any field or metadata key. When grouping by
    source and no document has one, each document is its own group (so the bundled seeds compare
    article by article). Documents without the field go to the group "(unknown)".
    """
    if by == "source" and not any(d.source for d in corpus.documents):
        return lambda d: d.id
    if by.startswith("date"):
        period = by.partition(":")[2] or "day"
        if period not in _PERIODS:
            raise FramingError(f"unknown date period {period!r} in --by {by}; use date:year, date:month or date:day")
        fmt = _PERIODS[period]
        return lambda d: d.date.strftime(fmt) if d.date else UNKNOWN
    if by in {"source", "title", "url", "id"}:
        return lambda d: str(getattr(d, by) or UNKNOWN)
    if not any(by in d.meta for d in corpus.documents):
        fields = sorted({"source", "date", "id"} | {k for d in corpus.documents for k in d.meta})
        raise FramingError(f"no document has the field {by!r} to group by; available: {', '.join(fields)}")
    return lambda d: str(d.meta.get(by) or UNKNOWN)


def group_labels(corpus: Corpus, by: str = "source") -> list[str]:
    key = grouper(corpus, by)
    return [key(d) for d in corpus.documents]
