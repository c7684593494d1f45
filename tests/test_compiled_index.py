"""The compiled index's storage: key tables, packed entries, and an index read back from disk
that answers exactly as the one built in memory, hash collisions included."""

from __future__ import annotations

import bisect
import dataclasses
import pickle
import random

import pytest

from checker import matcher
from checker.engine import Checker, CheckOptions
from glossary import load_termbase
from glossary.errors import IndexDamagedError
from glossary.index import cache
from glossary.index.compiled import FORM_BITS, FormPattern, TermIndex, is_acronym, make_pattern
from glossary.index.keytable import KeyTable, directory_bits, stable_hash
from glossary.index.packed import PackedEntries
from glossary.model import Entry, EntryType, Form, LanguageForms, Status
from glossary.normalize import fold_key, match_key, translit_key


def test_key_table_keeps_every_value_of_a_key_in_order():
    table = KeyTable.build(["b", "a", "b", "c", "b"], [5, 1, 3, 0, 9])
    assert table.get("b") == [5, 3, 9]
    assert table.get("a") == [1]
    assert table.get("zzz") == []
    assert "c" in table and "d" not in table
    assert len(table) == 5
    # Many keys at once: each key's values, key after key (the near-miss search's probe).
    assert table.get_all(["a", "zzz", "b", "a"]) == [1, 5, 3, 9, 1]
    assert table.get_all([]) == []


def test_key_table_survives_its_bytes():
    table = KeyTable.build([f"key{i}" for i in range(1000)], [i * 7 for i in range(1000)])
    hashes, values, starts = table.to_bytes()
    again = KeyTable.from_buffers(memoryview(hashes), memoryview(values), memoryview(starts))
    assert all(again.get(f"key{i}") == [i * 7] for i in range(1000))
    with pytest.raises(ValueError, match="directory"):
        KeyTable.from_buffers(memoryview(hashes), memoryview(values), memoryview(starts[:-4]))


def test_a_probe_finds_in_the_directory_s_run_what_a_bisect_of_the_whole_table_does(
        monkeypatch):
    """The directory narrows each probe to the run of hashes sharing its top bits: every hash,
    at the edge of a run or not, is found there, with every value of a key, in order."""
    rng = random.Random(19)
    edges = [run << (64 - directory_bits(4000)) for run in range(1 << directory_bits(4000))]
    hashes = sorted([rng.getrandbits(64) for _ in range(3000)] + edges + [e - 1 for e in edges[1:]]
                    + [0, 0, 2**64 - 1, 2**64 - 1])
    values = list(range(len(hashes)))
    table = KeyTable(hashes, values)
    assert len(table._starts) > 2  # a table of thousands of keys has runs

    def plain(wanted: int) -> list[int]:
        i = bisect.bisect_left(hashes, wanted)
        found = []
        while i < len(hashes) and hashes[i] == wanted:
            found.append(values[i])
            i += 1
        return found

    probed = [0]  # the hash the key "key" has, probe after probe
    monkeypatch.setattr("glossary.index.keytable.stable_hash", lambda key: probed[0])
    for wanted in hashes + [rng.getrandbits(64) for _ in range(3000)] + [2**64 - 2, 1]:
        probed[0] = wanted
        assert table.get("key") == plain(wanted)
        assert ("key" in table) == bool(plain(wanted))
    for size in (0, 1, 15, 16, 17, 100):  # one run, or a few
        small = KeyTable(sorted(rng.getrandbits(64) for _ in range(size)), list(range(size)))
        assert small._starts[-1] == size and small._starts[0] == 0


def test_stable_hash_is_what_the_table_was_built_with():
    # build() inlines the hash for speed: the two must agree or no lookup would ever succeed.
    for key in ("", "a", "Sergueï", "lavrov", "\U0001d40bavrov", "x" * 500):
        table = KeyTable.build([key], [1])
        assert table._hashes[0] == stable_hash(key)


@pytest.fixture(scope="module")
def default_termbase():
    return load_termbase()


@pytest.mark.slow
def test_every_default_entry_survives_packing(default_termbase):
    entries = list(default_termbase)
    blob, offsets, ids, paths = PackedEntries.pack(entries)
    packed = PackedEntries(blob, offsets, ids, paths)
    assert len(packed) == len(entries)
    assert list(packed) == [e.id for e in entries]
    for entry in entries:
        again = packed[entry.id]
        assert again == entry
        assert again.origin == entry.origin
        assert [f.origin for f in again.forms()] == [f.origin for f in entry.forms()]
    assert "no-such-entry" not in packed
    with pytest.raises(KeyError):
        packed["no-such-entry"]


@pytest.mark.slow
def test_read_back_index_answers_as_the_built_one(default_termbase, tmp_path):
    built = TermIndex(default_termbase)
    cache.write_index(built, "key", tmp_path / "index.idx")
    read = cache.read_index(tmp_path / "index.idx", "key")
    assert read is not None
    assert read.termbase.languages == default_termbase.languages
    for position, form in enumerate(built.forms):
        assert read.forms[position] == form
        for table in ("by_match", "by_fold", "by_translit"):
            key = {"by_match": match_key, "by_fold": fold_key,
                   "by_translit": translit_key}[table](form.text)
            assert getattr(read, table).get(key) == getattr(built, table).get(key)
    for entry_position, entry in enumerate(default_termbase):
        for rank in range(len(list(entry.forms()))):
            ref = entry_position << FORM_BITS | rank
            assert read.pattern(ref) == built.pattern(ref)
    assert read.fold_choices == built.fold_choices
    assert read.near_name_words("patrouchef") == built.near_name_words("patrouchef")


