"""Readers turn a file's text into segments with offsets; they know formats, not rules."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from ..document import Document
from . import plain

# A reader turns (path, text of the file) into a Document; it raises InputError when the file
# cannot be parsed.
Reader = Callable[[str, str], Document]

# A reader, or the name of the module of this package whose ``read`` it is: that module is
# imported only when a file of its format is read (markdown-it-py, lxml and the PO parser cost
# 60-100 ms of every run's startup that checks plain text only).
READERS: dict[str, Reader | str] = {
    ".txt": plain.read,
    ".text": plain.read,
    ".md": "markdown",
    ".markdown": "markdown",
    ".po": "po",
    ".pot": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
}


def reader_for(path: str) -> Reader:
    """The reader for a path, by its suffix; plain text for anything else (and for stdin)."""
    reader = READERS.get(PurePath(path).suffix.lower(), plain.read)
    if isinstance(reader, str):
        return importlib.import_module(f"{__name__}.{reader}").read
    return reader


def is_draft(path: str) -> bool:
    """True for files a folder walk picks up."""
    return PurePath(path).suffix.lower() in READERS
