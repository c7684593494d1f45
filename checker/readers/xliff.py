"""XLIFF 1.2 and 2.x: each translation unit gives a source segment and, when it is translated, a
target segment, which share the unit's ``unit`` key.

lxml parses the file (entities never resolved, no network, no DTD, size limits kept); a
DOCTYPE that declares entities or points to an external file is refused before lxml sees it.
lxml gives no offsets inside an element, so this module also scans the file's markup itself:
the n-th start tag of the file is the n-th element of lxml's tree (document order), and each
``<source>``/``<target>`` is read again from its start tag, which maps every character of
``Document.text`` to its offset in the file. The result is checked against lxml's text.

Inside a source or target, text and the text of paired inline elements (1.2 ``<g>``, ``<mrk>``;
2.x ``<pc>``, ``<mrk>``) is text; an entity or character reference gives its character, mapped
to the ``&``; a native-code element (``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<ut>``,
``<x/>``, ``<bx/>``, ``<ex/>``, ``<sc/>``, ``<ec/>``, ``<cp/>``) gives one space, mapped to
its ``<``, and its content is skipped. ``Document.text`` is the strings one after the other,
separated by a blank line. Skipped: units (or groups, files) marked ``translate="no"``, 1.2
``<alt-trans>`` and ``<seg-source>``, 2.x ``<ignorable>``, and empty strings. A unit, segment,
source or target in another namespace than the root's (another XLIFF version's, none, a tool's)
is not one XLIFF tools read, and it is never skipped unsaid: it is an input error naming its
line, unless the unit also has one in the file's namespace (a tool's extension beside it).

Each segment's ``tags`` (``InlineTag``) are its inline tags, in text order, at their place in
the text (a native-code element's space, the text of a ``<g>`` or ``<pc>``) and their ``<`` in
the file: native code and 1.2 ``<g>``, 2.x ``<pc>``, not ``<mrk>`` (an annotation tools add).
A tag is named by its ``id`` (a 2.x ``<ec>`` by its ``startRef``, a ``<cp>`` by its ``hex``);
1.2 ``<bpt>``/``<ept>`` and ``<bx>``/``<ex>`` pair by ``rid``, else ``id``; 2.x
``<sc>``/``<ec>`` by the ``<sc>``'s ``id`` unless ``isolated="yes"``.

Each segment's ``info`` holds, in this order: ``("state", …)`` (1.2 ``<target state>``, 2.x
``<segment state>``), ``("fuzzy", "1")`` for the 1.2 states needs-review-translation,
needs-review-adaptation and needs-review-l10n, ``("id", unit id)``, ``("segment", id)`` for a
2.x segment (its id, else ``#n`` for the n-th segment of its unit), ``("note", …)`` the
unit's notes, and ``("line", line of the start tag)``. Languages: 1.2 ``<file
source-language target-language>``, 2.x ``<xliff srcLang trgLang>``, and ``xml:lang`` on the
source or target wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast
from xml.sax.saxutils import quoteattr

from lxml import etree

from ..document import Document, InlineTag, Segment, line_of, line_starts
from ..errors import InputError
from .mapped import MappedString, assemble

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XLIFF_NAMESPACES = {None, "urn:oasis:names:tc:xliff:document:1.1",
                     "urn:oasis:names:tc:xliff:document:1.2",
                     "urn:oasis:names:tc:xliff:document:2.0"}
# Inline elements standing for native code (placeholders, tags of the original format).
_NATIVE = {"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "cp"}
# The inline tags a translation must keep (``Segment.tags``): native code and the elements
# that pair a span of text (1.2 <g>, 2.x <pc>, TMX <hi>). <mrk> (and 2.x <sm/>, <em/>) is an
# annotation a tool may add to a target (a term, a comment), not a code of the original.
_TAGS = _NATIVE | {"g", "pc", "hi"}
# The tags that open (True) or close (False) a span another tag of the string closes or opens.
_OPENS = {"bpt": True, "bx": True, "sc": True, "ept": False, "ex": False, "ec": False}
_FUZZY_STATES = {"needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}

_TAG = re.compile(r"<(/?)([^\s/>]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>")
_REFERENCE = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_][\w.-]*));")
_PLAIN = re.compile(r"[^&\r]+")  # runs of characters that are themselves
_PLAIN_CDATA = re.compile(r"[^\r]+")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_LONE_CR = re.compile(rb"\r(?!\n)")
_LXML_POSITION = re.compile(r",\s*line \d+, column \d+\s*$")


def _parser() -> etree.XMLParser:
    # encoding="utf-8": the text is given to lxml as UTF-8 whatever its XML declaration says
    # (the file was decoded already).
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, encoding="utf-8")


@dataclass
class _Unit:
    key: str
    element: etree._Element
    source: etree._Element | None
    target: etree._Element | None
    info: tuple[tuple[str, str], ...]
    source_lang: str | None
    target_lang: str | None


@dataclass
class MappedTree:
    """An XML file parsed safely, its elements in document order with the offset of each start
    tag in the text (``tags``), whether each is native code (``native``), the inline tag each
    is (``kinds``: its name, None for an element that is no inline tag) and its number."""

    root: etree._Element
    elements: list[etree._Element]
    tags: list[int]
    native: list[bool]
    ordinal: dict[etree._Element, int]
    kinds: list[str | None]


def mapped_tree(path: str, text: str, root_name: str, kind: str) -> MappedTree:
    """``text`` parsed without entities, DTDs or network (``InputError`` otherwise), its root
    element checked to be ``root_name`` (a ``kind`` file), and every element mapped to where
    its start tag stands in the text. Shared by the XLIFF and TMX readers."""
    body = _check_prolog(path, text)
    root = _parse(path, text)
    _check_doctype(path, root)
    name = etree.QName(root).localname
    if name != root_name:
        raise InputError(path, f"is not {kind} file: its root element is <{name}>, not "
                               f"<{root_name}>")
    elements = list(root.iter(etree.Element))
    tags, names = _start_tags(text, body)
    if names != [_split_element(el)[1] for el in elements]:
        raise InputError(path, "the XML could not be mapped to the file's lines; please report "
                               "this file to the termcheck developers")
    local = [_name(el) for el in elements]
    return MappedTree(root, elements, tags, [name in _NATIVE for name in local],
                      {el: n for n, el in enumerate(elements)},
                      [name if name in _TAGS else None for name in local])


def read(path: str, text: str) -> Document:
    tree = mapped_tree(path, text, "xliff", "an XLIFF")
    root, tags, native, ordinal = tree.root, tree.tags, tree.native, tree.ordinal
    lines = line_starts(text)

    pieces: list[MappedString] = []
    segments: list[Segment] = []
    named: Named = {}
    position = 0
    for unit in _units(path, root):
        for role, element, lang in (("source", unit.source, unit.source_lang),
                                    ("target", unit.target, unit.target_lang)):
            if element is None:
                continue
            placed: list[Placed] = []
            string = _read_element(path, text, tags, native, tags[ordinal[element]], placed)
            expected = _flatten(element)
            if string.value != expected:
                raise InputError(path, f"line {element.sourceline}: the text of <{role}> could "
                                       "not be located in the file; please report this file to "
                                       "the termcheck developers")
            if not expected.strip():
                continue
            string.line = bisect_right(lines, tags[ordinal[element]])
            element_lang = element.get(_XML_LANG) or lang
            if pieces:
                position += 2
            segments.append(Segment(position, position + len(string.offsets), role,
                                    element_lang, unit.key,
                                    (*unit.info, ("line", str(string.line))),
                                    inline_tags(tree, placed, position, _identify, named)))
            position += len(string.offsets)
            pieces.append(string)

    doc = assemble(path, text, pieces, segments)
    doc.escape = escape
    return doc


_WRITTEN = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}


def escape(text: str) -> str:
    """``text`` as the content of an XML element writes it (``<`` as ``&lt;``); a line break
    stays one (XML reads a written CR as a line break: it is written ``&#13;``)."""
    return "".join(_WRITTEN.get(char, char) for char in text)


# --- inline tags -----------------------------------------------------------------------------

# What names an inline tag across a source and its target: its kind, and the key its
# attributes give (``ph id=1``), how a message writes it, and the value that pairs an opening
# tag with its closing one in the string (None for a tag that stands alone).
Identify = Callable[[str, etree._Element], tuple[str, str, str | None]]


# Tags written alike (name, attributes, text), named once in a file.
Named = dict[tuple, tuple[str, str, str | None]]


def inline_tags(tree: MappedTree, placed: list[Placed], base: int, identify: Identify,
                named: Named) -> tuple[InlineTag, ...]:
    """The inline tags among the elements ``placed`` in a string that starts at ``base`` in
    ``Document.text``, each named by ``identify`` (the format's rules; ``named`` keeps its
    answers for the file's other strings)."""
    found = []
    for where in placed:
        kind = tree.kinds[where.element]
        if kind is None:
            continue
        element = tree.elements[where.element]
        alike = (kind, tuple(element.attrib.items()), element.text) if len(element) == 0 \
            else None
        known = named.get(alike) if alike is not None else None
        if known is None:
            known = identify(kind, element)
            if alike is not None:
                named[alike] = known
        key, written, pair = known
        found.append(InlineTag(kind, key, written, base + where.start, base + where.end,
                               where.offset, pair, _OPENS.get(kind) if pair is not None
                               else None))
    return tuple(found)


def written_tag(kind: str, element: etree._Element, attributes: list[tuple[str, str]]) -> str:
    """A tag as a message shows it: its name and the attributes that name it, closed as the
    file writes it (``<ph id="1">``, ``<x id="2"/>``)."""
    shown = "".join(f" {name}={quoteattr(value)}" for name, value in attributes)
    empty = len(element) == 0 and not element.text
    return f"<{kind}{shown}{'/' if empty else ''}>"


def _identify(kind: str, element: etree._Element) -> tuple[str, str, str | None]:
    """XLIFF: a tag is named by its ``id`` (a 2.x ``<ec>`` by the ``startRef`` of its
    ``<sc>``, a ``<cp>`` by its ``hex``); 1.2 ``<bpt>``/``<ept>`` and ``<bx>``/``<ex>`` pair
    by ``rid``, else ``id``; 2.x ``<sc>``/``<ec>`` by the ``<sc>``'s ``id`` unless
    ``isolated="yes"``."""
    attribute = "hex" if kind == "cp" else (
        "startRef" if kind == "ec" and element.get("startRef") is not None else "id")
    value = element.get(attribute)
    named = [(attribute, value)] if value is not None else []
    pair = None
    if kind in ("sc", "ec"):
        if element.get("isolated") != "yes":
            pair = value
    elif kind in _OPENS:
        pair = element.get("rid") or element.get("id")
    key = kind + "".join(f" {name}={v}" for name, v in named)
    return key, written_tag(kind, element, named), pair


# --- parsing, safely ------------------------------------------------------------------------

# Tags (counted as "<") an XLIFF file may hold. lxml builds its tree in one call into C, where
# termcheck's memory budget cannot stop it, at about 130 bytes a node: 19 MB of "<x/>" took
# 610 MB there. A translation unit takes four to six tags, so this is some 200,000 units, more
# than a 20 MB file holds.
MAX_TAGS = 1_000_000


def _parse(path: str, text: str) -> etree._Element:
    tags = text.count("<")
    if tags > MAX_TAGS:
        raise InputError(path, f"holds {tags:,} XML tags, more than the {MAX_TAGS:,} termcheck "
                               "reads in one file; split it")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = line_of(text, exc.start)
        raise InputError(path, f"line {line}: holds a character that is not valid Unicode "
                               "(a lone surrogate)") from None
    # XML reads a lone CR as a line feed (XML 1.0, 2.11), but libxml2 counts lines at LF only:
    # given LF for each lone CR, which changes nothing of the document, its line numbers are
    # the editor's (document.LINE_BREAK).
    if "\r" in text:
        data = _LONE_CR.sub(b"\n", data)
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(path, _syntax_message(exc)) from None


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    # libxml2 may add lines of context, with bytes escaped, after its first line.
    message = (exc.msg or str(exc)).strip().split("\n", 1)[0]
    message = _LXML_POSITION.sub("", message).strip()
    line, column = exc.position if exc.position else (exc.lineno, 0)
    hint = ""
    undefined = re.match(r"Entity '([^']+)' not defined", message)
    if undefined:
        hint = (f"&{undefined.group(1)}; is not an XML entity: write the character itself or a "
                "numeric reference such as &#233; (only &amp; &lt; &gt; &quot; &apos; are "
                "predefined)")
    elif "EntityRef" in message:
        hint = 'a "&" in text must be written "&amp;"'
    elif "StartTag: invalid element name" in message:
        hint = 'a "<" in text must be written "&lt;"'
    elif "tag mismatch" in message:
        hint = "an element is closed in the wrong place or not closed"
    where = f"line {line}, column {column}" if column else f"line {line}"
    return f"{where}: not well-formed XML: {message}" + (f"; {hint}" if hint else "")


def _check_prolog(path: str, text: str) -> int:
    """Refuse a DOCTYPE that declares entities or names an external file; return the offset
    where the root element may start (after the XML declaration, comments and DOCTYPE)."""
    pos = 1 if text.startswith("\ufeff") else 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos)
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos)
        elif text.startswith("<!DOCTYPE", pos):
            end = _check_doctype_text(path, text, pos)
        else:
            return pos
        if end < 0:
            return pos  # unterminated: lxml reports it
        pos = text.index(">", end) + 1