def test_colliding_hashes_never_answer_for_another_key(default_termbase, monkeypatch):
    """Every key hashed alike: the tables return every value, and what answers the user
    checks that the value belongs to the key."""
    monkeypatch.setattr("glossary.index.keytable.stable_hash", lambda key: 0)
    entries = list(default_termbase)[:50]
    blob, offsets, ids, paths = PackedEntries.pack(entries)
    everything = KeyTable([0] * len(ids), list(range(len(ids))))
    packed = PackedEntries(blob, offsets, everything, paths)
    for entry in entries:
        assert packed[entry.id].id == entry.id
    index = TermIndex(default_termbase)
    match = index.by_match._table
    index.by_match._table = KeyTable([0] * len(match), list(range(len(match))))
    form = index.forms[3]
    assert {f.text for f in index.by_match[match_key(form.text)]} == {
        f.text for f in index.forms if match_key(f.text) == match_key(form.text)}


@pytest.mark.slow
def test_memos_emptied_midway_change_nothing(monkeypatch):
    text = ("Selon Sergei Lavrov, la réunion avec Nikolaï Patrouchev et jake Sullivan a eu lieu. "
            "Le ministre Lavorv a répondu. ") * 30
    termbase = load_termbase()
    expected = Checker(termbase, CheckOptions(lang="fr")).check_text(text, "a.txt").findings
    monkeypatch.setattr(matcher, "MEMO_LIMIT", 3)
    monkeypatch.setattr("glossary.index.compiled.MEMO_LIMIT", 3)
    again = Checker(termbase, CheckOptions(lang="fr")).check_text(text, "a.txt").findings
    assert expected and [(f.rule, f.start) for f in again] == [(f.rule, f.start)
                                                             for f in expected]


def test_a_pattern_is_a_frozen_dataclass_whose_lazy_fields_are_kept():
    """``FormPattern`` fills its fields without the frozen ``__setattr__`` and keeps what it
    computes on first use in its own dictionary: it still compares, hashes, prints, pickles
    and refuses assignment as a frozen dataclass, and its lazy fields are what the plain
    computation gives, computed once."""
    form = Form("Jens NATO-Stoltenberg", Status.PREFERRED, "en", "x")
    entry = Entry("x", EntryType.PERSON, {"en": LanguageForms("en", form)})
    pattern = make_pattern(form, entry)
    assert pattern is not None
    assert pattern == FormPattern(form, pattern.words, pattern.folded, pattern.translit,
                                  pattern.seps, Entry("y", EntryType.PLACE, {}))
    assert [f.name for f in dataclasses.fields(pattern)] == [
        "form", "words", "folded", "translit", "seps", "entry", "size"]
    assert repr(pattern).startswith(f"FormPattern(form={form!r}, words=('Jens', 'NATO', ")
    assert pattern.size == 3 and pattern.words == ("Jens", "NATO", "Stoltenberg")
    with pytest.raises(dataclasses.FrozenInstanceError):
        pattern.size = 2  # type: ignore[misc]
    assert hash(pattern) == hash(make_pattern(form, entry))
    assert pickle.loads(pickle.dumps(pattern)) == pattern
    assert "capitals" not in vars(pattern)
    assert pattern.capitals == tuple(w[:1].isupper() for w in pattern.words) == (True,) * 3
    assert pattern.has_acronym is any(map(is_acronym, pattern.words)) is True
    assert vars(pattern)["capitals"] is pattern.capitals  # kept: computed once
    lower = make_pattern(Form("premier ministre", Status.PREFERRED, "fr", "x"), entry)
    assert lower is not None and lower.capitals == (False, False) and not lower.has_acronym
    assert FormPattern.capitals.__doc__ == "Which words start with a capital."


@pytest.mark.parametrize("stored", ["none", "one fewer", "one more"])
def test_pattern_data_that_does_not_fit_the_entry_s_forms_is_a_damaged_index(default_termbase,
                                                                              stored):
    """An index file whose entry holds pattern data for fewer or more forms than it has
    (written wrong, though its digest matches) is an ``IndexDamagedError`` naming the file and
    the entry, never a ``ValueError`` from deep in the matcher."""
    position, entry = next((p, e) for p, e in enumerate(default_termbase)
                           if e.id == "lavrov-sergei")
    entries = [entry]
    forms = sum(1 for _ in entry.forms())
    count = {"none": 0, "one fewer": forms - 1, "one more": forms + 1}[stored]
    data = TermIndex(default_termbase).pattern_data(position)
    blob, offsets, ids, paths = PackedEntries.pack(entries, lambda _: (data * 2)[:count])
    packed = PackedEntries(blob, offsets, ids, paths, "terms.idx")
    with pytest.raises(IndexDamagedError, match=r"terms\.idx is damaged \(entry 1 "):
        packed.patterns_at(0)


def test_an_entry_that_gives_a_language_twice_is_a_damaged_index(default_termbase):
    import json

    entry = next(e for e in default_termbase if e.id == "lavrov-sergei")
    blob, _, ids, paths = PackedEntries.pack([entry])
    fields = json.loads(bytes(blob))
    fields[7].append(fields[7][0])  # the languages: French (or English) a second time
    data = json.dumps(fields, ensure_ascii=False).encode()
    packed = PackedEntries(data, [0, len(data)], ids, paths, "terms.idx")
    with pytest.raises(IndexDamagedError, match=r"terms\.idx is damaged \(entry 1 "):
        packed.at(0)
