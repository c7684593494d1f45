"""Matching on real text: word boundaries, apostrophes, non-breaking spaces, NFD, line breaks."""

from __future__ import annotations

import pytest

from checker.engine import Checker, CheckOptions
from glossary import load_termbase


@pytest.fixture(scope="module")
def fr():
    return Checker(load_termbase(), CheckOptions(lang="fr"))


def findings(checker, text):
    return [(f.rule, f.text, f.expected, f.column) for f in checker.check_text(text).findings]


def column(text: str, part: str, nth: int = 0) -> int:
    index = -1
    for _ in range(nth + 1):
        index = text.index(part, index + 1)
    return index + 1


def test_elision_and_typographic_apostrophes(fr):
    text = "L’arrivée d’Israël et l'avis d’Sergei Lavrov et d'Sergei Lavrov."
    assert findings(fr, text) == [
        ("wrong-language", "Sergei Lavrov", "Sergueï Lavrov", column(text, "Sergei")),
        ("wrong-language", "Sergei Lavrov", "Sergueï Lavrov", column(text, "Sergei", 1)),
    ]


def test_no_match_inside_a_longer_word(fr):
    assert findings(fr, "Les Putinistes et les Lavrovistes se disputent.") == []


def test_non_breaking_and_narrow_spaces_inside_a_name(fr):
    text = "Selon Sergei\u00a0Lavrov et Sergei\u202fLavrov."
    assert findings(fr, text) == [
        ("wrong-language", "Sergei\u00a0Lavrov", "Sergueï Lavrov", 7),
        ("wrong-language", "Sergei\u202fLavrov", "Sergueï Lavrov", column(text, "Sergei", 1)),
    ]


def test_nfd_text_is_matched_and_mapped_back(fr):
    text = "Selon Serguei\u0308 Lavrov et Serguei Lavrov."  # first one: NFD ï, correct
    # Columns count code points of the text as written: the NFD ï is two of them.
    assert findings(fr, text) == [("diacritics", "Serguei Lavrov", "Sergueï Lavrov",
                                   column(text, "Serguei", 1))]
    assert column(text, "Serguei", 1) == 26  # 25 if the first ï were one code point


def test_a_name_wrapped_across_lines(fr):
    result = fr.check_text("Il a vu Nikolai\nPatrushev hier.")
    finding = result.findings[0]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 9, 2, 10)
    assert finding.fix.replacement == "Nikolaï\nPatrouchev"


def test_hyphenated_compound_names(fr):
    assert findings(fr, "Le mouvement anti-Putin grandit.") == [
        ("wrong-language", "Putin", "Poutine", 19)]


def test_a_comma_breaks_a_name(fr):
    # "Nikolaï, Patrushev" is two words of two sentences parts, not the avoid form.
    assert [f[0] for f in findings(fr, "Il a salué Nikolaï, Patrushev a répondu.")] == [
        "wrong-language"]


def test_punctuation_around_names(fr):
    assert findings(fr, "(Sergei Lavrov) « Sergei Lavrov » [Sergei Lavrov].") != []
    assert len(findings(fr, "(Sergei Lavrov) « Sergei Lavrov » [Sergei Lavrov].")) == 3
