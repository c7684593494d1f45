"""String-keyed tables of integers stored as two flat arrays, for the compiled index.

A table maps each key to one or more integers (references to forms, words or entries). It is
held as two parallel arrays of 64-bit unsigned integers: a stable hash of each key, sorted,
and the value beside it. A lookup hashes the key and bisects; no Python object exists per key,
so a table of a million keys is written and read back as two blocks of bytes, costs 16 bytes a
key in memory, and is shared, not copied, by forked ``--jobs`` workers.

A probe does not bisect the whole table: the hashes are uniform, so the keys whose hashes share
their top bits are a run of a dozen or so, and a small directory (``starts``: where each run
begins, 32 bits a run, about a 48th of the table) gives the run to bisect. On the 6.3 million
keys of the near-miss table of 100,000 entries, that is 4 levels instead of 23 (a probe costs
0.6 us rather than 1.5). The directory is made with the table and stored beside it.

The hash is 64 bits (two CRC-32s with different seeds), stable across processes and Python
versions (``hash()`` is not). Two keys can still share a hash, with a probability of about one in
a million for a table of a million keys and a probe of a million other words; callers that
return values to a user check that the value really belongs to the key.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any, Final, Literal

_SEED = 0x5BD1E995
_WORD: Final = "Q"  # 64-bit unsigned
_START: Final = "I"  # a directory's entries: positions in a table (fewer than 4 billion keys)
# About this many keys share a run of the directory (a 16th to an 8th of them: a directory of
# 32-bit starts is a 48th of the table's 16 bytes a key).
_RUN = 16
# How a table's values are stored: 64-bit (most), 32-bit (``glossary.index.compiled``).
ValueFormat = Literal["Q", "I"]


def stable_hash(key: str) -> int:
    """A 64-bit hash of ``key`` that is the same in every process."""
    data = key.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32) | zlib.crc32(data, _SEED)


def hash_all(keys: Iterable[str]) -> array:
    """The ``stable_hash`` of each key, as an array."""
    crc = zlib.crc32
    # stable_hash, inline: this runs for millions of keys when a large termbase compiles.
    return array(_WORD, [(crc(data) << 32) | crc(data, _SEED) for data in
                         (key.encode("utf-8", "surrogatepass") for key in keys)])


class KeyTable:
    """Keys to integer values; a key may have several values, returned in insertion order."""

    __slots__ = ("_hashes", "_shift", "_size", "_starts", "_values")

    def __init__(self, hashes, values, starts=None):
        """``hashes`` (sorted) and ``values``: parallel sequences of 64-bit integers, an
        ``array`` when built, a ``memoryview`` over the compiled index when read back;
        ``starts``: the table's directory (``directory``), made here when not given."""
        self._hashes = hashes
        self._values = values
        self._size = size = len(hashes)
        bits = directory_bits(size)
        self._shift = 64 - bits
        self._starts = directory(hashes) if starts is None else starts
        if len(self._starts) != (1 << bits) + 1 or self._starts[-1] != size:
            raise ValueError("the directory does not fit the table")

    @classmethod
    def build(cls, keys: Sequence[str], values: Sequence[int]) -> KeyTable:
        """A table of ``keys`` and the ``values`` beside them (two sequences of one length);
        the values of one key keep their order."""
        return cls.from_hashes(hash_all(keys), values)

    @classmethod
    def from_hashes(cls, hashes: Sequence[int], values: Sequence[int]) -> KeyTable:
        """A table from the ``stable_hash`` of each key (for a caller that hashes as it goes
        rather than hold millions of keys) and the values beside them. An ``array`` of hashes
        is sorted in place and kept by the table: the caller gives it up."""
        import numpy  # only to compile: a stable sort of millions of keys in C

        if isinstance(hashes, array) and hashes.typecode == _WORD:
            # Sorted where it is (the caller's array is given up): no copy of a large table.
            hashed = numpy.frombuffer(hashes, dtype=numpy.uint64) if hashes else \
                numpy.zeros(0, dtype=numpy.uint64)
        else:
            hashed = numpy.array(hashes, dtype=numpy.uint64)
        # A stable sort: the values of one key stay in the order they were given.
        order = numpy.argsort(hashed, kind="stable")
        hashed.sort()
        sorted_values = numpy.asarray(values, dtype=numpy.uint64)[order]
        return cls(words_of(hashed), words_of(sorted_values), directory(hashed))

    def get(self, key: str) -> list[int]:
        """The values of ``key`` (empty when it has none)."""
        hashes, starts = self._hashes, self._starts
        wanted = stable_hash(key)
        run = wanted >> self._shift
        end = starts[run + 1]  # every key of this hash is in the run
        i = bisect_left(hashes, wanted, starts[run], end)
        found = []
        while i < end and hashes[i] == wanted:
            found.append(self._values[i])
            i += 1
        return found

    def get_all(self, keys: Iterable[str]) -> list[int]:
        """The values of every key of ``keys``, key after key (``get`` for many keys at once:
        the near-miss search probes some forty a word)."""
        hashes, values, starts, shift = self._hashes, self._values, self._starts, self._shift
        found = []
        for wanted in hash_all(keys):
            run = wanted >> shift
            end = starts[run + 1]
            i = bisect_left(hashes, wanted, starts[run], end)
            while i < end and hashes[i] == wanted:
                found.append(values[i])
                i += 1
        return found

    def __contains__(self, key: str) -> bool:
        wanted = stable_hash(key)
        run = wanted >> self._shift
        end = self._starts[run + 1]
        i = bisect_left(self._hashes, wanted, self._starts[run], end)
        return i < end and self._hashes[i] == wanted

    def __len__(self) -> int:
        """The number of (key, value) pairs."""
        return self._size

    def to_bytes(self) -> tuple[bytes, bytes, bytes]:
        """The table's hashes, values and directory, as bytes."""
        return tuple(map(bytes, self.buffers()))  # type: ignore[return-value]

    def buffers(self) -> tuple[memoryview, memoryview, memoryview]:
        """The bytes ``to_bytes`` gives, as views of the table's own arrays (not copied)."""
        return (memoryview(self._hashes).cast("B"), memoryview(self._values).cast("B"),
                memoryview(self._starts).cast("B"))

    @classmethod
    def from_buffers(cls, hashes: memoryview, values: memoryview, starts: memoryview,
                     value_format: ValueFormat = _WORD) -> KeyTable:
        """The table over three byte buffers written by ``to_bytes`` (not copied); its values
        are 64-bit unless ``value_format`` says otherwise (``"I"``: 32-bit). Raises
        ``ValueError`` when the buffers do not hold as many values as hashes, or a directory
        of the table's size."""
        table = cls(hashes.cast(_WORD), values.cast(value_format), starts.cast(_START))
        if len(table._values) != table._size:
            raise ValueError("hashes and values differ in number")
        return table


