"""Reads termbase files (schema version 1) into entries, keeping the line of everything it reads.

YAML is composed into nodes (``glossary.yamlsafe``: PyYAML's C parser when it is safe, every
defence against hostile files) rather than loaded into Python values, so every problem can
name its line: the node tree is turned into plain data and a locator of the lines of its
values, from which ``glossary.entries`` builds the entries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from .bulk import gc_paused
from .entries import EntryBuilder, RejectedKey, Scalar, kind_of
from .errors import Problem, TermbaseNotFound, TermbaseWarning
from .files import MAX_TERMBASE_SIZE, TERMBASE_ADVICE, UnreadableFile, read_regular_file
from .model import Entry
from .yamlsafe import MAX_NESTING, compose

_STR_TAG = "tag:yaml.org,2002:str"
_LOW = (1 << 32) - 1


def _node_kind(node: Node) -> str:
    """What a node is, as ``kind_of`` says it of its value."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, ScalarNode):
        return kind_of(Scalar(node.tag.rsplit(":", 1)[-1], node.value))
    return "a list"


class _NodeLines:
    """The plain data of a YAML node tree, and the locator of its lines: each mapping's and
    list's lines are kept by the container's identity (the data is alive while it is read)."""

    def __init__(self, path: str, root: Node):
        self.path = path
        self.root_line = root.start_mark.line + 1
        # By the identity of each mapping and list: its lines (see ``plain``).
        self.lines: dict[int, Any] = {}
        self.bad: dict[int, list[RejectedKey]] = {}
        self.data = self.plain(root)

    def plain(self, node: Node) -> Any:
        """The value of ``node``: text, a ``Scalar``, a dict or a list. (Text, most values,
        is taken inline rather than by a call: this walks every node of 100,000 entries.)"""
        kind = node.__class__
        if kind is ScalarNode:
            if node.tag == _STR_TAG:
                return node.value
            return Scalar(node.tag.rsplit(":", 1)[-1], node.value)
        if kind is MappingNode:
            data: dict[str, Any] = {}
            lines: dict[str, int] = {}  # key -> its line << 32 | its value's line
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if key_node.__class__ is not ScalarNode or key_node.tag != _STR_TAG:
                    self.bad.setdefault(id(data), []).append(
                        RejectedKey(key_line, None, _node_kind(key_node)))
                    continue
                key = key_node.value
                if key in lines:
                    self.bad.setdefault(id(data), []).append(
                        RejectedKey(key_line, key, first_line=lines[key] >> 32))
                    continue
                lines[key] = key_line << 32 | (value_node.start_mark.line + 1)
                data[key] = (value_node.value if value_node.__class__ is ScalarNode
                             and value_node.tag == _STR_TAG else self.plain(value_node))
            self.lines[id(data)] = lines
            return data
        nodes = node.value
        items: list[Any] = []
        item_lines: list[int] = []
        for index, item in enumerate(nodes):
            # Each node let go once read (the tree is ours alone): the nodes of 100,000
            # entries and their data are not held in memory together.
            nodes[index] = None
            item_lines.append(item.start_mark.line + 1)
            items.append(item.value if item.__class__ is ScalarNode and item.tag == _STR_TAG
                         else self.plain(item))
        self.lines[id(items)] = item_lines
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


def parse_termbase(text: str, path: str, warnings: list[TermbaseWarning] | None = None
                   ) -> tuple[list[Entry], list[Problem]]:
    """Entries and structural problems of one termbase file's text (``path`` names it); the
    warnings about what was loaded anyway are added to ``warnings``."""
    with gc_paused():
        root, problems = compose(text, path)
        if root is None:
            return [], problems
        try:
            lines = _NodeLines(path, root)
        except RecursionError:  # composed by the pure-Python loader, deeper than we recurse
            return [], [Problem(path, 1, f"the YAML nests collections more than {MAX_NESTING} "
                                         f"levels deep (a termbase needs 4); is this a termbase "
                                         f"file?")]
        del root  # the nodes are no longer needed: the data holds what is read
        builder = EntryBuilder(lines)
        builder.build_file(lines.data)
    if warnings is not None:
        warnings += builder.warnings
    return builder.entries, builder.problems


def read_termbase_file(path: str | Path, warnings: list[TermbaseWarning] | None = None
                       ) -> tuple[list[Entry], list[Problem]]:
    """Entries and structural problems of one termbase file (warnings added to ``warnings``).
    Raises ``TermbaseNotFound``."""
    shown = str(path)
    try:
        # A regular file of a bounded size: a FIFO would hang the read, /dev/zero never end.
        data = read_regular_file(path, MAX_TERMBASE_SIZE, advice=TERMBASE_ADVICE)
    except FileNotFoundError:
        raise TermbaseNotFound(shown) from None
    except IsADirectoryError:
        return [], [Problem(shown, 0, "is a folder, not a termbase file")]
    except UnreadableFile as exc:
        return [], [Problem(shown, 0, exc.reason)]
    except OSError as exc:
        return [], [Problem(shown, 0, f"cannot be read: {exc.strerror}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(shown, line, f"is not valid UTF-8 (byte {exc.start}); save the file "
                                         f"as UTF-8")]
    return parse_termbase(text, shown, warnings)
