"""Output files of a run: refusing one that is an input (writing it would destroy it), and
the errors of writing one turned into an ``OutputError`` that names the file."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from typing import TypeVar

from .errors import OutputError, UsageError

T = TypeVar("T")


class OverwriteError(UsageError):
    """An output file that is one of the inputs of the run: writing it would destroy it."""


def refuse_overwriting_inputs(option: str, output: str | os.PathLike[str] | None,
                              inputs: Sequence[str | os.PathLike[str]]) -> None:
    """An ``OverwriteError`` when the file ``option`` would write is one of the ``inputs`` the
    run reads. Files are compared as files (device and inode), so another spelling of the path,
    a symbolic or a hard link to an input is caught too; an output that does not exist yet, or
    is not a regular file (``/dev/stdout``), is no input."""
    if not output:
        return
    try:
        info = os.stat(output)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode):
        return
    for name in inputs:
        if str(name) == "-":
            continue
        try:
            other = os.stat(name)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            shown = "" if str(name) == str(output) else f" (as {name})"
            raise OverwriteError(f"{option} {output} is one of the files this command "
                                 f"reads{shown}; writing it would destroy it, so nothing was "
                                 f"written: choose another file")


def written(path: str, what: str, write: Callable[[], T]) -> T:
    """``write()``, with an ``OSError`` (no such folder, no permission, a full disk) turned
    into an ``OutputError`` that names the file and what to do."""
    try:
        return write()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write {what} to {path} ({reason}); check that its folder "
                          f"exists and is writable, and that the disk has room") from None
