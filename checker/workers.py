"""Checking files in forked worker processes (``--jobs``) that survives the death of a worker.

``multiprocessing.Pool`` loses the task of a worker that dies (killed by the kernel's
out-of-memory killer, a crash in C code) and then waits for its result forever. Here each worker
is a forked process with a pipe of its own: the parent hands it a few files at a time and gets
one result back per file, so it always knows which file a worker is checking, and it waits on
the pipes and on the processes together (``multiprocessing.connection.wait``). When a worker
dies, the file it was checking gets an error (``failed(path, reason)``), the files it had not
started go back to the queue, and a new worker, forked again from the parent, takes its place.
Every death takes one file with it, so the run always ends.

Workers are forked, so they share the parent's compiled index and word lists (its pages, copied
only where written) and ``check`` is inherited rather than pickled; results come back pickled.
A worker ignores Ctrl-C: the parent, which gets it too, stops the workers itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import TypeVar, cast

R = TypeVar("R")


class WorkerTraceback(Exception):
    """The traceback, in a worker, of an exception raised again in the parent (``--debug``)."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0])


def death_reason(exitcode: int | None) -> str:
    """What ended a worker, as a user can read it."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return f"killed by {name}, which is how the system's out-of-memory killer stops one"
        return f"killed by {name}"
    return f"ended with exit status {exitcode}"


class _Worker:
    """One forked process, its end of the pipe, and the files handed to it not yet answered."""

    def __init__(self, context, check: Callable[[str], object]):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, check), daemon=True)
        self.process.start()
        child.close()  # only the worker holds it now: its death reads as the end of the pipe
        self.assigned: deque[tuple[int, str]] = deque()

    def give(self, batch: list[tuple[int, str]]) -> None:
        self.assigned.extend(batch)
        self.conn.send(batch)

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # already gone
            self.conn.send(None)
        self.conn.close()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.conn.close()


def _serve(conn: Connection, check: Callable[[str], object]) -> None:
    """A worker's loop: lists of (position, path) in, one (position, result) out per file;
    None (or the parent gone) ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for position, path in batch:
            try:
                answer: tuple[int, object, tuple[Exception, str] | None]
                answer = (position, check(path), None)
            except Exception as exc:  # a bug let out (--debug): raised again in the parent
                answer = (position, None, (exc, traceback.format_exc()))
            conn.send(answer)


def checked_in_workers(check: Callable[[str], R], files: Sequence[str], processes: int,
                       chunk: int, failed: Callable[[str, str], R]) -> Iterator[R]:
    """``check(path)`` of every file, in ``processes`` forked workers, yielded in the order of
    ``files``; a file whose worker died while checking it gives ``failed(path, reason)``."""
    context = multiprocessing.get_context("fork")
    queue = deque(enumerate(files))
    results: dict[int, R] = {}
    workers: dict[Connection, _Worker] = {}
    sentinels: dict[int, _Worker] = {}

    def feed(worker: _Worker) -> None:
        if queue:
            worker.give([queue.popleft() for _ in range(min(chunk, len(queue)))])
        else:  # nothing left to hand out: it may go
            del workers[worker.conn], sentinels[worker.process.sentinel]
            worker.stop()
            worker.process.join()

    def start() -> None:
        worker = _Worker(context, check)
        workers[worker.conn] = worker
        sentinels[worker.process.sentinel] = worker
        feed(worker)

    def receive(worker: _Worker) -> bool:
        """Take one answer from ``worker``; False when its pipe is closed (it died)."""
        try:
            position, result, raised = worker.conn.recv()
        except (EOFError, OSError):
            return False
        if raised is not None:
            exc, text = raised
            raise exc from WorkerTraceback(text)
        results[position] = result
        worker.assigned.popleft()
        return True

    def buried(worker: _Worker) -> None:
        while worker.conn.poll() and receive(worker):
            pass  # answers it sent before it died
        del workers[worker.conn], sentinels[worker.process.sentinel]
        worker.process.join()
        reason = death_reason(worker.process.exitcode)
        worker.conn.close()
        if worker.assigned:
            position, path = worker.assigned.popleft()
            results[position] = failed(path, reason)
            queue.extendleft(reversed(worker.assigned))  # not started: for the others
        if queue and len(workers) < processes:
            start()

    next_out = 0
    try:
        for _ in range(min(processes, len(files))):
            start()
        while next_out < len(files):
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            if next_out >= len(files):
                break
            if not workers:  # cannot happen: a death takes a file and starts a new worker
                raise RuntimeError("no worker left with files still to check")
            for ready in wait([*workers, *sentinels]):
                worker = workers.get(ready) if isinstance(ready, Connection) else \
                    sentinels.get(cast(int, ready))
                if worker is None or worker.conn.closed:
                    continue  # stopped or buried earlier in this round
                if isinstance(ready, Connection) and receive(worker):
                    if not worker.assigned:
                        feed(worker)
                elif not worker.process.is_alive() or isinstance(ready, Connection):
                    buried(worker)
    finally:
        for worker in list(workers.values()):
            worker.kill()
