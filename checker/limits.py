"""Resource bounds for one input, so that one pathological file cannot hang a pipeline nor take
the machine's memory: a time budget per file (``--timeout``), a memory budget (``--max-memory``)
and a size limit (``--max-file-size``, enforced where files are read, in ``checker.inputs``).

The time budget is an interval timer (``signal.setitimer``) whose ``SIGALRM`` raises
``CheckTimeout`` in the process that checks the file: the main process, or a ``--jobs`` worker
(each is a process of its own). It needs a POSIX system and the main thread; elsewhere files are
checked without a budget. The alarm is always disarmed and the previous handler restored when
the check ends, whichever way it ends. Python runs the handler between two bytecodes, so a single
call into C code (one regular expression match, one lxml parse) finishes before the budget is
enforced; every reader and rule works in many such calls, each bounded by the file size.

The memory budget bounds what the process holds (its resident set, RSS) while it checks a file.
Resource limits (``RLIMIT_AS``) are process-wide and turn any allocation anywhere into a
``MemoryError``, so instead the process samples its own RSS every ``MEMORY_SAMPLE`` seconds of
CPU time (``ITIMER_PROF``, ``SIGPROF``: reading ``/proc/self/statm`` costs microseconds) and
raises ``CheckTooLarge`` in the check when it is past the budget. What a check builds is then
freed as the exception unwinds, and the next file starts afresh. Memory grows by at most a few
MB between two samples (Python allocates a few hundred MB per second of CPU at most), which the
default budget leaves room for. Linux only (``/proc``); elsewhere files are checked without it.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .i18n import _
from .inputs import _human as human_size

DEFAULT_TIMEOUT = 60.0  # seconds per file: generous; a large PO file takes a few seconds
# Bytes the process may hold while it checks a file (--max-memory). A check of an ordinary 1 MB
# draft needs about 70 MB, of 10 MB against 100,000 entries 460 MB (docs/performance.md); past
# 800 MB, a file is a hostile one or one to split. Below 1 GB, with room for what the last
# sample did not see.
DEFAULT_MAX_MEMORY = 800_000_000
MEMORY_SAMPLE = 0.01  # seconds of CPU time between two readings of the resident set
_STATM = "/proc/self/statm"


class CheckTimeout(Exception):
    """A file took longer than its time budget (internal: the engine turns it into an input
    error on that file)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"took longer than {seconds:g} s")


def timeout_message(seconds: float) -> str:
    return _("took longer than {seconds} s; skipped (raise the budget with --timeout if this "
             "file is meant to be checked, and report it if it is an ordinary draft)").format(
                 seconds=f"{seconds:g}")


_armed: float | None = None  # the budget of the check under way, None when none is


def _on_alarm(signum, frame) -> None:
    if _armed is not None:
        raise CheckTimeout(_armed)


def _supported() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``CheckTimeout`` in the body when it runs longer than ``seconds`` (no limit when
    ``seconds`` is None or 0, or where timers are not available)."""
    global _armed
    if not seconds or seconds <= 0 or not _supported():
        yield
        return
    previous = signal.getsignal(signal.SIGALRM)
    try:  # armed inside: an alarm that goes off at once still finds the handler restored
        signal.signal(signal.SIGALRM, _on_alarm)
        _armed = seconds
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        # The alarm may go off while this block runs: disarm again until it has run through.
        while True:
            try:
                _armed = None
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except CheckTimeout:
                continue


class CheckTooLarge(Exception):
    """A file's check took the process past its memory budget (internal: the engine turns it
    into an input error on that file)."""

    def __init__(self, limit: int, resident: int):
        self.limit = limit
        self.resident = resident
        super().__init__(f"needs more than {limit:,} bytes of memory")


def too_large_message(limit: int) -> str:
    return _("needs more than {size} of memory to check; skipped (split it into smaller "
             "files, or raise the budget with --max-memory if it is meant to be checked "
             "whole)").format(size=human_size(limit))


def out_of_memory_message() -> str:
    return ("ran out of memory while being checked; skipped (split it into smaller files, or "
            "check it on a machine with more memory)")


def resident_memory() -> int | None:
    """Bytes the process holds in memory now (its resident set), None where it cannot tell."""
    try:
        with open(_STATM, "rb") as stream:
            return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


_memory_armed: int | None = None  # the memory budget of the check under way


def _on_sample(signum, frame) -> None:
    if _memory_armed is not None:
        resident = resident_memory()
        if resident is not None and resident > _memory_armed:
            raise CheckTooLarge(_memory_armed, resident)


def _memory_supported() -> bool:
    return (hasattr(signal, "setitimer") and hasattr(signal, "SIGPROF")
            and threading.current_thread() is threading.main_thread()
            and resident_memory() is not None)


@contextmanager
def memory_limit(limit: int | None) -> Iterator[None]:
    """Raise ``CheckTooLarge`` in the body when the process holds more than ``limit`` bytes
    (no limit when ``limit`` is None or 0, or where it cannot be measured)."""
    global _memory_armed
    if not limit or limit <= 0 or not _memory_supported():
        yield
        return
    previous = signal.getsignal(signal.SIGPROF)
    try:  # armed inside, as time_limit is
        signal.signal(signal.SIGPROF, _on_sample)
        _memory_armed = limit
        signal.setitimer(signal.ITIMER_PROF, MEMORY_SAMPLE, MEMORY_SAMPLE)
        yield
    finally:
        # A sample, or the time budget's alarm, may go off while this block runs: disarm again
        # until it has run through.
        while True:
            try:
                _memory_armed = None
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, previous)
                break
            except (CheckTooLarge, CheckTimeout):
                continue


@contextmanager
def check_budget(seconds: float | None, memory: int | None) -> Iterator[None]:
    """The time and the memory budget of one file's check (see ``time_limit`` and
    ``memory_limit``)."""
    with time_limit(seconds), memory_limit(memory):
        yield
