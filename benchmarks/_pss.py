"""The memory of a process tree: proportional set size (PSS) summed over a process and all its
descendants, sampled from /proc/PID/smaps_rollup (Linux 4.14+) while it runs.

PSS counts a page shared by n processes as 1/n in each, so the sum over a tree is what the tree
costs the machine: forked workers sharing the parent's modules (copy-on-write) are not counted
twice, as summed RSS would count them.

    with PeakPSS(proc.pid, interval=0.2) as peak:
        proc.wait()
    peak.mb, peak.samples, peak.processes

Descendants are found through /proc/PID/task/TID/children (every thread's children: a pool's
workers may be started from a helper thread), falling back to a scan of /proc/*/stat when the
kernel lacks that file. A process that ends between listing and reading is skipped.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

_PROC = Path("/proc")


def available() -> bool:
    return (_PROC / "self" / "smaps_rollup").exists()


def pss_kb(pid: int) -> int:
    """The PSS of one process in kB (0 if it has ended or cannot be read)."""
    try:
        with open(_PROC / str(pid) / "smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int] | None:
    """Direct children of `pid`, or None when the kernel has no children files."""
    try:
        tasks = os.listdir(_PROC / str(pid) / "task")
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return []
    found: list[int] = []
    for tid in tasks:
        try:
            with open(_PROC / str(pid) / "task" / tid / "children", "rb") as f:
                found.extend(int(c) for c in f.read().split())
        except FileNotFoundError:
            if not (_PROC / str(pid) / "task" / tid).exists():
                continue  # the thread ended
            return None
        except (ProcessLookupError, PermissionError):
            continue
    return found


def _parents() -> dict[int, list[int]]:
    """ppid -> children, from a scan of /proc/*/stat."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir(_PROC):
        if not entry.isdigit():
            continue
        try:
            stat = (_PROC / entry / "stat").read_bytes()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])  # the name may hold spaces
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    out, todo, scan = [], [pid], None
    while todo:
        p = todo.pop()
        out.append(p)
        kids = _children(p) if scan is None else scan.get(p, [])
        if kids is None:
            scan = _parents()
            kids = scan.get(p, [])
        todo.extend(kids)
    return out


def tree_pss_kb(pid: int) -> tuple[int, int]:
    """(PSS in kB summed over `pid` and its descendants, how many processes)."""
    pids = tree(pid)
    return sum(pss_kb(p) for p in pids), len(pids)


class PeakPSS:
    """Samples the PSS of the tree rooted at `pid` every `interval` seconds on a thread, from
    entering the block until leaving it; `mb` is the highest sum seen (in MB of 10^6 bytes),
    `processes` the most processes seen at once."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.processes = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pss-sampler", daemon=True)

    @property
    def mb(self) -> float:
        return self.peak_kb * 1024 / 1e6

    def sample(self) -> None:
        kb, n = tree_pss_kb(self.pid)
        self.samples += 1
        self.peak_kb = max(self.peak_kb, kb)
        self.processes = max(self.processes, n)

    def _run(self) -> None:
        while not self._stop.is_set():
            t0 = time.monotonic()
            self.sample()
            self._stop.wait(max(0.0, self.interval - (time.monotonic() - t0)))

    def __enter__(self) -> PeakPSS:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
