"""The embedded default termbase: valid, large, curated, and shipped where the CLI finds it."""

from __future__ import annotations

from collections import Counter

import pytest

from glossary import EntryType, Status, TermIndex, load_termbase, lookup, validate_files


@pytest.fixture(scope="module")
def default():
    return load_termbase()


@pytest.mark.slow
def test_default_termbase_validates():
    assert validate_files() == []


def test_default_termbase_is_large_and_covers_people(default):
    types = Counter(entry.type for entry in default)
    assert len(default) >= 1000
    assert types[EntryType.PERSON] >= 300
    assert types[EntryType.PLACE] >= 200
    assert types[EntryType.ORGANIZATION] >= 100
    assert types[EntryType.TITLE] >= 50


def test_every_entry_has_a_note_and_both_languages(default):
    for entry in default:
        assert entry.note, entry.id
        assert {"en", "fr"} <= set(entry.languages), entry.id


@pytest.mark.parametrize(("entry_id", "fr", "en"), [
    ("patrushev-nikolai", "Nikolaï Patrouchev", "Nikolai Patrushev"),
    ("lavrov-sergei", "Sergueï Lavrov", "Sergei Lavrov"),
    ("putin-vladimir", "Vladimir Poutine", "Vladimir Putin"),
    ("sullivan-jake", "Jake Sullivan", "Jake Sullivan"),
    ("wang-yi", "Wang Yi", "Wang Yi"),
    ("zelensky-volodymyr", "Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("foreign-minister", "ministre des Affaires étrangères", "foreign minister"),
    ("kyiv", "Kiev", "Kyiv"),
    ("beijing", "Pékin", "Beijing"),
    ("moscow", "Moscou", "Moscow"),
    ("cairo", "Le Caire", "Cairo"),
    ("nato", "Organisation du traité de l'Atlantique Nord", "North Atlantic Treaty Organization"),
])
def test_newsroom_forms(default, entry_id, fr, en):
    entry = default.get(entry_id)
    assert entry is not None, entry_id
    assert (entry.preferred("fr"), entry.preferred("en")) == (fr, en)


def test_patrushev_variants_seen_in_the_press(default):
    fr = default.get("patrushev-nikolai").languages["fr"]
    assert "Nikolaï Patrushev" in fr.texts(Status.AVOID)
    assert "Patrouchev" in fr.texts(Status.SHORT)


def test_chinese_and_korean_short_forms_are_family_names(default):
    assert default.get("xi-jinping").languages["en"].texts(Status.SHORT) == ["Xi"]


def test_lookup_patrouchev_finds_both_forms(default):
    hit = lookup(TermIndex(default), "patrouchev")[0]
    assert hit.entry.id == "patrushev-nikolai"
