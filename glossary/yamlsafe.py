"""The defences of YAML reading: a termbase file is parsed (``event_loader``) or composed into
a node tree (``compose``) only in a way a hostile file cannot turn against the process, and
refused, with problems naming their lines, when it nests too deep, shares nodes through
aliases or is not YAML.

Nothing here knows the termbase schema: ``glossary.loader`` turns the parser's events into
plain data, an entry at a time, and ``glossary.entries`` builds the entries; a file the events
alone cannot tell (aliases, a second document) is composed here for its problems.
"""

from __future__ import annotations

from typing import Any

import regex
import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from .errors import Problem

try:  # the C parser is several times faster on large termbases
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# libyaml's composer recurses in C once per level of nesting: a hostile file of some 50,000
# nested brackets overflows the C stack and kills the process. A file that may nest deeper than
# this (a cheap, generous estimate: see _nesting) is composed by PyYAML's pure-Python loader,
# which stops at Python's recursion limit with a RecursionError, reported as a problem.
MAX_NESTING = 64
_BRACKET = regex.compile(r"[\[\]{}]")
_BLOCK_INDENT = regex.compile(r"^[ \t]*(?:[-?:][ \t]+)*", regex.MULTILINE)
_ID_LINE_RE = regex.compile(r"^\s*(?:-\s+)?id:\s*['\"]?([^'\"#\s]+)")
_ALIASES = "anchors and aliases (& and *) are not allowed in a termbase; write the value out"
MAX_ALIAS_PROBLEMS = 10


def _nesting(text: str) -> int:
    """An upper bound, roughly, of how deep the collections of a YAML text nest: the deepest
    block indentation (with compact "- - -" items) plus the deepest bracket nesting."""
    block = max((len(m.group()) for m in _BLOCK_INDENT.finditer(text)), default=0)
    depth = flow = 0
    # Brackets inside strings and comments count too: an estimate that a hostile file cannot
    # lower by hiding brackets behind quotes.
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        flow = max(flow, depth)
    return block + flow


def _shares_nodes(root: Node) -> bool:
    """True when a node is reached twice (an alias): walked once per node, without recursion,
    so an alias bomb costs the size of its file, not of its expansion."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, SequenceNode):
            stack += node.value
    return False


def _loader_for(text: str) -> type:
    return _Loader if _nesting(text) <= MAX_NESTING else yaml.SafeLoader


def entry_id_above(text: str, line: int) -> str | None:
    """The id of the entry a line belongs to, read from the raw text (for syntax errors,
    where there is no tree to ask)."""
    for raw in reversed(text.splitlines()[:line]):
        match = _ID_LINE_RE.match(raw)
        if match:
            return match.group(1)
    return None


def too_deep(path: str) -> Problem:
    """The problem of a file whose collections nest deeper than Python recurses."""
    return Problem(path, 1, f"the YAML nests collections more than {MAX_NESTING} levels deep "
                            f"(a termbase needs 4); is this a termbase file?")


def empty(path: str) -> Problem:
    """The problem of a file that holds no YAML document."""
    return Problem(path, 1, "the termbase is empty; it needs 'version: 1' and 'entries:'")


def yaml_problem(exc: yaml.YAMLError, text: str, path: str) -> Problem:
    """The problem of the YAML error ``exc`` raised reading ``text`` (the file ``path``): its
    line, and the entry it is in when one can be told."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return Problem(path, line, f"YAML syntax error: {what}", entry_id_above(text, line))
    return Problem(path, 1, f"YAML error: {exc}")


def event_loader(text: str) -> Any:
    """A loader of ``text`` to read its events from (``get_event``) and resolve the tags of
    its plain scalars (``resolve``): PyYAML's C parser, or its pure-Python one for a file that
    may nest deeper than ``MAX_NESTING`` (its errors are those ``compose`` reports)."""
    return _loader_for(text)(text)


def compose(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """The node tree of the YAML ``text`` (of the file ``path``), or None with the problems
    that refuse it: too deep, not YAML, empty, or sharing nodes through aliases."""
    try:
        root = yaml.compose(text, Loader=_loader_for(text))
    except RecursionError:
        return None, [too_deep(path)]
    except yaml.YAMLError as exc:
        return None, [yaml_problem(exc, text, path)]
    if root is None:
        return None, [empty(path)]
    # Aliases, wherever they are: refused before anything is read. (Without a '*' the text
    # holds none: 100,000 entries are not walked for nothing.)
    if "*" in text and _shares_nodes(root):
        lines = sorted({event.start_mark.line + 1 for event in yaml.parse(text, Loader=_Loader)
                        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None})
        problems = [Problem(path, line, _ALIASES, entry_id_above(text, line))
                    for line in lines[:MAX_ALIAS_PROBLEMS]]
        if len(lines) > MAX_ALIAS_PROBLEMS:
            problems.append(Problem(path, lines[MAX_ALIAS_PROBLEMS],
                                    f"and {len(lines) - MAX_ALIAS_PROBLEMS} more aliases", None))
        return None, problems
    return root, []
