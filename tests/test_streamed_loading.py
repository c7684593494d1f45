"""The termbase is read as a stream of YAML events (``glossary.loader``), an entry at a time,
not composed whole: it must give what composing the whole file gave, entry for entry, with the
same lines, problems and warnings. The reference below is the composing reader the stream
replaced (issue 19), kept here as the oracle.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode

from glossary import load_termbase
from glossary.entries import EntryBuilder, RejectedKey, Scalar, kind_of
from glossary.errors import TermbaseWarning
from glossary.loader import parse_termbase
from glossary.model import Entry
from glossary.termbase import default_termbase_path
from glossary.yamlsafe import MAX_NESTING, compose

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402

_STR_TAG = "tag:yaml.org,2002:str"
_LOW = (1 << 32) - 1


# --- the reference: the whole file composed into nodes, then walked -----------------------------
def _node_kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, ScalarNode):
        return kind_of(Scalar(node.tag.rsplit(":", 1)[-1], node.value))
    return "a list"


class _NodeLines:
    def __init__(self, path: str, root: Node):
        self.path = path
        self.root_line = root.start_mark.line + 1
        self.lines: dict[int, Any] = {}
        self.bad: dict[int, list[RejectedKey]] = {}
        self.data = self.plain(root)

    def plain(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            return node.value if node.tag == _STR_TAG else Scalar(node.tag.rsplit(":", 1)[-1],
                                                                 node.value)
        if isinstance(node, MappingNode):
            data: dict[str, Any] = {}
            lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if not isinstance(key_node, ScalarNode) or key_node.tag != _STR_TAG:
                    self.bad.setdefault(id(data), []).append(
                        RejectedKey(key_line, None, _node_kind(key_node)))
                    continue
                key = key_node.value
                if key in lines:
                    self.bad.setdefault(id(data), []).append(
                        RejectedKey(key_line, key, first_line=lines[key] >> 32))
                    continue
                lines[key] = key_line << 32 | (value_node.start_mark.line + 1)
                data[key] = self.plain(value_node)
            self.lines[id(data)] = lines
            return data
        items = [self.plain(item) for item in node.value]
        self.lines[id(items)] = [item.start_mark.line + 1 for item in node.value]
        return items

    def line(self, parent: Any, key: Any) -> int:
        if parent is None:
            return self.root_line
        line = self.lines[id(parent)][key]
        return line if isinstance(parent, list) else line & _LOW

    def item_lines(self, items: Any) -> list[int]:
        return self.lines[id(items)]

    def key_line(self, parent: Any, key: Any) -> int:
        return self.lines[id(parent)][key] >> 32

    def rejected(self, mapping: Any) -> list[RejectedKey]:
        return self.bad.get(id(mapping), [])


def composed(text: str, path: str, warnings: list[TermbaseWarning]):
    root, problems = compose(text, path)
    if root is None:
        return [], problems
    try:
        lines = _NodeLines(path, root)
    except RecursionError:
        return [], ["too deep"]
    builder = EntryBuilder(lines)
    builder.build_file(lines.data)
    warnings += builder.warnings
    return builder.entries, builder.problems


# --- the comparison ------------------------------------------------------------------------------
def described(entry: Entry) -> tuple:
    """Everything of an entry, its lines included (``Entry`` equality leaves origins out)."""
    return (entry, entry.origin, entry.see_also_origin,
            [(f, f.origin) for f in entry.forms()], [(w, w.origin) for w in entry.derived()])


def assert_streamed_as_composed(text: str, path: str = "terms.yaml") -> list[Entry]:
    streamed_warnings: list[TermbaseWarning] = []
    composed_warnings: list[TermbaseWarning] = []
    entries, problems = parse_termbase(text, path, streamed_warnings)
    expected_entries, expected_problems = composed(text, path, composed_warnings)
    if expected_problems == ["too deep"]:  # told by the stream in its own words, at line 1
        assert not entries and len(problems) == 1 and "levels deep" in problems[0].message
        return entries
    assert problems == expected_problems
    assert streamed_warnings == composed_warnings
    assert [described(e) for e in entries] == [described(e) for e in expected_entries]
    return entries


def test_the_default_termbase_is_read_as_composing_read_it():
    text = default_termbase_path().read_text(encoding="utf-8-sig")
    entries = assert_streamed_as_composed(text, str(default_termbase_path()))
    assert len(entries) > 1000


@pytest.mark.parametrize("shared", [False, True])
def test_generated_termbases_are_read_as_composing_read_them(tmp_path, shared):
    people = scale.make_people(400, shared_surnames=shared)
    text = scale.termbase_yaml(people)
    entries = assert_streamed_as_composed(text)
    assert len(entries) == 400
    path = tmp_path / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    termbase = load_termbase([path])
    assert list(termbase.entries) == [e.id for e in entries]


HEAD = "version: 1\nentries:\n"
ENTRY = "  - id: {id}\n    type: person\n    en: {name}\n    fr: {name}\n"
GOOD = ENTRY.format(id="ada", name="Ada Lovelace") + ENTRY.format(id="alan", name="Alan Turing")

CASES = {
    "empty": "",
    "comments only": "# nothing\n",
    "an empty document": "---\n",
    "a list at the top": "- id: a\n- id: b\n",
    "a scalar at the top": "just text\n",
    "no version": "entries:\n" + GOOD,
    "version after the entries": "entries:\n" + GOOD + "version: 1\n",
    "version 2": "version: 2\nentries:\n" + GOOD,
    "version as text": "version: '1'\nentries:\n" + GOOD,
    "no entries": "version: 1\n",
    "entries null": "version: 1\nentries:\n",
    "entries a mapping": "version: 1\nentries: {a: b}\n",
    "entries text": "version: 1\nentries: none\n",
    "entries twice": HEAD + GOOD + "entries:\n" + ENTRY.format(id="bob", name="Bob Dylan"),
    "an unknown top key": "version: 1\nentrys: []\n" + "entries:\n" + GOOD,
    "a key that is a number": "version: 1\n3: x\nentries:\n" + GOOD,
    "a key that is a list": "version: 1\n[a, b]: x\nentries:\n" + GOOD,
    "a key that is a mapping": "version: 1\n{a: b}: x\nentries:\n" + GOOD,
    "a flow list of entries": "version: 1\nentries: [{id: ada, type: person, en: Ada Lovelace, "
                              "fr: Ada Lovelace}]\n",
    "an entry that is text": HEAD + "  - ada\n" + GOOD,
    "an entry that is a list": HEAD + "  - [a, b]\n" + GOOD,
    "a key twice in an entry": HEAD + "  - id: ada\n    type: person\n    type: place\n"
                                      "    en: Ada Lovelace\n",
    "a tagged scalar": HEAD + "  - id: ada\n    type: !custom person\n    en: Ada Lovelace\n",
    "a date": HEAD + "  - id: ada\n    type: person\n    note: 2024-01-01\n    en: Ada Lovelace\n",
    "a number form": HEAD + "  - id: ada\n    type: person\n    en: 1984\n",
    "a null form": HEAD + "  - id: ada\n    type: person\n    en: ~\n",
    "a bool": HEAD + "  - id: ada\n    type: person\n    ambiguous: yes\n    en: Ada Lovelace\n",
    "an explicit str tag": HEAD + "  - id: ada\n    type: person\n    en: !!str 1984\n",
    "a non-specific tag": HEAD + "  - id: ada\n    type: person\n    en: ! 1984\n",
    "a syntax error inside the entries": HEAD + GOOD + "  - id: [unclosed\n",
    "a syntax error at the end": HEAD + GOOD + "version: : :\n",
    "a tab": HEAD + "\t- id: ada\n",
    "an alias": HEAD + "  - id: ada\n    type: &t person\n    en: Ada Lovelace\n"
                       "  - id: alan\n    type: *t\n    en: Alan Turing\n",
    "an undefined alias": HEAD + "  - id: ada\n    type: *t\n    en: Ada Lovelace\n",
    "an anchor given twice": HEAD + "  - id: &a ada\n    type: &a person\n    en: Ada L\n",
    "an anchor without an alias": HEAD + "  - id: &a ada\n    type: person\n    en: Ada Love\n",
    "an anchored root": "&root\nversion: 1\nentries:\n" + GOOD,
    "a merge key": HEAD + "  - <<: {type: person}\n    id: ada\n    en: Ada Lovelace\n",
    "two documents": HEAD + GOOD + "---\n" + HEAD + GOOD,
    "two documents, the second empty": HEAD + GOOD + "---\n",
    "an explicit end": HEAD + GOOD + "...\n",
    "a BOM-less directive": "%YAML 1.1\n---\n" + HEAD + GOOD,
    "a repeated form": HEAD + "  - id: ada\n    type: person\n    en:\n      preferred: Ada L\n"
                              "      accepted: [Ada L, Ada l]\n",
    "a shared short form": HEAD + "  - id: bill\n    type: person\n    en: {preferred: Bill "
                                  "Clinton, short: [Clinton]}\n  - id: hillary\n    type: "
                                  "person\n    en: {preferred: Hillary Clinton, short: "
                                  "[Clinton]}\n",
    "a complex key": HEAD + "  - ? id\n    : ada\n    type: person\n    en: Ada Lovelace\n",
    "deep flow nesting": HEAD + "  - id: ada\n    note: " + "[" * 80 + "]" * 80 + "\n",
    "very deep flow nesting": "version: 1\nentries: " + "[" * 3000 + "]" * 3000 + "\n",
}


@pytest.mark.parametrize("name", list(CASES))
def test_broken_and_odd_files_give_the_problems_composing_gave(name):
    assert_streamed_as_composed(CASES[name])


def test_a_problem_in_a_streamed_entry_names_file_line_and_entry():
    text = HEAD + GOOD + "  - id: grace\n    type: persn\n    en: Grace Hopper\n"
    _, problems = parse_termbase(text, "house.yaml")
    (problem,) = problems
    assert (problem.path, problem.line, problem.entry_id) == ("house.yaml", 12, "grace")
    assert "unknown type 'persn'" in problem.message


def test_a_syntax_error_after_good_entries_keeps_none_of_them():
    entries, problems = parse_termbase(HEAD + GOOD + "  - id: [unclosed\n", "t.yaml")
    assert entries == []
    assert problems[0].message.startswith("YAML syntax error")


def test_the_nesting_bound_is_still_the_composers():
    assert MAX_NESTING == 64  # the deep cases above straddle it


PIECES = st.sampled_from(["version: 1\n", "entries:\n", "  - id: a\n", "  - id: b\n",
                          "    type: person\n", "    type: place\n", "    en: Jake Doe\n",
                          "    fr: {preferred: Jâke Doe, short: [Doe]}\n", "    en: Doe\n",
                          "    note: 2024-01-01\n", "    case: exact\n", "    ambiguous: no\n",
                          "    see_also: [b]\n", "      accepted: [Jake D]\n", "    fr:\n",
                          "      preferred: Jacques Doe\n", "&a ", "*a", "[", "]", "{", "}",
                          ":", "- ", "'", '"', "\n", "  ", "    ", "? ", "|\n", "---\n",
                          "...\n", "!!str ", "! ", "3: ", "#"])


@pytest.mark.slow
@settings(max_examples=400)
@given(pieces=st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40))
def test_any_text_is_read_as_composing_read_it(pieces):
    assert_streamed_as_composed("".join(pieces))
