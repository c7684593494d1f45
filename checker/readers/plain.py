"""Plain text: every paragraph (text between blank lines) is one prose segment."""

from __future__ import annotations

import regex

from ..document import Document, Segment

# A line break, then blank lines: LF or a lone CR ends a line (document.LINE_BREAK); the CR of
# a CR LF stays with the paragraph before, as it always has.
_PARAGRAPH_BREAK = regex.compile(r"(?:\n|\r(?!\n))(?:[ \t\r]*(?:\n|\r(?!\n)))+")


# Addresses are no prose: a web or e-mail address or a social-media handle names no one,
# whatever words its path holds (https://example.org/sergei-lavrov-moscow would be a name in
# lower case). Cut out of every paragraph, as the Markdown reader cuts them out of its prose.
WEB_ADDRESS = (r"\b(?:https?|ftp)://[^\s<>()]*[^\s<>().,;:!?'\"]"
               r"|\bwww\.[^\s<>()]*[^\s<>().,;:!?'\"]")
_AT_ADDRESS = (r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\w+"  # e-mail address
               r"|(?<![\w@])@\w+")  # handle
_ADDRESS = regex.compile(WEB_ADDRESS + "|" + _AT_ADDRESS)
# What every address holds: a paragraph with none of these (nearly all) is not searched.
_ADDRESS_MARKS = ("@", "://", "www.")


def segments(text: str) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start:match.start()].strip():
            segments.extend(without_addresses(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        segments.extend(without_addresses(text, start, len(text)))
    return segments


def without_addresses(text: str, start: int, end: int) -> list[Segment]:
    """``text[start:end]`` as segments, the addresses in it cut out."""
    if not any(text.find(mark, start, end) >= 0 for mark in _ADDRESS_MARKS):
        return [Segment(start, end)]
    found = []
    for match in _ADDRESS.finditer(text, start, end):
        if text[start:match.start()].strip():
            found.append(Segment(start, match.start()))
        start = match.end()
    if text[start:end].strip():
        found.append(Segment(start, end))
    return found


def read(path: str, text: str) -> Document:
    return Document(path, text, segments(text))
