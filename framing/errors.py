"""Errors the library raises; the CLI maps each to an exit code and one line on stderr."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class FramingError(Exception):
    """Base class: every error the library raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    path: str
    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.column is not None:
            where += f" (column {self.column!r})"
        return f"{where}: {self.message}"


class InputError(FramingError):
    """A corpus, manifest or table cannot be read as given; the message says what to do."""

    def __init__(self, path: str | Path, message: str, line: int | None = None, column: str | None = None):
        self.problem = Problem(str(path), message, line, column)
        super().__init__(str(self.problem))

    def __reduce__(self):
        # Rebuilt from its fields, so that a worker process's error reaches the parent as itself
        # (the default, from its one message, cannot call this __init__: the pool broke).
        p = self.problem
        return type(self), (p.path, p.message, p.line, p.column)


class LexiconError(FramingError):
    """A lexicon file is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = tuple(problems)
        first = str(problems[0]) if problems else "invalid lexicon"
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(first + more)

    def __reduce__(self):
        return type(self), (list(self.problems),)
