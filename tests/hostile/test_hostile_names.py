"""Hostile spellings of names (issue 13, row 17 and the weak spots on look-alikes and control
characters): a name written wholly in Cyrillic or Greek look-alikes, a name holding DEL, ESC or
another control character, and a name whose letters a bidi override shows in another order
than they are stored (``Mac<RLO>nor<PDF>``, shown as Macron). Each is flagged by mixed-script;
real Cyrillic text is not; and ``--fix`` never writes a wrong name that then passes.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from glossary import load_termbase
from glossary.normalize import visual_order

RLO, LRO, PDF, RLE, RLI, PDI = "\u202e", "\u202d", "\u202c", "\u202b", "\u2067", "\u2069"
SPOOFED_MACRON = f"Mac{RLO}nor{PDF}"  # stored "Macnor", shown "Macron"


@pytest.fixture(scope="module")
def checkers():
    termbase = load_termbase()
    return {lang: Checker(termbase, CheckOptions(lang=lang)) for lang in ("fr", "en")}


def flagged(checkers, text: str, lang: str = "fr") -> list[tuple]:
    result = checkers[lang].check_text(text, "draft.txt")
    return [(f.text, f.expected, f.fix.safe if f.fix else None) for f in result.findings
            if f.rule == "mixed-script"]


# --- names wholly in look-alikes ---------------------------------------------------------------
@pytest.mark.parametrize(("written", "expected", "lang"), [
    ("Масгоп", "Macron", "fr"),  # every letter Cyrillic: г for r, п for n
    ("Аητοηον", "Antonov", "en"),  # every letter Greek: η for n, ν for v
    ("Оьаmа", "Obama", "en"),  # Cyrillic soft sign for b
    ("Macгon", "Macron", "fr"),  # a Cyrillic г in a Latin name
])
def test_a_name_in_look_alikes_is_flagged_with_the_latin_form(checkers, written, expected,
                                                              lang):
    text = f"Le président {written} a parlé mardi avec les ministres de la région."
    assert flagged(checkers, text, lang) == [(written, expected, True)]


@pytest.mark.parametrize("text", [
    # но ("but") is ho, a word of Ho Chi Minh, in look-alikes: it is Russian here.
    "Il a répondu en russe : « Он сказал, но нет. »",
    "La une titrait « Мы не знаем, но Масгоп знает » mardi.",
    "Les Grecs disent « ο κόσμος » et les Russes « тот мир ».",
])
def test_cyrillic_and_greek_text_is_not_flagged(checkers, text):
    assert flagged(checkers, text) == []


# --- control characters -------------------------------------------------------------------------
@pytest.mark.parametrize(("written", "expected", "named"), [
    ("Mac\x7fron", "Macron", "U+007F DELETE"),
    ("Mac\x1bron", "Macron", "U+001B ESCAPE"),
    ("Mac\x07ron", "Macron", "U+0007 BELL"),
    ("\x1bMacron", "Macron", "U+001B ESCAPE"),
    ("Macron\x08", "Macron", "U+0008 BACKSPACE"),
    ("Mac\x91ron", "Macron", "U+0091"),  # C1
    ("Emmanuel\x1fMacron", "Emmanuel Macron", "U+001F"),  # a control for the space
])
def test_a_control_character_in_a_name_is_flagged(checkers, written, expected, named):
    result = checkers["fr"].check_text(f"Le président {written} a parlé mardi.", "draft.txt")
    [finding] = [f for f in result.findings if f.rule == "mixed-script"]
    assert (finding.text, finding.expected, finding.fix.safe) == (written, expected, True)
    assert f"holds a control character ({named}" in finding.message


def test_control_characters_that_space_words_are_not_flagged(checkers):
    assert flagged(checkers, "Le président\tMacron\va parlé\x0cmardi.\r\n") == []


# --- bidi controls ------------------------------------------------------------------------------
@pytest.mark.parametrize(("stored", "shown"), [
    (SPOOFED_MACRON, "Macron"),
    (f"Lav{RLO}rov", "Lavvor"),  # no PDF: the override runs to the end
    (f"{RLO}Lavrov", "vorvaL"),
    (f"a{RLO}b{LRO}cd{PDF}ef", "afecdb"),  # nested: UAX #9 levels 0 1 2 2 1 1
    (f"Lav{RLI}rov{PDI}", "Lavrov"),  # Latin letters in a right-to-left isolate stay in order
    (f"Lav{RLE}rov{PDF}", "Lavrov"),  # and in an embedding
    ("Lav\u200frov", "Lavrov"),  # a mark reorders no letter
])
def test_visual_order_is_what_the_reader_sees(stored, shown):
    assert visual_order(stored) == shown


def test_a_reordered_name_is_flagged_with_the_name_shown_and_no_safe_fix(checkers):
    result = checkers["fr"].check_text(f"Le président {SPOOFED_MACRON} a parlé.", "d.txt")
    [finding] = result.findings
    assert (finding.rule, finding.text, finding.expected) == (
        "mixed-script", SPOOFED_MACRON, "Macron")
    assert finding.fix is not None and finding.fix.safe is False
    assert finding.message == (
        "this word holds a bidi control (U+202E RIGHT-TO-LEFT OVERRIDE) that shows 'Macron' but "
        "stores 'Macnor'; retype it as 'Macron'")


@pytest.mark.parametrize(("written", "expected"), [
    (f"Lav{RLO}rov", "Lavrov"),  # shown Lavvor, unknown: the name as stored
    (f"Zyx{RLO}wvu{PDF}", None),  # neither order is a known name: no expected text
])
def test_a_reordered_word_otherwise_is_never_a_safe_fix(checkers, written, expected):
    assert flagged(checkers, f"Le président {written} a parlé.") == [
        (written, expected, False if expected else None)]


def test_a_bidi_control_that_reorders_no_letter_is_removed_safely(checkers):
    assert flagged(checkers, f"Le président Mac{RLI}ron{PDI} a parlé.") == [
        (f"Mac{RLI}ron{PDI}", "Macron", True)]


def test_fix_leaves_a_reordered_name_for_review_and_unsafe_fixes_write_the_name_shown(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "a.md"
    text = f"Le président {SPOOFED_MACRON} a parlé mardi à la presse.\n"
    draft.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "a.md", "--lang", "fr", "--fix",
                                      "--format", "json"])
    assert result.exit_code == 1, result.output
    assert draft.read_text(encoding="utf-8") == text  # not "Macnor", which would then pass
    assert [f["expected"] for f in json.loads(result.stdout)["findings"]] == ["Macron"]
    result = CliRunner().invoke(cli, ["check", "a.md", "--lang", "fr", "--fix",
                                      "--unsafe-fixes"])
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") == "Le président Macron a parlé mardi à la presse.\n"
