"""Bounded work per word (issue 13, row 1): one long capitalised word (``Le ministre`` and then
``Lavrov`` 333 times without a space) cost 27-53 s and 8 GB, because the typo search made every
deletion variant of it. Words longer than any name's (``TYPO_MAX_LENGTH``) never enter the typo
search, in drafts, in termbases or in ``suggest``. Time and memory are measured by
``benchmarks/hostile.py``; these tests hold the structural bounds.
"""

from __future__ import annotations

from math import comb

import pytest

import glossary.index
from checker.engine import Checker, CheckOptions
from checker.suggest import suggest
from glossary import load_termbase
from glossary.index import TYPO_MAX_LENGTH, TermIndex, deletes

LONG_WORD = "Lavrov" * 333  # 1,998 letters, as in the attack
# Long enough to show the cap, short enough that the code of before (which made every variant)
# answers the tests in milliseconds rather than gigabytes.
MEDIUM_WORD = "Lavrov" * 20  # 120 letters


def most_variants(length: int) -> int:
    """Variants ``deletes`` may give for a word of ``length`` letters: itself, one and two
    deletions after the first letter."""
    return 1 + (length - 1) + comb(length - 1, 2)


@pytest.fixture
def spy_on_variants(monkeypatch):
    """Records the length of every word whose deletion variants are made, and refuses (rather
    than spend gigabytes on) a word longer than any name."""
    lengths: list[int] = []
    real = glossary.index.deletes

    def spy(word: str) -> set[str]:
        lengths.append(len(word))
        if len(word) > TYPO_MAX_LENGTH:
            raise AssertionError(f"deletion variants of a {len(word)}-letter word")
        return real(word)

    monkeypatch.setattr(glossary.index, "deletes", spy)
    return lengths


def test_the_variants_of_a_word_are_bounded_whatever_its_length():
    assert TYPO_MAX_LENGTH >= 58  # Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch
    name = "l" + "abcdefghijklmnopqrstuvwxyz" * 3
    assert len(deletes(name[:TYPO_MAX_LENGTH])) <= most_variants(TYPO_MAX_LENGTH)
    assert deletes(MEDIUM_WORD.lower()) == {MEDIUM_WORD.lower()}
    assert deletes(LONG_WORD.lower()) == {LONG_WORD.lower()}


def test_a_long_word_in_a_draft_never_reaches_the_typo_search(small_terms, spy_on_variants):
    checker = Checker(load_termbase([small_terms]), CheckOptions(lang="fr", debug=True))
    for word in (MEDIUM_WORD, LONG_WORD):
        result = checker.check_text(f"Le ministre {word}\nSergei Lavorv est venu.\n", "a.md")
        assert result.error is None
        # The ordinary typo on the next line is still found.
        assert [(f.rule, f.text) for f in result.findings] == [("typo", "Sergei Lavorv")]
    assert spy_on_variants and max(spy_on_variants) <= TYPO_MAX_LENGTH


def test_a_long_word_in_a_termbase_form_is_kept_out_of_the_typo_index(write, spy_on_variants):
    terms = write("long.yaml", f"""\
        version: 1
        entries:
          - id: long-name
            type: person
            en: Ivan {MEDIUM_WORD}
          - id: lavrov-sergei
            type: person
            en: {{preferred: Sergei Lavrov, short: [Lavrov]}}
        """)
    index = TermIndex(load_termbase([terms]))
    assert max(spy_on_variants) <= TYPO_MAX_LENGTH
    # The long form is still matched as written; only its near misses are not searched.
    checker = Checker(index.termbase, CheckOptions(lang="en", debug=True), index)
    found = checker.check_text(f"Then ivan {MEDIUM_WORD} met Sergei Lavorv.\n", "a.md")
    assert [(f.rule, f.entry) for f in found.findings] == [
        ("capitalization", "long-name"), ("typo", "lavrov-sergei")]


def test_suggest_proposes_no_name_made_of_a_long_word(tmp_path, small_terms):
    draft = tmp_path / "word.md"
    draft.write_text(f"Hier, {MEDIUM_WORD} a rencontré Vladimir Poutine.\n", encoding="utf-8")
    found = suggest(Checker(load_termbase([small_terms]), CheckOptions(lang="fr")), [str(draft)])
    texts = {o.text for c in found.candidates for o in c.occurrences}
    assert texts == {"Vladimir Poutine"}
