"""The compiled index of a termbase, built once and shared by lookup and the checker.

- every form as a word pattern, filed under the transliteration keys of its first two words (or
  of its one word), so a scan of a draft costs one probe per word whatever the size of the
  termbase;
- the long words of names, and a deletion index of them, to find near misses (typos) without
  comparing a word with every name;
- every form under its exact, case-, accent- and transliteration-insensitive keys (lookup);
- the adjectives and demonyms of entries (``derived``), known words that are no forms.

All of it is held in ``KeyTable``s (flat arrays of hashes and integers) that refer to forms by
number, so the index is written to disk and read back as a few blocks of bytes (``cache``).
Entries, forms and patterns are Python objects only once a draft or a query reaches them.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from ..atomic import FileSpan
from ..bulk import gc_paused
from ..model import Entry, EntryType, Form, Termbase
from ..normalize import casefold, clear_memos, fold_key, match_key, translit_key, translit_word
from ..stats import termbase_stats
from ..tokens import split_form, words
from .keytable import KeyTable, ValueFormat, directory, hash_all, stable_hash, words_of
from .packed import Packer

# Near misses are searched for words of at least this many letters (never for short names).
TYPO_MIN_LENGTH = 5
# ... and of at most this many. The deletion variants of a word grow with the square of its
# length (two edits) and the work of making them with the cube: 1,770 variants at 60 letters,
# two million (and 8 GB) for one 2,000-letter word. No word of a real name comes near: the
# longest place name in Europe (Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch)
# has 58 letters, the longest surnames about 35. Longer words are matched exactly or not at
# all, in drafts (a word run together from many, a hostile input) as in termbases.
TYPO_MAX_LENGTH = 60
# A near miss of a word this long may be two edits away; of a shorter one, a single edit.
TWO_EDITS_LENGTH = 9
NAME_TYPES = (EntryType.PERSON, EntryType.PLACE, EntryType.ORGANIZATION)

# A form is numbered (entry position << FORM_BITS) | (its rank among the entry's forms); a
# word of a name (form number << WORD_BITS) | (its rank in the form).
FORM_BITS = 12
WORD_BITS = 8
# Per-key answers kept by the scan's probes; past this many the memo starts again (a run over
# an archive meets millions of distinct words).
MEMO_LIMIT = 200_000
# One-word patterns start with the key / longer patterns start with it (``start_kind``).
STARTS_SINGLE = 1
STARTS_LONGER = 2
_SEPARATOR = "\0"  # between the strings of a string block (never in a form)
_T = TypeVar("_T")


class _Memo(Generic[_T]):
    """A property computed on first use and kept in the instance's ``__dict__``, where later
    reads find it before the descriptor: ``functools.cached_property`` without the lock that
    Python 3.11 takes on every first use (one lock for all instances; 3.12 dropped it), which
    cost as much as computing the value."""

    def __init__(self, compute: Callable[[Any], _T]):
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _Memo[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object, owner: type | None = None) -> _T | _Memo[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


@dataclass(frozen=True, init=False)
class FormPattern:
    """A form as a sequence of words: what the checker compares a run of draft words with."""

    form: Form
    words: tuple[str, ...]  # as written in the termbase
    folded: tuple[str, ...]  # fold_key of each word
    translit: tuple[str, ...]  # translit_word of each word
    seps: tuple[str, ...]  # normalised separators between the words
    entry: Entry = field(compare=False, repr=False)
    size: int = field(init=False)  # number of words (read in the scan's inner loop)

    def __init__(self, form: Form, words: tuple[str, ...], folded: tuple[str, ...],
                 translit: tuple[str, ...], seps: tuple[str, ...], entry: Entry):
        # Set with ``object.__setattr__`` held in a local, not through the frozen class's
        # ``__setattr__`` (a lookup of it per field), a fifth cheaper: a pattern is made for
        # every form of every entry a draft reaches, 100,000 of them on a 10 MB archive.
        # (Not written into ``self.__dict__``: twice cheaper still, but the dictionary it
        # makes costs 64 bytes a pattern, and CPython's specialised reads of the attributes,
        # which the scan's inner loop makes, are lost: the second pass was 5 % slower.)
        set_field = object.__setattr__
        set_field(self, "form", form)
        set_field(self, "words", words)
        set_field(self, "folded", folded)
        set_field(self, "translit", translit)
        set_field(self, "seps", seps)
        set_field(self, "entry", entry)
        set_field(self, "size", len(words))

    # What the checker asks of a form where its letters differ from a run of draft words (made
    # on first use: most patterns made are never asked, 100,000 of them on a 10 MB archive).
    @_Memo
    def capitals(self) -> tuple[bool, ...]:
        """Which words start with a capital."""
        return tuple(w[:1].isupper() for w in self.words)

    @_Memo
    def has_acronym(self) -> bool:
        """Whether a word is an acronym (NATO, UN)."""
        return any(is_acronym(w) for w in self.words)


def is_acronym(word: str) -> bool:
    """Whether ``word`` is an acronym: capitals only, two letters or more (NATO, UN)."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def make_pattern(form: Form, entry: Entry) -> FormPattern | None:
    """The pattern of ``form`` (None for a form without words)."""
    tokens, seps = split_form(form.text)
    if not tokens:
        return None
    return FormPattern(form, tokens, tuple(fold_key(t) for t in tokens),
                       tuple(translit_word(t) for t in tokens), seps, entry)


