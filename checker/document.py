"""A draft as the rules see it: its text, the segments of it that are prose, and positions.

Readers build documents; rules only read them. Offsets index ``text``, the text the rules read.
For most formats it is the file's text itself; formats that escape their strings (PO, XLIFF) give
the unescaped strings as ``text`` and a map from each of its offsets to an offset of the file
(``raw``), so every span still maps back to the file. Lines and columns are 1-based, in the file,
and count code points.

Lines end where an editor ends them: at CR LF, at LF, and at a lone CR (old Mac files, some CMS
exports), as VS Code, Emacs, CommonMark and the Language Server Protocol count them, so a report's
line is the line the user's editor shows. U+2028, U+2029, NEL and form feeds are not line ends
(``str.splitlines`` breaks there, editors do not: VS Code shows them as "unusual line
terminators" inside a line). Every reader, report and suppression comment counts lines with
``LINE_BREAK`` and the helpers below.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import regex

from .errors import InputError

# Characters that may stand between a sentence boundary and the first word of a sentence.
_OPENERS = set(" \t\r\n\u00a0\u202f«»\"“”„'‘’([{*_#>-—–•|")
_TERMINATORS = set(".!?…:;")
LINE_BREAK = regex.compile("\r\n|\r|\n")
LINE_END_CHARS = "\r\n"
# A prose segment longer than this many characters is checked in pieces of at most this size
# (``split_long``). No paragraph is that long (it would be some 15,000 words); a file with no
# paragraph break at all (a 19 MB single line) is, and the words of one segment are held in
# lists of their own while it is scanned: 1.6 GB for that line in one piece.
MAX_SEGMENT = 100_000
# Where a piece may end, best first, searched backwards from the limit: after a sentence, at a
# line break, at a space before a word in lower case (names are capitalised), at a space, after
# a character that cannot be inside a word.
_CUTS = (regex.compile(r"(?r)[.!?…][\"'»”’)\]]*\s+"), regex.compile(r"(?r)\n"),
         regex.compile(r"(?r)\s+(?=\p{Ll})"), regex.compile(r"(?r)\s"),
         regex.compile(r"(?r)[^\w\p{M}\-'’]"))


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts."""
    return [0, *(m.end() for m in LINE_BREAK.finditer(text))]


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks (one more than the breaks)."""
    return LINE_BREAK.split(text)


def line_of(text: str, offset: int) -> int:
    """The 1-based line of ``text`` holding ``offset`` (for messages: walks the text)."""
    return bisect_right(line_starts(text), offset)


def strip_line_break(line: str) -> str:
    """``line`` without the one line break that ends it, if any."""
    if line.endswith("\r\n"):
        return line[:-2]
    return line[:-1] if line.endswith(("\r", "\n")) else line


@dataclass(frozen=True, slots=True)
class InlineTag:
    """An inline tag of a translation string (XLIFF, TMX): a code of the original format that
    the text reads through and the translation must keep.

    ``kind`` is the element's name (``ph``, ``x``, ``g``, ``bpt``, ``sc``, ``hi``…). ``key``
    identifies the tag across a source and its target, whose tags must be the same keys (in
    any order): the kind and the attribute that names it (``ph id=1``; in TMX ``x``, else
    ``i``, else the native code it holds). ``written`` is how a message names it, as the file
    writes it (``<ph id="1">``, ``<x id="2"/>``, ``<ph>{0}</ph>``). A tag that opens a span
    closed by another tag of the same string (``bpt``/``ept``, ``bx``/``ex``, ``sc``/``ec``)
    has ``pair``, the value both share, and ``opens`` (True for the opening one, False for the
    closing one); a tag that stands alone (a placeholder, an isolated ``<it>``, or a ``<g>``,
    whose element holds its span) has neither. ``start``/``end``: its place in
    ``Document.text``: the one space a native-code tag reads as, the text inside a paired
    element (``<g>``, ``<pc>``, ``<hi>``; empty when it holds none); ``offset``: where its
    ``<`` stands in the file.
    """

    kind: str
    key: str
    written: str
    start: int
    end: int
    offset: int
    pair: str | None = None
    opens: bool | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch of the text to check: ``text[start:end]``.

    ``role`` is ``prose`` for drafts; translation readers mark ``source`` and ``target`` and
    give both segments of one translation unit the same ``unit`` key. ``info`` holds what a
    reader knows about the unit (``fuzzy``, ``context``…) for the rules that care; ``tags``
    the inline tags of the string, in text order (XLIFF and TMX; ``InlineTag``), which the
    text reads through: they change neither ``text`` nor its offsets.
    """

    start: int
    end: int
    role: str = "prose"
    lang: str | None = None
    unit: str | None = None
    info: tuple[tuple[str, str], ...] = ()
    tags: tuple[InlineTag, ...] = ()


