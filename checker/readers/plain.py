"""Plain text: every paragraph (text between blank lines) is one prose segment."""

from __future__ import annotations

import regex

from ..document import Document, Segment

# A line break, then blank lines: LF or a lone CR ends a line (document.LINE_BREAK); the CR of
# a CR LF stays with the paragraph before, as it always has.
_PARAGRAPH_BREAK = regex.compile(r"(?:\n|\r(?!\n))(?:[ \t\r]*(?:\n|\r(?!\n)))+")


def segments(text: str) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[start:match.start()].strip():
            segments.append(Segment(start, match.start()))
        start = match.end()
    if text[start:].strip():
        segments.append(Segment(start, len(text)))
    return segments


def read(path: str, text: str) -> Document:
    return Document(path, text, segments(text))