def max_edits(length: int) -> int:
    """Edits allowed for a near miss of a word of ``length`` letters."""
    return 2 if length >= TWO_EDITS_LENGTH else 1


def typo_searchable(word: str) -> bool:
    """Whether near misses of ``word`` (accent-folded) are searched for: letters only, of a
    name word's length."""
    return TYPO_MIN_LENGTH <= len(word) <= TYPO_MAX_LENGTH and word.isalpha()


def deletes(word: str) -> set[str]:
    """``word`` and every string up to ``max_edits`` deletions away from it, its first letter
    kept (``word`` alone when it is longer than ``TYPO_MAX_LENGTH``: no name is, and the
    variants would take gigabytes). This is the symmetric-delete scheme: a name word and a
    draft word within the edits the draft word is allowed (a swap counts as one) share an
    element.

    A short name word needs only single deletions even against a long draft word: two edits
    between words of different lengths include a deletion on the long side. The first letter
    is never deleted because a near miss keeps it (Balah is not Salah): two words that start
    alike are as far apart as what follows their first letters, and the index is a fifth
    smaller.

    Each pair of places is deleted once, the second at or after the first in what the first
    deletion left (a third fewer strings made than deleting every place of every single
    deletion: this runs for every name word of a termbase as it compiles, and for every
    capitalised word a draft's near-miss search meets)."""
    head, found = word[:1], {word}
    if len(word) > TYPO_MAX_LENGTH:
        return found
    rest = word[1:]
    size = len(rest)
    ones = [rest[:i] + rest[i + 1:] for i in range(size)]
    found.update([head + one for one in ones])
    if max_edits(len(word)) == 2:
        found.update([head + one[:j] + one[j + 1:]
                      for i, one in enumerate(ones) for j in range(i, size - 1)])
    return found


def pair_key(first: str, second: str) -> str:
    """The key of patterns of two words or more by the keys of their first two words."""
    return f"{first} {second}"


class StringBlock(Sequence[str]):
    """Strings kept as one block of text, split into a list on first use."""

    def __init__(self, text: str):
        self._text = text
        self._items: list[str] | None = None

    @property
    def text(self) -> str:
        return self._text

    @property
    def strings(self) -> list[str]:
        if self._items is None:
            self._items = self._text.split(_SEPARATOR) if self._text else []
        return self._items

    def __getitem__(self, position):
        return self.strings[position]

    def __len__(self) -> int:
        return len(self.strings)


