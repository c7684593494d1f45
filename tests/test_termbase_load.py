"""Loading valid termbases: the model, default case policies, layering, the embedded default."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import (
    CasePolicy,
    EntryType,
    Status,
    TermbaseError,
    default_termbase_path,
    load_termbase,
)


def test_model_holds_every_form_with_status_and_line(small_terms):
    termbase = load_termbase([small_terms])
    entry = termbase.get("patrushev-nikolai")
    assert entry.type is EntryType.PERSON
    assert entry.case is CasePolicy.NAME
    assert entry.preferred("fr") == "Nikolaï Patrouchev"
    assert entry.preferred("en") == "Nikolai Patrushev"
    assert entry.preferred("de") is None
    fr = entry.languages["fr"]
    assert fr.texts(Status.ACCEPTED) == ["Nikolai Patrouchev"]
    assert fr.texts(Status.AVOID) == ["Nikolaï Patrushev"]
    assert fr.texts(Status.SHORT) == ["Patrouchev"]
    assert fr.avoid[0].origin.line == 10
    assert entry.origin.line == 3
    assert termbase.languages == ["en", "fr"]


def test_titles_default_to_exact_case_and_names_to_name_case(small_terms):
    termbase = load_termbase([small_terms])
    assert termbase.get("foreign-minister").case is CasePolicy.EXACT
    assert termbase.get("lavrov-sergei").case is CasePolicy.NAME


def test_explicit_case_policy_wins(write):
    path = write("t.yaml", """\
        version: 1
        entries:
          - id: interfax
            type: organization
            case: exact
            en: Interfax
            fr: Interfax
    """)
    assert load_termbase([path]).get("interfax").case is CasePolicy.EXACT


def test_any_language_code_may_appear(write):
    path = write("t.yaml", """\
        version: 1
        entries:
          - id: moscow
            type: place
            en: Moscow
            fr: Moscou
            de: Moskau
            pt-BR: Moscou
    """)
    assert load_termbase([path]).get("moscow").preferred("de") == "Moskau"


def test_later_layers_add_entries_and_override_by_id(small_terms, write):
    house = write("house.yaml", """\
        version: 1
        entries:
          - id: lavrov-sergei
            type: person
            note: House style keeps the accent-less first name.
            en: Sergei Lavrov
            fr: {preferred: Serguei Lavrov, short: [Lavrov]}
          - id: wang-yi
            type: person
            en: Wang Yi
            fr: Wang Yi
    """)
    termbase = load_termbase([small_terms, house])
    assert termbase.get("lavrov-sergei").preferred("fr") == "Serguei Lavrov"
    assert termbase.get("wang-yi") is not None
    assert termbase.get("patrushev-nikolai") is not None
    assert len(termbase) == 5
    assert termbase.sources == (str(small_terms), str(house))


def test_conflicts_are_checked_after_layering(small_terms, write):
    house = write("house.yaml", """\
        version: 1
        entries:
          - id: lavrov-junior
            type: person
            en: Sergei Lavrov
            fr: Sergueï Lavrov fils
    """)
    with pytest.raises(TermbaseError) as info:
        load_termbase([small_terms, house])
    problem = info.value.problems[0]
    assert problem.path == str(house)
    assert problem.line == 5
    assert f"entry 'lavrov-sergei' ({small_terms}:" in problem.message


def test_default_name_is_the_embedded_termbase(small_terms):
    termbase = load_termbase(["default", small_terms])
    assert termbase.sources[0] == str(default_termbase_path())
    assert len(termbase) > len(load_termbase([small_terms]))


def test_embedded_default_exists():
    path = default_termbase_path()
    assert path.name == "terms.yaml"
    assert path.is_file()


def test_bom_is_accepted(tmp_path: Path):
    path = tmp_path / "bom.yaml"
    path.write_text("\ufeffversion: 1\nentries: []\n", encoding="utf-8")
    assert len(load_termbase([path])) == 0
