"""The standard translation checks (numbers, untranslated) on small PO files written here."""

from __future__ import annotations

import pytest

from checker.engine import Checker, CheckOptions
from checker.rules.numbers import numbers
from glossary.index.cache import load_index

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"X-Source-Language: en\\n"\n\n'


@pytest.mark.parametrize(("english", "french"), [
    ("1,000.5", "1 000,5"), ("1,000.5", "1\u00a0000,5"), ("1,000.5", "1\u202f000,5"),
    ("3.5%", "3,5 %"), ("12,000", "12 000"), ("04", "4")])
def test_a_number_is_the_same_whatever_the_locale_writes_between_its_digits(english, french):
    assert [n for n, _, _ in numbers(english)] == [n for n, _, _ in numbers(french)]


def test_placeholders_phone_numbers_and_ordinals_are_not_numbers():
    assert numbers("%1$s and {0} called 08 11 00 06 95 in the 21st century") == []


@pytest.fixture(scope="module")
def engine() -> Checker:
    index = load_index(None)
    return Checker(index.termbase, CheckOptions(), index=index)


def _check(tmp_path, engine, body: str):
    path = tmp_path / "fr.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return [(f.rule, f.line) for f in engine.check_path(str(path)).findings]


def test_numbers_flags_a_changed_figure_and_lets_conversions_through(tmp_path, engine):
    body = ('msgid "It fell 15 m, and 27 were hurt at 3pm."\n'
            'msgstr "Il est tombé de 50 pieds, 26 blessés à 15 h 00."\n')
    assert _check(tmp_path, engine, body) == [("numbers", 7)]


def test_untranslated_skips_a_template_with_nothing_translated(tmp_path, engine):
    body = 'msgid "The minister resigned."\nmsgstr ""\n\nmsgid "The talks went on."\nmsgstr ""\n'
    assert _check(tmp_path, engine, body) == []


def test_placeholders_are_printf_and_brace_names_not_percent_signs_nor_phrases():
    from checker.rules.placeholders import placeholders
    text = "%(count)s, %1$s, %.2f, 100%%, 50 % des, 50%d'entre, {n, plural, one {# x}} {0} {a b}"
    assert [key for key, _, _ in placeholders(text)] == ["%(count)s", "%1$s", "%.2f", "{n}",
                                                         "{0}"]


def test_french_spacing_fixes_a_plain_space_safely_and_leaves_times_and_urls(tmp_path, engine):
    body = ('msgid "He said: go at 10:30, see https://a.org/?x=1"\n'
            'msgstr "Il a dit : partez à 10:30, voir https://a.org/?x=1"\n')
    path = tmp_path / "fr.po"
    path.write_text(HEADER + body, encoding="utf-8")
    findings = engine.check_path(str(path)).findings
    assert [(f.rule, f.text, f.fix.replacement, f.fix.safe) for f in findings] == [
        ("french-spacing", " ", "\u00a0", True)]


def test_the_done_when_po_file_gets_one_finding_per_line_with_the_right_rule(tmp_path, engine):
    body = ('msgid "27 people were hurt."\nmsgstr "26 personnes ont été blessées."\n\n'
            'msgid "The vote was postponed on Monday."\nmsgstr ""\n\n'
            'msgid "%(name)s resigned."\nmsgstr "Le ministre a démissionné."\n\n'
            'msgid "Why?"\nmsgstr "Pourquoi ?"\n')
    assert _check(tmp_path, engine, body) == [("numbers", 7), ("untranslated", 9),
                                              ("placeholders", 13), ("french-spacing", 16)]


def test_a_plurals_first_form_may_say_the_number_in_words(tmp_path, engine):
    body = ('msgid "one seat"\nmsgid_plural "%d seats"\n'
            'msgstr[0] "un siège"\nmsgstr[1] "des sièges"\n')
    assert _check(tmp_path, engine, body) == [("placeholders", 9)]


def test_numbers_lets_a_number_written_in_words_through(tmp_path, engine):
    # 12 boys are douze garçons; 15 days a fortnight: no number is lost.
    body = ('msgid "He was convicted of offences against 12 boys over 15 days."\n'
            'msgstr "Il a été condamné pour des agressions sur douze garçons en une quinzaine."\n'
            '\n'
            'msgid "The 12 ministers met for 15 days."\n'
            'msgstr "Les ministres se sont réunis."\n')
    assert _check(tmp_path, engine, body) == [("numbers", 10)]


def test_french_spacing_leaves_an_english_title_quoted_as_it_is(tmp_path, engine):
    body = ('msgid "He wrote \\"Double Down: Game Change\\" and said: no."\n'
            'msgstr "Il a écrit «\u00a0Double Down: Game Change\u00a0» et a dit: non."\n')
    path = tmp_path / "fr.po"
    path.write_text(HEADER + body, encoding="utf-8")
    findings = [(f.rule, f.text) for f in engine.check_path(str(path)).findings]
    # The title's colon is the English one; the French sentence's own colon wants its space.
    assert findings == [("french-spacing", ":")]
    assert engine.check_path(str(path)).findings[0].column == len(
        'msgstr "Il a écrit « Double Down: Game Change » et a dit') + 1