class FormTable:
    """Forms by one of their keys (``match_key``, ``fold_key``…): a read-only mapping that
    answers only with forms whose key really is the one asked for."""

    def __init__(self, index: TermIndex, table: KeyTable, check: Callable[[Form, str], bool]):
        self._index = index
        self._table = table
        self._check = check

    def get(self, key: str, default: tuple[Form, ...] = ()) -> tuple[Form, ...]:
        forms = tuple(form for form in map(self._index.form_at, self._table.get(key))
                      if self._check(form, key))
        return forms or default

    def __getitem__(self, key: str) -> tuple[Form, ...]:
        forms = self.get(key)
        if not forms:
            raise KeyError(key)
        return forms

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))


class NameWords:
    """Long words of names (accent-folded) to the patterns holding them and their rank there."""

    def __init__(self, index: TermIndex, table: KeyTable):
        self._index = index
        self._table = table
        self._memo: dict[str, tuple[tuple[FormPattern, int], ...]] = {}

    def get(self, word: str) -> tuple[tuple[FormPattern, int], ...]:
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            mask = (1 << WORD_BITS) - 1
            pairs = ((self._index.pattern(value >> WORD_BITS), value & mask)
                     for value in self._table.get(word))
            found = self._memo[word] = tuple(
                (pattern, rank) for pattern, rank in pairs
                if pattern is not None and pattern.folded[rank] == word)
        return found

    def __getitem__(self, word: str) -> tuple[tuple[FormPattern, int], ...]:
        found = self.get(word)
        if not found:
            raise KeyError(word)
        return found

    def entries(self, word: str) -> set[int]:
        """Positions of the entries whose names hold ``word``, without making their patterns
        (a first name is in thousands of names)."""
        return {value >> (WORD_BITS + FORM_BITS) for value in self._table.get(word)}

    def __contains__(self, word: object) -> bool:
        # The table alone: a 64-bit hash shared by another word is a risk of one in billions.
        return isinstance(word, str) and word in self._table


class FormList(Sequence[Form]):
    """Every form of the termbase in order, made on first access."""

    def __init__(self, index: TermIndex):
        self._index = index

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        return self._index.form_at(position)

    def __len__(self) -> int:
        return len(self._index.form_refs)


@dataclass
class IndexParts:
    """What a compiled index is made of, apart from the termbase's entries."""

    form_refs: array | memoryview  # built, or read back from a cache file
    tables: dict[str, KeyTable]
    strings: dict[str, StringBlock]
    # Patterns by form number, made as a draft or a query reaches them.
    patterns: dict[int, FormPattern | None] = field(default_factory=dict)
    # The entries packed as the index was built (``Packer.finish``), to be written to disk.
    packed: tuple[bytearray | FileSpan, array, KeyTable, list[str]] | None = None


# The tables of an index, by name (the on-disk format names them so).
TABLES = ("singles", "pairs", "firsts", "name_words", "near", "form_words", "match", "fold",
          "translit", "word", "derived")
# The tables whose values are not 64-bit: the near-miss table's are word numbers, and it holds
# millions (32 bits: 25 MB less for 100,000 entries).
VALUE_FORMATS: dict[str, ValueFormat] = {"near": "I"}
# Derived words of more words than this (Trinidadian and Tobagonian) are known word by word
# only: a translation is searched for runs of at most this many words.
DERIVED_MAX_WORDS = 3


def derived_key(text: str) -> str:
    """The key of an adjective or demonym, or of a run of draft words: its words case- and
    accent-folded, one space between them (Néo-Zélandaises, néo zélandaises)."""
    return " ".join(fold_key(text[start:end]) for start, end in words(text))
STRINGS = ("name_word_texts", "fold_choices", "translit_choices")


class _Growing:
    """A table as it is built: the hash of each key and the value beside it, 16 bytes a key
    (no key is kept as a string: the tables of 100,000 entries hold millions of keys)."""

    __slots__ = ("hashes", "values")

    def __init__(self) -> None:
        self.hashes = array("Q")
        self.values = array("Q")

    def add(self, key: str, value: int) -> None:
        self.hashes.append(stable_hash(key))
        self.values.append(value)

    def table(self) -> KeyTable:
        return KeyTable.from_hashes(self.hashes, self.values)


