"""Data that termcheck derives from its dependencies' files, kept in the cache folder so that a
run reads it back instead of deriving it again: the word lists (pyspellchecker ships them as
gzipped JSON, about 0.12 s per language to decompress, parse and lower-case, 0.025 s to read
back here) and the language identifier's model restricted to the termbase's languages
(py3langid's full model takes about 0.4 s to decompress). Values are pickled (``cached``);
a large block of numbers, the model's 40 MB state table, is stored raw and mapped into memory
(``cached_buffer``), which costs its CRC, not a copy.

Keyed and validated like the compiled index (``glossary.cache``): the key covers this format,
the termcheck and Python versions, and the path, size and modification time of every source
file, so an upgraded dependency makes a new key; a file that is stale, truncated or corrupt
(CRC-32 of the payload, checked on reading) is built again. The cache is only ever a speed-up:
an unwritable cache folder costs time, never an error, and ``--no-cache`` or
``TERMCHECK_NO_CACHE`` bypass it (nothing read, nothing written).
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from glossary.cache import ENV_OFF, cache_dir, version

T = TypeVar("T")
FORMAT = 1
_MAGIC = b"termcheck-data\n"
# Errors of a payload that passed its CRC but was written by another Python or library version.
_UNREADABLE = (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
               ImportError, IndexError, KeyError, UnicodeDecodeError)

_bypassed = False


@contextlib.contextmanager
def bypassed(bypass: bool = True) -> Iterator[None]:
    """Within the block, ``cached`` neither reads nor writes the cache (``--no-cache``)."""
    global _bypassed
    before, _bypassed = _bypassed, bypass or _bypassed
    try:
        yield
    finally:
        _bypassed = before


def enabled() -> bool:
    return not _bypassed and not os.environ.get(ENV_OFF)


def path_for(name: str) -> Path:
    """Where the data called ``name`` is kept (one file per name: a stale one is replaced)."""
    return cache_dir() / f"data-{name}.pickle"


def data_key(name: str, sources: Sequence[Path]) -> str:
    """The key of ``name`` built from ``sources``: it changes with the format, the versions of
    termcheck and Python, and the path, size or modification time of any source."""
    digest = hashlib.sha256(f"{FORMAT}|{version()}|{sys.version_info[:3]}|{name}".encode())
    for source in sources:
        try:
            stat = source.stat()
            digest.update(f"\0{source.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"\0{source}\0<missing>".encode())
    return digest.hexdigest()[:40]


def _frame(key: str, payload: bytes) -> bytes:
    """The header (magic, key, size, CRC-32) and the payload, which starts on a multiple of 8
    bytes so that a mapped array of numbers is aligned."""
    head = b"%s%s\n%d\n%d\n\n" % (_MAGIC, key.encode("ascii"), len(payload), zlib.crc32(payload))
    return head + bytes(-len(head) % 8) + payload


def _payload(data, key: str):
    """The payload of a framed file for ``key`` (a slice of ``data``), or None when the file
    is not one, is stale, truncated or corrupt."""
    end = bytes(data[:512]).find(b"\n\n")
    if end < 0:
        return None
    fields = bytes(data[:end]).split(b"\n")
    if len(fields) != 4 or fields[0] + b"\n" != _MAGIC or \
            fields[1].decode("ascii", "replace") != key:
        return None
    try:
        size, crc = int(fields[2]), int(fields[3])
    except ValueError:
        return None
    start = end + 2 + (-(end + 2) % 8)
    payload = data[start:]
    if len(payload) != size or zlib.crc32(payload) != crc:
        return None
    return payload


def read(path: Path, key: str) -> tuple[bool, object]:
    """(True, the value) stored in ``path`` for ``key``; (False, None) when the file is absent,
    stale or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return False, None
    payload = _payload(data, key)
    if payload is None:
        return False, None
    try:
        return True, pickle.loads(payload)
    except _UNREADABLE:
        return False, None


def _store(path: Path, data: bytes) -> None:
    from glossary.atomic import write_atomic

    with contextlib.suppress(OSError):  # a read-only or missing cache folder only costs speed
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, private=True)  # a planted link is replaced, not followed


def write(path: Path, key: str, value: object) -> None:
    """Store ``value`` for ``key`` atomically; an unwritable folder is silently skipped."""
    _store(path, _frame(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))


def map_buffer(path: Path, key: str) -> memoryview | None:
    """The bytes stored in ``path`` for ``key``, mapped into memory (read-only, shared between
    processes, nothing copied); None when absent, stale or corrupt."""
    try:
        with open(path, "rb") as stream:
            mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # absent, unreadable, or empty (mmap refuses length 0)
        return None
    return _payload(memoryview(mapped), key)


def cached_buffer(name: str, sources: Sequence[Path], build: Callable[[], bytes]) -> memoryview:
    """Like ``cached`` for a large block of bytes (an array of numbers): mapped from the cache
    file rather than read and unpickled, so that reading it back costs its CRC only."""
    if not enabled() or not all(c.isalnum() or c == "-" for c in name):
        return memoryview(build())
    path, key = cache_dir() / f"data-{name}.bin", data_key(name, sources)
    found = map_buffer(path, key)
    if found is not None:
        return found
    data = build()
    _store(path, _frame(key, data))
    return memoryview(data)


def cached(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """The value ``build()`` gives, read from the cache when it was stored for the same
    ``sources`` and versions; built and stored otherwise. ``name`` is a file-name part
    (letters, digits, ``-``)."""
    if not enabled() or not all(c.isalnum() or c == "-" for c in name):
        return build()
    path, key = path_for(name), data_key(name, sources)
    found, value = read(path, key)
    if found:
        return value  # type: ignore[return-value]
    value = build()
    write(path, key, value)
    return value
