"""Baselines: findings accepted once, silenced until their text changes.

A finding is keyed by content, not position: its file, rule, text, expected text, and the words
around it. Lines can move and the finding stays silenced; edit the name or the words beside it
and it comes back. Keys are counted, so a second identical mention is still reported.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import regex

from glossary.atomic import write_file

from ..errors import CheckerError
from ..findings import Finding
from ..report import FileResult

VERSION = 1
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
CONTEXT_WORDS = 3


class BaselineError(CheckerError):
    """A baseline file that cannot be read."""


def _context(result: FileResult, start: int, end: int) -> str:
    """Up to three words on each side of a span, within its segment (a paragraph added above
    must not change the key)."""
    doc = result.document
    if doc is None:
        return ""
    segment = doc.segment_of(start)
    low, high = (segment.start, segment.end) if segment else (0, len(doc.text))
    before = _WORD.findall(doc.text[max(low, start - 200):start])[-CONTEXT_WORDS:]
    after = _WORD.findall(doc.text[end:min(high, end + 200)])[:CONTEXT_WORDS]
    return " ".join(before) + " | " + " ".join(after)


def key(finding: Finding, result: FileResult) -> str:
    """The content key of a finding in its file."""
    parts = [finding.path, finding.rule, finding.text, finding.expected or "",
             _context(result, finding.start, finding.end)]
    # surrogatepass: a file name that is not UTF-8 (held as lone surrogates) keys as well.
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def write(path: str, results: Iterable[FileResult]) -> int:
    """Write the keys of every finding; returns how many."""
    keys = sorted(key(f, r) for r in results for f in r.findings)
    write_file(path, (json.dumps({"version": VERSION, "findings": keys}, indent=1) + "\n")
               .encode("utf-8"))
    return len(keys)


def load(path: str) -> Counter[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (write one with "
                            f"--write-baseline)") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a termcheck baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f"{path}: not a termcheck baseline of version {VERSION}")
    return Counter(data.get("findings", []))


def filter_results(results: list[FileResult], known: Counter[str]) -> None:
    """Drop, in place, the findings the baseline knows (each key as many times as recorded)."""
    remaining = Counter(known)
    for result in results:
        kept = []
        for finding in result.findings:
            k = key(finding, result)
            if remaining[k] > 0:
                remaining[k] -= 1
            else:
                kept.append(finding)
        result.findings = kept
