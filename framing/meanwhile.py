"""A function run in a process of its own while the caller goes on (the report's second core)."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .workers import process_pool

_held: tuple | None = None  # in a process of `meanwhile`: its function and arguments


def _hold(call: tuple) -> None:
    global _held
    _held = call


def _run_held():
    fn, args = _held
    return fn(*args)


@contextmanager
def meanwhile(fn: Callable, args: Sequence[Any], *, apart: bool) -> Iterator[Callable[[], Any]]:
    """`fn(*args)` in a process of its own while the block runs (with `apart`), else at once;
    the block gets a function that returns its result. Forked, the process shares the caller's
    memory (copy-on-write): only the result is pickled. Leaving the block by an exception
    (Ctrl-C) kills the process."""
    if not apart:
        result = fn(*args)
        yield lambda: result
        return
    with process_pool(1, _hold, ((fn, tuple(args)),)) as pool:
        yield pool.submit(_run_held).result
