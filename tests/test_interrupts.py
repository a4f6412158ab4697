"""Ctrl-C, SIGTERM and kill -9 while worker processes run: every process ends, outputs stay whole.

`python -m framing report` runs in a session of its own (its own process group, as a shell job),
with FRAMING_PARALLEL_MIN_CHARS=0 so that a 0.7 MB corpus uses the worker pools of matching,
n-gram counting and the per-document analyses. The signal goes to the whole group, as a terminal
sends Ctrl-C. Moments are drawn from seeded random numbers: some anywhere in the run, some just
after the first, second or third pool has started. Linux only (processes are read from /proc).
About 30 s in all on two cores.
"""
from __future__ import annotations

import csv
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from framing import workers

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or not os.path.exists("/proc/self/stat"),
                                reason="reads processes from /proc (Linux)")

PREVIOUS = "<!doctype html><html><body><p>the previous report</p></body></html>\n"
LIMIT_S = 2.0  # every process of the group ends within this after the signal
RUN_S = 3.0  # random moments fall within this after main() has started (the run goes on for longer)
_RNG = random.Random(1)
DELAYS = sorted(_RNG.uniform(0, RUN_S) for _ in range(3))  # after main() has started
OFFSETS = [_RNG.uniform(0, 0.1) for _ in range(4)]  # after a pool has started


def _processes() -> dict[int, tuple[str, int, int]]:
    """pid -> (state, parent pid, process group) of every process."""
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    stat = fh.read()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            out[int(name)] = (fields[0], int(fields[1]), int(fields[2]))
    return out


def _alive_in_group(pgid: int) -> list[int]:
    # Zombies are dead: an orphan that died is re-parented to PID 1, which here may never reap it.
    return [pid for pid, (state, _, group) in _processes().items() if group == pgid and state not in "ZX"]


def _workers_of(pid: int) -> list[int]:
    return [p for p, (state, ppid, _) in _processes().items() if ppid == pid and state not in "ZX"]


def _in_main(pid: int) -> bool:
    """framing.cli.main() is running: its SIGTERM handler is installed (Python catches no SIGTERM
    by itself), so a signal now reaches main(), not the interpreter's start-up."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(re.search(r"^SigCgt:\s*([0-9a-f]+)", status, re.M).group(1), 16)
    return bool(caught >> (signal.SIGTERM - 1) & 1)


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 60) -> bool:
    """Poll `condition` every 10 ms; False once `proc` has ended first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            return False
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the run to get there")
        time.sleep(0.01)
    return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """300 articles of about 2,400 characters in 4 sources, words drawn from the seed articles."""
    from conftest import SEEDS

    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).split()
    rng = random.Random(7)
    path = tmp_path_factory.mktemp("corpus") / "articles.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["text", "source", "date", "title"])
        for i in range(300):
            paragraphs = [" ".join(rng.choices(words, k=25)) for _ in range(16)]
            out.writerow(["\n\n".join(paragraphs), f"Outlet {i % 4 + 1}", f"2023-11-{i % 28 + 1:02d}",
                          " ".join(rng.choices(words, k=8))])
    return path


def _start(corpus: Path, folder: Path) -> tuple[subprocess.Popen, Path, Path]:
    out = folder / "out" / "out.html"
    out.parent.mkdir()
    out.write_text(PREVIOUS, encoding="utf-8")
    err = folder / "stderr.txt"
    env = dict(os.environ, **{workers.ENV_MIN_CHARS: "0"})
    with err.open("w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "framing", "report", str(corpus), "-o", str(out)],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=fh, env=env,
                                start_new_session=True)
    return proc, out, err


def _signal_and_check(proc: subprocess.Popen, out: Path, err: Path, sig: int, code: int) -> float:
    """Send `sig` to the group; assert that all of it is gone within LIMIT_S with `code`, and that
    the output is the previous file or a whole new report, with no temporary file beside it."""
    pgid = proc.pid
    if proc.poll() is not None:
        if proc.returncode == 0 and out.read_text(encoding="utf-8").rstrip().endswith("</html>"):
            return 0.0  # done before the moment came: nothing to interrupt
        raise AssertionError(f"the run ended (exit {proc.returncode}) before the signal: {err.read_text()[-2000:]}")
    try:
        os.killpg(pgid, sig)
        sent = time.monotonic()
        try:
            rc = proc.wait(timeout=LIMIT_S + 5)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"still running {LIMIT_S + 5} s after the signal") from None
        while _alive_in_group(pgid) and time.monotonic() - sent < LIMIT_S + 1:
            time.sleep(0.01)
        elapsed = time.monotonic() - sent
        left = _alive_in_group(pgid)
    finally:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    stderr = err.read_text(errors="replace")
    text = out.read_text(encoding="utf-8")
    whole_report = text != PREVIOUS and text.rstrip().endswith("</html>") and len(text) > 10_000
    assert not left, f"processes of the group still alive: {left}"
    assert elapsed <= LIMIT_S, f"the group took {elapsed:.2f} s to end"
    assert sorted(os.listdir(out.parent)) == ["out.html"], "a temporary file was left beside the output"
    assert text == PREVIOUS or whole_report, "the output is neither the previous file nor a whole report"
    if rc in (0, -sig) and whole_report:  # the signal came as the run was ending
        return elapsed
    assert rc == code, stderr[-2000:]
    assert ("framing: terminated" if code == 143 else "framing: interrupted") in stderr
    return elapsed


