"""File names as reports can carry them.

A POSIX file name is bytes, not text: ``bad\\xffname.md`` is a valid name that is not UTF-8.
Python hands such a name over as a string holding lone surrogates (U+DC80–U+DCFF, PEP 383), which
no UTF-8 output can encode: the SARIF and HTML reports crashed on them, and JSON carried the raw
byte. Each report turns the name into valid text its own way:

- ``shown_path`` (``valid_text`` for any text): for people and for formats whose path is text
  (text, JSON, GitHub, JUnit, HTML): each byte that is not UTF-8 is written ``\\xNN``, as
  Python and ``ls -b`` show it. Valid names are unchanged, so reports and fingerprints of
  ordinary files stay as they were. (A name holding a literal backslash followed by ``xff``
  shows the same: the escape is for reading, the SARIF URI is exact.)
- ``path_bytes``: the name's exact bytes, for a URI (SARIF percent-encodes them, RFC 3986).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

# Lone surrogates: U+DC80–U+DCFF stand for one undecodable byte each (surrogateescape); any
# other surrogate cannot come from a file name but can come from an API caller.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def valid_text(text: str) -> str:
    """``text`` as valid Unicode: each lone surrogate (a byte of a file name that is not UTF-8)
    as ``\\xNN``, any other as ``\\uNNNN``. Text without surrogates is returned as it is."""
    return _SURROGATE.sub(_escape, text)


@lru_cache(maxsize=4096)  # a report names few files, each once per finding
def shown_path(path: str) -> str:
    """``path`` as valid Unicode: each byte of the name that is not UTF-8 as ``\\xNN``."""
    return valid_text(path)


def path_bytes(path: str) -> bytes:
    """The bytes of the file name ``path`` stands for (as the operating system has them)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate no file name holds: its escape, in UTF-8
        return shown_path(path).encode("utf-8")
