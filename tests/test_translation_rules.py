"""Translation rules on source/target pairs: term-mismatch (missing, fewer, added names),
inconsistent-translation, the monolingual rules on targets only, and fuzzy units."""

from __future__ import annotations

import pytest

from checker.document import Document, Segment
from checker.engine import Checker, CheckOptions
from glossary import load_termbase


def pairs_document(units: list[tuple[str, str] | tuple[str, str, bool]]) -> Document:
    """A translation document: one line per unit, 'source ||| target' (targets as file text)."""
    text, segments = "", []
    for number, unit in enumerate(units, 1):
        source, target, *fuzzy = unit
        info = (("fuzzy", "1"),) if fuzzy and fuzzy[0] else ()
        start = len(text)
        text += source + " ||| "
        segments.append(Segment(start, start + len(source), "source", "en", str(number), info))
        start = len(text)
        text += target + "\n"
        segments.append(Segment(start, start + len(target), "target", "fr", str(number), info))
    return Document("t.po", text, segments)


@pytest.fixture(scope="module")
def checker():
    return Checker(load_termbase(), CheckOptions())


def found(checker, units, **options):
    if options:
        checker = Checker(checker.termbase, CheckOptions(**options))
    result = checker.check_document(pairs_document(units))
    return [(f.line, f.rule, str(f.severity), f.expected) for f in result.findings]


def test_target_keeps_every_name(checker):
    assert found(checker, [("Wang Yi met Sergei Lavrov.", "Wang Yi a rencontré Sergueï Lavrov."),
                           ("Lavrov spoke.", "Lavrov a parlé.")]) == []


def test_missing_name_is_an_error_on_the_target(checker):
    assert found(checker, [("Wang Yi met Sergei Lavrov.",
                            "Wang Yi a rencontré le ministre russe.")]) == [
        (1, "term-mismatch", "error", "Sergueï Lavrov")]


def test_english_form_kept_in_the_target_is_wrong_language_not_mismatch(checker):
    assert found(checker, [("Wang Yi met Sergei Lavrov.",
                            "Wang Yi a rencontré Sergei Lavrov.")]) == [
        (1, "wrong-language", "error", "Sergueï Lavrov")]


def test_fewer_mentions_is_a_warning(checker):
    assert found(checker, [("Lavrov said Lavrov would come.", "Lavrov a dit qu'il viendrait.")]) \
        == [(1, "term-mismatch", "warning", "Sergueï Lavrov")]


def test_added_name_is_info(checker):
    # A review hint: reported with review_hints (--review-hints) only.
    assert found(checker, [("The minister spoke.", "Sergueï Lavrov a parlé.")],
                 review_hints=True) == [(1, "term-mismatch", "info", None)]
    assert found(checker, [("The minister spoke.", "Sergueï Lavrov a parlé.")]) == []


def test_titles_count_as_terms(checker):
    # "chef de la diplomatie" is the termbase's "top diplomat", another title: titles are
    # translated by sense as often as by the book, so a missing one is info, and one the source
    # does not write in the termbase's words is no added name.
    assert found(checker, [("The foreign minister spoke.", "Le chef de la diplomatie a parlé.")],
                 review_hints=True) \
        == [(1, "term-mismatch", "info", "ministre des Affaires étrangères")]


def test_monolingual_rules_run_on_targets_only(checker):
    # The source's lower-case "jake Sullivan" is the source's business, not the translator's.
    assert found(checker, [("Wang met jake Sullivan.", "Wang a vu jake Sullivan.")]) == [
        (1, "capitalization", "error", "Jake Sullivan")]


def test_inconsistent_translations_reported_once_per_group(checker):
    result = found(checker, [
        ("The talks ended.", "Les discussions ont pris fin."),
        ("The talks ended.", "Les pourparlers se sont achevés."),
        ("The talks ended.", "Les discussions ont pris fin."),
        ("Talks resumed.", "Les discussions ont pris fin."),
    ])
    assert result == [(1, "inconsistent-translation", "warning", None),
                      (1, "inconsistent-translation", "warning", None)]


def test_fuzzy_units_are_information_unless_included(checker):
    units = [("Wang Yi met Sergei Lavrov.", "Wang Yi a rencontré Sergei Lavrov.", True)]
    assert found(checker, units) == [(1, "wrong-language", "info", "Sergueï Lavrov")]
    assert found(checker, units, include_fuzzy=True) == [
        (1, "wrong-language", "error", "Sergueï Lavrov")]
