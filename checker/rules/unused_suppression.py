"""unused-suppression: a `termcheck: ignore` or `termcheck: off` that silences nothing.

What it flags:
    A suppression comment with no finding under it: the name it excused was corrected, or the
    rule it names never fires there.
Why it matters:
    Stale suppressions hide the next real error written on that line.
Example:
    <!-- termcheck: ignore[typo] --> on a line without any typo finding.
Use instead:
    Remove the comment.
Fix safety:
    None: termcheck does not edit comments.
"""

from __future__ import annotations

from ..findings import Finding, Severity
from .base import Context, FixSafety, Rule, Stage


def check_document(ctx: Context) -> list[Finding]:
    """A finding on each directive that silenced nothing (none before suppression has run).
    The directive is in a comment, outside the checked text: the finding is placed by line
    and column in the file."""
    if ctx.suppressions is None:
        return []
    return [Finding(RULE.code, RULE.severity, 0, 0, ignore.text,
                    f"'{ignore.text}' silences nothing here; remove it", path=ctx.doc.path,
                    line=ignore.line, column=ignore.column, end_line=ignore.line,
                    end_column=ignore.column + len(ignore.text))
            for ignore in ctx.suppressions.unused()]


RULE = Rule(code="unused-suppression", severity=Severity.INFO, fix_safety=FixSafety.NONE,
            stage=Stage.SUPPRESSIONS, priority=130,
            summary="a suppression comment that silences nothing",
            example="`<!-- termcheck: ignore[typo] -->` on a line without a typo",
            doc=__doc__, on_document=check_document)
