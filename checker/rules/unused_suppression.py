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

from ..findings import Severity
from .base import Rule

# Findings of this rule are made by checker.suppression, which reads the comments.
RULE = Rule("unused-suppression", Severity.INFO, False,
            "a suppression comment that silences nothing", __doc__)
