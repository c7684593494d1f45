"""TBX: the ISO 30042 TermBase eXchange format, written as TBX-Basic in the TBX v3 DCA style
(``tbx``) or as ISO 30042:2008 TBX-Basic (``tbx-basic``: ``martif``, ``termEntry``,
``langSet``, ``tig``; what translate-toolkit, Weblate and Pootle read), and read from TBX v3
(any dialect) and TBX v2 (``martif``) files. Both written dialects carry the same data
(below, with the v3 names; ``termEntry``, ``langSet``, ``tig`` in the 2008 one).

How a termcheck entry is written (and read back):

- ``conceptEntry id`` = the entry id (an id starting with a digit, which XML forbids there, is
  written with a leading ``_``);
- ``<descrip type="subjectField">`` = the entry type (person, place, organization, title,
  other);
- ``<note>`` = the note; ``<note>termcheck-case: exact</note>`` and
  ``<note>termcheck-ambiguous: true</note>`` carry the case policy (when it is not the type's
  default) and the ``ambiguous`` flag;
- one ``langSec xml:lang`` per language and one ``termSec`` per form, whose
  ``termNote type="administrativeStatus"`` is ``preferredTerm-admn-sts`` (preferred),
  ``admittedTerm-admn-sts`` (accepted) or ``deprecatedTerm-admn-sts`` (avoid); a short form is
  ``preferredTerm-admn-sts`` with ``termNote type="termType"`` ``shortForm``;
  ``termNote type="partOfSpeech"`` is ``properNoun`` for names, ``noun`` for titles;
- each ``see_also`` id is a ``<ref type="crossReference" target="ID">ID</ref>`` of the concept
  (TBX's cross-reference to another concept entry);
- adjectives and demonyms are no terms of the concept (a translation tool must not offer
  ``bolivien`` as a synonym of ``Bolivie``): they are ``<note>termcheck-adjectives: a | b</note>``
  and ``<note>termcheck-demonyms: …</note>`` of their ``langSec``.

Reading other tools' files: ``termEntry``/``langSet``/``tig``/``ntig`` (TBX v2) are read like
their v3 counterparts; ``normativeAuthorization`` is read like ``administrativeStatus``;
``supersededTerm`` and other "do not use" statuses count as avoid; a term without status, or a
second preferred term, is a warning (see ``glossary.exchange.build_entries``); data categories
termcheck has no place for are counted in one warning each. The XML is parsed without entity
resolution, DTD loading or network access.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lxml import etree

from ..model import DEFAULT_CASE, EntryType, Status, Termbase
from . import Concept, ExchangeError, Term, lang_code

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CASE_NOTE = "termcheck-case:"
AMBIGUOUS_NOTE = "termcheck-ambiguous:"
DERIVED_NOTES = {"adjectives": "termcheck-adjectives:", "demonyms": "termcheck-demonyms:"}
_LIST_SEPARATOR = " | "
_STATUS_OUT = {Status.PREFERRED: "preferredTerm-admn-sts", Status.ACCEPTED: "admittedTerm-admn-sts",
               Status.AVOID: "deprecatedTerm-admn-sts", Status.SHORT: "preferredTerm-admn-sts"}
_NAME_TYPES = (EntryType.PERSON, EntryType.PLACE, EntryType.ORGANIZATION)
_TERM_TAGS = ("termSec", "tig", "ntig")
_CONCEPT_TAGS = ("conceptEntry", "termEntry")
_LANG_TAGS = ("langSec", "langSet")


def _status_in(value: str) -> str | None:
    """termcheck status of an administrativeStatus or normativeAuthorization value."""
    value = value.strip().removesuffix("-admn-sts").lower()
    if value in ("preferredterm", "standardizedterm", "legalterm", "regulatedterm"):
        return "preferred"
    if value == "admittedterm":
        return "accepted"
    if value in ("deprecatedterm", "supersededterm", "notrecommended", "forbidden",
                 "obsoleteterm"):
        return "avoid"
    return None


# --- export --------------------------------------------------------------------------------------
def _xml_id(entry_id: str) -> str:
    return entry_id if entry_id[:1].isalpha() else f"_{entry_id}"


# The element names of the two dialects termcheck writes.
_TBX_V3 = {"root": "tbx", "header": "tbxHeader", "concept": "conceptEntry", "lang": "langSec",
           "term": "termSec"}
_TBX_2008 = {"root": "martif", "header": "martifHeader", "concept": "termEntry",
             "lang": "langSet", "term": "tig"}


def export_tbx(termbase: Termbase, source: str = "", dialect: str = "v3") -> str:
    """The termbase as TBX-Basic: in the TBX v3 DCA style (``dialect`` ``v3``, ISO
    30042:2019), or as ISO 30042:2008 TBX-Basic (``dialect`` ``2008``: ``martif``,
    ``termEntry``, ``langSet``, ``tig``, no namespace), the dialect translate-toolkit, Weblate
    and Pootle read. The same data categories in both."""
    names = _TBX_2008 if dialect == "2008" else _TBX_V3
    qualified = (lambda tag: tag) if dialect == "2008" else (lambda tag: f"{{{NAMESPACE}}}{tag}")
    if dialect == "2008":
        root = etree.Element("martif", attrib={"type": "TBX-Basic-V1", XML_LANG: "en"})
    else:
        root = etree.Element(qualified("tbx"), nsmap={None: NAMESPACE},
                             attrib={"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header = etree.SubElement(root, qualified(names["header"]))
    description = etree.SubElement(etree.SubElement(header, qualified("fileDesc")),
                                   qualified("sourceDesc"))
    etree.SubElement(description, qualified("p")).text = (
        f"Exported by termcheck{' from ' + source if source else ''}. Entry type: "
        f"subjectField; case policy and ambiguity: notes starting with 'termcheck-'.")
    if dialect == "2008":
        encoding = etree.SubElement(header, "encodingDesc")
        etree.SubElement(encoding, "p", attrib={"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, qualified("text")), qualified("body"))

    def sub(parent, tag: str, text: str | None = None, **attrs: str):
        element = etree.SubElement(parent, qualified(tag), attrib=attrs)
        if text is not None:
            element.text = text
        return element

    for entry in termbase:
        concept = sub(body, names["concept"], id=_xml_id(entry.id))
        sub(concept, "descrip", str(entry.type), type="subjectField")
        if entry.note:
            sub(concept, "note", entry.note)
        if entry.case is not DEFAULT_CASE[entry.type]:
            sub(concept, "note", f"{CASE_NOTE} {entry.case}")
        if entry.ambiguous is not None:
            sub(concept, "note", f"{AMBIGUOUS_NOTE} {str(entry.ambiguous).lower()}")
        for other in entry.see_also:
            sub(concept, "ref", other, type="crossReference", target=_xml_id(other))
        part_of_speech = "properNoun" if entry.type in _NAME_TYPES else "noun"
        for lang, forms in entry.languages.items():
            section = etree.SubElement(concept, qualified(names["lang"]),
                                       attrib={XML_LANG: lang})
            for form in forms.forms():
                term_section = sub(section, names["term"])
                sub(term_section, "term", form.text)
                sub(term_section, "termNote", part_of_speech, type="partOfSpeech")
                sub(term_section, "termNote", _STATUS_OUT[form.status],
                    type="administrativeStatus")
                if form.status is Status.SHORT:
                    sub(term_section, "termNote", "shortForm", type="termType")
            for kind, prefix in DERIVED_NOTES.items():
                words = [w.text for w in getattr(forms, kind)]
                if words:
                    # A note may stand before the terms only (langSec: note*, termSec+;
                    # langSet: note*, tig+).
                    note = etree.Element(qualified("note"))
                    note.text = f"{prefix} {_LIST_SEPARATOR.join(words)}"
                    section.insert(sum(1 for c in section if _local(c) == "note"), note)
    etree.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + etree.tostring(root, encoding="unicode", pretty_print=True))


# --- import --------------------------------------------------------------------------------------
def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def _local(element: Any) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _text(element: Any) -> str:
    return "".join(element.itertext())


def read_tbx(data: bytes, path: str) -> tuple[list[Concept], list[str]]:
    """Concepts of a TBX file and the warnings about the file as a whole."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        raise ExchangeError(f"{path}:{line}: not well-formed XML: {exc.msg}") from None
    if _local(root) not in ("tbx", "martif"):
        raise ExchangeError(f"{path}: not a TBX file (the root element is <{_local(root)}>, "
                            f"not <tbx> or <martif>)")
    ignored: Counter[str] = Counter()
    concepts = [_concept(element, path, ignored) for element in root.iter()
                if _local(element) in _CONCEPT_TAGS]
    warnings = [f"{path}: ignored data category '{name}' ({count} time"
                f"{'s' if count != 1 else ''})" for name, count in sorted(ignored.items())]
    if not concepts:
        warnings.append(f"{path}: no conceptEntry (or termEntry) found")
    return concepts, warnings


