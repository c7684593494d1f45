"""Data that termcheck derives from its dependencies' files, kept in the cache folder so that a
run reads it back instead of deriving it again: the word lists (pyspellchecker ships them as
gzipped JSON, about 0.12 s per language to decompress, parse and lower-case) and the language
identifier's model restricted to the termbase's languages (py3langid's full model takes about
0.4 s to decompress).

What is stored is data only (``Stored``): JSON, and named blocks of bytes (arrays of numbers,
lists of strings) that the caller decodes with bounds checks (``numbers``, ``strings``). Never
a pickle: unpickling a planted file would run its code as whoever runs termcheck. The file is a
frame (``glossary.framing``): a BLAKE2b digest of the whole file, its key included, is checked
before anything is decoded, and the blocks are mapped into memory, not copied (the model's
40 MB state table is shared by forked workers).

Keyed like the compiled index (``glossary.index.cache``): the key covers this format, the termcheck
and Python versions, the byte order, and the path, size and modification time of every source
file, so an upgraded dependency makes a new key; a file that is stale, truncated, corrupt or
altered is built again, and one that another user owns or may write, or that is not a regular
file, is ignored with a warning (``glossary.cachedir``). The cache is only ever a speed-up: an
unwritable cache folder costs time, never an error, and ``--no-cache`` or
``TERMCHECK_NO_CACHE`` bypass it (nothing read, nothing written).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from glossary import framing
from glossary.cachedir import ENV_OFF, cache_dir, usable_folder

T = TypeVar("T")
FORMAT = 2  # 2: frames of JSON and arrays (1: pickles, and a raw state table beside them)
KIND = "data"
SUFFIX = ".dat"
# The largest data file read back (the language model of two languages takes 40 MB).
MAX_SIZE = 256 << 20
# Typecodes of the arrays ``numbers`` casts a block to (native integers and floats).
NUMBER_FORMATS = frozenset("bBhHiIlLqQfd")
_SEPARATOR = "\0"  # between the strings of a block (never in a word)

_bypassed = False


@dataclass(frozen=True)
class Stored:
    """What the data cache keeps for a name: JSON data and named blocks of bytes."""

    meta: object = None
    blocks: Mapping[str, framing.Buffer] = field(default_factory=dict)


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
    return cache_dir() / f"data-{name}{SUFFIX}"


def data_key(name: str, sources: Sequence[Path]) -> str:
    """The key of ``name`` built from ``sources``: it changes with the format, the versions of
    termcheck and Python, the byte order, and the path, size or modification time of any
    source."""
    digest = hashlib.sha256(f"{framing.stamp(KIND, FORMAT)}|{name}".encode())
    for source in sources:
        try:
            stat = source.stat()
            digest.update(f"\0{source.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"\0{source}\0<missing>".encode())
    return digest.hexdigest()[:40]


def read(path: Path, key: str) -> Stored | None:
    """What ``path`` stores for ``key``: blocks are read-only views of the mapped file. None
    when the file is absent, stale, unreadable, not to be trusted or damaged."""
    if not usable_folder(path.parent):
        return None
    frame = framing.read_frame(path, KIND, key, MAX_SIZE)
    return None if frame is None else Stored(frame.meta, frame.blocks)


def write(path: Path, key: str, stored: Stored) -> None:
    """Store ``stored`` for ``key`` atomically, private to this user; an unwritable or
    untrusted folder is skipped (the data is built again next time)."""
    framing.store(path, KIND, key, stored.meta, stored.blocks)


def cached(name: str, sources: Sequence[Path], build: Callable[[], Stored],
           decode: Callable[[Stored], T]) -> T:
    """``decode(build())``, ``build()`` read from the cache when it was stored for the same
    ``sources`` and versions, built and stored otherwise. ``name`` is a file-name part
    (letters, digits, ``-``). ``decode`` raises ``ValueError``, ``TypeError``, ``KeyError`` or
    ``IndexError`` on what ``build`` would not have made; the data is then built again."""
    if not enabled() or not all(c.isalnum() or c == "-" for c in name):
        return decode(_as_read(build()))
    path, key = path_for(name), data_key(name, sources)
    if usable_folder(path.parent):
        # In a tuple: a decoded None is a value, not the absence of one.
        found = framing.load(path, KIND, key, MAX_SIZE,
                             lambda frame: (decode(Stored(frame.meta, frame.blocks)),))
        if found is not None:
            return found[0]
    stored = build()
    write(path, key, stored)
    return decode(_as_read(stored))


def _as_read(stored: Stored) -> Stored:
    """``stored`` as ``read`` gives it back: each block a flat view of bytes."""
    return Stored(stored.meta, {name: memoryview(block).cast("B")
                                for name, block in stored.blocks.items()})


# --- storing and decoding blocks -----------------------------------------------------------------
def join_strings(strings: Sequence[str]) -> bytes:
    """A block holding ``strings`` (none may hold a NUL: ``ValueError``)."""
    if any(_SEPARATOR in text for text in strings):
        raise ValueError("a string holds a NUL")
    return _SEPARATOR.join(strings).encode("utf-8", "surrogatepass")


def strings(block: framing.Buffer) -> list[str]:
    """The strings of a block ``join_strings`` made (``UnicodeDecodeError`` for others)."""
    text = str(block, "utf-8", "surrogatepass")
    return text.split(_SEPARATOR) if text else []


def numbers(block: framing.Buffer, typecode: str, count: int | None = None) -> memoryview:
    """``block`` as an array of numbers of ``typecode`` (one of ``NUMBER_FORMATS``, native
    size and order), not copied; ``ValueError`` when its length is not a whole number of them,
    or not ``count``."""
    if typecode not in NUMBER_FORMATS:
        raise ValueError(f"not an array typecode: {typecode!r}")
    try:
        array = memoryview(block).cast("B").cast(typecode)  # type: ignore[call-overload]
    except TypeError:
        raise ValueError("a block is not a whole number of items") from None
    if count is not None and len(array) != count:
        raise ValueError(f"{len(array)} items where {count} were expected")
    return array
