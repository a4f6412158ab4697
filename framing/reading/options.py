"""The options of reading a corpus, checked once when they are made (the CLI and the API share
them), so the readers can trust every value."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from ..errors import FramingError
from .dialect import Header, Quoting

FileType = Literal["auto", "text", "table"]


@dataclass(frozen=True)
class Columns:
    """Which table columns hold which document field (the CLI's --text-col, --source-col, ...)."""

    text: str = "text"
    source: str = "source"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    id: str = "id"
    language: str = "language"


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read a corpus.

    `names`: column names for a table (replacing its header row, or naming a file without one);
    `header`: whether the first row names the columns (auto: detected); `quoting`: whether
    quotation marks quote cells (auto: detected); `sep`: the separator (auto when None);
    `dayfirst`: read 03/07/2024 as 3 July; `file_type`: read a .txt file as one article or as a
    table (auto: a table when every line splits into the same fields); `keep_marks`: keep Arabic
    vowel marks and Hebrew vowel points, which are removed by default (`framing.text.strip_marks`)."""

    columns: Columns = field(default_factory=Columns)
    names: tuple[str, ...] | None = None
    header: Header = "auto"
    quoting: Quoting = "auto"
    sep: str | None = None
    dayfirst: bool = False
    follow_symlinks: bool = False
    file_type: FileType = "auto"
    keep_marks: bool = False  # keep Arabic harakat and Hebrew niqqud (default: removed, see text.strip_marks)

    def __post_init__(self) -> None:
        for name, kind in (("header", Header), ("quoting", Quoting), ("file_type", FileType)):
            value = getattr(self, name)
            if value not in get_args(kind):
                raise FramingError(f"{name} must be one of {', '.join(get_args(kind))}, not {value!r}")
        if self.sep is not None and (len(self.sep) != 1 or self.sep in "\"\r\n"):
            raise FramingError(f"the separator must be one character other than a quotation mark or a line "
                               f"break (write \\t for a tab), not {self.sep!r}")
        if self.names is not None:
            names = tuple(n.strip() for n in self.names)
            if not names or not all(names) or len(set(names)) != len(names):
                raise FramingError(f"column names must be distinct and not empty: {', '.join(self.names)!r}")
            object.__setattr__(self, "names", names)
