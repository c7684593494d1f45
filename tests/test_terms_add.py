"""termcheck terms add: adds or updates one entry, keeps the rest of the file byte for byte,
validates first, and never overwrites a file edited meanwhile."""

from __future__ import annotations

import difflib
import shutil

import pytest
from click.testing import CliRunner

from checker import cli as cli_module
from checker.cli import cli
from glossary import edit as edit_module
from glossary import load_termbase
from glossary.edit import ConcurrentEditError, add_entry, termbase_text
from glossary.termbase import default_termbase_path

HOUSE = """\
# House termbase of the foreign desk.
version: 1
entries:
  # --- Russia ---
  - id: lavrov-sergei
    type: person
    note: Russian foreign minister since 2004.  # checked 2024
    en: {preferred: Sergei Lavrov, short: [Lavrov]}
    fr:
      preferred: "Sergueï Lavrov"
      short: [Lavrov]

  # --- titles ---
  - id: foreign-minister
    type: title
    note: Head of a foreign ministry.
    en: foreign minister
    fr: ministre des Affaires étrangères
# end of the house termbase
"""

KHRUSHCHEV = ["--type", "person", "--note", "Soviet leader 1953-1964.",
              "--preferred", "en=Nikita Khrushchev", "--short", "en=Khrushchev",
              "--preferred", "fr=Nikita Khrouchtchev", "--short", "fr=Khrouchtchev"]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def added_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines removed from and added to ``before``."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_add_keeps_comments_quotes_and_order(write):
    path = write("house.yaml", HOUSE)
    result = run("terms", "add", str(path), *KHRUSHCHEV)
    assert result.exit_code == 0, result.output
    assert f"{path}:19: added entry 'khrushchev-nikita'" in result.output
    text = path.read_text(encoding="utf-8")
    removed, added = added_lines(HOUSE, text)
    assert removed == []
    assert added == [
        "  - id: khrushchev-nikita",
        "    type: person",
        "    note: Soviet leader 1953-1964.",
        "    en:",
        "      preferred: Nikita Khrushchev",
        "      short: [Khrushchev]",
        "    fr:",
        "      preferred: Nikita Khrouchtchev",
        "      short: [Khrouchtchev]",
    ]
    assert text.endswith("# end of the house termbase\n")  # the closing comment stays last
    termbase = load_termbase([path])
    assert termbase.get("khrushchev-nikita").preferred("fr") == "Nikita Khrouchtchev"


def test_update_changes_only_that_entry(write):
    path = write("house.yaml", HOUSE)
    result = run("terms", "add", str(path), "--update", "--id", "lavrov-sergei",
                 "--accepted", "en=Sergey Lavrov", "--avoid", "fr=Sergei Lavrov")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    removed, added = added_lines(HOUSE, text)
    assert removed == ["    en: {preferred: Sergei Lavrov, short: [Lavrov]}"]
    assert added == [
        "    en: {preferred: Sergei Lavrov, accepted: [Sergey Lavrov], short: [Lavrov]}",
        "      avoid: [Sergei Lavrov]"]
    assert '"Sergueï Lavrov"' in text and "# checked 2024" in text
    entry = load_termbase([path]).get("lavrov-sergei")
    assert entry.languages["fr"].texts() == ["Sergueï Lavrov", "Sergei Lavrov", "Lavrov"]


@pytest.mark.slow
def test_the_whole_default_termbase_is_kept_byte_for_byte(tmp_path):
    path = tmp_path / "terms.yaml"
    shutil.copy(default_termbase_path(), path)
    before = path.read_text(encoding="utf-8")
    add_entry(path, {"id": "khrushchev-nikita", "type": "person",
                     "note": "Soviet leader 1953-1964.",
                     "en": {"preferred": "Nikita Khrushchev", "short": ["Khrushchev"]},
                     "fr": {"preferred": "Nikita Khrouchtchev", "short": ["Khrouchtchev"]}})
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # appended after the last entry, nothing else touched
    assert after[len(before):].startswith("- id: khrushchev-nikita\n  type: person\n")