def _check_doctype_text(path: str, text: str, start: int) -> int:
    """Scan a DOCTYPE declaration; return the offset of its closing ``>`` (-1 if none)."""
    line = line_of(text, start)
    pos = start + len("<!DOCTYPE")
    external = ""
    while pos < len(text):
        char = text[pos]
        if char in "\"'":
            end = text.find(char, pos + 1)
            if end < 0:
                return -1
            external = external or text[pos + 1:end]
            pos = end + 1
        elif char == "[":
            pos = _check_subset(path, text, pos + 1)
            if pos < 0:
                return -1
        elif char == ">":
            header = _QUOTED.sub(" ", text[start:pos])
            if re.search(r"\b(SYSTEM|PUBLIC)\b", header):
                raise InputError(path, f"line {line}: the DOCTYPE refers to an external file "
                                       f"({external}); termcheck never loads external files: "
                                       "remove the DOCTYPE (XLIFF needs none)")
            return pos
        else:
            pos += 1
    return -1


def _check_subset(path: str, text: str, pos: int) -> int:
    """Scan a DOCTYPE's internal subset from ``pos``; return the offset after its ``]``."""
    while pos < len(text):
        if text.startswith("<!--", pos):
            end = text.find("-->", pos)
            if end < 0:
                return -1
            pos = end + 3
        elif text.startswith("<!ENTITY", pos):
            line = line_of(text, pos)
            raise InputError(path, f"line {line}: the DOCTYPE declares an entity (<!ENTITY>); "
                                   "termcheck never expands entities, which can blow a file up "
                                   "or read other files: remove the DOCTYPE and write "
                                   "characters as themselves or as numeric references such as "
                                   "&#233;")
        elif text[pos] in "\"'":
            end = text.find(text[pos], pos + 1)
            if end < 0:
                return -1
            pos = end + 1
        elif text[pos] == "]":
            return pos + 1
        elif text[pos] == "%":
            line = line_of(text, pos)
            raise InputError(path, f"line {line}: the DOCTYPE uses a parameter entity (%…;); "
                                   "termcheck never expands entities: remove the DOCTYPE")
        else:
            pos += 1
    return -1


