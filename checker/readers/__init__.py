"""Readers turn a file's text into segments with offsets; they know formats, not rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from ..document import Document
from . import markdown, plain, po, xliff

# A reader turns (path, text of the file) into a Document; it raises InputError when the file
# cannot be parsed.
Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {
    ".txt": plain.read,
    ".text": plain.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".po": po.read,
    ".pot": po.read,
    ".xlf": xliff.read,
    ".xliff": xliff.read,
}


def reader_for(path: str) -> Reader:
    """The reader for a path, by its suffix; plain text for anything else (and for stdin)."""
    return READERS.get(PurePath(path).suffix.lower(), plain.read)


def is_draft(path: str) -> bool:
    """True for files a folder walk picks up."""
    return PurePath(path).suffix.lower() in READERS
