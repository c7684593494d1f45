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
ADDRESS = (
    r"\b(?:https?|ftp)://[^\s<>()]*[^\s<>().,;:!?'\"]"  # web address
    r"|\bwww\.[^\s<>()]*[^\s<>().,;:!?'\"]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\w+"  # e-mail address
    r"|(?<![\w@])@\w+"  # handle
)
_ADDRESS = regex.compile(ADDRESS)


def segments(text: str) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add(text, start, match.start(), segments)
        start = match.end()
    _add(text, start, len(text), segments)
    return segments


def _add(text: str, start: int, end: int, segments: list[Segment]) -> None:
    """The paragraph ``text[start:end]``, its addresses cut out, as segments."""
    for match in _ADDRESS.finditer(text, start, end):
        if text[start:match.start()].strip():
            segments.append(Segment(start, match.start()))
        start = match.end()
    if text[start:end].strip():
        segments.append(Segment(start, end))


def read(path: str, text: str) -> Document:
    return Document(path, text, segments(text))
