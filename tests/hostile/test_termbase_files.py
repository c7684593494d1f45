"""Termbase and exchange files that are not regular files, or are huge (issue 13, row 13):
``--terms`` on a FIFO hung for ever (opening one waits for a writer) and on ``/dev/zero`` read
until memory ran out; so did ``terms import``. Now only regular files are read, up to a size
limit, and anything else is refused at once with a message naming the file and what it is.

Each command runs in a process of its own, under a time limit and an address-space limit, so
that the code of before fails these tests instead of hanging them or taking the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from glossary.files import MAX_IMPORT_SIZE, MAX_TERMBASE_SIZE, UnreadableFile, read_regular_file

SECONDS = 30
MEMORY = 2 << 30  # bytes of address space a command may take here


def termcheck(folder, *args: str) -> subprocess.CompletedProcess:
    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    try:
        return subprocess.run([sys.executable, "-m", "checker", *args], cwd=folder,
                              capture_output=True, text=True, timeout=SECONDS,
                              preexec_fn=limited)
    except subprocess.TimeoutExpired:
        pytest.fail(f"termcheck {' '.join(args)} still running after {SECONDS} s")


@pytest.fixture
def fifo(folder):
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    return path


def test_terms_on_a_fifo_is_refused_at_once(folder, fifo):
    done = termcheck(folder, "check", "good.md", "--terms", str(fifo), "--lang", "fr")
    assert done.returncode == 2
    assert done.stderr == ("termcheck: 1 problem in the termbase:\n"
                           f"  {fifo}: is a named pipe (FIFO), not a regular file; give a "
                           "termbase file\n")


def test_terms_on_dev_zero_is_refused_without_reading_it(folder):
    done = termcheck(folder, "check", "good.md", "--terms", "/dev/zero", "--lang", "fr")
    assert done.returncode == 2
    assert "/dev/zero: is a character device, not a regular file; give a termbase file" in \
        done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr


@pytest.mark.parametrize("command", [["terms", "validate"], ["terms", "stats", "--terms"],
                                     ["lookup", "x", "--terms"]])
def test_other_commands_refuse_a_fifo_as_a_termbase(folder, fifo, command):
    done = termcheck(folder, *command, str(fifo))
    assert done.returncode == 2
    assert f"{fifo}: is a named pipe (FIFO), not a regular file" in done.stdout + done.stderr


def test_terms_add_refuses_a_fifo(folder, fifo):
    done = termcheck(folder, "terms", "add", str(fifo), "--type", "person", "--preferred",
                     "fr=Jean Dupont")
    assert done.returncode == 2
    assert done.stderr == (f"termcheck: {fifo}: is a named pipe (FIFO), not a regular file; "
                           "give a termbase file\n")


@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_terms_import_refuses_what_is_not_a_file(folder, fifo, source):
    path = str(fifo) if source == "fifo" else source
    done = termcheck(folder, "terms", "import", path, "--format", "tbx")
    assert done.returncode == 2
    kind = "a named pipe (FIFO)" if source == "fifo" else "a character device"
    assert done.stderr == (f"termcheck: {path}: is {kind}, not a regular file; give a TBX, "
                           "CSV or JSON file\n")


def test_a_huge_termbase_is_refused_from_its_size(folder):
    huge = folder / "huge.yaml"
    with open(huge, "wb") as stream:  # sparse: nothing is written, nothing should be read
        stream.truncate(MAX_TERMBASE_SIZE + 1)
    done = termcheck(folder, "check", "good.md", "--terms", str(huge), "--lang", "fr")
    assert done.returncode == 2
    assert (f"{huge}: is 50.0 MB, more than the 50.0 MB a termbase file may have; split it "
            "into layers (--terms first.yaml --terms second.yaml)") in done.stderr


def test_a_huge_import_is_refused_from_its_size(folder):
    huge = folder / "huge.tbx"
    with open(huge, "wb") as stream:
        stream.truncate(MAX_IMPORT_SIZE + 10**6)
    done = termcheck(folder, "terms", "import", str(huge))
    assert done.returncode == 2
    assert done.stderr == (f"termcheck: {huge}: is 201.0 MB, more than the 200.0 MB a TBX, "
                           "CSV or JSON file may have; split the export in parts and import "
                           "each\n")


def test_reading_stops_at_the_limit_when_a_file_grows(tmp_path, monkeypatch):
    # fstat says small, the reads go on (a file appended to while termcheck reads it).
    path = tmp_path / "growing.yaml"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class Small:
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda fd: Small(real_fstat(fd)))
    with pytest.raises(UnreadableFile, match="is 51 bytes, more than the 50 bytes"):
        read_regular_file(path, 50)
    assert read_regular_file(path, 100) == b"x" * 100
