"""Finding the drafts to check and reading them as text (encoding, BOM, line endings kept)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .readers import is_draft

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """A draft as read: its text and how to write it back (encoding, BOM)."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False


def decode(data: bytes, path: str) -> Source:
    """Text of a file's bytes: UTF-8 (with or without BOM) or UTF-16 with BOM."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, bom, body = "utf-8", True, data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, bom, body = "utf-16", True, data
    else:
        encoding, bom, body = "utf-8", False, data
    if encoding == "utf-8" and b"\x00" in body[:8192]:
        raise InputError(path, "looks like a binary file, not text; skipped")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"is not valid {encoding.upper()} (byte {exc.start}); save it as "
                               f"UTF-8") from None
    return Source(path, text, encoding, bom)


def read_source(path: str) -> Source:
    """Read a draft (``-`` is standard input). Raises ``InputError`` with a clear message."""
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    return decode(data, path)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named on the command line, and the drafts found in the folders named there (in
    sorted order, hidden files and folders skipped). Files named explicitly are always kept."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and is_draft(name):
                yield os.path.join(root, name)
