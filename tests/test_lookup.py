"""Lookup as translators use it: tolerant of case, accents, transliteration and typos."""

from __future__ import annotations

import pytest

from glossary import TermIndex, load_termbase, lookup
from glossary.lookup import MATCH_SCORE


@pytest.fixture
def index(small_terms):
    return TermIndex(load_termbase([small_terms]))


@pytest.mark.parametrize(("query", "how"), [
    ("patrouchev", "exact"),
    ("PATRUSHEV", "exact"),
    ("Nikolai Patrouchev", "exact"),
    ("Nikolaï Patrouchev", "exact"),
    ("nikolai patrushev", "exact"),
    ("Nikolaï Patrushev", "exact"),
    ("Patrouchef", "fuzzy"),
    ("Patruchev", "transliteration"),
    ("Patruchef", "fuzzy"),
    ("Sergei", "word"),
    ("patrushev-nikolai", "id"),
])
def test_finds_the_entry(index, query, how):
    hits = lookup(index, query)
    assert hits[0].entry.id == ("lavrov-sergei" if query == "Sergei" else "patrushev-nikolai")
    assert hits[0].how == how
    assert hits[0].score >= MATCH_SCORE


def test_accent_insensitive_match_is_reported_as_such(index):
    hit = lookup(index, "Serguei Lavrov")[0]
    assert (hit.entry.id, hit.how, hit.form.text) == ("lavrov-sergei", "accents", "Sergueï Lavrov")


def test_transliteration_match(index):
    hit = lookup(index, "Sergey Lavrov")[0]
    assert hit.entry.id == "lavrov-sergei"
    assert hit.how in ("transliteration", "fuzzy")


def test_one_hit_per_entry_best_first(index):
    hits = lookup(index, "Patrushev")
    assert [h.entry.id for h in hits].count("patrushev-nikolai") == 1
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_unknown_text_gives_only_weak_candidates(index):
    hits = lookup(index, "Zbigniew Brzezinski")
    assert all(h.score < MATCH_SCORE for h in hits)


def test_empty_query(index):
    assert lookup(index, "  ") == []


def test_answers_drop_fuzzy_noise_when_an_exact_hit_exists(index):
    from glossary.lookup import answers

    matches, candidates = answers(lookup(index, "Patrushev"))
    assert [h.entry.id for h in matches] == ["patrushev-nikolai"]
    assert candidates == []
    matches, candidates = answers(lookup(index, "Zbigniew Brzezinski"))
    assert matches == [] and len(candidates) <= 3
