"""Reads termbase files (schema version 1) into entries, keeping the line of everything it reads.

The YAML is read as a stream of parser events (``glossary.yamlsafe``: PyYAML's C parser when it
is safe), never composed whole: each entry of ``entries:`` is turned into plain data and a
locator of the lines of its values, built by ``glossary.entries`` and let go before the next
one is read, so that reading 100,000 entries holds the entries, not a node tree of the file
(which took 1.1 GB). Every problem still names its file, line and entry.

What the stream cannot read on its own (an alias, an anchor given twice, a second document)
is refused as ``glossary.yamlsafe.compose`` refuses it, with the same problems: such a file
is composed whole for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from sys import intern
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from .bulk import gc_paused
from .entries import EntryBuilder, RejectedKey, Scalar, kind_of
from .errors import Problem, TermbaseNotFound, TermbaseWarning
from .files import MAX_TERMBASE_SIZE, TERMBASE_ADVICE, UnreadableFile, read_regular_file
from .model import Entry
from .yamlsafe import compose, empty, event_loader, too_deep, yaml_problem

_STR_TAG = "tag:yaml.org,2002:str"
_LOW = (1 << 32) - 1
_ENTRIES = "entries"


def _line(event: Event) -> int:
    """The line an event starts on (every event the parser gives has its place)."""
    mark = event.start_mark
    return mark.line + 1 if mark is not None else 0


class _Composed(Exception):
    """Raised on an event the stream leaves to ``compose`` (an alias, an anchor given twice, a
    second document): the file is composed whole for its problems."""


class _Lines:
    """The locator of plain data read from events: each mapping's and list's lines, kept by
    the container's identity (the data is alive while it is built into entries)."""

    def __init__(self, path: str, root_line: int):
        self.path = path
        self.root_line = root_line
        # By the identity of each mapping (key -> its line << 32 | its value's line) and list
        # (the line of each item).
        self.lines: dict[int, Any] = {}
        self.bad: dict[int, list[RejectedKey]] = {}

    def clear(self) -> None:
        self.lines.clear()
        self.bad.clear()

    def line(self, parent: Any, key: Any) -> int:
        if parent is None:
            return self.root_line
        line = self.lines[id(parent)][key]
        return int(line if isinstance(parent, list) else line & _LOW)

    def item_lines(self, items: Any) -> list[int]:
        return self.lines[id(items)]  # type: ignore[no-any-return]

    def key_line(self, parent: Any, key: Any) -> int:
        return int(self.lines[id(parent)][key] >> 32)

    def rejected(self, mapping: Any) -> list[RejectedKey]:
        return self.bad.get(id(mapping), [])