def _check_doctype(path: str, root: etree._Element) -> None:
    """Second line of defence, after lxml parsed the file: no entity, no external DTD."""
    info = root.getroottree().docinfo
    dtd = info.internalDTD
    if (dtd is not None and any(True for _ in dtd.entities())) or \
            any(isinstance(node, etree._Entity) for node in root.iter()):
        raise InputError(path, "the file declares or uses entities; termcheck never expands "
                               "entities: remove the DOCTYPE")
    if info.system_url or info.public_id:
        external = info.system_url or info.public_id
        raise InputError(path, f"the DOCTYPE refers to an external file ({external}); remove "
                               "the DOCTYPE (XLIFF needs none)")


# --- the units ------------------------------------------------------------------------------

def _split(tag: str) -> tuple[str | None, str]:
    """(namespace, local name) of an lxml tag such as ``{urn:…}source``."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return None, tag


def _name(element: etree._Element) -> str | None:
    """The local name of an XLIFF element (None for comments and foreign elements)."""
    if not isinstance(element.tag, str):
        return None
    namespace, local = _split(element.tag)
    return local if namespace in _XLIFF_NAMESPACES else None


def _is_native(element: etree._Element) -> bool:
    return _name(element) in _NATIVE


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _name(child) == name]


def _strings(path: str, element: etree._Element, name: str, namespace: str | None
             ) -> list[etree._Element]:
    """The ``<source>`` or ``<target>`` children of a unit (or 2.x segment), in the file's
    namespace. XLIFF tools take no other element for the unit's text: a ``<target>`` in another
    namespace (another XLIFF version's, none, a tool's) is a translation they drop on merge and
    that termcheck would skip without a word; when the unit has no string of the file's own,
    it is an input error naming its line."""
    found = [child for child in element if _split_element(child) == (namespace, name)]
    if not found:
        for child in element:
            other, local = _split_element(child)
            if local == name and other != namespace:
                raise _foreign(path, child, name, other, namespace)
    return found


def _split_element(element: etree._Element) -> tuple[str | None, str | None]:
    return _split(element.tag) if isinstance(element.tag, str) else (None, None)


def _foreign(path: str, element: etree._Element, name: str, namespace: str | None,
             expected: str | None) -> InputError:
    def shown(uri: str | None) -> str:
        return f"namespace '{uri}'" if uri else "no namespace"

    role = {"target": "translation", "source": "source text", "segment": "segment"}.get(
        name, "unit")
    return InputError(path, f"line {element.sourceline}: <{name}> is in {shown(namespace)}, not "
                            f"in the file's XLIFF {shown(expected)}, so XLIFF tools do not take "
                            f"it for the {role} and termcheck cannot check it; write it in the "
                            "file's namespace (as its other elements are written)")


def _units(path: str, root: etree._Element) -> Iterator[_Unit]:
    version = root.get("version") or ""
    namespace = etree.QName(root).namespace
    two = version.startswith("2") or ":document:2." in (namespace or "")
    files = _children(root, "file")
    several = len(files) > 1
    owners: dict[str, etree._Element] = {}  # key -> unit element (2.x segments share it)
    for number, file in enumerate(files, 1):
        prefix = ""
        if several:
            prefix = (file.get("id") or file.get("original") or f"file {number}") + "\x04"
        units = (_units_2(path, root, file, namespace) if two
                 else _units_12(path, file, namespace))
        for unit in units:
            unit.key = prefix + unit.key
            if owners.setdefault(unit.key, unit.element) is not unit.element:
                unit.key += f"\x00{unit.element.sourceline}"
            yield unit


def _walk(path: str, element: etree._Element, unit_name: str, translate: bool,
          namespace: str | None) -> Iterator[etree._Element]:
    """The units under ``element`` that are to be translated (``translate`` is inherited); a
    unit in another namespace than the file's is an input error (never skipped unsaid)."""
    for child in element:
        other, local = _split_element(child)
        if local == unit_name and other != namespace:
            raise _foreign(path, child, unit_name, other, namespace)
        name = _name(child)
        if name is None:
            continue
        here = (child.get("translate") or ("yes" if translate else "no")) != "no"
        if name == unit_name:
            if here:
                yield child
        elif name in ("body", "group"):
            yield from _walk(path, child, unit_name, here, namespace)


