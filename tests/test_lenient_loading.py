"""Lenient loading (issue 15): a user termbase with harmless redundancy loads, with warnings that
name file, line and entry; an accepted case variant is honoured; long problem lists are capped."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from glossary import (
    Termbase,
    TermbaseError,
    TermbaseWarning,
    TermIndex,
    load_termbase,
    validate_files,
)
from glossary.errors import SHOWN_PROBLEMS
from glossary.index.cache import load_index

HEAD = "version: 1\nentries:\n"
# Lines 3-8: the United Nations with a case variant; 9-14: Ivory Coast with a curly apostrophe
# and a no-break space; 15-20: Kim Jong-un written twice and with a double space.
REDUNDANT = HEAD + """\
  - id: united-nations
    type: organization
    en: United Nations
    fr:
      preferred: Nations unies
      accepted: [Nations Unies]
  - id: ivory-coast
    type: place
    en: Ivory Coast
    fr:
      preferred: Côte d'Ivoire
      accepted: [Côte d’Ivoire, "Côte\u00a0d'Ivoire"]
  - id: kim-jong-un
    type: person
    en: Kim Jong Un
    fr:
      preferred: Kim Jong-un
      accepted: [Kim Jong-un, "Kim  Jong-un"]
"""


def check(termbase: Termbase, text: str, lang: str = "fr"):
    return Checker(termbase, CheckOptions(lang=lang)).check_text(text).findings


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def redundant(write):
    return write("house.yaml", REDUNDANT)


def test_redundant_forms_load_with_a_warning_naming_file_line_and_entry(redundant):
    warnings: list[TermbaseWarning] = []
    assert validate_files([redundant], warnings) == []
    found = [(w.line, w.entry_id) for w in warnings]
    assert found == [(8, "united-nations"), (14, "ivory-coast"), (14, "ivory-coast"),
                     (20, "kim-jong-un"), (20, "kim-jong-un")]
    assert all(w.path == str(redundant) for w in warnings)
    termbase = load_termbase([redundant])
    assert [str(w) for w in termbase.warnings] == [str(w) for w in warnings]
    assert str(warnings[0]) == (
        f"{redundant}:8: warning: 'fr' form 'Nations Unies' differs from the preferred form on "
        f"line 7 ('Nations unies') by capitals only; both are kept: a draft may write either "
        f"(united-nations)")
    assert "other apostrophes or spaces" in warnings[1].message
    assert "repeats the preferred form on line 19; read once" in warnings[3].message


def test_forms_the_checker_reads_alike_are_read_once_and_case_variants_kept(redundant):
    termbase = load_termbase([redundant])
    assert termbase.get("ivory-coast").languages["fr"].texts() == ["Côte d'Ivoire"]
    assert termbase.get("kim-jong-un").languages["fr"].texts() == ["Kim Jong-un"]
    assert termbase.get("united-nations").languages["fr"].texts() == ["Nations unies",
                                                                      "Nations Unies"]


def test_an_accepted_case_variant_is_honoured(redundant):
    termbase = load_termbase([redundant])
    assert check(termbase, "Les Nations Unies ont voté mardi à New York.") == []
    assert check(termbase, "Les Nations unies ont voté mardi à New York.") == []
    # Mixing the two in one draft is what accepted forms are for: inconsistent.
    mixed = check(termbase, "Les Nations Unies ont voté. Les Nations unies ont parlé.")
    assert [f.rule for f in mixed] == ["inconsistent"]
    # Read once: the curly apostrophe is no second form, so no inconsistency either.
    assert check(termbase, "La Côte d’Ivoire et la Côte d'Ivoire ont voté.") == []


def test_an_avoid_form_differing_by_capitals_is_honoured(write):
    path = write("house.yaml", HEAD + """\
  - id: united-nations
    type: organization
    en: United Nations
    fr: {preferred: Nations unies, avoid: [Nations Unies]}
  - id: al-qaeda
    type: organization
    en: al-Qaeda
    fr: {preferred: al-Qaida, avoid: [Al-Qaida]}
