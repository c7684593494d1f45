"""Writing termbase files: entries rendered as schema-v1 YAML in the style of ``terms.yaml``, and
``termcheck terms add``, which adds or updates one entry of a file in place.

An edit keeps every byte of the file outside the entry it touches: ruamel.yaml (round-trip mode)
finds the entry and renders it, keeping the comments inside it, and the new text is spliced into
the original text, so comments, order, quoting and blank lines elsewhere stay exactly as they
were. The result is validated with the loader before anything is written, and it is written
atomically, but only if the file still holds the bytes that were read: an edit made meanwhile
(by a person or another command) is reported, never overwritten.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.tokens import CommentToken

from .atomic import (  # noqa: F401 (add_entry raises ConcurrentEditError)
    ConcurrentEditError,
    Snapshot,
    create_new,
    write_atomic,
)
from .entries import ID_RE, LANGUAGE_KEYS, Fixed, build_entries
from .errors import GlossaryError, Problem, TermbaseError
from .files import MAX_TERMBASE_SIZE, TERMBASE_ADVICE, UnreadableFile, read_regular_file
from .loader import parse_termbase
from .model import Entry
from .normalize import fold_diacritics
from .termbase import collect
from .validate import check_entries, duplicate_ids, relation_problems

# Keys of an entry in the order terms.yaml writes them; languages follow.
ENTRY_ORDER = ("id", "type", "case", "note", "ambiguous", "see_also")
NEW_ENTRY = "the new entry"
_COMMENT_OR_BLANK = regex.compile(r"^\s*(?:#.*)?$")
_NON_ID = regex.compile(r"[^a-z0-9]+")
_PYYAML = yaml.resolver.Resolver()


class EditError(GlossaryError):
    """An edit of a termbase file that cannot be made (the file is left untouched)."""




# --- rendering -----------------------------------------------------------------------------------
class _Representer(RoundTripRepresenter):
    """Quotes a string whenever PyYAML (which the loader uses, YAML 1.1) would read it as
    something else: ``No``, ``on``, ``1e3`` stay text."""


def _represent_str(representer: RoundTripRepresenter, value: str):
    tag = _PYYAML.resolve(yaml.ScalarNode, value, (True, False))
    style = "'" if tag != "tag:yaml.org,2002:str" else None
    return representer.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Representer.add_representer(str, _represent_str)


def yaml_engine(mapping: int = 2, sequence: int = 2, offset: int = 0) -> YAML:
    """A round-trip ruamel.yaml instance that writes like terms.yaml (block mappings, flow lists
    of forms, long lines never folded) and keeps quotes as they were written."""
    engine = YAML()
    engine.Representer = _Representer
    engine.preserve_quotes = True
    engine.width = 4096
    engine.indent(mapping=mapping, sequence=sequence, offset=offset)
    return engine


def entry_node(data: Mapping[str, Any]) -> CommentedMap:
    """Schema-v1 entry data (as ``glossary.serialize.entry_as_data`` gives it) as a ruamel
    mapping in the termbase's style: a bare string for a language with only a preferred form,
    else a block mapping whose lists are written inline."""
    node = CommentedMap()
    for key in ENTRY_ORDER:
        if key in data:
            node[key] = _flow(data[key]) if key == "see_also" else data[key]
    for key, value in data.items():
        if key in ENTRY_ORDER:
            continue
        node[key] = language_node(value)
    return node


def language_node(value: str | Mapping[str, Any]) -> str | CommentedMap:
    """The forms of one language as a bare string or a mapping with inline lists."""
    if isinstance(value, str):
        return value
    forms = CommentedMap()
    for key in LANGUAGE_KEYS:
        if key == "preferred":
            forms[key] = value[key]
        elif value.get(key):
            forms[key] = _flow(value[key])
    if len(forms) == 1:
        return forms["preferred"]
    return forms


def _flow(items: Iterable[str]) -> CommentedSeq:
    """A list written inline ([a, b]), as terms.yaml writes lists of forms and ids."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def termbase_text(entries: Iterable[Mapping[str, Any]], header: Sequence[str] = (),
                  comments: Mapping[str, Sequence[str]] | None = None,
                  eol_comments: Mapping[tuple[str, str], str] | None = None) -> str:
    """A whole schema-v1 termbase file holding ``entries``.

    ``header`` lines become comments at the top; ``comments[id]`` are comment lines written
    above the entry ``id``; ``eol_comments[(id, lang)]`` is a comment at the end of that
    language's line."""
    comments = comments or {}
    eol_comments = eol_comments or {}
    out = io.StringIO()
    for line in header:
        out.write(f"# {line}".rstrip() + "\n")
    out.write("version: 1\nentries:\n")
    engine = yaml_engine()
    for data in entries:
        for line in comments.get(data["id"], ()):
            out.write(f"# {line}".rstrip() + "\n")
        node = entry_node(data)
        for (entry_id, lang), comment in eol_comments.items():
            if entry_id == data["id"] and lang in node:
                if isinstance(node[lang], CommentedMap):
                    node[lang].yaml_add_eol_comment(comment, "preferred")
                else:
                    node.yaml_add_eol_comment(comment, lang)
        out.write(_dump(engine, CommentedSeq([node])))
    return out.getvalue()