def _notes(elements: list[etree._Element]) -> tuple[tuple[str, str], ...]:
    texts = ["".join(note.itertext()).strip() for note in elements]
    texts = [t for t in texts if t]
    return (("note", "\n".join(texts)),) if texts else ()


def _units_12(path: str, file: etree._Element, namespace: str | None) -> Iterator[_Unit]:
    source_lang = file.get("source-language") or None
    target_lang = file.get("target-language") or None
    translate = file.get("translate") != "no"
    for element in _walk(path, file, "trans-unit", translate, namespace):
        sources = _strings(path, element, "source", namespace)
        targets = _strings(path, element, "target", namespace)
        target = targets[0] if targets else None
        info: list[tuple[str, str]] = []
        state = target.get("state") if target is not None else None
        if state:
            info.append(("state", state))
            if state in _FUZZY_STATES:
                info.append(("fuzzy", "1"))
        unit_id = element.get("id")
        if unit_id is not None:
            info.append(("id", unit_id))
        info.extend(_notes(_children(element, "note")))
        yield _Unit(unit_id if unit_id is not None else f"line {element.sourceline}", element,
                    sources[0] if sources else None, target, tuple(info), source_lang,
                    target_lang)


def _units_2(path: str, root: etree._Element, file: etree._Element, namespace: str | None
             ) -> Iterator[_Unit]:
    source_lang = root.get("srcLang") or None
    target_lang = root.get("trgLang") or None
    translate = file.get("translate") != "no"
    for element in _walk(path, file, "unit", translate, namespace):
        unit_id = element.get("id")
        key = unit_id if unit_id is not None else f"line {element.sourceline}"
        notes = [n for block in _children(element, "notes") for n in _children(block, "note")]
        for position, segment in enumerate(_strings(path, element, "segment", namespace), 1):
            sources = _strings(path, segment, "source", namespace)
            targets = _strings(path, segment, "target", namespace)
            info: list[tuple[str, str]] = []
            if state := segment.get("state"):
                info.append(("state", state))
            if unit_id is not None:
                info.append(("id", unit_id))
            # What pairs a segment's source with its target in a unit of several: its id,
            # else its place in the unit.
            info.append(("segment", segment.get("id") or f"#{position}"))
            info.extend(_notes(notes))
            yield _Unit(key, element, sources[0] if sources else None,
                        targets[0] if targets else None, tuple(info), source_lang, target_lang)


