"""framing.workers: the pool's processes collect garbage less often, as the command line does."""
from __future__ import annotations

import gc

from framing.workers import GC_THRESHOLD, process_pool


def test_worker_processes_collect_garbage_less_often():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with process_pool(1) as pool:
            assert pool.submit(gc.get_threshold).result() == GC_THRESHOLD
        assert gc.get_threshold() == (700, 10, 10)  # the parent's own is left alone
    finally:
        gc.set_threshold(*before)
