"""Word documents (``.docx``): every paragraph of the document is prose, read through
python-docx.

Where the paragraphs come from, in this order: the body (table cells and text boxes included,
where they stand), then the headers, the footers, the footnotes, the endnotes and the comments.
A paragraph's text is the text of its runs as Word shows it with tracked changes accepted:
deleted text, field instructions and the fallback copy of a text box are not read; a tab is a
tab and a line break (``<w:br/>``) a line break.

Positions: a Word file has no lines, so the Document's file text (``raw``) is a listing of the
paragraphs, one a line: a finding's line is the number of its paragraph in the order above
(empty paragraphs count), its column the character in the paragraph, and the line the text
report shows is the paragraph itself, the quote to search for in Word. Line breaks inside a
paragraph are shown there as spaces; each line of the listing ends with a line feed.

``paragraphs`` is shared with the fixes (``checker.tools.docx_fixes``): each paragraph keeps the
``<w:t>`` elements its text comes from, so a replacement lying inside one of them is made there,
in its run, whose formatting stays.
"""

from __future__ import annotations

import io
import re
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.ns import qn
from lxml import etree

from ..document import Document, Segment
from ..errors import InputError
from .mapped import SEPARATOR, MappedString, assemble

# python-docx reads headers, footers and comments as XML parts it writes back; footnotes and
# endnotes it keeps as bytes. Registered as XML parts, they are read and written the same way.
PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)
PartFactory.part_type_for.setdefault(CT.WML_ENDNOTES, XmlPart)

# The parts read after the body, in this order, with what the user calls them.
_STORIES = ((CT.WML_HEADER, "header"), (CT.WML_FOOTER, "footer"),
            (CT.WML_FOOTNOTES, "footnote"), (CT.WML_ENDNOTES, "endnote"),
            (CT.WML_COMMENTS, "comment"))
_P, _T = qn("w:p"), qn("w:t")
_TABS = {qn("w:tab"), qn("w:ptab")}
_BREAKS = {qn("w:br"), qn("w:cr")}
_HYPHEN = qn("w:noBreakHyphen")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Content that is not the text Word shows: deleted and moved-away text (tracked changes), the
# fallback copy of a text box (the same text again, for old readers), properties.
_NOT_TEXT = {qn("w:del"), qn("w:moveFrom"), f"{{{_MC}}}Fallback", qn("w:rPr"), qn("w:pPr"),
             qn("w:instrText"), qn("w:delText")}
