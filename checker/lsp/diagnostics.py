"""Findings in the Language Server Protocol's terms: positions in the client's code units,
findings as diagnostics, fixes as code actions (a safe fix is the preferred one), and the
whole document's safe fixes as one ``source.fixAll.termcheck`` action.

Lines end where ``checker.document`` ends them (CR LF, LF, a lone CR), as the protocol says;
characters are counted in the position encoding agreed with the client (UTF-16 unless the
client offers another). The edits are those ``--fix`` would make (``checker.tools.fixes``):
a fix whose span is not a plain copy of the file (an escape in a PO string) has no action.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from lsprotocol import types

from ..document import Document, line_starts
from ..findings import Finding, Severity
from ..report import FileResult
from ..tools.fixes import Edit, exact_edit

SOURCE = "termcheck"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def _units(text: str, encoding: str) -> int:
    """The length of ``text`` in code units of ``encoding`` (utf-8, utf-16 or utf-32)."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Positions:
    """Offsets of a text as LSP positions and back: 0-based lines and characters in the code
    units of ``encoding``."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16):
        self.text = text
        self.encoding = encoding
        self.starts = line_starts(text)

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return types.Position(line, _units(self.text[self.starts[line] : offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        """The offset of ``position``; past the end of its line, the line's end (before its
        line break); past the last line, the end of the text."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = (
            self.starts[position.line + 1]
            if position.line + 1 < len(self.starts)
            else len(self.text)
        )
        line = self.text[start:end].rstrip("\r\n")
        if self.encoding == types.PositionEncodingKind.Utf32:
            return start + min(position.character, len(line))
        count = 0
        for index, char in enumerate(line):
            if count >= position.character:
                return start + index
            count += _units(char, self.encoding)
        return start + len(line)


def finding_range(doc: Document, finding: Finding, positions: Positions) -> types.Range:
    """Where ``finding`` is in the file, as the client counts."""
    return positions.range(doc.file_offset(finding.start), doc.file_end(finding.end))


def diagnostic(doc: Document, finding: Finding, positions: Positions) -> types.Diagnostic:
    """``finding`` as a diagnostic: its rule as the code (``termcheck explain`` documents
    it), its severity, its message."""
    return types.Diagnostic(
        range=finding_range(doc, finding, positions),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        source=SOURCE,
    )


def diagnostics(result: FileResult, positions: Positions) -> list[types.Diagnostic]:
    """The diagnostics of a checked document: one per finding, or one at the top saying why
    it could not be checked."""
    if result.error is not None or result.document is None:
        return [problem(result.error or "could not be checked")]
    return [diagnostic(result.document, f, positions) for f in result.findings]


def problem(message: str) -> types.Diagnostic:
    """A diagnostic at the top of a document: what kept it from being checked."""
    top = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(top, top),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def fix_actions(
    uri: str, result: FileResult, positions: Positions, wanted: types.Range
) -> Iterator[types.CodeAction]:
    """A quick fix for each finding in ``wanted`` whose fix is an exact replacement; a safe
    fix is the preferred action (the one an editor applies with a single key)."""
    doc = result.document
    if doc is None:
        return
    for finding in result.findings:
        edit = exact_edit(doc, finding)
        if edit is None or finding.fix is None:
            continue
        found = diagnostic(doc, finding, positions)
        if not _overlaps(found.range, wanted):
            continue
        replacement = finding.fix.replacement
        title = f"Write '{replacement}'" if replacement else f"Remove '{finding.text}'"
        if not finding.fix.safe:
            title += " (a guess: check it)"
        yield types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[found],
            is_preferred=finding.fix.safe,
            edit=workspace_edit(uri, positions, [edit]),
        )


def fix_all_action(uri: str, positions: Positions, new_text: str) -> types.CodeAction:
    """The document's safe fixes at once (what ``termcheck check --fix`` writes)."""
    whole: Edit = (0, len(positions.text), new_text)
    return types.CodeAction(
        title="Apply every safe termcheck fix",
        kind=FIX_ALL,
        edit=workspace_edit(uri, positions, [whole]),
    )


def workspace_edit(uri: str, positions: Positions, edits: list[Edit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(
        changes={
            uri: [
                types.TextEdit(range=positions.range(start, end), new_text=replacement)
                for start, end, replacement in edits
            ]
        }
    )
