"""Malformed termbases: every problem is found, in one run, with its file, line and entry id."""

from __future__ import annotations

import pytest

from glossary import TermbaseError, TermbaseNotFound, load_termbase, validate_files

HEAD = "version: 1\nentries:\n"
GOOD = """\
  - id: lavrov-sergei
    type: person
    en: Sergei Lavrov
    fr: Sergueï Lavrov
"""

# (name, termbase text, expected [(line, entry id, words in the message)])
CASES = [
    ("yaml syntax error",
     HEAD + GOOD + "  - id: putin-vladimir\n    type: person\n    en: [Vladimir Putin\n"
     "    fr: Vladimir Poutine\n",
     [(10, "putin-vladimir", "YAML syntax error")]),
    ("tab indentation",
     HEAD + "  - id: putin-vladimir\n\ttype: person\n",
     [(4, "putin-vladimir", "YAML syntax error")]),
    ("unknown entry key",
     HEAD + GOOD.replace("    type: person\n", "    type: person\n    nte: x\n"),
     [(5, "lavrov-sergei", "unknown key 'nte' (did you mean 'note'?)")]),
    ("unknown form key",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir Putin\n"
     "    fr:\n      prefered: Vladimir Poutine\n",
     [(7, "putin-vladimir", "unknown key 'prefered' under 'fr' (did you mean 'preferred'?)")]),
    ("unknown top-level key",
     "version: 1\nentrys: []\nentries: []\n",
     [(2, None, "unknown top-level key 'entrys'")]),
    ("missing preferred form",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir Putin\n"
     "    fr:\n      short: [Poutine]\n",
     [(7, "putin-vladimir", "'fr' has no preferred form")]),
    ("duplicate id",
     HEAD + GOOD + GOOD.replace("Sergei Lavrov", "Sergey Lavrov").replace(
         "Sergueï Lavrov", "Serguei Lavrov"),
     [(7, "lavrov-sergei", "duplicate id (first used on line 3)")]),
    ("form claimed by two entries",
     HEAD + GOOD + "  - id: lavrov-other\n    type: person\n    en: Sergei Lavrov\n"
     "    fr: Sergueï Lavrov Jr\n",
     [(9, "lavrov-other", "'en' form 'Sergei Lavrov' is also a preferred form of entry "
                          "'lavrov-sergei' (line 5)")]),
    ("avoid equals another entry's preferred form",
     HEAD + GOOD + "  - id: lavrov-other\n    type: person\n    en: Sergey Lavrova\n"
     "    fr: {preferred: Sergueï Lavrova, avoid: [Sergueï Lavrov]}\n",
     [(10, "lavrov-other", "is to be avoided in entry 'lavrov-other' but is a preferred form "
                           "of entry 'lavrov-sergei'")]),
    ("form listed twice in one entry, to use and to avoid",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir Putin\n"
     "    fr: {preferred: Vladimir Poutine, avoid: [Vladimir Poutine]}\n",
     [(6, "putin-vladimir", "is listed twice (preferred and avoid)")]),
    ("form to avoid that is a form to use with another apostrophe",
     HEAD + "  - id: ivory-coast\n    type: place\n    en: Ivory Coast\n"
     "    fr: {preferred: Côte d'Ivoire, avoid: [Côte d’Ivoire]}\n",
     [(6, "ivory-coast", "is listed twice (preferred and avoid)")]),
    ("not NFC",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir Putin\n"
     "    fr: Vladimir Poute\u0301ine\n",
     [(6, "putin-vladimir", "is not in Unicode NFC")]),
    ("stray trailing space",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: 'Vladimir Putin '\n"
     "    fr: Vladimir Poutine\n",
     [(5, "putin-vladimir", "stray space")]),
    ("double space",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir  Putin\n"
     "    fr: Vladimir Poutine\n",
     [(5, "putin-vladimir", "two spaces in a row")]),
    ("invisible character",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir\u200bPutin\n"
     "    fr: Vladimir Poutine\n",
     [(5, "putin-vladimir", "invisible character U+200B")]),
    ("wrong type of form (number)",
     HEAD + "  - id: g7\n    type: organization\n    en: 7\n    fr: G7\n",
     [(5, "g7", "the 'en' form must be text, found a number (quote it)")]),
    ("short forms not a list",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir Putin\n"
     "    fr: {preferred: Vladimir Poutine, short: Poutine}\n",
     [(6, "putin-vladimir", "'short' under 'fr' must be a list; write [Poutine]")]),
    ("unknown type",
     HEAD + "  - id: putin-vladimir\n    type: persn\n    en: Vladimir Putin\n"
     "    fr: Vladimir Poutine\n",
     [(4, "putin-vladimir", "unknown type 'persn' (did you mean 'person'?)")]),
    ("missing type",
     HEAD + "  - id: putin-vladimir\n    en: Vladimir Putin\n    fr: Vladimir Poutine\n",
     [(3, "putin-vladimir", "the entry has no 'type:'")]),
    ("unknown case policy",
     HEAD + "  - id: foreign-minister\n    type: title\n    case: lower\n"
     "    en: foreign minister\n    fr: ministre des Affaires étrangères\n",
     [(5, "foreign-minister", "unknown case 'lower'")]),
    ("missing id",
     HEAD + "  - type: person\n    en: Vladimir Putin\n    fr: Vladimir Poutine\n",
     [(3, None, "the entry has no 'id:'")]),
    ("id not kebab-case",
     HEAD + "  - id: Putin_Vladimir\n    type: person\n    en: Vladimir Putin\n"
     "    fr: Vladimir Poutine\n",
     [(3, "Putin_Vladimir", "is not kebab-case")]),
    ("duplicate key in an entry",
     HEAD + "  - id: putin-vladimir\n    type: person\n    en: Vladimir Putin\n"
     "    en: Vladimir Poutine\n",
     [(6, "putin-vladimir", "key 'en' appears twice")]),
    ("entry is not a mapping",
     HEAD + "  - putin-vladimir\n",
     [(3, None, "each entry must be a mapping")]),
    ("no language forms",
     HEAD + "  - id: putin-vladimir\n    type: person\n    note: President of Russia.\n",
     [(3, "putin-vladimir", "the entry has no language forms")]),
    ("unsupported version",
     "version: 2\nentries: []\n",
     [(1, None, "unsupported schema version '2'")]),
    ("missing version",
     "entries: []\n",
     [(1, None, "the termbase has no 'version:'")]),
    ("empty file", "", [(1, None, "the termbase is empty")]),
    ("entries not a list",
     "version: 1\nentries: {id: x}\n",
     [(2, None, "'entries' must be a list")]),
    ("alias bomb refused",
     "version: 1\nentries:\n  - &a {id: a, type: person, en: A b, fr: A b}\n  - *a\n",
     [(4, None, "anchors and aliases")]),
    ("note on two lines",
     HEAD + "  - id: putin-vladimir\n    type: person\n    note: |\n      President.\n"
     "      Of Russia.\n    en: Vladimir Putin\n    fr: Vladimir Poutine\n",
     [(5, "putin-vladimir", "the note must fit on one line")]),
    ("boolean key (unquoted no:)",
     HEAD + "  - id: oslo\n    type: place\n    en: Oslo\n    no: Oslo\n",
     [(6, "oslo", "a key of an entry must be text, found true/false (quote it)")]),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_problem_names_file_line_and_entry(write, name, text, expected):
    path = write("terms.yaml", text)
    problems = validate_files([path])
    found = [(p.line, p.entry_id, p.message) for p in problems]
    for line, entry_id, words in expected:
        assert any(p_line == line and p_id == entry_id and words in message
                   for p_line, p_id, message in found), found
    assert all(p.path == str(path) for p in problems)


def test_at_least_twenty_malformed_termbases():
    assert len(CASES) >= 20


def test_all_problems_of_a_file_are_reported_in_one_run(write):
    path = write("terms.yaml", HEAD + """\
  - id: putin-vladimir
    type: persn
    en: Vladimir Putin
    fr: {preferred: Vladimir Poutine, avoid: Poutin}
  - id: Bad_Id
    type: person
    en: X y
    fr: X y
  - id: lavrov-sergei
    type: person
    en: ' Sergei Lavrov'
    fr: Sergueï Lavrov
""")
    problems = validate_files([path])
    assert [(p.line, p.entry_id) for p in problems] == [
        (4, "putin-vladimir"), (6, "putin-vladimir"), (7, "Bad_Id"), (13, "lavrov-sergei")]


def test_load_raises_one_error_listing_every_problem(write):
    path = write("terms.yaml", HEAD + "  - id: a\n    type: x\n  - id: b\n    type: y\n")
    with pytest.raises(TermbaseError) as info:
        load_termbase([path])
    message = str(info.value)
    assert f"{path}:4: entry 'a': unknown type 'x'" in message
    assert f"{path}:6: entry 'b': unknown type 'y'" in message


def test_missing_file_is_a_typed_error(tmp_path):
    with pytest.raises(TermbaseNotFound, match=r"nowhere\.yaml: termbase file not found"):
        load_termbase([tmp_path / "nowhere.yaml"])


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "terms.yaml"
    path.write_bytes(b"version: 1\nentries:\n  - id: x\n    en: caf\xe9\n")
    problems = validate_files([path])
    assert len(problems) == 1
    assert problems[0].line == 4
    assert "not valid UTF-8" in problems[0].message


def test_ambiguous_must_be_a_boolean(write):
    path = write("terms.yaml", HEAD + "  - id: may-theresa\n    type: person\n"
                                      "    ambiguous: sometimes\n    en: Theresa May\n"
                                      "    fr: Theresa May\n")
    problems = validate_files([path])
    assert [(p.line, p.entry_id) for p in problems] == [(5, "may-theresa")]
    assert "'ambiguous' must be true or false" in problems[0].message


@pytest.mark.slow
def test_collections_nested_past_any_termbase_are_a_problem_not_a_crash(tmp_path):
    # libyaml's C composer overflowed the C stack on this file (a segmentation fault).
    for text in ("version: 1\nentries: " + "[" * 50_000 + "]" * 50_000 + "\n",
                 "version: 1\nentries:\n" + "- " * 50_000 + "x\n"):
        (tmp_path / "deep.yaml").write_text(text, encoding="utf-8")
        problems = validate_files([tmp_path / "deep.yaml"])
        assert [p.message for p in problems] == [
            "the YAML nests collections more than 64 levels deep (a termbase needs 4); is this "
            "a termbase file?"]


def test_aliases_outside_the_entries_are_refused_too(write):
    path = write("t.yaml", """\
        version: 1
        laughs: &a [lol, lol]
        more: [*a, *a]
        entries:
          - id: x
            type: person
            en: {preferred: X, accepted: *a}
        """)
    problems = validate_files([path])
    assert [(p.line, p.message[:40]) for p in problems] == [
        (3, "anchors and aliases (& and *) are not al"),
        (7, "anchors and aliases (& and *) are not al")]
