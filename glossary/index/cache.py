"""The compiled index on disk: loading a termbase and building its index costs seconds for a
large house termbase, reading the compiled index back a fraction of that.

A compiled index is keyed by the content of every termbase file it was built from, the
termcheck version, the Python version and the byte order: any edit of a termbase, or an upgrade,
makes a new key, so a stale index is never used. A file that cannot be read back (truncated,
corrupt, altered, from another version) is rebuilt. The cache folder is the user's cache folder
(``platformdirs.user_cache_dir("termcheck")``), or ``TERMCHECK_CACHE_DIR``; it is created
private, and a folder or file another user owns or may write is ignored with a warning
(``glossary.cachedir``).

The file is a frame (``glossary.framing``): the key, a JSON header (the termbase's file names
and languages) and blocks of bytes: the entries, each a small JSON array (``packed``), the
index's tables as flat arrays (``keytable``) and its string lists. A BLAKE2b digest of the whole
file, key and header included, is checked before anything is decoded, so a file stamped with
another termbase's key or changed anywhere is refused. It is mapped into memory, not parsed:
reading it back costs the digest, entries are unpacked only when a draft mentions them, and
forked ``--jobs`` workers share the pages.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import framing
from ..atomic import Chunks, write_atomic
from ..cachedir import (
    ENV_DIR,
    ENV_OFF,
    cache_dir,
    clear_the_way,
    shown,
    usable_folder,
)
from ..errors import GlossaryError, TermbaseWarning
from ..files import MAX_TERMBASE_SIZE, UnreadableFile, read_regular_file
from ..model import Entry, Termbase, relation_map
from ..stats import termbase_stats
from ..termbase import DEFAULT_NAME, load_termbase, resolve_path
from ..version import VERSION
from .compiled import (
    STRINGS,
    TABLES,
    VALUE_FORMATS,
    IndexParts,
    StringBlock,
    TermIndex,
    build_parts,
)
from .keytable import KeyTable
from .packed import PackedEntries, Packer

__all__ = ["ENV_DIR", "ENV_OFF", "FORMAT", "SUFFIX", "cache_dir", "compile_index", "index_key",
           "load_index", "load_stats", "read_index", "write_index"]

# 9: each table's directory of runs (``keytable``); 8: the termbase's statistics (``terms
# stats``) in the header, the near-miss table's values in 32 bits; 7: its warnings; 6: entries
# carry their regional choices (fr-CA: …); 5: see_also and derived words, the index their
# table (4: a BLAKE2b-authenticated frame, entries in JSON; 3: marshal, a CRC of the body)
FORMAT = 9
KIND = "index"
SUFFIX = ".idx"
# No compiled index is read past this size (100,000 entries make 214 MB): the digest is read
# through the whole file, and a huge or endless file must not hold a run up.
MAX_INDEX_SIZE = 4 << 30


def version() -> str:
    """termcheck's version (cache keys take it through ``glossary.framing.stamp``). A constant
    (``glossary.version.VERSION``, which a test holds equal to the installed distribution's):
    ``importlib.metadata.version`` scans ``sys.path`` and cost 15-25 ms of every run's
    startup."""
    return VERSION


def index_key(paths: Sequence[str | Path] | None) -> str:
    """The key of the index of the layered termbase ``paths``: it changes with any byte of
    any of them, with where they are, with the index format, the termcheck version, the Python
    version and the byte order."""
    digest = hashlib.sha256()
    digest.update(framing.stamp(KIND, FORMAT).encode())
    for name in paths or [DEFAULT_NAME]:
        path = resolve_path(name)
        # Where the file is, too: the index names it (sources, warnings, entries' origins), and
        # two installs share a cache folder with the same embedded bytes in two places.
        digest.update(b"\0" + str(name).encode() + b"\0" + str(path).encode("utf-8",
                                                                           "surrogatepass"))
        try:  # bounded, regular files only: a FIFO would hang here, /dev/zero never end
            digest.update(read_regular_file(path, MAX_TERMBASE_SIZE))
        except (OSError, UnreadableFile):
            digest.update(b"<unreadable>")  # loading will report it
    return digest.hexdigest()[:40]


def _blocks(index: TermIndex) -> tuple[dict[str, framing.Buffer], dict]:
    """The index as named blocks of bytes (views of its arrays where it has them, not
    copies), and what else reading it back needs."""
    packed = index.parts.packed
    if packed is None:  # built without packing its entries as it went
        packed = PackedEntries.pack(list(index.termbase), index.pattern_data)
    meta = _meta(index.termbase, index.stats())
    return _parts_blocks(index.parts, packed, meta), meta


def _meta(termbase: Termbase, stats: dict[str, Any]) -> dict[str, Any]:
    """What the header of the index of ``termbase`` holds besides the blocks' layout."""
    # Relations both ways, so that a check never unpacks every entry to find who names whom.
    relations = (termbase.relations if termbase.relations is not None
                 else relation_map(termbase))
    pairs = sorted([a, b] for a, related in relations.items() for b in related if a < b)
    return {"sources": list(termbase.sources), "codes": termbase.languages,
            "relations": pairs,
            "warnings": [[w.path, w.line, w.message, w.entry_id] for w in termbase.warnings],
            "stats": stats}


def _parts_blocks(parts: IndexParts, packed: tuple, meta: dict[str, Any]
                  ) -> dict[str, framing.Buffer]:
    """The blocks of compiled ``parts`` and ``packed`` entries (``Packer.finish``); the
    names of the files the entries name go to ``meta``."""
    blob, offsets, ids, paths = packed
    meta["paths"] = paths
    blocks: dict[str, framing.Buffer] = {"entries": blob, "entry_offsets": offsets,
                                         "form_refs": parts.form_refs}
    for name, table in [("ids", ids), *parts.tables.items()]:
        blocks[f"{name}.hashes"], blocks[f"{name}.values"], blocks[f"{name}.starts"] = \
            table.buffers()
    for name, block in parts.strings.items():
        blocks[name] = block.text.encode("utf-8", "surrogatepass")
    return blocks


def _encode(index: TermIndex, key: str) -> Chunks:
    blocks, meta = _blocks(index)
    return framing.frame_chunks(KIND, key, meta, blocks)


def _compile(paths: Sequence[str | Path] | None, key: str,
             write: Callable[[Chunks], None]) -> None:
    """``write`` the frame of the index of the layered termbase ``paths``, compiled with the
    least memory: the header's figures are taken from the termbase first, then each entry
    is let go as soon as it is compiled and packed (100,000 entries take some 250 MB as
    objects), so that the termbase and its whole index are never in memory together; the
    packed entries wait in a temporary file."""
    termbase = load_termbase(paths)
    meta = _meta(termbase, termbase_stats(termbase))
    entries = list(termbase)
    del termbase
    with tempfile.TemporaryFile(prefix="termcheck-entries-") as spill:
        packer = Packer(spill)
        parts = build_parts(_let_go(entries), packer)
        blocks = _parts_blocks(parts, packer.finish(), meta)
        del parts
        write(framing.frame_chunks(KIND, key, meta, blocks))


def _let_go(entries: list[Entry]) -> Iterator[Entry]:
    """The entries in order, each dropped from ``entries`` as it is given."""
    for position, entry in enumerate(entries):
        entries[position] = None  # type: ignore[call-overload]
        yield entry
    entries.clear()


def write_index(index: TermIndex, key: str, path: Path) -> None:
    """Write a compiled index atomically (a reader never sees half a file) to ``path``, a file
    the user named (``terms compile -o``, ``check --index``): written as ``write_atomic``
    keeps a user's file (through a link, its mode and owner kept); a new one is not made
    writable by its group or others, or it would not be read back."""
    _write_named(path, _encode(index, key))


def _write_named(path: Path, data: Chunks) -> None:
    """Write an index to a file the user named (see ``write_index``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, mode=0o644)


def read_index(path: Path, key: str, max_size: int | None = None) -> TermIndex | None:
    """The index stored in ``path`` if it was compiled for ``key``; None when it is absent,
    stale, unreadable, not to be trusted, larger than ``max_size`` or damaged (the caller
    rebuilds it; ``glossary.framing`` warns about the last three)."""
    return framing.load(path, KIND, key, MAX_INDEX_SIZE if max_size is None else max_size,
                        lambda frame: _index_of(frame, shown(path)))


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError("a list of strings was expected")
    return tuple(value)


def _warnings(value: object) -> tuple[TermbaseWarning, ...]:
    if not isinstance(value, list):
        raise TypeError("a list of warnings was expected")
    warnings = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 4 and isinstance(item[0], str)
                and isinstance(item[1], int) and isinstance(item[2], str)
                and (item[3] is None or isinstance(item[3], str))):
            raise TypeError("a warning is [path, line, message, entry id]")
        warnings.append(TermbaseWarning(*item))
    return tuple(warnings)


def _index_of(frame: framing.Frame, shown: str) -> TermIndex:
    """The index over the blocks of ``frame``; ``TypeError``, ``ValueError``, ``KeyError``
    when they are not what ``write_index`` writes."""
    meta, blocks = frame.meta, frame.blocks
    if not isinstance(meta, dict):
        raise TypeError("the header is not an object")

    def table(name: str) -> KeyTable:
        return KeyTable.from_buffers(blocks[f"{name}.hashes"], blocks[f"{name}.values"],
                                     blocks[f"{name}.starts"], VALUE_FORMATS.get(name, "Q"))

    offsets = blocks["entry_offsets"].cast("Q")
    ids = table("ids")
    if len(offsets) != len(ids) + 1:
        raise ValueError("entry offsets and ids differ in length")
    entries = PackedEntries(blocks["entries"], offsets, ids, _strings(meta["paths"]), shown)
    related: dict[str, set[str]] = {}
    for pair in meta["relations"]:
        first, second = _strings(pair)
        related.setdefault(first, set()).add(second)
        related.setdefault(second, set()).add(first)
    termbase = Termbase(entries, _strings(meta["sources"]), _strings(meta["codes"]),
                        {key: frozenset(ids) for key, ids in related.items()},
                        _warnings(meta["warnings"]))
    parts = IndexParts(blocks["form_refs"].cast("Q"), {name: table(name) for name in TABLES},
                       {name: StringBlock(str(blocks[name], "utf-8", "surrogatepass"))
                        for name in STRINGS})
    stats = meta["stats"]
    if not isinstance(stats, dict):
        raise TypeError("the statistics are not an object")
    return TermIndex.from_parts(termbase, entries.at, parts, entries.patterns_at, stats)


def load_index(paths: Sequence[str | Path] | None = None, *, use_cache: bool = True,
               index_file: str | Path | None = None) -> TermIndex:
    """The compiled index of the layered termbase ``paths``: read from ``index_file`` or the
    cache when it is up to date, else built (loading and validating the termbase, which raises
    ``TermbaseError`` on problems) and stored for next time."""
    if not use_cache or os.environ.get(ENV_OFF):
        return TermIndex(load_termbase(paths))
    key = index_key(paths)
    if index_file:
        target = Path(index_file)
        index = read_index(target, key)
        if index is None:
            index = TermIndex(load_termbase(paths), pack=True)
            with contextlib.suppress(OSError):  # a read-only place only costs speed
                write_index(index, key, target)
            index.parts.packed = None  # written: the entries are in memory as objects
        return index
    folder = cache_dir()
    target = folder / f"index-{key}{SUFFIX}"
    index = read_index(target, key) if usable_folder(folder) else None
    if index is None:
        index = TermIndex(load_termbase(paths), pack=True)
        blocks, meta = _blocks(index)
        framing.store(target, KIND, key, meta, blocks)
        del blocks
        index.parts.packed = None  # written: the entries are in memory as objects
    return index


def load_stats(paths: Sequence[str | Path] | None = None) -> dict[str, Any]:
    """The statistics of the layered termbase ``paths`` (``glossary.stats.termbase_stats``),
    read from the header of its compiled index in the cache: no entry is unpacked to count
    them. A missing or stale index is compiled into the cache first (as ``terms compile``
    does, with bounded memory); without a usable cache (``TERMCHECK_NO_CACHE``, a folder
    that cannot be used), they are counted from the loaded termbase."""
    if not os.environ.get(ENV_OFF):
        key = index_key(paths)
        folder = cache_dir()
        target = folder / f"index-{key}{SUFFIX}"
        index = read_index(target, key) if usable_folder(folder) else None
        if index is None and usable_folder(folder, create=True):
            with contextlib.suppress(OSError):  # not written: counted below
                compile_index(paths, None)
                index = read_index(target, key)
        if index is not None:
            return index.stats()
    return termbase_stats(load_termbase(paths))


def compile_index(paths: Sequence[str | Path] | None, output: str | Path | None) -> Path:
    """Build the index of ``paths`` and write it to ``output`` (the cache folder by default);
    returns where it was written."""
    key = index_key(paths)
    if output:
        target = Path(output)
        _compile(paths, key, lambda data: _write_named(target, data))
        return target
    folder = cache_dir()
    target = folder / f"index-{key}{SUFFIX}"
    if not usable_folder(folder, create=True):
        raise GlossaryError(f"the cache folder {shown(folder)} cannot be used (see "
                            f"the warning above, or it cannot be created); write the index "
                            f"elsewhere with --output FILE")

    def write(data: Chunks) -> None:
        clear_the_way(target)
        write_atomic(target, data, private=True)

    _compile(paths, key, write)
    return target
