"""Worker processes that end when their parent does: the one place that makes a process pool.

The pool sites (`framing.analysis.analyse`, `framing.ngrams.count_ngrams`,
`framing.analyses.parallel.per_document_rows`) run `with process_pool(n) as pool: pool.map(...)`.
What it adds to a plain `ProcessPoolExecutor`:

- Ctrl-C (SIGINT to the whole process group, as a terminal sends it) is the parent's alone:
  workers ignore SIGINT, so none dies half-way through a task or a queue operation on its own.
  When the `with` block ends by any exception (KeyboardInterrupt above all), pending tasks are
  cancelled, the workers are killed at once (`shutdown(wait=True)` would wait for the running
  tasks, minutes on a large corpus) and reaped, and the exception goes on; `framing.cli.main`
  turns it into exit code 130.
- No hang after that: the parent holds the write end of the results pipe itself, so the pool's
  manager thread waited forever for the rest of a result that a killed worker had half sent, and
  the interpreter joins that thread at exit (the hang at 0% CPU). `_abort` closes that end.
  `pool.map` gives results in order like `Executor.map` but, when abandoned, does not cancel
  futures from the caller's thread (on Python < 3.12 that race kills the manager thread with a
  traceback); the manager cancels them itself.
- `kill -9` of the parent leaves no worker behind: on Linux each worker asks the kernel for
  SIGKILL when its parent dies (`prctl(PR_SET_PDEATHSIG)` through ctypes), and everywhere a
  daemon thread in each worker polls `os.getppid()` twice a second and ends the worker once it
  has been re-parented. Otherwise a worker blocks forever on its task queue, whose write end the
  other workers hold open.
- `handle_interrupts()` (around every command in `framing.cli.main`) never loses a Ctrl-C (an
  exception raised in a `__del__` is dropped by Python; see there) and makes SIGTERM behave like
  Ctrl-C: it raises `Terminated`, a KeyboardInterrupt, so the same cleanup runs, and the exit
  code is 143 (128 + 15, what a shell reports for a process ended by SIGTERM), so a supervisor
  can tell "stopped" from "a user pressed Ctrl-C" (130). `exit_code` maps the exception.
  `exit_at_once` then skips the interpreter's teardown, which takes 0.5 s idle and over 2 s
  on a loaded machine. What stays unbounded: a single C call in the parent (a numpy sort, an
  unpickled result) runs to its end before Python can raise the KeyboardInterrupt.

Start method: "fork" on Linux, named explicitly (Python 3.14 makes "forkserver" the default).
Forking keeps a pool cheap: a worker starts in milliseconds with the parent's modules and
compiled lexicons already in memory (copy-on-write), and the initializer's arguments are not
pickled. "forkserver" and "spawn" are safe with threads in the parent, but each worker starts a
fresh interpreter that imports numpy, pandas and scikit-learn again (about a second per pool
here) and every initializer argument is pickled; with "forkserver" the workers' parent is the
server, so a kill -9 of ours reaches them only once the server notices and exits.
Fork's risk, a lock held by another thread at the moment of the fork, is small here: the parent's
other threads are tqdm's monitor and finished pools' helpers, and a forked worker only runs the
task function. Elsewhere (macOS, Windows) the platform default ("spawn") is kept: fork is unsafe
on macOS.

Environment: FRAMING_PARALLEL_MIN_CHARS, when set to a whole number, replaces every site's
threshold (the characters of text from which all cores are used when the caller does not say how
many processes); 0 runs every corpus on all cores. Tests use it to reach the parallel path on
small corpora; on a machine with many cores a lower value may pay off.

Imports nothing heavy at module level (the CLI imports it for every command).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

ENV_MIN_CHARS = "FRAMING_PARALLEL_MIN_CHARS"
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM
_POLL_PARENT_S = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_REAP_S = 1.0  # how long killed workers and the pool's manager thread may take to end before we go on
_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_REDELIVER_S = 0.5  # an interrupt whose exception was swallowed is sent again after this


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: handled like Ctrl-C (every `except KeyboardInterrupt` and cleanup runs),
    reported with exit code 143."""


def exit_code(exc: BaseException) -> int:
    """The exit code for an interrupt: 143 for SIGTERM, 130 for Ctrl-C."""
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def parallel_min_chars(default: int) -> int:
    """`default`, or FRAMING_PARALLEL_MIN_CHARS when that is set to a whole number >= 0."""
    value = os.environ.get(ENV_MIN_CHARS, "").strip().replace("_", "")
    if not value:
        return default
    try:
        return max(int(value), 0)
    except ValueError:
        import logging

        logging.getLogger(__name__).warning("%s=%r is not a whole number of characters; ignored", ENV_MIN_CHARS, value)
        return default