def test_an_invalid_entry_is_refused_and_the_file_untouched(write):
    path = write("house.yaml", HOUSE)
    result = run("terms", "add", str(path), "--type", "person",
                 "--preferred", "en=Sergei Lavrov", "--id", "lavrov-other")
    assert result.exit_code == 2
    assert "'en' form 'Sergei Lavrov' is also a preferred form of entry 'lavrov-sergei'" \
        in result.output
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == HOUSE


def test_bad_forms_are_named_as_the_new_entry(write):
    path = write("house.yaml", HOUSE)
    result = run("terms", "add", str(path), "--type", "person",
                 "--preferred", "en=Nikita  Khrushchev")
    assert result.exit_code == 2
    assert "the new entry: entry 'khrushchev-nikita':" in result.output
    assert "two spaces in a row" in result.output
    assert path.read_text(encoding="utf-8") == HOUSE


def test_an_existing_id_needs_update(write):
    path = write("house.yaml", HOUSE)
    result = run("terms", "add", str(path), "--id", "lavrov-sergei", "--type", "person",
                 "--preferred", "en=S. Lavrov")
    assert result.exit_code == 2
    assert f"{path}:5: entry 'lavrov-sergei' already exists; pass --update" in result.output


@pytest.mark.slow
def test_conflict_with_a_layer_below_is_found(write):
    path = write("house.yaml", "version: 1\nentries:\n")
    result = run("terms", "add", str(path), "--terms", "default", "--type", "person",
                 "--id", "putin-other", "--preferred", "en=Vladimir Putin")
    assert result.exit_code == 2
    assert "is also a preferred form of entry 'putin-vladimir'" in result.output
    result = run("terms", "add", str(path), "--terms", "default", *KHRUSHCHEV)
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").startswith("version: 1\nentries:\n- id: khrushchev")


def test_a_concurrent_edit_is_detected_never_overwritten(write, monkeypatch):
    path = write("house.yaml", HOUSE)
    concurrent = HOUSE.replace("Head of a foreign ministry.", "Edited meanwhile.")
    real_check = edit_module.check_text
    calls = []

    def check_then_someone_edits(text, shown, context=()):
        calls.append(shown)
        if len(calls) == 2:  # after the new text is built, before it is written
            path.write_text(concurrent, encoding="utf-8")
        return real_check(text, shown, context)

    monkeypatch.setattr(edit_module, "check_text", check_then_someone_edits)
    with pytest.raises(ConcurrentEditError, match="changed while termcheck was editing it"):
        add_entry(path, {"id": "x-y", "type": "person", "en": "X Y"})
    assert path.read_text(encoding="utf-8") == concurrent
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".termcheck")]


def test_prompts_on_a_terminal(write, monkeypatch):
    path = write("house.yaml", HOUSE)
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    answers = "\n".join(["person", "Nikita Khrushchev", "", "", "Khrushchev",
                         "Nikita Khrouchtchev", "", "Nikita Khrushchev", "Khrouchtchev",
                         "Soviet leader 1953-1964.", ""])
    result = run("terms", "add", str(path), input=answers)
    assert result.exit_code == 0, result.output
    entry = load_termbase([path]).get("khrushchev-nikita")
    assert entry.languages["fr"].texts("avoid") == ["Nikita Khrushchev"]
    assert entry.note == "Soviet leader 1953-1964."


def test_without_a_terminal_missing_flags_are_a_usage_error(write):
    path = write("house.yaml", HOUSE)
    result = run("terms", "add", str(path), "--type", "person")
    assert result.exit_code == 2
    assert "give --type and at least one --preferred LANG=TEXT" in result.output


def test_yaml_words_are_quoted_so_the_loader_reads_text(write):
    # (YAML reads True and off as booleans; No and on would be too, but they are function
    # words, which no form may be.)
    text = termbase_text([{"id": "no-party", "type": "organization", "en": "True",
                           "fr": {"preferred": "Oui", "short": ["off"]}}])
    assert "en: 'True'" in text and "short: ['off']" in text
    path = write("yes.yaml", text)
    assert load_termbase([path]).get("no-party").preferred("en") == "True"
