"""One configuration for every command (issue 16): a ``termcheck.toml`` that layers a house
termbase over the default and switches a rule off is honoured by ``check``, ``lookup``,
``suggest`` and ``translate`` alike; ``Settings`` resolves the flags over the configuration over
the defaults once; the application layer (``checker.app``) runs a check without click."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from checker import app, words
from checker.cli import cli
from checker.config import ConfigError
from checker.findings import Severity
from checker.settings import OptionError, Settings, check_options, resolve_settings
from checker.tools import providers as providers_module

HOUSE = """\
version: 1
entries:
  - id: korvat-dmitri
    type: person
    note: An invented minister, for these tests.
    en: {preferred: Dmitri Korvath, short: [Korvath]}
    fr: {preferred: Dmitri Korvat, avoid: [Dimitri Korvat], short: [Korvat]}
"""
CONFIG = 'terms = ["default", "house.yaml"]\nfail-on = "error"\n\n[rules]\nwrong-language = "off"\n'
# A house form to avoid (known only through the configured layer) and an English name in a
# French draft (a wrong-language finding, unless the rule is off).
DRAFT = "Dimitri Korvat a rencontré Sergei Lavrov à Paris mardi, selon un communiqué officiel.\n"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder holding the configuration and the house termbase, as working folder."""
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (folder / "termcheck.toml").write_text(CONFIG, encoding="utf-8")
    (folder / "note.fr.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# --- every command honours the configuration ----------------------------------------------------
@pytest.mark.slow
def test_check_honours_the_configured_layers_and_the_rule_switched_off(project):
    result = run("check", "note.fr.txt", "--format", "json")
    assert result.exit_code == 1, result.output
    assert "'Dimitri Korvat' is a form to avoid; write 'Dmitri Korvat'" in result.stdout
    assert "wrong-language" not in result.stdout
    (project / "termcheck.toml").unlink()
    plain = run("check", "note.fr.txt", "--format", "json")
    assert "wrong-language" in plain.stdout and "korvat-dmitri" not in plain.stdout


@pytest.mark.slow
def test_lookup_honours_the_configured_layers(project):
    result = run("lookup", "korvat")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("korvat-dmitri  (person)")
    assert "Dmitri Korvath" in result.stdout
    (project / "termcheck.toml").unlink()
    assert "korvat-dmitri" not in run("lookup", "korvat").stdout


def test_lookup_reads_the_configuration_given_and_rejects_a_broken_one(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "termcheck.toml").write_text("[rules]\nno-such-rule = \"off\"\n",
                                              encoding="utf-8")
    result = run("lookup", "korvat", "--config", str(elsewhere / "termcheck.toml"))
    assert result.exit_code == 2
    assert "unknown rule 'no-such-rule'" in result.stderr


@pytest.mark.slow
def test_suggest_honours_the_configured_layers(project):
    draft = project / "brouillon.fr.md"
    draft.write_text("Dmitri Korvat a rencontré Aurelio Brancusi à Lyon.\n\n"
                     "Dmitri Korvat et Aurelio Brancusi ont parlé longtemps.\n", encoding="utf-8")
    def candidates() -> list[str]:
        result = run("suggest", str(draft), "--format", "json")
        assert result.exit_code == 0, result.output
        return [c["id"] for c in json.loads(result.stdout)["candidates"]]

    assert candidates() == ["brancusi-aurelio"]
    (project / "termcheck.toml").unlink()
    assert sorted(candidates()) == ["brancusi-aurelio", "korvat-dmitri"]


class Provider:
    """Translates the sentence of the test (its name masked when the termbase knows it),
    adding a French name to the English."""

    name = "google"
    answers: ClassVar[dict[str, str]] = {
        "⟦1⟧ est arrivé hier soir.": "⟦1⟧ arrived last night with Sergueï Lavrov.",
        "Dmitri Korvat est arrivé hier soir.":
            "Dmitri Korvat arrived last night with Sergueï Lavrov."}

    def translate(self, text: str, source: str, target: str) -> str:
        assert (source, target) == ("fr", "en")
        return self.answers[text]


@pytest.mark.slow
def test_translate_honours_the_configured_layers_and_the_rule_switched_off(project,
                                                                           monkeypatch):
    monkeypatch.setattr(providers_module, "get_provider", lambda name, cache=True: Provider())
    (project / "arrivee.fr.txt").write_text("Dmitri Korvat est arrivé hier soir.\n",
                                            encoding="utf-8")
    result = run("translate", "arrivee.fr.txt", "--lang", "en", "--source-lang", "fr",
                 "--provider", "google")
    assert result.exit_code == 0, result.output
    # The house name, protected and restored in its English form; no wrong-language finding.
    assert result.stdout == "Dmitri Korvath arrived last night with Sergueï Lavrov.\n"
    assert result.stderr == ""
    (project / "termcheck.toml").unlink()
    plain = run("translate", "arrivee.fr.txt", "--lang", "en", "--source-lang", "fr",
                 "--provider", "google")
    assert "wrong-language 'Sergueï Lavrov'" in plain.stderr


@pytest.mark.slow
def test_no_cache_bypasses_every_cache_in_suggest(project, tmp_path):
    # --no-cache means what it means for check: no compiled index, no word lists, no
    # translations read from or written to the cache (word lists read before in this process
    # are forgotten, so that the cache would be asked).
    words._frequencies.cache_clear()
    draft = project / "brouillon.fr.md"
    draft.write_text("Aurelio Brancusi a parlé à Lyon.\n", encoding="utf-8")
    result = run("suggest", str(draft), "--no-cache")
    assert result.exit_code == 0, result.output
    cache = tmp_path / "cache"
    assert not cache.exists() or not any(p.is_file() for p in cache.rglob("*"))


# --- Settings -------------------------------------------------------------------------------------
def test_settings_flags_win_over_the_configuration_over_the_defaults(project):
    settings = resolve_settings()
    assert settings.terms == ("default", str(project / "house.yaml"))
    assert settings.fail_on is Severity.ERROR
    assert "wrong-language" not in settings.rule_codes and "avoid" in settings.rule_codes
    assert settings.timeout > 0 and settings.use_cache
    flagged = resolve_settings(terms=["other.yaml"], fail_on="info", timeout=5,
                               max_file_size="1kB", no_cache=True)
    assert flagged.terms == ("other.yaml",) and flagged.fail_on is Severity.INFO
    assert (flagged.timeout, flagged.max_file_size, flagged.use_cache) == (5, 1000, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        flagged.lang = "fr"  # type: ignore[misc]


def test_settings_errors_name_the_option_or_the_file(project):
    with pytest.raises(ConfigError, match="--max-file-size"):
        resolve_settings(max_file_size="lots")
    run_ = app.open_checker(resolve_settings())
    with pytest.raises(OptionError) as caught:
        check_options(dataclasses.replace(run_.settings, lang="xx"), run_.termbase)
    assert caught.value.option == "--lang"


# --- the application layer, without click --------------------------------------------------------
def test_a_check_run_through_the_application_layer(project):
    settings = resolve_settings()
    run_ = app.open_checker(settings)
    report = app.run_check(run_.checker, ["note.fr.txt"])
    assert [(f.rule, f.entry) for f in report.findings] == [("avoid", "korvat-dmitri")]
    assert app.exit_status(report, settings.fail_on) == app.EXIT_FINDINGS
    assert app.exit_status(report, settings.fail_on, exit_zero=True) == app.EXIT_OK
    diffs: list[str] = []
    fixed = app.apply_fixes(run_.checker, report, write=False, unsafe=False,
                            show_diff=diffs.append)
    assert len(diffs) == 1 and "+Dmitri Korvat a rencontré" in diffs[0]
    assert (project / "note.fr.txt").read_text(encoding="utf-8") == DRAFT  # nothing written
    assert app.record_baseline(fixed, "baseline.json") == 1
    again = app.run_check(run_.checker, ["note.fr.txt"])
    app.filter_baseline(again, "baseline.json")
    assert again.findings == [] and app.exit_status(again, Severity.INFO) == app.EXIT_OK


def test_an_unreadable_input_is_exit_status_2(project):
    checker = app.open_checker(Settings(terms=("default",))).checker
    report = app.run_check(checker, ["missing.txt"])
    assert app.exit_status(report, Severity.ERROR) == app.EXIT_ERROR


def test_an_output_that_is_an_input_is_refused(project):
    with pytest.raises(app.OverwriteError, match="is one of the files this command reads"):
        app.refuse_overwriting_inputs("--output", "note.fr.txt", ["./note.fr.txt"])
    app.refuse_overwriting_inputs("--output", "new.txt", ["note.fr.txt"])
