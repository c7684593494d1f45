"""unused-suppression: a `termcheck: ignore` or `termcheck: off` that silences nothing.

What it flags:
    A suppression comment with no finding under it: the name it excused was corrected, or the
    rule it names never fires there. A comment naming only rules the run does not check
    (switched off in the configuration, left out by --select or --ignore) is not flagged.
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
from ..i18n import N_, _
from .base import Context, FixSafety, Rule, Stage


def check_document(ctx: Context) -> list[Finding]:
    """A finding on each directive that silenced nothing (none before suppression has run).
    The directive is in a comment, outside the checked text: the finding is placed by line
    and column in the file."""
    if ctx.suppressions is None:
        return []
    active = ctx.active_rules
    return [Finding(RULE.code, RULE.severity, 0, 0, ignore.text,
                    _("'{text}' silences nothing here; remove it").format(text=ignore.text),
                    path=ctx.doc.path,
                    line=ignore.line, column=ignore.column, end_line=ignore.line,
                    end_column=ignore.column + len(ignore.text))
            for ignore in ctx.suppressions.unused()
            # One naming only rules the run does not check (--ignore, switched off) has
            # nothing to silence today, and is not stale for that.
            if active is None or ignore.rules is None or ignore.rules & active]


RULE = Rule(code="unused-suppression", severity=Severity.INFO, fix_safety=FixSafety.NONE,
            stage=Stage.SUPPRESSIONS, priority=130,
            summary=N_("a suppression comment that silences nothing"),
            example="`<!-- termcheck: ignore[typo] -->` on a line without a typo",
            doc=__doc__, on_document=check_document)
