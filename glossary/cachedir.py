"""The cache folder, and whose files termcheck may trust in it.

termcheck keeps derived data in a cache folder: the compiled index of a termbase
(``glossary.index.cache``), word lists and the language model (``checker.datacache``) and machine
translations (``checker.tools.providers``). What is read back from there steers what ``--fix``
writes into drafts, so a cache is used only when no one but this user (or root, who can do
anything anyway) can have written it, as pip and ccache do:

- the folder is created private (0700);
- a folder or a file owned by another user, or that its group or every user may write, is
  ignored with a warning (``CacheWarning``), and the cache then costs time, never an error;
- a cache file is read only if it is a regular file (never a FIFO, which blocks its reader, or
  a device such as ``/dev/zero``, which never ends).

The checks are made on the file termcheck opened (``fstat``), not on its name, so that a file
swapped in between cannot pass them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .atomic import Content

ENV_DIR = "TERMCHECK_CACHE_DIR"
ENV_OFF = "TERMCHECK_NO_CACHE"
FOLDER_MODE = 0o700


class CacheWarning(UserWarning):
    """A cache folder or file was ignored; the command goes on without it."""


def cache_dir() -> Path:
    """The cache folder: ``TERMCHECK_CACHE_DIR``, else the user's cache folder."""
    path = os.environ.get(ENV_DIR)
    if path:
        return Path(path)
    import platformdirs  # only when the default folder is needed

    return Path(platformdirs.user_cache_dir("termcheck"))


def shown(path: str | Path) -> str:
    """``path`` fit for a one-line message: control and bidi characters (a file name may hold a
    line break) and bytes that are not UTF-8 written as escapes."""
    text = os.fspath(path)
    return "".join(c if c.isprintable() and not 0x202A <= ord(c) <= 0x202E
                   and not 0x2066 <= ord(c) <= 0x2069 else ascii(c)[1:-1] for c in text)


def warn(message: str) -> None:
    """Say that a cache was ignored (once per message and process; the command line shows it
    as ``termcheck: warning: ...``)."""
    warnings.warn(message, CacheWarning, stacklevel=2)


def _trusted_owners() -> set[int] | None:
    """The owners whose files this process may trust; None where there are no owners."""
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows
        return None
    return {os.geteuid(), 0}


def distrust(info: os.stat_result) -> str | None:
    """Why a file or folder with this status cannot be trusted (None when it can)."""
    owners = _trusted_owners()
    if owners is None:  # pragma: no cover - Windows
        return None
    if info.st_uid not in owners:
        return "belongs to another user"
    if info.st_mode & stat.S_IWOTH:
        return "is writable by every user"
    if info.st_mode & stat.S_IWGRP:
        return "is writable by its group"
    return None


def usable_folder(folder: Path, create: bool = False) -> bool:
    """Whether the cache ``folder`` may be read from and written to: it exists (or, with
    ``create``, was just made, private), is a folder, and is trusted (else a warning says why
    and what to do)."""
    try:
        info = os.stat(folder)  # through a link: ~/.cache may well be one
    except FileNotFoundError:
        if not create:
            return False
        try:
            folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            info = os.stat(folder)
        except OSError:  # a read-only place only costs speed
            return False
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    reason = distrust(info)
    if reason is None:
        return True
    if reason == "belongs to another user":
        advice = f"set {ENV_DIR} to a folder of your own"
    else:
        advice = f"make it private: chmod 700 {shown(folder)}"
    warn(f"cache folder {shown(folder)} {reason}; not used ({advice})")
    return False


def file_problem(info: os.stat_result) -> str | None:
    """Why an open cache file with this status must not be read (None when it may be)."""
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file"
    return distrust(info)


def clear_the_way(path: Path) -> None:
    """Before termcheck writes the cache file ``path`` in its own folder: remove a FIFO, a
    socket or a device node standing there, which ``write_atomic`` refuses to replace (a link
    or a file, whoever planted it, it replaces by a new private file). Only in the cache
    folder: a file the user names (``--index``) is written as it is, or refused."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)
            or stat.S_ISDIR(info.st_mode)):
        with contextlib.suppress(OSError):
            os.unlink(path)


def write_cache_file(path: Path, data: Content) -> None:
    """Write ``data`` to the file ``path`` of the cache folder, atomically, private to this
    user (whatever stood there, a link or a planted file, is replaced, never written through);
    nothing when the folder cannot be made or is not to be trusted (a cache only ever costs
    time)."""
    from .atomic import write_atomic

    if not usable_folder(path.parent, create=True):
        return
    clear_the_way(path)
    with contextlib.suppress(OSError):
        write_atomic(path, data, private=True)
