"""The per-file time budget (``--timeout``): a file whose check runs past it is reported as an
input error and the others are checked, in one process or in ``--jobs`` workers; the alarm is
always disarmed and the previous SIGALRM handler restored, however the check ended."""

from __future__ import annotations

import json
import signal
import time

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.errors import InputError
from checker.limits import CheckTimeout, time_limit
from checker.readers import READERS, plain

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers")
GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"


def slow_reader(path: str, text: str):
    """A reader that never finishes on a draft holding 'HANG' (a pathological input)."""
    if "HANG" in text:
        while True:
            time.sleep(0.01)
    return plain.read(path, text)


@pytest.fixture
def folder(tmp_path, monkeypatch, small_terms):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(READERS, ".txt", slow_reader)
    for number in range(4):
        (tmp_path / f"good{number}.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "hang.txt").write_text("HANG " + GOOD, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_past_its_budget_is_skipped_and_the_others_checked(folder, jobs):
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["check", "good0.txt", "hang.txt", "good1.txt", "good2.txt",
                                      "good3.txt", "--terms", "small.yaml", "--lang", "fr",
                                      "--timeout", "0.3", "--jobs", jobs, "--format", "json"])
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["errors"] == [{"path": "hang.txt", "message": (
        "took longer than 0.3 s; skipped (raise the budget with --timeout if this file is meant "
        "to be checked, and report it if it is an ordinary draft)")}]
    assert sorted(f["path"] for f in data["findings"]) == [f"good{n}.txt" for n in range(4)]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_the_budget_is_per_file(folder):
    # Ten files of 0.1 s each within a 0.3 s budget: none is skipped.
    def slowish(path, text):
        time.sleep(0.1)
        return plain.read(path, text)

    READERS[".txt"] = slowish
    names = [f"good{n % 4}.txt" for n in range(4)]
    result = CliRunner().invoke(cli, ["check", *names, "--terms", "small.yaml", "--lang", "fr",
                                      "--timeout", "0.3", "--format", "json"])
    assert json.loads(result.stdout)["errors"] == []


def test_no_budget_with_zero(folder):
    READERS[".txt"] = lambda path, text: (time.sleep(0.4), plain.read(path, text))[1]
    result = CliRunner().invoke(cli, ["check", "good0.txt", "--terms", "small.yaml", "--lang",
                                      "fr", "--timeout", "0", "--format", "json"])
    assert json.loads(result.stdout)["errors"] == []


def test_the_alarm_is_disarmed_and_the_handler_restored_however_the_check_ends():
    def mine(signum, frame):
        raise AssertionError("the previous handler must not run")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with time_limit(5):  # ends normally
            pass
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGALRM) is mine
        with pytest.raises(InputError), time_limit(5):  # ends with an error
            raise InputError("x", "y")
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        with pytest.raises(CheckTimeout), time_limit(0.05):  # runs out
            while True:
                pass
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert signal.getsignal(signal.SIGALRM) is mine
        for _ in range(200):  # an alarm that goes off as the body ends never escapes
            try:
                with time_limit(0.0005):
                    sum(range(2000))
            except CheckTimeout:
                pass
            assert signal.getsignal(signal.SIGALRM) is mine
        time.sleep(0.01)  # a late alarm would call mine() here
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_fixes_are_within_the_budget_too(folder, monkeypatch):
    import checker.tools.fixes as fixes

    def slow_rounds(result, recheck, unsafe=False):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(fixes, "converged_text", slow_rounds)
    original = (folder / "good0.txt").read_bytes()
    result = CliRunner().invoke(cli, ["check", "good0.txt", "--terms", "small.yaml", "--lang",
                                      "fr", "--timeout", "0.2", "--fix"])
    assert result.exit_code == 2
    assert "good0.txt: error: fixing it took longer than 0.2 s (raise the budget" in result.output
    assert "the file was left as it was" in result.output
    assert (folder / "good0.txt").read_bytes() == original