def directory_bits(size: int) -> int:
    """How many top bits of a hash pick its run in the directory of a table of ``size`` keys
    (0, one run, for a table of fewer than ``_RUN`` keys)."""
    return (size // _RUN).bit_length()


def directory(hashes: Any) -> memoryview:
    """Where the run of each value of the top ``directory_bits`` of the sorted ``hashes`` (a
    sequence of integers, an ``array``, a view or a NumPy array of 64-bit ones) begins, and
    their number last: run ``r`` is ``hashes[starts[r]:starts[r + 1]]``."""
    import numpy  # only to build a table (a table read back has its directory)

    bits = directory_bits(len(hashes))
    shift = numpy.uint64(64 - bits)
    if isinstance(hashes, numpy.ndarray):
        hashed = hashes
    elif isinstance(hashes, (array, memoryview)) and len(hashes):
        hashed = numpy.frombuffer(hashes, dtype=numpy.uint64)
    else:
        hashed = numpy.array(hashes, dtype=numpy.uint64)
    runs = numpy.arange(1 << bits, dtype=numpy.uint64)
    # The first hash of each run: its top bits the run's number, the others zero (a shift by
    # 64 bits, for a table of one run, is no shift in NumPy: that run starts at 0).
    firsts = runs << shift if bits else runs
    starts = numpy.empty((1 << bits) + 1, dtype=numpy.uint32)
    starts[:-1] = numpy.searchsorted(hashed, firsts, side="left")
    starts[-1] = len(hashed)
    return words_of(starts, _START)


def words_of(data: object, fmt: ValueFormat = _WORD) -> memoryview:
    """A view of the unsigned integers of ``data`` (an array, a NumPy array: anything with a
    C-contiguous buffer), 64-bit or as ``fmt`` says, as a table holds them."""
    return memoryview(data).cast("B").cast(fmt)  # type: ignore[arg-type]