def _dump(engine: YAML, value: Any) -> str:
    stream = io.StringIO()
    engine.dump(value, stream)
    return stream.getvalue()


def make_id(entry_type: str, text: str, taken: Iterable[str] = ()) -> str:
    """A kebab-case id for a new entry, unique among ``taken``: a person's family name first
    (``Nikita Khrushchev`` -> ``khrushchev-nikita``), other names as written."""
    words = [w for w in _NON_ID.split(fold_diacritics(text).lower()) if w]
    if entry_type == "person" and len(words) > 1:
        words = [words[-1], *words[:-1]]
    base = "-".join(words) or "entry"
    taken = set(taken)
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


# --- validation ----------------------------------------------------------------------------------
def entries_of(data: Iterable[Mapping[str, Any]], path: str) -> tuple[list[Entry], list[Problem]]:
    """The entries of schema-v1 entry data (as ``glossary.serialize.entry_as_data`` gives it),
    and their problems (``path`` names the data, with no line), built from the data as
    ``termbase_text`` would write it."""
    return build_entries([entry_node(item) for item in data], Fixed(path))


def check_entry(data: Mapping[str, Any]) -> list[Problem]:
    """Problems of one entry given as data (from flags or prompts), named as 'the new entry'
    rather than by a line of a file that does not exist yet."""
    entry_id = data.get("id")
    if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
        return [Problem(NEW_ENTRY, 0, f"id '{entry_id}' is not kebab-case (lower-case ASCII "
                                      f"letters and digits joined by single hyphens, e.g. "
                                      f"'patrushev-nikolai')", None)]
    entries, problems = entries_of([data], NEW_ENTRY)
    problems += check_entries(entries)
    return [Problem(NEW_ENTRY, 0, p.message, p.entry_id) for p in problems]


def check_text(text: str, path: str, context: Sequence[str | Path] = ()) -> list[Entry]:
    """The entries of a termbase file's would-be text; raises ``TermbaseError`` with every
    problem, checked together with the termbases of ``context`` (layered below it)."""
    entries, problems = parse_termbase(text, path)
    problems += duplicate_ids(entries)
    if context:
        below, context_problems, _ = collect(list(context))
        problems += context_problems
        layered = dict(below)
        layered.update((e.id, e) for e in entries)
        problems += [p for p in check_entries(layered.values()) + relation_problems(layered)
                     if p.path == path]
    else:
        problems += check_entries(entries)
    if problems:
        raise TermbaseError(problems)
    return entries


# --- editing a file ------------------------------------------------------------------------------
@dataclass(frozen=True)
class EditResult:
    """What an edit did: ``added`` or ``updated``, the entry id and its line in the file, and
    whether the file was created for it."""

    action: str
    entry_id: str
    line: int
    path: str
    created: bool = False


@dataclass(frozen=True)
class _Snapshot:
    data: bytes
    mtime_ns: int
    size: int


def _snapshot(path: Path) -> _Snapshot:
    try:
        stat = path.stat()
        data = read_regular_file(path, MAX_TERMBASE_SIZE, advice=TERMBASE_ADVICE)
    except FileNotFoundError:
        raise EditError(f"{path}: no such termbase file; leave out --update to create it with "
                        f"this entry") from None
    except UnreadableFile as exc:
        raise EditError(str(exc)) from None
    except OSError as exc:
        raise EditError(f"{path}: cannot be read ({exc.strerror})") from None
    return _Snapshot(data, stat.st_mtime_ns, stat.st_size)


def add_entry(path: str | Path, data: Mapping[str, Any], *, update: bool = False,
              context: Sequence[str | Path] = ()) -> EditResult:
    """Add the entry ``data`` to the termbase file ``path``, or with ``update`` change the entry
    with the same id: keys given in ``data`` replace the entry's, and for each language given
    the form lists given replace the entry's (the other lists of that language are kept).

    Everything else in the file is kept byte for byte. Raises ``TermbaseError`` (the new entry
    or the resulting file is not valid; ``context`` termbases are layered below the file for
    that check), ``EditError`` and ``ConcurrentEditError``; the file is then untouched.
    """
    problems = check_entry(data) if not update else []
    if problems:
        raise TermbaseError(problems)
    path = Path(path)
    shown = str(path)
    if not update and not os.path.lexists(path):
        return _add_to_new(path, data, context)
    before = _snapshot(path)
    try:
        text = before.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EditError(f"{shown}: is not valid UTF-8; save it as UTF-8 first") from None
    check_text(text, shown)  # a file that is already broken is not edited
    bom = "\ufeff" if before.data.startswith(b"\xef\xbb\xbf") else ""
    new_text, result = _edited(text, shown, data, update)
    entries = check_text(new_text, shown, context)
    line = next((e.origin.line for e in entries if e.id == data["id"] and e.origin), 0)
    _write_if_unchanged(path, before, (bom + new_text).encode("utf-8"))
    return EditResult(result, data["id"], line, shown)