# Footnotes and endnotes of these types are the separator lines Word draws, not notes.
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass
class Paragraph:
    """One paragraph: where it is (``part``) and its text in pieces, each with the ``<w:t>``
    element it is the text of (None for a tab, a break: characters no replacement may
    touch)."""

    part: str
    pieces: list[tuple[etree._Element | None, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.pieces)


# A Word or OpenDocument file is a zip package, which python-docx and odfpy unpack whole into
# memory (and parse its XML into trees of some ten times its size). Its members are bounded by
# what their entries in the zip declare, which is all zipfile ever unpacks: a zip bomb (50 MB of
# zeros packed into 50 kB) is refused before anything is unpacked. A draft's XML is far
# smaller (a 500-page book's is some 5 MB); its images are stored packed already, so about
# as large unpacked as in the file.
MAX_XML = 30_000_000  # bytes of XML unpacked, all members together
MAX_UNPACKED = 200_000_000  # bytes unpacked, all members together
MAX_MEMBERS = 10_000


def check_package(path: str, data: bytes, kind: str) -> None:
    """``InputError`` when the zip package ``data`` (a ``kind`` file) is not one, or would
    unpack past the limits above."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(path, f"is not a {kind}: it is not a zip package; save it again "
                               "from the application that made it") from None
    xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
    total = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or xml > MAX_XML or total > MAX_UNPACKED:
        raise InputError(path, f"would unpack to {total:,} bytes ({xml:,} of XML) in "
                               f"{len(members):,} parts, more than termcheck opens (at most "
                               f"{MAX_UNPACKED:,} bytes, {MAX_XML:,} of XML, {MAX_MEMBERS:,} "
                               "parts); a draft is far smaller: is it a zip bomb?")


def open_document(path: str, data: bytes) -> WordDocument:
    """The Word document of a file's bytes; ``InputError`` when it is not one."""
    check_package(path, data, "Word document (.docx)")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise InputError(path, "is not a Word document (.docx): it is not a zip package; "
                               "save it from Word as a .docx") from None
    except (KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise InputError(path, f"is not a Word document python-docx can open ({exc}); save it "
                               "again from Word as a .docx") from None


def paragraphs(document: WordDocument) -> list[Paragraph]:
    """Every paragraph of the document, in the order the module says."""
    found = [_paragraph(p, "body") for p in _paragraph_elements(document.element.body)]
    parts = list(document.part.package.iter_parts())
    for content_type, name in _STORIES:
        stories = sorted((p for p in parts if p.content_type == content_type
                          and isinstance(p, XmlPart)), key=lambda p: _natural(p.partname))
        for part in stories:
            root = part.element
            if name in ("footnote", "endnote"):
                notes = [n for n in root if n.get(qn("w:type")) not in _SEPARATORS]
            else:
                notes = [root]
            for note in notes:
                found.extend(_paragraph(p, name) for p in _paragraph_elements(note))
    return found


def _natural(name: str) -> tuple[str, int, str]:
    """``/word/header10.xml`` after ``/word/header2.xml``."""
    match = re.fullmatch(r"(.*?)(\d*)(\.\w+)?", name)
    stem, number = (match.group(1), match.group(2)) if match else (name, "")
    return stem, int(number) if number else 0, name


def _paragraph_elements(element: etree._Element) -> Iterator[etree._Element]:
    """The ``<w:p>`` elements under ``element`` in document order, a paragraph before those of
    the text boxes it holds; the fallback copies of text boxes left out."""
    for child in element:
        if child.tag in _NOT_TEXT:
            continue
        if child.tag == _P:
            yield child
        yield from _paragraph_elements(child)


def _paragraph(element: etree._Element, part: str) -> Paragraph:
    paragraph = Paragraph(part)
    _collect(element, paragraph.pieces)
    return paragraph


def _collect(element: etree._Element, pieces: list[tuple[etree._Element | None, str]]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            if child.text:
                pieces.append((child, child.text))
        elif tag in _TABS:
            pieces.append((None, "\t"))
        elif tag in _BREAKS:
            pieces.append((None, "\n"))
        elif tag == _HYPHEN:
            pieces.append((None, "-"))
        elif tag != _P and tag not in _NOT_TEXT:  # a nested paragraph is read on its own
            _collect(child, pieces)


def listing_line(text: str) -> str:
    """A paragraph's text as its line of the listing: line breaks shown as spaces."""
    return text.replace("\r", " ").replace("\n", " ")


def document_of(path: str, found: list[Paragraph]) -> Document:
    """The Document of a word processor's paragraphs: the listing as the file's text, each
    non-blank paragraph a segment (shared with the OpenDocument reader)."""
    lines: list[str] = []
    pieces: list[MappedString] = []
    segments: list[Segment] = []
    position = line_start = 0
    for number, paragraph in enumerate(found, 1):
        text = paragraph.text
        shown = listing_line(text)
        lines.append(shown)
        if text.strip():
            if pieces:
                position += len(SEPARATOR)
            segments.append(Segment(position, position + len(text),
                                    info=(("part", paragraph.part), ("line", str(number)))))
            position += len(text)
            pieces.append(MappedString([text], array("q", range(line_start,
                                                                line_start + len(text))),
                                       line_start + len(text), number))
        line_start += len(shown) + 1
    return assemble(path, "".join(line + "\n" for line in lines), pieces, segments)


def read(path: str, data: bytes) -> Document:
    return document_of(path, paragraphs(open_document(path, data)))
