"""Checking files on a Dask cluster (``check --scheduler ADDRESS``), beside the ``--jobs`` workers
of ``checker.workers``: the same ``Checker.check_path`` of each file, run by the cluster's workers
instead of forked processes, its results back in input order.

The compiled index reaches the workers the cheapest way each can take it. The run's worker
plugin (``RunPlugin``, which the scheduler hands every worker, and every worker that joins
later: one started in place of a worker that died) carries only the index's key and the path
of the file the client read it from (its cache file, or ``--index``). A worker that reads a
file of that key there (``glossary.index.cache.read_index``: a ``LocalCluster``, NFS) maps it,
as a ``--jobs`` worker does: nothing is sent, nothing written. A worker that cannot (another
machine) tells the client so in its task's answer; the client then puts the file's bytes on
the scheduler once (a Dask ``Variable``) and sends the batch again, and from then on a worker
that cannot read the path fetches the bytes from there, writes them to its local folder and
maps that copy; workers that read the path still do, and never receive the bytes. Either way
the worker builds its checker with ``make_checker`` (the run's settings, pickled with the
plugin) when the run's first task reaches it, then keeps it for the run's other tasks (and
keeps a shared file's index mapped for its next run on the same file).

Files go out in batches (a task checks up to 200, so the scheduler's cost per task stays
small; fewer as the run ends, so that the workers finish together), a few batches per worker
in flight at a time, so that a run over millions of files never holds millions of tasks;
results come back as batches finish, and the client puts them back in input order.

Failures: a file that cannot be read or checked is reported by ``check_path`` itself, as in one
process. A worker that dies while it checks a batch (killed, out of memory) is replaced by the
cluster and the batch run again on another (Dask's ``allowed-failures``); a batch that kills
worker after worker (``KilledWorker``) is split, each of its files sent alone, and the one file
that still kills its worker is reported as not checked, never dropped.

Local paths must be on a filesystem the workers share (a laptop's ``LocalCluster``, NFS or
Lustre on a cluster): they are sent absolute and reported as given. Without a shared
filesystem, give URLs the workers can read (``s3://``, ``gs://``: ``checker.inputs``). The
time and memory budgets of a file (``--timeout``, ``--max-memory``) are not enforced on a
worker, which runs tasks in threads and timers need the main thread; the size limit is, and the
cluster's own memory limit stops a worker that holds too much.

``distributed`` is imported only here, and only when a run asks for a cluster: it comes with
the optional extra ``termcheck[dask]``.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary import TermIndex
from glossary.atomic import write_atomic
from glossary.index.cache import read_index, write_index

from .engine import Checker, batch_collection
from .errors import ClusterError
from .i18n import _, language, using
from .inputs import is_url
from .report import FileResult

if TYPE_CHECKING:
    from distributed.diagnostics.plugin import WorkerPlugin
else:
    try:  # the optional extra: without it, cluster_client says how to install it
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:
        WorkerPlugin = object

INSTALL_HINT = "pip install 'termcheck[dask]'"
# Batches in flight per worker: enough that a worker never waits for the client, few enough
# that the files of a batch lost with a worker are soon checked again.
BATCHES_PER_WORKER = 4
# Files per task at most: 200 articles of 5 kB are a second of a worker's time, so that even
# a thousand workers ask the scheduler for a thousand tasks a second, which it keeps up with.
MAX_BATCH = 200
# Files per task at least (but the very last task): the tasks that end a run are small, so that
# the workers finish together, not one idle while another checks a last big batch; not so small
# that the cost of a task (a few milliseconds) weighs on its files' (ten each at 5 kB). A tenth
# of the workers at least, so that a thousand workers, on the run's last tasks too, still ask
# the scheduler for no more than a thousand tasks a second.
MIN_BATCH = 8
CONNECT_TIMEOUT = "30s"

Progress = Callable[[Iterable[FileResult], int], Iterator[FileResult]]
CheckerFactory = Callable[[TermIndex], Checker]


@dataclass(frozen=True)
class IndexImage:
    """A run's compiled index as the client offers it to the workers: ``path``, the file it
    was read from (absolute; None when there is none), which a worker that reads the same file
    there maps; its ``bytes()``, for a worker that cannot. Only the key and the path are sent
    with every run; the index stays with the client."""

    key: str
    path: Path | None
    index: TermIndex = field(repr=False, compare=False)

    @classmethod
    def of(cls, index: TermIndex, key: str, files: Sequence[Path] = ()) -> IndexImage:
        """The image of ``index``, compiled for ``key``, at the first of ``files`` (where the
        run read it from, or wrote it to) that is a file. Not read here: each worker checks
        that the file holds the index of ``key`` as it maps it."""
        path = next((path for path in files if path.is_file()), None)
        return cls(key, path.resolve() if path is not None else None, index)

    def bytes(self) -> bytes:
        """The bytes of the index's file: those of ``path`` if it holds the index of ``key``,
        else the index written as ``terms compile`` writes one (which unpacks every entry:
        30 s at 100,000 entries, against a fraction of a second to read the file back)."""
        if self.path is not None and read_index(self.path, self.key) is not None:
            return self.path.read_bytes()
        with tempfile.TemporaryDirectory(prefix="termcheck-") as folder:
            path = Path(folder) / "index.idx"
            write_index(self.index, self.key, path)
            return path.read_bytes()


def cluster_client(address: str) -> Any:
    """A client of the Dask scheduler at ``address`` (``tcp://host:8786``). Raises
    ``ClusterError`` when the extra is not installed or the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            _(
                "--scheduler checks on a Dask cluster, which needs termcheck's Dask extra: "
                "{install}"
            ).format(install=INSTALL_HINT)
        ) from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            _(
                "cannot reach the Dask scheduler at {address} ({reason}); is it running, and "
                "is the address its 'Scheduler at' line?"
            ).format(address=address, reason=exc)
        ) from None


