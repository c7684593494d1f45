"""mixed-script, the spoofing rule: look-alike letters from other scripts and invisible
characters inside names are flagged, with the termbase form as the fix; real text in other
scripts (a Russian quotation, Arabic with its joiners, emoji) is not."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from glossary import load_termbase


@pytest.fixture(scope="module")
def checkers():
    termbase = load_termbase()
    return {lang: Checker(termbase, CheckOptions(lang=lang)) for lang in ("fr", "en")}


def spoofs(checkers, text: str, lang: str = "en") -> list[tuple[str, str]]:
    result = checkers[lang].check_text(text, "draft.txt")
    return [(f.text, f.expected) for f in result.findings if f.rule == "mixed-script"]


@pytest.mark.parametrize(("written", "expected"), [
    ("Lаvrov", "Lavrov"),  # Cyrillic а
    ("Lavrοv", "Lavrov"),  # Greek ο
    ("LАVROV", "LAVROV"),  # Cyrillic А in capitals
    ("Ѕullivan", "Sullivan"),  # Cyrillic Ѕ
    ("Рutin", "Putin"),  # Cyrillic Р
    ("Lav\u200brov", "Lavrov"),  # zero-width space
    ("Lav\u200drov", "Lavrov"),  # zero-width joiner
    ("Lav\u2060rov", "Lavrov"),  # word joiner
    ("Lav\ufeffrov", "Lavrov"),  # zero-width no-break space
    ("Lav\u00adrov", "Lavrov"),  # soft hyphen
    ("Lav\u202erov", "Lavrov"),  # right-to-left override
    ("Lav\u2067rov", "Lavrov"),  # right-to-left isolate
    ("Lav\u200frov", "Lavrov"),  # right-to-left mark inside the word
    ("Lav\u034frov", "Lavrov"),  # combining grapheme joiner (a mark, not a format character)
    ("Lav\ufe00rov", "Lavrov"),  # variation selector
    ("\u202eLavrov", "Lavrov"),  # override at the start
    ("\u200bLavrov", "Lavrov"),  # zero-width space at the start
    ("Lavrov\u2060", "Lavrov"),  # word joiner at the end
    ("L𝐚vrov", "Lavrov"),  # mathematical bold a
    ("Ｌａｖｒｏｖ", "Lavrov"),  # full-width letters
])
def test_spoofed_names_are_flagged_with_the_plain_form(checkers, written, expected):
    text = f"The Russian foreign minister {written} met Wang Yi in Beijing on Tuesday."
    assert spoofs(checkers, text) == [(written, expected)]


def test_a_spoofed_word_between_the_words_of_a_name_restores_the_space(checkers):
    # A zero-width space where the space was: the fix is the termbase form, not one word.
    text = "The Russian foreign minister Sergei\u200bLavrov met Wang Yi on Tuesday."
    assert spoofs(checkers, text) == [("Sergei\u200bLavrov", "Sergei Lavrov")]


def test_a_name_spelled_wholly_in_look_alikes_is_flagged(checkers):
    # Every letter Cyrillic: no Latin letter to mix with, but the word is a Latin name.
    text = "The US secretary of state met Ѕеrgеі Lаvrоv and Аlехаndеr Ѕсhаllеnbеrg in Oman."
    assert ("Ѕеrgеі", "Sergei") in spoofs(checkers, text)
    assert ("Lаvrоv", "Lavrov") in spoofs(checkers, text)


@pytest.mark.parametrize("text", [
    "Le président Vladimir Poutine (Владимир Путин) a parlé à Sergueï Lavrov (Сергей Лавров).",
    "Il a cité le mot grec λόγος et le russe слово, puis Athènes (Αθήνα).",
    "Le slogan persan « می‌خواهم » a été repris, comme l’arabe « لا‍ ».",
    "Une famille 👨\u200d👩\u200d👧 et un drapeau 🏳\ufe0f\u200d🌈 ont été publiés.",
    "Le texte mêle l’hébreu \u200fשלום\u200f et l’arabe \u200fمرحبا\u200f à Sergueï Lavrov.",
    "La ville de Москва et Вашингтон ont répondu, a dit Sergueï Lavrov à Moscou.",
    "The word “Соса” in Russian means nothing; Coca-Cola is not in the termbase.",
])
def test_real_text_in_other_scripts_is_not_flagged(checkers, text):
    assert spoofs(checkers, text, "fr") == []


def test_the_fix_restores_the_termbase_form(tmp_path, monkeypatch):
    # Spoofed letters and invisible characters go; the rounds of --fix then give the French
    # form of the entry: the termbase form, in one run. (An isolate that reorders no letter is
    # removed; one that does is a guess left for review: tests/hostile/test_hostile_names.py.)
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "a.md"
    draft.write_text("Selon Sergei Lаvrov et Nikolai Pаtrushev, la réunion avec Jake "
                     "Sul\u200blivan et \u2066Vladimir Putin a eu lieu mardi.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "a.md", "--lang", "fr", "--fix"])
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") == (
        "Selon Sergueï Lavrov et Nikolaï Patrouchev, la réunion avec Jake Sullivan et Vladimir "
        "Poutine a eu lieu mardi.\n")


def test_an_invisible_character_in_a_real_cyrillic_word_is_only_removed(checkers):
    assert spoofs(checkers, "Le président (Пу\u200bтин) a parlé à Sergueï Lavrov.", "fr") == [
        ("Пу\u200bтин", "Путин")]


def test_messages_name_the_invisible_character(checkers):
    # (An override that reorders the letters has a message of its own:
    # tests/hostile/test_hostile_names.py.)
    result = checkers["en"].check_text("Foreign minister Lav\u2067rov met Wang Yi.", "d.txt")
    assert result.findings[0].message == (
        "this word holds an invisible character (U+2067 RIGHT-TO-LEFT ISOLATE); retype it as "
        "'Lavrov'")


def test_a_word_in_nfd_is_no_spoof(checkers):
    # Found by the property tests (a StopIteration): the NFC spelling is not a replacement.
    assert spoofs(checkers, "Agence ame\u0301ricaine et Ѕergueï Lavrov.", "fr") == [
        ("Ѕergueï", "Sergueï")]
