"""Reading the files a user names as termbases (``--terms``, ``terms add``) or gives to
``terms import``: regular files only, and of a bounded size.

Opening a named pipe (FIFO) for reading waits for a writer, so ``--terms`` on one hung for ever;
a device such as ``/dev/zero`` never ends, so reading it took all the memory there was. Here the
file is opened without waiting (``O_NONBLOCK``), what it is is asked of the open file itself
(``fstat``: no window in which it could be swapped for another), and anything but a regular file
is refused by its kind; a regular file larger than the limit is refused from its size without
being read, and one that grows while it is read is still read no further than the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A termbase file (YAML) larger than this is refused. The 100,000-entry benchmark termbase is a
# 22 MB file (docs/performance.md), whose composition already takes 1.1 GB; a house termbase is
# a few MB, and a larger one can be split into layers, as TERMBASE_ADVICE says.
MAX_TERMBASE_SIZE = 50_000_000
TERMBASE_ADVICE = "; split it into layers (--terms first.yaml --terms second.yaml)"
# An exchange file (TBX, CSV, JSON) to import: TBX takes about six times the bytes of the same
# entries in YAML (1.1 kB an entry), so this is some 150,000 entries of TBX.
MAX_IMPORT_SIZE = 200_000_000

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableFile(Exception):
    """A file that is not read: ``reason`` says why, to follow its path in a message."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _size(size: int) -> str:
    return f"{size / 10**6:.1f} MB" if size >= 10**6 else f"{size:,} bytes"


def read_regular_file(path: str | Path, limit: int, what: str = "a termbase file",
                      advice: str = "") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them. Raises
    ``UnreadableFile`` for anything else (a FIFO, a device, a socket: ``what`` names what was
    expected) or a larger file (``advice`` follows the message); ``FileNotFoundError``,
    ``IsADirectoryError`` and other ``OSError``s as ``open`` does."""
    shown = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(path, flags)
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", shown)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a file")
            raise UnreadableFile(shown, f"is {kind}, not a regular file; give {what}")
        if info.st_size > limit:
            raise UnreadableFile(shown, too_large(info.st_size, limit, what) + advice)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while it was read
            raise UnreadableFile(shown, too_large(total, limit, what) + advice)
        return b"".join(chunks)
    finally:
        os.close(handle)


def too_large(size: int, limit: int, what: str) -> str:
    return f"is {_size(size)}, more than the {_size(limit)} {what} may have"