class _Strings:
    """Strings joined into one text as they come, a batch at a time (``StringBlock``)."""

    _BATCH = 4096

    def __init__(self) -> None:
        self._batches: list[str] = []
        self._batch: list[str] = []

    def append(self, text: str) -> None:
        self._batch.append(text)
        if len(self._batch) == self._BATCH:
            self._batches.append(_SEPARATOR.join(self._batch))
            self._batch = []

    def block(self) -> StringBlock:
        if self._batch:
            self._batches.append(_SEPARATOR.join(self._batch))
        return StringBlock(_SEPARATOR.join(self._batches))


def _near_table(name_words: Iterable[str]) -> KeyTable:
    """The deletion index of the name words (``deletes``), each variant's value the number of
    its word (the words' order): the largest table by far, made with no string kept and
    sorted in place."""
    import numpy

    hashes, counts = array("Q"), array("Q")
    for word in name_words:
        variants = deletes(word)
        hashes += hash_all(variants)
        counts.append(len(variants))
    hashed = numpy.frombuffer(hashes, dtype=numpy.uint64) if hashes else \
        numpy.zeros(0, dtype=numpy.uint64)
    order = numpy.argsort(hashed, kind="stable")
    hashed.sort()  # in place: the hashes in the order ``order`` gives
    # Each variant's word, from its place in the order it was made: its word is the first
    # whose variants end past it. Computed into ``order`` itself, a slice at a time.
    ends = numpy.cumsum(numpy.frombuffer(counts, dtype=numpy.uint64), dtype=numpy.int64)
    step = 1 << 20
    for start in range(0, len(order), step):
        order[start:start + step] = numpy.searchsorted(ends, order[start:start + step],
                                                        side="right")
    values = order.astype(numpy.uint32)  # (VALUE_FORMATS: fewer than 4 billion words)
    del order
    return KeyTable(words_of(hashed), words_of(values, VALUE_FORMATS["near"]), directory(hashed))


