"""Properties of the translation readers (PO, XLIFF 1.2) and of ``--fix`` on them, with random
sources and targets written by polib and lxml: no exception; every span inside the text and
each of its characters on its own character (or escape, reference, tag) in the file; fixes keep
the file readable and change exactly the flagged strings; a second round of fixes changes
nothing.
"""

from __future__ import annotations

import re

import polib
import pytest
from fuzz import default_checker, document
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from checker.errors import InputError
from checker.readers import reader_for
from checker.tools import fixes

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

# What XML 1.0 cannot carry, and the NUL a PO string cannot hold.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
strings = document(max_pieces=6)
units = st.lists(st.tuples(strings, strings), min_size=1, max_size=3)
XLIFF = "urn:oasis:names:tc:xliff:document:1.2"


def po_file(pairs: list[tuple[str, str]]) -> str:
    catalog = polib.POFile(wrapwidth=40)
    catalog.metadata = {"Language": "fr", "X-Source-Language": "en",
                        "Content-Type": "text/plain; charset=UTF-8"}
    for number, (source, target) in enumerate(pairs):
        catalog.append(polib.POEntry(msgctxt=str(number), msgid=source.replace("\x00", "") or "x",
                                     msgstr=target.replace("\x00", "")))
    return str(catalog)


def xliff_file(pairs: list[tuple[str, str]]) -> str:
    root = etree.Element(f"{{{XLIFF}}}xliff", nsmap={None: XLIFF}, version="1.2")
    file = etree.SubElement(root, f"{{{XLIFF}}}file", {"source-language": "en",
                                                        "target-language": "fr"})
    body = etree.SubElement(file, f"{{{XLIFF}}}body")
    for number, (source, target) in enumerate(pairs):
        unit = etree.SubElement(body, f"{{{XLIFF}}}trans-unit", id=str(number))
        etree.SubElement(unit, f"{{{XLIFF}}}source").text = _NOT_XML.sub("", source)
        etree.SubElement(unit, f"{{{XLIFF}}}target").text = _NOT_XML.sub("", target)
    return etree.tostring(root, encoding="unicode")


@given(pairs=units, kind=st.sampled_from(["x.po", "x.xlf"]), unsafe=st.booleans())
def test_translation_files_are_checked_and_fixed_in_place(pairs, kind, unsafe):
    raw = po_file(pairs) if kind == "x.po" else xliff_file(pairs)
    checker = default_checker("fr")  # (the files say their languages)
    result = checker.check_text(raw, kind)
    doc = result.document
    for finding in result.findings:
        if finding.rule == "unused-suppression":
            continue
        assert 0 <= finding.start < finding.end <= len(doc.text)
        assert doc.text[finding.start:finding.end] == finding.text
        assert (finding.line, finding.column) == doc.position(finding.start)
        for index in range(finding.start, finding.end):
            assert raw[doc.offsets[index]] in (doc.text[index], "\\", "&", "<")

    edits = fixes.planned_edits(result, unsafe)
    new = fixes.fixed_text(result, unsafe)
    if new is None:
        return

    def written(text: str) -> str:  # as the file escapes text (PO: a line break as \n)
        return doc.escape(text) if doc.escape else text

    expected = doc.text
    for start, end, replacement in reversed(edits):
        # Every edit is a flagged span of the file replaced by its fix (two findings may start
        # at one place: the edit is one of them).
        finding = next(f for f in result.findings
                       if f.fix is not None and doc.file_offset(f.start) == start
                       and written(f.fix.replacement) == replacement
                       and raw[start:end] == written(doc.text[f.start:f.end]))
        expected = expected[:finding.start] + finding.fix.replacement + expected[finding.end:]
    assert reader_for(kind)(kind, new).text == expected  # the file still reads, as intended

    final, last = fixes.converged_text(result, checker.recheck, unsafe)
    assert final is not None
    assert fixes.converged_text(last, checker.recheck, unsafe)[0] is None


BREAKERS = st.sampled_from(["", '"', "\\", "<", ">", "&", "\n", "\r", "msgstr ", "msgid ",
                            "msgstr[1] ", "#~ ", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;",
                            "&#0;", "&#x110000;", "]]>", "<![CDATA[", "</target>", "<g>",
                            "<source>", "\x00", "\ufeff", "<?xml ?>", "xmlns:a='b'"])


@given(pairs=units, kind=st.sampled_from(["x.po", "x.xlf"]),
       cuts=st.lists(st.tuples(st.integers(0, 5_000), st.integers(0, 30), BREAKERS),
                     min_size=1, max_size=4))
def test_broken_translation_files_are_input_errors_never_crashes(pairs, kind, cuts):
    raw = po_file(pairs) if kind == "x.po" else xliff_file(pairs)
    for position, length, insert in cuts:
        at = position % (len(raw) + 1)
        raw = raw[:at] + insert + raw[at + length:]
    try:
        result = default_checker("fr").check_text(raw, kind)
    except InputError as error:
        assert error.message and "\n" not in error.message
        return
    doc = result.document
    for finding in result.findings:
        if finding.rule != "unused-suppression":
            assert doc.text[finding.start:finding.end] == finding.text
            assert 1 <= finding.line <= len(re.findall(r"\r\n|\r|\n", raw)) + 1
