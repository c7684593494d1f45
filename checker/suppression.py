"""Suppression comments: ``termcheck: ignore[RULE,...]`` on a line, ``termcheck: off`` …
``termcheck: on`` around a block.

The directive is read from the file's lines, inside whatever comment the format has
(``<!-- termcheck: ignore[typo] -->`` in Markdown and HTML, ``# termcheck: ignore[typo]`` as a
PO translator comment, which covers the entry it stands above). ``ignore`` without a list
ignores every rule. This module reads the directives and silences the findings they cover; a
directive that silences nothing is the finding of a rule (``rules.unused_suppression``), run
after this, so it is selected, switched off and given a severity as any rule is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .document import Document, split_lines
from .findings import Finding

_DIRECTIVE = regex.compile(r"termcheck:\s*(?:(?P<ignore>ignore)(?:\[(?P<rules>[^\]]*)\])?"
                           r"|(?P<switch>off|on)\b)")


@dataclass
class Ignore:
    """One directive: an ``ignore`` (its line, or a PO entry) or an ``off`` … ``on`` block."""

    line: int  # where the directive is written
    lines: range  # the lines it covers
    rules: frozenset[str] | None  # None: every rule
    used: bool = False
    column: int = 1
    text: str = ""


@dataclass
class Suppressions:
    ignores: list[Ignore] = field(default_factory=list)

    def covers(self, finding: Finding) -> bool:
        hit = False
        for ignore in self.ignores:
            if finding.line in ignore.lines and (ignore.rules is None
                                                 or finding.rule in ignore.rules):
                ignore.used = True
                hit = True
        return hit

    def silence(self, findings: list[Finding]) -> list[Finding]:
        """The findings no directive covers (``findings`` itself when there is none); the
        directives that cover one are marked used."""
        if not self.ignores:
            return findings
        return [f for f in findings if not self.covers(f)]

    def unused(self) -> list[Ignore]:
        """The directives that silenced nothing, once ``silence`` has run."""
        return [ignore for ignore in self.ignores if not ignore.used]


def parse(doc: Document) -> Suppressions:
    """Every directive of a document, with the lines each one covers."""
    found = Suppressions()
    # Lines as Document counts them (split_lines: CR LF, LF, lone CR; str.splitlines would also
    # break at U+2028, form feeds..., and a directive would cover the wrong line).
    lines = split_lines(doc.raw)
    off_since: int | None = None
    off_column, off_text = 1, "termcheck: off"  # the ``off`` that opened the block
    for number, line in enumerate(lines, 1):
        for match in _DIRECTIVE.finditer(line):
            if match.group("switch") == "off":
                if off_since is None:
                    off_since, off_column, off_text = number, match.start() + 1, match.group()
            elif match.group("switch") == "on" and off_since is not None:
                # Reported, when it silences nothing, where the block starts.
                found.ignores.append(Ignore(off_since, range(off_since, number + 1), None,
                                            column=off_column, text=off_text))
                off_since = None
            elif match.group("ignore"):
                rules = match.group("rules")
                # Rule codes in any case: ignore[TYPO] is ignore[typo].
                codes = frozenset(r.strip().lower() for r in rules.split(",") if r.strip()) \
                    if rules else None
                covered = _covered_lines(doc, lines, number)
                found.ignores.append(Ignore(number, covered, codes, column=match.start() + 1,
                                            text=match.group()))
    if off_since is not None:  # off to the end of the file
        found.ignores.append(Ignore(off_since, range(off_since, len(lines) + 1), None,
                                    column=off_column, text=off_text))
    return found


def _covered_lines(doc: Document, lines: list[str], number: int) -> range:
    """A directive covers its own line; in a PO comment (a line starting with #), the whole
    entry below it, up to the next blank line."""
    if doc.path.endswith((".po", ".pot")) and lines[number - 1].lstrip().startswith("#"):
        end = number
        while end < len(lines) and lines[end].strip():
            end += 1
        return range(number, end + 1)
    return range(number, number + 1)