def default_jobs(chars: int, min_chars: int) -> int:
    """All cores for `chars` characters of text and more than the site's threshold, else one."""
    return (os.cpu_count() or 1) if chars >= parallel_min_chars(min_chars) else 1


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _interrupt(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


class _Interrupts:
    """What `handle_interrupts` shares with its signal handler and its re-delivery thread."""

    def __init__(self) -> None:
        self.pending: int | None = None  # the signal whose exception has not yet left the block
        self.done = False
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def handler(self, signum, frame):
        if self.done:  # a re-delivery that crossed the end of the block
            return
        self.pending = signum
        if self.thread is None:
            self.thread = threading.Thread(target=self._redeliver, name="framing-interrupt", daemon=True)
            self.thread.start()
        raise _interrupt(signum)

    def _redeliver(self) -> None:
        import _thread

        main = threading.main_thread().ident
        while True:
            time.sleep(_REDELIVER_S)
            with self.lock:
                if self.done:
                    return
                if hasattr(signal, "pthread_kill"):  # a real signal: it also ends a blocking wait
                    signal.pthread_kill(main, self.pending)
                else:
                    _thread.interrupt_main(self.pending)

    def finish(self) -> None:
        with self.lock:
            self.done = True
        # A re-delivery sent before `done` is pending on the main thread: the kernel hands it over
        # on return from this system call, and pthread_sigmask then runs the Python handlers, so
        # it reaches `handler` (which ignores it now), never the handlers restored after.
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, [])


@contextmanager
def handle_interrupts() -> Iterator[None]:
    """Within the block, SIGINT raises KeyboardInterrupt and SIGTERM `Terminated` in the main
    thread, and an interrupt is not lost: Python drops an exception raised inside a `__del__`
    method or a weakref callback ("Exception ignored in ..."), which is where a Ctrl-C sometimes
    lands (e.g. in the regex module's finalizers while lexicons compile), and the program would
    then run on to its end. So until the exception has left the block, it is raised again every
    half second; a block that ends normally, or by another exception, after an interrupt raises
    the interrupt at its end. The previous handlers are restored after. Does nothing off the
    main thread."""
    if not _on_main_thread():
        yield
        return
    state = _Interrupts()
    previous, early = _swap({s: state.handler for s in _SIGNALS})
    if early is not None:  # an interrupt just before the block
        _swap(previous)
        raise early
    try:
        yield
    except KeyboardInterrupt:
        state.finish()
        raise
    except BaseException as exc:
        state.finish()
        if state.pending is not None:
            raise _interrupt(state.pending) from exc
        raise
    finally:
        state.finish()
        _, late = _swap(previous)
        if late is not None:  # a new signal, already under the previous handlers
            raise late
    if state.pending is not None:  # the interrupt was swallowed and the work ran to its end
        raise _interrupt(state.pending)


def _swap(handlers: dict[int, Any]) -> tuple[dict[int, Any], BaseException | None]:
    """Install `handlers`; return those they replace, and what a pending signal's handler raised
    meanwhile (`signal.signal` first runs the handlers of signals that have arrived). Every
    handler is installed even then, so that none is left behind."""
    previous: dict[int, Any] = {}
    raised = None
    for s, handler in handlers.items():
        while True:
            try:
                previous[s] = signal.signal(s, handler)
                break
            except KeyboardInterrupt as exc:
                raised = raised or exc
    return previous, raised


@contextmanager
def signals_deferred(replay: bool = True) -> Iterator[None]:
    """Hold SIGINT and SIGTERM during a few milliseconds of pool bookkeeping (forking workers,
    queueing a task, killing workers): an exception raised half-way through would leave a
    forked worker that the pool does not know about, or the pool's locks taken. A signal that
    arrives meanwhile is passed to the previous handler once the block is done (`replay`), or
    dropped (when already unwinding from an interrupt)."""
    if not _on_main_thread():
        yield
        return
    caught: list[int] = []

    def defer(signum, frame):
        caught.append(signum)

    previous, early = _swap({s: defer for s in _SIGNALS})
    if early is not None and replay:  # a signal just before the block: let it act now
        _swap(previous)
        raise early
    try:
        yield
    finally:
        _, late = _swap(previous)
        if replay:
            for s in dict.fromkeys(caught):
                handler = previous[s]
                if callable(handler):
                    handler(s, None)
                elif handler == signal.SIG_DFL:
                    os.kill(os.getpid(), s)
            if late is not None:
                raise late


def _set_pdeathsig() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def release_freed_memory() -> None:
    """Hand memory that Python has freed back to the system (glibc's `malloc_trim`), as Dask's
    workers do: after a large merge, glibc keeps the freed pages of its arenas (those of the
    pool's result thread above all), and the process then holds hundreds of megabytes more than
    it uses. Nothing where that call does not exist. Arrow's allocator (mimalloc), which the string
    merges use, keeps freed memory too: it is asked to return it as well."""
    arrow = sys.modules.get("pyarrow")
    if arrow is not None and hasattr(arrow.default_memory_pool(), "release_unused"):
        arrow.default_memory_pool().release_unused()
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _watch_parent(ppid: int) -> None:
    while True:
        time.sleep(_POLL_PARENT_S)
        if os.getppid() != ppid:
            os._exit(1)