class _EventReader:
    """Plain data (text, ``Scalar``s, dicts, lists) from the events of one YAML text, with the
    lines of its values in a ``_Lines``."""

    def __init__(self, text: str, path: str):
        self.path = path
        self._loader = event_loader(text)
        self._resolve = self._loader.resolve
        self._anchors: set[str] = set()
        self._dropped = _Lines(path, 0)  # the lines of values read only to be let go

    def close(self) -> None:
        self._loader.dispose()

    def next(self) -> Event:
        event: Event = self._loader.get_event()
        return event

    def scalar(self, event: ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self._resolve(ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            return event.value
        return Scalar(tag.rsplit(":", 1)[-1], event.value)

    def value(self, event: Event, lines: _Lines) -> Any:
        """The plain data of the node that ``event`` starts (its events read up to its end)."""
        kind = event.__class__
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            if anchor in self._anchors:
                raise _Composed  # an anchor given twice
            self._anchors.add(anchor)
        if kind is ScalarEvent:
            return self.scalar(event)  # type: ignore[arg-type]
        if kind is MappingStartEvent:
            return self.mapping(lines)
        if kind is SequenceStartEvent:
            items: list[Any] = []
            item_lines: list[int] = []
            while True:
                item = self.next()
                if item.__class__ is SequenceEndEvent:
                    break
                item_lines.append(_line(item))
                items.append(self.value(item, lines))
            lines.lines[id(items)] = item_lines
            return items
        raise _Composed  # an alias: a node reached twice

    def mapping(self, lines: _Lines,
                stream: Callable[[Event], list[Any]] | None = None) -> dict[str, Any]:
        """The mapping whose start event was just read; ``stream``, when given, reads the
        value of its first ``entries`` key when that value is a list."""
        data: dict[str, Any] = {}
        keys: dict[str, int] = {}  # key -> its line << 32 | its value's line
        while True:
            event = self.next()
            if event.__class__ is MappingEndEvent:
                break
            key_line = _line(event)
            key = self.value(event, lines)
            event = self.next()
            if key.__class__ is not str:
                lines.bad.setdefault(id(data), []).append(
                    RejectedKey(key_line, None, kind_of(key)))
                self.value(event, self._dropped)
                continue
            key = intern(key)  # a handful of keys, met in every entry (en, fr kept in each)
            if key in keys:
                lines.bad.setdefault(id(data), []).append(
                    RejectedKey(key_line, key, first_line=keys[key] >> 32))
                self.value(event, self._dropped)
                continue
            keys[key] = key_line << 32 | _line(event)
            if stream is not None and key == _ENTRIES and \
                    event.__class__ is SequenceStartEvent:
                data[key] = stream(event)
            else:
                data[key] = self.value(event, lines)
        lines.lines[id(data)] = keys
        return data

    def end(self) -> None:
        """Read the end of the document and of the stream (a second document: ``_Composed``)."""
        event = self.next()
        if event.__class__ is DocumentEndEvent:
            event = self.next()
        if event.__class__ is not StreamEndEvent:
            raise _Composed


class _FileReader:
    """Reads a whole termbase text: the entries of ``entries:`` one at a time, built as they
    are read, then the top level (version, keys)."""

    def __init__(self, text: str, path: str):
        self.text = text
        self.path = path
        self.reader = _EventReader(text, path)

    def read(self) -> tuple[list[Entry], list[Problem], list[TermbaseWarning]]:
        reader = self.reader
        reader.next()  # the stream's start
        event = reader.next()
        if event.__class__ is StreamEndEvent:
            return [], [empty(self.path)], []
        event = reader.next()  # (after the document's start) the root's
        top = _Lines(self.path, _line(event))
        if event.__class__ is not MappingStartEvent or getattr(event, "anchor", None):
            root = reader.value(event, top)
            reader.end()
            builder = EntryBuilder(top)
            builder.build_file(root)
            return builder.entries, builder.problems, builder.warnings
        lines = _Lines(self.path, top.root_line)
        self.builder = builder = EntryBuilder(lines)
        self.lines = lines
        root = reader.mapping(top, stream=self.entries)
        reader.end()
        head = EntryBuilder(top)
        head.build_top(root)  # the entries' list stands empty: they are built
        return builder.entries, head.problems + builder.problems, builder.warnings

    def entries(self, start: Event) -> list[Any]:
        """Build the entries of the list that ``start`` opens, one at a time; an empty list
        stands for them in the top level."""
        reader, builder, lines = self.reader, self.builder, self.lines
        holder: list[Any] = [None]  # the list that holds each entry while it is built
        while True:
            event = reader.next()
            if event.__class__ is SequenceEndEvent:
                break
            lines.lines[id(holder)] = [_line(event)]
            holder[0] = reader.value(event, lines)
            entry = builder.build_entry(holder, 0)
            if entry is not None:
                builder.entries.append(entry)
            holder[0] = None
            lines.clear()
        return []


def parse_termbase(text: str, path: str, warnings: list[TermbaseWarning] | None = None
                   ) -> tuple[list[Entry], list[Problem]]:
    """Entries and structural problems of one termbase file's text (``path`` names it); the
    warnings about what was loaded anyway are added to ``warnings``."""
    with gc_paused():
        file = _FileReader(text, path)
        try:
            read = file.read()
        except _Composed:
            read = None
        except RecursionError:  # nested deeper than Python recurses
            return [], [too_deep(path)]
        except yaml.YAMLError as exc:
            return [], [yaml_problem(exc, text, path)]
        finally:
            file.reader.close()
        if read is None:  # refused as compose refuses it, once what was read is let go
            del file
            problems = compose(text, path)[1]
            return [], problems or [Problem(path, 1, "the YAML could not be read")]
    entries, problems, found = read
    if warnings is not None:
        warnings += found
    return entries, problems


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
