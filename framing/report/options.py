"""The report's options: keyword-only, typed, checked once here (as scikit-learn checks its
estimators' parameters against `_parameter_constraints`), so no section re-validates them."""
from __future__ import annotations

from dataclasses import dataclass

from ..voice import Voice, check_voice

DEFAULT_GROUPS = 12  # groups drawn in the figures; the rest are pooled (every group stays in the tables)


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    voice: Voice = "all"
    blind: bool = False
    title: str | None = None
    groups: int = DEFAULT_GROUPS
    story: str | None = None  # a metadata column naming each article's story (retellings then follow it)

    def __post_init__(self) -> None:
        object.__setattr__(self, "voice", check_voice(self.voice))
        if not isinstance(self.blind, bool):
            raise TypeError(f"blind must be True or False, not {self.blind!r}")
        if self.title is not None and not isinstance(self.title, str):
            raise TypeError(f"title must be a string, not {self.title!r}")
        if self.story is not None and not isinstance(self.story, str):
            raise TypeError(f"story must be a column name, not {self.story!r}")
        if isinstance(self.groups, bool) or not isinstance(self.groups, int) or self.groups < 1:
            raise ValueError(f"groups must be a whole number of at least 1, not {self.groups!r}")
