"""Termbase forms that would flood the findings (issue 13, weak spot): a single letter, a
function word of the form's language (Le, The, Un), a form written as a pattern (A.*,
[Pp]utin, Lavrov|Lavroff). Each is refused with the file, the line and the entry, by every
command that reads a termbase; names with such characters that are names (OPEC+, J.D. Vance),
acronyms (US, IS, WHO) and multi-word names (The Hague, Le Pen) are accepted.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import cli
from glossary import validate_files


def termbase(tmp_path, form: str, lang: str = "en"):
    path = tmp_path / "house.yaml"
    quoted = '"' + form.replace("\\", "\\\\").replace('"', '\\"') + '"'
    path.write_text("version: 1\nentries:\n"
                    "  - id: lavrov-sergei\n    type: person\n"
                    f"    {lang}:\n      preferred: Sergei Lavrov\n"
                    f"      short: [{quoted}]\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("form", "lang", "phrase"), [
    ("A.*", "en", "holds '*': a form is a name as written, not a pattern"),
    ("[Pp]utin", "en", "holds '['"),
    ("Lavrov|Lavroff", "en", "holds '|'"),
    ("Pou?tine", "fr", "holds '?'"),
    ("^Lavrov$", "en", "holds '^'"),
    ("Lav{2}rov", "en", "holds '{'"),
    ("Lav\\w+", "en", "holds '\\'"),
    ("Lav.+", "en", "holds '.+'"),
    ("a+b", "en", "holds '+'"),
    ("X", "en", "is a single character: it would be found in every draft"),
    ("é", "fr", "is a single character"),
    ("7.", "en", "is a single character"),
    ("The", "en", "is an ordinary word of the language, not a name"),
    ("the", "en", "is an ordinary word of the language"),
    ("Le", "fr", "is an ordinary word of the language"),
    ("Un", "fr", "is an ordinary word of the language"),
    ("les", "fr", "is an ordinary word of the language"),
    ("Le", "fr-CA", "is an ordinary word of the language"),
])
def test_a_flooding_form_is_refused_with_file_line_and_entry(tmp_path, form, lang, phrase):
    path = termbase(tmp_path, form, lang)
    [problem] = validate_files([path])
    assert (problem.path, problem.line, problem.entry_id) == (str(path), 7, "lavrov-sergei")
    assert f"'{lang}' form '{form}' {phrase}" in problem.message


@pytest.mark.parametrize(("form", "lang"), [
    ("OPEC+", "en"), ("Canal+", "fr"), ("Canal+ Afrique", "fr"), ("J.D. Vance", "en"),
    ("Sa'ar", "en"), ("Kara-Murza", "en"), ("V4", "en"), ("US", "en"), ("IS", "en"),
    ("WHO", "en"), ("UN", "fr"), ("The Hague", "en"), ("Le Pen", "fr"), ("May", "en"),
    ("Le", "de"),  # no list of German function words: not refused
])
def test_names_that_look_like_these_are_accepted(tmp_path, form, lang):
    assert validate_files([termbase(tmp_path, form, lang)]) == []


def test_check_refuses_such_a_termbase_with_the_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    termbase(tmp_path, "A.*")
    (tmp_path / "a.md").write_text("A lire.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "a.md", "--terms", "house.yaml"])
    assert result.exit_code == 2
    assert "house.yaml:7: entry 'lavrov-sergei': 'en' form 'A.*' holds '*'" in result.output


def test_terms_add_refuses_such_a_form(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text("version: 1\nentries: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["terms", "add", str(path), "--type", "organization",
                                      "--preferred", "en=X Corp", "--short", "en=X"])
    assert result.exit_code == 2, result.output
    assert "'en' form 'X' is a single character" in result.output
    assert path.read_text(encoding="utf-8") == "version: 1\nentries: []\n"


@pytest.mark.slow
def test_the_default_termbase_still_validates():
    result = CliRunner().invoke(cli, ["terms", "validate"])
    assert result.exit_code == 0, result.output
