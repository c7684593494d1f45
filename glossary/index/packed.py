"""Entries packed into one block of bytes, unpacked one at a time when first asked for.

A compiled index read back from disk holds every entry of the termbase this way: a draft
mentions a few dozen names, so a check unpacks a few dozen entries, not 100,000. ``PackedEntries``
is a read-only mapping from entry id to ``Entry``, in termbase order, like ``Termbase.entries``.

Each entry is a small JSON array (data only: the bytes of a cache file are never given to
``marshal`` or ``pickle``, whose loaders run code or crash on crafted input). It is unpacked by
``msgspec``, which checks every field against the shape ``pack_entry`` writes as it decodes (in
C: checking field by field in Python cost more than decoding the JSON): an entry that is not
what ``pack_entry`` writes is an ``IndexDamagedError``, never a crash.
"""

from __future__ import annotations

import dataclasses
import json
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, Annotated, Any, TypeVar

import msgspec

from ..atomic import FileSpan
from ..errors import IndexDamagedError
from ..model import (
    CasePolicy,
    DerivedWord,
    Entry,
    EntryType,
    Form,
    LanguageForms,
    Origin,
    Status,
    WordKind,
)
from .keytable import KeyTable, stable_hash

_STATUSES = tuple(Status)
_STATUS_CODE = {status: code for code, status in enumerate(_STATUSES)}
_KINDS = tuple(WordKind)
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}


_T = TypeVar("_T")


def _maker(cls: type[_T]) -> Callable[..., _T]:
    """A function making an instance of ``cls``, a frozen dataclass with slots and no
    ``__post_init__``, from every field in order: each value is stored through its slot's
    descriptor, where the dataclass's own ``__init__`` goes through ``object.__setattr__``
    (it is frozen) at twice the cost. An entry unpacked makes a dozen such objects, and a
    check of 10 MB unpacks 25,000 entries. Generated as ``dataclasses`` generates
    ``__init__``: one line per field, no loop."""
    if not (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__) \
            or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass without __post_init__")
    names = [f.name for f in dataclasses.fields(cls)]
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update({f"_set_{name}": getattr(cls, name).__set__ for name in names})
    source = "\n".join([f"def make_{cls.__name__}({', '.join(names)}):",
                        "    made = _new(_cls)",
                        *(f"    _set_{name}(made, {name})" for name in names),
                        "    return made"])
    exec(source, scope)
    return scope[f"make_{cls.__name__}"]


_origin = _maker(Origin)
_form = _maker(Form)
_derived = _maker(DerivedWord)
_language = _maker(LanguageForms)
_entry = _maker(Entry)


class MalformedEntry(ValueError):
    """Packed bytes that are not an entry ``pack_entry`` wrote."""


def pack_entry(entry: Entry, path_ids: dict[str, int],
               patterns: Sequence[tuple | None] = ()) -> bytes:
    """``entry`` as bytes; ``path_ids`` numbers the termbase files its origins name.
    ``patterns``: what the index computed for each form, stored with it so that it is not
    computed again when the entry is unpacked (plain tuples of strings)."""
    origin = entry.origin
    path = path_ids.setdefault(origin.path, len(path_ids)) if origin else -1
    languages = [
        [code, [[f.text, _STATUS_CODE[f.status], f.origin.line if f.origin else 0]
                for f in forms.forms()],
         [[w.text, _KIND_CODE[w.kind], w.origin.line if w.origin else 0]
          for w in forms.derived()]]
        for code, forms in entry.languages.items()]
    see_also_line = entry.see_also_origin.line if entry.see_also_origin else 0
    return json.dumps([entry.id, entry.type.value, entry.note, entry.case.value,
                       entry.ambiguous, path, origin.line if origin else 0, languages,
                       list(patterns), list(entry.see_also), see_also_line,
                       [list(pair) for pair in entry.regional]],
                      ensure_ascii=False, separators=(",", ":")
                      ).encode("utf-8", "surrogatepass")


