"""The one entry builder (glossary/entries.py): entries from plain data and a locator. The YAML
loader, ``terms add``, ``suggest`` and the import formats all build through it, so the same data
gives the same entries and the same problems wherever it comes from; only the locator differs.
(The messages themselves: tests/test_termbase_errors.py and tests/hostile/.)"""

from __future__ import annotations

import pytest
import yaml

from glossary import edit, exchange, loader
from glossary.entries import Fixed, Scalar, build_entries
from glossary.exchange import ImportResult, imported_text
from glossary.loader import parse_termbase
from glossary.serialize import entry_as_data
from glossary.validate import check_entries
from glossary.yamlsafe import compose

HEAD = "version: 1\nentries:\n"
ENTRIES = """\
  - id: moreau-celine
    type: person
    note: A mayor invented for this test.
    see_also: [ville-de-brume]
    en: Celine Moreau
    fr:
      preferred: Céline Moreau
      short: [Moreau]
  - id: ville-de-brume
    type: place
    en: Mistvale
    fr:
      preferred: Brume-la-Ville
      accepted: [Brume]
      adjectives: [brumois]
    fr-CA: Brume
"""

# Entries with problems, each written as YAML text; the same data through the builder must give
# the same problems (the YAML locator adds lines, plain data has none).
BAD = [
    "  - id: a-b\n    type: person\n    en: 5\n",
    "  - id: a-b\n    type: person\n    ambiguous: maybe\n    en: Anna Berg\n",
    "  - id: a-b\n    type: person\n    see_also: c-d\n    en: Anna Berg\n",
    "  - id: a-b\n    type: persn\n    en: Anna Berg\n",
    "  - id: A_B\n    type: person\n    en: Anna Berg\n",
    "  - id: a-b\n    type: person\n    en:\n      accepted: [Berg]\n",
    "  - id: a-b\n    type: person\n    en:\n      preferred: Anna Berg\n      short: Berg\n",
    "  - id: a-b\n    type: person\n    en: 'Anna  Berg'\n",
    "  - id: a-b\n    type: person\n    xx-yy: Anna Berg\n",
    "  - id: a-b\n    type: person\n    en: [Anna Berg]\n",
    "  - id: a-b\n    type: person\n    fr: Anna Berg\n    FR: Anna Berg\n",
    "  - id: a-b\n    type: person\n",
]


def test_plain_data_builds_the_entries_the_yaml_file_builds():
    from_file, problems = parse_termbase(HEAD + ENTRIES, "terms.yaml")
    assert problems == []
    data = yaml.safe_load(HEAD + ENTRIES)["entries"]
    from_data, problems = build_entries(data, Fixed("data"))
    assert problems == []
    assert [entry_as_data(e) for e in from_data] == [entry_as_data(e) for e in from_file]
    # Only where they were written differs: the file's lines, no line for data.
    assert [e.origin.line for e in from_file] == [3, 11]
    assert {e.origin.line for e in from_data} == {0}


@pytest.mark.parametrize("text", BAD)
def test_the_same_problems_from_a_file_and_from_data(text):
    _, from_file = parse_termbase(HEAD + text, "terms.yaml")
    _, from_data = build_entries(yaml.safe_load(HEAD + text)["entries"], Fixed("data"))
    assert from_file, "each case has a problem"
    assert [(p.message, p.entry_id) for p in from_data] == \
        [(p.message, p.entry_id) for p in from_file]
    assert all(p.line > 2 for p in from_file)


def test_a_locator_names_the_file_and_line_of_every_problem():
    data = [{"id": "a-b", "type": "person", "en": "Anna  Berg", "fr": {"preferred": "Anna Berg",
                                                                     "avoid": ["Anna  Berg"]}}]
    _, problems = build_entries(data, Fixed("import.csv", 7))
    assert problems
    assert {(p.path, p.line, p.entry_id) for p in problems} == {("import.csv", 7, "a-b")}


def test_a_value_plain_data_has_no_type_for_is_named_as_written():
    data = [{"id": "a-b", "type": "person", "en": Scalar("timestamp", "2024-05-01")}]
    _, problems = build_entries(data, Fixed("data"))
    assert [p.message for p in problems] == ["the 'en' form must be text, found timestamp "
                                             "(quote it)"]
    # A version written 01 is a number, but not version 1 as written.
    _, problems = parse_termbase("version: 01\nentries:\n" + ENTRIES, "terms.yaml")
    assert [p.message for p in problems] == ["unsupported schema version '01'; this termcheck "
                                             "reads version 1"]


def test_keys_plain_data_cannot_hold_are_problems_where_they_were_written():
    text = HEAD + "  - id: a-b\n    type: person\n    1: x\n    en: Anna Berg\n    en: Anna\n"
    _, problems = parse_termbase(text, "terms.yaml")
    assert [(p.line, p.entry_id, p.message) for p in problems] == [
        (5, "a-b", "a key of an entry must be text, found a number (quote it)"),
        (7, "a-b", "key 'en' appears twice in an entry (first on line 6); keep one")]


def test_terms_add_and_imports_build_from_data_without_writing_yaml(monkeypatch):
    def refused(*args, **kwargs):
        raise AssertionError("validated by writing YAML and reading it back")

    monkeypatch.setattr(loader, "parse_termbase", refused)
    monkeypatch.setattr(edit, "parse_termbase", refused)
    monkeypatch.setattr(exchange, "parse_termbase", refused)
    problems = edit.check_entry({"id": "a-b", "type": "person", "en": "Anna  Berg"})
    assert [(p.path, p.line, p.entry_id, p.message) for p in problems] == [
        (edit.NEW_ENTRY, 0, "a-b", "the 'en' form 'Anna  Berg' has two spaces in a row")]
    result = ImportResult([{"id": "a-b", "type": "person", "en": "Anna Berg"},
                           {"id": "c-d", "type": "person", "en": "Anna  Berg"}], [])
    text, problems = imported_text(result, "people.csv")
    assert problems == []
    assert "id: a-b" in text and "c-d" not in text
    assert result.warnings == ["people.csv: entry 'c-d' left out: the 'en' form 'Anna  Berg' "
                               "has two spaces in a row"]


def test_a_form_shared_with_an_entry_given_as_data_names_no_line():
    data = [{"id": "a-b", "type": "person", "en": "Anna Berg"},
            {"id": "c-d", "type": "person", "en": {"preferred": "Carl Dahl",
                                                   "accepted": ["Anna Berg"]}}]
    entries, problems = edit.entries_of(data, "suggest")
    assert problems == []  # each entry is valid alone
    messages = [p.message for p in check_entries(entries)]
    assert messages == ["'en' form 'Anna Berg' is also a preferred form of entry 'a-b'; a form "
                        "may belong to one entry only"]


def test_yaml_defences_refuse_before_anything_is_built():
    root, problems = compose("version: 1\nentries: &e []\nother: *e\n", "t.yaml")
    assert root is None
    assert [(p.line, p.message) for p in problems] == [
        (3, "anchors and aliases (& and *) are not allowed in a termbase; write the value out")]
    root, problems = compose("[" * 5000 + "]" * 5000, "t.yaml")
    assert root is None and "nests collections more than 64 levels" in problems[0].message
    root, problems = compose("# nothing\n", "t.yaml")
    assert root is None and problems[0].message.startswith("the termbase is empty")
