"""Properties of ``--fix`` on random drafts written to disk in every encoding termcheck keeps
(UTF-8 with and without BOM, UTF-16 LE and BE with BOM) and with either line ending:

- the file afterwards is the file before with each flagged span replaced by its finding's fix,
  byte for byte everywhere else (encoding, BOM and line endings kept); when a fix reveals
  another (a spoofed ``Sergei Lаvrov`` becomes ``Sergei Lavrov``, the English form), the same
  holds for each round of fixes on the text the round before left;
- a second ``--fix`` changes nothing;
- a file that could not be read is left untouched.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import pytest
from fuzz import DRAFT_SUFFIXES, default_checker, document
from hypothesis import given
from hypothesis import strategies as st

from checker.cli import apply_fixes
from checker.engine import FileResult
from checker.inputs import Source
from checker.tools import fixes

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

ENCODINGS = st.sampled_from([("utf-8", False), ("utf-8", True), ("utf-16-le", True),
                             ("utf-16-be", True)])


def expected_after_fix(result: FileResult, unsafe: bool) -> str:
    """The file's text with every flagged span replaced by its fix: the first of overlapping
    spans wins, and a span whose text is not a plain copy of the file's is left alone."""
    doc = result.document
    spans = sorted((f.start, f.end, f.fix.replacement, f.text) for f in result.findings
                   if f.fix is not None and (f.fix.safe or unsafe) and f.start < f.end)
    chosen, reached = [], 0
    for start, end, replacement, text in spans:
        if start >= reached:
            chosen.append((start, end, replacement, text))
            reached = end
    new = doc.raw
    for start, end, replacement, text in reversed(chosen):
        assert new[start:end] == text  # the span replaced is the one flagged
        new = new[:start] + replacement + new[end:]
    return new


def expected_after_fixes(result: FileResult, lang: str, unsafe: bool) -> str:
    """Rounds of ``expected_after_fix``, each on a fresh check of the text the round before
    left, until one changes nothing (a fix can reveal another: see ``fixes.MAX_ROUNDS``)."""
    text = result.document.raw
    for _ in range(fixes.MAX_ROUNDS):
        new = expected_after_fix(result, unsafe)
        if new == text:
            break
        text = new
        result = default_checker(lang).check_text(new, result.path)
    return text


def fix_file(lang: str, path: Path, unsafe: bool) -> FileResult:
    checker = default_checker(lang)
    report = checker.check_paths([str(path)])
    # Flushing to the disk is what tests/hostile/test_crash_safety.py tests; here it would only
    # make each example wait for the disk.
    with mock.patch("glossary.atomic.os.fsync"):
        apply_fixes(checker, report, write=True, unsafe=unsafe)
    return report.results[0]


@given(text=document(max_pieces=15), name=st.sampled_from(DRAFT_SUFFIXES),
       lang=st.sampled_from(["fr", "en"]), encoding=ENCODINGS, crlf=st.booleans(),
       unsafe=st.booleans())
def test_fix_replaces_only_flagged_spans_and_a_second_fix_changes_nothing(
        text, name, lang, encoding, crlf, unsafe):
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    source = Source(name, text, *encoding)
    before = fixes.encode(source, text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(before)
        result = fix_file(lang, path, unsafe)
        after = path.read_bytes()
        if result.error is not None:  # binary-looking UTF-8 (a NUL byte): left alone
            assert after == before
            return
        # (UTF-8 text that starts with U+FEFF is a file with a BOM: read and kept as one.)
        assert (result.source.encoding, result.source.bom) == (
            encoding[0], encoding[1] or text.startswith("\ufeff"))
        assert after == fixes.encode(result.source, expected_after_fixes(result, lang, unsafe))
        fix_file(lang, path, unsafe)
        assert path.read_bytes() == after, "a second --fix changed the file"
        assert [p.name for p in Path(folder).iterdir()] == [name]  # no temporary file left