# The shape of a packed entry, for ``msgspec`` to check as it decodes (in C, where checking
# field by field in Python cost more than the decoding): any array, string, number or bound that
# is not what ``pack_entry`` writes fails the decoding. Fixed-length arrays are tuples.
_Line = Annotated[int, msgspec.Meta(ge=0)]
_Form = tuple[str, Annotated[int, msgspec.Meta(ge=0, lt=len(_STATUSES))], _Line]
_Word = tuple[str, Annotated[int, msgspec.Meta(ge=0, lt=len(_KINDS))], _Line]
_Strings = tuple[str, ...]
# words, folded, translit, seps (``TermIndex.pattern_data``)
_Pattern = tuple[_Strings, _Strings, _Strings, _Strings] | None
_Fields = tuple[
    str,  # id
    EntryType,  # by value
    str | None,  # note
    CasePolicy,  # by value
    bool | None,  # ambiguous
    Annotated[int, msgspec.Meta(ge=-1)],  # the number of its termbase file, or -1
    _Line,  # of the entry
    tuple[tuple[str, tuple[_Form, ...], tuple[_Word, ...]], ...],  # by language
    tuple[_Pattern, ...],  # one for each form, in order, or none
    tuple[str, ...],  # see also
    _Line,  # of see also
    tuple[tuple[str, str], ...],  # regional forms: (tag, text)
]
_DECODER = msgspec.json.Decoder(_Fields)


def _decode(data: bytes | bytearray | memoryview) -> _Fields:
    try:
        return _DECODER.decode(data)
    except msgspec.ValidationError as exc:
        raise MalformedEntry(str(exc)) from None
    except msgspec.DecodeError:
        pass  # not UTF-8: a lone surrogate in a term is written with "surrogatepass"
    try:
        fields = json.loads(str(data, "utf-8", "surrogatepass"))
        return msgspec.convert(fields, _Fields, strict=True)
    except (ValueError, RecursionError, msgspec.ValidationError) as exc:
        raise MalformedEntry(str(exc)) from None


def _check(condition: bool) -> None:
    if not condition:
        raise MalformedEntry("not a packed entry")


def unpack_entry(data: bytes | bytearray | memoryview, paths: Sequence[str]) -> tuple[Entry, tuple]:
    """The entry ``pack_entry`` wrote (``paths``: the file names, by number), and the
    patterns stored with it. Raises ``MalformedEntry`` for anything else."""
    (entry_id, kind, note, case, ambiguous, path, line, languages, patterns, see_also,
     see_also_line, regional) = _decode(data)
    _check(path < len(paths))
    file = paths[path] if path >= 0 else None
    by_lang = {}
    # The objects are made by ``_maker``'s functions, the model's classes without their
    # ``__init__`` (every field given, in order).
    for code, forms, words in languages:
        # By code, as ``_STATUSES`` and ``_KINDS`` number them (PREFERRED first).
        by_status: tuple[list[Form], ...] = ([], [], [], [])
        for text, status, form_line in forms:
            by_status[status].append(_form(text, _STATUSES[status], code, entry_id,
                                           None if file is None else _origin(file, form_line)))
        preferred, accepted, avoid, short = by_status
        _check(len(preferred) == 1)
        by_kind: tuple[list[DerivedWord], ...] = ([], [])
        for text, kind_code, word_line in words:
            by_kind[kind_code].append(_derived(
                text, _KINDS[kind_code], code, entry_id,
                None if file is None else _origin(file, word_line)))
        adjectives, demonyms = by_kind
        by_lang[code] = _language(code, preferred[0], tuple(accepted), tuple(avoid),
                                  tuple(short), tuple(adjectives), tuple(demonyms))
    _check(len(by_lang) == len(languages))  # a language given twice
    _check(not patterns or len(patterns) == sum(len(forms) for _, forms, _ in languages))
    # A null note is given as it was written, as before (a loaded termbase never has one).
    return _entry(entry_id, kind, by_lang, note, case, ambiguous,
                  _origin(file, line) if file is not None else None, see_also,
                  _origin(file, see_also_line) if file is not None and see_also else None,
                  regional), patterns


