"""The deletion index finds every near miss the typo rule allows: a name word and a draft word
that start alike and are within ``max_edits`` of the draft word's length (a swap counts as one
edit) always share a variant, so the index never hides a candidate the distance check would
accept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from glossary.index.compiled import TYPO_MIN_LENGTH, deletes, max_edits

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

LETTERS = "abcdefghijklmnopqrstuvwxyz"
words = st.text(LETTERS[:6], min_size=TYPO_MIN_LENGTH - 1, max_size=14)


@st.composite
def edited(draw):
    """A word and the same word after one or two random edits (the first letter kept)."""
    name = draw(words)
    draft = name
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["delete", "insert", "substitute", "swap"]))
        i = draw(st.integers(1, max(1, len(draft) - 1)))
        letter = draw(st.sampled_from(LETTERS[:6]))
        if kind == "delete" and len(draft) > 2:
            draft = draft[:i] + draft[i + 1:]
        elif kind == "insert":
            draft = draft[:i] + letter + draft[i:]
        elif kind == "substitute":
            draft = draft[:i] + letter + draft[i + 1:]
        elif kind == "swap" and i + 1 < len(draft):
            draft = draft[:i] + draft[i + 1] + draft[i] + draft[i + 2:]
    return name, draft


@given(edited())
def test_every_allowed_near_miss_shares_a_variant(pair):
    name, draft = pair
    if OSA.distance(name, draft) <= max_edits(len(draft)):
        assert deletes(name) & deletes(draft)


@given(words, words)
def test_any_two_words_within_reach_share_a_variant(name, draft):
    if name[0] == draft[0] and OSA.distance(name, draft) <= max_edits(len(draft)):
        assert deletes(name) & deletes(draft)


def test_two_edits_only_for_long_words():
    assert max_edits(8) == 1 and max_edits(9) == 2
    assert deletes("patrouchev") & deletes("petrouchav")  # two substitutions, ten letters
    assert not deletes("lavrovsk") & deletes("lovrevsk")  # the same, eight letters: too far
