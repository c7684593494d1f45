"""Crash-safe fixes: ``termcheck check --fix`` killed (SIGKILL) at random moments, again and
again, in the middle of fixing many files, leaves every file either byte for byte as it was or
completely fixed: never empty, never half written (the test fails when files are written in
place). A killed run can leave a hidden temporary file, ``.NAME.XXXXXXXX.termcheck``, beside a
draft; folder walks skip hidden files, and the draft itself is intact.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.engine import Checker, CheckOptions
from checker.tools import fixes
from glossary import load_termbase

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")

PARAGRAPH = ("Selon Sergei Lavrov, la réunion avec jake Sullivan a eu lieu. Nikolaï Patrushev "
             "était là ; Lаvrov aussi.\n")
FILES = 40
KILLS = 4


def drafts(folder: Path) -> dict[Path, bytes]:
    """Drafts of various sizes and encodings, and what each must be once fixed."""
    checker = Checker(load_termbase([str(folder / "small.yaml")]), CheckOptions(lang="fr"))
    expected = {}
    fixed: dict[tuple[str, str], str] = {}  # text and encoding -> fixed text
    rng = random.Random(8)
    for number in range(FILES):
        text = PARAGRAPH * rng.choice([1, 5, 20, 100])
        bom, encoding = rng.choice([(b"", "utf-8"), (b"\xef\xbb\xbf", "utf-8"),
                                    (b"\xff\xfe", "utf-16-le")])
        path = folder / f"draft{number:03}.md"
        path.write_bytes(bom + text.encode(encoding))
        if (text, encoding) not in fixed:
            result = checker.check_path(str(path))
            fixed[text, encoding] = fixes.converged_text(result, checker.recheck)[0]
        expected[path] = bom + fixed[text, encoding].encode(encoding)
    return expected


@pytest.mark.slow
def test_fix_killed_at_random_moments_leaves_each_file_whole(tmp_path, small_terms):
    expected = drafts(tmp_path)
    originals = {path: path.read_bytes() for path in expected}
    command = [sys.executable, "-m", "checker", "check", "--fix", "--terms", str(small_terms),
               "--lang", "fr", *[p.name for p in sorted(expected)]]
    # A run to the end leaves every file fixed, and says how long fixing takes.
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    started = _fixing_started(tmp_path, process)
    process.wait(timeout=120)
    fixing = time.monotonic() - started
    assert all(path.read_bytes() == fixed for path, fixed in expected.items())
    rng = random.Random(2024)
    kills = 0
    for _ in range(KILLS):
        for path, original in originals.items():
            path.write_bytes(original)
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _fixing_started(tmp_path, process)
        time.sleep(rng.uniform(0, 0.8 * fixing))  # a random moment while files are written
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=30)
        for path, fixed in expected.items():
            content = path.read_bytes()
            assert content in (originals[path], fixed), f"{path.name} is neither"
        for leftover in tmp_path.glob(".*.termcheck"):
            assert leftover.name.startswith(".draft")
            leftover.unlink()
    assert kills >= KILLS // 2, "the runs ended before they could be killed"


def _fixing_started(folder: Path, process: subprocess.Popen) -> float:
    """When fixing started: the folder changes when the first temporary file is made."""
    before = os.stat(folder).st_mtime_ns
    deadline = time.monotonic() + 60
    while (time.monotonic() < deadline and process.poll() is None
           and os.stat(folder).st_mtime_ns == before):
        time.sleep(0.002)
    return time.monotonic()


def _unchanged_count(expected: dict[Path, bytes], originals: dict[Path, bytes]) -> int:
    return sum(1 for path in expected if path.read_bytes() == originals[path])


def test_write_atomic_keeps_the_mode_and_leaves_nothing_behind_on_failure(tmp_path,
                                                                          monkeypatch):
    draft = tmp_path / "a.md"
    draft.write_bytes(b"old")
    os.chmod(draft, 0o640)
    fixes.write_atomic(str(draft), b"new")
    assert draft.read_bytes() == b"new" and draft.stat().st_mode & 0o777 == 0o640

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        fixes.write_atomic(str(draft), b"newer")
    assert draft.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