def new_termbase(name: str) -> str:
    """What ``terms add`` writes into a termbase file ``name`` that does not exist yet, before
    the entry: a valid, empty schema-v1 termbase that says how to use it (a name that cannot
    stand in a one-line comment is left out of it)."""
    shown = name if name.isprintable() else "FILE"
    return ("# A termcheck termbase (schema version 1), started by 'termcheck terms add'.\n"
            f"# Layer it over the embedded one: --terms default --terms {shown}\n"
            "version: 1\n"
            "entries:\n")


def _add_to_new(path: Path, data: Mapping[str, Any], context: Sequence[str | Path]) -> EditResult:
    """``add_entry`` on a file that does not exist: a new termbase (``new_termbase``) holding
    the entry, created only if the name is still free when it is written."""
    shown = str(path)
    if not path.parent.is_dir():
        raise EditError(f"{shown}: no such folder '{path.parent}'; create it first, or name a "
                        f"termbase file in an existing folder")
    new_text, result = _edited(new_termbase(shown), shown, data, False)
    entries = check_text(new_text, shown, context)
    line = next((e.origin.line for e in entries if e.id == data["id"] and e.origin), 0)
    try:
        create_new(path, new_text.encode("utf-8"))  # ConcurrentEditError: created meanwhile
    except OSError as exc:
        raise EditError(f"{shown}: cannot be created ({exc.strerror or exc}); check that its "
                        f"folder is writable") from None
    return EditResult(result, data["id"], line, shown, created=True)


def _edited(text: str, path: str, data: Mapping[str, Any], update: bool) -> tuple[str, str]:
    """The file's new text and what was done (``added`` or ``updated``)."""
    try:
        document = yaml_engine().load(text)
    except RuamelError as exc:
        raise EditError(f"{path}: cannot be edited: {exc}") from None
    entries = document.get("entries") if isinstance(document, CommentedMap) else None
    lines = text.splitlines(keepends=True)
    if entries is None and isinstance(document, CommentedMap) and "entries" in document:
        entries = CommentedSeq()  # 'entries:' with nothing under it yet
    if entries is None or not isinstance(entries, CommentedSeq):
        raise EditError(f"{path}: has no block list of entries to add to ('entries:' with one "
                        f"'- id: …' per entry)")
    if entries and entries.fa.flow_style():
        raise EditError(f"{path}: 'entries' is written inline ([…]); termcheck edits only a "
                        f"block list (one '- id: …' per entry)")
    position = next((i for i, item in enumerate(entries)
                     if isinstance(item, CommentedMap) and item.get("id") == data["id"]), None)
    if position is not None and not update:
        line = entries.lc.item(position)[0] + 1
        raise EditError(f"{path}:{line}: entry '{data['id']}' already exists; pass --update "
                        f"to change it")
    if position is None and update:
        raise EditError(f"{path}: no entry '{data['id']}' to update; leave out --update to "
                        f"add it")
    if entries:
        dash_column = _dash_column(lines, entries)
        mapping_indent = max(entries.lc.item(0)[1] - dash_column, 2)
    else:
        dash_column, mapping_indent = 0, 2
    engine = yaml_engine(mapping=mapping_indent, sequence=mapping_indent,
                         offset=mapping_indent - 2)
    if position is None:
        node = entry_node(data)
        rendered = _indented(_dump(engine, CommentedSeq([node])), dash_column)
        insert_at = (_content_end(lines, entries.lc.item(len(entries) - 1)[0], dash_column)
                     if entries else _after_key(lines, document, "entries"))
        new_lines = lines[:insert_at]
        if new_lines and not new_lines[-1].endswith("\n"):
            new_lines[-1] += "\n"
        return "".join([*new_lines, rendered, *lines[insert_at:]]), "added"
    node = entries[position]
    _merge(node, data)
    _shift_comments(node, -dash_column)  # it is rendered at column 0, then indented
    start = entries.lc.item(position)[0]
    end = (entries.lc.item(position + 1)[0] if position + 1 < len(entries)
           else len(lines))
    end = _content_end(lines, start, dash_column, limit=end)
    rendered = _strip_trailing_comments(
        _indented(_dump(engine, CommentedSeq([node])), dash_column), dash_column)
    return "".join([*lines[:start], rendered, *lines[end:]]), "updated"


