"""TMX (1.1 to 1.4b) translation memories: each translation unit (``<tu>``) gives a source
segment and a target segment per other language, which share the unit's ``unit`` key.

The XML is read as the XLIFF reader reads it, with its machinery (entities never resolved, no
network, no DTD; every character mapped to its offset in the file): the text of a ``<seg>``
is its text and the text of ``<hi>``; native code (``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``,
``<ut>``, and the ``<sub>`` inside them) gives one space.

Languages: each ``<tuv>``'s ``xml:lang`` (``lang`` before TMX 1.4). The source is the
``<tuv>`` in the unit's ``srclang``, else the header's; when that is ``*all*`` or no ``<tuv>``
has it, the unit's first ``<tuv>``. Every other ``<tuv>`` in another language is a target,
the first one of each language (languages compared as tags: ``fr-ca`` is ``fr-CA``); each
target segment carries its language, and the engine checks a memory of several target
languages once per language (``Document.by_target_language``). A unit with no target is
skipped. Each segment's ``info`` holds ``("id", tuid)`` when the unit has one and ``("line",
line of the <seg>)``; a source's, ``("targets", …)`` too: the languages of the unit's targets,
space-separated as written (an empty ``<seg>`` gives no segment, and its language's check
still reads the source, to report it untranslated).

Inline tags (``Segment.tags``): ``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>`` and
``<hi>``, each named by its ``x`` (which matches a tag across the ``<tuv>``s of a unit), else a
``<bpt>``/``<ept>`` by its ``i``, a ``<hi>`` by its ``type``, and a ``<ph>``, ``<it>`` or
``<ut>`` by the native code it holds (``<ph>{0}</ph>``; an ``<it>`` with its ``pos``);
``<bpt>`` and ``<ept>`` pair by ``i``.
"""

from __future__ import annotations

from bisect import bisect_right

from lxml import etree

from ..document import Document, Segment, fold_tag, line_starts
from ..errors import InputError
from .mapped import MappedString, assemble

# The XML machinery is the XLIFF reader's: one safe parse, one mapping of text to offsets.
from .xliff import (
    Named,
    Placed,
    _flatten,
    _read_element,
    escape,
    inline_tags,
    mapped_tree,
    written_tag,
)

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ANY = "*all*"
# A native code longer than this is shortened in messages.
_SHOWN_CODE = 40


def _local(element: etree._Element) -> str | None:
    return etree.QName(element).localname if isinstance(element.tag, str) else None


def _lang(tuv: etree._Element) -> str | None:
    value = tuv.get(_XML_LANG) or tuv.get("lang")
    return value.strip() if value and value.strip() else None


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold_tag(a) == fold_tag(b)


def _seg(tuv: etree._Element) -> etree._Element | None:
    return next((child for child in tuv if _local(child) == "seg"), None)


def _identify(kind: str, element: etree._Element) -> tuple[str, str, str | None]:
    """A TMX tag's key, how a message writes it, and what pairs a ``<bpt>`` with its
    ``<ept>`` (the module's docstring)."""
    x = element.get("x")
    named: list[tuple[str, str]] = []
    code = None
    if x is not None:
        named.append(("x", x))
    elif kind in ("bpt", "ept") and element.get("i") is not None:
        named.append(("i", element.get("i") or ""))
    elif kind == "hi":
        if element.get("type") is not None:
            named.append(("type", element.get("type") or ""))
    else:
        if kind == "it" and element.get("pos") is not None:
            named.append(("pos", element.get("pos") or ""))
        code = "".join(element.itertext())
    key = kind + "".join(f" {name}={value}" for name, value in named)
    written = written_tag(kind, element, named)
    if code is not None:
        key += f" {code}"
        shown = code if len(code) <= _SHOWN_CODE else code[:_SHOWN_CODE - 1] + "…"
        written = f"{written.removesuffix('/>').removesuffix('>')}>{escape(shown)}</{kind}>"
    pair = element.get("i") if kind in ("bpt", "ept") else None
    return key, written, pair


def read(path: str, text: str) -> Document:
    tree = mapped_tree(path, text, "tmx", "a TMX")
    root, elements, tags, native, ordinal = (tree.root, tree.elements, tree.tags, tree.native,
                                             tree.ordinal)
    header = next((child for child in root if _local(child) == "header"), None)
    header_source = header.get("srclang") if header is not None else None
    lines = line_starts(text)

    pieces: list[MappedString] = []
    segments: list[Segment] = []
    named: Named = {}
    position = 0
    for number, tu in enumerate((el for el in elements if _local(el) == "tu"), start=1):
        tuvs = [(child, _lang(child)) for child in tu if _local(child) == "tuv"]
        if len(tuvs) < 2:
            continue
        wanted = tu.get("srclang") or header_source
        source = next((t for t in tuvs if _same(t[1], wanted)), None) if wanted != _ANY \
            else None
        source = source or tuvs[0]
        targets: dict[str, tuple[etree._Element, str | None]] = {}
        for tuv, lang in tuvs:
            if tuv is not source[0] and lang is not None and not _same(lang, source[1]):
                targets.setdefault(fold_tag(lang), (tuv, lang))
        if not targets:
            continue
        tuid = tu.get("tuid")
        key = f"tu:{tuid}" if tuid else f"tu#{number}"
        info = (("id", tuid),) if tuid else ()
        listed = ("targets", " ".join(lang or "" for _, lang in targets.values()))
        for role, (tuv, lang) in (("source", source),
                                  *(("target", target) for target in targets.values())):
            seg = _seg(tuv)
            if seg is None:
                continue
            placed: list[Placed] = []
            string = _read_element(path, text, tags, native, tags[ordinal[seg]], placed)
            if string.value != _flatten(seg):
                raise InputError(path, f"line {seg.sourceline}: the text of <seg> could not be "
                                       "located in the file; please report this file to the "
                                       "termcheck developers")
            if not string.value.strip():
                continue
            string.line = bisect_right(lines, tags[ordinal[seg]])
            if pieces:
                position += 2
            extra = (listed,) if role == "source" else ()
            segments.append(Segment(position, position + len(string.offsets), role, lang, key,
                                    (*info, *extra, ("line", str(string.line))),
                                    inline_tags(tree, placed, position, _identify, named)))
            position += len(string.offsets)
            pieces.append(string)
    doc = assemble(path, text, pieces, segments)
    doc.escape = escape
    return doc