""")
    warnings: list[TermbaseWarning] = []
    assert validate_files([path], warnings) == [] and warnings == []
    termbase = load_termbase([path])
    (finding,) = check(termbase, "Les Nations Unies ont voté mardi.")
    assert (finding.rule, finding.expected, finding.entry) == ("avoid", "Nations unies",
                                                               "united-nations")
    assert check(termbase, "Les Nations unies ont voté mardi.") == []
    (finding,) = check(termbase, "Le chef d'Al-Qaida a parlé.")
    assert (finding.rule, finding.expected) == ("avoid", "al-Qaida")
    # Opening a sentence, the capital is the sentence's, not the form to avoid.
    assert check(termbase, "Al-Qaida a revendiqué l'attaque.") == []


def test_a_form_to_use_and_to_avoid_alike_is_still_a_problem(write):
    path = write("house.yaml", HEAD + "  - id: un\n    type: organization\n    en: UN\n"
                                      "    fr: {preferred: ONU, avoid: [ONU]}\n")
    (problem,) = validate_files([path])
    assert "is listed twice (preferred and avoid)" in problem.message


def test_a_lone_double_space_is_still_a_problem(write):
    path = write("house.yaml", HEAD + "  - id: un\n    type: organization\n    en: UN\n"
                                      "    fr: {preferred: ONU, accepted: [\"Nations  unies\"]}\n")
    (problem,) = validate_files([path])
    assert problem.line == 6 and "has two spaces in a row" in problem.message


def test_warnings_survive_the_compiled_index(redundant, tmp_path, monkeypatch):
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    built = load_index([redundant])
    read_back = load_index([redundant])
    assert read_back is not built and len(read_back.termbase.warnings) == 5
    assert read_back.termbase.warnings == built.termbase.warnings


def test_cli_prints_warnings_on_stderr_and_keeps_the_exit_status(redundant, write):
    draft = write("draft.txt", "Les Nations Unies ont voté mardi.\n")
    result = run("check", str(draft), "--terms", str(redundant), "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert f"{redundant}:8: warning: 'fr' form 'Nations Unies'" in result.stderr
    assert result.stderr.count(": warning: ") == 5
    assert "no findings" in result.stdout and "warning:" not in result.stdout
    bad = write("bad.txt", "Le dirigeant kim Jong-un a parlé mardi.\n")
    found = run("check", str(bad), "--terms", str(redundant), "--lang", "fr")
    assert found.exit_code == 1
    result = run("lookup", "Nations Unies", "--terms", str(redundant))
    assert result.exit_code == 0 and result.stderr.count(": warning: ") == 5
    result = run("terms", "validate", str(redundant))
    assert result.exit_code == 0
    assert "ok: 3 entries" in result.stdout and "(5 warnings)" in result.stdout
    assert result.stderr.count(": warning: ") == 5


def test_a_broken_termbase_is_still_exit_2_for_check(write):
    path = write("house.yaml", REDUNDANT + "  - id: broken\n    type: person\n")
    draft = write("draft.txt", "Les Nations unies ont voté mardi.\n")
    result = run("check", str(draft), "--terms", str(path), "--lang", "fr")
    assert result.exit_code == 2
    assert "'broken': the entry has no language forms" in result.stderr


def test_the_embedded_termbase_warns_no_one_who_checks(write):
    draft = write("draft.txt", "Les Nations unies ont voté mardi.\n")
    result = run("check", str(draft), "--lang", "fr")
    assert "warning:" not in result.stderr


def _many_problems(write, count: int):
    entries = "".join(f"  - id: e{n}\n    type: person\n    en: Name{n} Surname\n"
                      f"    fr: {{preferred: Name{n} Surname, avoid: [Name{n} Surname]}}\n"
                      for n in range(count))
    return write("many.yaml", HEAD + entries)


def test_long_problem_lists_are_capped_and_all_lists_them(write):
    path = _many_problems(write, SHOWN_PROBLEMS + 5)
    result = run("terms", "validate", str(path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert sum("is listed twice" in line for line in lines) == SHOWN_PROBLEMS
    assert (f"... and 5 more; run `termcheck terms validate --all {path}` to list them all"
            in lines)
    assert lines[-1] == "25 problems found; the termbase was not loaded"
    result = run("terms", "validate", "--all", str(path))
    assert result.exit_code == 2
    assert sum("is listed twice" in line for line in result.stderr.splitlines()) == 25
    # Every command that loads the termbase caps its list so.
    with pytest.raises(TermbaseError) as raised:
        load_termbase([path])
    assert str(raised.value).count("is listed twice") == SHOWN_PROBLEMS
    assert "... and 5 more; run `termcheck terms validate --all" in str(raised.value)
    result = run("check", str(write("draft.txt", "Un texte.\n")), "--terms", str(path))
    assert result.exit_code == 2 and result.stderr.count("is listed twice") == SHOWN_PROBLEMS


def test_long_warning_lists_are_capped(write):
    entries = "".join(f"  - id: e{n}\n    type: person\n    en: Name{n} Surname\n"
                      f"    fr: {{preferred: Name{n} Surname, accepted: [Name{n} Surname]}}\n"
                      for n in range(SHOWN_PROBLEMS + 3))
    path = write("many.yaml", HEAD + entries)
    result = run("check", str(write("draft.txt", "Un texte.\n")), "--terms", str(path),
                 "--lang", "fr")
    assert result.exit_code == 0
    assert result.stderr.count(": warning: ") == SHOWN_PROBLEMS
    assert "... and 3 more warnings; run `termcheck terms validate --all" in result.stderr


def test_import_keeps_a_case_variant_to_avoid_and_reads_typographic_repeats_once(tmp_path):
    from glossary.exchange import import_file

    csv = tmp_path / "house.csv"
    csv.write_text("id,type,en,fr,fr:accepted,fr:avoid\n"
                   "united-nations,organization,United Nations,Nations unies,"
                   "Nations unies,Nations Unies\n", encoding="utf-8")
    result = import_file(csv)
    (entry,) = result.entries
    assert entry["fr"] == {"preferred": "Nations unies", "avoid": ["Nations Unies"]}
    assert any("'Nations unies' listed twice" in w for w in result.warnings)
    assert TermIndex(load_termbase([_write_entries(tmp_path, result)]))


def _write_entries(tmp_path, result):
    from glossary.exchange import imported_text

    text, problems = imported_text(result, "house.csv")
    assert problems == []
    path = tmp_path / "imported.yaml"
    path.write_text(text, encoding="utf-8")
    return path
