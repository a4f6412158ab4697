"""Reading dates from corpus files: an explicit parser, so the same file gives the same dates on
any day and on any machine.

Accepted, in this order:
1. ISO 8601: `2024-03-07`, `2024-03-07T14:05:00Z`, `2024-03-07 14:05`, `20240307`, `2024-03`
   (the first of the month) and `2024` (the first of the year).
2. Numeric day and month with a four-digit year: `07/03/2024`, `7.3.2024`, `07-03-2024`. These
   are ambiguous; they are read month first (`03/07/2024` is 7 March only with `dayfirst`) and
   the choice applies to the whole column, so `31/12/2024` and `12/01/2024` in one column are
   never read one way and the other. A value that only makes sense the other way round is
   reported, not silently swapped.
3. Written months in English: `7 March 2024`, `March 7, 2024`, `Mar 7 2024`, `Thu, 07 Mar 2024
   14:05:00 GMT` (RSS), with or without a weekday.

Refused: relative words (`now`, `today`, `yesterday`, `3 days ago`), whose meaning depends on
when the tool runs, and anything else; a refused date leaves the document undated and is
counted, never dropped without a word.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}|[a-z]{2,4})?)?"

_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?" + _TIME + r"\Z", re.I)
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})\Z")
_YEAR = re.compile(r"(?P<year>\d{4})\Z")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>\d{4})" + _TIME + r"\Z", re.I)
_DAY_MONTH = re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"
                        + _TIME + r"\Z", re.I)
_MONTH_DAY = re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
                        + _TIME + r"\Z", re.I)
_RELATIVE = re.compile(r"\b(now|today|tonight|yesterday|tomorrow|ago|last|next|this)\b", re.I)


class DateError(ValueError):
    """A value that is not a date this parser accepts; the message says why."""


def parse_date(value: str, *, dayfirst: bool = False) -> dt.date:
    """The date written in `value`, or `DateError` saying why not (see the module docstring)."""
    text = value.strip()
    if _RELATIVE.search(text):
        raise DateError("a relative date (its meaning depends on the day the tool runs); write the date itself")
    for pattern in (_ISO, _COMPACT, _YEAR):
        m = pattern.match(text)
        if m:
            return _date(int(m["year"]), int(m["month"] or 1) if "month" in m.re.groupindex else 1,
                         int(m["day"] or 1) if "day" in m.re.groupindex else 1)
    m = _NUMERIC.match(text)
    if m:
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if dayfirst else (b, a)
        if month > 12 >= day:
            order = "month first" if dayfirst else "day first"
            raise DateError(f"reads as {order}, but this column is read {'day' if dayfirst else 'month'} first "
                            f"({'drop' if dayfirst else 'give'} --dayfirst if the whole column is {order})")
        return _date(int(m["year"]), month, day)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.match(text)
        if m:
            return _date(int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"]))
    raise DateError("not a date in a known form (ISO 2024-03-07 is safest)")


def _date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(f"no such day ({exc})") from None


@dataclass
class DateColumn:
    """Parses one column's dates (each distinct value once: news dates repeat) and keeps the
    failures, so they are summarised once rather than once per row."""

    dayfirst: bool = False
    _cache: dict[str, dt.date | str] = field(default_factory=dict)
    failures: Counter = field(default_factory=Counter)  # reason -> rows
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (where, value, reason)

    def parse(self, value: str | None, where: str) -> dt.date | None:
        if not value:
            return None
        got = self._cache.get(value)
        if got is None:
            try:
                got = parse_date(value, dayfirst=self.dayfirst)
            except DateError as exc:
                got = str(exc)
            self._cache[value] = got
        if isinstance(got, str):
            self.failures[got] += 1
            if len(self.examples) < SHOW_EXAMPLES:
                self.examples.append((where, value, got))
            return None
        return got

    def summary(self, column: str) -> str | None:
        """One note for the whole column, with the first few examples, or None if all parsed."""
        n = sum(self.failures.values())
        if not n:
            return None
        shown = "; ".join(f"{where}: {value!r} ({reason})" for where, value, reason in self.examples)
        more = f"; and {n - len(self.examples)} more" if n > len(self.examples) else ""
        return f"{n} date(s) in column {column!r} could not be read and were left empty: {shown}{more}"


SHOW_EXAMPLES = 5
