"""HTML: the text a reader sees is prose; markup, scripts, styles and code are not. The ``alt``
and ``title`` attributes (an image's description, a link's tooltip) are prose too.

The parser is the standard library's HTML tokenizer (``html.parser``, the one the HTML5 spec's
tokenizing states were written into), chosen over lxml.html and selectolax because it is the
only one of the three that says where each piece of text stands in the file: selectolax gives
no positions at all and lxml only the line of an element's start tag. Each character of
``Document.text`` is mapped to its offset in the file (``readers.mapped``), so a finding's line
and column are where the name is in the ``.html``, and ``--fix`` replaces a name written as
plain text in place (a name holding a character reference or a tag is left as it is).

What is prose: text outside ``<script>``, ``<style>``, ``<code>``, ``<pre>``, ``<kbd>`` and
``<samp>`` (nor inside comments, declarations and processing instructions). A block element
(anything but the inline ones: ``<a>``, ``<b>``, ``<span>``…) ends a segment, so the text of two
paragraphs or two table cells never runs together, while ``<b>jake</b> Sullivan`` is one name.
A character reference (``&eacute;``, ``&#233;``) gives its character, mapped to the ``&``.
Attribute values are segments of their own, after the text. The language the page declares
(``<html lang="fr">``) is the draft's, unless ``--lang`` or the configuration says otherwise.
"""

from __future__ import annotations

import re
from html import unescape
from html.entities import html5
from html.parser import HTMLParser

from ..document import Document, Segment
from .mapped import SEPARATOR, MappedString, assemble

# Elements whose content is not prose: code and what browsers do not show as text.
SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp"})
# Attributes whose value is prose a reader sees (an image's text, a tooltip).
PROSE_ATTRIBUTES = ("alt", "title")
# Elements inside a line of text: their tags do not end a segment. Any other tag does.
INLINE = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em",
    "font", "i", "ins", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "wbr",
})
# An attribute in a start tag (html.parser's attribute syntax): name, then an optional value,
# quoted or not.
_ATTRIBUTE = re.compile(r"""([^\s/>=][^\s/=>]*)(?:\s*=+\s*("[^"]*"|'[^']*'|(?!['"])[^>\s]*))?""")
_REFERENCE = re.compile(r"&(?:#[xX]?[0-9A-Za-z]+;?|[A-Za-z][-.A-Za-z0-9]*;?)")


class _Reader(HTMLParser):
    """Collects the prose of an HTML text, each character with its offset in the file."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        # html.parser counts lines at LF only: where each of its lines starts.
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.skipped: dict[str, int] = {}  # open elements whose content is skipped
        self.pieces: list[MappedString] = []
        self.attributes: list[MappedString] = []
        self.current = MappedString()
        self.lang: str | None = None  # <html lang="…">

    # --- positions ---------------------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _skipping(self) -> bool:
        return any(self.skipped.values())

    def _break(self) -> None:
        """End the piece of text being read (a block starts or ends)."""
        if self.current.value.strip():
            self.pieces.append(self.current)
        self.current = MappedString()

    @staticmethod
    def _add(piece: MappedString, chars: str, offset: int, single: bool = False) -> None:
        """Append ``chars`` standing at ``offset`` in the file: one file character each, or
        all of them at ``offset`` (``single``: a reference's characters)."""
        piece.parts.append(chars)
        if single:
            piece.offsets.extend([offset] * len(chars))
            piece.end = offset + 1
        else:
            piece.offsets.extend(range(offset, offset + len(chars)))
            piece.end = offset + len(chars)

    # --- html.parser's events ----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, opens=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, opens=False)

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], opens: bool) -> None:
        if tag == "html" and self.lang is None:
            self.lang = next((value.strip() for name, value in attrs
                              if name == "lang" and value and value.strip()), None)
        if tag not in INLINE:
            self._break()
        if not self._skipping() and any(name in PROSE_ATTRIBUTES for name, _ in attrs):
            self._read_attributes(attrs)
        if opens and tag in SKIPPED:
            self.skipped[tag] = self.skipped.get(tag, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE:
            self._break()
        if self.skipped.get(tag):
            self.skipped[tag] -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self._add(self.current, data, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def _reference(self, written: str) -> None:
        if self._skipping():
            return
        offset = self._offset()
        if self.text.startswith(";", offset + len(written)):
            written += ";"
        _add_reference(self.current, written, offset)

    # --- attributes --------------------------------------------------------------------------
    def _read_attributes(self, attrs: list[tuple[str, str | None]]) -> None:
        """The values of the prose attributes of the start tag just read, each character with
        its offset; a value whose place in the tag is not certain is left out."""
        start = self._offset()
        raw = self.get_starttag_text() or ""
        name_end = re.match(r"<[^\s/>]+", raw)
        found = _ATTRIBUTE.finditer(raw, name_end.end() if name_end else 1)
        for (name, value), match in zip(attrs, found, strict=False):
            if match.group(1).lower() != name:
                return  # not the parser's reading of the tag: leave its attributes out
            if name not in PROSE_ATTRIBUTES or not value or not value.strip():
                continue
            written = match.group(2) or ""
            offset = start + match.start(2)
            if written[:1] in "\"'":
                written, offset = written[1:-1], offset + 1
            piece = MappedString()
            _read_escaped(piece, written, offset)
            if piece.value == value:
                self.attributes.append(piece)


def _add_reference(piece: MappedString, written: str, offset: int) -> None:
    """A character reference as written at ``offset``: its character(s), mapped to the ``&``;
    a name HTML does not know stays as written."""
    name = written[1:]
    value = unescape(written) if name.startswith("#") or name in html5 else written
    _Reader._add(piece, value, offset, single=value != written)


def _read_escaped(piece: MappedString, written: str, offset: int) -> None:
    """Text as written at ``offset`` (an attribute's value) with its references resolved."""
    cursor = 0
    for match in _REFERENCE.finditer(written):
        if match.start() > cursor:
            _Reader._add(piece, written[cursor:match.start()], offset + cursor)
        _add_reference(piece, match.group(), offset + match.start())
        cursor = match.end()
    if cursor < len(written):
        _Reader._add(piece, written[cursor:], offset + cursor)


def read(path: str, text: str) -> Document:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    reader._break()
    pieces = [*reader.pieces, *reader.attributes]
    segments: list[Segment] = []
    position = 0
    for number, piece in enumerate(pieces):
        if number:
            position += len(SEPARATOR)
        segments.append(Segment(position, position + len(piece.offsets), lang=reader.lang))
        position += len(piece.offsets)
    return assemble(path, text, pieces, segments)