def build_parts(entries: Iterable[Entry], packer: Packer | None = None) -> IndexParts:
    """Compile ``entries`` (in termbase order); with ``packer``, each entry is packed too, with
    the patterns of its forms (``pack_entry``), as it is compiled."""
    form_refs = array("Q")
    # Each table but "near" (made apart, below) as the hashes of its keys and its values.
    tables_built = {name: _Growing() for name in TABLES if name not in ("near", "pairs")}
    add_match, add_fold, add_translit, add_word, add_singles, add_name_words, add_derived = (
        tables_built[name].add for name in ("match", "fold", "translit", "word", "singles",
                                            "name_words", "derived"))
    # Patterns of two words or more: (-size, hash of the pair key, form ref), sorted below.
    longer_sizes, longer_hashes, longer_refs = array("q"), array("Q"), array("Q")
    name_words: dict[str, int] = {}
    fold_choices, translit_choices = _Strings(), _Strings()
    form_words: set[int] = set()  # hashes of the words of forms, case-folded
    firsts: set[int] = set()  # hashes of the first keys of patterns of two words or more
    for position, entry in enumerate(entries):
        is_name = entry.type in NAME_TYPES
        for derived in entry.derived():
            # The whole word (flag 1), and the last word of a compound one on its own (flag
            # 0): Zélandais is a known word, not a near miss of Zélande (Néo, New, Sud are
            # words of many names and stay unknown).
            key = derived_key(derived.text)
            add_derived(key, position << 1 | 1)
            last = key.rsplit(" ", 1)
            if len(last) > 1:
                add_derived(last[1], position << 1)
        stored: list[tuple | None] = []
        for rank, form in enumerate(entry.forms()):
            ref = position << FORM_BITS | rank
            number = len(form_refs)
            form_refs.append(ref)
            folded_text, translit_text = fold_key(form.text), translit_key(form.text)
            fold_choices.append(folded_text)
            translit_choices.append(translit_text)
            add_match(match_key(form.text), number)
            add_fold(folded_text, number)
            add_translit(translit_text, number)
            parts = folded_text.split()
            if len(parts) > 1:
                for part in dict.fromkeys(parts):
                    add_word(part, number)
            pattern = make_pattern(form, entry)
            if pattern is None:
                stored.append(None)
                continue
            stored.append((pattern.words, pattern.folded, pattern.translit, pattern.seps))
            # Patterns of two words or more by their first two keys, one-word patterns apart:
            # a word such as "la" starts many patterns, the pair "la reunion" few.
            if pattern.size > 1:
                longer_sizes.append(-pattern.size)
                longer_hashes.append(stable_hash(pair_key(*pattern.translit[:2])))
                longer_refs.append(ref)
                firsts.add(stable_hash(pattern.translit[0]))
            else:
                add_singles(pattern.translit[0], ref)
            form_words.update(stable_hash(casefold(t)) for t in pattern.words)
            if is_name:
                for rank_in_form, word in enumerate(pattern.folded):
                    if typo_searchable(word):
                        name_words.setdefault(word, len(name_words))
                        add_name_words(word, ref << WORD_BITS | rank_in_form)
        if packer is not None:
            packer.add(entry, stored)
    tables = {name: grown.table() for name, grown in tables_built.items()}
    del tables_built
    # Longest patterns first (a stable sort keeps termbase order among equals), so the first
    # full match at a position is the longest one.
    by_size = sorted(range(len(longer_sizes)), key=longer_sizes.__getitem__)
    tables["pairs"] = KeyTable.from_hashes(array("Q", map(longer_hashes.__getitem__, by_size)),
                                           array("Q", map(longer_refs.__getitem__, by_size)))
    del by_size, longer_sizes, longer_hashes, longer_refs
    tables["firsts"] = KeyTable.from_hashes(array("Q", firsts), array("Q", bytes(8 * len(firsts))))
    tables["form_words"] = KeyTable.from_hashes(array("Q", form_words),
                                                array("Q", bytes(8 * len(form_words))))
    del firsts, form_words
    strings = {"fold_choices": fold_choices.block(),
               "translit_choices": translit_choices.block()}
    del fold_choices, translit_choices
    strings["name_word_texts"] = StringBlock(_SEPARATOR.join(name_words))
    clear_memos()  # filled with forms, not a draft's words
    tables["near"] = _near_table(name_words)
    return IndexParts(form_refs, {name: tables[name] for name in TABLES},
                      {name: strings[name] for name in STRINGS})