class PackedEntries(Mapping[str, Entry]):
    """Entries by id, unpacked from ``blob`` on first access and kept."""

    def __init__(self, blob: bytes | bytearray | memoryview, offsets: Sequence[int], ids: KeyTable,
                 paths: Sequence[str], file: str = "(in memory)"):
        """``offsets``: where each entry starts in ``blob``, plus its end; ``ids``: entry id
        to position; ``file``: where the blob was read from, for errors."""
        self._blob = blob
        self._file = file
        self._offsets = offsets
        self._ids = ids
        self._paths = tuple(paths)
        self._unpacked: dict[int, Entry] = {}
        self._patterns: dict[int, tuple] = {}

    @classmethod
    def pack(cls, entries: Sequence[Entry],
             patterns: Callable[[int], Sequence[tuple | None]] | None = None
             ) -> tuple[bytearray | FileSpan, array, KeyTable, list[str]]:
        """The parts ``PackedEntries`` is made of, for ``entries`` in order; ``patterns``
        gives what to store with the entry at a position (see ``pack_entry``)."""
        packer = Packer()
        for i, entry in enumerate(entries):
            packer.add(entry, patterns(i) if patterns else ())
        return packer.finish()

    def at(self, position: int) -> Entry:
        """The entry at ``position`` in termbase order."""
        entry = self._unpacked.get(position)
        if entry is None:
            try:
                data = self._blob[self._offsets[position]:self._offsets[position + 1]]
                entry, self._patterns[position] = unpack_entry(data, self._paths)
            except (MalformedEntry, IndexError, TypeError) as exc:
                raise IndexDamagedError(self._file, position) from exc
            self._unpacked[position] = entry
        return entry

    def patterns_at(self, position: int) -> tuple:
        """The patterns stored with the entry at ``position`` (see ``pack_entry``), one for
        each of its forms: an index file that holds fewer or more is damaged."""
        entry = self.at(position)
        patterns = self._patterns[position]
        # ``unpack_entry`` holds stored patterns to the entry's forms, one each; none at all
        # is only for entries packed without them, never in an index file.
        if not patterns and entry.languages:
            raise IndexDamagedError(self._file, position)
        return patterns

    def position(self, entry_id: str) -> int | None:
        for position in self._ids.get(entry_id):
            if self.at(position).id == entry_id:  # a shared hash is not a match
                return position
        return None

    def __getitem__(self, entry_id: str) -> Entry:
        position = self.position(entry_id)
        if position is None:
            raise KeyError(entry_id)
        return self.at(position)

    def __contains__(self, entry_id: object) -> bool:
        return isinstance(entry_id, str) and self.position(entry_id) is not None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __iter__(self) -> Iterator[str]:
        return (self.at(i).id for i in range(len(self)))


class Packer:
    """Packs entries one at a time, as an index is built (``glossary.index.compiled``), into
    the parts ``PackedEntries`` is made of: one block of bytes, nothing kept per entry but its
    offset and the hash of its id. With ``spill``, the block is written to that (temporary)
    file as it grows, and given as a ``FileSpan`` of it: 100,000 entries make 55 MB."""

    def __init__(self, spill: IO[bytes] | None = None) -> None:
        self._blob = bytearray()
        self._spill = spill
        self._size = 0
        self._offsets = array("Q", [0])
        self._ids = array("Q")
        self._path_ids: dict[str, int] = {}

    def add(self, entry: Entry, patterns: Sequence[tuple | None] = ()) -> None:
        """Pack ``entry`` after those added before it (``patterns``: see ``pack_entry``)."""
        data = pack_entry(entry, self._path_ids, patterns)
        if self._spill is None:
            self._blob += data
        else:
            self._spill.write(data)
        self._size += len(data)
        self._offsets.append(self._size)
        self._ids.append(stable_hash(entry.id))

    def finish(self) -> tuple[bytearray | FileSpan, array, KeyTable, list[str]]:
        """The block of entries, the offsets of each (and of the end), the table of their ids
        and the termbase files their origins name. Once: the packer is then spent."""
        positions = array("Q", range(len(self._ids)))
        blob: bytearray | FileSpan = self._blob
        if self._spill is not None:
            self._spill.flush()
            blob = FileSpan(self._spill, 0, self._size)
        return blob, self._offsets, KeyTable.from_hashes(self._ids, positions), \
            list(self._path_ids)
