"""Properties of the readers, the matcher, the rules and the reporters on random drafts: no
exception, every span inside the document and covering the reported text, the same findings on
every run, and the same findings for the NFC and the NFD spelling of a draft.

Reports (under hostile file names, beside an input that could not be read): every format
renders; JSON and SARIF parse and hold every finding at its place; JUnit and HTML parse; GitHub
gives exactly one workflow command per finding and per unreadable file, so a draft cannot inject
a command of its own; the text report carries no control character (no terminal escape
sequence, no bidi override) other than the colours it adds itself.

"The same findings at the same places" (NFC against NFD) means: the same rules, severities,
entries and expected texts, and spans that cover the same characters once normalised, that is,
for a span ``start:end`` of the NFD text, ``len(nfc(nfd[:start]))`` and ``len(nfc(nfd[:end]))``
are the span's offsets in the NFC text, and the text the two spans cover is the same once both
are put in NFC. A finding that is not on a span (``unused-suppression``) is compared by rule,
line and text.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET

import lxml.html
import pytest
from fuzz import DRAFT_SUFFIXES, default_checker, document, nfc_document
from hypothesis import example, given
from hypothesis import strategies as st

from checker.engine import FileResult, Report
from checker.findings import Finding
from checker.reporters import FORMATS, render

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

# Hostile beginnings of file names (the suffix still chooses the reader).
NAMES = st.sampled_from([
    "", "a b/é ü-", "x\u202egnp-", "c:d,e-", "%0A::error::x-", "<script>-", "line\nbreak-",
    "esc\x1b[31m-", "tab\there-", "zero\u200bwidth-", "€-",
])
# Control characters (C0 but tab and line feed, C1) and the characters that reorder text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                      r"\u061c\u2028\u2029]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")
LANGS = st.sampled_from(["fr", "en", "auto"])
PATHS = st.sampled_from(DRAFT_SUFFIXES)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def assert_well_placed(result: FileResult, text: str) -> None:
    """Every finding lies within the document and covers the text it reports."""
    assert result.error is None
    doc = result.document
    assert doc is not None and doc.raw == text
    previous = 0
    for segment in doc.segments:
        assert previous <= segment.start < segment.end <= len(doc.text)
        previous = segment.end
    for finding in result.findings:
        if finding.rule == "unused-suppression":
            assert finding.start == finding.end == 0
            line = doc.line_text(finding.line)
            assert line[finding.column - 1:finding.end_column - 1] == finding.text
            continue
        assert 0 <= finding.start < finding.end <= len(doc.text), finding
        assert doc.text[finding.start:finding.end] == finding.text
        assert (finding.line, finding.column) == doc.position(finding.start)
        assert (finding.end_line, finding.end_column) == doc.end_position(finding.end)
        assert raw_slice(doc.raw, finding) == finding.text
        # A span never separates a letter from the accent that follows it.
        following = doc.text[finding.end:finding.end + 1]
        assert not unicodedata.category(following or "a").startswith("M"), finding
        if finding.fix is not None:
            assert finding.fix.replacement


def raw_slice(raw: str, finding: Finding) -> str:
    """The file's text between a finding's (line, column) and (end_line, end_column); lines end
    at CR LF, LF and a lone CR, as editors end them."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
    start = starts[finding.line - 1] + finding.column - 1
    end = starts[finding.end_line - 1] + finding.end_column - 1
    return raw[start:end]


@given(text=document(), name=NAMES, path=PATHS, lang=LANGS, broken=st.booleans())
def test_findings_lie_in_the_document_repeat_and_render(text, name, path, lang, broken):
    checker = default_checker(lang)
    first = checker.check_text(text, path)
    assert_well_placed(first, text)
    again = checker.check_text(text, path)
    assert [(f, f.message) for f in again.findings] == [(f, f.message) for f in first.findings]
    assert again.language == first.language
    # The same findings under a hostile file name, beside an input that could not be read.
    results = [checker.check_text(text, name + path)] if name else [first]
    if broken:
        results.append(FileResult("bro\x1bken\n.po", error="line 3: PO syntax error: \x07"))
    assert_reports(Report(results))


def assert_reports(report: Report) -> None:
    """Every format renders every finding (see the module doc)."""
    findings = report.findings
    outputs = {fmt: render(report, fmt) for fmt in FORMATS}

    data = json.loads(outputs["json"])
    assert [(f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"])
            for f in data["findings"]] == [(f.path, f.line, f.column, f.end_line, f.end_column,
                                            f.rule) for f in findings]
    assert len(data["errors"]) == len(report.errors)

    sarif = json.loads(outputs["sarif"])
    assert len(sarif["runs"][0]["results"]) == len(findings)

    assert len(json.loads(outputs["gitlab"])) == len(findings)

    # JUnit: a test case per finding, one for a file without finding or not checked.
    suite = ET.fromstring(outputs["junit"].encode("utf-8"))
    assert len(suite.findall("testcase")) == sum(
        1 if r.error is not None else max(1, len(r.findings)) for r in report.results)
    assert len(suite.findall("testcase/failure")) == len(findings)

    page = lxml.html.document_fromstring(outputs["html"])
    assert not page.xpath("//script") and "<script" not in outputs["html"]

    lines = outputs["github"].rstrip("\n").split("\n")
    commands = len(findings) + len(report.errors)
    assert all(line.startswith("::") for line in lines[:commands])
    assert len(lines) - commands == (2 if report.errors else 1)  # then the summary
    assert not any(line.startswith("::") for line in lines[commands:])

    for color in (False, True):
        text = render(report, "text", color=color)
        plain = _SGR.sub("", text) if color else text
        assert not _CONTROL.search(plain), repr(_CONTROL.search(plain).group())


def normalised_findings(result: FileResult) -> list[tuple]:
    """The findings of a result as the NFC/NFD comparison sees them (see the module doc)."""
    text = result.document.text
    out = []
    for f in result.findings:
        fix = (nfc(f.fix.replacement), f.fix.safe) if f.fix else None
        expected = nfc(f.expected) if f.expected is not None else None
        common = (f.rule, str(f.severity), f.entry, expected, nfc(f.text), fix, f.lang)
        if f.rule == "unused-suppression":
            out.append((*common, f.line))
        else:
            out.append((*common, len(nfc(text[:f.start])), len(nfc(text[:f.end])),
                        nfc(f.message)))
    return sorted(out, key=repr)


@given(text=nfc_document, path=PATHS, lang=LANGS)
# Seven words in NFC, eight in NFD (a decomposed Ï split the word): the language was
# identified in one and not the other.
@example(text="AAP AAP AAP ALMAZBEK ATAMBA\u00cfEV\n\n\ngovernment psokesperson . ",
         path="draft.txt", lang="auto")
def test_nfc_and_nfd_drafts_give_the_same_findings(text, path, lang):
    checker = default_checker(lang)
    composed = checker.check_text(text, path)
    decomposed_text = unicodedata.normalize("NFD", text)
    decomposed = checker.check_text(decomposed_text, path)
    assert_well_placed(decomposed, decomposed_text)
    assert decomposed.language.lang == composed.language.lang
    assert normalised_findings(decomposed) == normalised_findings(composed)