class TermIndex:
    """Forms of a termbase as word patterns and their long words for typo search (what the
    checker needs), and by key for lookup, all in ``KeyTable``s; entries, forms and patterns
    are made when first reached."""

    _stats: dict[str, Any] | None  # (``stats``)

    def __init__(self, termbase: Termbase, pack: bool = False):
        """The index of ``termbase``; with ``pack``, its entries are packed as it is built,
        ready to be written to disk (``glossary.index.cache``)."""
        entries = list(termbase)
        packer = Packer() if pack else None
        with gc_paused():
            parts = build_parts(entries, packer)
        if packer is not None:
            parts.packed = packer.finish()
        self._setup(termbase, entries.__getitem__, parts)

    @classmethod
    def from_parts(cls, termbase: Termbase, entry_at: Callable[[int], Entry],
                   parts: IndexParts,
                   patterns_at: Callable[[int], Sequence[tuple | None]] | None = None,
                   stats: dict[str, Any] | None = None) -> TermIndex:
        """The index of ``termbase`` from compiled parts (``entry_at``: entry by position;
        ``patterns_at``: the pattern data ``pattern_data`` gave for its forms; ``stats``:
        its ``termbase_stats``, when they were stored)."""
        index = cls.__new__(cls)
        index._setup(termbase, entry_at, parts, patterns_at, stats)
        return index

    def stats(self) -> dict[str, Any]:
        """The termbase's statistics (``glossary.stats.termbase_stats``): stored in a compiled
        index, so that ``terms stats`` does not unpack 100,000 entries to count them."""
        stats = self._stats
        if stats is None:
            stats = self._stats = termbase_stats(self.termbase)
        return stats

    def _setup(self, termbase: Termbase, entry_at: Callable[[int], Entry],
               parts: IndexParts,
               patterns_at: Callable[[int], Sequence[tuple | None]] | None = None,
               stats: dict[str, Any] | None = None) -> None:
        self.termbase = termbase
        self.entry_at = entry_at
        self._stats = stats
        self._patterns_at = patterns_at
        self.parts = parts
        self.form_refs = parts.form_refs
        tables = parts.tables
        self._singles, self._pairs, self._firsts, self._near = (
            tables["singles"], tables["pairs"], tables["firsts"], tables["near"])
        self.form_words = tables["form_words"]
        self._derived = tables["derived"]
        self._derived_words: dict[str, bool] = {}
        self.name_words = NameWords(self, tables["name_words"])
        self.by_match = FormTable(self, tables["match"], lambda f, k: match_key(f.text) == k)
        self.by_fold = FormTable(self, tables["fold"], lambda f, k: fold_key(f.text) == k)
        self.by_translit = FormTable(self, tables["translit"],
                                     lambda f, k: translit_key(f.text) == k)
        # Single words of multi-word forms (``lavrov`` in ``Sergueï Lavrov``), accent-folded.
        self.by_word = FormTable(self, tables["word"], lambda f, k: k in fold_key(f.text).split())
        self._name_word_texts = parts.strings["name_word_texts"]
        self.forms = FormList(self)
        self._patterns: dict[int, FormPattern | None] = parts.patterns
        self._starting: dict[tuple[str, str | None], tuple[FormPattern, ...]] = {}
        self._kinds: dict[str, int] = {}

    # -- for lookup ------------------------------------------------------------------------------
    @property
    def fold_choices(self) -> list[str]:
        """Folded forms, parallel to ``forms`` (rapidfuzz works on plain sequences)."""
        return self.parts.strings["fold_choices"].strings

    @property
    def translit_choices(self) -> list[str]:
        return self.parts.strings["translit_choices"].strings

    # -- forms and patterns by number ------------------------------------------------------------
    def _form_of(self, ref: int) -> tuple[Form, Entry]:
        entry = self.entry_at(ref >> FORM_BITS)
        rank = ref & ((1 << FORM_BITS) - 1)
        for i, form in enumerate(entry.forms()):
            if i == rank:
                return form, entry
        raise IndexError(ref)  # pragma: no cover - the index and its entries disagree

    def form_at(self, position: int) -> Form:
        """The form at ``position`` in termbase order (entry by entry, as ``Entry.forms``)."""
        return self._form_of(self.form_refs[position])[0]

    def pattern(self, ref: int) -> FormPattern | None:
        """The pattern of form ``ref`` (None for a form without words)."""
        try:
            return self._patterns[ref]
        except KeyError:
            pass
        # Every form of the entry at once: a draft that reaches one form of an entry reaches
        # the others at the same words (the other language's, the avoid forms), and the
        # entry's forms are walked once, not once per form.
        position = ref >> FORM_BITS
        entry = self.entry_at(position)
        forms = list(entry.forms())
        if self._patterns_at is None:
            patterns = [make_pattern(form, entry) for form in forms]
        else:  # computed when the index was compiled
            # data: the four tuples of words pattern_data stored, before the entry
            patterns = [None if data is None else FormPattern(form, *data, entry)  # type: ignore[call-arg]
                        for form, data in zip(forms, self._patterns_at(position), strict=True)]
        for rank, pattern in enumerate(patterns):
            self._patterns.setdefault(position << FORM_BITS | rank, pattern)
        return self._patterns[ref]

    def pattern_data(self, position: int) -> list[tuple | None]:
        """What to store beside the entry at ``position`` so that its patterns need not be
        computed again: (words, folded, translit, seps) of each form, None for no words."""
        entry = self.entry_at(position)
        data = []
        for rank in range(sum(1 for _ in entry.forms())):
            pattern = self.pattern(position << FORM_BITS | rank)
            data.append(None if pattern is None else
                        (pattern.words, pattern.folded, pattern.translit, pattern.seps))
        return data

    def _patterns_of(self, refs: Sequence[int]) -> Iterator[FormPattern]:
        for ref in refs:
            pattern = self.pattern(ref)
            if pattern is not None:
                yield pattern

    # -- for the checker -------------------------------------------------------------------------
    def start_kind(self, key: str) -> int:
        """Whether one-word patterns (``STARTS_SINGLE``) and longer ones (``STARTS_LONGER``)
        may start with a word whose transliteration key is ``key``."""
        kind = self._kinds.get(key)
        if kind is None:
            if len(self._kinds) > MEMO_LIMIT:
                self._kinds.clear()
            kind = self._kinds[key] = (
                (STARTS_SINGLE if key in self._singles else 0)
                | (STARTS_LONGER if key in self._firsts else 0))
        return kind

    def patterns_starting(self, first: str, second: str | None = None
                          ) -> tuple[FormPattern, ...]:
        """Patterns whose first word has the transliteration key ``first`` (and, for patterns of
        two words or more, whose second word has the key ``second``), longest first."""
        memo_key = (first, second)
        found = self._starting.get(memo_key)
        if found is None:
            if len(self._starting) > MEMO_LIMIT:
                self._starting.clear()
            # A table is probed only when ``start_kind`` (memoised, and asked of every word
            # the scan reaches) says a pattern of its kind starts with the key: the one-word
            # table holds no key of nearly any pair's first word (first names), and its probe
            # would find nothing, as the pair's would when no longer pattern starts so.
            kind = self.start_kind(first)
            longer = tuple(p for p in self._patterns_of(self._pairs.get(pair_key(first, second)))
                           if p.translit[:2] == (first, second)) \
                if second is not None and kind & STARTS_LONGER else ()
            singles = tuple(p for p in self._patterns_of(self._singles.get(first))
                            if p.translit == (first,)) if kind & STARTS_SINGLE else ()
            found = self._starting[memo_key] = longer + singles
        return found

    def is_derived_word(self, word: str) -> bool:
        """Whether ``word`` (one word, any case and accents) is an adjective or a demonym of an
        entry, or the last word of one (Britanniques, bolivienne, Zélandais); asked of every
        word of a translation, so memoised."""
        known = self._derived_words.get(word)
        if known is None:
            if len(self._derived_words) > MEMO_LIMIT:
                self._derived_words.clear()
            known = self._derived_words[word] = fold_key(word) in self._derived
        return known

    def derived_entries(self, text: str) -> list[Entry]:
        """The entries of which ``text`` (a run of words) is a whole adjective or demonym."""
        key = derived_key(text)
        found: dict[str, Entry] = {}
        for value in self._derived.get(key):
            if value & 1:
                entry = self.entry_at(value >> 1)
                # A shared hash is no match: the entry must list the word.
                if any(derived_key(w.text) == key for w in entry.derived()):
                    found[entry.id] = entry
        return list(found.values())

    def near_name_words(self, folded_word: str) -> tuple[str, ...]:
        """Words of names (accent-folded) within about one edit of ``folded_word``, found through
        the deletion index; candidates still need an exact distance check (none for a word
        longer than ``TYPO_MAX_LENGTH``)."""
        if len(folded_word) > TYPO_MAX_LENGTH:
            return ()
        # A name word is reached through several variants: each number looked up once.
        found = set(map(self._name_word_texts.strings.__getitem__,
                        set(self._near.get_all(deletes(folded_word)))))
        found.discard(folded_word)
        return tuple(sorted(found))
