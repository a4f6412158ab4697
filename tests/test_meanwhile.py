"""A function run in a process of its own while the caller goes on (framing.meanwhile)."""
from __future__ import annotations

import os
import time

import pytest

from framing.meanwhile import meanwhile

LIMIT_S = 2.0  # what an interrupted block may take to end, its process killed


def _nap(seconds):
    time.sleep(seconds)


def _pid_and(x):
    return os.getpid(), x * 2


def test_meanwhile_runs_apart_or_at_once_with_the_same_result():
    with meanwhile(_pid_and, (21,), apart=True) as result:
        here = os.getpid()
        pid, value = result()
    assert value == 42 and pid != here
    with meanwhile(_pid_and, (21,), apart=False) as result:
        assert result() == (os.getpid(), 42)


def test_an_interrupted_meanwhile_kills_its_process():
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with meanwhile(_nap, (30,), apart=True):
            raise KeyboardInterrupt
    assert time.monotonic() - start < LIMIT_S
