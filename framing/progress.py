"""Progress in the units a user thinks in. A stage hands its progress callback (e.g. a tqdm
wrapper) a `Work`: an iterable that knows how much it holds in all and how much each item is
worth (documents, or megabytes of text for batches), so a bar can say "1,200/5,000 documents" or
"96/240 MB" rather than count internal batches."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

Progress = Callable[[Iterable], Iterable]


class Work:
    """`items`, with `sizes[i]` the worth of item i in `unit` (one each when not given)."""

    def __init__(self, items: Iterable, n: int, unit: str = "document", sizes: Sequence[float] | None = None):
        self._items, self._n, self.unit = items, n, unit
        self.sizes = list(sizes) if sizes is not None else None

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return self._n

    @property
    def total(self) -> float:
        return sum(self.sizes) if self.sizes is not None else self._n
