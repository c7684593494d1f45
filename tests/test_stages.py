"""The engine's stages (checker.stages) shared by check, suggest and translate: suggest gets the
engine's size limit, time budget and per-file error handling; a language is passed per call,
and translate leaves the checker's options as they were. Drafts and termbase written here."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from checker.tools import suggest as suggest_module
from checker.tools.translate import translate_text
from glossary import load_termbase

TERMS = """\
version: 1
entries:
  - id: lavrov-sergei
    type: person
    en: {preferred: Sergei Lavrov, short: [Lavrov]}
    fr: {preferred: Sergueï Lavrov, short: [Lavrov]}
"""
SMALL = "Selon la presse, Ondine Varhelyi a rencontré Sergueï Lavrov mardi.\n"
# Past a 2 kB limit; its name would be a candidate if the file were read.
BIG = "Le rapport de Kasimir Ostrowek a été publié hier soir.\n" * 60


@pytest.fixture
def files(tmp_path):
    (tmp_path / "terms.yaml").write_text(TERMS, encoding="utf-8")
    (tmp_path / "small.md").write_text(SMALL, encoding="utf-8")
    (tmp_path / "big.md").write_text(BIG, encoding="utf-8")
    return tmp_path


@pytest.fixture
def checker(files):
    return Checker(load_termbase([str(files / "terms.yaml")]), CheckOptions(lang="fr"))


def test_suggest_reports_a_file_past_the_configured_size_and_mines_the_others(files):
    config = files / "termcheck.toml"
    config.write_text('max-file-size = "2kB"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, [
        "suggest", "--config", str(config), "--terms", str(files / "terms.yaml"),
        str(files / "big.md"), str(files / "small.md")])
    assert result.exit_code == 2, result.output
    assert f"{files / 'big.md'}: " in result.stderr and "limit" in result.stderr
    assert "Ondine Varhelyi" in result.stdout
    assert "Ostrowek" not in result.stdout


def test_suggest_reports_a_file_it_fails_on_and_mines_the_others(files, checker, monkeypatch):
    real = suggest_module.mine

    def mine(checker, analysis):
        if analysis.document.path.endswith("big.md"):
            raise RuntimeError("a reader bug")
        return real(checker, analysis)

    monkeypatch.setattr(suggest_module, "mine", mine)
    found = suggest_module.suggest(checker, [str(files / "big.md"), str(files / "small.md")])
    assert [e.path for e in found.errors] == [str(files / "big.md")]
    assert "internal error (RuntimeError: a reader bug)" in found.errors[0].message
    assert [c.entry["fr"] for c in found.candidates] == ["Ondine Varhelyi"]


def test_suggest_gives_each_file_the_time_budget(files, monkeypatch):
    termbase = load_termbase([str(files / "terms.yaml")])
    checker = Checker(termbase, CheckOptions(lang="fr", timeout=0.3))
    real = suggest_module.mine

    def mine(checker, analysis):
        if analysis.document.path.endswith("big.md"):
            time.sleep(5)  # interrupted by the budget's alarm
        return real(checker, analysis)

    monkeypatch.setattr(suggest_module, "mine", mine)
    started = time.monotonic()
    found = suggest_module.suggest(checker, [str(files / "big.md"), str(files / "small.md")])
    assert time.monotonic() - started < 4
    assert [e.path for e in found.errors] == [str(files / "big.md")]
    assert "took longer than 0.3 s" in found.errors[0].message
    assert [c.entry["fr"] for c in found.candidates] == ["Ondine Varhelyi"]


def test_a_language_passed_per_call_holds_for_that_call_only(files, checker):
    text = "Sergueï Lavrov spoke on Tuesday.\n"
    options = checker.options
    analysis = checker.analyse(checker.read(str(files / "small.md"))[1], "en")
    assert (analysis.lang, analysis.language.source) == ("en", "option")
    english = checker.check_text(text, "a.txt", lang="en")
    assert [(f.rule, f.expected) for f in english.findings] == [
        ("wrong-language", "Sergei Lavrov")]
    assert checker.check_text(text, "a.txt").findings == []  # French: no finding
    assert checker.options is options and options.lang == "fr"


class _Identity:
    """A provider that gives the text back: the placeholders come back as the target forms."""

    name = "identity"

    def translate(self, text: str, source: str, target: str) -> str:
        return text


class _FixedOptions(Checker):
    """A checker whose options may be set once, when it is built."""

    @property
    def options(self) -> CheckOptions:
        return self._options

    @options.setter
    def options(self, value: CheckOptions) -> None:
        if hasattr(self, "_options"):
            raise AssertionError("the checker's options were changed")
        self._options = value


def test_translate_checks_in_the_target_language_without_changing_the_options(files):
    checker = _FixedOptions(load_termbase([str(files / "terms.yaml")]), CheckOptions(lang="fr"))
    result = translate_text(checker, "note.txt", "Sergueï Lavrov a parlé.\n", _Identity(), "en")
    assert result.text == "Sergei Lavrov a parlé.\n"
    assert result.check is not None and result.check.language.lang == "en"
    assert checker.options.lang == "fr"
