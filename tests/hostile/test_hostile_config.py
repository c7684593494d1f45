"""Hostile configuration values and options (issue 13, rows 12 and 15): a language code the
termbase does not carry, a timeout that is no number, a size past any draft, a list of numbers.
Each is a configuration or usage error naming the file and line (exit status 2), or, for case
and region variants of a termbase language, that language: never a check that silently finds
nothing, never an internal error.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli

GOOD = "Selon Sergei Lavrov, la réunion a eu lieu.\n"  # one wrong-language finding in French


def run(*args: str):
    return CliRunner().invoke(cli, ["check", "good.md", "--terms", "small.yaml", *args])


def config_error(result, *phrases: str) -> str:
    """Exit status 2 with a one-line message holding the phrases, no internal error."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "internal error" not in result.output and "Traceback" not in result.output
    for phrase in phrases:
        assert phrase in result.output, result.output
    return result.output


def findings(result) -> list[str]:
    assert result.exit_code == 1, result.output
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


# --- row 12: languages ---------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["FR", "fr-FR", "fr_CA", "Fr-ca"])
def test_case_and_region_variants_of_a_languages_value_are_that_language(folder, code):
    (folder / "termcheck.toml").write_text(f'[languages]\n"*.md" = "{code}"\n',
                                           encoding="utf-8")
    assert findings(run("--format", "json")) == ["wrong-language"]


@pytest.mark.parametrize(("code", "hint"), [
    ("xx", "'xx' names no language: 'xx' is not an ISO 639 language code"),
    ("xx-FR", "'xx-FR' names no language: 'xx' is not an ISO 639 language code"),
    ("it", "the termbase has no 'it' forms (it has en, fr)"),
    ("fra", "the termbase has no 'fra' forms (it has en, fr); write the two-letter code 'fr'"),
    ("de", "the termbase has no 'de' forms"),
])
def test_a_languages_value_the_termbase_lacks_is_an_error_with_the_line(folder, code, hint):
    (folder / "termcheck.toml").write_text(
        f'exclude = []\n\n[languages]\n"*.txt" = "en"\n"*.md" = "{code}"\n', encoding="utf-8")
    config_error(run(), f"termcheck.toml:5: the language of '*.md': {hint}")


@pytest.mark.parametrize("value", ['"1"', '"fr fr"', '""', "1", '["fr"]'])
def test_a_languages_value_that_is_no_language_code_is_an_error(folder, value):
    (folder / "termcheck.toml").write_text(f'[languages]\n"*.md" = {value}\n', encoding="utf-8")
    config_error(run(), "termcheck.toml:2: ")


def test_languages_in_pyproject_and_in_an_inline_table_name_their_line(folder):
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.termcheck]\nlang = "fra"\n'
        'languages = {"*.md" = "xx"}\n', encoding="utf-8")
    config_error(run(), "pyproject.toml:5: 'lang': the termbase has no 'fra' forms",
                 "pyproject.toml:6: the language of '*.md': 'xx' names no language")


@pytest.mark.parametrize("key", ["lang", "default-lang", "source-lang"])
def test_a_language_key_the_termbase_lacks_names_the_config_not_an_option(folder, key):
    (folder / "termcheck.toml").write_text(f'fail-on = "error"\n{key} = "xx"\n',
                                           encoding="utf-8")
    output = config_error(run(), f"termcheck.toml:2: '{key}': 'xx' names no language")
    assert "--lang" not in output


@pytest.mark.parametrize("option", ["--lang", "--default-lang"])
@pytest.mark.parametrize("code", ["FR", "fr-FR", "fr_CA"])
def test_case_and_region_variants_on_the_command_line_are_that_language(folder, option, code):
    # --default-lang: the draft is too short to identify, so the default decides.
    assert findings(run(option, code, "--format", "json")) == ["wrong-language"]


def test_a_three_letter_code_on_the_command_line_names_the_two_letter_one(folder):
    config_error(run("--lang", "fra"), "the termbase has no 'fra' forms",
                 "write the two-letter code 'fr'")


# --- row 15: numbers and lists -------------------------------------------------------------------
@pytest.mark.parametrize(("line", "phrase"), [
    ("timeout = nan", "the timeout must be a number of seconds, or 0 for no limit"),
    ("timeout = inf", "the timeout must be a number of seconds, or 0 for no limit"),
    ("timeout = -inf", "the timeout must be a number of seconds, or 0 for no limit"),
    ("timeout = -1", "the timeout must be a number of seconds, or 0 for no limit"),
    ("timeout = 1e300", "more than a day; write 0 for no limit"),
    ("max-file-size = 99999999999999999999", "is more than termcheck can check (at most 1GB)"),
    ('max-file-size = "5GB"', "is more than termcheck can check (at most 1GB)"),
    (f'max-file-size = "{"9" * 400}"', "is more than termcheck can check"),
    ("exclude = [1]", "'exclude' must be a list of globs, each a string in quotes"),
    ('exclude = ["a", ["b"]]', "'exclude' must be a list of globs"),
    ("terms = [1]", "'terms' must be a list of termbase files, each a string in quotes"),
    ('terms = [""]', "'terms' must be a list of termbase files"),
])
def test_a_config_value_out_of_range_is_a_config_error_with_the_line(folder, line, phrase):
    (folder / "termcheck.toml").write_text(f'fail-on = "error"\n{line}\n', encoding="utf-8")
    # --terms: the configuration's own terms must still be checked, so a test of terms = [...]
    # runs without it.
    args = [] if line.startswith("terms") else ["--terms", "small.yaml"]
    result = CliRunner().invoke(cli, ["check", "good.md", *args])
    config_error(result, "termcheck.toml:2: ", phrase)


@pytest.mark.parametrize(("value", "phrase"), [
    ("nan", "the timeout must be a number of seconds, or 0 for no limit"),
    ("inf", "the timeout must be a number of seconds, or 0 for no limit"),
    ("1e300", "more than a day"),
    ("-1", "the timeout must be a number of seconds"),
])
def test_a_timeout_option_out_of_range_is_a_usage_error(folder, value, phrase):
    config_error(run("--timeout", value), "Invalid value for '--timeout'", phrase)


def test_a_huge_max_file_size_option_is_a_usage_error(folder):
    config_error(run("--max-file-size", "99999999999999999999999GB"),
                 "--max-file-size: '99999999999999999999999GB' is more than termcheck can check")


def test_the_largest_values_still_check(folder):
    (folder / "termcheck.toml").write_text('timeout = 86400\nmax-file-size = "1GB"\n',
                                           encoding="utf-8")
    assert findings(run("--lang", "fr", "--format", "json")) == ["wrong-language"]


def test_lookup_takes_a_case_or_region_variant_for_the_language(folder):
    result = CliRunner().invoke(cli, ["lookup", "Lavrov", "--lang", "fr-FR", "--terms",
                                      "small.yaml"])
    assert result.exit_code == 0, result.output
    assert "Sergueï Lavrov" in result.output and "no 'fr-FR' form" not in result.output
