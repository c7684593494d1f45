"""Cache files that hold data only, read back only when termcheck can tell that they are whole,
written for the key asked for, and unaltered: the container of the compiled index
(``glossary.index.cache``) and of the data cache (``checker.datacache``).

A frame is, in order::

    magic    16 bytes  b"termcheck-frame\\n"
    kind      8 bytes  what the file holds ("index", "data"), padded with NUL
    sizes    24 bytes  format, key length, header length, body length (little-endian)
    key                the cache key the file was written for (ASCII)
    header             JSON: {"meta": what the caller stored, "blocks": {name: [offset, size]}}
    padding            up to a multiple of 8 bytes
    body               the blocks, each starting on a multiple of 8 (arrays are cast in place)
    digest   32 bytes  BLAKE2b of everything before it

Nothing in a frame is ever decoded with ``pickle`` or ``marshal``: the header is JSON, the
blocks are bytes that their reader slices, casts and decodes with bounds checks. Before any of
it is decoded, ``read_frame`` checks, on the open file: a regular file that no one else may
write (``glossary.cachedir``), no larger than the caller's bound, whose sizes add up to its
size, written for this key, whose digest matches. The digest covers every byte but itself,
the key included: a file stamped with another termbase's key, or changed anywhere, is
refused, and the caller builds the data again.

The digest is BLAKE2b in tree mode (RFC 7693 parameters: leaves of 4 MiB, one level of
inner node), so the leaves of a large file are hashed on several cores at once: the 200 MB
index of 100,000 entries takes about 0.33 s to hash on one core, half that on two. The file
is read for hashing through the page cache, not through the mapping, so that checking it does
not make every page part of the process's memory; the blocks are then mapped.

The digest tells a damaged or altered file from a whole one; it is not a signature. Someone
who may write the file may write a valid one: that is why the files of other users, and files
others may write, are never read at all.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import mmap
import os
import struct
import sys
from bisect import bisect_right
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .atomic import Chunks, FileSpan
from .cachedir import file_problem, shown, warn, write_cache_file
from .version import VERSION

FORMAT = 1
MAGIC = b"termcheck-frame\n"
_SIZES = struct.Struct("<8sIIQQ")  # kind, format, key length, header length, body length
_HEAD = len(MAGIC) + _SIZES.size  # 48
_DIGEST = 32
_ALIGN = 8
MAX_KEY = 256
MAX_HEADER = 16 << 20  # the header is small JSON: file names, languages, a layout
# Tree hashing (BLAKE2's own parameters, so the digest is a standard BLAKE2b tree hash).
_LEAF = 4 << 20
_CHUNK = 1 << 20  # read and hashed at a time, in each thread
_PERSON = b"termcheck-frame"
_MAX_THREADS = 4
_PREAD = hasattr(os, "pread")  # reads at an offset, from several threads at once

if TYPE_CHECKING:  # whatever memoryview() takes: bytes, arrays, NumPy arrays
    from _typeshed import ReadableBuffer as Buffer
else:
    Buffer = bytes | bytearray | memoryview
T = TypeVar("T")
# What a caller's decoding raises on a frame that is whole and for its key, yet not what its
# writer stores (written wrong): the file is then damaged, and the data built again.
MALFORMED = (KeyError, TypeError, ValueError, UnicodeDecodeError, IndexError)


@dataclass(frozen=True)
class Frame:
    """A frame read back: the caller's JSON data, and its blocks as read-only views of the
    mapped file (each within the body)."""

    meta: object
    blocks: dict[str, memoryview]


def stamp(kind: str, fmt: int) -> str:
    """What every cache key starts with: the kind and format of what the frame holds, the
    termcheck and Python versions and the byte order, so that an upgrade or another machine
    makes a new key (the old file is stale, never misread)."""
    return f"{FORMAT}|{kind}|{fmt}|{VERSION}|{sys.version_info[:3]}|{sys.byteorder}"


def load(path: str | Path, kind: str, key: str, max_size: int,
         decode: Callable[[Frame], T]) -> T | None:
    """``decode`` of the frame stored in ``path`` for ``key``; None when there is none to use
    (``read_frame``), or when ``decode`` raises one of ``MALFORMED`` (with the warning that
    the file is damaged). The caller builds the data again."""
    frame = read_frame(path, kind, key, max_size)
    if frame is None:
        return None
    try:
        return decode(frame)
    except MALFORMED:  # whole and unaltered, yet not what its writer stores: written wrong
        damaged(path)
        return None


def store(path: Path, kind: str, key: str, meta: object, blocks: Mapping[str, Buffer]) -> None:
    """Write the frame of ``meta`` and ``blocks`` for ``key`` to the cache file ``path``,
    atomically and private to this user (``glossary.cachedir.write_cache_file``); data that
    is not JSON (a NaN, say) is not kept."""
    try:
        data = frame_chunks(kind, key, meta, blocks)
    except ValueError:
        return
    write_cache_file(path, data)


def encode(kind: str, key: str, meta: object, blocks: Mapping[str, Buffer]) -> bytearray:
    """The frame holding ``meta`` (JSON data) and the named ``blocks`` of bytes, for ``key``,
    as one buffer. Raises ``ValueError`` when ``meta`` is not JSON data or ``key`` not ASCII."""
    return bytearray().join(frame_chunks(kind, key, meta, blocks))


def frame_chunks(kind: str, key: str, meta: object,
                 blocks: Mapping[str, Buffer | FileSpan]) -> Chunks:
    """The frame ``encode`` makes, as the chunks of bytes that follow one another in it: the
    blocks are not copied (an index's weigh hundreds of MB), only hashed where they are.
    Raises ``ValueError`` as ``encode`` does."""
    views = {name: data if isinstance(data, FileSpan) else memoryview(data).cast("B")
             for name, data in blocks.items()}
    layout: dict[str, list[int]] = {}
    body_size = 0
    for name, view in views.items():
        body_size += -body_size % _ALIGN
        layout[name] = [body_size, _size(view)]
        body_size += _size(view)
    header = json.dumps({"meta": meta, "blocks": layout}, ensure_ascii=False,
                        allow_nan=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    key_bytes = key.encode("ascii")
    if len(key_bytes) > MAX_KEY:
        raise ValueError("cache key too long")
    head = bytearray(MAGIC)
    head += _SIZES.pack(_kind(kind), FORMAT, len(key_bytes), len(header), body_size)
    head += key_bytes
    head += header
    head += bytes(-len(head) % _ALIGN)
    chunks: list[Buffer | FileSpan] = [head]
    written = 0
    for name, view in views.items():
        if layout[name][0] > written:
            chunks.append(bytes(layout[name][0] - written))
        chunks.append(view)
        written = layout[name][0] + _size(view)
    parts = _Parts(chunks)
    chunks.append(tree_digest(parts.read, parts.length))
    return Chunks(chunks)


def _size(chunk: Buffer | FileSpan) -> int:
    return chunk.size if isinstance(chunk, FileSpan) else memoryview(chunk).nbytes


class _Parts:
    """Chunks of bytes read as the one run of bytes they make, a slice at a time."""

    def __init__(self, chunks: list[Buffer | FileSpan]):
        self.views = [chunk if isinstance(chunk, FileSpan) else memoryview(chunk).cast("B")
                      for chunk in chunks]
        self.starts = []
        self.length = 0
        for view in self.views:
            self.starts.append(self.length)
            self.length += _size(view)

    def read(self, part: slice) -> Buffer:
        start, stop = part.start, part.stop
        index = bisect_right(self.starts, start) - 1
        pieces: list[Buffer] = []
        while start < stop:
            view, offset = self.views[index], self.starts[index]
            end = min(stop, offset + _size(view))
            if end > start:
                pieces.append(view.read(start - offset, end - offset)
                              if isinstance(view, FileSpan)
                              else view[start - offset:end - offset])
            start = end
            index += 1
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def _kind(kind: str) -> bytes:
    raw = kind.encode("ascii")
    if len(raw) > 8:
        raise ValueError(f"frame kind too long: {kind}")
    return raw.ljust(8, b"\0")


def read_frame(path: str | Path, kind: str, key: str, max_size: int) -> Frame | None:
    """The frame stored in ``path`` for ``key``, or None: absent, unreadable, of another kind,
    format or key (stale: silently), or not to be trusted, too large, damaged or altered (with
    a warning that says so). Nothing is decoded before the file passed every check."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | \
        getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    except OSError:
        return None
    try:
        return _read(fd, Path(path), kind, key, max_size)
    except OSError:  # a read error midway: as if absent
        return None
    finally:
        os.close(fd)


def _read(fd: int, path: Path, kind: str, key: str, max_size: int) -> Frame | None:
    info = os.fstat(fd)
    problem = file_problem(info)
    if problem is not None:
        advice = "remove it" if problem == "is not a regular file" else "built again"
        warn(f"cache file {shown(path)} {problem}; ignored ({advice})")
        return None
    size = info.st_size
    if size > max_size:
        warn(f"cache file {shown(path)} is larger than {max_size:,} bytes; ignored without "
             f"being read (built again)")
        return None
    if size < _HEAD + _DIGEST:
        return None  # empty, or not a frame: stale
    head = _pread(fd, _HEAD, 0)
    if head[:len(MAGIC)] != MAGIC:
        return None  # another format (an earlier termcheck's): stale
    stored_kind, version, key_size, header_size, body_size = _SIZES.unpack_from(head,
                                                                               len(MAGIC))
    if stored_kind != _kind(kind) or version != FORMAT:
        return None
    header_start = _HEAD + key_size
    body_start = header_start + header_size
    body_start += -body_start % _ALIGN
    if key_size > MAX_KEY or header_size > MAX_HEADER or \
            body_start + body_size + _DIGEST != size:
        return _damaged(path)
    if _pread(fd, key_size, _HEAD) != key.encode("ascii", "replace"):
        return None  # written for another key: stale
    digest = _pread(fd, _DIGEST, size - _DIGEST)
    if not hmac.compare_digest(tree_digest(lambda part: _pread_slice(fd, part),
                                           size - _DIGEST), digest):
        return _damaged(path)
    # Whole, for this key, unaltered: now decoded, and still with bounds checks.
    mapped = mmap.mmap(fd, size, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    try:
        header = json.loads(str(view[header_start:header_start + header_size], "utf-8",
                                "surrogatepass"))
    except (ValueError, RecursionError):
        return _damaged(path)
    body = view[body_start:body_start + body_size]
    blocks = _blocks(header, body_size)
    if blocks is None:
        return _damaged(path)
    return Frame(header["meta"], {name: body[start:start + length]
                                  for name, (start, length) in blocks.items()})


def _blocks(header: object, body_size: int) -> dict[str, tuple[int, int]] | None:
    """The layout of the blocks, each checked to lie within the body, aligned."""
    if not isinstance(header, dict) or set(header) != {"meta", "blocks"} or \
            not isinstance(header["blocks"], dict):
        return None
    found = {}
    for name, place in header["blocks"].items():
        if not (isinstance(place, list) and len(place) == 2 and
                all(type(n) is int and n >= 0 for n in place)):
            return None
        start, length = place
        if start % _ALIGN or start + length > body_size:
            return None
        found[name] = (start, length)
    return found


def damaged(path: str | Path) -> None:
    """Warn that the cache file ``path`` could not be used as it is (the caller rebuilds)."""
    warn(f"cache file {shown(path)} is damaged or altered; ignored and built again")


def _damaged(path: Path) -> Frame | None:  # always None: read_frame returns what it returns
    damaged(path)
    return None


def _pread(fd: int, size: int, offset: int) -> bytes:
    """Exactly ``size`` bytes at ``offset`` (``OSError`` when the file is shorter)."""
    parts = []
    while size:
        if _PREAD:
            data = os.pread(fd, size, offset)
        else:  # pragma: no cover - Windows: one thread reads (see tree_digest)
            os.lseek(fd, offset, os.SEEK_SET)
            data = os.read(fd, size)
        if not data:
            raise OSError(f"file ended at {offset}")
        parts.append(data)
        size -= len(data)
        offset += len(data)
    return b"".join(parts)


def _pread_slice(fd: int, part: slice) -> bytes:
    return _pread(fd, part.stop - part.start, part.start)


def tree_digest(read: Callable[[slice], Buffer], length: int) -> bytes:
    """The BLAKE2b tree digest of ``length`` bytes, ``read(slice)`` giving each leaf's bytes.
    Leaves are hashed in threads (hashlib and ``os.pread`` release the GIL)."""
    leaves = max(1, -(-length // _LEAF))

    def leaf(number: int) -> bytes:
        node = _node(number, 0, last=number == leaves - 1)
        end = min(length, (number + 1) * _LEAF)
        for start in range(number * _LEAF, end, _CHUNK):  # a little memory at a time
            node.update(read(slice(start, min(end, start + _CHUNK))))
        return node.digest()

    threads = min(leaves, _MAX_THREADS, _cpus()) if _PREAD else 1
    if threads > 1:
        with ThreadPoolExecutor(threads) as pool:  # joined before returning (and any fork)
            digests = list(pool.map(leaf, range(leaves)))
    else:
        digests = [leaf(number) for number in range(leaves)]
    root = _node(0, 1, last=True)
    for digest in digests:
        root.update(digest)
    return root.digest()


def _node(offset: int, depth: int, last: bool):
    return hashlib.blake2b(digest_size=_DIGEST, person=_PERSON, fanout=0, depth=2,
                           leaf_size=_LEAF, node_offset=offset, node_depth=depth,
                           inner_size=_DIGEST, last_node=last)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return os.cpu_count() or 1
