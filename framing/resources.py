"""What a run will need from the machine, estimated before it starts, so a user hears "this will
not fit" before minutes of work rather than after."""
from __future__ import annotations

import os
from pathlib import Path

# Peak memory per byte of corpus text, measured with `framing report` (benchmarks/bench_report.py
# and the 250 MB / 1 GB runs in issue 13): 7-14 bytes of memory per byte of text, across processes.
MEMORY_PER_BYTE = 10
COMPRESSED_RATIO = 4  # a .gz or .zip of news text holds about four times its size


def corpus_bytes(path: str | Path) -> int:
    """The approximate size of the text in a corpus file or folder, uncompressed."""
    path = Path(path)
    if path.is_dir():
        total = 0
        for folder, _, names in os.walk(path):
            for n in names:
                if n.lower().endswith(".txt"):
                    try:
                        total += os.stat(os.path.join(folder, n)).st_size
                    except OSError:
                        pass
        return total
    try:
        size = path.stat().st_size
    except OSError:
        return 0
    return size * COMPRESSED_RATIO if path.suffix.lower() in {".gz", ".zip"} else size


def available_memory() -> int | None:
    """Bytes of memory available to new work (Linux MemAvailable), or None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def memory_warning(text_bytes: int) -> str | None:
    """A warning when the estimated peak memory of analysing `text_bytes` of corpus text
    (`corpus_bytes`) exceeds what is available."""
    need = text_bytes * MEMORY_PER_BYTE
    have = available_memory()
    if have is None or need <= have:
        return None
    return (f"this corpus has about {_size(need / MEMORY_PER_BYTE)} of text; analysing it may need about "
            f"{_size(need)} of memory and {_size(have)} is available: choose fewer documents (--where, "
            "--since, --until) or a larger machine")


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"
