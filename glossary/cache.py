"""The compiled index on disk: loading a termbase and building its index costs seconds for a
large house termbase, reading the compiled index back a fraction of that.

A compiled index is keyed by the content of every termbase file it was built from, the
termcheck version and the Python version: any edit of a termbase, or an upgrade, makes a new
key, so a stale index is never used. A file that cannot be read back (truncated, corrupt, from
another version) is rebuilt. The cache folder is the user's cache folder
(``platformdirs.user_cache_dir("termcheck")``), or ``TERMCHECK_CACHE_DIR``.

The index is stored with pickle: load only compiled indexes you or your CI wrote (the cache
folder is the user's own; ``--index FILE`` names a file your pipeline produced).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from .atomic import write_atomic
from .bulk import gc_paused
from .index import TermIndex
from .termbase import DEFAULT_NAME, load_termbase, resolve_path

FORMAT = 1
_MAGIC = b"termcheck-index\n"
ENV_DIR = "TERMCHECK_CACHE_DIR"
ENV_OFF = "TERMCHECK_NO_CACHE"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("termcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "source"


def cache_dir() -> Path:
    return Path(os.environ.get(ENV_DIR) or platformdirs.user_cache_dir("termcheck"))


def index_key(paths: Sequence[str | Path] | None) -> str:
    """The key of the index of the layered termbase ``paths``: it changes with any byte of
    any of them, with the termcheck version and with the Python version."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{_version()}|{sys.version_info[:2]}".encode())
    for name in paths or [DEFAULT_NAME]:
        path = resolve_path(name)
        digest.update(b"\0" + str(name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")  # loading will report it
    return digest.hexdigest()[:40]


def write_index(index: TermIndex, key: str, path: Path) -> None:
    """Write a compiled index atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _MAGIC + key.encode() + b"\n" + pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    write_atomic(path, data)


def read_index(path: Path, key: str) -> TermIndex | None:
    """The index stored in ``path`` if it was compiled for ``key``; None when it is absent,
    stale or unreadable (the caller rebuilds it)."""
    try:
        with open(path, "rb") as stream:
            if stream.readline() != _MAGIC or stream.readline().strip().decode() != key:
                return None
            with gc_paused():
                index = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            IndexError, TypeError, ValueError, UnicodeDecodeError):
        return None
    return index if isinstance(index, TermIndex) else None


def load_index(paths: Sequence[str | Path] | None = None, *, use_cache: bool = True,
               index_file: str | Path | None = None) -> TermIndex:
    """The compiled index of the layered termbase ``paths``: read from ``index_file`` or the
    cache when it is up to date, else built (loading and validating the termbase, which raises
    ``TermbaseError`` on problems) and stored for next time."""
    if not use_cache or os.environ.get(ENV_OFF):
        return TermIndex(load_termbase(paths))
    key = index_key(paths)
    target = Path(index_file) if index_file else cache_dir() / f"index-{key}.pickle"
    index = read_index(target, key)
    if index is None:
        index = TermIndex(load_termbase(paths))
        with contextlib.suppress(OSError):  # a read-only cache folder only costs speed
            write_index(index, key, target)
    return index


def compile_index(paths: Sequence[str | Path] | None, output: str | Path | None) -> Path:
    """Build the index of ``paths`` and write it to ``output`` (the cache folder by default);
    returns where it was written."""
    key = index_key(paths)
    target = Path(output) if output else cache_dir() / f"index-{key}.pickle"
    write_index(TermIndex(load_termbase(paths)), key, target)
    return target
