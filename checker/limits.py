"""Resource bounds for one input, so that one pathological file cannot hang a pipeline: a time
budget per file (``--timeout``) and a size limit (``--max-file-size``, enforced where files are
read, in ``checker.inputs``).

The time budget is an interval timer (``signal.setitimer``) whose ``SIGALRM`` raises
``CheckTimeout`` in the process that checks the file: the main process, or a ``--jobs`` worker
(each is a process of its own). It needs a POSIX system and the main thread; elsewhere files are
checked without a budget. The alarm is always disarmed and the previous handler restored when
the check ends, whichever way it ends. Python runs the handler between two bytecodes, so a single
call into C code (one regular expression match, one lxml parse) finishes before the budget is
enforced; every reader and rule works in many such calls, each bounded by the file size.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIMEOUT = 60.0  # seconds per file: generous; a large PO file takes a few seconds


class CheckTimeout(Exception):
    """A file took longer than its time budget (internal: the engine turns it into an input
    error on that file)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"took longer than {seconds:g} s")


def timeout_message(seconds: float) -> str:
    return (f"took longer than {seconds:g} s; skipped (raise the budget with --timeout if this "
            "file is meant to be checked, and report it if it is an ordinary draft)")


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
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _armed = seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
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
