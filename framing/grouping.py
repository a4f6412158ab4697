"""Which group a document belongs to: by source (default), a date period, any metadata field, or
several of these combined (`source,victim`)."""
from __future__ import annotations

from collections.abc import Callable

from .errors import FramingError
from .model import Corpus, Document

UNKNOWN = "(unknown)"
JOIN = " / "  # between the parts of a combined group's label
_PERIODS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


def grouper(corpus: Corpus, by: str = "source") -> Callable[[Document], str]:
    """A function from document to group label.

    `by` is `source`, `date:year|month|day`, `language`, any field or metadata key, or several of these
    separated by commas (the label joins their values with " / "). When grouping by source alone
    and no document has one, each document is its own group (so the bundled seeds compare
    article by article). Documents without the field go to the group "(unknown)"."""
    parts = [p.strip() for p in by.split(",")]
    if not all(parts):
        raise FramingError(f"--by {by!r} has an empty field name; write fields separated by commas, e.g. source,victim")
    if len(parts) == 1:
        return _one(corpus, parts[0])
    keys = [_one(corpus, p, alone=False) for p in parts]
    return lambda d: JOIN.join(k(d) for k in keys)


def field_value(corpus: Corpus, name: str) -> Callable[[Document], str | None]:
    """The value of a field of a document, as text (None when missing); an unknown field is an
    error naming the fields there are."""
    if name in {"source", "title", "url", "id"}:
        return lambda d: getattr(d, name) or None
    if name == "date":
        return lambda d: d.date.isoformat() if d.date else None
    if name == "language":  # from the language column, else detected (framing.languages)
        from .languages import detect_language

        return lambda d: d.language or detect_language(d.text)
    if not any(name in d.meta for d in corpus.documents):
        fields = sorted({"source", "date", "id", "language"} | {k for d in corpus.documents for k in d.meta})
        raise FramingError(f"no document has the field {name!r}; available: {', '.join(fields)}")
    return lambda d: (str(d.meta[name]) if d.meta.get(name) not in (None, "") else None)


def _one(corpus: Corpus, by: str, alone: bool = True) -> Callable[[Document], str]:
    if by == "source" and alone and not any(d.source for d in corpus.documents):
        return lambda d: d.id
    if by.startswith("date"):
        period = by.partition(":")[2] or "day"
        if period not in _PERIODS:
            raise FramingError(f"unknown date period {period!r} in --by {by}; use date:year, date:month or date:day")
        fmt = _PERIODS[period]
        return lambda d: d.date.strftime(fmt) if d.date else UNKNOWN
    try:
        value = field_value(corpus, by)
    except FramingError as exc:
        raise FramingError(f"cannot group by {by!r}: {exc}") from None
    return lambda d: value(d) or UNKNOWN


def group_labels(corpus: Corpus, by: str = "source") -> list[str]:
    key = grouper(corpus, by)
    return [key(d) for d in corpus.documents]