@dataclass
class Document:
    """A draft: its path, the text the rules read, and the segments that hold prose.

    ``raw`` is the file's text when it differs from ``text``; ``offsets`` then maps each offset
    of ``text`` (and its end) to an offset of ``raw``.
    """

    path: str
    text: str
    segments: list[Segment]
    raw: str = None  # type: ignore[assignment]  # ``text`` when not given (__post_init__)
    offsets: Sequence[int] | None = field(default=None, repr=False)  # a list or an array
    # Where a format with a language field declares the targets' language ("line 3 (Language
    # header)"), or that it does not ("no Language header"): named when the field is unusable.
    language_header: str | None = None
    # How the file writes a text where ``text`` and the file differ (PO: a line break as
    # ``\n``; XLIFF, TMX: ``<`` as ``&lt;``), set by the reader: fixes are written through it.
    escape: Callable[[str], str] | None = field(default=None, repr=False, compare=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _text_line_starts: list[int] | None = field(default=None, repr=False)
    _segment_starts: list[int] = field(default_factory=list, repr=False)
    # is_headline's answer per line of ``text`` (keyed by the line's start): the matcher and
    # the capitalization rule ask about the same long lines (whole paragraphs) many times.
    _headlines: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)
    _title_lines: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.raw is None:
            self.raw = self.text
        self.segments = split_long(self.text, self.segments, self.path)
        self._segment_starts = [s.start for s in self.segments]
        self._line_starts = line_starts(self.raw)

    def file_offset(self, offset: int) -> int:
        """The offset in the file of an offset of ``text``."""
        return self.offsets[offset] if self.offsets is not None else offset

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of an offset of ``text``; columns count code
        points."""
        return self._line_column(self.file_offset(offset))

    def file_end(self, offset: int) -> int:
        """The offset in the file just after the character before ``offset`` (the end of a
        span): with escapes mapped, the start of the next character may lie past a closing quote
        or tag."""
        if self.offsets is None or offset == 0:
            return self.file_offset(offset)
        return self.offsets[offset - 1] + 1

    def is_markup(self, offset: int) -> bool:
        """Whether the character of ``text`` at ``offset`` stands for markup of the file, not
        for a character of it: the space an XLIFF or TMX reader gives an inline code
        (``<ph/>``, ``<x/>``), mapped to its ``<``."""
        return (self.offsets is not None and self.text[offset] == " "
                and self.raw[self.file_offset(offset)] == "<")

    def end_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of the end of a span ending at ``offset``."""
        return self._line_column(self.file_end(offset))

    def _line_column(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line of the file, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.raw)
        return strip_line_break(self.raw[start:end])

    def segment_of(self, offset: int) -> Segment | None:
        """The segment holding ``offset`` (segments are sorted and do not overlap)."""
        index = bisect_right(self._segment_starts, offset) - 1
        if index >= 0 and offset < self.segments[index].end:
            return self.segments[index]
        return None

    def by_target_language(self) -> list[tuple[str, Document]]:
        """A translation whose targets are in several languages (a multilingual TMX) as one
        document per target language, in the order they first appear: the language as its
        first target writes it, and the same text with the targets in that language (targets
        of no language with the first) and the sources of their units. A source whose
        ``targets`` info lists a language (a TMX unit with an empty ``<seg>`` in it) belongs to
        that language's document too; a source with no target at all, to the first one. Empty
        for a document whose targets are in one language or none, or in variants of one
        language (``fr``, ``fr-CA``) no unit holds together (an XLIFF target marked ``fr-CA``
        in a ``fr`` file)."""
        languages: dict[str, str] = {}  # folded tag -> as first written
        of_unit: dict[str | None, set[str]] = {}  # unit -> the languages of its targets
        for segment in self.segments:
            if segment.role == "target" and segment.lang:
                languages.setdefault(fold_tag(segment.lang), segment.lang)
                of_unit.setdefault(segment.unit, set()).add(fold_tag(segment.lang))
        if len({tag.split("-")[0] for tag in languages}) < 2 and all(
                len(tags) < 2 for tags in of_unit.values()):
            return []
        first = next(iter(languages))
        for segment in self.segments:
            if segment.role == "target" and not segment.lang:
                of_unit.setdefault(segment.unit, set()).add(first)

        def languages_of(segment: Segment) -> set[str]:
            if segment.role == "target":
                return {fold_tag(segment.lang) if segment.lang else first}
            if segment.role != "source":
                return {first}
            listed = {fold_tag(t) for t in dict(segment.info).get("targets", "").split()}
            return (of_unit.get(segment.unit, set()) | listed) or {first}

        found = [languages_of(segment) for segment in self.segments]
        views = []
        for folded, written in languages.items():
            kept = [s for s, langs in zip(self.segments, found, strict=True) if folded in langs]
            views.append((written, Document(self.path, self.text, kept, raw=self.raw,
                                            offsets=self.offsets,
                                            language_header=self.language_header)))
        return views

    def is_sentence_start(self, offset: int, floor: int = 0) -> bool:
        """True when the word at ``offset`` opens a sentence, a line or a segment.

        Lenient on purpose: a line start counts (titles, list items, hard-wrapped text), because
        this only ever excuses a capital letter.
        """
        i = offset - 1
        while i >= floor and self.text[i] in _OPENERS:
            if self.text[i] in LINE_END_CHARS:
                return True
            i -= 1
        return i < floor or self.text[i] in _TERMINATORS

    def is_headline(self, offset: int) -> bool:
        """True when the line of ``text`` holding ``offset`` is written in capitals."""
        starts = self._text_lines()
        index = bisect_right(starts, offset) - 1
        start = starts[index]
        known = self._headlines.get(start)
        if known is None:
            # The line break at its end has no letter: headline_line need not see it cut off.
            end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
            known = self._headlines[start] = headline_line(self.text[start:end])
        return known

    def is_title_case(self, offset: int) -> bool:
        """True when the line of ``text`` holding ``offset`` is a headline in title case
        (Bloodiest Month in Iraq Since 2008): its capitals, like those of a line in capitals,
        say nothing of a name's."""
        starts = self._text_lines()
        index = bisect_right(starts, offset) - 1
        start = starts[index]
        known = self._title_lines.get(start)
        if known is None:
            end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
            known = self._title_lines[start] = title_case_line(self.text[start:end])
        return known

    def _text_lines(self) -> list[int]:
        """Where each line of ``text`` starts (the file's lines when ``text`` is the file)."""
        if self._text_line_starts is None:
            self._text_line_starts = (self._line_starts if self.text is self.raw
                                      else line_starts(self.text))
        return self._text_line_starts


