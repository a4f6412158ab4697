"""The library's errors survive pickling (a worker process's error reaches the parent as itself)."""
from __future__ import annotations

import pickle

from framing.errors import InputError, LexiconError, Problem


def test_errors_pickle_as_themselves():
    e = pickle.loads(pickle.dumps(InputError("a.csv", "no text column", line=3, column="text")))
    assert type(e) is InputError and e.problem == Problem("a.csv", "no text column", 3, "text")
    assert str(e) == "a.csv:3 (column 'text'): no text column"
    problems = [Problem("l.yaml", "no terms", 2), Problem("l.yaml", "a duplicate", 9)]
    lx = pickle.loads(pickle.dumps(LexiconError(problems)))
    assert type(lx) is LexiconError and lx.problems == tuple(problems)
    assert str(lx) == "l.yaml:2: no terms (and 1 more problem(s))"
