"""OpenDocument text (``.odt``, LibreOffice, Google Docs' export): every paragraph and heading
is prose, read through odfpy.

Where the paragraphs come from, in this order: the body (tables, lists, sections and frames
included, where they stand; the paragraphs of a footnote, an endnote, a comment or a text frame
right after the paragraph that holds it), then the headers and footers of the page styles. A
paragraph's text is what the document shows: ``<text:s text:c="3"/>`` is three spaces, a tab a
tab, a line break a line break; the note's citation mark, tracked deletions and change marks
are not text.

Positions are those of the Word reader (``readers.docx``): the listing of the paragraphs, one
a line, is the Document's file text, so a finding's line is its paragraph's number (empty ones
count) and the text report shows the paragraph. OpenDocument files are checked, not fixed
(``checker.tools.docx_fixes`` says why).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.sax import SAXException

from odf.element import Element, Node
from odf.namespaces import OFFICENS, STYLENS, TEXTNS
from odf.opendocument import OpenDocument, load

from ..document import Document
from ..errors import InputError
from .docx import Paragraph, check_package, document_of

_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
# Inside a paragraph: not its text, but read on their own (notes, comments, frames hold
# paragraphs of their own) or not at all (citation marks, tracked changes).
_NOT_TEXT = {(TEXTNS, "note"), (OFFICENS, "annotation"), (TEXTNS, "tracked-changes"),
             (TEXTNS, "note-citation"), (TEXTNS, "change"), (TEXTNS, "change-start"),
             (TEXTNS, "change-end"), (TEXTNS, "bookmark-ref"), (OFFICENS, "annotation-end")}
_HOLDS_PARAGRAPHS = {(TEXTNS, "note"), (OFFICENS, "annotation")}
_PAGE_PARTS = {(STYLENS, "header"): "header", (STYLENS, "header-left"): "header",
               (STYLENS, "header-first"): "header", (STYLENS, "footer"): "footer",
               (STYLENS, "footer-left"): "footer", (STYLENS, "footer-first"): "footer"}
_PART_NAMES = {(TEXTNS, "note"): "note", (OFFICENS, "annotation"): "comment"}


def open_document(path: str, data: bytes) -> OpenDocument:
    """The OpenDocument of a file's bytes; ``InputError`` when it is not a text document."""
    check_package(path, data, "OpenDocument text (.odt)")
    try:
        document = load(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "is not an OpenDocument text (.odt): it is not a zip package; "
                               "save it again as .odt") from None
    except (KeyError, ValueError, SAXException, AttributeError) as exc:
        raise InputError(path, f"is not an OpenDocument text odfpy can read ({exc}); save it "
                               "again as .odt") from None
    if "opendocument.text" not in (document.mimetype or ""):
        raise InputError(path, f"is not an OpenDocument text: its type is {document.mimetype}")
    return document


def paragraphs(document: OpenDocument) -> list[Paragraph]:
    """Every paragraph of the document, in the order the module says."""
    found: list[Paragraph] = []
    _walk(document.text, "body", found)
    for page in document.masterstyles.childNodes:
        for part in page.childNodes:
            name = _PAGE_PARTS.get(_qname(part))
            if name is not None:
                _walk(part, name, found)
    return found


def _qname(node: Node) -> tuple[str, str]:
    """(namespace, local name) of an odfpy element (empty for other nodes)."""
    return getattr(node, "qname", ("", ""))


def _walk(element: Element, part: str, found: list[Paragraph]) -> None:
    for child in _elements(element):
        name = _qname(child)
        if name == (TEXTNS, "tracked-changes"):
            continue
        if name in _PARAGRAPHS:
            paragraph = Paragraph(part)
            nested: list[tuple[Element, str]] = []
            _collect(child, paragraph, nested)
            found.append(paragraph)
            for holder, holder_part in nested:
                _walk(holder, holder_part, found)
        else:
            _walk(child, part, found)


def _elements(element: Element) -> Iterator[Element]:
    return (child for child in element.childNodes if child.nodeType == Node.ELEMENT_NODE)


def _collect(element: Element, paragraph: Paragraph,
             nested: list[tuple[Element, str]]) -> None:
    """The text of a paragraph's content into ``paragraph``; what holds paragraphs of its own
    (a note, a comment, a frame) into ``nested``."""
    for child in element.childNodes:
        if child.nodeType == Node.TEXT_NODE:
            paragraph.pieces.append((None, str(child.data)))
            continue
        if child.nodeType != Node.ELEMENT_NODE:
            continue
        name = _qname(child)
        if name in _HOLDS_PARAGRAPHS:
            nested.append((child, _PART_NAMES[name]))
        elif name == (TEXTNS, "s"):
            count = child.getAttrNS(TEXTNS, "c")
            paragraph.pieces.append((None, " " * (int(count) if count and count.isdigit()
                                                  else 1)))
        elif name == (TEXTNS, "tab"):
            paragraph.pieces.append((None, "\t"))
        elif name == (TEXTNS, "line-break"):
            paragraph.pieces.append((None, "\n"))
        elif name in _NOT_TEXT:
            continue
        elif any(True for _ in _paragraph_descendants(child)):
            nested.append((child, paragraph.part))  # a frame or text box: its own paragraphs
        else:
            _collect(child, paragraph, nested)


def _paragraph_descendants(element: Element) -> Iterator[Element]:
    for child in _elements(element):
        if _qname(child) in _PARAGRAPHS:
            yield child
        else:
            yield from _paragraph_descendants(child)


def read(path: str, data: bytes) -> Document:
    return document_of(path, paragraphs(open_document(path, data)))
