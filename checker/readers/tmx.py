"""TMX (1.1 to 1.4b) translation memories: each translation unit (``<tu>``) gives a source
segment and a target segment, which share the unit's ``unit`` key.

The XML is read as the XLIFF reader reads it, with its machinery (entities never resolved, no
network, no DTD; every character mapped to its offset in the file): the text of a ``<seg>``
is its text and the text of ``<hi>``; native code (``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``,
``<ut>``, and the ``<sub>`` inside them) gives one space.

Languages: each ``<tuv>``'s ``xml:lang`` (``lang`` before TMX 1.4). The source is the
``<tuv>`` in the unit's ``srclang``, else the header's; when that is ``*all*`` or no ``<tuv>``
has it, the unit's first ``<tuv>``. The target is the first other ``<tuv>`` in the file's
target language: the language of the first ``<tuv>`` that is not a source. In a memory of
more than two languages the others are not checked (one language is checked per run; split
the memory by language to check each). ``--lang`` and ``--source-lang`` still decide what the
targets and sources are checked as. Each segment's ``info`` holds ``("id", tuid)`` when the
unit has one and ``("line", line of the <seg>)``.
"""

from __future__ import annotations

from bisect import bisect_right

from lxml import etree

from ..document import Document, Segment, line_starts
from ..errors import InputError
from .mapped import MappedString, assemble

# The XML machinery is the XLIFF reader's: one safe parse, one mapping of text to offsets.
from .xliff import _flatten, _read_element, escape, mapped_tree

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ANY = "*all*"


def _local(element: etree._Element) -> str | None:
    return etree.QName(element).localname if isinstance(element.tag, str) else None


def _lang(tuv: etree._Element) -> str | None:
    value = tuv.get(_XML_LANG) or tuv.get("lang")
    return value.strip() if value and value.strip() else None


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.replace("_", "-").lower() == b.replace(
        "_", "-").lower()


def _seg(tuv: etree._Element) -> etree._Element | None:
    return next((child for child in tuv if _local(child) == "seg"), None)


def read(path: str, text: str) -> Document:
    tree = mapped_tree(path, text, "tmx", "a TMX")
    root, elements, tags, native, ordinal = (tree.root, tree.elements, tree.tags, tree.native,
                                             tree.ordinal)
    header = next((child for child in root if _local(child) == "header"), None)
    header_source = header.get("srclang") if header is not None else None
    lines = line_starts(text)

    target_lang: str | None = None
    pieces: list[MappedString] = []
    segments: list[Segment] = []
    position = 0
    for number, tu in enumerate((el for el in elements if _local(el) == "tu"), start=1):
        tuvs = [(child, _lang(child)) for child in tu if _local(child) == "tuv"]
        if len(tuvs) < 2:
            continue
        wanted = tu.get("srclang") or header_source
        source = next((t for t in tuvs if _same(t[1], wanted)), None) if wanted != _ANY \
            else None
        source = source or tuvs[0]
        others = [t for t in tuvs if t is not source]
        if target_lang is None:
            target_lang = next((lang for _, lang in others if lang), None)
        target = next((t for t in others if _same(t[1], target_lang)), None)
        if target is None:
            continue
        tuid = tu.get("tuid")
        key = f"tu:{tuid}" if tuid else f"tu#{number}"
        info = (("id", tuid),) if tuid else ()
        for role, (tuv, lang) in (("source", source), ("target", target)):
            seg = _seg(tuv)
            if seg is None:
                continue
            string = _read_element(path, text, tags, native, tags[ordinal[seg]])
            if string.value != _flatten(seg):
                raise InputError(path, f"line {seg.sourceline}: the text of <seg> could not be "
                                       "located in the file; please report this file to the "
                                       "termcheck developers")
            if not string.value.strip():
                continue
            string.line = bisect_right(lines, tags[ordinal[seg]])
            if pieces:
                position += 2
            segments.append(Segment(position, position + len(string.offsets), role, lang, key,
                                    (*info, ("line", str(string.line)))))
            position += len(string.offsets)
            pieces.append(string)
    doc = assemble(path, text, pieces, segments)
    doc.escape = escape
    return doc
