"""Translation files end to end: PO (singular, plural, msgctxt, fuzzy, obsolete, header
languages, a suppression comment), XLIFF 1.2 and 2.0, aligned plain text, a broken file; exact
findings at the line of the target string."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

PAIRS = Path(__file__).parent / "fixtures" / "pairs"


def check(*args: str):
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    data = json.loads(result.stdout)
    findings = [(Path(f["path"]).name, f["line"], f["column"], f["rule"], f["severity"],
                 f["expected"]) for f in data["findings"]]
    return result.exit_code, findings, data


PO_FINDINGS = [
    ("entretien.fr.po", 13, 9, "wrong-language", "error", "Nikolaï Patrouchev"),
    ("entretien.fr.po", 16, 9, "term-mismatch", "error", "Jake Sullivan"),
    # fuzzy entry: reported, at info
    ("entretien.fr.po", 26, 9, "avoid", "info", "Xi Jinping"),
    # msgstr "": untranslated, on its msgid
    ("entretien.fr.po", 35, 8, "untranslated", "warning", None),
]  # line 29 (Vladimir Putin) is silenced by its translator comment; obsolete entries skipped
# The review hints --review-hints adds: the plural form renders the name by a pronoun (Il),
# each plural form standing alone (info, on the pronoun); a name the source does not write.
PO_HINTS = [("entretien.fr.po", 22, 12, "term-mismatch", "info", "Sergueï Lavrov"),
            ("entretien.fr.po", 33, 9, "term-mismatch", "info", None)]


def test_po_file():
    status, findings, _ = check(str(PAIRS / "entretien.fr.po"))
    assert findings == PO_FINDINGS
    assert status == 1


def test_po_review_hints_from_the_flag_or_the_configuration(tmp_path, monkeypatch):
    _, findings, _ = check(str(PAIRS / "entretien.fr.po"), "--review-hints")
    assert findings == sorted(PO_FINDINGS + PO_HINTS, key=lambda f: f[1])
    (tmp_path / "termcheck.toml").write_text("review-hints = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, from_config, _ = check(str(PAIRS / "entretien.fr.po"))
    assert from_config == findings


def test_po_include_fuzzy():
    _, findings, _ = check(str(PAIRS / "entretien.fr.po"), "--include-fuzzy")
    assert ("entretien.fr.po", 26, 9, "avoid", "error", "Xi Jinping") in findings


def test_xliff_1_2():
    _, findings, _ = check(str(PAIRS / "entretien.fr.xlf"))
    assert findings == [
        ("entretien.fr.xlf", 11, 36, "wrong-language", "error", "Nikolaï Patrouchev"),
        # state needs-review-translation is XLIFF's fuzzy
        ("entretien.fr.xlf", 15, 50, "capitalization", "info", "Jake Sullivan"),
    ]  # the translate="no" unit is skipped; &amp; and <g> tags keep the columns exact


def test_xliff_2_0():
    _, findings, _ = check(str(PAIRS / "entretien.fr.xliff"))
    assert findings == [
        ("entretien.fr.xliff", 7, 17, "diacritics", "error", "Sergueï Lavrov"),
        ("entretien.fr.xliff", 13, 17, "term-mismatch", "error", "Jake Sullivan"),
    ]


def test_aligned_plain_text_pair():
    status, findings, _ = check("--source", str(PAIRS / "communique.en.txt"),
                                "--target", str(PAIRS / "communique.fr.txt"))
    assert findings == [("communique.fr.txt", 4, 1, "term-mismatch", "error", "Jake Sullivan")]
    assert status == 1


def test_aligned_count_mismatch_is_a_clear_error(tmp_path):
    source = tmp_path / "en.txt"
    target = tmp_path / "fr.txt"
    source.write_text("One.\nTwo.\n", encoding="utf-8")
    target.write_text("Un.\n", encoding="utf-8")
    status, _, data = check("--source", str(source), "--target", str(target))
    assert status == 2
    assert data["errors"] == [{"path": str(target), "message": "2 source lines but 1 target "
                               "lines; the files must be aligned line by line"}]


def test_source_and_target_go_together():
    result = CliRunner().invoke(cli, ["check", "--source", str(PAIRS / "communique.en.txt")])
    assert result.exit_code == 2
    assert "--source and --target go together" in result.output


def test_broken_po_is_reported_with_its_line_and_others_checked(tmp_path):
    broken = tmp_path / "broken.fr.po"
    broken.write_text('msgid "Sergei Lavrov"\nmsgstr "Sergueï Lavrov"\n\nmsgid "x\nmsgstr "y"\n',
                      encoding="utf-8")
    status, findings, data = check(str(broken), str(PAIRS / "entretien.fr.xliff"))
    assert status == 2
    assert len(data["errors"]) == 1 and data["errors"][0]["path"] == str(broken)
    assert "line 4" in data["errors"][0]["message"]
    assert [f[0] for f in findings] == ["entretien.fr.xliff", "entretien.fr.xliff"]


@pytest.mark.parametrize("suffix", [".po", ".xlf"])
def test_folders_pick_up_translation_files(tmp_path, suffix):
    name = "entretien.fr" + (".po" if suffix == ".po" else ".xlf")
    (tmp_path / name).write_bytes((PAIRS / name).read_bytes())
    _, findings, _ = check(str(tmp_path))
    assert findings and all(f[0] == name for f in findings)
