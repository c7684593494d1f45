"""Readers turn a file's text into segments with offsets; they know formats, not rules.

Text formats are read from the file's decoded text (``READERS``); the word-processor formats
(Word ``.docx``, OpenDocument ``.odt``) are zip packages, read from the file's bytes
(``BINARY_READERS``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from ..document import Document
from ..errors import InputError
from . import plain

# A reader turns (path, text of the file) into a Document; it raises InputError when the file
# cannot be parsed.
Reader = Callable[[str, str], Document]
# A reader of a binary format turns (path, bytes of the file) into a Document.
BinaryReader = Callable[[str, bytes], Document]

# A reader, or the name of the module of this package whose ``read`` it is: that module is
# imported only when a file of its format is read (markdown-it-py, lxml and the PO parser cost
# 60-100 ms of every run's startup that checks plain text only).
READERS: dict[str, Reader | str] = {
    ".txt": plain.read,
    ".text": plain.read,
    # reStructuredText is read as plain text: its markup is light, but code blocks and
    # directives are checked as prose too (README, "File types").
    ".rst": plain.read,
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
}
# Formats read from the file's bytes: the name of the module whose ``read(path, data)`` it is.
BINARY_READERS: dict[str, str] = {
    ".docx": "docx",
    ".odt": "odt",
}


def _suffix(path: str) -> str:
    return PurePath(path).suffix.lower()


def reader_for(path: str) -> Reader:
    """The reader for a path, by its suffix; plain text for anything else (and for stdin). A
    binary format's path has no text reader: ``InputError``."""
    suffix = _suffix(path)
    if suffix in BINARY_READERS:
        raise InputError(path, f"is a {FORMAT_NAMES[suffix]}, read from its file's bytes, not "
                               "from text")
    reader = READERS.get(suffix, plain.read)
    if isinstance(reader, str):
        return importlib.import_module(f"{__name__}.{reader}").read
    return reader


def binary_reader_for(path: str) -> BinaryReader | None:
    """The reader of a format read from bytes (``.docx``, ``.odt``), or None for text."""
    module = BINARY_READERS.get(_suffix(path))
    if module is None:
        return None
    read: BinaryReader = importlib.import_module(f"{__name__}.{module}").read
    return read


def is_binary(path: str) -> bool:
    """True for a format read from the file's bytes rather than its text."""
    return _suffix(path) in BINARY_READERS


def is_draft(path: str) -> bool:
    """True for files a folder walk picks up: a format termcheck reads."""
    suffix = _suffix(path)
    return suffix in READERS or suffix in BINARY_READERS


# What each suffix is, as the README's file types table and the messages name it.
FORMAT_NAMES: dict[str, str] = {
    ".txt": "plain text", ".text": "plain text", ".rst": "reStructuredText (as plain text)",
    ".md": "Markdown", ".markdown": "Markdown", ".html": "HTML", ".htm": "HTML",
    ".xhtml": "XHTML", ".po": "gettext PO", ".pot": "gettext POT", ".xlf": "XLIFF",
    ".xliff": "XLIFF", ".tmx": "TMX translation memory", ".docx": "Word document",
    ".odt": "OpenDocument text",
}


def checked_suffixes() -> str:
    """The suffixes a folder walk picks up, for messages: ``.txt, .text, .rst, …``."""
    return ", ".join([*READERS, *BINARY_READERS])