def check_on_cluster(
    address: str,
    files: Sequence[str],
    make_checker: CheckerFactory,
    image: IndexImage,
    *,
    progress: Progress | None = None,
    batch: int | None = None,
) -> list[FileResult]:
    """``Checker.check_path`` of each of ``files`` on the cluster whose scheduler is at
    ``address``, each worker's checker built once by ``make_checker`` over the index of
    ``image``; the results in the order of ``files``. ``progress`` wraps the results as they
    come in (in the order they finish), as ``Checker.check_paths`` has it do."""
    client = cluster_client(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        sent = [
            (position, path if is_url(path) else os.path.abspath(path))
            for position, path in enumerate(files)
        ]
        batches = [sent[start:end] for start, end in _spans(len(sent), workers, batch)]
        results: list[FileResult | None] = [None] * len(files)
        done = _results(client, batches, make_checker, image, workers * BATCHES_PER_WORKER)
        finished = (_shown(results, position, result, files[position]) for position, result in done)
        for _ in progress(finished, len(files)) if progress is not None else finished:
            pass
    finally:
        client.close()
    assert all(r is not None for r in results)  # every position comes back, or raises
    return [r for r in results if r is not None]


def _spans(count: int, workers: int, batch: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each batch of ``count`` files for ``workers``: ``batch`` files each if
    given; else each batch the share of the files left of one of the batches in flight at a
    time, within ``MIN_BATCH`` (or a tenth of the workers) and ``MAX_BATCH``: the batches
    shrink as the run ends, and the workers finish together."""
    window, least = workers * BATCHES_PER_WORKER, max(MIN_BATCH, workers // 10)
    start = 0
    while start < count:
        size = batch or max(least, min(MAX_BATCH, (count - start) // window))
        yield start, min(count, start + size)
        start += size


def _shown(
    results: list[FileResult | None], position: int, result: FileResult, name: str
) -> FileResult:
    """``result`` under the name its file was given (a path made absolute to be sent), put
    at its place."""
    if result.path != name:
        result = _renamed(result, name)
    results[position] = result
    return result


def _renamed(result: FileResult, name: str) -> FileResult:
    result.path = name
    result.findings = [dataclasses.replace(f, path=name) for f in result.findings]
    if result.source is not None:
        result.source = dataclasses.replace(result.source, path=name)
    if result.document is not None:
        result.document.path = name
    return result


def _results(
    client: Any,
    batches: list[list[tuple[int, str]]],
    make_checker: CheckerFactory,
    image: IndexImage,
    window: int,
) -> Iterator[tuple[int, FileResult]]:
    """(position, result) of every file of ``batches``, as their tasks finish."""
    from distributed import Variable

    # Sent once to every worker, and by the scheduler to each worker that joins later (one
    # started in place of a worker that died): not with each task.
    run = f"termcheck-{uuid.uuid4().hex}"
    path = str(image.path) if image.path is not None else None
    client.register_plugin(RunPlugin(run, image.key, path, make_checker), name=run)
    offered = Variable(_bytes_name(run), client=client)

    def offer() -> None:  # the bytes, on the scheduler, for the workers that need them
        offered.set(image.bytes())

    try:
        yield from _batches(client, run, batches, window, offer, offered=path is None)
    finally:
        try:
            client.unregister_worker_plugin(run)
        finally:
            offered.delete()


def _batches(
    client: Any,
    run: str,
    batches: list[list[tuple[int, str]]],
    window: int,
    offer: Callable[[], None],
    offered: bool,
) -> Iterator[tuple[int, FileResult]]:
    """(position, result) of every file of ``batches``; ``offer`` puts the index's bytes on
    the scheduler, first called when a worker cannot read the index's file (at once, when
    ``offered`` says there is none)."""
    from distributed import KilledWorker, as_completed

    if offered:
        offer()
    pending = deque(batches)
    # The files of batches that killed their workers, checked again one at a time once the
    # others are done: a task alone on the cluster that kills its worker is to blame (a task
    # waiting on the same worker is counted a suspect too when it dies).
    suspects: deque[list[tuple[int, str]]] = deque()
    in_flight: dict[Any, list[tuple[int, str]]] = {}

    def submit() -> list[Any]:
        futures = []
        while (pending and len(in_flight) < window) or (suspects and not in_flight):
            batch = pending.popleft() if pending else suspects.popleft()
            future = client.submit(_check_batch, run, batch, offered, pure=False)
            in_flight[future] = batch
            futures.append(future)
        return futures

    finished = as_completed(submit(), loop=client.loop)
    for future in finished:
        batch = in_flight.pop(future)
        try:
            # Finished, or lost with the worker that held it (then computed again first).
            checked: list[tuple[int, FileResult]] | None = future.result()
            if checked is None:  # sent before the bytes were up, to a worker that needs them
                if not offered:
                    offer()
                    offered = True
                pending.appendleft(batch)  # again, the bytes up: the worker fetches them
            done = checked or []
        except KilledWorker:  # run on worker after worker, and each died
            if len(batch) > 1 or pending or in_flight:
                suspects.extend([item] for item in batch)  # alone, once the others are done
                done = []
            else:  # alone on the cluster, it killed every worker that ran it
                done = [(batch[0][0], not_checked(batch[0][1]))]
        except Exception as error:
            raise ClusterError(
                _("the cluster could not check the files ({reason})").format(
                    reason=f"{type(error).__name__}: {error}"
                )
            ) from None
        yield from done
        future.release()
        for more in submit():
            finished.add(more)


def not_checked(path: str) -> FileResult:
    """The result of a file that killed every worker that checked it."""
    return FileResult(
        path,
        error=_(
            "was not checked: every cluster worker that checked it died (out of memory, or "
            "killed); check it alone without --scheduler, and report it if it is an ordinary "
            "draft"
        ),
    )


# --- on a worker ------------------------------------------------------------------------------
_lock = threading.Lock()  # one check at a time in a worker process, in whatever thread


def _bytes_name(run: str) -> str:
    """The name of the Dask ``Variable`` that holds the index's bytes of the run ``run``."""
    return f"{run}-index"


class RunPlugin(WorkerPlugin):
    """A run's index and how to build its checker, on each worker: the checker is built by
    the first task that needs it (in the task's thread, not in the worker's event loop), over
    the index mapped from the client's file at ``path`` if this worker reads it there, else
    from the bytes the client put on the scheduler, written to the worker's folder; then kept
    for the run's other tasks."""

    def __init__(self, run: str, key: str, path: str | None, make_checker: CheckerFactory):
        self.run = run
        self.key = key
        self.path = path
        self.make_checker = make_checker
        self.language = language()  # the messages of the findings and errors sent back
        self.folder = tempfile.gettempdir()
        self.written: Path | None = None  # the copy of the bytes, removed with the plugin
        self.opened: Checker | None = None

    def setup(self, worker: Any) -> None:
        self.folder = worker.local_directory

    def teardown(self, worker: Any) -> None:
        self.opened = None
        if self.written is not None:
            self.written.unlink(missing_ok=True)

    def checker(self, fetch: bool) -> Checker | None:
        """This worker's checker of the run; None when it cannot read the index's file and
        the bytes are not to be fetched (``fetch``: the client has not put them up)."""
        if self.opened is None:
            index = _shared_index(self.path, self.key) if self.path is not None else None
            if index is None:
                if not fetch:
                    return None
                index = self._fetched()
            checker = self.make_checker(index)
            checker.prepare()
            self.opened = checker
        return self.opened

    def _fetched(self) -> TermIndex:
        """The index from the bytes the client put on the scheduler, mapped from a copy in
        this worker's folder."""
        from distributed import Variable, get_client

        try:  # put up before any task that fetches them is sent, and kept until the run ends
            data = Variable(_bytes_name(self.run), client=get_client()).get(CONNECT_TIMEOUT)
        except TimeoutError:
            raise ClusterError(
                _("the compiled index was not found on the scheduler for the run {run}").format(
                    run=self.run
                )
            ) from None
        path = Path(self.folder) / f"termcheck-index-{uuid.uuid4().hex}.idx"
        write_atomic(path, data, private=True)
        self.written = path
        index = read_index(path, self.key)
        if index is None:
            raise ClusterError(
                _(
                    "the compiled index sent to the worker could not be read back from {path}"
                ).format(path=path)
            )
        return index


# The index a worker last mapped from a shared file, kept for its next run on the same file
# (runs one after another on a long-lived cluster: its digest is not computed again), under
# the file's identity: (path, key, device, inode, size, modification time).
_kept: tuple[tuple[object, ...], TermIndex] | None = None


def _shared_index(path: str, key: str) -> TermIndex | None:
    """The index of ``key`` mapped from the file at ``path``, if this worker reads one there
    (the one it mapped for an earlier run, while the file is the same); else None."""
    global _kept
    try:
        info = os.stat(path)
    except OSError:
        return None
    stamp = (path, key, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    if _kept is not None and _kept[0] == stamp:
        return _kept[1]
    index = read_index(Path(path), key)
    _kept = (stamp, index) if index is not None else None
    return index


def _check_batch(
    run: str, batch: list[tuple[int, str]], fetch: bool
) -> list[tuple[int, FileResult]] | None:
    """A task: ``check_path`` of each (position, path) of ``batch``, by this worker's checker
    of the run ``run``; None when this worker cannot read the index's file and ``fetch`` does
    not say the bytes are up (the client puts them up and sends the batch again)."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(run)
    if not isinstance(plugin, RunPlugin):
        raise ClusterError(_("this worker has not received the run {run}").format(run=run))
    # The client's interface language, not the worker's; the collector as the command line
    # has it while this worker checks files.
    with _lock, using(plugin.language), batch_collection():
        checker = plugin.checker(fetch)
        if checker is None:
            return None
        return [(position, _lean(checker.check_path(path))) for position, path in batch]


def _lean(result: FileResult) -> FileResult:
    """``result`` without the text of a draft with no findings, which no report shows (the
    text and HTML reports quote the lines of findings; SARIF hashes them): only what is
    reported goes back over the network."""
    if not result.findings:
        result.document = None
        result.source = None
    return result