def fold_tag(tag: str) -> str:
    """A language tag as two tags that name one language compare (``fr_CA`` = ``fr-ca``)."""
    return tag.strip().replace("_", "-").lower()


def split_long(text: str, segments: list[Segment], path: str = "<text>") -> list[Segment]:
    """``segments`` with every prose segment longer than ``MAX_SEGMENT`` cut into pieces of at
    most that size, each ending after a sentence where one ends in its second half, else at a
    line break, a space, or a character no word holds. A string of a translation cannot be cut
    (its rules pair a unit's source with its target): one that long is an ``InputError``."""
    if all(s.end - s.start <= MAX_SEGMENT for s in segments):
        return segments
    out: list[Segment] = []
    for segment in segments:
        start = segment.start
        if segment.role != "prose" and segment.end - start > MAX_SEGMENT:
            line = dict(segment.info).get("line")
            raise InputError(path, f"{f'line {line}: ' if line else ''}a translation string of "
                                   f"{segment.end - start:,} characters, more than the "
                                   f"{MAX_SEGMENT:,} termcheck checks in one string; split it")
        while segment.role == "prose" and segment.end - start > MAX_SEGMENT:
            limit = start + MAX_SEGMENT
            for pattern in _CUTS:
                found = pattern.search(text, start + MAX_SEGMENT // 2, limit)
                if found:
                    cut = found.end()
                    break
            else:  # a run of 50,000 letters, no name: cut anywhere but before a mark
                cut = limit
                while cut > start + 1 and unicodedata.category(text[cut]).startswith("M"):
                    cut -= 1
            out.append(replace(segment, start=start, end=cut))
            start = cut
        out.append(replace(segment, start=start))
    return out


_SENTENCE_INSIDE = regex.compile(r"[.!?…;]\s")
_LONG_WORD = regex.compile(r"\p{L}{4,}")


def title_case_line(line: str) -> bool:
    """True for a line written in title case (an English headline: Obama to Meet Iraqi Prime
    Minister as Violence Rages): no sentence ends inside it or at its end, and at least four
    in five of its three or more words of four letters or more are capitalised."""
    line = line.strip()
    if len(line) > 300 or _SENTENCE_INSIDE.search(line) or line.endswith(
            (".", "!", "?", "…", ",", ";")):
        return False  # prose: a headline states, it does not end a sentence
    long_words = _LONG_WORD.findall(line)
    capitals = sum(1 for w in long_words if w[:1].isupper())
    return len(long_words) >= 3 and capitals >= 0.8 * len(long_words)


def headline_line(line: str) -> bool:
    """True when ``line`` holds at least four cased letters and every one is a capital.

    Stops at the first lower-case letter, which ordinary prose has in its first word, instead
    of collecting every letter of a paragraph first.
    """
    count = 0
    for c in line:
        if c.isalpha() and c.lower() != c.upper():
            if not c.isupper():
                return False
            count += 1
    return count >= 4
