"""Aligned plain text: a source file and its translation, the i-th non-blank line of one being
the translation of the i-th non-blank line of the other (blank lines are not counted).

The Document is the target file's: ``raw`` is its text and ``text`` is the target text, a
blank line, then the source text. Each non-blank target line is a target segment and the
matching source line a source segment, both with ``unit`` = the target line's number; a
segment is its line without the whitespace at its ends (in a plain-text file that is layout,
not part of the translation: the whitespace rule has nothing to compare there). ``info``
holds ``("line", target line)`` and, on sources, ``("source-line", source line)``. Offsets
of the target part are the file's own; the whole source line k (and its line break) maps to
the start of target line k, where a finding in the source is reported; a blank source line
maps to the start of the next pair's target line (the end of the target file after the last
pair). Languages are left to the caller (``None``).
"""

from __future__ import annotations

from ..document import LINE_BREAK, Document, Segment
from ..errors import InputError


def _lines(text: str) -> list[tuple[int, int, int, int]]:
    """(line number, start, end without line break, end with it) of each non-blank line (lines
    end at CR LF, LF or a lone CR: document.LINE_BREAK)."""
    lines = []
    start = 0
    number = 0
    for number, match in enumerate(LINE_BREAK.finditer(text), 1):
        if text[start:match.start()].strip():
            lines.append((number, start, match.start(), match.end()))
        start = match.end()
    if text[start:].strip():
        lines.append((number + 1, start, len(text), len(text)))
    return lines


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of ``text[start:end]`` without the whitespace at its ends."""
    line = text[start:end]
    return start + len(line) - len(line.lstrip()), end - len(line) + len(line.rstrip())


def read_pair(source_path: str, source_text: str, target_path: str,
              target_text: str) -> Document:
    sources = _lines(source_text)
    targets = _lines(target_text)
    if len(sources) != len(targets):
        raise InputError(target_path, f"{len(sources)} source lines but {len(targets)} target "
                                      "lines; the files must be aligned line by line")
    base = len(target_text) + 2  # where the source text starts in the Document's text
    segments = [Segment(*_stripped(target_text, start, end), "target", None, str(number),
                        (("line", str(number)),)) for number, start, end, _ in targets]
    offsets = list(range(len(target_text) + 1))
    offsets.append(len(target_text))  # the separator maps to the end of the target text
    cursor = 0  # next offset of the source text to map
    pairs = zip(sources, targets, strict=True)
    for (number, start, end, line_end), (target_number, target_start, _, _) in pairs:
        offsets.extend([target_start] * (start - cursor))  # blank lines before this one
        cursor = line_end
        offsets.extend([target_start] * (cursor - start))
        first, last = _stripped(source_text, start, end)
        segments.append(Segment(base + first, base + last, "source", None, str(target_number),
                                (("line", str(target_number)), ("source-line", str(number)))))
    offsets.extend([len(target_text)] * (len(source_text) + 1 - cursor))
    return Document(target_path, f"{target_text}\n\n{source_text}", segments, raw=target_text,
                    offsets=offsets)
