"""The whole example set through every command, byte for byte: a refactoring of the application
layer, the engine's stages, the rule registry or the entry builder must leave what users see
unchanged (issue 16). Each case is one command line; its output and exit status are a snapshot
in tests/snapshots/golden/ (``TERMCHECK_UPDATE_SNAPSHOTS=1`` rewrites them: review the diff)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.rules import RULES
from glossary import default_termbase_path

DRAFTS = ["examples/fr/brouillon.md", "examples/fr/corrige.md", "examples/en/draft.md",
          "examples/en/corrected.md", "tests/fixtures/depeche_fr.txt"]
TRANSLATIONS = ["tests/fixtures/translation/depeches.fr.po",
                "tests/fixtures/translation/depeches.fr.xliff",
                "tests/fixtures/translation/depeches.fr.xlf",
                "tests/fixtures/pairs/entretien.fr.po", "tests/fixtures/pairs/entretien.fr.xlf",
                "tests/fixtures/pairs/entretien.fr.xliff"]
CASES: dict[str, list[str]] = {}
for _path in DRAFTS + TRANSLATIONS:
    _name = _path.rsplit("/", 1)[1]
    CASES[f"check-{_name}.json"] = ["check", _path, "--format", "json"]
    CASES[f"check-{_name}.text"] = ["check", _path]
CASES.update({
    # term-mismatch's review hints (info), off by default.
    "check-entretien.fr.po.hints.text": ["check", "tests/fixtures/pairs/entretien.fr.po",
                                         "--review-hints"],
    "check-aligned.json": ["check", "--source", "tests/fixtures/pairs/communique.en.txt",
                           "--target", "tests/fixtures/pairs/communique.fr.txt",
                           "--format", "json"],
    "check-article-ca.fr-FR.json": ["check", "tests/fixtures/profiles/article-ca.md",
                                    "--lang", "fr-FR", "--format", "json"],
    "check-article-ca.fr-CA.json": ["check", "tests/fixtures/profiles/article-ca.md",
                                    "--lang", "fr-CA", "--format", "json"],
    "check-examples.github": ["check", "examples", "--format", "github"],
    "check-examples.gitlab": ["check", "examples", "--format", "gitlab"],
    "check-examples.diff": ["check", "examples", "--diff"],
    "suggest-archives.text": ["suggest", "tests/fixtures/suggest/archives.fr.md",
                              "tests/fixtures/suggest/archives.en.md"],
    "lookup-patrouchev.text": ["lookup", "patrouchev"],
    "lookup-us.text": ["lookup", "U.S."],
    "lookup-clinton.text": ["lookup", "Clinton"],
    "lookup-bruxellois.text": ["lookup", "Bruxelles"],
    "terms-stats.json": ["terms", "stats", "--format", "json"],
})
for _rule in RULES:
    CASES[f"explain-{_rule.code}.text"] = ["explain", _rule.code]


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_is_unchanged(name, snapshot, monkeypatch):
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, CASES[name])
    # The embedded termbase is named by its absolute path, in the checkout or in an installed
    # package: where it is installed is no output.
    output = result.output.replace(str(default_termbase_path()), "<embedded termbase>")
    output = output.replace(str(root), "<checkout>")
    snapshot(f"golden/{name}", f"exit {result.exit_code}\n{output}")
