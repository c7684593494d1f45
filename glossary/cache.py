"""The compiled index on disk: loading a termbase and building its index costs seconds for a
large house termbase, reading the compiled index back a fraction of that.

A compiled index is keyed by the content of every termbase file it was built from, the
termcheck version, the Python version and the byte order: any edit of a termbase, or an upgrade,
makes a new key, so a stale index is never used. A file that cannot be read back (truncated,
corrupt, from another version) is rebuilt. The cache folder is the user's cache folder
(``platformdirs.user_cache_dir("termcheck")``), or ``TERMCHECK_CACHE_DIR``.

The file is a short header (the key, then the layout as JSON) and blocks of bytes: the entries
packed (``packed``), the index's tables as flat arrays (``keytable``) and its string lists. It
is mapped into memory, not parsed: reading it back costs the same for 100 or 100,000 entries,
entries are unpacked only when a draft mentions them, and forked ``--jobs`` workers share the
pages. A CRC-32 of the blocks, checked on reading, catches a corrupt file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mmap
import os
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import platformdirs

from .atomic import write_atomic
from .files import MAX_TERMBASE_SIZE, UnreadableFile, read_regular_file
from .index import STRINGS, TABLES, IndexParts, StringBlock, TermIndex
from .keytable import KeyTable
from .model import Termbase
from .packed import PackedEntries
from .termbase import DEFAULT_NAME, load_termbase, resolve_path
from .version import VERSION

FORMAT = 3
_MAGIC = b"termcheck-index\n"
_ALIGN = 8  # arrays of 64-bit integers start on a multiple of 8 bytes
SUFFIX = ".idx"
ENV_DIR = "TERMCHECK_CACHE_DIR"
ENV_OFF = "TERMCHECK_NO_CACHE"


def version() -> str:
    """termcheck's version, for cache keys. A constant (``glossary.version.VERSION``, which a test
    holds equal to the installed distribution's): ``importlib.metadata.version`` scans
    ``sys.path`` and cost 15-25 ms of every run's startup."""
    return VERSION


def cache_dir() -> Path:
    return Path(os.environ.get(ENV_DIR) or platformdirs.user_cache_dir("termcheck"))


def index_key(paths: Sequence[str | Path] | None) -> str:
    """The key of the index of the layered termbase ``paths``: it changes with any byte of
    any of them, with the index format, the termcheck version, the Python version and the byte
    order."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{version()}|{sys.version_info[:2]}|{sys.byteorder}".encode())
    for name in paths or [DEFAULT_NAME]:
        path = resolve_path(name)
        digest.update(b"\0" + str(name).encode() + b"\0")
        try:  # bounded, regular files only: a FIFO would hang here, /dev/zero never end
            digest.update(read_regular_file(path, MAX_TERMBASE_SIZE))
        except (OSError, UnreadableFile):
            digest.update(b"<unreadable>")  # loading will report it
    return digest.hexdigest()[:40]


def _blocks(index: TermIndex) -> tuple[dict[str, bytes], dict]:
    """The index as named blocks of bytes, and what else reading it back needs."""
    entries = list(index.termbase)
    blob, offsets, ids, paths = PackedEntries.pack(entries, index.pattern_data)
    blocks = {"entries": blob, "entry_offsets": offsets.tobytes(),
              "form_refs": index.parts.form_refs.tobytes()}
    for name, table in [("ids", ids), *index.parts.tables.items()]:
        blocks[f"{name}.hashes"], blocks[f"{name}.values"] = table.to_bytes()
    for name, block in index.parts.strings.items():
        blocks[name] = block.text.encode("utf-8", "surrogatepass")
    meta = {"paths": paths, "sources": list(index.termbase.sources),
            "codes": index.termbase.languages}
    return blocks, meta


def write_index(index: TermIndex, key: str, path: Path) -> None:
    """Write a compiled index atomically (a reader never sees half a file)."""
    blocks, meta = _blocks(index)
    layout, body = {}, bytearray()
    for name, data in blocks.items():
        body += bytes(-len(body) % _ALIGN)
        layout[name] = [len(body), len(data)]
        body += data
    header = json.dumps({**meta, "blocks": layout, "size": len(body),
                         "crc": zlib.crc32(body)}).encode()
    head = _MAGIC + key.encode() + b"\n" + header + b"\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, head + bytes(-len(head) % _ALIGN) + body)


def read_index(path: Path, key: str) -> TermIndex | None:
    """The index stored in ``path`` if it was compiled for ``key``; None when it is absent,
    stale or unreadable (the caller rebuilds it)."""
    try:
        with open(path, "rb") as stream:
            mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
            return _read(mapped, key, stream)
    except (OSError, ValueError):  # absent, unreadable, or empty (mmap refuses length 0)
        return None
    except (KeyError, TypeError, UnicodeDecodeError, IndexError, OverflowError):
        return None


def _crc_from(stream: BinaryIO, start: int) -> tuple[int, int]:
    """The CRC-32 and size of what follows ``start`` in ``stream``, read in chunks through the
    page cache rather than through the mapping: checking a 200 MB index that way does not make
    its every page part of this process's memory, only the pages a check reaches."""
    crc = size = 0
    buffer = bytearray(1 << 22)
    view = memoryview(buffer)
    stream.seek(start)
    while count := stream.readinto(buffer):
        crc = zlib.crc32(view[:count], crc)
        size += count
    return crc, size


def _read(mapped: mmap.mmap, key: str, stream: BinaryIO) -> TermIndex | None:
    first = mapped.find(b"\n", len(_MAGIC))
    second = mapped.find(b"\n", first + 1)
    if mapped[:len(_MAGIC)] != _MAGIC or first < 0 or second < 0 or \
            mapped[len(_MAGIC):first].decode() != key:
        return None
    header = json.loads(mapped[first + 1:second])
    start = second + 1 + (-(second + 1) % _ALIGN)
    data = memoryview(mapped)[start:]
    # The stream and the mapping are one open file: a writer replacing it meanwhile (a rename)
    # cannot make them disagree.
    if len(data) != header["size"] or _crc_from(stream, start) != (header["crc"], len(data)):
        return None
    blocks = {name: data[offset:offset + size] for name, (offset, size) in
              header["blocks"].items()}

    def table(name: str) -> KeyTable:
        return KeyTable.from_buffers(blocks[f"{name}.hashes"], blocks[f"{name}.values"])

    entries = PackedEntries(blocks["entries"], blocks["entry_offsets"].cast("Q"), table("ids"),
                            header["paths"])
    termbase = Termbase(entries, tuple(header["sources"]), tuple(header["codes"]))
    parts = IndexParts(blocks["form_refs"].cast("Q"), {name: table(name) for name in TABLES},
                       {name: StringBlock(str(blocks[name], "utf-8", "surrogatepass"))
                        for name in STRINGS})
    return TermIndex.from_parts(termbase, entries.at, parts, entries.patterns_at)


def load_index(paths: Sequence[str | Path] | None = None, *, use_cache: bool = True,
               index_file: str | Path | None = None) -> TermIndex:
    """The compiled index of the layered termbase ``paths``: read from ``index_file`` or the
    cache when it is up to date, else built (loading and validating the termbase, which raises
    ``TermbaseError`` on problems) and stored for next time."""
    if not use_cache or os.environ.get(ENV_OFF):
        return TermIndex(load_termbase(paths))
    key = index_key(paths)
    target = Path(index_file) if index_file else cache_dir() / f"index-{key}{SUFFIX}"
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
    target = Path(output) if output else cache_dir() / f"index-{key}{SUFFIX}"
    write_index(TermIndex(load_termbase(paths)), key, target)
    return target
