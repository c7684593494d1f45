"""A draft as the rules see it: its text, the segments of it that are prose, and positions.

Readers build documents; rules only read them. Offsets index the text as read (not normalised),
so every span maps back to the file; lines and columns are 1-based and count code points.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

# Characters that may stand between a sentence boundary and the first word of a sentence.
_OPENERS = set(" \t\r\n\u00a0\u202f«»\"“”„'‘’([{*_#>-—–•|")
_TERMINATORS = set(".!?…:;")


@dataclass(frozen=True)
class Segment:
    """A stretch of the text to check: ``text[start:end]``.

    ``role`` is ``prose`` for drafts; translation readers mark ``source`` and ``target``.
    """

    start: int
    end: int
    role: str = "prose"
    lang: str | None = None


@dataclass
class Document:
    """A draft: its path, its full text, and the segments that hold prose."""

    path: str
    text: str
    segments: list[Segment]
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _segment_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._segment_starts = [s.start for s in self.segments]
        starts = [0]
        starts.extend(i + 1 for i, c in enumerate(self.text) if c == "\n")
        self._line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count code points."""
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def segment_of(self, offset: int) -> Segment | None:
        """The segment holding ``offset`` (segments are sorted and do not overlap)."""
        index = bisect_right(self._segment_starts, offset) - 1
        if index >= 0 and offset < self.segments[index].end:
            return self.segments[index]
        return None

    def is_sentence_start(self, offset: int, floor: int = 0) -> bool:
        """True when the word at ``offset`` opens a sentence, a line or a segment.

        Lenient on purpose: a line start counts (titles, list items, hard-wrapped text), because
        this only ever excuses a capital letter.
        """
        i = offset - 1
        while i >= floor and self.text[i] in _OPENERS:
            if self.text[i] == "\n":
                return True
            i -= 1
        return i < floor or self.text[i] in _TERMINATORS

    def is_headline(self, offset: int) -> bool:
        """True when the line holding ``offset`` is written in capitals (a headline)."""
        line, _ = self.position(offset)
        letters = [c for c in self.line_text(line) if c.isalpha() and c.lower() != c.upper()]
        return len(letters) >= 4 and all(c.isupper() for c in letters)