@pytest.mark.parametrize("delay", DELAYS, ids=[f"{d:.2f}s" for d in DELAYS])
def test_ctrl_c_at_a_random_moment(corpus, tmp_path, delay):
    proc, out, err = _start(corpus, tmp_path)
    assert _wait_for(lambda: _in_main(proc.pid), proc), err.read_text()
    time.sleep(delay)
    _signal_and_check(proc, out, err, signal.SIGINT, 130)


@pytest.mark.parametrize("pool, sig, code, offset", [
    (1, signal.SIGINT, 130, OFFSETS[0]), (2, signal.SIGINT, 130, OFFSETS[1]), (3, signal.SIGINT, 130, OFFSETS[2]),
    (2, signal.SIGTERM, 143, OFFSETS[3])], ids=["sigint-matching", "sigint-ngrams", "sigint-attributions", "sigterm"])
def test_signal_while_workers_run(corpus, tmp_path, pool, sig, code, offset):
    """`offset` seconds after the `pool`-th pool has started: matching, n-grams, attributions."""
    proc, out, err = _start(corpus, tmp_path)
    for _ in range(pool):
        assert _wait_for(lambda: not _workers_of(proc.pid), proc), err.read_text()
        assert _wait_for(lambda: bool(_workers_of(proc.pid)), proc), f"fewer than {pool} pools: {err.read_text()}"
    time.sleep(offset)
    _signal_and_check(proc, out, err, sig, code)


def test_kill_9_of_the_parent_leaves_no_worker(corpus, tmp_path):
    proc, out, err = _start(corpus, tmp_path)
    children: list[int] = []

    def pool_running() -> bool:
        # Workers seen twice 50 ms apart: all of a pool's workers forked, and a pool that ends at
        # once (some stages take milliseconds) is not mistaken for one still running.
        nonlocal children
        if not _workers_of(proc.pid):
            return False
        time.sleep(0.05)
        children = _workers_of(proc.pid)
        return bool(children)

    try:
        assert _wait_for(pool_running, proc), err.read_text()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed = time.monotonic()
        while _alive_in_group(proc.pid) and time.monotonic() - killed < 3:
            time.sleep(0.01)
        left = _alive_in_group(proc.pid)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert children
    assert not left, f"workers {left} outlived their parent by 3 s"
    assert out.read_text(encoding="utf-8") == PREVIOUS


FALLBACK = textwrap.dedent("""
    import sys, time
    from framing import workers
    workers._set_pdeathsig = lambda: False  # as where prctl is missing: only the polling thread is left

    def nap(x):
        time.sleep(60)
        return x

    if __name__ == "__main__":
        with workers.process_pool(2) as pool:
            results = pool.map(nap, range(4))
            print("running", flush=True)
            list(results)
""")


def test_workers_poll_their_parent_where_prctl_is_missing(tmp_path):
    script = tmp_path / "fallback.py"
    script.write_text(FALLBACK)
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout.readline() == "running\n"
        assert _wait_for(lambda: len(_workers_of(proc.pid)) == 2, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed = time.monotonic()
        while _alive_in_group(proc.pid) and time.monotonic() - killed < 3:
            time.sleep(0.01)
        assert not _alive_in_group(proc.pid)
        assert time.monotonic() - killed < 3 * workers._POLL_PARENT_S
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.stdout.close()


def _sigint_disposition(_):
    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN, signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def _nap(seconds):
    time.sleep(seconds)
    return seconds


def test_workers_leave_ctrl_c_to_the_parent():
    with workers.process_pool(2) as pool:
        assert list(pool.map(_sigint_disposition, range(2))) == [(True, True)] * 2


def test_an_interrupted_block_kills_its_workers_at_once():
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with workers.process_pool(2) as pool:
            pool.map(_nap, [30] * 4)
            started = pool._processes and list(pool._processes.values())
            raise KeyboardInterrupt
    assert time.monotonic() - start < LIMIT_S
    assert started and not any(p.is_alive() for p in started)


def test_the_environment_sets_the_threshold(monkeypatch):
    monkeypatch.delenv(workers.ENV_MIN_CHARS, raising=False)
    assert workers.default_jobs(10, 1_000) == 1
    monkeypatch.setenv(workers.ENV_MIN_CHARS, "5")
    assert workers.default_jobs(10, 1_000) == (os.cpu_count() or 1)
    assert workers.default_jobs(4, 1_000) == 1
    monkeypatch.setenv(workers.ENV_MIN_CHARS, "lots")
    assert workers.parallel_min_chars(1_000) == 1_000


def test_sigterm_and_ctrl_c_exit_codes():
    assert workers.exit_code(KeyboardInterrupt()) == 130
    assert workers.exit_code(workers.Terminated()) == 143


def _tick():
    pass


class _SwallowsCtrlC:
    """Ctrl-C arriving inside a finalizer, where Python prints and drops the exception."""

    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        _tick()  # the handler runs here, inside __del__


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_swallowed_by_a_finalizer_is_raised_again():
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with workers.handle_interrupts():
            _SwallowsCtrlC()  # dropped at once: __del__ runs
            time.sleep(10)  # a blocking wait: the signal sent again ends it
    assert time.monotonic() - start < 2 * workers._REDELIVER_S + 0.5


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_swallowed_at_the_end_still_counts():
    with pytest.raises(KeyboardInterrupt):
        with workers.handle_interrupts():
            _SwallowsCtrlC()


def test_sigterm_raises_terminated_and_handlers_come_back():
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    start = time.monotonic()
    with pytest.raises(workers.Terminated):
        with workers.handle_interrupts():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(10)
    assert time.monotonic() - start < 1
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before

