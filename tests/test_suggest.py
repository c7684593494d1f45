"""termcheck suggest: unknown names mined from drafts written for these tests, grouped by
transliteration key, printed as schema-v1 entries that validate and, once added, are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from checker.tools.suggest import romanisation, suggest
from glossary import load_termbase

FIXTURES = Path(__file__).parent / "fixtures" / "suggest"
FR = str(FIXTURES / "archives.fr.md")
EN = str(FIXTURES / "archives.en.md")
PO = str(FIXTURES / "archives.fr.po")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def default():
    return load_termbase()


@pytest.fixture(scope="module")
def found(default):
    return suggest(Checker(default), [FR, EN])


def by_id(found):
    return {c.entry["id"]: c for c in found.candidates}


@pytest.mark.slow
def test_unknown_names_are_found_and_ranked_by_frequency(found):
    ids = [c.entry["id"] for c in found.candidates]
    assert ids[:2] == ["brezhnev-leonid", "gromyko-andrei"]
    counts = [c.count for c in found.candidates]
    assert counts == sorted(counts, reverse=True)
    # Known names (Moscou, Moscow) and sentence-initial words (Selon, Les, The) are not
    # candidates, nor are months, days or the headline.
    texts = {o.text for c in found.candidates for o in c.occurrences}
    assert not texts & {"Moscou", "Moscow", "Selon", "Les", "The", "Soviet", "Gromyko avait"}


def test_variants_are_one_candidate_with_each_spelling_in_its_language(found):
    brezhnev = by_id(found)["brezhnev-leonid"]
    assert brezhnev.count == 6
    assert brezhnev.files == [EN, FR]
    # "Leonid Brezhnev" was written in the French draft, but its romanisation is English.
    assert brezhnev.entry == {
        "id": "brezhnev-leonid", "type": "person",
        "en": {"preferred": "Leonid Brezhnev", "short": ["Brezhnev"]},
        "fr": {"preferred": "Leonid Brejnev", "short": ["Brejnev"]},
    }
    assert brezhnev.first.context.startswith("Les archives de Leonid Brejnev, ouvertes")
    assert brezhnev.first.line == 3


def test_types_are_guessed(found):
    candidates = by_id(found)
    assert candidates["vladivostok"].type == "place"
    assert candidates["greenvale-institute"].type == "organization"
    assert candidates["gromyko-andrei"].type == "person"


def test_a_translation_file_pairs_source_and_target_names(default):
    found = suggest(Checker(default), [PO])
    entries = {c.entry["id"]: c.entry for c in found.candidates}
    assert entries["greenvale-institute"] == {"id": "greenvale-institute",
                                              "type": "organization",
                                              "en": "Greenvale Institute",
                                              "fr": "Institut Greenvale"}
    assert entries["gromyko-andrei"]["en"] == "Andrei Gromyko"
    assert entries["gromyko-andrei"]["fr"] == "Andreï Gromyko"
    assert entries["brezhnev"]["en"] == "Brezhnev" and entries["brezhnev"]["fr"] == "Brejnev"


@pytest.mark.slow
def test_the_yaml_validates_and_once_added_the_names_are_known(tmp_path):
    result = run("suggest", FR, EN, PO)
    assert result.exit_code == 0, result.output
    out = tmp_path / "new.yaml"
    out.write_text(result.stdout, encoding="utf-8")
    assert "# 8 occurrences in 3 files:" in result.stdout
    assert run("terms", "validate", "default", str(out)).exit_code == 0
    # Before: the checker sees one unknown name in two romanisations.
    before = run("check", "--format", "json", FR)
    assert {f["text"] for f in json.loads(before.stdout)["findings"]
            if f["rule"] == "transliteration"} == {"Brezhnev"}
    # After: the names are known; the English spelling in the French draft is wrong-language.
    after = run("check", "--format", "json", "--terms", "default", "--terms", str(out), FR)
    findings = json.loads(after.stdout)["findings"]
    assert [(f["rule"], f["text"], f["expected"]) for f in findings] == [
        ("wrong-language", "Leonid Brezhnev", "Leonid Brejnev")]
    again = run("suggest", "--terms", "default", "--terms", str(out), FR, EN, PO)
    assert "- id:" not in again.stdout
    assert "No unknown names found." in again.stdout


@pytest.mark.slow
def test_json_output(tmp_path):
    result = run("suggest", "--format", "json", FR, EN)
    data = json.loads(result.stdout)
    first = data["candidates"][0]
    assert first["id"] == "brezhnev-leonid"
    assert first["forms"] == {"fr": {"Leonid Brejnev": 1, "Brejnev": 2},
                              "en": {"Leonid Brezhnev": 2, "Brezhnev": 1}}
    assert first["count"] == 6 and first["files"] == [EN, FR]
    assert first["context"]["line"] == 3
    assert first["entry"]["fr"]["preferred"] == "Leonid Brejnev"


@pytest.mark.slow
def test_unreadable_input_is_reported_and_the_others_mined(tmp_path):
    result = run("suggest", str(tmp_path / "missing.md"), FR)
    assert result.exit_code == 2
    assert "missing.md: no such file" in result.output
    assert "- id: brezhnev-leonid" in result.stdout


@pytest.mark.slow
def test_min_count(default):
    found = suggest(Checker(default), [FR, EN], min_count=3)
    assert [c.entry["id"] for c in found.candidates] == ["brezhnev-leonid", "gromyko-andrei"]


@pytest.mark.parametrize(("text", "lang"), [("Khrouchtchev", "fr"), ("Khrushchev", "en"),
                                            ("Brezhnev", "en"), ("Andreï", "fr"),
                                            ("Gromyko", None)])
def test_romanisation_marks(text, lang):
    assert romanisation(text) == lang


@pytest.mark.slow
def test_a_language_option_is_honoured(default):
    found = suggest(Checker(default, CheckOptions(lang="fr")), [EN])
    assert all(o.lang == "fr" for c in found.candidates for o in c.occurrences
               if romanisation(o.text) is None)


def test_a_form_the_termbase_already_has_is_left_out(write):
    # "Sergueï Lavrov" is known as the person; an organisation named after him is not, and its
    # accepted spelling may not take the person's form.
    terms = write("t.yaml", """\
        version: 1
        entries:
          - id: lavrov-sergei
            type: person
            en: Sergei Lavrov
            fr: {preferred: Sergueï Lavrov, accepted: [Fondation Lavrova]}
        """)
    draft = write("d.txt", "On parle de la Fondation Lavrov et de la Fondation Lavrov.\n")
    found = suggest(Checker(load_termbase([terms])), [str(draft)])
    assert [c.entry for c in found.candidates] == [
        {"id": "fondation-lavrov", "type": "organization", "fr": "Fondation Lavrov"}]
