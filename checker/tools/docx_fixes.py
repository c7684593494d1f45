"""Fixes inside Word documents: a replacement is made when the span lies in the text of one run
(one ``<w:t>``), so the run keeps its formatting (bold, italic, font, tracked insertion…);
a span across runs (formatting, a spelling mark or an edit's history changes inside the name)
is left as it is, with a note saying why. The document is read again with python-docx, changed
in its XML, saved whole and written atomically, as every fix is (``checker.tools.fixes``).

OpenDocument files are not fixed: odfpy writes a document back by serialising its whole tree
again, which does not keep every file as LibreOffice wrote it; each fixable finding gets a note.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Callable

from ..document import line_starts
from ..readers import docx as word
from ..report import FileResult
from .fixes import MAX_ROUNDS, planned_edits

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def fixed_data(result: FileResult, unsafe: bool = False) -> tuple[bytes | None, list[str]]:
    """The Word file's bytes with the fixes applied (None when nothing changes), and a note for
    each fix that could not be made."""
    doc, source = result.document, result.source
    if doc is None or source is None or source.data is None:
        return None, []
    document = word.open_document(result.path, source.data)
    found = word.paragraphs(document)
    starts = line_starts(doc.raw)
    notes: list[str] = []
    changed = False
    for start, end, replacement in planned_edits(result, unsafe):
        line = bisect_right(starts, start) - 1
        column, end_column = start - starts[line], end - starts[line]
        where = f"paragraph {line + 1}, column {column + 1}"
        text = doc.raw[start:end]
        if line >= len(found) or word.listing_line(found[line].text) != doc.line_text(line + 1):
            notes.append(f"{where}: '{text}' was not fixed: the document's paragraphs could not "
                         "be matched again; fix it in Word")
            continue
        located = _in_one_run(found[line], column, end_column)
        if located is None:
            notes.append(f"{where}: '{text}' was not fixed: it is split across runs of the "
                         "paragraph (its formatting or its editing history changes inside "
                         f"it), and a fix would lose one of them; write '{replacement}' in "
                         "Word")
            continue
        element, offset = located
        old = element.text or ""
        new = old[:offset] + replacement + old[offset + end_column - column:]
        element.text = new
        if new != new.strip():
            element.set(_XML_SPACE, "preserve")
        changed = True
    if not changed:
        return None, notes
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), notes


def _in_one_run(paragraph: word.Paragraph, start: int, end: int):
    """The ``<w:t>`` holding columns ``start`` to ``end`` of the paragraph and where in its
    text they start, or None when they are not within one."""
    position = 0
    for element, text in paragraph.pieces:
        if position <= start and end <= position + len(text):
            return (element, start - position) if element is not None else None
        if position + len(text) > start:
            return None  # the span starts here and goes on past this piece
        position += len(text)
    return None


def converged_data(result: FileResult, recheck: Callable[[FileResult, bytes], FileResult],
                   unsafe: bool = False) -> tuple[bytes | None, FileResult, list[str]]:
    """The Word file's bytes after rounds of fixes until nothing more is fixed (None when
    nothing changes), the check of them, and the notes on the fixes not made."""
    data = None
    notes: list[str] = []
    for _ in range(MAX_ROUNDS):
        new, said = fixed_data(result, unsafe)
        notes.extend(note for note in said if note not in notes)
        if new is None:
            break
        data = new
        result = recheck(result, new)
    return data, result, notes


def not_fixed_notes(result: FileResult, unsafe: bool = False) -> list[str]:
    """For a format termcheck does not write (OpenDocument): a note on each fix it would
    make."""
    return [f"paragraph {f.line}, column {f.column}: '{f.text}' was not fixed: termcheck does not "
            f"write OpenDocument files (odfpy would rewrite the whole file); write "
            f"'{f.fix.replacement}' in the document"
            for f in result.findings if f.fix is not None and (f.fix.safe or unsafe)]