def _category(element: Any) -> str:
    kind = element.get("type")
    return f"{_local(element)}/{kind}" if kind else _local(element)


def _concept(element: Any, path: str, ignored: Counter[str]) -> Concept:
    where = f"{path}:{element.sourceline}"
    raw_id = element.get("id") or None
    if raw_id and raw_id.startswith("_") and raw_id[1:2].isdigit():
        raw_id = raw_id[1:]
    concept = Concept(where, raw_id)
    for child in element:
        name = _local(child)
        if name in _LANG_TAGS:
            _language(child, concept, path, ignored)
        elif name == "descrip" and child.get("type") == "subjectField":
            value = _text(child).strip()
            if value in [str(t) for t in EntryType] and concept.type is None:
                concept.type = value
            else:
                ignored["descrip/subjectField"] += 1
        elif name == "note":
            _note(_text(child), concept)
        elif name == "ref" and child.get("type") == "crossReference":
            target = (child.get("target") or _text(child)).strip()
            if target.startswith("_") and target[1:2].isdigit():
                target = target[1:]
            if target:
                concept.see_also.append(target)
        elif name == "descripGrp":
            for grand in child:
                if _local(grand) == "descrip" and grand.get("type") == "subjectField":
                    value = _text(grand).strip()
                    if value in [str(t) for t in EntryType] and concept.type is None:
                        concept.type = value
                        continue
                ignored[_category(grand)] += 1
        elif name:
            ignored[_category(child)] += 1
    return concept