# The stages make millions of small objects that hold no reference cycles (tokens, tuples,
# rows): at Python's default threshold (700 allocations) the cyclic collector runs thousands of
# times per partition for nothing. With this one, a 12 MB piece counts 4% faster and a report
# read whole 5-8% (same results, same peak memory).
GC_THRESHOLD = (50_000, 20, 100)


def collect_less() -> None:
    """Run the cyclic garbage collector less often (`GC_THRESHOLD`): the command line and every
    worker process call it."""
    import gc

    gc.set_threshold(*GC_THRESHOLD)


def _worker_start(parent_pid: int, forked: bool, initializer: Callable | None, initargs: Sequence[Any]) -> None:
    """Runs first in every worker: leave Ctrl-C to the parent, die with the parent, collect
    garbage less often, then the site's own initializer."""
    collect_less()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the parent's handler
    _set_pdeathsig()
    ppid = os.getppid()
    if forked and ppid != parent_pid:  # the parent died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(ppid,), name="framing-watch-parent", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _context():
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _pool_class():
    from concurrent.futures import ProcessPoolExecutor

    class _Pool(ProcessPoolExecutor):
        # `map` submits through here too. Processes are forked inside `submit` (all of them at
        # the first call with fork, one per call otherwise), so signals are held there.
        def submit(self, fn, /, *args, **kwargs):
            with signals_deferred():
                return super().submit(fn, *args, **kwargs)

        def map(self, fn, *iterables, timeout=None, chunksize=1):
            if timeout is not None or chunksize != 1:
                return super().map(fn, *iterables, timeout=timeout, chunksize=chunksize)
            return _in_order([self.submit(fn, *args) for args in zip(*iterables)])

    return _Pool


def _in_order(futures: list) -> Iterator[Any]:
    """The results of `futures` in their order, as `Executor.map` gives them, except that an
    abandoned iterator leaves the unfinished futures alone. `Executor.map` cancels them from this
    thread, racing the pool's manager thread, which on Python before 3.12 then dies on
    InvalidStateError (a traceback on stderr) when it fails the futures of a broken pool;
    `process_pool` has the manager cancel them itself (`shutdown(cancel_futures=True)`)."""
    futures.reverse()
    while futures:
        yield futures.pop().result()  # pop: hold no result longer than the caller does


def _abort(pool) -> None:
    """Cancel what has not started, kill the workers, reap them. Never blocks for long."""
    with signals_deferred(replay=False):
        # (shutdown drops the executor's references to these)
        processes = list((getattr(pool, "_processes", None) or {}).values())
        manager = getattr(pool, "_executor_manager_thread", None)
        results = getattr(pool, "_result_queue", None)
        pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            try:
                p.kill()
            except (OSError, ValueError):  # already gone or already closed
                pass
        deadline = time.monotonic() + _REAP_S
        for p in processes:
            try:
                p.join(max(deadline - time.monotonic(), 0))
            except (OSError, ValueError, AssertionError):
                pass
        # With the workers dead nothing more can arrive, but the parent holds the write end of
        # the results pipe itself: the manager thread would wait forever for the rest of a
        # result that a worker was killed half-way through sending, and the interpreter joins
        # that thread at exit (the hang at 0% CPU). Closing the parent's end turns the wait into
        # end-of-file, which the manager handles as a broken pool: it fails the running futures,
        # closes the tasks pipe's read end (unblocking a task half-way written, gh-94777) and the
        # queues. (Only the results end: the manager closes the tasks end itself, and two threads
        # closing one descriptor could close another file that reused its number.)
        writer = getattr(results, "_writer", None)
        if writer is not None:
            try:
                writer.close()
            except OSError:
                pass
        if manager is not None and manager is not threading.current_thread():
            manager.join(max(deadline - time.monotonic(), 0.1))


def exit_at_once(code: int):
    """End the process now with `code`, flushing standard output and error but skipping the
    interpreter's teardown (half a second to seconds of freeing the memory of pandas, scikit-learn
    and the corpus). For the command line after an interrupt, once the exception has unwound:
    by then outputs are whole or removed and workers reaped, and nothing else needs to run."""
    if "logging" in sys.modules:
        sys.modules["logging"].shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(code)


@contextmanager
def process_pool(max_workers: int, initializer: Callable | None = None, initargs: Sequence[Any] = ()) -> Iterator[Any]:
    """A `concurrent.futures.ProcessPoolExecutor` of `max_workers` processes whose workers ignore
    Ctrl-C and die with their parent. Leaving the block normally waits for the work, as
    `with ProcessPoolExecutor(...)` does; leaving it by an exception (Ctrl-C, SIGTERM inside
    `handle_interrupts`, a failing task) cancels pending tasks and kills the workers first,
    then lets the exception through. `initializer(*initargs)` runs once in each worker."""
    ctx = _context()
    forked = ctx.get_start_method() == "fork"
    with signals_deferred():
        pool = _pool_class()(max_workers, mp_context=ctx, initializer=_worker_start,
                             initargs=(os.getpid(), forked, initializer, tuple(initargs)))
    try:
        yield pool
        pool.shutdown(wait=True)
    except BaseException:
        _abort(pool)
        raise
