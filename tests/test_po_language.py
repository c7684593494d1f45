"""A PO file's Language header: missing, unknown or malformed, it is said and the targets'
language is identified from the text; ``--lang`` still wins; escapes hide no name."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.readers import po

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n{language}\n'
ENTRY = ('msgid "On Tuesday the foreign minister Sergei Lavrov spoke to reporters in Moscow."\n'
         'msgstr "Mardi, le ministre des Affaires étrangères {name} Lavrov a parlé aux '
         'journalistes à Moscou."\n')


def catalogue(language: str, name: str = "Sergueï") -> str:
    return HEADER.format(language=language) + "\n" + ENTRY.format(name=name)


def check(tmp_path, text: str, *args: str):
    path = tmp_path / "catalogue.po"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(cli, ["check", str(path), *args])


def test_reader_names_the_header_line_or_its_absence():
    assert po.read("a.po", catalogue('"Language: fr\\n"')).language_header == (
        "line 4 (Language header)")
    assert po.read("a.po", catalogue("")).language_header == "no Language header"


@pytest.mark.parametrize("language, said", [
    ('"Language: xx\\n"', "line 4 (Language header): 'xx' names no language"),
    ('"Language: fr_FR_bad!\\n"', "line 4 (Language header): 'fr_FR_bad!' is not a language tag"),
    ("", "no Language header"),
])
def test_unusable_header_falls_back_to_identification_and_says_so(tmp_path, language, said):
    result = check(tmp_path, catalogue(language, name="Sergei"))
    assert said in result.stderr
    assert "identified as French from the text" in result.stderr
    # Identified as French, the English form left in the target is found.
    assert "wrong-language 'Sergei Lavrov' is the English form" in result.stdout
    assert result.exit_code == 1


def test_a_usable_header_is_silent(tmp_path):
    result = check(tmp_path, catalogue('"Language: fr_CA\\n"'))
    assert result.stderr == ""


def test_lang_option_wins_over_a_bad_header(tmp_path):
    result = check(tmp_path, catalogue('"Language: xx\\n"'), "--lang", "en")
    assert result.stderr == ""
    # Checked as English: the French forms of the target are what is reported.
    assert "'Moscou' is the French form" in result.stdout


def test_an_octal_escape_does_not_hide_a_name(tmp_path):
    result = check(tmp_path, catalogue('"Language: fr\\n"', name="\\123ergei"))
    assert "'Sergei Lavrov' is the English form" in result.stdout


def test_a_template_says_nothing_about_its_language(tmp_path):
    """A POT (nothing translated, no Language header) has no text to check: no notice."""
    template = HEADER.format(language="") + '\nmsgid "The minister resigned."\nmsgstr ""\n'
    result = check(tmp_path, template)
    assert (result.exit_code, result.stderr) == (0, "")
