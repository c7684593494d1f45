"""A ``--jobs`` worker that dies (issue 13, row 4): ``multiprocessing.Pool`` waited forever for
the result of a worker killed by the out-of-memory killer. Now the file it was checking is
reported as not checked (exit status 2), the others are checked, and the run ends.

The worker is killed through a seam the test controls, not a switch in termcheck: the test
replaces ``Checker.check_path`` (in a process of its own, or in this one for the pool alone)
with one that sends SIGKILL to its own process on a given file; forked workers inherit it.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from checker.workers import checked_in_workers, death_reason

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # one wrong-language finding
SECONDS = 60  # the test fails (rather than hangs) past this

KILLING_RUN = textwrap.dedent("""\
    import os, signal, sys
    import checker.cli as cli
    import checker.engine as engine

    real = engine.Checker.check_path

    def check_path(self, path):
        if os.path.basename(path).startswith("bomb"):
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return real(self, path)

    engine.Checker.check_path = check_path
    cli.available_cpus = lambda: 4  # --jobs is capped at the CPUs: keep workers on any machine
    cli.main(sys.argv[1:])
    """)


def run_killing(folder, *args: str) -> subprocess.CompletedProcess:
    """``termcheck ARGS`` in a process whose workers kill themselves on files named bomb*,
    in a session of its own so that a hanging run and its workers can all be stopped."""
    child = subprocess.Popen([sys.executable, "-c", KILLING_RUN, *args], cwd=folder,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        stdout, stderr = child.communicate(timeout=SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail(f"termcheck --jobs hung for {SECONDS} s after a worker died")
    return subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr)


@pytest.mark.slow
def test_a_dead_worker_is_reported_and_the_run_ends(folder):
    for n in range(8):
        (folder / f"d{n}.md").write_text(GOOD, encoding="utf-8")
    (folder / "bomb.md").write_text(GOOD, encoding="utf-8")
    done = run_killing(folder, "check", ".", "--terms", "small.yaml", "--lang", "fr",
                       "--jobs", "2", "--format", "json")
    assert done.returncode == 2, done.stderr
    report = json.loads(done.stdout)
    (error,) = report["errors"]
    assert error["path"] == "bomb.md"
    assert error["message"].startswith("was not checked: the process checking it died "
                                       "(killed by SIGKILL")
    assert "--jobs 1" in error["message"]
    # Every other file was checked (good.md and the eight drafts).
    assert sorted(f["path"] for f in report["findings"]) == sorted(
        ["good.md", *(f"d{n}.md" for n in range(8))])
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_every_worker_dying_still_ends_the_run(folder):
    for n in range(3):
        (folder / f"bomb{n}.md").write_text(GOOD, encoding="utf-8")
    done = run_killing(folder, "check", "bomb0.md", "bomb1.md", "bomb2.md", "good.md",
                       "--terms", "small.yaml", "--lang", "fr", "--jobs", "2", "--format",
                       "json")
    assert done.returncode == 2, done.stderr
    report = json.loads(done.stdout)
    assert [e["path"] for e in report["errors"]] == ["bomb0.md", "bomb1.md", "bomb2.md"]
    assert [f["path"] for f in report["findings"]] == ["good.md"]


# --- the pool itself, forked from this process ----------------------------------------------------
@pytest.fixture
def deadline():
    """Fail a test that waits longer than SECONDS (a pool that hangs), rather than hang."""
    def expired(signum, frame):
        raise TimeoutError(f"still waiting after {SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def checking(path: str) -> str:
    if path.startswith("bomb"):
        os.kill(os.getpid(), signal.SIGKILL)
    if path.startswith("exit"):
        os._exit(3)
    return f"checked {path}"


def failed(path: str, reason: str) -> str:
    return f"failed {path}: {reason}"


@pytest.mark.parametrize("chunk", [1, 4])
def test_the_files_of_a_dead_workers_batch_go_to_the_others(deadline, chunk):
    files = [f"f{n}" for n in range(10)] + ["bomb-a"] + [f"g{n}" for n in range(10)] + \
        ["exit-b", "last"]
    results = list(checked_in_workers(checking, files, 2, chunk, failed))
    expected = [f"checked {f}" for f in files]
    expected[10] = "failed bomb-a: killed by SIGKILL, which is how the system's out-of-memory " \
                   "killer stops one"
    expected[21] = "failed exit-b: ended with exit status 3"
    assert results == expected
    assert multiprocessing.active_children() == []  # every worker reaped


def test_a_pool_of_dying_workers_ends(deadline):
    files = ["bomb1", "bomb2", "bomb3", "bomb4", "ok"]
    results = list(checked_in_workers(checking, files, 2, 2, failed))
    assert [r.split(":")[0] for r in results] == [
        "failed bomb1", "failed bomb2", "failed bomb3", "failed bomb4", "checked ok"]
    assert multiprocessing.active_children() == []


def raising(path: str) -> str:
    raise ValueError(f"a bug on {path}")


def test_an_exception_let_out_of_a_worker_is_raised_in_the_parent(deadline):
    # As --debug lets a bug out of check_path: it reaches the parent with the worker's
    # traceback, and the workers are stopped. Whichever worker fails first is reported (two
    # run at once: on a loaded machine b's may come before a's).
    with pytest.raises(ValueError, match=r"a bug on [abc]") as caught:
        list(checked_in_workers(raising, ["a", "b", "c"], 2, 1, failed))
    assert "Traceback" in str(caught.value.__cause__)
    assert multiprocessing.active_children() == []


def test_death_reasons():
    assert death_reason(-signal.SIGSEGV) == "killed by SIGSEGV"
    assert death_reason(1) == "ended with exit status 1"