# --- text and offsets -----------------------------------------------------------------------

def _flatten(element: etree._Element) -> str:
    """The text of an element as this reader sees it, from lxml's tree."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(" " if _is_native(child) else _flatten(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _skip(text: str, pos: int) -> tuple[str, int]:
    """At a ``<``: what markup starts there and where it ends (after it)."""
    if text.startswith("<!--", pos):
        return "comment", text.index("-->", pos) + 3
    if text.startswith("<![CDATA[", pos):
        return "cdata", text.index("]]>", pos) + 3
    if text.startswith("<?", pos):
        return "pi", text.index("?>", pos) + 2
    match = _TAG.match(text, pos)
    if match is None:
        raise ValueError(pos)
    if match.group(1):
        return "end", match.end()
    return ("empty" if match.group(3) else "start"), match.end()


def _start_tags(text: str, pos: int) -> tuple[list[int], list[str]]:
    """Offsets and local names of every start tag (and empty-element tag) of the file, in
    order."""
    tags: list[int] = []
    names: list[str] = []
    while True:
        pos = text.find("<", pos)
        if pos < 0:
            return tags, names
        following = text[pos + 1:pos + 2]
        if following in ("!", "?"):
            try:
                pos = _skip(text, pos)[1]
            except ValueError:  # not before the root element: lxml refused it already
                pos += 1
            continue
        match = _TAG.match(text, pos)
        if match is None:
            return tags, names
        if not match.group(1):
            tags.append(pos)
            names.append(match.group(2).rpartition(":")[2])
        pos = match.end()


def _append(string: MappedString, text: str, start: int, end: int, references: bool) -> None:
    """Characters of ``text[start:end]`` as XML reads them: line breaks normalised to ``\\n``
    and, outside CDATA, references replaced by their character (mapped to the ``&``)."""
    pos = start
    while pos < end:
        run = _PLAIN.match(text, pos, end) if references else _PLAIN_CDATA.match(text, pos, end)
        if run:
            string.parts.append(run.group())
            string.offsets.extend(range(pos, run.end()))
            pos = run.end()
            continue
        char = text[pos]
        if char == "\r":
            string.parts.append("\n")
            string.offsets.append(pos)
            pos += 2 if text.startswith("\r\n", pos) else 1
            continue
        if char == "&" and references:
            match = _REFERENCE.match(text, pos, end)
            if match is None:
                raise ValueError(pos)
            hexa, decimal, name = match.groups()
            if name is not None and name not in _PREDEFINED:
                raise ValueError(pos)
            string.parts.append(chr(int(hexa, 16)) if hexa else chr(int(decimal)) if decimal
                                else _PREDEFINED[cast(str, name)])
            string.offsets.append(pos)
            pos = match.end()
            continue
        string.parts.append(char)
        string.offsets.append(pos)
        pos += 1


@dataclass(slots=True)
class Placed:
    """An element inside a string read by ``_read_element``: its number in document order
    (``MappedTree.elements``), where it stands in the string (``start``, ``end``: the one
    space of a native-code element, the text inside another) and where its ``<`` is in the
    file."""

    element: int
    start: int
    end: int
    offset: int


def _read_element(path: str, text: str, tags: list[int], native: list[bool],
                  start: int, placed: list[Placed] | None = None) -> MappedString:
    """The text of the element whose start tag is at ``start``, read from the file; with
    ``placed``, each element inside it (not inside native code) is added there."""
    string = MappedString()  # end: the element's end tag (or its empty tag)
    kind, pos = _skip(text, start)
    if kind == "empty":
        string.end = start
        return string
    depth = 0  # open elements inside the one read
    skipping: int | None = None  # depth at which a native-code element was opened
    opened: list[tuple[int, Placed]] = []  # elements whose end tag is to come, with their depth
    try:
        while True:
            lt = text.index("<", pos)
            if skipping is None:
                _append(string, text, pos, lt, True)
            kind, pos = _skip(text, lt)
            if kind == "cdata" and skipping is None:
                _append(string, text, lt + len("<![CDATA["), pos - len("]]>"), False)
            elif kind in ("start", "empty"):
                number = bisect_left(tags, lt)
                is_native = native[number]
                if skipping is None:
                    here = len(string.offsets)
                    element = Placed(number, here, here + is_native, lt)
                    if placed is not None:
                        placed.append(element)
                    if is_native:
                        string.parts.append(" ")
                        string.offsets.append(lt)
                        if kind == "start":
                            skipping = depth
                    elif kind == "start":
                        opened.append((depth, element))
                if kind == "start":
                    depth += 1
            elif kind == "end":
                if depth == 0:
                    string.end = lt
                    return string
                depth -= 1
                if skipping == depth:
                    skipping = None
                elif opened and opened[-1][0] == depth:
                    opened.pop()[1].end = len(string.offsets)
    except ValueError:
        line = line_of(text, start)
        raise InputError(path, f"line {line}: this element could not be read; please report "
                               "this file to the termcheck developers") from None
