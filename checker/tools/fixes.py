"""Applying fixes to files: exact replacements only, written atomically, encoding, BOM and line
endings kept. A file whose text cannot be mapped exactly is left as it is.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from glossary.atomic import write_atomic

from ..document import Document
from ..findings import Finding
from ..inputs import BOMS, Source
from ..report import FileResult

__all__ = ["apply_edits", "diff", "encode", "exact_edit", "fixed_text", "planned_edits",
           "write_atomic"]

Edit = tuple[int, int, str]  # start, end (offsets of the file's text), replacement
# Characters a replacement may not bring as they are into an escaped format whose reader does
# not say how it escapes them.
_NEEDS_ESCAPING = set('"\\<>&\n')


def planned_edits(result: FileResult, unsafe: bool = False) -> list[Edit]:
    """The edits ``--fix`` would make: safe fixes (and unsafe ones when asked) whose span is a
    plain copy of the file's text (escaped as the file escapes it, when the reader says how:
    ``Document.escape``), without overlaps; the replacement is escaped the same way."""
    doc = result.document
    if doc is None:
        return []
    edits = sorted(edit for finding in result.findings
                   if finding.fix is not None and (finding.fix.safe or unsafe)
                   for edit in [exact_edit(doc, finding)] if edit is not None)
    kept: list[Edit] = []
    for edit in edits:
        if not kept or edit[0] >= kept[-1][1]:
            kept.append(edit)
    return kept


def exact_edit(doc: Document, finding: Finding) -> Edit | None:
    """The edit of the file's text that the fix of ``finding`` makes, written as the file
    escapes text (PO: a line break as ``\\n``), or None when it has no fix or its span is not a
    plain copy of the file (markup, escapes the document cannot write)."""
    fix = finding.fix
    if fix is None or finding.start == finding.end:
        return None
    start, end = doc.file_offset(finding.start), doc.file_end(finding.end)
    written, replacement = doc.text[finding.start:finding.end], fix.replacement
    if doc.escape is not None:  # as the file writes them
        written, replacement = doc.escape(written), doc.escape(replacement)
        end = start + len(written)  # the span's last character may be an escape
    elif doc.offsets is not None and _NEEDS_ESCAPING & set(replacement):
        return None
    if doc.raw[start:end] != written:
        return None  # the span holds markup or other escapes: not an exact replacement
    return start, end, replacement


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, cursor = [], 0
    for start, end, replacement in edits:
        out.append(text[cursor:start])
        out.append(replacement)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def encode(source: Source, text: str) -> bytes:
    """The bytes of ``text`` in the encoding the file had, with its BOM if it had one."""
    bom = dict(BOMS)[source.encoding] if source.bom else b""
    return bom + text.encode(source.encoding)


def fixed_text(result: FileResult, unsafe: bool = False) -> str | None:
    """The file's text with the fixes applied, or None when there is nothing to change."""
    edits = planned_edits(result, unsafe)
    if not edits or result.document is None:
        return None
    new = apply_edits(result.document.raw, edits)
    return None if new == result.document.raw else new


# A fix can reveal another: the spoofed "Sergei Lаvrov" (Cyrillic а) becomes "Sergei Lavrov",
# which is then the English form in a French draft. Rounds of fixes go on until a check of the
# text finds nothing more to fix (ruff's --fix does the same), so that a second --fix changes
# nothing; a round count past this limit means fixes that undo each other.
MAX_ROUNDS = 8


def converged_text(result: FileResult, recheck: Callable[[FileResult, str], FileResult],
                   unsafe: bool = False) -> tuple[str | None, FileResult]:
    """The file's text after rounds of fixes until nothing is left to fix (None when there
    is nothing to change), and the check of that text. ``recheck(result, text)`` checks a
    new text of the file as the file would be checked."""
    text = None
    for _ in range(MAX_ROUNDS):
        new = fixed_text(result, unsafe)
        if new is None:
            break
        text = new
        result = recheck(result, new)
    return text, result


def diff(result: FileResult, new_text: str) -> str:
    """A unified diff from the file's text to ``new_text``."""
    from ..reporters.text import safe  # a file name's line break must not start a line

    old = result.document.raw if result.document else ""
    name = safe(result.path)
    return "".join(difflib.unified_diff(old.splitlines(keepends=True),
                                        new_text.splitlines(keepends=True),
                                        fromfile=f"a/{name}", tofile=f"b/{name}"))
