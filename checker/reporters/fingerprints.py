"""Fingerprints of findings, for the reports that code review tools compare between runs (SARIF,
GitLab Code Quality): what a finding is, not where it is, so that an alert survives lines added
above it.

Two kinds:

- ``content_fingerprints``: termcheck's own (``termcheck/v1`` in SARIF, ``fingerprint`` in the
  GitLab report): a hash of the file's name, the rule, the text (its spacing normalised, so that
  re-wrapping a paragraph keeps it), the expected text, and which occurrence of that same
  finding in the file it is (two identical slips in one draft are two alerts).
- ``line_hashes``: GitHub's ``primaryLocationLineHash``, computed as github/codeql-action's
  ``fingerprints.ts`` computes it when a SARIF file comes without one, so that GitHub finds the
  value it would have computed: a rolling hash (base 37, modulo 2**64) of the 100 characters
  (UTF-16 code units, spaces and tabs left out, CR LF and CR read as LF) that start at the line,
  then ``:N``, the line being the Nth in the file with that hash.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable, Sequence

from ..findings import Finding
from ..report import FileResult
from .paths import shown_path

_BLOCK = 100  # characters hashed from the start of each line (fingerprints.ts: BLOCK_SIZE)
_BASE = 37  # fingerprints.ts: MOD
_MASK = (1 << 64) - 1  # a JavaScript Long: 64 bits, wrapping
_EOF = "\uffff"  # fingerprints.ts appends 65535 at the end of the file, then zeros
# Native order: the code units are read back with memoryview.cast("H").
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
_NEWLINE = "\n".encode(_UTF16)


def content_key(finding: Finding) -> tuple[str, str, str, str]:
    """What a finding is, whatever its line: file, rule, text with its spacing normalised,
    expected text."""
    return (
        shown_path(finding.path),
        finding.rule,
        " ".join(finding.text.split()),
        finding.expected or "",
    )


def content_fingerprints(findings: Sequence[Finding]) -> list[str]:
    """termcheck's fingerprint of each finding, in the order given (a report's order: the
    Nth identical finding of a file is its Nth in reading order)."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    prints = []
    for finding in findings:
        key = content_key(finding)
        parts = (*key, str(seen[key]))
        seen[key] += 1
        prints.append(hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32])
    return prints


def line_hashes(text: str, lines: Iterable[int]) -> dict[int, str]:
    """GitHub's ``primaryLocationLineHash`` of each of ``lines`` (1-based) of a file whose
    text, as GitHub reads it (UTF-8, a byte-order mark included), is ``text``.

    The hash of a line is that of the 100 code units from its first one on, so identical lines
    followed by identical text have identical hashes, told apart by the counter: equal windows
    are counted rather than equal hashes (two different windows with one 64-bit hash is a
    chance GitHub's counter takes too, and that nobody will meet)."""
    wanted = set(lines)
    if not wanted:
        return {}
    last = max(wanted)
    stream = text.replace("\r\n", "\n").replace("\r", "\n").replace(" ", "").replace("\t", "")
    units = stream.encode(_UTF16)
    starts = [0]  # byte offsets of each line's first code unit
    found = units.find(_NEWLINE)
    while found != -1 and len(starts) < last:
        if found % 2:  # the bytes of two code units, not a line feed
            found = units.find(_NEWLINE, found + 1)
            continue
        starts.append(found + 2)
        found = units.find(_NEWLINE, found + 2)
    padded = units + _EOF.encode(_UTF16) + bytes(2 * _BLOCK)
    counts: Counter[bytes] = Counter()
    hashes = {}
    for number, start in enumerate(starts, 1):
        window = padded[start : start + 2 * _BLOCK]
        counts[window] += 1
        if number in wanted:
            value = 0
            for unit in memoryview(window).cast("H"):
                value = (value * _BASE + unit) & _MASK
            hashes[number] = f"{value:x}:{counts[window]}"
    return hashes


def github_text(result: FileResult) -> str | None:
    """The text of a checked file as GitHub reads it to hash its lines: a UTF-8 file's, its
    byte-order mark included; ``None`` for standard input (no file) and for a file in UTF-16 or
    UTF-32, which GitHub does not decode."""
    source = result.source
    if source is None or source.stdin or source.encoding != "utf-8":
        return None
    return "\ufeff" + source.text if source.bom else source.text


def primary_line_hashes(results: Iterable[FileResult]) -> dict[tuple[str, int], str]:
    """``primaryLocationLineHash`` by (path, line) for the lines where the results' findings
    start."""
    hashes: dict[tuple[str, int], str] = {}
    for result in results:
        text = github_text(result) if result.findings else None
        if text is None:
            continue
        for line, value in line_hashes(text, {f.line for f in result.findings}).items():
            hashes[(result.path, line)] = value
    return hashes
