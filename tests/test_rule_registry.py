"""The rule registry: each rule one declared value, ordered by its priority, the README's table
made from it, and unused-suppression selected and switched off as any rule is."""

from __future__ import annotations

import importlib.util
import json
import pkgutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker.rules
from checker.cli import cli
from checker.engine import Checker, CheckOptions, run_rules
from checker.findings import Severity
from checker.reporters.sarif import doc_sections
from checker.rules import RULES, RULES_BY_CODE, FixSafety, Rule, Stage, rule_table
from checker.rules.base import SECTIONS
from glossary.index.cache import load_index

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index():
    return load_index(None)


def _rule(**changes) -> Rule:
    fields = dict(code="x", severity=Severity.ERROR, fix_safety=FixSafety.SAFE,
                  stage=Stage.DRAFT, priority=1, summary="s", example="e", doc="x: d")
    return Rule(**{**fields, **changes})


# --- the registry -------------------------------------------------------------------------------
def test_every_rule_module_is_registered():
    modules = {name for _, name, _ in pkgutil.iter_modules(checker.rules.__path__)} - {"base"}
    registered = {rule.on_document.__module__ if rule.on_document else rule.on_mention.__module__
                  for rule in RULES}
    assert {f"checker.rules.{name}" for name in modules} == registered


def test_rules_are_in_priority_order_with_mixed_script_first():
    assert [r.priority for r in RULES] == sorted(r.priority for r in RULES)
    assert len({r.priority for r in RULES}) == len(RULES)
    assert RULES[0].code == "mixed-script"
    assert RULES[-1].code == "unused-suppression"
    assert set(RULES_BY_CODE) == {r.code for r in RULES}


def test_a_rule_is_declared_with_keywords_only():
    with pytest.raises(TypeError):
        Rule("x", Severity.ERROR, FixSafety.SAFE, Stage.DRAFT, 1, "s", "e", "x: d")  # type: ignore[misc]
    assert _rule().safe_fix and not _rule(fix_safety=FixSafety.UNSAFE).safe_fix


def test_two_rules_with_one_priority_or_code_are_refused():
    from checker.rules import _registry

    with pytest.raises(ValueError, match="same priority: 1"):
        _registry([_rule(code="a"), _rule(code="b")])
    with pytest.raises(ValueError, match="same code: a"):
        _registry([_rule(code="a", priority=1), _rule(code="a", priority=2)])


def test_each_rule_documents_itself_in_the_fixed_sections():
    for rule in RULES:
        title, sections = doc_sections(rule.doc)
        assert title.startswith(f"{rule.code}: "), rule.code
        assert [name for name, _ in sections] == list(SECTIONS), rule.code
        # The fix safety the Fix safety section states is the declared one.
        stated = dict(sections)["Fix safety"].split(":", 1)[0].lower()
        assert stated == str(rule.fix_safety), rule.code


def test_a_rule_without_fixes_offers_none_even_given_an_expected_text():
    finding = _rule(fix_safety=FixSafety.NONE).finding(0, 3, "abc", "m", expected="abd")
    assert finding.expected == "abd" and finding.fix is None
    assert _rule().finding(0, 3, "abc", "m", expected="abd").fix.safe is True


def test_the_priority_decides_which_rule_reports_a_span_not_the_order_given(index):
    # avoid and capitalization both flag 'nikolaï Patrushev'; mixed-script (a whole-document
    # check) and typo (a mention check) both flag the spoofed 'Lаvrov'.
    text = "Selon nikolaï Patrushev, Sergei Lаvrov a menti.\n"
    expected = [("avoid", "nikolaï Patrushev"), ("mixed-script", "Lаvrov")]
    for rules in (RULES, tuple(reversed(RULES))):
        result = Checker(index.termbase, CheckOptions(lang="fr", rules=rules),
                         index=index).check_text(text)
        assert [(f.rule, f.text) for f in result.findings] == expected


def test_rules_of_the_suppressions_stage_do_not_run_with_the_draft_rules(index):
    checker_ = Checker(index.termbase, CheckOptions(lang="fr"), index=index)
    doc_text = "Selon Sergueï Lavrov. <!-- termcheck: ignore[typo] -->\n"
    from checker.readers import reader_for
    from checker.rules.base import Context

    doc = reader_for("a.md")("a.md", doc_text)
    ctx = Context(doc, "fr", checker_.matcher.match(doc, "fr", None), None, index)
    assert run_rules(ctx, RULES) == []
    assert [f.rule for f in checker_.check_text(doc_text, "a.md").findings] == [
        "unused-suppression"]


# --- the README's table -------------------------------------------------------------------------
def test_the_readme_table_is_the_registry():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = rule_table()
    assert table in readme
    assert len(table.splitlines()) == 2 + len(RULES)
    for rule in RULES:
        assert f"| `{rule.code}` | {rule.summary} |" in table


def test_the_table_script_rewrites_a_drifted_readme():
    spec = importlib.util.spec_from_file_location("rule_table", ROOT / "scripts" / "rule_table.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert script.rewritten(readme) == readme
    drifted = readme.replace(f"| `{RULES[1].code}` |", "| `old-name` |")
    assert drifted != readme and script.rewritten(drifted) == readme


# --- unused-suppression, a rule like the others -------------------------------------------------
DRAFT = ("Selon Sergueï Lavrov, la réunion a eu lieu. <!-- termcheck: ignore[typo] -->\n"
         "Selon Sergei Lavrov, rien.\n")


def _findings(*args: str) -> list[tuple[str, str]]:
    result = CliRunner().invoke(cli, ["check", "a.md", "--lang", "fr", "--format", "json",
                                      *args])
    return [(f["rule"], f["severity"]) for f in json.loads(result.output)["findings"]]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_unused_suppression_is_reported_by_default(project):
    assert _findings() == [("unused-suppression", "info"), ("wrong-language", "error")]


@pytest.mark.parametrize(("config", "text"), [
    ("pyproject.toml", '[tool.termcheck.rules]\nunused-suppression = "off"\n'),
    ("termcheck.toml", '[rules]\nunused-suppression = "off"\n'),
])
def test_unused_suppression_switched_off_in_the_configuration(project, config, text):
    (project / config).write_text(text, encoding="utf-8")
    assert _findings() == [("wrong-language", "error")]


def test_unused_suppression_switched_off_by_a_config_file_named_on_the_command_line(project):
    (project / "house").mkdir()
    (project / "house" / "termcheck.toml").write_text(
        '[rules]\nunused-suppression = "off"\n', encoding="utf-8")
    assert _findings("--config", "house/termcheck.toml") == [("wrong-language", "error")]
    assert _findings() == [("unused-suppression", "info"), ("wrong-language", "error")]


def test_unused_suppression_takes_the_configured_severity(project):
    (project / "termcheck.toml").write_text('[rules]\nunused-suppression = "warning"\n',
                                            encoding="utf-8")
    assert _findings() == [("unused-suppression", "warning"), ("wrong-language", "error")]
    (project / "b.md").write_text("Rien. <!-- termcheck: off -->\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["check", "b.md", "--lang", "fr"]).exit_code == 1
    (project / "termcheck.toml").unlink()
    assert CliRunner().invoke(cli, ["check", "b.md", "--lang", "fr"]).exit_code == 0


def test_unused_suppression_switched_off_in_the_library(index):
    rules = tuple(r for r in RULES if r.code != "unused-suppression")
    checker_ = Checker(index.termbase, CheckOptions(lang="fr", rules=rules), index=index)
    assert [f.rule for f in checker_.check_text(DRAFT, "a.md").findings] == ["wrong-language"]