def _merge(node: CommentedMap, data: Mapping[str, Any]) -> None:
    """Update a round-trip entry mapping with the keys of ``data`` (see ``add_entry``)."""
    for key, value in data.items():
        if key == "id":
            continue
        if key in ENTRY_ORDER:
            if key == "see_also" and not value:
                node.pop(key, None)
            else:
                _put(node, key, _flow(value) if key == "see_also" else value, ENTRY_ORDER)
            continue
        current = node.get(key)
        if isinstance(value, str) and isinstance(current, CommentedMap):
            current["preferred"] = value
            continue
        if current is None and not isinstance(value, str) and "preferred" not in value:
            raise EditError(f"entry '{data['id']}' has no '{key}' forms yet; give its preferred "
                            f"form too (--preferred {key}=…)")
        if isinstance(value, str) or current is None:
            node[key] = language_node(value)
            continue
        if isinstance(current, str):
            current = CommentedMap([("preferred", current)])
            node[key] = current
        for form_key in LANGUAGE_KEYS:
            if form_key not in value:
                continue
            if form_key == "preferred":
                current["preferred"] = value["preferred"]
            elif value[form_key]:
                _put(current, form_key, _flow(value[form_key]), LANGUAGE_KEYS)
            else:
                current.pop(form_key, None)
        if list(current) == ["preferred"]:
            node[key] = current["preferred"]


def _comment_tokens(value: Any) -> Iterable[Any]:
    if isinstance(value, CommentToken):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _comment_tokens(item)


def _shift_comments(node: Any, by: int) -> None:
    """Move the comments of a round-trip node (and of the nodes inside it) ``by`` columns."""
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return
    comment = node.ca
    tokens = [*_comment_tokens(list(comment.items.values())),
              *_comment_tokens(comment.comment or []), *_comment_tokens(comment.end or [])]
    seen: set[int] = set()
    for token in tokens:
        mark = getattr(token, "start_mark", None)
        if mark is not None and id(mark) not in seen:
            seen.add(id(mark))
            mark.column = max(mark.column + by, 0)
    for child in (node.values() if isinstance(node, CommentedMap) else node):
        _shift_comments(child, by)


def _put(node: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``key``, a new key going where ``order`` puts it among the keys already there."""
    if key in node or key not in order:
        node[key] = value
        return
    rank = order.index(key)
    position = sum(1 for k in node if k in order and order.index(k) < rank)
    node.insert(position, key, value)


def _dash_column(lines: list[str], entries: CommentedSeq) -> int:
    """The column of the ``-`` that opens each entry."""
    line, column = entries.lc.item(0)
    text = lines[line]
    dash = text.rfind("-", 0, column)
    return dash if dash >= 0 else max(column - 2, 0)


def _indented(text: str, column: int) -> str:
    if column == 0:
        return text
    pad = " " * column
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _content_end(lines: list[str], start: int, dash_column: int,
                 limit: int | None = None) -> int:
    """The index of the line after the last line of the entry starting at ``start``: comment
    and blank lines after it that are not indented into it belong to what follows."""
    limit = len(lines) if limit is None else limit
    end = start + 1
    for index in range(start + 1, limit):
        line = lines[index]
        indent = len(line) - len(line.lstrip(" "))
        if _COMMENT_OR_BLANK.match(line):
            if line.strip() and indent > dash_column:
                end = index + 1
            continue
        if indent <= dash_column:
            break
        end = index + 1
    return end


def _strip_trailing_comments(text: str, dash_column: int) -> str:
    """A rendered entry without the comment lines ruamel carried over from after it (they stay
    in the file where they were)."""
    lines = text.splitlines(keepends=True)
    return "".join(lines[:_content_end(lines, 0, dash_column)])


def _after_key(lines: list[str], document: CommentedMap, key: str) -> int:
    """The line after a top-level ``key:`` whose value is empty."""
    line = document.lc.key(key)[0]
    if not regex.match(rf"^{regex.escape(key)}\s*:\s*(?:#.*)?$", lines[line].rstrip("\r\n")):
        raise EditError(f"line {line + 1}: '{key}:' must be followed by its list on the next "
                        f"lines to be edited")
    return line + 1


def _write_if_unchanged(path: Path, before: _Snapshot, data: bytes) -> None:
    """Write the new text unless the file changed since it was read (``ConcurrentEditError``);
    a file that cannot be written (read-only, a device, a full disk) is an ``EditError``."""
    try:
        write_atomic(path, data, expected=Snapshot.of(before.data, before.mtime_ns))
    except OSError as exc:
        raise EditError(f"{path}: cannot be written ({exc.strerror or exc}); it was left as it "
                        f"was: check that it and its folder are writable") from None