def _note(text: str, concept: Concept) -> None:
    stripped = text.strip()
    if stripped.startswith(CASE_NOTE):
        concept.case = stripped[len(CASE_NOTE):].strip()
    elif stripped.startswith(AMBIGUOUS_NOTE):
        concept.ambiguous = stripped[len(AMBIGUOUS_NOTE):].strip().lower() == "true"
    else:
        concept.notes.append(stripped)


def _language(element: Any, concept: Concept, path: str, ignored: Counter[str]) -> None:
    raw = element.get(XML_LANG) or element.get("lang") or ""
    lang = lang_code(raw)
    if lang is None:
        ignored[f"langSec with language '{raw}'"] += 1
        return
    for child in element:
        name = _local(child)
        if name in _TERM_TAGS:
            term = _term(child, lang, path, ignored)
            if term is not None:
                concept.terms.append(term)
        elif name == "note":
            text = _text(child).strip()
            kind = next((k for k, prefix in DERIVED_NOTES.items() if text.startswith(prefix)),
                        None)
            if kind is None:
                concept.notes.append(text)
            else:
                words = text[len(DERIVED_NOTES[kind]):].split("|")
                concept.derived.setdefault((lang, kind), []).extend(
                    w.strip() for w in words if w.strip())
        elif name:
            ignored[_category(child)] += 1


def _term(element: Any, lang: str, path: str, ignored: Counter[str]) -> Term | None:
    text: str | None = None
    status: str | None = None
    short = False
    children = list(element)
    # ntig (TBX v2) nests the term and its notes in a termGrp.
    for child in list(children):
        if _local(child) == "termGrp":
            children.extend(child)
    for child in children:
        name = _local(child)
        kind = child.get("type")
        if name == "term" and text is None:
            text = _text(child)
        elif name == "termNote" and kind in ("administrativeStatus", "normativeAuthorization"):
            status = _status_in(_text(child)) or status
            if _status_in(_text(child)) is None:
                ignored[f"termNote/{kind} '{_text(child).strip()}'"] += 1
        elif name == "termNote" and kind == "termType":
            short = _text(child).strip() in ("shortForm", "abbreviation", "shortcut")
        elif name == "termNote" and kind == "partOfSpeech":
            continue
        elif name and name != "termGrp":
            ignored[_category(child)] += 1
    if text is None:
        return None
    if short and status in (None, "preferred"):
        status = "short"
    return Term(lang, text, status, f"{path}:{element.sourceline}")
