"""Packed entries decoded by ``msgspec`` (``glossary.index.packed``) are, object for object,
what the JSON decoder and the field-by-field checks they replaced gave: on the default termbase,
on generated entries, and on a term holding a lone surrogate (written with "surrogatepass", not
UTF-8, so decoded by the fallback)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from itertools import chain

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import load_termbase
from glossary.index.compiled import TermIndex
from glossary.index.packed import (
    MalformedEntry,
    PackedEntries,
    _maker,
    pack_entry,
    unpack_entry,
)
from glossary.model import (
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

# --- the decoding before msgspec, kept as the reference ----------------------------------------
_STATUSES = tuple(Status)
_KINDS = tuple(WordKind)
_TYPES = {kind.value: kind for kind in EntryType}
_CASES = {case.value: case for case in CasePolicy}


def _check(condition: bool) -> None:
    if not condition:
        raise MalformedEntry("not a packed entry")


def _is_int(value: object) -> bool:
    return type(value) is int


def reference_unpack(data: bytes, paths: Sequence[str]) -> tuple[Entry, tuple]:
    try:
        fields = json.loads(str(data, "utf-8", "surrogatepass"))
    except (ValueError, RecursionError) as exc:
        raise MalformedEntry(str(exc)) from None
    _check(isinstance(fields, list) and len(fields) == 12)
    (entry_id, kind, note, case, ambiguous, path, line, languages, patterns, see_also,
     see_also_line, regional) = fields
    _check(isinstance(regional, list) and all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(s, str) for s in pair)
        for pair in regional))
    _check(isinstance(entry_id, str) and isinstance(kind, str) and kind in _TYPES
           and isinstance(case, str) and case in _CASES
           and (note is None or isinstance(note, str))
           and (ambiguous is None or isinstance(ambiguous, bool))
           and _is_int(path) and -1 <= path < len(paths) and _is_int(line) and line >= 0
           and isinstance(languages, list) and isinstance(patterns, list)
           and isinstance(see_also, list) and set(map(type, see_also)) <= {str}
           and _is_int(see_also_line) and see_also_line >= 0)
    file = paths[path] if path >= 0 else None
    by_lang = {}
    for language in languages:
        _check(isinstance(language, list) and len(language) == 3)
        code, forms, words = language
        _check(isinstance(code, str) and isinstance(forms, list) and isinstance(words, list))
        lists: dict[Status, list[Form]] = {s: [] for s in _STATUSES}
        for form in forms:
            _check(isinstance(form, list) and len(form) == 3)
            text, status, form_line = form
            _check(isinstance(text, str) and type(status) is int
                   and 0 <= status < len(_STATUSES) and type(form_line) is int
                   and form_line >= 0)
            origin = Origin(file, form_line) if file is not None else None
            lists[_STATUSES[status]].append(Form(text, _STATUSES[status], code, entry_id, origin))
        _check(len(lists[Status.PREFERRED]) == 1)
        derived: dict[WordKind, list[DerivedWord]] = {k: [] for k in _KINDS}
        for word in words:
            _check(isinstance(word, list) and len(word) == 3)
            text, kind_code, word_line = word
            _check(isinstance(text, str) and type(kind_code) is int
                   and 0 <= kind_code < len(_KINDS) and _is_int(word_line) and word_line >= 0)
            origin = Origin(file, word_line) if file is not None else None
            derived[_KINDS[kind_code]].append(
                DerivedWord(text, _KINDS[kind_code], code, entry_id, origin))
        by_lang[code] = LanguageForms(code, lists[Status.PREFERRED][0],
                                      tuple(lists[Status.ACCEPTED]), tuple(lists[Status.AVOID]),
                                      tuple(lists[Status.SHORT]),
                                      tuple(derived[WordKind.ADJECTIVE]),
                                      tuple(derived[WordKind.DEMONYM]))
    present = [pattern for pattern in patterns if pattern is not None]
    _check(set(map(type, present)) <= {list} and all(len(pattern) == 4 for pattern in present))
    parts = list(chain.from_iterable(present))
    _check(set(map(type, parts)) <= {list}
           and set(map(type, chain.from_iterable(parts))) <= {str})
    stored = [None if pattern is None else tuple(map(tuple, pattern)) for pattern in patterns]
    _check(not stored or len(stored) == sum(len(forms) for _, forms, _ in languages))
    return Entry(entry_id, _TYPES[kind], by_lang, note, _CASES[case], ambiguous,
                 Origin(file, line) if file is not None else None, tuple(see_also),
                 Origin(file, see_also_line) if file is not None and see_also else None,
                 regional=tuple((tag, text) for tag, text in regional)), tuple(stored)


# --- the comparison ----------------------------------------------------------------------------
def same(data: bytes, paths: Sequence[str]) -> None:
    """Both decodings give the same objects: ``repr`` shows every field, origins included
    (which ``==`` leaves out), and tells a tuple from a list, True from 1, an enum from a str."""
    new, old = unpack_entry(data, paths), reference_unpack(data, paths)
    assert repr(new) == repr(old)
    assert new == old


def test_every_default_entry_unpacks_as_before():
    termbase = load_termbase()
    index = TermIndex(termbase)
    blob, offsets, _, paths = PackedEntries.pack(list(termbase), index.pattern_data)
    assert len(offsets) - 1 == len(termbase) > 1000
    for position, entry in enumerate(termbase):
        data = bytes(blob[offsets[position]:offsets[position + 1]])
        same(data, paths)
        assert repr(unpack_entry(data, paths)[0]) == repr(entry)


texts = st.text(st.characters(codec="utf-8"), max_size=12)
lines = st.integers(min_value=1, max_value=10**6)


@st.composite
def entries(draw) -> tuple[Entry, list]:
    entry_id = draw(st.text(min_size=1, max_size=8))
    origin = draw(st.one_of(st.none(), st.builds(Origin, st.sampled_from(["a.yaml", "b.yaml"]),
                                                  lines)))
    path = origin.path if origin else None

    def at() -> Origin | None:
        return Origin(path, draw(lines)) if path else None

    languages = {}
    for code in draw(st.lists(st.sampled_from(["en", "fr", "de", "pt-BR"]), min_size=1,
                              max_size=3, unique=True)):
        def forms(status: Status, most: int, code: str = code) -> tuple[Form, ...]:
            return tuple(Form(draw(texts), status, code, entry_id, at())
                         for _ in range(draw(st.integers(0, most))))

        def words(kind: WordKind, code: str = code) -> tuple[DerivedWord, ...]:
            return tuple(DerivedWord(draw(texts), kind, code, entry_id, at())
                         for _ in range(draw(st.integers(0, 2))))

        preferred = Form(draw(texts), Status.PREFERRED, code, entry_id, at())
        languages[code] = LanguageForms(code, preferred,
                                        forms(Status.ACCEPTED, 2), forms(Status.AVOID, 2),
                                        forms(Status.SHORT, 2), words(WordKind.ADJECTIVE),
                                        words(WordKind.DEMONYM))
    see_also = tuple(draw(st.lists(texts, max_size=2)))
    entry = Entry(entry_id, draw(st.sampled_from(list(EntryType))), languages,
                  draw(st.one_of(st.none(), texts)), draw(st.sampled_from(list(CasePolicy))),
                  draw(st.sampled_from([None, True, False])), origin, see_also,
                  at() if see_also else None,
                  regional=tuple(draw(st.lists(st.tuples(texts, texts), max_size=2))))
    count = sum(1 for _ in entry.forms())
    pattern = st.one_of(st.none(), st.tuples(*[st.lists(texts, max_size=3).map(tuple)] * 4))
    patterns = draw(st.one_of(st.just([]), st.lists(pattern, min_size=count, max_size=count)))
    return entry, patterns


@settings(max_examples=300, deadline=None)
@given(entries())
def test_generated_entries_unpack_as_before(case):
    entry, patterns = case
    path_ids: dict[str, int] = {}
    data = pack_entry(entry, path_ids, patterns)
    same(data, list(path_ids))
    again, stored = unpack_entry(data, list(path_ids))
    assert repr(again) == repr(entry) and stored == tuple(patterns)


def test_a_lone_surrogate_is_decoded_by_the_fallback():
    entry = Entry("x", EntryType.PERSON, {"fr": LanguageForms(
        "fr", Form("Serg\udc8ee\u00ef", Status.PREFERRED, "fr", "x", Origin("t.yaml", 3)))},
        origin=Origin("t.yaml", 2))
    path_ids: dict[str, int] = {}
    data = pack_entry(entry, path_ids, [None])
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    same(data, list(path_ids))
    assert next(unpack_entry(data, list(path_ids))[0].forms()).text == "Serg\udc8ee\u00ef"


@pytest.mark.parametrize("data", [
    b'["x","person",null,"name",null,-2,0,[],[],[],0,[]]',  # no such file number
    b'["x","person",null,"name",null,1,0,[],[],[],0,[]]',  # one past the last file
    b'["x","person",null,"name",1,-1,0,[],[],[],0,[]]',  # ambiguous: a number
    b'["x","nobody",null,"name",null,-1,0,[],[],[],0,[]]',  # no such type
    b'["x","person",null,"name",null,-1,0,[],[],[],0,[]] ["y"]',  # trailing data
    '["x","person",null,"name",null,-1,0,[],[],["\udc8e",1],0,[]]'.encode(
        "utf-8", "surrogatepass"),  # not UTF-8, and a see-also that is a number
])
def test_what_the_reference_refuses_is_refused(data):
    with pytest.raises(MalformedEntry):
        reference_unpack(data, ["t.yaml"])
    with pytest.raises(MalformedEntry):
        unpack_entry(data, ["t.yaml"])


def test_the_makers_give_what_the_constructors_give():
    """``unpack_entry`` makes the model's objects without their ``__init__``: every field is
    set, the instance is of the class itself, still frozen, equal and printed alike."""
    origin = Origin("t.yaml", 3)
    form = Form("Lavrov", Status.SHORT, "fr", "x", origin)
    word = DerivedWord("russe", WordKind.ADJECTIVE, "fr", "x", None)
    forms = LanguageForms("fr", form, (form,), (), (form,), (word,), ())
    entry = Entry("x", EntryType.PERSON, {"fr": forms}, "n", CasePolicy.EXACT, True, origin,
                  ("y",), origin, (("fr-CA", "Lavrov"),))
    for made in (origin, form, word, forms, entry):
        cls = type(made)
        values = [getattr(made, f.name) for f in dataclasses.fields(made)]
        again = _maker(cls)(*values)
        assert type(again) is cls and again == made and repr(again) == repr(made)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(again, dataclasses.fields(made)[0].name, None)
        with pytest.raises(TypeError):
            _maker(cls)(*values[:-1])  # every field, none left to a default


def test_a_maker_refuses_a_class_it_would_make_wrongly():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:  # would be skipped
            raise ValueError

    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        value: int

    for cls in (Checked, Unslotted):
        with pytest.raises(TypeError):
            _maker(cls)
